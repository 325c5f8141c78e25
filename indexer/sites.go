package indexer

import (
	"context"
	"fmt"
	"net/url"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"faro/format"
	"faro/indexer/extract"
	"faro/search"
)

// Site-level boilerplate: what a site repeats on many of its pages.
const (
	// SiteMinPages is how many pages of a site must carry a paragraph
	// before it counts as the site's boilerplate.
	SiteMinPages = 3
	// SiteMinShare is the share of a site's pages that must carry it.
	SiteMinShare = 0.1
)

// Sites learns, for the web pages of a corpus, the lines each site
// repeats on many of its pages (menus and footers the markup does not
// name, language switchers, "about us" blurbs, teaser boxes) and takes
// them out of every page of that site. A site is the host the page
// declares (link rel=canonical, og:url) or else the page's folder. A
// line (of two words or more, or a paragraph of its own) is boilerplate
// when at least SiteMinPages pages and
// SiteMinShare of the site's pages carry it.
//
// It is the one place of the write side that knows about repeated
// paragraphs: Run learns from every HTML page before building any, and
// IndexFile (uploads, releval) learns the page it indexes and strips with
// what is known. A Sites is safe for concurrent use; the zero value is not
// usable, use NewSites.
type Sites struct {
	mu sync.Mutex
	// st holds every page's corpus path, site and distinct line hashes,
	// and every site's pages and line counts (see siteStore).
	st siteStore
	// changed holds the pages whose boilerplate may have changed since
	// Changed was last called.
	changed map[string]bool
	// whole is set once the model has learnt a whole corpus (Run,
	// LearnCorpus).
	whole bool
}

// NewSites returns an empty model.
func NewSites() *Sites {
	return &Sites{st: newSiteStore(), changed: map[string]bool{}}
}

// siteOf is the site of the page at rel: "host:NAME" when the page
// declares its address, else "dir:FOLDER".
func siteOf(rel string, res *extract.Result) string {
	for _, k := range []string{"canonical", "og:url"} {
		if u, err := url.Parse(res.Meta[k]); err == nil && u.Host != "" {
			return "host:" + strings.ToLower(strings.TrimPrefix(u.Host, "www."))
		}
	}
	return "dir:" + path.Dir(rel)
}

// blocks splits a page's text into paragraphs (blank-line separated) and
// their lines, and hashes each line (case, accents and spacing folded);
// a line's hash is 0 when the line does not count on its own: empty, or
// one word in a paragraph of several lines (a heading broken with <br>).
func blocks(page string) [][]string {
	paras := strings.Split(page, "\n\n")
	out := make([][]string, len(paras))
	for i, p := range paras {
		out[i] = strings.Split(p, "\n")
	}
	return out
}

// lineHashes holds the hash of every line of a web page's result, in the
// order blocks reads them (page, paragraph, line): computed once, where
// the page is extracted, for both learning and stripping it.
func lineHashes(res *extract.Result) []uint64 {
	if !learnable(res) {
		return nil
	}
	var out []uint64
	for _, p := range res.Pages {
		for _, para := range blocks(p) {
			for _, line := range para {
				out = append(out, lineHash(line, len(para) == 1))
			}
		}
	}
	return out
}

