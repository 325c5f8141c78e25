package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"faro/indexer"
	"faro/indexer/corpus"
	"faro/search"
	"faro/search/bleve"
	"faro/search/web"
)

// serveGCPercent is faro serve's GOGC unless the environment sets one.
const serveGCPercent = 50

// serveMemoryLimit is the default of --memory-limit: none. A soft limit
// near the working set (180 MB at 100k documents) keeps the resident size
// near 300 MB when idle, but under a steady load of searches the collector
// then runs so often that each search costs about 30% more CPU (3.9 to
// 5.0 ms per request on the reference workload, BENCHMARKS.md): a limit is
// for machines where memory is scarcer than CPU, and is set there.
const serveMemoryLimit = "0"

// mappedCheck is how often --mapped-limit is checked: under a load of
// searches the pages read through the index's mappings grow by tens of
// megabytes a second, and the check costs a read of /proc/self/status.
const mappedCheck = 250 * time.Millisecond

func (a *app) serve(ctx context.Context, args []string) error {
	fs := newFlags("serve", a.stderr)
	c := fs.common()
	x := fs.extraction()
	addr := fs.string("addr", ":8080", "address to listen on")
	logFormat := fs.string("log-format", "", "log format: json or text (default text on a terminal, json otherwise)")
	adminToken := fs.string("admin-token", "", "bearer token of the write API (uploads, deletions, reindex); empty disables writes; prefer the environment variable")
	maxUpload := fs.string("max-upload", "50MB", "largest file an upload may carry (e.g. 50MB, 1GiB, 1048576)")
	searchTimeout := fs.duration("search-timeout", web.DefaultSearchTimeout, "time limit of each search request")
	maxConcurrent := fs.int("max-concurrent", web.DefaultMaxConcurrent, "expensive reads (exports, evidence packs, feeds) served at once; more answer 503")
	uploadConcurrency := fs.int("upload-concurrency", web.DefaultUploadConcurrency, "uploads and reindex runs served at once, apart from the reads' --max-concurrent; more answer 503")
	uploadMinRate := fs.string("upload-min-rate", "8KB", "slowest an upload may arrive, per second on average after its first 10 s; slower ones are cut off with 408 (0 = no minimum)")
	searchConcurrency := fs.int("search-concurrency", 0, "searches run at once, the others waiting in line (0 = the number of CPUs)")
	shutdownTimeout := fs.duration("shutdown-timeout", 10*time.Second, "how long in-flight requests may take to finish on SIGINT/SIGTERM")
	watch := fs.duration("watch", 0, "check the corpus folder this often and index what changed (e.g. 30s; 0 = off)")
	seedCorpus := fs.string("seed-corpus", "", "folder copied into --corpus when that is missing or empty (container first start)")
	harvestURLs := fs.list("harvest", "listing page to harvest into the corpus (see faro harvest)")
	harvestEvery := fs.duration("harvest-every", 24*time.Hour, "how often to harvest the --harvest pages (the first run at start)")
	hf := fs.harvestFlags("harvest-")
	dictionaries := fs.string("dictionaries", search.DefaultDictionaryDir, "folder of FreeDict dictionaries (Debian's dict-freedict-*) that translate query words between English, Spanish, French and Portuguese; empty: the domain list only")
	mappedLimit := fs.string("mapped-limit", "32MB", "index pages and search-table pages kept resident through their memory mappings before they are handed back to the page cache (0 = no limit)")
	lockWait := fs.duration("lock-wait", 30*time.Second, "how long to wait while another faro process writes the index (a previous server still stopping)")
	memoryLimit := fs.string("memory-limit", serveMemoryLimit, "soft limit of the memory the Go runtime manages (heap and freed memory not yet handed back; the text table and mapped index pages come on top); 0 = none; the GOMEMLIMIT variable overrides it")
	debugAddr := fs.string("debug-addr", "", "loopback address serving the Go runtime's profiles at /debug/pprof/ (e.g. 127.0.0.1:6060); empty: none")
	if err := fs.parse(args); err != nil {
		return err
	}
	log, err := newServeLogger(a.stderr, *c.logLevel, *logFormat)
	if err != nil {
		return err
	}
	memLimit, err := parseMemoryLimit(*memoryLimit)
	if err != nil {
		return err
	}
	uploadLimit, err := parseSize(*maxUpload)
	if err != nil {
		return fmt.Errorf("--max-upload: %w", err)
	}
	minRate := int64(-1) // "0": no minimum
	if strings.TrimSpace(*uploadMinRate) != "0" {
		if minRate, err = parseSize(*uploadMinRate); err != nil {
			return fmt.Errorf("--upload-min-rate: %w", err)
		}
	}
	mapped, err := parseLimit("--mapped-limit", *mappedLimit)
	if err != nil {
		return err
	}
	if *debugAddr != "" {
		dln, err := listenDebug(*debugAddr)
		if err != nil {
			return err
		}
		dctx, stopDebug := context.WithCancel(ctx)
		defer stopDebug()
		go serveDebug(dctx, log, dln)
	}
	useDictionaries(log, *dictionaries)
	if *seedCorpus != "" {
		if err := seed(log, *seedCorpus, *c.corpus); err != nil {
			return err
		}
	}

	// One writer per index: a second server, or a `faro index` run, is
	// refused rather than swapping the index under this one.
	lock, err := corpus.LockIndex(ctx, *c.index, *lockWait, "faro serve")
	if err != nil {
		return err
	}
	defer lock.Unlock()
	pool, err := x.pool(log)
	if err != nil {
		return err
	}
	defer pool.Close()
	metrics := web.NewMetrics()
	// One site boilerplate model for the build and the writes.
	opts := corpus.Options{Logger: log, PDFRunner: pool.runner(), Metrics: metrics, Sites: indexer.NewSites()}
	if !corpus.IndexExists(*c.index) && !corpus.IndexExists(*c.index+".old") {
		log.Info("no index yet: indexing the corpus", "corpus", *c.corpus, "index", *c.index)
		restore := indexer.TuneGCForBuild()
		build := opts
		build.Progress = progressReporter(a.stderr, log)
		rep, err := corpus.Build(ctx, *c.corpus, *c.index, true, build)
		restore()
		if err != nil {
			return err
		}
		corpus.LogReport(log, rep)
	}
	// The server's live heap is small next to the text table, which lives
	// outside it: collecting at half the live heap's growth keeps the
	// process near its working set for a few percent of CPU.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(serveGCPercent)
	}
	limit, restoreLimit := setMemoryLimit(memLimit)
	defer restoreLimit()
	if limit > 0 {
		log.Info("memory limit", "go_runtime", formatSize(limit))
	}
	idx, err := corpus.OpenOrBuild(ctx, *c.corpus, *c.index, opts)
	if err != nil {
		return err
	}
	defer idx.Close()
	writer := corpus.NewWriter(idx, *c.corpus, *c.index, opts)
	defer writer.Close()
	if *watch > 0 {
		// The watcher's first check reindexes: what changed while the
		// server was down is indexed.
		wctx, stopWatch := context.WithCancel(ctx)
		defer stopWatch()
		go writer.Watch(wctx, *watch)
		log.Info("watching the corpus for changes", "corpus", *c.corpus, "every", watch.String())
	} else {
		// Files written but not indexed, or documents whose files were
		// moved out, by a crash are repaired in the background.
		go func() {
			if err := writer.Reconcile(ctx); err != nil && ctx.Err() == nil {
				log.Error("reconcile the corpus and the index", "err", err)
			}
		}()
	}
	if len(*harvestURLs) > 0 {
		hopts, err := hf.options(*harvestURLs, *c.corpus, *c.index, log)
		if err != nil {
			return err
		}
		hctx, stopHarvest := context.WithCancel(ctx)
		defer stopHarvest()
		go harvestLoop(hctx, log, hopts, *harvestEvery, func(ctx context.Context) error {
			_, err := writer.Reindex(ctx)
			return err
		})
		log.Info("harvesting", "start", strings.Join(*harvestURLs, " "), "every", harvestEvery.String())
	}

	switch {
	case *adminToken == "":
		log.Info("writes disabled: set FARO_ADMIN_TOKEN to enable uploads, deletions and reindexing")
	case len(*adminToken) < 16:
		log.Warn("the admin token is short: use at least 32 random characters (e.g. openssl rand -hex 32)")
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	spool := filepath.Dir(filepath.Clean(*c.index)) // beside the index, as its lock and journal
	if n, err := web.CleanSpool(spool); err != nil {
		log.Warn("remove uploads left half-received", "err", err)
	} else if n > 0 {
		log.Info("removed uploads left half-received by a stopped server", "files", n)
	}
	handler := web.New(idx, web.Options{
		Corpus: *c.corpus, Logger: log, Writer: writer, AdminToken: *adminToken, Metrics: metrics,
		Tombstones:    writer.Tombstones(),
		SearchTimeout: *searchTimeout, MaxUpload: uploadLimit, MaxConcurrent: *maxConcurrent, SearchConcurrency: *searchConcurrency,
		UploadConcurrency: *uploadConcurrency, UploadMinRate: minRate,
		SpoolDir: spool,
	})
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	n, _ := idx.Count(ctx)
	log.Info("serving", "url", "http://"+displayAddr(ln.Addr()), "documents", n, "index", *c.index,
		"writes", *adminToken != "", "max_upload", formatSize(uploadLimit), "search_timeout", searchTimeout.String())
	if a.onListen != nil {
		a.onListen(ln.Addr())
	}
	// Searches are answered from the start; the in-memory tables that make
	// them fast are built meanwhile.
	go func() {
		start := time.Now()
		if idx.Warm(ctx) {
			log.Info("search tables ready", "took_ms", time.Since(start).Milliseconds(), "text_table_mb", idx.TextTableBytes()>>20)
		}
	}()
	go idx.LimitMapped(ctx, mapped, mappedCheck)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	// New connections are refused at once; requests in flight (uploads
	// included) get the grace period; then the writer stops what is left
	// and the deferred calls close the index.
	log.Info("shutting down", "grace", shutdownTimeout.String())
	writer.StopReindex()
	sctx, cancel := context.WithTimeout(context.Background(), *shutdownTimeout)
	defer cancel()
	var shutdownErr error
	if err := srv.Shutdown(sctx); err != nil {
		log.Warn("grace period over: closing the remaining connections", "err", err)
		srv.Close()
		shutdownErr = fmt.Errorf("shutdown: %w", err)
	}
	writer.Close()
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	log.Info("stopped")
	return shutdownErr
}

