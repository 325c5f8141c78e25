package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"
)

const adminToken = "serve-test-token-0123456789abcdef"

// testServer is `faro serve` running in-process on a free port.
type testServer struct {
	base   string
	logs   *syncBuffer
	cancel context.CancelFunc
	done   chan int
}

// startServe runs serve with args plus --addr and waits until it listens.
func startServe(t *testing.T, args ...string) *testServer {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan net.Addr, 1)
	ts := &testServer{logs: &syncBuffer{}, cancel: cancel, done: make(chan int, 1)}
	a := &app{stdout: io.Discard, stderr: ts.logs, stdin: strings.NewReader(""), onListen: func(ad net.Addr) { addrc <- ad }}
	go func() { ts.done <- a.run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)) }()
	select {
	case ad := <-addrc:
		ts.base = "http://" + ad.String()
	case code := <-ts.done:
		t.Fatalf("serve exited with %d before listening:\n%s", code, ts.logs.String())
	case <-time.After(2 * time.Minute):
		t.Fatalf("serve did not start:\n%s", ts.logs.String())
	}
	t.Cleanup(func() { ts.stop(t) })
	return ts
}

// stop sends the equivalent of SIGTERM and checks serve exits cleanly.
func (ts *testServer) stop(t *testing.T) {
	t.Helper()
	if ts.cancel == nil {
		return
	}
	ts.cancel()
	ts.cancel = nil
	select {
	case code := <-ts.done:
		if code != 0 {
			t.Errorf("serve exited with %d:\n%s", code, ts.logs.String())
		}
	case <-time.After(30 * time.Second):
		t.Errorf("serve did not stop:\n%s", ts.logs.String())
	}
}

