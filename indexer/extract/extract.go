// Package extract turns files into text, page by page, for Faro's indexer.
//
// It extracts the formats of faro/format, each with its own extractor: PDF (through faro/indexer/pdftext, with pdfium as
// a fallback in worker processes), HTML (through goquery), Markdown with YAML front matter, and plain text. Every
// format yields a Result: the text of each page, the document's own metadata
// (title, description, author, date, declared language), flags telling a
// reader what went wrong or what is special about the file, and, for HTML
// listing pages, the publication entries (links to PDFs) found on the page.
//
// Robustness contract: an Extractor never panics out and respects its
// context. File adds a size limit, a per-file timeout (DefaultTimeout when
// the context has no deadline) and panic recovery around every extractor.
//
// Timeouts: the PDF library cannot be interrupted in the middle of a call,
// so the PDF extractor runs in its own goroutine and the caller stops
// waiting when the context is done (the error wraps ErrTimeout and the
// context's error). The abandoned goroutine checks the context between
// pages and between library calls, so it finishes in the background soon
// after the call it is stuck in returns; a call that never returns (a
// library loop on a pathological file that our pre-checks did not catch)
// keeps its goroutine alive until the process exits.
package extract

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"faro/format"
)

// Flags set in Result.Flags. Page flags are written "garbled-page:N" with N
// the 1-based page number.
const (
	// FlagNoTextLayer marks a PDF whose pages carry no text (an image-only scan).
	FlagNoTextLayer = "no-text-layer"
	// FlagEncrypted marks a PDF that is encrypted and could not be decrypted.
	FlagEncrypted = "encrypted"
	// FlagGarbledPagePrefix starts the flag of a page whose text could not be
	// extracted (the library failed on it) or decoded to junk; its text is "".
	FlagGarbledPagePrefix = "garbled-page:"
	// FlagEmpty marks a file that yields no text at all (and, for PDFs, no page).
	FlagEmpty = "empty"
	// FlagTruncated marks a PDF extracted only in part: its page tree could
	// not be read whole (too large, looping, or broken) and the pages found
	// are returned, or time ran out and the pages not reached are "".
	FlagTruncated = "truncated"
	// FlagFlatHTML marks an HTML page the parser refused (nested deeper
	// than 512 elements): its text comes from a flat token scan, without
	// main-content selection or links.
	FlagFlatHTML = "flat-html"
	// FlagPageTreeMismatch marks a PDF whose page tree holds a different
	// number of pages than its /Count says.
	FlagPageTreeMismatch = "page-count-mismatch"
)

// Limits and defaults.
const (
	// MaxFileSize is the largest file File reads; larger files are an error.
	MaxFileSize = 200 << 20
	// DefaultTimeout bounds one file's extraction when the context given to
	// File has no deadline.
	DefaultTimeout = 60 * time.Second
	// PageWords is the size, in words, of the pages that long HTML,
	// Markdown and text documents are split into (on paragraph boundaries).
	PageWords = 3000
)

// Errors.
var (
	// ErrUnsupported is returned for a file whose format is not known.
	ErrUnsupported = errors.New("unsupported format")
	// ErrTooLarge is returned by File for a file above MaxFileSize.
	ErrTooLarge = errors.New("file too large")
	// ErrTimeout is wrapped by the error of an extraction that did not finish
	// before its context's deadline ("timed out").
	ErrTimeout = errors.New("timed out")
	// ErrEncrypted is wrapped by the error of a PDF that is encrypted and
	// cannot be opened without a password (or with a scheme the PDF library
	// does not support). The Result returned with it is not nil and carries
	// FlagEncrypted and the metadata that could be read.
	ErrEncrypted = errors.New("encrypted document")
	// ErrPanic is wrapped by the error of an extraction that panicked.
	ErrPanic = errors.New("extractor panicked")
)

