package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/textproto"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"faro/search"
	"faro/search/bleve"
	"faro/search/searchtest"
	"faro/search/web"
)

const token = "test-token-0123456789abcdef"

// fakeWriter indexes an upload's text as one page into a real index; it
// stands in for the command's writer, which needs the indexer.
type fakeWriter struct {
	idx *bleve.Index

	mu       sync.Mutex
	names    []string          // names Add was given
	sidecars map[string][]byte // by id
	adds     atomic.Int32
	block    chan struct{} // when set, Add waits for it
	started  chan struct{} // when set, Add signals it started
}

func (f *fakeWriter) Add(ctx context.Context, name string, data, sidecar []byte) (*search.Document, error) {
	f.adds.Add(1)
	if f.started != nil {
		f.started <- struct{}{}
	}
	if f.block != nil {
		<-f.block
	}
	var meta struct {
		Title     string   `json:"title"`
		Countries []string `json:"countries"`
	}
	if sidecar != nil {
		if err := json.Unmarshal(sidecar, &meta); err != nil {
			return nil, err
		}
	}
	id := strings.TrimSuffix(name, path.Ext(name))
	doc := &search.Document{ID: id, Title: meta.Title, Lang: "en", Source: "uploads/" + name, Format: "text",
		Countries: meta.Countries, Pages: []search.Page{{Number: 1, Text: string(data)}}}
	if doc.Title == "" {
		doc.Title = id
	}
	if err := f.idx.Put(ctx, doc); err != nil {
		return nil, err
	}
	if err := f.idx.Flush(ctx); err != nil {
		return nil, err
	}
	f.mu.Lock()
	f.names = append(f.names, name)
	if f.sidecars == nil {
		f.sidecars = map[string][]byte{}
	}
	f.sidecars[id] = sidecar
	f.mu.Unlock()
	return doc, nil
}

func (f *fakeWriter) Delete(ctx context.Context, id string) error {
	if _, err := f.idx.Document(ctx, id); err != nil {
		return err
	}
	return f.idx.Delete(ctx, id)
}

func (f *fakeWriter) Reindex(ctx context.Context) (*web.ReindexResult, error) {
	n, err := f.idx.Count(ctx)
	return &web.ReindexResult{Documents: n, Failed: []web.FailedFile{}, Failures: map[string]int{}}, err
}

func (f *fakeWriter) lastName() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.names) == 0 {
		return ""
	}
	return f.names[len(f.names)-1]
}

