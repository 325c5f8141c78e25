// Package corpusgen writes synthetic corpora of files for benchmarks and
// load tests: the documents of searchtest.Synthetic rendered as the files
// Faro indexes — HTML pages with a head, navigation, scripts and a footer
// around the main content, Markdown with YAML front matter, plain text and
// simple PDFs (one page per synthetic page) — with occasional
// NAME.meta.json sidecars. The output is deterministic: the same seed, size
// and mix give byte-identical files.
//
// Each file also names the document's countries and themes in its first
// lines (in the document's language), as real documents do, so that the
// classifier infers facet values distributed like the synthetic ones.
package corpusgen

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"faro/search"
	"faro/search/searchtest"
)

// Formats the generator writes, by the names -mix takes.
const (
	HTML     = "html"
	Markdown = "md"
	PDF      = "pdf"
	Text     = "txt"
)

// AllFormats is the default mix.
var AllFormats = []string{HTML, Markdown, PDF, Text}

// FilesPerDir is how many documents share one folder (000/, 001/, ...),
// so that 100,000 files do not land in a single directory.
const FilesPerDir = 1000

// Marker is the hidden file (skipped by the indexer's walk) that marks a
// folder as written by the generator and records how.
const Marker = ".gencorpus.json"

// Options say what to write.
type Options struct {
	Seed uint64
	N    int
	// Mix lists the formats to draw from, each equally likely (repeat a
	// format to weight it); nil means AllFormats.
	Mix []string
	// Sidecars is the share of documents given a NAME.meta.json (0..1);
	// negative means none. Zero means the default, 0.1.
	Sidecars float64
	// Workers renders files in parallel; 0 means GOMAXPROCS.
	Workers int
}

func (o Options) mix() []string {
	if len(o.Mix) == 0 {
		return AllFormats
	}
	return o.Mix
}

func (o Options) sidecars() float64 {
	switch {
	case o.Sidecars < 0:
		return 0
	case o.Sidecars == 0:
		return 0.1
	}
	return min(o.Sidecars, 1)
}

// ParseMix reads a comma-separated list of formats (html, md, pdf, txt).
func ParseMix(s string) ([]string, error) {
	var out []string
	for _, f := range strings.Split(s, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		switch f {
		case "":
			continue
		case "markdown":
			f = Markdown
		case "text":
			f = Text
		case HTML, Markdown, PDF, Text:
		default:
			return nil, fmt.Errorf("unknown format %q (want html, md, pdf or txt)", f)
		}
		out = append(out, f)
	}
	if len(out) == 0 {
		return nil, errors.New("empty mix")
	}
	return out, nil
}

// Item is one document of a corpus: where its file goes and what it holds.
type Item struct {
	// Rel is the file's slash-separated path inside the corpus folder.
	Rel string
	// Format is one of HTML, Markdown, PDF, Text.
	Format string
	// Doc is the synthetic document the file renders.
	Doc *search.Document
	// Subject is the line naming the countries and themes, written at the
	// top of the first page.
	Subject string
	// Sidecar is the sidecar's path inside the corpus ("" when none).
	Sidecar string
}

// Plan returns the corpus's items, in document order, without writing.
func Plan(o Options) []Item {
	docs := searchtest.Synthetic(o.Seed, o.N)
	for _, d := range docs {
		d.Title, d.Summary = Repair(d.Title), Repair(d.Summary)
		for k := range d.Pages {
			d.Pages[k].Text = Repair(d.Pages[k].Text)
		}
	}
	mix := o.mix()
	share := o.sidecars()
	items := make([]Item, len(docs))
	for i, d := range docs {
		r := rand.New(rand.NewPCG(o.Seed^0x5eed5eed, uint64(i)))
		f := mix[r.IntN(len(mix))]
		ext := map[string]string{HTML: "html", Markdown: "md", PDF: "pdf", Text: "txt"}[f]
		rel := fmt.Sprintf("%03d/%s-%06d-%s.%s", i/FilesPerDir, d.Type, i, d.Lang, ext)
		it := Item{Rel: rel, Format: f, Doc: d, Subject: subject(d)}
		if r.Float64() < share {
			if r.IntN(2) == 0 {
				it.Sidecar = rel + ".meta.json"
			} else {
				it.Sidecar = strings.TrimSuffix(rel, "."+ext) + ".meta.json"
			}
		}
		items[i] = it
	}
	return items
}

// Repair mends the invalid UTF-8 that searchtest.Synthetic writes when a
// sentence starts with an accented letter: it upper-cases the first byte
// only, giving U+FFFD followed by a stray continuation byte ("\uFFFD\xA9ducation"
// for "Éducation"). Every accented letter of its vocabulary is in U+00C0..U+00FF,
// whose UTF-8 lead byte is 0xC3, so the letter is recovered and upper-cased.
func Repair(s string) string {
	const bad = "\uFFFD"
	if !strings.Contains(s, bad) {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, bad)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		s = s[i+len(bad):]
		if len(s) > 0 && s[0] >= 0x80 && s[0] <= 0xBF {
			r, _ := utf8.DecodeRuneInString(string([]byte{0xC3, s[0]}))
			b.WriteRune(unicode.ToUpper(r))
			s = s[1:]
		} else {
			b.WriteString(bad)
		}
	}
}

