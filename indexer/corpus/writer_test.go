package corpus

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"faro/search"
	"faro/search/bleve"
)

func TestSafeName(t *testing.T) {
	for in, want := range map[string]string{
		"Informe Niñez 2024.pdf":          "informe-ninez-2024.pdf",
		"../../etc/passwd":                "passwd.txt",
		`C:\docs\Guía Única.HTML`:         "guia-unica.html",
		".hidden.md":                      "hidden.md",
		"....pdf":                         "upload.pdf",
		"":                                "upload.txt",
		"x.meta.json":                     "x-meta.txt",
		strings.Repeat("a", 300) + ".txt": strings.Repeat("a", 80) + ".txt",
	} {
		if got := safeName(in); got != want {
			t.Errorf("safeName(%q) = %q, want %q", in, got, want)
		}
	}
}

// newTestWriter returns a Writer over an empty corpus folder and a new
// index beside it.
func newTestWriter(t *testing.T) (*Writer, *bleve.Index, string) {
	t.Helper()
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	if err := os.Mkdir(corpus, 0o755); err != nil {
		t.Fatal(err)
	}
	idx, err := bleve.Create(filepath.Join(dir, "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	return NewWriter(idx, corpus, filepath.Join(dir, "index"), Options{}), idx, corpus
}

// TestWriter adds, reindexes and deletes documents through the Writer over
// a real index, and checks the codes of the errors a client acts on.
func TestWriter(t *testing.T) {
	w, idx, corpus := newTestWriter(t)
	ctx := context.Background()

	doc, err := w.Add(ctx, "Nota Choluteca.md", []byte("# Nota de Choluteca\n\nLa mesa municipal atiende a personas retornadas."), []byte(`{"countries": ["HND"]}`))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Source != "uploads/nota-choluteca.md" || doc.Format != "markdown" {
		t.Errorf("added %q as %q", doc.Source, doc.Format)
	}
	if _, err := os.Stat(filepath.Join(corpus, "uploads", "nota-choluteca.md.meta.json")); err != nil {
		t.Errorf("sidecar not stored: %v", err)
	}
	again, err := w.Add(ctx, "Nota Choluteca.md", []byte("otra nota"), nil)
	if err != nil || again.Source != "uploads/nota-choluteca-2.md" {
		t.Fatalf("second upload of one name: %v, %+v", err, again)
	}

	for _, tc := range []struct {
		name    string
		file    string
		data    string
		sidecar string
		code    search.Code
	}{
		{"unknown sidecar field", "a.txt", "x", `{"titel": "x"}`, search.CodeInvalid},
		{"unreadable pdf", "broken.pdf", "%PDF-1.4 not really", "", search.CodeUnprocessable},
	} {
		_, err := w.Add(ctx, tc.file, []byte(tc.data), []byte(tc.sidecar))
		if got := search.ErrorCode(err); got != tc.code {
			t.Errorf("%s: code %q (%v), want %q", tc.name, got, err, tc.code)
		}
	}
	if _, err := os.Stat(filepath.Join(corpus, "uploads", "broken.pdf")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a file that could not be indexed stays in the corpus: %v", err)
	}

	rep, err := w.Reindex(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Files != 2 || rep.Documents != 2 || rep.Unchanged != 2 || len(rep.Failed) != 0 || rep.Failures == nil {
		t.Errorf("reindex: %+v", rep)
	}

	if err := w.Delete(ctx, doc.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := idx.Document(ctx, doc.ID); !errors.Is(err, search.ErrNotFound) {
		t.Errorf("deleted document still there: %v", err)
	}
	if err := w.Delete(ctx, doc.ID); search.ErrorCode(err) != search.CodeNotFound {
		t.Errorf("second delete: %v", err)
	}
	trash, _ := filepath.Glob(filepath.Join(filepath.Dir(corpus), trashDirName, "*nota-choluteca.md*"))
	if len(trash) != 2 {
		t.Errorf("deleted original and sidecar not in the trash: %v", trash)
	}

	w.Close()
	if _, err := w.Reindex(ctx); search.ErrorCode(err) != search.CodeUnavailable {
		t.Errorf("reindex after Close: %v", err)
	}
}
