package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	var prefixes []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/api/v1/suggest" {
			http.NotFound(w, r)
			return
		}
		prefixes = append(prefixes, r.URL.Query().Get("q"))
		w.Write([]byte(`{"suggestions":[]}`))
	}))
	defer srv.Close()
	p50, p99, err := run(context.Background(), srv.URL, 60)
	if err != nil || p50 <= 0 || p99 < p50 {
		t.Fatalf("p50 %v p99 %v err %v", p50, p99, err)
	}
	if len(prefixes) != 60 || !strings.HasPrefix(words[0], prefixes[0]) {
		t.Errorf("prefixes %q", prefixes[:3])
	}
	if _, _, err := run(context.Background(), srv.URL+"/nowhere", 1); err == nil {
		t.Errorf("a failing server: no error")
	}
}
