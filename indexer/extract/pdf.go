package extract

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"faro/format"
	"faro/indexer/pdftext"
	"faro/indexer/pdftext/pdfium"
)

// Engine names in Result.Engine.
const (
	// PDFEngine is the primary PDF engine: Faro's content-stream walk
	// (indexer/pdftext) on top of github.com/ledongthuc/pdf.
	PDFEngine = "faro/pdftext"
	// PDFFallbackEngine is the fallback: PDFium compiled to WebAssembly.
	PDFFallbackEngine = pdfium.Engine
)

// Flags of PDF results (besides the ones in extract.go).
const (
	// FlagFallback marks a document whose text comes from the fallback
	// engine: the primary failed or its text failed the quality gate
	// (Meta[MetaGate] says why).
	FlagFallback = "fallback-engine"
	// FlagPoorText marks a document whose text failed the quality gate
	// and that the fallback could not improve (Meta[MetaGate] says why).
	FlagPoorText = "poor-text"
)

// Meta keys set by the PDF extractor.
const (
	// MetaGate: why the quality gate called the fallback engine.
	MetaGate = "x-faro-gate"
	// MetaTextUntilPage: pages after that one (1-based) were not extracted
	// (their text is ""); the result is flagged "truncated".
	MetaTextUntilPage = "x-faro-text-until-page"
)

// PDFExtractor extracts PDFs page by page.
//
// The primary engine (indexer/pdftext) walks each page's content stream
// and assembles the glyphs by position. A quality gate then measures the
// document (undecodable glyphs, codes without a character, glued words,
// letters per glyph, pages that failed, no text although images are
// drawn); when the primary engine cannot open the file or the gate fails,
// the fallback engine (PDFium in WebAssembly) extracts it too and the
// better of the two is kept: Result.Engine tells which, and the flag
// "fallback-engine" marks the fallback. Encrypted files are opened with
// the empty user password; otherwise the error wraps ErrEncrypted and the
// Result carries "encrypted".
//
// When Runner is set and the other options are zero, Extract hands the
// work to it (worker processes); otherwise it runs in-process.
type PDFExtractor struct {
	// Runner, when set, extracts elsewhere (see Options.PDFRunner).
	Runner PDFRunner
	// Layout selects the page-text strategy; the zero value is LayoutBest.
	Layout PDFLayout
	// NoFallback skips the quality gate and the fallback engine.
	NoFallback bool
	// ForceFallback extracts with the fallback engine only (whether or
	// not EnablePDFFallback was called).
	ForceFallback bool
}

// PDFLayout selects how PDFExtractor assembles a page's text.
type PDFLayout int

// Page-text strategies.
const (
	// LayoutBest is the content-stream walk with the quality gate and the
	// fallback engine.
	LayoutBest PDFLayout = iota
	// LayoutPlain keeps the library's Page.GetPlainText only (fast, but
	// words are often glued; no fallback).
	LayoutPlain
	// LayoutPositional is the content-stream walk alone (no fallback).
	LayoutPositional
)

// PDFRunner extracts a PDF or an image somewhere else (worker processes,
// which run ExtractLocal). It must honour ctx's deadline and return errors
// that wrap this package's sentinel errors (ErrTimeout, ErrEncrypted,
// ErrPanic, ...).
type PDFRunner interface {
	ExtractPDF(ctx context.Context, name string, data []byte) (*Result, error)
}

var _ = register(format.PDF, PDFExtractor{})

var (
	fallbackMu sync.RWMutex
	fallback   bool
)

// EnablePDFFallback turns the fallback engine on or off for this process
// (off by default). The fallback costs about a second and 150-200 MB to
// start and keeps its memory: it is meant for the worker processes of the
// isolated pool (see indexer/isolate), which enable it, and for tools.
// With it off, the quality gate still flags poor documents ("poor-text").
func EnablePDFFallback(on bool) {
	fallbackMu.Lock()
	fallback = on
	fallbackMu.Unlock()
}

