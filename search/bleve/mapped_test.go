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
	readAll := func() {
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
	}
	readAll()
	before := mappedResident(idx.path)
	if before == 0 {
		t.Skip("index files are not mapped (persisted segments not written yet)")
	}
	var m mappedTrim
	if m.trim(idx.path, before+1) {
		t.Error("released pages below the limit")
	}
	if !m.known {
		t.Fatal("the first check did not learn the other files' share")
	}
	if !m.trim(idx.path, 0) {
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
	// The cheap measure (the process's file pages less the others')
	// sees them come back, and releases them again.
	readAll()
	again := mappedResident(idx.path)
	if again == 0 {
		t.Fatal("no page came back")
	}
	// The others' share was learnt at the release; the kernel may have
	// dropped some of their pages since (this process runs other tests),
	// which the cheap measure would count against the index's: learn it
	// again, as the release would have.
	if file := fileResident(); file > 0 {
		m.others = file - again
	}
	if m.trim(idx.path, again+1<<20) {
		t.Errorf("released %d resident bytes under a limit of %d", again, again+1<<20)
	}
	if !m.trim(idx.path, 0) {
		t.Errorf("did not release %d resident bytes again", again)
	}
	if now := mappedResident(idx.path); now >= again {
		t.Errorf("resident mapped bytes %d before the second release, %d after", again, now)
	}
}
