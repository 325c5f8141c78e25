package web_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"faro/internal/version"
	"faro/search"
	"faro/search/searchtest"
	"faro/search/web"
)

// scrape reads /metrics with the Prometheus text parser.
func scrape(t *testing.T, url string) map[string]*dto.MetricFamily {
	t.Helper()
	resp, err := http.Get(url + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("/metrics: status %d", resp.StatusCode)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
		t.Errorf("/metrics content type %q", ct)
	}
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(resp.Body)
	if err != nil {
		t.Fatalf("parse /metrics: %v", err)
	}
	return fams
}

func labels(m *dto.Metric) map[string]string {
	out := map[string]string{}
	for _, l := range m.GetLabel() {
		out[l.GetName()] = l.GetValue()
	}
	return out
}

// find returns the metric of a family whose labels include want.
func find(fams map[string]*dto.MetricFamily, name string, want map[string]string) *dto.Metric {
	f := fams[name]
	if f == nil {
		return nil
	}
next:
	for _, m := range f.GetMetric() {
		got := labels(m)
		for k, v := range want {
			if got[k] != v {
				continue next
			}
		}
		return m
	}
	return nil
}

func TestMetrics(t *testing.T) {
	m := web.NewMetrics()
	srv, _ := newWriteServer(t, web.Options{AdminToken: token, Metrics: m})
	for _, p := range []string{
		"/api/v1/search?q=trata", "/api/v1/search?q=trata", "/api/v1/search?q=%22unclosed",
		"/api/v1/documents/hn-trata", "/api/v1/documents/no-such-id", "/no/such/path-12345", "/healthz", "/readyz",
	} {
		resp, _ := get(t, srv, p)
		_ = resp
	}
	upload(t, srv, "Bearer "+token, "m.txt", []byte("metrics test"), "")
	m.RecordIndexRun(web.IndexRun{Operation: "reindex", Took: 1500 * time.Millisecond, Documents: 3,
		Failures: map[string]int{"encrypted": 2, "timeout": 1}})

	fams := scrape(t, srv.URL)
	for _, tc := range []struct {
		name   string
		labels map[string]string
		check  func(*dto.Metric) bool
	}{
		{"faro_http_requests_total", map[string]string{"method": "GET", "route": "/api/v1/search", "status": "200"},
			func(m *dto.Metric) bool { return m.GetCounter().GetValue() == 2 }},
		{"faro_http_requests_total", map[string]string{"route": "/api/v1/search", "status": "400"}, nil},
		{"faro_http_requests_total", map[string]string{"route": "/api/v1/documents/:id", "status": "200"}, nil},
		{"faro_http_requests_total", map[string]string{"route": "/api/v1/documents/:id", "status": "404"}, nil},
		{"faro_http_requests_total", map[string]string{"route": "unmatched", "status": "404"}, nil},
		{"faro_http_requests_total", map[string]string{"method": "POST", "route": "/api/v1/documents", "status": "201"}, nil},
		{"faro_http_request_duration_seconds", map[string]string{"method": "GET", "route": "/api/v1/search"},
			func(m *dto.Metric) bool { return m.GetHistogram().GetSampleCount() == 3 }},
		{"faro_search_duration_seconds", map[string]string{"outcome": "ok"},
			func(m *dto.Metric) bool { return m.GetHistogram().GetSampleCount() >= 2 }},
		{"faro_search_duration_seconds", map[string]string{"outcome": "invalid"}, nil},
		{"faro_index_documents", nil,
			func(m *dto.Metric) bool { return m.GetGauge().GetValue() == float64(len(searchtest.Docs())+1) }},
		{"faro_extraction_failures_total", map[string]string{"reason": "encrypted"},
			func(m *dto.Metric) bool { return m.GetCounter().GetValue() == 2 }},
		{"faro_indexing_duration_seconds", map[string]string{"operation": "reindex"},
			func(m *dto.Metric) bool { return m.GetHistogram().GetSampleSum() == 1.5 }},
		{"faro_indexed_documents_total", map[string]string{"operation": "reindex"},
			func(m *dto.Metric) bool { return m.GetCounter().GetValue() == 3 }},
		{"faro_build_info", map[string]string{"version": version.Get().Version, "goversion": version.Get().Go},
			func(m *dto.Metric) bool { return m.GetGauge().GetValue() == 1 }},
		{"faro_http_requests_in_flight", nil, nil},
		{"go_goroutines", nil, nil},
		{"process_resident_memory_bytes", nil, nil},
	} {
		m := find(fams, tc.name, tc.labels)
		if m == nil {
			t.Errorf("no series %s%v", tc.name, tc.labels)
			continue
		}
		if tc.check != nil && !tc.check(m) {
			t.Errorf("%s%v = %v", tc.name, tc.labels, m)
		}
	}
	// Routes are patterns, never raw paths.
	for _, m := range fams["faro_http_requests_total"].GetMetric() {
		if r := labels(m)["route"]; strings.Contains(r, "no-such") || strings.Contains(r, "hn-trata") {
			t.Errorf("raw path as a route label: %q", r)
		}
	}
}

func TestReadyz(t *testing.T) {
	srv := newServer(t)
	// Nothing has built the search tables yet: not ready, and a search
	// builds them.
	resp, body := get(t, srv, "/readyz")
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" || !strings.Contains(string(body), "search tables") {
		t.Errorf("readyz before the tables: %d %s", resp.StatusCode, body)
	}
	var r struct{ Total int }
	getJSON(t, srv, "/api/v1/search?q=trata", 200, &r)
	var ok struct {
		Status    string `json:"status"`
		Documents int    `json:"documents"`
	}
	getJSON(t, srv, "/readyz", 200, &ok)
	if ok.Status != "ready" || ok.Documents == 0 {
		t.Errorf("readyz = %+v", ok)
	}
	broken := newIndexServer(t, func(i search.Index) search.Index { return brokenIndex{i} }, web.Options{})
	resp, body = get(t, broken, "/readyz")
	if resp.StatusCode != http.StatusServiceUnavailable || string(body) != `{"error":"index not readable"}` {
		t.Errorf("readyz over a broken index: %d %s", resp.StatusCode, body)
	}
	// The document count is left out of a scrape rather than made up.
	if fams := scrape(t, broken.URL); fams["faro_index_documents"] != nil {
		t.Errorf("faro_index_documents over a broken index: %v", fams["faro_index_documents"])
	}
}

// brokenIndex cannot count its documents.
type brokenIndex struct{ search.Index }

func (brokenIndex) Count(context.Context) (uint64, error) { return 0, errors.New("index closed") }
