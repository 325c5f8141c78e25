// Package harvest keeps a corpus folder in step with a programme's
// website: from listing pages it follows pagination and the links of the
// listed items within the allowed hosts and path prefixes, downloads the
// documents Faro indexes into corpus/harvest/HOST/PATH with a sidecar that
// keeps what the listing said of each (title, summary, date, listing URL,
// document URL, the listing's language), and reports each document's
// outcome: new, updated, unchanged, gone or failed (with a reason).
//
// Crawling is github.com/gocolly/colly/v2 (robots.txt, a request rate per
// host, allowed hosts and prefixes, redirects to other hosts refused,
// visited URLs, the request timeout). Bodies are streamed to files and
// hashed on the way by the transport under colly (which would otherwise
// hold each body in memory); only HTML pages reach colly as bytes. Runs
// are incremental:
// documents are asked for with their ETag and Last-Modified, and one whose
// content hash did not change is unchanged. A document that no listing
// links any more is gone after two complete runs in a row.
//
// Listing pages are read with extract.ReadListing, the reading the indexer
// gives listing pages in the corpus, so a harvested document's sidecar says
// what the indexer would have read from its listing.
package harvest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gocolly/colly/v2"

	"faro/format"
	"faro/indexer"
	"faro/indexer/extract"
)

// Sub is the corpus folder harvested documents are stored under.
const Sub = "harvest"

// Options configure a harvest. Corpus and at least one Start URL are
// required; zero values take the defaults below.
type Options struct {
	// Start are the listing pages to begin from.
	Start []string
	// Corpus is the corpus folder; documents go to Corpus/harvest/HOST/PATH.
	Corpus string
	// AllowHosts are hosts besides the start URLs' that pages and
	// documents may be fetched from (and redirected to).
	AllowHosts []string
	// Prefixes, when set, are the URL paths pages and documents must
	// start with (e.g. "/es/publicaciones", "/sites/default/files").
	Prefixes []string
	// Contact (an e-mail address or URL) goes into the User-Agent.
	Contact string
	// Delay is the pause between two requests to one host (default 1s);
	// Parallel how many requests one host gets at once (default 2).
	Delay    time.Duration
	Parallel int
	// MaxDepth bounds the links followed from a start page (pagination
	// and item pages; default 50); MaxPages the HTML pages read (default
	// 1000).
	MaxDepth, MaxPages int
	// MaxFileBytes bounds one download (default 100 MiB); MaxRunBytes all
	// the bodies of a run (default 5 GiB); MaxPageBytes a listing page
	// read for its links (default 8 MiB).
	MaxFileBytes, MaxRunBytes, MaxPageBytes int64
	// Timeout bounds the run (default 2h); RequestTimeout one request
	// with its body (default 2m).
	Timeout, RequestTimeout time.Duration
	// Transport, when set, carries the requests (tests); nil uses a clone
	// of http.DefaultTransport.
	Transport http.RoundTripper
	// Gone moves a document that is gone (rel is corpus-relative, slashes)
	// and its sidecar out of the corpus; nil removes both.
	Gone func(rel string) error
	// Logger receives the run's log; nil discards it.
	Logger *slog.Logger
}

// Version names the harvester in its User-Agent.
const Version = "1.0"

// UserAgent is the User-Agent a run sends: it names Faro and, when given,
// the contact.
func (o Options) UserAgent() string {
	ua := "Faro-harvest/" + Version
	if o.Contact != "" {
		ua += " (+" + o.Contact + ")"
	}
	return ua
}

func (o Options) withDefaults() Options {
	def := func(v *int64, d int64) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.MaxFileBytes, 100<<20)
	def(&o.MaxRunBytes, 5<<30)
	def(&o.MaxPageBytes, 8<<20)
	if o.Delay < 0 {
		o.Delay = 0
	} else if o.Delay == 0 {
		o.Delay = time.Second
	}
	if o.Parallel <= 0 {
		o.Parallel = 2
	}
	if o.MaxDepth <= 0 {
		o.MaxDepth = 50
	}
	if o.MaxPages <= 0 {
		o.MaxPages = 1000
	}
	if o.Timeout <= 0 {
		o.Timeout = 2 * time.Hour
	}
	if o.RequestTimeout <= 0 {
		o.RequestTimeout = 2 * time.Minute
	}
	if o.Transport == nil {
		o.Transport = http.DefaultTransport.(*http.Transport).Clone()
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return o
}