// Result is what an extractor makes of one file.
type Result struct {
	Format      string   `json:"format"`                // the format's name (faro/format): "pdf", "html", "markdown", "text"
	Engine      string   `json:"engine"`                // e.g. "faro/pdftext", "pdfium-wasm", "goquery", "markdown", "text"
	Title       string   `json:"title,omitempty"`       // PDF Info Title, HTML og:title/<title>/h1, front-matter title
	Heading     string   `json:"heading,omitempty"`     // PDF: the title printed on the cover, read from the layout (CoverTitle); HTML: the first heading of the page's text
	Description string   `json:"description,omitempty"` // HTML meta description / og:description, front-matter summary/description
	Author      string   `json:"author,omitempty"`
	Date        string   `json:"date,omitempty"`  // normalised YYYY-MM-DD / YYYY-MM / YYYY when known
	Lang        string   `json:"lang,omitempty"`  // declared language if any, lower-case 2 letters
	Pages       []string `json:"pages"`           // PDF: one per page; others: one page or ~PageWords-word pages
	Flags       []string `json:"flags,omitempty"` // see the Flag constants
	Links       []Link   `json:"links,omitempty"` // HTML only: publication entries of a listing page
	// Boilerplate is the text left out of Pages, with why (HTML: menus,
	// footers, hidden elements, teasers, ...; the indexer adds what a
	// site repeats on many pages).
	Boilerplate []Boilerplate     `json:"boilerplate,omitempty"`
	Meta        map[string]string `json:"meta,omitempty"` // raw metadata: front-matter keys, PDF Info keys, HTML meta tags
	OCR         *OCRReport        `json:"ocr,omitempty"`  // PDFs and images: the pages read from their image, and those OCR skipped
}

// Text returns the pages joined by blank lines.
func (r *Result) Text() string {
	if r == nil {
		return ""
	}
	return strings.Join(r.Pages, "\n\n")
}

// HasFlag reports whether the result carries flag f exactly.
func (r *Result) HasFlag(f string) bool {
	if r == nil {
		return false
	}
	for _, x := range r.Flags {
		if x == f {
			return true
		}
	}
	return false
}

// addFlag adds f once.
func (r *Result) addFlag(f string) {
	if !r.HasFlag(f) {
		r.Flags = append(r.Flags, f)
	}
}

// Link is one publication entry found on an HTML listing page: a link to a
// PDF with the title and summary of the entry that holds it. Href is the
// attribute exactly as written in the page (not resolved).
type Link struct {
	Href    string `json:"href"`
	Title   string `json:"title,omitempty"`
	Summary string `json:"summary,omitempty"`
}

// Extractor extracts one format. It must never panic out and must respect
// ctx: it returns (with an error wrapping ErrTimeout or ctx.Err()) once ctx
// is done. name is the file's name or path, used for messages and hints.
type Extractor interface {
	Extract(ctx context.Context, name string, data []byte) (*Result, error)
}

// extractors is the extractor table, keyed by format name (see faro/format):
// the file of each extractor adds its entry with register.
var extractors = map[string]Extractor{}

// register makes ex the extractor of f; it is called from package-level
// declarations only, so the table is complete before any use.
func register(f format.Format, ex Extractor) struct{} {
	extractors[f.Name] = ex
	return struct{}{}
}

// For returns the extractor of a format by its name ("pdf", "html",
// "markdown", "text"), or nil for an unknown format.
func For(format string) Extractor {
	return extractors[format]
}

// Options configure File. The zero value extracts everything in-process.
type Options struct {
	// PDFRunner, when set, extracts PDFs and images elsewhere (worker
	// processes, see indexer/isolate).
	PDFRunner PDFRunner
	// Lang is the file's language when its caller knows it (a
	// sidecar's, ISO 639-1): OCR reads with that language's model (see
	// WithLang).
	Lang string
	// Digest, when set, is written the file's bytes as read, so that a
	// caller hashing the file need not read it again. Nothing is written
	// when the file cannot be read or is too large.
	Digest io.Writer
}

