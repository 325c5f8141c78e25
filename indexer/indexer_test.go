package indexer

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"faro/indexer/extract"
	"faro/internal/pdftest"
	"faro/search"
)

// memSink collects documents.
type memSink struct {
	mu   sync.Mutex
	docs map[string]*search.Document
}

func (m *memSink) Put(_ context.Context, d *search.Document) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.docs == nil {
		m.docs = map[string]*search.Document{}
	}
	m.docs[d.Source] = d
	return nil
}

func write(t *testing.T, root, rel, content string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

const listing = `<!doctype html><html lang="en"><head><title>Publications</title></head><body>
<nav>Home | About</nav>
<main><h1>Publications</h1>
<ul>
<li><h2>Plan your Life: campaign summary</h2><p>Young people in Honduras reflect on their life plans.</p><a href="../docs/plan.md">Download (PDF)</a></li>
<li><h2>Other</h2><p>Another entry.</p><a href="https://example.org/files/Other.PDF">PDF</a></li>
</ul></main></body></html>`

func TestRun(t *testing.T) {
	root := t.TempDir()
	write(t, root, "web/publications.html", strings.ReplaceAll(listing, "../docs/plan.md", "../docs/plan.pdf"))
	// A markdown file stands in for a PDF named in the listing: the match
	// is by file name, so give it the PDF's base name with another ext.
	write(t, root, "docs/guia.md", "---\ntitle: Guía contra la trata\ndate: 2019-05-14\n---\n# Guía\n\n"+
		"La trata de personas en Honduras afecta a la niñez migrante y a las mujeres. Las comunidades de Honduras previenen la trata con "+
		"campañas de información para que las familias conozcan los riesgos de la migración irregular y los servicios de protección que existen en el país.\n")
	write(t, root, "docs/notes.txt", "Field notes\n\nReturn and reintegration of migrants in Guatemala and Guatemala City.\n")
	write(t, root, "docs/notes.txt.meta.json", `{"title": "Notes from the field", "countries": ["gtm"], "gcm": [21], "year": 2020, "type": "study"}`)
	write(t, root, "docs/broken.pdf", "%PDF-1.7\nnot really a pdf at all")
	write(t, root, "docs/Deep/Nested/UPPER.TXT", "A text in a nested folder about smuggling of migrants.")
	write(t, root, "src/draft.md", "# Draft\n\nShould be ignored.")
	write(t, root, ".hidden/secret.txt", "hidden")
	write(t, root, "README.md", "# About this corpus")
	write(t, root, "image.gif", "GIF89a")
	write(t, root, IgnoreFile, "# sources\nsrc/\nREADME.md\n")

	sink := &memSink{}
	var progress []Progress
	rep, err := Run(context.Background(), root, sink, Options{Progress: func(p Progress) { progress = append(progress, p) }})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for k := range sink.docs {
		got = append(got, k)
	}
	sort.Strings(got)
	want := []string{"docs/Deep/Nested/UPPER.TXT", "docs/guia.md", "docs/notes.txt", "web/publications.html"}
	if !slices.Equal(got, want) {
		t.Fatalf("indexed %v, want %v", got, want)
	}
	if len(rep.Errors) != 2 {
		t.Fatalf("errors = %v, want broken.pdf and image.gif", rep.Errors)
	}
	for _, e := range rep.Errors {
		if !strings.Contains(e.Path, "broken.pdf") && !strings.Contains(e.Path, "image.gif") {
			t.Fatalf("unexpected error %v", e)
		}
	}
	if rep.Files != 6 || rep.Indexed != 4 || len(progress) != 6 || progress[5].Done != 6 {
		t.Fatalf("report %+v, %d progress calls", rep, len(progress))
	}

	g := sink.docs["docs/guia.md"]
	if g.Title != "Guía contra la trata" || g.Lang != "es" || g.Year != 2019 || g.Date != "2019-05-14" || g.Format != "markdown" {
		t.Fatalf("markdown doc = %+v", g)
	}
	if !slices.Contains(g.Countries, "HND") {
		t.Fatalf("guía countries = %v, want HND", g.Countries)
	}

	n := sink.docs["docs/notes.txt"]
	if n.Title != "Notes from the field" || !slices.Equal(n.Countries, []string{"GTM"}) || !slices.Equal(n.GCM, []int{21}) ||
		n.Year != 2020 || n.Type != "study" {
		t.Fatalf("sidecar not applied: %+v", n)
	}
	var givenGCM bool
	for _, l := range n.Labels {
		if l.Facet == "gcm" && l.Value == "21" && l.Given && l.Source == "sidecar" {
			givenGCM = true
		}
	}
	if !givenGCM {
		t.Fatalf("sidecar label not recorded: %+v", n.Labels)
	}
	if p := sink.docs["web/publications.html"]; p.Type != "web-page" || strings.Contains(p.Pages[0].Text, "Home | About") {
		t.Fatalf("listing page doc = %+v", p)
	}
}

func TestListingLendsTitle(t *testing.T) {
	root := t.TempDir()
	write(t, root, "web/publications.html", strings.ReplaceAll(listing, "../docs/plan.md", "../docs/plan.pdf"))
	write(t, root, "docs/plan.pdf", string(minimalPDF("The campaign invites young people to think about their plans.")))
	sink := &memSink{}
	if _, err := Run(context.Background(), root, sink, Options{}); err != nil {
		t.Fatal(err)
	}
	d := sink.docs["docs/plan.pdf"]
	if d.Title != "Plan your Life: campaign summary" || d.Summary != "Young people in Honduras reflect on their life plans." {
		t.Fatalf("listing did not lend title/summary: %q / %q", d.Title, d.Summary)
	}
}

func TestBuildPrecedence(t *testing.T) {
	res := &extract.Result{Format: "pdf", Title: "Microsoft Word - draft.docx", Date: "2017-03-02",
		Pages: []string{"Informe sobre la migración de retorno en El Salvador y Honduras. Las personas que regresan a sus " +
			"comunidades necesitan apoyo para la reintegración económica y social, y los gobiernos de la región coordinan los servicios."}}
	cases := []struct {
		name      string
		side      *Sidecar
		listed    []listingEntry
		wantTitle string
		wantYear  int
	}{
		{"file name when the PDF title is junk", nil, nil, "informe retorno", 2017},
		{"listing over PDF", nil, []listingEntry{{Link: extract.Link{Title: "Listed"}, Lang: "es"}}, "Listed", 2017},
		{"listing in the document's language wins", nil, []listingEntry{
			{Link: extract.Link{Title: "Listed EN"}, Lang: "en"}, {Link: extract.Link{Title: "Listado ES"}, Lang: "es"}}, "Listado ES", 2017},
		{"sidecar over all", &Sidecar{Title: "Given", Year: 2015}, []listingEntry{{Link: extract.Link{Title: "Listed"}}}, "Given", 2015},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Build("pdf/informe_retorno.pdf", res, c.side, c.listed)
			if d.Title != c.wantTitle || d.Year != c.wantYear {
				t.Fatalf("title %q year %d, want %q %d", d.Title, d.Year, c.wantTitle, c.wantYear)
			}
			if d.ID != DocumentID("pdf/informe_retorno.pdf") || d.Pages[0].Number != 1 {
				t.Fatalf("id %q pages %+v", d.ID, d.Pages)
			}
		})
	}
}

