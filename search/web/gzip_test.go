package web_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	kgzip "github.com/klauspost/compress/gzip"

	"faro/search"
	"faro/search/searchtest"
)

func TestGzip(t *testing.T) {
	srv := newServer(t)
	cases := []struct {
		path       string
		compressed bool
	}{
		{"/?q=trata", true},
		{"/api/v1/search?q=trata", true},
		{"/static/style.css", true},
		{"/documents/hn-trata/file", false},
		{"/api/v1/search?size=0", true}, // an error body is compressed too
	}
	for _, c := range cases {
		req, _ := http.NewRequest("GET", srv.URL+c.path, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		resp, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		got := resp.Header.Get("Content-Encoding") == "gzip"
		if got != c.compressed {
			t.Errorf("%s: compressed=%v, want %v", c.path, got, c.compressed)
			continue
		}
		if !got {
			continue
		}
		zr, err := gzip.NewReader(strings.NewReader(string(raw)))
		if err != nil {
			t.Fatalf("%s: %v", c.path, err)
		}
		body, err := io.ReadAll(zr)
		if err != nil || len(body) <= len(raw) && len(body) > 200 {
			t.Errorf("%s: %d bytes on the wire for %d, err %v", c.path, len(raw), len(body), err)
		}
		if strings.HasPrefix(c.path, "/api/") && !json.Valid(body) {
			t.Errorf("%s: not JSON after gunzip: %q", c.path, body)
		}
	}
	// Without Accept-Encoding nothing changes.
	resp, err := plainTransport.RoundTrip(mustReq(t, srv.URL+"/?q=trata"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Header.Get("Content-Encoding") != "" {
		t.Error("compressed for a client that did not ask")
	}
}

// plainTransport does not ask for compressed answers, as
// http.DefaultTransport does on its own (and then decompresses them).
var plainTransport = &http.Transport{DisableCompression: true}

func mustReq(t *testing.T, url string) *http.Request {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	return req
}

// TestJSONAnswersSized checks that JSON answers, plain, carry their length
// and the JSON content type, and that consecutive answers do not share
// bytes (their buffers are reused).
func TestJSONAnswersSized(t *testing.T) {
	srv := newServer(t)
	for _, path := range []string{"/api/v1/search?q=trata", "/api/v1/search?q=retorno", "/api/v1/taxonomy", "/api/v1/search?q=trata"} {
		resp, err := plainTransport.RoundTrip(mustReq(t, srv.URL+path))
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || resp.ContentLength != int64(len(body)) || resp.TransferEncoding != nil {
			t.Errorf("%s: status %d, length %d for %d bytes, transfer %v", path, resp.StatusCode, resp.ContentLength, len(body), resp.TransferEncoding)
		}
		if ct := resp.Header.Get("Content-Type"); ct != "application/json; charset=utf-8" || !json.Valid(body) || strings.HasSuffix(string(body), "\n") {
			t.Errorf("%s: %s %q", path, ct, body[max(0, len(body)-40):])
		}
	}
}

// BenchmarkCompress compresses a search answer's JSON (ten hits with their
// snippets, of generated documents) at BestSpeed with the compressor the
// server uses (klauspost/compress) and with the standard library's.
func BenchmarkCompress(b *testing.B) {
	var res search.Result
	for _, d := range searchtest.Synthetic(1, 10) {
		h := search.Hit{ID: d.ID, Title: d.Title, Summary: d.Summary, Type: d.Type, Lang: d.Lang, Countries: d.Countries}
		for _, p := range d.Pages[:1] {
			text := p.Text[:min(len(p.Text), 600)]
			h.Snippets = append(h.Snippets, search.Snippet{Page: p.Number, Segments: []search.Segment{{Text: text}}})
		}
		res.Hits = append(res.Hits, h)
	}
	body, err := json.Marshal(res)
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		w    interface {
			io.WriteCloser
			Reset(io.Writer)
		}
	}{
		{"klauspost", must(kgzip.NewWriterLevel(io.Discard, kgzip.BestSpeed))},
		{"stdlib", must(gzip.NewWriterLevel(io.Discard, gzip.BestSpeed))},
	} {
		b.Run(c.name, func(b *testing.B) {
			var out bytes.Buffer
			b.SetBytes(int64(len(body)))
			for range b.N {
				out.Reset()
				c.w.Reset(&out)
				c.w.Write(body)
				c.w.Close()
			}
			b.ReportMetric(float64(out.Len())/float64(len(body)), "ratio")
		})
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
