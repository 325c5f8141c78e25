package harvest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// Errors a download can end with; Item.Reason names them.
var (
	// errTooLarge: the body is over Options.MaxFileBytes.
	errTooLarge = errors.New("file over the size limit")
	// errRunLimit: the run has transferred Options.MaxRunBytes already.
	errRunLimit = errors.New("run over its byte limit")
)

// spooled is a response body written to a temporary file while it was
// read: never held whole in memory.
type spooled struct {
	path    string
	size    int64
	sha256  string
	head    []byte // the first bytes, to recognise the format
	mime    string // the Content-Type's media type, lower case
	etag    string
	lastMod string
}

// spoolTransport streams every successful GET body (robots.txt aside) into
// a file under dir, hashing it on the way and stopping at the size limits,
// and hands the crawler the body of HTML pages only (read back from the
// file, up to pageLimit): colly reads whole bodies into memory, so PDFs
// never reach it. The spooled files wait in files, by final URL, for the
// harvester to take them.
type spoolTransport struct {
	next      http.RoundTripper
	dir       string
	fileLimit int64
	pageLimit int64
	runLimit  int64
	total     atomic.Int64 // body bytes read this run

	mu    sync.Mutex
	files map[string]*spooled
	n     int
}

func (t *spoolTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	res, err := t.next.RoundTrip(req)
	if err != nil || req.Method != http.MethodGet || res.StatusCode != http.StatusOK || req.URL.Path == "/robots.txt" {
		return res, err
	}
	if res.ContentLength > t.fileLimit {
		res.Body.Close()
		return nil, fmt.Errorf("%s: %d bytes: %w", req.URL, res.ContentLength, errTooLarge)
	}
	if t.total.Load() >= t.runLimit {
		res.Body.Close()
		return nil, errRunLimit
	}
	sp, err := t.spool(req.Context(), res)
	res.Body.Close()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", req.URL, err)
	}
	t.mu.Lock()
	if old := t.files[req.URL.String()]; old != nil {
		os.Remove(old.path)
	}
	t.files[req.URL.String()] = sp
	t.mu.Unlock()

	// The crawler sees HTML pages; other bodies wait in their file.
	res.Body = http.NoBody
	res.ContentLength = 0
	res.Header.Del("Content-Length")
	res.Header.Del("Content-Encoding")
	if isHTMLType(sp.mime, sp.head) && sp.size <= t.pageLimit {
		data, err := os.ReadFile(sp.path)
		if err != nil {
			return nil, fmt.Errorf("read back %s: %w", req.URL, err)
		}
		res.Body = io.NopCloser(bytes.NewReader(data))
		res.ContentLength = int64(len(data))
	}
	return res, nil
}

// spool copies the body to a new file, hashing it, within the limits.
func (t *spoolTransport) spool(ctx context.Context, res *http.Response) (*spooled, error) {
	t.mu.Lock()
	t.n++
	name := t.dir + "/" + strconv.Itoa(t.n)
	t.mu.Unlock()
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	h := sha256.New()
	head := &headWriter{max: 4096}
	var n int64
	buf := make([]byte, 32<<10)
	for {
		if err = ctx.Err(); err != nil {
			break
		}
		k, rerr := res.Body.Read(buf)
		if k > 0 {
			n += int64(k)
			if n > t.fileLimit {
				err = errTooLarge
				break
			}
			if t.total.Add(int64(k)) > t.runLimit {
				err = errRunLimit
				break
			}
			h.Write(buf[:k])
			head.Write(buf[:k])
			if _, err = f.Write(buf[:k]); err != nil {
				err = fmt.Errorf("spool: %w", err)
				break
			}
		}
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			err = rerr
			break
		}
	}
	if cerr := f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("spool: %w", cerr)
	}
	if err != nil {
		os.Remove(name)
		return nil, err
	}
	mt, _, _ := mime.ParseMediaType(res.Header.Get("Content-Type"))
	return &spooled{
		path: name, size: n, sha256: hex.EncodeToString(h.Sum(nil)), head: head.b,
		mime: strings.ToLower(mt), etag: res.Header.Get("ETag"), lastMod: res.Header.Get("Last-Modified"),
	}, nil
}

// take hands over the spooled body of url (nil when there is none).
func (t *spoolTransport) take(url string) *spooled {
	t.mu.Lock()
	defer t.mu.Unlock()
	sp := t.files[url]
	delete(t.files, url)
	return sp
}

// headWriter keeps the first max bytes written to it.
type headWriter struct {
	b   []byte
	max int
}

func (w *headWriter) Write(p []byte) (int, error) {
	if room := w.max - len(w.b); room > 0 {
		w.b = append(w.b, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

// isHTMLType reports whether a response is a web page: by its media type,
// or by its head when the server says nothing useful.
func isHTMLType(mt string, head []byte) bool {
	switch mt {
	case "text/html", "application/xhtml+xml":
		return true
	case "", "application/octet-stream", "text/plain":
		h := bytes.ToLower(bytes.TrimSpace(head[:min(len(head), 512)]))
		return bytes.HasPrefix(h, []byte("<!doctype html")) || bytes.HasPrefix(h, []byte("<html"))
	}
	return false
}
