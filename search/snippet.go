package search

import (
	"cmp"
	"encoding/json"
	"html"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a match in a document's text: a byte range [Start, End) of the
// page with 0-based index Page, for the query term Term.
type Span struct {
	Page       int
	Start, End int
	Term       string
}

// SnippetWidth is the target length of a snippet in bytes.
const SnippetWidth = 240

// BuildSnippets picks up to max passages of about width bytes from pages,
// preferring passages holding many distinct matched terms, at most one per
// page. Each passage is plain text in segments, the spans marked, its white
// space collapsed, with "…" where it cuts the page. It reorders spans and
// may overwrite them.
func BuildSnippets(pages []Page, spans []Span, max, width int) []Snippet {
	if max <= 0 || len(spans) == 0 {
		return nil
	}
	valid := spans[:0]
	for _, s := range spans {
		if s.Page < 0 || s.Page >= len(pages) || s.Start < 0 || s.End > len(pages[s.Page].Text) || s.Start >= s.End {
			continue
		}
		valid = append(valid, s)
	}
	slices.SortFunc(valid, func(a, b Span) int {
		if a.Page != b.Page {
			return cmp.Compare(a.Page, b.Page)
		}
		if a.Start != b.Start {
			return cmp.Compare(a.Start, b.Start)
		}
		if a.End != b.End {
			return cmp.Compare(b.End, a.End)
		}
		return strings.Compare(a.Term, b.Term)
	})
	type window struct {
		page, first, last int
		score             int
		spans             []Span
	}
	var best []window
	var terms []string // the distinct terms of a window: few
	for len(valid) > 0 {
		n := 1
		for n < len(valid) && valid[n].Page == valid[0].Page {
			n++
		}
		ss := dedupeSpans(valid[:n])
		valid = valid[n:]
		w := window{page: ss[0].Page, score: -1, spans: ss}
		for i := range ss {
			terms = terms[:0]
			j := i
			for ; j < len(ss) && ss[j].End-ss[i].Start <= width; j++ {
				if !slices.Contains(terms, ss[j].Term) {
					terms = append(terms, ss[j].Term)
				}
			}
			score := len(terms)*100 + (j - i)
			if score > w.score {
				w.first, w.last, w.score = i, j-1, score
			}
		}
		best = append(best, w)
	}
	sort.SliceStable(best, func(i, j int) bool {
		if best[i].score != best[j].score {
			return best[i].score > best[j].score
		}
		return best[i].page < best[j].page
	})
	if len(best) > max {
		best = best[:max]
	}
	out := make([]Snippet, 0, len(best))
	for _, w := range best {
		pg := pages[w.page]
		out = append(out, Snippet{Page: pg.Number, Segments: cut(pg.Text, w.spans[w.first:w.last+1], width), OCR: pg.OCR, Confidence: pg.Confidence})
	}
	return out
}

func dedupeSpans(ss []Span) []Span {
	out := ss[:0]
	for _, s := range ss {
		if n := len(out); n > 0 && s.Start < out[n-1].End {
			if s.End > out[n-1].End {
				out[n-1].End = s.End
			}
			continue
		}
		out = append(out, s)
	}
	return out
}

// cut cuts text around the spans to about width bytes, on word
// boundaries, and returns it in segments with the spans marked.
func cut(text string, ss []Span, width int) []Segment {
	from, to := ss[0].Start, ss[len(ss)-1].End
	if extra := width - (to - from); extra > 0 {
		from -= extra / 3
		to += extra - extra/3
	}
	if from < 0 {
		to -= from
		from = 0
	}
	if to > len(text) {
		from -= to - len(text)
		to = len(text)
		if from < 0 {
			from = 0
		}
	}
	from = wordStart(text, from, ss[0].Start)
	to = wordEnd(text, to, ss[len(ss)-1].End)
	// The segments are cut from one string of their own: a snippet holds
	// nothing of the page it comes from.
	var b strings.Builder
	b.Grow(to - from + len("… ") + len(" …"))
	type run struct {
		from, to int
		mark     bool
	}
	runs := make([]run, 0, 2*len(ss)+1)
	add := func(mark bool, parts ...string) {
		at := b.Len()
		for _, p := range parts {
			appendCollapsed(&b, p)
		}
		if b.Len() > at {
			runs = append(runs, run{at, b.Len(), mark})
		}
	}
	lead := ""
	if from > 0 {
		lead = "… "
	}
	pos := from
	for _, s := range ss {
		add(false, lead, text[pos:s.Start])
		lead = ""
		add(true, text[s.Start:s.End])
		pos = s.End
	}
	tail := ""
	if to < len(text) {
		tail = " …"
	}
	add(false, text[pos:to], tail)
	all := b.String()
	out := make([]Segment, len(runs))
	for i, r := range runs {
		out[i] = Segment{Text: all[r.from:r.to], Mark: r.mark}
	}
	return trimSegments(out)
}

// trimSegments drops the white space at both ends of the runs, and the
// runs it empties.
func trimSegments(segs []Segment) []Segment {
	for len(segs) > 0 {
		if segs[0].Text = strings.TrimLeftFunc(segs[0].Text, unicode.IsSpace); segs[0].Text != "" {
			break
		}
		segs = segs[1:]
	}
	for len(segs) > 0 {
		n := len(segs) - 1
		if segs[n].Text = strings.TrimRightFunc(segs[n].Text, unicode.IsSpace); segs[n].Text != "" {
			break
		}
		segs = segs[:n]
	}
	return segs
}

// wordStart moves i forward to the start of a word, never past limit.
func wordStart(text string, i, limit int) int {
	for i > 0 && !utf8.RuneStart(text[i]) {
		i--
	}
	if i == 0 {
		return 0
	}
	for i < limit {
		r, w := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			return i + w
		}
		i += w
	}
	return limit
}

