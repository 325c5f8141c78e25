package classify

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// corpusLabels is the bundled corpus's ground truth.
const (
	corpusLabels = "../testdata/corpus-labels.json"
	corpusDir    = "../../corpus"
)

// groundTruth is one entry of corpusLabels.
type groundTruth struct {
	Source, Title, Lang, Type string
	Year                      int
	Countries, Themes         []string
	Principles                []string
	GCM                       []int
}

// TestCorpusGroundTruth measures the classifier against the bundled
// corpus's ground truth and logs precision and recall per facet. PDFs are
// read with poppler's pdftotext (the test skips without it), HTML with its
// tags stripped; the title is the ground truth's, as the indexer takes it
// from the file's metadata. The floors are what the classifier reached
// when this test was written, so a change that loses ground fails.
func TestCorpusGroundTruth(t *testing.T) {
	b, err := os.ReadFile(corpusLabels)
	if err != nil {
		t.Skipf("no ground truth: %v", err)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	var docs []groundTruth
	if err := json.Unmarshal(b, &docs); err != nil {
		t.Fatalf("parse %s: %v", corpusLabels, err)
	}
	type counts struct{ tp, fp, fn int }
	stats := map[string]*counts{}
	tally := func(facet string, got, want []string) {
		c := stats[facet]
		if c == nil {
			c = &counts{}
			stats[facet] = c
		}
		for _, g := range got {
			if slices.Contains(want, g) {
				c.tp++
			} else {
				c.fp++
			}
		}
		for _, w := range want {
			if !slices.Contains(got, w) {
				c.fn++
			}
		}
	}
	itoa := func(ns []int) []string {
		var out []string
		for _, n := range ns {
			out = append(out, strconv.Itoa(n))
		}
		return out
	}
	tags := regexp.MustCompile(`(?is)<script.*?</script>|<style.*?</style>|<[^>]+>`)
	var diff strings.Builder
	for _, d := range docs {
		p := filepath.Join(corpusDir, filepath.FromSlash(d.Source))
		var pages []string
		switch ext := strings.ToLower(filepath.Ext(p)); ext {
		case ".pdf":
			out, err := exec.Command("pdftotext", "-layout", p, "-").Output()
			if err != nil {
				t.Errorf("pdftotext %s: %v", p, err)
				continue
			}
			pages = strings.Split(string(out), "\f")
		default:
			raw, err := os.ReadFile(p)
			if err != nil {
				t.Errorf("read %s: %v", p, err)
				continue
			}
			text := string(raw)
			if ext == ".html" || ext == ".htm" {
				text = tags.ReplaceAllString(text, " ")
			}
			pages = []string{text}
		}
		o := Classify(Input{Title: d.Title, Pages: pages, FileName: filepath.Base(p)})
		tally("lang", []string{o.Lang}, []string{d.Lang})
		tally("type", []string{o.Type}, []string{d.Type})
		tally("year", []string{strconv.Itoa(o.Year)}, []string{strconv.Itoa(d.Year)})
		tally("country", o.Countries, d.Countries)
		tally("theme", o.Themes, d.Themes)
		tally("gcm", itoa(o.GCM), itoa(d.GCM))
		tally("principle", o.Principles, d.Principles)
		fmt.Fprintf(&diff, "%s\n  got  %s %s %d %v %v %v %v\n  want %s %s %d %v %v %v %v\n", d.Source,
			o.Lang, o.Type, o.Year, o.Countries, o.Themes, o.GCM, o.Principles,
			d.Lang, d.Type, d.Year, d.Countries, d.Themes, d.GCM, d.Principles)
	}
	floors := map[string][2]float64{ // minimum precision, recall
		"lang": {0.95, 0.95}, "type": {0.9, 0.9}, "year": {0.9, 0.9}, "country": {0.9, 0.85},
		"theme": {0.55, 0.8}, "gcm": {0.75, 0.65}, "principle": {0.6, 0.15},
	}
	var table strings.Builder
	for _, f := range []string{"lang", "type", "year", "country", "theme", "gcm", "principle"} {
		c := stats[f]
		p := float64(c.tp) / float64(max(1, c.tp+c.fp))
		r := float64(c.tp) / float64(max(1, c.tp+c.fn))
		fmt.Fprintf(&table, "%-10s precision %.2f recall %.2f (tp %d, fp %d, fn %d)\n", f, p, r, c.tp, c.fp, c.fn)
		if fl := floors[f]; p < fl[0] || r < fl[1] {
			t.Errorf("%s: precision %.2f recall %.2f, want at least %.2f %.2f", f, p, r, fl[0], fl[1])
		}
	}
	t.Logf("%d documents\n%s", len(docs), table.String())
	if testing.Verbose() {
		t.Logf("per document:\n%s", diff.String())
	}
}
