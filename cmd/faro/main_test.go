package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

const corpusDir = "../../corpus"

// syncBuffer is a bytes.Buffer safe for the server's concurrent logging.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func runApp(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb syncBuffer
	a := &app{stdout: &out, stderr: &errb, stdin: strings.NewReader("")}
	code = a.run(context.Background(), args)
	return code, out.String(), errb.String()
}

// TestServeEndToEnd runs `faro serve` in-process over the bundled corpus on
// a free port, as a new user would, and queries it over HTTP.
func TestServeEndToEnd(t *testing.T) {
	index := filepath.Join(t.TempDir(), "index")
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan net.Addr, 1)
	var logs syncBuffer
	a := &app{stdout: io.Discard, stderr: &logs, stdin: strings.NewReader(""), onListen: func(ad net.Addr) { addrc <- ad }}
	done := make(chan int, 1)
	go func() {
		done <- a.run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--index", index, "--corpus", corpusDir})
	}()
	var base string
	select {
	case ad := <-addrc:
		base = "http://" + ad.String()
	case code := <-done:
		t.Fatalf("serve exited with %d before listening:\n%s", code, logs.String())
	case <-time.After(5 * time.Minute):
		t.Fatalf("serve did not start:\n%s", logs.String())
	}
	defer func() {
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("serve exited with %d:\n%s", code, logs.String())
		}
	}()

	type resp struct {
		Total int `json:"total"`
		Hits  []struct {
			ID        string   `json:"id"`
			Title     string   `json:"title"`
			Lang      string   `json:"lang"`
			Source    string   `json:"source"`
			Countries []string `json:"countries"`
			Snippets  []struct {
				Page int    `json:"page"`
				Text string `json:"text"`
			} `json:"snippets"`
		} `json:"hits"`
		Facets map[string][]struct {
			Value string `json:"value"`
			Count int    `json:"count"`
		} `json:"facets"`
		Error string `json:"error"`
	}
	query := func(q string, want int) resp {
		t.Helper()
		r, err := http.Get(base + "/api/v1/search?" + q)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Body.Close()
		var out resp
		if err := json.NewDecoder(r.Body).Decode(&out); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		if r.StatusCode != want {
			t.Fatalf("%s: status %d, want %d (%s)", q, r.StatusCode, want, out.Error)
		}
		return out
	}

	all := query("size=100", 200)
	if all.Total < 16 {
		t.Fatalf("the corpus gave %d documents, want at least 16", all.Total)
	}
	if strings.Contains(logs.String(), "skip file") {
		t.Errorf("indexing the bundled corpus reported failures:\n%s", logs.String())
	}
	langs := map[string]bool{}
	for _, f := range all.Facets["lang"] {
		langs[f.Value] = true
	}
	if !langs["en"] || !langs["es"] {
		t.Errorf("languages = %v, want en and es", langs)
	}

	r := query("q=trata&country=HND", 200)
	if r.Total == 0 {
		t.Fatal("q=trata&country=HND found nothing")
	}
	for _, h := range r.Hits {
		if !contains(h.Countries, "HND") {
			t.Errorf("hit %s is not tagged HND: %v", h.ID, h.Countries)
		}
	}
	if len(r.Hits[0].Snippets) == 0 || r.Hits[0].Snippets[0].Page < 1 || !strings.Contains(r.Hits[0].Snippets[0].Text, "<mark>") {
		t.Errorf("top hit lacks a page-numbered highlighted snippet: %+v", r.Hits[0])
	}
	others := 0
	for _, f := range r.Facets["country"] {
		if f.Value != "HND" && f.Count > 0 {
			others++
		}
	}
	if others == 0 {
		t.Errorf("selecting HND dropped the other countries' counts: %+v", r.Facets["country"])
	}

	r = query("q=migracion&size=100", 200)
	if r.Total == 0 {
		t.Fatal("q=migracion found nothing")
	}
	for _, h := range r.Hits[:1] {
		if len(h.Snippets) == 0 || !strings.Contains(strings.ToLower(h.Snippets[0].Text), "<mark>migraci") {
			t.Errorf("migracion top snippet does not mark migración: %+v", h.Snippets)
		}
	}

	for _, bad := range []string{"q=" + url.QueryEscape(`"unclosed`), "size=100000", "gcm=99", "year_from=abc"} {
		if e := query(bad, 400); e.Error == "" {
			t.Errorf("%s: 400 without a message", bad)
		}
	}

	page, err := http.Get(base + "/?q=trata")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(page.Body)
	page.Body.Close()
	if page.StatusCode != 200 || !strings.Contains(string(body), "<mark>") {
		t.Errorf("search page: status %d, highlighted=%v", page.StatusCode, strings.Contains(string(body), "<mark>"))
	}
	f, err := http.Get(base + "/documents/" + r.Hits[0].ID + "/file")
	if err != nil {
		t.Fatal(err)
	}
	f.Body.Close()
	if f.StatusCode != 200 {
		t.Errorf("original of %s: status %d", r.Hits[0].ID, f.StatusCode)
	}
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func TestIndexAndSearchCommands(t *testing.T) {
	index := filepath.Join(t.TempDir(), "index")
	code, out, errs := runApp(t, "index", "--index", index, "--corpus", corpusDir)
	if code != 0 || !strings.Contains(out, "indexed") {
		t.Fatalf("index: exit %d\n%s\n%s", code, out, errs)
	}
	if strings.Contains(out, "failed: ") {
		t.Errorf("indexing the bundled corpus failed on some files:\n%s", out)
	}
	// Updating in place skips every unchanged file.
	code, out2, errs := runApp(t, "index", "--index", index, "--corpus", corpusDir)
	if code != 0 || !strings.Contains(out2, "indexed 0 documents") || !strings.Contains(strings.Join(strings.Fields(out2), " "), "unchanged "+strings.Fields(out)[1]) {
		t.Fatalf("re-index: exit %d\n%s\n%s", code, out2, errs)
	}
	code, out, errs = runApp(t, "search", "--index", index, "--json", "--country", "HND", "trata")
	if code != 0 {
		t.Fatalf("search: exit %d: %s", code, errs)
	}
	var r struct {
		Total int `json:"total"`
		Hits  []struct {
			Countries []string `json:"countries"`
		} `json:"hits"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("search --json: %v\n%s", err, out)
	}
	if r.Total == 0 || !contains(r.Hits[0].Countries, "HND") {
		t.Fatalf("search --json --country HND trata = %+v", r)
	}
	code, out, _ = runApp(t, "search", "--index", index, "Migrar", "Informados")
	if code != 0 || !strings.Contains(out, "Migrar Informados") {
		t.Fatalf("search text output: exit %d\n%s", code, out)
	}
	code, _, errs = runApp(t, "search", "--index", index, `"unclosed`)
	if code != 1 || !strings.Contains(errs, "unclosed quote") {
		t.Fatalf("bad query: exit %d, %q", code, errs)
	}
	code, _, errs = runApp(t, "search", "--index", filepath.Join(t.TempDir(), "none"), "x")
	if code != 1 || !strings.Contains(errs, "no index") {
		t.Fatalf("missing index: exit %d, %q", code, errs)
	}
}

func TestExtractCommand(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "note.md")
	bad := filepath.Join(dir, "broken.pdf")
	os.WriteFile(good, []byte("---\ntitle: Nota\n---\n# Nota\n\nLa trata de personas.\n"), 0o644)
	os.WriteFile(bad, []byte("%PDF-1.7\nthis is not a pdf"), 0o644)
	code, out, _ := runApp(t, "extract", "--json", good, bad)
	if code != 0 {
		t.Fatalf("extract with one good file: exit %d, want 0", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("want one JSON line per file, got %d:\n%s", len(lines), out)
	}
	var first, second extractOutput
	json.Unmarshal([]byte(lines[0]), &first)
	json.Unmarshal([]byte(lines[1]), &second)
	if first.Error != "" || len(first.Pages) == 0 || !strings.Contains(first.Pages[0], "trata de personas") {
		t.Fatalf("good file: %+v", first)
	}
	if second.Error == "" || len(second.Pages) != 0 {
		t.Fatalf("broken file: %+v", second)
	}
	if code, _, _ := runApp(t, "extract", "--json", bad); code != 1 {
		t.Fatalf("extract with only failures: exit %d, want 1", code)
	}
}

func TestUsage(t *testing.T) {
	if code, _, errs := runApp(t); code != 2 || !strings.Contains(errs, "Usage") {
		t.Fatalf("no command: %d %q", code, errs)
	}
	if code, _, _ := runApp(t, "frobnicate"); code != 2 {
		t.Fatalf("unknown command: %d", code)
	}
	t.Setenv("FARO_SIZE", "abc")
	if code, _, errs := runApp(t, "search", "--index", "x", "q"); code != 1 || !strings.Contains(errs, "FARO_SIZE") {
		t.Fatalf("bad env fallback: %d %q", code, errs)
	}
}