// newWriteServer serves the conformance documents with a fakeWriter.
func newWriteServer(t *testing.T, opts web.Options) (*httptest.Server, *fakeWriter) {
	t.Helper()
	idx, err := bleve.Create(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	ctx := context.Background()
	for _, d := range searchtest.Docs() {
		if err := idx.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	if err := idx.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	fw := &fakeWriter{idx: idx}
	if opts.Writer == nil {
		opts.Writer = fw
	}
	opts.Corpus = t.TempDir()
	srv := httptest.NewServer(web.Checked(t, web.New(idx, opts)))
	t.Cleanup(srv.Close)
	return srv, fw
}

// multipartBody builds an upload: the file under "file" and, unless
// metadata is "", the metadata field.
func multipartBody(t *testing.T, name string, data []byte, metadata string) (io.Reader, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="file"; filename=%q`, name))
	h.Set("Content-Type", "application/octet-stream")
	pw, err := mw.CreatePart(h)
	if err != nil {
		t.Fatal(err)
	}
	pw.Write(data)
	if metadata != "" {
		mw.WriteField("metadata", metadata)
	}
	mw.Close()
	return &b, mw.FormDataContentType()
}

type apiAnswer struct {
	status int
	header http.Header
	body   []byte
}

func (a apiAnswer) errorMsg(t *testing.T) string {
	t.Helper()
	var e struct {
		Error string `json:"error"`
	}
	if err := json.Unmarshal(a.body, &e); err != nil || e.Error == "" {
		t.Fatalf("status %d: body is not a JSON error: %q", a.status, a.body)
	}
	return e.Error
}

func do(t *testing.T, method, url, auth string, body io.Reader, ctype string) apiAnswer {
	t.Helper()
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		t.Fatal(err)
	}
	if auth != "" {
		req.Header.Set("Authorization", auth)
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
	return apiAnswer{resp.StatusCode, resp.Header, b}
}

func upload(t *testing.T, srv *httptest.Server, auth, name string, data []byte, metadata string) apiAnswer {
	t.Helper()
	body, ctype := multipartBody(t, name, data, metadata)
	return do(t, "POST", srv.URL+"/api/v1/documents", auth, body, ctype)
}

func TestWritesDisabledWithoutToken(t *testing.T) {
	srv, fw := newWriteServer(t, web.Options{})
	for _, tc := range []struct{ method, path string }{
		{"POST", "/api/v1/documents"}, {"DELETE", "/api/v1/documents/hn-trata"}, {"POST", "/api/v1/reindex"},
	} {
		body, ctype := multipartBody(t, "a.txt", []byte("hello"), "")
		a := do(t, tc.method, srv.URL+tc.path, "Bearer anything", body, ctype)
		if a.status != http.StatusForbidden {
			t.Errorf("%s %s: status %d, want 403", tc.method, tc.path, a.status)
			continue
		}
		if msg := a.errorMsg(t); msg != "writes are disabled: set FARO_ADMIN_TOKEN" {
			t.Errorf("%s %s: error %q", tc.method, tc.path, msg)
		}
	}
	if fw.adds.Load() != 0 {
		t.Error("the writer was called")
	}
	var d struct{ ID string }
	getJSON(t, srv, "/api/v1/documents/hn-trata", 200, &d)
}

func TestWritesNeedTheToken(t *testing.T) {
	srv, fw := newWriteServer(t, web.Options{AdminToken: token})
	for _, tc := range []struct {
		name, auth, challenge string
	}{
		{"missing", "", `Bearer realm="faro"`},
		{"wrong", "Bearer " + token + "x", `Bearer realm="faro", error="invalid_token"`},
		{"prefix", "Bearer " + token[:10], `Bearer realm="faro", error="invalid_token"`},
		{"basic", "Basic " + token, `Bearer realm="faro", error="invalid_token"`},
		{"empty bearer", "Bearer ", `Bearer realm="faro", error="invalid_token"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, p := range []struct{ method, path string }{{"POST", "/api/v1/documents"}, {"DELETE", "/api/v1/documents/hn-trata"}, {"POST", "/api/v1/reindex"}} {
				body, ctype := multipartBody(t, "a.txt", []byte("hello"), "")
				a := do(t, p.method, srv.URL+p.path, tc.auth, body, ctype)
				if a.status != http.StatusUnauthorized {
					t.Fatalf("%s %s: status %d, want 401 (%s)", p.method, p.path, a.status, a.body)
				}
				if got := a.header.Get("WWW-Authenticate"); got != tc.challenge {
					t.Errorf("WWW-Authenticate = %q, want %q", got, tc.challenge)
				}
				a.errorMsg(t)
			}
		})
	}
	if fw.adds.Load() != 0 {
		t.Error("the writer was called")
	}
	// The scheme is case-insensitive.
	if a := upload(t, srv, "bearer "+token, "ok.txt", []byte("fine"), ""); a.status != http.StatusCreated {
		t.Errorf("lower-case scheme: status %d: %s", a.status, a.body)
	}
}

