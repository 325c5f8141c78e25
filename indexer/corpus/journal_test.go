package corpus

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"faro/indexer"
	"faro/search"
	"faro/search/bleve"
)

// TestJournalCrashAtEachStep stops an upload and a deletion right after
// each of their journal steps, as if the process died there, then closes
// the index, reopens it with a new writer and recovers: an upload that
// was never acknowledged is gone from both the corpus and the index (one
// stopped after its commit is kept), a deletion is complete whatever step
// it reached, the corpus and the index agree, and the journal is empty.
func TestJournalCrashAtEachStep(t *testing.T) {
	ctx := context.Background()
	steps := []string{stepIntent, stepFile, stepIndex, stepCommit}
	for _, op := range []string{opUpload, opDelete} {
		for _, step := range steps {
			t.Run(op+"/"+step, func(t *testing.T) {
				w, idx, corpus, path := startFresh(t)
				if _, err := w.Add(ctx, "kept.md", []byte("# Kept\n\nUna nota sobre Choluteca."), nil); err != nil {
					t.Fatal(err)
				}
				victim, err := w.Add(ctx, "victim.md", []byte("# Victim\n\nLa palabra esmeralda."), []byte(`{"countries": ["HND"]}`))
				if err != nil {
					t.Fatal(err)
				}
				w.crashAt = func(o, s string) bool { return o == op && s == step }
				var id, src string
				switch op {
				case opUpload:
					_, err = w.Add(ctx, "new.md", []byte("# New\n\nLa palabra zafiro."), []byte(`{"countries": ["GTM"]}`))
					src = "uploads/new.md"
					id = indexer.DocumentID(src)
				case opDelete:
					err = w.Delete(ctx, victim.ID)
					id, src = victim.ID, victim.Source
				}
				if !errors.Is(err, errCrashed) {
					t.Fatalf("%s stopped after %s: %v", op, step, err)
				}
				if fi, err := os.Stat(JournalPath(path)); step != stepCommit && (err != nil || fi.Size() == 0) {
					t.Fatalf("journal after a stop at %s: %v", step, err)
				}
				w, idx, rec := dieAndRecover(t, w, idx, corpus, path)

				wantKept := op == opUpload && step == stepCommit
				_, ferr := os.Stat(filepath.Join(corpus, filepath.FromSlash(src)))
				_, derr := idx.Document(ctx, id)
				if inCorpus, inIndex := ferr == nil, derr == nil; inCorpus != wantKept || inIndex != wantKept {
					t.Errorf("%s: file in corpus %v, document in index %v (%v); want %v", id, inCorpus, inIndex, derr, wantKept)
				}
				if _, err := os.Stat(filepath.Join(corpus, filepath.FromSlash(src)) + sidecarSuffix); (err == nil) != wantKept {
					t.Errorf("%s: sidecar in corpus %v, want %v", id, err == nil, wantKept)
				}
				if op == opDelete && !errors.Is(derr, search.ErrNotFound) {
					t.Errorf("deleted %s: %v", id, derr)
				}
				if op == opDelete {
					if _, ok := w.Tombstones().Removed(id); !ok {
						t.Errorf("deleted %s has no tombstone", id)
					}
				}
				switch {
				case op == opUpload && step != stepCommit && !slices.Equal(rec.RolledBack, []string{src}):
					t.Errorf("rolled back %v, want [%s]", rec.RolledBack, src)
				case op == opDelete && step != stepCommit && !slices.Equal(rec.Completed, []string{id}):
					t.Errorf("completed %v, want [%s]", rec.Completed, id)
				case step == stepCommit && len(rec.RolledBack)+len(rec.Completed) != 0:
					t.Errorf("a committed %s redone: %+v", op, rec)
				}
				if n := total(t, idx, "choluteca"); n != 1 {
					t.Errorf("the earlier upload: %d hits", n)
				}
				// The corpus and the index agree: reconciling finds nothing.
				r, err := Reconcile(ctx, idx, corpus, Options{})
				if err != nil {
					t.Fatal(err)
				}
				if len(r.Indexed)+len(r.Removed)+len(r.Failed) != 0 {
					t.Errorf("corpus and index disagree after recovery: %+v", r)
				}
				if fi, err := os.Stat(JournalPath(path)); err == nil && fi.Size() != 0 {
					t.Errorf("journal holds %d bytes after recovery", fi.Size())
				}
				// Writes go on, and empty the journal behind them.
				if _, err := w.Add(ctx, "after.md", []byte("# After\n\nOtra nota."), nil); err != nil {
					t.Fatal(err)
				}
				if fi, err := os.Stat(JournalPath(path)); err == nil && fi.Size() != 0 {
					t.Errorf("journal holds %d bytes after a committed upload", fi.Size())
				}
			})
		}
	}
}

// TestJournalClaimOfATakenName covers the uploads of one name: a second
// upload stopped at its intent leaves the first one's file and document
// alone, and an intent journaled for a name that an acknowledged upload
// holds (a crash between a failed exclusive create and its abort) rolls
// nothing of that upload back.
func TestJournalClaimOfATakenName(t *testing.T) {
	ctx := context.Background()
	for _, how := range []string{"second upload", "stale intent"} {
		t.Run(how, func(t *testing.T) {
			w, idx, corpus, path := startFresh(t)
			first, err := w.Add(ctx, "note.md", []byte("# Note\n\nLa palabra turquesa."), nil)
			if err != nil {
				t.Fatal(err)
			}
			switch how {
			case "second upload":
				w.crashAt = func(o, s string) bool { return o == opUpload && s == stepIntent }
				if _, err := w.Add(ctx, "note.md", []byte("# Note\n\nLa palabra ámbar."), nil); !errors.Is(err, errCrashed) {
					t.Fatalf("second upload: %v", err)
				}
			case "stale intent":
				if _, err := w.journal.begin(opUpload, first.Source, first.ID); err != nil {
					t.Fatal(err)
				}
			}
			_, idx, _ = dieAndRecover(t, w, idx, corpus, path)
			if _, err := os.Stat(filepath.Join(corpus, filepath.FromSlash(first.Source))); err != nil {
				t.Errorf("the acknowledged upload's file: %v", err)
			}
			if _, err := idx.Document(ctx, first.ID); err != nil {
				t.Errorf("the acknowledged upload's document: %v", err)
			}
			if n := total(t, idx, "turquesa"); n != 1 {
				t.Errorf("the acknowledged upload: %d hits", n)
			}
		})
	}
}

// startFresh returns a writer over a new index and an empty corpus, as a
// first start leaves them.
func startFresh(t *testing.T) (w *Writer, idx *bleve.Index, corpus, path string) {
	t.Helper()
	dir := t.TempDir()
	corpus, path = filepath.Join(dir, "corpus"), filepath.Join(dir, "index")
	if err := os.Mkdir(corpus, 0o755); err != nil {
		t.Fatal(err)
	}
	idx, err := bleve.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w = NewWriter(idx, corpus, path, Options{})
	if _, err := w.Recover(context.Background()); err != nil {
		t.Fatal(err)
	}
	return w, idx, corpus, path
}

// dieAndRecover stops w as a dying process would (its index closed as it
// is), reopens the index with a new writer and recovers; the index is
// closed when the test ends.
func dieAndRecover(t *testing.T, w *Writer, idx *bleve.Index, corpus, path string) (*Writer, *bleve.Index, *Recovery) {
	t.Helper()
	w.cancel()
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}
	idx, err := bleve.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	w = NewWriter(idx, corpus, path, Options{})
	rec, err := w.Recover(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return w, idx, rec
}
