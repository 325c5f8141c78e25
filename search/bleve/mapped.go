package bleve

import (
	"context"
	"time"
)

// LimitMapped keeps the resident pages of the index's mapped files under
// limit bytes until ctx ends: every interval it measures them and, above
// the limit, releases them. Those are bleve's segment files and the files
// the text tables keep their cold parts in (bodies' positions, typo
// indexes; texttable.Options): searches read phrases' positions and typo
// keys through those mappings, which leaves every page read resident
// until the kernel needs the memory (and each read maps the 64 KiB around
// it); released pages stay in the page cache and come back on the next
// read, at the cost of a minor fault. The measure is cheap (the process's
// count of resident file pages, less those of the program and libraries
// as measured at the last release), so the interval can be short, which
// keeps the pages from overshooting the limit far between two checks.
// It does nothing where the figure cannot be read (outside Linux).
func (x *Index) LimitMapped(ctx context.Context, limit int64, interval time.Duration) {
	if limit <= 0 || interval <= 0 {
		return
	}
	tick := time.NewTicker(interval)
	defer tick.Stop()
	var m mappedTrim
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			m.trim(x.path, limit)
		}
	}
}

// mappedTrim releases the index's mapped pages above a limit, measuring
// them cheaply. The process's resident file pages are the index's and
// others' (the program's text, the libraries'): others holds the latter,
// measured when the index's were last released, or from the mappings
// themselves at the first check (when known is false).
type mappedTrim struct {
	others int64
	known  bool
}

// trim releases the index's mapped pages under dir when more than limit
// bytes of them are resident, and reports whether it did.
func (m *mappedTrim) trim(dir string, limit int64) bool {
	file := fileResident()
	if !m.known || file == 0 {
		// The exact figure, from the mappings: once, or always where
		// the process's count of file pages is not known.
		mapped := mappedResident(dir)
		if mapped <= limit {
			if file > 0 {
				m.others, m.known = file-mapped, true
			}
			return false
		}
	} else if file-m.others <= limit {
		return false
	}
	releaseMapped(dir)
	// Searches running meanwhile read pages back at once: the figure
	// after a release is taken from the mappings, lest those pages be
	// counted as others' from then on.
	if file = fileResident(); file > 0 {
		m.others, m.known = max(0, file-mappedResident(dir)), true
	}
	return true
}
