//go:build unix

package texttable

import (
	"context"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestSegmentsFreeTheirMemory: the memory a segment maps off the heap
// (postings, positions, typo index), or from files (Options.Dir), is
// unmapped once the segment is unreachable, as after a merge replaced it.
func TestSegmentsFreeTheirMemory(t *testing.T) {
	for _, tc := range []struct {
		name    string
		dir     string
		counter *atomic.Int64
	}{
		{"off the heap", "", &mapped},
		{"from files", t.TempDir(), &spilled},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// Let the segments earlier tests dropped be freed first.
			before := settled(tc.counter)
			func() {
				words := strings.Fields("migration migrants return reintegration trafficking smuggling border remittances")
				s, err := Build(context.Background(), fakeSource(randomDocs(rand.New(rand.NewPCG(1, 2)), 500, words)), testSchema, Options{Dir: tc.dir})
				if err != nil {
					t.Fatal(err)
				}
				v := view([]*Segment{s})
				if r := run(t, v, "retrun", nil, ""); len(r.Hits) == 0 {
					t.Fatal("no hit for a typo")
				}
				if tc.counter.Load() <= before {
					t.Fatalf("nothing mapped: %d bytes before, %d after", before, tc.counter.Load())
				}
			}()
			if after := settled(tc.counter); after > before {
				t.Errorf("%d bytes still mapped after the segment became unreachable, %d before", after, before)
			}
		})
	}
}

// settled collects garbage until the bytes counted by c stop changing
// (cleanups run after a collection, in their own goroutine), and returns
// them.
func settled(c *atomic.Int64) int64 {
	last := int64(-1)
	for range 100 {
		runtime.GC()
		time.Sleep(5 * time.Millisecond)
		n := c.Load()
		if n == last {
			return n
		}
		last = n
	}
	return last
}
