package pdftext

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

func pageText(t *testing.T, data []byte) (string, Stats) {
	t.Helper()
	d, err := Open(data)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if d.NumPages() < 1 {
		t.Fatal("no page")
	}
	p, err := d.PageText(0)
	if err != nil {
		t.Fatalf("PageText: %v", err)
	}
	return p.Text, p.Stats
}

// TestTwoColumnsLibreOffice: a Spanish two-column page made by LibreOffice
// Writer (testdata/dos_columnas.fodt → .pdf): the first column is read
// before the second, words are not glued, accents survive, and the Info
// dictionary comes through.
func TestTwoColumnsLibreOffice(t *testing.T) {
	data, err := os.ReadFile("testdata/dos_columnas.pdf")
	if err != nil {
		t.Fatal(err)
	}
	got, _ := pageText(t, data)
	want, err := os.ReadFile("testdata/dos_columnas.txt")
	if err != nil {
		if os.Getenv("PDFTEXT_UPDATE") != "" {
			os.WriteFile("testdata/dos_columnas.txt", []byte(got), 0o644)
			return
		}
		t.Fatal(err)
	}
	if got != strings.TrimRight(string(want), "\n") {
		t.Errorf("text differs from testdata/dos_columnas.txt:\n%s", got)
	}
	first, second := strings.Index(got, "justicia."), strings.Index(got, "SEGUNDA COLUMNA")
	if first < 0 || second < 0 || first > second {
		t.Errorf("columns out of order")
	}
	for _, w := range []string{"migración irregular", "niñez no acompañada", "Último párrafo", "tráfico ilícito"} {
		if !strings.Contains(strings.Join(strings.Fields(got), " "), w) {
			t.Errorf("lacks %q", w)
		}
	}
	d, _ := Open(data)
	info, _ := d.Info()
	if info["Title"] != "Migración segura en dos columnas" || info["Author"] != "Equipo Faro" || info["Subject"] != "Prueba de columnas" || info["Keywords"] != "migración" || !strings.HasPrefix(info["CreationDate"], "D:20") {
		t.Errorf("info: %v", info)
	}
}

func TestFormXObjects(t *testing.T) {
	inner := stream("/Type /XObject /Subtype /Form /BBox [0 0 300 100] /Resources << /Font << /F2 4 0 R >> >>",
		"BT /F2 10 Tf 0 50 Td (Dentro del formulario) Tj ET", true)
	// Fx draws text, then Fy (nested), then itself (a cycle).
	content := "BT /F1 12 Tf 72 720 Td (Antes del formulario) Tj ET\nq 1 0 0 1 72 600 cm /Fx Do Q\nBT /F1 12 Tf 72 400 Td (Despu\\351s) Tj ET"
	b := &pdfBuilder{}
	catalog := b.add("")
	pages := b.add("")
	f1 := b.add(helvetica)
	f2 := b.add(helvetica)
	fy := b.add(stream("/Type /XObject /Subtype /Form /BBox [0 0 300 100] /Resources << /Font << /F1 3 0 R >> >>",
		"BT /F1 10 Tf 0 0 Td (Formulario anidado) Tj ET", false))
	fx := b.add("")
	b.set(fx, stream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 300 100] /Matrix [1 0 0 1 0 10] /Resources << /Font << /F2 %d 0 R >> /XObject << /Fy %d 0 R /Fx %d 0 R >> >>", f2, fy, fx),
		"BT /F2 10 Tf 0 50 Td (Dentro del formulario) Tj ET q 1 0 0 1 0 20 cm /Fy Do Q /Fx Do", true))
	contents := b.add(stream("", content, false))
	page := b.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 %d 0 R >> /XObject << /Fx %d 0 R >> >> /Contents %d 0 R >>", pages, f1, fx, contents))
	b.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	b.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", page))
	_ = inner
	got, _ := pageText(t, b.bytes(catalog))
	want := "Antes del formulario\nDentro del formulario\nFormulario anidado\nDespués"
	if got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// cidFont is a Type0 font with Identity-H codes, a /W array and a
// ToUnicode CMap with a bfchar, a bfrange and a ligature.
func cidFont(toUnicode int) string {
	return fmt.Sprintf(`<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+NotoSans /Encoding /Identity-H /ToUnicode %d 0 R
 /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+NotoSans /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>
 /DW 1000 /W [1 [600 550 520] 10 20 500] >>] >>`, toUnicode)
}

