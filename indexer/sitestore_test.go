package indexer

import (
	"bufio"
	"cmp"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"faro/format"
	"faro/indexer/extract"
)

// siteView is what a model holds, laid out as maps: every page's site and
// line hashes, every site's line counts (sites with lines) and pages.
type siteView struct {
	pages map[string]refPage
	count map[string]map[uint64]int32
	size  map[string]int
}

// view lays out what s holds, and checks its storage agrees with itself:
// the counts of the lines are the numbers of the pages carrying them, a
// line is in a site's single table or its multi map, not both.
func (s *Sites) view(t testing.TB) siteView {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	st := &s.st
	v := siteView{pages: map[string]refPage{}, count: map[string]map[uint64]int32{}, size: map[string]int{}}
	carried := map[uint32]map[uint64]int32{}
	live := 0
	st.eachPage(func(id uint32) {
		live++
		e := st.entry(id)
		site := st.names[e.site]
		v.pages[string(e.rel)] = refPage{site: site, paras: cloneLines(e.hashes())}
		v.size[site]++
		if carried[e.site] == nil {
			carried[e.site] = map[uint64]int32{}
		}
		for _, h := range e.hashes() {
			carried[e.site][h]++
		}
	})
	if live != st.live {
		t.Errorf("%d pages held, %d counted", live, st.live)
	}
	for sid, name := range st.names {
		if int(st.size[sid]) != v.size[name] {
			t.Errorf("site %s: size %d, %d pages", name, st.size[sid], v.size[name])
		}
		want := carried[uint32(sid)]
		singles := 0
		for h, c := range want {
			got := st.count(uint32(sid), h)
			if got != c {
				t.Errorf("site %s line %x: count %d, carried by %d pages", name, h, got, c)
			}
			_, inMulti := st.multi[sid][h]
			_, _, inSingle := st.single[sid].find(h, st.lineIs(h))
			if inMulti == inSingle || inSingle && c != 1 {
				t.Errorf("site %s line %x (on %d pages): in multi %v, in single %v", name, h, c, inMulti, inSingle)
			}
			if inSingle {
				singles++
			}
		}
		if len(st.multi[sid])+singles != len(want) || st.single[sid].n != singles {
			t.Errorf("site %s: %d lines in multi, %d in single (%d found), %d carried", name, len(st.multi[sid]), st.single[sid].n, singles, len(want))
		}
		if len(want) > 0 {
			v.count[name] = want
		}
	}
	return v
}

// view lays out what the reference model holds, as Sites.view.
func (s *refSites) view() siteView {
	v := siteView{pages: map[string]refPage{}, count: map[string]map[uint64]int32{}, size: map[string]int{}}
	for rel, p := range s.pages {
		v.pages[rel] = refPage{site: p.site, paras: cloneLines(p.paras)}
	}
	for site, m := range s.count {
		if len(m) > 0 {
			v.count[site] = m
		}
	}
	for site, n := range s.size {
		v.size[site] = n
	}
	return v
}

// hashes are the page's line hashes, in a slice of their own.
func (e pageEntry) hashes() []uint64 {
	out := make([]uint64, e.n())
	for i := range out {
		out[i] = e.line(i)
	}
	return out
}

// cloneLines copies a page's lines (nil when none).
func cloneLines(hs []uint64) []uint64 {
	if len(hs) == 0 {
		return nil
	}
	return slices.Clone(hs)
}

// diff names what differs between two views ("" when nothing).
func (v siteView) diff(w siteView) string {
	for rel, p := range w.pages {
		if q, ok := v.pages[rel]; !ok || !reflect.DeepEqual(p, q) {
			return fmt.Sprintf("page %s: %+v, want %+v", rel, q, p)
		}
	}
	for rel := range v.pages {
		if _, ok := w.pages[rel]; !ok {
			return fmt.Sprintf("page %s held", rel)
		}
	}
	if !reflect.DeepEqual(v.size, w.size) {
		return fmt.Sprintf("sizes %v, want %v", v.size, w.size)
	}
	if !reflect.DeepEqual(v.count, w.count) {
		return fmt.Sprintf("counts %v, want %v", v.count, w.count)
	}
	return ""
}

