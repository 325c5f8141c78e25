package web

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
)

// RequestIDHeader carries a request's id, in and out.
const RequestIDHeader = "X-Request-ID"

type ctxKey int

const requestIDKey ctxKey = iota

// RequestID returns the id of the request ctx belongs to, or "".
func RequestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey).(string)
	return id
}

// saneRequestID reports whether an incoming id may be reused: 1 to 128
// characters of letters, digits and -_.:/+= (UUIDs, ULIDs, trace ids), so
// it cannot inject anything into logs or headers.
func saneRequestID(id string) bool {
	if id == "" || len(id) > 128 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case strings.IndexByte("-_.:/+=", c) >= 0:
		default:
			return false
		}
	}
	return true
}

// requestID takes a sane X-Request-ID or makes one, answers it, and puts it
// in the request's context and in the request's logger.
func (s *Server) requestID(c *gin.Context) {
	id := c.GetHeader(RequestIDHeader)
	if !saneRequestID(id) {
		id = rand.Text()
	}
	c.Writer.Header().Set(RequestIDHeader, id)
	c.Request = c.Request.WithContext(context.WithValue(c.Request.Context(), requestIDKey, id))
	c.Next()
}

// logger returns the server's logger with the request's id.
func (s *Server) logger(c *gin.Context) *slog.Logger {
	if id := RequestID(c.Request.Context()); id != "" {
		return s.log.With("request_id", id)
	}
	return s.log
}

// route names a request's route for logs and metrics: gin's pattern
// ("/api/v1/documents/:id"), never the raw path, so ids and probes do not
// blow up label cardinality.
func route(c *gin.Context) string {
	if r := c.FullPath(); r != "" {
		return r
	}
	return "unmatched"
}

func (s *Server) logRequests(c *gin.Context) {
	start := time.Now()
	c.Next()
	status := c.Writer.Status()
	attrs := []any{"method", c.Request.Method, "path", c.Request.URL.Path, "route", route(c), "status", status,
		"bytes", c.Writer.Size(), "dur_ms", float64(time.Since(start).Microseconds()) / 1000}
	level := slog.LevelInfo
	switch {
	case errors.Is(c.Request.Context().Err(), context.Canceled):
		attrs = append(attrs, "client_gone", true) // not the server's fault
	case status >= 500:
		level = slog.LevelWarn
	}
	s.logger(c).Log(c.Request.Context(), level, "request", attrs...)
}

func (s *Server) recoverer(c *gin.Context) {
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.logger(c).Error("panic serving request", "path", c.Request.URL.Path, "panic", fmt.Sprint(v))
			s.fail(c, http.StatusInternalServerError, "internal error")
		}
	}()
	c.Next()
}

func securityHeaders(c *gin.Context) {
	h := c.Writer.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("X-Frame-Options", "SAMEORIGIN")
	if !strings.HasSuffix(c.Request.URL.Path, "/file") {
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'")
	}
	c.Next()
}

// limitBody caps the request body at limit bytes: a declared length above
// it is refused at once with 413, and a body that turns out longer (chunked)
// fails its read with an *http.MaxBytesError, which failErr answers 413.
// The 413 message names shown as the limit (an upload's file limit, not
// the body's, which adds room for the multipart framing).
func (s *Server) limitBody(limit, shown int64) gin.HandlerFunc {
	return func(c *gin.Context) {
		if c.Request.ContentLength > limit {
			s.tooLarge(c, shown)
			return
		}
		if c.Request.Body != nil && c.Request.Body != http.NoBody {
			c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, limit)
		}
		c.Next()
	}
}

// limitOtherBodies applies the default body limit to every route but the
// upload, which sets its own after authentication.
func (s *Server) limitOtherBodies() gin.HandlerFunc {
	def := s.limitBody(s.opts.MaxBody, s.opts.MaxBody)
	return func(c *gin.Context) {
		if c.Request.Method == http.MethodPost && c.FullPath() == uploadRoute {
			c.Next()
			return
		}
		def(c)
	}
}

