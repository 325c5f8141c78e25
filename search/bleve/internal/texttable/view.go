package texttable

import (
	"math"
	"math/bits"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
)

// View is the searchable state of one index snapshot: its segments, in
// order, with the snapshot's deletions. Document numbers of a View are
// global: segment i's documents start at its base. A View never changes;
// it is safe for concurrent use.
type View struct {
	schema   Schema
	analyzer Analyzer
	segs     []*Segment
	base     []uint32
	docs     int
	// live marks the documents not deleted; total counts them.
	live  []uint64
	total uint64
	// st holds the statistics the View scores with.
	st *stats
	// deletes[i] is set when segment i has deleted documents, deleted[i]
	// lists them as NewView had them.
	deletes []bool
	deleted [][]uint32
	// Facet values across segments: keys[v] ("country:HND"), groups[v]
	// its facet ("country"); vbits[v] marks the live documents holding
	// it; segVal[i][local] is the View's id of segment i's value local.
	keys   []string
	groups []string
	ids    map[string]uint32
	vbits  [][]uint64
	segVal [][]uint32
	// facetNorm holds BM25's length part for facet values typed in a
	// query, by document (its count of values against the average).
	facetAvg float64
	// byKind lists the text fields of each kind.
	byKind map[uint8][]TextField

	// id and date of every document, by View number.
	id, date []string

	dateOnce sync.Once
	// datesDone is set once byDate and undate are; prevDated and
	// prevUndated are those of the View this one replaced (or the one
	// before, when that one never ordered its documents), valid below
	// prevBound (Inherit); set before the View answers, never changed.
	datesDone              atomic.Bool
	prevDated, prevUndated []uint32
	prevBound              uint32
	// long marks the documents read by passage (longDocs).
	longOnce       sync.Once
	long           []uint64
	byDate, undate []uint32
	// dateRuns holds where each run of byDate's documents sharing a date
	// begins, and len(byDate) last.
	dateRuns []uint32

	cache *matchCache
	// pools holds the sets evaluations take and give back, shared by the
	// Views writes make (Inherit): a new View's searches would otherwise
	// each allocate theirs, megabytes a search at 100k documents.
	pools *setPools
	// fixes keeps the corrections of misspelt terms (typos.go).
	fixes sync.Map
}

// Config is what a View needs besides its segments.
type Config struct {
	Schema   Schema
	Analyzer Analyzer
	// MatchCacheBytes bounds the cache of recent match sets (0: none).
	MatchCacheBytes int
}

// Inherit makes the match sets old kept be kept in v as soon as they are
// evaluated again (once, not twice), and lets v take the documents of
// the phrases old kept in the segments both begin with: v replaces old
// after a write. When few documents changed, v scores with old's
// statistics (stats) and takes the words' sets old kept too. Inherit is
// called before v answers any search.
func (v *View) Inherit(old *View) {
	defer runtime.KeepAlive(v) // its segments' mapped memory (freeFields)
	if old == nil {
		return
	}
	v.cache.inherit(old.cache)
	v.pools = old.pools
	shared := 0
	for shared < min(len(v.segs), len(old.segs)) && v.segs[shared] == old.segs[shared] {
		shared++
	}
	if shared == 0 {
		return
	}
	bound := v.base[shared-1] + uint32(v.segs[shared-1].docs)
	// What old found among its live documents holds in v when none of
	// them came back (no deletion undone).
	same := liveIn(v.live, old.live, bound)
	switch {
	case !same:
	case old.datesDone.Load():
		v.prevDated, v.prevUndated, v.prevBound = old.byDate, old.undate, bound
	case old.prevDated != nil:
		// old was replaced before it ordered its documents: the order
		// it was given holds in v too, in the segments all three share.
		v.prevDated, v.prevUndated, v.prevBound = old.prevDated, old.prevUndated, min(old.prevBound, bound)
	}
	v.cache.inheritPhrases(old.cache, shared, bound)
	if v.sharesStats(old, shared) {
		v.st = old.st
		if same {
			v.cache.inheritWords(old.cache, shared, bound)
		}
	}
}

