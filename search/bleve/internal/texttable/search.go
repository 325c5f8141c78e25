package texttable

import (
	"container/heap"
	"context"
	"errors"
	"math/bits"
	"runtime"
	"sort"
	"strconv"

	"faro/search"
)

// Filter selects the documents holding any of Keys ("facet:value"); the
// filters of a search combine with AND. Group is the facet whose counts
// ignore this filter (disjunctive counts).
type Filter struct {
	Group string
	Keys  []string
}

// Request is one search of a View.
type Request struct {
	Plan    *search.Plan
	Filters []Filter
	Sort    search.Sort
	// From hits are skipped, Size returned.
	From, Size int
	// After holds the sort values of the hit to continue after (a
	// cursor), nil for none.
	After []string
	// Explain asks for each hit's explanation.
	Explain bool
	// NoCache evaluates the plan even when its matches are cached.
	NoCache bool
}

// Result is the answer of a View to a Request.
type Result struct {
	// Total is the number of documents passing the query and filters.
	Total uint64
	Hits  []Hit
	// Counts maps each facet value ("facet:value") to its count: the
	// matches passing every filter but that of its own facet.
	Counts map[string]int
	// Next holds the last hit's sort values when more hits may follow.
	Next []string
	// Partial is set when no document passing the filters holds every
	// word of a relaxed query (search.Plan, Clause.Some).
	Partial bool
}

// Hit is a matching document.
type Hit struct {
	// N is the document's number in the View.
	N           uint32
	ID          string
	Score       float64
	Explanation *Explanation
}

// ErrCursor reports a cursor of another order.
var ErrCursor = errors.New("cursor does not match this search")

// Search evaluates r over the View. A relaxed query that leaves nothing
// after the filters is evaluated again with one of its words enough
// (search.Plan.Widest): a question gets the documents holding some of its
// words rather than none.
func (v *View) Search(ctx context.Context, r Request) (*Result, error) {
	defer runtime.KeepAlive(v) // its segments' mapped memory (freeFields)
	res, err := v.search(ctx, r)
	if err != nil || res.Total > 0 {
		return res, err
	}
	if w := r.Plan.Widest(); w != nil {
		r.Plan = w
		return v.search(ctx, r)
	}
	return res, nil
}

