package bleve

import (
	"context"
	"fmt"
	"log/slog"
	"math"
	"reflect"
	"runtime/debug"
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2/index/scorch"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"

	"faro/search"
	"faro/search/bleve/internal/texttable"
)

// Searches are answered from text tables (internal/texttable): each of
// bleve's immutable segments is read once into a table of its postings,
// positions and facet values, and a View of the current snapshot's
// tables, with its deletions, evaluates every search. A write adds a
// small segment: the next View reuses the tables it has and builds only
// the new one. A merge makes a new, larger segment whose table is built in
// the background while the previous View (its snapshot held open) goes on
// answering; writes wait for the View that holds them, so what a write
// acknowledged is searchable.

// matchCacheBytes bounds a View's cache of recent match sets; its phrases'
// documents take up to half as much beside it. At 100k documents a common
// word's set takes about 0.4 MB (single-precision scores). 64 MB would
// keep more of a busy collection's words, but the Go heap's headroom adds
// what the cache holds to the resident size (297 to 350 MB when sets were
// twice as large).
const matchCacheBytes = 32 << 20

// tables is the text-table state of an index.
type tables struct {
	// mu serialises refreshes; segs (under mu) keeps the table of every
	// segment of the current snapshot by segment id.
	mu   sync.Mutex
	segs map[uint64]*texttable.Segment
	cur  atomic.Pointer[served]
	// pending is set while a background refresh is scheduled.
	pending atomic.Bool
	// noMatchCache makes searches evaluate their queries every time.
	noMatchCache atomic.Bool
	// ctx ends with the index; bg tracks background refreshes.
	ctx    context.Context
	cancel context.CancelFunc
	bgMu   sync.Mutex
	closed bool
	bg     sync.WaitGroup
	// sem bounds the searches running at once to the CPUs: more would not
	// finish sooner, and waiting in line (channel senders are served in
	// order) spreads waits evenly.
	sem chan struct{}
}

// served is a View with the snapshot it was made of, held open while the
// View is current or searched.
type served struct {
	view *texttable.View
	snap *scorch.IndexSnapshot
	segs []*scorch.SegmentSnapshot
	// files reads the stored fields of segs[i] from its file (nil: through
	// bleve); they are closed with the snapshot.
	files []*storedFile

	mu      sync.Mutex
	users   int
	retired bool
}

func (s *served) acquire() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.retired {
		return false
	}
	s.users++
	return true
}

func (s *served) release() {
	s.mu.Lock()
	s.users--
	done := s.retired && s.users == 0
	s.mu.Unlock()
	if done {
		s.close()
	}
}

func (s *served) retire() {
	s.mu.Lock()
	s.retired = true
	done := s.users == 0
	s.mu.Unlock()
	if done {
		s.close()
	}
}

// close releases the snapshot and the segment files.
func (s *served) close() {
	for _, f := range s.files {
		f.close()
	}
	s.snap.Close()
}

// schema names the fields the tables read.
var schema = func() texttable.Schema {
	s := texttable.Schema{Facet: fieldFacet, Date: fieldDate, ID: "_id", Phrase: fieldPhrase}
	kinds := []search.TextField{search.FieldTitle, search.FieldSummary, search.FieldBody}
	for _, l := range languages {
		for _, k := range kinds {
			s.Text = append(s.Text, texttable.TextField{Name: k.String() + "_" + l, Kind: k, Lang: l})
		}
	}
	return s
}()

// analyze analyses query text with a language's analyser.
func analyze(lang, text string) []texttable.Token {
	a := queryMapping().AnalyzerNamed(analyzerName(lang))
	if a == nil {
		return nil
	}
	var out []texttable.Token
	for _, t := range a.Analyze([]byte(text)) {
		out = append(out, texttable.Token{Term: string(t.Term), Pos: t.Position})
	}
	return out
}

// SetMatchCache turns the cache of recent match sets on or off (on by
// default); off, every search evaluates its query.
func (x *Index) SetMatchCache(on bool) {
	x.tt.noMatchCache.Store(!on)
}

// TextTableBytes is the size of the current View's postings, positions,
// lengths and facet bitsets (0 before the first).
func (x *Index) TextTableBytes() int {
	if s := x.tt.cur.Load(); s != nil {
		return s.view.Bytes()
	}
	return 0
}

// Ready reports whether searches are answered from tables: the first View
// exists.
func (x *Index) Ready() bool { return x.tt.cur.Load() != nil }

