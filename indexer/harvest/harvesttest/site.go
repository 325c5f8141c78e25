// Package harvesttest serves a programme's website for tests of
// `faro harvest`: listing pages in English and Spanish (one in Latin-1)
// with pagination, relative and absolute links, duplicates and a link
// cycle, PDFs and an HTML story with ETag or Last-Modified, a redirect on
// the site and one to another host, a 404, a 500, a slow answer, a file
// over the size limit, a PDF link that serves HTML, a PDF served with the
// wrong content type, and a robots.txt that forbids /private/. Loopback
// only.
package harvesttest

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"time"

	"faro/internal/pdftest"
)

// Doc is one document of the site.
type Doc struct {
	Path    string // URL path
	Title   string // what the listing says
	Summary string
	Body    []byte
	Type    string // Content-Type
	ETag    string // one validator or the other
	LastMod string
}

// Site is the fixture website. Its fields may be changed between runs
// (under Lock).
type Site struct {
	sync.Mutex
	// URL is the site's base URL (http://127.0.0.1:PORT); Other is the
	// base URL of another host (http://localhost:PORT) it redirects to.
	URL, Other string
	// Docs by URL path.
	Docs map[string]*Doc
	// Hidden paths are left out of the listings (a document removed from
	// the site's pages).
	Hidden map[string]bool
	// Transfers counts the document bodies served (200 answers), by path.
	Transfers map[string]int
	// HugeBytes is the size of /files/huge.pdf (streamed, no length).
	HugeBytes int

	srv, other *httptest.Server
}

// Expected lists the URL paths the harvest must store, and Failed the
// reason each other listed document fails with.
var (
	Expected = []string{
		"/docs/old-guide.pdf", "/files/guia-retorno.pdf", "/files/ku-campaign-en.pdf", "/files/labour-study.pdf",
		"/files/ninez.pdf", "/files/octet.pdf", "/files/remittances.pdf", "/files/story-annex.pdf", "/stories/story-1.html",
	}
	Failed = map[string]string{
		"/private/briefing.pdf": "robots", "/files/missing.pdf": "http-404", "/files/broken.pdf": "http-500",
		"/files/slow.pdf": "timeout", "/files/huge.pdf": "too-large", "/files/fake.pdf": "wrong-type",
		"/files/moved.pdf": "redirect-refused",
	}
)

// Titles of the documents the tests look for.
const (
	CampaignTitle   = "Migrating Informed: summary of the information campaign"
	CampaignSummary = "How the campaign reached young people in Guatemala and Honduras with radio dramas about irregular routes."
	NinezTitle      = "Niñez migrante en tránsito"
)

