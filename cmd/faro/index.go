package main

import (
	"context"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"faro/indexer"
	"faro/indexer/corpus"
	"faro/indexer/extract"
	"faro/search"
	"faro/search/bleve"
)

func (a *app) index(ctx context.Context, args []string) error {
	fs := newFlags("index", a.stderr)
	c := fs.common()
	rebuild := fs.bool("rebuild", false, "build a new index from scratch and swap it in")
	x := fs.extraction()
	report := fs.bool("report", false, "list every empty, flagged and failed document at the end")
	check := fs.bool("check", false, "verify the index's files (root, segments, checksums) and exit; nothing is changed")
	lockWait := fs.duration("lock-wait", 0, "how long to wait while another faro process (a server, another run) writes the index (0 = give up at once)")
	via := fs.string("via", "", "ask the running server at this address (e.g. http://localhost:8080) to reindex its corpus instead of writing the index here")
	adminToken := fs.string("admin-token", "", "with --via: the server's admin token; prefer the environment variable")
	if err := fs.parse(args); err != nil {
		return err
	}
	if *via != "" {
		if *rebuild || *check {
			return fmt.Errorf("--via asks a server to update its index: it cannot be combined with --rebuild or --check")
		}
		return reindexVia(ctx, a.stdout, *via, *adminToken)
	}
	if *check {
		return checkIndex(a.stdout, *c.index)
	}
	lock, err := corpus.LockIndex(ctx, *c.index, *lockWait, "faro index")
	if err != nil {
		return err
	}
	defer lock.Unlock()
	log, err := newLogger(a.stderr, *c.logLevel)
	if err != nil {
		return err
	}
	defer indexer.TuneGCForBuild()()
	pool, err := x.pool(log)
	if err != nil {
		return err
	}
	defer pool.Close()
	rep, err := corpus.Build(ctx, *c.corpus, *c.index, *rebuild, corpus.Options{
		Logger: log, PDFRunner: pool.runner(), Progress: progressReporter(a.stderr, log),
	})
	if err != nil {
		return err
	}
	writeSummary(a.stdout, rep, *c.index)
	writeOCR(a.stdout, rep.OCR)
	writeFlagged(a.stdout, rep.FlaggedDocs, *report)
	if *report {
		writeFailed(a.stdout, rep)
	}
	if pool != nil {
		if started, killed := pool.Stats(); started > 0 {
			fmt.Fprintf(a.stdout, "extraction workers: %d started, %d killed, peak memory %d MiB\n", started, killed, pool.PeakRSS()>>20)
		}
	}
	return nil
}

// checkIndex runs bleve.Check on the index folder dir and says what it
// found; a damaged index is an error naming the repair.
func checkIndex(w io.Writer, dir string) error {
	if err := bleve.Check(dir); err != nil {
		return err
	}
	fmt.Fprintf(w, "index %s: sound (root, snapshot and segment checksums verified)\n", dir)
	return nil
}

// writeOCR prints what OCR did: pages read, their mean confidence, pages
// skipped and why; without Tesseract, how many pages it would have read
// and how to enable it.
func writeOCR(w io.Writer, s indexer.OCRStats) {
	if s.Pages == 0 && len(s.Skipped) == 0 {
		return
	}
	if s.Pages > 0 {
		fmt.Fprintf(w, "ocr: %d pages of %d documents read from their image in %.0fs, mean confidence %.1f", s.Pages, s.Docs, s.Seconds, s.Confidence())
		if s.Low > 0 {
			fmt.Fprintf(w, " (%d below %d, flagged)", s.Low, search.LowOCRConfidence)
		}
		fmt.Fprintln(w)
	}
	if n := s.Skipped[extract.SkipNoTesseract]; n > 0 {
		fmt.Fprintf(w, "ocr: %d pages without text would be read by OCR: install Tesseract (Debian: apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-spa tesseract-ocr-fra tesseract-ocr-por) and index again\n", n)
	}
	if skipped := s.SkippedSummary(); skipped != "" {
		fmt.Fprintf(w, "ocr: pages skipped: %s\n", skipped)
	}
}

// flagReason groups a flag for the summary: "garbled-page:3" counts as
// "garbled-page"; an empty document (no text layer, nothing at all) as
// "empty".
func flagReason(f string) string {
	if i := strings.IndexByte(f, ':'); i > 0 {
		f = f[:i]
	}
	switch f {
	case "no-text-layer", "empty":
		return "empty"
	}
	return f
}

// writeFlagged prints the flagged documents by reason (a document with
// several flags counts under each); with all, every document is listed.
func writeFlagged(w io.Writer, docs []indexer.FlaggedDoc, all bool) {
	if len(docs) == 0 {
		return
	}
	byReason := map[string][]indexer.FlaggedDoc{}
	for _, d := range docs {
		seen := map[string]bool{}
		for _, f := range d.Flags {
			r := flagReason(f)
			if seen[r] {
				continue
			}
			seen[r] = true
			byReason[r] = append(byReason[r], d)
		}
	}
	reasons := slices.Sorted(maps.Keys(byReason))
	fmt.Fprintln(w, "flagged by reason:")
	for _, r := range reasons {
		fmt.Fprintf(w, "  %-18s %4d\n", r, len(byReason[r]))
		if !all {
			continue
		}
		for _, d := range byReason[r] {
			fmt.Fprintf(w, "    %s: %s (%s)\n", r, d.Path, d.Engine)
		}
	}
	if !all {
		fmt.Fprintln(w, "  (faro index --report lists the documents)")
	}
}

// writeFailed lists the failed files again, one line each, for --report
// (writeSummary already groups them by reason).
func writeFailed(w io.Writer, rep *indexer.Report) {
	if len(rep.Errors) == 0 {
		fmt.Fprintln(w, "no failed documents")
		return
	}
	fmt.Fprintf(w, "failed documents: %d (listed above by reason)\n", len(rep.Errors))
}