func TestDocumentID(t *testing.T) {
	cases := []struct{ in, prefix string }{
		{"pdf/ku-information-campaigns-es.pdf", "ku-information-campaigns-es-"},
		{"web/Publicaciones Niñez.HTML", "publicaciones-ninez-"},
		{"x/¿¡.pdf", ""},
	}
	seen := map[string]bool{}
	for _, c := range cases {
		id := DocumentID(c.in)
		if !strings.HasPrefix(id, c.prefix) || seen[id] || strings.ContainsAny(id, "/ ?¿") {
			t.Errorf("DocumentID(%q) = %q", c.in, id)
		}
		seen[id] = true
		if DocumentID(c.in) != id {
			t.Errorf("DocumentID(%q) not stable", c.in)
		}
	}
	if DocumentID("a/report.pdf") == DocumentID("b/report.pdf") {
		t.Error("same name in two folders gives one id")
	}
}

// minimalPDF makes a one-page PDF showing text in Helvetica.
func minimalPDF(text string) []byte {
	content := "BT /F1 12 Tf 72 720 Td (" + text + ") Tj ET"
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	}
	return pdftest.Write(objs, "")
}

// A sidecar written from a listing (faro harvest) names the listing as the
// source of its title, summary and date; the file's own title stays beside
// it; the listing's language is the document's when its text says none.
func TestBuildHarvestedSidecar(t *testing.T) {
	listing := "https://example.org/es/publicaciones?page=2"
	cases := []struct {
		name       string
		res        *extract.Result
		side       *Sidecar
		wantLang   string
		wantLabels []string // facet=value@source
	}{
		{"listed PDF",
			&extract.Result{Format: "pdf", Heading: "Manual para personas retornadas", Pages: []string{""}},
			&Sidecar{Title: "Guía de retorno", Summary: "Pasos.", Date: "2020-07-15", SourceURL: "https://example.org/f/guia.pdf", ListingURL: listing, ListingLang: "es"},
			"es",
			[]string{"title=Guía de retorno@listing:" + listing, "title=Manual para personas retornadas@pdf-layout", "year=2020-07-15@listing:" + listing}},
		{"plain sidecar",
			&extract.Result{Format: "pdf", Title: "Manual para personas retornadas", Pages: []string{""}},
			&Sidecar{Title: "Guía de retorno", Date: "2020"},
			"",
			[]string{"title=Guía de retorno@sidecar", "year=2020@sidecar"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Build("harvest/example.org/f/guia.pdf", c.res, c.side, nil)
			var got []string
			for _, l := range d.Labels {
				if l.Facet == "title" || l.Facet == search.FacetYear {
					got = append(got, l.Facet+"="+l.Value+"@"+l.Source)
				}
			}
			if !slices.Equal(got, c.wantLabels) || d.Lang != c.wantLang || d.SourceURL != c.side.SourceURL {
				t.Errorf("labels %q lang %q source %q; want %q %q", got, d.Lang, d.SourceURL, c.wantLabels, c.wantLang)
			}
		})
	}
}