func lineHash(line string, alone bool) uint64 {
	// FNV-1a of the folded words joined by single spaces, computed as
	// the line is read and folded: ASCII byte by byte, other runes
	// folded one at a time into a buffer on the stack (no folded copy of
	// the line, which may be a long paragraph).
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	h := uint64(offset)
	words, in := 0, false
	var buf [16]byte
	for i := 0; i < len(line); {
		var folded []byte
		if c := line[i]; c < utf8.RuneSelf {
			i++
			if c == ' ' || '\t' <= c && c <= '\r' {
				in = false
				continue
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if !in {
				if words > 0 {
					h = (h ^ ' ') * prime
				}
				words++
				in = true
			}
			h = (h ^ uint64(c)) * prime
			continue
		}
		r, size := utf8.DecodeRuneInString(line[i:])
		i += size
		folded = search.AppendFoldRune(buf[:0], r)
		for j := 0; j < len(folded); {
			size, space := 1, false
			if c := folded[j]; c < utf8.RuneSelf {
				space = c == ' ' || '\t' <= c && c <= '\r'
			} else {
				var fr rune
				fr, size = utf8.DecodeRune(folded[j:])
				space = unicode.IsSpace(fr)
			}
			if space {
				in = false
				j += size
				continue
			}
			if !in {
				if words > 0 {
					h = (h ^ ' ') * prime
				}
				words++
				in = true
			}
			for end := j + size; j < end; j++ {
				h = (h ^ uint64(folded[j])) * prime
			}
		}
	}
	if words == 0 || words == 1 && !alone {
		return 0
	}
	return h
}

// learnable reports whether the extraction is a web page the model
// learns from.
func learnable(res *extract.Result) bool {
	return res != nil && res.Format == format.HTML.Name
}

// Observe records the paragraphs of the page at rel (replacing what it
// recorded for rel before) and returns the other pages of its site whose
// boilerplate may have changed with it: the pages sharing a paragraph
// whose count crossed the threshold. A result that is not a web page is
// forgotten instead.
func (s *Sites) Observe(rel string, res *extract.Result) []string {
	return s.observe(rel, res, nil, true)
}

// learn records the page at rel like Observe, without working out which
// other pages it affects: Run learns every page before building any.
// lines are the page's lineHashes.
func (s *Sites) learn(rel string, res *extract.Result, lines []uint64) {
	s.observe(rel, res, lines, false)
}

// observe is Observe; lines are res's lineHashes, computed here when nil.
// track tells whether the pages it affects are worked out.
func (s *Sites) observe(rel string, res *extract.Result, lines []uint64, track bool) []string {
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
	s.st.addPage(rel, s.st.siteFor(site), hs)
	if !track {
		return nil
	}
	return s.affectedLocked(site, before, rel)
}

// Forget removes what the page at rel contributed and returns the pages
// of its site whose boilerplate may have changed.
func (s *Sites) Forget(rel string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	id, ok := s.st.page(rel)
	if !ok {
		return nil
	}
	site := s.st.names[s.st.entry(id).site]
	before := s.boilerSetLocked(site)
	s.forgetLocked(rel)
	return s.affectedLocked(site, before, rel)
}

func (s *Sites) forgetLocked(rel string) {
	s.st.forget(rel)
}

// threshold is the number of pages of a site of n pages that must carry
// a paragraph for it to be boilerplate.
func threshold(n int) int32 {
	return int32(max(SiteMinPages, int(SiteMinShare*float64(n)+0.999)))
}

// boilerSetLocked is the set of the boilerplate lines of site.
func (s *Sites) boilerSetLocked(site string) map[uint64]bool {
	out := map[uint64]bool{}
	id, ok := s.st.site(site)
	if !ok {
		return out
	}
	// A line of single is carried by one page, below any threshold.
	t := threshold(int(s.st.size[id]))
	for h, c := range s.st.multi[id] {
		if c >= t {
			out[h] = true
		}
	}
	return out
}

// affectedLocked lists the pages of site other than rel that carry a
// paragraph whose boilerplate status differs from before.
func (s *Sites) affectedLocked(site string, before map[uint64]bool, rel string) []string {
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
	sid, ok := s.st.site(site)
	if !ok {
		return nil
	}
	var out []string
	s.st.eachPage(func(id uint32) {
		e := s.st.entry(id)
		if e.site != sid || string(e.rel) == rel {
			return
		}
		for i := range e.n() {
			if changed[e.line(i)] {
				r := string(e.rel)
				out = append(out, r)
				s.changed[r] = true
				return
			}
		}
	})
	slices.Sort(out)
	return out
}

// Changed returns, sorted, the pages whose site boilerplate may have
// changed since the last call (because other pages of their site were
// learnt or forgotten), and clears the list. A writer indexes them again.
func (s *Sites) Changed() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, 0, len(s.changed))
	for r := range s.changed {
		if _, ok := s.st.page(r); ok {
			out = append(out, r)
		}
	}
	clear(s.changed)
	slices.Sort(out)
	return out
}