// Outcome is what a run did with a document.
type Outcome string

// The outcomes of a document.
const (
	// New: downloaded for the first time.
	New Outcome = "new"
	// Updated: its content or what its listing says of it changed.
	Updated Outcome = "updated"
	// Unchanged: the server answered 304, or the same content again.
	Unchanged Outcome = "unchanged"
	// Gone: no listing linked it for two complete runs; moved out of the
	// corpus.
	Gone Outcome = "gone"
	// Failed: not downloaded this run (Item.Reason says why); a copy
	// from an earlier run stays.
	Failed Outcome = "failed"
)

// Outcomes lists the outcomes in report order.
var Outcomes = []Outcome{New, Updated, Unchanged, Gone, Failed}

// Item is one document (or, in Report.PageErrors, one page) of a run.
type Item struct {
	URL     string  `json:"url"`
	Outcome Outcome `json:"outcome"`
	// Path is the document's corpus-relative path.
	Path string `json:"path,omitempty"`
	// Listing is the page whose entry the sidecar keeps.
	Listing string `json:"listing,omitempty"`
	// Reason names a failure: "http-404", "http-500", "timeout",
	// "too-large", "wrong-type", "unsupported", "robots",
	// "redirect-refused", "out-of-scope", "run-limit", "network".
	Reason string `json:"reason,omitempty"`
	Err    string `json:"error,omitempty"`
	// Bytes is the size of the body transferred this run (0 when the
	// server answered 304).
	Bytes int64 `json:"bytes,omitempty"`
}

// Report summarises a run.
type Report struct {
	// Documents are the documents listed this run or gone, by URL.
	Documents []Item `json:"documents"`
	// Pages is how many listing pages were read; PageErrors the pages
	// that could not be.
	Pages      int    `json:"pages"`
	PageErrors []Item `json:"page_errors,omitempty"`
	// DocumentBytes is the size of the document bodies transferred.
	DocumentBytes int64 `json:"document_bytes"`
	// Complete is false when a page could not be read or a limit was
	// reached: documents not seen then are not counted missing.
	Complete bool `json:"complete"`
	// Limits names the limits reached ("pages", "depth", "run-bytes",
	// "time").
	Limits []string      `json:"limits,omitempty"`
	Took   time.Duration `json:"took_ns"`
}

// Count is how many documents had outcome o.
func (r *Report) Count(o Outcome) int {
	n := 0
	for _, d := range r.Documents {
		if d.Outcome == o {
			n++
		}
	}
	return n
}

// Changed reports whether the corpus changed (a document new, updated or
// gone).
func (r *Report) Changed() bool {
	return r.Count(New)+r.Count(Updated)+r.Count(Gone) > 0
}

// entry is one listing entry that links a document.
type entry struct {
	extract.ListingEntry
	Listing string
	Lang    string
}

// fetched is what a run got for one document.
type fetched struct {
	failed   bool
	reason   string
	err      string
	notMod   bool // 304
	sp       *spooled
	format   format.Format
	finalURL string
	bytes    int64
}

type harvester struct {
	o     Options
	log   *slog.Logger
	c     *colly.Collector
	tr    *spoolTransport
	st    *state
	hosts []string

	mu         sync.Mutex
	entries    map[string][]entry
	queued     map[string]bool
	pages      map[string]bool
	pagesRead  int
	results    map[string]*fetched
	pageErrors []Item
	limits     map[string]bool
}

