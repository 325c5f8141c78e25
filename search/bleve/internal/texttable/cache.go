package texttable

import (
	"encoding/binary"
	"maps"
	"math/bits"
	"slices"
	"sync"
	"sync/atomic"

	"faro/search/bleve/internal/lru"
)

// matchCache keeps the match sets (documents and scores) of a View's
// recent plans. Faceted browsing repeats a query's words with other
// selections, sorts and pages; each of those then costs the facet
// popcounts and the ranking of the matches, not their evaluation again.
// It belongs to one View, so a write (a new View) empties it.
type matchCache struct {
	mu  sync.Mutex
	lru *lru.LRU[*matchEntry]
	// seen holds the keys asked for once and not kept: a set is copied
	// into the cache only when its key comes a second time, so that the
	// many one-off plans of distinct queries cost no copy.
	seen map[string]struct{}
	// freq estimates how often each key is asked for (get), for the
	// choice of what a full cache keeps (worth).
	freq frequencies
	// hits counts searches answered from the cache; extended and
	// completed the sets carried over a write and completed
	// (evaluator.complete), with their scores copied whole (extended) or
	// document by document.
	hits, extended, completed atomic.Uint64
	// phrases keeps the documents holding recent phrases (phraseDocs),
	// under phraseMu, from their first evaluation.
	phraseMu sync.Mutex
	phrases  *lru.LRU[*phraseDocs]
}

// phraseDocs is the set of documents holding a phrase in some of its
// fields: which documents hold a phrase depends on none of a search's
// filters, sorts or pages, nor on the query's other words, and reading
// their positions is the dearest part of evaluating a phrase. Kept as a
// bitset, or as the gaps between the documents, ascending, each a
// uvarint, when that is smaller: a phrase of two common words stands in
// few of the documents holding both, and at 100k documents a set of
// 3,000 takes a byte a document instead of a bitset's 12.5 KB, so that
// the phrases of a workload fit where a third of them did as bitsets or
// lists of 4-byte numbers.
type phraseDocs struct {
	bits []uint64
	gaps []byte
	// read is how many of the View's first segments were read, bound the
	// first document past them: the documents of the others are yet to
	// be found (a set the View before a write kept, inheritPhrases, whose
	// documents may reach past bound).
	read  int
	bound uint32
}

func (p *phraseDocs) size() int { return 8*len(p.bits) + len(p.gaps) + 64 }

// phraseShare divides a match cache's budget to bound the phrases' sets
// of documents, kept beside it (at 100k documents a bitset is 12.5 KB, a
// list of a rare phrase's documents a few hundred bytes). Phrases of two
// common words are many: on the reference workload, with an eighth of
// 32 MB, reading positions again took a quarter of the CPU. With half, a
// search costs 1.2-1.5 ms of CPU, with a quarter 1.5-1.8 (1,213-1,581
// searches a second against 1,055-1,248, side by side); with an upload
// every 5 s, 1,262 a second against 1,041, but the set stays full since a
// write carries the phrases over (inheritPhrases), and the resident size
// ends at 311 MB against 294 (BENCHMARKS.md).
const phraseShare = 2

// matchEntry is a cached match set.
type matchEntry struct {
	bits []uint64
	// rank[w] is how many matches precede word w of bits; scores holds
	// the matches' scores in document order, or single does when each
	// of them is a single-precision number (the root's children's are:
	// evaluator.eval), in half the memory.
	rank   []uint32
	scores []float64
	single []float32
	// tailScores or tailSingle hold the scores of the matches past those
	// of scores or single: the documents a write added to a set the View
	// before kept (extended), whose scores are shared, not copied.
	tailScores []float64
	tailSingle []float32
	// reads records the terms and weights the set was scored with
	// (evaluator.reads), "" when the set's scores depend on more than
	// those terms' postings (a phrase, a facet, a relaxed query).
	reads string
	// inherited is set on a set the View before a write kept, valid in
	// the first read segments of the View (bound documents) but for the
	// documents deleted since (matchCache.inheritWords).
	inherited bool
	read      int
	bound     uint32
}

func (e *matchEntry) size() int {
	return 8*len(e.bits) + 4*len(e.rank) + 8*(len(e.scores)+len(e.tailScores)) + 4*(len(e.single)+len(e.tailSingle))
}