// TestSitesAnswerAsMaps: random sequences of pages learnt (tracked or
// not), learnt again with other lines, forgotten, stripped, saved and
// loaded give the same answers from the compact model as from the maps
// it replaces (refSites): the pages each write affects, Changed, the
// stripped text and its fingerprint, the saved file.
func TestSitesAnswerAsMaps(t *testing.T) {
	cases := []struct {
		name                    string
		sites, rels, lines, ops int
		compact                 int // compactMin
	}{
		{"two sites, lines on many pages", 2, 12, 6, 600, 1 << 12},
		{"many sites, some shared lines", 8, 40, 60, 1500, 1 << 12},
		{"one site, compacted often", 1, 50, 12, 2000, 0},
		{"many pages, compacted often", 4, 80, 30, 2000, 8},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			old := compactMin
			compactMin = c.compact
			defer func() { compactMin = old }()
			rng := rand.New(rand.NewPCG(uint64(i), 7))
			rel := func() string {
				r := rng.IntN(c.rels)
				return fmt.Sprintf("d%d/p%d.html", r%c.sites, r)
			}
			// A page: some lines of the pool, in paragraphs; pages
			// whose number is a multiple of 3 declare their host.
			page := func(rel string) *extract.Result {
				var paras []string
				for range 1 + rng.IntN(6) {
					var lines []string
					for range 1 + rng.IntN(3) {
						// Lines low in the pool are on many pages.
						n := min(rng.IntN(c.lines), rng.IntN(c.lines))
						if n%7 == 6 {
							lines = append(lines, fmt.Sprintf("Word%d", n))
						} else {
							lines = append(lines, fmt.Sprintf("Line %d of the site's pages", n))
						}
					}
					paras = append(paras, strings.Join(lines, "\n"))
				}
				res := &extract.Result{Format: format.HTML.Name, Pages: []string{strings.Join(paras, "\n\n")}, Meta: map[string]string{}}
				var r int
				fmt.Sscanf(rel[strings.Index(rel, "/p")+2:], "%d", &r)
				if r%3 == 0 {
					res.Meta["canonical"] = fmt.Sprintf("https://www.h%d.example/%d", r%c.sites, r)
				}
				return res
			}
			s, ref := NewSites(), newRefSites()
			dir := t.TempDir()
			for op := range c.ops {
				r := rel()
				what := ""
				switch k := rng.IntN(20); {
				case k < 7:
					what = "observe"
					res := page(r)
					if got, want := s.Observe(r, res), ref.observe(r, res, nil, true); !slices.Equal(got, want) {
						t.Fatalf("op %d: observe %s affects %v, want %v", op, r, got, want)
					}
				case k < 10:
					what = "learn"
					res := page(r)
					s.learn(r, res, nil)
					ref.observe(r, res, nil, false)
				case k < 12:
					what = "forget"
					if got, want := s.Forget(r), ref.Forget(r); !slices.Equal(got, want) {
						t.Fatalf("op %d: forget %s affects %v, want %v", op, r, got, want)
					}
				case k < 13:
					what = "observe a page that is not a web page"
					res := &extract.Result{Format: format.PDF.Name, Pages: []string{"Line 1 of the site's pages"}}
					if got, want := s.Observe(r, res), ref.observe(r, res, nil, true); !slices.Equal(got, want) {
						t.Fatalf("op %d: observe %s as a PDF affects %v, want %v", op, r, got, want)
					}
				case k < 15:
					what = "changed"
					if got, want := s.Changed(), ref.Changed(); !slices.Equal(got, want) {
						t.Fatalf("op %d: changed %v, want %v", op, got, want)
					}
				case k < 18 && rng.IntN(4) == 0:
					what = "compact"
					s.mu.Lock()
					s.st.compact()
					// A line left on one page is in single again.
					for sid, m := range s.st.multi {
						for h, c := range m {
							if c < 2 {
								t.Fatalf("op %d: compacted, line %x of %s counts %d in multi", op, h, s.st.names[sid], c)
							}
						}
					}
					s.mu.Unlock()
				case k < 18 && rng.IntN(8) == 0:
					what = "learnt a whole corpus"
					s.setWhole()
					clear(ref.changed)
				case k < 19:
					what = "strip"
					res := page(r)
					got, gotPrint := s.Strip(r, res)
					want, wantPrint := ref.strip(r, res, nil)
					if !reflect.DeepEqual(got, want) || gotPrint != wantPrint {
						t.Fatalf("op %d: strip %s:\n%q %q\nwant\n%q %q", op, r, got.Pages, gotPrint, want.Pages, wantPrint)
					}
				default:
					what = "save and load"
					path := filepath.Join(dir, "m.sites")
					if err := s.Save(path); err != nil {
						t.Fatal(err)
					}
					data, err := os.ReadFile(path)
					if err != nil {
						t.Fatal(err)
					}
					if !slices.Equal(data, ref.save()) {
						t.Fatalf("op %d: the saved file differs from the maps'", op)
					}
					loaded := NewSites()
					if _, err := loaded.LoadFile(path); err != nil {
						t.Fatal(err)
					}
					// What is to be indexed again is not saved.
					if got, want := s.Changed(), ref.Changed(); !slices.Equal(got, want) {
						t.Fatalf("op %d: changed %v, want %v", op, got, want)
					}
					s = loaded
				}
				if d := s.view(t).diff(ref.view()); d != "" {
					t.Fatalf("op %d (%s %s): %s", op, what, r, d)
				}
			}
		})
	}
}

