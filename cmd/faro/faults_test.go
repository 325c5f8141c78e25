package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"faro/indexer"
	"faro/search/bleve"
)

// TestDamagedIndexAtStart damages the index of a stopped server: serve
// refuses to start with a message naming `faro index --rebuild`, deletes
// nothing, `faro index --check` says the same, and the rebuild repairs it.
func TestDamagedIndexAtStart(t *testing.T) {
	corpus := smallCorpus(t)
	index := filepath.Join(t.TempDir(), "index")
	if code, out, errs := runApp(t, "index", "--index", index, "--corpus", corpus); code != 0 {
		t.Fatalf("index: %d\n%s%s", code, out, errs)
	}
	if code, out, errs := runApp(t, "index", "--check", "--index", index); code != 0 || !strings.Contains(out, "sound") {
		t.Fatalf("check of a sound index: %d %s %s", code, out, errs)
	}
	zaps, _ := filepath.Glob(filepath.Join(index, "store", "*.zap"))
	if len(zaps) == 0 {
		t.Fatal("no segment")
	}
	if err := os.Truncate(filepath.Join(index, "store", "root.bolt"), 0); err != nil {
		t.Fatal(err)
	}
	code, _, errs := runApp(t, "serve", "--addr", "127.0.0.1:0", "--index", index, "--corpus", corpus, "--log-format", "text")
	if code == 0 || !strings.Contains(errs, "faro index --rebuild") || !strings.Contains(errs, "root.bolt") {
		t.Fatalf("serve on a damaged index: exit %d\n%s", code, errs)
	}
	for _, z := range zaps {
		if _, err := os.Stat(z); err != nil {
			t.Errorf("a failed start removed %s: %v", filepath.Base(z), err)
		}
	}
	if code, _, errs := runApp(t, "index", "--check", "--index", index); code == 0 || !strings.Contains(errs, "faro index --rebuild") {
		t.Errorf("check of a damaged index: exit %d, %s", code, errs)
	}
	if code, _, errs := runApp(t, "index", "--index", index, "--corpus", corpus); code == 0 || !strings.Contains(errs, "faro index --rebuild") {
		t.Errorf("incremental index of a damaged index: exit %d, %s", code, errs)
	}
	if code, out, errs := runApp(t, "index", "--rebuild", "--index", index, "--corpus", corpus); code != 0 {
		t.Fatalf("rebuild: %d\n%s%s", code, out, errs)
	}
	if n := countDocs(t, index); n != 3 {
		t.Errorf("after the rebuild: %d documents, want 3", n)
	}
}

// TestSecondWriterRefused: while a server writes an index, `faro index`
// (with or without --rebuild) is refused at once, names the server, and
// leaves the served index in place.
func TestSecondWriterRefused(t *testing.T) {
	corpus := smallCorpus(t)
	index := filepath.Join(t.TempDir(), "index")
	ts := startServe(t, "--index", index, "--corpus", corpus)
	before := ts.total(t, "q=")
	for _, args := range [][]string{
		{"index", "--index", index, "--corpus", corpus},
		{"index", "--rebuild", "--index", index, "--corpus", corpus},
	} {
		code, _, errs := runApp(t, args...)
		if code == 0 || !strings.Contains(errs, "in use by faro serve (pid") {
			t.Errorf("%v while served: exit %d, %s", args, code, errs)
		}
	}
	if got := ts.total(t, "q="); got != before {
		t.Errorf("served index changed: %d documents, was %d", got, before)
	}
	ts.stop(t)
	if code, out, errs := runApp(t, "index", "--index", index, "--corpus", corpus); code != 0 {
		t.Errorf("index once the server stopped: %d %s %s", code, out, errs)
	}
}

// child is `faro serve` run as a separate process, to be killed.
type child struct {
	cmd  *exec.Cmd
	base string
	logs *syncBuffer
}

