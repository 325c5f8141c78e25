package pdftext

import (
	"fmt"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/ledongthuc/pdf"
	"golang.org/x/text/unicode/norm"
)

// font is what the walk needs of a font: how to cut a string into codes,
// each code's text and advance width (in text-space units per unit of font
// size, i.e. thousandths of an em already divided by 1000).
type font struct {
	name      string
	composite bool
	vertical  bool
	// simple fonts
	text  [256]string
	width [256]float64
	// composite fonts
	codeMap    *cmap // embedded encoding CMap (nil: fixed 2-byte codes)
	shiftJIS   bool
	eucLike    bool
	ucs2       bool // predefined UCS-2/UTF-16 CMap: the code is the character
	toUni      *cmap
	cidWidths  map[uint32]float64
	dw         float64
	cidGlyphs  map[uint32]glyphCode
	sizeFactor float64 // Type 3: em size relative to the Tf size
}

type glyphCode struct {
	text  string
	width float64
}

// code is one decoded character code of a shown string.
type code struct {
	text   string
	width  float64
	single bool // a one-byte code 32: word spacing applies
}

// decode cuts s into codes.
func (f *font) decode(s string, out []code) []code {
	out = out[:0]
	if !f.composite {
		for i := 0; i < len(s); i++ {
			c := s[i]
			out = append(out, code{text: f.text[c], width: f.width[c], single: c == 32})
		}
		return out
	}
	for i := 0; i < len(s); {
		n := 2
		switch {
		case f.codeMap != nil:
			n = f.codeMap.codeLen(s[i:], 2)
		case f.shiftJIS:
			if c := s[i]; c < 0x81 || (c >= 0xA0 && c <= 0xDF) {
				n = 1
			}
		case f.eucLike:
			if s[i] < 0x80 {
				n = 1
			}
		}
		if i+n > len(s) {
			n = len(s) - i
		}
		c, _ := bytesToCode(s[i : i+n])
		k := key(c, n)
		g, ok := f.cidGlyphs[k]
		if !ok {
			g = f.cidGlyph(c, n, s[i:i+n])
			if len(f.cidGlyphs) < 1<<16 {
				f.cidGlyphs[k] = g
			}
		}
		out = append(out, code{text: g.text, width: g.width, single: n == 1 && c == 32})
		i += n
	}
	return out
}

func (f *font) cidGlyph(c uint32, n int, raw string) glyphCode {
	cid := c
	if f.codeMap != nil {
		cid = f.codeMap.cid(c, n)
	}
	w, ok := f.cidWidths[cid]
	if !ok {
		w = f.dw
	}
	var text string
	found := false
	if f.toUni != nil {
		text, found = f.toUni.lookup(c, n)
	}
	if !found {
		switch {
		case f.ucs2 && n == 2:
			text = string(rune(c))
		case f.ucs2 || n == 1 && c < 0x80 && (f.shiftJIS || f.eucLike):
			text = string(rune(c))
		default:
			text = string(noRune)
		}
	}
	return glyphCode{text: cleanGlyphText(text), width: w}
}

