// Package ocr recognises the text of page images with Tesseract, run as
// the `tesseract` program (Debian packages tesseract-ocr and
// tesseract-ocr-LANG): no cgo, and a recogniser that crashes or loops
// takes only its own process down. Each call has a time limit and an
// address-space ceiling and is killed with its parent; the TSV output
// gives the text with each word's confidence.
//
// The package knows nothing of PDFs: indexer/extract renders the pages
// (indexer/pdftext/pdfium) and passes the images here.
package ocr

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"image"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Mode says when pages are recognised.
type Mode string

// Modes.
const (
	// Auto recognises the pages that have no usable text layer.
	Auto Mode = "auto"
	// Off never recognises.
	Off Mode = "off"
	// Force recognises every page, whatever its text layer.
	Force Mode = "force"
)

// ParseMode parses "auto", "off" or "force" (any case; "" is Auto).
func ParseMode(s string) (Mode, error) {
	switch m := Mode(strings.ToLower(strings.TrimSpace(s))); m {
	case "":
		return Auto, nil
	case Auto, Off, Force:
		return m, nil
	}
	return "", fmt.Errorf("OCR mode %q: want auto, off or force", s)
}

// Defaults.
const (
	// DefaultPageTimeout bounds the recognition of one page.
	DefaultPageTimeout = 60 * time.Second
	// DefaultDPI is the resolution pages are rendered at for recognition.
	DefaultDPI = 300
	// LowConfidence: a page whose mean word confidence (0-100) is below
	// it is flagged as poorly recognised (it is indexed all the same).
	LowConfidence = 70
	// MemoryLimit is the address-space ceiling of a tesseract process.
	MemoryLimit = 2 << 30
	// wallFactor: a page may take this many times its processor-time
	// limit in wall-clock time (other processes share the cores).
	wallFactor = 5
	// maxOutput bounds what is read of a tesseract process's output.
	maxOutput = 32 << 20
	// minWordConfidence: words recognised with less confidence are
	// dropped (noise read from photographs and rules).
	minWordConfidence = 10
	// RetryBelow: a page read in automatic layout (--psm 3) with a mean
	// word confidence below it is read again as sparse text (see
	// SparsePSM) and the better reading kept (see Better). Running text
	// reads at 93-96; covers, slides, maps and charts lower.
	RetryBelow = 90
	// RetryPictures: a page read in automatic layout with at least this
	// share of its area in regions without text is read again as sparse
	// text (see Page.Retry). Running text has 0-0.01; a cover or a slide
	// with a photograph a third.
	RetryPictures = 0.10
	// RetryConfidence: the two readings of a page read twice keep the
	// words read with at least this confidence; sparse text reads the
	// textures of photographs as words, which then go.
	RetryConfidence = 50
)

// Page segmentation modes (Options.PSM).
const (
	// PSMAuto is Tesseract's automatic layout analysis (--psm 3).
	PSMAuto = 3
	// PSMSparse finds as much text as it can, in no particular order
	// (--psm 11).
	PSMSparse = 11
	// PSMSparseOSD is PSMSparse that also reads words set sideways, as
	// on the axis of a chart (--psm 12; needs the "osd" model).
	PSMSparseOSD = 12
)

// ErrUnavailable is returned when the tesseract program is not installed.
var ErrUnavailable = errors.New("tesseract is not installed (Debian: apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-spa tesseract-ocr-fra tesseract-ocr-por)")

// ErrTimeout is wrapped by the error of a page that took longer than its
// time limit.
var ErrTimeout = errors.New("recognition timed out")

// Engine is an installed Tesseract.
type Engine struct {
	// Path is the program's path.
	Path string
	// Version is its version ("5.3.0").
	Version string
	// Langs are the installed language models ("eng", "spa", ...).
	Langs []string
	// osd: the orientation and script model is installed.
	osd bool
}

type found struct {
	e   *Engine
	err error
}

var (
	findMu sync.Mutex
	finds  = map[string]found{}
)

// Find returns the installed Tesseract: the program named by
// FARO_TESSERACT, else `tesseract` on PATH. The answer is cached for the
// process (per program name). The error wraps ErrUnavailable when there
// is none.
func Find() (*Engine, error) {
	name := os.Getenv("FARO_TESSERACT")
	if name == "" {
		name = "tesseract"
	}
	findMu.Lock()
	defer findMu.Unlock()
	f, ok := finds[name]
	if !ok {
		f.e, f.err = find(name)
		finds[name] = f
	}
	return f.e, f.err
}

