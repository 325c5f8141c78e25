package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// PDFEngine names the PDF engine in Result.Engine.
const PDFEngine = "ledongthuc/pdf"

// Limits of the PDF page-tree walk.
const (
	maxPDFPages     = 20000
	maxPDFTreeNodes = 200000
	maxPDFTreeDepth = 64
	maxParentChain  = 64
)

// PDFExtractor extracts PDFs with github.com/ledongthuc/pdf, page by page.
//
// For each page it takes the library's plain text (Page.GetPlainText) and a
// positional assembly of the page's glyphs (Page.Content: glyphs grouped by
// baseline into lines, sorted by X, a space where the gap between glyphs
// exceeds a fraction of the font size) and keeps the one whose words look
// less glued (see pickPageText). A page on which the library fails gives ""
// and the flag "garbled-page:N"; the other pages survive. A document whose
// pages have no text gets "no-text-layer". Encrypted documents that cannot
// be opened give an error wrapping ErrEncrypted with a Result flagged
// "encrypted".
//
// The library panics on malformed input and has loops that a hostile file
// can make endless: the extractor recovers every panic, checks the
// cross-reference chain and the page tree itself before handing them to
// the library, and runs the work in a goroutine it stops waiting for at the
// context's deadline (see the package comment).
type PDFExtractor struct {
	// Layout selects the page-text strategy; the zero value is LayoutBest.
	Layout PDFLayout
}

// PDFLayout selects how PDFExtractor assembles a page's text.
type PDFLayout int

// Page-text strategies.
const (
	// LayoutBest computes both the library's plain text and the positional
	// assembly and keeps the better (fewer glued or split words).
	LayoutBest PDFLayout = iota
	// LayoutPlain keeps the library's Page.GetPlainText only (fastest).
	LayoutPlain
	// LayoutPositional keeps the positional assembly from Page.Content.
	LayoutPositional
)

// Extract implements Extractor.
func (e PDFExtractor) Extract(ctx context.Context, name string, data []byte) (*Result, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	return runBounded(ctx, func(ctx context.Context) (*Result, error) {
		return e.extract(ctx, name, data)
	})
}

var errNotPDF = errors.New("not a PDF")