// Run harvests once. Per-document failures are in the report; the error
// is for what stops the run (bad options, the corpus cannot be written).
func Run(ctx context.Context, o Options) (*Report, error) {
	start := time.Now()
	if len(o.Start) == 0 {
		return nil, errors.New("harvest: no start URL")
	}
	if o.Corpus == "" {
		return nil, errors.New("harvest: no corpus folder")
	}
	o = o.withDefaults()
	h := &harvester{o: o, log: o.Logger, entries: map[string][]entry{}, queued: map[string]bool{}, pages: map[string]bool{},
		results: map[string]*fetched{}, limits: map[string]bool{}}
	for _, s := range o.Start {
		u, err := url.Parse(s)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("harvest: start URL %q: want http(s)://host/path", s)
		}
		if !slices.Contains(h.hosts, u.Hostname()) {
			h.hosts = append(h.hosts, u.Hostname())
		}
		if !h.inPrefixes(u) {
			return nil, fmt.Errorf("harvest: start URL %q is outside the allowed prefixes %v", s, o.Prefixes)
		}
	}
	for _, a := range o.AllowHosts {
		if a = strings.ToLower(strings.TrimSpace(a)); a != "" && !slices.Contains(h.hosts, a) {
			h.hosts = append(h.hosts, a)
		}
	}
	root := filepath.Join(o.Corpus, Sub)
	if err := os.MkdirAll(root, 0o755); err != nil {
		return nil, fmt.Errorf("harvest: %w", err)
	}
	unlock, err := lockRun(filepath.Join(root, lockFile))
	if err != nil {
		return nil, err
	}
	defer unlock()
	stFile := filepath.Join(root, stateFile)
	st, err := loadState(stFile)
	if err != nil {
		return nil, err
	}
	h.st = st
	spoolDir, err := os.MkdirTemp(root, ".spool-")
	if err != nil {
		return nil, fmt.Errorf("harvest: %w", err)
	}
	defer os.RemoveAll(spoolDir)
	h.tr = &spoolTransport{next: o.Transport, dir: spoolDir, fileLimit: o.MaxFileBytes, pageLimit: o.MaxPageBytes,
		runLimit: o.MaxRunBytes, files: map[string]*spooled{}}

	rctx, cancel := context.WithTimeout(ctx, o.Timeout)
	defer cancel()
	if err := h.setup(rctx); err != nil {
		return nil, err
	}
	for _, s := range o.Start {
		h.visitPage(s, 0)
	}
	h.c.Wait()
	if rctx.Err() != nil {
		h.limit("time")
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	rep, err := h.finish()
	if err != nil {
		return rep, err
	}
	if err := st.save(stFile); err != nil {
		return rep, err
	}
	rep.Took = time.Since(start)
	h.log.Info("harvested", "pages", rep.Pages, "new", rep.Count(New), "updated", rep.Count(Updated), "unchanged", rep.Count(Unchanged),
		"gone", rep.Count(Gone), "failed", rep.Count(Failed), "bytes", rep.DocumentBytes, "complete", rep.Complete, "took", rep.Took.Round(time.Millisecond).String())
	return rep, nil
}

// setup builds the collector.
func (h *harvester) setup(ctx context.Context) error {
	o := h.o
	c := colly.NewCollector(colly.Async(true), colly.UserAgent(o.UserAgent()), colly.AllowedDomains(h.hosts...), colly.StdlibContext(ctx))
	c.IgnoreRobotsTxt = false
	c.MaxBodySize = 0 // the transport bounds bodies; colly sees pages only
	c.SetRequestTimeout(o.RequestTimeout)
	c.WithTransport(h.tr)
	if len(o.Prefixes) > 0 {
		var alts []string
		for _, p := range o.Prefixes {
			alts = append(alts, regexp.QuoteMeta("/"+strings.TrimPrefix(p, "/")))
		}
		c.URLFilters = []*regexp.Regexp{regexp.MustCompile(`^https?://[^/?#]+(` + strings.Join(alts, "|") + `)`)}
	}
	for _, host := range h.hosts {
		if err := c.Limit(&colly.LimitRule{DomainGlob: host + "*", Parallelism: o.Parallel, Delay: o.Delay}); err != nil {
			return fmt.Errorf("harvest: rate of %s: %w", host, err)
		}
	}
	c.OnRequest(h.onRequest)
	c.OnResponse(h.onResponse)
	c.OnError(h.onError)
	h.c = c
	return nil
}

func (h *harvester) limit(name string) {
	h.mu.Lock()
	h.limits[name] = true
	h.mu.Unlock()
}

// inPrefixes reports whether u's path is within the allowed prefixes.
func (h *harvester) inPrefixes(u *url.URL) bool {
	if len(h.o.Prefixes) == 0 {
		return true
	}
	for _, p := range h.o.Prefixes {
		if strings.HasPrefix(u.EscapedPath(), "/"+strings.TrimPrefix(p, "/")) || strings.HasPrefix(u.Path, "/"+strings.TrimPrefix(p, "/")) {
			return true
		}
	}
	return false
}

