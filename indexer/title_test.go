package indexer

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"faro/search"

	"faro/indexer/extract"
)

func TestRecase(t *testing.T) {
	cases := []struct {
		name, title string
		sources     []string
		want        string
	}{
		{"mixed-case title left alone", "Evaluation of IOM Accountability", []string{"EVALUATION OF IOM ACCOUNTABILITY"}, "Evaluation of IOM Accountability"},
		{"the same words written elsewhere", "ENGAGEMENT DE LA DIASPORA EN GUINEE",
			[]string{"", "Rapport. Engagement de la diaspora en Guinée – Evaluation finale"}, "Engagement de la diaspora en Guinée"},
		{"word by word: acronyms, names and accents from the text", "EVALUATION OF THE IOM DATA STRATEGY IN GUINEE",
			[]string{"The evaluation of IOM work. The data strategy was adopted in Guinée by IOM, a strategy that"},
			"Evaluation of the IOM data strategy in Guinée"},
		{"a run in capitals beside a mixed-case subtitle", "LEY SOBRE REFUGIADOS Y ASILO: Texto vigente",
			[]string{"La ley sobre refugiados y asilo. Refugiados y asilo político."}, "Ley sobre refugiados y asilo: Texto vigente"},
		{"a word never written otherwise stays lower case", "MIGRANTS RESCUE PROGRAMME",
			[]string{"migrants are rescued"}, "Migrants rescue programme"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := recase(c.title, c.sources); got != c.want {
				t.Errorf("recase(%q) = %q, want %q", c.title, got, c.want)
			}
		})
	}
}

func TestPlausibleTitle(t *testing.T) {
	pages := []string{"Nigeria: strengthening assistance for returnees and potential migrants. Final internal evaluation, January 2021."}
	cases := []struct {
		title string
		want  bool
	}{
		{"Nigeria: Strengthening Assistance for Returnees", true},
		{"x", false},
		{"Untitled", false},
		{"Microsoft Word - ISP_IOM CM Comparative Report_Final_2304", false},
		{"report_final_v2.pdf", false},
		{"iom eval nigeria report", false},                        // the file's name
		{"Initiative conjointe UE-OIM : Mali", false},             // another document's title
		{"Strengthening assistance for potential migrants", true}, // its words are on the page
	}
	for _, c := range cases {
		if got := plausibleTitle(c.title, "docs/iom-eval_nigeria_report.pdf", pages); got != c.want {
			t.Errorf("plausibleTitle(%q) = %v, want %v", c.title, got, c.want)
		}
	}
}

func TestBuildTitle(t *testing.T) {
	page := []string{"EVALUATION BRIEF March 2022 LOCAL AUTHORITIES NETWORK FOR MIGRATION. The local authorities network for migration worked in Bologna."}
	cases := []struct {
		name     string
		res      extract.Result
		want     string
		fromFile bool
		source   string
	}{
		{"cover title recased", extract.Result{Format: "pdf", Heading: "LOCAL AUTHORITIES NETWORK FOR MIGRATION", Title: "x", Pages: page},
			"Local authorities network for migration", false, "pdf-layout"},
		{"a plausible Info title when the cover gives none", extract.Result{Format: "pdf", Title: "Local authorities network", Pages: page},
			"Local authorities network", false, "pdf-metadata"},
		{"the XMP title before the Info title", extract.Result{Format: "pdf", Title: "Local authorities network",
			Meta: map[string]string{extract.MetaXMPTitle: "Local authorities network for migration"}, Pages: page},
			"Local authorities network for migration", false, "pdf-xmp"},
		{"an implausible XMP title is passed over", extract.Result{Format: "pdf", Title: "Local authorities network",
			Meta: map[string]string{extract.MetaXMPTitle: "Untitled"}, Pages: page},
			"Local authorities network", false, "pdf-metadata"},
		{"no title at all: the file name, flagged", extract.Result{Format: "pdf", Title: "Microsoft Word - brief.docx", Pages: page},
			"iom eval arco brief", true, "filename"},
		{"HTML keeps its own title", extract.Result{Format: "html", Title: "Migration Costs", Pages: []string{"text"}},
			"Migration Costs", false, "html-metadata"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := Build("realdocs/iom-eval_arco_brief.pdf", &c.res, nil, nil)
			if doc.Title != c.want {
				t.Errorf("title %q, want %q", doc.Title, c.want)
			}
			if got := slices.Contains(doc.Flags, FlagTitleFromFileName); got != c.fromFile {
				t.Errorf("flags %v: %s flagged %v, want %v", doc.Flags, FlagTitleFromFileName, got, c.fromFile)
			}
			found := false
			for _, l := range doc.Labels {
				found = found || (l.Facet == "title" && l.Value == c.want && l.Source == c.source)
			}
			if !found {
				t.Errorf("no title label from %q in %+v", c.source, doc.Labels)
			}
		})
	}
}