func find(name string) (*Engine, error) {
	path, err := exec.LookPath(name)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnavailable, err)
	}
	e := &Engine{Path: path}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, path, "--version").CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("%w: %s --version: %v", ErrUnavailable, path, err)
	}
	if f := strings.Fields(string(out)); len(f) >= 2 {
		e.Version = strings.TrimPrefix(f[1], "v")
	}
	out, err = exec.CommandContext(ctx, path, "--list-langs").CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("%w: %s --list-langs: %v", ErrUnavailable, path, err)
	}
	for _, l := range strings.Split(string(out), "\n")[1:] {
		l = strings.TrimSpace(l)
		if l == "osd" {
			e.osd = true
		}
		if l != "" && l != "osd" {
			e.Langs = append(e.Langs, l)
		}
	}
	if len(e.Langs) == 0 {
		return nil, fmt.Errorf("%w: %s has no language model", ErrUnavailable, path)
	}
	return e, nil
}

// Name is how the engine is named in results: "tesseract 5.3.0".
func (e *Engine) Name() string {
	if e.Version == "" {
		return "tesseract"
	}
	return "tesseract " + e.Version
}

// codes maps ISO 639-1 codes to Tesseract's models.
var codes = map[string]string{"en": "eng", "es": "spa", "fr": "fra", "pt": "por"}

// DefaultLangs are the languages tried on a document whose language is
// not known, in this order, when installed.
var DefaultLangs = []string{"en", "es", "fr", "pt"}

// Models returns the installed models for ISO 639-1 languages ("es" gives
// "spa"), skipping the unknown and not installed ones.
func (e *Engine) Models(langs ...string) []string {
	var out []string
	for _, l := range langs {
		m := codes[strings.ToLower(l)]
		if m == "" {
			m = strings.ToLower(l) // already a model name
		}
		if slices.Contains(e.Langs, m) && !slices.Contains(out, m) {
			out = append(out, m)
		}
	}
	return out
}

// Page is the text recognised on one image.
type Page struct {
	// Text is the text, lines separated by "\n" and paragraphs by a blank line.
	Text string
	// Confidence is the mean confidence (0-100) of the words kept; 0 when none.
	Confidence float64
	// Words counts the words kept.
	Words int
	// Models are the models used, joined by "+": "spa", "eng+spa".
	Models string
	// PSM is the page segmentation mode it was read in.
	PSM int
	// Pictures is the share (0-1) of the page's area in regions where
	// the layout analysis found no text: pictures, charts, maps.
	Pictures float64
	// words are all the words read, whatever their confidence (see Keep).
	words []tsvWord
}

// Low reports whether the page was poorly recognised (see LowConfidence).
func (p Page) Low() bool { return p.Words > 0 && p.Confidence < LowConfidence }

// Options of one recognition.
type Options struct {
	// Models are the Tesseract models to use ("spa", "eng"); empty means
	// every installed model of DefaultLangs.
	Models []string
	// DPI is the image's resolution, when known (0: Tesseract estimates it).
	DPI int
	// Timeout bounds the processor time of the call (the recogniser is
	// killed past it); 0 means DefaultPageTimeout. On a busy machine the
	// call may take longer in wall-clock time: that is bounded by
	// wallFactor times Timeout, and by the context's deadline.
	Timeout time.Duration
	// PSM is Tesseract's page segmentation mode: 0 means PSMAuto.
	PSM int
	// MinConfidence drops the words read with less confidence (0-100);
	// 0 means minWordConfidence.
	MinConfidence float64
}

// SparsePSM is the mode a poorly read page is read again in:
// PSMSparseOSD when the "osd" model is installed, else PSMSparse.
func (e *Engine) SparsePSM() int {
	if e.osd {
		return PSMSparseOSD
	}
	return PSMSparse
}

// Retry reports whether a page read in automatic layout is worth reading
// again as sparse text: it has words, read with a mean confidence below
// RetryBelow, or a share of pictures of RetryPictures or more (text in a
// chart or on a map is missed by the layout analysis, however sure it is
// of the rest: a cover reads 142 words at 92 where sparse text reads 179).
func (p Page) Retry() bool {
	return p.Words > 0 && (p.Confidence < RetryBelow || p.Pictures >= RetryPictures)
}

