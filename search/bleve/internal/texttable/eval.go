package texttable

import (
	"context"
	"fmt"
	"math/bits"
	"strings"
	"sync"

	"faro/search"
)

// evaluator evaluates one plan over a View.
type evaluator struct {
	ctx   context.Context
	v     *View
	sets  []*mset
	words map[[2]string][]Token
	// trace, when not nil, records each clause's set (explanations).
	trace map[*search.Clause]*mset
	// depth is the nesting of the clause being evaluated (0: the root);
	// useCache lets the clauses at cacheDepth come from and go to the
	// View's match cache (a word of a query is often a word of the next):
	// a boolean root's children (1), or a root that is no boolean, a word
	// or a disjunction (0), so that its set carries over writes.
	depth      int
	useCache   bool
	cacheDepth int
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
	// fromSeg is the first segment phraseIn and bm25f read (the others'
	// documents holding the phrase known: matchCache.inheritPhrases; the
	// others' scores known: evaluator.complete).
	fromSeg int
	// reads, when not nil, records the terms bm25f reads and their
	// weights (matchEntry.reads).
	reads *strings.Builder
	// bitsets are the sets of documents taken from the View's pool
	// (bitset).
	bitsets []*[]uint64
	// terms keeps the terms looked up (lookup).
	terms map[[2]string]lookedUp
}

func (v *View) newEvaluator(ctx context.Context, explain bool) *evaluator {
	e := &evaluator{ctx: ctx, v: v, words: map[[2]string][]Token{}, cacheDepth: 1}
	if explain {
		e.trace = map[*search.Clause]*mset{}
	}
	return e
}

// setPools holds the sets evaluations reuse: scored sets (newSet) and
// sets of documents without scores (bitset).
type setPools struct {
	sets, bits sync.Pool
}

// roomFor is the capacity a set of docs documents is made with: room for
// the documents later writes add, so that the Views they make reuse it.
func roomFor(docs int) int { return docs + docs/64 + 64 }

// newSet returns an empty set from the pool. Its scores and counts are
// those of documents it held before: only those of its members count.
func (e *evaluator) newSet() *mset {
	docs, nw := e.v.docs, len(e.v.live)
	s, _ := e.v.pools.sets.Get().(*mset)
	if !s.resize(docs, nw) {
		n := roomFor(docs)
		s = &mset{bits: make([]uint64, nw, (n+63)/64), score: make([]float64, docs, n), cnt: make([]uint8, docs, n)}
	}
	e.sets = append(e.sets, s)
	return s
}

// resize makes s an empty set of docs documents (nw words), reporting
// false when s is nil or has no room for them.
func (s *mset) resize(docs, nw int) bool {
	if s == nil || cap(s.score) < docs || cap(s.cnt) < docs || cap(s.bits) < nw {
		return false
	}
	s.bits, s.score, s.cnt = s.bits[:nw], s.score[:docs], s.cnt[:docs]
	clear(s.bits)
	return true
}

// bitset returns an empty set of documents, from the View's pool, for
// the evaluation.
func (e *evaluator) bitset() []uint64 {
	nw := len(e.v.live)
	b, _ := e.v.pools.bits.Get().(*[]uint64)
	if b == nil || cap(*b) < nw {
		nb := make([]uint64, nw, (roomFor(e.v.docs)+63)/64)
		b = &nb
	} else {
		*b = (*b)[:nw]
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
			e.v.pools.sets.Put(s)
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
		e.v.pools.sets.Put(s)
	}
	e.sets = nil
	e.scratch = nil
	for _, b := range e.bitsets {
		e.v.pools.bits.Put(b)
	}
	e.bitsets = nil
}

// eval evaluates c; the result holds live documents only.
func (e *evaluator) eval(c *search.Clause) (*mset, error) {
	if err := e.ctx.Err(); err != nil {
		return nil, err
	}
	// The root's children (or the root, when it is no boolean:
	// cacheDepth) are kept in the match cache from their second
	// evaluation on (matchCache.admit); once the cache is full, only when
	// asked for more often than the set they would push out
	// (matchCache.worth). A kept set is evaluated whole,
	// every document scored, even when the search's filters leave few to
	// score (evaluator.scored): the next search with these words and
	// other filters reads it too.
	var keep string
	// Completing a set (e.fromSeg > 0), its parts are read, not taken
	// whole from the cache.
	if e.useCache && e.fromSeg == 0 && e.depth == e.cacheDepth && cacheable(c) {
		key := c.Key()
		if e.depth > 0 { // View.search looked the root up already
			if ce, ok := e.v.cache.get(key); ok {
				return e.fromEntry(ce), nil
			}
		}
		ce, inherited := e.v.cache.inheritedSet(key)
		if inherited {
			switch ne, s, err := e.complete(c, key, ce); {
			case err != nil:
				return nil, err
			case s != nil:
				return s, nil
			case ne != nil:
				return e.fromEntry(ne), nil
			}
		}
		if inherited || e.v.cache.admit(key) && e.v.cache.worth(key) {
			keep = key
			scored := e.scored
			e.scored = nil
			defer func() { e.scored = scored }()
			if portable(c) {
				e.reads = &strings.Builder{}
			}
		}
	}
	e.depth++
	s, err := e.clause(c)
	e.depth--
	var reads string
	if e.reads != nil && keep != "" {
		reads, e.reads = e.reads.String(), nil
	}
	if err != nil {
		return nil, err
	}
	if e.depth <= 1 && cacheable(c) && !tiered(c) {
		s.single()
	}
	if keep != "" {
		if len(reads) > maxReads {
			reads = ""
		}
		e.v.cache.keep(keep, s, reads)
	}
	if e.trace != nil {
		e.trace[c] = s
	}
	return s, nil
}

