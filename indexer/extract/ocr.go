package extract

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"faro/indexer/ocr"
	"faro/indexer/pdftext/pdfium"
)

// Flags of recognised text (see OCRReport).
const (
	// FlagOCR marks a document some of whose pages were read from their
	// image (a scan, or text drawn as outlines).
	FlagOCR = "ocr"
	// FlagOCRLowPrefix starts the flag of a recognised page whose mean
	// word confidence is below ocr.LowConfidence: "ocr-low-confidence:N".
	FlagOCRLowPrefix = "ocr-low-confidence:"
	// FlagOCRUnavailable marks a document with pages that OCR would have
	// read, had Tesseract been installed.
	FlagOCRUnavailable = "ocr-unavailable"
	// FlagOCRIncomplete marks a document some of whose pages OCR was to
	// read but did not (time ran out, the recogniser failed): the
	// report's Skipped says which and why.
	FlagOCRIncomplete = "ocr-incomplete"
)

// OCR skip reasons (OCRSkip.Reason).
const (
	SkipNoTesseract = "no-tesseract" // Tesseract is not installed
	SkipBlank       = "blank"        // the page draws nothing
	SkipTimeout     = "timeout"      // the page passed its time limit
	SkipDeadline    = "deadline"     // the file's time ran out first
	SkipRender      = "render-error" // the page could not be rendered
	SkipRecognise   = "ocr-error"    // the recogniser failed
	SkipEncrypted   = "encrypted"    // the renderer cannot open the file
	SkipKeptLayer   = "text-layer"   // recognised, but the text layer was better
	SkipNoText      = "no-text"      // recognised, and nothing was read
)

// DefaultOCRTimeout replaces DefaultTimeout as the time limit of one
// file when OCR is on: a scan of 100 pages takes minutes.
const DefaultOCRTimeout = 10 * time.Minute

// minPageLetters: in auto mode a page with fewer letters and digits than
// this is read from its image.
const minPageLetters = 30

// OCRConfig says when and how pages are recognised in this process.
type OCRConfig struct {
	// Mode is ocr.Auto, ocr.Off or ocr.Force; "" means ocr.Off.
	Mode ocr.Mode
	// PageTimeout bounds the processor time of one page (see
	// ocr.Options.Timeout); 0 means ocr.DefaultPageTimeout.
	PageTimeout time.Duration
	// DPI is the resolution pages are rendered at; 0 means ocr.DefaultDPI.
	DPI int
}

// On reports whether pages may be recognised.
func (c OCRConfig) On() bool { return c.Mode == ocr.Auto || c.Mode == ocr.Force }

func (c OCRConfig) withDefaults() OCRConfig {
	if c.Mode == "" {
		c.Mode = ocr.Off
	}
	if c.PageTimeout <= 0 {
		c.PageTimeout = ocr.DefaultPageTimeout
	}
	if c.DPI <= 0 {
		c.DPI = ocr.DefaultDPI
	}
	return c
}

var (
	ocrMu  sync.RWMutex
	ocrCfg = OCRConfig{Mode: ocr.Off}.withDefaults()
)

// SetOCR sets when and how this process recognises pages (off by
// default). Worker processes get the setting of the process that starts
// them through OCREnv.
func SetOCR(c OCRConfig) {
	ocrMu.Lock()
	ocrCfg = c.withDefaults()
	ocrMu.Unlock()
}

// OCR returns this process's OCR setting.
func OCR() OCRConfig {
	ocrMu.RLock()
	defer ocrMu.RUnlock()
	return ocrCfg
}

// OCREnv returns the environment variables that carry this process's OCR
// setting to a worker process (see SetOCRFromEnv).
func OCREnv() []string {
	c := OCR()
	return []string{"FARO_OCR=" + string(c.Mode), "FARO_OCR_PAGE_TIMEOUT=" + c.PageTimeout.String(), "FARO_OCR_DPI=" + strconv.Itoa(c.DPI)}
}

// SetOCRFromEnv sets this process's OCR setting from FARO_OCR,
// FARO_OCR_PAGE_TIMEOUT and FARO_OCR_DPI (see OCREnv); unset or invalid
// values keep the defaults.
func SetOCRFromEnv() {
	var c OCRConfig
	if m, err := ocr.ParseMode(os.Getenv("FARO_OCR")); err == nil && os.Getenv("FARO_OCR") != "" {
		c.Mode = m
	}
	if d, err := time.ParseDuration(os.Getenv("FARO_OCR_PAGE_TIMEOUT")); err == nil {
		c.PageTimeout = d
	}
	if n, err := strconv.Atoi(os.Getenv("FARO_OCR_DPI")); err == nil {
		c.DPI = n
	}
	SetOCR(c)
}

