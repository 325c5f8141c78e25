package corpus

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// Uploads and deletions are journaled, write-ahead, in a file beside the
// index folder (INDEX.journal): before an operation touches the corpus its
// intent is appended and synced, each later step (file, index) is noted,
// and its end (commit, or abort once undone) is appended and synced before
// the client is answered. At the next start (Writer.Recover) every
// operation without an end gets a definite outcome: an upload that was
// never acknowledged is rolled back (its document leaves the index, its
// file the corpus), a deletion is completed (its files leave the corpus,
// its tombstone is recorded, its document leaves the index). The journal
// is emptied whenever no operation is open, so it stays small.

// Journal steps, in order.
const (
	stepIntent = "intent"
	stepFile   = "file"
	stepIndex  = "index"
	stepCommit = "commit"
	stepAbort  = "abort"
)

// Journaled operations.
const (
	opUpload = "upload"
	opDelete = "delete"
)

// JournalPath is the write-ahead journal of the index folder dir.
func JournalPath(dir string) string { return filepath.Clean(dir) + ".journal" }

// journalRecord is one line of the journal.
type journalRecord struct {
	Seq  int64     `json:"seq"`
	Op   string    `json:"op"`
	Step string    `json:"step"`
	File string    `json:"file,omitempty"` // corpus-relative, slashes
	ID   string    `json:"id,omitempty"`
	Time time.Time `json:"time"`
}

// journal appends records to JournalPath; safe for concurrent use.
type journal struct {
	path string

	mu   sync.Mutex
	seq  int64
	open map[int64]bool // this process's operations without an end
	// recovered is set once Recover ran: until then the records of a
	// previous process are kept even when no operation is open.
	recovered bool
}

func newJournal(indexDir string) *journal {
	return &journal{path: JournalPath(indexDir), open: map[int64]bool{}, seq: time.Now().UnixNano()}
}

// write appends r, syncing when sync is set; once no operation is open the
// file is emptied. Callers hold j.mu.
func (j *journal) write(r journalRecord, sync bool) error {
	r.Time = time.Now().UTC()
	line, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	f, err := os.OpenFile(j.path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	_, err = f.Write(append(line, '\n'))
	if err == nil && sync {
		err = f.Sync()
	}
	if err == nil && len(j.open) == 0 && j.recovered {
		err = f.Truncate(0)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("journal %s: %w", j.path, err)
	}
	return nil
}

// begin records the intent of an operation and returns its number.
func (j *journal) begin(op, file, id string) (int64, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.seq++
	seq := j.seq
	j.open[seq] = true
	if err := j.write(journalRecord{Seq: seq, Op: op, Step: stepIntent, File: file, ID: id}, true); err != nil {
		delete(j.open, seq)
		return 0, err
	}
	return seq, nil
}

// step notes that an operation got past a step (file, index): not synced,
// as recovery does not depend on it.
func (j *journal) step(seq int64, op, step string) {
	j.mu.Lock()
	defer j.mu.Unlock()
	_ = j.write(journalRecord{Seq: seq, Op: op, Step: step}, false)
}

// end records the end of an operation (commit or abort), synced.
func (j *journal) end(seq int64, op, step string) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	delete(j.open, seq)
	return j.write(journalRecord{Seq: seq, Op: op, Step: step}, true)
}

// pending reads the journal and returns the intents of the operations
// without an end, in order, with the last step each reached. A torn last
// line (a crash while appending) is skipped.
func (j *journal) pending() ([]journalRecord, map[int64]string, error) {
	f, err := os.Open(j.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("read journal: %w", err)
	}
	defer f.Close()
	var order []int64
	intents := map[int64]journalRecord{}
	last := map[int64]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		var r journalRecord
		if json.Unmarshal(sc.Bytes(), &r) != nil || j.isOpen(r.Seq) {
			continue // torn, or this process's own (still running)
		}
		switch r.Step {
		case stepIntent:
			intents[r.Seq] = r
			order = append(order, r.Seq)
		case stepCommit, stepAbort:
			delete(intents, r.Seq)
		}
		last[r.Seq] = r.Step
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("read journal %s: %w", j.path, err)
	}
	var out []journalRecord
	for _, s := range order {
		if r, ok := intents[s]; ok {
			out = append(out, r)
		}
	}
	return out, last, nil
}

