package bleve

import (
	"context"
	"runtime"
	"testing"

	"faro/search"
	"faro/search/searchtest"
)

func TestTrimMapped(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("resident mapped pages are read from /proc/self/smaps")
	}
	idx := newTestIndex(t, searchtest.Synthetic(2, 2000))
	// Read every document's stored fields: their pages become resident.
	ids, err := idx.IDs(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		if _, err := idx.Document(context.Background(), id); err != nil {
			t.Fatal(err)
		}
	}
	before := mappedResident(idx.path)
	if before == 0 {
		t.Skip("index files are not mapped (persisted segments not written yet)")
	}
	if idx.trimMapped(before + 1) {
		t.Error("released pages below the limit")
	}
	if !idx.trimMapped(0) {
		t.Fatal("did not release pages above the limit")
	}
	after := mappedResident(idx.path)
	if after >= before {
		t.Errorf("resident mapped bytes %d before, %d after", before, after)
	}
	// Searches read them back.
	if r, err := idx.Search(context.Background(), search.Query{Text: "migration", Snippets: 2}); err != nil || len(r.Hits) == 0 {
		t.Fatalf("search after release: %v, %+v", err, r)
	}
}