func (e PDFExtractor) extract(ctx context.Context, name string, data []byte) (*Result, error) {
	res := &Result{Format: FormatPDF, Engine: PDFEngine, Pages: []string{}}
	r, err := openPDF(data)
	if err != nil {
		if errors.Is(err, ErrEncrypted) {
			res.addFlag(FlagEncrypted)
			return res, err
		}
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	readPDFInfo(r, res)

	pages, truncated, declared := collectPages(r)
	if truncated {
		res.addFlag(FlagTruncated)
	}
	if declared > len(pages) && !truncated {
		res.addFlag(FlagPageTreeMismatch)
	}
	withText, garbledPages := 0, 0
	// Letters seen on pages where both strategies ran, and how many of
	// them sat in suspicious words of the plain text (textBadness).
	comparedLetters, plainBadLetters := 0.0, 0.0
	widths := widthCache{}
	layout := e.Layout
	deadline, hasDeadline := ctx.Deadline()
	start := time.Now()
	var lastPage time.Duration
	for i, pv := range pages {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if hasDeadline && i > 0 {
			left := time.Until(deadline)
			// Out of time: keep what is done rather than fail. The next
			// page might not finish before the deadline.
			if 2*lastPage > left {
				for range pages[i:] {
					res.Pages = append(res.Pages, "")
				}
				res.addFlag(FlagTruncated)
				setResultMeta(res, MetaTextUntilPage, strconv.Itoa(i))
				break
			}
			// The positional assembly costs far more than the plain text
			// (the library resolves the font's widths for every glyph).
			// When, at the pace so far, the remaining pages would eat more
			// than half of the time left, the rest of the document uses the
			// plain text only, unless the plain text has proved useless
			// (words glued on most pages, as in TeX output).
			perPage := time.Since(start) / time.Duration(i)
			if layout == LayoutBest && perPage*time.Duration(len(pages)-i) > left/2 && comparedLetters >= 2000 && plainBadLetters <= poorBadness*comparedLetters {
				layout = LayoutPlain
				setResultMeta(res, MetaPlainFromPage, strconv.Itoa(i+1))
			}
		}
		pageStart := time.Now()
		pt := pageText(ctx, layout, pv, widths)
		lastPage = time.Since(pageStart)
		if pt.compared {
			comparedLetters += pt.letters
			plainBadLetters += pt.letters * pt.plainBadness
		}
		if pt.garbled {
			garbledPages++
			res.addFlag(FlagGarbledPagePrefix + strconv.Itoa(i+1))
		}
		if pt.text != "" {
			withText++
		}
		res.Pages = append(res.Pages, pt.text)
	}
	switch {
	case len(pages) == 0:
		res.addFlag(FlagEmpty)
	case withText == 0 && garbledPages == 0:
		// No page failed and none has text: an image-only document.
		res.addFlag(FlagNoTextLayer)
	}
	return res, nil
}

// openPDF prepares data for the library (header and trailer quirks it does
// not accept, checks for inputs on which it would loop or allocate without
// bound) and opens it, recovering panics.
func openPDF(data []byte) (*pdf.Reader, error) {
	start := bytes.Index(head(data, sniffLen), []byte("%PDF-"))
	if start < 0 {
		return nil, fmt.Errorf("%w: no %%PDF- header", errNotPDF)
	}
	end := bytes.LastIndex(data, []byte("%%EOF"))
	if end < 0 {
		return nil, fmt.Errorf("%w: no %%%%EOF marker (truncated file?)", errNotPDF)
	}
	end += len("%%EOF")
	if err := checkXref(data[:end]); err != nil {
		return nil, err
	}
	// Candidates: the file with its header normalised in place (offsets
	// unchanged), and, when there is junk before the header, the file cut
	// at the header (offsets counted from it).
	cands := [][]byte{normaliseHeader(data[:end], start)}
	if start > 0 {
		cands = append(cands, normaliseHeader(data[start:end], 0))
	}
	var firstErr error
	for _, c := range cands {
		r, err := newReader(c)
		if err == nil && pdfLooksOpen(r) {
			return r, nil
		}
		if err == nil {
			err = errors.New("malformed PDF: no document catalog")
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	if isEncryptionError(firstErr, data) {
		return nil, fmt.Errorf("%w: %v", ErrEncrypted, firstErr)
	}
	return nil, firstErr
}

func head(b []byte, n int) []byte {
	if len(b) > n {
		return b[:n]
	}
	return b
}

// normaliseHeader returns data with a header the library accepts
// ("%PDF-1.x" then an end of line at offset 0): PDF 2.0 and headers
// followed by other bytes on their line are rewritten as "%PDF-1.7\n" (same
// length, so offsets stay valid); junk before the header is overwritten by
// a fresh header line. data is copied only when it must change.
func normaliseHeader(data []byte, start int) []byte {
	const good = "%PDF-1.7\n"
	ok := len(data) >= 9 && start == 0 && bytes.HasPrefix(data, []byte("%PDF-1.")) &&
		data[7] >= '0' && data[7] <= '7' && (data[8] == '\r' || data[8] == '\n')
	if ok || len(data) < 9 {
		return data
	}
	out := make([]byte, len(data))
	copy(out, data)
	copy(out, good)
	// Junk between the new header and the old one (now a comment line, or
	// stray bytes before the first object) is blanked.
	for i := len(good); i < start; i++ {
		out[i] = ' '
	}
	return out
}

// newReader opens data with the library, recovering its panics.
func newReader(data []byte) (r *pdf.Reader, err error) {
	defer func() {
		if x := recover(); x != nil {
			r, err = nil, fmt.Errorf("malformed PDF: %v", x)
		}
	}()
	return pdf.NewReader(bytes.NewReader(data), int64(len(data)))
}

// pdfLooksOpen reports whether the library found a document catalog.
func pdfLooksOpen(r *pdf.Reader) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return r.Trailer().Key("Root").Kind() == pdf.Dict
}

var reEncrypt = regexp.MustCompile(`/Encrypt\s*(\d+\s+\d+\s+R|<<)`)

// isEncryptionError reports whether a failure to open comes from encryption
// (the library only decrypts RC4 and AES-128 with an empty user password).
func isEncryptionError(err error, data []byte) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, pdf.ErrInvalidPassword) || strings.Contains(strings.ToLower(err.Error()), "encrypt") {
		return true
	}
	return reEncrypt.Match(data)
}

