package indexer

import (
	"bufio"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// Garbage collection while building an index: a run allocates heavily and
// briefly (analysis, segment building), and collecting every time the
// heap doubles costs it about a sixth of its time. A batch run lets the
// heap grow to five times what is live, within a soft memory limit of a
// quarter of the machine's (or container's) memory, between 256 MiB and
// 2 GiB.
const (
	BuildGCPercent      = 400
	minBuildMemoryLimit = 256 << 20
	maxBuildMemoryLimit = 2 << 30
)

// BuildMemoryLimit is the soft memory limit TuneGCForBuild sets.
func BuildMemoryLimit() int64 {
	total := memoryTotal()
	if total <= 0 {
		return 1 << 30
	}
	return min(max(total/4, minBuildMemoryLimit), maxBuildMemoryLimit)
}

// memoryTotal is the memory this process may use: the machine's, or its
// control group's limit when lower; 0 when unknown.
func memoryTotal() int64 {
	var total int64
	if f, err := os.Open("/proc/meminfo"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if rest, ok := strings.CutPrefix(sc.Text(), "MemTotal:"); ok {
				kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
				total = kb << 10
				break
			}
		}
		f.Close()
	}
	if b, err := os.ReadFile("/sys/fs/cgroup/memory.max"); err == nil {
		if n, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64); err == nil && n > 0 && (total == 0 || n < total) {
			total = n
		}
	}
	return total
}

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
		limit = debug.SetMemoryLimit(BuildMemoryLimit())
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