const cidToUnicode = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /Test def 1 begincodespacerange <0000> <FFFF> endcodespacerange
3 beginbfchar <0001> <0048> <0002> <006F> <0003> <FB01> endbfchar
1 beginbfrange <000A> <0019> <0061> endbfrange
1 beginbfrange <0020> <0021> [<00F1> <00E9>] endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end`

func TestCIDFont(t *testing.T) {
	b := &pdfBuilder{}
	catalog := b.add("")
	pages := b.add("")
	tu := b.add(stream("", cidToUnicode, true))
	font := b.add(cidFont(tu))
	// "Ho" + "la" (0x0015 is beyond the range: 'a'+11 = 'l'), then a
	// kerned gap, then "niño" with ñ from the array range; and "ﬁn".
	content := "BT /F1 20 Tf 72 700 Td [<0001 0002> <0015 000A> -400 <0017 0012 0020 0018>] TJ ET\nBT /F1 20 Tf 72 650 Td <0003 0017> Tj ET"
	contents := b.add(stream("", content, false))
	page := b.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>", pages, font, contents))
	b.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	b.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", page))
	got, st := pageText(t, b.bytes(catalog))
	if got != "Hola niño\nfin" {
		t.Errorf("got %q", got)
	}
	if st.Replacement != 0 || st.Glyphs != 10 {
		t.Errorf("stats %+v", st)
	}
}

// TestAccentGlyphs: accents drawn as glyphs of their own (as LaTeX does),
// before or after their letter, are composed with it.
func TestAccentGlyphs(t *testing.T) {
	// Helvetica: e 556, acute (\264) 333. After "e" the pen is 556 right
	// of it: move back 445 to centre the accent; or draw the accent first
	// and move back under it.
	content := "BT /F1 12 Tf 72 700 Td [(caf) (e) 445 (\\264) -111 ( y naci) (\\264) 333 (o) (n)] TJ ET\n" +
		"BT /F1 12 Tf 72 680 Td [(ni) (\\230) 333 (n) (o)] TJ ET"
	got, _ := pageText(t, onePage(content, map[string]string{"F1": helvetica}, nil))
	if got != "café y nación\nniño" {
		t.Errorf("got %q", got)
	}
}

func TestEncodings(t *testing.T) {
	diff := "<< /Type /Font /Subtype /Type1 /BaseFont /Custom /FirstChar 32 /LastChar 127 /Widths [" + strings.Repeat("500 ", 96) +
		"] /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [65 /uni00F1 /Eacute /f_i /g123 /quoteright] >> >>"
	symbol := "<< /Type /Font /Subtype /Type1 /BaseFont /Symbol >>"
	content := "BT /F1 12 Tf 72 700 Td (ABC\\200 D) Tj ET\nBT /F2 12 Tf 72 680 Td (abg) Tj ET\nBT /F1 12 Tf 72 660 Td (E\\222s) Tj ET"
	got, st := pageText(t, onePage(content, map[string]string{"F1": diff, "F2": symbol}, nil))
	if got != "ñÉfi€ \uFFFD\nαβγ\n’’s" {
		t.Errorf("got %q", got)
	}
	if st.Replacement != 1 {
		t.Errorf("stats %+v", st)
	}
}

func TestFakeBoldAndRotation(t *testing.T) {
	content := "BT /F1 12 Tf 72 700 Td (Negrita) Tj ET BT /F1 12 Tf 72.3 700 Td (Negrita) Tj ET\n" +
		"BT /F1 12 Tf 0 1 -1 0 500 300 Tm (Vertical) Tj ET"
	got, _ := pageText(t, onePage(content, map[string]string{"F1": helvetica}, nil))
	if got != "Negrita\n\nVertical" {
		t.Errorf("got %q", got)
	}
}

func TestWordSpacing(t *testing.T) {
	// Words separated only by positioning (TJ kerning, Td moves, Tw on a
	// space), hyphenated line ends joined, a ligature expanded.
	content := "BT /F1 12 Tf 72 700 Td [(Migraci) -10 (\\363n) -400 (segura)] TJ ET\n" +
		"BT /F1 12 Tf 72 680 Td (ordenada) Tj 60 0 Td (y regular) Tj ET\n" +
		"BT /F1 12 Tf 72 660 Td 5 Tw (la pro-) Tj 0 -14 Td (tecci\\363n) Tj ET"
	got, _ := pageText(t, onePage(content, map[string]string{"F1": helvetica}, nil))
	if got != "Migración segura\nordenada y regular\nla protección" {
		t.Errorf("got %q", got)
	}
}

func TestBrokenPagesRecover(t *testing.T) {
	// Unknown operators, unbalanced Q, strings outside BT, an inline image
	// with binary data, an unknown font: text still comes out.
	content := "Q Q BX foo bar EX (stray) Tj\nBI /W 2 /H 2 /BPC 8 /CS /G ID \x00\xffEI\x01 EI\nBT /F9 12 Tf 72 700 Td (Hola) Tj ET BT /F1 12 Tf 72 680 Td [(mundo)] TJ"
	got, st := pageText(t, onePage(content, map[string]string{"F1": helvetica}, nil))
	if !strings.Contains(got, "Hola") || !strings.Contains(got, "mundo") || st.Images != 1 {
		t.Errorf("got %q %+v", got, st)
	}
	if !utf8.ValidString(got) {
		t.Error("invalid UTF-8")
	}
}

func TestOpenErrors(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("hello"), []byte("%PDF-1.4\n1 0 obj"), []byte("%PDF-1.4\n%%EOF")} {
		if _, err := Open(data); err == nil {
			t.Errorf("%q: no error", data)
		}
	}
}

func TestRefEntries(t *testing.T) {
	got := refEntries(`<</F1 12 0 R /F2 <</Sub 5 0 R>> /F3 7 0 R /N "a /X 1 0 R" /Arr [1 0 R 2 0 R] /Last 99 0 R>>`)
	want := map[string]string{"F1": "12 0 R", "F3": "7 0 R", "Last": "99 0 R"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v", got)
	}
}

func TestBidi(t *testing.T) {
	if got := bidi("2021 مالسلا"); got != "السلام 2021" {
		t.Errorf("got %q", got)
	}
	if got := bidi("plain text"); got != "plain text" {
		t.Errorf("got %q", got)
	}
}
