package harvest_test

import (
	"context"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"faro/indexer"
	"faro/indexer/harvest"
	"faro/indexer/harvest/harvesttest"
)

// options harvests the fixture site's two listings into corpus, fast and
// with small limits.
func options(site *harvesttest.Site, corpus string, gone *[]string) harvest.Options {
	return harvest.Options{
		Start:          []string{site.URL + "/en/publications", site.URL + "/es/publicaciones"},
		Corpus:         corpus,
		Contact:        "km@example.org",
		Delay:          -1,
		Parallel:       4,
		MaxFileBytes:   64 << 10,
		RequestTimeout: 1500 * time.Millisecond,
		Gone: func(rel string) error {
			*gone = append(*gone, rel)
			full := filepath.Join(corpus, filepath.FromSlash(rel))
			os.Remove(full + ".meta.json")
			return os.Remove(full)
		},
	}
}

func byPath(t *testing.T, site *harvesttest.Site, rep *harvest.Report) map[string]harvest.Item {
	t.Helper()
	out := map[string]harvest.Item{}
	for _, d := range rep.Documents {
		u, err := url.Parse(d.URL)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(d.URL, site.URL) {
			t.Errorf("document of another host in the report: %s", d.URL)
		}
		out[u.Path] = d
	}
	return out
}