// subject names the document's countries and themes in its language.
func subject(d *search.Document) string {
	label := func(facet string, vals []string) string {
		out := make([]string, len(vals))
		for i, v := range vals {
			out[i] = search.FacetLabel(facet, v, d.Lang)
		}
		return strings.Join(out, ", ")
	}
	return label(search.FacetCountry, d.Countries) + ". " + label(search.FacetTheme, d.Themes) + "."
}

// Stats summarise a written corpus.
type Stats struct {
	Files    int            `json:"files"`
	Sidecars int            `json:"sidecars"`
	Pages    int            `json:"pages"`
	Bytes    int64          `json:"bytes"`
	ByFormat map[string]int `json:"by_format"`
}

// Write writes the corpus into dir (created if missing) and returns what
// it wrote. It refuses a folder that holds anything but a corpus it wrote
// earlier; files of an earlier corpus are overwritten, not removed.
func Write(ctx context.Context, dir string, o Options) (*Stats, error) {
	if o.N < 0 {
		return nil, fmt.Errorf("n %d: want 0 or more", o.N)
	}
	for _, f := range o.mix() {
		if _, err := ParseMix(f); err != nil {
			return nil, err
		}
	}
	if ents, err := os.ReadDir(dir); err == nil && len(ents) > 0 {
		if _, err := os.Stat(filepath.Join(dir, Marker)); err != nil {
			return nil, fmt.Errorf("%s is not empty and was not written by gencorpus: refusing to write into it", dir)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	items := Plan(o)
	for k := 0; k*FilesPerDir < len(items); k++ {
		if err := os.MkdirAll(filepath.Join(dir, fmt.Sprintf("%03d", k)), 0o755); err != nil {
			return nil, err
		}
	}
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var (
		next     atomic.Int64
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
		st       = &Stats{ByFormat: map[string]int{}}
	)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var bytes int64
			for {
				i := int(next.Add(1)) - 1
				if i >= len(items) || ctx.Err() != nil {
					break
				}
				n, err := writeItem(dir, items[i])
				if err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
					next.Store(int64(len(items)))
					break
				}
				bytes += n
			}
			mu.Lock()
			st.Bytes += bytes
			mu.Unlock()
		}()
	}
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for _, it := range items {
		st.Files++
		st.ByFormat[it.Format]++
		st.Pages += len(it.Doc.Pages)
		if it.Sidecar != "" {
			st.Sidecars++
		}
	}
	marker, _ := json.MarshalIndent(map[string]any{"seed": o.Seed, "n": o.N, "mix": o.mix(), "sidecars": o.sidecars(), "stats": st}, "", "  ")
	if err := os.WriteFile(filepath.Join(dir, Marker), append(marker, '\n'), 0o644); err != nil {
		return nil, err
	}
	return st, nil
}

func writeItem(dir string, it Item) (int64, error) {
	data := Render(it)
	path := filepath.Join(dir, filepath.FromSlash(it.Rel))
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return 0, err
	}
	n := int64(len(data))
	if it.Sidecar != "" {
		side := SidecarJSON(it.Doc)
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(it.Sidecar)), side, 0o644); err != nil {
			return 0, err
		}
		n += int64(len(side))
	}
	return n, nil
}

// Render returns the bytes of an item's file.
func Render(it Item) []byte {
	switch it.Format {
	case HTML:
		return renderHTML(it)
	case Markdown:
		return renderMarkdown(it)
	case PDF:
		return renderPDF(it)
	}
	return renderText(it)
}

// SidecarJSON is the sidecar of a document: its synthetic metadata, in
// the fields the indexer reads.
func SidecarJSON(d *search.Document) []byte {
	side := search.Metadata{Title: d.Title, Summary: d.Summary, Year: d.Year, Date: d.Date, Type: d.Type,
		Countries: d.Countries, Themes: d.Themes, GCM: d.GCM, Principles: d.Principles, Lang: d.Lang}
	b, _ := json.MarshalIndent(side, "", "  ")
	return append(b, '\n')
}

// Words that frame the main content of a page, by language.
var chrome = map[string]struct{ home, pubs, contact, rights, org, skip string }{
	"en": {"Home", "Publications", "Contact", "All rights reserved", "IOM", "Skip to content"},
	"es": {"Inicio", "Publicaciones", "Contacto", "Todos los derechos reservados", "OIM", "Ir al contenido"},
	"fr": {"Accueil", "Publications", "Contact", "Tous droits réservés", "OIM", "Aller au contenu"},
}

// ScriptMarker is a word that occurs only inside the script, style and
// navigation of generated HTML pages: extracted text must not contain it.
const ScriptMarker = "zqxgencorpusboilerplate"

func author(d *search.Document) string { return chrome[d.Lang].org }

