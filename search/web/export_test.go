package web_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"faro/search"
	"faro/search/bleve"
	"faro/search/cite/citetest"
	"faro/search/searchtest"
	"faro/search/web"
)

// Hostile titles: everything a citation format must escape.
const (
	hostileBraces = "Open { brace, 100% & \"quoted\" $5 #1 a_b ~ ^ \\ and\nnew line <script>alert('x')</script>"
	hostileClose  = "} closing first {, then %% and && trafficking"
)

// exportDocs are the conformance documents plus hostile ones, and extra
// generated documents when extra > 0.
func exportDocs(extra int) []*search.Document {
	docs := append(searchtest.Docs(),
		&search.Document{ID: "hostile-1", Title: hostileBraces, Lang: "en", Year: 2022, Date: "2022-02-03", Type: "study",
			Countries: []string{"HND"}, GCM: []int{10}, Source: "pdf/h1.pdf", Author: "Evil \"Org\" & {Partners}",
			SourceURL: "https://example.org/pubs/h1.pdf?a=1&b={2}",
			Pages:     []search.Page{{Number: 1, Text: "Intro."}, {Number: 2, Text: "Human trafficking <script>alert(1)</script> & {braces} 100% here."}}},
		&search.Document{ID: "hostile-2", Title: hostileClose, Lang: "es", Type: "web-page",
			Countries: []string{"HND"}, Source: "web/h2.html", SourceURL: "javascript:alert(1)",
			Pages: []search.Page{{Number: 1, Text: "Página sobre trata y trafficking."}}},
		&search.Document{ID: "formula", Title: "=cmd|' /C calc'!A0 trafficking", Lang: "en", Year: 2016, Type: "policy-text",
			Countries: []string{"MEX"}, Source: "pdf/f.pdf", Pages: []search.Page{{Number: 1, Text: "Policy on trafficking."}}},
	)
	for i := range extra {
		docs = append(docs, &search.Document{ID: fmt.Sprintf("gen-%03d", i), Title: fmt.Sprintf("Generated report %d on regularization", i),
			Lang: "en", Year: 2000 + i%20, Type: "study", Countries: []string{"CRI"}, GCM: []int{1 + i%23}, Source: "gen.pdf",
			Pages: []search.Page{{Number: 1, Text: "Regularization pathways, report number " + strconv.Itoa(i) + "."}}})
	}
	return docs
}

