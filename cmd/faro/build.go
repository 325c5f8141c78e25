package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"faro/indexer"
	"faro/search"
	"faro/search/bleve"
)

// indexExists reports whether dir holds something (an empty or missing
// folder does not count).
func indexExists(dir string) bool {
	ents, err := os.ReadDir(dir)
	return err == nil && len(ents) > 0
}

// recordingSink passes documents on and remembers their ids.
type recordingSink struct {
	search.Sink
	ids map[string]bool
}

func (r *recordingSink) Put(ctx context.Context, d *search.Document) error {
	r.ids[d.ID] = true
	return r.Sink.Put(ctx, d)
}

// buildIndex indexes corpus into dir. With rebuild, or when dir holds no
// index, it builds a new index beside dir and swaps it in, so a failed run
// never leaves a half-built index behind. Otherwise it updates the index in
// place: documents are replaced and those whose files are gone are deleted.
func buildIndex(ctx context.Context, log *slog.Logger, corpus, dir string, rebuild bool, progress io.Writer) (*indexer.Report, error) {
	if st, err := os.Stat(corpus); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("corpus folder %q not found (set --corpus or FARO_CORPUS)", corpus)
	}
	opts := indexer.Options{Logger: log}
	if progress != nil {
		opts.Progress = progressBar(progress)
	}
	if rebuild || !indexExists(dir) {
		if err := os.MkdirAll(filepath.Dir(filepath.Clean(dir)), 0o755); err != nil {
			return nil, fmt.Errorf("create index parent: %w", err)
		}
		tmp, err := os.MkdirTemp(filepath.Dir(filepath.Clean(dir)), filepath.Base(dir)+".new-")
		if err != nil {
			return nil, fmt.Errorf("create index: %w", err)
		}
		os.Remove(tmp) // bleve wants to create the folder itself
		defer os.RemoveAll(tmp)
		idx, err := bleve.Create(tmp)
		if err != nil {
			return nil, err
		}
		rep, err := indexer.Run(ctx, corpus, idx, opts)
		if cerr := idx.Close(); err == nil && cerr != nil {
			err = cerr
		}
		if err != nil {
			return rep, err
		}
		return rep, swapDir(tmp, dir)
	}
	idx, err := bleve.Open(dir)
	if err != nil {
		return nil, err
	}
	rec := &recordingSink{Sink: idx, ids: map[string]bool{}}
	rep, err := indexer.Run(ctx, corpus, rec, opts)
	if err == nil {
		err = idx.Flush(ctx)
	}
	if err == nil {
		var ids []string
		if ids, err = idx.IDs(ctx); err == nil {
			for _, id := range ids {
				if !rec.ids[id] {
					log.Info("remove document whose file is gone", "id", id)
					if err = idx.Delete(ctx, id); err != nil {
						break
					}
				}
			}
		}
	}
	if cerr := idx.Close(); err == nil && cerr != nil {
		err = cerr
	}
	return rep, err
}

// swapDir replaces dst by src: dst is moved aside first, then removed.
func swapDir(src, dst string) error {
	old := ""
	if _, err := os.Stat(dst); err == nil {
		old = dst + ".old"
		os.RemoveAll(old)
		if err := os.Rename(dst, old); err != nil {
			return fmt.Errorf("replace index %q: %w", dst, err)
		}
	}
	if err := os.Rename(src, dst); err != nil {
		if old != "" {
			os.Rename(old, dst)
		}
		return fmt.Errorf("replace index %q: %w", dst, err)
	}
	if old != "" {
		os.RemoveAll(old)
	}
	return nil
}

// openOrBuild opens the index at dir, building it from corpus first when
// there is none.
func openOrBuild(ctx context.Context, log *slog.Logger, corpus, dir string, progress io.Writer) (*bleve.Index, error) {
	if !indexExists(dir) {
		log.Info("no index yet: indexing the corpus", "corpus", corpus, "index", dir)
		rep, err := buildIndex(ctx, log, corpus, dir, true, progress)
		if err != nil {
			return nil, err
		}
		logReport(log, rep)
	}
	idx, err := bleve.Open(dir)
	if errors.Is(err, bleve.ErrVersion) {
		return nil, err
	}
	return idx, err
}

func logReport(log *slog.Logger, rep *indexer.Report) {
	log.Info("indexed", "files", rep.Files, "documents", rep.Indexed, "flagged", rep.Flagged,
		"failed", len(rep.Errors), "took", rep.Took.Round(1e6))
}

// progressBar draws a one-line bar on a terminal; elsewhere it prints
// nothing (the summary follows at the end).
func progressBar(w io.Writer) func(indexer.Progress) {
	f, ok := w.(*os.File)
	if !ok {
		return nil
	}
	if st, err := f.Stat(); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	return func(p indexer.Progress) {
		const width = 30
		n := width * p.Done / max(p.Total, 1)
		name := p.File
		if len(name) > 40 {
			name = "…" + name[len(name)-39:]
		}
		fmt.Fprintf(w, "\r[%s%s] %d/%d %-40s", strings.Repeat("█", n), strings.Repeat("·", width-n), p.Done, p.Total, name)
		if p.Done == p.Total {
			fmt.Fprintln(w)
		}
	}
}
