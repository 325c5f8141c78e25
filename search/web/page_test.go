package web

// Tests of the server-rendered pages without a browser: structure,
// accessibility basics, language, escaping, links that keep the search,
// page weight and colour contrast. browser_test.go drives the same pages in
// Chromium.

import (
	"context"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"faro/search"
	"faro/search/bleve"
	"faro/search/searchtest"
)

const hostileTitle = `<script>alert("x")</script><img src=x onerror=alert(1)>`

// pageDocs are the documents the page tests add to the conformance
// collection: "migración" in several countries, a regional document with
// more than eight countries, one with classification evidence, and one whose
// every field is hostile.
func pageDocs() []*search.Document {
	pages := func(texts ...string) []search.Page {
		ps := make([]search.Page, len(texts))
		for i, t := range texts {
			ps[i] = search.Page{Number: i + 1, Text: t}
		}
		return ps
	}
	return []*search.Document{
		{ID: "hn-migra", Title: "Migración y trata de personas en Honduras", Lang: "es", Year: 2021, Date: "2021-06-01",
			Type: "study", Format: "pdf", Source: "pdf/hn-migra.pdf", Author: "OIM Honduras",
			Summary:   "Estudio sobre migración irregular y trata en Honduras.",
			Countries: []string{"HND"}, Themes: []string{"trafficking"}, GCM: []int{10, 3}, Principles: []string{"human-rights"},
			Labels: []search.Label{
				{Facet: "title", Value: "Migración y trata de personas en Honduras", Given: true, Source: "sidecar"},
				{Facet: "gcm", Value: "10", Source: "classifier", Score: 17, Evidence: []search.Evidence{
					{Term: "trata de personas", Where: "title", Count: 1},
					{Term: "trata de personas", Where: "body", Pages: []int{2, 3}, Count: 4, Ref: "10(c)"},
				}},
				{Facet: "gcm", Value: "3", Given: true, Source: "sidecar"},
				{Facet: "country", Value: "HND", Source: "classifier", Score: 12.5, Evidence: []search.Evidence{
					{Term: "Honduras", Where: "body", Pages: []int{1, 2}, Count: 5},
				}},
			},
			NotKept: []search.Label{
				{Facet: "country", Value: "USA", Source: "classifier", Score: 2, Reason: "named mostly as a destination (2 of 2 mentions)",
					ReasonCode: search.ReasonDestination, ReasonArgs: []string{"2", "2"},
					Evidence: []search.Evidence{{Term: "Estados Unidos", Where: "body", Pages: []int{1}, Count: 2}}},
				{Facet: "gcm", Value: "7", Source: "classifier", Score: 1.5, Reason: "score 1.5 below 5",
					ReasonCode: search.ReasonBelowScore, ReasonArgs: []string{"1.5", "5"},
					Evidence: []search.Evidence{{Term: "niñez migrante", Where: "body", Pages: []int{2}, Count: 1}}},
				// Indexed before the reason codes: the English reason only.
				{Facet: "country", Value: "MEX", Source: "classifier", Score: 0.5, Reason: "too few mentions",
					Evidence: []search.Evidence{{Term: "México", Where: "body", Pages: []int{3}, Count: 1}}},
			},
			Pages: pages("La migración desde Honduras en cifras.",
				"La trata de personas afecta a la niñez migrante. Migraciones y retorno.",
				"Recomendaciones sobre trata de personas y migración segura.")},
		{ID: "gt-migra", Title: "Migración y retorno en Guatemala", Lang: "es", Year: 2020, Type: "info-sheet",
			Source: "pdf/gt-migra.pdf", Format: "pdf", Countries: []string{"GTM"}, Themes: []string{"return-reintegration"}, GCM: []int{21},
			Pages: pages("La migración de retorno en Guatemala.")},
		{ID: "mx-migra", Title: "Migración regular en México", Lang: "es", Year: 2019, Type: "guide",
			Source: "web/mx-migra.html", Format: "html", Countries: []string{"MEX", "GTM"}, GCM: []int{5},
			Pages: pages("Vías de migración regular en México y Guatemala.")},
		{ID: "reg-migra", Title: "Migración en la región: panorama", Lang: "es", Year: 2022, Type: "study",
			Source: "pdf/reg-migra.pdf", Format: "pdf",
			Countries: []string{"REG", "BLZ", "CRI", "SLV", "GTM", "HND", "MEX", "NIC", "PAN", "DOM", "HTI", "JAM"},
			GCM:       []int{3, 10}, Pages: pages("Panorama de la migración en Centroamérica, México y el Caribe.")},
		{ID: "xss", Title: hostileTitle, Lang: "en", Year: 2020, Type: "study", Source: "pdf/xss.pdf", Format: "pdf",
			Summary: `<b onmouseover=alert(2)>summary</b>`, Author: `<svg onload=alert(3)>`, SourceURL: "javascript:alert(4)",
			Countries: []string{"HND"}, GCM: []int{10},
			Labels: []search.Label{{Facet: "gcm", Value: "10", Source: `<i>x</i>`, Evidence: []search.Evidence{
				{Term: `<img src=x onerror=alert(5)>`, Where: `<u>body</u>`, Pages: []int{1}, Count: 1, Ref: `"><script>alert(6)</script>`},
			}}},
			Pages: pages(`payload <script>alert(7)</script> <b>bold</b> trafficking & migration`)},
	}
}