// wordEnd moves i back to the end of a word, never before limit.
func wordEnd(text string, i, limit int) int {
	for i < len(text) && !utf8.RuneStart(text[i]) {
		i++
	}
	if i >= len(text) {
		return len(text)
	}
	for i > limit {
		r, w := utf8.DecodeLastRuneInString(text[:i])
		if unicode.IsSpace(r) {
			return i - w
		}
		i -= w
	}
	return limit
}

// CollapseSpace turns each run of white space into one space (keeping a
// leading or trailing one) and drops control characters and byte-order
// marks, which extracted text carries and readers never want.
func CollapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	appendCollapsed(&b, s)
	return b.String()
}

// appendCollapsed appends s to b as CollapseSpace returns it.
func appendCollapsed(b *strings.Builder, s string) {
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r) || r == '\uFEFF':
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
}

// Segment is a run of a passage's text: plain text, not markup; Mark is set
// for a match.
type Segment struct {
	Text string `json:"text"`
	Mark bool   `json:"mark,omitempty"`
}

// HTML returns the snippet as HTML: its text escaped, the matches wrapped
// in <mark>. It is the "text" of the snippet in the JSON API.
func (s Snippet) HTML() string { return SegmentsHTML(s.Segments) }

// PlainText returns the snippet's text without marks.
func (s Snippet) PlainText() string { return SegmentsText(s.Segments) }

// MarshalJSON writes the snippet with its HTML as "text", as the JSON API
// has always given it, beside its segments.
func (s Snippet) MarshalJSON() ([]byte, error) {
	segs := s.Segments
	if segs == nil {
		segs = []Segment{}
	}
	return json.Marshal(struct {
		Page     int       `json:"page"`
		Text     string    `json:"text"`
		Segments []Segment `json:"segments"`
	}{s.Page, s.HTML(), segs})
}

// SegmentsHTML renders runs as HTML: text escaped, marked runs wrapped in
// <mark>. Nothing else can come out as markup.
func SegmentsHTML(segs []Segment) string {
	var b strings.Builder
	n := 0
	for _, s := range segs {
		n += len(s.Text) + len("<mark></mark>")
	}
	b.Grow(n + n/16) // room for a few escapes
	for _, s := range segs {
		if s.Mark {
			b.WriteString("<mark>")
			b.WriteString(html.EscapeString(s.Text))
			b.WriteString("</mark>")
		} else {
			b.WriteString(html.EscapeString(s.Text))
		}
	}
	return b.String()
}

// SegmentsText returns the runs' text put together, without marks.
func SegmentsText(segs []Segment) string {
	var b strings.Builder
	n := 0
	for _, s := range segs {
		n += len(s.Text)
	}
	b.Grow(n)
	for _, s := range segs {
		b.WriteString(s.Text)
	}
	return b.String()
}
