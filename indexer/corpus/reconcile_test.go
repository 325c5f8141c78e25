package corpus

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"faro/indexer"
	"faro/search"
)

// TestReconcile leaves the corpus and the index apart as a crash does (a
// file stored but not indexed, a document whose file was moved out) and
// checks that Reconcile repairs both, and then finds nothing to do.
func TestReconcile(t *testing.T) {
	ctx := context.Background()
	w, idx, corpus := newTestWriter(t)
	kept, err := w.Add(ctx, "kept.md", []byte("# Kept\n\nA note about Choluteca."), nil)
	if err != nil {
		t.Fatal(err)
	}
	gone, err := w.Add(ctx, "gone.md", []byte("# Gone\n\nA note about zafiro."), nil)
	if err != nil {
		t.Fatal(err)
	}
	// Crash after a deletion's move, before its index write.
	if err := os.Remove(filepath.Join(corpus, filepath.FromSlash(gone.Source))); err != nil {
		t.Fatal(err)
	}
	// Crash after an upload's file, before its index write.
	if err := os.WriteFile(filepath.Join(corpus, uploadsDir, "orphan.md"), []byte("# Orphan\n\nA note about esmeralda."), 0o644); err != nil {
		t.Fatal(err)
	}
	// A file of no known format is left alone.
	os.WriteFile(filepath.Join(corpus, uploadsDir, "notes.xyz"), []byte("?"), 0o644)

	rec, err := Reconcile(ctx, idx, corpus, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rec.Indexed, []string{"uploads/orphan.md"}) || !slices.Equal(rec.Removed, []string{gone.Source}) || len(rec.Failed) != 0 {
		t.Errorf("reconciliation: indexed %v, removed %v, failed %v", rec.Indexed, rec.Removed, rec.Failed)
	}
	for q, want := range map[string]uint64{"esmeralda": 1, "zafiro": 0, "choluteca": 1} {
		if n := total(t, idx, q); n != want {
			t.Errorf("after reconciling, %q: %d hits, want %d", q, n, want)
		}
	}
	if _, err := idx.Document(ctx, kept.ID); err != nil {
		t.Errorf("kept document: %v", err)
	}
	if _, err := idx.Document(ctx, indexer.DocumentID("uploads/orphan.md")); err != nil {
		t.Errorf("orphan document: %v", err)
	}
	rec, err = Reconcile(ctx, idx, corpus, Options{})
	if err != nil || len(rec.Indexed)+len(rec.Removed)+len(rec.Failed) != 0 {
		t.Errorf("second reconciliation: %+v, %v", rec, err)
	}
}

// TestStoppedReindexRunsAgain stops a reindex as a shutdown does: the
// request is answered unavailable, the marker stays, and the writer's
// next Reconcile runs the reindex again, which removes it.
func TestStoppedReindexRunsAgain(t *testing.T) {
	ctx := context.Background()
	w, idx, corpus := newTestWriter(t)
	for _, name := range []string{"a.md", "b.md", "c.md"} {
		os.MkdirAll(filepath.Join(corpus, "notes"), 0o755)
		os.WriteFile(filepath.Join(corpus, "notes", name), []byte("# "+name+"\n\nThe word cuarzo."), 0o644)
	}
	stopped := 0
	w.opts.Progress = func(indexer.Progress) {
		if stopped++; stopped == 1 {
			w.StopReindex()
		}
	}
	_, err := w.Reindex(ctx)
	if search.ErrorCode(err) != search.CodeUnavailable || !strings.Contains(err.Error(), "runs again") {
		t.Fatalf("stopped reindex: %v", err)
	}
	if _, err := os.Stat(reindexMarker(w.indexDir)); err != nil {
		t.Fatalf("marker of the stopped reindex: %v", err)
	}
	w.opts.Progress = nil
	if err := w.Reconcile(ctx); err != nil {
		t.Fatal(err)
	}
	if n := total(t, idx, "cuarzo"); n != 3 {
		t.Errorf("after the rerun: %d documents, want 3", n)
	}
	if _, err := os.Stat(reindexMarker(w.indexDir)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("marker left after the rerun: %v", err)
	}
}

// TestLockIndex: a second writer of one index is refused at once, or
// after its wait, with the holder named; a wait ends with its context; the
// lock is free again once released.
func TestLockIndex(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "index")
	first, err := LockIndex(ctx, dir, 0, "faro serve")
	if err != nil {
		t.Fatal(err)
	}
	_, err = LockIndex(ctx, dir, 0, "faro index")
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "faro serve (pid ") || !strings.Contains(err.Error(), "faro index --via http://") {
		t.Fatalf("second writer: %v", err)
	}
	_, err = LockIndex(ctx, dir, 50*time.Millisecond, "faro index")
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "after waiting") {
		t.Fatalf("second writer after a wait: %v", err)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := LockIndex(cctx, dir, time.Hour, "faro index"); !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "until stopped") {
		t.Fatalf("stopped wait: %v", err)
	}
	first.Unlock()
	second, err := LockIndex(ctx, dir, 0, "faro index")
	if err != nil {
		t.Fatalf("after release: %v", err)
	}
	second.Unlock()
}

// TestReconcileLearnsSites: the start-time reconciliation learns the
// corpus's site boilerplate model, which the first upload of a web page
// would otherwise learn, walking the whole corpus while searches wait.
func TestReconcileLearnsSites(t *testing.T) {
	w, _, corpus := newTestWriter(t)
	page := `<html><head><title>Retorno</title></head><body><nav>Inicio Noticias</nav><main><p>Guía de retorno y reintegración.</p></main></body></html>`
	if err := os.WriteFile(filepath.Join(corpus, "guia.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	if w.opts.Sites.Whole() {
		t.Fatal("the site model is learnt before the reconciliation")
	}
	if err := w.Reconcile(context.Background()); err != nil {
		t.Fatal(err)
	}
	if !w.opts.Sites.Whole() {
		t.Error("the reconciliation left the site model to the first upload")
	}
	// What it learnt is saved beside the index: the next start reads it
	// rather than every page of the corpus.
	saved := indexer.NewSites()
	if ok, err := saved.LoadFile(indexer.SitesPath(w.indexDir)); !ok || err != nil {
		t.Fatalf("the learnt site model was not saved: %v %v", ok, err)
	}
	if n, err := saved.LearnCorpus(context.Background(), corpus, indexer.Options{}); err != nil || n != 0 {
		t.Errorf("after loading the saved model, %d pages were learnt again: %v", n, err)
	}
}
