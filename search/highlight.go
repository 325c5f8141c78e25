package search

import (
	"strings"
	"unicode"
)

// Highlighting: which words of a document a reader sees marked for a query.
// The Highlighter is the one place that decides it. Engines locate its
// marks (Marks) in the indexed body with the index's own analysis, which is
// what matched; text that is not looked up in an index (titles, summaries,
// the pages of a document page) is marked by Segments, with one folding and
// plural rule (WordMatches).

// maxMarks bounds how many words and phrases of a query are marked.
const maxMarks = 50

// Mark is a word, prefix or phrase whose matches are highlighted.
type Mark struct {
	// Text is the word or phrase as the query gives it.
	Text string
	// Phrase marks the words of Text only where they stand together, in
	// order; Prefix marks every word that starts with Text.
	Phrase, Prefix bool
	// Typos is how many edits a word no document holds forgives: its
	// correction is marked instead (Clause.Typos).
	Typos int
	// Alternative marks a synonym or translation the query was expanded
	// with, which is never corrected for typos.
	Alternative bool
}

// Highlighter decides which words are marked for a parsed query: the words,
// prefixes and phrases of the text fields (and of title:, in titles), their
// synonyms when the query was expanded, never those under NOT nor facet
// fields. The zero value and nil mark nothing.
type Highlighter struct {
	marks []Mark
	// titleOnly is set for the marks of title:…, which mark titles only.
	titleOnly []bool
	// words are the folded words of each mark, in order.
	words [][]string
}

// markKey identifies a mark and where it applies.
type markKey struct {
	Mark
	titleOnly bool
}

// NewHighlighter returns the highlighter of a parsed (and possibly
// synonym-expanded) query.
func NewHighlighter(n Node) *Highlighter {
	h := &Highlighter{}
	seen := map[markKey]int{}
	add := func(m Mark, field string) {
		k := markKey{Mark{Text: m.Text, Phrase: m.Phrase, Prefix: m.Prefix}, field == "title"}
		if i, ok := seen[k]; ok {
			// Typed as well as an alternative of another word.
			h.marks[i].Alternative = h.marks[i].Alternative && m.Alternative
			return
		}
		if len(h.marks) >= maxMarks || field != "" && field != "title" {
			return
		}
		var ws []string
		for _, w := range Words(m.Text) {
			ws = append(ws, Fold(m.Text[w.Start:w.End]))
		}
		if len(ws) == 0 {
			return
		}
		seen[k] = len(h.marks)
		h.marks = append(h.marks, m)
		h.titleOnly = append(h.titleOnly, k.titleOnly)
		h.words = append(h.words, ws)
	}
	var walk func(n Node, alt bool)
	walk = func(n Node, alt bool) {
		switch n := n.(type) {
		case Term:
			add(Mark{Text: n.Text, Prefix: n.Prefix, Alternative: alt}, n.Field)
		case Phrase:
			add(Mark{Text: n.Text, Phrase: true, Alternative: alt}, n.Field)
		case Alternatives:
			walk(n.Node, alt)
			for _, f := range n.Forms {
				walk(f, alt)
			}
			for _, a := range shortestAlts(n) {
				walk(a, true)
			}
		case And:
			for _, c := range n.Nodes {
				walk(c, alt)
			}
		case Or:
			for _, c := range n.Nodes {
				walk(c, alt)
			}
		}
	}
	walk(n, false)
	return h
}

// HighlighterFor parses query text in Faro's query language, expands its
// synonyms as the engines do, and returns its highlighter; a query that
// does not parse marks nothing.
func HighlighterFor(text string) *Highlighter {
	text = strings.TrimSpace(text)
	if text == "" || len(text) > MaxQueryLen {
		return &Highlighter{}
	}
	n, err := ParseQuery(text)
	if err != nil {
		return &Highlighter{}
	}
	return NewHighlighter(ExpandSynonyms(n))
}

// Empty reports whether the highlighter marks nothing.
func (h *Highlighter) Empty() bool { return h == nil || len(h.marks) == 0 }

// Marks returns what an engine marks in the body of its documents: every
// mark but those of title:….
func (h *Highlighter) Marks() []Mark {
	if h == nil {
		return nil
	}
	var out []Mark
	for i, m := range h.marks {
		if !h.titleOnly[i] {
			out = append(out, m)
		}
	}
	return out
}

// Segments splits text into runs, marking the words that match: each
// word of a word mark (the same word folded, or its plural, or its
// singular; any word starting with a prefix), the words of a phrase where
// they stand together. The marks of title:… mark only when title is set.
// White space is kept as it is; the runs put together give text back.
func (h *Highlighter) Segments(text string, title bool) []Segment {
	if h.Empty() {
		return plainSegments(text)
	}
	ws := Words(text)
	folded := make([]string, len(ws))
	for i, w := range ws {
		folded[i] = Fold(text[w.Start:w.End])
	}
	marked := make([]bool, len(ws))
	for mi, m := range h.marks {
		if h.titleOnly[mi] && !title {
			continue
		}
		qw := h.words[mi]
		if !m.Phrase {
			for i, f := range folded {
				for _, q := range qw {
					if m.Prefix && strings.HasPrefix(f, q) || !m.Prefix && WordMatches(q, f) {
						marked[i] = true
					}
				}
			}
			continue
		}
		for i := 0; i+len(qw) <= len(folded); i++ {
			all := true
			for j, q := range qw {
				if !WordMatches(q, folded[i+j]) {
					all = false
					break
				}
			}
			if all {
				for j := range qw {
					marked[i+j] = true
				}
			}
		}
	}
	var out []Segment
	last := 0
	for i, w := range ws {
		if !marked[i] {
			continue
		}
		if w.Start > last {
			out = append(out, Segment{Text: text[last:w.Start]})
		}
		out = append(out, Segment{Text: text[w.Start:w.End], Mark: true})
		last = w.End
	}
	if last < len(text) {
		out = append(out, Segment{Text: text[last:]})
	}
	return out
}

func plainSegments(text string) []Segment {
	if text == "" {
		return nil
	}
	return []Segment{{Text: text}}
}

// WordMatches is the folding and plural rule of highlighting: folded query
// word q matches folded text word w when they are the same, or when one is
// the other plus "s" or "es" and the shorter has at least 3 letters
// (migración, migraciones; migrants, migrant).
func WordMatches(q, w string) bool {
	if q == w {
		return true
	}
	short, long := q, w
	if len(short) > len(long) {
		short, long = long, short
	}
	rest, ok := strings.CutPrefix(long, short)
	return ok && len(short) >= 3 && (rest == "s" || rest == "es")
}

// WordSpan is a word of a text: the byte range [Start, End).
type WordSpan struct{ Start, End int }

// Words splits s into words: runs of letters, digits and combining marks.
func Words(s string) []WordSpan {
	var out []WordSpan
	start := -1
	for i, r := range s {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			out = append(out, WordSpan{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, WordSpan{start, len(s)})
	}
	return out
}
