package bleve

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"sync/atomic"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"faro/search"
	"faro/search/searchtest"
)

// onePassQueries vary words, booleans, phrases, prefixes, selections (one
// and several facets, several values, unknown values), year ranges, sorts
// and paging.
var onePassQueries = []search.Query{
	{},
	{Text: "migración"},
	{Text: "trata"},
	{Text: "trata", Filters: map[string][]string{"country": {"HND"}}},
	{Text: "migración retorno"},
	{Text: `"return reintegration"`},
	{Text: `"trata de personas"`, Filters: map[string][]string{"theme": {"trafficking"}}},
	{Text: "(trafficking OR smuggling) AND -climate", Filters: map[string][]string{"gcm": {"10", "9"}}},
	{Text: "(trata OR smuggling) AND niñez -climate"},
	{Text: "niñez", Filters: map[string][]string{"lang": {"es"}, "type": {"study"}}},
	{Filters: map[string][]string{"country": {"GTM", "SLV"}}},
	{Filters: map[string][]string{"country": {"GTM", "SLV"}, "theme": {"c4d"}}, Sort: search.SortDateAsc},
	{Text: "campagne information", YearFrom: 2015},
	{Text: "migrants", YearFrom: 2012, YearTo: 2018, Filters: map[string][]string{"year": {"2014", "2016", "2019"}}},
	{YearTo: 2018, Filters: map[string][]string{"gcm": {"3"}}},
	{Text: "remittances diaspora", Sort: search.SortDateDesc},
	{Text: "migra*"},
	{Text: "migra*", Filters: map[string][]string{"country": {"HND", "ZZZ"}, "gcm": {"10"}, "principle": {"human-rights"}}},
	{Text: "migración", Filters: map[string][]string{"country": {"HND"}, "gcm": {"10"}}},
	{Text: "migration", Filters: map[string][]string{"country": {"HND"}, "gcm": {"10"}, "type": {"study", "guide"}, "lang": {"en"}}, Page: 2},
	{Text: "information", Filters: map[string][]string{"theme": {"c4d"}}, Sort: search.SortDateDesc, Page: 3, Size: 7},
	{Text: "country:HND campaign"},
	{Text: "-trafficking", Filters: map[string][]string{"lang": {"fr"}}},
	{Text: "title:campaign", Filters: map[string][]string{"type": {"campaign-summary"}}, Snippets: 2},
	{Text: "nothingmatchesthis"},
}