func TestHarvestFixtureSite(t *testing.T) {
	site := harvesttest.New()
	defer site.Close()
	corpus := t.TempDir()
	var gone []string
	opts := options(site, corpus, &gone)
	ctx := context.Background()

	// First run: exactly the allowed documents, each failure with its
	// reason.
	rep, err := harvest.Run(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	got := byPath(t, site, rep)
	for _, p := range harvesttest.Expected {
		if d, ok := got[p]; !ok || d.Outcome != harvest.New {
			t.Errorf("%s: got %+v, want new", p, d)
		}
	}
	for p, reason := range harvesttest.Failed {
		if d := got[p]; d.Outcome != harvest.Failed || d.Reason != reason {
			t.Errorf("%s: got %s %q (%s), want failed %q", p, d.Outcome, d.Reason, d.Err, reason)
		}
	}
	if len(got) != len(harvesttest.Expected)+len(harvesttest.Failed) {
		var paths []string
		for p := range got {
			paths = append(paths, p)
		}
		slices.Sort(paths)
		t.Errorf("report lists %d documents, want %d: %v", len(got), len(harvesttest.Expected)+len(harvesttest.Failed), paths)
	}
	if rep.Pages != 5 { // en, en?page=1, en?page=2, es, es/pagina-2
		t.Errorf("listing pages read: %d, want 5 (errors %v)", rep.Pages, rep.PageErrors)
	}
	if site.Transfers["/files/ku-campaign-en.pdf"] != 1 {
		t.Errorf("the campaign PDF, linked 4 times, was downloaded %d times", site.Transfers["/files/ku-campaign-en.pdf"])
	}

	// Files and sidecars: what the listing said.
	host := strings.ReplaceAll(strings.TrimPrefix(site.URL, "http://"), ":", "_")
	for _, tc := range []struct {
		path, title, summary, date, lang, listing string
	}{
		{"harvest/" + host + "/files/ku-campaign-en.pdf", harvesttest.CampaignTitle, harvesttest.CampaignSummary, "2021-05-10", "en", "/en/publications"},
		{"harvest/" + host + "/files/ninez.pdf", harvesttest.NinezTitle, "Protección de niñas y niños migrantes no acompañados.", "", "es", "/es/publicaciones/pagina-2"},
		{"harvest/" + host + "/docs/old-guide.pdf", "Return and reintegration guide", "Steps for returnees.", "", "en", "/en/publications"},
		{"harvest/" + host + "/stories/story-1.html", "A journey north", "The story of a family on the move.", "2023-02-01", "en", "/en/publications"},
		{"harvest/" + host + "/files/story-annex.pdf", "Annex: voices from the route", "Testimonies gathered for the story.", "", "en", "/stories/story-1.html"},
	} {
		full := filepath.Join(corpus, filepath.FromSlash(tc.path))
		if _, err := os.Stat(full); err != nil {
			t.Errorf("%s: %v", tc.path, err)
			continue
		}
		data, err := os.ReadFile(full + ".meta.json")
		if err != nil {
			t.Errorf("%s: sidecar: %v", tc.path, err)
			continue
		}
		var side indexer.Sidecar
		dec := json.NewDecoder(strings.NewReader(string(data)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&side); err != nil {
			t.Errorf("%s: sidecar: %v", tc.path, err)
		}
		if side.Title != tc.title || side.Summary != tc.summary || side.Date != tc.date || side.ListingLang != tc.lang ||
			side.ListingURL != site.URL+tc.listing || !strings.HasPrefix(side.SourceURL, site.URL+"/") {
			t.Errorf("%s: sidecar %+v", tc.path, side)
		}
	}
	if _, err := os.Stat(filepath.Join(corpus, "harvest", host, "files", "fake.pdf")); err == nil {
		t.Error("the HTML page served as a PDF was stored")
	}

	// Second run: nothing changed, no document body transferred.
	before := site.Transferred()
	rep, err = harvest.Run(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	if n := site.Transferred() - before; n != 0 {
		t.Errorf("second run transferred %d document bodies, want 0: %v", n, site.Transfers)
	}
	if rep.DocumentBytes != 0 {
		t.Errorf("second run: %d document bytes", rep.DocumentBytes)
	}
	if n := rep.Count(harvest.Unchanged); n != len(harvesttest.Expected) || rep.Changed() {
		t.Errorf("second run: %d unchanged of %d, changed %v", n, len(harvesttest.Expected), rep.Changed())
	}

	// A new version of one PDF and a new summary for another: both
	// updated, the rest unchanged.
	site.Lock()
	site.Docs["/files/labour-study.pdf"].Body = harvesttest.PDF("Labour study", "Second edition.")
	site.Docs["/files/labour-study.pdf"].LastMod = time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC).Format("Mon, 02 Jan 2006 15:04:05 GMT")
	site.Docs["/files/guia-retorno.pdf"].Summary = "Pasos para regresar, segunda edición."
	// The remittances fact sheet leaves the listing.
	site.Hidden["/files/remittances.pdf"] = true
	site.Unlock()
	rep, err = harvest.Run(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	got = byPath(t, site, rep)
	if got["/files/labour-study.pdf"].Outcome != harvest.Updated || got["/files/guia-retorno.pdf"].Outcome != harvest.Updated {
		t.Errorf("third run: labour %+v, guia %+v, want updated", got["/files/labour-study.pdf"], got["/files/guia-retorno.pdf"])
	}
	if _, listed := got["/files/remittances.pdf"]; listed || len(gone) != 0 {
		t.Errorf("missing once: reported %v, gone %v; want kept", got["/files/remittances.pdf"], gone)
	}
	remittances := filepath.Join(corpus, "harvest", host, "files", "remittances.pdf")
	if _, err := os.Stat(remittances); err != nil {
		t.Errorf("missing once, the file must stay: %v", err)
	}

	// Missing on a second run: gone, moved out.
	rep, err = harvest.Run(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	got = byPath(t, site, rep)
	if got["/files/remittances.pdf"].Outcome != harvest.Gone || !slices.Equal(gone, []string{"harvest/" + host + "/files/remittances.pdf"}) {
		t.Errorf("missing twice: %+v, gone %v", got["/files/remittances.pdf"], gone)
	}
	if _, err := os.Stat(remittances); err == nil {
		t.Error("gone document still in the corpus")
	}
}

// A run that could not read a listing page counts nobody missing.
func TestHarvestIncompleteRunKeepsDocuments(t *testing.T) {
	site := harvesttest.New()
	defer site.Close()
	corpus := t.TempDir()
	var gone []string
	opts := options(site, corpus, &gone)
	ctx := context.Background()
	if _, err := harvest.Run(ctx, opts); err != nil {
		t.Fatal(err)
	}
	// The Spanish listing now fails: its documents are not seen, twice.
	opts.Start = []string{site.URL + "/en/publications", site.URL + "/es/missing-listing"}
	for range 2 {
		rep, err := harvest.Run(ctx, opts)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Complete || len(rep.PageErrors) != 1 || rep.PageErrors[0].Reason != "http-404" {
			t.Errorf("complete %v, page errors %+v", rep.Complete, rep.PageErrors)
		}
	}
	if len(gone) != 0 {
		t.Errorf("documents gone after incomplete runs: %v", gone)
	}
}

func TestHarvestLimits(t *testing.T) {
	site := harvesttest.New()
	defer site.Close()
	ctx := context.Background()
	for _, tc := range []struct {
		name  string
		set   func(*harvest.Options)
		limit string
	}{
		{"pages", func(o *harvest.Options) { o.MaxPages = 2 }, "pages"},
		{"depth", func(o *harvest.Options) { o.MaxDepth = 1 }, "depth"},
		{"run bytes", func(o *harvest.Options) { o.MaxRunBytes = 2000 }, "run-bytes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var gone []string
			opts := options(site, t.TempDir(), &gone)
			tc.set(&opts)
			rep, err := harvest.Run(ctx, opts)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Complete || !slices.Contains(rep.Limits, tc.limit) {
				t.Errorf("complete %v, limits %v; want %q", rep.Complete, rep.Limits, tc.limit)
			}
		})
	}
}

func TestHarvestOptions(t *testing.T) {
	for _, tc := range []struct {
		name string
		o    harvest.Options
	}{
		{"no start", harvest.Options{Corpus: "x"}},
		{"no corpus", harvest.Options{Start: []string{"http://example.org/"}}},
		{"bad scheme", harvest.Options{Corpus: "x", Start: []string{"ftp://example.org/"}}},
		{"outside prefixes", harvest.Options{Corpus: "x", Start: []string{"http://example.org/a"}, Prefixes: []string{"/b"}}},
	} {
		if _, err := harvest.Run(context.Background(), tc.o); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
	if ua := (harvest.Options{Contact: "km@example.org"}).UserAgent(); !strings.Contains(ua, "Faro") || !strings.Contains(ua, "km@example.org") {
		t.Errorf("User-Agent %q", ua)
	}
}

// A run whose time limit ends while a document is on its way says so.
func TestHarvestRunTimeout(t *testing.T) {
	site := harvesttest.New()
	defer site.Close()
	var gone []string
	opts := options(site, t.TempDir(), &gone)
	opts.Timeout = 3 * time.Second
	opts.RequestTimeout = time.Minute // the slow PDF outlives the run
	rep, err := harvest.Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	got := byPath(t, site, rep)
	if rep.Complete || !slices.Contains(rep.Limits, "time") || got["/files/slow.pdf"].Reason != "timeout" {
		t.Errorf("complete %v, limits %v, slow %+v", rep.Complete, rep.Limits, got["/files/slow.pdf"])
	}
}