// Better returns the better of two readings of one page, a first one
// (automatic layout) and a second (sparse text): the second only when
// its confident words weigh more than a twentieth above the first's (the
// sum of the words' confidences: a reading of more words, read as
// surely), since sparse text loses the order of columns and paragraphs.
// Both are to keep the same words (see Keep and RetryConfidence). On a
// designed cover (display type, a chart with labels set sideways, a map)
// sparse text reads 195 words at 91.7 where automatic layout reads 163 at
// 92.1, and word F1 0.81 instead of 0.79; on running text automatic
// layout keeps its place.
func Better(first, second Page) Page {
	if second.Confidence*float64(second.Words) > 1.05*first.Confidence*float64(first.Words) {
		return second
	}
	return first
}

// RecognizeGray recognises the text of a grey image.
func (e *Engine) RecognizeGray(ctx context.Context, img *image.Gray, o Options) (Page, error) {
	pages, err := e.run(ctx, pgm(img), o)
	if err != nil {
		return Page{}, err
	}
	if len(pages) == 0 {
		return Page{Models: strings.Join(e.models(o), "+"), PSM: cmp.Or(o.PSM, PSMAuto)}, nil
	}
	return pages[0], nil
}

// RecognizeFile recognises the text of an encoded image (PNG, JPEG, TIFF,
// ...; a multi-page TIFF gives a page each).
func (e *Engine) RecognizeFile(ctx context.Context, data []byte, o Options) ([]Page, error) {
	return e.run(ctx, data, o)
}

func (e *Engine) models(o Options) []string {
	if len(o.Models) > 0 {
		return o.Models
	}
	if m := e.Models(DefaultLangs...); len(m) > 0 {
		return m
	}
	return e.Langs[:1]
}

// pgm encodes img as a binary PGM (P5), which Tesseract reads from its
// standard input without compression cost.
func pgm(img *image.Gray) []byte {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	head := fmt.Sprintf("P5\n%d %d\n255\n", w, h)
	out := make([]byte, 0, len(head)+w*h)
	out = append(out, head...)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		i := img.PixOffset(b.Min.X, y)
		out = append(out, img.Pix[i:i+w]...)
	}
	return out
}

// run feeds one encoded image to tesseract and parses its TSV output.
func (e *Engine) run(ctx context.Context, input []byte, o Options) ([]Page, error) {
	timeout := o.Timeout
	if timeout <= 0 {
		timeout = DefaultPageTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, wallFactor*timeout)
	defer cancel()
	models := e.models(o)
	psm := cmp.Or(o.PSM, PSMAuto)
	args := []string{"stdin", "stdout", "-l", strings.Join(models, "+"), "--psm", strconv.Itoa(psm)}
	if o.DPI > 0 {
		args = append(args, "--dpi", strconv.Itoa(o.DPI))
	}
	args = append(args, "tsv")
	cmd := exec.CommandContext(ctx, e.Path, args...)
	// One thread: the worker pool already runs one recogniser per core.
	cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
	cmd.Stdin = bytes.NewReader(input)
	out := &limitedBuffer{max: maxOutput}
	var stderr limitedBuffer
	stderr.max = 4096
	cmd.Stdout, cmd.Stderr = out, &stderr
	cmd.WaitDelay = 2 * time.Second
	setProcAttr(cmd)
	if err := cmd.Start(); err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("tesseract: %w: %w", ErrTimeout, ctx.Err())
		}
		return nil, fmt.Errorf("tesseract: %w", err)
	}
	limitProcess(cmd.Process.Pid, MemoryLimit, timeout)
	err := cmd.Wait()
	if ctx.Err() != nil {
		return nil, fmt.Errorf("tesseract: %w: %w", ErrTimeout, ctx.Err())
	}
	if cpuExceeded(cmd.ProcessState) {
		return nil, fmt.Errorf("tesseract: %w: more than %s of processor time", ErrTimeout, timeout)
	}
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if i := strings.LastIndexByte(msg, '\n'); i >= 0 {
			msg = msg[i+1:]
		}
		return nil, fmt.Errorf("tesseract: %w: %s", err, msg)
	}
	if out.over {
		return nil, fmt.Errorf("tesseract: more than %d bytes of output", maxOutput)
	}
	pages := parseTSV(out.String(), cmp.Or(o.MinConfidence, minWordConfidence))
	for i := range pages {
		pages[i].Models = strings.Join(models, "+")
		pages[i].PSM = psm
	}
	return pages, nil
}

