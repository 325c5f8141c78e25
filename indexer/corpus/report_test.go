package corpus

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"

	"faro/indexer"
	"faro/indexer/extract"
)

// TestLogReportOCR: the summary `faro serve` logs after indexing carries
// OCR's totals, as `faro index` prints them.
func TestLogReportOCR(t *testing.T) {
	for _, c := range []struct {
		name      string
		ocr       indexer.OCRStats
		want, not []string
	}{
		{"pages read and skipped", indexer.OCRStats{Docs: 2, Pages: 3, Low: 1, ConfidenceSum: 270, Seconds: 41.6,
			Skipped: map[string]int{extract.SkipTimeout: 1, extract.SkipBlank: 2}},
			[]string{"msg=ocr pages=3 documents=2 mean_confidence=90 low_confidence=1 seconds=42", `skipped="2 blank, 1 timeout"`},
			[]string{"install Tesseract"}},
		{"no Tesseract", indexer.OCRStats{Skipped: map[string]int{extract.SkipNoTesseract: 4}},
			[]string{"level=WARN", "install Tesseract", "pages=4"},
			[]string{"msg=ocr"}},
		{"no OCR", indexer.OCRStats{},
			[]string{"msg=indexed"},
			[]string{"msg=ocr", "Tesseract"}},
	} {
		var buf bytes.Buffer
		LogReport(slog.New(slog.NewTextHandler(&buf, nil)), &indexer.Report{Files: 5, OCR: c.ocr})
		out := buf.String()
		if !strings.Contains(out, "msg=indexed") {
			t.Errorf("%s: no summary line:\n%s", c.name, out)
		}
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: log lacks %q:\n%s", c.name, w, out)
			}
		}
		for _, w := range c.not {
			if strings.Contains(out, w) {
				t.Errorf("%s: log holds %q:\n%s", c.name, w, out)
			}
		}
	}
}