// New starts the site; Close stops it.
func New() *Site {
	s := &Site{Docs: map[string]*Doc{}, Hidden: map[string]bool{}, Transfers: map[string]int{}, HugeBytes: 256 << 10}
	s.other = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write(PDF("Elsewhere", "A document on another host."))
	}))
	s.Other = strings.Replace(s.other.URL, "127.0.0.1", "localhost", 1)
	s.srv = httptest.NewServer(s)
	s.URL = s.srv.URL
	lm := time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC).Format(http.TimeFormat)
	add := func(d *Doc) { s.Docs[d.Path] = d }
	add(&Doc{Path: "/files/ku-campaign-en.pdf", Title: CampaignTitle, Summary: CampaignSummary,
		Body: PDF("KU 3", "Knowledge uptake on information campaigns in the north of Central America."), Type: "application/pdf", ETag: `"ku-1"`})
	add(&Doc{Path: "/files/labour-study.pdf", Title: "Labour migration study", Summary: "Recruitment costs of workers from El Salvador.",
		Body: PDF("Labour study", "Labour migration and recruitment costs."), Type: "application/pdf", LastMod: lm})
	add(&Doc{Path: "/files/guide.pdf", Title: "Return and reintegration guide", Summary: "Steps for returnees.",
		Body: PDF("Guide", "Return and reintegration guide for returnees."), Type: "application/pdf", ETag: `"guide-1"`})
	add(&Doc{Path: "/files/octet.pdf", Title: "Smuggling trends", Summary: "Trends in migrant smuggling routes.",
		Body: PDF("Smuggling", "Migrant smuggling trends."), Type: "text/html", ETag: `"octet-1"`})
	add(&Doc{Path: "/files/remittances.pdf", Title: "Remittances fact sheet", Summary: "Remittances sent to Honduras in 2022.",
		Body: PDF("Remittances", "Remittances to Honduras."), Type: "application/pdf", ETag: `"rem-1"`})
	add(&Doc{Path: "/files/story-annex.pdf", Title: "Annex: voices from the route", Summary: "Testimonies gathered for the story.",
		Body: PDF("Annex", "Testimonies of migrants on the route."), Type: "application/pdf", LastMod: lm})
	add(&Doc{Path: "/files/guia-retorno.pdf", Title: "Guía de retorno", Summary: "Pasos para las personas que regresan a su país.",
		Body: PDF("Guia", "Guia de retorno y reintegracion."), Type: "application/pdf", ETag: `"guia-1"`})
	add(&Doc{Path: "/files/ninez.pdf", Title: NinezTitle, Summary: "Protección de niñas y niños migrantes no acompañados.",
		Body: PDF("Ninez", "Proteccion de la ninez migrante."), Type: "application/pdf", ETag: `"ninez-1"`})
	add(&Doc{Path: "/stories/story-1.html", Title: "A journey north", Summary: "The story of a family on the move.",
		Body: []byte(storyPage), Type: "text/html; charset=utf-8", LastMod: lm})
	return s
}

// Close stops the site's servers.
func (s *Site) Close() {
	s.srv.Close()
	s.other.Close()
}

// Transferred is how many document bodies the site has served.
func (s *Site) Transferred() int {
	s.Lock()
	defer s.Unlock()
	n := 0
	for _, c := range s.Transfers {
		n += c
	}
	return n
}

// ServeHTTP serves the site.
func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	switch {
	case p == "/robots.txt":
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	case p == "/en/publications":
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if r.URL.Query().Get("page") == "2" {
			fmt.Fprint(w, s.enPage2())
		} else {
			fmt.Fprint(w, s.enPage1())
		}
	case p == "/es/publicaciones":
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, s.esPage1())
	case p == "/es/publicaciones/pagina-2":
		w.Header().Set("Content-Type", "text/html")
		w.Write(latin1(s.esPage2()))
	case p == "/docs/old-guide.pdf":
		http.Redirect(w, r, "/files/guide.pdf", http.StatusMovedPermanently)
	case p == "/files/moved.pdf":
		http.Redirect(w, r, s.Other+"/elsewhere.pdf", http.StatusFound)
	case p == "/files/missing.pdf":
		http.NotFound(w, r)
	case p == "/files/broken.pdf":
		http.Error(w, "server error", http.StatusInternalServerError)
	case p == "/files/slow.pdf":
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	case p == "/files/huge.pdf":
		w.Header().Set("Content-Type", "application/pdf")
		chunk := bytes.Repeat([]byte("%PDF-1.4 huge "), 1024)
		for n := 0; n < s.HugeBytes; n += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
			w.(http.Flusher).Flush()
		}
	case p == "/files/fake.pdf":
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<!doctype html><html><body><h1>Page not found</h1></body></html>")
	case p == "/private/briefing.pdf":
		w.Header().Set("Content-Type", "application/pdf")
		w.Write(PDF("Private", "Private briefing."))
	default:
		s.serveDoc(w, r)
	}
}

