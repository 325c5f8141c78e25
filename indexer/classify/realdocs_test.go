package classify

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// realDocsDir holds pdftotext output of real documents (one form feed per
// page), shared beside the checkout; the test skips when it is absent.
const realDocsDir = "../../../shared/realdocs/pdftotext"

// loadRealDocs reads every *.txt of realDocsDir as pages.
func loadRealDocs(t testing.TB) map[string][]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(realDocsDir, "*.txt"))
	if err != nil {
		t.Fatalf("glob %s: %v", realDocsDir, err)
	}
	if len(files) == 0 {
		t.Skipf("no reference documents in %s", realDocsDir)
	}
	docs := map[string][]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatalf("read %s: %v", f, err)
		}
		pages := strings.Split(string(b), "\f")
		if n := len(pages); n > 1 && strings.TrimSpace(pages[n-1]) == "" {
			pages = pages[:n-1]
		}
		docs[strings.TrimSuffix(filepath.Base(f), ".txt")] = pages
	}
	return docs
}

// realDocExpect is what a reference document must get; empty fields are
// not checked.
type realDocExpect struct {
	lang      string
	typ       string
	year      int
	countries []string // each must be present
	notCountr []string // each must be absent
	gcm       []int    // each must be present
	themes    []string // each must be present
}

var realDocExpects = map[string]realDocExpect{
	"iom-eval_guinea-diaspora-health_report_fr.pdf": {lang: "fr", year: 2022, countries: []string{"GIN"},
		notCountr: []string{"GNB", "GNQ", "PNG"}, themes: []string{"health", "remittances-diaspora"}, gcm: []int{19}},
	"iom-eval_guinea-diaspora-health_brief_fr.pdf": {lang: "fr", typ: "evaluation-brief", year: 2022, countries: []string{"GIN"}},
	"iom-eval_haiti-dr-binational-dialogue_brief.pdf": {lang: "fr", typ: "evaluation-brief", year: 2025,
		countries: []string{"HTI", "DOM"}},
	"iom-eval_haiti-dr-binational-dialogue_tor.pdf": {lang: "fr", typ: "terms-of-reference", countries: []string{"HTI", "DOM"}},
	"iom-eval_mali-niger-border-management_brief.pdf": {lang: "en", typ: "evaluation-brief", year: 2023,
		countries: []string{"MLI", "NER"}, notCountr: []string{"NGA"}, themes: []string{"border-management"}, gcm: []int{11}},
	"iom-eval_nigeria-safe-migration-giz_brief.pdf": {lang: "en", typ: "evaluation-brief", year: 2021,
		countries: []string{"NGA"}, notCountr: []string{"NER"}},
	"iom-eval_nigeria-safe-migration-giz_report.pdf": {lang: "en", typ: "evaluation-report", year: 2021,
		countries: []string{"NGA"}, notCountr: []string{"NER"}, themes: []string{"return-reintegration"}, gcm: []int{3, 21}},
	"iom-eval_niger-idee_final-report_fr.pdf": {lang: "fr", year: 2020, countries: []string{"NER"}, notCountr: []string{"NGA"}},
	"iom-eval_niger-miraa3-rescue-assistance_report.pdf": {lang: "en", year: 2022, countries: []string{"NER"},
		notCountr: []string{"NGA"}, themes: []string{"return-reintegration", "protection"}, gcm: []int{8, 21}},
	"iom-eval_niger-miraa3_mgmt-response-matrix.pdf":          {lang: "en", typ: "management-response", countries: []string{"NER"}},
	"iom-eval_eu-iom-ji-horn-africa_mgmt-response-matrix.pdf": {lang: "en", typ: "management-response"},
	"iom-eval_eu-iom-ji-horn-africa_final-report.pdf": {lang: "en", typ: "evaluation-report", year: 2023,
		countries: []string{"ETH", "SOM", "DJI", "SDN"}, themes: []string{"return-reintegration"}, gcm: []int{21}},
	"iom-eval_cabo-verde-e-residence_brief.pdf": {lang: "en", typ: "evaluation-brief", year: 2022, countries: []string{"CPV"}},
	"iom-eval_senegal-retour-vert_brief.pdf": {lang: "fr", typ: "evaluation-brief", year: 2021, countries: []string{"SEN"},
		themes: []string{"climate"}},
	"corett_mapa-ventanillas-informativas.pdf": {lang: "es"},
	"mpi-wfp-mit_central-american-migration-motivations-costs_exec-summary.pdf": {lang: "en",
		countries: []string{"GTM", "HND", "SLV"}, gcm: []int{2}},
	"iom_case-management-return-reintegration-ji-review.pdf": {lang: "en", typ: "study", year: 2023,
		themes: []string{"return-reintegration"}, gcm: []int{21}},
	"iom-meta-evaluation-2020-2024_brief.pdf": {lang: "en", typ: "evaluation-brief", year: 2025},
}

