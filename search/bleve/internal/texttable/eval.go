package texttable

import (
	"context"
	"fmt"
	"math/bits"
	"slices"

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
	s.each(func(n uint32) { s.score[n] = float64(float32(s.score[n])) })
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

// evaluator evaluates one plan over a View.
type evaluator struct {
	ctx   context.Context
	v     *View
	sets  []*mset
	words map[[2]string][]Token
	// trace, when not nil, records each clause's set (explanations).
	trace map[*search.Clause]*mset
	// depth is the nesting of the clause being evaluated (0: the root);
	// useCache lets the root's children come from and go to the View's
	// match cache (a word of a query is often a word of the next).
	depth    int
	useCache bool
	// within, when not nil, holds the only documents whose scores matter
	// (those passing a search's filters): the root's optional phrases,
	// which change scores and never membership, are evaluated there only.
	within []uint64
	// scored, when not nil, holds the only documents whose scores matter,
	// for every clause: terms match the others without being scored
	// (their scores are 0), so a set evaluated so is exact on scored
	// only, and its membership everywhere.
	scored []uint64
	// restrict, when not nil, limits the phrase being evaluated to its
	// documents.
	restrict []uint64
	// scratch is bm25f's set of frequency sums, one for the evaluation.
	scratch *mset
	// conceptDF, when not 0, is the document frequency every term
	// evaluated scores with: a word's and its translations' (ClauseMax).
	conceptDF uint32
	// fromSeg is the first segment phraseIn reads (the others' documents
	// holding the phrase known: matchCache.inheritPhrases).
	fromSeg int
	// bitsets are the sets of documents taken from the View's pool
	// (bitset).
	bitsets []*[]uint64
	// terms keeps the terms looked up (lookup).
	terms map[[2]string]lookedUp
}

func (v *View) newEvaluator(ctx context.Context, explain bool) *evaluator {
	e := &evaluator{ctx: ctx, v: v, words: map[[2]string][]Token{}}
	if explain {
		e.trace = map[*search.Clause]*mset{}
	}
	return e
}

// newSet returns an empty set from the pool.
func (e *evaluator) newSet() *mset {
	s, _ := e.v.pool.Get().(*mset)
	if s == nil || len(s.score) != e.v.docs {
		s = &mset{bits: make([]uint64, len(e.v.live)), score: make([]float64, e.v.docs), cnt: make([]uint8, e.v.docs)}
	} else {
		clear(s.bits)
	}
	e.sets = append(e.sets, s)
	return s
}

// bitset returns an empty set of documents, from the View's pool, for
// the evaluation.
func (e *evaluator) bitset() []uint64 {
	b, _ := e.v.bitsPool.Get().(*[]uint64)
	if b == nil || len(*b) != len(e.v.live) {
		nb := make([]uint64, len(e.v.live))
		b = &nb
	} else {
		clear(*b)
	}
	e.bitsets = append(e.bitsets, b)
	return *b
}

// fromEntry returns a set holding a cached entry's matches and scores.
func (e *evaluator) fromEntry(ce *matchEntry) *mset {
	s := e.newSet()
	s.addEntry(ce)
	return s
}

// addEntry adds a cached entry's matches and scores to s, as addSet does.
func (s *mset) addEntry(ce *matchEntry) {
	if ce.single != nil {
		addScores(s, ce.bits, ce.single)
	} else {
		addScores(s, ce.bits, ce.scores)
	}
}

// free returns s to the pool before the evaluation ends, so that the
// next clause reuses it: a search then holds its sets in use, not every
// set it made (7 on average on the reference workload, up to 33, of
// 0.9 MB each at 100k documents). The caller must hold no other
// reference to s. Explanations keep every clause's set: nothing is freed
// then.
func (e *evaluator) free(s *mset) {
	if e.trace != nil || s == nil || keepSets {
		return
	}
	for i, t := range e.sets {
		if t == s {
			last := len(e.sets) - 1
			e.sets[i], e.sets[last] = e.sets[last], nil
			e.sets = e.sets[:last]
			e.v.pool.Put(s)
			return
		}
	}
}

// keepSets turns free off (tests compare the answers with and without).
var keepSets = false

// freeParts frees the sets of parts other than kept (the result they
// were combined into, which may be one of them).
func (e *evaluator) freeParts(parts []*mset, kept *mset) {
	for _, p := range parts {
		if p != kept {
			e.free(p)
		}
	}
}

// release returns every set to the pool.
func (e *evaluator) release() {
	for _, s := range e.sets {
		e.v.pool.Put(s)
	}
	e.sets = nil
	e.scratch = nil
	for _, b := range e.bitsets {
		e.v.bitsPool.Put(b)
	}
	e.bitsets = nil
}

// eval evaluates c; the result holds live documents only.
func (e *evaluator) eval(c *search.Clause) (*mset, error) {
	if err := e.ctx.Err(); err != nil {
		return nil, err
	}
	// The root's children are kept in the match cache from their second
	// evaluation on (matchCache.admit). A kept set is evaluated whole,
	// every document scored, even when the search's filters leave few to
	// score (evaluator.scored): the next search with these words and
	// other filters reads it too.
	var keep string
	if e.depth == 1 && e.useCache && cacheable(c) {
		key := c.Key()
		if ce, ok := e.v.cache.get(key); ok {
			return e.fromEntry(ce), nil
		}
		if e.v.cache.admit(key) {
			keep = key
			scored := e.scored
			e.scored = nil
			defer func() { e.scored = scored }()
		}
	}
	e.depth++
	s, err := e.clause(c)
	e.depth--
	if err != nil {
		return nil, err
	}
	if e.depth <= 1 && cacheable(c) && !tiered(c) {
		s.single()
	}
	if keep != "" {
		e.v.cache.keep(keep, s)
	}
	if e.trace != nil {
		e.trace[c] = s
	}
	return s, nil
}

// addChild adds the set of clause x, a part of a disjunction, to out
// (mset.addSet) and returns x's documents, valid until the evaluation
// ends. A set kept in the match cache is added from there, not copied
// into a set of its own first.
func (e *evaluator) addChild(out *mset, x *search.Clause) ([]uint64, error) {
	if ce, ok := e.kept(x); ok {
		out.addEntry(ce)
		return ce.bits, nil
	}
	s, err := e.eval(x)
	if err != nil {
		return nil, err
	}
	out.addSet(s)
	return s.bits, nil
}

// addScores adds to s the documents of docs with their scores, in
// document order, as mset.addSet does.
func addScores[F float32 | float64](s *mset, docs []uint64, scores []F) {
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

// cacheable reports whether the set of clause x, a child of the root, may
// be kept in the match cache. A phrase's is not: the documents holding
// it are kept apart (matchCache.phraseIn), sparing the reading of
// positions, and scoring them again costs little; phrases of two common
// words are many, and their sets would push the words' out.
func cacheable(x *search.Clause) bool {
	return x.Kind != search.ClauseAll && x.Kind != search.ClauseFacet && x.Kind != search.ClausePhrase
}

func (e *evaluator) clause(c *search.Clause) (*mset, error) {
	switch c.Kind {
	case search.ClauseAll:
		s := e.newSet()
		copy(s.bits, e.v.live)
		s.each(func(d uint32) { s.score[d] = 1 })
		return s, nil
	case search.ClauseWord, search.ClausePrefix:
		return e.text(c), nil
	case search.ClausePhrase:
		return e.phrase(c), nil
	case search.ClauseFacet:
		return e.facet(c.Facet + ":" + c.Value), nil
	case search.ClauseAny:
		if len(c.Children) == 1 {
			return e.eval(c.Children[0])
		}
		// A disjunction: the union, each document's scores summed times
		// the share of parts it matches.
		out := e.newSet()
		for _, x := range c.Children {
			if _, err := e.addChild(out, x); err != nil {
				return nil, err
			}
		}
		out.coord(len(c.Children))
		return out, nil
	case search.ClauseMax, search.ClausePrefer:
		parts := make([]*mset, 0, len(c.Children))
		if c.Kind == search.ClauseMax && e.conceptDF == 0 {
			e.conceptDF = e.maxDF(c.Children)
			defer func() { e.conceptDF = 0 }()
		}
		for _, x := range c.Children {
			s, err := e.eval(x)
			if err != nil {
				return nil, err
			}
			parts = append(parts, s)
		}
		var out *mset
		if c.Kind == search.ClausePrefer {
			out = e.prefer(parts)
		} else {
			out = e.best(parts)
		}
		e.freeParts(parts, out)
		return out, nil
	case search.ClauseBool:
		return e.boolean(c)
	}
	return nil, fmt.Errorf("text table: unknown clause kind %d", c.Kind)
}

// boolean: required clauses intersected and summed, exclusions removed,
// optional clauses added.
func (e *evaluator) boolean(c *search.Clause) (*mset, error) {
	var out *mset
	if len(c.Some) > 0 {
		// At least MinSome of Some: those with all of them first, then
		// the others by how much of the query they cover and how well.
		// A word weighs its idf in the query's coverage: a document
		// missing only words most documents hold (a tenth of the
		// query's idf at most) ranks with those holding them all.
		if e.depth == 1 && e.within != nil && c.MinSome <= 1 {
			var err error
			if out, err = e.someWithin(c); err != nil {
				return nil, err
			}
		} else {
			some := e.newSet()
			parts := make([][]uint64, len(c.Some))
			idfs := make([]float64, len(c.Some))
			var mass float64
			for i, x := range c.Some {
				b, err := e.addChild(some, x)
				if err != nil {
					return nil, err
				}
				parts[i], idfs[i] = b, e.v.idf(uint32(popcount(b, nil)))
				mass += idfs[i]
			}
			out = e.newSet()
			some.each(func(d uint32) {
				n := int(some.cnt[d])
				if n < c.MinSome {
					return
				}
				setBit(out.bits, d)
				out.score[d] = e.relaxed(c, parts, idfs, mass, some.score[d], n, d)
			})
			e.free(some)
		}
	} else if len(c.Must) == 0 {
		out = e.newSet()
		copy(out.bits, e.v.live)
		out.each(func(d uint32) { out.score[d] = 1 })
	}
	for _, x := range c.Must {
		s, err := e.eval(x)
		if err != nil {
			return nil, err
		}
		if out == nil {
			out = e.newSet()
			copy(out.bits, s.bits)
			s.each(func(d uint32) { out.score[d] = s.score[d] })
			e.free(s)
			continue
		}
		for w := range out.bits {
			word := out.bits[w] & s.bits[w]
			out.bits[w] = word
			for word != 0 {
				d := w<<6 | bits.TrailingZeros64(word)
				word &= word - 1
				out.score[d] += s.score[d]
			}
		}
		e.free(s)
	}
	for _, x := range c.Not {
		s, err := e.eval(x)
		if err != nil {
			return nil, err
		}
		for i := range out.bits {
			out.bits[i] &^= s.bits[i]
		}
		e.free(s)
	}
	if len(c.Should) > 0 {
		parts := make([]*mset, 0, len(c.Should))
		for _, x := range c.Should {
			if e.depth == 1 && e.within != nil && x.Kind == search.ClausePhrase {
				parts = append(parts, e.scoreWithin(x))
				continue
			}
			s, err := e.eval(x)
			if err != nil {
				return nil, err
			}
			parts = append(parts, s)
		}
		sh := e.or(parts)
		for w := range out.bits {
			word := out.bits[w] & sh.bits[w]
			if e.depth == 1 && e.within != nil {
				// The root: scores matter where the filters pass.
				word &= e.within[w]
			}
			for word != 0 {
				d := w<<6 | bits.TrailingZeros64(word)
				word &= word - 1
				out.score[d] += sh.score[d]
			}
		}
		e.freeParts(parts, sh)
		e.free(sh)
	}
	return out, nil
}

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
// cache keeps it.
func (e *evaluator) kept(x *search.Clause) (*matchEntry, bool) {
	if e.depth != 1 || !e.useCache || !cacheable(x) {
		return nil, false
	}
	return e.v.cache.get(x.Key())
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

// analyzed returns the terms the language's analyser makes of text.
func (e *evaluator) analyzed(lang, text string) []Token {
	k := [2]string{lang, text}
	if w, ok := e.words[k]; ok {
		return w
	}
	var out []Token
	if e.v.analyzer != nil {
		out = e.v.analyzer(lang, text)
	}
	e.words[k] = out
	return out
}

// fields returns the physical fields of a plan's weighted fields, each
// with its boost.
func (e *evaluator) fields(ws []search.Weighted) []weightedField {
	var out []weightedField
	for _, w := range ws {
		for _, f := range e.v.byKind[uint8(w.Field)] {
			out = append(out, weightedField{f, w.Boost})
		}
	}
	return out
}

type weightedField struct {
	TextField
	boost float64
}

// segTerm is a term's postings in one segment.
type segTerm struct {
	seg int
	f   *field
	t   *term
}

// lookedUp is a term's postings in every segment, with its document
// frequency over all of them (deleted documents included, as the View's
// N).
type lookedUp struct {
	ts []segTerm
	df uint32
}

// lookup finds a term of field name in every segment, with its document
// frequency over all of them. Answers are kept for the evaluation: a
// term's frequency is asked for each language of each word and its
// postings again when they are read.
func (e *evaluator) lookup(name, t string) ([]segTerm, uint32) {
	k := [2]string{name, t}
	if l, ok := e.terms[k]; ok {
		return l.ts, l.df
	}
	var out []segTerm
	var df uint32
	for i, s := range e.v.segs {
		f := s.fields[name]
		if f == nil {
			continue
		}
		if mt := f.lookup(t); mt != nil {
			out = append(out, segTerm{i, f, mt})
			df += mt.df
		}
	}
	if e.terms == nil {
		e.terms = map[[2]string]lookedUp{}
	}
	e.terms[k] = lookedUp{out, df}
	return out, df
}

// bm25f adds to out every live document holding term t in some of fields
// (one language's fields), scored by BM25F: the term's frequency in each
// field, times the field's weight, over the field's length part
// 1−b+b·len/avg, summed over the fields (tf) and saturated once,
// (k+1)·tf/(k+tf) with k = fieldsK1, times boost and idf² of df (of
// e.conceptDF when set). A common word named in a title and a summary
// thus no longer outweighs a rare word of the body, as it did when each
// field's BM25 was added. only, when not nil, keeps out to its
// documents.
func (e *evaluator) bm25f(out *mset, fields []weightedField, t string, df uint32, boost float64, only *mset) {
	if e.conceptDF != 0 {
		df = e.conceptDF
	}
	idf := e.v.idf(df)
	w := boost * idf * idf * (fieldsK1 + 1)
	if e.scratch == nil {
		e.scratch = e.newSet()
	}
	scratch := e.scratch
	held := 0
	postings := make([][]segTerm, len(fields))
	for i, f := range fields {
		if postings[i], _ = e.lookup(f.Name, t); len(postings[i]) > 0 {
			held++
		}
	}
	if held == 0 {
		return
	}
	// When one field holds the term, its documents are scored as they are
	// read.
	clear(scratch.bits)
	live := e.v.live
	scored := e.scored
	if only != nil && e.sparse(only, postings) {
		e.bm25fOnly(out, fields, postings, w, held, only)
		return
	}
	for i, f := range fields {
		ts := postings[i]
		if len(ts) == 0 {
			continue
		}
		inv, nb := e.v.fieldNorm(f.Name)
		for _, st := range ts {
			base := e.v.base[st.seg]
			length := st.f.length
			checkLive := e.v.deletes[st.seg]
			// field.each's loop, inline: this is the hottest loop of a
			// search.
			data := st.f.data[st.t.off:st.t.end]
			var doc uint64
			for p := 0; p < len(data); {
				// Most deltas and frequencies fit a byte.
				d := uint64(data[p])
				if d < 0x80 {
					p++
				} else {
					d, p = uvarint(data, p)
				}
				doc += d >> 1
				freq := uint64(1)
				if d&1 == 0 {
					if freq = uint64(data[p]); freq < 0x80 {
						p++
					} else {
						freq, p = uvarint(data, p)
					}
				}
				g := base + uint32(doc)
				if checkLive && !hasBit(live, g) || only != nil && !only.has(g) {
					continue
				}
				if scored != nil && !hasBit(scored, g) {
					// Matched, not scored.
					if held == 1 {
						out.add(g, 0)
					} else if !scratch.has(g) {
						setBit(scratch.bits, g)
						scratch.score[g] = 0
					}
					continue
				}
				tf := weightedTF(f.boost, freq, length[doc], inv, nb)
				if held == 1 {
					out.add(g, w*tf/(fieldsK1+tf))
					continue
				}
				if !scratch.has(g) {
					setBit(scratch.bits, g)
					scratch.score[g] = tf
					continue
				}
				scratch.score[g] += tf
			}
		}
	}
	if held == 1 {
		return
	}
	saturate(out, scratch, w)
}

// sparseRatio is how many postings per document of a set make reading
// the set's documents one by one, each found with the skip entries
// (a jump, then half a run of skipEvery postings read on average),
// cheaper than reading the postings through. A variable: tests set it to
// 0 (always one by one) and to denseOnly (never) to compare.
var sparseRatio uint64 = 128

// denseOnly as sparseRatio turns the sparse readings off.
const denseOnly = 1 << 40

// sparse reports whether only has few documents against the postings
// read for them.
func (e *evaluator) sparse(only *mset, postings [][]segTerm) bool {
	var n uint64
	for _, ts := range postings {
		for _, st := range ts {
			n += uint64(st.t.df)
		}
	}
	return uint64(popcount(only.bits, nil))*sparseRatio < n
}

// bm25fOnly is bm25f over the documents of only, few against the
// postings: each field's postings are read at those documents only,
// jumping over the others with the skip entries. Scores are summed in
// the order bm25f sums them, so they are the same to the last bit.
func (e *evaluator) bm25fOnly(out *mset, fields []weightedField, postings [][]segTerm, w float64, held int, only *mset) {
	scratch := e.scratch
	live := e.v.live
	for i, f := range fields {
		inv, nb := e.v.fieldNorm(f.Name)
		for _, st := range postings[i] {
			base := e.v.base[st.seg]
			end := base + uint32(e.v.segs[st.seg].docs)
			checkLive := e.v.deletes[st.seg]
			c := newDocCursor(st.f, st.t)
			for w0 := base / 64; w0 < (end+63)/64 && !c.done; w0++ {
				word := only.bits[w0]
				for word != 0 && !c.done {
					g := w0<<6 | uint32(bits.TrailingZeros64(word))
					word &= word - 1
					if g < base || g >= end || checkLive && !hasBit(live, g) {
						continue
					}
					local := uint64(g - base)
					if c.advance(local); c.done || c.doc != local {
						continue
					}
					tf := 0.0 // matched, not scored
					if e.scored == nil || hasBit(e.scored, g) {
						tf = weightedTF(f.boost, c.freq, st.f.length[local], inv, nb)
					}
					if held == 1 {
						out.add(g, w*tf/(fieldsK1+tf))
						continue
					}
					if !scratch.has(g) {
						setBit(scratch.bits, g)
						scratch.score[g] = tf
						continue
					}
					scratch.score[g] += tf
				}
			}
		}
	}
	if held == 1 {
		return
	}
	saturate(out, scratch, w)
}

// fieldDF is how many documents hold term t in one of fields, one
// language's: the most in one field, an estimate of their union read from
// the term dictionaries (deleted documents included, as the View's N).
func (e *evaluator) fieldDF(fields []weightedField, t string) uint32 {
	var most uint32
	for _, f := range fields {
		_, df := e.lookup(f.Name, t)
		most = max(most, df)
	}
	return most
}

// wordDF is how many documents hold the i-th term each language's
// analyser makes of text, in one of the languages' fields (fieldDF),
// summed over the languages: a document has one language, and a word is
// as common as the documents of every language that hold it.
func (e *evaluator) wordDF(langs [][]weightedField, text string, i int) uint32 {
	var n uint32
	for _, fs := range langs {
		if toks := e.analyzed(fs[0].Lang, text); i < len(toks) {
			n += e.fieldDF(fs, toks[i].Term)
		}
	}
	return n
}

// maxDF is the document frequency a word and its translations (the
// children of a ClauseMax) score with, as one term: per language, the
// most documents one of them is found in, summed over the languages. A
// word of a small language is then as rare as its concept, not rarer
// because few documents are in that language ("retour" in the one French
// report of a collection against "return" in every English one). 0 when
// no child is a single word.
func (e *evaluator) maxDF(cs []*search.Clause) uint32 {
	per := map[string]uint32{}
	for _, c := range cs {
		if c.Kind != search.ClauseWord {
			continue
		}
		for _, fs := range byLang(e.fields(c.Fields)) {
			if toks := e.analyzed(fs[0].Lang, c.Text); len(toks) == 1 {
				per[fs[0].Lang] = max(per[fs[0].Lang], e.fieldDF(fs, toks[0].Term))
			}
		}
	}
	var n uint32
	for _, df := range per {
		n += df
	}
	return n
}

// byLang groups weighted fields by language, in the order of their
// languages' first fields.
func byLang(fields []weightedField) [][]weightedField {
	var out [][]weightedField
	for _, f := range fields {
		i := 0
		for i < len(out) && out[i][0].Lang != f.Lang {
			i++
		}
		if i == len(out) {
			out = append(out, nil)
		}
		out[i] = append(out[i], f)
	}
	return out
}

// text matches a word (every term a language's analyser makes of it) or a
// prefix in the clause's fields, each term scored by BM25F over the fields
// of a language (bm25f), a word's terms summed.
func (e *evaluator) text(c *search.Clause) *mset {
	out := e.newSet()
	langs := byLang(e.fields(c.Fields))
	for _, fs := range langs {
		boost := boostIn(c, fs[0].Lang)
		if c.Kind == search.ClausePrefix {
			e.prefix(out, fs, search.Fold(c.Text), boost)
			continue
		}
		toks := e.analyzed(fs[0].Lang, c.Text)
		if len(toks) == 0 {
			continue
		}
		if len(toks) == 1 {
			e.bm25f(out, fs, toks[0].Term, e.wordDF(langs, c.Text, 0), boost, nil)
			continue
		}
		// Several terms (a hyphenated word): all must be in the
		// language's fields.
		var part *mset
		for i, tok := range toks {
			s := e.newSet()
			e.bm25f(s, fs, tok.Term, e.wordDF(langs, c.Text, i), boost, nil)
			if part == nil {
				part = s
				continue
			}
			for w := range part.bits {
				part.bits[w] &= s.bits[w]
			}
			part.each(func(d uint32) { part.score[d] += s.score[d] })
			e.free(s)
		}
		part.each(func(d uint32) { out.add(d, part.score[d]) })
		e.free(part)
	}
	if c.Kind == search.ClauseWord && c.Typos > 0 {
		found := popcount(out.bits, nil) > 0
		for _, fs := range langs {
			e.corrected(out, c, fs, found, boostIn(c, fs[0].Lang))
		}
	}
	return out
}

// corrected adds to out what one language's fields read the word as
// besides itself (View.fix), at TypoBoost: each field's closest term when
// no field holds the word (found is false), else a much more frequent
// neighbour in the fields that hold it.
func (e *evaluator) corrected(out *mset, c *search.Clause, fields []weightedField, found bool, boost float64) {
	toks := e.analyzed(fields[0].Lang, c.Text)
	if len(toks) != 1 {
		return
	}
	var fixes []string
	where := map[string][]weightedField{}
	for _, f := range fields {
		if best := e.v.readAs(f.Name, toks[0].Term, c.Typos, found); best != "" {
			if where[best] == nil {
				fixes = append(fixes, best)
			}
			where[best] = append(where[best], f)
		}
	}
	for _, t := range fixes {
		e.bm25f(out, where[t], t, e.fieldDF(where[t], t), boost*search.TypoBoost, nil)
	}
}

// prefix adds to out the terms of one language's fields starting with p,
// as a disjunction of them.
func (e *evaluator) prefix(out *mset, fields []weightedField, p string, boost float64) {
	var terms []string
	seen := map[string]bool{}
	for _, f := range fields {
		for _, s := range e.v.segs {
			sf := s.fields[f.Name]
			if sf == nil {
				continue
			}
			for _, t := range sf.prefixRange(p) {
				if !seen[t.text] {
					seen[t.text] = true
					terms = append(terms, t.text)
				}
			}
		}
	}
	if len(terms) == 0 {
		return
	}
	if len(terms) == 1 {
		e.bm25f(out, fields, terms[0], e.fieldDF(fields, terms[0]), boost, nil)
		return
	}
	part := e.newSet()
	for _, t := range terms {
		e.bm25f(part, fields, t, e.fieldDF(fields, t), boost, nil)
	}
	part.coord(len(terms))
	part.each(func(d uint32) { out.add(d, part.score[d]) })
	e.free(part)
}

// facet matches a facet value typed in the query (country:HND), scored as
// a term of a field of facet values.
func (e *evaluator) facet(key string) *mset {
	out := e.newSet()
	id, ok := e.v.ids[key]
	if !ok {
		return out
	}
	df := popcount(e.v.vbits[id], nil)
	idf := e.v.idf(uint32(df))
	n0, n1 := k1*(1-b), k1*b/max(e.v.facetAvg, 1)
	forEach(e.v.vbits[id], func(n uint32) {
		i, l := e.v.Locate(n)
		s := e.v.segs[i]
		length := float64(s.off[l+1] - s.off[l])
		out.add(n, idf*idf*bm25(1, n0+n1*length))
	})
	return out
}

// phrase matches the clause's text as a phrase in its fields, scored as
// its words are (bm25f): a phrase and the words it is made of weigh alike.
func (e *evaluator) phrase(c *search.Clause) *mset {
	found := e.newSet()
	fields := e.fields(c.Fields)
	// Which documents hold the phrase depends on nothing but the View:
	// kept from one search to the next, it spares reading positions
	// when a phrase comes again with other filters, words or pages.
	// Evaluated at e.restrict only, the set is not whole and not kept,
	// unless the phrase comes a second time (matchCache.admit): it is
	// then found everywhere and kept. A whole one kept serves at
	// e.restrict too (it holds those documents).
	var key string
	if e.useCache {
		key = c.Key()
	}
	restrict := e.restrict
	read, kept := 0, false
	if key != "" {
		read, kept = e.v.cache.phraseIn(key, found.bits)
	}
	if !kept || read < len(e.v.segs) {
		// Not kept, or kept by the View before a write for the segments
		// both begin with: the others are read.
		whole := key != "" && (restrict == nil || kept || e.v.cache.admit(key))
		if whole {
			e.restrict = nil
		}
		e.fromSeg = read
		for _, f := range fields {
			e.phraseIn(found, f, c.Text)
		}
		e.fromSeg = 0
		e.restrict = restrict
		if whole {
			e.v.cache.putPhrase(key, found.bits, len(e.v.segs))
		}
	}
	if kept {
		for w := range found.bits {
			found.bits[w] &= e.v.live[w] // kept before documents were deleted
		}
	}
	if restrict != nil {
		for w := range found.bits {
			found.bits[w] &= restrict[w]
		}
	}
	out := e.newSet()
	if popcount(found.bits, nil) == 0 {
		e.free(found)
		return out
	}
	langs := byLang(fields)
	for _, fs := range langs {
		toks := e.analyzed(fs[0].Lang, c.Text)
		for i, tok := range toks {
			e.bm25f(out, fs, tok.Term, e.wordDF(langs, c.Text, i), boostIn(c, fs[0].Lang), found)
		}
	}
	e.free(found)
	return out
}

// phraseIn adds to out the documents whose field f holds the words of
// text at the analyser's relative positions, scored as the sum of the
// words' term scores.
func (e *evaluator) phraseIn(out *mset, f weightedField, text string) {
	toks := e.analyzed(f.Lang, text)
	if len(toks) == 0 {
		return
	}
	weights := make([]float64, len(toks))
	offs := make([]uint64, len(toks))
	per := make([][]segTerm, len(toks))
	for i, tok := range toks {
		ts, df := e.lookup(f.Name, tok.Term)
		if len(ts) == 0 {
			return
		}
		idf := e.v.idf(df)
		weights[i] = f.boost * idf * idf
		offs[i] = uint64(tok.Pos - toks[0].Pos)
		per[i] = ts
	}
	n0, n1 := e.v.lengthNorm(f.Name)
	for si, s := range e.v.segs[e.fromSeg:] {
		si += e.fromSeg
		sf := s.fields[f.Name]
		if sf == nil {
			continue
		}
		curs := make([]*postCursor, len(toks))
		for i := range toks {
			var mt *term
			for _, st := range per[i] {
				if st.seg == si {
					mt = st.t
				}
			}
			if mt == nil {
				curs = nil
				break
			}
			curs[i] = newPostCursor(sf, mt)
		}
		if curs == nil {
			continue
		}
		base := e.v.base[si]
		want := func(doc uint32) bool {
			return hasBit(e.v.live, base+doc) && (e.restrict == nil || hasBit(e.restrict, base+doc))
		}
		align := alignPhrase
		if e.restrict != nil && fewIn(e.restrict, base, base+uint32(s.docs), curs) {
			// The phrase matters at few documents (those passing a
			// search's filters): its words are read at those only.
			align = func(curs []*postCursor, offs []uint64, want func(uint32) bool, fn func(uint32)) {
				alignAt(curs, offs, e.restrict, base, base+uint32(s.docs), want, fn)
			}
		}
		align(curs, offs, want, func(doc uint32) {
			g := base + doc
			norm := n0 + n1*float64(sf.length[doc])
			var score float64
			for i, c := range curs {
				score += weights[i] * bm25(c.freq, norm)
			}
			out.add(g, score)
		})
	}
}

// boostIn is a clause's Boost in the fields of language lang: times
// search.ForeignBoost when lang is a query language the clause's words
// are not words of (Clause.Langs).
func boostIn(c *search.Clause, lang string) float64 {
	if len(c.Langs) > 0 && !slices.Contains(c.Langs, lang) && search.IsQueryLanguage(lang) {
		return boostOf(c) * search.ForeignBoost
	}
	return boostOf(c)
}

// boostOf is a clause's Boost, 1 when unset.
func boostOf(c *search.Clause) float64 {
	if c.Boost == 0 {
		return 1
	}
	return c.Boost
}

// saturate adds to out, for each document of scratch, a word's weight w
// times the saturation of its summed field frequencies (BM25F's k1 curve).
func saturate(out, scratch *mset, w float64) {
	scratch.each(func(d uint32) {
		tf := scratch.score[d]
		out.add(d, w*tf/(fieldsK1+tf))
	})
}
