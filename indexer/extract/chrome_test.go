package extract

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// chromeWords are words that appear on the fixture site only in its
// chrome: menus, header, footer, cookie banner, share and related boxes,
// modal, hidden elements, SVG, form.
var chromeWords = []string{"cookies", "Observatory", "Home", "Skip", "axis", "Search the site", "Facebook",
	"Related stories", "Caravans", "webinar", "Decorative", "lottery", "Privacy", "Learn more"}

func TestHTMLChromeFixtureSite(t *testing.T) {
	cases := []struct {
		file, heading, text string
		teasers             []string // headings of the other pages, dropped as teasers
	}{
		{"remesas.html", "REMITTANCES SUSTAIN RURAL HOUSEHOLDS", "remittances pay for food",
			[]string{"RETURNEES NEED JOBS", "CLINICS FOLLOW MIGRANTS", "ABOUT THE OBSERVATORY"}},
		{"retorno.html", "RETURNEES NEED JOBS MORE THAN TRAINING", "finding paid work",
			[]string{"REMITTANCES SUSTAIN", "CLINICS FOLLOW MIGRANTS", "ABOUT THE OBSERVATORY"}},
		{"salud.html", "CLINICS FOLLOW MIGRANTS ALONG THE ROUTE", "Mobile clinics",
			[]string{"REMITTANCES SUSTAIN", "RETURNEES NEED JOBS", "ABOUT THE OBSERVATORY"}},
	}
	wantReasons := []string{ReasonCookies, ReasonHeader, ReasonNavigation, ReasonSVG, ReasonForm, ReasonShare,
		ReasonRelated, ReasonModal, ReasonHidden, ReasonFooter, ReasonTeaser}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "site", c.file))
			if err != nil {
				t.Fatal(err)
			}
			res, err := HTMLExtractor{}.Extract(context.Background(), c.file, data)
			if err != nil {
				t.Fatal(err)
			}
			text := res.Text()
			if !strings.Contains(text, c.heading) || !strings.Contains(text, c.text) {
				t.Errorf("the page's own text is missing:\n%s", text)
			}
			if res.Heading != c.heading {
				t.Errorf("Heading %q, want %q", res.Heading, c.heading)
			}
			for _, w := range chromeWords {
				if strings.Contains(text, w) {
					t.Errorf("chrome word %q in the text:\n%s", w, text)
				}
			}
			for _, h := range c.teasers {
				if strings.Contains(text, h) {
					t.Errorf("teaser %q in the text", h)
				}
			}
			var reasons []string
			var removed strings.Builder
			for _, b := range res.Boilerplate {
				reasons = append(reasons, b.Reason)
				removed.WriteString(b.Text + "\n")
			}
			for _, r := range wantReasons {
				if !slices.Contains(reasons, r) {
					t.Errorf("no boilerplate with reason %q: %v", r, reasons)
				}
			}
			for _, w := range chromeWords {
				if !strings.Contains(removed.String(), w) {
					t.Errorf("chrome word %q neither in the text nor in the boilerplate", w)
				}
			}
		})
	}
}

