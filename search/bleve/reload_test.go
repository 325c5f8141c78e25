package bleve_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"

	"faro/search"
	"faro/search/bleve"
	"faro/search/searchtest"
)

// smallDisk mounts a tmpfs of size bytes on a temporary folder and
// returns it; the test is skipped where mounting is not allowed (not
// root). A full tmpfs answers writes with ENOSPC, as a full disk does.
func smallDisk(t *testing.T, size int) string {
	t.Helper()
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size="+strconv.Itoa(size)); err != nil {
		t.Skipf("cannot mount a tmpfs (needs root): %v", err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, syscall.MNT_DETACH); err != nil {
			t.Errorf("unmount %s: %v", dir, err)
		}
	})
	return dir
}

// fill writes zeros to a file in dir until the disk is full and returns
// a function that removes it.
func fill(t *testing.T, dir string) func() {
	t.Helper()
	name := filepath.Join(dir, "filler")
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 4096)
	for {
		if _, err := f.Write(buf); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatal(err)
			}
			break
		}
	}
	f.Close()
	return func() { os.Remove(name) }
}

func hits(t *testing.T, idx *bleve.Index, q string) uint64 {
	t.Helper()
	res, err := idx.Search(context.Background(), search.Query{Text: q, Page: 1, Size: 10})
	if err != nil {
		t.Fatalf("search %q: %v", q, err)
	}
	return res.Total
}

// TestWriteOnFullDisk writes to an index whose next segment files cannot
// be written (ENOSPC): the write fails with an error errors.Is finds as
// ENOSPC, nothing panics, the document is not searchable, the documents
// stored before still are, and once there is room again writes succeed.
func TestWriteOnFullDisk(t *testing.T) {
	ctx := context.Background()
	disk := smallDisk(t, 8<<20)
	path := filepath.Join(disk, "index")
	if err := os.CopyFS(path, os.DirFS(buildIndex(t))); err != nil {
		t.Fatal(err)
	}
	idx, err := bleve.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	if !idx.Warm(ctx) {
		t.Fatal("tables not built")
	}
	n0, _ := idx.Count(ctx)
	before := hits(t, idx, "trata")
	if before == 0 {
		t.Fatal("no hit for trata before the fault")
	}
	doc := func(id, word string) *search.Document {
		return &search.Document{ID: id, Title: "Nota " + word, Lang: "es", Source: id + ".md", Hash: id,
			Pages: []search.Page{{Number: 1, Text: "Una nota sobre " + word + " y la trata de personas."}}}
	}
	restore := fill(t, disk)
	for i, word := range []string{"zafiroazul", "zafirorojo", "zafiroverde"} {
		err := idx.Put(ctx, doc("full-"+strconv.Itoa(i), word))
		if err == nil {
			err = idx.Flush(ctx)
		}
		if !errors.Is(err, syscall.ENOSPC) {
			t.Fatalf("write %d on a full disk: err = %v, want ENOSPC", i, err)
		}
		if got := hits(t, idx, word); got != 0 {
			t.Errorf("write %d: the failed document is searchable (%d hits)", i, got)
		}
		if _, err := idx.Document(ctx, "full-"+strconv.Itoa(i)); !errors.Is(err, search.ErrNotFound) {
			t.Errorf("write %d: failed document loads: %v", i, err)
		}
		if got := hits(t, idx, "trata"); got != before {
			t.Errorf("write %d: %d hits for trata after the fault, want %d", i, got, before)
		}
		if n, err := idx.Count(ctx); err != nil || n != n0 {
			t.Errorf("write %d: count %d, %v; want %d", i, n, err, n0)
		}
	}
	restore()
	if err := idx.Put(ctx, doc("room", "zafiroblanco")); err != nil {
		t.Fatal(err)
	}
	if err := idx.Flush(ctx); err != nil {
		t.Fatalf("write once there is room: %v", err)
	}
	if got := hits(t, idx, "zafiroblanco"); got != 1 {
		t.Errorf("document written once there is room: %d hits", got)
	}
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}
	// What was acknowledged is on disk; what failed is not.
	idx, err = bleve.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := idx.Count(ctx); n != n0+1 {
		t.Errorf("after reopening: %d documents, want %d", n, n0+1)
	}
	if len(searchtest.Docs()) == 0 {
		t.Fatal("no documents")
	}
}