// TestSitesFileDuplicates: a file holding a page twice loads its later
// record, as the maps did; a page whose lines repeat (which Save never
// writes) counts each of them, and forgetting it takes them all back.
func TestSitesFileDuplicates(t *testing.T) {
	ref := newRefSites()
	ref.pages["a.html"] = refPage{site: "dir:.", paras: []uint64{5, 5, 6}}
	ref.pages["b.html"] = refPage{site: "dir:.", paras: []uint64{6}}
	data := ref.save()
	// a.html again, with other lines.
	data = append(data[:len(sitesMagic)], append([]byte{3}, data[len(sitesMagic)+1:]...)...)
	data = append(data, 6)
	data = append(data, "a.html"...)
	data = append(data, 5)
	data = append(data, "dir:."...)
	data = append(data, 2, 7, 0, 0, 0, 0, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0)
	path := filepath.Join(t.TempDir(), "m.sites")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	s := NewSites()
	if ok, err := s.LoadFile(path); !ok || err != nil {
		t.Fatalf("load: %v %v", ok, err)
	}
	want := siteView{
		pages: map[string]refPage{"a.html": {site: "dir:.", paras: []uint64{7, 6}}, "b.html": {site: "dir:.", paras: []uint64{6}}},
		count: map[string]map[uint64]int32{"dir:.": {6: 2, 7: 1}},
		size:  map[string]int{"dir:.": 2},
	}
	if got := s.view(t); !reflect.DeepEqual(got, want) {
		t.Errorf("loaded %+v, want %+v", got, want)
	}

	s = NewSites()
	s.st.addPage("a.html", s.st.siteFor("dir:."), []uint64{5, 5, 6})
	s.st.addPage("b.html", s.st.siteFor("dir:."), []uint64{5})
	if c := s.st.count(0, 5); c != 3 {
		t.Errorf("a line twice on a page and once on another: count %d, want 3", c)
	}
	s.Forget("a.html")
	if c := s.st.count(0, 5); c != 1 {
		t.Errorf("after the page carrying it twice goes: count %d, want 1", c)
	}
	s.view(t)
}

