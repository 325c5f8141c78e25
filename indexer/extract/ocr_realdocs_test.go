package extract

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"faro/indexer/ocr"
	"faro/indexer/ocr/ocrtest"
	"faro/indexer/textquality"
)

// OCR floors on scans made from real text PDFs: one dense page per
// language (EN, ES, FR), rendered at 150 and 300 dpi and wrapped as
// image-only PDFs, read back with OCR and compared with poppler's text of
// the page. The targets are 0.95 at 300 dpi and 0.90 at 150 dpi;
// scripts/ocreval measures a random sample (see BENCHMARKS.md).
var ocrRealPages = []struct {
	file string
	page int // 1-based
	lang string
}{
	{"domain/iom-eval_eu-iom-ji-horn-africa_final-report.pdf", 139, "en"},
	{"domain-es/mx-segob-upm_lineamientos-tramites-procedimientos-migratorios-ref-2019.pdf", 60, "es"},
	{"domain/iom-eval_guinea-diaspora-health_report_fr.pdf", 18, "fr"},
}

var ocrFloors = map[int]float64{300: 0.95, 150: 0.90}

func TestOCRRealScans(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: OCR of real pages takes a minute")
	}
	root := realdocsDir(t)
	if root == "" {
		t.Skip("no ../shared/realdocs")
	}
	needTesseract(t)
	withOCR(t, OCRConfig{Mode: ocr.Auto})
	ctx := context.Background()
	for _, dpi := range []int{300, 150} {
		sum := 0.0
		for _, p := range ocrRealPages {
			data, err := os.ReadFile(filepath.Join(root, p.file))
			if err != nil {
				t.Skip(err)
			}
			ref, err := os.ReadFile(filepath.Join(root, "pdftotext", filepath.Base(p.file)+".txt"))
			if err != nil {
				t.Skip(err)
			}
			want := strings.Split(string(ref), "\f")[p.page-1]
			sctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
			scan, err := ocrtest.ScanPages(sctx, data, []int{p.page - 1}, dpi)
			if err != nil {
				cancel()
				t.Fatal(err)
			}
			res, err := ExtractPDFLocal(sctx, PDFExtractor{}, "scan.pdf", scan)
			cancel()
			if err != nil {
				t.Fatal(err)
			}
			f1, _, _ := textquality.WordF1(res.Text(), want)
			o, ok := res.PageOCR(1)
			t.Logf("%d dpi %s %s p.%d: word F1 %.4f, confidence %.1f, models %s", dpi, p.lang, filepath.Base(p.file), p.page, f1, o.Confidence, o.Models)
			if !ok {
				t.Errorf("%s p.%d at %d dpi: not read by OCR: %+v", p.file, p.page, dpi, res.OCR)
			}
			sum += f1
		}
		if mean := sum / float64(len(ocrRealPages)); mean < ocrFloors[dpi] {
			t.Errorf("%d dpi: mean word F1 %.4f, floor %.2f", dpi, mean, ocrFloors[dpi])
		}
	}
}
