package bleve

import (
	"container/heap"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/bits"
	"runtime"
	"runtime/debug"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"

	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"faro/search"
)

// textTableDefault is whether new indexes build text tables.
var textTableDefault = envSwitch("FARO_TEXT_TABLE")

// textTables is the text-table state of an index.
type textTables struct {
	off atomic.Bool
	// used counts searches answered from a text table (tests).
	used atomic.Uint64
	// pool recycles the dense sets of evaluations.
	pool sync.Pool
	// ctx ends with the index: it stops a build under way.
	ctx    context.Context
	cancel context.CancelFunc
	// noMatchCache turns the text tables' match caches off (benchmarks).
	noMatchCache atomic.Bool
	// sem bounds the searches running at once to the CPUs: more would not
	// finish sooner, each holds dense sets of the collection's size (about
	// a megabyte each at 100k documents), and waiting in line (channel
	// senders are served in order) spreads waits evenly.
	sem chan struct{}
}

// SetTextTable turns the in-memory text table (matching and scoring
// outside bleve's searchers) on or off for this index.
func (x *Index) SetTextTable(on bool) {
	x.tt.off.Store(!on)
	if t := x.ft.cur.Load(); on && t != nil {
		x.buildText(t)
	}
}

// SetMatchCache turns the text table's cache of recent match sets on or
// off (on by default); off, every search evaluates its query.
func (x *Index) SetMatchCache(on bool) { x.tt.noMatchCache.Store(!on) }

// TextTableBytes is the size of the current snapshot's text table: its
// encoded postings and positions, per-document length norms and facet
// bitsets (0 when there is none).
func (x *Index) TextTableBytes() int {
	t := x.ft.cur.Load()
	if t == nil {
		return 0
	}
	m := t.text.Load()
	if m == nil {
		return 0
	}
	n := m.bytes + len(m.vbits)*len(m.live)*8
	for _, f := range m.fields {
		n += len(f.norm) * 8
	}
	return n
}

// buildText builds the text table of facet table t's snapshot: in the
// background, or at once when the facet tables build synchronously
// (tests). t.textDone is closed when the build ends.
func (x *Index) buildText(t *facetTable) {
	if x.tt.off.Load() || !t.textStarted.CompareAndSwap(false, true) {
		return
	}
	run := func() {
		defer close(t.textDone)
		r := x.snapshot()
		if r == nil {
			return
		}
		defer r.Close()
		if !t.of(r) {
			return // a newer snapshot has its own table coming
		}
		m, err := buildMemText(x.tt.ctx, r, t, func() { releaseMapped(x.path) })
		if err != nil {
			if x.tt.ctx.Err() == nil {
				slog.Warn("text table not built; searches use the index directly", "index", x.path, "err", err)
			}
			return
		}
		t.dateOrder()
		t.text.Store(m)
		// The build's garbage and the index pages it read are no longer
		// needed in memory.
		debug.FreeOSMemory()
		releaseMapped(x.path)
	}
	if x.ft.syncBuild {
		run()
		return
	}
	x.ft.bgMu.Lock()
	defer x.ft.bgMu.Unlock()
	if x.ft.closed {
		close(t.textDone)
		return
	}
	x.ft.bg.Add(1)
	go func() {
		defer x.ft.bg.Done()
		run()
	}()
}

// Warm builds the tables of the index's current snapshot (facet values
// and, unless turned off, text postings) and waits for them, so that the
// next searches take the fast paths. Without it they are built in the
// background and searches use bleve alone meanwhile. It reports whether
// the text table is ready.
func (x *Index) Warm(ctx context.Context) bool {
	if x.ft.off.Load() {
		return false
	}
	r := x.snapshot()
	if r == nil {
		return false
	}
	t := x.buildTable(r)
	r.Close()
	if t == nil || x.tt.off.Load() {
		return false
	}
	x.buildText(t)
	select {
	case <-t.textDone:
	case <-ctx.Done():
		return false
	}
	return t.text.Load() != nil
}

// sortKind is the order of a search's hits.
type sortKind int

const (
	byScore     sortKind = iota // score desc, id
	byDateFirst                 // date desc, id (browsing)
	byDate                      // date, score desc, id
)

// memHit is a candidate hit: document number and score.
type memHit struct {
	n     uint32
	score float64
}

