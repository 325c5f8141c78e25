package web

import "time"

// Rebuild is what the server is rebuilding while it serves: /readyz
// shows it under "rebuilding" and still answers 200, since searches go on
// over the index as it is (a reindex updates it in place, a
// reconciliation only adds missing files and removes documents whose files
// are gone).
type Rebuild struct {
	// What is "reindex" (POST /api/v1/reindex, the watcher, or one
	// stopped earlier running again at start) or "reconcile" (the
	// start-time comparison of corpus and index).
	What string `json:"what"`
	// Done of Total corpus files so far (Total 0 until the files are
	// listed).
	Done  int       `json:"done"`
	Total int       `json:"total"`
	Since time.Time `json:"since"`
}

// Rebuilder is a Writer that can say what it is rebuilding
// (indexer/corpus.Writer is one).
type Rebuilder interface {
	Rebuilding() (Rebuild, bool)
}