// File reads the file at path, detects its format (format.Detect) and
// extracts it.
//
// Files above MaxFileSize are refused (ErrTooLarge); unknown formats give
// ErrUnsupported. The extraction runs with panic recovery and a timeout: the
// deadline of ctx, or DefaultTimeout when ctx has none (DefaultOCRTimeout
// for PDFs and images when OCR is on, see SetOCR). Errors are wrapped
// as "extract PATH: ...". For an encrypted PDF the Result is returned too.
func File(ctx context.Context, path string, opts Options) (*Result, error) {
	res, err := file(ctx, path, opts)
	if err != nil {
		return res, fmt.Errorf("extract %s: %w", path, err)
	}
	return res, nil
}

func file(ctx context.Context, path string, opts Options) (*Result, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	ctx = WithLang(ctx, opts.Lang)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("is a directory: %w", ErrUnsupported)
	}
	if fi.Size() > MaxFileSize {
		return nil, fmt.Errorf("%d bytes, limit %d: %w", fi.Size(), MaxFileSize, ErrTooLarge)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Read into data's room (the size Stat gave and a byte, so that the
	// end shows at once), growing it when the file grew after Stat, and
	// at most one byte past the limit.
	data := make([]byte, 0, fi.Size()+1)
	for {
		if len(data) == cap(data) {
			data = slices.Grow(data, 64<<10)
		}
		n, rerr := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if len(data) > MaxFileSize {
			return nil, fmt.Errorf("more than %d bytes: %w", MaxFileSize, ErrTooLarge)
		}
		if rerr != nil {
			break
		}
	}
	if opts.Digest != nil {
		opts.Digest.Write(data)
	}
	detected, ok := format.Detect(filepath.Base(path), data)
	ex := For(detected.Name)
	if !ok || ex == nil {
		return nil, ErrUnsupported
	}
	if opts.PDFRunner != nil {
		switch x := ex.(type) {
		case PDFExtractor:
			x.Runner = opts.PDFRunner
			ex = x
		case ImageExtractor:
			x.Runner = opts.PDFRunner
			ex = x
		}
	}
	if _, ok := ctx.Deadline(); !ok {
		timeout := DefaultTimeout
		if _, isImage := ex.(ImageExtractor); OCR().On() && (isImage || detected.Name == format.PDF.Name) {
			timeout = DefaultOCRTimeout
		}
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	return Safe(ctx, ex, path, data)
}

// Safe runs ex.Extract in its own goroutine with panic recovery and returns
// when it finishes or when ctx is done, whichever comes first. On ctx's end
// the error wraps ErrTimeout and ctx.Err(); the extraction goroutine is left
// to finish in the background (see the package comment).
func Safe(ctx context.Context, ex Extractor, name string, data []byte) (*Result, error) {
	if ex == nil {
		return nil, ErrUnsupported
	}
	return runBounded(ctx, func(ctx context.Context) (*Result, error) {
		return ex.Extract(ctx, name, data)
	})
}

// runBounded runs fn in a goroutine, converting a panic into an error
// wrapping ErrPanic, and stops waiting at ctx's end.
func runBounded(ctx context.Context, fn func(context.Context) (*Result, error)) (*Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, timeoutError(ctx, 0)
	}
	type outcome struct {
		res *Result
		err error
	}
	start := time.Now()
	done := make(chan outcome, 1) // buffered: the goroutine never blocks on an abandoned send
	go func() {
		var o outcome
		defer func() {
			if x := recover(); x != nil {
				o = outcome{nil, panicError(x)}
			}
			done <- o
		}()
		o.res, o.err = fn(ctx)
	}()
	select {
	case o := <-done:
		return o.res, o.err
	case <-ctx.Done():
		return nil, timeoutError(ctx, time.Since(start))
	}
}

func timeoutError(ctx context.Context, after time.Duration) error {
	return fmt.Errorf("%w after %s: %w", ErrTimeout, after.Round(time.Millisecond), ctx.Err())
}

// panicError turns a recovered value into an error wrapping ErrPanic.
func panicError(x any) error {
	return fmt.Errorf("%w: %v", ErrPanic, x)
}
