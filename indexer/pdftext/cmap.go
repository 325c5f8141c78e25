package pdftext

import (
	"sort"
	"unicode/utf16"
	"unicode/utf8"
)

// cmap is a parsed CMap: codespace ranges (how many bytes a code takes)
// and either code→Unicode mappings (ToUnicode) or code→CID mappings (an
// embedded encoding CMap).
type cmap struct {
	spaces []codespace
	uni    map[uint32]string // ToUnicode: code (with its byte length folded in) → text
	ranges []uniRange        // ToUnicode ranges too large to expand
	cids   map[uint32]uint32 // encoding CMap: code → CID
	cidRng []cidRange
}

type codespace struct {
	n      int // bytes
	lo, hi uint32
}

type uniRange struct {
	n      int
	lo, hi uint32
	dst    []uint16 // UTF-16 of lo's text; the last unit is incremented
}

type cidRange struct {
	n      int
	lo, hi uint32
	cid    uint32
}

// key folds a code's byte length into it: <00 41> and <41> differ.
func key(code uint32, n int) uint32 { return code | uint32(n)<<29 }

func bytesToCode(s string) (uint32, int) {
	var c uint32
	n := len(s)
	if n > 4 {
		s = s[n-4:]
		n = 4
	}
	for i := 0; i < len(s); i++ {
		c = c<<8 | uint32(s[i])
	}
	return c, n
}

// maxExpand bounds how many codes of one bfrange are expanded into the map.
const maxExpand = 512

// parseCMap parses CMap data. Failures leave what was read so far.
func parseCMap(data []byte) *cmap {
	m := &cmap{uni: map[uint32]string{}}
	l := &lexer{b: data}
	var stk []operand
	for steps := 0; steps < 4_000_000; steps++ {
		o, kw, eof := l.next()
		if eof {
			break
		}
		if kw == nil {
			if len(stk) < 1<<16 {
				stk = append(stk, o)
			}
			continue
		}
		switch string(kw) {
		case "endcodespacerange":
			for i := 0; i+1 < len(stk); i += 2 {
				if stk[i].kind != opStr || stk[i+1].kind != opStr {
					continue
				}
				lo, n := bytesToCode(stk[i].str)
				hi, n2 := bytesToCode(stk[i+1].str)
				if n == 0 || n != n2 {
					continue
				}
				m.spaces = append(m.spaces, codespace{n, lo, hi})
			}
		case "endbfchar":
			for i := 0; i+1 < len(stk); i += 2 {
				if stk[i].kind != opStr {
					continue
				}
				c, n := bytesToCode(stk[i].str)
				if n == 0 {
					continue
				}
				switch stk[i+1].kind {
				case opStr:
					m.uni[key(c, n)] = utf16BE(stk[i+1].str)
				case opName:
					if r, ok := glyphRune(stk[i+1].str); ok {
						m.uni[key(c, n)] = r
					}
				}
			}
		case "endbfrange":
			for i := 0; i+2 < len(stk); i += 3 {
				if stk[i].kind != opStr || stk[i+1].kind != opStr {
					continue
				}
				lo, n := bytesToCode(stk[i].str)
				hi, n2 := bytesToCode(stk[i+1].str)
				if n == 0 || n != n2 || hi < lo {
					continue
				}
				dst := stk[i+2]
				switch dst.kind {
				case opStr:
					u := toUTF16Units(dst.str)
					if len(u) == 0 {
						continue
					}
					if hi-lo >= maxExpand {
						m.ranges = append(m.ranges, uniRange{n, lo, hi, u})
						continue
					}
					for c := lo; c <= hi; c++ {
						v := append([]uint16(nil), u...)
						v[len(v)-1] += uint16(c - lo)
						m.uni[key(c, n)] = string(utf16.Decode(v))
						if c == hi { // hi may be 0xFFFFFFFF
							break
						}
					}
				case opArr:
					for j, e := range dst.arr {
						c := lo + uint32(j)
						if c > hi || j > maxExpand*8 {
							break
						}
						if e.kind == opStr {
							m.uni[key(c, n)] = utf16BE(e.str)
						}
					}
				}
			}
		case "endcidchar":
			for i := 0; i+1 < len(stk); i += 2 {
				if stk[i].kind != opStr || stk[i+1].kind != opNum {
					continue
				}
				c, n := bytesToCode(stk[i].str)
				if m.cids == nil {
					m.cids = map[uint32]uint32{}
				}
				m.cids[key(c, n)] = uint32(stk[i+1].num)
			}
		case "endcidrange":
			for i := 0; i+2 < len(stk); i += 3 {
				if stk[i].kind != opStr || stk[i+1].kind != opStr || stk[i+2].kind != opNum {
					continue
				}
				lo, n := bytesToCode(stk[i].str)
				hi, _ := bytesToCode(stk[i+1].str)
				m.cidRng = append(m.cidRng, cidRange{n, lo, hi, uint32(stk[i+2].num)})
			}
		}
		stk = stk[:0]
	}
	sort.Slice(m.spaces, func(i, j int) bool { return m.spaces[i].n < m.spaces[j].n })
	return m
}

