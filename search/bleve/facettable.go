package bleve

import (
	"context"
	"errors"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"weak"

	"github.com/blevesearch/bleve/v2/index/scorch"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/collector"
	index "github.com/blevesearch/bleve_index_api"

	"faro/search"
)

// The facet table keeps, for one index snapshot, every document's facet
// values as small integers, indexed by the document's internal number.
// With it a search counts every facet (the disjunctive counts of selected
// facets included) in the one pass that finds its hits: no extra request
// per selected facet and no doc-values read per match.
//
// The switch: FARO_FACET_TABLE=0 (or "off", "false") in the environment
// turns the table off for every index; SetFacetTable turns it off or on for
// one index. Off, searches take the original path (one request per
// selected facet, facets counted by bleve from doc values).

// facetTableDefault is whether new indexes use the facet table.
var facetTableDefault = envSwitch("FARO_FACET_TABLE")

// envSwitch reads a switch that is on unless the environment variable
// name says 0, off, false or no.
func envSwitch(name string) bool {
	switch strings.ToLower(os.Getenv(name)) {
	case "0", "off", "false", "no":
		return false
	}
	return true
}

// SetFacetTable turns the in-memory facet table (one-pass facet counting)
// on or off for this index.
func (x *Index) SetFacetTable(on bool) { x.ft.off.Store(!on) }

// facetTable is the facet values of every document of one snapshot.
type facetTable struct {
	// snap identifies the snapshot the table was built from without
	// keeping it alive (its reference is released after the build, and a
	// stale snapshot's memory must not stay reachable from here).
	snap weak.Pointer[scorch.IndexSnapshot]
	// Value ids: the facet (index into search.Facets) and value of each.
	facet []uint8
	value []string
	ids   map[string]uint32 // "facet:value" -> value id
	// Values of document n are vals[off[n]:off[n+1]]; year[n] is its year
	// (0 = none). Documents past len(year) have none.
	off  []uint32
	vals []uint32
	year []uint16
	// date[n] is the date field of document n ("" = none), extID[n] its
	// id: the sort keys, read here instead of from doc values and stored
	// fields for every match.
	date  []string
	extID []string
	// byDate and undated are the documents with a date, in date then id
	// order, and those without, in id order (dateOrder builds them).
	dateOnce       sync.Once
	byDate, undate []uint32
	// text is the snapshot's text table once built (memtext.go).
	text        atomic.Pointer[memText]
	textStarted atomic.Bool
	textDone    chan struct{}
}

func (t *facetTable) docs() int { return len(t.year) }

// dateOrder returns the documents with a date, by date then id, and those
// without, by id.
func (t *facetTable) dateOrder() (dated, undated []uint32) {
	t.dateOnce.Do(func() {
		for n := range t.docs() {
			if t.extID[n] == "" {
				continue // no document (deleted)
			}
			if t.date[n] == "" {
				t.undate = append(t.undate, uint32(n))
			} else {
				t.byDate = append(t.byDate, uint32(n))
			}
		}
		sort.Slice(t.byDate, func(i, j int) bool {
			a, b := t.byDate[i], t.byDate[j]
			if t.date[a] != t.date[b] {
				return t.date[a] < t.date[b]
			}
			return t.extID[a] < t.extID[b]
		})
		sort.Slice(t.undate, func(i, j int) bool { return t.extID[t.undate[i]] < t.extID[t.undate[j]] })
	})
	return t.byDate, t.undate
}

// of reports whether the table is that of snapshot r.
func (t *facetTable) of(r index.IndexReader) bool {
	is, ok := r.(*scorch.IndexSnapshot)
	return ok && is != nil && weak.Make(is) == t.snap
}

// facetTables holds the table of the latest snapshot built and builds a
// new one when the index changes.
type facetTables struct {
	off      atomic.Bool
	cur      atomic.Pointer[facetTable]
	mu       sync.Mutex // serialises builds
	building atomic.Bool
	// syncBuild makes a search wait for the table of a changed snapshot
	// instead of using the original path meanwhile (tests).
	syncBuild bool
	// used counts searches answered with the table (tests).
	used atomic.Uint64
	// broken is set when a build failed: the table stays off.
	broken atomic.Bool
	// Background builds: bg tracks them so Close can wait for them;
	// closed (under bgMu) stops new ones.
	bgMu   sync.Mutex
	closed bool
	bg     sync.WaitGroup
}

