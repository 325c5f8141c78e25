package main

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"faro/search"
)

// BM25 parameters of the baseline.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// bm25 is a plain in-memory BM25 over whole documents: words are folded
// (case and accents, search.Fold) and nothing else — no stemming, stop
// words, synonyms, fields or phrases.
type bm25 struct {
	ids    []string
	length []float64
	avgLen float64
	// postings maps a word to the documents holding it and how often.
	postings map[string]map[int]int
}

// newBM25 indexes texts (one per id).
func newBM25(ids, texts []string) *bm25 {
	b := &bm25{ids: ids, length: make([]float64, len(texts)), postings: map[string]map[int]int{}}
	total := 0.0
	for i, t := range texts {
		words := tokenize(t)
		b.length[i] = float64(len(words))
		total += b.length[i]
		for _, w := range words {
			p := b.postings[w]
			if p == nil {
				p = map[int]int{}
				b.postings[w] = p
			}
			p[i]++
		}
	}
	if len(texts) > 0 {
		b.avgLen = total / float64(len(texts))
	}
	return b
}

// tokenize folds s and splits it into runs of letters and digits.
func tokenize(s string) []string {
	return strings.FieldsFunc(search.Fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// queryWords turns a query in Faro's language into the baseline's words:
// quotes, punctuation and the operators AND, OR and NOT are dropped, as
// are excluded words (after NOT or with a leading "-"); a field prefix
// ("title:") is dropped and its value kept. Each word counts once.
func queryWords(q string) []string {
	var out []string
	seen := map[string]bool{}
	skip := false
	for _, f := range strings.Fields(strings.ReplaceAll(q, `"`, " ")) {
		f = strings.TrimLeft(f, "(")
		f = strings.TrimRight(f, ")")
		switch f {
		case "AND", "OR":
			continue
		case "NOT":
			skip = true
			continue
		}
		if skip || strings.HasPrefix(f, "-") {
			skip = false
			continue
		}
		if name, value, ok := strings.Cut(f, ":"); ok && name != "" && !strings.ContainsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) }) {
			f = value
		}
		for _, w := range tokenize(f) {
			if !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	return out
}

// scored is a ranked document of the baseline.
type scored struct {
	ID    string
	Score float64
}

// search ranks the documents that hold any of the words (OR) and pass keep
// (nil keeps all), best first, ties by id.
func (b *bm25) search(words []string, keep func(id string) bool) []scored {
	n := float64(len(b.ids))
	scores := map[int]float64{}
	for _, w := range words {
		p := b.postings[w]
		if len(p) == 0 {
			continue
		}
		df := float64(len(p))
		idf := math.Log(1 + (n-df+0.5)/(df+0.5))
		for d, tf := range p {
			f := float64(tf)
			norm := 1 - bm25B + bm25B*b.length[d]/b.avgLen
			scores[d] += idf * f * (bm25K1 + 1) / (f + bm25K1*norm)
		}
	}
	out := make([]scored, 0, len(scores))
	for d, s := range scores {
		if keep != nil && !keep(b.ids[d]) {
			continue
		}
		out = append(out, scored{ID: b.ids[d], Score: s})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].ID < out[j].ID
	})
	return out
}
