package indexer

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
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
	rels := make([]string, 0, len(s.pages))
	for rel := range s.pages {
		rels = append(rels, rel)
	}
	sort.Strings(rels)
	w.WriteString(sitesMagic)
	var buf []byte
	buf = binary.AppendUvarint(buf[:0], uint64(len(rels)))
	w.Write(buf)
	for _, rel := range rels {
		p := s.pages[rel]
		buf = binary.AppendUvarint(buf[:0], uint64(len(rel)))
		buf = append(buf, rel...)
		buf = binary.AppendUvarint(buf, uint64(len(p.site)))
		buf = append(buf, p.site...)
		buf = binary.AppendUvarint(buf, uint64(len(p.paras)))
		for _, h := range p.paras {
			buf = binary.LittleEndian.AppendUint64(buf, h)
		}
		w.Write(buf)
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
// error; a damaged one is, and adds nothing.
func (s *Sites) LoadFile(path string) (bool, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("load the site model: %w", err)
	}
	defer f.Close()
	pages, err := readSites(bufio.NewReaderSize(f, 1<<20))
	if err != nil {
		return false, fmt.Errorf("load the site model %s: %w", path, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.pages) > 0 {
		return false, nil
	}
	for rel, p := range pages {
		s.pages[rel] = p
		s.size[p.site]++
		m := s.count[p.site]
		if m == nil {
			m = map[uint64]int32{}
			s.count[p.site] = m
		}
		for _, h := range p.paras {
			m[h]++
		}
	}
	return true, nil
}

// errDamagedSites reports a saved model that does not read.
var errDamagedSites = errors.New("damaged")

// readSites reads a saved model's pages.
func readSites(r *bufio.Reader) (map[string]sitePage, error) {
	magic := make([]byte, len(sitesMagic))
	if _, err := io.ReadFull(r, magic); err != nil || string(magic) != sitesMagic {
		return nil, errDamagedSites
	}
	str := func() (string, error) {
		n, err := binary.ReadUvarint(r)
		if err != nil || n > 1<<16 {
			return "", errDamagedSites
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(r, b); err != nil {
			return "", errDamagedSites
		}
		return string(b), nil
	}
	n, err := binary.ReadUvarint(r)
	if err != nil || n > 1<<28 {
		return nil, errDamagedSites
	}
	pages := make(map[string]sitePage, min(n, 1<<20))
	var b8 [8]byte
	for range n {
		rel, err := str()
		if err != nil {
			return nil, err
		}
		site, err := str()
		if err != nil {
			return nil, err
		}
		k, err := binary.ReadUvarint(r)
		if err != nil || k > 1<<20 {
			return nil, errDamagedSites
		}
		hs := make([]uint64, k)
		for i := range hs {
			if _, err := io.ReadFull(r, b8[:]); err != nil {
				return nil, errDamagedSites
			}
			hs[i] = binary.LittleEndian.Uint64(b8[:])
		}
		pages[rel] = sitePage{site: site, paras: hs}
	}
	return pages, nil
}
