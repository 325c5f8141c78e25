// Package ndcg scores a ranking against graded judgments (normalised
// discounted cumulative gain), for Faro's relevance tests and evaluation
// commands.
package ndcg

import (
	"math"
	"sort"
)

// Gain turns a grade into a gain.
type Gain func(grade int) float64

// Linear takes the grade as the gain (2/1/0).
func Linear(g int) float64 { return float64(g) }

// Exponential takes 2^grade-1 as the gain.
func Exponential(g int) float64 { return math.Pow(2, float64(g)) - 1 }

// At is nDCG@k of ranked against grades: DCG sums gain/log2(rank+1) over
// the first k ranks, the ideal DCG the judged grades in descending order.
// A document counts at its first rank only; an unjudged one gains nothing.
// With no positive grade the score is 0.
func At(k int, ranked []string, grades map[string]int, gain Gain) float64 {
	dcg := 0.0
	seen := map[string]bool{}
	i := 0
	for _, d := range ranked {
		if seen[d] {
			continue
		}
		seen[d] = true
		if i >= k {
			break
		}
		dcg += gain(grades[d]) / math.Log2(float64(i+2))
		i++
	}
	ideal := make([]int, 0, len(grades))
	for _, g := range grades {
		if g > 0 {
			ideal = append(ideal, g)
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(ideal)))
	idcg := 0.0
	for i, g := range ideal {
		if i >= k {
			break
		}
		idcg += gain(g) / math.Log2(float64(i+2))
	}
	if idcg == 0 {
		return 0
	}
	return dcg / idcg
}
