package extract

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

func TestDebugDiff(t *testing.T) {
	f := os.Getenv("DIFF")
	if f == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(f)
	want, _ := os.ReadFile(filepath.Join(filepath.Dir(f), "..", "pdftotext", filepath.Base(f)+".txt"))
	res, err := PDFExtractor{Layout: PDFLayout(atoiEnv("LAYOUT"))}.Extract(context.Background(), f, data)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println("LEN", len(res.Text()), len(want), res.Flags, len(res.Pages))
	g, w := wordBag(res.Text()), wordBag(string(want))
	type kv struct{ k string; v int }
	var extra, missing []kv
	for k, v := range g {
		if d := v - w[k]; d > 0 {
			extra = append(extra, kv{k, d})
		}
	}
	for k, v := range w {
		if d := v - g[k]; d > 0 {
			missing = append(missing, kv{k, d})
		}
	}
	sort.Slice(extra, func(i, j int) bool { return extra[i].v > extra[j].v })
	sort.Slice(missing, func(i, j int) bool { return missing[i].v > missing[j].v })
	fmt.Println("EXTRA", extra[:min(60, len(extra))])
	fmt.Println("MISSING", missing[:min(60, len(missing))])
}

func atoiEnv(k string) int {
	var n int
	fmt.Sscan(os.Getenv(k), &n)
	return n
}