func TestUploadSearchDelete(t *testing.T) {
	srv, fw := newWriteServer(t, web.Options{AdminToken: token})
	a := upload(t, srv, "Bearer "+token, "Informe Niñez 2024.txt", []byte("quetzalcoatl appears in this report about children"),
		`{"title": "Informe sobre niñez", "countries": ["gtm"], "gcm": [7], "lang": "es"}`)
	if a.status != http.StatusCreated {
		t.Fatalf("upload: status %d: %s", a.status, a.body)
	}
	var doc web.UploadResponse
	if err := json.Unmarshal(a.body, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.ID == "" || doc.Title != "Informe sobre niñez" || doc.URL != "/documents/"+doc.ID || doc.FileURL != doc.URL+"/file" {
		t.Errorf("answer = %+v", doc)
	}
	if got := a.header.Get("Location"); got != "/api/v1/documents/"+doc.ID {
		t.Errorf("Location = %q", got)
	}
	if got := fw.lastName(); got != "Informe Niñez 2024.txt" {
		t.Errorf("writer got name %q", got)
	}
	var side map[string]any
	json.Unmarshal(fw.sidecars[doc.ID], &side)
	if fmt.Sprint(side["countries"]) != "[GTM]" || fmt.Sprint(side["gcm"]) != "[7]" {
		t.Errorf("sidecar passed on = %s", fw.sidecars[doc.ID])
	}

	// Searchable at once.
	var r searchResp
	getJSON(t, srv, "/api/v1/search?q=quetzalcoatl", 200, &r)
	if r.Total != 1 || r.Hits[0].ID != doc.ID {
		t.Fatalf("search after upload: %+v", r)
	}

	if a := do(t, "DELETE", srv.URL+"/api/v1/documents/"+doc.ID, "Bearer "+token, nil, ""); a.status != http.StatusNoContent {
		t.Fatalf("delete: status %d: %s", a.status, a.body)
	}
	var e struct{ Error string }
	getJSON(t, srv, "/api/v1/documents/"+doc.ID, 404, &e)
	getJSON(t, srv, "/api/v1/search?q=quetzalcoatl", 200, &r)
	if r.Total != 0 {
		t.Errorf("deleted document still found: %+v", r.Hits)
	}
	if a := do(t, "DELETE", srv.URL+"/api/v1/documents/"+doc.ID, "Bearer "+token, nil, ""); a.status != http.StatusNotFound {
		t.Errorf("second delete: status %d, want 404", a.status)
	}

	a = do(t, "POST", srv.URL+"/api/v1/reindex", "Bearer "+token, nil, "")
	if a.status != http.StatusOK || !strings.Contains(string(a.body), `"documents"`) {
		t.Errorf("reindex: status %d: %s", a.status, a.body)
	}
}

func TestUploadIsSniffed(t *testing.T) {
	srv, fw := newWriteServer(t, web.Options{AdminToken: token})
	pdf := []byte("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n\x00\xff\xfe binary")
	for _, tc := range []struct {
		name     string
		file     string
		data     []byte
		metadata string
		status   int
		stored   string // the name the writer gets
		msg      string // in the error
	}{
		{"pdf", "report.pdf", pdf, "", 201, "report.pdf", ""},
		{"pdf named txt", "report.txt", pdf, "", 201, "report.pdf", ""},
		{"pdf without name", "", pdf, "", 201, "upload.pdf", ""},
		{"html", "page.htm", []byte("<!DOCTYPE html><html><body><p>hola</p></body></html>"), "", 201, "page.htm", ""},
		{"html named md", "page.md", []byte("<!-- c --><html lang=es><p>hola</p></html>"), "", 201, "page.html", ""},
		{"html fragment named html", "frag.html", []byte("<p>hola</p>"), "", 201, "frag.html", ""},
		{"markdown", "notes.markdown", []byte("# Title\n\nbody"), "", 201, "notes.markdown", ""},
		{"front matter", "notes", []byte("---\ntitle: x\n---\n# x"), "", 201, "notes.md", ""},
		{"text", "notes.TXT", []byte("plain words"), "", 201, "notes.txt", ""},
		{"text with odd name", "script.exe", []byte("plain words"), "", 201, "script.txt", ""},
		{"windows path", `C:\Users\ana\doc.txt`, []byte("plain words"), "", 201, "doc.txt", ""},
		{"traversal", "../../etc/passwd", []byte("plain words"), "", 201, "passwd.txt", ""},
		{"not a pdf", "fake.pdf", []byte("just text"), "", 415, "", "not a PDF"},
		{"png image", "scan.PNG", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "", 201, "scan.png", ""},
		{"jpeg named png", "photo.png", []byte("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00"), "", 201, "photo.jpg", ""},
		{"binary", "image.gif", []byte("GIF89a\x01\x00\x01\x00\x80\x00\x00"), "", 415, "", "unsupported file"},
		{"latin-1 text", "old.txt", []byte("ni\xf1ez"), "", 415, "", "UTF-8"},
		{"empty", "empty.txt", nil, "", 400, "", "empty"},
		{"unknown metadata field", "a.txt", []byte("x"), `{"titel": "x"}`, 400, "", "unknown field"},
		{"bad country", "a.txt", []byte("x"), `{"countries": ["XXX"]}`, 400, "", "unknown country"},
		{"bad gcm", "a.txt", []byte("x"), `{"gcm": [24]}`, 400, "", "GCM objective 24"},
		{"bad lang", "a.txt", []byte("x"), `{"lang": "de"}`, 400, "", "unknown language"},
		{"bad theme", "a.txt", []byte("x"), `{"themes": ["nope"]}`, 400, "", "unknown theme nope"},
		{"bad type", "a.txt", []byte("x"), `{"type": "poem"}`, 400, "", "unknown document type poem"},
		{"metadata not json", "a.txt", []byte("x"), `title: x`, 400, "", "metadata"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := fw.adds.Load()
			a := upload(t, srv, "Bearer "+token, tc.file, tc.data, tc.metadata)
			if a.status != tc.status {
				t.Fatalf("status %d, want %d: %s", a.status, tc.status, a.body)
			}
			if tc.status != 201 {
				if msg := a.errorMsg(t); !strings.Contains(msg, tc.msg) {
					t.Errorf("error %q lacks %q", msg, tc.msg)
				}
				if fw.adds.Load() != before {
					t.Error("the writer was called")
				}
				return
			}
			if got := fw.lastName(); got != tc.stored {
				t.Errorf("stored as %q, want %q", got, tc.stored)
			}
		})
	}

	// Malformed requests.
	for _, tc := range []struct {
		name, body, ctype, msg string
	}{
		{"not multipart", `{"file": "x"}`, "application/json", "multipart/form-data"},
		{"no file field", "--b\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--b--\r\n", "multipart/form-data; boundary=b", "no field named"},
		{"truncated", "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nabc", "multipart/form-data; boundary=b", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := do(t, "POST", srv.URL+"/api/v1/documents", "Bearer "+token, strings.NewReader(tc.body), tc.ctype)
			if a.status != http.StatusBadRequest {
				t.Fatalf("status %d, want 400: %s", a.status, a.body)
			}
			if msg := a.errorMsg(t); !strings.Contains(msg, tc.msg) {
				t.Errorf("error %q lacks %q", msg, tc.msg)
			}
		})
	}
}

