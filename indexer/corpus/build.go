package corpus

import (
	"context"
	"fmt"
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"time"

	"faro/indexer"
	"faro/indexer/extract"
	"faro/search/bleve"
	"faro/search/web"
)

// Options configure the indexing runs of this package. The zero value
// extracts in-process, logs nothing and records no metrics.
type Options struct {
	// Logger receives the runs' logs; nil discards them.
	Logger *slog.Logger
	// PDFRunner, when set, extracts PDFs elsewhere (worker processes, see
	// indexer/isolate).
	PDFRunner extract.PDFRunner
	// Progress, when set, is called after each file of a run.
	Progress func(indexer.Progress)
	// Metrics, when set, records every run ("build", "reindex",
	// "upload").
	Metrics *web.Metrics
	// Sites, when set, is the site boilerplate model runs learn into and
	// strip with (see indexer.Sites); give the same one to the build and
	// the Writer so uploads start from what the build learnt. nil: each
	// run learns its own.
	Sites *indexer.Sites
}

func (o Options) logger() *slog.Logger {
	if o.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return o.Logger
}

// indexer returns the options of an indexer run knowing the index's
// content hashes (nil: index everything).
func (o Options) indexer(known map[string]string) indexer.Options {
	return indexer.Options{Logger: o.logger(), Known: known, PDFRunner: o.PDFRunner, Progress: o.Progress, Sites: o.Sites}
}

// IndexExists reports whether dir holds something (an empty or missing
// folder does not count).
func IndexExists(dir string) bool {
	ents, err := os.ReadDir(dir)
	return err == nil && len(ents) > 0
}

func checkCorpus(corpus string) error {
	if st, err := os.Stat(corpus); err != nil || !st.IsDir() {
		return fmt.Errorf("corpus folder %q not found (set --corpus or FARO_CORPUS)", corpus)
	}
	return nil
}

// Build indexes corpus into the index folder dir. With rebuild, or when
// dir holds no index, it builds a new index beside dir and swaps it in, so
// a failed or killed run never leaves a half-built index behind: the
// previous one keeps serving. Otherwise it updates the index in place (see
// Update).
func Build(ctx context.Context, corpus, dir string, rebuild bool, opts Options) (*indexer.Report, error) {
	if err := checkCorpus(corpus); err != nil {
		return nil, err
	}
	if opts.Sites == nil {
		opts.Sites = indexer.NewSites()
	}
	rep, err := build(ctx, corpus, dir, rebuild, opts)
	if err == nil {
		saveSites(opts, dir)
	}
	return rep, err
}

// saveSites saves the site model a run learnt beside the index folder dir
// (indexer.SitesPath), for the server's first write; a failure is logged:
// the server then learns the model again.
func saveSites(opts Options, dir string) {
	if err := opts.Sites.Save(indexer.SitesPath(dir)); err != nil {
		opts.logger().Warn("the site model was not saved: the server learns it again at its start", "err", err)
	}
}

// build is Build once the corpus is checked and the site model set.
func build(ctx context.Context, corpus, dir string, rebuild bool, opts Options) (*indexer.Report, error) {
	if !rebuild && IndexExists(dir) {
		idx, err := bleve.Open(dir)
		if err != nil {
			return nil, err
		}
		rep, err := Update(ctx, idx, corpus, opts)
		if cerr := idx.Close(); err == nil && cerr != nil {
			err = cerr
		}
		if rep != nil && err == nil {
			err = buryIn(OpenTombstones(dir), rep.Removed)
		}
		return rep, err
	}
	log := opts.logger()
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
	rep, err := indexer.Run(ctx, corpus, idx, opts.indexer(nil))
	if cerr := idx.Close(); err == nil && cerr != nil {
		err = cerr
	}
	recordRun(opts.Metrics, "build", rep)
	if err != nil {
		return rep, err
	}
	return rep, swapDir(path, dir)
}

// Update brings an open index up to date with the corpus: new and changed
// files are indexed, unchanged ones skipped (by content hash), and
// documents whose files are gone are deleted.
func Update(ctx context.Context, idx *bleve.Index, corpus string, opts Options) (*indexer.Report, error) {
	if err := checkCorpus(corpus); err != nil {
		return nil, err
	}
	known, err := idx.Hashes(ctx)
	if err != nil {
		return nil, err
	}
	rep, err := indexer.Run(ctx, corpus, idx, opts.indexer(known))
	if err != nil {
		return rep, err
	}
	if err := idx.Flush(ctx); err != nil {
		return rep, err
	}
	for _, src := range rep.Removed {
		opts.logger().Info("remove document whose file is gone", "source", src)
		if err := idx.Delete(ctx, indexer.DocumentID(src)); err != nil {
			return rep, err
		}
	}
	return rep, nil
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

// OpenOrBuild opens the index at dir, building it from corpus first when
// there is none (or restoring the previous one an interrupted swap left
// aside).
func OpenOrBuild(ctx context.Context, corpus, dir string, opts Options) (*bleve.Index, error) {
	log := opts.logger()
	if !IndexExists(dir) {
		// A crash during a swap may have left only the previous index aside.
		if IndexExists(dir + ".old") {
			if err := os.Rename(dir+".old", dir); err == nil {
				log.Warn("restored the previous index left by an interrupted swap", "index", dir)
			}
		}
	}
	if !IndexExists(dir) {
		log.Info("no index yet: indexing the corpus", "corpus", corpus, "index", dir)
		rep, err := Build(ctx, corpus, dir, true, opts)
		if err != nil {
			return nil, err
		}
		LogReport(log, rep)
	}
	return bleve.Open(dir)
}

// LogReport logs the summary of a run and, when OCR had pages to read,
// what it did (the figures `faro index` prints): pages read from their
// image, of how many documents, their mean confidence, the pages below
// search.LowOCRConfidence, the time spent and the pages skipped by
// reason; a warning when Tesseract is missing and pages wait for it.
func LogReport(log *slog.Logger, rep *indexer.Report) {
	log.Info("indexed", "files", rep.Files, "added", rep.Added, "updated", rep.Updated, "unchanged", rep.Unchanged,
		"removed", len(rep.Removed), "pages", rep.Pages, "flagged", rep.Flagged, "failed", len(rep.Errors), "took", rep.Took.Round(time.Millisecond).String())
	s := rep.OCR
	if s.Pages > 0 || s.SkippedSummary() != "" {
		log.Info("ocr", "pages", s.Pages, "documents", s.Docs, "mean_confidence", math.Round(s.Confidence()*10)/10,
			"low_confidence", s.Low, "seconds", math.Round(s.Seconds), "skipped", s.SkippedSummary())
	}
	if n := s.Skipped[extract.SkipNoTesseract]; n > 0 {
		log.Warn("pages without text would be read by OCR: install Tesseract (Debian: apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-spa tesseract-ocr-fra tesseract-ocr-por) and index again", "pages", n)
	}
}

// failureReasons counts a run's failed files by reason.
func failureReasons(rep *indexer.Report) map[string]int {
	out := map[string]int{}
	for _, e := range rep.Errors {
		out[e.Reason()]++
	}
	return out
}

// recordRun feeds an indexing run to the metrics (m may be nil).
func recordRun(m *web.Metrics, op string, rep *indexer.Report) {
	if rep == nil {
		return
	}
	m.RecordIndexRun(web.IndexRun{Operation: op, Took: rep.Took, Documents: rep.Indexed, Failures: failureReasons(rep)})
}