// TestNotKeptRecorded: a country the text names only as a destination is
// not among the document's countries but among its values not kept, with
// the reason and the evidence.
func TestNotKeptRecorded(t *testing.T) {
	root := t.TempDir()
	write(t, root, "docs/guia.md", "---\ntitle: Guía contra la trata\ndate: 2019-05-14\n---\n# Guía\n\n"+
		"La trata de personas en Honduras afecta a la niñez migrante. Las comunidades de Honduras previenen la trata con "+
		"campañas de información. Muchos jóvenes quieren viajar a Estados Unidos.\n")
	sink := &memSink{}
	if _, err := Run(context.Background(), root, sink, Options{}); err != nil {
		t.Fatal(err)
	}
	g := sink.docs["docs/guia.md"]
	if g == nil {
		t.Fatal("not indexed")
	}
	if !slices.Contains(g.Countries, "HND") || slices.Contains(g.Countries, "USA") || !slices.ContainsFunc(g.NotKept, func(l search.Label) bool {
		return l.Facet == "country" && l.Value == "USA" && strings.Contains(l.Reason, "destination") && len(l.Evidence) > 0
	}) {
		t.Fatalf("countries %v, not kept %+v: want HND, and USA not kept as a destination", g.Countries, g.NotKept)
	}
}

