package corpus

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// A document's id is derived from its corpus path, and its URL is cited:
// once deleted, the id must never name another document. Tombstones keep
// every deleted id, durably, in a file beside the index folder (as
// INDEX.lock and INDEX.reindexing are), so neither a `faro index
// --rebuild` (which swaps the folder) nor emptying the trash loses them.

// Tombstone is a deleted document: its id, the corpus path it had and
// when it was removed.
type Tombstone struct {
	ID      string    `json:"id"`
	Source  string    `json:"source"`
	Removed time.Time `json:"removed"`
}

// TombstonePath is the tombstone list of the index folder dir.
func TombstonePath(dir string) string { return filepath.Clean(dir) + ".tombstones" }

// Tombstones is the list of deleted documents of one index, one JSON
// object a line, appended and synced before a deletion is acknowledged.
// It is safe for concurrent use.
type Tombstones struct {
	path string

	mu     sync.Mutex
	loaded bool
	byID   map[string]Tombstone
	bySrc  map[string]bool
}

// OpenTombstones returns the tombstone list of the index folder dir; the
// file is read at first use and need not exist.
func OpenTombstones(dir string) *Tombstones {
	return &Tombstones{path: TombstonePath(dir)}
}

// load reads the file once; a torn last line (a crash while appending) is
// skipped. Callers hold t.mu.
func (t *Tombstones) load() error {
	if t.loaded {
		return nil
	}
	t.byID, t.bySrc = map[string]Tombstone{}, map[string]bool{}
	f, err := os.Open(t.path)
	if errors.Is(err, fs.ErrNotExist) {
		t.loaded = true
		return nil
	}
	if err != nil {
		return fmt.Errorf("read tombstones: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		var ts Tombstone
		if json.Unmarshal(sc.Bytes(), &ts) != nil || ts.ID == "" {
			continue
		}
		t.remember(ts)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read tombstones %s: %w", t.path, err)
	}
	t.loaded = true
	return nil
}

func (t *Tombstones) remember(ts Tombstone) {
	if _, ok := t.byID[ts.ID]; !ok {
		t.byID[ts.ID] = ts
	}
	t.bySrc[ts.Source] = true
}

// Add records the tombstones and syncs the file before returning; an id
// already buried keeps its first date.
func (t *Tombstones) Add(stones ...Tombstone) error {
	if len(stones) == 0 {
		return nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if err := t.load(); err != nil {
		return err
	}
	f, err := os.OpenFile(t.path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return fmt.Errorf("record tombstone: %w", err)
	}
	var buf []byte
	for _, ts := range stones {
		line, err := json.Marshal(ts)
		if err != nil {
			f.Close()
			return fmt.Errorf("record tombstone: %w", err)
		}
		buf = append(append(buf, line...), '\n')
	}
	_, err = f.Write(buf)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("record tombstone in %s: %w", t.path, err)
	}
	for _, ts := range stones {
		t.remember(ts)
	}
	return nil
}

// Removed reports when the document id was deleted, if it was. It
// implements web.Tombstones.
func (t *Tombstones) Removed(id string) (time.Time, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.load() != nil {
		return time.Time{}, false
	}
	ts, ok := t.byID[id]
	return ts.Removed, ok
}

// sources returns the names under the corpus folder prefix (e.g.
// "uploads/") that deleted documents had.
func (t *Tombstones) sources(prefix string) map[string]bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := map[string]bool{}
	if t.load() != nil {
		return out
	}
	for src := range t.bySrc {
		if rest, ok := strings.CutPrefix(src, prefix); ok && !strings.Contains(rest, "/") {
			out[rest] = true
		}
	}
	return out
}