// generator yields n bytes of a multipart upload without holding them: a
// header, then filler. It counts what was read from it.
type generator struct {
	head []byte
	n    int64
	read atomic.Int64
}

func (g *generator) Read(p []byte) (int, error) {
	off := g.read.Load()
	if off >= g.n {
		return 0, io.EOF
	}
	k := min(int64(len(p)), g.n-off)
	for i := range p[:k] {
		j := off + int64(i)
		if j < int64(len(g.head)) {
			p[i] = g.head[j]
		} else {
			p[i] = 'a'
		}
	}
	g.read.Add(k)
	return int(k), nil
}

// TestUploadTooLarge sends 200 MB and expects 413 after reading little of
// it: at once when the length is declared, at the limit when it is not.
func TestUploadTooLarge(t *testing.T) {
	srv, fw := newWriteServer(t, web.Options{AdminToken: token})
	const total = 200 << 20
	head := []byte("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.txt\"\r\n\r\n")
	for _, tc := range []struct {
		name     string
		declared bool
		maxRead  int64
	}{
		{"declared length", true, 16 << 20},                   // what the socket buffers take before the answer
		{"chunked", false, web.DefaultMaxUpload + (16 << 20)}, // read up to the limit, not further
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := &generator{head: head, n: total}
			req, err := http.NewRequest("POST", srv.URL+"/api/v1/documents", g)
			if err != nil {
				t.Fatal(err)
			}
			if tc.declared {
				req.ContentLength = total
			} else {
				req.ContentLength = -1
			}
			req.Header.Set("Authorization", "Bearer "+token)
			req.Header.Set("Content-Type", "multipart/form-data; boundary=b")
			start := time.Now()
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatalf("after %d bytes: %v", g.read.Load(), err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusRequestEntityTooLarge {
				t.Fatalf("status %d, want 413: %s", resp.StatusCode, body)
			}
			if !strings.Contains(string(body), `"error":"request body larger than 50 MB"`) {
				t.Errorf("body = %s", body)
			}
			if n := g.read.Load(); n > tc.maxRead {
				t.Errorf("the client sent %d MB before the answer, want at most %d MB", n>>20, tc.maxRead>>20)
			}
			t.Logf("413 after %d MB sent, %v", g.read.Load()>>20, time.Since(start).Round(time.Millisecond))
		})
	}
	if fw.adds.Load() != 0 {
		t.Error("the writer was called")
	}

	// A small limit; metadata has its own.
	srv, _ = newWriteServer(t, web.Options{AdminToken: token, MaxUpload: 1000})
	if a := upload(t, srv, "Bearer "+token, "a.txt", bytes.Repeat([]byte("x"), 1001), ""); a.status != 413 || a.errorMsg(t) != "request body larger than 1000 bytes" {
		t.Errorf("1001 bytes over a 1000-byte limit: %d %s", a.status, a.body)
	}
	if a := upload(t, srv, "Bearer "+token, "a.txt", bytes.Repeat([]byte("x"), 1000), ""); a.status != 201 {
		t.Errorf("1000 bytes at a 1000-byte limit: %d %s", a.status, a.body)
	}
	if a := upload(t, srv, "Bearer "+token, "a.txt", []byte("x"), `{"title": "`+strings.Repeat("x", 70<<10)+`"}`); a.status != 413 {
		t.Errorf("70 KB of metadata: %d %s", a.status, a.body)
	}
}

