package web

// Browser tests: the search and document pages driven in headless Chromium
// with chromedp, over a real bleve index (newPageServer in page_test.go).
//
// They need Chromium or Chrome on the PATH (chromium, chromium-browser,
// google-chrome). Without one they skip, unless the environment variable CI
// is set, where a missing browser fails the run. On failure a screenshot
// goes into the test's temporary folder (kept when FARO_SCREENSHOTS names a
// folder to write to instead); set FARO_SCREENSHOTS to also keep phone and
// desktop screenshots of the main pages.

import (
	"context"
	"fmt"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Time limits against a hung browser: the whole browser test, and one
// scenario. They are generous: a busy 2-core machine runs the scenarios
// several times slower than a quiet one.
const (
	browserBudget  = 240 * time.Second
	scenarioBudget = 30 * time.Second
)

// findBrowser returns the path of a Chromium-based browser, skipping (or
// failing on CI) when there is none.
func findBrowser(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := "no Chromium or Chrome found on PATH (tried chromium, chromium-browser, google-chrome); install chromium to run the browser tests"
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// startBrowser starts headless Chromium for the test and returns its
// context; the browser stops when the test ends.
func startBrowser(t *testing.T) context.Context {
	t.Helper()
	exe := findBrowser(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("lang", "en-US"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	root, cancel := context.WithTimeout(context.Background(), browserBudget)
	t.Cleanup(cancel)
	actx, cancelAlloc := chromedp.NewExecAllocator(root, opts...)
	t.Cleanup(cancelAlloc)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	t.Cleanup(cancelBrowser)
	start, cancelStart := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancelStart()
	done := make(chan error, 1)
	go func() { done <- chromedp.Do(bctx) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("start %s: %v", exe, err)
		}
	case <-start.Done():
		t.Fatalf("start %s: no answer in 20s", exe)
	}
	return bctx
}

// tab is one browser tab for one scenario: its actions time out, and it
// records JavaScript dialogs, exceptions and CSP violations.
type tab struct {
	t    *testing.T
	srv  *httptest.Server
	tab  context.Context // the tab, no deadline: for failure screenshots
	ctx  context.Context // the tab with the scenario's deadline
	mu   sync.Mutex
	dlg  []string
	errs []string
}

func newTab(t *testing.T, browser context.Context, srv *httptest.Server) *tab {
	t.Helper()
	tctx, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	if err := chromedp.Do(tctx); err != nil {
		t.Fatalf("open a tab: %v", err)
	}
	ctx, cancelDeadline := context.WithTimeout(tctx, scenarioBudget)
	t.Cleanup(cancelDeadline)
	b := &tab{t: t, srv: srv, tab: tctx, ctx: ctx}
	// Any dialog is a failure (an injected alert); dismiss it so the page
	// goes on.
	dialogs := chromedp.Events(ctx, cdppage.JavascriptDialogOpening)
	go func() {
		for ev, err := range dialogs {
			if err != nil {
				return
			}
			b.mu.Lock()
			b.dlg = append(b.dlg, string(ev.Type)+": "+ev.Message)
			b.mu.Unlock()
			_, _ = chromedp.Call(ctx, cdppage.HandleJavaScriptDialog, cdppage.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	console := chromedp.Console(ctx)
	go func() {
		for m, err := range console {
			if err != nil {
				return
			}
			s := m.String()
			if m.IsException() || strings.Contains(s, "Content Security Policy") || strings.Contains(s, "Content-Security-Policy") {
				b.mu.Lock()
				b.errs = append(b.errs, s)
				b.mu.Unlock()
			}
		}
	}()
	t.Cleanup(func() {
		b.mu.Lock()
		defer b.mu.Unlock()
		if len(b.dlg) > 0 {
			t.Errorf("JavaScript dialogs opened: %q", b.dlg)
		}
		if len(b.errs) > 0 {
			t.Errorf("JavaScript errors or CSP violations: %q", b.errs)
		}
	})
	return b
}

// fail saves a screenshot of the tab and fails the test.
func (b *tab) fail(format string, args ...any) {
	b.t.Helper()
	msg := fmt.Sprintf(format, args...)
	if path := b.screenshot("failure"); path != "" {
		msg += "\nscreenshot: " + path
	}
	b.t.Fatal(msg)
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9_.-]+`)

// screenshot saves a full-page PNG of the tab and returns its path, or ""
// when it could not.
func (b *tab) screenshot(name string) string {
	dir := os.Getenv("FARO_SCREENSHOTS")
	if dir == "" {
		dir = b.t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		b.t.Logf("screenshot: %v", err)
		return ""
	}
	ctx, cancel := context.WithTimeout(b.tab, 5*time.Second)
	defer cancel()
	buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Logf("screenshot: %v", err)
		return ""
	}
	path := filepath.Join(dir, unsafeName.ReplaceAllString(b.t.Name()+"-"+name, "_")+".png")
	if err := os.WriteFile(path, buf, 0o644); err != nil {
		b.t.Logf("screenshot: %v", err)
		return ""
	}
	return path
}

func (b *tab) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		b.fail("%s: %v", what, err)
	}
}

// open navigates to a path of the test server and waits for the page.
func (b *tab) open(path string) {
	b.t.Helper()
	resp, err := chromedp.Run(b.ctx, chromedp.NavigateResponse(b.srv.URL+path))
	if err != nil {
		b.fail("open %s: %v", path, err)
	}
	if resp.Status >= 500 {
		b.fail("open %s: status %d", path, resp.Status)
	}
}

// follow clicks (or presses keys on) something that loads a new page and
// waits for it.
func (b *tab) follow(what string, trigger chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	resp, err := chromedp.RunResponse(b.ctx, trigger)
	if err != nil {
		b.fail("%s: %v", what, err)
	}
	if resp == nil || resp.Status != 200 {
		b.fail("%s: response %+v", what, resp)
	}
}

// eval runs JavaScript in the page and decodes its result.
func eval[T any](b *tab, js string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		b.fail("evaluate %s: %v", js, err)
	}
	return v
}

func (b *tab) location() *url.URL {
	b.t.Helper()
	loc, err := chromedp.Run(b.ctx, chromedp.Location())
	if err != nil {
		b.fail("location: %v", err)
	}
	u, err := url.Parse(loc)
	if err != nil {
		b.fail("location %q: %v", loc, err)
	}
	return u
}

// countryCounts reads the country facet: value -> count.
const countryCountsJS = `Object.fromEntries([...document.querySelectorAll('section[data-facet="country"] a.fv')]
	.map(a => [a.dataset.value, a.querySelector('.count').textContent.trim()]))`

func TestBrowser(t *testing.T) {
	srv := newPageServer(t)
	browser := startBrowser(t)
	started := time.Now()
	t.Cleanup(func() { t.Logf("browser scenarios took %s", time.Since(started).Round(time.Millisecond)) })
	searchPath := "/?q=" + url.QueryEscape("migración")

	t.Run("search highlights and counts", func(t *testing.T) {
		b := newTab(t, browser, srv)
		b.open(searchPath)
		b.do("results", chromedp.WaitVisible(chromedp.CSS("li.hit mark")))
		hits := eval[int](b, `document.querySelectorAll('li.hit').length`)
		marks := eval[[]string](b, `[...document.querySelectorAll('li.hit mark')].map(m => m.textContent)`)
		if hits < 4 || len(marks) == 0 {
			b.fail("%d hits, marks %q", hits, marks)
		}
		exact := 0
		for _, m := range marks {
			if strings.HasPrefix(strings.ToLower(foldASCII(m)), "migracion") {
				exact++
			}
		}
		if exact == 0 {
			b.fail("no mark on migración itself: %q", marks)
		}
		counts := eval[map[string]string](b, countryCountsJS)
		if counts["HND"] == "" || counts["GTM"] == "" || counts["MEX"] == "" {
			b.fail("country counts %v", counts)
		}
		live := eval[string](b, `document.querySelector('[aria-live="polite"]').textContent`)
		if !strings.Contains(live, "results") {
			b.fail("live result count %q", live)
		}
		// More than eight countries: "show all" opens the rest.
		if eval[bool](b, `document.querySelector('section[data-facet="country"] details.showall').open`) {
			b.fail("show all open from the start")
		}
		b.do("show all", chromedp.Click(chromedp.CSS(`section[data-facet="country"] details.showall summary`)),
			chromedp.WaitVisible(chromedp.CSS(`section[data-facet="country"] details.showall li`)))
	})

	t.Run("facet narrows and keeps other counts", func(t *testing.T) {
		b := newTab(t, browser, srv)
		b.open(searchPath)
		before := eval[map[string]string](b, countryCountsJS)
		total := eval[string](b, `document.querySelector('#total .n').textContent`)
		b.follow("click Honduras", chromedp.Click(chromedp.CSS(`section[data-facet="country"] a[data-value="HND"]`)))
		if got := b.location().Query()["country"]; len(got) != 1 || got[0] != "HND" {
			b.fail("location after Honduras: %s", b.location())
		}
		after := eval[map[string]string](b, countryCountsJS)
		newTotal := eval[string](b, `document.querySelector('#total .n').textContent`)
		if newTotal == total || newTotal != before["HND"] {
			b.fail("total %s -> %s, want the Honduras count %s", total, newTotal, before["HND"])
		}
		for _, c := range []string{"GTM", "MEX", "HND"} {
			if after[c] != before[c] {
				b.fail("%s count %s -> %s after choosing Honduras", c, before[c], after[c])
			}
		}
		badges := eval[[]string](b, `[...document.querySelectorAll('li.hit .meta')].map(m => m.textContent)`)
		for _, m := range badges {
			if !strings.Contains(m, "Honduras") {
				b.fail("hit without Honduras: %q", m)
			}
		}
		if !eval[bool](b, `document.querySelector('section[data-facet="country"] a[data-value="HND"]').classList.contains('on')`) {
			b.fail("Honduras not ticked")
		}
		// The chip removes the filter again.
		b.follow("remove chip", chromedp.Click(chromedp.CSS(`ul.chips a`)))
		if b.location().Query().Has("country") {
			b.fail("chip did not remove the filter: %s", b.location())
		}
	})

	t.Run("document shows GCM evidence", func(t *testing.T) {
		b := newTab(t, browser, srv)
		b.open(searchPath + "&country=HND")
		b.follow("open the document", chromedp.Click(chromedp.CSS(`li.hit h2 a[href^="/documents/hn-migra"]`)))
		if !strings.HasPrefix(b.location().Path, "/documents/hn-migra") {
			b.fail("location %s", b.location())
		}
		b.do("evidence", chromedp.WaitVisible(chromedp.CSS("#why-gcm-10")))
		why := eval[string](b, `document.querySelector('#why-gcm-10').innerText`)
		for _, want := range []string{"10 · Eradicate trafficking", "trata de personas", "10(c)", "inferred from the text"} {
			if !strings.Contains(why, want) {
				b.fail("GCM 10 evidence lacks %q: %q", want, why)
			}
		}
		// The evidence's page link jumps to the page text.
		b.do("page link", chromedp.Click(chromedp.CSS(`#why-gcm-10 .evidence a[href="#page-2"]`)))
		if b.location().Fragment != "page-2" || !eval[bool](b, `document.querySelector('#page-2').matches(':target')`) {
			b.fail("page link did not reach #page-2: %s", b.location())
		}
		if eval[int](b, `document.querySelectorAll('#page-2 mark').length`) == 0 {
			b.fail("search words not marked on the page")
		}
		back := eval[string](b, `document.querySelector('p.back a').href`)
		if u, _ := url.Parse(back); u.Query().Get("q") != "migración" || u.Query().Get("country") != "HND" {
			b.fail("back link %q loses the search", back)
		}
	})

	t.Run("language switch", func(t *testing.T) {
		b := newTab(t, browser, srv)
		b.open(searchPath + "&country=HND")
		if l := eval[string](b, `document.documentElement.lang`); l != "en" {
			b.fail("default language %q with an English browser", l)
		}
		b.follow("switch to Spanish", chromedp.Click(chromedp.CSS("a.switch")))
		v := b.location().Query()
		if v.Get("ui") != "es" || v.Get("q") != "migración" || v.Get("country") != "HND" {
			b.fail("switch lost the search: %s", b.location())
		}
		got := eval[map[string]string](b, `({
			lang: document.documentElement.lang,
			button: document.querySelector('.searchbar button').textContent,
			country: document.querySelector('section[data-facet="country"] h3').textContent,
			gcm: document.querySelector('section[data-facet="gcm"] h3').textContent,
			mexico: document.querySelector('section[data-facet="country"] a[data-value="MEX"] .lbl').textContent,
			type: document.querySelector('section[data-facet="type"] a[data-value="study"] .lbl').textContent,
			hit: document.querySelector('li.hit h2 a').getAttribute('href'),
			facet: document.querySelector('section[data-facet="gcm"] a.fv').getAttribute('href'),
		})`)
		want := map[string]string{"lang": "es", "button": "Buscar", "country": "País", "gcm": "Objetivo del Pacto Mundial", "mexico": "México", "type": "Estudio"}
		for k, w := range want {
			if got[k] != w {
				b.fail("%s = %q, want %q", k, got[k], w)
			}
		}
		for _, k := range []string{"hit", "facet"} {
			if !strings.Contains(got[k], "ui=es") {
				b.fail("%s link %q loses ui=es", k, got[k])
			}
		}
	})

	t.Run("hostile title stays text", func(t *testing.T) {
		b := newTab(t, browser, srv)
		for _, p := range []string{"/?q=payload", "/documents/xss", "/documents/xss?q=payload&ui=es"} {
			b.open(p)
			b.do("wait", chromedp.WaitReady(chromedp.CSS("body")), chromedp.Sleep(200*time.Millisecond))
			got := eval[map[string]any](b, `({
				title: (document.querySelector('li.hit h2') || document.querySelector('h1')).textContent,
				imgs: document.querySelectorAll('img, svg, iframe').length,
				scripts: [...document.scripts].map(s => s.getAttribute('src')),
				pwned: typeof window.__pwned,
			})`)
			if got["title"] != hostileTitle {
				b.fail("%s: title %q, want the text %q", p, got["title"], hostileTitle)
			}
			if got["imgs"] != float64(0) {
				b.fail("%s: %v injected elements", p, got["imgs"])
			}
			if s, _ := got["scripts"].([]any); len(s) != 1 || s[0] != "/static/app.js" {
				b.fail("%s: scripts %v", p, got["scripts"])
			}
		}
		b.mu.Lock()
		defer b.mu.Unlock()
		if len(b.dlg) > 0 {
			b.fail("dialogs opened: %q", b.dlg)
		}
	})

	t.Run("keyboard reaches search box and facets with visible focus", func(t *testing.T) {
		b := newTab(t, browser, srv)
		b.open(searchPath)
		type focus struct {
			Tag, ID, Class, Value, Outline string
			Width                          float64
			Visible                        bool
		}
		var sawQ, sawFacet, sawSkip bool
		var facetValue string
		for i := 0; i < 40 && !(sawQ && sawFacet); i++ {
			b.do("tab", chromedp.KeyEvent("\t"))
			f := eval[focus](b, `(() => {
				const e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();
				return {Tag: e.tagName, ID: e.id, Class: e.className, Value: e.dataset.value || '',
					Outline: s.outlineStyle, Width: parseFloat(s.outlineWidth) || 0,
					Visible: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0};
			})()`)
			visible := f.Visible && f.Outline != "none" && f.Width >= 2
			switch {
			case strings.Contains(f.Class, "skip"):
				sawSkip = true
				if !visible {
					b.fail("skip link focused without a visible focus: %+v", f)
				}
			case f.ID == "q":
				sawQ = true
				if !visible {
					b.fail("search box focused without a visible focus: %+v", f)
				}
			case strings.Contains(f.Class, "fv"):
				sawFacet, facetValue = true, f.Value
				if !visible {
					b.fail("facet link focused without a visible focus: %+v", f)
				}
			}
		}
		if !sawSkip || !sawQ || !sawFacet {
			b.fail("Tab reached skip link %v, search box %v, a facet %v", sawSkip, sawQ, sawFacet)
		}
		// Enter follows the focused facet link.
		b.follow("press Enter on a facet", chromedp.KeyEvent("\r"))
		if !strings.Contains(b.location().RawQuery, url.QueryEscape(facetValue)) {
			b.fail("Enter on facet %q went to %s", facetValue, b.location())
		}
		// app.js puts the focus back on the link that was followed, so the
		// keyboard user can go on choosing.
		if v := eval[string](b, `document.activeElement.dataset.value || document.activeElement.tagName`); v != facetValue {
			b.fail("focus on %q after choosing %q with Enter, want that facet link", v, facetValue)
		}
	})

	t.Run("phone layout", func(t *testing.T) {
		b := newTab(t, browser, srv)
		b.do("phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2)))
		b.open(searchPath + "&country=HND")
		wide := eval[bool](b, `document.documentElement.scrollWidth > window.innerWidth + 1`)
		if wide {
			b.fail("page scrolls sideways at 390px: %v > %v", eval[float64](b, `document.documentElement.scrollWidth`), eval[float64](b, `window.innerWidth`))
		}
		// Filters start closed behind a toggle and open on demand.
		if eval[bool](b, `getComputedStyle(document.getElementById('facet-panel')).display !== 'none'`) {
			b.fail("filters open on a phone before asking")
		}
		b.do("open filters", chromedp.Click(chromedp.CSS(".filter-toggle")),
			chromedp.WaitVisible(chromedp.CSS(`section[data-facet="country"]`)))
		if eval[string](b, `document.querySelector('.filter-toggle').getAttribute('aria-expanded')`) != "true" {
			b.fail("toggle does not say it is open")
		}
		if os.Getenv("FARO_SCREENSHOTS") != "" {
			b.t.Logf("screenshot %s", b.screenshot("search-filters"))
			b.open(searchPath + "&ui=es")
			b.t.Logf("screenshot %s", b.screenshot("search-es"))
			b.open("/documents/hn-migra?q=trata&ui=es")
			b.t.Logf("screenshot %s", b.screenshot("document-es"))
		}
	})

	t.Run("works without JavaScript", func(t *testing.T) {
		b := newTab(t, browser, srv)
		if _, err := chromedp.Call(b.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
			b.fail("disable JavaScript: %v", err)
		}
		b.do("phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
		b.open("/?ui=es")
		if eval[bool](b, `document.documentElement.classList.contains('js')`) {
			b.fail("app.js ran with JavaScript disabled")
		}
		// Without the toggle the filters are simply there.
		if eval[bool](b, `getComputedStyle(document.getElementById('facet-panel')).display === 'none'`) {
			b.fail("filters hidden without JavaScript")
		}
		b.do("type a search", chromedp.SendKeys(chromedp.ID("q"), "trata"))
		b.follow("submit", chromedp.Click(chromedp.CSS(".searchbar button")))
		if v := b.location().Query(); v.Get("q") != "trata" || v.Get("ui") != "es" {
			b.fail("search form went to %s", b.location())
		}
		b.follow("tick Honduras", chromedp.Click(chromedp.CSS(`section[data-facet="country"] a[data-value="HND"]`)))
		b.follow("sort", chromedp.Steps(
			chromedp.SetValue(chromedp.ID("sort"), "date_desc"),
			chromedp.Click(chromedp.CSS("form.sort button"))))
		if v := b.location().Query(); v.Get("q") != "trata" || v.Get("country") != "HND" || v.Get("sort") != "date_desc" || v.Get("ui") != "es" {
			b.fail("sort form went to %s", b.location())
		}
	})

	t.Run("suggestions as you type", func(t *testing.T) {
		b := newTab(t, browser, srv)
		b.open("/?ui=es")
		b.do("type a prefix", chromedp.SendKeys(chromedp.ID("q"), "hond"))
		b.do("suggestions", chromedp.WaitReady(chromedp.CSS(`#suggestions option[value="Honduras"]`)))
		// Picking an option of the list puts its text in the box.
		b.do("pick", chromedp.Evaluate[chromedp.Void](`document.getElementById('q').value = document.querySelector('#suggestions option[value="Honduras"]').value`))
		b.follow("submit", chromedp.Click(chromedp.CSS(".searchbar button")))
		if v := b.location().Query(); v.Get("q") != "Honduras" {
			b.fail("the pick searched %s", b.location())
		}
		if n := eval[int](b, `document.querySelectorAll('li.hit').length`); n == 0 {
			b.fail("no hits for the picked suggestion")
		}
	})

	if os.Getenv("FARO_SCREENSHOTS") != "" {
		t.Run("desktop screenshots", func(t *testing.T) {
			b := newTab(t, browser, srv)
			b.do("desktop", chromedp.EmulateViewport(1280, 900))
			for name, p := range map[string]string{"search": searchPath, "search-honduras": searchPath + "&country=HND&ui=es",
				"document": "/documents/hn-migra?q=trata", "no-results": "/?q=zzzz&country=HND"} {
				b.open(p)
				t.Logf("screenshot %s", b.screenshot(name))
			}
		})
	}
}

// foldASCII drops the accents the tests meet.
func foldASCII(s string) string {
	return strings.NewReplacer("á", "a", "é", "e", "í", "i", "ó", "o", "ú", "u", "Á", "A", "É", "E", "Í", "I", "Ó", "O", "Ú", "U").Replace(s)
}