func newTestIndex(t *testing.T, docs []*search.Document) *Index {
	t.Helper()
	idx, err := Create(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	// These tests are about the facet table: on whatever FARO_FACET_TABLE
	// says, and the text table off (memsearch_test.go compares that).
	idx.SetFacetTable(true)
	idx.SetTextTable(false)
	ctx := context.Background()
	for _, d := range docs {
		if err := idx.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	if err := idx.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	idx.SetCacheSize(0)
	// A changed snapshot (the merger and persister run in the background)
	// gets its table before the search, so every search takes the path
	// asked for.
	idx.ft.syncBuild = true
	return idx
}

// pathCorpora are the collections on which two paths are compared: the
// suite's fixed documents and a synthetic collection.
func pathCorpora() []struct {
	name string
	docs []*search.Document
} {
	return []struct {
		name string
		docs []*search.Document
	}{
		{"docs", searchtest.Docs()},
		{"synthetic", searchtest.Synthetic(1, 3000)},
	}
}

// runBoth runs q on the original path and on the one-pass path.
func runBoth(t *testing.T, idx *Index, q search.Query) (old, one *search.Result) {
	t.Helper()
	return runPaths(t, idx, q, "one-pass path", idx.SetFacetTable, &idx.ft.used)
}

// runPaths runs q with a path turned off, then on; it retries until the
// search counted by used took the path (the snapshot may change between a
// table's build and the search, which then falls back).
func runPaths(t *testing.T, idx *Index, q search.Query, path string, set func(bool), used *atomic.Uint64) (off, on *search.Result) {
	t.Helper()
	ctx := context.Background()
	set(false)
	off, err := idx.Search(ctx, q)
	if err != nil {
		t.Fatalf("%+v: without the %s: %v", q, path, err)
	}
	set(true)
	for try := 0; ; try++ {
		before := used.Load()
		if on, err = idx.Search(ctx, q); err != nil {
			t.Fatalf("%+v: %s: %v", q, path, err)
		}
		if used.Load() > before {
			return off, on
		}
		if try == 20 {
			t.Fatalf("%+v: the %s was never taken", q, path)
		}
	}
}

// scoresCompared and scoresInexact count the hits compared and those
// whose scores differ in the last bits.
var scoresCompared, scoresInexact int

func sameResult(t *testing.T, label string, old, one *search.Result) {
	t.Helper()
	if old.Total != one.Total {
		t.Errorf("%s: total %d, one-pass %d", label, old.Total, one.Total)
	}
	if len(old.Hits) != len(one.Hits) {
		t.Fatalf("%s: %d hits, one-pass %d", label, len(old.Hits), len(one.Hits))
	}
	for i := range old.Hits {
		o, n := old.Hits[i], one.Hits[i]
		if o.ID != n.ID {
			t.Errorf("%s: hit %d is %s, one-pass %s", label, i, o.ID, n.ID)
			continue
		}
		// Equal up to the order of a floating-point sum (the filters'
		// scores are added in another order).
		scoresCompared++
		if o.Score != n.Score {
			scoresInexact++
		}
		if d := math.Abs(o.Score - n.Score); d > 1e-12*math.Max(1, math.Abs(o.Score)) {
			t.Errorf("%s: hit %s score %v, one-pass %v", label, o.ID, o.Score, n.Score)
		}
		if !reflect.DeepEqual(o.Snippets, n.Snippets) {
			t.Errorf("%s: hit %s snippets differ", label, o.ID)
		}
	}
	if !reflect.DeepEqual(old.Facets, one.Facets) {
		t.Errorf("%s: facets\n original %v\n one-pass %v", label, old.Facets, one.Facets)
	}
	if (old.NextCursor == "") != (one.NextCursor == "") {
		t.Errorf("%s: next cursor %q, one-pass %q", label, old.NextCursor, one.NextCursor)
	}
}

func TestOnePassMatchesOriginal(t *testing.T) {
	for _, c := range pathCorpora() {
		t.Run(c.name, func(t *testing.T) {
			idx := newTestIndex(t, c.docs)
			taken := 0
			for i, q := range onePassQueries {
				label := fmt.Sprintf("query %d %q %v", i, q.Text, q.Filters)
				old, one := runBoth(t, idx, q)
				sameResult(t, label, old, one)
				taken++
				// Follow the cursor twice on each path.
				for page := 2; page <= 3 && old.NextCursor != "" && one.NextCursor != ""; page++ {
					qo, qn := q, q
					qo.Page, qn.Page = 0, 0
					qo.Cursor, qn.Cursor = old.NextCursor, one.NextCursor
					idx.SetFacetTable(false)
					o2, err := idx.Search(context.Background(), qo)
					if err != nil {
						t.Fatal(err)
					}
					idx.SetFacetTable(true)
					n2, err := idx.Search(context.Background(), qn)
					if err != nil {
						t.Fatal(err)
					}
					sameResult(t, fmt.Sprintf("%s cursor page %d", label, page), o2, n2)
					old, one = o2, n2
				}
			}
			if c.name == "synthetic" {
				// The queries must reach beyond trivial results.
				r, _ := idx.Search(context.Background(), search.Query{Text: "migración", Filters: map[string][]string{"country": {"HND"}, "gcm": {"10"}}})
				if r.Total < 10 || len(r.Facets[search.FacetCountry]) < 5 {
					t.Errorf("synthetic query too narrow: total %d, %d countries", r.Total, len(r.Facets[search.FacetCountry]))
				}
			}
			t.Logf("%d queries compared on both paths; %d of %d hit scores bit-identical so far", taken, scoresCompared-scoresInexact, scoresCompared)
		})
	}
}

// TestOnePassAfterWrites checks that the table follows the index: after a
// write and a delete, counts and hits are those of the new snapshot.
func TestOnePassAfterWrites(t *testing.T) {
	docs := searchtest.Synthetic(3, 500)
	idx := newTestIndex(t, docs[:400])
	ctx := context.Background()
	q := search.Query{Text: "migration", Filters: map[string][]string{"country": {"HND"}}}
	old, one := runBoth(t, idx, q)
	sameResult(t, "before writes", old, one)
	for _, d := range docs[400:] {
		if err := idx.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	if err := idx.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if err := idx.Delete(ctx, docs[0].ID); err != nil {
		t.Fatal(err)
	}
	old2, one2 := runBoth(t, idx, q)
	sameResult(t, "after writes", old2, one2)
	if reflect.DeepEqual(one.Facets, one2.Facets) {
		t.Errorf("facet counts did not change after 100 more documents")
	}
}

// TestOnePassAsyncRebuild checks the default mode: a changed snapshot is
// served by the original path while its table is built in the background,
// then by the table.
func TestOnePassAsyncRebuild(t *testing.T) {
	docs := searchtest.Synthetic(4, 300)
	idx := newTestIndex(t, docs[:200])
	idx.ft.syncBuild = false
	ctx := context.Background()
	q := search.Query{Text: "migración", Filters: map[string][]string{"lang": {"es"}}}
	if _, err := idx.Search(ctx, q); err != nil {
		t.Fatal(err)
	}
	for _, d := range docs[200:] {
		if err := idx.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	if err := idx.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	idx.SetFacetTable(false)
	want, err := idx.Search(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	idx.SetFacetTable(true)
	for i := 0; i < 200; i++ {
		got, err := idx.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if got.Total != want.Total || !reflect.DeepEqual(got.Facets, want.Facets) {
			// The merger may have changed the snapshot in between: ask
			// the original path again.
			idx.SetFacetTable(false)
			want, _ = idx.Search(ctx, q)
			idx.SetFacetTable(true)
			continue
		}
	}
	if idx.ft.used.Load() == 0 {
		t.Errorf("the table was never used")
	}
}

// TestOnePassClosed checks that a search of a closed index fails cleanly.
func TestOnePassClosed(t *testing.T) {
	idx, err := Create(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range searchtest.Docs() {
		if err := idx.Put(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := idx.Search(context.Background(), search.Query{Text: "trata"}); err == nil {
		t.Errorf("search of a closed index: no error")
	}
}

// BenchmarkFacetTableBuild measures building the table of a snapshot.
//
//	FARO_BENCH_DOCS=10000 go test ./search/bleve -run '^$' -bench FacetTableBuild -benchtime 5x
func BenchmarkFacetTableBuild(b *testing.B) {
	n := 10000
	if v, err := strconv.Atoi(os.Getenv("FARO_BENCH_DOCS")); err == nil && v > 0 {
		n = v
	}
	idx, err := Create(filepath.Join(b.TempDir(), "index"))
	if err != nil {
		b.Fatal(err)
	}
	defer idx.Close()
	ctx := context.Background()
	for _, d := range searchtest.Synthetic(1, n) {
		if err := idx.Put(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
	if err := idx.Flush(ctx); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	var t *facetTable
	for i := 0; i < b.N; i++ {
		r := idx.snapshot()
		if t, err = newFacetTable(r); err != nil {
			b.Fatal(err)
		}
		r.Close()
	}
	b.ReportMetric(float64(len(t.vals)*4+len(t.off)*4+len(t.year)*2)/float64(t.docs()), "bytes/doc(ints)")
}

// TestOnePassStale checks that a table is refused for a search of another
// snapshot than its own.
func TestOnePassStale(t *testing.T) {
	docs := searchtest.Docs()
	idx := newTestIndex(t, docs[:3])
	ctx := context.Background()
	old := idx.table()
	if old == nil {
		t.Fatal("no table")
	}
	for _, d := range docs[3:] {
		if err := idx.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	if err := idx.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	q := search.Query{Text: "migrantes", Size: 10}
	textQ := bleve.NewMatchQuery(q.Text)
	main := bleve.NewSearchRequestOptions(textQ, q.Size, 0, false)
	_, _, err := idx.searchOnePass(ctx, old, q, textQ, nil, main)
	if !errors.Is(err, errStaleTable) {
		t.Fatalf("search with a stale table: err = %v, want errStaleTable", err)
	}
	if cur := idx.table(); cur == nil || cur == old {
		t.Fatalf("no new table after the write")
	}
	// The search itself falls back or uses the new table: all 7 documents.
	r, err := idx.Search(ctx, search.Query{})
	if err != nil || r.Total != uint64(len(docs)) {
		t.Fatalf("total %v, err %v; want %d", r, err, len(docs))
	}
}