func renderHTML(it Item) []byte {
	d, c, esc := it.Doc, chrome[it.Doc.Lang], html.EscapeString
	var b strings.Builder
	b.Grow(len(d.Summary) + 8192)
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", d.Lang)
	fmt.Fprintf(&b, "<title>%s</title>\n", esc(d.Title))
	fmt.Fprintf(&b, "<meta name=\"description\" content=\"%s\">\n", esc(d.Summary))
	fmt.Fprintf(&b, "<meta name=\"author\" content=\"%s\">\n", esc(author(d)))
	fmt.Fprintf(&b, "<meta property=\"article:published_time\" content=\"%s\">\n", d.Date)
	fmt.Fprintf(&b, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	fmt.Fprintf(&b, "<link rel=\"stylesheet\" href=\"/static/site.css\">\n")
	fmt.Fprintf(&b, "<style>body{font-family:sans-serif} .%s{display:none}</style>\n", ScriptMarker)
	fmt.Fprintf(&b, "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)} gtag('js', new Date()); var %s = \"<p>not text</p>\";</script>\n", ScriptMarker)
	b.WriteString("</head>\n<body>\n")
	fmt.Fprintf(&b, "<a class=\"skip\" href=\"#main\">%s</a>\n", esc(c.skip))
	fmt.Fprintf(&b, "<header><div class=\"logo\">%s %s</div>\n<nav><ul><li><a href=\"/\">%s</a></li><li><a href=\"/publications/\">%s</a></li><li><a href=\"/contact/\">%s</a></li></ul></nav></header>\n",
		c.org, ScriptMarker, esc(c.home), esc(c.pubs), esc(c.contact))
	b.WriteString("<main id=\"main\">\n<article>\n")
	fmt.Fprintf(&b, "<h1>%s</h1>\n<p class=\"lead\">%s</p>\n<p class=\"subject\"><em>%s</em></p>\n<time datetime=\"%s\">%s</time>\n", esc(d.Title), esc(d.Summary), esc(it.Subject), d.Date, d.Date)
	for _, p := range d.Pages {
		fmt.Fprintf(&b, "<section>\n<p>%s</p>\n</section>\n", esc(p.Text))
	}
	b.WriteString("</article>\n</main>\n")
	fmt.Fprintf(&b, "<footer><p>© %d %s. %s.</p><p class=\"%s\">%s</p></footer>\n", d.Year, c.org, esc(c.rights), ScriptMarker, ScriptMarker)
	fmt.Fprintf(&b, "<noscript>%s</noscript>\n<script src=\"/static/site.js\"></script>\n</body>\n</html>\n", ScriptMarker)
	return []byte(b.String())
}

// yamlQuote writes s as a double-quoted YAML scalar.
func yamlQuote(s string) string { return strconv.Quote(s) }

func renderMarkdown(it Item) []byte {
	d := it.Doc
	var b strings.Builder
	b.WriteString("---\n")
	fmt.Fprintf(&b, "title: %s\n", yamlQuote(d.Title))
	fmt.Fprintf(&b, "summary: %s\n", yamlQuote(d.Summary))
	fmt.Fprintf(&b, "date: %s\n", d.Date)
	fmt.Fprintf(&b, "lang: %s\n", d.Lang)
	fmt.Fprintf(&b, "author: %s\n", author(d))
	fmt.Fprintf(&b, "tags: [%s]\n", strings.Join(d.Themes, ", "))
	b.WriteString("---\n\n")
	fmt.Fprintf(&b, "# %s\n\n*%s*\n\n", d.Title, it.Subject)
	for _, p := range d.Pages {
		b.WriteString(p.Text)
		b.WriteString("\n\n")
	}
	return []byte(b.String())
}

func renderText(it Item) []byte {
	d := it.Doc
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\n%s\n\n%s\n\n", d.Title, d.Summary, it.Subject)
	for _, p := range d.Pages {
		b.WriteString(p.Text)
		b.WriteString("\n\n")
	}
	return []byte(b.String())
}

// monthNames are the months by language.
var monthNames = map[string][12]string{
	"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	"es": {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
	"fr": {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
}

// printedDate writes a YYYY[-MM[-DD]] date as a cover prints it: "May
// 2019", "mayo de 2019", "mai 2019", or the year alone.
func printedDate(lang, date string) string {
	year, rest, _ := strings.Cut(date, "-")
	month, _, _ := strings.Cut(rest, "-")
	names, ok := monthNames[lang]
	m := 0
	fmt.Sscanf(month, "%d", &m)
	if !ok || m < 1 || m > 12 {
		return year
	}
	if lang == "es" {
		return names[m-1] + " de " + year
	}
	return names[m-1] + " " + year
}

func renderPDF(it Item) []byte {
	d := it.Doc
	pages := make([]pdfPage, len(d.Pages))
	for i, p := range d.Pages {
		text := p.Text
		if i == 0 {
			// A cover: title, subject and the date as publications print it.
			text = d.Title + "\n" + it.Subject + "\n" + printedDate(d.Lang, d.Date) + "\n" + text
		}
		pages[i] = pdfPage{lines: wrap(text, lineRunes)}
	}
	return writePDF(pages, pdfInfo{
		Title: d.Title, Author: author(d), Subject: d.Summary, Keywords: strings.Join(d.Themes, ", "),
		Lang: d.Lang, Date: d.Date,
	})
}