// TestBodyLimit: other routes take at most MaxBody.
func TestBodyLimit(t *testing.T) {
	srv, _ := newWriteServer(t, web.Options{AdminToken: token, MaxBody: 1 << 10})
	a := do(t, "DELETE", srv.URL+"/api/v1/documents/hn-trata", "Bearer "+token, bytes.NewReader(make([]byte, 2<<10)), "application/json")
	if a.status != http.StatusRequestEntityTooLarge || a.errorMsg(t) != "request body larger than 1 KB" {
		t.Errorf("DELETE with 2 KB: %d %s", a.status, a.body)
	}
	a = do(t, "GET", srv.URL+"/api/v1/search?q=trata", "", bytes.NewReader(make([]byte, 512)), "text/plain")
	if a.status != http.StatusOK {
		t.Errorf("GET with a small body: %d %s", a.status, a.body)
	}
}

// TestExpensiveRequestsAreBounded: with every slot taken, the next upload
// is answered 503 with Retry-After at once; cheap reads go on.
func TestExpensiveRequestsAreBounded(t *testing.T) {
	srv, fw := newWriteServer(t, web.Options{AdminToken: token, MaxConcurrent: 1, UploadConcurrency: 1})
	fw.block = make(chan struct{})
	fw.started = make(chan struct{}, 1)
	first := make(chan apiAnswer, 1)
	go func() { first <- upload(t, srv, "Bearer "+token, "slow.txt", []byte("slow"), "") }()
	<-fw.started
	fw.started = nil

	a := upload(t, srv, "Bearer "+token, "second.txt", []byte("second"), "")
	if a.status != http.StatusServiceUnavailable || a.header.Get("Retry-After") == "" {
		t.Errorf("second upload: status %d, Retry-After %q: %s", a.status, a.header.Get("Retry-After"), a.body)
	}
	a.errorMsg(t)
	var r searchResp
	getJSON(t, srv, "/api/v1/search?q=trata", 200, &r)

	close(fw.block)
	if a := <-first; a.status != http.StatusCreated {
		t.Errorf("first upload: %d %s", a.status, a.body)
	}
	fw.block = nil
	if a := upload(t, srv, "Bearer "+token, "third.txt", []byte("third"), ""); a.status != http.StatusCreated {
		t.Errorf("upload after the slot was freed: %d %s", a.status, a.body)
	}
}

// slowIndex never answers a search before its context ends.
type slowIndex struct{ search.Index }

func (s slowIndex) Search(ctx context.Context, q search.Query) (*search.Result, error) {
	<-ctx.Done()
	return nil, fmt.Errorf("search: %w", ctx.Err())
}

// panicIndex panics on search.
type panicIndex struct{ search.Index }

func (panicIndex) Search(ctx context.Context, q search.Query) (*search.Result, error) {
	panic("secret internal state /etc/faro")
}

func newIndexServer(t *testing.T, wrap func(search.Index) search.Index, opts web.Options) *httptest.Server {
	t.Helper()
	idx, err := bleve.Create(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	srv := httptest.NewServer(web.Checked(t, web.New(wrap(idx), opts)))
	t.Cleanup(srv.Close)
	return srv
}

func TestSearchTimeout(t *testing.T) {
	srv := newIndexServer(t, func(i search.Index) search.Index { return slowIndex{i} }, web.Options{SearchTimeout: 50 * time.Millisecond})
	start := time.Now()
	resp, body := get(t, srv, "/api/v1/search?q=trata")
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" {
		t.Fatalf("status %d, Retry-After %q: %s", resp.StatusCode, resp.Header.Get("Retry-After"), body)
	}
	if !strings.Contains(string(body), "took longer than 50ms") {
		t.Errorf("body = %s", body)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("answered after %v", d)
	}
	// The health check does not search.
	if resp, _ := get(t, srv, "/healthz"); resp.StatusCode != 200 {
		t.Errorf("healthz: %d", resp.StatusCode)
	}
}

