package pdftext

import (
	"os"
	"path/filepath"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzExtractPDF: no input may make Open, Info or PageText panic, return
// invalid UTF-8, or run past the deadline by much. Seeds: the fixtures of
// this package's tests.
func FuzzExtractPDF(f *testing.F) {
	if files, _ := filepath.Glob("testdata/*.pdf"); len(files) > 0 {
		for _, p := range files {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data)
			}
		}
	}
	f.Add(onePage("BT /F1 12 Tf 72 700 Td [(caf) (e) 445 (\\264)] TJ ET", map[string]string{"F1": helvetica}, nil))
	f.Add(onePage("q 1 0 0 1 10 10 cm /Fx Do Q BI /W 1 /H 1 ID \x00 EI", map[string]string{"F1": helvetica},
		map[string]string{"Fx": stream("/Subtype /Form /BBox [0 0 1 1]", "BT /F1 9 Tf (x) Tj ET /Fx Do", false)}))
	f.Add(onePage("BT /F1 20 Tf 72 700 Td [<0001 0002> -400 <0017>] TJ ET", map[string]string{"F1": cidFont(4)}, nil))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Open(data)
		if err != nil {
			return
		}
		d.Deadline = time.Now().Add(2 * time.Second)
		info, lang := d.Info()
		for k, v := range info {
			if !utf8.ValidString(k) || !utf8.ValidString(v) {
				t.Errorf("info %q: invalid UTF-8", k)
			}
		}
		_ = lang
		start := time.Now()
		for i := 0; i < d.NumPages() && i < 50; i++ {
			p, _ := d.PageText(i)
			if !utf8.ValidString(p.Text) {
				t.Errorf("page %d: invalid UTF-8", i+1)
			}
		}
		if time.Since(start) > 5*time.Second {
			t.Errorf("took %v", time.Since(start))
		}
	})
}
