package bleve

import (
	"context"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"faro/search"
	"faro/search/searchtest"
)

// storedField is one stored field as a visitor saw it, copied.
type storedField struct {
	name string
	typ  byte
	val  string
	pos  []uint64
}

// reopenedIndex makes an index of docs, closes it and opens it again, so
// that every segment is a zap file on disk.
func reopenedIndex(t *testing.T, docs []*search.Document) *Index {
	t.Helper()
	path := filepath.Join(t.TempDir(), "index")
	idx := createWith(t, path, docs)
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}
	idx, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	idx.SetCacheSize(0)
	return idx
}

// TestStoredFileAsBleve reads every stored field of every document from
// the segment files and through bleve: the same fields, types, values and
// array positions, in the same order, for short documents and for one
// longer than the first read.
func TestStoredFileAsBleve(t *testing.T) {
	docs := searchtest.Synthetic(3, 40)
	// Varied text (snappy would shrink a repeated one to little), longer
	// compressed than the first read.
	var sb strings.Builder
	for _, d := range searchtest.Synthetic(4, 20) {
		for _, p := range d.Pages {
			sb.WriteString(p.Text + " ")
		}
	}
	long := sb.String()
	docs[7].Pages = append(docs[7].Pages, search.Page{Number: len(docs[7].Pages) + 1, Lang: "en", Text: long})
	idx := reopenedIndex(t, docs)
	s, err := idx.acquire(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer s.release()
	read, longSeen := 0, false
	var buf storedBufs
	for i, sg := range s.segs {
		f := s.files[i]
		if f == nil {
			t.Fatalf("segment %d: no stored file", sg.Id())
		}
		for local := range sg.Count() {
			var want, got []storedField
			err := sg.VisitDocument(local, func(name string, typ byte, val []byte, pos []uint64) bool {
				if name != "_id" {
					want = append(want, storedField{name, typ, string(val), slices.Clone(pos)})
				}
				return true
			})
			if err != nil {
				t.Fatal(err)
			}
			err = f.visit(local, &buf, func(name string, typ byte, val []byte, pos []uint64) bool {
				got = append(got, storedField{name, typ, string(val), slices.Clone(pos)})
				if val := string(val); strings.HasSuffix(val, string(pageSep)+long) { // the last page
					longSeen = true
				}
				return true
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(want) == 0 || !reflect.DeepEqual(got, want) {
				t.Fatalf("segment %d document %d: %d fields read from the file, %d through bleve, or they differ", sg.Id(), local, len(got), len(want))
			}
			read++
		}
	}
	if read != len(docs) || !longSeen {
		t.Fatalf("read %d documents of %d (long one seen: %v)", read, len(docs), longSeen)
	}
}

// TestHitsFromFilesAsFromBleve checks that searches show the same hits
// and snippets whether the stored fields come from the segment files or
// through bleve, and that a document updated after the files were opened
// shows its new version.
func TestHitsFromFilesAsFromBleve(t *testing.T) {
	docs := searchtest.Synthetic(5, 60)
	idx := reopenedIndex(t, docs)
	ctx := context.Background()
	queries := []search.Query{
		{Text: "migration", Size: 20, Snippets: 3},
		{Text: `"return migration"`, Size: 10, Snippets: 2},
		{Text: "border OR health", Size: 15, Page: 2, Snippets: 1},
		{Text: "", Size: 10},
	}
	for _, q := range queries {
		fromFiles, err := idx.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		s, err := idx.acquire(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.ContainsFunc(s.files, func(f *storedFile) bool { return f != nil }) {
			t.Fatal("no segment read from its file")
		}
		files := s.files
		s.files = nil
		fromBleve, err := idx.Search(ctx, q)
		s.files = files
		s.release()
		if err != nil {
			t.Fatal(err)
		}
		if len(fromFiles.Hits) == 0 && q.Text != "" {
			t.Fatalf("%q: no hits", q.Text)
		}
		if !reflect.DeepEqual(fromFiles.Hits, fromBleve.Hits) {
			t.Errorf("%q: hits from the files differ from bleve's", q.Text)
		}
	}

	// An update after the files were opened: the new version is shown.
	d := *docs[0]
	d.Title = "Updated title"
	d.Pages = []search.Page{{Number: 1, Lang: "en", Text: "zanzibarite migration report"}}
	if err := idx.Put(ctx, &d); err != nil {
		t.Fatal(err)
	}
	if err := idx.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	r, err := idx.Search(ctx, search.Query{Text: "zanzibarite", Size: 10, Snippets: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) != 1 || r.Hits[0].Title != "Updated title" || len(r.Hits[0].Snippets) == 0 ||
		!strings.Contains(r.Hits[0].Snippets[0].HTML(), "zanzibarite") {
		t.Fatalf("updated document: %+v", r.Hits)
	}
	r, err = idx.Search(ctx, search.Query{Text: docs[0].Title, Size: 100})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range r.Hits {
		if h.ID == d.ID && h.Title != "Updated title" {
			t.Fatalf("old version of %s shown", d.ID)
		}
	}
}
