package extract

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"faro/format"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// TestFor checks that every format of the registry has its extractor,
// which labels its results with the format's name.
func TestFor(t *testing.T) {
	for _, f := range format.All() {
		ex := For(f.Name)
		if ex == nil {
			t.Errorf("For(%q) = nil", f.Name)
			continue
		}
		if f.Binary {
			continue // needs a real file; the golden tests cover it
		}
		res, err := ex.Extract(context.Background(), "x"+f.Exts[0], []byte("hola"))
		if err != nil || res.Format != f.Name {
			t.Errorf("%s extractor: format %q, err %v", f.Name, res.Format, err)
		}
	}
	if For("docx") != nil {
		t.Error("For(docx) should be nil")
	}
}

// TestGolden extracts every fixture in testdata/ and compares the JSON of
// the Result with testdata/NAME.golden (go test -run TestGolden -update
// rewrites them).
func TestGolden(t *testing.T) {
	entries, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasSuffix(name, ".golden") {
			continue
		}
		n++
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("testdata", name)
			res, err := File(context.Background(), path, Options{})
			if err != nil {
				t.Fatalf("File: %v", err)
			}
			got, err := json.MarshalIndent(res, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := path + ".golden"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s (run with -update to accept):\n got: %s\nwant: %s", golden, got, want)
			}
		})
	}
	if n < 8 {
		t.Errorf("only %d fixtures", n)
	}
}

