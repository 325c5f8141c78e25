package cite

import (
	"bytes"
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"faro/search"
	"faro/search/cite/citetest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// hostileTitle holds every character the formats must escape.
const hostileTitle = "Braces {open} & 100% $cost #1 _under_ ~tilde^ \\back \"quoted\"\nnew line <script>alert(1)</script>"

// fixedNow is the clock of the golden files.
var fixedNow = time.Date(2024, 5, 1, 12, 30, 0, 0, time.UTC)

var testLinks = Links{Base: "http://faro.example:8080"}

// segs makes a passage's runs: every second one marked.
func segs(texts ...string) []search.Segment {
	out := make([]search.Segment, len(texts))
	for i, t := range texts {
		out[i] = search.Segment{Text: t, Mark: i%2 == 1}
	}
	return out
}

// fixture returns the hits and documents of the golden files, best first.
func fixture() ([]search.Hit, map[string]*search.Document) {
	hits := []search.Hit{
		{ID: "hn-trata", Score: 2.5, Title: "Trata de personas en Honduras: diagnóstico de la respuesta institucional",
			Summary: "Estudio sobre la trata de personas en Honduras.", Type: "study", Lang: "es", Year: 2020, Date: "2020-08-24",
			Countries: []string{"HND"}, GCM: []int{10, 21},
			Snippets: []search.Snippet{
				{Page: 2, Segments: segs("… La ", "trata", " de personas es uno de los delitos más graves & frecuentes …")},
				{Page: 4, Segments: segs("Recomendaciones: tamizaje de ", "trata", " en la recepción …")},
			}},
		{ID: "ku-campaigns", Score: 1.75, Title: "Information Campaigns: IOM Knowledge Uptake", Type: "knowledge-uptake", Lang: "en",
			Year: 2017, Date: "2017-10", Countries: []string{"REG", "HND", "GTM"}, GCM: []int{3, 10},
			Snippets: []search.Snippet{{Page: 3, Segments: segs("Counter-", "trafficking", " campaigns need partners <always>.")}}},
		{ID: "hostile", Score: 1.5, Title: hostileTitle, Summary: "1. Not a list\n# not a heading", Type: "web-page", Lang: "en",
			Countries: []string{}, GCM: []int{},
			Snippets: []search.Snippet{{Page: 1, Segments: segs("payload <script>alert(1)</script> ", "trafficking", " *stars* [link](javascript:x)")}}},
		{ID: "ht-retour", Score: 0.5, Title: "Retour et réintégration en Haïti", Type: "info-sheet", Lang: "fr", Year: 2021, Date: "2021",
			Countries: []string{"HTI"}, GCM: []int{21}},
		{ID: "hn-trata-2", Score: 0.25, Title: "Trata de personas: guía comunitaria", Type: "guide", Lang: "es", Year: 2020,
			Countries: []string{"HND"}, GCM: []int{10},
			Snippets: []search.Snippet{{Page: 1, Segments: segs("Guía sobre ", "trata", ".")}}},
		{ID: "formula", Score: 0.1, Title: "=HYPERLINK(\"http://evil.example\",\"click\")", Type: "policy-text", Lang: "es", Year: 2019,
			Countries: []string{"MEX"}, GCM: []int{}},
	}
	docs := map[string]*search.Document{
		"ku-campaigns": {ID: "ku-campaigns", Author: "International Organization for Migration (IOM); UNICEF",
			SourceURL: "https://example.org/rmp/pubs/ku info%20campaigns_en.pdf?a=1&b=2#p{1}"},
		"hostile": {ID: "hostile", Author: "Evil & Co. {Inc}", SourceURL: "javascript:alert(1)"},
	}
	return hits, docs
}

func fixtureItems() []Item {
	hits, docs := fixture()
	items := make([]Item, len(hits))
	for i, h := range hits {
		items[i] = NewItem(h, docs[h.ID], testLinks)
	}
	return items
}

func fixtureQuery() search.Query {
	return search.Query{Text: "trata OR trafficking", Filters: map[string][]string{"country": {"HND"}, "gcm": {"10"}}, YearFrom: 2015}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./search/cite/ -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test ./search/cite/ -update rewrites it); got:\n%s", name, got)
	}
}

