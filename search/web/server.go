package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"faro/format"
	"faro/internal/version"
	"faro/search"
)

// Options configure the handler. The zero value serves reads only, with
// the defaults below.
type Options struct {
	// Corpus is the folder the indexed documents' Source paths are relative
	// to; originals are served from it.
	Corpus string
	// Logger receives request logs and internal errors; nil discards them.
	Logger *slog.Logger
	// Writer stores, indexes and removes documents for the write API
	// (POST /api/v1/documents, DELETE /api/v1/documents/{id},
	// POST /api/v1/reindex); nil disables it.
	Writer Writer
	// AdminToken is the bearer token the write API requires; "" disables
	// writes (403).
	AdminToken string
	// Metrics receives the request and search metrics and serves them at
	// /metrics; nil makes new ones (see Server.Metrics).
	Metrics *Metrics
	// SearchTimeout bounds each reading request's work (0 means
	// DefaultSearchTimeout; negative means none).
	SearchTimeout time.Duration
	// MaxUpload is the largest file an upload may carry (0 means
	// DefaultMaxUpload).
	MaxUpload int64
	// MaxBody is the largest body any other request may carry (0 means
	// DefaultMaxBody).
	MaxBody int64
	// MaxConcurrent is how many expensive reads (exports, evidence packs,
	// feeds) run at once; the next ones are answered 503 with Retry-After.
	// 0 means DefaultMaxConcurrent. Writes have their own
	// (UploadConcurrency).
	MaxConcurrent int
	// SearchConcurrency is how many searches (API and page) run at once;
	// the others wait in line, in order, within their time limit. 0 means
	// the number of CPUs the process may use.
	SearchConcurrency int
	// Tombstones lists the deleted documents, whose URLs answer 410 Gone
	// with the date of their removal; nil answers 404 for them.
	Tombstones Tombstones
	// UploadConcurrency is how many uploads and reindexing runs are served
	// at once, apart from the reads' slots (MaxConcurrent); the next ones
	// are answered 503 with Retry-After. 0 means DefaultUploadConcurrency.
	UploadConcurrency int
	// UploadMinRate is the slowest an upload's body may arrive, in bytes
	// per second on average after UploadRateGrace; a slower one is cut
	// off with 408. 0 means DefaultUploadMinRate; negative means none.
	UploadMinRate int64
	// SpoolDir is the folder an upload's file is streamed into while it
	// arrives ("" means the system's temporary folder).
	SpoolDir string
	// UploadRateGrace is how long an upload may send before UploadMinRate
	// applies (0 means DefaultUploadRateGrace).
	UploadRateGrace time.Duration
}

// Defaults of Options.
const (
	DefaultSearchTimeout = 10 * time.Second
	DefaultMaxBody       = 1 << 20
)

// DefaultMaxConcurrent is the default number of expensive requests served
// at once: twice the CPUs, at least 4.
var DefaultMaxConcurrent = max(4, 2*runtime.GOMAXPROCS(0))

// Server serves the API and the pages over an index.
type Server struct {
	idx     search.Index
	corpus  string
	log     *slog.Logger
	opts    Options
	metrics *Metrics
	slots   chan struct{}
	// uploadSlots holds a slot per upload or reindex running.
	uploadSlots chan struct{}
	// searching holds a slot per search running (queueSearches).
	searching chan struct{}
	engine    *gin.Engine
}

func init() { gin.SetMode(gin.ReleaseMode) }

