package main

import "faro/internal/ndcg"

// Cut-offs of the README's metrics.
const (
	ndcgDepth   = 10
	recallDepth = 20
)

// dedupe keeps the first occurrence of each document.
func dedupe(ranked []string) []string {
	seen := make(map[string]bool, len(ranked))
	out := make([]string, 0, len(ranked))
	for _, d := range ranked {
		if !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	return out
}

// ndcgAt is nDCG@k with the grades as gains (2/1/0), as the judgments'
// README defines it.
func ndcgAt(k int, ranked []string, grades map[string]int) float64 {
	return ndcg.At(k, ranked, grades, ndcg.Linear)
}

// recallAt is the share of the documents graded 1 or more found in the top
// k (0 when none is graded).
func recallAt(k int, ranked []string, grades map[string]int) float64 {
	relevant := 0
	for _, g := range grades {
		if g > 0 {
			relevant++
		}
	}
	if relevant == 0 {
		return 0
	}
	found := 0
	for i, d := range dedupe(ranked) {
		if i >= k {
			break
		}
		if grades[d] > 0 {
			found++
		}
	}
	return float64(found) / float64(relevant)
}

// setPR is the README's per-document facet score: P = |A∩G|/|A| (1 when A
// is empty), R = |A∩G|/|G| (1 when G is empty), A given and G labelled.
func setPR(given, labelled []string) (p, r float64) {
	g := make(map[string]bool, len(labelled))
	for _, v := range labelled {
		g[v] = true
	}
	a := make(map[string]bool, len(given))
	for _, v := range given {
		a[v] = true
	}
	both := 0
	for v := range a {
		if g[v] {
			both++
		}
	}
	p, r = 1, 1
	if len(a) > 0 {
		p = float64(both) / float64(len(a))
	}
	if len(g) > 0 {
		r = float64(both) / float64(len(g))
	}
	return p, r
}