func fallbackEnabled() bool {
	fallbackMu.RLock()
	defer fallbackMu.RUnlock()
	return fallback
}

// Extract implements Extractor.
func (e PDFExtractor) Extract(ctx context.Context, name string, data []byte) (*Result, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	if e.Runner != nil && e == (PDFExtractor{Runner: e.Runner}) {
		return e.Runner.ExtractPDF(ctx, name, data)
	}
	return ExtractPDFLocal(ctx, e, name, data)
}

// ExtractPDFLocal extracts in this process, whatever e.Runner is (worker
// processes call it).
func ExtractPDFLocal(ctx context.Context, e PDFExtractor, name string, data []byte) (*Result, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	return runBounded(ctx, func(ctx context.Context) (*Result, error) {
		return e.extract(ctx, name, data)
	})
}

var errNotPDF = pdftext.ErrNotPDF

// errPasswordRequired: an encrypted PDF that the empty user password
// does not open.
var errPasswordRequired = fmt.Errorf("%w: a password is required to open it (the empty user password was tried)", ErrEncrypted)

// quality sums what the pages showed, for the gate.
type quality struct {
	glyphs, replacement, control, images int
	pagesFailed                          int
	letters                              int
	text                                 string
}

// extract reads the text layer, then the pages without usable text from
// their image when OCR is on (see SetOCR).
func (e PDFExtractor) extract(ctx context.Context, name string, data []byte) (*Result, error) {
	res, err := e.extractText(ctx, name, data)
	if err == nil && res != nil && ctx.Err() == nil {
		recognisePDF(ctx, data, res)
	}
	return res, err
}

func (e PDFExtractor) extractText(ctx context.Context, name string, data []byte) (*Result, error) {
	if e.ForceFallback {
		res, err := fallbackExtract(ctx, data)
		if err != nil {
			if res == nil && errors.Is(err, ErrEncrypted) {
				res = &Result{Format: format.PDF.Name, Engine: PDFFallbackEngine, Pages: []string{}, Flags: []string{FlagEncrypted}}
			}
			return res, err
		}
		return res, nil
	}
	res, q, err := e.primary(ctx, data)
	if e.NoFallback || e.Layout != LayoutBest || ctx.Err() != nil {
		return res, err
	}
	reason := gate(q, res, err)
	if reason == "" {
		return res, err
	}
	if !fallbackEnabled() {
		if err == nil && res != nil && reason != "no-text-with-images" {
			res.addFlag(FlagPoorText)
			setResultMeta(res, MetaGate, reason)
		}
		return res, err
	}
	fb, ferr := fallbackExtract(ctx, data)
	if ferr != nil || fb == nil {
		if err == nil && res != nil {
			res.addFlag(FlagPoorText)
			setResultMeta(res, MetaGate, reason)
		}
		if err != nil && errors.Is(ferr, ErrEncrypted) {
			// Neither engine opens it with the empty user password.
			res = &Result{Format: format.PDF.Name, Engine: PDFEngine, Pages: []string{}, Flags: []string{FlagEncrypted}}
			return res, errPasswordRequired
		}
		return res, err
	}
	if err == nil && res != nil && !betterText(fb.Pages, res.Pages, q) {
		if reason != "no-text-with-images" { // a scan: "no-text-layer" says it
			res.addFlag(FlagPoorText)
			setResultMeta(res, MetaGate, reason)
		}
		return res, nil
	}
	// The fallback wins: keep the primary's metadata when it had some.
	if err == nil && res != nil {
		fb.Title, fb.Heading, fb.Author, fb.Date, fb.Lang, fb.Meta = res.Title, res.Heading, res.Author, res.Date, res.Lang, res.Meta
		for _, f := range res.Flags {
			if f == FlagTruncated || f == FlagPageTreeMismatch {
				fb.addFlag(f)
			}
		}
	}
	fb.addFlag(FlagFallback)
	setResultMeta(fb, MetaGate, reason)
	return fb, nil
}