// OCRReport says what OCR did to a document.
type OCRReport struct {
	// Engine is the recogniser ("tesseract 5.3.0"); "" when none is installed.
	Engine string `json:"engine,omitempty"`
	// Mode is the mode the document was read in (auto, force).
	Mode string `json:"mode"`
	// Pages are the pages whose text was recognised from their image.
	Pages []OCRPage `json:"pages"`
	// Skipped are the pages OCR was to read and did not use, with why.
	Skipped []OCRSkip `json:"skipped,omitempty"`
	// Seconds is the time spent rendering and recognising.
	Seconds float64 `json:"seconds"`
}

// OCRPage is one recognised page.
type OCRPage struct {
	// Page is 1-based.
	Page int `json:"page"`
	// Confidence is the mean word confidence, 0-100.
	Confidence float64 `json:"confidence"`
	// Words counts the words read.
	Words int `json:"words"`
	// Models are the Tesseract models used ("spa", "eng+spa+fra+por").
	Models string `json:"models"`
	// Low marks a confidence below ocr.LowConfidence.
	Low bool `json:"low_confidence,omitempty"`
	// Sparse marks a page read as sparse text, which read it better than
	// automatic layout (see ocr.Better).
	Sparse bool `json:"sparse,omitempty"`
}

// OCRSkip is a page OCR was to read and did not use.
type OCRSkip struct {
	// Page is 1-based.
	Page int `json:"page"`
	// Reason is one of the Skip* constants.
	Reason string `json:"reason"`
}

// Wanted reports how many pages OCR was to read: those read and those
// skipped.
func (r *OCRReport) Wanted() int {
	if r == nil {
		return 0
	}
	return len(r.Pages) + len(r.Skipped)
}

// PageOCR returns the recognised page numbered n (1-based), if it was.
func (r *Result) PageOCR(n int) (OCRPage, bool) {
	if r == nil || r.OCR == nil {
		return OCRPage{}, false
	}
	for _, p := range r.OCR.Pages {
		if p.Page == n {
			return p, true
		}
	}
	return OCRPage{}, false
}

// ocrCandidates returns the 0-based pages to recognise in mode m.
func ocrCandidates(res *Result, m ocr.Mode) []int {
	var out []int
	poor := res.HasFlag(FlagPoorText)
	for i, p := range res.Pages {
		switch {
		case m == ocr.Force,
			letterCount(p) < minPageLetters,
			res.HasFlag(FlagGarbledPagePrefix + strconv.Itoa(i+1)),
			poor && pageBelowGate(p):
			out = append(out, i)
		}
	}
	return out
}

// pageBelowGate applies the quality gate's text measures to one page.
func pageBelowGate(p string) bool {
	bad, n := 0, 0
	for _, r := range p {
		n++
		if r == '\uFFFD' || (r >= 0xE000 && r <= 0xF8FF) {
			bad++
		}
	}
	return float64(bad) > gateReplacement*float64(n) || (letterCount(p) >= 200 && textBadness(p) > gateBadness)
}

// textScore is how much good text s holds (see betterText).
func textScore(s string) float64 {
	bad := 0
	for _, r := range s {
		if r == '\uFFFD' || (r >= 0xE000 && r <= 0xF8FF) {
			bad++
		}
	}
	return float64(letterCount(s))*(1-textBadness(s)) - 2*float64(bad)
}