func (v *View) search(ctx context.Context, r Request) (*Result, error) {
	e := v.newEvaluator(ctx, r.Explain)
	defer e.release()
	var (
		match []uint64
		score func(n uint32) float64
	)
	key := r.Plan.Key()
	// With filters, the root's optional phrases are scored on the
	// documents passing them only (evaluator.within), and when those are
	// few (a country, a year) every term is scored there only
	// (evaluator.scored): the others count for facets, they cannot be
	// hits. Such a set is cached under the filters too.
	var within, scored []uint64
	if len(r.Filters) > 0 && !r.Explain {
		mask := v.filterMask(r.Filters, e.bitset(), e.bitset())
		few := uint64(popcount(mask, nil))*fewPassing <= v.total
		if few {
			scored = mask
		}
		if few || hasOptionalPhrase(r.Plan.Root) {
			within = mask
		}
	}
	filteredKey := key
	if within != nil {
		filteredKey = key + filtersKey(r.Filters)
	}
	// A boolean root's set is kept whole here, or under its filters when
	// it was scored where they pass only; any other root's set is kept
	// by eval, scored everywhere, like a boolean's children, and carries
	// over writes.
	boolRoot := r.Plan.Root.Kind == search.ClauseBool
	var ce *matchEntry
	cached := false
	if !r.Explain && !r.NoCache {
		if ce, cached = v.cache.get(key); !cached && boolRoot && within != nil {
			ce, cached = v.cache.get(filteredKey)
		}
	}
	if !cached && boolRoot && within == nil && !r.Explain && !r.NoCache && v.cache != nil && portableRoot(r.Plan.Root) {
		// A write since the set was kept: it is completed with the
		// documents of the new segments, as a word's.
		if ie, ok := v.cache.inheritedSet(key); ok {
			ne, s, err := e.complete(r.Plan.Root, key, ie)
			if err != nil {
				return nil, err
			}
			if ne != nil {
				e.free(s)
				ce, cached = ne, true
			}
		}
	}
	if cached {
		match, score = ce.bits, ce.score
	} else {
		e.useCache = v.cache != nil && !r.Explain && !r.NoCache
		if !boolRoot {
			e.cacheDepth = 0
		}
		e.within, e.scored = within, scored
		set, err := e.eval(r.Plan.Root)
		if err != nil {
			return nil, err
		}
		if boolRoot && !r.Plan.Browse && !r.Explain && !r.NoCache {
			v.cache.put(filteredKey, set, func() string {
				if within != nil || !portableRoot(r.Plan.Root) {
					return ""
				}
				return e.readsOf(r.Plan.Root)
			})
		}
		match, score = set.bits, func(n uint32) float64 { return set.score[n] }
	}
	o := &order{v: v, kind: byScore}
	switch {
	case r.Sort == search.SortDateDesc || r.Sort == search.SortDateAsc:
		o.kind, o.dateDesc = byDate, r.Sort == search.SortDateDesc
	case r.Plan.Browse:
		o.kind, o.dateDesc = byDateFirst, true
	}
	if r.After != nil && len(r.After) != o.width() {
		return nil, ErrCursor
	}
	res := &Result{Counts: make(map[string]int, len(v.keys))}
	passing := v.countFacets(r.Filters, match, res, e.bitset)
	if root := r.Plan.Root; root.Kind == search.ClauseBool && len(root.Some) > 0 {
		res.Partial = !someOf(passing, func(n uint32) bool { return score(n) >= search.RelaxedTier })
	}
	k := r.From + r.Size
	var ranked []rankedHit
	if o.kind == byScore {
		ranked = o.top(passing, score, r.After, k)
	} else {
		ranked = o.walkDates(passing, score, r.After, k)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if r.From < len(ranked) {
		ranked = ranked[r.From:]
	} else {
		ranked = nil
	}
	for _, h := range ranked {
		hit := Hit{N: h.n, ID: v.ID(h.n), Score: h.score}
		if r.Explain {
			hit.Explanation = e.explain(r.Plan.Root, h.n)
		}
		res.Hits = append(res.Hits, hit)
	}
	if n := len(ranked); n > 0 && n == r.Size && (r.After != nil || uint64(r.From+n) < res.Total) {
		res.Next = o.values(ranked[n-1])
	}
	return res, nil
}

// fewPassing: when at most one document in fewPassing passes a search's
// filters, only those are scored.
const fewPassing = 4

// hasOptionalPhrase reports whether root has optional phrases, which
// change scores and never membership.
func hasOptionalPhrase(root *search.Clause) bool {
	if root.Kind != search.ClauseBool {
		return false
	}
	for _, x := range root.Should {
		if x.Kind == search.ClausePhrase {
			return true
		}
	}
	return false
}

// filterMask sets buf to the live documents passing every filter and
// returns it; one is scratch of buf's length.
func (v *View) filterMask(filters []Filter, buf, one []uint64) []uint64 {
	copy(buf, v.live)
	for _, f := range filters {
		clear(one)
		v.filterBits(f, one)
		for w := range buf {
			buf[w] &= one[w]
		}
	}
	return buf
}

// filterBits ORs into dst, empty, the documents holding any of f's keys
// and returns it.
func (v *View) filterBits(f Filter, dst []uint64) []uint64 {
	for _, key := range f.Keys {
		if id, found := v.ids[key]; found {
			orInto(dst, v.vbits[id])
		}
	}
	return dst
}

// filtersKey is the canonical text of filters, to key cached sets that
// depend on them.
func filtersKey(filters []Filter) string {
	var b []byte
	for _, f := range filters {
		b = append(b, " |"...)
		b = append(b, f.Group...)
		for _, k := range f.Keys {
			b = append(b, ' ')
			b = append(b, k...)
		}
	}
	return string(b)
}

// countFacets counts every facet value over the matches into res.Counts
// and res.Total, and returns the matches that pass every filter (in a
// set of bitset's, which gives empty sets). A document counts for the values of a filtered facet when it
// passes every other filter.
func (v *View) countFacets(filters []Filter, match []uint64, res *Result, bitset func() []uint64) []uint64 {
	ok := make([][]uint64, len(filters))
	for i, f := range filters {
		ok[i] = v.filterBits(f, bitset())
	}
	passing := bitset()
	for w := range passing {
		passing[w] = match[w] & v.live[w]
	}
	for i := range ok {
		for w := range passing {
			passing[w] &= ok[i][w]
		}
	}
	res.Total = uint64(popcount(passing, nil))
	filtered := map[string]bool{}
	others := bitset()
	var nzBuf []int32
	for i, f := range filters {
		if filtered[f.Group] {
			continue
		}
		filtered[f.Group] = true
		for w := range others {
			others[w] = match[w] & v.live[w]
		}
		for j := range ok {
			if filters[j].Group != f.Group {
				for w := range others {
					others[w] &= ok[j][w]
				}
			}
		}
		_ = i
		nz := nonZero(others, &nzBuf)
		for id, g := range v.groups {
			if g == f.Group {
				if c := popcountAt(others, v.vbits[id], nz); c > 0 {
					res.Counts[v.keys[id]] = c
				}
			}
		}
	}
	nz := nonZero(passing, &nzBuf)
	for id, g := range v.groups {
		if !filtered[g] {
			if c := popcountAt(passing, v.vbits[id], nz); c > 0 {
				res.Counts[v.keys[id]] = c
			}
		}
	}
	return passing
}

// nonZero returns the indexes of a's non-zero words, in *buf (reused
// from one call to the next), or nil when most are: a search that matches few documents then counts each facet value
// over those words only.
func nonZero(a []uint64, buf *[]int32) []int32 {
	if cap(*buf) < len(a)/4+1 {
		*buf = make([]int32, 0, len(a)/4+1)
	}
	nz := (*buf)[:0]
	for w, x := range a {
		if x != 0 {
			if nz = append(nz, int32(w)); len(nz) > len(a)/4 {
				return nil
			}
		}
	}
	return nz
}

// popcountAt counts the bits of a AND b, over the words nz when not nil.
func popcountAt(a, b []uint64, nz []int32) int {
	if nz == nil {
		return popcount(a, b)
	}
	c := 0
	for _, w := range nz {
		c += bits.OnesCount64(a[w] & b[w])
	}
	return c
}

func orInto(dst, src []uint64) {
	for w := range dst {
		dst[w] |= src[w]
	}
}

// sortKind is the order of a search's hits.
type sortKind int

const (
	byScore     sortKind = iota // score desc, id
	byDateFirst                 // date desc, id (browsing)
	byDate                      // date, score desc, id
)

// rankedHit is a candidate hit.
type rankedHit struct {
	n     uint32
	score float64
}

// order compares candidates in a search's order; every order ends with
// the id, so it is total and cursors are exact.
type order struct {
	v        *View
	kind     sortKind
	dateDesc bool
}

// Low and high sort values of a missing date.
const (
	lowDate  = ""
	highDate = "\uffff"
)

func (o *order) date(n uint32) string {
	if d := o.v.Date(n); d != "" {
		return d
	}
	if o.dateDesc {
		return lowDate
	}
	return highDate
}

func (o *order) width() int {
	if o.kind == byDate {
		return 3
	}
	return 2
}

// before reports whether a sorts before b.
func (o *order) before(a, b rankedHit) bool {
	if o.kind != byScore {
		da, db := o.date(a.n), o.date(b.n)
		if da != db {
			return (da > db) == o.dateDesc
		}
	}
	if o.kind != byDateFirst && a.score != b.score {
		return a.score > b.score
	}
	return o.v.ID(a.n) < o.v.ID(b.n)
}

// values are a hit's sort values, as a cursor holds them.
func (o *order) values(h rankedHit) []string {
	score := strconv.FormatFloat(h.score, 'g', -1, 64)
	switch o.kind {
	case byDateFirst:
		return []string{o.date(h.n), o.v.ID(h.n)}
	case byDate:
		return []string{o.date(h.n), score, o.v.ID(h.n)}
	}
	return []string{score, o.v.ID(h.n)}
}

// afterCursor reports whether h sorts after the cursor's values.
func (o *order) afterCursor(h rankedHit, vals []string) bool {
	i := 0
	if o.kind != byScore {
		if d := o.date(h.n); d != vals[0] {
			return (d < vals[0]) == o.dateDesc
		}
		i++
	}
	if o.kind != byDateFirst {
		s, _ := strconv.ParseFloat(vals[i], 64)
		if h.score != s {
			return h.score < s
		}
		i++
	}
	return o.v.ID(h.n) > vals[i]
}

// topHeap keeps the best k candidates, the worst on top.
type topHeap struct {
	o *order
	h []rankedHit
}

func (t *topHeap) Len() int           { return len(t.h) }
func (t *topHeap) Less(i, j int) bool { return t.o.before(t.h[j], t.h[i]) }
func (t *topHeap) Swap(i, j int)      { t.h[i], t.h[j] = t.h[j], t.h[i] }
func (t *topHeap) Push(x any)         { t.h = append(t.h, x.(rankedHit)) }
func (t *topHeap) Pop() any {
	x := t.h[len(t.h)-1]
	t.h = t.h[:len(t.h)-1]
	return x
}

// top returns the best k passing documents by score, after the cursor's
// values when there are some.
func (o *order) top(passing []uint64, score func(uint32) float64, after []string, k int) []rankedHit {
	t := &topHeap{o: o, h: make([]rankedHit, 0, min(k, 1024))}
	byScore := o.kind == byScore
	forEach(passing, func(n uint32) {
		h := rankedHit{n: n, score: score(n)}
		if byScore && len(t.h) == k && k > 0 && h.score < t.h[0].score {
			return // after the k kept: most documents, answered without a call
		}
		if after != nil && !o.afterCursor(h, after) {
			return
		}
		if len(t.h) < k {
			heap.Push(t, h)
		} else if o.before(h, t.h[0]) {
			t.h[0] = h
			heap.Fix(t, 0)
		}
	})
	out := make([]rankedHit, len(t.h))
	for i := len(out) - 1; i >= 0; i-- {
		out[i] = heap.Pop(t).(rankedHit)
	}
	return out
}

// walkDates returns the first k passing documents by date, after the
// cursor's values when there are some, walking the documents in date
// order: a date's documents are ordered among themselves (by score, then
// id) and the walk stops at the first date that completes k.
func (o *order) walkDates(passing []uint64, score func(uint32) float64, after []string, k int) []rankedHit {
	dated, undated, runs := o.v.dateOrder()
	var out, group []rankedHit
	visit := func(n uint32) {
		if int(n/64) >= len(passing) || !hasBit(passing, n) {
			return
		}
		h := rankedHit{n: n, score: score(n)}
		if after != nil && !o.afterCursor(h, after) {
			return
		}
		group = append(group, h)
	}
	flush := func() bool {
		sort.Slice(group, func(i, j int) bool { return o.before(group[i], group[j]) })
		out = append(out, group...)
		group = group[:0]
		return len(out) >= k
	}
	done := false
	// One date's documents at a time, ordered among themselves by flush.
	for i := range len(runs) - 1 {
		r := i
		if o.dateDesc {
			r = len(runs) - 2 - i
		}
		for _, n := range dated[runs[r]:runs[r+1]] {
			visit(n)
		}
		if done = flush(); done {
			break
		}
	}
	if !done {
		// Documents without a date come last either way.
		for _, n := range undated {
			visit(n)
		}
		flush()
	}
	if len(out) > k {
		out = out[:k]
	}
	return out
}
