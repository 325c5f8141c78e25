package extract

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"faro/indexer/ocr"
	"faro/indexer/ocr/ocrtest"
	"faro/indexer/textquality"
)

// scanLines are the words of the generated scans: what a test expects
// OCR to read back.
var scanLines = [][]string{{
	"Informe regional sobre la migración en Centroamérica",
	"La coalición contra la trata de personas abrió nuevas",
	"ventanillas informativas en Honduras, Guatemala y El Salvador.",
	"Las personas migrantes reciben orientación sobre sus derechos,",
	"los riesgos del viaje irregular y el retorno voluntario.",
}, {
	"Regional report on migration in Central America",
	"The coalition against trafficking in persons opened new",
	"information desks in Honduras, Guatemala and El Salvador.",
	"Migrants receive guidance on their rights, the risks of",
	"irregular travel and assisted voluntary return.",
}}

// needTesseract skips the test when Tesseract is not installed (in CI,
// .ci/run installs it, and the test fails instead).
func needTesseract(t *testing.T) *ocr.Engine {
	t.Helper()
	e, err := ocr.Find()
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI installs tesseract: %v", err)
		}
		t.Skip(err)
	}
	return e
}

func withOCR(t *testing.T, c OCRConfig) {
	t.Helper()
	old := OCR()
	SetOCR(c)
	t.Cleanup(func() { SetOCR(old) })
}

func TestOCRScannedPDF(t *testing.T) {
	needTesseract(t)
	ctx := context.Background()
	text := ocrtest.TextPDF(scanLines...)
	tests := []struct {
		name     string
		pdf      func(t *testing.T) []byte
		mode     ocr.Mode
		wantOCR  []int // pages read by OCR
		wantFlag string
		noFlag   string
	}{
		{"scan, auto", scan(text, 200), ocr.Auto, []int{1, 2}, FlagOCR, FlagNoTextLayer},
		{"scan, off", scan(text, 200), ocr.Off, nil, FlagNoTextLayer, FlagOCR},
		{"text layer, auto", func(*testing.T) []byte { return text }, ocr.Auto, nil, "", FlagOCR},
		{"text layer, force", func(*testing.T) []byte { return text }, ocr.Force, []int{1, 2}, FlagOCR, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if testing.Short() && tc.mode == ocr.Force {
				t.Skip("-short: one recognised scan is enough")
			}
			withOCR(t, OCRConfig{Mode: tc.mode, DPI: 200})
			res, err := ExtractPDFLocal(ctx, PDFExtractor{}, "scan.pdf", tc.pdf(t))
			if err != nil {
				t.Fatal(err)
			}
			var got []int
			if res.OCR != nil {
				for _, p := range res.OCR.Pages {
					got = append(got, p.Page)
				}
			}
			if !slices.Equal(got, tc.wantOCR) {
				t.Errorf("pages read by OCR = %v, want %v (report %+v)", got, tc.wantOCR, res.OCR)
			}
			if tc.wantFlag != "" && !res.HasFlag(tc.wantFlag) {
				t.Errorf("flags %v lack %q", res.Flags, tc.wantFlag)
			}
			if tc.noFlag != "" && res.HasFlag(tc.noFlag) {
				t.Errorf("flags %v hold %q", res.Flags, tc.noFlag)
			}
			if len(tc.wantOCR) == 0 {
				return
			}
			for i, want := range scanLines {
				f1, _, _ := textquality.WordF1(res.Pages[i], strings.Join(want, "\n"))
				if f1 < 0.9 {
					t.Errorf("page %d: word F1 %.3f < 0.9:\n%s", i+1, f1, res.Pages[i])
				}
			}
			for _, p := range res.OCR.Pages {
				if p.Confidence < ocr.LowConfidence || p.Low {
					t.Errorf("page %d: confidence %.1f on a clean render", p.Page, p.Confidence)
				}
			}
			// The language is not declared: each page is read again
			// in the language it reads as.
			if m := res.OCR.Pages[0].Models; m != "spa" {
				t.Errorf("page 1 read with %q, want spa", m)
			}
			if m := res.OCR.Pages[1].Models; m != "eng" {
				t.Errorf("page 2 read with %q, want eng", m)
			}
		})
	}
}

// TestOCRKnownLanguage: a scan whose language its caller knows (WithLang,
// a sidecar's) is read with that language's model on every page, without
// the English-first reading and the guess; extract.File carries
// Options.Lang the same way.
func TestOCRKnownLanguage(t *testing.T) {
	needTesseract(t)
	withOCR(t, OCRConfig{Mode: ocr.Auto, DPI: 200})
	// Page 1 of scanLines is Spanish, page 2 English: told "es", both are
	// read with the Spanish model; told nothing, each in its own.
	pdf := scan(ocrtest.TextPDF(scanLines...), 200)(t)
	path := filepath.Join(t.TempDir(), "scan.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		lang string
		want []string
	}{
		{"es", []string{"spa", "spa"}},
		{"es-MX", []string{"spa", "spa"}},
		{"", []string{"spa", "eng"}},
	} {
		if testing.Short() && tc.lang != "es" {
			continue
		}
		res, err := File(context.Background(), path, Options{Lang: tc.lang})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		if res.OCR != nil {
			for _, p := range res.OCR.Pages {
				got = append(got, p.Models)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("language %q: pages read with %v, want %v", tc.lang, got, tc.want)
		}
	}
}

// scan returns an image-only PDF of pdf rendered at dpi.
func scan(pdf []byte, dpi int) func(t *testing.T) []byte {
	return func(t *testing.T) []byte {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		out, err := ocrtest.ScanPDF(ctx, pdf, dpi)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
}

func TestOCRWithoutTesseract(t *testing.T) {
	t.Setenv("FARO_TESSERACT", filepath.Join(t.TempDir(), "no-such-program"))
	ctx := context.Background()
	// An image-only PDF needs no recogniser to be made: pdfium renders it.
	pdf := scan(ocrtest.TextPDF(scanLines...), 100)(t)
	for _, mode := range []ocr.Mode{ocr.Auto, ocr.Force} {
		withOCR(t, OCRConfig{Mode: mode})
		res, err := ExtractPDFLocal(ctx, PDFExtractor{}, "scan.pdf", pdf)
		if err != nil {
			t.Fatal(err)
		}
		if !res.HasFlag(FlagOCRUnavailable) || !res.HasFlag(FlagNoTextLayer) {
			t.Errorf("%s: flags %v, want %s and %s", mode, res.Flags, FlagOCRUnavailable, FlagNoTextLayer)
		}
		if res.OCR == nil || res.OCR.Wanted() != 2 || len(res.OCR.Pages) != 0 || res.OCR.Skipped[0].Reason != SkipNoTesseract {
			t.Errorf("%s: report %+v, want 2 pages skipped for %s", mode, res.OCR, SkipNoTesseract)
		}
	}
}
