package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"faro/search/bleve"
	"faro/search/searchtest"
	"faro/search/web"
)

func TestLoopbackOnly(t *testing.T) {
	for _, addr := range []string{"http://127.0.0.1:8080", "http://127.1.2.3:1", "http://localhost:8080", "http://[::1]:8080", "https://127.0.0.1"} {
		if _, err := loopbackURL(addr); err != nil {
			t.Errorf("%s refused: %v", addr, err)
		}
	}
	for _, addr := range []string{"http://10.0.0.1:8080", "http://192.168.1.10", "http://172.16.0.1", "http://example.com",
		"http://8.8.8.8", "ftp://127.0.0.1", "127.0.0.1:8080", "http://localhost.example.com", "http://0.0.0.0:8080", "http://[::]:8080"} {
		if _, err := loopbackURL(addr); err == nil {
			t.Errorf("%s accepted", addr)
		}
		var out, errb bytes.Buffer
		if code := run(context.Background(), []string{"-addr", addr, "-d", "1s"}, &out, &errb); code != 2 {
			t.Errorf("run -addr %s: exit %d, want 2 (%s)", addr, code, errb.String())
		}
	}
	// The dialler checks the address again after name resolution.
	c := newClient(1, time.Second)
	if _, err := c.Get("http://192.0.2.1:9/"); err == nil || !strings.Contains(err.Error(), "non-loopback") {
		t.Errorf("dial of a non-loopback address: %v", err)
	}
}

func TestBounds(t *testing.T) {
	for _, args := range [][]string{{"-c", "0"}, {"-c", "5000"}, {"-d", "0s"}, {"-d", "11m"}, {"-n", "-1"}} {
		var out, errb bytes.Buffer
		if code := run(context.Background(), args, &out, &errb); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

// TestRun drives a real server (the HTTP layer over a small bleve index)
// for two seconds.
func TestRun(t *testing.T) {
	idx, err := bleve.Create(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	ctx := context.Background()
	for _, d := range searchtest.Docs() {
		if err := idx.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	if err := idx.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(web.New(idx, web.Options{Corpus: t.TempDir()}))
	defer srv.Close()

	var out, errb bytes.Buffer
	start := time.Now()
	code := run(ctx, []string{"-addr", srv.URL, "-c", "4", "-d", "2s", "-json"}, &out, &errb)
	took := time.Since(start)
	var rep Report
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("report: %v\n%s\n%s", err, out.String(), errb.String())
	}
	if code != 0 || rep.Errors != 0 {
		t.Errorf("exit %d, %d errors: %v", code, rep.Errors, rep.Failures)
	}
	if took > 10*time.Second {
		t.Errorf("a 2s run took %v", took)
	}
	if rep.Requests == 0 || rep.PerSec <= 0 || rep.Latency.P50 <= 0 || rep.Latency.P99 < rep.Latency.P50 {
		t.Errorf("report = %+v", rep)
	}
	for _, k := range []string{"search", "page", "document", "facets", "taxonomy"} {
		if rep.Kinds[k].Requests == 0 {
			t.Errorf("no %s request in %+v", k, rep.Kinds)
		}
	}
	t.Logf("%d requests, %.0f/s, p50 %.1fms p99 %.1fms", rep.Requests, rep.PerSec, rep.Latency.P50, rep.Latency.P99)

	// -n bounds the count; the text report names the numbers.
	out.Reset()
	if code := run(ctx, []string{"-addr", srv.URL, "-c", "3", "-d", "30s", "-n", "25"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "requests   25 in") || !strings.Contains(out.String(), "p99") {
		t.Errorf("text report:\n%s", out.String())
	}
}

func TestPercentiles(t *testing.T) {
	var d []time.Duration
	for i := 100; i >= 1; i-- {
		d = append(d, time.Duration(i)*time.Millisecond)
	}
	p := percentiles(d)
	if p.P50 != 50 || p.P90 != 90 || p.P99 != 99 || p.Max != 100 {
		t.Errorf("percentiles = %+v", p)
	}
	if (percentiles(nil) != Percentiles{}) {
		t.Error("percentiles of nothing")
	}
}

// TestCompressedAnswersNotDecoded: the client asks for gzip and reads the
// answer's bytes as they come, without decompressing them: an answer that
// is not valid gzip is no error to it (the transport's decompression would
// fail on it).
func TestCompressedAnswersNotDecoded(t *testing.T) {
	var asked string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked = r.Header.Get("Accept-Encoding")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write([]byte("not gzip at all"))
	}))
	defer srv.Close()
	s, msg := do(context.Background(), newClient(1, 5*time.Second), srv.URL+"/api/v1/search?q=trata", "search")
	if s.failed {
		t.Errorf("the answer was decoded: %s (%s)", s.status, msg)
	}
	if asked != "gzip" {
		t.Errorf("Accept-Encoding %q, want gzip", asked)
	}
}