var (
	reStartXref = regexp.MustCompile(`startxref\s+(\d+)`)
	rePrev      = regexp.MustCompile(`/Prev\s+(\d+)`)
	reSize      = regexp.MustCompile(`/Size\s+(\d+)`)
	reIndex     = regexp.MustCompile(`/Index\s*\[([\d\s]*)\]`)
	reSubsect   = regexp.MustCompile(`(?m)^[ \t]*(\d+)[ \t]+(\d+)[ \t]*\r?$`)
)

// checkXref guards the library against inputs on which it would loop
// forever or allocate without bound: a /Prev chain of cross-reference
// sections that loops, and object counts (/Size, /Index, xref subsection
// headers) far beyond what the file can hold.
func checkXref(data []byte) error {
	limit := int64(len(data))
	if limit < 1<<17 {
		limit = 1 << 17
	}
	if limit > 1<<23 {
		limit = 1 << 23
	}
	for _, m := range reSize.FindAllSubmatch(data, -1) {
		if n, err := strconv.ParseInt(string(m[1]), 10, 64); err != nil || n > limit {
			return fmt.Errorf("malformed PDF: implausible object count /Size %s", m[1])
		}
	}
	for _, m := range reIndex.FindAllSubmatch(data, -1) {
		f := strings.Fields(string(m[1]))
		for i := 0; i+1 < len(f); i += 2 {
			a, err1 := strconv.ParseInt(f[i], 10, 64)
			b, err2 := strconv.ParseInt(f[i+1], 10, 64)
			if err1 != nil || err2 != nil || a+b > limit {
				return fmt.Errorf("malformed PDF: implausible xref /Index %s %s", f[i], f[i+1])
			}
		}
	}
	tail := data[max(0, len(data)-1024):]
	ms := reStartXref.FindAllSubmatch(tail, -1)
	if ms == nil {
		return nil // the library reports it
	}
	off, err := strconv.ParseInt(string(ms[len(ms)-1][1]), 10, 64)
	if err != nil {
		return nil
	}
	seen := map[int64]bool{}
	for steps := 0; off > 0 && off < int64(len(data)); steps++ {
		if seen[off] || steps > 1000 {
			return errors.New("malformed PDF: cross-reference sections form a loop (/Prev)")
		}
		seen[off] = true
		region := data[off:]
		// The section's own dictionary ends before the next "startxref"
		// (xref table + trailer) or "stream" (xref stream).
		cut := len(region)
		for _, kw := range []string{"startxref", "stream"} {
			if i := bytes.Index(region, []byte(kw)); i >= 0 && i < cut {
				cut = i
			}
		}
		region = region[:cut]
		if bytes.HasPrefix(bytes.TrimLeft(region, " \t\r\n\f\x00"), []byte("xref")) {
			table := region
			if i := bytes.Index(table, []byte("trailer")); i >= 0 {
				table = table[:i]
			}
			for _, m := range reSubsect.FindAllSubmatch(table, -1) {
				a, err1 := strconv.ParseInt(string(m[1]), 10, 64)
				b, err2 := strconv.ParseInt(string(m[2]), 10, 64)
				if err1 != nil || err2 != nil || a+b > limit {
					return fmt.Errorf("malformed PDF: implausible xref subsection %s %s", m[1], m[2])
				}
			}
		}
		m := rePrev.FindSubmatch(region)
		if m == nil {
			return nil
		}
		if off, err = strconv.ParseInt(string(m[1]), 10, 64); err != nil {
			return nil
		}
	}
	return nil
}

