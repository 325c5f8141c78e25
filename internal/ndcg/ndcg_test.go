package ndcg

import (
	"math"
	"testing"
)

func TestAt(t *testing.T) {
	grades := map[string]int{"a": 2, "b": 1, "c": 1}
	for _, tc := range []struct {
		name   string
		ranked []string
		gain   Gain
		want   float64
	}{
		{"ideal", []string{"a", "b", "c"}, Linear, 1},
		{"ideal, exponential", []string{"a", "c", "b", "x"}, Exponential, 1},
		{"empty", nil, Linear, 0},
		{"nothing judged found", []string{"x", "y"}, Linear, 0},
		{"a repeat counts once", []string{"b", "b", "a", "c"}, Linear, (1 + 2/math.Log2(3) + 1/math.Log2(4)) / (2 + 1/math.Log2(3) + 1/math.Log2(4))},
	} {
		if got := At(10, tc.ranked, grades, tc.gain); math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
	if r := At(10, []string{"c", "b", "a"}, grades, Linear); r <= 0 || r >= 1 {
		t.Errorf("reversed: %v", r)
	}
	if At(10, []string{"a"}, map[string]int{"z": 0}, Linear) != 0 {
		t.Errorf("no positive grade: not 0")
	}
}
