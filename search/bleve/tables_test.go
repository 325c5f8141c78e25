package bleve

import (
	"context"
	"fmt"
	"maps"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"faro/search"
	"faro/search/searchtest"
)

// newTestIndex makes an index of docs with the result cache off.
func newTestIndex(t *testing.T, docs []*search.Document) *Index {
	t.Helper()
	idx := createWith(t, filepath.Join(t.TempDir(), "index"), docs)
	t.Cleanup(func() { idx.Close() })
	idx.SetCacheSize(0)
	return idx
}

// createWith creates an index at path holding docs, flushed.
func createWith(t *testing.T, path string, docs []*search.Document) *Index {
	t.Helper()
	idx, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, d := range docs {
		if err := idx.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	if err := idx.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	return idx
}

func hitIDs(r *search.Result) []string {
	var ids []string
	for _, h := range r.Hits {
		ids = append(ids, h.ID)
	}
	return ids
}

// TestWritesSearchableAtOnce checks that documents added or deleted after
// the first search are found (or gone) as soon as the write returns, and
// that the View made incrementally answers as one built from scratch.
func TestWritesSearchableAtOnce(t *testing.T) {
	docs := searchtest.Synthetic(3, 500)
	dir := filepath.Join(t.TempDir(), "index")
	idx, err := Create(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, d := range docs[:400] {
		if err := idx.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	if err := idx.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	idx.SetCacheSize(0)
	q := search.Query{Text: "migration", Size: 100, Filters: map[string][]string{"country": {"HND", "GTM"}}}
	before, err := idx.Search(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs[400:] {
		if err := idx.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
		if d == docs[450] {
			// Writes one at a time as well as in a batch.
			if err := idx.Flush(ctx); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := idx.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	gone := before.Hits[0].ID
	if err := idx.Delete(ctx, gone); err != nil {
		t.Fatal(err)
	}
	after, err := idx.Search(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if after.Total <= before.Total-1 {
		t.Errorf("total %d after 100 more documents, %d before", after.Total, before.Total)
	}
	if slices.Contains(hitIDs(after), gone) {
		t.Errorf("deleted document %s still found", gone)
	}
	if reflect.DeepEqual(before.Facets, after.Facets) {
		t.Errorf("facet counts did not change after 100 more documents")
	}
	afterAll := allHitIDs(t, idx, q)
	// The same index opened afresh builds every table from scratch.
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}
	fresh, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	fresh.SetCacheSize(0)
	again, err := fresh.Search(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	// The same documents match, counted alike. Their order is not
	// compared: a deleted document's terms count in document frequencies
	// until a merge, which scorch runs when it will, drops it, so scores
	// may differ slightly between the two Views.
	a, b := afterAll, allHitIDs(t, fresh, q)
	slices.Sort(a)
	slices.Sort(b)
	if !slices.Equal(a, b) || after.Total != again.Total || !reflect.DeepEqual(after.Facets, again.Facets) {
		t.Errorf("incremental and fresh Views differ:\n %v %d\n %v %d", a, after.Total, b, again.Total)
	}
}

// TestSegmentTablesReused checks that a write builds the table of its own
// segment only: every segment that the write left in place keeps its table
// (the same object); only new segments get new ones.
func TestSegmentTablesReused(t *testing.T) {
	docs := searchtest.Synthetic(4, 300)
	idx := newTestIndex(t, docs[:299])
	ctx := context.Background()
	if !idx.Warm(ctx) {
		t.Fatal("no View")
	}
	idx.tt.mu.Lock()
	before := maps.Clone(idx.tt.segs)
	idx.tt.mu.Unlock()
	if err := idx.Put(ctx, docs[299]); err != nil {
		t.Fatal(err)
	}
	if err := idx.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	idx.tt.mu.Lock()
	defer idx.tt.mu.Unlock()
	fresh := 0
	for id, tab := range idx.tt.segs {
		old, kept := before[id]
		switch {
		case !kept:
			fresh++
		case old != tab:
			t.Errorf("segment %d kept its place but got a new table", id)
		}
	}
	if fresh == 0 {
		t.Errorf("the write's segment got no table")
	}
}

func TestSearchClosedIndex(t *testing.T) {
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

func TestStoredHitMatchesDocument(t *testing.T) {
	docs := searchtest.Synthetic(5, 50)
	docs[0].Author, docs[0].SourceURL, docs[0].Date = "IOM", "https://example.org/a.pdf", "2021-03-04"
	docs[0].Labels = []search.Label{{Facet: search.FacetCountry, Value: "HND"}}
	idx := newTestIndex(t, docs)
	for _, want := range docs {
		d, err := idx.idx.Document(want.ID)
		if err != nil || d == nil {
			t.Fatalf("%s: %v", want.ID, err)
		}
		full, err := storedDoc(d, true)
		if err != nil {
			t.Fatal(err)
		}
		hit, err := storedHit(d, true)
		if err != nil {
			t.Fatal(err)
		}
		a, b := hitWithSpans(full, 1, nil, 0), hitWithSpans(hit, 1, nil, 0)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s:\n from the document %+v\n from the hit      %+v", want.ID, a, b)
		}
		if !reflect.DeepEqual(full.Pages, hit.Pages) {
			t.Errorf("%s: pages differ", want.ID)
		}
	}
}

// allHitIDs pages through every hit of q.
func allHitIDs(t *testing.T, idx *Index, q search.Query) []string {
	t.Helper()
	var out []string
	for q.Page = 1; ; q.Page++ {
		r, err := idx.Search(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, hitIDs(r)...)
		if len(r.Hits) < q.Size {
			return out
		}
	}
}

// TestNoAllField checks that documents are indexed without bleve's "_all"
// composite field (every field is left out of it) and with the fields
// searches read.
func TestNoAllField(t *testing.T) {
	idx := newTestIndex(t, searchtest.Synthetic(3, 20))
	fields, err := idx.bleve().Fields()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"_all", "body_en", "title_es", fieldFacet, fieldPhrase} {
		if got := slices.Contains(fields, want); got != (want != "_all") {
			t.Errorf("field %q in the index: %v (fields %v)", want, got, fields)
		}
	}
}

// TestResultsOwnTheirText checks that a result's snippets and spelling
// fix stay as they were while later searches reuse the buffers the pages
// were read into.
func TestResultsOwnTheirText(t *testing.T) {
	docs := []*search.Document{
		{ID: "a", Title: "A", Lang: "en", Type: "study", Pages: []search.Page{{Number: 1, Text: "Remittances sent home by migrant workers fund schools and clinics."}}},
		{ID: "b", Title: "B", Lang: "en", Type: "study", Pages: []search.Page{{Number: 1, Text: "Smuggling routes through the isthmus change every season, and so do their prices."}}},
	}
	idx := newTestIndex(t, docs)
	ctx := context.Background()
	first, err := idx.Search(ctx, search.Query{Text: "remitances", Snippets: 1})
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprint(first.Hits, first.DidYouMean)
	if len(first.Hits) != 1 || len(first.Hits[0].Snippets) == 0 || first.DidYouMean == "" {
		t.Fatalf("first search: %s", want)
	}
	for range 20 {
		if _, err := idx.Search(ctx, search.Query{Text: "smuggling prices", Snippets: 1}); err != nil {
			t.Fatal(err)
		}
	}
	if got := fmt.Sprint(first.Hits, first.DidYouMean); got != want {
		t.Fatalf("first result changed by later searches:\n got %s\nwant %s", got, want)
	}
}