// recognisePDF reads from their images the pages of res that have no
// usable text (every page with ocr.Force), within ctx's deadline and the
// per-page time limit, and records what it did in res.OCR and the flags.
// Without Tesseract it only counts the pages it would have read.
func recognisePDF(ctx context.Context, data []byte, res *Result) {
	cfg := OCR()
	if !cfg.On() || res == nil || res.HasFlag(FlagEncrypted) {
		return
	}
	pages := ocrCandidates(res, cfg.Mode)
	if len(pages) == 0 {
		return
	}
	rep := &OCRReport{Mode: string(cfg.Mode), Pages: []OCRPage{}}
	res.OCR = rep
	eng, err := ocr.Find()
	if err != nil {
		for _, i := range pages {
			rep.Skipped = append(rep.Skipped, OCRSkip{i + 1, SkipNoTesseract})
		}
		res.addFlag(FlagOCRUnavailable)
		return
	}
	rep.Engine = eng.Name()
	t0 := time.Now()
	defer func() { rep.Seconds = time.Since(t0).Seconds() }()
	models, declared := docModels(ctx, eng, res.Lang)
	done := map[int]bool{}
	var slowest time.Duration
	rerr := pdfium.Render(ctx, data, pages, cfg.DPI, func(rp pdfium.RenderedPage, err error) error {
		done[rp.Index] = true
		n := rp.Index + 1
		if err != nil {
			reason := SkipRender
			if errors.Is(err, pdfium.ErrBlankPage) {
				reason = SkipBlank
			}
			rep.Skipped = append(rep.Skipped, OCRSkip{n, reason})
			return nil
		}
		timeout := cfg.PageTimeout
		if dl, ok := ctx.Deadline(); ok {
			left := time.Until(dl) - time.Second
			if left < time.Second || (slowest > 0 && left < slowest/2) {
				done[rp.Index] = false
				return errOutOfTime
			}
		}
		p0 := time.Now()
		pg, err := readInLanguage(eng, &models, declared, func(m []string, psm int) (ocr.Page, error) {
			return eng.RecognizeGray(ctx, rp.Image, ocr.Options{Models: m, DPI: rp.DPI, Timeout: timeout, PSM: psm, MinConfidence: retryConfidence(psm)})
		})
		slowest = max(slowest, time.Since(p0))
		switch {
		case errors.Is(err, ocr.ErrTimeout):
			rep.Skipped = append(rep.Skipped, OCRSkip{n, SkipTimeout})
			return nil
		case err != nil:
			rep.Skipped = append(rep.Skipped, OCRSkip{n, SkipRecognise})
			return nil
		}
		text := dehyphenate(cleanText(pg.Text))
		old := res.Pages[rp.Index]
		switch {
		case letterCount(text) == 0:
			rep.Skipped = append(rep.Skipped, OCRSkip{n, SkipNoText})
			return nil
		case cfg.Mode != ocr.Force && letterCount(old) > 0 && textScore(text) <= 1.2*textScore(old)+20:
			rep.Skipped = append(rep.Skipped, OCRSkip{n, SkipKeptLayer})
			return nil
		}
		res.Pages[rp.Index] = text
		op := OCRPage{Page: n, Confidence: round1(pg.Confidence), Words: pg.Words, Models: pg.Models, Low: pg.Low(), Sparse: pg.PSM != ocr.PSMAuto}
		rep.Pages = append(rep.Pages, op)
		if op.Low {
			res.addFlag(FlagOCRLowPrefix + strconv.Itoa(n))
		}
		return nil
	})
	for _, i := range pages {
		if done[i] {
			continue
		}
		reason := SkipDeadline
		switch {
		case errors.Is(rerr, pdfium.ErrPassword):
			reason = SkipEncrypted
		case rerr != nil && !errors.Is(rerr, errOutOfTime) && ctx.Err() == nil:
			reason = SkipRender
		}
		rep.Skipped = append(rep.Skipped, OCRSkip{i + 1, reason})
	}
	if len(rep.Pages) > 0 {
		res.addFlag(FlagOCR)
		res.removeFlag(FlagNoTextLayer)
		res.removeFlag(FlagEmpty)
	}
	for _, s := range rep.Skipped {
		if s.Reason != SkipBlank && s.Reason != SkipKeptLayer && s.Reason != SkipNoText {
			res.addFlag(FlagOCRIncomplete)
			break
		}
	}
}

var errOutOfTime = errors.New("out of time")

// better returns the better of a page's reading in automatic layout and
// its reading as sparse text, compared on the words read with at least
// ocr.RetryConfidence (see ocr.Better): the first reading is kept whole
// when it wins.
func better(auto, sparse ocr.Page) ocr.Page {
	if b := ocr.Better(auto.Keep(ocr.RetryConfidence), sparse); b.PSM != ocr.PSMAuto {
		return b
	}
	return auto
}

// retryConfidence is the confidence under which the words of a reading
// in mode psm are dropped: ocr.RetryConfidence for the second reading of
// a poorly read page, as sparse text; 0 (the default) for the first.
func retryConfidence(psm int) float64 {
	if psm != ocr.PSMAuto {
		return ocr.RetryConfidence
	}
	return 0
}