// Warm makes the View of the index's current snapshot and waits for it.
// It reports whether searches are ready.
func (x *Index) Warm(ctx context.Context) bool {
	if err := x.refresh(ctx); err != nil {
		if ctx.Err() == nil && x.tt.ctx.Err() == nil {
			slog.Warn("search tables not built", "index", x.path, "err", err)
		}
		return false
	}
	return x.Ready()
}

// acquire returns the View to search, held until release. A search made
// before the first View waits for it; a search of a snapshot that moved on
// starts a refresh in the background and uses the View it has.
func (x *Index) acquire(ctx context.Context) (*served, error) {
	for {
		s := x.tt.cur.Load()
		if s == nil {
			if err := x.refresh(ctx); err != nil {
				return nil, err
			}
			if s = x.tt.cur.Load(); s == nil {
				return nil, fmt.Errorf("search: index %q is closed", x.path)
			}
		}
		if !s.acquire() {
			continue // replaced meanwhile
		}
		if r := x.snapshot(); r != nil {
			if r != index.IndexReader(s.snap) {
				x.refreshInBackground()
			}
			r.Close()
		}
		return s, nil
	}
}

// refreshInBackground makes the View of the current snapshot unless a
// refresh is scheduled or the index is closing.
func (x *Index) refreshInBackground() {
	if !x.tt.pending.CompareAndSwap(false, true) {
		return
	}
	x.tt.bgMu.Lock()
	defer x.tt.bgMu.Unlock()
	if x.tt.closed {
		x.tt.pending.Store(false)
		return
	}
	x.tt.bg.Add(1)
	go func() {
		defer x.tt.bg.Done()
		// Searches meanwhile start no other refresh: the next search
		// after this one starts one if the snapshot moved on again.
		defer x.tt.pending.Store(false)
		if err := x.refresh(x.tt.ctx); err != nil && x.tt.ctx.Err() == nil {
			slog.Warn("search tables not updated", "index", x.path, "err", err)
		}
	}()
}

// syncTables brings the View up to the index's snapshot after a write,
// when Views are in use, so that the write is searchable on return.
func (x *Index) syncTables(ctx context.Context) error {
	if x.tt.cur.Load() == nil {
		return nil // nothing searched yet (faro index): no View to keep up
	}
	return x.refresh(ctx)
}

// refresh makes the View of the index's current snapshot current,
// building the tables of its new segments.
func (x *Index) refresh(ctx context.Context) error {
	x.tt.mu.Lock()
	defer x.tt.mu.Unlock()
	r := x.snapshot()
	if r == nil {
		return fmt.Errorf("search tables of %q: index is closed", x.path)
	}
	is, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		r.Close()
		return fmt.Errorf("search tables of %q: index reader %T is not a scorch snapshot", x.path, r)
	}
	if cur := x.tt.cur.Load(); cur != nil && cur.snap == is {
		r.Close()
		return nil
	}
	segs := is.Segments()
	tabs := make([]*texttable.Segment, len(segs))
	built := 0
	var files []string // the files of the persisted segments built
	for i, sg := range segs {
		t := x.tt.segs[sg.Id()]
		if t == nil {
			var err error
			if t, err = buildTable(ctx, sg.Segment(), x.path); err != nil {
				r.Close()
				return fmt.Errorf("search tables of %q: %w", x.path, err)
			}
			built++
			if p := segmentPath(sg.Segment()); p != "" {
				files = append(files, p)
			}
		}
		tabs[i] = t
	}
	x.serve(is, segs, tabs)
	switch {
	case built > 0 && built == len(segs):
		// The first View: every page of the index was read once.
		releaseMapped(x.path)
		debug.FreeOSMemory()
	case built > 0:
		// A write's or a merge's segments: the pages their builds read
		// are no longer needed (a segment still in memory has none), the
		// other segments' pages that searches read stay.
		releaseMappedFiles(files)
	}
	return nil
}