// TestFixtureContent checks what the golden files are meant to show.
func TestFixtureContent(t *testing.T) {
	get := func(name string) *Result {
		t.Helper()
		res, err := File(context.Background(), filepath.Join("testdata", name), Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return res
	}

	es := get("informe_es.pdf")
	if es.Format != "pdf" || es.Engine != PDFEngine || len(es.Pages) != 2 {
		t.Fatalf("informe_es.pdf: %+v", es)
	}
	if es.Title != "Informe sobre migración en Centroamérica" || es.Author != "Equipo Faro" || len(es.Date) != 10 {
		t.Errorf("informe_es.pdf metadata: title %q author %q date %q", es.Title, es.Author, es.Date)
	}
	for _, w := range []string{"migración", "niñez", "tránsito", "Guatemala, Honduras y El Salvador"} {
		if !strings.Contains(es.Pages[0], w) {
			t.Errorf("informe_es.pdf page 1 lacks %q:\n%s", w, es.Pages[0])
		}
	}
	if !strings.Contains(es.Pages[1], "Recomendaciones") || strings.Contains(es.Pages[0], "Recomendaciones") {
		t.Errorf("page split wrong: %q", es.Pages)
	}
	upper := get("informe_es_copia.PDF")
	if !reflect.DeepEqual(upper.Pages, es.Pages) {
		t.Error(".PDF copy extracts differently")
	}

	page := get("pagina_es.html")
	text := page.Text()
	if page.Title != "Migración y retorno en Guatemala" || page.Lang != "es" || page.Date != "2021-05-14" ||
		page.Description == "" || page.Author != "Observatorio de Migración" {
		t.Errorf("pagina_es.html metadata: %+v", page)
	}
	for _, bad := range []string{"tracking", "Inicio", "Pie de página", "Texto oculto", "Buscar", "font-family"} {
		if strings.Contains(text, bad) {
			t.Errorf("pagina_es.html text has %q:\n%s", bad, text)
		}
	}
	for _, good := range []string{"más de 45 000 personas.\nLa mayoría", "Niñez no acompañada\nProtección consular", "Guatemala\nHonduras", "Año\nRetornos"} {
		if !strings.Contains(text, good) {
			t.Errorf("pagina_es.html text lacks %q:\n%s", good, text)
		}
	}

	fr := get("latin1_fr.html")
	if fr.Title != "Migration et développement" || !strings.Contains(fr.Text(), "À la frontière, la sécurité") || fr.Lang != "fr" {
		t.Errorf("latin1_fr.html: %q / %q", fr.Title, fr.Text())
	}

	list := get("publicaciones.html")
	want := []Link{
		{Href: "docs/perfil-honduras-2021.pdf", Title: "Perfil migratorio de Honduras 2021", Summary: "Datos sobre emigración, retorno y remesas."},
		{Href: "/files/Informe%20Regional.PDF", Title: "Informe regional sobre niñez migrante"},
		{Href: "https://example.org/encuesta.pdf?dl=1", Title: "Encuesta de intenciones de migración", Summary: "Resultados de la encuesta en El Salvador. Incluye anexos metodológicos."},
		{Href: "tabla/guia.pdf", Title: "Guía de protección"},
		{Href: "tabla/a.pdf", Title: "Anexo A"},
		{Href: "tabla/b.pdf", Title: "Anexo B"},
	}
	// The PDF linked from the nav is site chrome, not an entry.
	if !reflect.DeepEqual(list.Links, want) {
		t.Errorf("links:\n got %+v\nwant %+v", list.Links, want)
	}

	md := get("nota_es.md")
	if md.Title != "Declaración sobre Migración y Protección de Los Ángeles" || md.Date != "2022-06-10" || md.Lang != "es" ||
		md.Author != "Casa Blanca" || md.Description != "Resumen de la declaración firmada en la Cumbre de las Américas." {
		t.Errorf("nota_es.md metadata: %+v", md)
	}
	if md.Meta["tags"] != "migración, protección, asilo" || md.Meta["countries"] != "Guatemala, Honduras" || md.Meta["source.url"] != "https://example.org/declaracion" {
		t.Errorf("nota_es.md meta: %v", md.Meta)
	}
	body := md.Text()
	for _, good := range []string{"Declaración de Los Ángeles", "los Jefes de Estado, reiteramos nuestra voluntad", "esfuerzos nacionales y regionales para", "migración segura,", "Ampliar las vías regulares", "Cooperación con el ACNUR", "La migración es una responsabilidad compartida.", "codigo_de_ejemplo(42)", "código en línea", "México Visas de trabajo"} {
		if !strings.Contains(body, good) {
			t.Errorf("nota_es.md lacks %q:\n%s", good, body)
		}
	}
	for _, bad := range []string{"**", "](", "Foto de la cumbre", "cumbre.jpg", "```", "# ", "|---"} {
		if strings.Contains(body, bad) {
			t.Errorf("nota_es.md has %q:\n%s", bad, body)
		}
	}

	txt := get("informe_en.txt")
	if txt.Title != "Remittances and migration in Central America" || txt.Format != "text" {
		t.Errorf("informe_en.txt: %+v", txt)
	}
	lat := get("remesas_latin1.txt")
	if lat.Title != "Migración y desarrollo" || !strings.Contains(lat.Text(), "salvadoreños") {
		t.Errorf("remesas_latin1.txt: %+v", lat)
	}
}

func extractPDF(t *testing.T, data []byte) (*Result, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return PDFExtractor{}.Extract(ctx, "gen.pdf", data)
}

func TestPDFGenerated(t *testing.T) {
	t.Run("text and info", func(t *testing.T) {
		data := genPDF{
			pages: []genPage{{lines: []string{"Migración segura y ordenada", "Niñez no acompañada"}}, {lines: []string{"Segunda página"}}},
			info:  map[string]string{"Title": "Informe", "Author": "OIM", "CreationDate": "D:20190514103000+02'00'", "Keywords": "migración"},
		}.bytes()
		res, err := extractPDF(t, data)
		if err != nil {
			t.Fatal(err)
		}
		if res.Title != "Informe" || res.Author != "OIM" || res.Date != "2019-05-14" || res.Lang != "es" || res.Meta["Keywords"] != "migración" {
			t.Errorf("metadata: %+v", res)
		}
		if len(res.Pages) != 2 || res.Pages[0] != "Migración segura y ordenada\nNiñez no acompañada" || res.Pages[1] != "Segunda página" {
			t.Errorf("pages: %q", res.Pages)
		}
		if len(res.Flags) != 0 {
			t.Errorf("flags: %v", res.Flags)
		}
	})
	t.Run("XMP title", func(t *testing.T) {
		for _, tc := range []struct{ xmp, want string }{
			{`<x:xmpmeta><rdf:RDF><rdf:Description><dc:title><rdf:Alt><rdf:li xml:lang="x-default">Migraci&#243;n &amp; retorno</rdf:li></rdf:Alt></dc:title></rdf:Description></rdf:RDF></x:xmpmeta>`, "Migración & retorno"},
			{`<rdf:Description dc:title="Plan your Life"/>`, "Plan your Life"},
			{`<x:xmpmeta><dc:creator>OIM</dc:creator></x:xmpmeta>`, ""},
		} {
			data := genPDF{pages: []genPage{{lines: []string{"Texto"}}}, xmp: tc.xmp}.bytes()
			res, err := extractPDF(t, data)
			if err != nil {
				t.Fatal(err)
			}
			if got := res.Meta[MetaXMPTitle]; got != tc.want {
				t.Errorf("XMP %q: title %q, want %q", tc.xmp, got, tc.want)
			}
		}
	})
	t.Run("image only", func(t *testing.T) {
		data := genPDF{pages: []genPage{{content: "q 100 0 0 100 50 50 cm 0 0 1 1 re f Q"}, {content: "q Q"}}}.bytes()
		res, err := extractPDF(t, data)
		if err != nil {
			t.Fatal(err)
		}
		if !res.HasFlag(FlagNoTextLayer) || len(res.Pages) != 2 || res.Pages[0] != "" {
			t.Errorf("got %+v", res)
		}
	})
	t.Run("garbled page", func(t *testing.T) {
		data := genPDF{pages: []genPage{
			{lines: []string{"Primera"}},
			{lines: []string{"Rota"}, filter: "NoSuchDecode"},
			{lines: []string{"Tercera"}},
		}}.bytes()
		res, err := extractPDF(t, data)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(res.Pages, []string{"Primera", "", "Tercera"}) || !res.HasFlag("garbled-page:2") || res.HasFlag(FlagNoTextLayer) {
			t.Errorf("got pages %q flags %v", res.Pages, res.Flags)
		}
	})
	t.Run("encrypted", func(t *testing.T) {
		data := genPDF{pages: []genPage{{lines: []string{"Secreto"}}}, encrypt: true}.bytes()
		res, err := extractPDF(t, data)
		if !errors.Is(err, ErrEncrypted) || !strings.Contains(err.Error(), "encrypt") {
			t.Fatalf("err = %v", err)
		}
		if res == nil || !res.HasFlag(FlagEncrypted) {
			t.Errorf("result %+v", res)
		}
	})
	t.Run("header and trailer quirks", func(t *testing.T) {
		for _, g := range []genPDF{
			{header: "%PDF-2.0"},
			{header: "%PDF-1.4 %comment"},
			{junk: "garbage before the header\n"},
			{junk: "ab"},
			{tail: "\x00\x00\x00 trailing junk after EOF\n"},
		} {
			g.pages = []genPage{{lines: []string{"Hola"}}}
			res, err := extractPDF(t, g.bytes())
			if err != nil || len(res.Pages) != 1 || res.Pages[0] != "Hola" {
				t.Errorf("%+v: res %+v err %v", g, res, err)
			}
		}
	})
	t.Run("not a pdf", func(t *testing.T) {
		for _, data := range [][]byte{nil, []byte("hello"), []byte("%PDF-1.4\n1 0 obj"), []byte("%PDF-1.4\n%%EOF")} {
			res, err := extractPDF(t, data)
			if err == nil {
				t.Errorf("%q: no error, %+v", data, res)
			}
		}
	})
	t.Run("xref loop", func(t *testing.T) {
		data := genPDF{pages: []genPage{{lines: []string{"x"}}}}.bytes()
		// Point the trailer's /Prev at its own xref section.
		xref := bytes.LastIndex(data, []byte("\nxref\n")) + 1
		data = bytes.Replace(data, []byte("/Root 1 0 R"), []byte("/Root 1 0 R /Prev "+strconv.Itoa(xref)), 1)
		_, err := extractPDF(t, data)
		if err == nil || !strings.Contains(err.Error(), "loop") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("huge object count", func(t *testing.T) {
		data := genPDF{pages: []genPage{{lines: []string{"x"}}}}.bytes()
		data = bytes.Replace(data, []byte("/Size 6"), []byte("/Size 99999999999"), 1)
		if _, err := extractPDF(t, data); err == nil || !strings.Contains(err.Error(), "implausible") {
			t.Errorf("err = %v", err)
		}
	})
}

func TestPDFLayouts(t *testing.T) {
	// TJ with kerning: the positional assembly sees the word space the plain
	// text loses.
	content := "BT /F1 12 Tf 72 720 Td [(Migraci) -10 (\\363n) -400 (segura)] TJ ET\nBT /F1 12 Tf 72 700 Td (ordenada) Tj 60 0 Td (y regular) Tj ET"
	data := genPDF{pages: []genPage{{content: content}}}.bytes()
	get := func(l PDFLayout) string {
		res, err := PDFExtractor{Layout: l}.Extract(context.Background(), "k.pdf", data)
		if err != nil {
			t.Fatal(err)
		}
		return res.Pages[0]
	}
	if got := get(LayoutPlain); got != "Migraciónsegura\nordenaday regular" {
		t.Errorf("plain: %q", got)
	}
	if got := get(LayoutPositional); got != "Migración segura\nordenada y regular" {
		t.Errorf("positional: %q", got)
	}
	if got := get(LayoutBest); got != "Migración segura\nordenada y regular" {
		t.Errorf("best: %q", got)
	}
}

func TestDehyphenate(t *testing.T) {
	cases := map[string]string{
		"pri-\nority":           "priority",
		"migra-  \n  ción":      "migración",
		"COVID-\n19":            "COVID-\n19",
		"tri-\nBorder":          "tri-\nBorder",
		"end -\nnext":           "end -\nnext",
		"inter\u00ad\nnacional": "internacional",
	}
	for in, want := range cases {
		if got := dehyphenate(in); got != want {
			t.Errorf("dehyphenate(%q) = %q, want %q", in, got, want)
		}
	}
	if got := cleanText("inter\u00ad\nnacional y semi\u00adfinal"); got != "internacional y semifinal" {
		t.Errorf("soft hyphen: %q", got)
	}
}

func TestNormDate(t *testing.T) {
	cases := map[string]string{
		"D:20190514103000+02'00'":     "2019-05-14",
		"D:2019":                      "2019",
		"D:201905":                    "2019-05",
		"2021-02-02":                  "2021-02-02",
		"'2018-10-19T00:00:00-06:00'": "2018-10-19",
		"2021-02-04 08:47:10-05:00":   "2021-02-04",
		"2020-13-01":                  "2020",
		"2019-02-30":                  "2019-02",
		"14/05/2019":                  "2019-05-14",
		"05/14/2019":                  "2019-05-14",
		"May 14, 2019":                "2019-05-14",
		"14 de mayo de 2019":          "2019-05-14",
		"14 mai 2019":                 "2019-05-14",
		"septiembre 2020":             "2020-09",
		"2022":                        "2022",
		"20220610":                    "2022-06-10",
		"":                            "",
		"unknown":                     "",
		"99":                          "",
	}
	for in, want := range cases {
		if got := normDate(in); got != want {
			t.Errorf("normDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNormLang(t *testing.T) {
	cases := map[string]string{"en-US": "en", "ES": "es", "fr_FR": "fr", "spa": "es", "": "", "english": "en", "x": "", "zh-Hant": "zh", "123": ""}
	for in, want := range cases {
		if got := normLang(in); got != want {
			t.Errorf("normLang(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPaginate(t *testing.T) {
	if p := paginate("", 10); p != nil {
		t.Errorf("empty: %q", p)
	}
	para := strings.TrimSpace(strings.Repeat("palabra ", 6))
	text := strings.Join([]string{para, para, para, para}, "\n\n")
	pages := paginate(text, 13)
	if len(pages) != 2 || pages[0] != para+"\n\n"+para {
		t.Errorf("pages: %q", pages)
	}
	long := strings.TrimSpace(strings.Repeat("w ", 25))
	pages = paginate(long, 10)
	if len(pages) != 3 || countWords(pages[0]) != 10 || countWords(pages[2]) != 5 {
		t.Errorf("long paragraph: %q", pages)
	}
	total := 0
	for _, p := range paginate(text+"\n\n"+long, 7) {
		if countWords(p) > 7 {
			t.Errorf("page over the limit: %q", p)
		}
		total += countWords(p)
	}
	if total != 24+25 {
		t.Errorf("words lost: %d", total)
	}
}

func TestCleanText(t *testing.T) {
	in := "  a\u00a0b\r\nc\x00d\u200b \t e\ufb01n\n\n\n\nf  \u000c g\xff"
	if got := cleanText(in); got != "a b\ncd efin\n\nf\ng" {
		t.Errorf("cleanText = %q", got)
	}
}

func TestHTMLWordsNotGlued(t *testing.T) {
	src := `<html><body><div>uno</div><div>dos</div><p>tres<br>cuatro</p><span>cin</span><b>co</b>` +
		`<table><tr><td>seis</td><td>siete</td></tr></table><h2>ocho</h2>nueve<li>diez</li></body></html>`
	res, err := HTMLExtractor{}.Extract(context.Background(), "x.html", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields(res.Text())
	want := []string{"uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez"}
	if !reflect.DeepEqual(words, want) {
		t.Errorf("words %q, want %q", words, want)
	}
}

func TestHTMLCharsets(t *testing.T) {
	cases := []struct{ src, want string }{
		{"<html><head><meta charset=\"iso-8859-1\"></head><body>Migraci\xf3n</body></html>", "Migración"},
		{"<html><body>No declaration: Migraci\xf3n</body></html>", "No declaration: Migración"},
		{"<html><head><meta charset=\"windows-1252\"></head><body>UTF-8 anyway: Migración</body></html>", "UTF-8 anyway: Migración"},
		{"\xef\xbb\xbf<html><body>BOM: niñez</body></html>", "BOM: niñez"},
		{"\xff\xfe" + utf16le("<html><body>UTF-16: año</body></html>"), "UTF-16: año"},
		{"<html><head><meta charset=\"utf-8\"></head><body>Lying: Migraci\xf3n a\xf1o</body></html>", "Lying: Migración año"},
	}
	for _, c := range cases {
		res, err := HTMLExtractor{}.Extract(context.Background(), "x.html", []byte(c.src))
		if err != nil {
			t.Fatal(err)
		}
		if got := res.Text(); got != c.want {
			t.Errorf("%q: got %q, want %q", c.src, got, c.want)
		}
	}
}

func utf16le(s string) string {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return string(b)
}

func TestHTMLDeepNesting(t *testing.T) {
	src := strings.Repeat("<div>", 20000) + "deep" + strings.Repeat("</div>", 20000)
	res, err := HTMLExtractor{}.Extract(context.Background(), "x.html", []byte("<html><body>top "+src+"</body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	if !res.HasFlag(FlagFlatHTML) || res.Text() != "top\ndeep" {
		t.Errorf("got %+v", res)
	}
}

func TestFrontMatter(t *testing.T) {
	fm := strings.Join([]string{
		`title: 'It''s a "test"' # not a comment inside quotes`,
		`plain: value # comment`,
		`multi: "first line`,
		`  second line"`,
		`folded: >`,
		`  one`,
		`  two`,
		``,
		`  three`,
		`literal: |-`,
		`  a`,
		`  b`,
		`list: [a, "b, c", 'd']`,
		`block:`,
		`  - x`,
		`  - "y"`,
		`empty:`,
		`nested:`,
		`  key: v`,
		`unicode: "\u00e9\x41\U0001F600"`,
		`continued: plain words`,
		`  going on`,
		`tilde: ~`,
	}, "\n")
	got := parseFrontMatter(fm)
	want := map[string]string{
		"title":      `It's a "test"`,
		"plain":      "value",
		"multi":      "first line second line",
		"folded":     "one two\nthree\n",
		"literal":    "a\nb",
		"list":       "a, b, c, d",
		"block":      "x, y",
		"empty":      "",
		"nested.key": "v",
		"unicode":    "éA😀",
		"continued":  "plain words going on",
		"tilde":      "",
	}
	// The folded block keeps one final line break ("clip" chomping is
	// approximated: trailing blank lines are dropped, the break is not kept).
	want["folded"] = "one two\nthree"
	if !reflect.DeepEqual(got, want) {
		for k := range want {
			if got[k] != want[k] {
				t.Errorf("%s = %q, want %q", k, got[k], want[k])
			}
		}
		for k := range got {
			if _, ok := want[k]; !ok {
				t.Errorf("unexpected key %s = %q", k, got[k])
			}
		}
	}
	if _, body, ok := splitFrontMatter("---\ntitle: x\nno closing line\n"); ok || body == "" {
		t.Error("unclosed front matter accepted")
	}
}

func TestMarkdownTitleFromHeading(t *testing.T) {
	res, err := MarkdownExtractor{}.Extract(context.Background(), "x.md", []byte("Intro\n\n# El *título* ##\n\nTexto.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if res.Title != "El título" || res.Text() != "Intro\n\nEl título\n\nTexto." {
		t.Errorf("title %q text %q", res.Title, res.Text())
	}
	res, _ = MarkdownExtractor{}.Extract(context.Background(), "x.md", []byte("Setext title\n============\n\nbody snake_case_word and 2*3*4\n"))
	if res.Title != "Setext title" || !strings.Contains(res.Text(), "snake_case_word and 2*3*4") {
		t.Errorf("title %q text %q", res.Title, res.Text())
	}
}

func TestTextExtractor(t *testing.T) {
	res, err := TextExtractor{}.Extract(context.Background(), "x.txt", nil)
	if err != nil || !res.HasFlag(FlagEmpty) || len(res.Pages) != 0 {
		t.Errorf("empty: %+v %v", res, err)
	}
	long := strings.Repeat("This first line is far too long to be a title. ", 5) + "\nmore"
	res, _ = TextExtractor{}.Extract(context.Background(), "x.txt", []byte(long))
	if res.Title != "" {
		t.Errorf("long first line taken as title: %q", res.Title)
	}
	res, _ = TextExtractor{}.Extract(context.Background(), "x.txt", []byte("\xff\xfe"+utf16le("Título\nmás")))
	if res.Title != "Título" || res.Text() != "Título\nmás" {
		t.Errorf("utf-16: %+v", res)
	}
}

type slowExtractor struct{ d time.Duration }

func (s slowExtractor) Extract(ctx context.Context, name string, data []byte) (*Result, error) {
	time.Sleep(s.d)
	return &Result{}, nil
}

type panicExtractor struct{}

func (panicExtractor) Extract(ctx context.Context, name string, data []byte) (*Result, error) {
	panic("boom")
}

func TestSafe(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := Safe(ctx, slowExtractor{2 * time.Second}, "x", nil)
	if !errors.Is(err, ErrTimeout) || !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "timed out") {
		t.Errorf("err = %v", err)
	}
	if time.Since(start) > time.Second {
		t.Errorf("Safe waited %v", time.Since(start))
	}
	if _, err := Safe(context.Background(), panicExtractor{}, "x", nil); !errors.Is(err, ErrPanic) {
		t.Errorf("panic: err = %v", err)
	}
}

func TestFileErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := File(context.Background(), filepath.Join(dir, "missing.pdf"), Options{}); err == nil || !strings.Contains(err.Error(), "missing.pdf") {
		t.Errorf("missing: %v", err)
	}
	big := filepath.Join(dir, "big.pdf")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxFileSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, err := File(context.Background(), big, Options{}); !errors.Is(err, ErrTooLarge) || !strings.HasPrefix(err.Error(), "extract "+big+": ") {
		t.Errorf("big: %v", err)
	}
	odd := filepath.Join(dir, "data.xyz")
	os.WriteFile(odd, []byte("hello"), 0o644)
	if _, err := File(context.Background(), odd, Options{}); !errors.Is(err, ErrUnsupported) {
		t.Errorf("unsupported: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := File(ctx, filepath.Join("testdata", "informe_en.txt"), Options{}); err == nil {
		t.Error("cancelled context: no error")
	}
}

// checkResult is what every extraction must satisfy, fuzzed or not.
func checkResult(t *testing.T, res *Result, err error) {
	t.Helper()
	if err != nil {
		return
	}
	if res == nil {
		t.Fatal("nil result without error")
	}
	if res.Pages == nil {
		t.Error("nil Pages")
	}
	for i, p := range res.Pages {
		if !utf8.ValidString(p) {
			t.Errorf("page %d is not valid UTF-8", i+1)
		}
	}
	for _, s := range []string{res.Title, res.Description, res.Author, res.Date, res.Lang} {
		if !utf8.ValidString(s) {
			t.Errorf("invalid UTF-8 in metadata %q", s)
		}
	}
}

func TestHTMLDates(t *testing.T) {
	cases := []struct {
		name, src, want string
	}{
		{"article:published_time", `<html><head><meta property="article:published_time" content="2021-11-19T10:00:00Z"></head><body><p>x</p></body></html>`, "2021-11-19"},
		{"JSON-LD datePublished", `<html><head><script type="application/ld+json">{"@type":"Article","datePublished":"2020-06-01"}</script></head><body><p>x</p></body></html>`, "2020-06-01"},
		{"time element", `<html><body><article><time datetime="2019-04-02">2 April</time><p>x</p></article></body></html>`, "2019-04-02"},
		{"none", `<html><body><p>In 2018 the caravan left.</p></body></html>`, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := HTMLExtractor{}.Extract(context.Background(), "x.html", []byte(c.src))
			if err != nil {
				t.Fatal(err)
			}
			if res.Date != c.want {
				t.Errorf("date %q, want %q", res.Date, c.want)
			}
		})
	}
}

func TestWithoutSiteName(t *testing.T) {
	cases := []struct {
		title, site, want string
	}{
		{"Migration costs add to financial burden | CDDL", "", "Migration costs add to financial burden"},
		{"MIT CDDL | Migration costs", "MIT CDDL", "Migration costs"},
		{"Migration costs — Civic Data Design Lab", "Civic Data Design Lab", "Migration costs"},
		{"Costs | About", "", "Costs | About"}, // the last part is not shorter: kept
		{"Charting a New Regional Course of Action", "", "Charting a New Regional Course of Action"},
		{"Mali - Niger border management", "", "Mali - Niger border management"}, // a hyphen is no separator without the site's name
		{"Mali - Niger border management - IOM", "IOM", "Mali - Niger border management"},
	}
	for _, c := range cases {
		if got := withoutSiteName(c.title, c.site); got != c.want {
			t.Errorf("withoutSiteName(%q, %q) = %q, want %q", c.title, c.site, got, c.want)
		}
	}
}
