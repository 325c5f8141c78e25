package bleve

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	bolt "go.etcd.io/bbolt"
)

// ErrDamaged reports an index whose files are missing, truncated or
// corrupt. Its messages name `faro index --rebuild`, which builds a new
// index from the corpus.
var ErrDamaged = errors.New("index damaged")

// ErrInUse reports an index another process holds open for writing.
var ErrInUse = errors.New("index in use")

// RebuildHint is what an operator runs to repair a damaged index.
const RebuildHint = "rebuild it from the corpus with `faro index --rebuild`"

// boltTimeout bounds the wait for the index's root file lock, which another
// process writing the index holds.
const boltTimeout = 2 * time.Second

// zapFooterMin is the smallest footer of a zap segment file (versions
// 11 to 17): the CRC, version and chunk mode, and four 8-byte offsets.
const zapFooterMin = 4 + 4 + 4 + 8 + 8 + 8 + 8

// damaged wraps ErrDamaged with what is wrong and the repair.
func damaged(path, format string, args ...any) error {
	return fmt.Errorf("index %q is damaged (%s); the files are left as they are: %s: %w",
		path, fmt.Sprintf(format, args...), RebuildHint, ErrDamaged)
}

// Check verifies the index at path without changing it: its metadata, its
// root file (which must list a snapshot and the mapping) and every segment
// file that snapshot uses (present, with a valid footer and a CRC matching
// its contents). It returns nil for a sound index, an error wrapping
// ErrNoIndex when there is none, ErrInUse when a writer holds it, and
// ErrDamaged otherwise.
func Check(path string) error {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("check index %q: %w", path, ErrNoIndex)
	}
	meta, err := os.ReadFile(filepath.Join(path, "index_meta.json"))
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return damaged(path, "index_meta.json is missing")
		}
		return fmt.Errorf("check index %q: %w", path, err)
	}
	var m struct {
		Storage   string `json:"storage"`
		IndexType string `json:"index_type"`
	}
	if err := json.Unmarshal(meta, &m); err != nil || m.IndexType == "" {
		return damaged(path, "index_meta.json is not valid")
	}
	if m.IndexType != "scorch" {
		return damaged(path, "index type %q is not scorch", m.IndexType)
	}
	store := filepath.Join(path, "store")
	segs, err := checkRoot(path, filepath.Join(store, "root.bolt"))
	if err != nil {
		return err
	}
	for _, name := range segs {
		if err := checkSegment(path, filepath.Join(store, name)); err != nil {
			return err
		}
	}
	return nil
}

