package corpus

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"faro/format"
	"faro/indexer"
	"faro/search/bleve"
)

// A crash between an upload's file and its index write, or between a
// deletion's move out of the corpus and its index write, leaves the two
// apart: a file nobody can find, or a document whose original is gone.
// Reconcile repairs both at start by comparing the corpus's file names with
// the index's sources (cheap: no file is read unless it is missing from the
// index). A reindex that was stopped leaves a marker beside the index, and
// the next start runs the whole reindex again instead.

// Reconciliation is what Reconcile found and did.
type Reconciliation struct {
	// Files is how many corpus files were compared; Documents how many
	// documents the index held.
	Files, Documents int
	// Indexed are the files that were in the corpus but not in the index
	// and are now; Failed those of them that could not be indexed.
	Indexed, Failed []string
	// Removed are the documents whose files were gone, removed from the
	// index.
	Removed []string
	Took    time.Duration
}

// Reconcile makes the index hold a document for every indexable corpus
// file and no document whose file is gone. Files already indexed are not
// read (a changed file is the reindex's job); a file that fails is
// reported and tried again at the next reconciliation.
func Reconcile(ctx context.Context, idx *bleve.Index, corpus string, opts Options) (*Reconciliation, error) {
	start := time.Now()
	if err := checkCorpus(corpus); err != nil {
		return nil, err
	}
	files, err := indexer.Files(corpus)
	if err != nil {
		return nil, err
	}
	known, err := idx.Hashes(ctx)
	if err != nil {
		return nil, err
	}
	rec := &Reconciliation{Files: len(files), Documents: len(known)}
	inCorpus := make(map[string]bool, len(files))
	for i, f := range files {
		if opts.Progress != nil {
			opts.Progress(indexer.Progress{Done: i, Total: len(files), File: f})
		}
		inCorpus[f] = true
		if _, ok := known[f]; ok {
			continue
		}
		if _, ok := format.ByExt(format.Ext(f)); !ok {
			continue
		}
		if _, err := indexer.IndexFile(ctx, corpus, f, idx, indexer.Options{PDFRunner: opts.PDFRunner}); err != nil {
			var fe indexer.FileError
			if !errors.As(err, &fe) {
				return rec, fmt.Errorf("reconcile %s: %w", f, err)
			}
			rec.Failed = append(rec.Failed, f)
			continue
		}
		rec.Indexed = append(rec.Indexed, f)
	}
	if err := idx.Flush(ctx); err != nil {
		return rec, fmt.Errorf("reconcile: %w", err)
	}
	for src := range known {
		if inCorpus[src] || !filepath.IsLocal(filepath.FromSlash(src)) {
			continue
		}
		if _, err := os.Lstat(filepath.Join(corpus, filepath.FromSlash(src))); !errors.Is(err, os.ErrNotExist) {
			continue // there, though not listed (ignored, hidden): left to the reindex
		}
		if err := idx.Delete(ctx, indexer.DocumentID(src)); err != nil {
			return rec, fmt.Errorf("reconcile: remove %s: %w", src, err)
		}
		rec.Removed = append(rec.Removed, src)
	}
	rec.Took = time.Since(start)
	return rec, nil
}

// reindexMarker is the file beside the index folder dir that says a
// reindex is running; one left at start says it was stopped.
func reindexMarker(dir string) string { return filepath.Clean(dir) + ".reindexing" }

// Reconcile runs the start-time repair over the writer's corpus and index
// (see the package function), with uploads and deletions waiting. When the
// last reindex was stopped before it finished, it runs the reindex again
// instead.
func (w *Writer) Reconcile(ctx context.Context) error {
	rb, err := w.Recover(ctx)
	if err != nil {
		return noSpace(err, "index", "the interrupted uploads and deletions could not be finished")
	}
	if len(rb.RolledBack)+len(rb.Completed) > 0 {
		w.log.Warn("interrupted writes finished", "uploads_rolled_back", len(rb.RolledBack), "deletions_completed", len(rb.Completed))
	}
	if _, err := os.Stat(reindexMarker(w.indexDir)); err == nil {
		w.log.Warn("the last reindex did not finish: running it again", "index", w.indexDir)
		_, err := w.Reindex(ctx)
		return err
	}
	ctx, cancel := w.bind(ctx)
	defer cancel()
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed.Load() {
		return errClosed
	}
	opts, done := w.status.start("reconcile", w.opts)
	rec, err := Reconcile(ctx, w.idx, w.corpus, opts)
	done()
	if err != nil {
		return noSpace(err, "index", "the corpus and the index could not be reconciled")
	}
	if err := w.bury(rec.Removed...); err != nil {
		w.log.Error("record the tombstones of removed documents", "err", err)
	}
	// The site model the first upload of a web page needs is learnt now,
	// at start, rather than in that upload (a walk of the whole corpus,
	// a quarter of a second at 100k files, while searches are served).
	w.learnSites(ctx)
	if len(rec.Indexed)+len(rec.Removed)+len(rec.Failed) == 0 {
		w.log.Info("corpus and index agree", "files", rec.Files, "documents", rec.Documents, "took_ms", rec.Took.Milliseconds())
		return nil
	}
	w.log.Warn("corpus and index reconciled", "files", rec.Files, "documents", rec.Documents,
		"indexed", rec.Indexed, "removed", rec.Removed, "failed", rec.Failed, "took_ms", rec.Took.Milliseconds())
	return nil
}
