package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"faro/indexer/corpus"
	"faro/indexer/harvest"
	"faro/search"
)

// harvestFlags are the flags of a harvest, named plainly in `faro harvest`
// and with a "harvest-" prefix in `faro serve`; their environment
// fallbacks are FARO_HARVEST_* in both.
type harvestFlags struct {
	allowHosts, prefixes           *list
	contact                        *string
	delay, timeout, requestTimeout *time.Duration
	parallel, maxDepth, maxPages   *int
	maxFile, maxRun                *string
}

func (f *flagSet) harvestFlags(prefix string) harvestFlags {
	// Both commands read FARO_HARVEST_*: FARO_CONTACT or FARO_TIMEOUT
	// would say nothing of what they set.
	h := &harvestFlagSet{f: f, prefix: prefix}
	return harvestFlags{
		allowHosts:     h.list("allow-host", "another host documents may be fetched from or redirected to"),
		prefixes:       h.list("prefix", "URL path that pages and documents must start with (default: any path of the allowed hosts)"),
		contact:        h.string("contact", "", "e-mail address or URL of whoever runs the harvest, sent in the User-Agent"),
		delay:          h.duration("delay", time.Second, "pause between two requests to one host"),
		parallel:       h.int("parallel", 2, "requests to one host at once"),
		maxDepth:       h.int("max-depth", 50, "links followed from a start page (pagination, item pages)"),
		maxPages:       h.int("max-pages", 1000, "listing pages read per run"),
		maxFile:        h.string("max-file-size", "100MB", "largest document downloaded"),
		maxRun:         h.string("max-run-size", "5GB", "bytes downloaded per run"),
		timeout:        h.duration("timeout", 2*time.Hour, "time limit of a run"),
		requestTimeout: h.duration("request-timeout", 2*time.Minute, "time limit of one request with its body"),
	}
}

// harvestFlagSet registers a harvest flag as prefix+name with the
// environment fallback FARO_HARVEST_NAME.
type harvestFlagSet struct {
	f      *flagSet
	prefix string
}

func (h *harvestFlagSet) env(name string) (string, string, bool) {
	env := envName("harvest-" + name)
	v, ok := os.LookupEnv(env)
	return env, v, ok
}

func (h *harvestFlagSet) string(name, def, help string) *string {
	env, v, ok := h.env(name)
	if ok {
		def = v
	}
	return h.f.String(h.prefix+name, def, help+" (env "+env+")")
}

func (h *harvestFlagSet) int(name string, def int, help string) *int {
	env, v, ok := h.env(name)
	if ok {
		n, err := strconv.Atoi(v)
		if err != nil {
			h.f.envErr = fmt.Errorf("%s=%q: not a whole number", env, v)
		}
		def = n
	}
	return h.f.Int(h.prefix+name, def, help+" (env "+env+")")
}

func (h *harvestFlagSet) duration(name string, def time.Duration, help string) *time.Duration {
	env, v, ok := h.env(name)
	if ok {
		d, err := time.ParseDuration(v)
		if err != nil {
			h.f.envErr = fmt.Errorf("%s=%q: not a duration", env, v)
		}
		def = d
	}
	return h.f.Duration(h.prefix+name, def, help+" (env "+env+")")
}

func (h *harvestFlagSet) list(name, help string) *list {
	l := &list{}
	env, v, ok := h.env(name)
	if ok {
		l.Set(v)
	}
	h.f.Var(l, h.prefix+name, help+" (repeatable; env "+env+")")
	return l
}

// options are the harvest's options; documents gone move to the
// "deleted" folder beside the index.
func (h harvestFlags) options(start []string, corpusDir, indexDir string, log *slog.Logger) (harvest.Options, error) {
	maxFile, err := parseSize(*h.maxFile)
	if err != nil {
		return harvest.Options{}, fmt.Errorf("max file size: %w", err)
	}
	maxRun, err := parseSize(*h.maxRun)
	if err != nil {
		return harvest.Options{}, fmt.Errorf("max run size: %w", err)
	}
	delay := *h.delay
	if delay == 0 {
		delay = -1 // no pause
	}
	return harvest.Options{
		Start: start, Corpus: corpusDir, AllowHosts: *h.allowHosts, Prefixes: *h.prefixes, Contact: *h.contact,
		Delay: delay, Parallel: *h.parallel, MaxDepth: *h.maxDepth, MaxPages: *h.maxPages,
		MaxFileBytes: maxFile, MaxRunBytes: maxRun, Timeout: *h.timeout, RequestTimeout: *h.requestTimeout,
		Logger: log,
		Gone: func(rel string) error {
			moved, err := corpus.MoveOut(corpusDir, indexDir, rel)
			for _, m := range moved {
				log.Info("moved a document gone from the website out of the corpus", "from", m[0], "to", m[1])
			}
			return err
		},
	}, nil
}