func TestHTMLChromeRules(t *testing.T) {
	filler := strings.Repeat("Remittances support households in rural areas across the region. ", 8)
	cases := []struct {
		name, html  string
		want, notIn []string
		reason      string // a boilerplate reason expected, "" for none at all
	}{
		{name: "open modal is text",
			html: `<body><p>` + filler + `</p><div class="modal show"><p>Survey results in full</p></div></body>`,
			want: []string{"Survey results in full"}},
		{name: "closed modal is not",
			html:  `<body><p>` + filler + `</p><div class="modal fade"><p>Survey results in full</p></div></body>`,
			notIn: []string{"Survey results"}, reason: ReasonModal},
		{name: "closed dialog role",
			html:  `<body><p>` + filler + `</p><div role="dialog"><p>Subscribe now</p></div></body>`,
			notIn: []string{"Subscribe"}, reason: ReasonModal},
		{name: "a wrapper named like chrome holding the page stays",
			html: `<body><div class="page-with-sidebar"><p>` + filler + `</p></div><div class="sidebar">Links elsewhere</div></body>`,
			want: []string{"Remittances support"}, notIn: []string{"Links elsewhere"}, reason: ReasonNavigation},
		{name: "a footnote paragraph classed footer is text",
			html: `<body><p>` + filler + `</p><p class="scrollytelling new-footer">* World Bank data, 2020.</p></body>`,
			want: []string{"World Bank data"}},
		{name: "inline display none",
			html:  `<body><p>` + filler + `</p><p style="DISPLAY : none">secret draft</p></body>`,
			notIn: []string{"secret draft"}, reason: ReasonHidden},
		{name: "aria-hidden",
			html:  `<body><p>` + filler + `</p><div aria-hidden="true">icon label</div></body>`,
			notIn: []string{"icon label"}, reason: ReasonHidden},
		{name: "a listing made of teasers keeps them",
			html: `<body><ul>` + strings.Repeat(`<li><h3>Annual report on remittances and return</h3><a href="r.html">Read more</a></li>`, 5) + `</ul></body>`,
			want: []string{"Annual report on remittances"}},
		{name: "Spanish teaser",
			html:  `<body><p>` + filler + `</p><section><h2>LA INSEGURIDAD FINANCIERA IMPULSA LA MIGRACIÓN</h2><span>HAGA CLIC AQUÍ PARA SABER MÁS</span></section></body>`,
			notIn: []string{"INSEGURIDAD", "HAGA CLIC"}, reason: ReasonTeaser},
		{name: "a sentence mentioning learn more is text",
			html: `<body><p>` + filler + `</p><div><p>To learn more about the survey, write to the team.</p></div></body>`,
			want: []string{"To learn more about the survey"}},
		{name: "outside main",
			html: `<body><div class="promo">Donate today to our appeal</div><main><p>` + filler + `</p></main></body>`,
			want: []string{"Remittances support"}, notIn: []string{"Donate"}, reason: ReasonOutsideMain},
		{name: "a menu-named wrapper holding all the text stays",
			html: `<body><div class="menu"><p>` + filler + `</p></div></body>`,
			want: []string{"Remittances support"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := HTMLExtractor{}.Extract(context.Background(), "x.html", []byte(c.html))
			if err != nil {
				t.Fatal(err)
			}
			text := res.Text()
			for _, w := range c.want {
				if !strings.Contains(text, w) {
					t.Errorf("%q missing from %q", w, text)
				}
			}
			for _, w := range c.notIn {
				if strings.Contains(text, w) {
					t.Errorf("%q in %q", w, text)
				}
			}
			if c.reason != "" && !slices.ContainsFunc(res.Boilerplate, func(b Boilerplate) bool { return b.Reason == c.reason }) {
				t.Errorf("no boilerplate with reason %q: %+v", c.reason, res.Boilerplate)
			}
		})
	}
}

// TestHTMLMainContainer: the text is the main container's when it holds
// 50 words or more, or a third of the body's words; else the body's.
func TestHTMLMainContainer(t *testing.T) {
	words := func(w string, n int) string { return strings.TrimSpace(strings.Repeat(w+" ", n)) }
	for _, tc := range []struct {
		name, body string
		main       bool // the text is main's only
	}{
		{"main of 50 words, much else", `<div>` + words("fuera", 400) + `</div><main><p>` + words("dentro", 50) + `</p></main>`, true},
		{"main of 49 words, much else", `<div>` + words("fuera", 400) + `</div><main><p>` + words("dentro", 49) + `</p></main>`, false},
		{"short main, a third of the body", `<div>` + words("fuera", 20) + `</div><main><p>` + words("dentro", 10) + `</p></main>`, true},
		{"short main, less than a third", `<div>` + words("fuera", 21) + `</div><main><p>` + words("dentro", 10) + `</p></main>`, false},
		{"role main", `<div>` + words("fuera", 400) + `</div><div role="main"><p>` + words("dentro", 60) + `</p></div>`, true},
		{"no main", `<div>` + words("fuera", 40) + `</div><div><p>` + words("dentro", 60) + `</p></div>`, false},
	} {
		res, err := HTMLExtractor{}.Extract(context.Background(), "x.html", []byte(`<html><body>`+tc.body+`</body></html>`))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		text := strings.Join(res.Pages, "\n")
		if !strings.Contains(text, "dentro") {
			t.Errorf("%s: main's text missing: %q", tc.name, text)
		}
		if got := !strings.Contains(text, "fuera"); got != tc.main {
			t.Errorf("%s: main's text only %v, want %v", tc.name, got, tc.main)
		}
		outside := false
		for _, b := range res.Boilerplate {
			outside = outside || b.Reason == ReasonOutsideMain
		}
		if outside != tc.main {
			t.Errorf("%s: outside-main boilerplate %v, want %v", tc.name, outside, tc.main)
		}
	}
}
