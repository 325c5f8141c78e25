package bleve

import (
	"context"
	"fmt"
	"slices"
	"strings"

	bsearch "github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"

	"faro/search"
)

// Loading the shown hits of a text-table search: their stored documents
// and, for snippets, where the query's words and phrases stand in their
// bodies. Both come from the table's own snapshot: each document is read
// by id, and each (body field, query term) pair's term vectors are read
// once for all hits in document order, so a page of hits costs a few
// postings seeks instead of a second run of the whole query.

// hlUnit is a word or phrase of the query whose matches snippets mark.
type hlUnit struct {
	text           string
	phrase, prefix bool
}

// maxPrefixMarks bounds how many of a prefix's terms are looked up for
// snippets.
const maxPrefixMarks = 64

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

// loadedHit is a shown hit's stored document and match locations.
type loadedHit struct {
	doc  *search.Document
	locs bsearch.FieldTermLocationMap
}

// loadHits returns the stored documents of hits (by id), with the body
// locations of units when locate is set. It returns errStaleTable when the
// index has moved past the table's snapshot.
func (x *Index) loadHits(ctx context.Context, t *facetTable, m *memText, hits []memHit, units []hlUnit, locate bool) (map[string]*loadedHit, error) {
	r := x.snapshot()
	if r == nil {
		return nil, errStaleTable
	}
	defer r.Close()
	if !t.of(r) {
		return nil, errStaleTable
	}
	out := make(map[string]*loadedHit, len(hits))
	for _, h := range hits {
		id := t.extID[h.n]
		d, err := r.Document(id)
		if err != nil {
			return nil, fmt.Errorf("search: load hit %s: %w", id, err)
		}
		if d == nil {
			continue
		}
		doc, err := storedHit(d, locate)
		if err != nil {
			return nil, fmt.Errorf("search: decode hit %s: %w", id, err)
		}
		out[id] = &loadedHit{doc: doc}
	}
	if !locate || len(units) == 0 {
		return out, nil
	}

	// The terms each hit's body field may hold, by field.
	type want struct {
		field *memField
		terms map[string]bool
		docs  []uint32
	}
	byField := map[string]*want{}
	ev := &evaluator{m: m, words: map[[2]string][]string{}}
	for _, h := range hits {
		f := m.bodyField(h.n)
		if f == nil {
			continue
		}
		w := byField[f.name]
		if w == nil {
			w = &want{field: f, terms: map[string]bool{}}
			byField[f.name] = w
			lang := fieldLang(f.name)
			for _, u := range units {
				if u.prefix {
					for i, term := range f.prefixRange(search.Fold(u.text)) {
						if i == maxPrefixMarks {
							break
						}
						w.terms[term.term] = true
					}
					continue
				}
				for _, tok := range ev.analyzed(lang, u.text) {
					term, _ := splitTok(tok)
					if _, ok := f.lookup(term); ok {
						w.terms[term] = true
					}
				}
			}
		}
		w.docs = append(w.docs, h.n)
	}
	// locs[doc][term] are the term's locations in the doc's body.
	locs := map[uint32]map[string][]*bsearch.Location{}
	var tfd index.TermFieldDoc
	for _, w := range byField {
		slices.Sort(w.docs)
		for term := range w.terms {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			tfr, err := r.TermFieldReader(ctx, []byte(term), w.field.name, false, false, true)
			if err != nil {
				return nil, fmt.Errorf("search: locate %q: %w", term, err)
			}
			for _, n := range w.docs {
				tfd.Reset()
				d, err := tfr.Advance(index.NewIndexInternalID(nil, uint64(n)), &tfd)
				if err != nil {
					tfr.Close()
					return nil, fmt.Errorf("search: locate %q: %w", term, err)
				}
				if d == nil {
					break
				}
				if d.ID.Value() != uint64(n) {
					continue
				}
				if locs[n] == nil {
					locs[n] = map[string][]*bsearch.Location{}
				}
				for _, v := range d.Vectors {
					locs[n][term] = append(locs[n][term], &bsearch.Location{
						Pos: v.Pos, Start: v.Start, End: v.End, ArrayPositions: slices.Clone(v.ArrayPositions),
					})
				}
			}
			tfr.Close()
		}
	}
	for _, h := range hits {
		dm := out[t.extID[h.n]]
		f := m.bodyField(h.n)
		if dm == nil || f == nil || locs[h.n] == nil {
			continue
		}
		dm.locs = bsearch.FieldTermLocationMap{f.name: markable(ev, fieldLang(f.name), units, locs[h.n])}
	}
	return out, nil
}

// markable keeps the locations snippets mark: every location of a word,
// those of a phrase's words only where the whole phrase stands.
func markable(ev *evaluator, lang string, units []hlUnit, locs map[string][]*bsearch.Location) bsearch.TermLocationMap {
	out := bsearch.TermLocationMap{}
	type key struct {
		term string
		pos  uint64
	}
	seen := map[key]bool{}
	keep := func(term string, l *bsearch.Location) {
		if k := (key{term, posKey(page(l), l.Pos)}); !seen[k] {
			seen[k] = true
			out[term] = append(out[term], l)
		}
	}
	for _, u := range units {
		if u.prefix {
			p := search.Fold(u.text)
			for term, ls := range locs {
				if strings.HasPrefix(term, p) {
					for _, l := range ls {
						keep(term, l)
					}
				}
			}
			continue
		}
		toks := ev.analyzed(lang, u.text)
		if !u.phrase || len(toks) < 2 {
			for _, tok := range toks {
				term, _ := splitTok(tok)
				for _, l := range locs[term] {
					keep(term, l)
				}
			}
			continue
		}
		// Phrase: starts where every word stands at its offset.
		at := map[string]map[uint64]bool{}
		for term, ls := range locs {
			at[term] = map[uint64]bool{}
			for _, l := range ls {
				at[term][posKey(page(l), l.Pos)] = true
			}
		}
		_, first := splitTok(toks[0])
		term0, _ := splitTok(toks[0])
		for _, l := range locs[term0] {
			start := posKey(page(l), l.Pos)
			ok := true
			for _, tok := range toks[1:] {
				term, pos := splitTok(tok)
				if !at[term][start+uint64(pos-first)] {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			for _, tok := range toks {
				term, pos := splitTok(tok)
				want := start + uint64(pos-first)
				for _, l2 := range locs[term] {
					if posKey(page(l2), l2.Pos) == want {
						keep(term, l2)
					}
				}
			}
		}
	}
	return out
}

func page(l *bsearch.Location) uint64 {
	if len(l.ArrayPositions) > 0 {
		return l.ArrayPositions[0]
	}
	return 0
}