// inScope reports whether u may be fetched: http(s), an allowed host, an
// allowed prefix.
func (h *harvester) inScope(u *url.URL) bool {
	return (u.Scheme == "http" || u.Scheme == "https") && slices.Contains(h.hosts, strings.ToLower(u.Hostname())) && h.inPrefixes(u)
}

// visitPage queues a listing page.
func (h *harvester) visitPage(u string, depth int) {
	h.mu.Lock()
	if h.pages[u] {
		h.mu.Unlock()
		return
	}
	if depth > h.o.MaxDepth {
		h.limits["depth"] = true
		h.mu.Unlock()
		return
	}
	if len(h.pages) >= h.o.MaxPages {
		h.limits["pages"] = true
		h.mu.Unlock()
		return
	}
	h.pages[u] = true
	h.mu.Unlock()
	ctx := colly.NewContext()
	ctx.Put("role", "page")
	ctx.Put("depth", strconv.Itoa(depth))
	if err := h.c.Request(http.MethodGet, u, nil, ctx, nil); err != nil {
		var av *colly.AlreadyVisitedError
		if errors.As(err, &av) {
			return
		}
		h.pageFailed(u, 0, err)
	}
}

// visitDoc records a listing entry of the document at u and queues the
// document the first time it is seen.
func (h *harvester) visitDoc(u string, e entry, depth int) {
	h.mu.Lock()
	h.entries[u] = append(h.entries[u], e)
	if h.queued[u] {
		h.mu.Unlock()
		return
	}
	h.queued[u] = true
	h.mu.Unlock()
	ctx := colly.NewContext()
	ctx.Put("role", "doc")
	ctx.Put("url", u)
	ctx.Put("depth", strconv.Itoa(depth))
	if err := h.c.Request(http.MethodGet, u, nil, ctx, nil); err != nil {
		h.docFailed(u, 0, err)
	}
}

// onRequest asks for a known document only if it changed.
func (h *harvester) onRequest(r *colly.Request) {
	if r.Ctx.Get("role") != "doc" {
		return
	}
	h.mu.Lock()
	ds := h.st.Documents[r.Ctx.Get("url")]
	h.mu.Unlock()
	if ds == nil {
		return
	}
	if _, err := os.Stat(filepath.Join(h.o.Corpus, filepath.FromSlash(ds.Path))); err != nil {
		return // the copy is gone: download it again
	}
	if ds.ETag != "" {
		r.Headers.Set("If-None-Match", ds.ETag)
	}
	if ds.LastModified != "" {
		r.Headers.Set("If-Modified-Since", ds.LastModified)
	}
}

func (h *harvester) onResponse(r *colly.Response) {
	final := r.Request.URL.String()
	sp := h.tr.take(final)
	switch r.Ctx.Get("role") {
	case "page":
		if sp != nil {
			os.Remove(sp.path)
		}
		if len(r.Body) == 0 {
			h.pageFailed(final, r.StatusCode, fmt.Errorf("page over %d bytes or empty: %w", h.o.MaxPageBytes, errTooLarge))
			return
		}
		h.mu.Lock()
		h.pagesRead++
		h.mu.Unlock()
		depth, _ := strconv.Atoi(r.Ctx.Get("depth"))
		h.readPage(r.Body, r.Request.URL, true, depth)
	case "doc":
		u := r.Ctx.Get("url")
		if sp == nil {
			h.docFailed(u, r.StatusCode, errors.New("no body"))
			return
		}
		f, err := h.formatOf(u, final, sp)
		if err != nil {
			os.Remove(sp.path)
			h.setResult(u, &fetched{failed: true, reason: reasonOf(0, err), err: err.Error(), finalURL: final, bytes: sp.size})
			return
		}
		h.setResult(u, &fetched{sp: sp, format: f, finalURL: final, bytes: sp.size})
		if f.Name == format.HTML.Name && len(r.Body) > 0 {
			// An item's page lends its entries to the documents it links.
			depth, _ := strconv.Atoi(r.Ctx.Get("depth"))
			h.readPage(r.Body, r.Request.URL, false, depth)
		}
	}
}