// hitOrder compares candidates in a search's order.
type hitOrder struct {
	t        *facetTable
	kind     sortKind
	dateDesc bool
}

func (o *hitOrder) date(n uint32) string {
	if int(n) < o.t.docs() && o.t.date[n] != "" {
		return o.t.date[n]
	}
	if o.dateDesc {
		return bsearch.LowTerm
	}
	return bsearch.HighTerm
}

func (o *hitOrder) id(n uint32) string {
	if int(n) < o.t.docs() {
		return o.t.extID[n]
	}
	return ""
}

// before reports whether a sorts before b.
func (o *hitOrder) before(a, b memHit) bool {
	if o.kind != byScore {
		da, db := o.date(a.n), o.date(b.n)
		if da != db {
			return (da > db) == o.dateDesc
		}
	}
	if o.kind != byDateFirst && a.score != b.score {
		return a.score > b.score
	}
	return o.id(a.n) < o.id(b.n)
}

// values are a hit's sort values, as a cursor holds them.
func (o *hitOrder) values(h memHit) []string {
	score := strconv.FormatFloat(h.score, 'g', -1, 64)
	switch o.kind {
	case byDateFirst:
		return []string{o.date(h.n), o.id(h.n)}
	case byDate:
		return []string{o.date(h.n), score, o.id(h.n)}
	}
	return []string{score, o.id(h.n)}
}

// afterCursor reports whether h sorts after the cursor's values.
func (o *hitOrder) afterCursor(h memHit, vals []string) bool {
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
	return o.id(h.n) > vals[i]
}

// topHeap keeps the best k candidates, the worst on top.
type topHeap struct {
	o *hitOrder
	h []memHit
}

func (t *topHeap) Len() int           { return len(t.h) }
func (t *topHeap) Less(i, j int) bool { return t.o.before(t.h[j], t.h[i]) }
func (t *topHeap) Swap(i, j int)      { t.h[i], t.h[j] = t.h[j], t.h[i] }
func (t *topHeap) Push(v any)         { t.h = append(t.h, v.(memHit)) }
func (t *topHeap) Pop() any {
	v := t.h[len(t.h)-1]
	t.h = t.h[:len(t.h)-1]
	return v
}