// Whole reports whether the model has learnt a whole corpus.
func (s *Sites) Whole() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.whole
}

func (s *Sites) setWhole() {
	s.mu.Lock()
	s.whole = true
	clear(s.changed)
	s.st.trim()
	s.mu.Unlock()
}

// Strip takes the site's boilerplate paragraphs out of the pages of res
// (the page at rel) and returns the result to index and a fingerprint of
// what was taken out ("" when nothing), which is part of the page's
// content hash. The removed paragraphs are added to the result's
// Boilerplate. A page that would be left without text is kept whole. res
// itself is not changed.
func (s *Sites) Strip(rel string, res *extract.Result) (*extract.Result, string) {
	return s.strip(rel, res, nil)
}

// strip is Strip; hashes are res's lineHashes, computed here when nil.
func (s *Sites) strip(rel string, res *extract.Result, hashes []uint64) (*extract.Result, string) {
	if s == nil || !learnable(res) {
		return res, ""
	}
	if hashes == nil {
		hashes = lineHashes(res)
	}
	site := siteOf(rel, res)
	s.mu.Lock()
	// Lines of single are carried by one page (two with this one when
	// it is not learnt): below any threshold. The others' counts are in
	// multi.
	var m map[uint64]int32
	n := 0
	if id, ok := s.st.site(site); ok {
		n, m = int(s.st.size[id]), s.st.multi[id]
	}
	t := threshold(n)
	carried := func(h uint64) int32 { return m[h] }
	if _, known := s.st.page(rel); !known {
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

// oneLineCut puts s on one line and cuts it at n bytes (on a rune
// boundary).
func oneLineCut(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

// Learn extracts the web pages among rels (corpus paths under root) and
// records their paragraphs. Files that cannot be read are skipped: the
// indexing run reports them.
func (s *Sites) Learn(ctx context.Context, root string, rels []string, opts Options) error {
	return s.learnFiles(ctx, root, rels, opts, true)
}

// learnFiles is Learn; track tells whether the pages each one affects
// are noted for Changed.
func (s *Sites) learnFiles(ctx context.Context, root string, rels []string, opts Options, track bool) error {
	for _, rel := range rels {
		if err := ctx.Err(); err != nil {
			return err
		}
		if !isHTMLName(rel) {
			continue
		}
		res, err := extract.File(ctx, filepath.Join(root, filepath.FromSlash(rel)), extract.Options{PDFRunner: opts.PDFRunner})
		if err != nil {
			continue
		}
		s.observe(filepath.ToSlash(rel), res, nil, track)
	}
	return nil
}

// LearnCorpus learns from every web page under root that the model does
// not hold yet (those it holds were learnt from a saved model, LoadFile,
// or as they were written), and forgets the pages no longer there. It
// returns how many pages it learnt.
func (s *Sites) LearnCorpus(ctx context.Context, root string, opts Options) (int, error) {
	files, _, err := walk(root)
	if err != nil {
		return 0, err
	}
	s.retain(files)
	s.mu.Lock()
	var missing []string
	for _, f := range files {
		if _, ok := s.st.page(f); !ok && isHTMLName(f) {
			missing = append(missing, f)
		}
	}
	s.mu.Unlock()
	// Every page is learnt before any is built: which pages each one
	// affects is not needed.
	if err := s.learnFiles(ctx, root, missing, opts, false); err != nil {
		return 0, err
	}
	s.setWhole()
	return len(missing), nil
}

// retain forgets the pages not among files (corpus paths, sorted as walk
// sorts them; a list that is not is sorted first).
func (s *Sites) retain(files []string) {
	if !slices.IsSorted(files) {
		files = slices.Sorted(slices.Values(files))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var gone []string
	s.st.eachPage(func(id uint32) {
		rel := s.st.relOf(id)
		if _, ok := slices.BinarySearch(files, string(rel)); !ok {
			gone = append(gone, string(rel))
		}
	})
	for _, rel := range gone {
		s.forgetLocked(rel)
	}
}