func newExportServer(t *testing.T, extra int) *httptest.Server {
	t.Helper()
	idx, err := bleve.Create(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	ctx := context.Background()
	for _, d := range exportDocs(extra) {
		if err := idx.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	if err := idx.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(web.Checked(t, web.New(idx, web.Options{Corpus: t.TempDir()})))
	t.Cleanup(srv.Close)
	return srv
}

// searchAll returns the hits of the search API for params (size 100).
func searchAll(t *testing.T, srv *httptest.Server, params string) searchResp {
	t.Helper()
	var r searchResp
	getJSON(t, srv, "/api/v1/search?size=100&"+params, 200, &r)
	return r
}

// oneLine is how a title reads once line breaks are collapsed.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

var dispositionRE = regexp.MustCompile(`^(attachment|inline); filename="faro-(evidence-)?[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.(bib|ris|json|csv|md|html)"$`)

func TestExportFormats(t *testing.T) {
	srv := newExportServer(t, 0)
	for _, params := range []string{"q=trata&country=HND", "q=trafficking", "country=HND", "q=zzzznothing"} {
		want := searchAll(t, srv, params)
		titles := map[string]string{} // id -> title
		for _, h := range want.Hits {
			titles[h.ID] = oneLine(h.Title)
		}
		wantTitles := slices.Sorted(func(yield func(string) bool) {
			for _, v := range titles {
				if !yield(v) {
					return
				}
			}
		})
		check := func(t *testing.T, format, ctype string, parse func(body []byte) (got []string, err error)) {
			t.Helper()
			resp, body := get(t, srv, "/api/v1/export?format="+format+"&"+params)
			if resp.StatusCode != 200 {
				t.Fatalf("status %d: %s", resp.StatusCode, body)
			}
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, ctype) {
				t.Errorf("content type %q, want %s", ct, ctype)
			}
			if cd := resp.Header.Get("Content-Disposition"); !dispositionRE.MatchString(cd) || !strings.HasPrefix(cd, "attachment") {
				t.Errorf("content disposition %q", cd)
			}
			if got := resp.Header.Get("X-Faro-Total"); got != strconv.Itoa(want.Total) {
				t.Errorf("X-Faro-Total = %s, want %d", got, want.Total)
			}
			got, err := parse(body)
			if err != nil {
				t.Fatalf("%v\n%s", err, body)
			}
			slices.Sort(got)
			if !slices.Equal(got, wantTitles) {
				t.Errorf("titles = %q\nwant %q", got, wantTitles)
			}
		}
		t.Run(params, func(t *testing.T) {
			t.Run("bibtex", func(t *testing.T) {
				check(t, "bibtex", "application/x-bibtex", func(body []byte) ([]string, error) {
					entries, err := citetest.ParseBibTeX(string(body))
					if err != nil {
						return nil, err
					}
					var out []string
					for _, e := range entries {
						title, err := e.Text("title")
						if err != nil {
							return nil, fmt.Errorf("entry %s: %w", e.Key, err)
						}
						if !strings.HasPrefix(e.Fields["url"], srv.URL+"/documents/") {
							return nil, fmt.Errorf("entry %s: url %q is not absolute on this host", e.Key, e.Fields["url"])
						}
						out = append(out, title)
					}
					return out, nil
				})
			})
			t.Run("ris", func(t *testing.T) {
				check(t, "ris", "application/x-research-info-systems", func(body []byte) ([]string, error) {
					recs, err := citetest.ParseRIS(string(body))
					var out []string
					for _, r := range recs {
						out = append(out, r.Get("TI"))
					}
					return out, err
				})
			})
			t.Run("csljson", func(t *testing.T) {
				check(t, "csljson", "application/vnd.citationstyles.csl+json", func(body []byte) ([]string, error) {
					items, err := citetest.ValidateCSL(body)
					var out []string
					for _, it := range items {
						out = append(out, it["title"].(string))
					}
					return out, err
				})
			})
			t.Run("csv", func(t *testing.T) {
				check(t, "csv", "text/csv", func(body []byte) ([]string, error) {
					rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
					if err != nil {
						return nil, err
					}
					seen := map[string]bool{}
					var out []string
					for _, row := range rows[1:] {
						if !seen[row[1]] {
							seen[row[1]] = true
							out = append(out, strings.TrimPrefix(row[2], "'"))
						}
					}
					return out, nil
				})
			})
		})
	}
}

func TestExportHostile(t *testing.T) {
	srv := newExportServer(t, 0)
	_, body := get(t, srv, "/api/v1/export?format=bibtex&q=trafficking")
	entries, err := citetest.ParseBibTeX(string(body))
	if err != nil {
		t.Fatalf("%v\n%s", err, body)
	}
	var h1 citetest.BibEntry
	for _, e := range entries {
		if strings.HasSuffix(e.Fields["url"], "/documents/hostile-1") {
			h1 = e
		}
	}
	if author, _ := h1.Text("author"); author != `Evil "Org" & {Partners}` {
		t.Errorf("hostile author = %q in %+v", author, h1)
	}
	if note, _ := h1.Text("note"); note != "Publisher URL: https://example.org/pubs/h1.pdf?a=1&b=%7B2%7D" {
		t.Errorf("publisher URL note = %q", note)
	}
	for _, format := range []string{"bibtex", "ris", "csljson", "csv"} {
		_, body := get(t, srv, "/api/v1/export?format="+format+"&q=trafficking")
		if bytes.Contains(body, []byte("javascript:")) {
			t.Errorf("%s: a javascript: URL from metadata was exported", format)
		}
	}
	// CSV: snippets with page numbers, marks removed and HTML unescaped.
	_, body = get(t, srv, "/api/v1/export?format=csv&q=trafficking")
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, row := range rows {
		if row[1] == "hostile-1" && row[15] == "2" {
			found = true
			if !strings.Contains(row[17], "Human trafficking <script>alert(1)</script> & {braces} 100% here.") || strings.Contains(row[17], "<mark>") {
				t.Errorf("passage = %q", row[17])
			}
		}
		if row[1] == "formula" && !strings.HasPrefix(row[2], "'=") {
			t.Errorf("formula title not neutralised: %q", row[2])
		}
	}
	if !found {
		t.Errorf("no page-2 passage of hostile-1 in:\n%s", body)
	}
	// CSL-JSON carries the passages with their pages.
	_, body = get(t, srv, "/api/v1/export?format=csljson&q=trafficking&ui=es")
	var items []struct {
		Title  string `json:"title"`
		Genre  string `json:"genre"`
		Custom struct {
			FaroID   string `json:"faro_id"`
			Passages []struct {
				Page int    `json:"page"`
				Text string `json:"text"`
			} `json:"passages"`
		} `json:"custom"`
	}
	if err := json.Unmarshal(body, &items); err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if it.Custom.FaroID == "hostile-1" {
			if it.Genre != "Estudio" || len(it.Custom.Passages) == 0 || it.Custom.Passages[0].Page != 2 {
				t.Errorf("hostile-1 item = %+v", it)
			}
		}
	}
}