var errStaleTable = errors.New("facet table is not of the searched snapshot")

// table returns the facet table of the index's current snapshot, or nil
// when the search should take the original path: the table is off, or the
// snapshot changed and its table is being built in the background. The
// first table is built synchronously (a search waits for one build at
// most).
func (x *Index) table() *facetTable {
	if x.ft.off.Load() || x.ft.broken.Load() {
		return nil
	}
	r := x.snapshot()
	if r == nil {
		return nil
	}
	t := x.ft.cur.Load()
	if t != nil && t.of(r) {
		r.Close()
		return t
	}
	if t == nil || x.ft.syncBuild {
		defer r.Close()
		return x.buildTable(r)
	}
	r.Close()
	x.buildInBackground()
	return nil
}

// buildInBackground starts building the table of the current snapshot
// unless a build is under way or the index is closing.
func (x *Index) buildInBackground() {
	if x.ft.off.Load() || x.ft.broken.Load() {
		return
	}
	x.ft.bgMu.Lock()
	defer x.ft.bgMu.Unlock()
	if x.ft.closed || !x.ft.building.CompareAndSwap(false, true) {
		return
	}
	x.ft.bg.Add(1)
	go func() {
		defer x.ft.bg.Done()
		defer x.ft.building.Store(false)
		r := x.snapshot()
		if r == nil {
			return
		}
		defer r.Close()
		x.buildTable(r)
	}()
}

// stopTables waits for a background build and prevents new ones; Close
// calls it before closing the index.
func (x *Index) stopTables() {
	x.ft.bgMu.Lock()
	x.ft.closed = true
	x.ft.bgMu.Unlock()
	x.tt.cancel()
	x.ft.bg.Wait()
}

// snapshot returns a reader of the index's current snapshot (to Close),
// or nil when there is none (the index is closed).
func (x *Index) snapshot() index.IndexReader {
	adv, err := x.idx.Advanced()
	if err != nil || adv == nil {
		return nil
	}
	r, err := adv.Reader()
	if err != nil || r == nil {
		return nil
	}
	if v := reflect.ValueOf(r); v.Kind() == reflect.Pointer && v.IsNil() {
		return nil
	}
	return r
}

// buildTable builds (or finds already built) the table of snapshot r and
// makes it current.
func (x *Index) buildTable(r index.IndexReader) *facetTable {
	x.ft.mu.Lock()
	defer x.ft.mu.Unlock()
	if t := x.ft.cur.Load(); t != nil && t.of(r) {
		return t
	}
	t, err := newFacetTable(r)
	if err != nil {
		// Searches keep to the original path.
		x.ft.broken.Store(true)
		return nil
	}
	x.ft.cur.Store(t)
	x.buildText(t)
	return t
}

func newFacetTable(r index.IndexReader) (*facetTable, error) {
	facetIdx := map[string]uint8{}
	for i, f := range search.Facets {
		facetIdx[f] = uint8(i)
	}
	is, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return nil, fmt.Errorf("facet table: index reader %T is not a scorch snapshot", r)
	}
	t := &facetTable{snap: weak.Make(is), ids: map[string]uint32{}, textDone: make(chan struct{})}
	ids, err := r.DocIDReaderAll()
	if err != nil {
		return nil, err
	}
	defer ids.Close()
	dv, err := r.DocValueReader([]string{fieldFacet, fieldDate})
	if err != nil {
		return nil, err
	}
	var year uint16
	var date string
	visit := func(field string, term []byte) {
		if field == fieldDate {
			date = string(term)
			return
		}
		if field != fieldFacet {
			return
		}
		id, ok := t.ids[string(term)]
		if !ok {
			name, value, found := strings.Cut(string(term), ":")
			fi, known := facetIdx[name]
			if !found || !known {
				return
			}
			id = uint32(len(t.value))
			t.ids[string(term)] = id
			t.facet = append(t.facet, fi)
			t.value = append(t.value, value)
		}
		t.vals = append(t.vals, id)
		if t.facet[id] == facetIdx[search.FacetYear] {
			if y, err := strconv.Atoi(t.value[id]); err == nil && y > 0 && y < 65536 {
				year = uint16(y)
			}
		}
	}
	for {
		id, err := ids.Next()
		if err != nil {
			return nil, err
		}
		if id == nil {
			break
		}
		if len(id) != 8 {
			return nil, fmt.Errorf("facet table: unexpected internal id of %d bytes", len(id))
		}
		n := id.Value()
		if n >= 1<<31 {
			return nil, fmt.Errorf("facet table: document number %d out of range", n)
		}
		for uint64(len(t.year)) <= n {
			t.off = append(t.off, uint32(len(t.vals)))
			t.year = append(t.year, 0)
			t.date = append(t.date, "")
			t.extID = append(t.extID, "")
		}
		year, date = 0, ""
		if err := dv.VisitDocValues(id, visit); err != nil {
			return nil, err
		}
		t.year[n], t.date[n] = year, date
		if t.extID[n], err = r.ExternalID(id); err != nil {
			return nil, err
		}
	}
	t.off = append(t.off, uint32(len(t.vals)))
	return t, nil
}

