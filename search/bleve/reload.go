package bleve

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"syscall"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	segment "github.com/blevesearch/scorch_segment_api/v2"

	"faro/search/bleve/internal/texttable"
)

// A write bleve could not finish (a full disk, an I/O error) leaves its
// memory ahead of its files: the batch is searchable though not stored,
// and bleve closes the new segment while its snapshot still holds it, so
// the next write panics. The Index therefore reopens itself from its files
// after any failed write, which makes what is searchable again what is
// stored, and keeps answering searches.

// bleve returns the bleve index in use.
func (x *Index) bleve() bleve.Index {
	x.bmu.RLock()
	defer x.bmu.RUnlock()
	return x.idx
}

// writable returns why writes are refused: the index could not be
// reopened after a failed write.
func (x *Index) writable() error {
	x.bmu.RLock()
	defer x.bmu.RUnlock()
	return x.broken
}

// readable is writable for reads that need the index itself (counts,
// readiness).
func (x *Index) readable() error { return x.writable() }

// reload closes the bleve index and opens it again from its files after
// the failed write cause, then brings the search tables to the reopened
// snapshot. Callers hold x.mu and no batch is being written. It returns
// cause, joined with the reopening's error when that failed too (the
// index then refuses writes and reports itself unreadable).
func (x *Index) reload(cause error) error {
	x.bmu.Lock()
	if x.broken != nil {
		x.bmu.Unlock()
		return errors.Join(cause, x.broken)
	}
	if err := closeBleve(x.idx); err != nil {
		slog.Warn("close index after a failed write", "index", x.path, "err", err)
	}
	idx, err := openBleve(x.path)
	if err == nil {
		if err = probe(x.path, idx); err != nil {
			closeBleve(idx)
		}
	}
	if err != nil {
		x.broken = fmt.Errorf("index %q could not be reopened after a failed write: %w", x.path, err)
		x.bmu.Unlock()
		slog.Error("index unusable after a failed write", "index", x.path, "write_err", cause, "err", err)
		return errors.Join(cause, x.broken)
	}
	x.idx = idx
	x.bmu.Unlock()
	x.cache.invalidate()
	slog.Warn("index reopened from its files after a failed write", "index", x.path, "err", cause)
	if err := x.resetTables(); err != nil {
		slog.Warn("search tables after reopening the index", "index", x.path, "err", err)
	}
	return cause
}

// resetTables forgets the tables of segments the reopened index does not
// have (their ids may be given to new segments) and, when searches use
// tables, makes the View of the reopened snapshot current.
func (x *Index) resetTables() error {
	x.tt.mu.Lock()
	if r := x.snapshot(); r != nil {
		if is, ok := r.(*scorch.IndexSnapshot); ok {
			keep := map[uint64]bool{}
			for _, sg := range is.Segments() {
				keep[sg.Id()] = true
			}
			for id := range x.tt.segs {
				if !keep[id] {
					delete(x.tt.segs, id)
				}
			}
		} else {
			x.tt.segs = nil
		}
		r.Close()
	}
	x.tt.mu.Unlock()
	return x.syncTables(context.Background())
}

// closeBleve closes idx; a panic inside bleve (a segment it closed
// already) becomes an error.
func closeBleve(idx bleve.Index) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("close index: bleve panicked: %v", r)
		}
	}()
	return idx.Close()
}

// storageErr marks an error of bleve's that carries an errno only in its
// text (bleve formats some with %v), so that errors.Is finds it.
type storageErr struct {
	err   error
	errno syscall.Errno
}

func (e *storageErr) Error() string   { return e.err.Error() }
func (e *storageErr) Unwrap() []error { return []error{e.err, e.errno} }

// ioError returns err, marked as ENOSPC or EDQUOT when its text says the
// disk is full and errors.Is does not already see it.
func ioError(err error) error {
	if err == nil {
		return nil
	}
	for _, no := range []syscall.Errno{syscall.ENOSPC, syscall.EDQUOT} {
		if errors.Is(err, no) {
			return err
		}
		if strings.Contains(err.Error(), no.Error()) {
			return &storageErr{err: err, errno: no}
		}
	}
	return err
}

// buildTable builds the text table of a segment, its cold parts in files
// of dir (the index directory); a panic inside bleve (a
// segment closed under a failed write) becomes an error.
func buildTable(ctx context.Context, seg segment.Segment, dir string) (t *texttable.Segment, err error) {
	defer func() {
		if r := recover(); r != nil {
			t, err = nil, fmt.Errorf("read segment: bleve panicked: %v", r)
		}
	}()
	return texttable.Build(ctx, segSource{seg}, schema, texttable.Options{Dir: dir})
}
