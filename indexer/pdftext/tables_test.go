package pdftext

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// TestGlyphNames checks well-known entries of the Adobe Glyph List.
func TestGlyphNames(t *testing.T) {
	for name, want := range map[string]rune{
		"A": 'A', "space": ' ', "eacute": 'é', "Eacute": 'É', "ntilde": 'ñ',
		"germandbls": 'ß', "fi": 0xFB01, "fl": 0xFB02, "quotedblleft": 0x201C,
		"quotedblright": 0x201D, "quoteright": 0x2019, "quotesingle": '\'',
		"endash": 0x2013, "emdash": 0x2014, "bullet": 0x2022, "Euro": 0x20AC,
		"euro": 0x20AC, "minus": 0x2212, "ellipsis": 0x2026, "Lslash": 0x0141,
		"dotlessi": 0x0131, "alpha": 'α', "Omega": 0x2126, "Delta": 0x2206,
		"nbspace": 0xA0, "sfthyphen": 0xAD, "afii10017": 'А', "alefhebrew": 'א',
		// the AGL maps these to several code points; the table keeps the first
		"dalethatafpatah": 0x05D3, "lamedholamdagesh": 0x05DC,
	} {
		if got, ok := glyphNames[name]; !ok || got != want {
			t.Errorf("glyphNames[%q] = %U, %v; want %U", name, got, ok, want)
		}
	}
	if n := len(glyphNames); n < 4281 {
		t.Errorf("%d glyph names; the AGL has 4281", n)
	}
}

// TestGlyphRuneRules: names outside the AGL are read by rule, not by table.
func TestGlyphRuneRules(t *testing.T) {
	for name, want := range map[string]string{
		"uni00E9": "é", "uni00660301": "f\u0301", "u1F600": "😀", "u00E9": "é",
		"f_f_i": "ffi", "eacute.sc": "é", "T_h": "Th", "uniFB01.alt": "\uFB01",
	} {
		if got, ok := glyphRune(name); !ok || got != want {
			t.Errorf("glyphRune(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
	for _, name := range []string{"g123", "uniXYZW", "glyph"} {
		if got, ok := glyphRune(name); ok {
			t.Errorf("glyphRune(%q) = %q, want none", name, got)
		}
	}
}

// TestEncodingTables checks the base encodings against their definitions:
// WinAnsiEncoding is Windows-1252 with its unused codes above 0x20 the
// bullet, MacRomanEncoding Mac OS Roman with 0xDB the currency sign
// (ISO 32000-1, Annex D), PDFDocEncoding Latin-1 but for the codes of
// Table D.2.
func TestEncodingTables(t *testing.T) {
	for _, c := range []struct {
		name string
		t    *[256]rune
		code byte
		want rune
	}{
		{"WinAnsi", &winAnsiEncoding, 'A', 'A'},
		{"WinAnsi", &winAnsiEncoding, 0x80, '€'},
		{"WinAnsi", &winAnsiEncoding, 0x92, '’'},
		{"WinAnsi", &winAnsiEncoding, 0x93, '“'},
		{"WinAnsi", &winAnsiEncoding, 0x95, '•'},
		{"WinAnsi", &winAnsiEncoding, 0x96, '–'},
		{"WinAnsi", &winAnsiEncoding, 0x9F, 'Ÿ'},
		{"WinAnsi", &winAnsiEncoding, 0xA0, 0xA0},
		{"WinAnsi", &winAnsiEncoding, 0xE9, 'é'},
		{"WinAnsi", &winAnsiEncoding, 0x7F, '•'},
		{"WinAnsi", &winAnsiEncoding, 0x81, '•'},
		{"WinAnsi", &winAnsiEncoding, 0x9D, '•'},
		{"MacRoman", &macRomanEncoding, 'a', 'a'},
		{"MacRoman", &macRomanEncoding, 0x8E, 'é'},
		{"MacRoman", &macRomanEncoding, 0x96, 'ñ'},
		{"MacRoman", &macRomanEncoding, 0xA5, '•'},
		{"MacRoman", &macRomanEncoding, 0xD2, '“'},
		{"MacRoman", &macRomanEncoding, 0xDB, '¤'},
		{"MacRoman", &macRomanEncoding, 0xDE, 0xFB01},
		{"PDFDoc", &pdfDocEncoding, 'z', 'z'},
		{"PDFDoc", &pdfDocEncoding, '\n', '\n'},
		{"PDFDoc", &pdfDocEncoding, 0x01, noRune},
		{"PDFDoc", &pdfDocEncoding, 0x18, '˘'},
		{"PDFDoc", &pdfDocEncoding, 0x1F, '˜'},
		{"PDFDoc", &pdfDocEncoding, 0x7F, noRune},
		{"PDFDoc", &pdfDocEncoding, 0x80, '•'},
		{"PDFDoc", &pdfDocEncoding, 0x84, '—'},
		{"PDFDoc", &pdfDocEncoding, 0x8A, '−'},
		{"PDFDoc", &pdfDocEncoding, 0x8D, '“'},
		{"PDFDoc", &pdfDocEncoding, 0x93, 0xFB01},
		{"PDFDoc", &pdfDocEncoding, 0x9F, noRune},
		{"PDFDoc", &pdfDocEncoding, 0xA0, '€'},
		{"PDFDoc", &pdfDocEncoding, 0xAD, noRune},
		{"PDFDoc", &pdfDocEncoding, 0xE9, 'é'},
	} {
		if got := c.t[c.code]; got != c.want {
			t.Errorf("%s 0x%02X = %U, want %U", c.name, c.code, got, c.want)
		}
	}

	for b := 0; b < 256; b++ {
		cp := charmap.Windows1252.DecodeByte(byte(b))
		bullet := b == 0x7F || b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D
		if got := winAnsiEncoding[b]; bullet && got != 0x2022 || !bullet && got != cp {
			t.Errorf("WinAnsi 0x%02X = %U; Windows-1252 has %U", b, got, cp)
		}
		mac := charmap.Macintosh.DecodeByte(byte(b))
		if got := macRomanEncoding[b]; b != 0xDB && got != mac {
			t.Errorf("MacRoman 0x%02X = %U; Mac OS Roman has %U", b, got, mac)
		}
		if b >= 0x20 && b < 0x7F || b >= 0xA1 && b != 0xAD {
			if got := pdfDocEncoding[b]; got != rune(b) {
				t.Errorf("PDFDoc 0x%02X = %U; Latin-1 has %U", b, got, rune(b))
			}
		}
	}
}

// TestTablesGenerated regenerates tables_gen.go from the Adobe Glyph List
// (fontTools' agl.py, Debian package python3-fonttools) and compares: the
// committed file must be what the generator writes.
func TestTablesGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the generator")
	}
	const agl = "/usr/lib/python3/dist-packages/fontTools/agl.py"
	if _, err := os.Stat(agl); err != nil {
		t.Skipf("%s not installed (apt-get install python3-fonttools)", agl)
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	out := filepath.Join(t.TempDir(), "tables_gen.go")
	cmd := exec.Command(goBin, "run", "./internal/gentables", "-agl", agl, "-o", out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("gentables: %v\n%s", err, msg)
	}
	want, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	have, err := os.ReadFile("tables_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(have, want) {
		t.Error("tables_gen.go is not what gentables writes: run go generate ./indexer/pdftext")
	}
}
