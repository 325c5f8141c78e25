package indexer

import (
	"math"
	"runtime/debug"
	"testing"
)

func TestTuneGCForBuild(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	lim := BuildMemoryLimit()
	if lim < minBuildMemoryLimit || lim > maxBuildMemoryLimit {
		t.Fatalf("limit %d outside [%d, %d]", lim, minBuildMemoryLimit, maxBuildMemoryLimit)
	}
	beforeGC := debug.SetGCPercent(-1)
	debug.SetGCPercent(beforeGC)
	beforeLimit := debug.SetMemoryLimit(-1)
	restore := TuneGCForBuild()
	if got := debug.SetGCPercent(-1); got != BuildGCPercent {
		t.Errorf("GC percent %d during the build, want %d", got, BuildGCPercent)
	}
	debug.SetGCPercent(BuildGCPercent)
	if got := debug.SetMemoryLimit(-1); got != lim {
		t.Errorf("memory limit %d during the build, want %d", got, lim)
	}
	restore()
	if got := debug.SetGCPercent(-1); got != beforeGC {
		t.Errorf("GC percent %d after, want %d", got, beforeGC)
	}
	debug.SetGCPercent(beforeGC)
	if got := debug.SetMemoryLimit(-1); got != beforeLimit {
		t.Errorf("memory limit %d after, want %d", got, beforeLimit)
	}
	// GOGC set: left alone.
	t.Setenv("GOGC", "150")
	debug.SetGCPercent(150)
	restore = TuneGCForBuild()
	if got := debug.SetGCPercent(-1); got != 150 {
		t.Errorf("GOGC=150 overridden: %d", got)
	}
	debug.SetGCPercent(150)
	restore()
	debug.SetGCPercent(beforeGC)
}

// TestPreBudget checks that the web pages kept from their first reading
// follow the memory limit: a fifth of it, never less than minPreBudget.
func TestPreBudget(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(before)
	for _, c := range []struct {
		limit int64
		want  int
	}{
		{math.MaxInt64, minPreBudget},
		{180 << 20, minPreBudget},
		{2 << 30, 2 << 30 / 5},
		{1 << 30, minPreBudget * 8 / 5},
	} {
		debug.SetMemoryLimit(c.limit)
		if got := preBudget(); got != c.want {
			t.Errorf("limit %d: budget %d, want %d", c.limit, got, c.want)
		}
	}
}
