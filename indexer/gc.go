package indexer

import (
	"os"
	"runtime/debug"
)

// Garbage collection while building an index: a run allocates heavily and
// briefly (analysis, segment building), and collecting every time the
// heap doubles costs it about a sixth of its time. A batch run lets the
// heap grow to five times what is live, within a soft memory limit.
const (
	BuildGCPercent   = 400
	BuildMemoryLimit = 1 << 30
)

// TuneGCForBuild applies BuildGCPercent and BuildMemoryLimit unless the
// GOGC or GOMEMLIMIT environment variables say otherwise, and returns a
// func restoring the previous settings. For batch runs (faro index), not
// for servers.
func TuneGCForBuild() (restore func()) {
	gc, limit := -2, int64(-1)
	if os.Getenv("GOGC") == "" {
		gc = debug.SetGCPercent(BuildGCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		limit = debug.SetMemoryLimit(BuildMemoryLimit)
	}
	return func() {
		if gc != -2 {
			debug.SetGCPercent(gc)
		}
		if limit >= 0 {
			debug.SetMemoryLimit(limit)
		}
	}
}