// complete answers clause c, a child of the root, from ce, the set the
// View before a write kept (matchCache.inheritWords): c is evaluated,
// every document scored, in the segments past those ce covers, and ce's
// documents still live are added, then kept whole. It returns the set
// kept, and the evaluated set too when ce's scores were copied into it
// (nil when ne shares them); both nil when c now reads other terms or
// weights than ce was scored with (a word a new document holds is no
// longer read as a typo of another): c must then be evaluated whole.
func (e *evaluator) complete(c *search.Clause, key string, ce *matchEntry) (*matchEntry, *mset, error) {
	scored := e.scored
	var reads strings.Builder
	e.scored, e.fromSeg, e.reads = nil, ce.read, &reads
	e.depth++
	s, err := e.clause(c)
	e.depth--
	e.scored, e.fromSeg, e.reads = scored, 0, nil
	if err != nil {
		return nil, nil, err
	}
	if reads.String() != ce.reads {
		e.free(s)
		return nil, nil, nil
	}
	single := !tiered(c)
	if single {
		s.single()
	}
	if ne, ok := extended(ce, s, e.v.live, single); ok {
		// ce's documents are all there: its scores are shared.
		e.free(s)
		e.v.cache.store(key, ne)
		e.v.cache.extended.Add(1)
		return ne, nil, nil
	}
	s.addKept(ce, e.v.live)
	ne := e.v.cache.keep(key, s, ce.reads)
	e.v.cache.completed.Add(1)
	return ne, s, nil
}

// maxReads bounds the record of a kept set's reads (a prefix of many
// terms): past it, the set is not carried over writes.
const maxReads = 4096

// portable reports whether the scores of clause x depend on nothing but
// the postings of the terms it reads, their weights and the View's
// statistics (stats), document by document: words, prefixes, phrases
// (their words' scores where they stand), a word and its translations,
// disjunctions and conjunctions of them (portableRoot). A facet value's
// and a relaxed query's (scored with the idf of their live documents) do
// not qualify.
func portable(x *search.Clause) bool {
	switch x.Kind {
	case search.ClauseWord, search.ClausePrefix, search.ClausePhrase:
		return true
	case search.ClauseAny, search.ClauseMax, search.ClausePrefer:
		for _, y := range x.Children {
			if !portable(y) {
				return false
			}
		}
		return true
	case search.ClauseBool:
		// All of a query's words, one of its forms (a word and its
		// translations: ClauseMax).
		return portableRoot(x)
	}
	return false
}

// portableRoot reports whether a boolean's scores are its parts'
// (portable), document by document, so that its set carries over writes
// as a word's does, as a root or a part: a conjunction, with exclusions
// and optional words, of portable parts. A relaxed query's (Some) is
// not, nor a negation alone (every live document).
func portableRoot(c *search.Clause) bool {
	if c.Kind != search.ClauseBool || len(c.Some) > 0 || len(c.Must) == 0 {
		return false
	}
	for _, list := range [][]*search.Clause{c.Must, c.Not, c.Should} {
		for _, x := range list {
			if !portable(x) {
				return false
			}
		}
	}
	return true
}

// readsOf returns the terms and weights that evaluating root reads
// (matchEntry.reads), found by evaluating it over no segment (its parts
// then read nothing, and nothing from the cache): evaluator.complete
// evaluates it so over the new segments and compares. "" when they are
// too many to record (maxReads).
func (e *evaluator) readsOf(root *search.Clause) string {
	var b strings.Builder
	from, reads := e.fromSeg, e.reads
	e.fromSeg, e.reads = len(e.v.segs), &b
	s, err := e.eval(root)
	e.fromSeg, e.reads = from, reads
	if err != nil {
		return ""
	}
	e.free(s)
	if b.Len() > maxReads {
		return ""
	}
	return b.String()
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