// TestSitesFileHeap reports the live heap a loaded model takes and how
// long it takes to load, for the saved model FARO_SITES_FILE names, by
// default that of the 100k-document reference index (skipped when
// absent):
//
//	go test -run TestSitesFileHeap -v ./indexer/
func TestSitesFileHeap(t *testing.T) {
	refSitesFile := cmp.Or(os.Getenv("FARO_SITES_FILE"), "/tmp/ref/idx-final.sites")
	if _, err := os.Stat(refSitesFile); err != nil {
		t.Skip("no reference model:", err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	s := NewSites()
	if ok, err := s.LoadFile(refSitesFile); !ok || err != nil {
		t.Fatalf("load: %v %v", ok, err)
	}
	took := time.Since(start)
	runtime.GC()
	runtime.ReadMemStats(&after)
	t.Logf("%s: %d pages, %d sites, %d bytes of pages: live heap %.1f MB (%.1f MB allocated), loaded in %v",
		refSitesFile, s.st.live, len(s.st.names), len(s.st.data), float64(after.HeapAlloc-before.HeapAlloc)/1e6,
		float64(after.TotalAlloc-before.TotalAlloc)/1e6, took.Round(time.Millisecond))
	runtime.KeepAlive(s)

	// The maps it replaces, for comparison.
	ref := newRefSites()
	runtime.GC()
	runtime.ReadMemStats(&before)
	start = time.Now()
	f, err := os.Open(refSitesFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := readSites(bufio.NewReaderSize(f, 1<<20), 0)
	if err != nil {
		t.Fatal(err)
	}
	st.eachPage(func(id uint32) {
		e := st.entry(id)
		site := st.names[e.site]
		ref.pages[string(e.rel)] = refPage{site: site, paras: e.hashes()}
		ref.size[site]++
		if ref.count[site] == nil {
			ref.count[site] = map[uint64]int32{}
		}
		for _, h := range e.hashes() {
			ref.count[site][h]++
		}
	})
	st = siteStore{}
	took = time.Since(start)
	runtime.GC()
	runtime.ReadMemStats(&after)
	t.Logf("as maps of maps: live heap %.1f MB, loaded in %v", float64(after.HeapAlloc-before.HeapAlloc)/1e6, took.Round(time.Millisecond))
	runtime.KeepAlive(ref)
}

// TestSitesRetain: the pages not among the corpus's files are forgotten,
// whether the list comes sorted (as walk gives it) or not.
func TestSitesRetain(t *testing.T) {
	cases := []struct {
		name  string
		files []string
		want  []string
	}{
		{"sorted", []string{"a/1.html", "b/2.html", "x.pdf"}, []string{"a/1.html", "b/2.html"}},
		{"not sorted", []string{"x.pdf", "b/2.html", "a/1.html"}, []string{"a/1.html", "b/2.html"}},
		{"one left", []string{"b/2.html"}, []string{"b/2.html"}},
		{"none left", nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := NewSites()
			for i, rel := range []string{"a/1.html", "b/2.html", "c/3.html"} {
				s.st.addPage(rel, s.st.siteFor("dir:x"), []uint64{uint64(i + 1), 9})
			}
			files := slices.Clone(c.files)
			s.retain(files)
			if !slices.Equal(files, c.files) {
				t.Errorf("the list was changed: %v", files)
			}
			var got []string
			for rel := range s.view(t).pages {
				got = append(got, rel)
			}
			slices.Sort(got)
			if !slices.Equal(got, c.want) {
				t.Errorf("kept %v, want %v", got, c.want)
			}
		})
	}
}

// BenchmarkSitesUpload: a web page learnt (Observe) and forgotten in a
// model loaded from FARO_SITES_FILE (see TestSitesFileHeap), as an upload
// and a deletion do, by the compact model and by the maps it replaces:
//
//	go test -run XXX -bench SitesUpload -benchtime 2000x ./indexer/
func BenchmarkSitesUpload(b *testing.B) {
	path := cmp.Or(os.Getenv("FARO_SITES_FILE"), "/tmp/ref/idx-final.sites")
	s := NewSites()
	if ok, err := s.LoadFile(path); !ok || err != nil {
		b.Skip("no saved model:", err)
	}
	ref := newRefSites()
	s.st.eachPage(func(id uint32) {
		e := s.st.entry(id)
		site := s.st.names[e.site]
		ref.pages[string(e.rel)] = refPage{site: site, paras: e.hashes()}
		ref.size[site]++
		if ref.count[site] == nil {
			ref.count[site] = map[uint64]int32{}
		}
		for _, h := range e.hashes() {
			ref.count[site][h]++
		}
	})
	// A page of the folder of the model's first page, of lines of its
	// own.
	rel := string(s.st.relOf(0))
	dir := rel[:max(0, strings.LastIndex(rel, "/"))]
	res := page0(dir, 8)
	for _, m := range []struct {
		name    string
		observe func(string, *extract.Result) []string
		forget  func(string) []string
	}{
		{"compact", s.Observe, s.Forget},
		{"maps", func(rel string, res *extract.Result) []string { return ref.observe(rel, res, nil, true) }, ref.Forget},
	} {
		b.Run(m.name, func(b *testing.B) {
			for i := range b.N {
				rel := fmt.Sprintf("%s/upload-%d.html", dir, i)
				m.observe(rel, res)
				m.forget(rel)
			}
		})
	}
}

// page0 is a web page of folder dir of n lines of its own.
func page0(dir string, n int) *extract.Result {
	var lines []string
	for i := range n {
		lines = append(lines, fmt.Sprintf("Line %d of %s", i, dir))
	}
	return &extract.Result{Format: format.HTML.Name, Pages: []string{strings.Join(lines, "\n\n")}}
}