func TestBuildDate(t *testing.T) {
	cases := []struct {
		name, rel string
		res       extract.Result
		year      int
		source    string // the year label's source
	}{
		{"a printed date beats the PDF's creation date", "brief.pdf",
			extract.Result{Format: "pdf", Date: "2025-02-21", Meta: map[string]string{"CreationDate": "D:20250221132652"},
				Pages: []string{"EVALUATION BRIEF December 2024 Evaluation of the programme"}}, 2024, "classifier"},
		{"no date in the text: the creation date", "brief.pdf",
			extract.Result{Format: "pdf", Date: "2017-06-29", Meta: map[string]string{"CreationDate": "D:20170629165300"},
				Pages: []string{"Niñez y adolescencia en retorno. En 2016 retornaron miles de niños."}}, 2017, "pdf-metadata"},
		{"no year after the file was created", "brief.pdf",
			extract.Result{Format: "pdf", Date: "2018-05-01", Meta: map[string]string{"CreationDate": "D:20180501"},
				Pages: []string{"Published March 2026. A news text converted to PDF."}}, 2018, "pdf-metadata"},
		{"a page's declared date beats a year in its text", "news.html",
			extract.Result{Format: "html", Date: "2019-03-02", Pages: []string{"Report of 2017 on migration."}}, 2019, "html-metadata"},
		{"nothing else: the year in the file name", "text_news-caravana-2013.md",
			extract.Result{Format: "markdown", Pages: []string{"La caravana llegó hoy. Los desaparecidos desde 2006 son miles."}}, 2013, "filename"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := Build(c.rel, &c.res, nil, nil)
			if doc.Year != c.year {
				t.Errorf("year %d (date %q), want %d", doc.Year, doc.Date, c.year)
			}
			if got := yearSource(doc); got != c.source {
				t.Errorf("year from %q, want %q (labels %+v)", got, c.source, doc.Labels)
			}
		})
	}
}

func TestDeclaresPost(t *testing.T) {
	cases := []struct {
		meta map[string]string
		want bool
	}{
		{map[string]string{"type": "post"}, true},
		{map[string]string{"layout": "posts"}, true},
		{map[string]string{"type": "Noticia"}, true},
		{map[string]string{"type": "policy note"}, false},
		{map[string]string{"tags": "post"}, false},
		{nil, false},
	}
	for _, c := range cases {
		if got := declaresPost(c.meta); got != c.want {
			t.Errorf("declaresPost(%v) = %v, want %v", c.meta, got, c.want)
		}
	}
	doc := Build("text_news.md", &extract.Result{Format: "markdown", Meta: map[string]string{"layout": "posts"},
		Pages: []string{"La caravana llegó hoy a Tenosique."}}, nil, nil)
	if doc.Type != "news" {
		t.Errorf("a Markdown post: type %q, want news", doc.Type)
	}
}

func TestFileAuthor(t *testing.T) {
	pages := []string{"EVALUATION BRIEF Evaluators: PPMI Group. This report was developed by Loes van der Graaf and Anna Kiss-Pal."}
	cases := []struct {
		name string
		res  extract.Result
		want string
	}{
		{"a PDF's author named in the text", extract.Result{Format: "pdf", Author: "Loes van der Graaf", Pages: pages}, "Loes van der Graaf"},
		{"the person who saved the file", extract.Result{Format: "pdf", Author: "HARRIS Sarah Lynn", Pages: pages}, ""},
		{"an HTML page's declared author", extract.Result{Format: "html", Author: "Ashley Louie", Pages: []string{"x"}}, "Ashley Louie"},
	}
	for _, c := range cases {
		if got := fileAuthor(&c.res); got != c.want {
			t.Errorf("%s: author %q, want %q", c.name, got, c.want)
		}
	}
}

func TestLatestYear(t *testing.T) {
	cases := []struct {
		text string
		want int
	}{
		{"Between April and May 2021, the team surveyed households; arrivals grew between fiscal years 2017 and 2019.", 2021},
		{"The plan sets targets to be met by 2030. It was adopted in 2018.", 2018},
		{"Las metas hasta 2030 se fijaron en 2019.", 2019},
		{"No year here, only 123 and 12345.", 0},
		{"A date far ahead: 2999.", 0},
	}
	for _, c := range cases {
		if got, _ := latestYear([]string{c.text}); got != c.want {
			t.Errorf("latestYear(%q) = %d, want %d", c.text, got, c.want)
		}
	}
	doc := Build("about.html", &extract.Result{Format: "html", Pages: []string{"Households surveyed in 2021 reported more debts than in 2019."}}, nil, nil)
	if doc.Year != 2021 || yearSource(doc) != "estimate" {
		t.Errorf("an undated page: year %d from %q, want 2021 from an estimate", doc.Year, yearSource(doc))
	}
}

// yearSource is the source of the label of doc's year: a given one's
// first, else the classifier's or the estimate's.
func yearSource(doc *search.Document) string {
	src := ""
	for _, l := range doc.Labels {
		if l.Facet != search.FacetYear || !strings.HasPrefix(l.Value, strconv.Itoa(doc.Year)) {
			continue
		}
		if l.Given || src == "" {
			src = l.Source
		}
	}
	return src
}
