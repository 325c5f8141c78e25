package main

import (
	"context"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"faro/indexer/corpus"
	"faro/indexer/harvest/harvesttest"
)

// harvestArgs harvest the fixture site's two listings quickly.
func harvestArgs(site *harvesttest.Site, corpus, index string) []string {
	return []string{"harvest", "--corpus", corpus, "--index", index, "--delay", "0", "--parallel", "4",
		"--max-file-size", "64KB", "--request-timeout", "1500ms", "--contact", "km@example.org",
		site.URL + "/en/publications", site.URL + "/es/publicaciones"}
}

// count reads "  OUTCOME   N" from a harvest report.
func count(t *testing.T, out, outcome string) string {
	t.Helper()
	m := regexp.MustCompile(`(?m)^  ` + outcome + ` +(\d+)$`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no %q line in:\n%s", outcome, out)
	}
	return m[1]
}

// TestHarvestCommand harvests the fixture site, indexes it, finds a
// harvested PDF by a word of its listing's summary with the listing's
// title, and harvests again without transferring a document.
func TestHarvestCommand(t *testing.T) {
	site := harvesttest.New()
	defer site.Close()
	dir := t.TempDir()
	corpus, index := filepath.Join(dir, "corpus"), filepath.Join(dir, "data", "index")
	os.MkdirAll(corpus, 0o755)

	code, out, errs := runApp(t, harvestArgs(site, corpus, index)...)
	if code != 0 {
		t.Fatalf("harvest: exit %d\n%s\n%s", code, out, errs)
	}
	for outcome, want := range map[string]string{"new": "9", "updated": "0", "unchanged": "0", "gone": "0", "failed": "7"} {
		if got := count(t, out, outcome); got != want {
			t.Errorf("%s: %s, want %s\n%s", outcome, got, want, out)
		}
	}
	for _, reason := range []string{"robots", "http-404", "http-500", "timeout", "too-large", "wrong-type", "redirect-refused"} {
		if !strings.Contains(out, "  "+reason+" ") {
			t.Errorf("no failure reason %q in:\n%s", reason, out)
		}
	}
	if !strings.Contains(out, "indexed 9 documents") {
		t.Errorf("the harvest was not indexed:\n%s", out)
	}

	code, out, errs = runApp(t, "search", "--index", index, "--json", "radio dramas")
	if code != 0 {
		t.Fatalf("search: exit %d\n%s", code, errs)
	}
	var res struct {
		Hits []struct {
			Title, Summary, Source string
			SourceURL              string `json:"source_url"`
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("search output: %v\n%s", err, out)
	}
	if len(res.Hits) == 0 || res.Hits[0].Title != harvesttest.CampaignTitle || res.Hits[0].SourceURL != site.URL+"/files/ku-campaign-en.pdf" {
		t.Fatalf("search 'radio dramas': %+v", res.Hits)
	}

	// Second run: everything unchanged, nothing transferred or indexed.
	before := site.Transferred()
	code, out, errs = runApp(t, harvestArgs(site, corpus, index)...)
	if code != 0 {
		t.Fatalf("second harvest: exit %d\n%s\n%s", code, out, errs)
	}
	if got := count(t, out, "unchanged"); got != "9" || site.Transferred() != before {
		t.Errorf("second run: %s unchanged, %d bodies transferred\n%s", got, site.Transferred()-before, out)
	}
	if !strings.Contains(out, "(0 B of documents transferred)") || !strings.Contains(out, "indexed 0 documents") {
		t.Errorf("second run transferred or indexed something:\n%s", out)
	}

	// Gone twice: moved to deleted/ beside the index, out of the index.
	site.Lock()
	site.Hidden["/files/remittances.pdf"] = true
	site.Unlock()
	for range 2 {
		if code, out, errs = runApp(t, harvestArgs(site, corpus, index)...); code != 0 {
			t.Fatalf("harvest: exit %d\n%s\n%s", code, out, errs)
		}
	}
	if count(t, out, "gone") != "1" || !regexp.MustCompile(`(?m)^  removed +1$`).MatchString(out) {
		t.Errorf("gone twice, not removed:\n%s", out)
	}
	trash, _ := filepath.Glob(filepath.Join(dir, "data", "deleted", "*remittances.pdf*"))
	if len(trash) != 2 { // the PDF and its sidecar
		t.Errorf("deleted/ holds %v", trash)
	}
}

// TestHarvestBrowser serves the harvested corpus and finds the harvested
// PDF by a word of its summary on the page in Chromium, with the listing's
// title, and the document page's link to the listing.
func TestHarvestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	exe := requireChromium(t)
	site := harvesttest.New()
	defer site.Close()
	dir := t.TempDir()
	corpus, index := filepath.Join(dir, "corpus"), filepath.Join(dir, "index")
	os.MkdirAll(corpus, 0o755)
	if code, out, errs := runApp(t, append([]string{"harvest", "--no-index"}, harvestArgs(site, corpus, index)[1:]...)...); code != 0 {
		t.Fatalf("harvest: exit %d\n%s\n%s", code, out, errs)
	}
	ts := startServe(t, "--index", index, "--corpus", corpus)
	deadline := time.Now().Add(time.Minute)
	for ts.total(t, "q=") < len(harvesttest.Expected) {
		if time.Now().After(deadline) {
			t.Fatalf("the harvest was not indexed:\n%s", ts.logs.String())
		}
		time.Sleep(200 * time.Millisecond)
	}

	ctx := newBrowser(t, context.Background(), exe)

	if _, err := chromedp.Run(ctx, chromedp.NavigateResponse(ts.base+"/?q="+url.QueryEscape("dramas"))); err != nil {
		t.Fatalf("search page: %v", err)
	}
	list, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
	if err != nil {
		t.Fatalf("search page text: %v", err)
	}
	if !strings.Contains(list, harvesttest.CampaignTitle) {
		t.Fatalf("the result list lacks the listing's title %q:\n%s", harvesttest.CampaignTitle, list)
	}
	links, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
		`[...document.querySelectorAll('a[href^="/documents/"]')].map(a => a.getAttribute('href')).filter(h => !h.includes('/file'))`))
	if err != nil || len(links) == 0 {
		t.Fatalf("no link to a document page: %v", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.NavigateResponse(ts.base+links[0])); err != nil {
		t.Fatalf("document page: %v", err)
	}
	listing, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector('a.listing') || {}).href || ''`))
	if err != nil {
		t.Fatalf("document page: %v", err)
	}
	if listing != site.URL+"/en/publications" {
		t.Errorf("the document page links the listing %q, want %q", listing, site.URL+"/en/publications")
	}
}

// TestServeHarvest: `faro serve --harvest URL` harvests at start and the
// documents become searchable without a restart.
func TestServeHarvest(t *testing.T) {
	site := harvesttest.New()
	defer site.Close()
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	os.MkdirAll(corpus, 0o755)
	ts := startServe(t, "--index", filepath.Join(dir, "index"), "--corpus", corpus,
		"--harvest", site.URL+"/en/publications", "--harvest-every", "24h", "--harvest-delay", "0",
		"--harvest-max-file-size", "64KB", "--harvest-request-timeout", "1500ms")
	const want = 7 // the English listings' documents that can be harvested
	deadline := time.Now().Add(time.Minute)
	for ts.total(t, "q=") < want {
		if time.Now().After(deadline) {
			t.Fatalf("the harvest was not indexed:\n%s", ts.logs.String())
		}
		time.Sleep(200 * time.Millisecond)
	}
	if n := ts.total(t, "q="+url.QueryEscape("radio dramas")); n != 1 {
		t.Errorf("'radio dramas' finds %d documents, want the campaign summary", n)
	}
}

func TestHarvestFlagsEnvironment(t *testing.T) {
	t.Setenv("FARO_HARVEST_CONTACT", "km@example.org")
	t.Setenv("FARO_HARVEST_PREFIX", "/es/publicaciones,/sites/default/files")
	t.Setenv("FARO_HARVEST_DELAY", "3s")
	for _, prefix := range []string{"", "harvest-"} {
		fs := newFlags("x", &syncBuffer{})
		hf := fs.harvestFlags(prefix)
		if err := fs.parse([]string{"--" + prefix + "max-pages", "7"}); err != nil {
			t.Fatal(err)
		}
		o, err := hf.options([]string{"https://example.org/es/publicaciones"}, "corpus", "data/index", nil)
		if err != nil {
			t.Fatal(err)
		}
		if o.Contact != "km@example.org" || len(o.Prefixes) != 2 || o.Delay != 3*time.Second || o.MaxPages != 7 {
			t.Errorf("prefix %q: %+v", prefix, o)
		}
	}
	t.Setenv("FARO_HARVEST_PARALLEL", "two")
	fs := newFlags("x", &syncBuffer{})
	fs.harvestFlags("")
	if err := fs.parse(nil); err == nil || !strings.Contains(err.Error(), "FARO_HARVEST_PARALLEL") {
		t.Errorf("bad FARO_HARVEST_PARALLEL: %v", err)
	}
}

// A server holding the index: the harvest stores its documents and leaves
// indexing to the server.
func TestHarvestIndexLocked(t *testing.T) {
	site := harvesttest.New()
	defer site.Close()
	dir := t.TempDir()
	corpus, index := filepath.Join(dir, "corpus"), filepath.Join(dir, "index")
	os.MkdirAll(corpus, 0o755)
	lock, err := corpusLockForTest(index)
	if err != nil {
		t.Fatal(err)
	}
	defer lock()
	code, out, errs := runApp(t, harvestArgs(site, corpus, index)...)
	if code != 0 || !strings.Contains(out, "not indexed: ") || count(t, out, "new") != "9" {
		t.Errorf("exit %d\n%s\n%s", code, out, errs)
	}
}

func corpusLockForTest(index string) (func(), error) {
	l, err := corpus.LockIndex(context.Background(), index, 0, "faro serve")
	if err != nil {
		return nil, err
	}
	return func() { l.Unlock() }, nil
}
