package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"sort"
	"strings"
	"sync"

	"faro/indexer"
)

func (a *app) index(ctx context.Context, args []string) error {
	fs := newFlags("index", a.stderr)
	c := fs.common()
	rebuild := fs.bool("rebuild", false, "build a new index from scratch and swap it in")
	report := fs.bool("report", false, "list every empty, flagged and failed document at the end")
	if err := fs.parse(args); err != nil {
		return err
	}
	log, err := newLogger(a.stderr, *c.logLevel)
	if err != nil {
		return err
	}
	// The indexer reports flagged documents in its log only (its Report
	// counts them): collect them from there for the summary.
	flagged := &flaggedDocs{}
	log = slog.New(&collectHandler{Handler: log.Handler(), docs: flagged})
	rep, err := buildIndex(ctx, log, *c.corpus, *c.index, *rebuild, a.stderr)
	if err != nil {
		return err
	}
	writeSummary(a.stdout, rep, *c.index)
	writeFlagged(a.stdout, flagged.list(), *report)
	if *report {
		writeFailed(a.stdout, rep)
	}
	if pdfPool != nil {
		if started, killed := pdfPool.Stats(); started > 0 {
			fmt.Fprintf(a.stdout, "extraction workers: %d started, %d killed, peak memory %d MiB\n", started, killed, pdfPool.PeakRSS()>>20)
		}
	}
	return nil
}

// flaggedDoc is an indexed document that carries extraction flags.
type flaggedDoc struct {
	file  string
	flags []string
}

type flaggedDocs struct {
	mu   sync.Mutex
	docs []flaggedDoc
}

func (f *flaggedDocs) add(d flaggedDoc) {
	f.mu.Lock()
	f.docs = append(f.docs, d)
	f.mu.Unlock()
}

func (f *flaggedDocs) list() []flaggedDoc {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := append([]flaggedDoc(nil), f.docs...)
	sort.Slice(out, func(i, j int) bool { return out[i].file < out[j].file })
	return out
}

// collectHandler passes records on and keeps the indexer's "indexed with
// flags" ones.
type collectHandler struct {
	slog.Handler
	docs  *flaggedDocs
	attrs []slog.Attr
}

func (h *collectHandler) Enabled(ctx context.Context, l slog.Level) bool {
	return l == slog.LevelInfo || h.Handler.Enabled(ctx, l)
}

func (h *collectHandler) Handle(ctx context.Context, r slog.Record) error {
	if r.Message == "indexed with flags" {
		var d flaggedDoc
		r.Attrs(func(a slog.Attr) bool {
			switch a.Key {
			case "file":
				d.file = a.Value.String()
			case "flags":
				if fl, ok := a.Value.Any().([]string); ok {
					d.flags = fl
				}
			}
			return true
		})
		if d.file != "" {
			h.docs.add(d)
		}
	}
	if !h.Handler.Enabled(ctx, r.Level) {
		return nil
	}
	return h.Handler.Handle(ctx, r)
}

func (h *collectHandler) WithAttrs(as []slog.Attr) slog.Handler {
	return &collectHandler{Handler: h.Handler.WithAttrs(as), docs: h.docs}
}

func (h *collectHandler) WithGroup(name string) slog.Handler {
	return &collectHandler{Handler: h.Handler.WithGroup(name), docs: h.docs}
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
func writeFlagged(w io.Writer, docs []flaggedDoc, all bool) {
	if len(docs) == 0 {
		return
	}
	byReason := map[string][]flaggedDoc{}
	for _, d := range docs {
		seen := map[string]bool{}
		for _, f := range d.flags {
			r := flagReason(f)
			if seen[r] {
				continue
			}
			seen[r] = true
			byReason[r] = append(byReason[r], d)
		}
	}
	reasons := make([]string, 0, len(byReason))
	for r := range byReason {
		reasons = append(reasons, r)
	}
	sort.Strings(reasons)
	fmt.Fprintln(w, "flagged by reason:")
	for _, r := range reasons {
		fmt.Fprintf(w, "  %-18s %4d\n", r, len(byReason[r]))
		if !all {
			continue
		}
		for _, d := range byReason[r] {
			fmt.Fprintf(w, "    %s: %s\n", r, d.file)
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