// render writes the fixture in format name.
func render(t *testing.T, name, lang string) []byte {
	t.Helper()
	f, ok := LookupFormat(name)
	if !ok {
		t.Fatalf("no format %q", name)
	}
	items := fixtureItems()
	d := &data{items: items, lang: lang}
	d.pack = NewPack(PackInfo{Query: fixtureQuery(), Lang: lang, Generated: fixedNow, Total: 42,
		Search: testLinks.Search(Values(fixtureQuery(), lang))}, items)
	d.feed = NewFeed(fixtureQuery(), lang, testLinks, items)
	var buf bytes.Buffer
	if err := f.write(&buf, d); err != nil {
		t.Fatalf("write %s: %v", name, err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	cases := []struct{ format, lang, file string }{
		{"bibtex", "en", "items.bib"},
		{"ris", "en", "items.ris"},
		{"csljson", "en", "items.csl.json"},
		{"csv", "en", "items.csv"},
		{"evidence-md", "en", "evidence.en.md"},
		{"evidence-md", "es", "evidence.es.md"},
		{"evidence-html", "en", "evidence.en.html"},
		{"evidence-csv", "en", "evidence.en.csv"},
		{"atom", "en", "feed.atom"},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) { golden(t, c.file, render(t, c.format, c.lang)) })
	}
}

func TestBibTeXRoundTrip(t *testing.T) {
	items := fixtureItems()
	out := render(t, "bibtex", "en")
	entries, err := citetest.ParseBibTeX(string(out))
	if err != nil {
		t.Fatalf("parse: %v\n%s", err, out)
	}
	if len(entries) != len(items) {
		t.Fatalf("%d entries for %d items", len(entries), len(items))
	}
	for i, e := range entries {
		it := items[i]
		title, err := e.Text("title")
		if err != nil || title != it.Title {
			t.Errorf("entry %s: title %q (%v), want %q", e.Key, title, err, it.Title)
		}
		wantYear := ""
		if it.Year > 0 {
			wantYear = strconv.Itoa(it.Year)
		}
		if e.Fields["year"] != wantYear {
			t.Errorf("entry %s: year %q, want %q", e.Key, e.Fields["year"], wantYear)
		}
		if e.Fields["url"] != it.URL {
			t.Errorf("entry %s: url %q, want %q", e.Key, e.Fields["url"], it.URL)
		}
		author, err := e.Text("author")
		if err != nil || !strings.Contains(author, it.Authors[0]) {
			t.Errorf("entry %s: author %q (%v), want %q", e.Key, author, err, it.Authors[0])
		}
	}
	byKey := map[string]citetest.BibEntry{}
	for _, e := range entries {
		byKey[e.Key] = e
	}
	if _, ok := byKey["oim2020trata"]; !ok {
		t.Errorf("keys = %v, want oim2020trata", keysOf(entries))
	}
	if _, ok := byKey["oim2020tratab"]; !ok {
		t.Errorf("keys = %v, want oim2020tratab for the second 2020 'Trata'", keysOf(entries))
	}
	if e := byKey["evilnd"+"braces"]; e.Type != "online" {
		t.Errorf("the web page is @%s, want @online (keys %v)", e.Type, keysOf(entries))
	}
	ku := entries[1]
	if note, err := ku.Text("note"); err != nil || !strings.Contains(note, "https://example.org/rmp/pubs/ku%20info%20campaigns_en.pdf?a=1&b=2#p%7B1%7D") {
		t.Errorf("publisher URL note = %q (%v)", note, err)
	}
	if strings.Contains(string(out), "javascript:") {
		t.Error("a javascript: URL from metadata reached the BibTeX")
	}
}

func keysOf(es []citetest.BibEntry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Key)
	}
	return out
}