// NewView assembles segs, in the snapshot's order, with deleted[i] the
// deleted document numbers of segment i.
func NewView(cfg Config, segs []*Segment, deleted [][]uint32) *View {
	v := &View{schema: cfg.Schema, analyzer: cfg.Analyzer, segs: segs, deleted: deleted, ids: map[string]uint32{}, byKind: map[uint8][]TextField{}}
	if cfg.MatchCacheBytes > 0 {
		v.cache = newMatchCache(cfg.MatchCacheBytes)
	}
	v.pools = &setPools{}
	for _, f := range cfg.Schema.Text {
		v.byKind[uint8(f.Kind)] = append(v.byKind[uint8(f.Kind)], f)
	}
	v.base = make([]uint32, len(segs))
	v.deletes = make([]bool, len(segs))
	for i, s := range segs {
		v.base[i] = uint32(v.docs)
		v.docs += s.docs
	}
	nw := (v.docs + 63) / 64
	v.live = make([]uint64, nw)
	v.id = make([]string, 0, v.docs)
	v.date = make([]string, 0, v.docs)
	for _, s := range segs {
		v.id = append(v.id, s.id...)
		v.date = append(v.date, s.date...)
	}
	for i, s := range segs {
		b := int(v.base[i])
		for n := range s.docs {
			if s.id[n] != "" {
				setBit(v.live, uint32(b+n))
			} else {
				v.deletes[i] = true // not a document: checked as a deleted one
			}
		}
		if i < len(deleted) && len(deleted[i]) > 0 {
			v.deletes[i] = true
			for _, n := range deleted[i] {
				if int(n) < s.docs {
					clearBit(v.live, uint32(b)+n)
				}
			}
		}
	}
	v.total = uint64(popcount(v.live, nil))
	// Facet values.
	values := 0
	v.segVal = make([][]uint32, len(segs))
	for i, s := range segs {
		v.segVal[i] = make([]uint32, len(s.keys))
		for local, k := range s.keys {
			id, ok := v.ids[k]
			if !ok {
				id = uint32(len(v.keys))
				v.ids[k] = id
				v.keys = append(v.keys, k)
				g, _, _ := strings.Cut(k, ":")
				v.groups = append(v.groups, g)
				v.vbits = append(v.vbits, make([]uint64, nw))
			}
			v.segVal[i][local] = id
		}
		b := v.base[i]
		for n := range s.docs {
			if !hasBit(v.live, b+uint32(n)) {
				continue
			}
			for _, local := range s.vals[s.off[n]:s.off[n+1]] {
				setBit(v.vbits[v.segVal[i][local]], b+uint32(n))
				values++
			}
		}
	}
	if v.total > 0 {
		v.facetAvg = math.Ceil(float64(values) / float64(v.total))
	}
	v.st = v.statsOf()
	return v
}

// Holds reports whether v is the View NewView makes of segs and deleted:
// the same segments in the same order, the same deleted documents. A
// snapshot that changes neither (a segment written in memory persisted)
// keeps its View, and the sets the View's cache holds.
func (v *View) Holds(segs []*Segment, deleted [][]uint32) bool {
	if !slices.Equal(v.segs, segs) {
		return false
	}
	for i := range segs {
		var a, b []uint32
		if i < len(v.deleted) {
			a = v.deleted[i]
		}
		if i < len(deleted) {
			b = deleted[i]
		}
		if !slices.Equal(a, b) {
			return false
		}
	}
	return true
}

// Docs bounds the View's document numbers.
func (v *View) Docs() int { return v.docs }

// Total is the number of live documents.
func (v *View) Total() uint64 { return v.total }

// Bytes is the size of the View's postings, positions and bitsets.
func (v *View) Bytes() int {
	n := len(v.vbits) * len(v.live) * 8
	for _, s := range v.segs {
		n += s.bytes
		for _, f := range s.fields {
			n += 4 * len(f.length)
		}
	}
	return n
}

// Segments returns the View's segments, in order.
func (v *View) Segments() []*Segment { return v.segs }

// Locate returns the segment of document n and n's number in it.
func (v *View) Locate(n uint32) (seg int, local uint32) {
	i := sort.Search(len(v.base), func(i int) bool { return v.base[i] > n }) - 1
	if i < 0 {
		return 0, n
	}
	return i, n - v.base[i]
}

// ID returns document n's id ("" for none).
func (v *View) ID(n uint32) string {
	if int(n) >= len(v.id) {
		return ""
	}
	return v.id[n]
}

// Date returns document n's date ("" for none).
func (v *View) Date(n uint32) string {
	if int(n) >= len(v.date) {
		return ""
	}
	return v.date[n]
}

// Keys returns the facet values of the View ("facet:value") of group g.
func (v *View) Keys(g string) []string {
	var out []string
	for i, k := range v.keys {
		if v.groups[i] == g {
			out = append(out, k)
		}
	}
	return out
}

// dateOrder returns the live documents with a date, by date then id, and
// those without, by id: each segment's orders (sorted once, when the
// segment is built) merged; and where each run of dated documents sharing
// a date begins in dated, len(dated) last.
func (v *View) dateOrder() (dated, undated, runs []uint32) {
	v.dateOnce.Do(func() {
		datedLess := func(a, b uint32) bool {
			if v.date[a] != v.date[b] {
				return v.date[a] < v.date[b]
			}
			return v.id[a] < v.id[b]
		}
		idLess := func(a, b uint32) bool { return v.id[a] < v.id[b] }
		var ds, us [][]uint32
		first := 0
		if v.prevDated != nil {
			// The View before a write ordered the documents of the
			// segments both begin with: those still live keep their
			// order.
			ds = append(ds, v.kept(v.prevDated, v.prevBound))
			us = append(us, v.kept(v.prevUndated, v.prevBound))
			first = sort.Search(len(v.base), func(i int) bool { return v.base[i] >= v.prevBound })
		}
		for i, s := range v.segs[first:] {
			ds = append(ds, v.global(first+i, s.byDate))
			us = append(us, v.global(first+i, s.undated))
		}
		v.byDate = mergeSorted(ds, datedLess)
		v.undate = mergeSorted(us, idLess)
		v.dateRuns = dateRuns(v.byDate, v.date)
		v.datesDone.Store(true)
	})
	return v.byDate, v.undate, v.dateRuns
}

