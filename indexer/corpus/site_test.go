package corpus

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"faro/search"
	"faro/search/bleve"
)

// siteFixture is the fixture site of the HTML extractor: four pages, each
// with a menu, header, footer, cookie banner, closed modal, hidden
// elements, share and related boxes, teasers of the other pages and a
// newsletter line that only their repetition marks as boilerplate.
var siteFixture = filepath.Join("..", "extract", "testdata", "site")

func copyFixture(t *testing.T, dst string, names ...string) {
	t.Helper()
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join(siteFixture, n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, n), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestSiteChromeNeverSearched indexes the fixture site with Build and
// searches it: the chrome's phrases find nothing, a teaser's heading finds
// only the page it is about, and no snippet quotes the chrome.
func TestSiteChromeNeverSearched(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	copyFixture(t, filepath.Join(corpus, "web"), "remesas.html", "retorno.html", "salud.html", "acerca.html")
	if _, err := Build(ctx, corpus, filepath.Join(dir, "index"), true, Options{}); err != nil {
		t.Fatal(err)
	}
	idx, err := bleve.Open(filepath.Join(dir, "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()

	run := func(q string) *search.Result {
		t.Helper()
		res, err := idx.Search(ctx, search.Query{Text: q, Sort: search.SortRelevance, Page: 1, Size: 10})
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return res
	}
	// Phrases: a single word may still find a page through typo
	// tolerance.
	chrome := []string{`"accept all cookies"`, `"share on facebook"`, `"webinar on border policy"`, `"lottery visas"`,
		`"Migration Evidence Observatory"`, `"subscribe for monthly"`, `"caravans cross the border"`, `"axis tickmark"`,
		`"skip to content"`, `"learn more"`, `"decorative quote"`, `"search the site"`}
	for _, q := range chrome {
		if res := run(q); res.Total != 0 {
			t.Errorf("%s: %d hits, first %s; the chrome is indexed", q, res.Total, res.Hits[0].Source)
		}
	}
	teasers := map[string]string{
		`"remittances sustain rural households"`: "web/remesas.html",
		`"returnees need jobs"`:                  "web/retorno.html",
		`"clinics follow migrants"`:              "web/salud.html",
	}
	for q, want := range teasers {
		res := run(q)
		if res.Total != 1 || res.Hits[0].Source != want {
			var got []string
			for _, h := range res.Hits {
				got = append(got, h.Source)
			}
			t.Errorf("%s: hits %v, want only %s", q, got, want)
		}
	}
	// Snippets of ordinary queries: never a chrome word.
	chromeWords := []string{"cookie", "Observatory", "Home", "Facebook", "webinar", "lottery", "Privacy", "Newsletter", "Learn more", "Related"}
	for _, q := range []string{"remittances", "migrants", "returnees employers", "clinics", "survey households", "migration route"} {
		for _, h := range run(q).Hits {
			if h.Title == "" {
				t.Errorf("%s: %s has no title", q, h.Source)
			}
			for _, s := range h.Snippets {
				for _, w := range chromeWords {
					if strings.Contains(s.PlainText(), w) {
						t.Errorf("%s: snippet of %s quotes the chrome (%q): %s", q, h.Source, w, s.PlainText())
					}
				}
			}
		}
	}
}

// TestUploadUpdatesSiteBoilerplate uploads a third page of a site whose
// two pages share a line: the line becomes the site's boilerplate and
// leaves the uploaded page and the two already indexed.
func TestUploadUpdatesSiteBoilerplate(t *testing.T) {
	ctx := context.Background()
	w, idx, corpus := newTestWriter(t)
	copyFixture(t, filepath.Join(corpus, uploadsDir), "remesas.html", "retorno.html")
	if _, err := w.Reindex(ctx); err != nil {
		t.Fatal(err)
	}
	const line = "Newsletter: subscribe for monthly migration data briefs"
	count := func() int {
		res, err := idx.Search(ctx, search.Query{Text: `"monthly migration data briefs"`, Sort: search.SortRelevance, Page: 1, Size: 10})
		if err != nil {
			t.Fatal(err)
		}
		return int(res.Total)
	}
	if n := count(); n != 2 {
		t.Fatalf("before the upload %d pages carry the line, want 2", n)
	}
	data, err := os.ReadFile(filepath.Join(siteFixture, "salud.html"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := w.Add(ctx, "salud.html", data, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range doc.Pages {
		if strings.Contains(p.Text, line) {
			t.Errorf("the uploaded page keeps the site's line")
		}
	}
	if n := count(); n != 0 {
		t.Errorf("after the upload %d pages carry the line, want 0", n)
	}
	// Deleting it brings the line back to the other two.
	if err := w.Delete(ctx, doc.ID); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 2 {
		t.Errorf("after the deletion %d pages carry the line, want 2", n)
	}
}
