package texttable

import (
	"faro/search"
)

// Long documents hold every word of most queries somewhere: a report of a
// hundred pages mentions children, dangers and the United States, on
// pages far apart and about other things. Such a document ranks with
// those holding all of a relaxed query's words (search.RelaxedTier) only
// when one passage of it, a page, holds them (or search.TierShare of their
// idf); the words of its title and summary stand for every page. On the
// real judged set (nDCG@10) this took the mean from 0.819 to 0.827 (half A,
// tuned on, 0.810 to 0.819; half B 0.827 to 0.836) with passages of a page
// and the next, and no query lost. Measured again once conjugated words
// were translated (lemmas.go): passages of one page 0.8495 (A 0.843, B
// 0.857), of two 0.849 (0.841, 0.856), of three 0.847 (0.838, 0.856).

// passagePages is how many consecutive pages a passage spans.
const passagePages = 1

// longBody is the body length, in words, from which a document's
// coverage of a relaxed query is read by passage. A shorter document is
// about one passage long: reading every document by passage changed no
// ranking of the judged set, and short ones cost nothing so.
const longBody = 1000

// longDocs returns the documents whose body has longBody words or more,
// as a bitset; nil when there is none (no search then reads passages).
func (v *View) longDocs() []uint64 {
	v.longOnce.Do(func() {
		long := make([]uint64, (v.docs+63)/64)
		found := false
		for i, s := range v.segs {
			for _, tf := range v.byKind[uint8(search.FieldBody)] {
				f := s.fields[tf.Name]
				if f == nil {
					continue
				}
				for local, n := range f.length {
					if n >= longBody {
						setBit(long, v.base[i]+uint32(local))
						found = true
					}
				}
			}
		}
		if found {
			v.long = long
		}
	})
	return v.long
}

// pageSet is the pages a clause matches in one document, or every page.
type pageSet struct {
	all   bool
	pages map[int]bool
}

// passageCovered returns the idf of the parts (clauses, matched as parts)
// that the best passage of document d holds.
func (e *evaluator) passageCovered(parts [][]uint64, clauses []*search.Clause, idfs []float64, d uint32) float64 {
	si, local := e.v.Locate(d)
	if si >= len(e.v.segs) {
		return 0
	}
	sets := make([]pageSet, len(parts))
	starts := map[int]bool{}
	var everywhere float64
	for i, p := range parts {
		if !hasBit(p, d) {
			continue
		}
		sets[i] = e.pagesOf(clauses[i], si, local)
		if sets[i].all || len(sets[i].pages) == 0 {
			// In the title or summary, or matched where no page
			// says (a corrected word).
			sets[i].all = true
			everywhere += idfs[i]
			continue
		}
		for pg := range sets[i].pages {
			for k := range passagePages {
				starts[pg-k] = true
			}
		}
	}
	best := everywhere
	for start := range starts {
		held := everywhere
		for i, s := range sets {
			if s.all {
				continue
			}
			for k := range passagePages {
				if s.pages[start+k] {
					held += idfs[i]
					break
				}
			}
		}
		best = max(best, held)
	}
	return best
}

// pagesOf returns the pages where clause c matches document (si, local):
// where a word's terms stand in the body, every page when it is in the
// title or summary; where all of a phrase's words stand; the union of
// alternatives'. What cannot be placed (a prefix, a nested query) counts
// as everywhere; a clause that does not match the document holds no page.
func (e *evaluator) pagesOf(c *search.Clause, si int, local uint32) pageSet {
	switch c.Kind {
	case search.ClauseWord, search.ClausePhrase:
		out := pageSet{pages: map[int]bool{}}
		for _, wf := range e.fields(c.Fields) {
			f := e.v.segs[si].fields[wf.Name]
			if f == nil || int(local) >= len(f.length) || f.length[local] == 0 {
				continue
			}
			var in map[int]bool // pages holding every term so far
			toks := e.analyzed(wf.Lang, c.Text)
			for j, tok := range toks {
				t := f.lookup(tok.Term)
				if t == nil {
					in = map[int]bool{}
					break
				}
				keys := f.positionsOf(t, local)
				if wf.Kind != search.FieldBody {
					if len(keys) == 0 {
						break
					}
					if j == len(toks)-1 {
						return pageSet{all: true}
					}
					continue
				}
				pages := make(map[int]bool, len(keys))
				for _, k := range keys {
					if j == 0 || in[KeyPage(k)] {
						pages[KeyPage(k)] = true
					}
				}
				in = pages
			}
			for pg := range in {
				out.pages[pg] = true
			}
		}
		return out
	case search.ClauseMax, search.ClauseAny, search.ClausePrefer:
		out := pageSet{pages: map[int]bool{}}
		for _, x := range c.Children {
			s := e.pagesOf(x, si, local)
			if s.all {
				return s
			}
			for pg := range s.pages {
				out.pages[pg] = true
			}
		}
		return out
	}
	return pageSet{all: true}
}
