// Package pdfium is Faro's fallback PDF text engine: PDFium compiled to
// WebAssembly (github.com/klippa-app/go-pdfium in its webassembly mode, run
// by the pure-Go wazero runtime). No cgo, no shared library: the module is
// embedded in the binary. It costs a second or so and ~150-200 MB to start
// (compiling the module; a compilation cache on disk makes later starts
// cheaper), so it is started lazily, once per process, and only used for
// documents the primary engine cannot read well.
package pdfium

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/klippa-app/go-pdfium"
	pdfiumerrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// Engine names the engine in results.
const Engine = "pdfium-wasm"

// ErrPassword: the document needs a password (the empty one was tried).
var ErrPassword = errors.New("encrypted document: password required")

var (
	mu      sync.Mutex
	pool    pdfium.Pool
	inst    pdfium.Pdfium
	initErr error
	started bool
	// StartTook is how long the engine took to start (0 until started).
	StartTook time.Duration
)

// instance starts the engine on first use.
func instance() (pdfium.Pdfium, error) {
	if started {
		return inst, initErr
	}
	started = true
	t0 := time.Now()
	ctx := context.Background()
	rc := wazero.NewRuntimeConfig().WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling)
	if dir, err := cacheDir(); err == nil {
		if cache, err := wazero.NewCompilationCacheWithDir(dir); err == nil {
			rc = rc.WithCompilationCache(cache)
		}
	}
	pool, initErr = webassembly.Init(webassembly.Config{
		Context: ctx, MinIdle: 1, MaxIdle: 1, MaxTotal: 1,
		RuntimeConfig: rc,
		FSConfig:      wazero.NewFSConfig(), // no file system: documents come as bytes
		Stdout:        io.Discard, Stderr: io.Discard,
	})
	if initErr != nil {
		initErr = fmt.Errorf("start pdfium: %w", initErr)
		return nil, initErr
	}
	inst, initErr = pool.GetInstance(30 * time.Second)
	if initErr != nil {
		initErr = fmt.Errorf("start pdfium: %w", initErr)
	}
	StartTook = time.Since(t0)
	return inst, initErr
}

func cacheDir() (string, error) {
	base := os.Getenv("FARO_WASM_CACHE")
	if base == "" {
		c, err := os.UserCacheDir()
		if err != nil {
			c = os.TempDir()
		}
		base = filepath.Join(c, "faro", "wazero")
	}
	return base, os.MkdirAll(base, 0o755)
}

// Result is what the engine read.
type Result struct {
	Pages []string
	Info  map[string]string
}

// Extract reads the text of every page of a PDF (empty user password for
// encrypted files). Pages that fail are "" and listed in Failed... the
// error is for the document. ctx is checked between pages.
func Extract(ctx context.Context, data []byte) (res *Result, err error) {
	mu.Lock()
	defer mu.Unlock()
	defer func() {
		if x := recover(); x != nil {
			res, err = nil, fmt.Errorf("pdfium: %v", x)
		}
	}()
	p, err := instance()
	if err != nil {
		return nil, err
	}
	empty := ""
	doc, err := p.OpenDocument(&requests.OpenDocument{File: &data, Password: &empty})
	if err != nil {
		if errors.Is(err, pdfiumerrors.ErrPassword) || strings.Contains(err.Error(), "password") {
			return nil, ErrPassword
		}
		return nil, fmt.Errorf("pdfium: %w", err)
	}
	defer p.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	n, err := p.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return nil, fmt.Errorf("pdfium: %w", err)
	}
	res = &Result{Info: map[string]string{}}
	for _, tag := range []string{"Title", "Author", "Subject", "Keywords", "Creator", "Producer", "CreationDate", "ModDate"} {
		if m, err := p.FPDF_GetMetaText(&requests.FPDF_GetMetaText{Document: doc.Document, Tag: tag}); err == nil && strings.TrimSpace(m.Value) != "" {
			res.Info[tag] = strings.TrimSpace(m.Value)
		}
	}
	for i := 0; i < n.PageCount; i++ {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		t, err := p.GetPageText(&requests.GetPageText{Page: requests.Page{ByIndex: &requests.PageByIndex{Document: doc.Document, Index: i}}})
		if err != nil {
			res.Pages = append(res.Pages, "")
			continue
		}
		res.Pages = append(res.Pages, strings.ReplaceAll(t.Text, "\r\n", "\n"))
	}
	return res, nil
}
