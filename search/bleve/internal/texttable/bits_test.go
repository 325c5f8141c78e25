package texttable

import (
	"math/rand/v2"
	"testing"
)

// TestBelow checks clearBelow and countBelow against bit by bit, at word
// boundaries and past the set's end.
func TestBelow(t *testing.T) {
	r := rand.New(rand.NewPCG(41, 42))
	set := make([]uint64, 3)
	for i := range set {
		set[i] = r.Uint64()
	}
	for _, n := range []uint32{0, 1, 63, 64, 65, 127, 128, 150, 191, 192, 500} {
		want := 0
		for d := range min(n, 192) {
			if hasBit(set, d) {
				want++
			}
		}
		if got := countBelow(set, n); got != want {
			t.Errorf("countBelow(%d) = %d, want %d", n, got, want)
		}
		cleared := append([]uint64(nil), set...)
		clearBelow(cleared, n)
		for d := range uint32(192) {
			if want := d >= n && hasBit(set, d); hasBit(cleared, d) != want {
				t.Errorf("clearBelow(%d): bit %d is %v, want %v", n, d, hasBit(cleared, d), want)
			}
		}
	}
}