// utf16BE decodes a ToUnicode destination: UTF-16BE (a BOM is dropped);
// odd-length strings are read byte by byte.
func utf16BE(s string) string {
	u := toUTF16Units(s)
	if u == nil {
		return ""
	}
	return string(utf16.Decode(u))
}

func toUTF16Units(s string) []uint16 {
	if len(s) >= 2 && s[0] == 0xFE && s[1] == 0xFF {
		s = s[2:]
	}
	if len(s) == 0 {
		return nil
	}
	if len(s)%2 == 1 {
		u := make([]uint16, len(s))
		for i := 0; i < len(s); i++ {
			u[i] = uint16(s[i])
		}
		return u
	}
	u := make([]uint16, len(s)/2)
	for i := range u {
		u[i] = uint16(s[2*i])<<8 | uint16(s[2*i+1])
	}
	return u
}

// lookup returns the text of a code of n bytes.
func (m *cmap) lookup(code uint32, n int) (string, bool) {
	if s, ok := m.uni[key(code, n)]; ok {
		return s, true
	}
	for _, r := range m.ranges {
		if r.n == n && code >= r.lo && code <= r.hi {
			v := append([]uint16(nil), r.dst...)
			v[len(v)-1] += uint16(code - r.lo)
			return string(utf16.Decode(v)), true
		}
	}
	return "", false
}

// cid returns the CID of a code in an encoding CMap.
func (m *cmap) cid(code uint32, n int) uint32 {
	if c, ok := m.cids[key(code, n)]; ok {
		return c
	}
	for _, r := range m.cidRng {
		if r.n == n && code >= r.lo && code <= r.hi {
			return r.cid + code - r.lo
		}
	}
	return code
}

// codeLen returns how many bytes the code starting s takes, per the
// codespace ranges (def when there are none or none matches).
func (m *cmap) codeLen(s string, def int) int {
	if m == nil || len(m.spaces) == 0 {
		return def
	}
	for _, sp := range m.spaces {
		if sp.n > len(s) {
			continue
		}
		c, _ := bytesToCode(s[:sp.n])
		if c >= sp.lo && c <= sp.hi {
			return sp.n
		}
	}
	// No range matches: take the shortest (as PDF readers do for
	// malformed input).
	return m.spaces[0].n
}

// glyphRune maps a glyph name to its text: the Adobe glyph list,
// uniXXXX[XXXX...], uXXXX[XX], ligature names joined by "_", and names
// with a ".suffix" (alternates).
func glyphRune(name string) (string, bool) {
	if r, ok := glyphNames[name]; ok {
		return string(r), true
	}
	if i := indexByte(name, '.'); i > 0 {
		return glyphRune(name[:i])
	}
	if len(name) >= 7 && name[:3] == "uni" && (len(name)-3)%4 == 0 {
		var b []rune
		for i := 3; i < len(name); i += 4 {
			v, ok := parseHex(name[i : i+4])
			if !ok {
				return "", false
			}
			b = append(b, rune(v))
		}
		return string(b), true
	}
	if len(name) >= 5 && len(name) <= 7 && name[0] == 'u' {
		if v, ok := parseHex(name[1:]); ok && v <= utf8.MaxRune {
			return string(rune(v)), true
		}
	}
	if indexByte(name, '_') > 0 {
		var out string
		for _, part := range splitByte(name, '_') {
			s, ok := glyphRune(part)
			if !ok {
				return "", false
			}
			out += s
		}
		return out, true
	}
	return "", false
}

func parseHex(s string) (uint32, bool) {
	if s == "" || len(s) > 8 {
		return 0, false
	}
	var v uint32
	for i := 0; i < len(s); i++ {
		h := hexVal(s[i])
		if h < 0 {
			return 0, false
		}
		v = v<<4 | uint32(h)
	}
	return v, true
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

func splitByte(s string, c byte) []string {
	var out []string
	for {
		i := indexByte(s, c)
		if i < 0 {
			return append(out, s)
		}
		out = append(out, s[:i])
		s = s[i+1:]
	}
}