func (a *app) harvest(ctx context.Context, args []string) error {
	fs := newFlags("harvest", a.stderr)
	c := fs.common()
	hf := fs.harvestFlags("")
	x := fs.extraction()
	noIndex := fs.bool("no-index", false, "download only; do not update the index")
	report := fs.bool("report", false, "list every document with its outcome")
	lockWait := fs.duration("lock-wait", 0, "how long to wait, before indexing, while another faro process (a server, another run) writes the index (0 = give up at once)")
	if err := fs.parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(a.stderr, "faro harvest: give the URL of at least one listing page")
		return exitCode(2)
	}
	log, err := newLogger(a.stderr, *c.logLevel)
	if err != nil {
		return err
	}
	opts, err := hf.options(fs.Args(), *c.corpus, *c.index, log)
	if err != nil {
		return err
	}
	rep, err := harvest.Run(ctx, opts)
	if err != nil {
		return err
	}
	writeHarvest(a.stdout, rep, *report)
	if *noIndex {
		return nil
	}
	lock, err := corpus.LockIndex(ctx, *c.index, *lockWait, "faro harvest")
	if errors.Is(err, corpus.ErrLocked) {
		// A server writes the index: its --watch (or POST
		// /api/v1/reindex) indexes what the harvest stored.
		fmt.Fprintf(a.stdout, "not indexed: %v\n", err)
		return nil
	}
	if err != nil {
		return err
	}
	defer lock.Unlock()
	pool, err := x.pool(log)
	if err != nil {
		return err
	}
	defer pool.Close()
	irep, err := corpus.Build(ctx, *c.corpus, *c.index, false, corpus.Options{Logger: log, PDFRunner: pool.runner()})
	if err != nil {
		return err
	}
	writeSummary(a.stdout, irep, *c.index)
	return nil
}

// writeHarvest prints a harvest's report: documents by outcome, failures
// by reason with their URLs, pages not read, limits reached; with all,
// every document.
func writeHarvest(w io.Writer, rep *harvest.Report, all bool) {
	fmt.Fprintf(w, "harvested %d documents from %d listing pages in %s (%s of documents transferred)\n",
		len(rep.Documents), rep.Pages, rep.Took.Round(time.Millisecond), formatBytes(rep.DocumentBytes))
	for _, o := range harvest.Outcomes {
		fmt.Fprintf(w, "  %-10s %6d\n", o, rep.Count(o))
	}
	byReason := map[string][]harvest.Item{}
	for _, d := range rep.Documents {
		if d.Outcome == harvest.Failed {
			byReason[d.Reason] = append(byReason[d.Reason], d)
		}
	}
	if len(byReason) > 0 {
		fmt.Fprintln(w, "failures by reason:")
		for _, r := range slices.Sorted(maps.Keys(byReason)) {
			fmt.Fprintf(w, "  %-16s %4d\n", r, len(byReason[r]))
			for _, d := range byReason[r] {
				fmt.Fprintf(w, "    failed: %s: %s\n", d.URL, d.Err)
			}
		}
	}
	for _, p := range rep.PageErrors {
		fmt.Fprintf(w, "listing page not read: %s (%s: %s)\n", p.URL, p.Reason, p.Err)
	}
	if !rep.Complete {
		why := slices.Clone(rep.Limits)
		if len(rep.PageErrors) > 0 {
			why = append(why, "pages not read")
		}
		fmt.Fprintf(w, "incomplete run (%s): documents not seen are not counted missing\n", strings.Join(why, ", "))
	}
	if all {
		for _, d := range rep.Documents {
			fmt.Fprintf(w, "  %-9s %s", d.Outcome, d.URL)
			if d.Path != "" {
				fmt.Fprintf(w, " -> %s", d.Path)
			}
			if d.Reason != "" {
				fmt.Fprintf(w, " (%s)", d.Reason)
			}
			fmt.Fprintln(w)
		}
	}
}

// formatBytes writes a byte count for people (1.5 MB).
func formatBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// harvestLoop harvests every interval (the first run at once) and updates
// the index through the writer when the corpus changed, until ctx ends.
func harvestLoop(ctx context.Context, log *slog.Logger, opts harvest.Options, every time.Duration, reindex func(context.Context) error) {
	for {
		rep, err := harvest.Run(ctx, opts)
		switch {
		case ctx.Err() != nil:
			return
		case err != nil:
			log.Warn("harvest", "err", err)
		case rep.Changed():
			// A reindex already running (the API's, the watch's) is
			// waited for: the harvest's changes must reach the index.
			for try := 0; ; try++ {
				err := reindex(ctx)
				if err == nil || ctx.Err() != nil {
					break
				}
				if search.ErrorCode(err) != search.CodeConflict || try == 20 {
					log.Warn("update the index after a harvest", "err", err)
					break
				}
				select {
				case <-ctx.Done():
					return
				case <-time.After(15 * time.Second):
				}
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(every):
		}
	}
}
