package bleve

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"faro/search"
)

// Loading the shown hits of a text-table search: their stored documents
// and, for snippets, where the query's words and phrases stand in their
// bodies (loadHits).

// hlUnit is a word or phrase of the query whose matches snippets mark.
type hlUnit struct {
	text           string
	phrase, prefix bool
}

// maxPrefixMarks bounds how many of a prefix's terms are looked up in each
// shown hit for snippets (a look-up that misses costs a skip-entry search
// and a few postings).
const maxPrefixMarks = 1024

// highlightUnits collects the words and phrases of n that match in body
// fields: not those under NOT, nor title or facet fields.
func highlightUnits(n search.Node, out []hlUnit) []hlUnit {
	switch n := n.(type) {
	case search.Term:
		if n.Field == "" {
			out = append(out, hlUnit{text: n.Text, prefix: n.Prefix})
		}
	case search.Phrase:
		if n.Field == "" {
			out = append(out, hlUnit{text: n.Text, phrase: true})
		}
	case search.Alternatives:
		out = highlightUnits(n.Node, out)
		for _, a := range n.Alts {
			out = highlightUnits(a, out)
		}
	case search.And:
		for _, c := range n.Nodes {
			out = highlightUnits(c, out)
		}
	case search.Or:
		for _, c := range n.Nodes {
			out = highlightUnits(c, out)
		}
	}
	return out
}

// bodyField returns the body field holding document n, or nil.
func (m *memText) bodyField(n uint32) *memField {
	for _, l := range languages {
		if f := m.fields["body_"+l]; f != nil && int(n) < len(f.norm) && f.norm[n] != 0 {
			return f
		}
	}
	return nil
}

// loadedHit is a shown hit's stored document and the spans of its
// matches.
type loadedHit struct {
	doc   *search.Document
	spans []search.Span
}

// loadHits returns the stored documents of hits (by id) and, when locate
// is set, the spans of units' matches in their bodies. It returns
// errStaleTable when the index has moved past the table's snapshot.
//
// Everything comes from the table's snapshot without a search: a hit's
// stored fields are read by its document number, the positions of the
// query's terms in its body from the text table (skip entries find them),
// and the byte offsets of those positions by splitting the pages that hold
// them into words again, with the tokenizer that indexed them.
func (x *Index) loadHits(ctx context.Context, t *facetTable, m *memText, hits []memHit, units []hlUnit, locate bool) (map[string]*loadedHit, error) {
	r := x.snapshot()
	if r == nil {
		return nil, errStaleTable
	}
	defer r.Close()
	is, ok := r.(*scorch.IndexSnapshot)
	if !ok || !t.of(r) {
		return nil, errStaleTable
	}
	// Document numbers are global: segment i's start at bases[i].
	segs := is.Segments()
	bases := make([]uint64, len(segs))
	var running uint64
	for i, sg := range segs {
		bases[i] = running
		running += sg.Segment().Count()
	}
	ev := &evaluator{m: m, words: map[[2]string][]queryTok{}}
	terms := map[*memField][]*memTerm{}
	out := make(map[string]*loadedHit, len(hits))
	tok := wordsTokenizer{full: unicode.NewUnicodeTokenizer()}
	for _, h := range hits {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		// Where the query's words stand in the body: posKey -> term.
		var marks map[uint64]string
		var f *memField
		if locate && len(units) > 0 {
			if f = m.bodyField(h.n); f != nil {
				ts, ok := terms[f]
				if !ok {
					ts = unitTerms(ev, f, units)
					terms[f] = ts
				}
				locs := map[string][]uint64{}
				for _, mt := range ts {
					if keys := f.positionsOf(mt, h.n); keys != nil {
						locs[mt.term] = keys
					}
				}
				marks = markable(ev, fieldLang(f.name), units, locs)
			}
		}
		pages := map[int]bool{}
		for k := range marks {
			pages[int(k>>24)] = true
		}
		i := sort.Search(len(bases), func(i int) bool { return bases[i] > uint64(h.n) }) - 1
		if i < 0 {
			continue
		}
		var raw []byte
		texts := map[int][]byte{}
		err := segs[i].VisitDocument(uint64(h.n)-bases[i], func(name string, _ byte, val []byte, pos []uint64) bool {
			if name == fieldHit {
				raw = append([]byte(nil), val...)
				return true
			}
			if len(pages) > 0 && strings.HasPrefix(name, "body_") {
				p := 0
				if len(pos) > 0 {
					p = int(pos[0])
				}
				if pages[p] {
					texts[p] = append([]byte(nil), val...)
				}
			}
			return true
		})
		if err != nil {
			return nil, fmt.Errorf("search: load hit %s: %w", t.extID[h.n], err)
		}
		if raw == nil {
			continue
		}
		doc, err := decodeHit(raw, nil)
		if err != nil {
			return nil, fmt.Errorf("search: decode hit %s: %w", t.extID[h.n], err)
		}
		lh := &loadedHit{doc: doc}
		want := map[int][]int{}
		for k := range marks {
			p := int(k >> 24)
			want[p] = append(want[p], int(k&(1<<24-1)))
		}
		for _, ps := range want {
			slices.Sort(ps)
		}
		for p, text := range texts {
			if p < len(doc.Pages) {
				doc.Pages[p].Text = string(text)
			}
			tok.wordsAt(text, want[p], func(pos, start, end int) {
				lh.spans = append(lh.spans, search.Span{Page: p, Start: start, End: end, Term: marks[posKey(uint64(p), uint64(pos))]})
			})
		}
		out[t.extID[h.n]] = lh
	}
	return out, nil
}

