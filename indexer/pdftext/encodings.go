package pdftext

import "unicode"

const noRune = unicode.ReplacementChar

// standardEncoding is Adobe's StandardEncoding (PDF 32000-1, Annex D),
// the built-in encoding of most Latin Type 1 fonts.
var standardEncoding = func() [256]rune {
	var t [256]rune
	for c := 0x20; c < 0x7F; c++ {
		t[c] = rune(c)
	}
	t[0x27] = 0x2019 // quoteright
	t[0x60] = 0x2018 // quoteleft
	hi := map[int]rune{
		0xA1: 0xA1, 0xA2: 0xA2, 0xA3: 0xA3, 0xA4: 0x2044, 0xA5: 0xA5, 0xA6: 0x192, 0xA7: 0xA7, 0xA8: 0xA4,
		0xA9: 0x27, 0xAA: 0x201C, 0xAB: 0xAB, 0xAC: 0x2039, 0xAD: 0x203A, 0xAE: 0xFB01, 0xAF: 0xFB02,
		0xB1: 0x2013, 0xB2: 0x2020, 0xB3: 0x2021, 0xB4: 0xB7, 0xB6: 0xB6, 0xB7: 0x2022, 0xB8: 0x201A,
		0xB9: 0x201E, 0xBA: 0x201D, 0xBB: 0xBB, 0xBC: 0x2026, 0xBD: 0x2030, 0xBF: 0xBF,
		0xC1: 0x60, 0xC2: 0xB4, 0xC3: 0x2C6, 0xC4: 0x2DC, 0xC5: 0xAF, 0xC6: 0x2D8, 0xC7: 0x2D9, 0xC8: 0xA8,
		0xCA: 0x2DA, 0xCB: 0xB8, 0xCD: 0x2DD, 0xCE: 0x2DB, 0xCF: 0x2C7, 0xD0: 0x2014,
		0xE1: 0xC6, 0xE3: 0xAA, 0xE8: 0x141, 0xE9: 0xD8, 0xEA: 0x152, 0xEB: 0xBA,
		0xF1: 0xE6, 0xF5: 0x131, 0xF8: 0x142, 0xF9: 0xF8, 0xFA: 0x153, 0xFB: 0xDF,
	}
	for c, r := range hi {
		t[c] = r
	}
	for c := range t {
		if t[c] == 0 {
			t[c] = noRune
		}
	}
	return t
}()

// symbolEncoding is the built-in encoding of the Symbol font.
var symbolEncoding = func() [256]rune {
	var t [256]rune
	for c := 0x20; c < 0x7F; c++ {
		t[c] = rune(c)
	}
	upper := "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ"
	lower := "αβχδεφγηιϕκλμνοπθρστυϖωξψζ"
	i := 0
	for _, r := range upper {
		t[0x41+i] = r
		i++
	}
	i = 0
	for _, r := range lower {
		t[0x61+i] = r
		i++
	}
	for c, r := range map[int]rune{0x22: '∀', 0x24: '∃', 0x27: '∋', 0x2A: '∗', 0x2D: '−', 0x40: '≅', 0x5C: '∴', 0x5E: '⊥', 0x60: '‾', 0x7E: '∼'} {
		t[c] = r
	}
	hi := []rune("ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓°±″≥×∝∂•÷≠≡≈…⏐⎯↵ℵℑℜ℘⊗⊕∅∩∪⊃⊇⊄⊂⊆∈∉∠∇®©™∏√⋅¬∧∨⇔⇐⇑⇒⇓◊〈®©™∑")
	for j, r := range hi {
		t[0xA1+j] = r
	}
	t[0xF1] = '〉'
	t[0xF2] = '∫'
	for c := range t {
		if t[c] == 0 {
			t[c] = noRune
		}
	}
	return t
}()

// Built-in advance widths (thousandths of an em) of the standard fonts
// for the printable ASCII codes 32..126, used when a font dictionary has
// no /Widths. Other codes use the width of their base letter, or avgWidth.
var (
	helveticaASCII = [95]uint16{
		278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
		556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
		1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
		667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
		333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
		556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
	}
	helveticaBoldASCII = [95]uint16{
		278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
		556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
		975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
		667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
		333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
		611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
	}
	timesASCII = [95]uint16{
		250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278,
		500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444,
		921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,
		556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500,
		333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,
		500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
	}
	timesBoldASCII = [95]uint16{
		250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278,
		500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500,
		930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778,
		611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500,
		333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500,
		556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
	}
)

const avgWidth = 500

// otherWidths are built-in widths of common non-ASCII characters of the
// standard sans and serif fonts (accented letters take their base
// letter's).
var otherWidths = map[rune][2]uint16{ // sans, serif
	0xB4: {333, 333}, 0x2DC: {333, 333}, 0x2C6: {333, 333}, 0xA8: {333, 333}, 0xB8: {333, 333}, 0x2C7: {333, 333},
	0x2D8: {333, 333}, 0x2D9: {333, 333}, 0x2DA: {333, 333}, 0xAF: {333, 333}, 0x2DB: {333, 333}, 0x2DD: {333, 333},
	0x2018: {222, 333}, 0x2019: {222, 333}, 0x201C: {333, 444}, 0x201D: {333, 444}, 0x201A: {222, 333}, 0x201E: {333, 444},
	0x2013: {556, 500}, 0x2014: {1000, 1000}, 0x2022: {350, 350}, 0x20AC: {556, 500}, 0x2026: {1000, 1000},
	0xA0: {278, 250}, 0xAB: {556, 500}, 0xBB: {556, 500}, 0xA9: {737, 760}, 0xAE: {737, 760}, 0xB0: {400, 400},
	0xBF: {611, 444}, 0xA1: {333, 333}, 0xB7: {278, 250}, 0xDF: {611, 500}, 0xE6: {889, 667}, 0xC6: {1000, 889},
}

// standardWidths returns the built-in width table of a standard font
// named base (subset tag removed), or nil with a fixed width for Courier.
func standardWidths(base string) (table *[95]uint16, fixed float64) {
	low := lower(base)
	bold := contains(low, "bold") || contains(low, "black") || contains(low, "heavy")
	switch {
	case contains(low, "courier") || contains(low, "mono"):
		return nil, 600
	case contains(low, "times") || contains(low, "serif") && !contains(low, "sans") || contains(low, "roman") || contains(low, "georgia") || contains(low, "garamond"):
		if bold {
			return &timesBoldASCII, 0
		}
		return &timesASCII, 0
	case contains(low, "symbol"), contains(low, "dingbat"):
		return nil, 0
	}
	if bold {
		return &helveticaBoldASCII, 0
	}
	return &helveticaASCII, 0
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}

func contains(s, sub string) bool {
	n := len(sub)
	for i := 0; i+n <= len(s); i++ {
		if s[i:i+n] == sub {
			return true
		}
	}
	return false
}
