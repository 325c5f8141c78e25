package web

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
)

// Defaults of the upload limits (Options.UploadConcurrency,
// Options.UploadMinRate, Options.UploadRateGrace).
const (
	DefaultUploadConcurrency = 2
	DefaultUploadMinRate     = 8 << 10
	DefaultUploadRateGrace   = 10 * time.Second
)

// errUploadTooSlow is the error a write's body read returns once the
// client sends slower than Options.UploadMinRate; failErr answers 408.
var errUploadTooSlow = errors.New("upload slower than the minimum transfer rate")

// acquireUpload runs the rest of the chain holding one of the write slots
// (uploads and reindexing), separate from the slots of expensive reads, so
// slow or many writes never make exports, feeds or searches wait; when all
// are taken it answers 503 with Retry-After at once.
func (s *Server) acquireUpload(c *gin.Context) {
	select {
	case s.uploadSlots <- struct{}{}:
	default:
		s.metrics.rejected.WithLabelValues(route(c)).Inc()
		c.Header("Retry-After", strconv.Itoa(int(busyRetryAfter/time.Second)))
		// Closing the connection answers at once: otherwise the server
		// would first read the unread body, as slowly as it comes.
		c.Header("Connection", "close")
		c.AbortWithStatusJSON(http.StatusServiceUnavailable, errorBody{Error: fmt.Sprintf(
			"the server is busy with %d uploads or reindexing at once (its limit); retry in a moment", cap(s.uploadSlots))})
		return
	}
	defer func() { <-s.uploadSlots }()
	c.Next()
}

// minRate makes the request's body arrive at Options.UploadMinRate bytes
// per second on average after Options.UploadRateGrace: a client that falls
// behind has its read cut off (the connection's read deadline), and the
// handler, seeing errUploadTooSlow, answers 408 and stores nothing.
func (s *Server) minRate(c *gin.Context) {
	if s.opts.UploadMinRate > 0 && c.Request.Body != nil && c.Request.Body != http.NoBody {
		now := time.Now()
		c.Request.Body = &rateReader{
			r: c.Request.Body, rc: http.NewResponseController(c.Writer),
			start: now, end: now.Add(writeDeadline), rate: s.opts.UploadMinRate, grace: s.opts.UploadRateGrace,
		}
	}
	c.Next()
}

// rateReader enforces a minimum average transfer rate on a body: after n
// bytes the next one is due by start + grace + n/rate.
type rateReader struct {
	r          io.ReadCloser
	rc         *http.ResponseController
	start, end time.Time
	rate       int64 // bytes per second
	grace      time.Duration
	n          int64
}

func (r *rateReader) Read(p []byte) (int, error) {
	due := r.start.Add(r.grace + time.Duration(float64(r.n)/float64(r.rate)*float64(time.Second)))
	if due.After(r.end) {
		due = r.end
	}
	if !time.Now().Before(due) {
		return 0, r.tooSlow()
	}
	_ = r.rc.SetReadDeadline(due) // unsupported writers (tests) keep theirs
	n, err := r.r.Read(p)
	r.n += int64(n)
	if err != nil && errors.Is(err, os.ErrDeadlineExceeded) {
		return n, r.tooSlow()
	}
	return n, err
}

func (r *rateReader) tooSlow() error {
	return fmt.Errorf("%w (%d bytes in %s)", errUploadTooSlow, r.n, time.Since(r.start).Round(time.Millisecond))
}

func (r *rateReader) Close() error { return r.r.Close() }

// tooSlow answers a write whose body came too slowly: 408, and the
// connection is closed (its read side is past its deadline).
func (s *Server) tooSlow(c *gin.Context, err error) {
	s.logger(c).Warn("upload cut off: too slow", "route", route(c), "remote", c.ClientIP(), "err", err)
	c.Header("Connection", "close")
	s.fail(c, http.StatusRequestTimeout, fmt.Sprintf(
		"the upload arrived slower than %s per second (after the first %s): it was cut off and nothing was stored; send it over a faster connection",
		formatBytes(s.opts.UploadMinRate), s.opts.UploadRateGrace))
}

// largeUpload is the size past which an upload's memory is handed back to
// the system once it is indexed (see readFilePart).
const largeUpload = 8 << 20

// readFilePart reads an upload's file part without holding more of it in
// memory than it is allowed to be: the part is streamed into a spool file
// (Options.SpoolDir) and refused with errPartTooLarge as soon as it passes
// limit, having used a 64 KB buffer; a file within the limit is then read
// into one buffer of its exact size. The spool file is removed either way.
func (s *Server) readFilePart(r io.Reader, limit int64) ([]byte, error) {
	f, err := os.CreateTemp(s.opts.SpoolDir, spoolPattern)
	if err != nil {
		return nil, fmt.Errorf("spool upload: %w", err)
	}
	defer os.Remove(f.Name())
	defer f.Close()
	n, err := io.CopyBuffer(f, io.LimitReader(r, limit+1), make([]byte, 64<<10))
	if err != nil {
		return nil, err
	}
	if n > limit {
		return nil, errPartTooLarge
	}
	data := make([]byte, n)
	if _, err := f.ReadAt(data, 0); err != nil && !(errors.Is(err, io.EOF) && n == 0) {
		return nil, fmt.Errorf("read spooled upload: %w", err)
	}
	return data, nil
}

// releaseLarge hands the memory of a large upload back to the system once
// it is stored, so a server's resident size returns to its level before.
func releaseLarge(n int) {
	if n >= largeUpload {
		go debug.FreeOSMemory()
	}
}

// spoolPattern names the spool files of uploads (os.CreateTemp).
const spoolPattern = ".faro-upload-*"

// CleanSpool removes the spool files a stopped process left in dir (an
// upload killed while it arrived) and returns how many; call it at start,
// before serving.
func CleanSpool(dir string) (int, error) {
	if dir == "" {
		dir = os.TempDir()
	}
	left, err := filepath.Glob(filepath.Join(dir, spoolPattern))
	if err != nil {
		return 0, fmt.Errorf("find spooled uploads: %w", err)
	}
	n := 0
	for _, f := range left {
		if err := os.Remove(f); err != nil {
			return n, fmt.Errorf("remove spooled upload: %w", err)
		}
		n++
	}
	return n, nil
}
