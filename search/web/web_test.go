package web_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"faro/search"
	"faro/search/bleve"
	"faro/search/searchtest"
	"faro/search/web"
)

const xssTitle = `<script>alert("x")</script><img src=x onerror=alert(1)>`

// newServer serves the conformance documents plus one with a hostile title,
// with originals in a temporary corpus folder.
func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	corpus := t.TempDir()
	if err := os.MkdirAll(filepath.Join(corpus, "pdf"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(corpus, "pdf", "hn-trata.pdf"), []byte("%PDF-1.4 test"), 0o644); err != nil {
		t.Fatal(err)
	}
	idx, err := bleve.Create(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	docs := append(searchtest.Docs(),
		&search.Document{ID: "xss", Title: xssTitle, Lang: "en", Source: "pdf/xss.pdf", Type: "study",
			Pages: []search.Page{{Number: 1, Text: "payload <b>bold</b> trafficking & more"}}},
		&search.Document{ID: "escape", Title: "Escape attempt", Lang: "en", Source: "../../etc/passwd",
			Pages: []search.Page{{Number: 1, Text: "nothing"}}},
	)
	ctx := context.Background()
	for _, d := range docs {
		if err := idx.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	if err := idx.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(web.Checked(t, web.New(idx, web.Options{Corpus: corpus})))
	t.Cleanup(srv.Close)
	return srv
}

func get(t *testing.T, srv *httptest.Server, path string) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.Get(srv.URL + path)
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

func getJSON(t *testing.T, srv *httptest.Server, path string, wantStatus int, into any) {
	t.Helper()
	resp, body := get(t, srv, path)
	if resp.StatusCode != wantStatus {
		t.Fatalf("GET %s: status %d, want %d; body %s", path, resp.StatusCode, wantStatus, body)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("GET %s: content type %q", path, ct)
	}
	if err := json.Unmarshal(body, into); err != nil {
		t.Fatalf("GET %s: %v in %s", path, err, body)
	}
}

type searchResp struct {
	Total  int  `json:"total"`
	Page   int  `json:"page"`
	Size   int  `json:"size"`
	TookMS *int `json:"took_ms"`
	Hits   []struct {
		ID        string   `json:"id"`
		Title     string   `json:"title"`
		URL       string   `json:"url"`
		FileURL   string   `json:"file_url"`
		Source    string   `json:"source"`
		Countries []string `json:"countries"`
		GCM       []int    `json:"gcm"`
		Snippets  []struct {
			Page int    `json:"page"`
			Text string `json:"text"`
			URL  string `json:"url"`
		} `json:"snippets"`
	} `json:"hits"`
	Facets map[string][]struct {
		Value string `json:"value"`
		Label string `json:"label"`
		Count int    `json:"count"`
	} `json:"facets"`
}

func TestSearchAPI(t *testing.T) {
	srv := newServer(t)
	var r searchResp
	getJSON(t, srv, "/api/v1/search?q=trata&country=HND&lang=es", 200, &r)
	if r.Total != 1 || len(r.Hits) != 1 || r.Hits[0].ID != "hn-trata" {
		t.Fatalf("hits = %+v", r.Hits)
	}
	h := r.Hits[0]
	if h.URL != "/documents/hn-trata" || h.FileURL != "/documents/hn-trata/file" || h.Source != "pdf/hn-trata.pdf" {
		t.Fatalf("links = %q %q %q", h.URL, h.FileURL, h.Source)
	}
	if len(h.Snippets) == 0 || h.Snippets[0].Page != 2 || !strings.Contains(h.Snippets[0].Text, "<mark>trata</mark>") ||
		h.Snippets[0].URL != "/documents/hn-trata/file#page=2" {
		t.Fatalf("snippets = %+v", h.Snippets)
	}
	if r.Page != 1 || r.Size != 10 || r.TookMS == nil {
		t.Fatalf("page/size/took = %d/%d/%v", r.Page, r.Size, r.TookMS)
	}
	for _, f := range search.Facets {
		if _, ok := r.Facets[f]; !ok {
			t.Errorf("facet %q missing", f)
		}
	}
	// Disjunctive: the country facet still offers other countries.
	getJSON(t, srv, "/api/v1/search?q=trafficking&country=HND", 200, &r)
	if r.Total != 3 {
		t.Fatalf("trafficking in HND: total %d, want 3 (one through its translation trata)", r.Total)
	}
	var slv bool
	for _, c := range r.Facets["country"] {
		if c.Value == "HND" && c.Label != "Honduras" {
			t.Errorf("HND label = %q", c.Label)
		}
		if c.Value == "GTM" && c.Count > 0 {
			slv = true
		}
	}
	if !slv {
		t.Fatalf("other countries' counts dropped: %+v", r.Facets["country"])
	}

	getJSON(t, srv, "/api/v1/search?q=migracion", 200, &r)
	if r.Total != 2 || r.Hits[0].ID != "sv-conecta" {
		t.Fatalf("migracion hits = %+v; want sv-conecta first, then the English migration", r.Hits)
	}
	getJSON(t, srv, "/api/v1/search?country=HTI&country=MEX&size=1&page=2", 200, &r)
	if r.Total != 2 || len(r.Hits) != 1 || r.Page != 2 {
		t.Fatalf("paged OR: total %d hits %d page %d", r.Total, len(r.Hits), r.Page)
	}
	getJSON(t, srv, "/api/v1/search?gcm=10&ui=es", 200, &r)
	for _, g := range r.Facets["gcm"] {
		if g.Value == "10" && !strings.Contains(strings.ToLower(g.Label), "trata") {
			t.Fatalf("Spanish GCM 10 label = %q", g.Label)
		}
	}
}

func TestSearchAPIErrors(t *testing.T) {
	srv := newServer(t)
	cases := []struct{ name, query, want string }{
		{"unclosed quote", `q=` + url.QueryEscape(`"unclosed`), "quote"},
		{"size too big", "size=100000", "size"},
		{"gcm out of range", "gcm=99", "gcm"},
		{"year not a number", "year_from=abc", "year_from"},
		{"unknown country", "country=XXX", "country"},
		{"bad sort", "sort=best", "sort"},
		{"page zero", "page=0", "page"},
		{"too deep", "page=101&size=100", "page"},
		{"years reversed", "year_from=2020&year_to=2010", "year_from"},
		{"unknown field", "q=colour:red", "unknown field"},
		{"dangling operator", "q=trata+AND", "AND"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var e struct {
				Error string `json:"error"`
			}
			getJSON(t, srv, "/api/v1/search?"+c.query, 400, &e)
			if !strings.Contains(e.Error, c.want) {
				t.Fatalf("error %q does not mention %q", e.Error, c.want)
			}
		})
	}
}

func TestDocumentAPI(t *testing.T) {
	srv := newServer(t)
	var d struct {
		ID      string        `json:"id"`
		Title   string        `json:"title"`
		Pages   []search.Page `json:"pages"`
		FileURL string        `json:"file_url"`
	}
	getJSON(t, srv, "/api/v1/documents/hn-trata", 200, &d)
	if d.ID != "hn-trata" || len(d.Pages) != 3 || d.FileURL != "/documents/hn-trata/file" {
		t.Fatalf("document = %+v", d)
	}
	var e struct{ Error string }
	getJSON(t, srv, "/api/v1/documents/nope", 404, &e)
	if e.Error == "" {
		t.Fatal("404 without a message")
	}
	getJSON(t, srv, "/api/v1/nothing-here", 404, &e)

	var tax struct {
		GCM []struct {
			Number int `json:"number"`
		} `json:"gcm"`
		Countries []struct {
			Code string `json:"code"`
		} `json:"countries"`
	}
	getJSON(t, srv, "/api/v1/taxonomy", 200, &tax)
	if len(tax.GCM) != 23 || len(tax.Countries) < 20 {
		t.Fatalf("taxonomy has %d objectives, %d countries", len(tax.GCM), len(tax.Countries))
	}
	var h struct{ Status, Version string }
	getJSON(t, srv, "/healthz", 200, &h)
	if h.Status != "ok" || h.Version == "" {
		t.Fatalf("healthz = %+v, want status ok and a version", h)
	}
	var r struct{ Total int }
	getJSON(t, srv, "/api/v1/search?q=trata", 200, &r) // builds the search tables
	getJSON(t, srv, "/readyz", 200, &h)
	if h.Status != "ready" {
		t.Fatalf("readyz = %+v", h)
	}
}

func TestFile(t *testing.T) {
	srv := newServer(t)
	resp, body := get(t, srv, "/documents/hn-trata/file")
	if resp.StatusCode != 200 || string(body) != "%PDF-1.4 test" || resp.Header.Get("Content-Type") != "application/pdf" {
		t.Fatalf("file: %d %q %q", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
	resp, _ = get(t, srv, "/documents/escape/file")
	if resp.StatusCode != 404 {
		t.Fatalf("path escaping the corpus: status %d, want 404", resp.StatusCode)
	}
	resp, _ = get(t, srv, "/documents/reg-ku/file")
	if resp.StatusCode != 404 {
		t.Fatalf("missing original: status %d, want 404", resp.StatusCode)
	}
}

func page(t *testing.T, srv *httptest.Server, path string) *goquery.Document {
	t.Helper()
	resp, body := get(t, srv, path)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: status %d: %s", path, resp.StatusCode, body)
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
		t.Fatalf("GET %s: CSP %q", path, csp)
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func facetCount(doc *goquery.Document, facet, value string) (count string, selected bool, href string) {
	a := doc.Find(`section[data-facet="` + facet + `"] a[data-value="` + value + `"]`)
	return strings.TrimSpace(a.Find(".count").Text()), a.HasClass("on"), a.AttrOr("href", "")
}

func TestSearchPage(t *testing.T) {
	srv := newServer(t)
	doc := page(t, srv, "/?q=trafficking")
	if n := doc.Find("li.hit").Length(); n != 4 {
		t.Fatalf("%d hits on page, want 4", n)
	}
	if doc.Find("li.hit mark").Length() == 0 {
		t.Fatal("no highlighted snippet")
	}
	// Titles are marked by the same highlighter: "trata" is a synonym.
	if got := doc.Find(`li.hit h2 mark`).First().Text(); got != "trata" {
		t.Errorf("first marked title word %q, want trata", got)
	}
	if got := doc.Find("#q").AttrOr("value", ""); got != "trafficking" {
		t.Fatalf("search box value %q", got)
	}
	hnd, _, href := facetCount(doc, "country", "HND")
	gtm, _, _ := facetCount(doc, "country", "GTM")
	if hnd != "3" || gtm != "1" || href == "" {
		t.Fatalf("country counts HND=%q GTM=%q href=%q", hnd, gtm, href)
	}
	// Following the facet link narrows the hits and keeps the other
	// countries' counts.
	doc = page(t, srv, href)
	if n := doc.Find("li.hit").Length(); n != 3 {
		t.Fatalf("%d hits after selecting Honduras, want 3", n)
	}
	hnd2, on, back := facetCount(doc, "country", "HND")
	gtm2, _, _ := facetCount(doc, "country", "GTM")
	if hnd2 != "3" || !on || gtm2 != "1" {
		t.Fatalf("after selecting: HND=%q on=%v GTM=%q", hnd2, on, gtm2)
	}
	// The same link again removes the filter.
	doc = page(t, srv, back)
	if n := doc.Find("li.hit").Length(); n != 4 {
		t.Fatalf("%d hits after unselecting, want 4", n)
	}
	// A hostile title renders as text.
	html, _ := doc.Html()
	if strings.Contains(html, "<script>alert") || doc.Find("img[onerror]").Length() > 0 {
		t.Fatal("document title injected markup into the page")
	}
	if !strings.Contains(doc.Find("li.hit h2").Text(), `<script>alert("x")</script>`) {
		t.Fatal("hostile title not shown as text")
	}
	if strings.Contains(html, "<b>bold</b>") {
		t.Fatal("document text injected markup into a snippet")
	}
}

func TestSearchPageLanguageAndErrors(t *testing.T) {
	srv := newServer(t)
	doc := page(t, srv, "/?ui=es&q=trata")
	if doc.Find("html").AttrOr("lang", "") != "es" || !strings.Contains(doc.Find("button[type=submit]").First().Text(), "Buscar") {
		t.Fatal("Spanish interface not shown")
	}
	if !strings.Contains(doc.Find(`section[data-facet="gcm"] h3`).Text(), "Objetivo") {
		t.Fatalf("Spanish facet heading = %q", doc.Find(`section[data-facet="gcm"] h3`).Text())
	}
	sw := doc.Find("a.switch").AttrOr("href", "")
	if !strings.Contains(sw, "ui=en") || !strings.Contains(sw, "q=trata") {
		t.Fatalf("language switch loses the search: %q", sw)
	}
	resp, body := get(t, srv, "/?q=%22unclosed")
	if resp.StatusCode != 400 || !strings.Contains(string(body), "unclosed quote") {
		t.Fatalf("bad query page: %d", resp.StatusCode)
	}
	doc = page(t, srv, "/?q=zzzzqq&country=HND")
	if doc.Find(".empty").Length() == 0 || doc.Find(".empty .chips a").Length() != 1 {
		t.Fatal("no-results help does not offer to drop the filter")
	}
}

func TestDocumentPage(t *testing.T) {
	srv := newServer(t)
	doc := page(t, srv, "/documents/hn-trata")
	if doc.Find("h1").Text() != "Prevención de la trata de personas en Honduras" {
		t.Fatalf("title = %q", doc.Find("h1").Text())
	}
	if n := doc.Find("section.pages details").Length(); n != 3 {
		t.Fatalf("%d pages shown, want 3", n)
	}
	if doc.Find(`a[href="/documents/hn-trata/file"]`).Length() == 0 {
		t.Fatal("no download link")
	}
	resp, _ := get(t, srv, "/documents/nope")
	if resp.StatusCode != 404 {
		t.Fatalf("unknown document page: %d", resp.StatusCode)
	}
	// Opened from an English search, the Spanish document says which
	// translations of the words it holds; an unknown word says nothing.
	for _, tc := range []struct{ q, want string }{
		{"trafficking prevention", "trafficking → trata"},
		{"zebra", ""},
	} {
		doc := page(t, srv, "/documents/hn-trata?q="+url.QueryEscape(tc.q))
		got := strings.Join(strings.Fields(doc.Find("p.translations").Text()), " ")
		if tc.want == "" && got != "" || !strings.Contains(got, strings.Trim(tc.want, " ")) {
			t.Errorf("q=%s: translations %q, want %q", tc.q, got, tc.want)
		}
	}
}

func TestFacetValuesAPI(t *testing.T) {
	srv := newServer(t)
	var r struct {
		Facet  string `json:"facet"`
		Values []struct {
			Value string `json:"value"`
			Label string `json:"label"`
			Count int    `json:"count"`
		} `json:"values"`
	}
	getJSON(t, srv, "/api/v1/facets/country?prefix=gua", 200, &r)
	if r.Facet != "country" || len(r.Values) == 0 || r.Values[0].Value != "GTM" || r.Values[0].Count != 3 {
		t.Fatalf("prefix gua = %+v", r.Values)
	}
	for _, v := range r.Values {
		if v.Value == "HND" || v.Value == "MEX" {
			t.Errorf("value %+v does not match prefix gua", v)
		}
	}
	// Accents ignored, Spanish labels, counts under the search.
	getJSON(t, srv, "/api/v1/facets/country?prefix=mexi&ui=es&q=migrar", 200, &r)
	if len(r.Values) == 0 || r.Values[0].Value != "MEX" || r.Values[0].Label != "México" || r.Values[0].Count != 1 {
		t.Fatalf("prefix mexi = %+v", r.Values)
	}
	getJSON(t, srv, "/api/v1/facets/gcm?prefix=traf", 200, &r)
	if len(r.Values) == 0 {
		t.Fatal("gcm label prefix found nothing")
	}
	var e struct{ Error string }
	getJSON(t, srv, "/api/v1/facets/colour", 404, &e)
	getJSON(t, srv, "/api/v1/facets/country?limit=0", 400, &e)
}

func TestCursorAndExplain(t *testing.T) {
	srv := newServer(t)
	var seen []string
	path := "/api/v1/search?size=3&sort=date_desc"
	var r struct {
		Total      int    `json:"total"`
		NextCursor string `json:"next_cursor"`
		Hits       []struct {
			ID          string          `json:"id"`
			Explanation json.RawMessage `json:"explanation"`
		} `json:"hits"`
	}
	for i := 0; i < 10; i++ {
		r.NextCursor = ""
		getJSON(t, srv, path, 200, &r)
		for _, h := range r.Hits {
			seen = append(seen, h.ID)
		}
		if r.NextCursor == "" {
			break
		}
		path = "/api/v1/search?size=3&sort=date_desc&cursor=" + url.QueryEscape(r.NextCursor)
	}
	if len(seen) != r.Total {
		t.Fatalf("cursor paging saw %d of %d: %v", len(seen), r.Total, seen)
	}
	uniq := map[string]bool{}
	for _, id := range seen {
		uniq[id] = true
	}
	if len(uniq) != len(seen) {
		t.Fatalf("cursor paging repeated hits: %v", seen)
	}
	// Relevance order over a text query: the cursor walks the same hits as
	// page-based paging, in the same order.
	var byPage, byCursor []string
	for p := 1; p <= 5; p++ {
		r.Hits = nil
		getJSON(t, srv, "/api/v1/search?q=trafficking+OR+migration+OR+trata&size=1&page="+strconv.Itoa(p), 200, &r)
		for _, h := range r.Hits {
			byPage = append(byPage, h.ID)
		}
	}
	path = "/api/v1/search?q=trafficking+OR+migration+OR+trata&size=1"
	for i := 0; i < 5; i++ {
		r.Hits, r.NextCursor = nil, ""
		getJSON(t, srv, path, 200, &r)
		for _, h := range r.Hits {
			byCursor = append(byCursor, h.ID)
		}
		if r.NextCursor == "" {
			break
		}
		path = "/api/v1/search?q=trafficking+OR+migration+OR+trata&size=1&cursor=" + url.QueryEscape(r.NextCursor)
	}
	if len(byPage) < 3 || strings.Join(byPage, ",") != strings.Join(byCursor, ",") {
		t.Fatalf("relevance cursor paging %v differs from page paging %v", byCursor, byPage)
	}
	var e struct{ Error string }
	getJSON(t, srv, "/api/v1/search?cursor=garbage", 400, &e)
	getJSON(t, srv, "/api/v1/search?q=trata&explain=1", 200, &r)
	if len(r.Hits) == 0 || len(r.Hits[0].Explanation) < 10 {
		t.Fatalf("explain=1 gave no explanation: %+v", r.Hits)
	}
	r.Hits = nil
	getJSON(t, srv, "/api/v1/search?q=trata", 200, &r)
	if len(r.Hits[0].Explanation) != 0 {
		t.Fatal("explanation returned without explain=1")
	}
}
