package extract

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"faro/format"
)

// BenchmarkExtractPDF measures in-process PDF extraction in pages per
// second over the fixtures, and over the real domain PDFs when
// ../shared/realdocs is present:
//
//	go test ./indexer/extract -run '^$' -bench ExtractPDF -benchtime 5x
func BenchmarkExtractPDF(b *testing.B) {
	files, _ := filepath.Glob("testdata/*.pdf")
	if d := realdocsDir(b); d != "" {
		real, _ := filepath.Glob(filepath.Join(d, "domain", "*.pdf"))
		files = append(files, real...)
	}
	type doc struct {
		name string
		data []byte
	}
	var docs []doc
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc{filepath.Base(f), data})
	}
	ctx := context.Background()
	b.ResetTimer()
	pages := 0
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			res, err := Safe(ctx, For(format.PDF.Name), d.name, d.data)
			if err != nil && !strings.Contains(err.Error(), "encrypt") {
				b.Fatalf("%s: %v", d.name, err)
			}
			if res != nil {
				pages += len(res.Pages)
			}
		}
	}
	b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
}