func (s *Site) serveDoc(w http.ResponseWriter, r *http.Request) {
	s.Lock()
	d, ok := s.Docs[r.URL.Path]
	var body []byte
	var etag, lm, typ string
	if ok {
		body, etag, lm, typ = d.Body, d.ETag, d.LastMod, d.Type
	}
	s.Unlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	if etag != "" {
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	if lm != "" {
		w.Header().Set("Last-Modified", lm)
		if r.Header.Get("If-Modified-Since") == lm {
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	w.Header().Set("Content-Type", typ)
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	s.Lock()
	s.Transfers[r.URL.Path]++
	s.Unlock()
	w.Write(body)
}

// entry writes one listing entry unless its document is hidden.
func (s *Site) entry(tag, href, path, date string) string {
	s.Lock()
	defer s.Unlock()
	if s.Hidden[path] {
		return ""
	}
	title, summary := path, ""
	if d := s.Docs[path]; d != nil {
		title, summary = d.Title, d.Summary
	}
	t := ""
	if date != "" {
		t = `<time datetime="` + date + `">` + date + `</time>`
	}
	return fmt.Sprintf("<%s class=\"item\"><h3>%s</h3>%s<p>%s</p><p><a href=\"%s\">More information in this summary</a></p></%s>\n",
		tag, title, t, summary, href, tag)
}

// failing writes the entry of a document that fails.
func failing(title, href string) string {
	return fmt.Sprintf("<li><h3>%s</h3><p>About %s.</p><a href=\"%s\">PDF</a></li>\n", title, strings.ToLower(title), href)
}

const nav = `<header><nav><a href="/en/about">About</a> <a href="/files/annual-report.pdf">Annual report</a></nav></header>`

func (s *Site) enPage1() string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="en"><head><title>Publications | Migration Programme</title></head><body>` + nav + `<main><h1>Publications</h1>`)
	b.WriteString(s.entry("article", "/files/ku-campaign-en.pdf", "/files/ku-campaign-en.pdf", "2021-05-10"))
	b.WriteString(s.entry("article", s.URL+"/files/labour-study.pdf", "/files/labour-study.pdf", ""))
	b.WriteString("<ul>")
	b.WriteString(s.entry("li", "../docs/old-guide.pdf", "/files/guide.pdf", ""))
	b.WriteString(s.entry("li", "/files/octet.pdf", "/files/octet.pdf", ""))
	b.WriteString(s.entry("li", "../stories/story-1.html", "/stories/story-1.html", "2023-02-01"))
	b.WriteString(failing("Private briefing", "/private/briefing.pdf"))
	b.WriteString(failing("Missing report", "/files/missing.pdf"))
	b.WriteString(failing("Broken report", "/files/broken.pdf"))
	b.WriteString(failing("Slow report", "/files/slow.pdf"))
	b.WriteString(failing("Huge annex", "/files/huge.pdf"))
	b.WriteString(failing("Fake report", "/files/fake.pdf"))
	b.WriteString(failing("Moved report", "/files/moved.pdf"))
	b.WriteString(failing("Other host", s.Other+"/other.pdf"))
	b.WriteString(`</ul><div class="pagination"><a href="?page=1">1</a> <a href="?page=2">2</a> <a rel="next" href="/en/publications?page=2">Next ›</a></div></main></body></html>`)
	return b.String()
}

func (s *Site) enPage2() string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="en"><head><title>Publications, page 2 | Migration Programme</title></head><body>` + nav + `<main><h1>Publications</h1><ul>`)
	b.WriteString(s.entry("li", "/files/remittances.pdf", "/files/remittances.pdf", "2022-11-30"))
	// The campaign again, linked twice more: one download.
	b.WriteString(`<li><h3>Campaign summary (again)</h3><a href="/files/ku-campaign-en.pdf">PDF</a> <a href="/files/ku-campaign-en.pdf#page=2">page 2</a></li>`)
	b.WriteString(`</ul><nav aria-label="Pagination"><a rel="prev" href="/en/publications?page=1">‹ Previous</a> <a href="/en/publications">1</a></nav></main></body></html>`)
	return b.String()
}

func (s *Site) esPage1() string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Publicaciones</title></head><body><main><h1>Publicaciones</h1><ul>`)
	b.WriteString(s.entry("li", "/files/guia-retorno.pdf", "/files/guia-retorno.pdf", "2020-07-15"))
	b.WriteString(`</ul><ul class="pager"><li><a href="/es/publicaciones/pagina-2">Siguiente</a></li></ul></main></body></html>`)
	return b.String()
}

func (s *Site) esPage2() string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="es"><head><meta charset="iso-8859-1"><title>Publicaciones - página 2</title></head><body><main><h1>Publicaciones</h1><ul>`)
	b.WriteString(s.entry("li", "http://"+strings.TrimPrefix(s.URL, "http://")+"/files/ninez.pdf", "/files/ninez.pdf", ""))
	b.WriteString(`</ul><ul class="pager"><li><a href="/es/publicaciones">Anterior</a></li></ul></main></body></html>`)
	return b.String()
}