// readPDFInfo copies the Info dictionary into res.Meta and fills Title,
// Author, Date (CreationDate, else ModDate) and Lang (catalog /Lang).
func readPDFInfo(r *pdf.Reader, res *Result) {
	func() {
		defer func() { _ = recover() }()
		info := r.Trailer().Key("Info")
		if info.Kind() != pdf.Dict {
			return
		}
		keys := info.Keys()
		if len(keys) > 100 {
			keys = keys[:100]
		}
		for _, k := range keys {
			v := info.Key(k)
			var s string
			switch v.Kind() {
			case pdf.String:
				s = v.Text()
			case pdf.Name:
				s = v.Name()
			case pdf.Integer, pdf.Real, pdf.Bool:
				s = v.String()
			default:
				continue
			}
			s = oneLine(s)
			if len(s) > 2000 {
				s = truncateUTF8(s, 2000)
			}
			if s == "" {
				continue
			}
			if res.Meta == nil {
				res.Meta = map[string]string{}
			}
			res.Meta[k] = s
		}
	}()
	res.Title = res.Meta["Title"]
	res.Author = res.Meta["Author"]
	res.Date = normDate(res.Meta["CreationDate"])
	if res.Date == "" {
		res.Date = normDate(res.Meta["ModDate"])
	}
	func() {
		defer func() { _ = recover() }()
		res.Lang = normLang(r.Trailer().Key("Root").Key("Lang").Text())
	}()
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

var reKidRefs = regexp.MustCompile(`^\[(?:\d+ \d+ R(?: \d+ \d+ R)*)?\]$`)
var reRef = regexp.MustCompile(`\d+ \d+ R`)

// collectPages walks the page tree itself (instead of Reader.Page, which is
// quadratic and loops forever on a cyclic tree), detecting cycles through
// the object references of /Kids. It returns the page dictionaries in
// order, whether the walk was cut short (limits or cycles), and the page
// count the root declares.
func collectPages(r *pdf.Reader) (pages []pdf.Value, truncated bool, declared int) {
	defer func() {
		if recover() != nil {
			truncated = true
		}
	}()
	root := r.Trailer().Key("Root").Key("Pages")
	declared = int(root.Key("Count").Int64())
	if root.Kind() != pdf.Dict {
		return nil, false, declared
	}
	visited := map[string]bool{}
	nodes := 0
	var walk func(node pdf.Value, depth int)
	walk = func(node pdf.Value, depth int) {
		if truncated {
			return
		}
		nodes++
		if nodes > maxPDFTreeNodes || len(pages) >= maxPDFPages {
			truncated = true
			return
		}
		kids := node.Key("Kids")
		typ := node.Key("Type").Name()
		if typ == "Page" || (typ != "Pages" && kids.Kind() != pdf.Array) {
			pages = append(pages, node)
			return
		}
		if depth >= maxPDFTreeDepth {
			truncated = true
			return
		}
		var refs []string
		if s := kids.String(); reKidRefs.MatchString(s) {
			refs = reRef.FindAllString(s, -1)
		}
		for i := 0; i < kids.Len(); i++ {
			if refs != nil && i < len(refs) {
				if visited[refs[i]] {
					truncated = true // a cycle or a page listed twice
					continue
				}
				visited[refs[i]] = true
			}
			kid := kids.Index(i)
			if kid.Kind() != pdf.Dict {
				continue
			}
			walk(kid, depth+1)
		}
	}
	walk(root, 0)
	return pages, truncated, declared
}

// parentChainOK reports whether looking up an inherited attribute
// (Resources) from page ends: the library follows /Parent without a bound.
func parentChainOK(page pdf.Value) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	v := page
	for i := 0; i < maxParentChain; i++ {
		if v.IsNull() || !v.Key("Resources").IsNull() {
			return true
		}
		v = v.Key("Parent")
	}
	return false
}

// Meta keys the PDF extractor sets when it runs short of time.
const (
	// MetaPlainFromPage: from that page (1-based) on, only the library's
	// plain text was kept (no positional assembly).
	MetaPlainFromPage = "x-faro-plain-text-from-page"
	// MetaTextUntilPage: pages after that one (1-based) were not extracted
	// (their text is ""); the result is flagged "truncated".
	MetaTextUntilPage = "x-faro-text-until-page"
)

func setResultMeta(res *Result, k, v string) {
	if res.Meta == nil {
		res.Meta = map[string]string{}
	}
	res.Meta[k] = v
}

// pageResult is the outcome of one page.
type pageResult struct {
	text string
	// garbled: the library failed on the page (text "") or much of its
	// text could not be decoded (text is what could be).
	garbled bool
	// compared: both strategies ran; letters and plainBadness then give
	// the page's letter count and the plain text's textBadness.
	compared              bool
	letters, plainBadness float64
}