// New returns the HTTP handler of Faro.
func New(idx search.Index, opts Options) *Server {
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if opts.SearchTimeout == 0 {
		opts.SearchTimeout = DefaultSearchTimeout
	}
	if opts.MaxUpload <= 0 {
		opts.MaxUpload = DefaultMaxUpload
	}
	if opts.MaxBody <= 0 {
		opts.MaxBody = DefaultMaxBody
	}
	if opts.MaxConcurrent <= 0 {
		opts.MaxConcurrent = DefaultMaxConcurrent
	}
	if opts.UploadConcurrency <= 0 {
		opts.UploadConcurrency = DefaultUploadConcurrency
	}
	if opts.UploadMinRate == 0 {
		opts.UploadMinRate = DefaultUploadMinRate
	}
	if opts.UploadRateGrace <= 0 {
		opts.UploadRateGrace = DefaultUploadRateGrace
	}
	m := opts.Metrics
	if m == nil {
		m = NewMetrics()
	}
	m.setIndex(idx)
	s := &Server{idx: timedIndex{Index: idx, m: m}, corpus: opts.Corpus, log: log, opts: opts, metrics: m,
		slots: make(chan struct{}, opts.MaxConcurrent), uploadSlots: make(chan struct{}, opts.UploadConcurrency)}
	if opts.SearchConcurrency <= 0 {
		opts.SearchConcurrency = runtime.GOMAXPROCS(0)
	}
	s.searching = make(chan struct{}, opts.SearchConcurrency)
	r := gin.New()
	r.HandleMethodNotAllowed = true
	// Outermost first: the id is known to every log line, requests are
	// logged and measured with the status the recoverer set, and the limits
	// apply before any handler runs.
	r.Use(s.requestID, s.logRequests, m.measure, s.recoverer, securityHeaders, compress,
		s.limitOtherBodies(), s.searchTimeout, s.limitExpensive, s.queueSearches)
	r.NoRoute(func(c *gin.Context) { s.fail(c, http.StatusNotFound, "not found") })
	r.NoMethod(func(c *gin.Context) { s.fail(c, http.StatusMethodNotAllowed, "method not allowed") })

	api := r.Group("/api/v1")
	api.GET("/search", s.apiSearch)
	api.GET("/documents/:id", s.apiDocument)
	api.GET("/taxonomy", s.apiTaxonomy)
	api.GET("/facets/:name", s.apiFacetValues)
	api.GET("/suggest", s.apiSuggest)
	r.GET(OpenAPIRoute, s.openAPI)
	s.registerAdmin(r)
	r.GET("/healthz", s.healthz)
	r.GET("/readyz", s.readyz)
	r.GET("/metrics", gin.WrapH(m.Handler()))

	r.GET("/", s.pageSearch)
	r.GET("/documents/:id", s.pageDocument)
	r.GET("/documents/:id/file", s.file)
	r.GET("/static/*path", s.static)
	s.registerEvidence(r)
	s.engine = r
	return s
}

// Metrics returns the metrics the server records into.
func (s *Server) Metrics() *Metrics { return s.metrics }

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.engine.ServeHTTP(w, r) }

// errorBody is the shape of every API error.
type errorBody struct {
	Error string `json:"error"`
}

// fail answers an error: JSON under /api, a small page elsewhere.
func (s *Server) fail(c *gin.Context, status int, msg string) {
	if strings.HasPrefix(c.Request.URL.Path, "/api/") || c.Request.URL.Path == "/healthz" || c.Request.URL.Path == "/readyz" {
		c.AbortWithStatusJSON(status, errorBody{Error: msg})
		return
	}
	s.renderError(c, status, msg)
}

// codeStatus is the HTTP status of each error code (search.ErrorCode):
// the one table from the contract's errors to HTTP.
var codeStatus = map[search.Code]int{
	search.CodeInvalid:       http.StatusBadRequest,
	search.CodeNotFound:      http.StatusNotFound,
	search.CodeConflict:      http.StatusConflict,
	search.CodeTooLarge:      http.StatusRequestEntityTooLarge,
	search.CodeUnsupported:   http.StatusUnsupportedMediaType,
	search.CodeUnprocessable: http.StatusUnprocessableEntity,
	search.CodeUnavailable:   http.StatusServiceUnavailable,
	search.CodeNoSpace:       http.StatusInsufficientStorage,
	search.CodeInternal:      http.StatusInternalServerError,
}

// failErr answers an error with the status of its code (codeStatus) and
// its message (search.ErrorMessage). Bodies read past their limit are 413
// with the limit; a search past the search timeout, or a cancelled
// request, is unavailable (503); conflicts and unavailability carry
// Retry-After; anything else is logged and answered 500 without detail.
func (s *Server) failErr(c *gin.Context, err error) {
	code := search.ErrorCode(err)
	if code == search.CodeInternal {
		if errors.Is(err, errUploadTooSlow) {
			s.tooSlow(c, err)
			return
		}
		if limit, ok := isTooLarge(err); ok {
			if c.FullPath() == uploadRoute {
				limit = s.opts.MaxUpload // the body's limit adds the framing
			}
			s.tooLarge(c, limit)
			return
		}
		switch {
		case errors.Is(err, context.DeadlineExceeded):
			s.logger(c).Warn("search timed out", "path", c.Request.URL.Path, "query", c.Request.URL.RawQuery, "timeout", s.opts.SearchTimeout)
			err = search.Errorf(search.CodeUnavailable, "the search took longer than %s; narrow it down or retry", s.opts.SearchTimeout)
		case errors.Is(err, context.Canceled):
			err = search.Errorf(search.CodeUnavailable, "request cancelled")
		}
		code = search.ErrorCode(err)
	}
	if code == search.CodeInternal {
		s.logger(c).Error("request failed", "path", c.Request.URL.Path, "err", err)
	}
	status, ok := codeStatus[code]
	if !ok {
		status = http.StatusInternalServerError
	}
	if code == search.CodeConflict || code == search.CodeUnavailable {
		c.Header("Retry-After", strconv.Itoa(int(busyRetryAfter/time.Second)))
	}
	s.fail(c, status, errorText(c, err))
}

