package extract

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Fuzz targets: no input may panic an extractor, hang it past its
// context, or make it return invalid UTF-8. Seeds come from testdata.

func addSeeds(f *testing.F, exts ...string) {
	entries, _ := os.ReadDir("testdata")
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasSuffix(name, ".golden") {
			continue
		}
		for _, ext := range exts {
			if strings.EqualFold(filepath.Ext(name), ext) {
				if data, err := os.ReadFile(filepath.Join("testdata", name)); err == nil {
					f.Add(data)
				}
			}
		}
	}
}

func FuzzHTML(f *testing.F) {
	addSeeds(f, ".html")
	f.Add([]byte(`<html><body><ul><li><h3>T</h3><p>S</p><a href="x.PDF#p">d</a></li></ul></body></html>`))
	f.Add([]byte("<meta charset=shift_jis><p>\x82\xa0</p>"))
	f.Add([]byte(`<body><nav>M</nav><section><h2>T</h2><a>Learn more</a><div><span>Read more</span></div></section>` +
		`<div class="modal"><p>x</p></div><main><p>words here</p><div hidden>h</div></main><footer>f</footer></body>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		res, err := HTMLExtractor{}.Extract(ctx, "f.html", data)
		checkResult(t, res, err)
		for _, l := range resLinks(res) {
			if !isPDFHref(l.Href) {
				t.Errorf("non-PDF link %q", l.Href)
			}
		}
	})
}

func resLinks(r *Result) []Link {
	if r == nil {
		return nil
	}
	return r.Links
}

func FuzzMarkdown(f *testing.F) {
	addSeeds(f, ".md", ".txt")
	f.Add([]byte("---\ntitle: \"a\\\n  b\"\nlist: [a, 'b''c', \"d\\\"e\"]\nblock: |+\n  x\n\n---\n# H\n"))
	f.Add([]byte("---\nk:\n  - a\n  - \"b\n---\n![i](u) [l](http://x_(y)) **b** _i_ `c`\n```\ncode\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		res, err := MarkdownExtractor{}.Extract(ctx, "f.md", data)
		checkResult(t, res, err)
		res, err = TextExtractor{}.Extract(ctx, "f.txt", data)
		checkResult(t, res, err)
	})
}

func FuzzPDF(f *testing.F) {
	addSeeds(f, ".pdf")
	// Small real PDFs make better seeds when the shared corpus is there
	// (read in place, never copied into the repository).
	if root := realdocsDir(f); root != "" {
		entries, _ := os.ReadDir(filepath.Join(root, "pdf-robustness"))
		for _, e := range entries {
			if info, err := e.Info(); err == nil && info.Size() <= 16<<10 {
				if data, err := os.ReadFile(filepath.Join(root, "pdf-robustness", e.Name())); err == nil {
					f.Add(data)
				}
			}
		}
	}
	f.Add(genPDF{pages: []genPage{{lines: []string{"Hola", "niñez"}}}, info: map[string]string{"Title": "T", "CreationDate": "D:2019"}}.bytes())
	f.Add(genPDF{pages: []genPage{{content: "BT /F1 12 Tf [(a) -300 (b)] TJ ET q Q Q"}}}.bytes())
	f.Add(genPDF{pages: []genPage{{lines: []string{"x"}}}, encrypt: true}.bytes())
	f.Add(genPDF{pages: []genPage{{lines: []string{"x"}, filter: "FlateDecode"}}}.bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		res, err := PDFExtractor{}.Extract(ctx, "f.pdf", data)
		checkResult(t, res, err)
	})
}
