//go:build unix

package texttable

import (
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestSegmentsFreeTheirMemory: the memory a segment maps off the heap
// (postings, positions, typo index) is unmapped once the segment is
// unreachable, as after a merge replaced it.
func TestSegmentsFreeTheirMemory(t *testing.T) {
	// Let the segments earlier tests dropped be freed first.
	before := settled()
	func() {
		words := strings.Fields("migration migrants return reintegration trafficking smuggling border remittances")
		s := build(t, randomDocs(rand.New(rand.NewPCG(1, 2)), 500, words)...)
		v := view([]*Segment{s})
		if r := run(t, v, "retrun", nil, ""); len(r.Hits) == 0 {
			t.Fatal("no hit for a typo")
		}
		if mapped.Load() <= before {
			t.Fatalf("nothing mapped: %d bytes before, %d after", before, mapped.Load())
		}
	}()
	if after := settled(); after > before {
		t.Errorf("%d bytes still mapped after the segment became unreachable, %d before", after, before)
	}
}

// settled collects garbage until the mapped bytes stop changing (cleanups
// run after a collection, in their own goroutine), and returns them.
func settled() int64 {
	last := int64(-1)
	for range 100 {
		runtime.GC()
		time.Sleep(5 * time.Millisecond)
		n := mapped.Load()
		if n == last {
			return n
		}
		last = n
	}
	return last
}
