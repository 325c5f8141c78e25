package main

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"faro/internal/ndcg"
	"faro/search"
	"faro/search/bleve"
)

// ndcgFloor is the mean nDCG@10 the judged queries must reach.
const ndcgFloor = 0.85

var (
	corpusOnce sync.Once
	corpusDirX string
	corpusErr  error
)

// corpusIndex builds one index of the bundled corpus for the tests of this
// package that only read it.
func corpusIndex(t *testing.T) string {
	t.Helper()
	corpusOnce.Do(func() {
		corpusDirX, corpusErr = os.MkdirTemp("", "faro-corpus-index-")
		if corpusErr != nil {
			return
		}
		dir := filepath.Join(corpusDirX, "index")
		a := &app{stdout: &syncBuffer{}, stderr: &syncBuffer{}, stdin: strings.NewReader("")}
		if code := a.run(context.Background(), []string{"index", "--index", dir, "--corpus", corpusDir}); code != 0 {
			corpusErr = fmt.Errorf("index the corpus: exit %d", code)
		}
	})
	if corpusErr != nil {
		t.Fatal(corpusErr)
	}
	return filepath.Join(corpusDirX, "index")
}

func TestMain(m *testing.M) {
	// The crash tests run the program as a child process: this binary with
	// FARO_TEST_MAIN set runs faro instead of the tests.
	if args := os.Getenv("FARO_TEST_MAIN"); args != "" {
		a := &app{stdout: os.Stdout, stderr: os.Stderr, stdin: os.Stdin}
		os.Exit(a.run(context.Background(), strings.Split(args, "\x1f")))
	}
	code := m.Run()
	if corpusDirX != "" {
		os.RemoveAll(corpusDirX)
	}
	os.Exit(code)
}

type judgedQuery struct {
	Q         string         `json:"q"`
	Lang      string         `json:"lang"`
	Judgments map[string]int `json:"judgments"`
}

// ndcgAt computes nDCG@k with gains 2^grade-1 for the ranked sources.
func ndcgAt(k int, ranked []string, judged map[string]int) float64 {
	return ndcg.At(k, ranked, judged, ndcg.Exponential)
}

func TestNDCG(t *testing.T) {
	judged := map[string]int{"a": 3, "b": 2, "c": 1}
	cases := []struct {
		ranked []string
		want   float64
	}{
		{[]string{"a", "b", "c"}, 1},
		{[]string{"x", "y"}, 0},
	}
	for _, c := range cases {
		if got := ndcgAt(10, c.ranked, judged); math.Abs(got-c.want) > 1e-9 {
			t.Errorf("ndcg(%v) = %v, want %v", c.ranked, got, c.want)
		}
	}
	if worse := ndcgAt(10, []string{"c", "b", "a"}, judged); worse >= 1 || worse <= 0 {
		t.Errorf("reversed ranking scored %v", worse)
	}
}

// TestRelevance measures ranking quality on the judged queries over the
// bundled corpus: mean nDCG@10 must reach ndcgFloor. Run with -v to see
// each query's score.
func TestRelevance(t *testing.T) {
	if testing.Short() {
		t.Skip("relevance sweep skipped in -short mode")
	}
	raw, err := os.ReadFile("testdata/relevance.json")
	if err != nil {
		t.Fatal(err)
	}
	var set struct {
		Queries []judgedQuery `json:"queries"`
	}
	if err := json.Unmarshal(raw, &set); err != nil {
		t.Fatal(err)
	}
	if len(set.Queries) < 25 {
		t.Fatalf("only %d judged queries", len(set.Queries))
	}
	idx, err := bleve.Open(corpusIndex(t))
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	checkRelevance(t, idx, set.Queries)
}

func checkRelevance(t *testing.T, idx *bleve.Index, queries []judgedQuery) {
	ctx := context.Background()
	sum := 0.0
	langs := map[string]int{}
	var report strings.Builder
	for _, jq := range queries {
		langs[jq.Lang]++
		r, err := idx.Search(ctx, search.Query{Text: jq.Q, Size: 10})
		if err != nil {
			t.Fatalf("%s: %v", jq.Q, err)
		}
		var ranked []string
		for _, h := range r.Hits {
			ranked = append(ranked, h.Source)
		}
		for src := range jq.Judgments {
			if _, err := os.Stat(filepath.Join(corpusDir, src)); err != nil {
				t.Errorf("%s: judged document %s is not in the corpus", jq.Q, src)
			}
		}
		n := ndcgAt(10, ranked, jq.Judgments)
		sum += n
		fmt.Fprintf(&report, "%.3f  %-45s %s\n", n, jq.Q, strings.Join(ranked[:min(3, len(ranked))], " "))
	}
	mean := sum / float64(len(queries))
	t.Logf("nDCG@10 per query:\n%s\nmean nDCG@10 = %.3f over %d queries (%v)", report.String(), mean, len(queries), langs)
	if langs["en"] == 0 || langs["es"] == 0 || langs["fr"] == 0 {
		t.Errorf("judged set must cover en, es and fr: %v", langs)
	}
	if mean < ndcgFloor {
		t.Errorf("mean nDCG@10 = %.3f, below %.2f", mean, ndcgFloor)
	}
}

// TestSnippetsPointAtTheirPage checks, over the bundled corpus, that every
// snippet's page holds the words it marks: opening the original at that
// page shows the evidence.
func TestSnippetsPointAtTheirPage(t *testing.T) {
	idx, err := bleve.Open(corpusIndex(t))
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	checkSnippetPages(t, idx)
}

func checkSnippetPages(t *testing.T, idx *bleve.Index) {
	ctx := context.Background()
	marked := regexp.MustCompile(`<mark>(.*?)</mark>`)
	checked := 0
	for _, q := range []string{"trata", "migración", "ninez", "trafficking", `"Plan your Life"`, "remesas OR remittances", "réintégration", "frontera"} {
		r, err := idx.Search(ctx, search.Query{Text: q, Size: 20, Snippets: 3})
		if err != nil {
			t.Fatal(err)
		}
		if r.Total == 0 {
			t.Errorf("%s: no hits", q)
		}
		for _, h := range r.Hits {
			doc, err := idx.Document(ctx, h.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range h.Snippets {
				if s.Page < 1 || s.Page > len(doc.Pages) {
					t.Errorf("%s: %s snippet page %d of %d", q, h.ID, s.Page, len(doc.Pages))
					continue
				}
				page := doc.Pages[s.Page-1].Text
				for _, m := range marked.FindAllStringSubmatch(s.HTML(), -1) {
					word := html.UnescapeString(m[1])
					if !strings.Contains(page, word) {
						t.Errorf("%s: %s p. %d does not contain marked %q", q, h.ID, s.Page, word)
					}
					checked++
				}
			}
		}
	}
	if checked < 50 {
		t.Errorf("only %d marked words checked", checked)
	}
}
