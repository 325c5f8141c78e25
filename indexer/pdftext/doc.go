// Package pdftext extracts the text of PDF pages by walking their content
// streams, on top of github.com/ledongthuc/pdf's object access.
//
// The library finds and decodes objects; this package does the rest: it
// interprets each page's content stream (text state Tc Tw Tz TL Ts Tf,
// Tm Td TD T*, TJ kerning, q/Q/cm), descending into form XObjects with a
// cycle guard, decodes strings through each font (ToUnicode first, then
// /Differences glyph names, then the base encoding), advances by the real
// glyph widths (/Widths, CID /W and /DW, built-in metrics of the standard
// fonts), and assembles the glyphs of a page into text: words by gaps,
// lines by baselines, columns by shared white channels, fake-bold
// duplicates dropped, accents drawn as separate glyphs composed with their
// letters, line-end hyphens joined, ligatures expanded, NFC.
//
// Fonts, CMaps and form XObjects are parsed once per document. Each page
// runs under recover: a page that panics gives an error, the others go on.
// A Document is not safe for concurrent use.
package pdftext

//go:generate go run ./internal/gentables -agl /usr/lib/python3/dist-packages/fontTools/agl.py -o tables_gen.go

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/ledongthuc/pdf"
)

// Errors of Open.
var (
	// ErrNotPDF: no %PDF- header or no %%EOF.
	ErrNotPDF = errors.New("not a PDF")
	// ErrEncrypted: encrypted with a non-empty user password or a scheme
	// the library cannot decrypt (AES-256).
	ErrEncrypted = errors.New("encrypted document")
	// ErrMalformed: the structure cannot be read.
	ErrMalformed = errors.New("malformed PDF")
)

// Document is an open PDF.
type Document struct {
	r         *pdf.Reader
	data      []byte
	encrypted bool
	pages     []pdf.Value
	// Truncated: the page tree could not be read whole.
	Truncated bool
	// Declared is the page count the page tree's root declares.
	Declared int

	fonts     map[string]*font
	xobjects  map[string]*xobject
	resCache  map[string]*resources
	formBytes int
	glyphBuf  []glyph
	// Deadline, when set, makes a page stop interpreting once passed.
	Deadline time.Time
}