// score returns the score of match n.
func (e *matchEntry) score(n uint32) float64 {
	w, b := n/64, n%64
	return e.scoreAt(e.rank[w] + uint32(bits.OnesCount64(e.bits[w]&(1<<b-1))))
}

// scoreAt returns the score of the i-th match.
func (e *matchEntry) scoreAt(i uint32) float64 {
	if e.single != nil {
		return float64(scoreAt(e.single, e.tailSingle, i))
	}
	return scoreAt(e.scores, e.tailScores, i)
}

func newMatchCache(budget int) *matchCache {
	return &matchCache{lru: lru.New(budget, (*matchEntry).size), seen: map[string]struct{}{},
		phrases: lru.New(budget/phraseShare, (*phraseDocs).size)}
}

// get returns the cached set of key; the caller must not modify it.
func (c *matchCache) get(key string) (*matchEntry, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	c.freq.add(key)
	e, ok := c.lru.Get(key)
	c.mu.Unlock()
	if !ok || e.inherited {
		return nil, false
	}
	c.hits.Add(1)
	return e, true
}

// inheritedSet returns the set of key the View before a write kept, to
// be completed (evaluator.complete).
func (c *matchCache) inheritedSet(key string) (*matchEntry, bool) {
	e, ok := c.lookup(key)
	if !ok || !e.inherited {
		return nil, false
	}
	return e, true
}

func (c *matchCache) lookup(key string) (*matchEntry, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lru.Get(key)
}

// inherit lets the keys old holds be kept at their first offer, and
// carries over how often keys were asked for: a write makes a new View,
// whose cache starts empty, and the plans that were worth keeping before
// mostly still are.
func (c *matchCache) inherit(old *matchCache) {
	if c == nil || old == nil {
		return
	}
	old.mu.Lock()
	keys := old.lru.Keys()
	freq := frequencies{n: maps.Clone(old.freq.n), asked: old.freq.asked}
	old.mu.Unlock()
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, k := range keys[:min(len(keys), seenKeys)] {
		c.seen[k] = struct{}{}
	}
	c.freq = freq
}

// inheritPhrases keeps in c the phrases old kept, for its View's
// documents in the first shared segments, which both Views begin with
// (the same documents under the same numbers, bound documents in all),
// sharing their sets.
// Which documents hold a phrase depends on their text alone: a search of
// one of those phrases reads positions in the other segments only.
func (c *matchCache) inheritPhrases(old *matchCache, shared int, bound uint32) {
	if c == nil || old == nil || shared == 0 {
		return
	}
	var kept []string
	var sets []*phraseDocs
	old.phraseMu.Lock()
	old.phrases.Range(func(key string, p *phraseDocs) {
		kept, sets = append(kept, key), append(sets, p)
	})
	old.phraseMu.Unlock()
	c.phraseMu.Lock()
	defer c.phraseMu.Unlock()
	for i, p := range sets {
		q := &phraseDocs{bits: p.bits, gaps: p.gaps, read: min(p.read, shared), bound: min(p.bound, bound)}
		c.phrases.Put(kept[i], q)
	}
}

// inheritWords keeps in c the sets old kept whose scores depend on their
// terms' postings alone (matchEntry.reads), for c's View's documents in
// the first shared segments, which both Views begin with (bound documents
// in all), sharing their slices. Both Views score with the same
// statistics (View.Inherit): a document of those segments that is still
// live holds the same score, and a search of one of those sets reads the
// other segments only (evaluator.complete).
func (c *matchCache) inheritWords(old *matchCache, shared int, bound uint32) {
	if c == nil || old == nil || shared == 0 {
		return
	}
	var keys []string
	var sets []*matchEntry
	old.mu.Lock()
	old.lru.Range(func(key string, e *matchEntry) {
		if e.reads != "" {
			keys, sets = append(keys, key), append(sets, e)
		}
	})
	old.mu.Unlock()
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, e := range sets {
		q := *e
		q.inherited, q.read, q.bound = true, shared, bound
		if e.inherited {
			q.read, q.bound = min(e.read, shared), min(e.bound, bound)
		}
		c.lru.Put(keys[i], &q)
	}
}

// frequencies counts how often keys are asked for, up to 15 each, all
// counts halved every freqWindow requests so that old popularity fades
// (TinyLFU's reset), which also bounds the keys held.
type frequencies struct {
	n     map[string]uint8
	asked int
}

// freqWindow is how many requests pass between two halvings.
const freqWindow = 8192