func displayAddr(a net.Addr) string {
	if t, ok := a.(*net.TCPAddr); ok && t.IP.IsUnspecified() {
		return fmt.Sprintf("localhost:%d", t.Port)
	}
	return a.String()
}

// newServeLogger is newLogger with a format: "json", "text", or "" for
// text on a terminal and JSON elsewhere (containers, log collectors).
func newServeLogger(w io.Writer, level, format string) (*slog.Logger, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		return nil, fmt.Errorf("log level %q: %w", level, err)
	}
	opts := &slog.HandlerOptions{Level: l}
	switch strings.ToLower(format) {
	case "":
		if isTerminal(w) {
			return slog.New(slog.NewTextHandler(w, opts)), nil
		}
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	}
	return nil, fmt.Errorf("log format %q: want json or text", format)
}

// isTerminal reports whether w is a character device.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// parseSize reads a size in bytes: a whole number with an optional unit,
// KB/MB/GB (powers of 1024, like KiB/MiB/GiB) or B.
func parseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"KIB", 1 << 10}, {"MIB", 1 << 20}, {"GIB", 1 << 30}, {"KB", 1 << 10}, {"MB", 1 << 20}, {"GB", 1 << 30}, {"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 || n > (1<<40)/mult {
		return 0, fmt.Errorf("size %q: want a positive whole number with an optional unit (KB, MB, GB)", s)
	}
	return n * mult, nil
}