// Open opens a PDF held in memory.
func Open(data []byte) (*Document, error) {
	start := bytes.Index(head(data, 1024), []byte("%PDF-"))
	if start < 0 {
		return nil, fmt.Errorf("%w: no %%PDF- header", ErrNotPDF)
	}
	end := bytes.LastIndex(data, []byte("%%EOF"))
	if end < 0 {
		return nil, fmt.Errorf("%w: no %%%%EOF marker (truncated file?)", ErrNotPDF)
	}
	end += len("%%EOF")
	if err := checkXref(data[:end]); err != nil {
		return nil, err
	}
	cands := [][]byte{normaliseHeader(data[:end], start)}
	if start > 0 {
		cands = append(cands, normaliseHeader(data[start:end], 0))
	}
	var firstErr error
	for _, c := range cands {
		r, err := newReader(c)
		if err == nil && hasCatalog(r) {
			d := &Document{r: r, data: c, fonts: map[string]*font{}, xobjects: map[string]*xobject{}, resCache: map[string]*resources{}}
			func() {
				defer func() { _ = recover() }()
				d.encrypted = r.Trailer().Key("Encrypt").Kind() != pdf.Null
			}()
			d.pages, d.Truncated, d.Declared = collectPages(r)
			return d, nil
		}
		if err == nil {
			err = fmt.Errorf("%w: no document catalog", ErrMalformed)
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	if isEncryptionError(firstErr, data) {
		return nil, fmt.Errorf("%w: %v", ErrEncrypted, firstErr)
	}
	if !errors.Is(firstErr, ErrMalformed) {
		firstErr = fmt.Errorf("%w: %v", ErrMalformed, firstErr)
	}
	return nil, firstErr
}

func head(b []byte, n int) []byte {
	if len(b) > n {
		return b[:n]
	}
	return b
}

// NumPages is the number of pages found in the page tree.
func (d *Document) NumPages() int { return len(d.pages) }

// Info returns the document's Info dictionary as text (at most 100 keys,
// values cut at 2000 bytes) and the catalog's /Lang.
func (d *Document) Info() (info map[string]string, lang string) {
	info = map[string]string{}
	func() {
		defer func() { _ = recover() }()
		v := d.r.Trailer().Key("Info")
		if v.Kind() != pdf.Dict {
			return
		}
		keys := v.Keys()
		if len(keys) > 100 {
			keys = keys[:100]
		}
		for _, k := range keys {
			x := v.Key(k)
			var s string
			switch x.Kind() {
			case pdf.String:
				s = x.Text()
			case pdf.Name:
				s = x.Name()
			case pdf.Integer, pdf.Real, pdf.Bool:
				s = x.String()
			default:
				continue
			}
			s = strings.Join(strings.Fields(strings.ToValidUTF8(s, "")), " ")
			s = strings.Map(func(r rune) rune {
				if r < 0x20 || r == 0x7F || r == 0xFEFF {
					return -1
				}
				return r
			}, s)
			if len(s) > 2000 {
				s = s[:2000]
				s = strings.ToValidUTF8(s, "")
			}
			if s != "" {
				info[k] = s
			}
		}
	}()
	func() {
		defer func() { _ = recover() }()
		lang = d.r.Trailer().Key("Root").Key("Lang").Text()
	}()
	return info, lang
}

// maxXMP bounds the XMP metadata read, in bytes.
const maxXMP = 1 << 20

var (
	reXMPTitle = regexp.MustCompile(`(?s)<dc:title\b.*?<rdf:li\b[^>]*>(.*?)</rdf:li>`)
	reXMPAttr  = regexp.MustCompile(`\bdc:title="([^"]*)"`)
)

// XMPTitle returns the dc:title of the catalog's XMP metadata stream, or
// "" when there is none.
func (d *Document) XMPTitle() (title string) {
	defer func() {
		if recover() != nil {
			title = ""
		}
	}()
	m := d.r.Trailer().Key("Root").Key("Metadata")
	if m.Kind() != pdf.Stream {
		return ""
	}
	raw, err := io.ReadAll(io.LimitReader(m.Reader(), maxXMP))
	if err != nil && len(raw) == 0 {
		return ""
	}
	var t string
	if g := reXMPTitle.FindSubmatch(raw); g != nil {
		t = string(g[1])
	} else if g := reXMPAttr.FindSubmatch(raw); g != nil {
		t = string(g[1])
	}
	t = html.UnescapeString(strings.ToValidUTF8(t, ""))
	return strings.Join(strings.Fields(t), " ")
}

// Page is the text of one page and what was seen on it.
type Page struct {
	Text  string
	Stats Stats
}

// Stats describe a page, for quality gates.
type Stats struct {
	// Glyphs counts the characters shown (spaces excluded); Replacement
	// those without a known character (U+FFFD, private use); Control
	// those that decoded to control characters.
	Glyphs, Replacement, Control int
	// Images counts image XObjects and inline images drawn.
	Images int
	// Ops counts content-stream operators run.
	Ops int
}

// PageText extracts page i (0-based). A panic inside becomes an error;
// the text of a page that failed half way is what was assembled before.
func (d *Document) PageText(i int) (p Page, err error) {
	if i < 0 || i >= len(d.pages) {
		return p, fmt.Errorf("page %d out of range", i+1)
	}
	w := &walker{d: d, glyphs: d.glyphBuf[:0]}
	defer func() {
		if cap(w.glyphs) <= 1<<20 {
			d.glyphBuf = w.glyphs[:0]
		}
	}()
	defer func() {
		if x := recover(); x != nil {
			err = fmt.Errorf("page %d: %v", i+1, x)
			p.Stats = w.stats
			func() {
				defer func() { _ = recover() }()
				p.Text = assemble(w.glyphs)
			}()
		}
	}()
	w.page(d.pages[i])
	p.Stats = w.stats
	p.Text = assemble(w.glyphs)
	return p, w.err
}

var reRefStr = regexp.MustCompile(`^\d+ \d+ R$`)

// refEntries parses the top level of a dictionary's String form and
// returns, for each key whose value is an indirect reference, the
// reference ("12 0 R"). The library resolves references on every Key
// call; with these, per-document caches can be consulted first.
func refEntries(s string) map[string]string {
	out := map[string]string{}
	if !strings.HasPrefix(s, "<<") {
		return out
	}
	s = s[2:]
	depth := 0
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == '"':
			// a Go-quoted string
			i++
			for i < len(s) && s[i] != '"' {
				if s[i] == '\\' {
					i++
				}
				i++
			}
			i++
		case c == '<' && i+1 < len(s) && s[i+1] == '<', c == '[':
			depth++
			i++
			if c == '<' {
				i++
			}
		case c == '>' && i+1 < len(s) && s[i+1] == '>', c == ']':
			depth--
			i++
			if c == '>' {
				i++
			}
			if depth < 0 {
				return out
			}
		case c == '/' && depth == 0:
			j := i + 1
			for j < len(s) && s[j] != ' ' && s[j] != '/' && s[j] != '<' && s[j] != '[' && s[j] != '>' && s[j] != '"' {
				j++
			}
			k := s[i+1 : j]
			// value
			v := j
			for v < len(s) && s[v] == ' ' {
				v++
			}
			e := v
			for n := 0; e < len(s) && n < 3; n++ {
				for e < len(s) && s[e] != ' ' && s[e] != '/' && s[e] != '>' && s[e] != '<' && s[e] != '[' && s[e] != ']' {
					e++
				}
				if n < 2 && e < len(s) && s[e] == ' ' {
					e++
				}
			}
			if ref := strings.TrimSpace(s[v:e]); reRefStr.MatchString(ref) {
				out[k] = ref
				i = e
			} else {
				i = v
			}
		default:
			i++
		}
	}
	return out
}

// PlainText is the library's own plain text of page i (Page.GetPlainText:
// no positions, words often glued), kept as a fast legacy strategy.
func (d *Document) PlainText(i int) (s string, err error) {
	if i < 0 || i >= len(d.pages) {
		return "", fmt.Errorf("page %d out of range", i+1)
	}
	defer func() {
		if x := recover(); x != nil {
			s, err = "", fmt.Errorf("page %d: %v", i+1, x)
		}
	}()
	pv := d.pages[i]
	// The library follows /Parent without a bound: check the chain first.
	v := pv
	for k := 0; ; k++ {
		if v.IsNull() || !v.Key("Resources").IsNull() {
			break
		}
		if k >= maxParents {
			return "", fmt.Errorf("page %d: /Parent chain too long", i+1)
		}
		v = v.Key("Parent")
	}
	return pdf.Page{V: pv}.GetPlainText(nil)
}
