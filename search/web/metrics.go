package web

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"faro/internal/version"
	"faro/search"
)

// Metrics holds Faro's Prometheus metrics in a registry of their own (never
// the global one), served at /metrics. The HTTP layer feeds the request and
// search series itself; the command feeds the indexing series through
// RecordIndexRun. Its methods are safe for concurrent use; a nil *Metrics
// records nothing.
//
// Series:
//
//	faro_http_requests_total{method,route,status}       requests by gin route pattern
//	faro_http_request_duration_seconds{method,route}    latency histogram
//	faro_http_requests_in_flight                        requests being served
//	faro_http_rejected_total{route}                     expensive requests refused with 503 (busy)
//	faro_search_duration_seconds{outcome}               engine search latency (ok, invalid, timeout, cancelled, error)
//	faro_index_documents                                documents in the index (read at scrape; absent when unreadable)
//	faro_indexing_duration_seconds{operation}           build, reindex, upload
//	faro_indexed_documents_total{operation}             documents written to the index
//	faro_extraction_failures_total{reason}              files that could not be indexed, by reason
//	faro_build_info{version,revision,modified,goversion} 1, labelled with the running build (internal/version)
//	go_*, process_*                                     runtime and process collectors
type Metrics struct {
	reg *prometheus.Registry

	requests   *prometheus.CounterVec
	latency    *prometheus.HistogramVec
	inFlight   prometheus.Gauge
	rejected   *prometheus.CounterVec
	searches   *prometheus.HistogramVec
	indexing   *prometheus.HistogramVec
	indexed    *prometheus.CounterVec
	extraction *prometheus.CounterVec

	mu  sync.RWMutex
	idx search.Index // counted at scrape time
}

// NewMetrics makes the metrics and their registry. Pass the result in
// Options.Metrics to share it with the command (which records indexing
// runs); New makes its own when Options.Metrics is nil.
func NewMetrics() *Metrics {
	m := &Metrics{reg: prometheus.NewRegistry()}
	latencyBuckets := []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30}
	m.requests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "faro_http_requests_total", Help: "HTTP requests by method, route pattern and status.",
	}, []string{"method", "route", "status"})
	m.latency = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "faro_http_request_duration_seconds", Help: "HTTP request latency by method and route pattern.", Buckets: latencyBuckets,
	}, []string{"method", "route"})
	m.inFlight = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "faro_http_requests_in_flight", Help: "HTTP requests being served.",
	})
	m.rejected = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "faro_http_rejected_total", Help: "Expensive requests refused with 503 because every slot was taken.",
	}, []string{"route"})
	m.searches = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "faro_search_duration_seconds", Help: "Latency of searches in the engine by outcome (ok, invalid, timeout, cancelled, error).", Buckets: latencyBuckets,
	}, []string{"outcome"})
	m.indexing = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "faro_indexing_duration_seconds", Help: "Duration of indexing runs by operation (build, reindex, upload).",
		Buckets: []float64{.05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800},
	}, []string{"operation"})
	m.indexed = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "faro_indexed_documents_total", Help: "Documents written to the index by operation.",
	}, []string{"operation"})
	m.extraction = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "faro_extraction_failures_total", Help: "Files that could not be indexed, by reason.",
	}, []string{"reason"})
	bi := version.Get()
	build := prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "faro_build_info", Help: "The running build: always 1, labelled with its version, commit, modified tree and Go version.",
		ConstLabels: prometheus.Labels{"version": bi.Version, "revision": bi.Revision,
			"modified": strconv.FormatBool(bi.Modified), "goversion": bi.Go},
	})
	build.Set(1)
	for _, o := range []string{"ok", "invalid", "timeout", "cancelled", "error"} {
		m.searches.WithLabelValues(o)
	}
	m.reg.MustRegister(m.requests, m.latency, m.inFlight, m.rejected, m.searches, m.indexing, m.indexed, m.extraction,
		docCount{m}, build,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	return m
}

// IndexRun is what an indexing run tells the metrics.
type IndexRun struct {
	// Operation is "build" (a new index), "reindex" (an update in place)
	// or "upload" (one file).
	Operation string
	Took      time.Duration
	// Documents is how many documents were written to the index.
	Documents int
	// Failures counts the files that could not be indexed by reason
	// ("unsupported", "too-large", "timeout", ...).
	Failures map[string]int
}

// RecordIndexRun adds an indexing run to the metrics.
func (m *Metrics) RecordIndexRun(r IndexRun) {
	if m == nil {
		return
	}
	m.indexing.WithLabelValues(r.Operation).Observe(r.Took.Seconds())
	m.indexed.WithLabelValues(r.Operation).Add(float64(r.Documents))
	for reason, n := range r.Failures {
		m.extraction.WithLabelValues(reason).Add(float64(n))
	}
}

// Handler serves the metrics in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg, ErrorHandling: promhttp.ContinueOnError})
}

func (m *Metrics) setIndex(idx search.Index) {
	m.mu.Lock()
	m.idx = idx
	m.mu.Unlock()
}

// docCount reports the index's document count when scraped.
type docCount struct{ m *Metrics }

var docCountDesc = prometheus.NewDesc("faro_index_documents", "Documents in the index.", nil, nil)

func (d docCount) Describe(ch chan<- *prometheus.Desc) { ch <- docCountDesc }

func (d docCount) Collect(ch chan<- prometheus.Metric) {
	d.m.mu.RLock()
	idx := d.m.idx
	d.m.mu.RUnlock()
	if idx == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	n, err := idx.Count(ctx)
	if err != nil {
		return // left out rather than made up; /readyz says why
	}
	ch <- prometheus.MustNewConstMetric(docCountDesc, prometheus.GaugeValue, float64(n))
}

// measure is the middleware that counts requests and times them by route.
func (m *Metrics) measure(c *gin.Context) {
	start := time.Now()
	m.inFlight.Inc()
	defer m.inFlight.Dec()
	c.Next()
	r := route(c)
	m.requests.WithLabelValues(c.Request.Method, r, strconv.Itoa(c.Writer.Status())).Inc()
	m.latency.WithLabelValues(c.Request.Method, r).Observe(time.Since(start).Seconds())
}

// backend returns the index the server was given, for what it may offer
// besides search.Index (readiness, phrases).
func (s *Server) backend() search.Index {
	if t, ok := s.idx.(timedIndex); ok {
		return t.Index
	}
	return s.idx
}

// timedIndex times the searches of every handler (API, pages, exports).
type timedIndex struct {
	search.Index
	m *Metrics
}

func (t timedIndex) Search(ctx context.Context, q search.Query) (*search.Result, error) {
	start := time.Now()
	r, err := t.Index.Search(ctx, q)
	var qe *search.QueryError
	outcome := "ok"
	switch {
	case err == nil:
	case errors.As(err, &qe):
		outcome = "invalid"
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		outcome = "timeout"
	case ctx.Err() != nil:
		outcome = "cancelled"
	default:
		outcome = "error"
	}
	t.m.searches.WithLabelValues(outcome).Observe(time.Since(start).Seconds())
	return r, err
}