// errWrongType: a document's content is not of the format its link names.
var errWrongType = errors.New("content is not of the format its name says")

// errUnsupported: no format Faro indexes.
var errUnsupported = errors.New("not a format Faro indexes")

// formatOf decides a download's format: its content first (PDF, HTML,
// front matter), then its link's extension, then its media type. A link
// named like a binary format (".pdf") whose content is not is refused.
func (h *harvester) formatOf(listed, final string, sp *spooled) (format.Format, error) {
	extF, hasExt := format.Format{}, false
	for _, s := range []string{listed, final} {
		if u, err := url.Parse(s); err == nil {
			if f, ok := format.ByExt(u.Path); ok {
				extF, hasExt = f, true
				break
			}
		}
	}
	sigF, hasSig := format.Detect("", sp.head)
	switch {
	case hasExt && extF.Binary && (!hasSig || sigF.Name != extF.Name):
		what := sp.mime
		if hasSig {
			what = sigF.Noun
		}
		return format.Format{}, fmt.Errorf("named %s, got %s: %w", extF.Exts[0], what, errWrongType)
	case hasSig:
		return sigF, nil
	case hasExt:
		return extF, nil
	}
	for _, f := range format.All() {
		if mt, _, _ := strings.Cut(f.MIME, ";"); mt == sp.mime && f.Name != format.Text.Name {
			return f, nil
		}
	}
	return format.Format{}, fmt.Errorf("%s: %w", sp.mime, errUnsupported)
}

func (h *harvester) setResult(u string, f *fetched) {
	h.mu.Lock()
	h.results[u] = f
	h.mu.Unlock()
}

func (h *harvester) onError(r *colly.Response, err error) {
	if r == nil || r.Request == nil {
		return
	}
	if sp := h.tr.take(r.Request.URL.String()); sp != nil {
		os.Remove(sp.path)
	}
	switch r.Ctx.Get("role") {
	case "page":
		h.pageFailed(r.Request.URL.String(), r.StatusCode, err)
	case "doc":
		u := r.Ctx.Get("url")
		if r.StatusCode == http.StatusNotModified {
			h.setResult(u, &fetched{notMod: true, finalURL: r.Request.URL.String()})
			depth, _ := strconv.Atoi(r.Ctx.Get("depth"))
			h.readStoredPage(u, r.Request.URL.String(), depth)
			return
		}
		h.docFailed(u, r.StatusCode, err)
	}
}

func (h *harvester) docFailed(u string, status int, err error) {
	reason := reasonOf(status, err)
	if reason == "run-limit" {
		h.limit("run-bytes")
	}
	h.setResult(u, &fetched{failed: true, reason: reason, err: errText(status, err)})
}

func (h *harvester) pageFailed(u string, status int, err error) {
	reason := reasonOf(status, err)
	h.log.Warn("listing page not read", "url", u, "reason", reason, "err", errText(status, err))
	h.mu.Lock()
	h.pageErrors = append(h.pageErrors, Item{URL: u, Outcome: Failed, Reason: reason, Err: errText(status, err)})
	h.limits["page-error"] = true
	if reason == "run-limit" {
		h.limits["run-bytes"] = true
	}
	h.mu.Unlock()
}

func errText(status int, err error) string {
	if err == nil {
		return http.StatusText(status)
	}
	return err.Error()
}

// reasonOf names why a request failed.
func reasonOf(status int, err error) string {
	var nerr net.Error
	switch {
	case status >= 400:
		return "http-" + strconv.Itoa(status)
	case errors.Is(err, errTooLarge):
		return "too-large"
	case errors.Is(err, errRunLimit):
		return "run-limit"
	case errors.Is(err, errWrongType):
		return "wrong-type"
	case errors.Is(err, errUnsupported):
		return "unsupported"
	case errors.Is(err, colly.ErrRobotsTxtBlocked):
		return "robots"
	case err != nil && strings.Contains(err.Error(), "Not following redirect"):
		return "redirect-refused"
	case errors.Is(err, colly.ErrForbiddenDomain), errors.Is(err, colly.ErrNoURLFiltersMatch), errors.Is(err, colly.ErrForbiddenURL):
		return "out-of-scope"
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &nerr) && nerr.Timeout():
		return "timeout"
	case errors.Is(err, colly.ErrMaxDepth):
		return "depth"
	case status >= 300 && status < 400:
		return "http-" + strconv.Itoa(status)
	}
	return "network"
}