// unitTerms returns the terms of field f that the units may match.
func unitTerms(ev *evaluator, f *memField, units []hlUnit) []*memTerm {
	seen := map[string]bool{}
	var out []*memTerm
	add := func(mt *memTerm) {
		if !seen[mt.term] {
			seen[mt.term] = true
			out = append(out, mt)
		}
	}
	lang := fieldLang(f.name)
	for _, u := range units {
		if u.prefix {
			r := f.prefixRange(search.Fold(u.text))
			for i := range r {
				if i == maxPrefixMarks {
					break
				}
				add(&r[i])
			}
			continue
		}
		for _, tok := range ev.analyzed(lang, u.text) {
			term := tok.term
			if mt, ok := f.lookup(term); ok {
				add(mt)
			}
		}
	}
	return out
}

// markable returns the positions snippets mark, with their terms: every
// position of a word, those of a phrase's words only where the whole
// phrase stands. locs holds each term's positions (posKey) in the body.
func markable(ev *evaluator, lang string, units []hlUnit, locs map[string][]uint64) map[uint64]string {
	out := map[uint64]string{}
	for _, u := range units {
		if u.prefix {
			p := search.Fold(u.text)
			for term, keys := range locs {
				if strings.HasPrefix(term, p) {
					for _, k := range keys {
						out[k] = term
					}
				}
			}
			continue
		}
		toks := ev.analyzed(lang, u.text)
		if !u.phrase || len(toks) < 2 {
			// A word the analyser splits ("trabajo-migrante") matches a
			// field holding all its parts, as bleve's match query does.
			all := true
			for _, tok := range toks {
				term := tok.term
				all = all && len(locs[term]) > 0
			}
			if !all {
				continue
			}
			for _, tok := range toks {
				term := tok.term
				for _, k := range locs[term] {
					out[k] = term
				}
			}
			continue
		}
		// Phrase: starts where every word stands at its offset.
		at := map[string]map[uint64]bool{}
		for term, keys := range locs {
			at[term] = map[uint64]bool{}
			for _, k := range keys {
				at[term][k] = true
			}
		}
		term0, first := toks[0].term, toks[0].pos
		for _, start := range locs[term0] {
			ok := true
			for _, tok := range toks[1:] {
				term, pos := tok.term, tok.pos
				if !at[term][start+uint64(pos-first)] {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			for _, tok := range toks {
				term, pos := tok.term, tok.pos
				out[start+uint64(pos-first)] = term
			}
		}
	}
	return out
}
