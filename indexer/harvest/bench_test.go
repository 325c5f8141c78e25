package harvest_test

import (
	"context"
	"os"
	"runtime"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"faro/indexer/harvest"
	"faro/indexer/harvest/harvesttest"
)

// TestHarvestThroughput harvests FARO_BENCH_HARVEST listed documents
// (e.g. 1000) of FARO_BENCH_HARVEST_SIZE bytes (default 256 KiB) from a
// local site, then again, and logs documents/s, bytes/s and the peak Go
// heap. Run with -v; skipped unless FARO_BENCH_HARVEST is set.
func TestHarvestThroughput(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("FARO_BENCH_HARVEST"))
	if n <= 0 {
		t.Skip("set FARO_BENCH_HARVEST=1000 to measure")
	}
	size := 256 << 10
	if s, err := strconv.Atoi(os.Getenv("FARO_BENCH_HARVEST_SIZE")); err == nil && s > 0 {
		size = s
	}
	site := harvesttest.NewBulk(n, 50, size)
	defer site.Close()
	corpus := t.TempDir()
	opts := harvest.Options{Start: []string{site.URL + "/list"}, Corpus: corpus, Delay: -1, Parallel: 4,
		MaxFileBytes: int64(size) + 1, MaxPages: n/50 + 2}

	var peak atomic.Uint64
	stop := make(chan struct{})
	go func() {
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	defer close(stop)
	for run := 1; run <= 2; run++ {
		peak.Store(0)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		start := time.Now()
		rep, err := harvest.Run(context.Background(), opts)
		took := time.Since(start)
		if err != nil {
			t.Fatal(err)
		}
		runtime.ReadMemStats(&after)
		want := map[int]harvest.Outcome{1: harvest.New, 2: harvest.Unchanged}[run]
		if rep.Count(want) != n {
			t.Fatalf("run %d: %d %s of %d (failed %d, %v)", run, rep.Count(want), want, n, rep.Count(harvest.Failed), rep.Limits)
		}
		t.Logf("run %d: %d documents (%s) from %d pages in %s: %.0f documents/s, %.1f MB/s of documents; peak heap in use %.1f MiB, allocated %.0f MiB in all",
			run, n, want, rep.Pages, took.Round(time.Millisecond), float64(n)/took.Seconds(), float64(rep.DocumentBytes)/(1<<20)/took.Seconds(),
			float64(peak.Load())/(1<<20), float64(after.TotalAlloc-before.TotalAlloc)/(1<<20))
	}
}