const storyPage = `<!doctype html><html lang="en"><head><title>A journey north | Migration Programme</title>
<meta name="description" content="The story of a family on the move."></head><body><main><h1>A journey north</h1>
<p>Maria left San Pedro Sula with her two children. This story follows their journey north and the help they found on the way.</p>
<div class="annex"><h2>Annex: voices from the route</h2><p>Testimonies gathered for the story.</p><a href="/files/story-annex.pdf">Download</a></div>
<p><a href="/en/publications">Back to publications</a></p></main></body></html>`

// latin1 encodes s (whose runes are all below 256) in ISO-8859-1.
func latin1(s string) []byte {
	out := make([]byte, 0, len(s))
	for _, r := range s {
		if r > 255 {
			r = '?'
		}
		out = append(out, byte(r))
	}
	return out
}

// PDF writes a one-page PDF whose page prints title and text (ASCII).
func PDF(title, text string) []byte {
	esc := strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`)
	content := fmt.Sprintf("BT /F1 18 Tf 72 720 Td (%s) Tj ET\nBT /F1 11 Tf 72 690 Td (%s) Tj ET\n", esc.Replace(title), esc.Replace(text))
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", len(content), content),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	}
	return pdftest.Write(objs, "")
}

// Bulk is a site listing N generated PDFs, PerPage to a listing page
// (/list?page=K, linked by "Next"), each Size bytes, streamed as they
// are served (never held whole), with an ETag.
type Bulk struct {
	URL              string
	N, PerPage, Size int
	srv              *httptest.Server
}

// NewBulk starts a Bulk site.
func NewBulk(n, perPage, size int) *Bulk {
	b := &Bulk{N: n, PerPage: perPage, Size: size}
	b.srv = httptest.NewServer(b)
	b.URL = b.srv.URL
	return b
}

// Close stops the site.
func (b *Bulk) Close() { b.srv.Close() }

// ServeHTTP serves the listing pages and the PDFs.
func (b *Bulk) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.URL.Path == "/robots.txt":
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	case r.URL.Path == "/list":
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		page = max(page, 1)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html lang="en"><head><title>Publications %d</title></head><body><main><ul>`, page)
		for i := (page-1)*b.PerPage + 1; i <= min(page*b.PerPage, b.N); i++ {
			fmt.Fprintf(w, `<li><h3>Knowledge product %d</h3><time datetime="2024-%02d-01"></time><p>Summary of product %d on labour migration and return.</p><a href="/files/product-%04d.pdf">PDF</a></li>`, i, i%12+1, i, i)
		}
		fmt.Fprint(w, `</ul>`)
		if page*b.PerPage < b.N {
			fmt.Fprintf(w, `<a rel="next" href="/list?page=%d">Next</a>`, page+1)
		}
		fmt.Fprint(w, `</main></body></html>`)
	case strings.HasPrefix(r.URL.Path, "/files/product-"):
		etag := `"` + strings.TrimPrefix(r.URL.Path, "/files/") + `-1"`
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/pdf")
		w.Header().Set("Content-Length", strconv.Itoa(b.Size))
		head := []byte("%PDF-1.4\n% " + r.URL.Path + "\n")
		w.Write(head)
		fill := bytes.Repeat([]byte("0123456789abcdef"), 4096)
		for n := len(head); n < b.Size; {
			k := min(len(fill), b.Size-n)
			if _, err := w.Write(fill[:k]); err != nil {
				return
			}
			n += k
		}
	default:
		http.NotFound(w, r)
	}
}