// primary extracts with the content-stream walk (or the library's plain
// text for LayoutPlain).
func (e PDFExtractor) primary(ctx context.Context, data []byte) (*Result, quality, error) {
	var q quality
	res := &Result{Format: format.PDF.Name, Engine: PDFEngine, Pages: []string{}}
	doc, err := pdftext.Open(data)
	if err != nil {
		switch {
		case errors.Is(err, pdftext.ErrEncrypted):
			res.addFlag(FlagEncrypted)
			return res, q, fmt.Errorf("%w: %s", ErrEncrypted, strings.TrimPrefix(err.Error(), pdftext.ErrEncrypted.Error()+": "))
		case errors.Is(err, pdftext.ErrNotPDF):
			return nil, q, err
		}
		return nil, q, err
	}
	if err := ctx.Err(); err != nil {
		return nil, q, err
	}
	if dl, ok := ctx.Deadline(); ok {
		doc.Deadline = dl
	}
	info, lang := doc.Info()
	applyInfo(res, info, lang)
	if t := oneLine(doc.XMPTitle()); t != "" {
		setResultMeta(res, MetaXMPTitle, t)
	}
	if doc.Truncated {
		res.addFlag(FlagTruncated)
	}
	if doc.Declared > doc.NumPages() && !doc.Truncated {
		res.addFlag(FlagPageTreeMismatch)
	}
	if e.Layout != LayoutPlain {
		res.Heading = CoverTitle(coverLines(doc), res.Title)
	}
	n := doc.NumPages()
	deadline, hasDeadline := ctx.Deadline()
	var lastPage time.Duration
	withText := 0
	var all strings.Builder
	for i := 0; i < n; i++ {
		if err := ctx.Err(); err != nil {
			return nil, q, err
		}
		if hasDeadline && i > 0 && 2*lastPage > time.Until(deadline) {
			// Out of time: keep what is done rather than fail.
			for range n - i {
				res.Pages = append(res.Pages, "")
			}
			res.addFlag(FlagTruncated)
			setResultMeta(res, MetaTextUntilPage, strconv.Itoa(i))
			break
		}
		t0 := time.Now()
		var text string
		var perr error
		if e.Layout == LayoutPlain {
			text, perr = doc.PlainText(i)
			text = cleanText(text)
		} else {
			var p pdftext.Page
			p, perr = doc.PageText(i)
			text = cleanText(p.Text)
			q.glyphs += p.Stats.Glyphs
			q.replacement += p.Stats.Replacement
			q.control += p.Stats.Control
			q.images += p.Stats.Images
		}
		lastPage = time.Since(t0)
		if perr != nil {
			q.pagesFailed++
			res.addFlag(FlagGarbledPagePrefix + strconv.Itoa(i+1))
			if ctx.Err() != nil {
				return nil, q, ctx.Err()
			}
		}
		if text != "" {
			withText++
			all.WriteString(text)
			all.WriteString("\n\n")
		}
		res.Pages = append(res.Pages, text)
	}
	q.text = all.String()
	q.letters = letterCount(q.text)
	switch {
	case n == 0:
		res.addFlag(FlagEmpty)
	case withText == 0 && q.pagesFailed == 0:
		res.addFlag(FlagNoTextLayer)
	}
	return res, q, nil
}

// MetaXMPTitle is the Result.Meta key of a PDF's XMP dc:title.
const MetaXMPTitle = "XMPTitle"

// applyInfo fills the metadata from the Info dictionary.
func applyInfo(res *Result, info map[string]string, lang string) {
	for k, v := range info {
		v = oneLine(v)
		if v == "" {
			continue
		}
		setResultMeta(res, k, v)
	}
	res.Title = res.Meta["Title"]
	res.Author = res.Meta["Author"]
	res.Date = normDate(res.Meta["CreationDate"])
	if res.Date == "" {
		res.Date = normDate(res.Meta["ModDate"])
	}
	res.Lang = normLang(lang)
}

