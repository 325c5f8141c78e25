package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
)

// TestListenDebug checks that the profiles listen on loopback addresses
// only.
func TestListenDebug(t *testing.T) {
	for _, c := range []struct {
		addr string
		ok   bool
	}{
		{"127.0.0.1:0", true},
		{"localhost:0", true},
		{":0", false},
		{"0.0.0.0:0", false},
		{"192.0.2.1:6060", false},
		{"example.com:6060", false},
		{"6060", false},
	} {
		ln, err := listenDebug(c.addr)
		if ln != nil {
			ln.Close()
		}
		if (err == nil) != c.ok {
			t.Errorf("listenDebug(%q): %v, want ok %v", c.addr, err, c.ok)
		}
	}
}

// TestServeDebug checks that the heap profile is served, and that the
// server stops with its context.
func TestServeDebug(t *testing.T) {
	ln, err := listenDebug("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		serveDebug(ctx, slog.New(slog.NewTextHandler(io.Discard, nil)), ln)
		close(done)
	}()
	resp, err := http.Get("http://" + ln.Addr().String() + "/debug/pprof/heap?debug=1")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "HeapAlloc") {
		t.Errorf("heap profile: %d %.200s", resp.StatusCode, body)
	}
	cancel()
	<-done
}
