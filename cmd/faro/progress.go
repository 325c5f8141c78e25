package main

import (
	"fmt"
	"io"
	"log/slog"
	"maps"
	"os"
	"slices"
	"strings"
	"time"

	"faro/indexer"
)

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