func TestExportPagesThroughResults(t *testing.T) {
	srv := newExportServer(t, 205)
	want := searchAll(t, srv, "q=regularization")
	if want.Total < 205 {
		t.Fatalf("total %d", want.Total)
	}
	resp, body := get(t, srv, "/api/v1/export?format=bibtex&q=regularization&page=3&size=5")
	if resp.StatusCode != 200 {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	entries, err := citetest.ParseBibTeX(string(body))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != want.Total {
		t.Errorf("%d entries, want %d (every hit, page and size ignored)", len(entries), want.Total)
	}
	urls := map[string]bool{}
	for _, e := range entries {
		urls[e.Fields["url"]] = true
	}
	if len(urls) != len(entries) {
		t.Errorf("%d distinct documents in %d entries", len(urls), len(entries))
	}
}

func TestExportErrors(t *testing.T) {
	srv := newExportServer(t, 0)
	cases := []struct{ path, want string }{
		{"/api/v1/export?format=docx&q=trata", "parameter format"},
		{"/api/v1/export?format=&q=trata", "parameter format"},
		{"/api/v1/export?format=evidence-md", "parameter format"},
		{"/api/v1/export?format=bibtex&q=%22unclosed", "unclosed quote"},
		{"/api/v1/export?format=ris&country=XXX", "unknown country"},
		{"/api/v1/export?format=csv&year_from=2020&year_to=2010", "year_from"},
		{"/api/v1/export?format=bibtex&page=0", "parameter page"},
		{"/api/v1/evidence?format=pdf", "parameter format"},
		{"/api/v1/evidence?format=atom", "parameter format"},
		{"/api/v1/evidence?q=(trata", "position"},
	}
	for _, c := range cases {
		var e struct {
			Error string `json:"error"`
		}
		getJSON(t, srv, c.path, 400, &e)
		if !strings.Contains(e.Error, c.want) {
			t.Errorf("%s: error %q, want it to mention %q", c.path, e.Error, c.want)
		}
	}
	resp, _ := get(t, srv, "/feed.atom?gcm=99")
	if resp.StatusCode != 400 {
		t.Errorf("feed with a bad gcm: status %d", resp.StatusCode)
	}
	// A Host header that could inject into absolute URLs is refused.
	for _, host := range []string{"evil.example/\"}", "a b", "x.org:99999999", "<x>"} {
		req := httptest.NewRequest("GET", "/api/v1/export?format=bibtex", nil)
		req.Host = host
		rec := httptest.NewRecorder()
		srv.Config.Handler.ServeHTTP(rec, req)
		if rec.Code != 400 || !strings.Contains(rec.Body.String(), "bad Host header") {
			t.Errorf("Host %q: status %d, %s", host, rec.Code, rec.Body)
		}
	}
	for _, host := range []string{"faro.example.org", "127.0.0.1:8080", "[::1]:8080", "localhost"} {
		req := httptest.NewRequest("GET", "/api/v1/export?format=ris&q=trata", nil)
		req.Host = host
		rec := httptest.NewRecorder()
		srv.Config.Handler.ServeHTTP(rec, req)
		if rec.Code != 200 || !strings.Contains(rec.Body.String(), "UR  - http://"+host+"/documents/hn-trata") {
			t.Errorf("Host %q: status %d, %s", host, rec.Code, rec.Body)
		}
	}
}

func TestEvidencePack(t *testing.T) {
	srv := newExportServer(t, 0)
	resp, body := get(t, srv, "/api/v1/evidence?q=trata&country=HND")
	if resp.StatusCode != 200 {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/markdown") {
		t.Errorf("content type %q", ct)
	}
	if cd := resp.Header.Get("Content-Disposition"); !dispositionRE.MatchString(cd) || !strings.Contains(cd, "faro-evidence-trata-hnd-") {
		t.Errorf("content disposition %q", cd)
	}
	md := string(body)
	for _, want := range []string{
		"# Evidence pack: trata\n", "- **Query:** trata\n", "- **Filters:** Country: Honduras\n", " UTC\n",
		"\n## Objective 10 — Eradicate trafficking\n", "\n> La **trata** de personas",
		"[p. 2](<" + srv.URL + "/documents/hn-trata/file#page=2>)", "<" + srv.URL + "/documents/hn-trata>",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("evidence pack lacks %q:\n%s", want, md)
		}
	}
	if !regexp.MustCompile(`(?m)^- \*\*Generated:\*\* \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$`).MatchString(md) {
		t.Errorf("no generation date:\n%s", md)
	}

	_, body = get(t, srv, "/api/v1/evidence?q=trata&country=HND&ui=es")
	if es := string(body); !strings.Contains(es, "## Objetivo 10 — Erradicar la trata de personas") || !strings.Contains(es, "# Paquete de evidencia: trata") {
		t.Errorf("spanish pack:\n%s", es)
	}

	// Objectives by weight of evidence; documents without one last.
	_, body = get(t, srv, "/api/v1/evidence?q=trafficking")
	md = string(body)
	heads := regexp.MustCompile(`(?m)^## (.*)$`).FindAllStringSubmatch(md, -1)
	if len(heads) < 2 || heads[len(heads)-1][1] != "Other evidence" {
		t.Errorf("headings = %q", heads)
	}
	if strings.Contains(strings.ReplaceAll(md, `\<script`, ""), "<script") {
		t.Errorf("raw HTML from a document in the markdown:\n%s", md)
	}
}