// searchMem answers q from text table m and facet table t: expanded is the
// query after synonym expansion, textQ its bleve translation (to find the
// shown hits' match offsets), from the hits to skip, after the cursor's
// values (nil without one).
func (x *Index) searchMem(ctx context.Context, t *facetTable, m *memText, q search.Query, expanded search.Node, textQ query.Query, from int, after []string) (*search.Result, error) {
	pass, err := newFacetPass(t, q)
	if err != nil {
		return nil, err
	}
	// m's postings are unmapped once m is unreachable: keep it reachable
	// until every read of them is done.
	defer runtime.KeepAlive(m)
	select {
	case x.tt.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	// The whole search holds its slot: searches then finish in the order
	// they came instead of sharing the CPUs, which keeps the slowest
	// waits close to the typical one.
	defer func() { <-x.tt.sem }()
	ev := newEvaluator(ctx, m, t, &x.tt.pool)
	ranked, err := x.rank(ctx, ev, t, m, pass, q, expanded, from, after)
	ev.release()
	if err != nil {
		return nil, err
	}
	_, browse := expanded.(search.MatchAll)
	res := &search.Result{Total: pass.total, Facets: pass.facets(), Hits: make([]search.Hit, 0, len(ranked.hits))}
	o := ranked.order
	if len(ranked.hits) == 0 {
		x.tt.used.Add(1)
		return res, nil
	}
	locate := q.Snippets > 0 && !browse
	stored, err := x.loadHits(ctx, t, m, ranked.hits, highlightUnits(expanded, nil), locate)
	if errors.Is(err, errStaleTable) {
		// The index moved on: load them by id from the newest snapshot.
		stored, err = x.storedHits(ctx, t, ranked.hits, textQ, locate)
	}
	if err != nil {
		return nil, err
	}
	for _, h := range ranked.hits {
		lh := stored[o.id(h.n)]
		if lh == nil {
			continue // deleted since the snapshot
		}
		res.Hits = append(res.Hits, hitWithSpans(lh.doc, h.score, lh.spans, q.Snippets))
	}
	if n := len(ranked.hits); n == q.Size && (after != nil || uint64(from+n) < pass.total) {
		res.NextCursor = encodeCursor(q.Sort, o.values(ranked.hits[n-1]), pathTextTable)
	}
	x.tt.used.Add(1)
	return res, nil
}

// rankedHits are a search's hits of the requested page, in order.
type rankedHits struct {
	hits  []memHit
	order *hitOrder
}

// rank evaluates the query, counts the facets into pass and picks the
// page of hits.
func (x *Index) rank(ctx context.Context, ev *evaluator, t *facetTable, m *memText, pass *facetPass, q search.Query, expanded search.Node, from int, after []string) (rankedHits, error) {
	_, browse := expanded.(search.MatchAll)
	key := fmt.Sprintf("%#v", expanded)
	var (
		match []uint64
		score func(n uint32) float64
	)
	useCache := !x.tt.noMatchCache.Load()
	if e, ok := m.cache.get(key); ok && useCache {
		match, score = e.bits, e.score
	} else {
		set, err := ev.eval(expanded)
		if err != nil {
			return rankedHits{}, err
		}
		if !browse && useCache {
			m.cache.put(key, set)
		}
		match, score = set.bits, func(n uint32) float64 { return set.score[n] }
	}
	o := &hitOrder{t: t, kind: byScore}
	switch {
	case q.Sort == search.SortDateDesc || q.Sort == search.SortDateAsc:
		o.kind, o.dateDesc = byDate, q.Sort == search.SortDateDesc
	case browse:
		o.kind, o.dateDesc = byDateFirst, true
	}
	if after != nil {
		want := 2
		if o.kind == byDate {
			want = 3
		}
		if len(after) != want {
			return rankedHits{}, &search.QueryError{Msg: "cursor does not match this search", Pos: -1}
		}
	}
	// Selections add to the score as in bleve's query, so that both paths
	// order hits alike.
	text := score
	extra, extraMax := m.filterScore(pass)
	if extra != nil {
		score = func(n uint32) float64 { return text(n) + extra(n) }
	}
	k := from + q.Size
	passing := countFacets(m, pass, match, ev.newSet().bits)
	var ranked []memHit
	if o.kind == byScore {
		ranked = topByScore(o, passing, text, extra, extraMax, after, k)
	} else {
		ranked = o.walkDates(passing, score, after, k)
	}
	if err := ctx.Err(); err != nil {
		return rankedHits{}, err
	}
	if from < len(ranked) {
		ranked = ranked[from:]
	} else {
		ranked = nil
	}
	return rankedHits{hits: ranked, order: o}, nil
}

// topByScore returns the best k passing documents in o's order (by score:
// text plus, when not nil, extra, which never exceeds extraMax), after the
// cursor's values when there are some.
func topByScore(o *hitOrder, passing []uint64, text, extra func(uint32) float64, extraMax float64, after []string, k int) []memHit {
	top := &topHeap{o: o, h: make([]memHit, 0, min(k, 1024))}
	forEach(passing, func(n uint32) {
		s := text(n)
		if extra != nil {
			// A document that cannot reach the k-th score is not scored
			// further.
			if len(top.h) == k && s+extraMax < top.h[0].score {
				return
			}
			s += extra(n)
		}
		h := memHit{n: n, score: s}
		if after != nil && !o.afterCursor(h, after) {
			return
		}
		if len(top.h) < k {
			heap.Push(top, h)
		} else if o.before(h, top.h[0]) {
			top.h[0] = h
			heap.Fix(top, 0)
		}
	})
	ranked := make([]memHit, len(top.h))
	for i := len(ranked) - 1; i >= 0; i-- {
		ranked[i] = heap.Pop(top).(memHit)
	}
	return ranked
}

// walkDates returns the first k passing documents in o's order (by date),
// after the cursor's values when there are some, walking the documents in
// date order: a date's documents are ordered among themselves (by score,
// then id) and the walk stops at the first date that completes k.
func (o *hitOrder) walkDates(passing []uint64, score func(uint32) float64, after []string, k int) []memHit {
	dated, undated := o.t.dateOrder()
	var out, group []memHit
	visit := func(n uint32) {
		if int(n/64) >= len(passing) || passing[n/64]&(1<<(n%64)) == 0 {
			return
		}
		h := memHit{n: n, score: score(n)}
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
	if o.dateDesc {
		for i := len(dated) - 1; i >= 0 && !done; {
			d := o.t.date[dated[i]]
			for ; i >= 0 && o.t.date[dated[i]] == d; i-- {
				visit(dated[i])
			}
			done = flush()
		}
	} else {
		for i := 0; i < len(dated) && !done; {
			d := o.t.date[dated[i]]
			for ; i < len(dated) && o.t.date[dated[i]] == d; i++ {
				visit(dated[i])
			}
			done = flush()
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

// countFacets counts every facet of the matches in the table's pass, as
// facetPass.visit does document by document, and returns the matches that
// pass every selection (in buf). A document counts for the values of a
// selected facet when it passes every other selection (disjunctive
// facets).
func countFacets(m *memText, p *facetPass, match, buf []uint64) []uint64 {
	t := p.t
	// ok[i] marks the documents passing selection i.
	ok := make([][]uint64, len(p.sel))
	for i, s := range p.sel {
		bits := make([]uint64, len(match))
		if s.allowed == nil {
			copy(bits, m.live)
		} else {
			for v, allowed := range s.allowed {
				if allowed && t.facet[v] == s.facet {
					orInto(bits, m.vbits[v])
				}
			}
		}
		if s.ranged {
			years := make([]uint64, len(match))
			for v := range t.value {
				if int(t.facet[v]) != facetIndex(search.FacetYear) {
					continue
				}
				y, err := strconv.Atoi(t.value[v])
				if err == nil && y != 0 && (s.lo == 0 || y >= s.lo) && (s.hi == 0 || y <= s.hi) {
					orInto(years, m.vbits[v])
				}
			}
			for w := range bits {
				bits[w] &= years[w]
			}
		}
		ok[i] = bits
	}
	passing := buf
	copy(passing, match)
	for i := range ok {
		for w := range passing {
			passing[w] &= ok[i][w]
		}
	}
	p.total = uint64(popcount(passing, nil))
	selected := map[uint8]int{}
	for i, s := range p.sel {
		selected[s.facet] = i
	}
	others := make([]uint64, len(match))
	for i, s := range p.sel {
		copy(others, match)
		for j := range ok {
			if j != i {
				for w := range others {
					others[w] &= ok[j][w]
				}
			}
		}
		nz := nonZero(others)
		for v := range t.value {
			if t.facet[v] == s.facet {
				p.counts[v] = int32(popcountAt(others, m.vbits[v], nz))
			}
		}
	}
	nz := nonZero(passing)
	for v := range t.value {
		if _, sel := selected[t.facet[v]]; !sel {
			p.counts[v] = int32(popcountAt(passing, m.vbits[v], nz))
		}
	}
	return passing
}

// nonZero returns the indexes of a's non-zero words, or nil when most
// are: a search that matches few documents then counts each facet value
// over those words only.
func nonZero(a []uint64) []int32 {
	var nz []int32
	for w, x := range a {
		if x != 0 {
			if nz = append(nz, int32(w)); len(nz) > len(a)/4 {
				return nil
			}
		}
	}
	if nz == nil {
		return []int32{}
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

func facetIndex(name string) int {
	for i, f := range search.Facets {
		if f == name {
			return i
		}
	}
	return -1
}

func orInto(dst, src []uint64) {
	for w := range dst {
		dst[w] |= src[w]
	}
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

// storedHits loads the ranked hits by id from the index's newest
// snapshot and, with locate, the offsets of textQ's matches in them (a
// bleve request restricted to their ids).
func (x *Index) storedHits(ctx context.Context, t *facetTable, ranked []memHit, textQ query.Query, locate bool) (map[string]*loadedHit, error) {
	ids := make([]string, len(ranked))
	for i, h := range ranked {
		ids[i] = t.extID[h.n]
	}
	var locs map[string]bsearch.FieldTermLocationMap
	if locate {
		var err error
		if locs, err = x.locations(ctx, textQ, ids); err != nil {
			return nil, err
		}
	}
	out := make(map[string]*loadedHit, len(ids))
	for _, id := range ids {
		doc, err := x.hitDoc(id, locate)
		if err != nil {
			return nil, err
		}
		if doc != nil {
			out[id] = &loadedHit{doc: doc, spans: spansOf(locs[id])}
		}
	}
	return out, nil
}
