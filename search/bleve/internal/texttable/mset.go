package texttable

import (
	"math/bits"

	"faro/search"
)

// mset is a dense set of scored documents.
type mset struct {
	bits  []uint64
	score []float64
	// cnt counts matching clauses per document (coordination factors).
	cnt []uint8
}

func (s *mset) has(n uint32) bool { return hasBit(s.bits, n) }

// add puts document n in s with score v, or adds v to its score.
func (s *mset) add(n uint32, v float64) {
	w, bit := n/64, uint64(1)<<(n%64)
	if s.bits[w]&bit == 0 {
		s.bits[w] |= bit
		s.score[n] = v
		s.cnt[n] = 1
		return
	}
	s.score[n] += v
	s.cnt[n]++
}

// addSet adds every document of src to s with its score, as add does.
func (s *mset) addSet(src *mset) {
	for w, word := range src.bits {
		if word == 0 {
			continue
		}
		fresh := word &^ s.bits[w]
		s.bits[w] |= word
		for word != 0 {
			i := bits.TrailingZeros64(word)
			word &= word - 1
			d := w<<6 | i
			if fresh&(1<<i) != 0 {
				s.score[d], s.cnt[d] = src.score[d], 1
			} else {
				s.score[d] += src.score[d]
				s.cnt[d]++
			}
		}
	}
}

// each calls fn for every document of s in ascending order.
func (s *mset) each(fn func(n uint32)) { forEach(s.bits, fn) }

// single rounds each score of s to single precision. The scores of a
// search's root and of its children are rounded so (evaluator.eval),
// cached or not, unless they may hold search.RelaxedTier (tiered): a
// search answers alike from the match cache and without it, and the
// cache keeps such sets in half the memory (matchEntry.single).
func (s *mset) single() {
	for w, word := range s.bits {
		for word != 0 {
			d := w<<6 | bits.TrailingZeros64(word)
			word &= word - 1
			s.score[d] = float64(float32(s.score[d]))
		}
	}
}

// tiered reports whether clause c's scores may hold search.RelaxedTier,
// whose single-precision step (1/16) would drown the scores added to it:
// those of a relaxed query's (ClauseBool with Some) and a ClausePrefer,
// and of the clauses holding one.
func tiered(c *search.Clause) bool {
	if c.Kind == search.ClausePrefer || c.Kind == search.ClauseBool && len(c.Some) > 0 {
		return true
	}
	for _, list := range [][]*search.Clause{c.Children, c.Must, c.Should} {
		for _, x := range list {
			if tiered(x) {
				return true
			}
		}
	}
	return false
}

// coord multiplies each score by its document's count of matching
// clauses over total.
func (s *mset) coord(total int) {
	if total <= 1 {
		return
	}
	s.each(func(n uint32) { s.score[n] *= float64(s.cnt[n]) / float64(total) })
}

// addEntry adds a cached entry's matches and scores to s, as addSet does.
func (s *mset) addEntry(ce *matchEntry) {
	if ce.single != nil {
		addScores(s, ce.bits, ce.single, ce.tailSingle)
	} else {
		addScores(s, ce.bits, ce.scores, ce.tailScores)
	}
}

// addScores adds to s the documents of docs with their scores, in
// document order, those of scores then those of tail, as mset.addSet
// does.
func addScores[F float32 | float64](s *mset, docs []uint64, scores, tail []F) {
	i := 0
	for w, word := range docs {
		if word == 0 {
			continue
		}
		fresh := word &^ s.bits[w]
		s.bits[w] |= word
		for word != 0 {
			b := bits.TrailingZeros64(word)
			word &= word - 1
			d := w<<6 | b
			if i == len(scores) {
				scores, tail, i = tail, nil, 0
			}
			if fresh&(1<<b) != 0 {
				s.score[d], s.cnt[d] = float64(scores[i]), 1
			} else {
				s.score[d] += float64(scores[i])
				s.cnt[d]++
			}
			i++
		}
	}
}

// or is a disjunction: the union, each document's scores summed times the
// share of parts it matches.
func (e *evaluator) or(parts []*mset) *mset {
	if len(parts) == 1 {
		return parts[0]
	}
	out := e.newSet()
	for _, p := range parts {
		out.addSet(p)
	}
	out.coord(len(parts))
	return out
}

// best is the union, each document scored by its best part.
func (e *evaluator) best(parts []*mset) *mset {
	if len(parts) == 1 {
		return parts[0]
	}
	out := e.newSet()
	for _, p := range parts {
		for w, word := range p.bits {
			if word == 0 {
				continue
			}
			fresh := word &^ out.bits[w]
			out.bits[w] |= word
			for word != 0 {
				i := bits.TrailingZeros64(word)
				word &= word - 1
				d := w<<6 | i
				switch {
				case fresh&(1<<i) != 0:
					out.score[d], out.cnt[d] = p.score[d], 1
				case p.score[d] > out.score[d]:
					out.score[d] = p.score[d]
					out.cnt[d]++
				}
			}
		}
	}
	return out
}

// prefer is the union: a document of the first part scores RelaxedTier
// plus its parts' scores summed, any other the best of its parts.
func (e *evaluator) prefer(parts []*mset) *mset {
	if len(parts) == 1 {
		return parts[0]
	}
	first := parts[0]
	out := e.best(parts[1:])
	first.each(func(d uint32) {
		if out.has(d) {
			out.score[d] += first.score[d] + search.RelaxedTier
			return
		}
		out.add(d, first.score[d]+search.RelaxedTier)
	})
	return out
}

// saturate adds to out, for each document of scratch, a word's weight w
// times the saturation of its summed field frequencies (BM25F's k1 curve).
func saturate(out, scratch *mset, w float64) {
	scratch.each(func(d uint32) {
		tf := scratch.score[d]
		out.add(d, w*tf/(fieldsK1+tf))
	})
}

// addKept adds to s, which holds none of them, the documents of ce, a set
// the View before a write kept, below its bound and still live, with
// their scores.
func (s *mset) addKept(ce *matchEntry, live []uint64) {
	for w := range min(len(ce.bits), (int(ce.bound)+63)/64) {
		word, keep := ce.bits[w], live[w]
		if r := ce.bound % 64; w == int(ce.bound/64) && r != 0 {
			keep &= 1<<r - 1
		}
		i := ce.rank[w]
		for word != 0 {
			b := bits.TrailingZeros64(word)
			word &= word - 1
			if keep&(1<<b) != 0 {
				d := w<<6 | b
				s.bits[w] |= 1 << b
				s.score[d], s.cnt[d] = ce.scoreAt(i), 1
			}
			i++
		}
	}
}
