package indexer

import (
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