// TestRealDocs runs the classifier over the reference documents: nothing
// may panic, every document gets at most a handful of objectives, and the
// documents in realDocExpects get what a reader would tag them with.
func TestRealDocs(t *testing.T) {
	docs := loadRealDocs(t)
	names := make([]string, 0, len(docs))
	for n := range docs {
		names = append(names, n)
	}
	sort.Strings(names)
	var table strings.Builder
	fmt.Fprintf(&table, "\n%-50s %-4s %-19s %-5s %-20s %-45s %-10s %s\n", "document", "lang", "type", "year", "countries", "themes", "gcm", "principles")
	for _, name := range names {
		out := Classify(Input{Pages: docs[name], FileName: name})
		fmt.Fprintf(&table, "%-50s %-4s %-19s %-5d %-20s %-45s %-10s %s\n", trim(name, 50), out.Lang, out.Type, out.Year,
			strings.Join(out.Countries, ","), strings.Join(out.Themes, ","), fmt.Sprint(out.GCM), strings.Join(out.Principles, ","))
		if len(out.GCM) > 6 {
			t.Errorf("%s: %d GCM objectives %v, want at most 6", name, len(out.GCM), out.GCM)
		}
		if len(out.PageLangs) != len(docs[name]) {
			t.Errorf("%s: %d page languages for %d pages", name, len(out.PageLangs), len(docs[name]))
		}
		checkLabels(t, name, out)
		want, ok := realDocExpects[name]
		if !ok {
			continue
		}
		if want.lang != "" && out.Lang != want.lang {
			t.Errorf("%s: lang %q, want %q", name, out.Lang, want.lang)
		}
		if want.typ != "" && out.Type != want.typ {
			t.Errorf("%s: type %q, want %q", name, out.Type, want.typ)
		}
		if want.year != 0 && out.Year != want.year {
			t.Errorf("%s: year %d, want %d", name, out.Year, want.year)
		}
		for _, c := range want.countries {
			if !contains(out.Countries, c) {
				t.Errorf("%s: countries %v, want %s among them", name, out.Countries, c)
			}
		}
		for _, c := range want.notCountr {
			if contains(out.Countries, c) {
				t.Errorf("%s: countries %v, want no %s", name, out.Countries, c)
			}
		}
		for _, th := range want.themes {
			if !contains(out.Themes, th) {
				t.Errorf("%s: themes %v, want %s among them", name, out.Themes, th)
			}
		}
		for _, g := range want.gcm {
			if !containsInt(out.GCM, g) {
				t.Errorf("%s: gcm %v, want %d among them", name, out.GCM, g)
			}
		}
	}
	t.Log(table.String())
}

func trim(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n-1] + "…"
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func containsInt(list []int, n int) bool {
	for _, x := range list {
		if x == n {
			return true
		}
	}
	return false
}

// BenchmarkClassifyRealDoc classifies the longest reference document
// (142 pages, about 56,000 words).
func BenchmarkClassifyRealDoc(b *testing.B) {
	docs := loadRealDocs(b)
	pages, ok := docs["iom-eval_eu-iom-ji-horn-africa_final-report.pdf"]
	if !ok {
		b.Skip("reference report missing")
	}
	in := Input{Pages: pages, FileName: "iom-eval_eu-iom-ji-horn-africa_final-report.pdf"}
	compiled()
	b.ReportAllocs()
	for b.Loop() {
		Classify(in)
	}
}

// BenchmarkCompile measures building the matchers from the taxonomy,
// which happens once per process.
func BenchmarkCompile(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		compile()
	}
}