// readStoredPage reads the entries of an HTML document the server says
// is unchanged from its stored copy: the documents it links stay listed.
func (h *harvester) readStoredPage(docURL, finalURL string, depth int) {
	h.mu.Lock()
	ds := h.st.Documents[docURL]
	h.mu.Unlock()
	if ds == nil {
		return
	}
	if f, ok := format.ByExt(ds.Path); !ok || f.Name != format.HTML.Name {
		return
	}
	full := filepath.Join(h.o.Corpus, filepath.FromSlash(ds.Path))
	if st, err := os.Stat(full); err != nil || st.Size() > h.o.MaxPageBytes {
		return
	}
	data, err := os.ReadFile(full)
	if err != nil {
		return
	}
	if base, err := url.Parse(finalURL); err == nil {
		h.readPage(data, base, false, depth)
	}
}

// readPage follows a listing page's pagination (when listing) and queues
// the documents its entries link, read with extract.ReadListing.
func (h *harvester) readPage(body []byte, pageURL *url.URL, listing bool, depth int) {
	page := pageURL.String()
	var base *url.URL
	abs := func(href string) *url.URL {
		u, err := base.Parse(strings.TrimSpace(href))
		if err != nil {
			return nil
		}
		u.Fragment = ""
		return u
	}
	isDoc := func(href string) bool {
		u := abs(href)
		if u == nil || u.String() == page || !h.inScope(u) {
			return false
		}
		_, ok := format.ByExt(u.Path)
		return ok
	}
	base = pageURL
	lst := extract.ReadListing(body, isDoc)
	if lst.Base != "" {
		// Links are relative to the page's <base>: read again with it.
		if b, err := pageURL.Parse(strings.TrimSpace(lst.Base)); err == nil && b.String() != pageURL.String() {
			base = b
			lst = extract.ReadListing(body, isDoc)
		}
	}
	if listing {
		for _, href := range lst.Pagination {
			if u := abs(href); u != nil && u.String() != page && h.inScope(u) {
				h.visitPage(u.String(), depth+1)
			}
		}
	}
	if depth+1 > h.o.MaxDepth && len(lst.Entries) > 0 {
		h.limit("depth")
		return
	}
	for _, le := range lst.Entries {
		if u := abs(le.Href); u != nil {
			h.visitDoc(u.String(), entry{ListingEntry: le, Listing: page, Lang: lst.Lang}, depth+1)
		}
	}
}

