package isolate

import (
	"bufio"
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"time"

	"faro/indexer/extract"
)

// Handler extracts one file in a worker.
type Handler func(ctx context.Context, name string, data []byte) (*extract.Result, error)

// DefaultHandler is what workers run: in-process PDF extraction with the
// quality gate, the fallback engine and OCR, or the OCR of an image.
func DefaultHandler(ctx context.Context, name string, data []byte) (*extract.Result, error) {
	return extract.ExtractLocal(ctx, name, data)
}

// ServeWorker is the body of a worker process: it reads files from in and
// writes results to out until in ends. It sets the process's Go memory
// limit below the ceiling the pool enforces (FARO_WORKER_MEMORY), turns the
// fallback engine on, takes its parent's OCR setting (FARO_OCR, see
// extract.OCREnv), and exits when its parent goes away. h nil means
// DefaultHandler.
func ServeWorker(in io.Reader, out io.Writer, h Handler) error {
	if h == nil {
		h = DefaultHandler
	}
	extract.EnablePDFFallback(true)
	extract.SetOCRFromEnv()
	if n, err := strconv.ParseInt(os.Getenv("FARO_WORKER_MEMORY"), 10, 64); err == nil && n > 0 {
		// Collect less often (extraction allocates much and keeps
		// little), but always before the ceiling the pool enforces.
		debug.SetMemoryLimit(n * 7 / 10)
		if os.Getenv("GOGC") == "" {
			debug.SetGCPercent(400)
		}
	}
	// The parent's death closes our stdin, but a file that loops keeps
	// us from reading it: watch the parent too.
	ppid := os.Getppid()
	go func() {
		for range time.Tick(time.Second) {
			if os.Getppid() != ppid {
				os.Exit(3)
			}
		}
	}()
	dec := gob.NewDecoder(bufio.NewReaderSize(in, 1<<16))
	bw := bufio.NewWriterSize(out, 1<<16)
	enc := gob.NewEncoder(bw)
	for {
		var req request
		if err := dec.Decode(&req); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return fmt.Errorf("worker: read request: %w", err)
		}
		resp := handle(h, req)
		if err := enc.Encode(resp); err != nil {
			return fmt.Errorf("worker: write result: %w", err)
		}
		if err := bw.Flush(); err != nil {
			return fmt.Errorf("worker: write result: %w", err)
		}
		if resp.Kind == "timeout" {
			// The extraction may still run in a goroutine stuck in the
			// library: leave, the pool starts a fresh worker.
			return nil
		}
	}
}

func handle(h Handler, req request) (resp response) {
	resp.ID = req.ID
	defer func() {
		if x := recover(); x != nil {
			resp.Result = nil
			resp.Err = fmt.Sprintf("%v: %v", extract.ErrPanic, x)
			resp.Kind = "panic"
		}
	}()
	ctx := extract.WithLang(context.Background(), req.Lang)
	var cancel context.CancelFunc
	if !req.Deadline.IsZero() {
		ctx, cancel = context.WithDeadline(ctx, req.Deadline)
		defer cancel()
	}
	res, err := h(ctx, req.Name, req.Data)
	resp.Result = res
	if err != nil {
		resp.Err = err.Error()
		resp.Kind = kindOf(err)
	}
	return resp
}
