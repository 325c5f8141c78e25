package web_test

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"faro/search/web"
)

// dripUpload opens a connection and starts an upload of a declared size,
// then sends one byte every interval until stop is closed or the server
// answers; it returns the status line and body the server sent.
func dripUpload(t *testing.T, srv *httptest.Server, interval time.Duration, stop <-chan struct{}) <-chan string {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(srv.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	head := "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"slow.txt\"\r\nContent-Type: text/plain\r\n\r\n"
	fmt.Fprintf(conn, "POST /api/v1/documents HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\n"+
		"Content-Type: multipart/form-data; boundary=B\r\nContent-Length: %d\r\n\r\n%s", token, len(head)+100000, head)
	out := make(chan string, 1)
	go func() {
		for {
			select {
			case <-stop:
				return
			case <-time.After(interval):
			}
			if _, err := conn.Write([]byte("a")); err != nil {
				return
			}
		}
	}()
	go func() {
		conn.SetReadDeadline(time.Now().Add(30 * time.Second))
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			out <- "no answer: " + err.Error()
			return
		}
		defer resp.Body.Close()
		var b strings.Builder
		bufio.NewReader(resp.Body).WriteTo(&b)
		out <- fmt.Sprintf("%d %s", resp.StatusCode, b.String())
	}()
	return out
}

// TestSlowUploadIsCutOff: a client sending a byte every 50 ms, below a
// minimum rate of 1 KB/s, is answered 408 once its grace ends and nothing
// is stored.
func TestSlowUploadIsCutOff(t *testing.T) {
	srv, fw := newWriteServer(t, web.Options{AdminToken: token, UploadMinRate: 1 << 10, UploadRateGrace: 300 * time.Millisecond})
	stop := make(chan struct{})
	defer close(stop)
	start := time.Now()
	select {
	case got := <-dripUpload(t, srv, 50*time.Millisecond, stop):
		if !strings.HasPrefix(got, "408 ") || !strings.Contains(got, "slower than 1 KB per second") || !strings.Contains(got, "nothing was stored") {
			t.Errorf("slow upload answered %q", got)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("a slow upload was not cut off")
	}
	if d := time.Since(start); d < 300*time.Millisecond {
		t.Errorf("cut off after %v, before its grace", d)
	}
	if n := fw.adds.Load(); n != 0 {
		t.Errorf("the writer got %d uploads", n)
	}
	// A normal upload still goes through.
	if a := upload(t, srv, "Bearer "+token, "fast.txt", []byte("fast enough"), ""); a.status != http.StatusCreated {
		t.Errorf("upload after: %d %s", a.status, a.body)
	}
}

// TestUploadsSaturatedReadsGoOn: two slow uploads hold both write slots;
// a third upload is answered 503 with Retry-After at once, while
// searches, documents and exports keep answering 200.
func TestUploadsSaturatedReadsGoOn(t *testing.T) {
	srv, _ := newWriteServer(t, web.Options{AdminToken: token, UploadConcurrency: 2, MaxConcurrent: 1,
		UploadMinRate: 1, UploadRateGrace: time.Minute})
	stop := make(chan struct{})
	defer close(stop)
	drips := []<-chan string{dripUpload(t, srv, 100*time.Millisecond, stop), dripUpload(t, srv, 100*time.Millisecond, stop)}
	time.Sleep(100 * time.Millisecond)
	var a apiAnswer
	for deadline := time.Now().Add(20 * time.Second); ; {
		a = upload(t, srv, "Bearer "+token, "third.txt", []byte("third"), "")
		if a.status != http.StatusCreated || time.Now().After(deadline) {
			break
		}
		// The slow uploads have not taken their slots yet, or one came
		// while this upload held a slot and was refused: start it again.
		for i, d := range drips {
			select {
			case <-d:
				drips[i] = dripUpload(t, srv, 100*time.Millisecond, stop)
			default:
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	if a.status != http.StatusServiceUnavailable || a.header.Get("Retry-After") == "" || !strings.Contains(a.errorMsg(t), "uploads") {
		t.Fatalf("upload with the write slots full: %d Retry-After %q %s", a.status, a.header.Get("Retry-After"), a.body)
	}
	// A slow client refused a slot is answered at once, not once its body
	// has dripped in.
	select {
	case got := <-dripUpload(t, srv, 100*time.Millisecond, stop):
		if !strings.HasPrefix(got, "503 ") {
			t.Errorf("slow upload with the write slots full: %q", got)
		}
	case <-time.After(20 * time.Second):
		t.Error("a slow upload refused a slot was not answered")
	}
	for _, p := range []string{"/api/v1/search?q=trata", "/api/v1/documents/hn-trata", "/", "/api/v1/export?q=trata&format=ris"} {
		for range 3 {
			resp, body := get(t, srv, p)
			if resp.StatusCode != http.StatusOK && !(resp.StatusCode == http.StatusNotFound && strings.Contains(p, "export")) {
				t.Errorf("GET %s with the write slots full: %d %.200s", p, resp.StatusCode, body)
			}
		}
	}
}

// TestOversizedTextNotBuffered: a plain-text file over MaxUpload, sent
// chunked (its size unknown in advance), is answered 413 while the server
// allocated far less than the limit: it was streamed, not held whole. The
// writer never sees it and a file within the limit still goes through.
func TestOversizedTextNotBuffered(t *testing.T) {
	const limit = 4 << 20
	spool := t.TempDir()
	srv, fw := newWriteServer(t, web.Options{AdminToken: token, MaxUpload: limit, SpoolDir: spool})
	for _, name := range []string{"big.txt", "big.md", "big.html"} {
		pr, pw := io.Pipe()
		mw := multipart.NewWriter(pw)
		go func() {
			part, _ := mw.CreateFormFile("file", name)
			line := bytes.Repeat([]byte("la palabra zafiro en una línea de texto\n"), 1600) // 64 KB
			for i := 0; i < 4*limit/len(line); i++ {
				if _, err := part.Write(line); err != nil {
					pw.CloseWithError(err)
					return
				}
			}
			mw.Close()
			pw.Close()
		}()
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		a := do(t, "POST", srv.URL+"/api/v1/documents", "Bearer "+token, pr, mw.FormDataContentType())
		runtime.ReadMemStats(&after)
		pr.Close()
		if a.status != http.StatusRequestEntityTooLarge || a.errorMsg(t) != "request body larger than 4 MB" {
			t.Errorf("%s of 16 MB: %d %s", name, a.status, a.body)
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > limit/2 {
			t.Errorf("%s: the server allocated %d bytes for a file refused past %d", name, alloc, limit)
		}
	}
	if n := fw.adds.Load(); n != 0 {
		t.Errorf("the writer got %d uploads", n)
	}
	if a := upload(t, srv, "Bearer "+token, "small.txt", bytes.Repeat([]byte("zafiro "), 1000), ""); a.status != http.StatusCreated {
		t.Errorf("a file within the limit: %d %s", a.status, a.body)
	}
	if left, _ := os.ReadDir(spool); len(left) != 0 {
		t.Errorf("spool files left: %v", left)
	}
}

// TestCleanSpool: spool files a killed server left are removed at start,
// other files stay.
func TestCleanSpool(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{".faro-upload-123", ".faro-upload-abc", "index.lock"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	n, err := web.CleanSpool(dir)
	if err != nil || n != 2 {
		t.Fatalf("CleanSpool: %d, %v; want 2", n, err)
	}
	left, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(left) != 1 || filepath.Base(left[0]) != "index.lock" {
		t.Errorf("left %v", left)
	}
}
