package indexer

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// The site model is learnt from every web page of a corpus: at 100k pages
// that is a minute of extraction. `faro index` saves the model it learnt
// beside the index (SitesPath), and a server loads it (LoadFile) when a
// write first needs it, learning then only the pages the file does not
// hold (LearnCorpus), instead of every page.

// sitesMagic opens a saved model; the number is its format's version.
const sitesMagic = "faro-sites 1\n"

// SitesPath is the file beside the index folder dir that holds its
// corpus's site model.
func SitesPath(dir string) string { return filepath.Clean(dir) + ".sites" }

// Save writes the model to path (through a temporary file renamed over
// it): every page's corpus path, site and distinct line hashes.
func (s *Sites) Save(path string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("save the site model: %w", err)
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriterSize(tmp, 1<<20)
	s.mu.Lock()
	st := &s.st
	ids := make([]uint32, 0, st.live)
	st.eachPage(func(id uint32) { ids = append(ids, id) })
	slices.SortFunc(ids, func(a, b uint32) int { return bytes.Compare(st.relOf(a), st.relOf(b)) })
	w.WriteString(sitesMagic)
	var buf []byte
	buf = binary.AppendUvarint(buf[:0], uint64(len(ids)))
	w.Write(buf)
	for _, id := range ids {
		e := st.entry(id)
		site := st.names[e.site]
		buf = binary.AppendUvarint(buf[:0], uint64(len(e.rel)))
		buf = append(buf, e.rel...)
		buf = binary.AppendUvarint(buf, uint64(len(site)))
		buf = append(buf, site...)
		buf = binary.AppendUvarint(buf, uint64(e.n()))
		w.Write(buf)
		// The hashes as the arena holds them: 8 bytes little-endian.
		w.Write(e.lines)
	}
	s.mu.Unlock()
	err = w.Flush()
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("save the site model: %w", err)
	}
	return nil
}

// LoadFile adds the pages of the model saved at path to s, unless s
// already holds pages; it reports whether it did. A missing file is no
// error; a damaged one is, and adds nothing. The file is read straight
// into the model's storage, page by page.
func (s *Sites) LoadFile(path string) (bool, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("load the site model: %w", err)
	}
	defer f.Close()
	size := int64(0)
	if fi, err := f.Stat(); err == nil {
		size = fi.Size()
	}
	st, err := readSites(bufio.NewReaderSize(f, 1<<20), size)
	if err != nil {
		return false, fmt.Errorf("load the site model %s: %w", path, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.st.live > 0 {
		return false, nil
	}
	s.st = st
	return true, nil
}

// errDamagedSites reports a saved model that does not read.
var errDamagedSites = errors.New("damaged")

// readSites reads a saved model of size bytes (0 when not known). A
// corpus path the file holds twice is the later one's. The pages are read
// first, the lines counted after, into tables of the size the pages ask.
func readSites(r *bufio.Reader, size int64) (siteStore, error) {
	st := newSiteStore()
	magic := make([]byte, len(sitesMagic))
	if _, err := io.ReadFull(r, magic); err != nil || string(magic) != sitesMagic {
		return st, errDamagedSites
	}
	var b []byte
	str := func() ([]byte, error) {
		n, err := binary.ReadUvarint(r)
		if err != nil || n > 1<<16 {
			return nil, errDamagedSites
		}
		b = slices.Grow(b[:0], int(n))[:n]
		if _, err := io.ReadFull(r, b); err != nil {
			return nil, errDamagedSites
		}
		return b, nil
	}
	n, err := binary.ReadUvarint(r)
	if err != nil || n > 1<<28 {
		return st, errDamagedSites
	}
	// The pages' numbers and the table of their paths at their size.
	st.pages = make([]uint32, 0, min(n, 1<<20))
	st.byRel.resize(int(float64(min(n, 1<<20))/maxLoad)+1, st.relHash)
	// A page's entry takes about the room of its record in the file (a
	// site's number, a uvarint, in place of its name).
	st.data = make([]byte, 0, min(max(size, 0), 1<<30))
	var b8 [8]byte
	var hs []uint64
	for range n {
		relb, err := str()
		if err != nil {
			return st, err
		}
		rel := string(relb)
		siteb, err := str()
		if err != nil {
			return st, err
		}
		site, ok := st.ids[string(siteb)]
		if !ok {
			site = st.siteFor(string(siteb))
		}
		k, err := binary.ReadUvarint(r)
		if err != nil || k > 1<<20 {
			return st, errDamagedSites
		}
		hs = slices.Grow(hs[:0], int(k))[:k]
		for i := range hs {
			if _, err := io.ReadFull(r, b8[:]); err != nil {
				return st, errDamagedSites
			}
			hs[i] = binary.LittleEndian.Uint64(b8[:])
		}
		if slot, id, ok := st.findPage(rel); ok {
			st.dropPage(slot, id)
		}
		st.appendPage(rel, site, hs)
	}
	// Each site's table at the size of its lines, most of them carried
	// by one page; trim gives back what is not.
	lines := make([]int, len(st.names))
	st.eachPage(func(id uint32) {
		e := st.entry(id)
		lines[e.site] += e.n()
	})
	for sid, n := range lines {
		if n > 0 {
			st.single[sid].resize(int(float64(n)/maxLoad)+1, st.hashAt)
		}
	}
	st.eachPage(st.countLines)
	st.trim()
	return st, nil
}