// dateRuns returns where each run of documents of dated sharing a date
// begins, len(dated) last: walking the runs compares no dates.
func dateRuns(dated []uint32, date []string) []uint32 {
	var runs []uint32
	for i, n := range dated {
		if i == 0 || date[n] != date[dated[i-1]] {
			runs = append(runs, uint32(i))
		}
	}
	return append(runs, uint32(len(dated)))
}

// liveIn reports whether every document below bound live in a is live in
// b.
func liveIn(a, b []uint64, bound uint32) bool {
	w := int(bound / 64)
	for i := range min(w, len(a), len(b)) {
		if a[i]&^b[i] != 0 {
			return false
		}
	}
	if r := bound % 64; r != 0 && w < len(a) && w < len(b) {
		return a[w]&^b[w]&(1<<r-1) == 0
	}
	return true
}

// kept returns the documents of list below bound that are live in v.
func (v *View) kept(list []uint32, bound uint32) []uint32 {
	out := make([]uint32, 0, len(list))
	for _, n := range list {
		if n < bound && hasBit(v.live, n) {
			out = append(out, n)
		}
	}
	return out
}

// global returns the live documents of segment i's list, by View number.
func (v *View) global(i int, local []uint32) []uint32 {
	out := make([]uint32, 0, len(local))
	for _, l := range local {
		if n := v.base[i] + l; hasBit(v.live, n) {
			out = append(out, n)
		}
	}
	return out
}

// mergeSorted merges sorted lists into one, which may be one of them.
func mergeSorted(lists [][]uint32, less func(a, b uint32) bool) []uint32 {
	var out []uint32
	for _, l := range lists {
		out = mergeTwo(out, l, less)
	}
	return out
}

// mergeTwo merges sorted lists a and b, neither modified, placing each
// element of the shorter by galloping search in the longer: after a write,
// the documents of a new segment go into the order of 100k others with a
// few dozen comparisons each, not one comparison per document.
func mergeTwo(a, b []uint32, less func(a, b uint32) bool) []uint32 {
	switch {
	case len(b) == 0:
		return a
	case len(a) == 0:
		return b
	}
	if len(a) < len(b) {
		a, b = b, a
		orig := less
		less = func(x, y uint32) bool { return !orig(y, x) } // b's elements, now a's, go first on ties
	}
	out := make([]uint32, 0, len(a)+len(b))
	i := 0
	for _, x := range b {
		// Galloping: steps of 1, 2, 4... past the elements before x,
		// then a binary search in the last step.
		lo, step := i, 1
		for lo+step <= len(a) && !less(x, a[lo+step-1]) {
			lo += step
			step *= 2
		}
		hi := min(lo+step, len(a))
		j := lo + sort.Search(hi-lo, func(k int) bool { return less(x, a[lo+k]) })
		out = append(out, a[i:j]...)
		out = append(out, x)
		i = j
	}
	return append(out, a[i:]...)
}

// wordsBelow splits the bits below n into w whole words of a bitset and
// the mask of those of word w.
func wordsBelow(n uint32) (w int, partial uint64) { return int(n / 64), 1<<(n%64) - 1 }

// clearBelow clears the bits of set below n.
func clearBelow(set []uint64, n uint32) {
	w, partial := wordsBelow(n)
	w = min(w, len(set))
	clear(set[:w])
	if w < len(set) {
		set[w] &^= partial
	}
}

// countBelow counts the bits of set below n.
func countBelow(set []uint64, n uint32) int {
	w, partial := wordsBelow(n)
	w = min(w, len(set))
	c := popcount(set[:w], nil)
	if w < len(set) {
		c += bits.OnesCount64(set[w] & partial)
	}
	return c
}

func setBit(b []uint64, n uint32)      { b[n/64] |= 1 << (n % 64) }
func clearBit(b []uint64, n uint32)    { b[n/64] &^= 1 << (n % 64) }
func hasBit(b []uint64, n uint32) bool { return b[n/64]&(1<<(n%64)) != 0 }

// forEach calls fn for every set bit's document number, ascending.
func forEach(set []uint64, fn func(n uint32)) {
	for w, word := range set {
		for word != 0 {
			i := bits.TrailingZeros64(word)
			word &= word - 1
			fn(uint32(w*64 + i))
		}
	}
}

// someOf reports whether fn holds for a document of set, stopping at the
// first.
func someOf(set []uint64, fn func(n uint32) bool) bool {
	for w, word := range set {
		for word != 0 {
			i := bits.TrailingZeros64(word)
			word &= word - 1
			if fn(uint32(w*64 + i)) {
				return true
			}
		}
	}
	return false
}

// popcount counts the bits of a, or of a AND b.
func popcount(a, b []uint64) int {
	c := 0
	if b == nil {
		for _, w := range a {
			c += bits.OnesCount64(w)
		}
		return c
	}
	b = b[:len(a)]
	for i, w := range a {
		c += bits.OnesCount64(w & b[i])
	}
	return c
}