func (f *frequencies) add(key string) {
	if f.n == nil {
		f.n = map[string]uint8{}
	}
	if f.n[key] < 15 {
		f.n[key]++
	}
	if f.asked++; f.asked >= freqWindow {
		f.asked = 0
		for k, c := range f.n {
			if c /= 2; c == 0 {
				delete(f.n, k)
			} else {
				f.n[k] = c
			}
		}
	}
}

func (f *frequencies) of(key string) uint8 { return f.n[key] }

// seenKeys bounds matchCache.seen; when full it starts again empty.
const seenKeys = 4096

// admit reports whether key was offered before (and forgets it), else
// remembers it.
func (c *matchCache) admit(key string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.seen[key]; ok {
		delete(c.seen, key)
		return true
	}
	if len(c.seen) >= seenKeys {
		clear(c.seen)
	}
	c.seen[key] = struct{}{}
	return false
}

// worth reports whether the set of key is worth keeping: while the cache
// has room, any is; once full, one asked for more often than the set it
// would drop first (TinyLFU's rule: Einziger, Friedman and Manes, 2017).
// Distinct searches bring many sets asked for a few times each, too far
// apart for an LRU of this size to keep them until they come again; each
// would cost a whole evaluation and a copy, and push out the sets of
// words that many searches share.
func (c *matchCache) worth(key string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.lru.Used() < c.lru.Budget()-c.lru.Budget()/8 {
		return true
	}
	victim, ok := c.lru.Oldest()
	return !ok || c.freq.of(key) > c.freq.of(victim)
}

// put keeps a compact copy of s under key the second time key is offered,
// when it is worth it, with the terms and weights reads returns (""
// for a set not carried over writes).
func (c *matchCache) put(key string, s *mset, reads func() string) {
	if c == nil || !c.admit(key) || !c.worth(key) {
		return
	}
	c.keep(key, s, reads())
}

// keep keeps a compact copy of s under key, with the terms and weights
// it was scored with (matchEntry.reads), unless it would take more than
// a quarter of the budget, and returns the copy (nil without a cache).
func (c *matchCache) keep(key string, s *mset, reads string) *matchEntry {
	if c == nil {
		return nil
	}
	e := &matchEntry{bits: append([]uint64(nil), s.bits...), rank: make([]uint32, len(s.bits)), reads: reads}
	var r uint32
	for w, word := range s.bits {
		e.rank[w] = r
		r += uint32(bits.OnesCount64(word))
	}
	// One pass copies the scores in single precision, checking that none
	// needs more; else a second copies them whole.
	e.single = make([]float32, r)
	single, i := true, 0
	for w, word := range s.bits {
		for word != 0 {
			d := w<<6 | bits.TrailingZeros64(word)
			word &= word - 1
			x := s.score[d]
			e.single[i] = float32(x)
			single = single && float64(e.single[i]) == x
			i++
		}
	}
	if !single {
		e.single, e.scores, i = nil, make([]float64, r), 0
		for w, word := range s.bits {
			for word != 0 {
				e.scores[i] = s.score[w<<6|bits.TrailingZeros64(word)]
				word &= word - 1
				i++
			}
		}
	}
	c.store(key, e)
	return e
}

// store keeps e under key, unless it would take more than a quarter of
// the budget.
func (c *matchCache) store(key string, e *matchEntry) {
	if e.size() > c.lru.Budget()/4 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.lru.Put(key, e)
}

// scoreAt returns the i-th of the scores of head then tail.
func scoreAt[F float32 | float64](head, tail []F, i uint32) F {
	if int(i) < len(head) {
		return head[i]
	}
	return tail[int(i)-len(head)]
}

