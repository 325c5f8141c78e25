package corpus

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
)

// fullFile is a file on a full disk: it takes the first room bytes and
// then fails every write with ENOSPC.
type fullFile struct {
	f    *os.File
	room int
}

func (f *fullFile) Write(p []byte) (int, error) {
	if len(p) <= f.room {
		f.room -= len(p)
		return f.f.Write(p)
	}
	n, _ := f.f.Write(p[:f.room])
	f.room = 0
	return n, &os.PathError{Op: "write", Path: f.f.Name(), Err: syscall.ENOSPC}
}
func (f *fullFile) Sync() error  { return f.f.Sync() }
func (f *fullFile) Close() error { return f.f.Close() }

// corpusState lists the files under the corpus's uploads folder.
func uploads(t *testing.T, corpus string) []string {
	t.Helper()
	ents, err := os.ReadDir(filepath.Join(corpus, uploadsDir))
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		out = append(out, e.Name())
	}
	return out
}

func total(t *testing.T, idx *bleve.Index, q string) uint64 {
	t.Helper()
	res, err := idx.Search(context.Background(), search.Query{Text: q, Page: 1, Size: 10})
	if err != nil {
		t.Fatalf("search %q: %v", q, err)
	}
	return res.Total
}

// TestUploadCorpusDiskFull stores uploads on a corpus disk that fills up
// part way through the file or its sidecar: the upload is answered
// CodeNoSpace, no file (or part of one) is left, nothing is searchable,
// and the next upload, with room again, succeeds.
func TestUploadCorpusDiskFull(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name    string
		room    int // bytes the disk takes before it is full
		sidecar string
	}{
		{"file cut short", 10, ""},
		{"nothing fits", 0, ""},
		{"sidecar cut short", 60, `{"countries": ["HND"], "title": "Una nota de Choluteca muy larga"}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w, idx, corpus := newTestWriter(t)
			room := tc.room
			w.create = func(root *os.Root, name string) (file, error) {
				f, err := createFile(root, name)
				if err != nil {
					return nil, err
				}
				ff := &fullFile{f: f.(*os.File), room: room}
				return ff, nil
			}
			data := []byte("# Nota\n\nLa palabra zafiro aparece en esta nota sobre personas retornadas.")
			_, err := w.Add(ctx, "nota.md", data, []byte(tc.sidecar))
			if search.ErrorCode(err) != search.CodeNoSpace {
				t.Fatalf("upload on a full disk: %v (code %q), want %q", err, search.ErrorCode(err), search.CodeNoSpace)
			}
			if got := uploads(t, corpus); len(got) != 0 {
				t.Errorf("files left after the failed upload: %v", got)
			}
			if n := total(t, idx, "zafiro"); n != 0 {
				t.Errorf("failed upload searchable: %d hits", n)
			}
			w.create = createFile
			doc, err := w.Add(ctx, "nota.md", data, []byte(tc.sidecar))
			if err != nil {
				t.Fatalf("upload with room again: %v", err)
			}
			if n := total(t, idx, "zafiro"); n != 1 || doc.Source != "uploads/nota.md" {
				t.Errorf("upload with room again: %d hits, source %q", n, doc.Source)
			}
		})
	}
}

// TestUploadIndexDiskFull puts the index on a real, small tmpfs (root
// only) and fills it: uploads answer CodeNoSpace, their files leave the
// corpus, nothing they held is searchable, earlier documents still are,
// and once there is room an upload is stored and survives a reopening.
func TestUploadIndexDiskFull(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	disk := filepath.Join(dir, "disk")
	os.Mkdir(disk, 0o755)
	if err := syscall.Mount("tmpfs", disk, "tmpfs", 0, "size="+strconv.Itoa(8<<20)); err != nil {
		t.Skipf("cannot mount a tmpfs (needs root): %v", err)
	}
	defer syscall.Unmount(disk, syscall.MNT_DETACH)
	corpus := filepath.Join(dir, "corpus")
	os.Mkdir(corpus, 0o755)
	path := filepath.Join(disk, "index")
	idx, err := bleve.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := NewWriter(idx, corpus, path, Options{})
	if _, err := w.Add(ctx, "antes.md", []byte("# Antes\n\nUna nota sobre Choluteca."), nil); err != nil {
		t.Fatal(err)
	}
	idx.Warm(ctx)
	filler := filepath.Join(disk, "filler")
	f, _ := os.Create(filler)
	for buf := make([]byte, 4096); ; {
		if _, err := f.Write(buf); err != nil {
			break
		}
	}
	f.Close()
	for i := range 3 {
		word := "zafiro" + strconv.Itoa(i)
		_, err := w.Add(ctx, "nota.md", []byte("# Nota\n\nLa palabra "+word+" y Choluteca."), nil)
		if search.ErrorCode(err) != search.CodeNoSpace {
			t.Fatalf("upload %d with the index disk full: %v (code %q)", i, err, search.ErrorCode(err))
		}
		if got := uploads(t, corpus); len(got) != 1 || got[0] != "antes.md" {
			t.Errorf("upload %d: corpus holds %v, want only antes.md", i, got)
		}
		if n := total(t, idx, word); n != 0 {
			t.Errorf("upload %d: failed upload searchable", i)
		}
		if n := total(t, idx, "choluteca"); n != 1 {
			t.Errorf("upload %d: %d hits for the earlier document, want 1", i, n)
		}
	}
	os.Remove(filler)
	if _, err := w.Add(ctx, "nota.md", []byte("# Nota\n\nLa palabra zafiro y Choluteca."), nil); err != nil {
		t.Fatalf("upload with room again: %v", err)
	}
	w.Close()
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}
	idx, err = bleve.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	if n := total(t, idx, "choluteca"); n != 2 {
		t.Errorf("after reopening: %d documents, want 2", n)
	}
}