// checkRoot reads the root file read-only and returns the segment files
// of its newest snapshot.
func checkRoot(path, file string) (segs []string, err error) {
	st, err := os.Stat(file)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, damaged(path, "store/root.bolt is missing")
	case err != nil:
		return nil, fmt.Errorf("check index %q: %w", path, err)
	case st.Size() == 0:
		return nil, damaged(path, "store/root.bolt is empty")
	}
	defer func() {
		if r := recover(); r != nil {
			segs, err = nil, damaged(path, "store/root.bolt cannot be read: %v", r)
		}
	}()
	db, err := bolt.Open(file, 0o600, &bolt.Options{ReadOnly: true, Timeout: boltTimeout})
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, fmt.Errorf("check index %q: another process is writing it (stop it first): %w", path, ErrInUse)
	}
	if err != nil {
		return nil, damaged(path, "store/root.bolt cannot be opened: %v", err)
	}
	defer db.Close()
	err = db.View(func(tx *bolt.Tx) error {
		snaps := tx.Bucket([]byte{'s'})
		if snaps == nil {
			return damaged(path, "store/root.bolt holds no snapshot")
		}
		k, v := snaps.Cursor().Last()
		if k == nil || v != nil {
			return damaged(path, "store/root.bolt holds no snapshot")
		}
		snap := snaps.Bucket(k)
		var mapping bool
		err := snap.ForEach(func(k, v []byte) error {
			if v != nil || len(k) == 0 {
				return nil
			}
			b := snap.Bucket(k)
			switch k[0] {
			case 'i':
				mapping = len(b.Get([]byte("_mapping"))) > 0
			case 'm':
			default:
				p := b.Get([]byte{'p'})
				if len(p) == 0 || strings.ContainsAny(string(p), `/\`) {
					return damaged(path, "a segment of the newest snapshot has no valid file name")
				}
				segs = append(segs, string(p))
			}
			return nil
		})
		if err != nil {
			return err
		}
		if !mapping {
			return damaged(path, "store/root.bolt holds no mapping")
		}
		return nil
	})
	return segs, err
}

// checkSegment verifies a zap segment file: present, long enough for its
// footer, of a known version, offsets inside the file, and a CRC-32 of
// everything before the CRC equal to the one in the footer.
func checkSegment(path, file string) error {
	name := "store/" + filepath.Base(file)
	f, err := os.Open(file)
	if errors.Is(err, os.ErrNotExist) {
		return damaged(path, "segment %s is missing", name)
	}
	if err != nil {
		return fmt.Errorf("check index %q: %w", path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf("check index %q: %w", path, err)
	}
	size := st.Size()
	if size < zapFooterMin {
		return damaged(path, "segment %s is truncated (%d bytes)", name, size)
	}
	foot := make([]byte, zapFooterMin)
	if _, err := f.ReadAt(foot, size-zapFooterMin); err != nil {
		return fmt.Errorf("check index %q: read %s: %w", path, name, err)
	}
	want := binary.BigEndian.Uint32(foot[len(foot)-4:])
	version := binary.BigEndian.Uint32(foot[len(foot)-8:])
	if version < 11 || version > 32 {
		return damaged(path, "segment %s has no valid footer (version %d)", name, version)
	}
	// Two offsets of the footer (stored and fields index for version 15,
	// fields and sections index after) must lie inside the file.
	for _, off := range []uint64{binary.BigEndian.Uint64(foot[8:]), binary.BigEndian.Uint64(foot[16:])} {
		if off >= uint64(size) {
			return damaged(path, "segment %s has no valid footer (offset %d past its %d bytes)", name, off, size)
		}
	}
	h := crc32.NewIEEE()
	if _, err := io.Copy(h, io.NewSectionReader(f, 0, size-4)); err != nil {
		return fmt.Errorf("check index %q: read %s: %w", path, name, err)
	}
	if got := h.Sum32(); got != want {
		return damaged(path, "segment %s fails its checksum (%08x, footer says %08x)", name, got, want)
	}
	return nil
}

// openBleve opens the checked index at path for writing, waiting at most
// boltTimeout for another process's lock; a panic inside bleve becomes
// ErrDamaged.
func openBleve(path string) (idx bleve.Index, err error) {
	defer func() {
		if r := recover(); r != nil {
			idx, err = nil, damaged(path, "bleve failed to open it: %v", r)
		}
	}()
	idx, err = bleve.OpenUsing(path, map[string]interface{}{"bolt_timeout": boltTimeout.String()})
	switch {
	case errors.Is(err, bolt.ErrTimeout):
		return nil, fmt.Errorf("open index %q: another process is writing it (stop it first): %w", path, ErrInUse)
	case errors.Is(err, os.ErrPermission):
		return nil, fmt.Errorf("open index %q: %w", path, err)
	case err != nil:
		return nil, damaged(path, "%v", err)
	}
	return idx, nil
}

// probe reads one document of a freshly opened index, so that segments
// that open but cannot be read are found now rather than by a search.
func probe(path string, idx bleve.Index) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = damaged(path, "reading a document panicked: %v", r)
		}
	}()
	req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), 1, 0, false)
	res, err := idx.Search(req)
	if err != nil {
		return damaged(path, "a search over every document fails: %v", err)
	}
	if len(res.Hits) > 0 {
		if _, err := idx.Document(res.Hits[0].ID); err != nil {
			return damaged(path, "document %s cannot be read: %v", res.Hits[0].ID, err)
		}
	}
	return nil
}