// poorBadness is the textBadness above which the plain text of a document
// counts as useless (words glued everywhere).
const poorBadness = 0.15

// pageText extracts one page with the given strategy.
func pageText(ctx context.Context, layout PDFLayout, pv pdf.Value, widths widthCache) (pr pageResult) {
	if !parentChainOK(pv) {
		pr.garbled = true
		return pr
	}
	p := pdf.Page{V: pv}
	var plain, pos, raw string
	var plainErr, posErr error = errSkipped, errSkipped
	if layout != LayoutPositional {
		plain, raw, plainErr = plainText(p)
	}
	if layout != LayoutPlain && ctx.Err() == nil {
		pos, posErr = positionalText(p, widths)
	}
	switch {
	case plainErr != nil && posErr != nil:
		pr.garbled = true
		return pr
	case plainErr != nil:
		pr.text = pos
	case posErr != nil:
		pr.text = plain
	default:
		pr.text = pickPageText(plain, pos)
		pr.compared = true
		pr.letters = float64(letterCount(plain))
		pr.plainBadness = textBadness(plain)
	}
	if plainErr == nil && junkText(raw) {
		pr.garbled = true
		pr.text = stripJunk(pr.text)
	}
	pr.text = dehyphenate(pr.text)
	return pr
}

var errSkipped = errors.New("not computed")

// plainText is Page.GetPlainText with panic recovery; it returns the
// cleaned text and the raw one.
func plainText(p pdf.Page) (s, raw string, err error) {
	defer func() {
		if x := recover(); x != nil {
			s, raw, err = "", "", fmt.Errorf("page text: %v", x)
		}
	}()
	raw, err = p.GetPlainText(nil)
	if err != nil {
		return "", "", err
	}
	return cleanText(raw), raw, nil
}

// positionalText assembles the glyphs of Page.Content, recovering panics.
func positionalText(p pdf.Page, cache widthCache) (s string, err error) {
	defer func() {
		if x := recover(); x != nil {
			s, err = "", fmt.Errorf("page content: %v", x)
		}
	}()
	texts := p.Content().Text
	// Drop the glyphs the library invents after each TJ (see tjArtifacts);
	// when the replay fails, drop what surely is one: "\n", or U+FFFD
	// without a width.
	marks := tjArtifacts(p, len(texts))
	kept := texts[:0]
	for i, t := range texts {
		if marks != nil && marks[i] {
			continue
		}
		if t.S == "\n" || (t.S == "\uFFFD" && t.W == 0) {
			continue
		}
		kept = append(kept, t)
	}
	fixPositions(kept, pageWidths(p, cache))
	return cleanText(assembleGlyphs(kept)), nil
}

var reHyphenBreak = regexp.MustCompile(`(\pL)[-\x{00AD}\x{2010}][ \t]*\n[ \t]*(\p{Ll})`)

// dehyphenate joins words hyphenated at a line end ("pri-\nority" becomes
// "priority"), as poppler does: a letter, a hyphen ending the line, a
// lower-case letter starting the next.
func dehyphenate(s string) string {
	return reHyphenBreak.ReplaceAllString(s, "$1$2")
}

// junkText reports whether raw page text is largely undecodable: at least
// 30% of its non-blank characters are replacement characters, private-use
// code points, control bytes or invalid UTF-8 (a font without a usable
// encoding, such as a Type 1C font with a built-in encoding and no
// ToUnicode map).
func junkText(raw string) bool {
	bad, total := 0, 0
	for i := 0; i < len(raw); {
		r, size := utf8.DecodeRuneInString(raw[i:])
		i += size
		if r == ' ' || r == '\n' || r == '\t' || r == '\r' {
			continue
		}
		total++
		if (r == utf8.RuneError) || (r >= 0xE000 && r <= 0xF8FF) || r < 0x20 || (r >= 0x7F && r < 0xA0) {
			bad++
		}
	}
	return total > 0 && bad*10 >= total*3
}

// stripJunk removes replacement and private-use characters.
func stripJunk(s string) string {
	return cleanText(strings.Map(func(r rune) rune {
		if r == utf8.RuneError || (r >= 0xE000 && r <= 0xF8FF) {
			return -1
		}
		return r
	}, s))
}