// facetPass is one search's use of the table: the selections to check and
// the counts gathered.
type facetPass struct {
	t *facetTable
	// sel are the facets with a selection.
	sel []selection
	// counts by value id.
	counts []int32
	// total is the number of documents passing every filter.
	total uint64
}

type selection struct {
	facet uint8
	// allowed marks the selected value ids; nil when only a year range
	// selects (facet year).
	allowed []bool
	// values is how many values the query selects (known or not).
	values int
	// ranged: the year must lie in lo..hi (0 = open).
	ranged bool
	lo, hi int
}

// newFacetPass builds the selections of q, which filterQueries has
// validated.
func newFacetPass(t *facetTable, q search.Query) (*facetPass, error) {
	p := &facetPass{t: t, counts: make([]int32, len(t.value))}
	for fi, facet := range search.Facets {
		s := selection{facet: uint8(fi)}
		selected := false
		if values := q.Filters[facet]; len(values) > 0 {
			selected = true
			s.allowed = make([]bool, len(t.value))
			s.values = len(values)
			for _, v := range values {
				v, err := search.NormalizeFilter(facet, v)
				if err != nil {
					return nil, err
				}
				if id, ok := t.ids[facetTerm(facet, v)]; ok {
					s.allowed[id] = true
				}
			}
		}
		if facet == search.FacetYear && (q.YearFrom != 0 || q.YearTo != 0) {
			selected = true
			s.ranged, s.lo, s.hi = true, q.YearFrom, q.YearTo
		}
		if selected {
			p.sel = append(p.sel, s)
		}
	}
	return p, nil
}

// visit classifies document n: it reports whether the document passes
// every selection and counts it for the facets it counts for.
func (p *facetPass) visit(n uint64) bool {
	t := p.t
	var vals []uint32
	var year int
	if n < uint64(t.docs()) {
		vals = t.vals[t.off[n]:t.off[n+1]]
		year = int(t.year[n])
	}
	failed := -1
	for i := range p.sel {
		s := &p.sel[i]
		ok := true
		if s.allowed != nil {
			ok = false
			for _, v := range vals {
				if s.allowed[v] {
					ok = true
					break
				}
			}
		}
		if ok && s.ranged {
			ok = year != 0 && (s.lo == 0 || year >= s.lo) && (s.hi == 0 || year <= s.hi)
		}
		if !ok {
			if failed >= 0 {
				return false
			}
			failed = int(s.facet)
		}
	}
	if failed < 0 {
		p.total++
		for _, v := range vals {
			p.counts[v]++
		}
		return true
	}
	// Fails one selection only: counts for that facet (disjunctive).
	for _, v := range vals {
		if int(t.facet[v]) == failed {
			p.counts[v]++
		}
	}
	return false
}

// facets returns the counts by facet, ordered as facetCounts orders them.
func (p *facetPass) facets() map[string][]search.FacetCount {
	out := make(map[string][]search.FacetCount, len(search.Facets))
	for _, f := range search.Facets {
		out[f] = []search.FacetCount{}
	}
	for id, c := range p.counts {
		if c > 0 {
			f := search.Facets[p.t.facet[id]]
			out[f] = append(out[f], search.FacetCount{Value: p.t.value[id], Count: int(c)})
		}
	}
	for name, fc := range out {
		sortFacetCounts(name, fc)
	}
	return out
}

