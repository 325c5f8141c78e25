package bleve

import (
	"context"
	"time"
)

// LimitMapped keeps the resident pages of the index's mapped files under
// limit bytes until ctx ends: every interval it measures them and, above
// the limit, releases them. Searches read stored documents and term
// vectors through those mappings, which leaves every page read resident
// until the kernel needs the memory; released pages stay in the page
// cache and come back on the next read, at the cost of a minor fault.
// It does nothing where the figure cannot be read (outside Linux).
func (x *Index) LimitMapped(ctx context.Context, limit int64, interval time.Duration) {
	if limit <= 0 || interval <= 0 {
		return
	}
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			x.trimMapped(limit)
		}
	}
}

// trimMapped releases the index's mapped pages when more than limit bytes
// of them are resident, and reports whether it did.
func (x *Index) trimMapped(limit int64) bool {
	if mappedResident(x.path) <= limit {
		return false
	}
	releaseMapped(x.path)
	return true
}