// smallCorpus copies a few documents of the bundled corpus into a
// temporary folder, so uploads and deletions leave the real one alone.
func smallCorpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range []string{"md/nota-taller-trata-honduras-es.md", "md/blog-lessons-from-c4d-workshops-en.md", "pdf/guide-c4d-counter-trafficking-en.pdf"} {
		data, err := os.ReadFile(filepath.Join(corpusDir, f))
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(dir, filepath.FromSlash(f))
		os.MkdirAll(filepath.Dir(dst), 0o755)
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

type answer struct {
	status int
	header http.Header
	body   []byte
}

func (ts *testServer) do(t *testing.T, method, path, auth string, body io.Reader, ctype string) answer {
	t.Helper()
	req, err := http.NewRequest(method, ts.base+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if auth != "" {
		req.Header.Set("Authorization", "Bearer "+auth)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return answer{resp.StatusCode, resp.Header, b}
}

func uploadBody(t *testing.T, name string, data []byte, metadata string) (*bytes.Buffer, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(data)
	if metadata != "" {
		mw.WriteField("metadata", metadata)
	}
	mw.Close()
	return &b, mw.FormDataContentType()
}

func (ts *testServer) upload(t *testing.T, auth, name string, data []byte, metadata string) answer {
	t.Helper()
	body, ctype := uploadBody(t, name, data, metadata)
	return ts.do(t, "POST", "/api/v1/documents", auth, body, ctype)
}

func (ts *testServer) total(t *testing.T, query string) int {
	t.Helper()
	a := ts.do(t, "GET", "/api/v1/search?"+query, "", nil, "")
	var r struct {
		Total int `json:"total"`
	}
	if a.status != 200 || json.Unmarshal(a.body, &r) != nil {
		t.Fatalf("search %s: %d %s", query, a.status, a.body)
	}
	return r.Total
}

// TestServeWrites drives the write API of a real `faro serve`: uploads are
// stored under uploads/ with safe, unique names and searchable at once,
// deletions move the original out of the corpus, reindexing keeps both.
func TestServeWrites(t *testing.T) {
	corpus := smallCorpus(t)
	data := t.TempDir()
	index := filepath.Join(data, "index")
	ts := startServe(t, "--index", index, "--corpus", corpus, "--admin-token", adminToken)
	pdf, err := os.ReadFile(filepath.Join(corpusDir, "pdf", "fiche-retour-reintegration-haiti-fr.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	meta := `{"title": "Zorglub: retour et réintégration", "countries": ["HTI"], "gcm": [21], "lang": "fr"}`

	if a := ts.upload(t, "", "Mi Informe (final).pdf", pdf, meta); a.status != http.StatusUnauthorized {
		t.Fatalf("upload without token: %d %s", a.status, a.body)
	}
	if a := ts.upload(t, "wrong", "Mi Informe (final).pdf", pdf, meta); a.status != http.StatusUnauthorized {
		t.Fatalf("upload with a wrong token: %d %s", a.status, a.body)
	}

	start := time.Now()
	a := ts.upload(t, adminToken, "Mi Informe (final).pdf", pdf, meta)
	if a.status != http.StatusCreated {
		t.Fatalf("upload: %d %s\n%s", a.status, a.body, ts.logs.String())
	}
	t.Logf("upload of %d KB indexed in %v", len(pdf)>>10, time.Since(start).Round(time.Millisecond))
	var doc struct {
		ID, Title, URL, Source, Format, Lang string
		Countries                            []string
		Pages                                int
	}
	json.Unmarshal(a.body, &doc)
	if doc.Source != "uploads/mi-informe-final.pdf" || doc.Title != "Zorglub: retour et réintégration" || doc.URL != "/documents/"+doc.ID ||
		doc.Format != "pdf" || doc.Lang != "fr" || !contains(doc.Countries, "HTI") || doc.Pages == 0 {
		t.Errorf("uploaded document = %+v", doc)
	}
	stored := filepath.Join(corpus, "uploads", "mi-informe-final.pdf")
	if got, err := os.ReadFile(stored); err != nil || !bytes.Equal(got, pdf) {
		t.Errorf("stored file: %v", err)
	}
	if side, err := os.ReadFile(stored + ".meta.json"); err != nil || !strings.Contains(string(side), `"HTI"`) {
		t.Errorf("sidecar: %v %s", err, side)
	}
	if n := ts.total(t, "q=zorglub&country=HTI"); n != 1 {
		t.Errorf("the upload is not searchable at once: %d hits", n)
	}
	if a := ts.do(t, "GET", "/documents/"+doc.ID+"/file", "", nil, ""); a.status != 200 || !bytes.Equal(a.body, pdf) {
		t.Errorf("original of the upload: %d", a.status)
	}

	// The same name again is stored beside it, not over it.
	a = ts.upload(t, adminToken, "mi informe final.PDF", pdf, "")
	var second struct{ ID, Source string }
	json.Unmarshal(a.body, &second)
	if a.status != http.StatusCreated || second.Source != "uploads/mi-informe-final-2.pdf" || second.ID == doc.ID {
		t.Errorf("second upload: %d %s", a.status, a.body)
	}
	// Text that is not UTF-8 is refused.
	if a := ts.upload(t, adminToken, "old.txt", []byte("ni\xf1ez"), ""); a.status != http.StatusUnsupportedMediaType {
		t.Errorf("latin-1 upload: %d %s", a.status, a.body)
	}

	// Delete moves the original out of the corpus.
	if a := ts.do(t, "DELETE", "/api/v1/documents/"+doc.ID, adminToken, nil, ""); a.status != http.StatusNoContent {
		t.Fatalf("delete: %d %s", a.status, a.body)
	}
	if a := ts.do(t, "GET", "/api/v1/documents/"+doc.ID, "", nil, ""); a.status != http.StatusGone {
		t.Errorf("document after delete: %d, want 410", a.status)
	}
	if _, err := os.Stat(stored); !os.IsNotExist(err) {
		t.Errorf("the original is still in the corpus: %v", err)
	}
	if _, err := os.Stat(stored + ".meta.json"); !os.IsNotExist(err) {
		t.Errorf("the sidecar is still in the corpus: %v", err)
	}
	trash, _ := filepath.Glob(filepath.Join(data, "deleted", "*"))
	if len(trash) != 2 {
		t.Errorf("deleted folder holds %v, want the original and its sidecar", trash)
	}
	if a := ts.do(t, "DELETE", "/api/v1/documents/"+doc.ID, adminToken, nil, ""); a.status != http.StatusNotFound {
		t.Errorf("second delete: %d", a.status)
	}

	// Reindex: the deleted document stays gone, the other upload stays.
	a = ts.do(t, "POST", "/api/v1/reindex", adminToken, nil, "")
	var rep struct {
		Files, Documents int
		Failed           []any
	}
	json.Unmarshal(a.body, &rep)
	if a.status != 200 || rep.Files != 4 || rep.Documents != 4 || len(rep.Failed) != 0 {
		t.Errorf("reindex: %d %s", a.status, a.body)
	}
	if a := ts.do(t, "GET", "/api/v1/documents/"+doc.ID, "", nil, ""); a.status != http.StatusGone {
		t.Errorf("deleted document after reindex: %d, want 410", a.status)
	}
	if a := ts.do(t, "GET", "/api/v1/documents/"+second.ID, "", nil, ""); a.status != 200 {
		t.Errorf("second upload after reindex: %d", a.status)
	}

	// Metrics know the runs; logs are JSON with request ids.
	m := string(ts.do(t, "GET", "/metrics", "", nil, "").body)
	for _, want := range []string{
		`faro_indexing_duration_seconds_count{operation="build"} 1`,
		`faro_indexing_duration_seconds_count{operation="upload"} 2`,
		`faro_indexing_duration_seconds_count{operation="reindex"} 1`,
		`faro_index_documents 4`,
		`faro_http_requests_total{method="POST",route="/api/v1/documents",status="201"} 2`,
		`faro_http_requests_total{method="POST",route="/api/v1/documents",status="401"} 2`,
	} {
		if !strings.Contains(m, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	ts.stop(t)
	var withID int
	for _, line := range strings.Split(strings.TrimSpace(ts.logs.String()), "\n") {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("log line is not JSON: %q", line)
		}
		if rec["request_id"] != nil {
			withID++
		}
	}
	if withID == 0 {
		t.Error("no log line carries a request_id")
	}
}

func TestServeWritesDisabled(t *testing.T) {
	ts := startServe(t, "--index", filepath.Join(t.TempDir(), "index"), "--corpus", smallCorpus(t), "--log-format", "text")
	a := ts.upload(t, "anything", "a.txt", []byte("hello"), "")
	if a.status != http.StatusForbidden || string(a.body) != `{"error":"writes are disabled: set FARO_ADMIN_TOKEN"}` {
		t.Errorf("upload: %d %s", a.status, a.body)
	}
	if !strings.Contains(ts.logs.String(), "level=INFO msg=\"writes disabled") {
		t.Errorf("text logs expected:\n%s", ts.logs.String())
	}
}

// TestServeGracefulShutdown: an upload in flight when SIGTERM comes is
// finished and indexed; serve then exits 0 with its index closed.
func TestServeGracefulShutdown(t *testing.T) {
	corpus := smallCorpus(t)
	index := filepath.Join(t.TempDir(), "index")
	ts := startServe(t, "--index", index, "--corpus", corpus, "--admin-token", adminToken)
	body, ctype := uploadBody(t, "late.md", []byte("# Late\n\nA document uploaded during shutdown: xylophone."), "")
	pr, pw := io.Pipe()
	req, _ := http.NewRequest("POST", ts.base+"/api/v1/documents", pr)
	req.Header.Set("Authorization", "Bearer "+adminToken)
	req.Header.Set("Content-Type", ctype)
	req.ContentLength = int64(body.Len())
	resc := make(chan *http.Response, 1)
	errc := make(chan error, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			errc <- err
			return
		}
		resc <- resp
	}()
	half := body.Len() / 2
	if _, err := pw.Write(body.Next(half)); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond) // the request is being read
	ts.cancel()
	time.Sleep(200 * time.Millisecond) // shutdown has begun: new connections are refused
	if _, err := http.Get(ts.base + "/healthz"); err == nil {
		t.Error("a new connection was accepted during shutdown")
	}
	pw.Write(body.Bytes())
	pw.Close()
	select {
	case resp := <-resc:
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusCreated {
			t.Errorf("upload in flight: %d %s", resp.StatusCode, b)
		}
	case err := <-errc:
		t.Fatalf("upload in flight: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("upload in flight did not finish")
	}
	select {
	case code := <-ts.done:
		if code != 0 {
			t.Errorf("serve exited with %d:\n%s", code, ts.logs.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop")
	}
	ts.cancel = nil
	// The index was closed cleanly and holds the late upload.
	code, out, errs := runApp(t, "search", "--index", index, "--json", "xylophone")
	var r struct{ Total int }
	if json.Unmarshal([]byte(out), &r); code != 0 || r.Total != 1 {
		t.Errorf("search after shutdown: %d %s %s", code, out, errs)
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"50MB": 50 << 20, "50 mb": 50 << 20, "1GiB": 1 << 30, "512K": 512 << 10, "1048576": 1 << 20, "10B": 10} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "MB", "-1MB", "1.5MB", "fifty", "0", "99999999GB"} {
		if _, err := parseSize(in); err == nil {
			t.Errorf("parseSize(%q) succeeded", in)
		}
	}
}

// TestMemoryLimit checks --memory-limit's values, the GOMEMLIMIT variable
// taking precedence, and the limit restored afterwards.
func TestMemoryLimit(t *testing.T) {
	for _, c := range []struct {
		flag, env string
		want      int64
	}{
		{flag: serveMemoryLimit, want: 0},
		{flag: "180MB", want: 180 << 20},
		{flag: "1GiB", want: 1 << 30},
		{flag: "0", want: 0},
		{flag: "0", env: "300MiB", want: 300 << 20},
		{flag: "64MB", env: "300MiB", want: 300 << 20},
	} {
		t.Run(c.flag+"/"+c.env, func(t *testing.T) {
			before := debug.SetMemoryLimit(-1)
			t.Setenv("GOMEMLIMIT", c.env)
			if c.env != "" {
				// The runtime reads GOMEMLIMIT at start: set the limit it
				// would have, as well as the variable.
				debug.SetMemoryLimit(c.want)
				defer debug.SetMemoryLimit(before)
			}
			n, err := parseMemoryLimit(c.flag)
			if err != nil {
				t.Fatal(err)
			}
			got, restore := setMemoryLimit(n)
			if now := debug.SetMemoryLimit(-1); got != c.want || (c.want > 0 && now != c.want) {
				t.Errorf("limit %d (runtime %d), want %d", got, now, c.want)
			}
			restore()
			if c.env == "" && debug.SetMemoryLimit(-1) != before {
				t.Errorf("limit %d after restore, want %d", debug.SetMemoryLimit(-1), before)
			}
		})
	}
}

func TestServeLogFormat(t *testing.T) {
	var b bytes.Buffer
	for format, want := range map[string]string{"": `{"time":`, "json": `{"time":`, "text": "time="} {
		b.Reset()
		log, err := newServeLogger(&b, "info", format)
		if err != nil {
			t.Fatal(err)
		}
		log.Info("hello")
		if !strings.HasPrefix(b.String(), want) {
			t.Errorf("format %q: %q", format, b.String())
		}
	}
	if _, err := newServeLogger(&b, "info", "xml"); err == nil {
		t.Error("format xml accepted")
	}
	if code, _, errs := runApp(t, "serve", "--log-format", "xml", "--index", t.TempDir()); code != 1 || !strings.Contains(errs, "log format") {
		t.Errorf("serve --log-format xml: %d %s", code, errs)
	}
}

// TestParseLimit checks that the size flags documented with "0 = none"
// (--mapped-limit, --memory-limit) take 0 and refuse what is not a size.
func TestParseLimit(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"0", 0, true},
		{" 0 ", 0, true},
		{"64MB", 64 << 20, true},
		{"1GiB", 1 << 30, true},
		{"-3MB", 0, false},
		{"", 0, false},
		{"none", 0, false},
	} {
		got, err := parseLimit("--mapped-limit", c.in)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("parseLimit(%q) = %d, %v; want %d, ok %v", c.in, got, err, c.want, c.ok)
		}
		if err != nil && !strings.Contains(err.Error(), "--mapped-limit") {
			t.Errorf("parseLimit(%q): error %q does not name the flag", c.in, err)
		}
	}
}

func TestServeBadSizes(t *testing.T) {
	for _, args := range [][]string{
		{"--max-upload", "lots"},
		{"--mapped-limit", "-3MB"},
		{"--memory-limit", "much"},
		{"--memory-limit", "-1"},
	} {
		code, _, errs := runApp(t, append([]string{"serve", "--index", t.TempDir()}, args...)...)
		if code != 1 || !strings.Contains(errs, args[0]) {
			t.Errorf("serve %v: exit %d, %s", args, code, errs)
		}
	}
}
