package extract

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// The library's Page.Content gives no glyph widths for composite (Type0,
// CID) fonts and does not advance the text position over their glyphs:
// every glyph of a string gets the string's X. For the common case of
// Identity-H fonts with a ToUnicode map, fontWidths rebuilds a table from
// Unicode character to glyph width out of the font's /W array, and
// fixPositions uses it to lay the glyphs out again.

// maxCIDDecodes bounds the work spent on one font's width table.
const maxCIDDecodes = 6000

// runeWidths maps characters to glyph widths, in thousandths of an em.
type runeWidths struct {
	w   map[rune]float64
	avg float64
}

// widthCache holds the width tables of one document's fonts, keyed by the
// font's full BaseFont name (subset tag included).
type widthCache map[string]*runeWidths

// pageWidths returns the width tables of a page's Type0 fonts, keyed by
// BaseFont without its subset tag (the name Page.Content reports).
func pageWidths(p pdf.Page, cache widthCache) (out map[string]*runeWidths) {
	defer func() {
		if recover() != nil {
			out = nil
		}
	}()
	out = map[string]*runeWidths{}
	names := p.Fonts()
	if len(names) > 200 {
		names = names[:200]
	}
	for _, name := range names {
		f := p.Font(name)
		if f.V.Key("Subtype").Name() != "Type0" {
			continue
		}
		base := f.BaseFont()
		rw, ok := cache[base]
		if !ok {
			rw = type0Widths(&f)
			cache[base] = rw
		}
		if rw == nil {
			continue
		}
		short := base
		if i := strings.Index(short, "+"); i >= 0 {
			short = short[i+1:]
		}
		if prev, ok := out[short]; ok && prev != rw {
			merged := &runeWidths{w: map[rune]float64{}, avg: prev.avg}
			for k, v := range prev.w {
				merged.w[k] = v
			}
			for k, v := range rw.w {
				if _, dup := merged.w[k]; !dup {
					merged.w[k] = v
				}
			}
			rw = merged
		}
		out[short] = rw
	}
	return out
}

// type0Widths builds the width table of an Identity-H Type0 font, or nil.
func type0Widths(f *pdf.Font) (rw *runeWidths) {
	defer func() {
		if recover() != nil {
			rw = nil
		}
	}()
	if enc := f.V.Key("Encoding").Name(); enc != "Identity-H" && enc != "Identity-V" {
		return nil
	}
	desc := f.V.Key("DescendantFonts").Index(0)
	if desc.Kind() != pdf.Dict {
		return nil
	}
	dw := 1000.0
	if v := desc.Key("DW"); v.Kind() == pdf.Integer || v.Kind() == pdf.Real {
		dw = v.Float64()
	}
	decoder := f.Encoder()
	rw = &runeWidths{w: map[rune]float64{}, avg: dw}
	sum, n := 0.0, 0
	decodes := 0
	add := func(cid int64, w float64) {
		if cid < 0 || cid > 0xFFFF || decodes >= maxCIDDecodes || !finite(w) || w < 0 || w > 5000 {
			return
		}
		decodes++
		s := decoder.Decode(string([]byte{byte(cid >> 8), byte(cid)}))
		r, size := utf8.DecodeRuneInString(s)
		if size == 0 || size != len(s) || r == utf8.RuneError {
			return
		}
		if _, dup := rw.w[r]; !dup {
			rw.w[r] = w
			if w > 0 {
				sum += w
				n++
			}
		}
	}
	arr := desc.Key("W")
	for i := 0; i < arr.Len() && decodes < maxCIDDecodes; {
		first := arr.Index(i).Int64()
		next := arr.Index(i + 1)
		if next.Kind() == pdf.Array {
			for j := 0; j < next.Len() && decodes < maxCIDDecodes; j++ {
				add(first+int64(j), next.Index(j).Float64())
			}
			i += 2
			continue
		}
		last := next.Int64()
		w := arr.Index(i + 2).Float64()
		for c := first; c <= last && c-first < maxCIDDecodes && decodes < maxCIDDecodes; c++ {
			add(c, w)
		}
		i += 3
	}
	if n > 0 {
		rw.avg = sum / float64(n)
	}
	return rw
}

// fixPositions lays out again the glyphs of fonts the library gave no
// widths for, using the fonts' width tables. Glyphs of one string (same
// font and baseline, X moving by no more than a kerning step) are placed
// one after the other; a larger move starts a new string at its own X.
func fixPositions(texts []pdf.Text, widths map[string]*runeWidths) {
	if len(widths) == 0 {
		return
	}
	shift := 0.0
	var prev *pdf.Text
	prevRawX := 0.0
	for i := range texts {
		t := &texts[i]
		rw := widths[t.Font]
		if rw == nil || t.W != 0 {
			prev, shift = nil, 0
			continue
		}
		r, _ := utf8.DecodeRuneInString(t.S)
		w, ok := rw.w[r]
		if !ok {
			w = rw.avg
		}
		fs := math.Abs(t.FontSize)
		rawX := t.X
		if prev != nil && prev.Font == t.Font && prev.Y == t.Y {
			if d := rawX - prevRawX; d < -0.3*fs || d > 0.5*fs {
				shift = 0 // a move to a new place: its X is right
			}
		} else {
			shift = 0
		}
		t.X = rawX + shift
		t.W = w / 1000 * fs
		shift += t.W
		prev, prevRawX = t, rawX
	}
}

// tjArtifacts finds the glyphs Page.Content invents: after every TJ
// operator the library draws the string "\n" in the current font, which
// decodes to a real letter in fonts with a /Differences encoding (and to
// U+FFFD in CID fonts). It replays the page's text operators the way
// Content does, counting the glyphs each one produces, and returns a mark
// per glyph (true: invented). It returns nil when the replay does not
// account for exactly n glyphs.
func tjArtifacts(p pdf.Page, n int) (marks []bool) {
	defer func() {
		if recover() != nil {
			marks = nil
		}
	}()
	if p.V.IsNull() || p.V.Key("Contents").Kind() == pdf.Null {
		return nil
	}
	encs := map[string]pdf.TextEncoding{}
	var enc pdf.TextEncoding
	count := func(raw string) int {
		if enc == nil {
			return len(raw) // the library's fallback decoder keeps bytes
		}
		return utf8.RuneCountInString(enc.Decode(raw))
	}
	marks = make([]bool, 0, n)
	add := func(k int, invented bool) {
		for i := 0; i < k; i++ {
			marks = append(marks, invented)
		}
	}
	pdf.Interpret(p.V.Key("Contents"), func(stk *pdf.Stack, op string) {
		m := stk.Len()
		args := make([]pdf.Value, m)
		for i := m - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		switch op {
		case "Tf":
			if len(args) != 2 {
				panic("bad Tf")
			}
			name := args[0].Name()
			e, ok := encs[name]
			if !ok {
				f := p.Font(name)
				e = f.Encoder()
				encs[name] = e
			}
			enc = e
		case "\"":
			if len(args) != 3 {
				panic("bad \"")
			}
			add(count(args[2].RawString()), false)
		case "'", "Tj":
			if len(args) != 1 {
				panic("bad Tj")
			}
			add(count(args[0].RawString()), false)
		case "TJ":
			if len(args) < 1 {
				panic("bad TJ")
			}
			v := args[0]
			for i := 0; i < v.Len(); i++ {
				if x := v.Index(i); x.Kind() == pdf.String {
					add(count(x.RawString()), false)
				}
			}
			add(count("\n"), true)
		}
	})
	if len(marks) != n {
		return nil
	}
	return marks
}