// extended returns ce, a set the View before a write kept, with the
// documents of s, all past ce's bound, added, for a View whose live
// documents are live: its bits below the bound copied, its scores shared
// (the new documents' appended to its tail, matchEntry.tailSingle). ce's
// documents past its bound (in segments a merge replaced) are dropped:
// they come last in its order, so the scores of those kept stay where
// they are. ok is false when some of ce's documents below its bound were
// deleted since, or when ce holds single-precision scores and s's are not
// (single).
func extended(ce *matchEntry, s *mset, live []uint64, single bool) (*matchEntry, bool) {
	if ce.single != nil && !single {
		return nil, false
	}
	nw, bw := len(live), int(ce.bound/64)
	below := func(w int) uint64 { // ce's bits of word w below its bound
		switch {
		case w < bw:
			return ce.bits[w]
		case w == bw:
			return ce.bits[w] & (1<<(ce.bound%64) - 1)
		}
		return 0
	}
	kept := uint32(0) // ce's documents below its bound
	for w := range min(len(ce.bits), bw+1) {
		word := below(w)
		if w >= nw || word&^live[w] != 0 {
			return nil, false
		}
		kept += uint32(bits.OnesCount64(word))
	}
	e := &matchEntry{bits: make([]uint64, nw), rank: make([]uint32, nw), reads: ce.reads}
	for w := range min(len(ce.bits), bw+1, nw) {
		e.bits[w] = below(w)
	}
	added := 0
	for w := bw; w < nw; w++ {
		e.bits[w] |= s.bits[w]
		added += bits.OnesCount64(s.bits[w])
	}
	var r uint32
	for w, word := range e.bits {
		e.rank[w] = r
		r += uint32(bits.OnesCount64(word))
	}
	if ce.single != nil {
		head, tail := truncated(ce.single, ce.tailSingle, kept)
		e.single, e.tailSingle = head, append(make([]float32, 0, len(tail)+added), tail...)
	} else {
		head, tail := truncated(ce.scores, ce.tailScores, kept)
		e.scores, e.tailScores = head, append(make([]float64, 0, len(tail)+added), tail...)
	}
	for w := bw; w < nw; w++ {
		for word := s.bits[w]; word != 0; word &= word - 1 {
			x := s.score[w<<6|bits.TrailingZeros64(word)]
			if e.single != nil {
				e.tailSingle = append(e.tailSingle, float32(x))
			} else {
				e.tailScores = append(e.tailScores, x)
			}
		}
	}
	return e, true
}

// truncated returns the first n of the scores of head then tail, as a
// head and a tail sharing their arrays.
func truncated[F float32 | float64](head, tail []F, n uint32) ([]F, []F) {
	if int(n) <= len(head) {
		return head[:n:n], nil
	}
	return head, tail[:int(n)-len(head)]
}

// phraseIn adds to bits the documents kept as holding the phrase of key,
// and returns how many of the View's first segments they cover (all of
// them but after a write, inheritPhrases); ok is false when there was no
// such set.
func (c *matchCache) phraseIn(key string, bits []uint64) (read int, ok bool) {
	if c == nil {
		return 0, false
	}
	c.phraseMu.Lock()
	p, ok := c.phrases.Get(key)
	c.phraseMu.Unlock()
	if !ok {
		return 0, false
	}
	if p.bits != nil {
		w := min(int(p.bound/64), len(p.bits), len(bits))
		copy(bits, p.bits[:w])
		if r := p.bound % 64; r != 0 && w < len(p.bits) && w < len(bits) {
			bits[w] = p.bits[w] & (1<<r - 1)
		}
	} else {
		var d uint64
		for i := 0; i < len(p.gaps); {
			g := uint64(p.gaps[i])
			if g < 0x80 {
				i++
			} else {
				g, i = uvarint(p.gaps, i)
			}
			if d += g; d >= uint64(p.bound) {
				break
			}
			setBit(bits, uint32(d))
		}
	}
	return p.read, true
}

// putPhrase keeps the documents of bits as those holding the phrase of
// key in the View's first read segments (all of them).
func (c *matchCache) putPhrase(key string, bits []uint64, read int) {
	if c == nil {
		return
	}
	p := &phraseDocs{read: read, bound: uint32(64 * len(bits))}
	if gaps, ok := gapsOf(bits, 8*len(bits)); ok {
		p.gaps = gaps
	} else {
		p.bits = append([]uint64(nil), bits...)
	}
	c.phraseMu.Lock()
	defer c.phraseMu.Unlock()
	c.phrases.Put(key, p)
}

// gapsOf returns the documents of set as the gaps between them (the
// first from 0), each a uvarint, when that takes less than limit bytes.
func gapsOf(set []uint64, limit int) ([]byte, bool) {
	var out []byte
	var last uint64
	for w, word := range set {
		for word != 0 {
			d := uint64(w<<6 | bits.TrailingZeros64(word))
			word &= word - 1
			out = binary.AppendUvarint(out, d-last)
			last = d
			if len(out) >= limit {
				return nil, false
			}
		}
	}
	return slices.Clip(out), true
}