func TestBibEscape(t *testing.T) {
	cases := []struct{ in, want string }{
		{"plain Niñez migrante", "plain Niñez migrante"},
		{"50% & $3 #1 a_b", `50\% \& \$3 \#1 a\_b`},
		{"{x}", `\textbraceleft{}x\textbraceright{}`},
		{`a\b ~ ^`, `a\textbackslash{}b \textasciitilde{} \textasciicircum{}`},
		{"<b>\"q\"</b>", `\textless{}b\textgreater{}{"}q{"}\textless{}/b\textgreater{}`},
		{"two\nlines\r\n\tand\u2028more", "two lines and more"},
	}
	for _, c := range cases {
		if got := bibEscape(c.in); got != c.want {
			t.Errorf("bibEscape(%q) = %q, want %q", c.in, got, c.want)
		}
		if back, err := citetest.BibText(bibEscape(c.in)); err != nil || back != oneLine(c.in) {
			t.Errorf("round trip of %q = %q, %v", c.in, back, err)
		}
	}
	if got := bibTitle("Plan for IOM and C4D campaigns"); got != "Plan for {IOM} and {C4D} campaigns" {
		t.Errorf("bibTitle = %q", got)
	}
}

func TestRISRoundTrip(t *testing.T) {
	items := fixtureItems()
	out := render(t, "ris", "en")
	recs, err := citetest.ParseRIS(string(out))
	if err != nil {
		t.Fatalf("parse: %v\n%s", err, out)
	}
	if len(recs) != len(items) {
		t.Fatalf("%d records for %d items", len(recs), len(items))
	}
	for i, r := range recs {
		it := items[i]
		if r.Get("TI") != it.Title {
			t.Errorf("record %d: TI %q, want %q", i, r.Get("TI"), it.Title)
		}
		if it.Year > 0 && r.Get("PY") != strconv.Itoa(it.Year) {
			t.Errorf("record %d: PY %q, want %d", i, r.Get("PY"), it.Year)
		}
		if r.Get("UR") != it.URL {
			t.Errorf("record %d: UR %q", i, r.Get("UR"))
		}
		if !slices.Equal(r.All("AU"), it.Authors) {
			t.Errorf("record %d: AU %q, want %q", i, r.All("AU"), it.Authors)
		}
	}
	if got := recs[0].Get("DA"); got != "2020/08/24/" {
		t.Errorf("DA = %q", got)
	}
	if got := recs[1].Get("DA"); got != "2017/10//" {
		t.Errorf("DA of a YYYY-MM date = %q", got)
	}
	if got := recs[2].Get("TY"); got != "ELEC" {
		t.Errorf("web page TY = %q", got)
	}
	if kw := recs[0].All("KW"); !slices.Contains(kw, "Honduras") || !slices.Contains(kw, "GCM 10: Eradicate trafficking") {
		t.Errorf("KW = %q", kw)
	}
}

func TestCSLJSON(t *testing.T) {
	items := fixtureItems()
	out := render(t, "csljson", "es")
	got, err := citetest.ValidateCSL(out)
	if err != nil {
		t.Fatalf("invalid CSL-JSON: %v\n%s", err, out)
	}
	if len(got) != len(items) {
		t.Fatalf("%d items for %d", len(got), len(items))
	}
	wantTypes := []string{"report", "report", "webpage", "pamphlet", "report", "article"}
	for i, ci := range got {
		if ci["title"] != items[i].Title {
			t.Errorf("item %d: title %q", i, ci["title"])
		}
		if citetest.CSLYear(ci) != items[i].Year {
			t.Errorf("item %d: year %d, want %d", i, citetest.CSLYear(ci), items[i].Year)
		}
		if ci["type"] != wantTypes[i] {
			t.Errorf("item %d: type %q, want %q", i, ci["type"], wantTypes[i])
		}
	}
	custom := got[0]["custom"].(map[string]any)
	passages := custom["passages"].([]any)
	p0 := passages[0].(map[string]any)
	if p0["page"].(interface{ String() string }).String() != "2" || p0["text"] != "… La trata de personas es uno de los delitos más graves & frecuentes …" {
		t.Errorf("first passage = %v", p0)
	}
	if !strings.Contains(got[0]["note"].(string), "p. 2: “… La trata") {
		t.Errorf("note = %q", got[0]["note"])
	}
	if got[0]["genre"] != "Estudio" || got[0]["publisher"] != "Organización Internacional para las Migraciones (OIM)" {
		t.Errorf("genre/publisher = %q / %q", got[0]["genre"], got[0]["publisher"])
	}
	if _, ok := got[2]["issued"]; ok {
		t.Error("an undated item has an issued date")
	}
}

