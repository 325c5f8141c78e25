package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"faro/indexer"
	"faro/indexer/extract"
	"faro/search/bleve"
)

// indexExists reports whether dir holds something (an empty or missing
// folder does not count).
func indexExists(dir string) bool {
	ents, err := os.ReadDir(dir)
	return err == nil && len(ents) > 0
}

func checkCorpus(corpus string) error {
	if st, err := os.Stat(corpus); err != nil || !st.IsDir() {
		return fmt.Errorf("corpus folder %q not found (set --corpus or FARO_CORPUS)", corpus)
	}
	return nil
}

// buildIndex indexes corpus into dir. With rebuild, or when dir holds no
// index, it builds a new index beside dir and swaps it in, so a failed or
// killed run never leaves a half-built index behind: the previous one keeps
// serving. Otherwise it updates the index in place (see updateIndex).
func buildIndex(ctx context.Context, log *slog.Logger, pdf extract.PDFRunner, corpus, dir string, rebuild bool, progress io.Writer) (*indexer.Report, error) {
	if err := checkCorpus(corpus); err != nil {
		return nil, err
	}
	if !rebuild && indexExists(dir) {
		idx, err := bleve.Open(dir)
		if err != nil {
			return nil, err
		}
		rep, err := updateIndex(ctx, log, pdf, idx, corpus, progress)
		if cerr := idx.Close(); err == nil && cerr != nil {
			err = cerr
		}
		return rep, err
	}
	parent, base := filepath.Dir(filepath.Clean(dir)), filepath.Base(filepath.Clean(dir))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("create index folder: %w", err)
	}
	// Leftovers of a run that was killed.
	if stale, _ := filepath.Glob(filepath.Join(parent, base+".new-*")); len(stale) > 0 {
		for _, s := range stale {
			log.Info("remove unfinished index of an earlier run", "dir", s)
			os.RemoveAll(s)
		}
	}
	tmp, err := os.MkdirTemp(parent, base+".new-")
	if err != nil {
		return nil, fmt.Errorf("create index: %w", err)
	}
	defer os.RemoveAll(tmp)
	path := filepath.Join(tmp, "index")
	idx, err := bleve.Create(path)
	if err != nil {
		return nil, err
	}
	rep, err := indexer.Run(ctx, corpus, idx, indexerOptions(log, pdf, progress, nil))
	if cerr := idx.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return rep, err
	}
	return rep, swapDir(path, dir)
}

// updateIndex brings an open index up to date with the corpus: new and
// changed files are indexed, unchanged ones skipped (by content hash), and
// documents whose files are gone are deleted.
func updateIndex(ctx context.Context, log *slog.Logger, pdf extract.PDFRunner, idx *bleve.Index, corpus string, progress io.Writer) (*indexer.Report, error) {
	if err := checkCorpus(corpus); err != nil {
		return nil, err
	}
	known, err := idx.Hashes(ctx)
	if err != nil {
		return nil, err
	}
	rep, err := indexer.Run(ctx, corpus, idx, indexerOptions(log, pdf, progress, known))
	if err != nil {
		return rep, err
	}
	if err := idx.Flush(ctx); err != nil {
		return rep, err
	}
	for _, src := range rep.Removed {
		log.Info("remove document whose file is gone", "source", src)
		if err := idx.Delete(ctx, indexer.DocumentID(src)); err != nil {
			return rep, err
		}
	}
	return rep, nil
}

func indexerOptions(log *slog.Logger, pdf extract.PDFRunner, progress io.Writer, known map[string]string) indexer.Options {
	opts := indexer.Options{Logger: log, Known: known, PDFRunner: pdf}
	if progress != nil {
		opts.Progress = progressReporter(progress, log)
	}
	return opts
}

// swapDir replaces dst by src with renames: dst is moved aside, src takes
// its place, then the old one is removed. Each step is atomic; a crash
// between them leaves dst.old, which the next swap clears.
func swapDir(src, dst string) error {
	old := dst + ".old"
	os.RemoveAll(old)
	moved := false
	if _, err := os.Stat(dst); err == nil {
		if err := os.Rename(dst, old); err != nil {
			return fmt.Errorf("replace index %q: %w", dst, err)
		}
		moved = true
	}
	if err := os.Rename(src, dst); err != nil {
		if moved {
			os.Rename(old, dst)
		}
		return fmt.Errorf("replace index %q: %w", dst, err)
	}
	os.RemoveAll(old)
	return nil
}