func (j *journal) isOpen(seq int64) bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.open[seq]
}

// Recovery is what Writer.Recover did.
type Recovery struct {
	// RolledBack are the uploads (corpus paths) that were never
	// acknowledged and were undone.
	RolledBack []string
	// Completed are the deletions (document ids) that were finished.
	Completed []string
}

// Recover gives every operation the journal holds without an end its
// outcome (see the top of journal.go) and empties the journal. It runs
// before the writer takes any write, at start (Reconcile calls it).
func (w *Writer) Recover(ctx context.Context) (*Recovery, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	ops, last, err := w.journal.pending()
	if err != nil {
		return nil, err
	}
	rec := &Recovery{}
	for _, op := range ops {
		switch op.Op {
		case opUpload:
			if last[op.Seq] == stepIntent && w.indexed(ctx, op.File) {
				// Stopped before its file was created, the upload owns
				// nothing: a file of that name with its document in the
				// index is another, acknowledged upload's (the name's
				// exclusive create failed, and the crash came before
				// the abort was recorded).
				w.log.Warn("upload interrupted before its file: nothing to roll back", "file", op.File)
				continue
			}
			if !w.unindex(op.File) {
				return rec, fmt.Errorf("roll back upload %s: its document could not be removed from the index", op.File)
			}
			if err := w.idx.Flush(ctx); err != nil {
				return rec, fmt.Errorf("roll back upload %s: %w", op.File, err)
			}
			for _, f := range []string{op.File, op.File + sidecarSuffix} {
				if err := os.Remove(filepath.Join(w.corpus, filepath.FromSlash(f))); err != nil && !errors.Is(err, fs.ErrNotExist) {
					return rec, fmt.Errorf("roll back upload %s: %w", op.File, err)
				}
			}
			rec.RolledBack = append(rec.RolledBack, op.File)
			w.log.Warn("upload interrupted before its answer: rolled back", "file", op.File, "last_step", last[op.Seq])
		case opDelete:
			w.names.Lock()
			_, err := w.moveOut(op.File)
			if err == nil {
				err = w.bury(op.File)
			}
			w.names.Unlock()
			if err == nil {
				err = w.idx.Delete(ctx, op.ID)
			}
			if err != nil {
				return rec, fmt.Errorf("complete deletion of %s: %w", op.ID, err)
			}
			rec.Completed = append(rec.Completed, op.ID)
			w.log.Warn("deletion interrupted: completed", "id", op.ID, "file", op.File, "last_step", last[op.Seq])
		}
	}
	if len(ops) > 0 {
		if err := w.idx.Flush(ctx); err != nil {
			return rec, fmt.Errorf("recover: %w", err)
		}
	}
	j := w.journal
	j.mu.Lock()
	defer j.mu.Unlock()
	j.recovered = true
	if len(j.open) == 0 {
		if err := os.Remove(j.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return rec, fmt.Errorf("empty journal: %w", err)
		}
	}
	return rec, nil
}

// errCrashed is returned by a write a test stopped at a step (Writer.crashAt),
// as if the process had died there: nothing after the step runs.
var errCrashed = errors.New("stopped at a journal step (test)")

// at notes step of the operation seq in the journal and reports whether a
// test asked to stop there.
func (w *Writer) at(seq int64, op, step string) bool {
	if step != stepIntent {
		w.journal.step(seq, op, step)
	}
	return w.crashAt != nil && w.crashAt(op, step)
}

// endOp records the end of an operation; a failure is logged (the next
// start then finishes the operation as recovery does).
func (w *Writer) endOp(seq int64, op, step string) {
	if err := w.journal.end(seq, op, step); err != nil {
		w.log.Error("journal the end of a write", "op", op, "step", step, "err", err)
	}
}