// Gate thresholds.
const (
	gateReplacement = 0.02 // share of glyphs without a known character
	gateControl     = 0.10 // share of codes that decode to nothing
	gateBadness     = 0.20 // textBadness of the document's text
	gateLetters     = 0.40 // letters and digits per glyph
)

// gate returns why the primary result needs the fallback engine, or "".
func gate(q quality, res *Result, err error) string {
	switch {
	case errors.Is(err, ErrEncrypted):
		return "encrypted"
	case err != nil:
		return "primary-failed"
	case res == nil:
		return "primary-failed"
	case q.pagesFailed > 0:
		return "page-errors"
	}
	if q.glyphs >= 20 {
		if float64(q.replacement) > gateReplacement*float64(q.glyphs) {
			return "undecodable-glyphs"
		}
		if float64(q.control) > gateControl*float64(q.glyphs+q.control) {
			return "unmapped-codes"
		}
		if float64(q.letters) < gateLetters*float64(q.glyphs) {
			return "few-letters"
		}
	}
	if q.letters >= 200 && textBadness(q.text) > gateBadness {
		return "glued-words"
	}
	if q.letters == 0 && len(res.Pages) > 0 {
		if q.images > 0 {
			return "no-text-with-images"
		}
		if q.control > 0 {
			return "no-text"
		}
	}
	return ""
}

// betterText reports whether the fallback's pages are better than the
// primary's: more good letters (letters outside suspicious words, minus
// undecodable characters).
func betterText(fb, primary []string, q quality) bool {
	score := func(pages []string) float64 {
		s := strings.Join(pages, "\n")
		l := float64(letterCount(s))
		bad := 0
		for _, r := range s {
			if r == '\uFFFD' || (r >= 0xE000 && r <= 0xF8FF) {
				bad++
			}
		}
		return l*(1-textBadness(s)) - 2*float64(bad)
	}
	return score(fb) > 1.02*score(primary)+5
}

// fallbackExtract extracts with the fallback engine.
func fallbackExtract(ctx context.Context, data []byte) (*Result, error) {
	r, err := pdfium.Extract(ctx, data)
	if err != nil {
		if errors.Is(err, pdfium.ErrPassword) {
			return nil, ErrEncrypted
		}
		return nil, err
	}
	res := &Result{Format: format.PDF.Name, Engine: PDFFallbackEngine, Pages: make([]string, 0, len(r.Pages))}
	applyInfo(res, r.Info, "")
	withText := 0
	for _, p := range r.Pages {
		t := dehyphenate(cleanText(p))
		if t != "" {
			withText++
		}
		res.Pages = append(res.Pages, t)
	}
	switch {
	case len(res.Pages) == 0:
		res.addFlag(FlagEmpty)
	case withText == 0:
		res.addFlag(FlagNoTextLayer)
	}
	return res, nil
}

func setResultMeta(res *Result, k, v string) {
	if res.Meta == nil {
		res.Meta = map[string]string{}
	}
	res.Meta[k] = v
}

var reHyphenBreak = regexp.MustCompile(`(\pL)[-\x{00AD}\x{2010}][ \t]*\n[ \t]*(\p{Ll})`)

// dehyphenate joins words hyphenated at a line end ("pri-\nority" becomes
// "priority"): a letter, a hyphen ending the line, a lower-case letter
// starting the next.
func dehyphenate(s string) string {
	return reHyphenBreak.ReplaceAllString(s, "$1$2")
}

// truncateUTF8 cuts s to at most n bytes on a rune boundary.
func truncateUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && n < len(s) && (s[n]&0xC0) == 0x80 {
		n--
	}
	return s[:n]
}