// openOrBuild opens the index at dir, building it from corpus first when
// there is none.
func openOrBuild(ctx context.Context, log *slog.Logger, pdf extract.PDFRunner, corpus, dir string, progress io.Writer) (*bleve.Index, error) {
	if !indexExists(dir) {
		// A crash during a swap may have left only the previous index aside.
		if indexExists(dir + ".old") {
			if err := os.Rename(dir+".old", dir); err == nil {
				log.Warn("restored the previous index left by an interrupted swap", "index", dir)
			}
		}
	}
	if !indexExists(dir) {
		log.Info("no index yet: indexing the corpus", "corpus", corpus, "index", dir)
		rep, err := buildIndex(ctx, log, pdf, corpus, dir, true, progress)
		if err != nil {
			return nil, err
		}
		logReport(log, rep)
	}
	return bleve.Open(dir)
}

func logReport(log *slog.Logger, rep *indexer.Report) {
	log.Info("indexed", "files", rep.Files, "added", rep.Added, "updated", rep.Updated, "unchanged", rep.Unchanged,
		"removed", len(rep.Removed), "pages", rep.Pages, "flagged", rep.Flagged, "failed", len(rep.Errors), "took", rep.Took.Round(time.Millisecond).String())
}

// progressReporter draws a bar with rate and ETA on a terminal; elsewhere
// it logs a line every few seconds.
func progressReporter(w io.Writer, log *slog.Logger) func(indexer.Progress) {
	start := time.Now()
	terminal := false
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			terminal = true
		}
	}
	last := time.Time{}
	return func(p indexer.Progress) {
		elapsed := time.Since(start)
		rate := float64(p.Done) / max(elapsed.Seconds(), 1e-3)
		eta := time.Duration(float64(p.Total-p.Done)/max(rate, 1e-9)) * time.Second
		if !terminal {
			if time.Since(last) >= 5*time.Second || p.Done == p.Total {
				last = time.Now()
				log.Info("indexing", "done", p.Done, "total", p.Total, "files_per_s", fmt.Sprintf("%.1f", rate))
			}
			return
		}
		const width = 28
		n := width * p.Done / max(p.Total, 1)
		name := p.File
		if len(name) > 32 {
			name = "…" + name[len(name)-31:]
		}
		fmt.Fprintf(w, "\r[%s%s] %d/%d %5.1f files/s ETA %-6s %-32s", strings.Repeat("█", n), strings.Repeat("·", width-n),
			p.Done, p.Total, rate, (eta / time.Second * time.Second).String(), name)
		if p.Done == p.Total {
			fmt.Fprintln(w)
		}
	}
}

// writeSummary prints the end-of-run table of `faro index`.
func writeSummary(w io.Writer, rep *indexer.Report, dir string) {
	fmt.Fprintf(w, "indexed %d documents from %d files in %s into %s (%d flagged, %d failed)\n",
		rep.Indexed, rep.Files, rep.Took.Round(time.Millisecond), dir, rep.Flagged, len(rep.Errors))
	fmt.Fprintf(w, "  %-10s %6d\n  %-10s %6d\n  %-10s %6d\n  %-10s %6d\n  %-10s %6d\n",
		"added", rep.Added, "updated", rep.Updated, "unchanged", rep.Unchanged, "removed", len(rep.Removed), "pages", rep.Pages)
	if len(rep.Errors) == 0 {
		return
	}
	byReason := map[string][]indexer.FileError{}
	for _, e := range rep.Errors {
		byReason[e.Reason()] = append(byReason[e.Reason()], e)
	}
	reasons := slices.Sorted(maps.Keys(byReason))
	fmt.Fprintln(w, "failures by reason:")
	for _, r := range reasons {
		fmt.Fprintf(w, "  %-12s %4d\n", r, len(byReason[r]))
		for _, e := range byReason[r] {
			fmt.Fprintf(w, "    failed: %s\n", e.Error())
		}
	}
}