// parseMemoryLimit reads --memory-limit: a size, or 0 for none.
func parseMemoryLimit(s string) (int64, error) { return parseLimit("--memory-limit", s) }

// parseLimit reads the value of a size flag (named flag in errors) where
// 0 means no limit.
func parseLimit(flag, s string) (int64, error) {
	if strings.TrimSpace(s) == "0" {
		return 0, nil
	}
	n, err := parseSize(s)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", flag, err)
	}
	return n, nil
}

// setMemoryLimit sets the Go runtime's soft memory limit to n bytes
// unless the GOMEMLIMIT variable sets one (or n is 0). It returns the
// limit in force (0 when there is none) and a func restoring the limit
// before.
func setMemoryLimit(n int64) (limit int64, restore func()) {
	before := debug.SetMemoryLimit(-1)
	if os.Getenv("GOMEMLIMIT") == "" && n > 0 {
		debug.SetMemoryLimit(n)
	}
	restore = func() { debug.SetMemoryLimit(before) }
	if limit = debug.SetMemoryLimit(-1); limit == math.MaxInt64 {
		limit = 0
	}
	return limit, restore
}

// formatSize writes a byte count the way --max-upload takes it.
func formatSize(n int64) string {
	for _, u := range []struct {
		unit string
		size int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}} {
		if n%u.size == 0 {
			return strconv.FormatInt(n/u.size, 10) + u.unit
		}
	}
	return strconv.FormatInt(n, 10) + "B"
}

// seed copies the folder from into corpus when corpus is missing or empty:
// a container's first start fills its data volume from the image.
func seed(log *slog.Logger, from, corpus string) error {
	if ents, err := os.ReadDir(corpus); err == nil && len(ents) > 0 {
		return nil
	}
	if st, err := os.Stat(from); err != nil || !st.IsDir() {
		return fmt.Errorf("seed corpus %q: not a folder", from)
	}
	if err := os.MkdirAll(corpus, 0o755); err != nil {
		return fmt.Errorf("seed corpus: %w", err)
	}
	log.Info("corpus is empty: copying the seed corpus", "from", from, "to", corpus)
	if err := os.CopyFS(corpus, os.DirFS(from)); err != nil {
		return fmt.Errorf("seed corpus %q from %q: %w", corpus, from, err)
	}
	return nil
}

// useDictionaries loads the FreeDict dictionaries of dir, if any, to
// translate query words with; without them queries are translated with
// the domain list alone.
func useDictionaries(log *slog.Logger, dir string) {
	if dir == "" {
		return
	}
	d, err := search.LoadFreeDict(dir)
	if err != nil {
		log.Info("query words translated with the domain list only", "dictionaries", dir, "reason", err.Error())
		return
	}
	d.Skip = bleve.IsStopWord
	search.UseDictionary(d)
	log.Info("query words also translated with bilingual dictionaries", "dictionaries", strings.Join(d.Sources, " "), "headwords", d.Len())
}
