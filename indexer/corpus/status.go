package corpus

import (
	"sync"
	"time"

	"faro/indexer"
	"faro/search/web"
)

// rebuildStatus is what the writer is rebuilding (a reindex, a start-time
// reconciliation) and how far it is, for /readyz.
type rebuildStatus struct {
	mu      sync.Mutex
	running bool
	now     web.Rebuild
}

// start records that what began and returns opts reporting its progress
// into the status, and the function that records its end.
func (s *rebuildStatus) start(what string, opts Options) (Options, func()) {
	s.mu.Lock()
	s.running = true
	s.now = web.Rebuild{What: what, Since: time.Now().UTC().Truncate(time.Second)}
	s.mu.Unlock()
	prev := opts.Progress
	opts.Progress = func(p indexer.Progress) {
		s.mu.Lock()
		s.now.Done, s.now.Total = p.Done, p.Total
		s.mu.Unlock()
		if prev != nil {
			prev(p)
		}
	}
	return opts, func() {
		s.mu.Lock()
		s.running = false
		s.mu.Unlock()
	}
}

// Rebuilding reports the reindex or reconciliation running, if any, and
// its progress. It implements web.Rebuilder.
func (w *Writer) Rebuilding() (web.Rebuild, bool) {
	w.status.mu.Lock()
	defer w.status.mu.Unlock()
	return w.status.now, w.status.running
}