func startChild(t *testing.T, exe, index, corpus, token string) *child {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	c := &child{base: "http://" + addr, logs: &syncBuffer{}}
	c.cmd = exec.Command(exe, "-test.run=^$")
	c.cmd.Env = append(os.Environ(), "FARO_ADMIN_TOKEN="+token, "FARO_TEST_MAIN="+strings.Join(
		[]string{"serve", "--addr", addr, "--index", index, "--corpus", corpus, "--log-format", "json", "--lock-wait", "1m"}, "\x1f"))
	c.cmd.Stderr = c.logs
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// The bound only keeps a server that never starts from hanging the test.
	deadline := time.Now().Add(2 * time.Minute)
	for {
		r, err := http.Get(c.base + "/readyz")
		if err == nil {
			r.Body.Close()
			if r.StatusCode == 200 {
				return c
			}
		}
		if time.Now().After(deadline) {
			c.cmd.Process.Kill()
			t.Fatalf("server not ready:\n%s", c.logs.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitLog waits until the child's logs hold s.
func (c *child) waitLog(t *testing.T, s string) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for !strings.Contains(c.logs.String(), s) {
		if time.Now().After(deadline) {
			t.Fatalf("no %q in the logs:\n%s", s, c.logs.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (c *child) kill() {
	c.cmd.Process.Signal(syscall.SIGKILL)
	c.cmd.Wait()
}

// TestKillDuringWrites kills `faro serve` with SIGKILL while uploads and
// deletions run, several times, restarting it each time; then no
// acknowledged upload is missing, no acknowledged deletion is back, and
// the corpus and the index hold the same documents.
func TestKillDuringWrites(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test skipped in -short mode")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	const token = "kill-test-token-0123456789abcdef"
	corpus := smallCorpus(t)
	index := filepath.Join(t.TempDir(), "index")
	var mu sync.Mutex
	uploaded := map[string]string{} // acknowledged uploads: id -> word
	deleted := map[string]bool{}    // acknowledged deletions
	attempted := map[string]bool{}  // deletions asked for, maybe done
	client := &http.Client{Timeout: time.Minute}
	rng := rand.New(rand.NewPCG(23, 1))
	seq := 0
	for round := range 6 {
		c := startChild(t, exe, index, corpus, token)
		var wg sync.WaitGroup
		stop := make(chan struct{})
		for w := range 3 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; ; i++ {
					select {
					case <-stop:
						return
					default:
					}
					mu.Lock()
					seq++
					word := fmt.Sprintf("kw%dx%dx%d", round, w, seq)
					var victim string
					if w == 2 {
						for id := range uploaded {
							if !attempted[id] {
								victim = id
								attempted[id] = true
								break
							}
						}
					}
					mu.Unlock()
					if victim != "" {
						req, _ := http.NewRequest("DELETE", c.base+"/api/v1/documents/"+victim, nil)
						req.Header.Set("Authorization", "Bearer "+token)
						if r, err := client.Do(req); err == nil {
							r.Body.Close()
							if r.StatusCode == 204 {
								mu.Lock()
								deleted[victim] = true
								mu.Unlock()
							}
						}
						continue
					}
					body, ctype := uploadBody(t, "note.md", []byte("# Note\n\nThe word "+word+"."), "")
					req, _ := http.NewRequest("POST", c.base+"/api/v1/documents", body)
					req.Header.Set("Authorization", "Bearer "+token)
					req.Header.Set("Content-Type", ctype)
					r, err := client.Do(req)
					if err != nil {
						continue
					}
					var up struct{ ID string }
					b, _ := io.ReadAll(r.Body)
					r.Body.Close()
					if r.StatusCode == 201 && json.Unmarshal(b, &up) == nil {
						mu.Lock()
						uploaded[up.ID] = word
						mu.Unlock()
					}
				}
			}()
		}
		// Kill after a varying number of acknowledged writes.
		want := len(uploaded) + 3 + rng.IntN(6)
		for {
			mu.Lock()
			n := len(uploaded)
			mu.Unlock()
			if n >= want {
				break
			}
			time.Sleep(time.Millisecond)
		}
		c.kill()
		close(stop)
		wg.Wait()
	}
	c := startChild(t, exe, index, corpus, token)
	c.waitLog(t, `"msg":"corpus and index`)
	for id, word := range uploaded {
		r, err := client.Get(c.base + "/api/v1/documents/" + id)
		if err != nil {
			t.Fatal(err)
		}
		r.Body.Close()
		switch {
		case deleted[id] && r.StatusCode != http.StatusGone && r.StatusCode != http.StatusNotFound:
			t.Errorf("deleted document %s (%s) is back: %d", id, word, r.StatusCode)
		case !deleted[id] && !attempted[id] && r.StatusCode != 200:
			t.Errorf("uploaded document %s (%s) is lost: %d", id, word, r.StatusCode)
		}
	}
	c.kill()
	files, err := indexer.Files(corpus)
	if err != nil {
		t.Fatal(err)
	}
	idx, err := bleve.Open(index)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	hashes, err := idx.Hashes(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	var missing, extra bytes.Buffer
	inCorpus := map[string]bool{}
	for _, f := range files {
		inCorpus[f] = true
		if _, ok := hashes[f]; !ok {
			fmt.Fprintf(&missing, " %s", f)
		}
	}
	for src := range hashes {
		if !inCorpus[src] {
			fmt.Fprintf(&extra, " %s", src)
		}
	}
	if missing.Len()+extra.Len() > 0 {
		t.Errorf("corpus and index differ: files not indexed:%s; documents without file:%s", missing.String(), extra.String())
	}
	t.Logf("6 kills, %d acknowledged uploads, %d acknowledged deletions, %d files, %d documents", len(uploaded), len(deleted), len(files), len(hashes))
}
