package bleve_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"faro/search/bleve"
	"faro/search/searchtest"
)

// buildIndex writes the conformance documents to a new index at a
// temporary path, closes it and returns the path.
func buildIndex(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "index")
	idx, err := bleve.Create(path)
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
	return path
}

// listing maps every file under dir to its SHA-256.
func listing(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		out[strings.TrimPrefix(p, dir)] = hex.EncodeToString(sum[:])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// segmentFile returns the path of the index's (only) segment file.
func segmentFile(t *testing.T, path string) string {
	t.Helper()
	zaps, _ := filepath.Glob(filepath.Join(path, "store", "*.zap"))
	if len(zaps) == 0 {
		t.Fatal("no segment file")
	}
	return zaps[len(zaps)-1]
}

// garble overwrites n bytes of file at off (from the end when off < 0).
func garble(t *testing.T, file string, off int64, n int) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if off < 0 {
		off += int64(len(b))
	}
	for i := range n {
		b[off+int64(i)] ^= 0x5a
	}
	if err := os.WriteFile(file, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestOpenDamaged damages a real index in the ways a disk or an operator
// does and checks that Open refuses it with ErrDamaged and the repair
// command, changes no file, and that Check says the same.
func TestOpenDamaged(t *testing.T) {
	root := func(p string) string { return filepath.Join(p, "store", "root.bolt") }
	cases := []struct {
		name   string
		damage func(t *testing.T, path string)
		want   string
	}{
		{"root deleted", func(t *testing.T, p string) { os.Remove(root(p)) }, "root.bolt is missing"},
		{"root truncated to nothing", func(t *testing.T, p string) { os.Truncate(root(p), 0) }, "root.bolt is empty"},
		{"root cut short", func(t *testing.T, p string) { os.Truncate(root(p), 4096) }, "root.bolt"},
		{"root meta pages garbled", func(t *testing.T, p string) { garble(t, root(p), 0, 8192) }, "root.bolt"},
		{"meta deleted", func(t *testing.T, p string) { os.Remove(filepath.Join(p, "index_meta.json")) }, "index_meta.json"},
		{"segment deleted", func(t *testing.T, p string) { os.Remove(segmentFile(t, p)) }, "is missing"},
		{"segment truncated", func(t *testing.T, p string) { os.Truncate(segmentFile(t, p), 20) }, "truncated"},
		{"segment cut in half", func(t *testing.T, p string) {
			st, _ := os.Stat(segmentFile(t, p))
			os.Truncate(segmentFile(t, p), st.Size()/2)
		}, "segment"},
		{"segment header garbled", func(t *testing.T, p string) { garble(t, segmentFile(t, p), 0, 64) }, "checksum"},
		{"segment middle garbled", func(t *testing.T, p string) {
			st, _ := os.Stat(segmentFile(t, p))
			garble(t, segmentFile(t, p), st.Size()/2, 16)
		}, "checksum"},
		{"segment footer garbled", func(t *testing.T, p string) { garble(t, segmentFile(t, p), -20, 12) }, "segment"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := buildIndex(t)
			if err := bleve.Check(path); err != nil {
				t.Fatalf("Check of a sound index: %v", err)
			}
			c.damage(t, path)
			before := listing(t, path)
			for _, op := range []struct {
				name string
				run  func() error
			}{
				{"Check", func() error { return bleve.Check(path) }},
				{"Open", func() error {
					idx, err := bleve.Open(path)
					if err == nil {
						idx.Close()
					}
					return err
				}},
			} {
				err := op.run()
				if !errors.Is(err, bleve.ErrDamaged) {
					t.Fatalf("%s: err = %v, want ErrDamaged", op.name, err)
				}
				if msg := err.Error(); !strings.Contains(msg, "faro index --rebuild") || !strings.Contains(msg, c.want) {
					t.Errorf("%s: message %q lacks the rebuild command or %q", op.name, msg, c.want)
				}
			}
			after := listing(t, path)
			if len(after) != len(before) {
				t.Fatalf("files changed: before %v, after %v", before, after)
			}
			for f, h := range before {
				if after[f] != h {
					t.Errorf("%s changed or vanished", f)
				}
			}
		})
	}
}

// TestCheckSound: a sound index passes Check and opens with its documents.
func TestCheckSound(t *testing.T) {
	path := buildIndex(t)
	if err := bleve.Check(path); err != nil {
		t.Fatal(err)
	}
	idx, err := bleve.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	n, err := idx.Count(context.Background())
	if err != nil || n != uint64(len(searchtest.Docs())) {
		t.Fatalf("count = %d, %v; want %d", n, err, len(searchtest.Docs()))
	}
	if err := bleve.Check(filepath.Join(t.TempDir(), "none")); !errors.Is(err, bleve.ErrNoIndex) {
		t.Fatalf("Check of no index: %v, want ErrNoIndex", err)
	}
}
