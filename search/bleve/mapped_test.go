package bleve

import (
	"context"
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/index/scorch"

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

// A write builds the table of its new segment only: the pages of the other
// segments, which searches read, stay resident.
func TestWritesKeepOtherSegmentsResident(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("resident mapped pages are read from /proc/self/smaps")
	}
	ctx := context.Background()
	idx := newTestIndex(t, searchtest.Synthetic(2, 2000))
	settle(t, idx)
	if _, err := idx.Search(ctx, search.Query{Text: "migration"}); err != nil {
		t.Fatal(err) // the first View, built from every segment
	}
	ids, err := idx.IDs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		if _, err := idx.Document(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	before := residentByFile(idx.path)
	if len(before) == 0 {
		t.Skip("index files are not mapped (persisted segments not written yet)")
	}
	for i, d := range searchtest.Synthetic(9, 3) {
		d.ID = fmt.Sprintf("upload-%d", i)
		if err := idx.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
		if err := idx.Flush(ctx); err != nil {
			t.Fatal(err)
		}
	}
	after := residentByFile(idx.path)
	var was, is int64
	for f, n := range before {
		if m, ok := after[f]; ok {
			was, is = was+n, is+m
		}
	}
	if was == 0 {
		t.Fatalf("no segment outlived the writes: %v, then %v", before, after)
	}
	if is < was/2 {
		t.Errorf("resident mapped bytes of the segments before the writes: %d, after: %d", was, is)
	}
}

// settle waits until idx's merges are over: its segments stay the same
// for a while.
func settle(t *testing.T, idx *Index) {
	t.Helper()
	segments := func() int {
		r := idx.snapshot()
		if r == nil {
			t.Fatal("index closed")
		}
		defer r.Close()
		return len(r.(*scorch.IndexSnapshot).Segments())
	}
	n, same := segments(), 0
	for i := 0; i < 100 && same < 10; i++ {
		time.Sleep(50 * time.Millisecond)
		if m := segments(); m == n {
			same++
		} else {
			n, same = m, 0
		}
	}
}

// residentByFile returns the resident bytes of each file mapped under dir.
func residentByFile(dir string) map[string]int64 {
	out := map[string]int64{}
	residentMappings(dir, func(file string, n int64) { out[file] += n })
	return out
}