func TestPanicAnswers500WithoutInternals(t *testing.T) {
	var logs bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&syncWriter{w: &logs}, nil))
	srv := newIndexServer(t, func(i search.Index) search.Index { return panicIndex{i} }, web.Options{Logger: log})
	resp, body := get(t, srv, "/api/v1/search?q=x")
	if resp.StatusCode != 500 || string(body) != `{"error":"internal error"}` {
		t.Errorf("status %d: %s", resp.StatusCode, body)
	}
	if id := resp.Header.Get("X-Request-ID"); id == "" || !strings.Contains(logs.String(), `"request_id":"`+id+`"`) {
		t.Errorf("the panic's log lacks the request id %q:\n%s", id, logs.String())
	}
}

type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

func TestRequestID(t *testing.T) {
	var logs bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&syncWriter{w: &logs}, nil))
	srv, _ := newWriteServer(t, web.Options{Logger: log})
	for _, tc := range []struct {
		name, in string
		keep     bool
	}{
		{"uuid", "3f2b8c1e-9d4a-4e7b-8f00-1234567890ab", true},
		{"trace", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", true},
		{"none", "", false},
		{"spaces", "a b", false},
		{"quotes", `x"y`, false},
		{"too long", strings.Repeat("a", 129), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest("GET", srv.URL+"/api/v1/documents/nope", nil)
			if tc.in != "" {
				req.Header.Set("X-Request-ID", tc.in)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			got := resp.Header.Get("X-Request-ID")
			if tc.keep && got != tc.in {
				t.Errorf("id %q answered as %q", tc.in, got)
			}
			if !tc.keep && (got == "" || got == tc.in) {
				t.Errorf("id %q answered as %q, want a new one", tc.in, got)
			}
			if !strings.Contains(logs.String(), `"request_id":"`+got+`"`) {
				t.Errorf("logs lack request_id %q", got)
			}
		})
	}
	if !strings.Contains(logs.String(), `"route":"/api/v1/documents/:id"`) {
		t.Errorf("request logs lack the route:\n%s", logs.String())
	}
}

// TestWriterErrors: a *search.Error is answered with the status of its
// code, wrapped or not; other errors are 500 without detail.
func TestWriterErrors(t *testing.T) {
	for _, tc := range []struct {
		err    error
		status int
		body   string
	}{
		{search.Errorf(search.CodeUnprocessable, "the file could not be indexed: it is encrypted"), 422, `{"error":"the file could not be indexed: it is encrypted"}`},
		{fmt.Errorf("wrapped: %w", search.Errorf(search.CodeConflict, "busy")), 409, `{"error":"busy"}`},
		{search.Errorf(search.CodeInvalid, "bad"), 400, `{"error":"bad"}`},
		{search.Errorf(search.CodeTooLarge, "too big"), 413, `{"error":"too big"}`},
		{search.Errorf(search.CodeUnsupported, "not a format"), 415, `{"error":"not a format"}`},
		{search.Errorf(search.CodeUnavailable, "shutting down"), 503, `{"error":"shutting down"}`},
		{search.Errorf(search.CodeNoSpace, "no space left on the disk of the index"), 507, `{"error":"no space left on the disk of the index"}`},
		{search.Errorf(search.CodeInternal, "secret detail"), 500, `{"error":"internal error"}`},
		{errors.New("disk /data/corpus full"), 500, `{"error":"internal error"}`},
		{search.ErrNotFound, 404, `{"error":"document not found"}`},
	} {
		srv, _ := newWriteServer(t, web.Options{AdminToken: token, Writer: errWriter{tc.err}})
		for _, a := range []apiAnswer{
			upload(t, srv, "Bearer "+token, "a.txt", []byte("x"), ""),
			do(t, "DELETE", srv.URL+"/api/v1/documents/x", "Bearer "+token, nil, ""),
			do(t, "POST", srv.URL+"/api/v1/reindex", "Bearer "+token, nil, ""),
		} {
			if a.status != tc.status || string(a.body) != tc.body {
				t.Errorf("%v: %d %s, want %d %s", tc.err, a.status, a.body, tc.status, tc.body)
			}
		}
	}
}