func TestCSV(t *testing.T) {
	items := fixtureItems()
	out := render(t, "csv", "en")
	r := csv.NewReader(bytes.NewReader(out))
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	if !slices.Equal(rows[0], CSVHeader) {
		t.Fatalf("header = %v", rows[0])
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	wantRows := 0
	for _, it := range items {
		wantRows += max(1, len(it.Passages))
	}
	if len(rows)-1 != wantRows {
		t.Fatalf("%d rows, want %d (one per passage)", len(rows)-1, wantRows)
	}
	if rows[1][col["page"]] != "2" || rows[1][col["passage"]] != "… La trata de personas es uno de los delitos más graves & frecuentes …" {
		t.Errorf("first row page/passage = %q / %q", rows[1][col["page"]], rows[1][col["passage"]])
	}
	if rows[1][col["page_url"]] != "http://faro.example:8080/documents/hn-trata/file#page=2" {
		t.Errorf("page_url = %q", rows[1][col["page_url"]])
	}
	var hostile, formula []string
	for _, row := range rows[1:] {
		switch row[col["id"]] {
		case "hostile":
			hostile = row
		case "formula":
			formula = row
		}
	}
	if hostile[col["title"]] != oneLine(hostileTitle) {
		t.Errorf("hostile title = %q", hostile[col["title"]])
	}
	if !strings.HasPrefix(formula[col["title"]], "'=") {
		t.Errorf("a formula title is not neutralised: %q", formula[col["title"]])
	}
	if hostile[col["countries"]] != "" || rows[1][col["countries"]] != "Honduras" {
		t.Errorf("countries = %q, %q", hostile[col["countries"]], rows[1][col["countries"]])
	}
}

func TestEvidencePack(t *testing.T) {
	items := fixtureItems()
	p := NewPack(PackInfo{Query: fixtureQuery(), Lang: "en", Generated: fixedNow, Total: 6}, items)
	var heads []string
	for _, g := range p.Groups {
		heads = append(heads, g.Heading)
	}
	want := []string{
		"Objective 10 — Eradicate trafficking",    // 2.5 + 1.75 + 0.25
		"Objective 21 — Return and reintegration", // 2.5 + 0.5
		"Objective 3 — Accurate and timely information",
		"Other evidence",
	}
	if !slices.Equal(heads, want) {
		t.Fatalf("groups = %q\nwant %q", heads, want)
	}
	g10 := p.Groups[0]
	if len(g10.Quotes) != 4 || g10.Quotes[0].Item.ID != "hn-trata" || g10.Quotes[0].Passage.Page != 2 || g10.Quotes[2].Item.ID != "ku-campaigns" {
		t.Errorf("objective 10 quotes out of order: %+v", g10.Quotes)
	}
	other := p.Groups[3]
	if len(other.Quotes) != 1 || len(other.Further) != 1 || other.Further[0].ID != "formula" {
		t.Errorf("other evidence = %+v", other)
	}
	g21 := p.Groups[1]
	if len(g21.Further) != 1 || g21.Further[0].ID != "ht-retour" {
		t.Errorf("a document without passages is not a further source: %+v", g21)
	}

	es := NewPack(PackInfo{Lang: "es"}, items)
	if es.Groups[0].Heading != "Objetivo 10 — Erradicar la trata de personas" || es.Groups[len(es.Groups)-1].Heading != "Otra evidencia" {
		t.Errorf("spanish headings = %q, %q", es.Groups[0].Heading, es.Groups[len(es.Groups)-1].Heading)
	}

	// A group holds at most MaxQuotes passages; the rest are further sources.
	var many []Item
	for i := range 10 {
		many = append(many, Item{ID: fmt.Sprint(i), Title: "T", Authors: []string{"A"}, GCM: []int{1}, Score: float64(10 - i),
			Passages: []Passage{{Page: 1, Segments: segs("a")}, {Page: 2, Segments: segs("b")}}})
	}
	g := NewPack(PackInfo{}, many).Groups[0]
	if len(g.Quotes) != MaxQuotes || len(g.Further) != 10-MaxQuotes/2 {
		t.Errorf("capped group: %d quotes, %d further", len(g.Quotes), len(g.Further))
	}
}

func TestEvidenceMarkdown(t *testing.T) {
	out := string(render(t, "evidence-md", "en"))
	for _, want := range []string{
		"# Evidence pack: trata OR trafficking\n",
		"- **Filters:** Country: Honduras; GCM objective: 10 — Eradicate trafficking; Years: ≥ 2015\n",
		"- **Generated:** 2024-05-01 12:30 UTC\n",
		"\n## Objective 10 — Eradicate trafficking\n",
		"\n> … La **trata** de personas es uno de los delitos más graves \\& frecuentes …\n",
		"[p. 2](<http://faro.example:8080/documents/hn-trata/file#page=2>)",
		"— Organización Internacional para las Migraciones (OIM), 2020. *Trata de personas en Honduras: diagnóstico de la respuesta institucional*",
		"\n## Other evidence\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	if strings.Contains(strings.ReplaceAll(out, `\<script`, ""), "<script") || strings.Contains(out, "[link](") {
		t.Errorf("markdown carries raw HTML or a live link from a document:\n%s", out)
	}
	// Every quote line is inside the block quote, and every quote cites a page.
	quotes := 0
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "> ") && !strings.HasPrefix(line, "> — ") {
			quotes++
		}
	}
	if pages := strings.Count(out, "[p. "); quotes == 0 || pages != quotes {
		t.Errorf("%d quotes, %d page references", quotes, pages)
	}
	es := string(render(t, "evidence-md", "es"))
	if !strings.Contains(es, "## Objetivo 10 — Erradicar la trata de personas") || !strings.Contains(es, "## Otra evidencia") {
		t.Errorf("spanish pack lacks its headings:\n%s", es)
	}
}

