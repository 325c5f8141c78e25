package corpus

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"faro/search/bleve"
	"faro/search/web"
)

const testToken = "tombstone-test-token-0123456789"

// serveWriter serves w's index over a real HTTP server with the write API
// and w's tombstones.
func serveWriter(t *testing.T, w *Writer, idx *bleve.Index) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(web.New(idx, web.Options{Writer: w, AdminToken: testToken, Tombstones: w.Tombstones()}))
	t.Cleanup(srv.Close)
	return srv
}

func httpDo(t *testing.T, method, url, lang string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+testToken)
	if lang != "" {
		req.Header.Set("Accept-Language", lang)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestTombstones deletes an upload through the API and checks that its id
// answers 410 Gone with the date, in JSON and on the page in both
// languages, and that no later upload takes the id: not while the trash
// holds the original, nor after the trash is emptied and the index rebuilt.
func TestTombstones(t *testing.T) {
	w, idx, corpus := newTestWriter(t)
	indexDir := filepath.Join(filepath.Dir(corpus), "index")
	ctx := context.Background()
	doc, err := w.Add(ctx, "report.md", []byte("# Informe\n\nRetorno asistido en Choluteca."), nil)
	if err != nil {
		t.Fatal(err)
	}
	srv := serveWriter(t, w, idx)
	if code, body := httpDo(t, "GET", srv.URL+"/api/v1/documents/"+doc.ID, ""); code != 200 {
		t.Fatalf("before deletion: %d %s", code, body)
	}
	if code, body := httpDo(t, "DELETE", srv.URL+"/api/v1/documents/"+doc.ID, ""); code != http.StatusNoContent {
		t.Fatalf("delete: %d %s", code, body)
	}
	today := time.Now().UTC().Format(time.DateOnly)
	check := func(t *testing.T, srv *httptest.Server) {
		t.Helper()
		code, body := httpDo(t, "GET", srv.URL+"/api/v1/documents/"+doc.ID, "")
		var gone struct{ Error, Removed string }
		if code != http.StatusGone || json.Unmarshal([]byte(body), &gone) != nil || !strings.HasPrefix(gone.Removed, today) || !strings.Contains(gone.Error, "removed on "+today) {
			t.Errorf("API after deletion: %d %s", code, body)
		}
		for _, tc := range []struct{ lang, want string }{{"en", "removed from the collection on " + today}, {"es", "retirado de la colección el " + today}} {
			if code, body := httpDo(t, "GET", srv.URL+"/documents/"+doc.ID, tc.lang); code != http.StatusGone || !strings.Contains(body, tc.want) {
				t.Errorf("page (%s) after deletion: %d, want 410 with %q", tc.lang, code, tc.want)
			}
		}
		if code, _ := httpDo(t, "GET", srv.URL+"/documents/"+doc.ID+"/file", ""); code != http.StatusGone {
			t.Errorf("file after deletion: %d, want 410", code)
		}
		if code, _ := httpDo(t, "GET", srv.URL+"/api/v1/documents/never-was", ""); code != http.StatusNotFound {
			t.Errorf("unknown id: %d, want 404", code)
		}
	}
	check(t, srv)
	again, err := w.Add(ctx, "report.md", []byte("# Otro informe\n\nOtro texto."), nil)
	if err != nil || again.ID == doc.ID {
		t.Fatalf("upload after deletion took the deleted id: %v %+v", err, again)
	}

	// Empty the trash and rebuild the index from the corpus: the tombstone
	// stays, and a third upload of the name still gets a new id.
	w.Close()
	idx.Close()
	if err := os.RemoveAll(filepath.Join(filepath.Dir(indexDir), trashDirName)); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(ctx, corpus, indexDir, true, Options{}); err != nil {
		t.Fatal(err)
	}
	idx2, err := bleve.Open(indexDir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx2.Close() })
	w2 := NewWriter(idx2, corpus, indexDir, Options{})
	defer w2.Close()
	third, err := w2.Add(ctx, "report.md", []byte("# Tercero\n\nTexto."), nil)
	if err != nil || third.ID == doc.ID || third.ID == again.ID {
		t.Fatalf("upload after rebuild and empty trash: %v %+v (deleted %s)", err, third, doc.ID)
	}
	check(t, serveWriter(t, w2, idx2))
}
