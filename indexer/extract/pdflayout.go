package extract

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/ledongthuc/pdf"
)

// Positional assembly parameters, as fractions of the font size.
const (
	// spaceGapFrac: a horizontal gap between two glyphs wider than this
	// fraction of the font size is a word space.
	spaceGapFrac = 0.2
	// lineTolFrac: glyphs whose baselines differ by less than this fraction
	// of the font size are on the same line.
	lineTolFrac = 0.5
)

// badnessMargin is how much less bad (textBadness) the plain text must be
// to be preferred to the positional assembly.
const badnessMargin = 0.01

type glyph struct {
	x, y, w, fs float64
	s           string
	space       bool
	seq         int // order in the content stream
}

// assembleGlyphs builds the text of a page from positioned glyphs.
//
// Glyphs are taken in content-stream order and cut into fragments: runs
// on one baseline whose X does not go backwards (what the producer drew
// left to right: a string, a word, a line segment). Fragments on the same
// baseline that touch or nearly touch horizontally are grouped into one
// line and sorted by X; fragments far apart on a baseline (columns side by
// side) stay separate lines, so columns are not interleaved. Lines come
// out in the order the page draws them (usually reading order). A space
// is inserted where the page has a space glyph or where the gap between
// two glyphs exceeds spaceGapFrac of the font size; a glyph drawn twice at
// the same place (fake bold) is kept once.
//
// Known limits, left to the content-stream walk planned in a later issue:
// the library gives no widths for multi-byte (CID) fonts, so all glyphs of
// one string share an X there and only kerning, moves and space glyphs
// separate words; a producer that draws lines out of reading order gets
// its order; text in form XObjects is not seen by the library at all.
func assembleGlyphs(texts []pdf.Text) string {
	gs := make([]glyph, 0, len(texts))
	for _, t := range texts {
		if t.S == "" || t.S == "\n" || (t.S == "\uFFFD" && t.W == 0) {
			continue // the library adds a "\n" glyph after each TJ (U+FFFD in CID fonts)
		}
		if !finite(t.X) || !finite(t.Y) || !finite(t.W) || !finite(t.FontSize) {
			continue
		}
		fs := math.Abs(t.FontSize)
		if fs < 0.5 || fs > 500 {
			fs = 10
		}
		w := t.W
		if w < 0 || w > 50*fs {
			w = 0
		}
		gs = append(gs, glyph{x: t.X, y: t.Y, w: w, fs: fs, s: t.S, space: strings.TrimSpace(t.S) == "", seq: len(gs)})
	}
	if len(gs) == 0 {
		return ""
	}

	// Fragments, in stream order.
	type fragment struct {
		gs         []glyph
		y, fs      float64
		minX, maxX float64
	}
	var frags []*fragment
	var cur *fragment
	for i := range gs {
		g := gs[i]
		if cur != nil {
			last := cur.gs[len(cur.gs)-1]
			tol := lineTolFrac * math.Min(cur.fs, g.fs)
			if math.Abs(g.y-cur.y) <= math.Max(tol, 0.5) && g.x >= last.x-0.5*math.Min(last.fs, g.fs) {
				cur.gs = append(cur.gs, g)
				cur.maxX = math.Max(cur.maxX, g.x+g.w)
				continue
			}
		}
		cur = &fragment{gs: []glyph{g}, y: g.y, fs: g.fs, minX: g.x, maxX: g.x + g.w}
		frags = append(frags, cur)
	}

	// Lines: fragments on one baseline that are horizontally close.
	type line struct {
		frags      []*fragment
		y, fs      float64
		minX, maxX float64
	}
	var lines []*line
	byY := map[int][]*line{} // baseline bucket -> lines
	for _, f := range frags {
		var into *line
		b := int(math.Floor(f.y / 2))
		for _, k := range []int{b - 1, b, b + 1} {
			for _, l := range byY[k] {
				tol := math.Max(lineTolFrac*math.Min(l.fs, f.fs), 0.5)
				near := 1.5 * math.Max(l.fs, f.fs)
				if math.Abs(l.y-f.y) <= tol && f.minX <= l.maxX+near && f.maxX >= l.minX-near {
					into = l
					break
				}
			}
			if into != nil {
				break
			}
		}
		if into == nil {
			into = &line{y: f.y, fs: f.fs, minX: f.minX, maxX: f.maxX}
			lines = append(lines, into)
			byY[b] = append(byY[b], into)
		}
		into.frags = append(into.frags, f)
		into.minX = math.Min(into.minX, f.minX)
		into.maxX = math.Max(into.maxX, f.maxX)
	}

	var b strings.Builder
	for _, l := range lines {
		sort.SliceStable(l.frags, func(i, j int) bool { return l.frags[i].minX < l.frags[j].minX })
		var run []glyph
		for _, f := range l.frags {
			run = append(run, f.gs...)
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		writeLine(&b, run)
	}
	return b.String()
}

// writeLine writes the glyphs of one line, in the order given.
func writeLine(b *strings.Builder, line []glyph) {
	var prev *glyph
	pendingSpace := false
	for i := range line {
		g := &line[i]
		if g.space {
			pendingSpace = prev != nil
			continue
		}
		if prev != nil {
			fs := math.Max(prev.fs, g.fs)
			if prev.w > 0 && g.s == prev.s && math.Abs(g.x-prev.x) < 0.1*fs && math.Abs(g.y-prev.y) < 0.1*fs {
				continue // overprinted glyph (fake bold)
			}
			gap := g.x - (prev.x + prev.w)
			if pendingSpace || gap > spaceGapFrac*fs || gap < -2*fs {
				b.WriteByte(' ')
			}
		}
		b.WriteString(g.s)
		pendingSpace = false
		prev = g
	}
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// pickPageText chooses between the library's plain text and the
// positional assembly of a page: the one that keeps the text (a candidate
// with clearly fewer letters lost some) and, among those, the one whose
// words look less glued or split (textBadness).
func pickPageText(plain, pos string) string {
	lp, lq := letterCount(plain), letterCount(pos)
	switch {
	case lq == 0:
		return plain
	case lp == 0:
		return pos
	case float64(lq) < 0.9*float64(lp):
		return plain
	case float64(lp) < 0.9*float64(lq):
		return pos
	}
	// The positional text wins ties and near-ties: it also separates
	// columns and words the badness measure cannot see.
	if textBadness(plain)+badnessMargin < textBadness(pos) {
		return plain
	}
	return pos
}

func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

// textBadness estimates how far the words of s are from natural words, as
// the share of letters in suspicious words: words of 15 letters or more
// (most likely glued: "internationalorganization") and lone letters that
// are not words on their own in English, Spanish or French (most likely
// split: "migr a tion"). Lower is better.
func textBadness(s string) float64 {
	letters, bad := 0, 0
	word := 0
	var first rune
	flush := func() {
		if word == 0 {
			return
		}
		letters += word
		switch {
		case word >= 15:
			bad += word
		case word == 1 && !loneWordLetter(first):
			bad += 2
		}
		word = 0
	}
	for _, r := range s {
		if unicode.IsLetter(r) {
			if word == 0 {
				first = r
			}
			word++
			continue
		}
		flush()
	}
	flush()
	if letters == 0 {
		return 0
	}
	return float64(bad) / float64(letters)
}

func loneWordLetter(r rune) bool {
	switch unicode.ToLower(r) {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'à', 'á', 'é', 'ó', 'ú', 'l', 'd', 's', 'n', 'c', 'j', 'm', 't', 'x', 'v':
		// English a/I, Spanish y/o/e/u/a, French à/y/l'/d'/s'/n'/c'/j'/m'/t',
		// roman numerals and list letters.
		return true
	}
	return !unicode.IsLower(r) && !unicode.IsUpper(r) // scripts without case
}