// cleanGlyphText normalises a glyph's text: NUL and other controls
// dropped (some ToUnicode maps give them for spaces), NFC.
func cleanGlyphText(s string) string {
	if s == "" {
		return ""
	}
	ok := true
	for _, r := range s {
		if r < 0x20 || r == 0x7F || r >= 0x80 {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if r == '\t' || r == '\n' || r == '\r' {
			b.WriteByte(' ')
			continue
		}
		if r < 0x20 || r == 0x7F {
			continue
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

// loadFont builds a font from its dictionary, recovering from library
// panics (a broken font gives replacement characters, not a failed page).
func (d *Document) loadFont(v pdf.Value) (f *font) {
	f = &font{}
	for i := range f.text {
		f.text[i] = string(noRune)
		f.width[i] = avgWidth / 1000.0
	}
	defer func() {
		// A broken font keeps the defaults set above.
		_ = recover()
	}()
	f.name = stripSubset(v.Key("BaseFont").Name())
	if debugLayout {
		defer func() {
			fmt.Fprintf(os.Stderr, "font %s: %v\n  widths a=%.3f d=%.3f i=%.3f\n", f.name, v, f.width['a'], f.width['d'], f.width['i'])
		}()
	}
	switch v.Key("Subtype").Name() {
	case "Type0":
		d.loadComposite(f, v)
	default:
		d.loadSimple(f, v)
	}
	return f
}

func stripSubset(name string) string {
	if len(name) > 7 && name[6] == '+' {
		up := true
		for i := 0; i < 6; i++ {
			if name[i] < 'A' || name[i] > 'Z' {
				up = false
			}
		}
		if up {
			return name[7:]
		}
	}
	return name
}

var reType1Enc = regexp.MustCompile(`dup\s+(\d+)\s*/([^\s/]+)\s+put`)

func (d *Document) loadSimple(f *font, v pdf.Value) {
	subtype := v.Key("Subtype").Name()
	desc := v.Key("FontDescriptor")
	flags := desc.Key("Flags").Int64()
	symbolic := flags&4 != 0 && flags&32 == 0
	low := lower(f.name)

	// Base encoding.
	var base *[256]rune
	var builtin map[int]string // names from an embedded Type 1 program
	enc := v.Key("Encoding")
	baseName := ""
	switch enc.Kind() {
	case pdf.Name:
		baseName = enc.Name()
	case pdf.Dict:
		baseName = enc.Key("BaseEncoding").Name()
	}
	switch baseName {
	case "WinAnsiEncoding":
		base = &winAnsiEncoding
	case "MacRomanEncoding":
		base = &macRomanEncoding
	case "StandardEncoding":
		base = &standardEncoding
	case "PDFDocEncoding":
		base = &pdfDocEncoding
	}
	if base == nil {
		switch {
		case contains(low, "symbol"):
			base = &symbolEncoding
		case subtype == "Type1" || subtype == "MMType1":
			builtin = d.type1Encoding(desc.Key("FontFile"))
			base = &standardEncoding
		case subtype == "TrueType" && !symbolic:
			base = &winAnsiEncoding
		case subtype == "TrueType":
			base = &winAnsiEncoding
		default:
			base = &standardEncoding
		}
	}
	for c := 0; c < 256; c++ {
		r := base[c]
		if r == noRune || r == 0 {
			f.text[c] = string(noRune)
		} else {
			f.text[c] = string(r)
		}
		if name, ok := builtin[c]; ok {
			if s, ok := glyphRune(name); ok {
				f.text[c] = s
			}
		}
	}
	if enc.Kind() == pdf.Dict {
		diffs := enc.Key("Differences")
		n := -1
		for i := 0; i < diffs.Len() && i < 4096; i++ {
			x := diffs.Index(i)
			switch x.Kind() {
			case pdf.Integer, pdf.Real:
				n = int(x.Float64())
			case pdf.Name:
				if n >= 0 && n < 256 {
					if s, ok := glyphRune(x.Name()); ok {
						f.text[n] = s
					} else if x.Name() != ".notdef" {
						f.text[n] = unknownGlyph(x.Name(), f.text[n])
					}
				}
				n++
			}
		}
	}
	if tu := v.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		if m := d.toUnicode(tu); m != nil {
			for c := 0; c < 256; c++ {
				if s, ok := m.lookup(uint32(c), 1); ok {
					f.text[c] = s
				}
			}
		}
	}
	for c := range f.text {
		f.text[c] = cleanGlyphText(f.text[c])
	}

	// Widths.
	scale := 0.001
	if subtype == "Type3" {
		fm := v.Key("FontMatrix")
		if a := fm.Index(0).Float64(); fm.Len() == 6 && a != 0 && !math.IsNaN(a) && math.Abs(a) < 10 {
			scale = a
		}
		if dd := math.Abs(fm.Index(3).Float64()); dd > 0 && dd < 10 {
			f.sizeFactor = dd / 0.001
			if f.sizeFactor < 0.05 || f.sizeFactor > 20 {
				f.sizeFactor = 0
			}
		}
	}
	widths := v.Key("Widths")
	missing := desc.Key("MissingWidth").Float64()
	if widths.Kind() == pdf.Array && widths.Len() > 0 {
		first := int(v.Key("FirstChar").Int64())
		for c := 0; c < 256; c++ {
			f.width[c] = missing * scale
		}
		nw := widths.Len()
		for i := 0; i < nw && i < 256; i++ {
			c := first + i
			if c < 0 || c > 255 {
				continue
			}
			w := widths.Index(i).Float64()
			if w < 0 || w > 1e5 || math.IsNaN(w) {
				w = 0
			}
			f.width[c] = w * scale
		}
		return
	}
	// No /Widths: the built-in metrics of a standard font.
	table, fixed := standardWidths(f.name)
	for c := 0; c < 256; c++ {
		w := float64(avgWidth)
		switch {
		case fixed > 0:
			w = fixed
		case table != nil:
			w = asciiWidth(table, f.text[c])
		}
		f.width[c] = w * 0.001
	}
}

// unknownGlyph gives the text of a glyph name that is not in the glyph
// list: names like "g123", "cid45", "glyph12" or "index7" carry no
// character (a replacement character, which the quality gate sees);
// others keep the base encoding's character.
func unknownGlyph(name, base string) string {
	i := 0
	for i < len(name) && (name[i] < '0' || name[i] > '9') {
		i++
	}
	if i < len(name) && i <= 5 {
		if _, err := strconv.Atoi(name[i:]); err == nil {
			// "a12" style names (dingbats) and "g123": no character known.
			return string(noRune)
		}
	}
	return base
}

func asciiWidth(t *[95]uint16, s string) float64 {
	if s == "" {
		return 0
	}
	r := []rune(s)[0]
	if w, ok := otherWidths[r]; ok {
		if t == &timesASCII || t == &timesBoldASCII {
			return float64(w[1])
		}
		return float64(w[0])
	}
	if r > 0x7E {
		// The base letter of an accented one.
		d := []rune(norm.NFD.String(string(r)))
		if len(d) > 0 {
			r = d[0]
		}
	}
	if r >= 32 && r <= 126 {
		return float64(t[r-32])
	}
	return avgWidth
}

// type1Encoding reads the built-in encoding of an embedded Type 1 font
// program ("dup 65 /A put" lines of its clear-text part).
func (d *Document) type1Encoding(ff pdf.Value) map[int]string {
	if ff.Kind() != pdf.Stream {
		return nil
	}
	b, err := d.streamBytes(ff)
	if err != nil && len(b) == 0 {
		return nil
	}
	if n := ff.Key("Length1").Int64(); n > 0 && int(n) < len(b) {
		b = b[:n]
	}
	if len(b) > 1<<20 {
		b = b[:1<<20]
	}
	s := string(b)
	if i := strings.Index(s, "eexec"); i >= 0 {
		s = s[:i]
	}
	if !strings.Contains(s, "/Encoding") || strings.Contains(s, "/Encoding StandardEncoding") {
		return nil
	}
	out := map[int]string{}
	for _, m := range reType1Enc.FindAllStringSubmatch(s, 512) {
		if c, err := strconv.Atoi(m[1]); err == nil && c >= 0 && c < 256 {
			out[c] = m[2]
		}
	}
	return out
}

func (d *Document) toUnicode(v pdf.Value) *cmap {
	b, err := d.streamBytes(v)
	if err != nil && len(b) == 0 {
		return nil
	}
	if len(b) > 8<<20 {
		return nil
	}
	m := parseCMap(b)
	if len(m.uni) == 0 && len(m.ranges) == 0 {
		return nil
	}
	return m
}

func (d *Document) loadComposite(f *font, v pdf.Value) {
	f.composite = true
	f.cidGlyphs = map[uint32]glyphCode{}
	f.dw = 1.0
	enc := v.Key("Encoding")
	switch enc.Kind() {
	case pdf.Name:
		n := enc.Name()
		f.vertical = strings.HasSuffix(n, "-V")
		switch {
		case strings.HasPrefix(n, "Identity"):
		case strings.Contains(n, "UCS2") || strings.Contains(n, "UTF16"):
			f.ucs2 = true
		case strings.Contains(n, "RKSJ"):
			f.shiftJIS = true
		case strings.Contains(n, "EUC") || strings.Contains(n, "GBK") || strings.Contains(n, "GB-") || strings.Contains(n, "KSC") || strings.Contains(n, "B5") || strings.Contains(n, "ETen") || strings.Contains(n, "HKscs"):
			f.eucLike = true
		}
	case pdf.Stream:
		if b, err := d.streamBytes(enc); err == nil || len(b) > 0 {
			m := parseCMap(b)
			if len(m.spaces) > 0 {
				f.codeMap = m
			}
		}
		if enc.Key("WMode").Int64() == 1 {
			f.vertical = true
		}
	}
	desc := v.Key("DescendantFonts").Index(0)
	if dw := desc.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
		f.dw = dw.Float64() / 1000
	}
	f.cidWidths = map[uint32]float64{}
	w := desc.Key("W")
	n := w.Len()
	for i := 0; i < n && len(f.cidWidths) < 1<<17; {
		first := w.Index(i)
		if first.Kind() != pdf.Integer && first.Kind() != pdf.Real {
			i++
			continue
		}
		c0 := uint32(first.Float64())
		if i+1 >= n {
			break
		}
		second := w.Index(i + 1)
		if second.Kind() == pdf.Array {
			for j := 0; j < second.Len() && j < 1<<16; j++ {
				f.cidWidths[c0+uint32(j)] = second.Index(j).Float64() / 1000
			}
			i += 2
			continue
		}
		if i+2 >= n {
			break
		}
		c1 := uint32(second.Float64())
		wv := w.Index(i+2).Float64() / 1000
		for c := c0; c <= c1 && c-c0 < 1<<16; c++ {
			f.cidWidths[c] = wv
		}
		i += 3
	}
	if tu := v.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		f.toUni = d.toUnicode(tu)
	}
	if f.toUni == nil && !f.ucs2 {
		// Adobe-Identity with no ToUnicode: a TrueType CID font whose
		// CIDs are glyph ids. Nothing to map; replacement characters let
		// the quality gate call the fallback engine.
		ord := desc.Key("CIDSystemInfo").Key("Ordering").RawString()
		if ord == "UCS" || ord == "UCS2" {
			f.ucs2 = true
		}
	}
}