type errWriter struct{ err error }

func (e errWriter) Add(context.Context, string, []byte, []byte) (*search.Document, error) {
	return nil, e.err
}
func (e errWriter) Delete(context.Context, string) error                { return e.err }
func (e errWriter) Reindex(context.Context) (*web.ReindexResult, error) { return nil, e.err }

// signalIndex tells when a search starts, then waits for its context.
type signalIndex struct {
	search.Index
	started chan struct{}
}

func (s signalIndex) Search(ctx context.Context, q search.Query) (*search.Result, error) {
	select {
	case s.started <- struct{}{}:
	default:
	}
	<-ctx.Done()
	return nil, ctx.Err()
}

// TestExpensiveReadsAreBounded: exports, evidence packs and feeds share
// the slots with uploads.
func TestExpensiveReadsAreBounded(t *testing.T) {
	started := make(chan struct{}, 1)
	srv := newIndexServer(t, func(i search.Index) search.Index { return signalIndex{i, started} },
		web.Options{MaxConcurrent: 1, SearchTimeout: time.Second})
	if resp, _ := get(t, srv, "/feed.atom?q=x"); resp.StatusCode == http.StatusNotFound {
		t.Skip("the export routes are not registered")
	}
	<-started
	done := make(chan int, 1)
	go func() {
		resp, err := http.Get(srv.URL + "/api/v1/export?q=x&format=ris")
		if err != nil {
			done <- 0
			return
		}
		resp.Body.Close()
		done <- resp.StatusCode
	}()
	<-started // the export holds the only slot
	for _, p := range []string{"/feed.atom?q=y", "/api/v1/evidence?q=y"} {
		resp, body := get(t, srv, p)
		if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" ||
			!strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") || !strings.Contains(string(body), `{"error":"the server is busy`) {
			t.Errorf("%s while the slot is taken: %d %q %s", p, resp.StatusCode, resp.Header.Get("Retry-After"), body)
		}
	}
	if code := <-done; code != http.StatusServiceUnavailable { // the slow search timed out
		t.Errorf("export: %d", code)
	}
}

// countingIndex records how many searches run at once; each takes 20 ms.
type countingIndex struct {
	search.Index
	mu        *sync.Mutex
	now, peak *int
}

func (c countingIndex) Search(ctx context.Context, q search.Query) (*search.Result, error) {
	c.mu.Lock()
	*c.now++
	*c.peak = max(*c.peak, *c.now)
	c.mu.Unlock()
	defer func() { c.mu.Lock(); *c.now--; c.mu.Unlock() }()
	time.Sleep(20 * time.Millisecond)
	return c.Index.Search(ctx, q)
}

func TestSearchesWaitInLine(t *testing.T) {
	var mu sync.Mutex
	var now, peak int
	srv := newIndexServer(t, func(i search.Index) search.Index { return countingIndex{i, &mu, &now, &peak} },
		web.Options{SearchConcurrency: 2, SearchTimeout: time.Minute})
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if resp, body := get(t, srv, "/api/v1/search?q=trata"); resp.StatusCode != http.StatusOK {
				t.Errorf("status %d: %s", resp.StatusCode, body)
			}
		}()
	}
	wg.Wait()
	if peak != 2 {
		t.Errorf("%d searches ran at once, want 2", peak)
	}
	// One waiting past its time limit is told to come back.
	slow := newIndexServer(t, func(i search.Index) search.Index { return countingIndex{i, &mu, new(int), new(int)} },
		web.Options{SearchConcurrency: 1, SearchTimeout: 10 * time.Millisecond})
	bodies := make(chan string, 4)
	for i := 0; i < 4; i++ {
		go func() {
			resp, body := get(t, slow, "/api/v1/search?q=trata")
			bodies <- fmt.Sprint(resp.StatusCode, " ", string(body))
		}()
	}
	waited := 0
	for i := 0; i < 4; i++ {
		if b := <-bodies; strings.HasPrefix(b, "503 ") && strings.Contains(b, "waited past its time limit") {
			waited++
		}
	}
	if waited == 0 {
		t.Error("no search was turned away after waiting past its time limit")
	}
}