func (s *Server) tooLarge(c *gin.Context, limit int64) {
	c.Header("Connection", "close")
	s.fail(c, http.StatusRequestEntityTooLarge, "request body larger than "+formatBytes(limit))
}

// formatBytes writes a size the way people say it: 50 MB, 1 MB, 512 KB.
func formatBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + " MB"
	case n >= 1<<20:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MB"
	case n >= 1<<10:
		return strconv.FormatInt(n>>10, 10) + " KB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// untimedRoutes are the GET routes that do not search, so the search
// timeout does not apply: streaming an original, assets, health, metrics.
var untimedRoutes = map[string]bool{
	"/documents/:id/file": true,
	"/static/*path":       true,
	"/healthz":            true,
	"/metrics":            true,
}

// searchTimeout bounds the work of a reading request: its context ends
// after Options.SearchTimeout, the engine gives up, and failErr answers 503.
func (s *Server) searchTimeout(c *gin.Context) {
	if s.opts.SearchTimeout <= 0 || (c.Request.Method != http.MethodGet && c.Request.Method != http.MethodHead) || untimedRoutes[c.FullPath()] {
		c.Next()
		return
	}
	ctx, cancel := context.WithTimeout(c.Request.Context(), s.opts.SearchTimeout)
	defer cancel()
	c.Request = c.Request.WithContext(ctx)
	c.Next()
}

// expensiveRoute reports whether a read route does much work per request
// (many documents, whole page texts) and so takes a slot of the semaphore.
// Uploads and reindexing take a write slot instead (acquireUpload).
func expensiveRoute(r string) bool {
	return strings.HasPrefix(r, "/api/v1/export") || strings.HasPrefix(r, "/api/v1/evidence") || r == "/feed.atom"
}

// limitExpensive makes expensive read routes take a slot.
func (s *Server) limitExpensive(c *gin.Context) {
	if expensiveRoute(c.FullPath()) {
		s.acquire(c)
		return
	}
	c.Next()
}

// searchRoutes are the routes that run a search.
var searchRoutes = map[string]bool{"/api/v1/search": true, "/": true}

// queueSearches runs searches SearchConcurrency at a time, the others
// waiting in line (a channel serves waiting senders in order). Searches
// are CPU work: more at once would not finish sooner, only share the CPUs
// so that each takes longer and the slowest much longer. A search whose
// time limit ends while it waits is answered 503.
func (s *Server) queueSearches(c *gin.Context) {
	if !searchRoutes[c.FullPath()] {
		c.Next()
		return
	}
	select {
	case s.searching <- struct{}{}:
	case <-c.Request.Context().Done():
		s.fail(c, http.StatusServiceUnavailable, "the server is busy: the search waited past its time limit; retry in a moment")
		return
	}
	defer func() { <-s.searching }()
	// A search handed the slot by the one before it was put first in
	// line on that one's processor, ahead of requests that came from the
	// network meanwhile: those are read only when no handed-over search
	// is left, so under load the queue drained in batches and a few
	// requests waited for several batches (p99 3-5 times the median).
	// Yielding once sends the search behind them: requests are read as
	// they come and served in their order.
	runtime.Gosched()
	c.Next()
}

// busyRetryAfter is what a refused expensive request is told to wait.
const busyRetryAfter = 2 * time.Second

// acquire runs the rest of the chain holding one of the slots of the
// expensive-request semaphore; when all are taken it answers 503 with
// Retry-After at once rather than queueing behind slow work.
func (s *Server) acquire(c *gin.Context) {
	select {
	case s.slots <- struct{}{}:
	default:
		s.metrics.rejected.WithLabelValues(route(c)).Inc()
		c.Header("Retry-After", strconv.Itoa(int(busyRetryAfter/time.Second)))
		// JSON on every route, the feed too: its clients are programs.
		c.AbortWithStatusJSON(http.StatusServiceUnavailable, errorBody{Error: "the server is busy with other exports and uploads; retry in a moment"})
		return
	}
	defer func() { <-s.slots }()
	c.Next()
}

// isTooLarge reports whether err comes from reading past a body limit.
func isTooLarge(err error) (int64, bool) {
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		return mb.Limit, true
	}
	return 0, false
}
