package texttable

import (
	"math/bits"

	"faro/search"
)

// relaxed is the score of document d in relaxed query c, holding n of
// its words (parts, their idfs summing to mass) whose scores sum to sum:
// the sum times the share of words held, plus search.RelaxedTier when it
// holds them all, or 0.9 of their idf (in one passage of a long
// document, passage.go).
func (e *evaluator) relaxed(c *search.Clause, parts [][]uint64, idfs []float64, mass, sum float64, n int, d uint32) float64 {
	score := sum * float64(n) / float64(len(c.Some))
	if n == len(c.Some) || covered(parts, idfs, d) >= search.TierShare*mass {
		if long := e.v.longDocs(); long == nil || !hasBit(long, d) || e.passageCovered(parts, c.Some, idfs, d) >= search.TierShare*mass {
			score += search.RelaxedTier
		}
	}
	return score
}

// someWithin is relaxed query c, the root, when one of its words is
// enough: its documents are those holding any word, and the scores of
// those passing the search's filters (e.within) only are computed, the
// words' scores read where they are, in the match cache or their sets.
// The others count for facets; they cannot be hits.
func (e *evaluator) someWithin(c *search.Clause) (*mset, error) {
	out := e.newSet()
	parts := make([][]uint64, len(c.Some))
	scores := make([]func(uint32) float64, len(c.Some))
	idfs := make([]float64, len(c.Some))
	var mass float64
	for i, x := range c.Some {
		if ce, ok := e.kept(x); ok {
			parts[i], scores[i] = ce.bits, ce.score
		} else {
			s, err := e.eval(x)
			if err != nil {
				return nil, err
			}
			parts[i], scores[i] = s.bits, func(d uint32) float64 { return s.score[d] }
		}
		orInto(out.bits, parts[i])
		idfs[i] = e.v.idf(uint32(popcount(parts[i], nil)))
		mass += idfs[i]
	}
	for w, word := range e.within {
		word &= out.bits[w]
		for word != 0 {
			d := uint32(w<<6 | bits.TrailingZeros64(word))
			word &= word - 1
			var sum float64
			n := 0
			for i, p := range parts {
				if hasBit(p, d) {
					sum += scores[i](d)
					n++
				}
			}
			out.score[d] = e.relaxed(c, parts, idfs, mass, sum, n, d)
		}
	}
	return out, nil
}

// kept returns the set of clause x, a child of the root, when the match
// cache keeps it (as a boolean root's child, or as the root of another
// search: a word searched alone, then in a disjunction); a set the View
// before a write kept is completed first (evaluator.complete), as its own
// search would. It does not while a set is read in new segments only
// (evaluator.complete). While the terms read are recorded
// (matchEntry.reads), those the set was scored with are, or it is not
// used.
func (e *evaluator) kept(x *search.Clause) (*matchEntry, bool) {
	if e.depth != 1 || !e.useCache || e.fromSeg > 0 || !cacheable(x) {
		return nil, false
	}
	key := x.Key()
	ce, ok := e.v.cache.get(key)
	if !ok && e.reads == nil {
		if ie, inherited := e.v.cache.inheritedSet(key); inherited {
			ne, s, err := e.complete(x, key, ie)
			e.free(s) // the set itself, which ne holds
			ce, ok = ne, err == nil && ne != nil
		}
	}
	if ok && e.reads != nil {
		if ce.reads == "" {
			return nil, false
		}
		e.reads.WriteString(ce.reads)
	}
	return ce, ok
}

// covered is the idf of the parts (their documents) holding document d,
// summed.
func covered(parts [][]uint64, idfs []float64, d uint32) float64 {
	var held float64
	for i, p := range parts {
		if hasBit(p, d) {
			held += idfs[i]
		}
	}
	return held
}

// scoreWithin evaluates phrase c, an optional clause of the root, over
// e.within only: the set is exact there only.
func (e *evaluator) scoreWithin(c *search.Clause) *mset {
	e.restrict = e.within
	s := e.phrase(c)
	e.restrict = nil
	if e.trace != nil {
		e.trace[c] = s
	}
	return s
}