func TestEvidenceHTMLAndCSV(t *testing.T) {
	srv := newExportServer(t, 0)
	resp, body := get(t, srv, "/api/v1/evidence?format=html&q=trafficking")
	if resp.StatusCode != 200 {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("content type %q", ct)
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "script-src") {
		t.Errorf("CSP %q", csp)
	}
	if !bytes.HasPrefix(body, []byte("<!DOCTYPE html>")) || !bytes.HasSuffix(bytes.TrimSpace(body), []byte("</html>")) {
		t.Errorf("not a complete page")
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if n := doc.Find("script").Length(); n != 0 {
		t.Errorf("%d script elements", n)
	}
	if doc.Find("section h2").Length() == 0 || doc.Find("blockquote mark").Length() == 0 {
		t.Errorf("no sections or marked quotes:\n%s", body)
	}
	if got := doc.Find("title").Text(); got != "Evidence pack: trafficking" {
		t.Errorf("title %q", got)
	}
	var h1quote string
	doc.Find("figure").Each(func(_ int, f *goquery.Selection) {
		if strings.Contains(f.Find("cite").Text(), "Open { brace") {
			h1quote = f.Find("blockquote").Text()
		}
	})
	if !strings.Contains(h1quote, "<script>alert(1)</script>") {
		t.Errorf("hostile passage not shown as text: %q", h1quote)
	}

	resp, body = get(t, srv, "/api/v1/evidence?format=csv&q=trata&country=HND")
	if ct := resp.Header.Get("Content-Type"); ct != "text/csv; charset=utf-8" {
		t.Errorf("content type %q", ct)
	}
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 2 || rows[1][0] != "10" || rows[1][6] == "" || strings.Contains(rows[1][7], "<mark>") {
		t.Errorf("rows = %q", rows)
	}
}

func TestFeed(t *testing.T) {
	srv := newExportServer(t, 30)
	resp, body := get(t, srv, "/feed.atom?country=HND&q=trata+OR+trafficking")
	if resp.StatusCode != 200 {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "application/atom+xml; charset=utf-8" {
		t.Errorf("content type %q", ct)
	}
	f, err := citetest.ParseAtom(body)
	if err != nil {
		t.Fatalf("invalid Atom: %v\n%s", err, body)
	}
	want := searchAll(t, srv, "country=HND&q=trata+OR+trafficking&sort=date_desc")
	if len(f.Entries) != len(want.Hits) {
		t.Fatalf("%d entries, want %d", len(f.Entries), len(want.Hits))
	}
	for i, e := range f.Entries {
		if e.ID != srv.URL+"/documents/"+want.Hits[i].ID {
			t.Errorf("entry %d id %q, want the document %s (newest first)", i, e.ID, want.Hits[i].ID)
		}
		if i > 0 && e.Updated > f.Entries[i-1].Updated {
			t.Errorf("entry %d is newer than the one before", i)
		}
	}
	if self := f.Links[0]; self.Rel != "self" || self.Href != srv.URL+"/feed.atom?country=HND&q=trata+OR+trafficking" {
		t.Errorf("self link %+v", self)
	}
	// Stable: the same URL gives the same bytes, whatever the clock.
	time.Sleep(1100 * time.Millisecond)
	if _, again := get(t, srv, "/feed.atom?q=trata+OR+trafficking&country=hnd"); !bytes.Equal(again, body) {
		t.Errorf("the feed changed between two requests:\n%s\n---\n%s", body, again)
	}

	// At most 20 entries; https behind a proxy.
	req, _ := http.NewRequest("GET", srv.URL+"/feed.atom?q=regularization", nil)
	req.Header.Set("X-Forwarded-Proto", "https")
	r, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Body.Close()
	var buf bytes.Buffer
	buf.ReadFrom(r.Body)
	f, err = citetest.ParseAtom(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Entries) != 20 || !strings.HasPrefix(f.ID, "https://") {
		t.Errorf("%d entries, id %q", len(f.Entries), f.ID)
	}
}