func TestMarkdownEscape(t *testing.T) {
	cases := []struct{ in, want string }{
		{"plain", "plain"},
		{"<script>", `\<script\>`},
		{"*a* _b_ [c](d) `e` # f | g ~ h & i !j", "\\*a\\* \\_b\\_ \\[c\\](d) \\`e\\` \\# f \\| g \\~ h \\& i \\!j"},
		{"- item", `\- item`},
		{"12. item", `12\. item`},
		{"2019 report", "2019 report"},
		{"a\nb", "a b"},
	}
	for _, c := range cases {
		if got := mdLineStart(mdEscape(c.in)); got != c.want {
			t.Errorf("mdEscape(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestEvidenceHTML(t *testing.T) {
	out := render(t, "evidence-html", "en")
	if !bytes.HasPrefix(out, []byte("<!DOCTYPE html>\n<html lang=\"en\">")) || !bytes.HasSuffix(out, []byte("</html>\n")) {
		t.Fatalf("not a complete page:\n%s", out)
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if n := doc.Find("script").Length(); n != 0 {
		t.Errorf("%d script elements", n)
	}
	doc.Find("*").Each(func(_ int, s *goquery.Selection) {
		for _, a := range s.Nodes[0].Attr {
			if strings.HasPrefix(strings.ToLower(a.Key), "on") {
				t.Errorf("event handler attribute %s=%q", a.Key, a.Val)
			}
			if (a.Key == "href" || a.Key == "cite") && !strings.HasPrefix(a.Val, "http://faro.example:8080/") && !strings.HasPrefix(a.Val, "#") {
				t.Errorf("link to %q", a.Val)
			}
		}
	})
	if got := doc.Find("h1").Text(); got != "Evidence pack: trata OR trafficking" {
		t.Errorf("h1 = %q", got)
	}
	if got := doc.Find("section#gcm-10 h2").Text(); got != "Objective 10 — Eradicate trafficking" {
		t.Errorf("first section heading = %q", got)
	}
	if got := doc.Find("section#gcm-10 blockquote mark").First().Text(); got != "trata" {
		t.Errorf("first mark = %q", got)
	}
	if got := doc.Find("section#other blockquote").Text(); !strings.Contains(got, "payload <script>alert(1)</script> trafficking") {
		t.Errorf("hostile passage not shown as text: %q", got)
	}
	if got := doc.Find("section#other cite").Last().Text(); got != oneLine("=HYPERLINK(\"http://evil.example\",\"click\")") {
		t.Errorf("further source = %q", got)
	}
	if got := doc.Find("section#gcm-10 figcaption a").First().Text(); got != "p. 2" {
		t.Errorf("page reference = %q", got)
	}
	csp, _ := doc.Find(`meta[http-equiv="Content-Security-Policy"]`).Attr("content")
	if csp != EvidenceCSP || !strings.Contains(csp, "'sha256-") {
		t.Errorf("CSP meta = %q", csp)
	}
}

func TestEvidenceCSV(t *testing.T) {
	out := render(t, "evidence-csv", "en")
	rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0], EvidenceCSVHeader) {
		t.Fatalf("header = %v", rows[0])
	}
	if rows[1][0] != "10" || rows[1][6] != "2" || rows[1][7] != "… La trata de personas es uno de los delitos más graves & frecuentes …" {
		t.Errorf("first row = %q", rows[1])
	}
	last := rows[len(rows)-1]
	if last[0] != "" || last[1] != "Other evidence" || last[6] != "" {
		t.Errorf("last row = %q", last)
	}
}

func TestAtom(t *testing.T) {
	out := render(t, "atom", "en")
	f, err := citetest.ParseAtom(out)
	if err != nil {
		t.Fatalf("invalid Atom: %v\n%s", err, out)
	}
	if f.XMLName.Space != AtomNS {
		t.Errorf("namespace %q", f.XMLName.Space)
	}
	wantID := "http://faro.example:8080/feed.atom?country=HND&gcm=10&q=trata+OR+trafficking&year_from=2015"
	if f.ID != wantID {
		t.Errorf("feed id = %q, want %q", f.ID, wantID)
	}
	if f.Updated != "2021-01-01T00:00:00Z" {
		t.Errorf("feed updated = %q, want the newest entry's date", f.Updated)
	}
	if len(f.Entries) != 6 {
		t.Fatalf("%d entries", len(f.Entries))
	}
	e := f.Entries[0]
	if e.ID != "http://faro.example:8080/documents/hn-trata" || e.Updated != "2020-08-24T00:00:00Z" || e.Title != fixtureItems()[0].Title {
		t.Errorf("entry = %+v", e)
	}
	if h := f.Entries[2]; h.Updated != UnknownDate.Format(time.RFC3339) || h.Title != oneLine(hostileTitle) {
		t.Errorf("undated hostile entry = %+v", h)
	}
	if e.Categories[0].Term != "HND" || e.Categories[0].Label != "Honduras" || e.Categories[1].Term != "10" {
		t.Errorf("categories = %+v", e.Categories)
	}
	if !bytes.Equal(out, render(t, "atom", "en")) {
		t.Error("the feed is not stable")
	}
}

func TestSlugValuesFilename(t *testing.T) {
	cases := []struct {
		q    search.Query
		want string
	}{
		{search.Query{}, "all"},
		{search.Query{Text: "trata", Filters: map[string][]string{"country": {"HND"}}}, "trata-hnd"},
		{search.Query{Text: `"Niñez migrante" AND (retorno OR return)`}, "ninez-migrante-and-retorno-or-return"},
		{search.Query{Text: "{}<>%&"}, "all"},
		{search.Query{YearFrom: 2018}, "2018-0"},
	}
	for _, c := range cases {
		if got := Slug(c.q); got != c.want {
			t.Errorf("Slug(%+v) = %q, want %q", c.q, got, c.want)
		}
	}
	f, _ := LookupFormat("bibtex")
	if got := f.Filename(cases[1].q, fixedNow); got != "faro-trata-hnd-2024-05-01.bib" {
		t.Errorf("filename = %q", got)
	}
	f, _ = LookupFormat("evidence-md")
	if got := f.Filename(cases[1].q, fixedNow); got != "faro-evidence-trata-hnd-2024-05-01.md" {
		t.Errorf("filename = %q", got)
	}
	v := Values(search.Query{Text: "x", Filters: map[string][]string{"gcm": {"10", "3"}}, Sort: search.SortDateDesc}, "es")
	if got := v.Encode(); got != "gcm=10&gcm=3&q=x&sort=date_desc&ui=es" {
		t.Errorf("Values = %q", got)
	}
}

func TestNewLinks(t *testing.T) {
	for _, ok := range []string{"http://localhost:8080", "https://faro.example.org/", "https://x.org/faro"} {
		if _, err := NewLinks(ok); err != nil {
			t.Errorf("NewLinks(%q): %v", ok, err)
		}
	}
	for _, bad := range []string{"", "localhost:8080", "ftp://x.org", "javascript:alert(1)", "http://x.org/?q=1", "/relative"} {
		if _, err := NewLinks(bad); err == nil {
			t.Errorf("NewLinks(%q) accepted", bad)
		}
	}
	l, _ := NewLinks("https://x.org/faro/")
	if got := l.Document("a b/c"); got != "https://x.org/faro/documents/a%20b%2Fc" {
		t.Errorf("Document = %q", got)
	}
}

// memIndex is an in-memory search.Index over fixed hits, for paging tests.
type memIndex struct {
	hits     []search.Hit
	searches int
}

func (m *memIndex) Search(_ context.Context, q search.Query) (*search.Result, error) {
	m.searches++
	if q.Size < 1 || q.Size > search.MaxSize {
		return nil, &search.QueryError{Msg: "bad size", Pos: -1}
	}
	from := min((q.Page-1)*q.Size, len(m.hits))
	to := min(from+q.Size, len(m.hits))
	return &search.Result{Total: uint64(len(m.hits)), Hits: m.hits[from:to]}, nil
}

func (m *memIndex) Document(_ context.Context, id string) (*search.Document, error) {
	if id == "gone" {
		return nil, search.ErrNotFound
	}
	return &search.Document{ID: id, Author: "Author " + id}, nil
}

func (m *memIndex) Count(context.Context) (uint64, error) { return uint64(len(m.hits)), nil }

func TestCollectPages(t *testing.T) {
	for _, n := range []int{0, 1, 100, 101, 250, 1000, 1234} {
		idx := &memIndex{}
		for i := range n {
			id := "d" + strconv.Itoa(i)
			if i == 5 {
				id = "gone"
			}
			idx.hits = append(idx.hits, search.Hit{ID: id, Title: id})
		}
		items, total, err := Collect(context.Background(), idx, search.Query{}, MaxExport, testLinks)
		if err != nil {
			t.Fatal(err)
		}
		if total != uint64(n) || len(items) != min(n, MaxExport) {
			t.Errorf("n=%d: %d items, total %d", n, len(items), total)
		}
		if want := max(1, (min(n, MaxExport)+99)/100); idx.searches != want {
			t.Errorf("n=%d: %d searches, want %d", n, idx.searches, want)
		}
		if n > 5 && items[5].Authors[0] != DefaultAuthor("") {
			t.Errorf("a document removed since the search is not cited with the default author: %v", items[5].Authors)
		}
		if n > 1 && items[1].Authors[0] != "Author d1" {
			t.Errorf("author = %v", items[1].Authors)
		}
	}
}

func TestRenderQuery(t *testing.T) {
	q := search.Query{Text: "x", Sort: search.SortDateAsc, Page: 7, Size: 3}
	for _, c := range []struct {
		format      string
		size, snips int
		sort        search.Sort
	}{
		{"bibtex", 100, 0, search.SortDateAsc},
		{"csv", 100, EvidenceSnippets, search.SortDateAsc},
		{"csljson", 100, EvidenceSnippets, search.SortDateAsc},
		{"evidence-md", EvidenceHits, EvidenceSnippets, search.SortDateAsc},
		{"atom", FeedEntries, 0, search.SortDateDesc},
	} {
		f, _ := LookupFormat(c.format)
		got := f.Query(q)
		if got.Page != 1 || got.Size != c.size || got.Snippets != c.snips || got.Sort != c.sort {
			t.Errorf("%s: query %+v", c.format, got)
		}
	}
}

// TestPublisherFromTheDocument checks that a citation names the publisher
// the document names, and IOM when it names none.
func TestPublisherFromTheDocument(t *testing.T) {
	h := search.Hit{ID: "mpi", Title: "Remittances", Lang: "en", Year: 2020}
	if it := NewItem(h, &search.Document{ID: "mpi", Publisher: "Migration Policy Institute"}, testLinks); it.Publisher != "Migration Policy Institute" {
		t.Errorf("publisher %q", it.Publisher)
	}
	h.Lang = "es"
	if it := NewItem(h, &search.Document{ID: "mpi"}, testLinks); it.Publisher != DefaultAuthor("es") {
		t.Errorf("default publisher %q", it.Publisher)
	}
}