// serve makes the View of snapshot is, whose reference it takes over,
// current; callers hold x.tt.mu.
func (x *Index) serve(is *scorch.IndexSnapshot, segs []*scorch.SegmentSnapshot, tabs []*texttable.Segment) {
	deleted := make([][]uint32, len(segs))
	keep := make(map[uint64]*texttable.Segment, len(segs))
	files := make([]*storedFile, len(segs))
	for i, sg := range segs {
		files[i] = openStoredFile(sg)
		if d := sg.Deleted(); d != nil {
			deleted[i] = d.ToArray()
		}
		keep[sg.Id()] = tabs[i]
	}
	x.tt.segs = keep
	s := &served{snap: is, segs: segs, files: files}
	old := x.tt.cur.Load()
	if old != nil && old.view.Holds(tabs, deleted) {
		s.view = old.view
	} else {
		cfg := texttable.Config{Schema: schema, Analyzer: analyze, MatchCacheBytes: matchCacheBytes}
		s.view = texttable.NewView(cfg, tabs, deleted)
		if old != nil {
			s.view.Inherit(old.view)
		}
	}
	if old := x.tt.cur.Swap(s); old != nil {
		old.retire()
	}
	x.cache.invalidate()
}

// stopTables stops background refreshes and releases the current View;
// Close calls it before closing the index.
func (x *Index) stopTables() {
	x.tt.bgMu.Lock()
	x.tt.closed = true
	x.tt.bgMu.Unlock()
	x.tt.cancel()
	x.tt.bg.Wait()
	x.tt.mu.Lock()
	defer x.tt.mu.Unlock()
	if old := x.tt.cur.Swap(nil); old != nil {
		old.retire()
	}
}

// snapshot returns a reader of the index's current snapshot (to Close),
// or nil when there is none (the index is closed).
func (x *Index) snapshot() index.IndexReader {
	adv, err := x.bleve().Advanced()
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

// segSource reads a scorch segment for texttable.Build.
type segSource struct{ seg segment.Segment }

func (s segSource) Docs() int { return int(s.seg.Count()) }

// allTerms is an automaton that accepts every term.
type allTerms struct{}

func (allTerms) Start() int               { return 0 }
func (allTerms) IsMatch(int) bool         { return true }
func (allTerms) CanMatch(int) bool        { return true }
func (allTerms) WillAlwaysMatch(int) bool { return true }
func (allTerms) Accept(int, byte) int     { return 0 }

func (s segSource) Walk(ctx context.Context, field string, fn func(term string, p *texttable.Posting) error) error {
	var post texttable.Posting
	return walkPostings(ctx, s.seg, field, true, func(term string, p segment.Posting) error {
		post.Doc = uint32(p.Number())
		post.Freq = uint32(p.Frequency())
		post.Length = 1
		if nm := p.Norm(); nm > 0 {
			post.Length = uint32(math.Round(1 / (nm * nm)))
		}
		post.Positions = post.Positions[:0]
		for _, l := range p.Locations() {
			// Body positions carry their page (pagesTokenizer).
			post.Positions = append(post.Positions, uint64(l.Pos()))
		}
		sortKeys(post.Positions)
		return fn(term, &post)
	})
}

// walkPostings calls fn with every posting of every term of field in seg,
// term by term in order; locations asks for frequencies, norms and
// positions too.
func walkPostings(ctx context.Context, seg segment.Segment, field string, locations bool, fn func(term string, p segment.Posting) error) error {
	dict, err := seg.Dictionary(field)
	if err != nil || dict == nil {
		return err
	}
	it := dict.AutomatonIterator(allTerms{}, nil, nil)
	if it == nil {
		return nil
	}
	var (
		pl segment.PostingsList
		pi segment.PostingsIterator
	)
	for n := 0; ; n++ {
		if n%256 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		e, err := it.Next()
		if err != nil || e == nil {
			return err
		}
		if pl, err = dict.PostingsList([]byte(e.Term), nil, pl); err != nil {
			return err
		}
		if pl == nil {
			continue
		}
		pi = pl.Iterator(locations, locations, locations, pi)
		for {
			p, err := pi.Next()
			if err != nil {
				return err
			}
			if p == nil {
				break
			}
			if err := fn(e.Term, p); err != nil {
				return err
			}
		}
	}
}

// sortKeys sorts a posting's positions (usually sorted already).
func sortKeys(k []uint64) {
	for i := 1; i < len(k); i++ {
		for j := i; j > 0 && k[j] < k[j-1]; j-- {
			k[j], k[j-1] = k[j-1], k[j]
		}
	}
}

// segmentPath returns the file of a persisted segment, "" for one in
// memory.
func segmentPath(sg segment.Segment) string {
	if p, ok := sg.(interface{ Path() string }); ok {
		return p.Path()
	}
	return ""
}