// newPageServer serves the conformance documents plus pageDocs from a real
// bleve index.
func newPageServer(t testing.TB) *httptest.Server {
	t.Helper()
	corpus := t.TempDir()
	if err := os.MkdirAll(filepath.Join(corpus, "pdf"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(corpus, "pdf", "hn-migra.pdf"), []byte("%PDF-1.4 test"), 0o644); err != nil {
		t.Fatal(err)
	}
	idx, err := bleve.Create(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	ctx := context.Background()
	for _, d := range append(searchtest.Docs(), pageDocs()...) {
		if err := idx.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	if err := idx.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(Checked(t, New(idx, Options{Corpus: corpus})))
	t.Cleanup(srv.Close)
	return srv
}

// fetch GETs path with optional request headers ("Name: value").
func fetch(t testing.TB, srv *httptest.Server, path string, headers ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range headers {
		k, v, _ := strings.Cut(h, ":")
		req.Header.Set(k, strings.TrimSpace(v))
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

// htmlPage GETs a page, checks its status and parses it.
func htmlPage(t testing.TB, srv *httptest.Server, path string, status int, headers ...string) *goquery.Document {
	t.Helper()
	resp, body := fetch(t, srv, path, headers...)
	if resp.StatusCode != status {
		t.Fatalf("GET %s: status %d, want %d: %.300s", path, resp.StatusCode, status, body)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Fatalf("GET %s: content type %q", path, ct)
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func q(s string) string { return url.QueryEscape(s) }

// pagesUnderTest are the pages the structure checks walk.
var pagesUnderTest = []struct {
	path   string
	status int
}{
	{"/", 200},
	{"/?q=" + q("migración"), 200},
	{"/?q=" + q("migración") + "&country=HND&ui=es", 200},
	{"/?q=" + q("migración") + "&size=2&page=2", 200},
	{"/?q=" + q("migración") + "&page=50", 200},
	{"/?q=zzzzqq&country=HND&year_from=2019", 200},
	{"/?q=" + q(`"unclosed`), 400},
	{"/?q=payload", 200},
	{"/documents/hn-migra?q=trata", 200},
	{"/documents/xss?ui=es", 200},
	{"/documents/nope", 404},
}

func TestPageStructure(t *testing.T) {
	srv := newPageServer(t)
	for _, pt := range pagesUnderTest {
		t.Run(pt.path, func(t *testing.T) {
			doc := htmlPage(t, srv, pt.path, pt.status)
			if l := doc.Find("html").AttrOr("lang", ""); l != "en" && l != "es" {
				t.Errorf("html lang = %q", l)
			}
			if doc.Find("title").Text() == "" {
				t.Error("no title")
			}
			if n := doc.Find("h1").Length(); n != 1 {
				t.Errorf("%d h1 elements, want 1", n)
			}
			for _, landmark := range []string{"body > header", "main#main", "body > footer", "a.skip[href='#main']"} {
				if doc.Find(landmark).Length() != 1 {
					t.Errorf("want one %s", landmark)
				}
			}
			if strings.HasPrefix(pt.path, "/?") || pt.path == "/" {
				if doc.Find("form[role=search]").Length() != 1 {
					t.Error("no search landmark")
				}
			}
			doc.Find("nav").Each(func(_ int, s *goquery.Selection) {
				if s.AttrOr("aria-label", "") == "" && s.AttrOr("aria-labelledby", "") == "" {
					t.Errorf("nav without a name: %s", outer(s))
				}
			})
			// Every control has a label.
			doc.Find("input, select, textarea").Each(func(_ int, s *goquery.Selection) {
				if s.AttrOr("type", "") == "hidden" {
					return
				}
				id := s.AttrOr("id", "")
				labelled := s.AttrOr("aria-label", "") != "" || s.AttrOr("aria-labelledby", "") != "" ||
					(id != "" && doc.Find(`label[for="`+id+`"]`).Length() == 1) || s.ParentsFiltered("label").Length() > 0
				if !labelled {
					t.Errorf("control without a label: %s", outer(s))
				}
			})
			doc.Find("button").Each(func(_ int, s *goquery.Selection) {
				if strings.TrimSpace(s.Text()) == "" && s.AttrOr("aria-label", "") == "" {
					t.Errorf("button without a name: %s", outer(s))
				}
			})
			doc.Find("a").Each(func(_ int, s *goquery.Selection) {
				if _, ok := s.Attr("href"); !ok {
					t.Errorf("link without href: %s", outer(s))
				}
				if strings.TrimSpace(s.Text()) == "" && s.AttrOr("aria-label", "") == "" {
					t.Errorf("link without text: %s", outer(s))
				}
			})
			// Ids are unique; aria references resolve.
			ids := map[string]int{}
			doc.Find("[id]").Each(func(_ int, s *goquery.Selection) { ids[s.AttrOr("id", "")]++ })
			for id, n := range ids {
				if n > 1 {
					t.Errorf("id %q used %d times", id, n)
				}
			}
			doc.Find("[aria-labelledby], [aria-describedby], [aria-controls], label[for]").Each(func(_ int, s *goquery.Selection) {
				for _, attr := range []string{"aria-labelledby", "aria-describedby", "aria-controls", "for"} {
					for _, ref := range strings.Fields(s.AttrOr(attr, "")) {
						if ids[ref] == 0 {
							t.Errorf("%s=%q points nowhere", attr, ref)
						}
					}
				}
			})
			// The CSP allows no inline script or style.
			doc.Find("script").Each(func(_ int, s *goquery.Selection) {
				if s.AttrOr("src", "") != "/static/app.js" {
					t.Errorf("unexpected script: %s", outer(s))
				}
			})
			if doc.Find("style, [style]").Length() > 0 {
				t.Error("inline style in the page")
			}
			doc.Find("*").Each(func(_ int, s *goquery.Selection) {
				for _, a := range s.Nodes[0].Attr {
					if strings.HasPrefix(strings.ToLower(a.Key), "on") {
						t.Errorf("event handler attribute %s in %s", a.Key, outer(s))
					}
				}
			})
		})
	}
}

func outer(s *goquery.Selection) string {
	h, _ := goquery.OuterHtml(s)
	if len(h) > 200 {
		h = h[:200] + "…"
	}
	return h
}

func TestPageEscaping(t *testing.T) {
	srv := newPageServer(t)
	for _, path := range []string{"/?q=payload", "/?q=trafficking&type=study", "/?q=script+alert+img", "/documents/xss", "/documents/xss?q=payload", "/documents/xss?q=script+img+onerror"} {
		t.Run(path, func(t *testing.T) {
			resp, body := fetch(t, srv, path)
			if resp.StatusCode != 200 {
				t.Fatalf("status %d", resp.StatusCode)
			}
			csp := resp.Header.Get("Content-Security-Policy")
			if !strings.Contains(csp, "script-src 'self'") {
				t.Errorf("CSP %q", csp)
			}
			html := string(body)
			for _, bad := range []string{"<script>alert", "<img src=x", "<svg", "<b>bold", "<b onmouseover", "<i>x</i>", "<u>body", `"><script>`, "javascript:alert"} {
				if strings.Contains(html, bad) {
					t.Errorf("page holds raw %q", bad)
				}
			}
			doc, _ := goquery.NewDocumentFromReader(strings.NewReader(html))
			if doc.Find("img, svg, b, u, iframe, object").Length() > 0 {
				t.Error("document markup became elements")
			}
			var titles []string
			doc.Find("li.hit h2, h1").Each(func(_ int, s *goquery.Selection) { titles = append(titles, s.Text()) })
			if !slices.Contains(titles, hostileTitle) {
				t.Errorf("titles shown as %q, want the text %q among them", titles, hostileTitle)
			}
		})
	}
	doc := htmlPage(t, srv, "/documents/xss", 200)
	if got := doc.Find("#why-gcm-10 .evidence q").Text(); got != `<img src=x onerror=alert(5)>` {
		t.Errorf("evidence term shown as %q", got)
	}
	if href := doc.Find("a.published").AttrOr("href", ""); strings.HasPrefix(href, "javascript") {
		t.Errorf("source URL link %q", href)
	}
	if !strings.Contains(doc.Find(".pagetext").Text(), "<script>alert(7)</script>") {
		t.Error("page text not shown as text")
	}
}

func TestSnippetHTML(t *testing.T) {
	cases := []struct {
		name string
		segs []search.Segment
		want string
	}{
		{"marked", []search.Segment{{Text: "a "}, {Text: "trata", Mark: true}, {Text: " b"}}, "a <mark>trata</mark> b"},
		{"entities are text", []search.Segment{{Text: "x &amp; y <b>"}}, "x &amp;amp; y &lt;b&gt;"},
		{"script", []search.Segment{{Text: "<script>alert(1)</script>"}}, "&lt;script&gt;alert(1)&lt;/script&gt;"},
		{"marked script", []search.Segment{{Text: "<script>", Mark: true}}, "<mark>&lt;script&gt;</mark>"},
		{"mark tags are text", []search.Segment{{Text: "</mark><mark>x"}}, "&lt;/mark&gt;&lt;mark&gt;x"},
		{"attribute", []search.Segment{{Text: `<img src=x onerror="a">`}}, "&lt;img src=x onerror=&#34;a&#34;&gt;"},
		{"empty", nil, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := string(snippetHTML(search.Snippet{Page: 1, Segments: c.segs})); got != c.want {
				t.Errorf("snippetHTML(%+v) = %q, want %q", c.segs, got, c.want)
			}
		})
	}
}

func TestMarkHTML(t *testing.T) {
	cases := []struct {
		name, q, text string
		title         bool
		want          string
		marks         int
	}{
		{"words, phrase, prefix; not excluded nor facets", `migracion "trata de" retorn* -smuggling country:HND`,
			"La Migración, las migraciones y la trata de <b> personas; retornados. Smuggling.", false,
			"La <mark>Migración</mark>, las <mark>migraciones</mark> y la <mark>trata</mark> <mark>de</mark> &lt;b&gt; personas; <mark>retornados</mark>. Smuggling.", 5},
		{"phrase words apart are not marked", `"trata de"`, "la trata y de", false, "la trata y de", 0},
		{"title field marks titles only", `title:guía`, "Guía de campo", true, "<mark>Guía</mark> de campo", 1},
		{"title field in a body", `title:guía`, "Guía de campo", false, "Guía de campo", 0},
		{"bad query marks nothing", `"unclosed`, "unclosed <x>", false, "unclosed &lt;x&gt;", 0},
		{"no query", ``, "a & b", false, "a &amp; b", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, n := markHTML(search.HighlighterFor(c.q), c.text, c.title)
			if string(got) != c.want || n != c.marks {
				t.Errorf("markHTML = %q (%d), want %q (%d)", got, n, c.want, c.marks)
			}
		})
	}
}

func TestPageNumbers(t *testing.T) {
	cases := []struct {
		cur, count int
		want       []int
	}{
		{1, 1, nil},
		{1, 3, []int{1, 2, 3}},
		{1, 10, []int{1, 2, 3, 0, 10}},
		{6, 20, []int{1, 0, 4, 5, 6, 7, 8, 0, 20}},
		{20, 20, []int{1, 0, 18, 19, 20}},
		{4, 7, []int{1, 2, 3, 4, 5, 6, 7}},
	}
	for _, c := range cases {
		if got := pageNumbers(c.cur, c.count); !slices.Equal(got, c.want) {
			t.Errorf("pageNumbers(%d, %d) = %v, want %v", c.cur, c.count, got, c.want)
		}
	}
}

func TestMessagesComplete(t *testing.T) {
	for key := range messages["en"] {
		if messages["es"][key] == "" {
			t.Errorf("message %q has no Spanish", key)
		}
	}
	for key := range messages["es"] {
		if messages["en"][key] == "" {
			t.Errorf("message %q has no English", key)
		}
	}
	// Every key a template asks for exists.
	re := regexp.MustCompile(`call \$?\.T "([a-z_]+)"`)
	for _, name := range []string{"layout.html", "search.html", "document.html", "error.html"} {
		b, err := templateFS.ReadFile("templates/" + name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			if messages["en"][m[1]] == "" {
				t.Errorf("%s asks for unknown message %q", name, m[1])
			}
		}
	}
}

func TestPageLanguage(t *testing.T) {
	srv := newPageServer(t)
	// Accept-Language picks Spanish; ?ui= overrides it.
	doc := htmlPage(t, srv, "/?q="+q("migración"), 200, "Accept-Language: es-HN,es;q=0.9,en;q=0.5")
	if doc.Find("html").AttrOr("lang", "") != "es" || doc.Find(".searchbar button").Text() != "Buscar" {
		t.Fatal("Accept-Language: es does not give the Spanish interface")
	}
	doc = htmlPage(t, srv, "/?q="+q("migración")+"&ui=en", 200, "Accept-Language: es")
	if doc.Find("html").AttrOr("lang", "") != "en" {
		t.Fatal("?ui=en does not override Accept-Language")
	}

	doc = htmlPage(t, srv, "/?q="+q("migración")+"&country=HND&size=2&ui=es", 200)
	for sel, want := range map[string]string{
		`section[data-facet="country"] h3`:                       "País",
		`section[data-facet="gcm"] h3`:                           "Objetivo del Pacto Mundial",
		`section[data-facet="country"] a[data-value="MEX"] .lbl`: "México",
		`section[data-facet="country"] a[data-value="HTI"] .lbl`: "Haití",
		`section[data-facet="type"] a[data-value="study"] .lbl`:  "Estudio",
		`section[data-facet="lang"] a[data-value="es"] .lbl`:     "Español",
		"#sort option[value=date_desc]":                          "Más recientes",
		"label[for=q]":                                           "Buscar en los documentos",
	} {
		if got := strings.TrimSpace(doc.Find(sel).First().Text()); got != want {
			t.Errorf("%s = %q, want %q", sel, got, want)
		}
	}
	if !strings.Contains(doc.Find(`section[data-facet="gcm"] a[data-value="10"] .lbl`).Text(), "trata") {
		t.Errorf("GCM 10 in Spanish = %q", doc.Find(`section[data-facet="gcm"] a[data-value="10"] .lbl`).Text())
	}
	// The switch keeps the search and flips the language.
	sw, _ := url.Parse(doc.Find("a.switch").AttrOr("href", ""))
	if v := sw.Query(); v.Get("ui") != "en" || v.Get("q") != "migración" || v.Get("country") != "HND" || v.Get("size") != "2" {
		t.Fatalf("language switch = %q", sw)
	}
	// ui stays on every link of the page that leads to another page of Faro.
	doc.Find("a[href]").Each(func(_ int, s *goquery.Selection) {
		href := s.AttrOr("href", "")
		u, err := url.Parse(href)
		if err != nil || u.Host != "" || strings.HasPrefix(href, "#") || s.HasClass("skip") {
			return
		}
		if strings.HasSuffix(u.Path, "/file") || u.Path == "/api/v1/taxonomy" || u.Path == OpenAPIRoute {
			return // the original and the raw API speak no language
		}
		if want := "es"; s.HasClass("switch") {
			return
		} else if got := u.Query().Get("ui"); got != want {
			t.Errorf("link %q loses ui=es", href)
		}
	})
	// And on the document page: back link, facet links, more like this.
	hit := doc.Find(`li.hit a[href^="/documents/hn-migra"]`).AttrOr("href", "")
	if hit == "" {
		t.Fatal("no link to hn-migra")
	}
	dp := htmlPage(t, srv, hit, 200)
	if dp.Find("html").AttrOr("lang", "") != "es" || !strings.Contains(dp.Find("#class-h").Text(), "Clasificación") {
		t.Fatal("document page not in Spanish")
	}
	back, _ := url.Parse(dp.Find("p.back a").AttrOr("href", ""))
	if v := back.Query(); back.Path != "/" || v.Get("ui") != "es" || v.Get("q") != "migración" || v.Get("country") != "HND" {
		t.Errorf("back link = %q", back)
	}
	dp.Find(".details a, .classification .lh a, .more a").Each(func(_ int, s *goquery.Selection) {
		if u, _ := url.Parse(s.AttrOr("href", "")); u.Query().Get("ui") != "es" {
			t.Errorf("document page link %q loses ui=es", s.AttrOr("href", ""))
		}
	})
	if dp.Find(".more li").Length() == 0 {
		t.Error("no more-like-this documents")
	}
}

func TestPageFacets(t *testing.T) {
	srv := newPageServer(t)
	doc := htmlPage(t, srv, "/?q="+q("migración"), 200)
	count := func(doc *goquery.Document, facet, value string) string {
		return doc.Find(`section[data-facet="` + facet + `"] a[data-value="` + value + `"] .count`).Text()
	}
	hits := doc.Find("li.hit").Length()
	gtm, hnd := count(doc, "country", "GTM"), count(doc, "country", "HND")
	if gtm == "" || hnd == "" {
		t.Fatalf("country counts GTM=%q HND=%q", gtm, hnd)
	}
	// More than eight countries: the rest hides behind "show all".
	country := doc.Find(`section[data-facet="country"]`)
	if n := country.ChildrenFiltered("ul").Children().Length(); n != facetShown {
		t.Errorf("%d countries shown before show all, want %d", n, facetShown)
	}
	if country.Find("details.showall summary").Length() != 1 || country.Find("details.showall li").Length() == 0 {
		t.Fatal("no show-all for a long facet")
	}
	if doc.Find(`section[data-facet="lang"] details`).Length() != 0 {
		t.Error("a short facet collapsed")
	}
	// Selecting Honduras narrows the hits, keeps the other countries'
	// counts, and shows a chip, a clear link and the selection.
	href := country.Find(`a[data-value="HND"]`).AttrOr("href", "")
	doc = htmlPage(t, srv, href, 200)
	if n := doc.Find("li.hit").Length(); n >= hits || n == 0 {
		t.Errorf("%d hits after choosing Honduras, had %d", n, hits)
	}
	doc.Find("li.hit .meta").Each(func(_ int, s *goquery.Selection) {
		if !strings.Contains(s.Text(), "Honduras") {
			t.Errorf("hit without Honduras: %q", s.Text())
		}
	})
	if got := count(doc, "country", "GTM"); got != gtm {
		t.Errorf("GTM count %q after choosing Honduras, was %q", got, gtm)
	}
	hndLink := doc.Find(`section[data-facet="country"] a[data-value="HND"]`)
	if !hndLink.HasClass("on") || !strings.Contains(hndLink.Find(".sr").Text(), "selected") {
		t.Errorf("Honduras not shown as selected: %s", outer(hndLink))
	}
	if doc.Find(`section[data-facet="country"] a.fclear`).Length() != 1 || doc.Find("a.clear").Length() != 1 {
		t.Error("no clear links")
	}
	if doc.Find("ul.chips a").Length() != 1 {
		t.Error("no chip for the filter")
	}
	// Two countries: OR within the facet; a selected value behind "show
	// all" still shows.
	doc = htmlPage(t, srv, "/?q="+q("migración")+"&country=HND&country=JAM", 200)
	jam := doc.Find(`section[data-facet="country"]`).ChildrenFiltered("ul").Find(`a[data-value="JAM"]`)
	if !jam.HasClass("on") {
		t.Error("selected Jamaica hidden behind show all")
	}
	// Years: the range form keeps the search; a chip removes it.
	doc = htmlPage(t, srv, "/?q="+q("migración")+"&country=HND&year_from=2020&sort=date_desc", 200)
	form := doc.Find("form.years")
	if form.Find(`input[name=q]`).AttrOr("value", "") != "migración" || form.Find(`input[name=country]`).AttrOr("value", "") != "HND" ||
		form.Find(`input[name=sort]`).AttrOr("value", "") != "date_desc" || form.Find("#yf").AttrOr("value", "") != "2020" {
		t.Errorf("year form loses the search: %s", outer(form))
	}
	if doc.Find(".sort input[name=year_from]").AttrOr("value", "") != "2020" {
		t.Error("sort form loses the years")
	}
	if doc.Find(`.searchbar input[name=year_from]`).AttrOr("value", "") != "2020" {
		t.Error("search box loses the years")
	}
	if doc.Find("#sort option[selected]").AttrOr("value", "") != "date_desc" {
		t.Error("sort not shown")
	}
}

func TestPagePagerAndExports(t *testing.T) {
	srv := newPageServer(t)
	doc := htmlPage(t, srv, "/?q="+q("migración")+"&size=2&page=2&ui=es&country=GTM&country=HND", 200)
	pager := doc.Find("nav.pager")
	if pager.Length() != 1 {
		t.Fatal("no pager")
	}
	cur := pager.Find(`[aria-current="page"]`)
	if cur.Length() != 1 || !strings.HasSuffix(strings.TrimSpace(cur.Text()), "2") {
		t.Fatalf("aria-current = %s", outer(cur))
	}
	for _, rel := range []string{"prev", "next"} {
		u, _ := url.Parse(pager.Find(`a[rel="`+rel+`"]`).AttrOr("href", ""))
		v := u.Query()
		if v.Get("q") != "migración" || v.Get("ui") != "es" || len(v["country"]) != 2 || v.Get("size") != "2" {
			t.Errorf("%s link %q loses the search", rel, u)
		}
	}
	if p, _ := url.Parse(pager.Find(`a[rel="prev"]`).AttrOr("href", "")); p.Query().Get("page") != "" {
		t.Errorf("link to page 1 carries page=: %q", p)
	}
	// A document opened from page 2 leads back to page 2.
	hit := doc.Find("li.hit h2 a").First().AttrOr("href", "")
	dp := htmlPage(t, srv, hit, 200)
	back, _ := url.Parse(dp.Find("p.back a").AttrOr("href", ""))
	if v := back.Query(); v.Get("page") != "2" || v.Get("size") != "2" || v.Get("q") != "migración" || len(v["country"]) != 2 {
		t.Errorf("back link from %q = %q", hit, back)
	}
	if doc.Find("ol.hits").AttrOr("start", "") != "3" {
		t.Errorf("results list starts at %q", doc.Find("ol.hits").AttrOr("start", ""))
	}
	total := doc.Find("#total")
	if total.AttrOr("aria-live", "") != "polite" || total.AttrOr("role", "") != "status" || total.Find(".n").Text() == "" {
		t.Errorf("result count not live: %s", outer(total))
	}
	// Past the last page: a way back, not "no documents match".
	doc2 := htmlPage(t, srv, "/?q="+q("migración")+"&page=50&ui=es", 200)
	if first := doc2.Find(".empty a").AttrOr("href", ""); first != "/?q=migraci%C3%B3n&ui=es" {
		t.Errorf("past the end: first page link %q", first)
	}
	// Export links keep the search (not the page) and name a format.
	want := map[string][]string{
		"/api/v1/export":   {"bibtex", "ris", "csljson", "csv"},
		"/api/v1/evidence": {"md", "html", "csv"},
		"/feed.atom":       {""},
	}
	got := map[string][]string{}
	doc.Find("section.exports a").Each(func(_ int, s *goquery.Selection) {
		u, _ := url.Parse(s.AttrOr("href", ""))
		v := u.Query()
		if v.Get("q") != "migración" || len(v["country"]) != 2 || v.Get("ui") != "es" || v.Has("page") {
			t.Errorf("export link %q does not carry the search", u)
		}
		got[u.Path] = append(got[u.Path], v.Get("format"))
	})
	for p, formats := range want {
		if !slices.Equal(got[p], formats) {
			t.Errorf("%s formats = %v, want %v", p, got[p], formats)
		}
	}
	if f := doc.Find(`link[rel=alternate][type="application/atom+xml"]`).AttrOr("href", ""); !strings.HasPrefix(f, "/feed.atom?") {
		t.Errorf("feed link in head = %q", f)
	}
}

func TestPageNoResults(t *testing.T) {
	srv := newPageServer(t)
	doc := htmlPage(t, srv, "/?q="+q("migración")+"&country=HTI&year_to=2020", 200)
	if doc.Find("li.hit").Length() != 0 || doc.Find(".empty").Length() != 1 {
		t.Fatal("expected the no-results help")
	}
	links := doc.Find(".empty .chips a")
	if links.Length() != 2 {
		t.Fatalf("%d suggestions, want one per filter (2)", links.Length())
	}
	links.Each(func(_ int, s *goquery.Selection) {
		n := strings.Fields(s.Find(".count").Text())
		if len(n) < 2 {
			t.Errorf("suggestion without a count: %s", outer(s))
			return
		}
		if c, err := strconv.Atoi(n[1]); err != nil || c == 0 {
			t.Errorf("suggestion count %q", n)
		}
	})
	if doc.Find(".empty a").Last().AttrOr("href", "") == "" {
		t.Error("no link to drop the words")
	}
}

// TestNotKeptReasonsTranslated checks that the reasons a value was not
// kept are shown in the page's language, from their codes, and that a
// reason stored without a code keeps its English text.
func TestNotKeptReasonsTranslated(t *testing.T) {
	srv := newPageServer(t)
	for _, tc := range []struct {
		ui, id, want, not string
	}{
		{"en", "not-kept-country-usa", "named mostly as a destination (2 of 2 mentions)", "destino"},
		{"es", "not-kept-country-usa", "nombrado sobre todo como destino (2 de 2 menciones)", "destination"},
		{"en", "not-kept-gcm-7", "score 1.5 below 5", "puntuación"},
		{"es", "not-kept-gcm-7", "puntuación 1.5 inferior al mínimo de 5", "below"},
		{"es", "not-kept-country-mex", "too few mentions", "{"},
	} {
		doc := htmlPage(t, srv, "/documents/hn-migra?ui="+tc.ui, 200)
		got := doc.Find("#" + tc.id + " .reason").Text()
		if !strings.Contains(got, tc.want) || strings.Contains(got, tc.not) {
			t.Errorf("ui=%s %s: reason %q, want %q without %q", tc.ui, tc.id, got, tc.want, tc.not)
		}
	}
}

// TestReasonMessages checks that every reason code has its message in both
// languages, with the same placeholders as the English template.
func TestReasonMessages(t *testing.T) {
	ph := regexp.MustCompile(`\{[0-9]+\}`)
	for code, en := range search.NotKeptReasons {
		want := ph.FindAllString(en, -1)
		for _, lang := range []string{"en", "es"} {
			m := messages[lang]["reason_"+code]
			if m == "" {
				t.Errorf("reason %q has no %s message", code, lang)
				continue
			}
			got := ph.FindAllString(m, -1)
			slices.Sort(got)
			w := slices.Clone(want)
			slices.Sort(w)
			if !slices.Equal(got, w) {
				t.Errorf("reason %q in %s has placeholders %v, English %v", code, lang, got, want)
			}
		}
		args := make([]string, len(want))
		for i := range args {
			args[i] = "7"
		}
		l := search.Label{Reason: "stored", ReasonCode: code, ReasonArgs: args}
		if es := reasonText("es", l); es == "" || strings.Contains(es, "{") || es == search.ReasonText(code, args) {
			t.Errorf("reason %q in Spanish = %q", code, es)
		}
	}
}

func TestDocumentEvidence(t *testing.T) {
	srv := newPageServer(t)
	doc := htmlPage(t, srv, "/documents/hn-migra?q="+q("trata")+"&country=HND", 200)
	gcm := doc.Find("#why-gcm-10")
	if gcm.Length() != 1 {
		t.Fatal("no evidence for GCM 10")
	}
	if !strings.Contains(gcm.Text(), "trata de personas") || !strings.Contains(gcm.Text(), "10(c)") || !strings.Contains(gcm.Find(".otitle").Text(), "trafficking") {
		t.Errorf("GCM 10 evidence = %q", gcm.Text())
	}
	var pages []string
	gcm.Find(".evidence a").Each(func(_ int, s *goquery.Selection) { pages = append(pages, s.AttrOr("href", "")) })
	if !slices.Equal(pages, []string{"#page-2", "#page-3"}) {
		t.Errorf("evidence page links = %v", pages)
	}
	for _, p := range pages {
		if doc.Find(p).Length() != 1 {
			t.Errorf("no anchor %s", p)
		}
	}
	if g := doc.Find("#why-gcm-3"); g.Length() != 1 || !strings.Contains(g.Find(".status").Text(), "given") {
		t.Error("given GCM 3 not shown as given")
	}
	if doc.Find("#why-country-hnd").Length() != 1 {
		t.Error("no country evidence")
	}
	// A country the text mentions and the classifier did not keep shows
	// apart, with why and its evidence.
	nk := doc.Find("details.not-kept #not-kept-country-usa")
	if nk.Length() != 1 || !strings.Contains(nk.Find(".reason").Text(), "destination") ||
		nk.Find(`.evidence a[href="#page-1"]`).Length() != 1 {
		t.Errorf("not-kept USA = %q", nk.Text())
	}
	if doc.Find("#why-country-usa").Length() != 0 {
		t.Error("a value not kept shown among the kept ones")
	}
	if doc.Find(".classification h3").First().Text() != "GCM objective" {
		t.Error("GCM objectives do not come first")
	}
	if doc.Find(`a[href="/documents/hn-migra/file"]`).Length() != 1 {
		t.Error("no download link")
	}
	if n := doc.Find("#page-2 mark").Length(); n != 1 {
		t.Errorf("%d marks on page 2, want 1", n)
	}
	if doc.Find(".pagenav a.has").Length() != 2 {
		t.Error("page nav does not show the pages with matches")
	}
	// A document without labels still lists its objectives.
	doc = htmlPage(t, srv, "/documents/hn-trata", 200)
	if doc.Find("#why-gcm-10").Length() != 1 {
		t.Error("objective without a label not shown")
	}
	if doc.Find("section.pages details").Length() != 3 {
		t.Error("pages not listed")
	}
}

// TestPageWeight measures the bytes a browser fetches for a page: the HTML
// and the CSS and JavaScript it links (images are none). The budget is
// 100 KB before document text; the test index's texts are tiny.
func TestPageWeight(t *testing.T) {
	srv := newPageServer(t)
	const budget = 100 * 1024
	for _, path := range []string{"/?q=" + q("migración"), "/", "/?q=" + q("migración") + "&ui=es&country=HND", "/documents/hn-migra?q=trata"} {
		resp, body := fetch(t, srv, path)
		if resp.StatusCode != 200 {
			t.Fatalf("GET %s: %d", path, resp.StatusCode)
		}
		doc, _ := goquery.NewDocumentFromReader(strings.NewReader(string(body)))
		total := len(body)
		parts := []string{fmt.Sprintf("html %d", len(body))}
		doc.Find(`link[rel=stylesheet], script[src]`).Each(func(_ int, s *goquery.Selection) {
			src := s.AttrOr("href", s.AttrOr("src", ""))
			r, b := fetch(t, srv, src)
			if r.StatusCode != 200 {
				t.Errorf("%s: %d", src, r.StatusCode)
			}
			total += len(b)
			parts = append(parts, fmt.Sprintf("%s %d", src, len(b)))
		})
		t.Logf("%s: %d bytes (%s)", path, total, strings.Join(parts, ", "))
		if total > budget {
			t.Errorf("%s weighs %d bytes, over the %d budget", path, total, budget)
		}
	}
	// Static files are cacheable and typed.
	resp, _ := fetch(t, srv, "/static/app.js")
	if !strings.Contains(resp.Header.Get("Content-Type"), "javascript") || resp.Header.Get("Cache-Control") == "" {
		t.Errorf("app.js served as %q, cache %q", resp.Header.Get("Content-Type"), resp.Header.Get("Cache-Control"))
	}
}

// TestContrast checks the stylesheet's colour pairs against WCAG 2.2 AA:
// 4.5:1 for text, 3:1 for focus rings, control borders and the like.
func TestContrast(t *testing.T) {
	css, err := staticFS.ReadFile("static/style.css")
	if err != nil {
		t.Fatal(err)
	}
	vars := map[string]string{"white": "#fff"}
	root := regexp.MustCompile(`:root\{([^}]*)\}`).FindSubmatch(css)
	if root == nil {
		t.Fatal("no :root colours")
	}
	for _, m := range regexp.MustCompile(`--([a-z-]+):(#[0-9a-fA-F]{3,6})`).FindAllStringSubmatch(string(root[1]), -1) {
		vars[m[1]] = m[2]
	}
	pairs := []struct {
		fg, bg string
		min    float64
	}{
		{"fg", "bg", 4.5}, {"fg", "bg-soft", 4.5}, {"fg", "accent-bg", 4.5}, {"fg", "mark", 4.5}, {"fg", "tag-bg", 4.5},
		{"muted", "bg", 4.5}, {"muted", "bg-soft", 4.5}, {"muted", "accent-bg", 4.5},
		{"accent", "bg", 4.5}, {"accent", "bg-soft", 4.5}, {"accent", "accent-bg", 4.5}, {"accent-dark", "accent-bg", 4.5},
		{"white", "accent", 4.5}, {"white", "accent-dark", 4.5},
		{"tag-fg", "tag-bg", 4.5}, {"error", "error-bg", 4.5}, {"error", "bg", 4.5},
		{"focus", "bg", 3}, {"focus", "bg-soft", 3}, {"control", "bg", 3}, {"accent", "bg", 3},
	}
	for _, p := range pairs {
		fg, bg := vars[p.fg], vars[p.bg]
		if fg == "" || bg == "" {
			t.Errorf("colour %s or %s not defined", p.fg, p.bg)
			continue
		}
		r := contrast(fg, bg)
		if r < p.min {
			t.Errorf("%s %s on %s %s: contrast %.2f, want %.1f", p.fg, fg, p.bg, bg, r, p.min)
		}
	}
	// No colour outside :root sneaks in except white text and decorative
	// borders.
	rest := strings.Replace(string(css), string(root[0]), "", 1)
	for _, c := range regexp.MustCompile(`#[0-9a-fA-F]{3,6}\b`).FindAllString(rest, -1) {
		switch strings.ToLower(c) {
		case "#fff", "#b6cbe6", "#d4b94a":
		default:
			t.Errorf("colour %s used outside :root; add it to :root and to this test", c)
		}
	}
}

func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(hex string) float64 {
	hex = strings.TrimPrefix(hex, "#")
	if len(hex) == 3 {
		hex = string([]byte{hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]})
	}
	n, _ := strconv.ParseUint(hex, 16, 32)
	ch := func(v uint64) float64 {
		c := float64(v) / 255
		if c <= 0.04045 {
			return c / 12.92
		}
		return math.Pow((c+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(n>>16&0xff) + 0.7152*ch(n>>8&0xff) + 0.0722*ch(n&0xff)
}