func sortFacetCounts(name string, out []search.FacetCount) {
	sort.SliceStable(out, func(i, j int) bool {
		if name == search.FacetYear {
			return out[i].Value > out[j].Value
		}
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Value < out[j].Value
	})
}

// handlerMaker wraps bleve's top-N hit handler: every match is classified
// by the table; those passing every filter go on to the top N, the others
// are only counted. It refuses a search of another snapshot than the
// table's.
func (p *facetPass) handlerMaker() bsearch.MakeDocumentMatchHandler {
	return func(sctx *bsearch.SearchContext) (bsearch.DocumentMatchHandler, bool, error) {
		if !p.t.of(sctx.IndexReader) {
			return nil, false, errStaleTable
		}
		inner, loadID, err := collector.MakeTopNDocumentMatchHandler(sctx)
		if err != nil {
			return nil, false, err
		}
		if inner == nil {
			return nil, false, errors.New("facet table: collector is not a top-N collector")
		}
		return func(d *bsearch.DocumentMatch) error {
			if d == nil {
				return inner(d)
			}
			if p.visit(d.IndexInternalID.Value()) {
				return inner(d)
			}
			sctx.DocumentMatchPool.Put(d)
			return nil
		}, loadID, nil
	}
}

func withFacetPass(ctx context.Context, p *facetPass) context.Context {
	return context.WithValue(ctx, bsearch.MakeDocumentMatchHandlerKey, p.handlerMaker())
}

// tableDateSort orders by the date field as bleve's SortField on it does
// (string order, missing last), with the dates of the table.
type tableDateSort struct {
	t    *facetTable
	desc bool
}

func (s *tableDateSort) UpdateVisitor(string, []byte) {}
func (s *tableDateSort) Value(d *bsearch.DocumentMatch) string {
	if n := d.IndexInternalID.Value(); n < uint64(s.t.docs()) && s.t.date[n] != "" {
		return s.t.date[n]
	}
	if s.desc {
		return bsearch.LowTerm
	}
	return bsearch.HighTerm
}
func (s *tableDateSort) DecodeValue(v string) string { return v }
func (s *tableDateSort) Descending() bool            { return s.desc }
func (s *tableDateSort) RequiresDocID() bool         { return false }
func (s *tableDateSort) RequiresScoring() bool       { return false }
func (s *tableDateSort) RequiresFields() []string    { return nil }
func (s *tableDateSort) Reverse()                    { s.desc = !s.desc }
func (s *tableDateSort) Copy() bsearch.SearchSort    { c := *s; return &c }

// tableIDSort orders by document id as bleve's SortDocID does, with the
// ids of the table (no stored-field read per match).
type tableIDSort struct {
	t    *facetTable
	desc bool
}

func (s *tableIDSort) UpdateVisitor(string, []byte) {}
func (s *tableIDSort) Value(d *bsearch.DocumentMatch) string {
	if n := d.IndexInternalID.Value(); n < uint64(s.t.docs()) {
		return s.t.extID[n]
	}
	return ""
}
func (s *tableIDSort) DecodeValue(v string) string { return v }
func (s *tableIDSort) Descending() bool            { return s.desc }
func (s *tableIDSort) RequiresDocID() bool         { return false }
func (s *tableIDSort) RequiresScoring() bool       { return false }
func (s *tableIDSort) RequiresFields() []string    { return nil }
func (s *tableIDSort) Reverse()                    { s.desc = !s.desc }
func (s *tableIDSort) Copy() bsearch.SearchSort    { c := *s; return &c }

// tableSorts replaces the date and id sorts of order by their table
// versions.
func tableSorts(t *facetTable, order bsearch.SortOrder) bsearch.SortOrder {
	out := make(bsearch.SortOrder, len(order))
	for i, s := range order {
		switch s := s.(type) {
		case *bsearch.SortDocID:
			out[i] = &tableIDSort{t: t, desc: s.Desc}
		case *bsearch.SortField:
			if s.Field == fieldDate && s.Type == bsearch.SortFieldAsString && s.Missing == bsearch.SortFieldMissingLast && s.Mode == bsearch.SortFieldDefault {
				out[i] = &tableDateSort{t: t, desc: s.Desc}
			} else {
				out[i] = s
			}
		default:
			out[i] = s
		}
	}
	return out
}