// ParseTSV reads Tesseract's TSV output (level, page_num, block_num,
// par_num, line_num, word_num, left, top, width, height, conf, text): the
// words of each page, a line break between lines and a blank line between
// paragraphs, and the mean confidence of the words kept. Words below a
// minimal confidence, and lines that hold no letter or digit, are dropped.
func ParseTSV(tsv string) []Page { return parseTSV(tsv, minWordConfidence) }

// tsvWord is a word of Tesseract's TSV output, where it stands.
type tsvWord struct {
	block, par, line int
	text             string
	conf             float64
}

func parseTSV(tsv string, minConf float64) []Page {
	var pages []Page
	var words []tsvWord
	lastPage := -1
	pictures, area := 0.0, 1.0
	sc := bufio.NewScanner(strings.NewReader(tsv))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 12 || (f[0] != "5" && f[0] != "1") {
			continue
		}
		num := func(i int) int { n, _ := strconv.Atoi(f[i]); return n }
		if page := num(1); page != lastPage {
			if lastPage >= 0 {
				pages = append(pages, buildPage(words, minConf, pictures/area))
			}
			lastPage, words, pictures, area = page, nil, 0, 1
		}
		if f[0] == "1" {
			area = max(float64(num(8))*float64(num(9)), 1)
			continue
		}
		conf, err := strconv.ParseFloat(f[10], 64)
		text := strings.TrimSpace(f[11])
		if err != nil {
			continue
		}
		if text == "" {
			// A region without text: a picture, a chart, a map.
			pictures += float64(num(8)) * float64(num(9))
			continue
		}
		words = append(words, tsvWord{num(2), num(3), num(4), text, conf})
	}
	if lastPage >= 0 {
		pages = append(pages, buildPage(words, minConf, pictures/area))
	}
	return pages
}

// Keep returns the page with only the words read with at least minConf
// confidence (and the lines that still hold a letter or digit).
func (p Page) Keep(minConf float64) Page {
	q := buildPage(p.words, minConf, p.Pictures)
	q.Models, q.PSM = p.Models, p.PSM
	return q
}

// buildPage lays out the words of one page read with at least minConf.
func buildPage(words []tsvWord, minConf, pictures float64) Page {
	var b strings.Builder
	var line []tsvWord
	confSum, n := 0.0, 0
	flushLine := func() {
		if !slices.ContainsFunc(line, func(w tsvWord) bool { return hasAlnum(w.text) }) {
			line = line[:0]
			return
		}
		if b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
			b.WriteByte('\n')
		}
		for i, w := range line {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w.text)
			confSum += w.conf
			n++
		}
		line = line[:0]
	}
	first := true
	var last tsvWord
	for _, w := range words {
		if w.conf < minConf {
			continue
		}
		switch {
		case first:
		case w.block != last.block || w.par != last.par:
			flushLine()
			if b.Len() > 0 {
				b.WriteString("\n\n")
			}
		case w.line != last.line:
			flushLine()
		}
		first, last = false, w
		line = append(line, w)
	}
	flushLine()
	p := Page{Text: collapseBlankLines(strings.TrimSpace(b.String())), Words: n, Pictures: min(pictures, 1), words: words}
	if n > 0 {
		p.Confidence = confSum / float64(n)
	}
	return p
}

func collapseBlankLines(s string) string {
	for strings.Contains(s, "\n\n\n") {
		s = strings.ReplaceAll(s, "\n\n\n", "\n\n")
	}
	return s
}

func hasAlnum(s string) bool {
	for _, r := range s {
		if r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 0x7F && isLetter(r) {
			return true
		}
	}
	return false
}

// limitedBuffer keeps at most max bytes and remembers it was given more.
type limitedBuffer struct {
	bytes.Buffer
	max  int
	over bool
}

func (l *limitedBuffer) Write(p []byte) (int, error) {
	if room := l.max - l.Len(); len(p) > room {
		l.over = true
		if room > 0 {
			l.Buffer.Write(p[:room])
		}
		return len(p), nil
	}
	return l.Buffer.Write(p)
}