// TestRunSidecarsListed checks that a run, which opens only the sidecars
// its walk listed, applies every sidecar a document has: by full name and
// without extension, in a hidden-free subfolder, one matching an ignore
// rule, one reached through a symbolic link, and none where there is none.
func TestRunSidecarsListed(t *testing.T) {
	root := t.TempDir()
	text := "Return and reintegration of migrants.\n"
	for _, c := range []struct{ file, sidecar string }{
		{"a.txt", "a.txt.meta.json"},
		{"b.txt", "b.meta.json"},
		{"sub/dir/c.txt", "sub/dir/c.txt.meta.json"},
		{"d.txt", "d.txt.meta.json"}, // matches the ignore rule below
		{"e.txt", ""},
	} {
		write(t, root, c.file, text)
		if c.sidecar != "" {
			write(t, root, c.sidecar, `{"title": "Title of `+c.file+`"}`)
		}
	}
	write(t, root, "elsewhere/f.json", `{"title": "Title of f.txt"}`)
	write(t, root, "f.txt", text)
	if err := os.Symlink(filepath.Join(root, "elsewhere/f.json"), filepath.Join(root, "f.txt.meta.json")); err != nil {
		t.Fatal(err)
	}
	write(t, root, IgnoreFile, "d.txt.meta.json\nelsewhere/\n")
	sink := &memSink{}
	if _, err := Run(context.Background(), root, sink, Options{}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ src, title string }{
		{"a.txt", "Title of a.txt"},
		{"b.txt", "Title of b.txt"},
		{"sub/dir/c.txt", "Title of sub/dir/c.txt"},
		{"d.txt", "Title of d.txt"},
		{"e.txt", ""},
		{"f.txt", "Title of f.txt"},
	} {
		d := sink.docs[c.src]
		if d == nil {
			t.Errorf("%s not indexed", c.src)
			continue
		}
		if got := d.Title; (c.title == "" && strings.HasPrefix(got, "Title of")) || (c.title != "" && got != c.title) {
			t.Errorf("%s: title %q, want %q", c.src, got, c.title)
		}
	}
}

// TestContentHashFromExtraction checks that the content hash continued
// from the bytes extraction read equals the hash of the file read again,
// for each format and with a sidecar, listing entries and boilerplate.
func TestContentHashFromExtraction(t *testing.T) {
	root := t.TempDir()
	write(t, root, "a.html", "<html><body><main><p>Trata de personas en Honduras.</p></main></body></html>")
	write(t, root, "b.md", "# Guía\n\nLa trata de personas.\n")
	write(t, root, "c.txt", "")
	write(t, root, "d.txt", strings.Repeat("Return and reintegration of migrants. ", 5000))
	listed := []listingEntry{{Link: extract.Link{Title: "T", Summary: "S"}, Lang: "es"}}
	for _, rel := range []string{"a.html", "b.md", "c.txt", "d.txt"} {
		o := extractOnly(context.Background(), root, rel, Options{})
		if o.err != nil {
			t.Fatalf("%s: %v", rel, o.err)
		}
		if o.digest == nil {
			t.Fatalf("%s: no digest state", rel)
		}
		for _, c := range []struct {
			sidecar []byte
			listed  []listingEntry
			boiler  string
		}{{}, {[]byte(`{"title":"x"}`), listed, "ab12,cd34"}} {
			full := filepath.Join(root, rel)
			want, err := contentHash(full, c.sidecar, c.listed, c.boiler)
			if err != nil {
				t.Fatal(err)
			}
			got, err := contentHashFrom(o.digest, full, c.sidecar, c.listed, c.boiler)
			if err != nil || got != want {
				t.Errorf("%s: hash %s (%v), read again %s", rel, got, err, want)
			}
		}
	}
}