// errorText is an error's message for the client, a query error in the
// interface's language.
func errorText(c *gin.Context, err error) string {
	var qe *search.QueryError
	if errors.As(err, &qe) {
		return qe.Localized(uiLang(c))
	}
	return search.ErrorMessage(err)
}

// healthz answers that the process serves, and which build it is.
func (s *Server) healthz(c *gin.Context) {
	bi := version.Get()
	body := gin.H{"status": "ok", "version": bi.Version}
	if bi.Revision != "" {
		body["commit"] = bi.Revision
	}
	sendJSON(c, http.StatusOK, body)
}

// readier is an index that can say whether its searches are fast yet.
type readier interface{ Ready() bool }

// readyz reports ready once the index answers and, for an index that
// builds search tables, once they are built: before that, searches wait.
func (s *Server) readyz(c *gin.Context) {
	n, err := s.idx.Count(c.Request.Context())
	if err != nil {
		s.logger(c).Error("readiness check", "err", err)
		sendJSON(c, http.StatusServiceUnavailable, errorBody{Error: "index not readable"})
		return
	}
	if r, ok := s.backend().(readier); ok && !r.Ready() {
		c.Header("Retry-After", "1")
		sendJSON(c, http.StatusServiceUnavailable, errorBody{Error: "search tables are being built"})
		return
	}
	body := gin.H{"status": "ready", "documents": n}
	if rb, ok := s.opts.Writer.(Rebuilder); ok {
		if now, running := rb.Rebuilding(); running {
			body["rebuilding"] = now
		}
	}
	sendJSON(c, http.StatusOK, body)
}

// file serves the original of a document from the corpus folder.
func (s *Server) file(c *gin.Context) {
	doc, err := s.idx.Document(c.Request.Context(), c.Param("id"))
	if err != nil {
		s.failDocument(c, c.Param("id"), err)
		return
	}
	if s.corpus == "" {
		s.fail(c, http.StatusNotFound, "originals are not available on this server")
		return
	}
	root, err := os.OpenRoot(s.corpus)
	if err != nil {
		s.failErr(c, fmt.Errorf("open corpus %q: %w", s.corpus, err))
		return
	}
	defer root.Close()
	f, err := root.Open(filepath.FromSlash(doc.Source))
	if err != nil {
		s.logger(c).Warn("original missing", "id", doc.ID, "source", doc.Source, "err", err)
		s.fail(c, http.StatusNotFound, "the original file is no longer in the corpus")
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.IsDir() {
		s.fail(c, http.StatusNotFound, "the original file is no longer in the corpus")
		return
	}
	h := c.Writer.Header()
	h.Set("Content-Type", contentType(doc))
	// An original HTML page is foreign content: let it render, never run.
	h.Set("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'")
	h.Set("Content-Disposition", "inline; filename="+strconv.Quote(path.Base(doc.Source)))
	http.ServeContent(c.Writer, c.Request, path.Base(doc.Source), st.ModTime(), f)
}

// contentType is the MIME type an original is served with: its format's
// (by the document's format, else by its extension), or a download.
func contentType(doc *search.Document) string {
	f, ok := format.ByName(doc.Format)
	if !ok {
		f, ok = format.ByExt(doc.Source)
	}
	if !ok {
		return "application/octet-stream"
	}
	return f.MIME
}

// uiLang picks the interface language: ?ui=, then Accept-Language.
func uiLang(c *gin.Context) string {
	switch l := c.Query("ui"); l {
	case "es", "en":
		return l
	}
	for _, part := range strings.Split(c.GetHeader("Accept-Language"), ",") {
		tag := strings.ToLower(strings.TrimSpace(strings.SplitN(part, ";", 2)[0]))
		switch {
		case strings.HasPrefix(tag, "es"):
			return "es"
		case strings.HasPrefix(tag, "en"):
			return "en"
		}
	}
	return "en"
}

// facetJSON is a facet value as the API shows it.
type facetJSON struct {
	Value string `json:"value"`
	Label string `json:"label"`
	Count int    `json:"count"`
}

func labelFacets(f map[string][]search.FacetCount, lang string) map[string][]facetJSON {
	out := make(map[string][]facetJSON, len(search.Facets))
	for _, facet := range search.AllFacets() {
		vals := make([]facetJSON, 0, len(f[facet.Name]))
		for _, fc := range f[facet.Name] {
			vals = append(vals, facetJSON{Value: fc.Value, Label: facet.Label(fc.Value, lang), Count: fc.Count})
		}
		out[facet.Name] = vals
	}
	return out
}
