package indexer

// The site model as it was before its compact storage (siteStore): maps
// of maps keyed by strings. The tests hold the model to its answers.

import (
	"encoding/binary"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"faro/indexer/extract"
)

type refSites struct {
	mu    sync.Mutex
	pages map[string]refPage          // corpus path -> what the page contributed
	count map[string]map[uint64]int32 // site -> line hash -> pages carrying it
	size  map[string]int              // site -> pages
	// changed holds the pages whose boilerplate may have changed since
	// Changed was last called.
	changed map[string]bool
	// whole is set once the model has learnt a whole corpus (Run,
	// LearnCorpus).
	whole bool
}

type refPage struct {
	site  string
	paras []uint64 // distinct line hashes
}

func newRefSites() *refSites {
	return &refSites{pages: map[string]refPage{}, count: map[string]map[uint64]int32{}, size: map[string]int{}, changed: map[string]bool{}}
}

func (s *refSites) observe(rel string, res *extract.Result, lines []uint64, track bool) []string {
	if !learnable(res) {
		if !track {
			s.mu.Lock()
			defer s.mu.Unlock()
			s.forgetLocked(rel)
			return nil
		}
		return s.Forget(rel)
	}
	site := siteOf(rel, res)
	if lines == nil {
		lines = lineHashes(res)
	}
	seen := make(map[uint64]bool, len(lines))
	var hs []uint64
	for _, h := range lines {
		if h != 0 && !seen[h] {
			seen[h] = true
			hs = append(hs, h)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var before map[uint64]bool
	if track {
		before = s.boilerSetLocked(site)
	}
	s.forgetLocked(rel)
	s.pages[rel] = refPage{site: site, paras: hs}
	s.size[site]++
	m := s.count[site]
	if m == nil {
		m = map[uint64]int32{}
		s.count[site] = m
	}
	for _, h := range hs {
		m[h]++
	}
	if !track {
		return nil
	}
	return s.affectedLocked(site, before, rel)
}

func (s *refSites) Forget(rel string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.pages[rel]
	if !ok {
		return nil
	}
	before := s.boilerSetLocked(p.site)
	s.forgetLocked(rel)
	return s.affectedLocked(p.site, before, rel)
}

func (s *refSites) forgetLocked(rel string) {
	p, ok := s.pages[rel]
	if !ok {
		return
	}
	delete(s.pages, rel)
	s.size[p.site]--
	m := s.count[p.site]
	for _, h := range p.paras {
		if m[h]--; m[h] <= 0 {
			delete(m, h)
		}
	}
	if s.size[p.site] <= 0 {
		delete(s.size, p.site)
		delete(s.count, p.site)
	}
}

func (s *refSites) boilerSetLocked(site string) map[uint64]bool {
	out := map[uint64]bool{}
	t := threshold(s.size[site])
	for h, c := range s.count[site] {
		if c >= t {
			out[h] = true
		}
	}
	return out
}

func (s *refSites) affectedLocked(site string, before map[uint64]bool, rel string) []string {
	after := s.boilerSetLocked(site)
	changed := map[uint64]bool{}
	for h := range before {
		if !after[h] {
			changed[h] = true
		}
	}
	for h := range after {
		if !before[h] {
			changed[h] = true
		}
	}
	if len(changed) == 0 {
		return nil
	}
	var out []string
	for r, p := range s.pages {
		if r == rel || p.site != site {
			continue
		}
		if slices.ContainsFunc(p.paras, func(h uint64) bool { return changed[h] }) {
			out = append(out, r)
			s.changed[r] = true
		}
	}
	slices.Sort(out)
	return out
}

func (s *refSites) Changed() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, 0, len(s.changed))
	for r := range s.changed {
		if _, ok := s.pages[r]; ok {
			out = append(out, r)
		}
	}
	clear(s.changed)
	slices.Sort(out)
	return out
}

func (s *refSites) strip(rel string, res *extract.Result, hashes []uint64) (*extract.Result, string) {
	if s == nil || !learnable(res) {
		return res, ""
	}
	if hashes == nil {
		hashes = lineHashes(res)
	}
	site := siteOf(rel, res)
	s.mu.Lock()
	n := s.size[site]
	t := threshold(n)
	m := s.count[site]
	carried := func(h uint64) int32 { return m[h] }
	if _, known := s.pages[rel]; !known {
		// A page not learnt yet counts itself.
		n++
		t = threshold(n)
		carried = func(h uint64) int32 { return m[h] + 1 }
	}
	var pages []string
	var removed []extract.Boilerplate
	var prints []string
	k := 0 // the next line's index in lines
	for _, p := range res.Pages {
		var kept []string
		for _, para := range blocks(p) {
			var lines []string
			for _, line := range para {
				h := hashes[k]
				k++
				if c := carried(h); h != 0 && c >= t {
					removed = append(removed, extract.Boilerplate{
						Reason: fmt.Sprintf("%s: on %d of %d pages of %s", extract.ReasonSiteRepeated, c, n, site),
						Text:   oneLineCut(line, 300),
					})
					prints = append(prints, strconv.FormatUint(h, 16))
					continue
				}
				lines = append(lines, line)
			}
			if para := strings.TrimSpace(strings.Join(lines, "\n")); para != "" {
				kept = append(kept, para)
			}
		}
		if t := strings.Join(kept, "\n\n"); t != "" {
			pages = append(pages, t)
		}
	}
	s.mu.Unlock()
	if len(removed) == 0 || len(pages) == 0 {
		return res, ""
	}
	out := *res
	out.Pages = pages
	out.Boilerplate = append(slices.Clip(res.Boilerplate), removed...)
	slices.Sort(prints)
	return &out, strings.Join(prints, ",")
}

// save is the file Save writes for the model.
func (s *refSites) save() []byte {
	rels := make([]string, 0, len(s.pages))
	for rel := range s.pages {
		rels = append(rels, rel)
	}
	slices.Sort(rels)
	buf := []byte(sitesMagic)
	buf = binary.AppendUvarint(buf, uint64(len(rels)))
	for _, rel := range rels {
		p := s.pages[rel]
		buf = binary.AppendUvarint(buf, uint64(len(rel)))
		buf = append(buf, rel...)
		buf = binary.AppendUvarint(buf, uint64(len(p.site)))
		buf = append(buf, p.site...)
		buf = binary.AppendUvarint(buf, uint64(len(p.paras)))
		for _, h := range p.paras {
			buf = binary.LittleEndian.AppendUint64(buf, h)
		}
	}
	return buf
}
