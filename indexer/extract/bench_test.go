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

// BenchmarkExtractHTML measures in-process extraction of small web pages
// like those of ../shared/bench (a title, a description, a few paragraphs
// of about 400 words in Spanish):
//
//	go test ./indexer/extract -run '^$' -bench ExtractHTML
func BenchmarkExtractHTML(b *testing.B) {
	words := strings.Fields("la migración de retorno y reintegración en comunidad con información sobre trata niñez remesas protección empleo")
	var body strings.Builder
	for p := range 6 {
		body.WriteString("<p>")
		for i := range 65 {
			body.WriteString(words[(p*7+i*3)%len(words)])
			if i%11 == 10 {
				body.WriteString(". ")
			} else {
				body.WriteString(" ")
			}
		}
		body.WriteString("Honduras.</p>\n")
	}
	page := []byte(`<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Niñez reintegración — Honduras 2010</title>` +
		`<meta name="description" content="Información sobre retorno y reintegración."></head><body><main><h1>Niñez reintegración</h1>` +
		body.String() + `</main></body></html>`)
	ctx := context.Background()
	var x HTMLExtractor
	for b.Loop() {
		if _, err := x.Extract(ctx, "page.html", page); err != nil {
			b.Fatal(err)
		}
	}
}
