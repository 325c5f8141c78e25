package corpus

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"faro/indexer/extract"
	"faro/search/bleve"
	"faro/search/web"
)

// heldPDF is a PDF runner whose extraction waits until release closes:
// a reindex stays running while the test looks at /readyz.
type heldPDF struct{ started, release chan struct{} }

func (h heldPDF) ExtractPDF(ctx context.Context, _ string, _ []byte) (*extract.Result, error) {
	select {
	case h.started <- struct{}{}:
	default:
	}
	select {
	case <-h.release:
	case <-ctx.Done():
	}
	return nil, errors.New("held extraction released")
}

type readyBody struct {
	Status     string
	Documents  int
	Rebuilding *web.Rebuild
}

func getReady(t *testing.T, url string) (int, readyBody) {
	t.Helper()
	resp, err := http.Get(url + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b readyBody
	if err := json.NewDecoder(resp.Body).Decode(&b); err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, b
}

// TestReadyzSaysWhatIsRebuilt runs a reindex held on its PDF over a real
// index and HTTP server: /readyz answers 200 (searches go on) with what is
// being rebuilt and how far, and drops the note once it is done.
func TestReadyzSaysWhatIsRebuilt(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	os.MkdirAll(corpus, 0o755)
	for _, n := range []string{"a.md", "b.md", "c.md"} {
		if err := os.WriteFile(filepath.Join(corpus, n), []byte("# "+n+"\n\nRetorno asistido."), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(corpus, "d.pdf"), []byte("%PDF-1.4 held"), 0o644); err != nil {
		t.Fatal(err)
	}
	indexDir := filepath.Join(dir, "index")
	idx, err := bleve.Create(indexDir)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	held := heldPDF{started: make(chan struct{}, 1), release: make(chan struct{})}
	w := NewWriter(idx, corpus, indexDir, Options{PDFRunner: held})
	defer w.Close()
	if !idx.Warm(context.Background()) {
		t.Fatal("search tables not built")
	}
	srv := serveWriter(t, w, idx)

	if code, b := getReady(t, srv.URL); code != 200 || b.Rebuilding != nil {
		t.Fatalf("idle: %d %+v", code, b)
	}
	done := make(chan error, 1)
	go func() { _, err := w.Reindex(context.Background()); done <- err }()
	select {
	case <-held.started:
	case <-time.After(30 * time.Second):
		t.Fatal("the reindex never reached the PDF")
	}
	code, b := getReady(t, srv.URL)
	if code != 200 || b.Status != "ready" || b.Rebuilding == nil || b.Rebuilding.What != "reindex" || b.Rebuilding.Total != 4 || b.Rebuilding.Since.IsZero() {
		t.Errorf("during the reindex: %d %+v %+v", code, b, b.Rebuilding)
	}
	close(held.release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if code, b := getReady(t, srv.URL); code != 200 || b.Rebuilding != nil || b.Documents != 3 {
		t.Errorf("after the reindex: %d %+v", code, b)
	}
}