// docModels returns the models of a document's known language: the one
// its caller gave (LangOf(ctx), a sidecar's), else the one the file
// declares (lang); declared is false when neither is known or installed.
func docModels(ctx context.Context, eng *ocr.Engine, lang string) (models []string, declared bool) {
	for _, l := range []string{LangOf(ctx), lang} {
		if l == "" {
			continue
		}
		if m := eng.Models(baseLang(l)); len(m) > 0 {
			return m, true
		}
	}
	return nil, false
}

// baseLang returns the language of a tag: "es" of "es-MX".
func baseLang(tag string) string {
	if i := strings.IndexAny(tag, "-_"); i > 0 {
		tag = tag[:i]
	}
	return strings.ToLower(strings.TrimSpace(tag))
}

type langKey struct{}

// WithLang returns a context that says the file extracted with it is in
// language lang (ISO 639-1, "es"), as a sidecar says: OCR reads its pages
// with that language's model instead of guessing. It travels to worker
// processes (indexer/isolate). "" leaves ctx as it is.
func WithLang(ctx context.Context, lang string) context.Context {
	if lang == "" {
		return ctx
	}
	return context.WithValue(ctx, langKey{}, lang)
}

// LangOf returns the language WithLang put in ctx, or "".
func LangOf(ctx context.Context) string {
	if ctx == nil {
		return ""
	}
	l, _ := ctx.Value(langKey{}).(string)
	return l
}

// readInLanguage reads a page with the models *models (English when
// none), and, unless the document's language is declared, finds the
// language of what it read: when that is another installed language, the
// page is read again with its model, which then reads the next pages.
// One model at a time is several times faster than all of them at once
// and reads as well. A page read poorly in automatic layout, or with
// pictures, is read once more as sparse text and the better reading kept
// (see ocr.Page.Retry and better).
func readInLanguage(eng *ocr.Engine, models *[]string, declared bool, read func(models []string, psm int) (ocr.Page, error)) (ocr.Page, error) {
	try := *models
	if len(try) == 0 {
		try = eng.Models("en")
		if len(try) == 0 {
			try = eng.Langs[:1]
		}
	}
	pg, err := read(try, ocr.PSMAuto)
	if err != nil || pg.Words == 0 {
		return pg, err
	}
	if !declared {
		*models = try
		if l := ocr.DetectLang(pg.Text); l != "" {
			if m := eng.Models(l); len(m) > 0 && !slices.Equal(m, try) {
				*models = m
				if again, err := read(m, ocr.PSMAuto); err == nil {
					pg, try = again, m
				} // else the first reading stands
			}
		}
	}
	if pg.Retry() {
		if sparse, err := read(try, eng.SparsePSM()); err == nil {
			pg = better(pg, sparse)
		}
	}
	return pg, nil
}

func round1(f float64) float64 { return float64(int(f*10+0.5)) / 10 }

// removeFlag drops flag f.
func (r *Result) removeFlag(f string) {
	out := r.Flags[:0]
	for _, x := range r.Flags {
		if x != f {
			out = append(out, x)
		}
	}
	r.Flags = out
}

// OCRSummary describes an OCR report in one line for people: "3 pages
// recognised (mean confidence 91), 1 skipped: timeout".
func (r *OCRReport) Summary() string {
	if r == nil {
		return ""
	}
	var b strings.Builder
	if r.Engine == "" {
		fmt.Fprintf(&b, "%d pages without text that OCR would read: Tesseract is not installed", len(r.Skipped))
		return b.String()
	}
	conf := 0.0
	for _, p := range r.Pages {
		conf += p.Confidence
	}
	fmt.Fprintf(&b, "%d pages recognised", len(r.Pages))
	if len(r.Pages) > 0 {
		fmt.Fprintf(&b, " (mean confidence %.0f)", conf/float64(len(r.Pages)))
	}
	if len(r.Skipped) > 0 {
		why := map[string]int{}
		var order []string
		for _, s := range r.Skipped {
			if why[s.Reason] == 0 {
				order = append(order, s.Reason)
			}
			why[s.Reason]++
		}
		parts := make([]string, len(order))
		for i, k := range order {
			parts[i] = fmt.Sprintf("%d %s", why[k], k)
		}
		fmt.Fprintf(&b, ", skipped: %s", strings.Join(parts, ", "))
	}
	return b.String()
}
