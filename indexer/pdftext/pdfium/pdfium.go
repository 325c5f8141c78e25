// Package pdfium is Faro's fallback PDF text engine and its page renderer
// (for OCR, see Render): PDFium compiled to
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
	"image"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/klippa-app/go-pdfium"
	pdfiumerrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/responses"
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

// MaxRenderPixels bounds the size of a rendered page: a page larger than
// this at the asked resolution is rendered at a lower one (a hostile
// MediaBox cannot make the engine allocate gigabytes).
const MaxRenderPixels = 40_000_000

// ErrBlankPage is given to Render's callback for a page that draws
// nothing (no page object): there is nothing to render.
var ErrBlankPage = errors.New("blank page")

// RenderedPage is one page rendered in grey levels.
type RenderedPage struct {
	// Index is the page's 0-based index.
	Index int
	// Image is the page, 8-bit grey, white background. It is valid only
	// during the callback.
	Image *image.Gray
	// DPI is the resolution the page was rendered at (lower than asked
	// for a page above MaxRenderPixels).
	DPI int
}

// Render renders the pages of a PDF whose 0-based indexes are given (all
// pages when pages is nil) at dpi, one at a time, and calls fn with each;
// the image is valid only during the call. A page that cannot be rendered
// or draws nothing is passed with a nil Image and its error (ErrBlankPage
// for an empty page); fn's error stops the run and is returned. ctx is
// checked between pages. The document is opened with the empty user
// password (ErrPassword otherwise).
func Render(ctx context.Context, data []byte, pages []int, dpi int, fn func(RenderedPage, error) error) (err error) {
	mu.Lock()
	defer mu.Unlock()
	defer func() {
		if x := recover(); x != nil {
			err = fmt.Errorf("pdfium render: %v", x)
		}
	}()
	p, err := instance()
	if err != nil {
		return err
	}
	empty := ""
	doc, err := p.OpenDocument(&requests.OpenDocument{File: &data, Password: &empty})
	if err != nil {
		if errors.Is(err, pdfiumerrors.ErrPassword) || strings.Contains(err.Error(), "password") {
			return ErrPassword
		}
		return fmt.Errorf("pdfium: %w", err)
	}
	defer p.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	n, err := p.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return fmt.Errorf("pdfium: %w", err)
	}
	if pages == nil {
		for i := range n.PageCount {
			pages = append(pages, i)
		}
	}
	for _, i := range pages {
		if err := ctx.Err(); err != nil {
			return err
		}
		if i < 0 || i >= n.PageCount {
			if err := fn(RenderedPage{Index: i}, fmt.Errorf("page %d: no such page (%d pages)", i+1, n.PageCount)); err != nil {
				return err
			}
			continue
		}
		rp, rerr := renderPage(p, doc.Document, i, dpi)
		if err := fn(rp.RenderedPage, rerr); err != nil {
			rp.cleanup()
			return err
		}
		rp.cleanup()
	}
	return nil
}

type rendered struct {
	RenderedPage
	resp *responses.RenderPageInDPI
}

func (r rendered) cleanup() {
	if r.resp != nil {
		r.resp.Cleanup()
	}
}

// renderPage renders one page in grey levels, lowering dpi for a page
// above MaxRenderPixels.
func renderPage(p pdfium.Pdfium, doc references.FPDF_DOCUMENT, i, dpi int) (rendered, error) {
	out := rendered{RenderedPage: RenderedPage{Index: i, DPI: dpi}}
	page := requests.Page{ByIndex: &requests.PageByIndex{Document: doc, Index: i}}
	objs, err := p.FPDFPage_CountObjects(&requests.FPDFPage_CountObjects{Page: page})
	if err == nil && objs.Count == 0 {
		return out, ErrBlankPage
	}
	size, err := p.FPDF_GetPageSizeByIndexF(&requests.FPDF_GetPageSizeByIndexF{Document: doc, Index: i})
	if err != nil {
		return out, fmt.Errorf("page %d: size: %w", i+1, err)
	}
	w, h := float64(size.Size.Width)/72, float64(size.Size.Height)/72 // inches
	if !(w > 0 && h > 0) {
		return out, fmt.Errorf("page %d: empty page box", i+1)
	}
	if px := w * h * float64(dpi) * float64(dpi); px > MaxRenderPixels {
		out.DPI = int(math.Sqrt(MaxRenderPixels / (w * h)))
		if out.DPI < 20 {
			return out, fmt.Errorf("page %d: page box %.0fx%.0f in is too large to render", i+1, w, h)
		}
	}
	resp, err := p.RenderPageInDPI(&requests.RenderPageInDPI{Page: page, DPI: out.DPI, ImageFormat: requests.RenderImageFormatGrayscale})
	if err != nil {
		return out, fmt.Errorf("page %d: render: %w", i+1, err)
	}
	out.resp = resp
	g, ok := resp.Result.RenderedImage.(*image.Gray)
	if !ok || g == nil {
		return out, fmt.Errorf("page %d: render: no grey image", i+1)
	}
	out.Image = g
	return out, nil
}
