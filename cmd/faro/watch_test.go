package main

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServeWatch runs `faro serve --watch` over a copy of the corpus: a
// file added to the folder becomes searchable, and one removed disappears,
// with no request to the server.
func TestServeWatch(t *testing.T) {
	corpus := copyCorpus(t)
	index := filepath.Join(t.TempDir(), "index")
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan net.Addr, 1)
	var logs syncBuffer
	a := &app{stdout: io.Discard, stderr: &logs, stdin: strings.NewReader(""), onListen: func(ad net.Addr) { addrc <- ad }}
	done := make(chan int, 1)
	go func() {
		done <- a.run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--index", index, "--corpus", corpus, "--watch", "50ms"})
	}()
	var base string
	select {
	case ad := <-addrc:
		base = "http://" + ad.String()
	case code := <-done:
		t.Fatalf("serve exited with %d:\n%s", code, logs.String())
	}
	defer func() {
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("serve exited with %d:\n%s", code, logs.String())
		}
	}()
	total := func(q string) int {
		r, err := http.Get(base + "/api/v1/search?q=" + url.QueryEscape(q))
		if err != nil {
			t.Fatal(err)
		}
		defer r.Body.Close()
		var out struct{ Total int }
		json.NewDecoder(r.Body).Decode(&out)
		return out.Total
	}
	// waitFor polls until the search answers want; the bound only keeps a
	// broken watcher from hanging the test.
	waitFor := func(q string, want int) {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		for total(q) != want {
			if time.Now().After(deadline) {
				t.Fatalf("%s: never reached %d hits:\n%s", q, want, logs.String())
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	const phrase = `"mesa de coordinación municipal de Choluteca"`
	if total(phrase) != 0 {
		t.Fatal("phrase found before the file exists")
	}
	file := filepath.Join(corpus, "md", "nota-choluteca-es.md")
	os.WriteFile(file, []byte("---\ntitle: Nota de Choluteca\ndate: 2024-03-01\n---\nLa mesa de coordinación municipal de Choluteca atiende a personas retornadas."), 0o644)
	waitFor(phrase, 1)
	os.Remove(file)
	waitFor(phrase, 0)
}