// finish stores what was downloaded, writes the sidecars, retires the
// documents gone, and reports.
func (h *harvester) finish() (*Report, error) {
	rep := &Report{Pages: h.pagesRead, PageErrors: h.pageErrors}
	for l := range h.limits {
		if l != "page-error" {
			rep.Limits = append(rep.Limits, l)
		}
	}
	sort.Strings(rep.Limits)
	rep.Complete = len(h.limits) == 0
	sort.Slice(rep.PageErrors, func(i, j int) bool { return rep.PageErrors[i].URL < rep.PageErrors[j].URL })

	used := map[string]string{} // path -> URL
	for u, ds := range h.st.Documents {
		used[ds.Path] = u
	}
	for _, u := range slices.Sorted(func(yield func(string) bool) {
		for k := range h.entries {
			if !yield(k) {
				return
			}
		}
	}) {
		e := pickEntry(h.entries[u])
		item := Item{URL: u, Listing: e.Listing}
		res := h.results[u]
		ds := h.st.Documents[u]
		if ds != nil {
			ds.Missing = 0
			item.Path = ds.Path
		}
		switch {
		case res == nil && h.limits["time"]:
			item.Outcome, item.Reason, item.Err = Failed, "timeout", "the run's time limit ended before its answer"
		case res == nil:
			item.Outcome, item.Reason, item.Err = Failed, "network", "no response"
		case res.failed:
			item.Outcome, item.Reason, item.Err, item.Bytes = Failed, res.reason, res.err, res.bytes
		case res.notMod:
			item.Outcome = Unchanged
		default:
			item.Bytes = res.bytes
			rep.DocumentBytes += res.bytes
			pu, _ := url.Parse(u)
			rel := docPath(Sub, pu, res.format)
			if ds != nil && format.Ext(ds.Path) == format.Ext(rel) {
				rel = ds.Path
			} else if other, ok := used[rel]; ok && other != u {
				ext := path.Ext(rel)
				rel = strings.TrimSuffix(rel, ext) + "-" + shortHash(u) + ext
			}
			full := filepath.Join(h.o.Corpus, filepath.FromSlash(rel))
			_, statErr := os.Stat(full)
			switch {
			case ds != nil && ds.SHA256 == res.sp.sha256 && rel == ds.Path && statErr == nil:
				os.Remove(res.sp.path)
				item.Outcome = Unchanged
			default:
				if err := moveInto(res.sp.path, full); err != nil {
					return rep, err
				}
				if ds == nil {
					item.Outcome = New
				} else {
					item.Outcome = Updated
					if ds.Path != rel {
						h.removeCopy(ds.Path)
					}
				}
			}
			if ds == nil {
				ds = &docState{}
				h.st.Documents[u] = ds
			}
			ds.Path, ds.SHA256, ds.Size = rel, res.sp.sha256, res.sp.size
			ds.ETag, ds.LastModified = res.sp.etag, res.sp.lastMod
			used[rel] = u
			item.Path = rel
		}
		if ds != nil && item.Outcome != Failed {
			changed, err := h.writeSidecar(ds.Path, u, e)
			if err != nil {
				return rep, err
			}
			if changed && item.Outcome == Unchanged {
				item.Outcome = Updated
			}
		}
		rep.Documents = append(rep.Documents, item)
	}
	for _, u := range slices.Sorted(func(yield func(string) bool) {
		for k := range h.st.Documents {
			if !yield(k) {
				return
			}
		}
	}) {
		if _, listed := h.entries[u]; listed || !rep.Complete {
			continue
		}
		ds := h.st.Documents[u]
		ds.Missing++
		if ds.Missing < 2 {
			h.log.Info("document no longer listed (gone after a second run)", "url", u, "path", ds.Path)
			continue
		}
		if err := h.retire(ds.Path); err != nil {
			return rep, err
		}
		delete(h.st.Documents, u)
		rep.Documents = append(rep.Documents, Item{URL: u, Outcome: Gone, Path: ds.Path})
	}
	sort.Slice(rep.Documents, func(i, j int) bool { return rep.Documents[i].URL < rep.Documents[j].URL })
	return rep, nil
}

// pickEntry chooses, among the entries that link one document, the one
// its sidecar keeps: the first, by listing URL, with a summary, else the
// first.
func pickEntry(es []entry) entry {
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].Listing != es[j].Listing {
			return es[i].Listing < es[j].Listing
		}
		return es[i].Title < es[j].Title
	})
	for _, e := range es {
		if e.Summary != "" {
			return e
		}
	}
	return es[0]
}

// writeSidecar writes rel's sidecar from its listing entry when it
// differs from the one there; it reports whether it wrote.
func (h *harvester) writeSidecar(rel, docURL string, e entry) (bool, error) {
	side := &indexer.Sidecar{Title: e.Title, Summary: e.Summary, Date: e.Date, SourceURL: docURL, ListingURL: e.Listing, ListingLang: e.Lang}
	data, err := sidecarBytes(side)
	if err != nil {
		return false, err
	}
	file := sidecarOf(filepath.Join(h.o.Corpus, filepath.FromSlash(rel)))
	if old, err := os.ReadFile(file); err == nil && string(old) == string(data) {
		return false, nil
	}
	if err := writeFileAtomic(file, data); err != nil {
		return false, err
	}
	return true, nil
}

// retire moves a gone document out of the corpus.
func (h *harvester) retire(rel string) error {
	if h.o.Gone != nil {
		if err := h.o.Gone(rel); err != nil {
			return fmt.Errorf("move gone document %s: %w", rel, err)
		}
		return nil
	}
	h.removeCopy(rel)
	return nil
}

// removeCopy deletes a corpus file and its sidecar.
func (h *harvester) removeCopy(rel string) {
	full := filepath.Join(h.o.Corpus, filepath.FromSlash(rel))
	os.Remove(full)
	os.Remove(sidecarOf(full))
}
