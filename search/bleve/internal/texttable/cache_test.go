package texttable

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
)

// TestCacheUnderChurn searches from several goroutines at once on a View
// whose match cache is small enough to drop sets all the time (words'
// sets, phrases' documents), the collector running meanwhile: every
// answer, first or from the cache, is the answer of a search without the
// cache. Run with -race, it also checks the cache's locking.
func TestCacheUnderChurn(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 18))
	words := strings.Fields("aa bb cc dd ee ff gg hh")
	docs := randomDocs(r, 3000, words)
	segs := []*Segment{build(t, docs[:2000]...), build(t, docs[2000:]...)}
	// About four sets of common words fit.
	v := NewView(Config{Schema: testSchema, Analyzer: testAnalyzer, MatchCacheBytes: 64 << 10}, segs, nil)
	type search struct {
		req  Request
		want *Result
	}
	var searches []search
	for i := range 40 {
		q := words[i%len(words)] + " " + words[(i/3)%len(words)]
		if i%5 == 4 {
			q = `"` + q + `"`
		}
		var filters []Filter
		if i%2 == 1 {
			filters = []Filter{{Group: "country", Keys: []string{fmt.Sprintf("country:C%d", i%30)}}}
		}
		req := Request{Plan: compile(t, q), Filters: filters, Size: 20}
		nc := req
		nc.NoCache = true
		want, err := v.Search(t.Context(), nc)
		if err != nil {
			t.Fatal(err)
		}
		searches = append(searches, search{req, want})
	}
	stop := make(chan struct{})
	var collector sync.WaitGroup
	collector.Go(func() {
		for {
			select {
			case <-stop:
				return
			default:
				runtime.GC()
			}
		}
	})
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			rg := rand.New(rand.NewPCG(uint64(g), 19))
			for range 300 {
				s := searches[rg.IntN(len(searches))]
				got, err := v.Search(t.Context(), s.req)
				if err != nil {
					t.Error(err)
					return
				}
				if got.Total != s.want.Total || !slices.Equal(got.Hits, s.want.Hits) || !maps.Equal(got.Counts, s.want.Counts) {
					t.Errorf("%s %v: %d %v, want %d %v", s.req.Plan, s.req.Filters, got.Total, got.Hits, s.want.Total, s.want.Hits)
					return
				}
			}
		})
	}
	wg.Wait()
	close(stop)
	collector.Wait()
	if v.cache.hits.Load() == 0 {
		t.Error("no search was answered from the cache")
	}
}

// TestWordsKeptUnderFilters searches two words again and again, each time
// with one country, whose documents are few: from the second search on,
// the words' sets are kept whole (their optional phrase's documents
// apart) and later searches with other countries
// read them, with the answers of searches without the cache; the kept
// sets hold single-precision scores.
func TestWordsKeptUnderFilters(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	docs := randomDocs(r, 2000, strings.Fields("aa bb cc dd ee ff gg hh"))
	v := NewView(Config{Schema: testSchema, Analyzer: testAnalyzer, MatchCacheBytes: 8 << 20}, []*Segment{build(t, docs...)}, nil)
	p := compile(t, "aa bb")
	for i := range 6 {
		req := Request{Plan: p, Size: 10, Filters: []Filter{{Group: "country", Keys: []string{fmt.Sprintf("country:C%d", i)}}}}
		got, want := cachedAndNot(t, v, req)
		if got.Total != want.Total || !slices.Equal(got.Hits, want.Hits) || !maps.Equal(got.Counts, want.Counts) {
			t.Fatalf("country C%d: %d %v, want %d %v", i, got.Total, got.Hits, want.Total, want.Hits)
		}
	}
	if v.cache.hits.Load() < 4 {
		t.Errorf("%d searches read the words' sets from the cache, want 4 or more", v.cache.hits.Load())
	}
	if len(p.Root.Should) == 0 {
		t.Fatalf("%s: no optional phrase", p)
	}
	for _, c := range p.Root.Should {
		if _, ok := v.cache.get(c.Key()); ok {
			t.Errorf("%s: a phrase's set kept", c.Key())
		}
		if _, ok := v.cache.phraseIn(c.Key(), make([]uint64, len(v.live))); !ok {
			t.Errorf("%s: the phrase's documents not kept", c.Key())
		}
	}
	for _, c := range p.Root.Some {
		ce, ok := v.cache.get(c.Key())
		if !ok {
			t.Fatalf("%s not kept", c.Key())
		}
		if ce.single == nil || ce.scores != nil {
			t.Errorf("%s kept in double precision", c.Key())
		}
	}
}

// TestPhrasesAfterWrites searches phrases on a View, then on the Views
// writes make (a segment added, documents deleted, a segment merged away
// at the end, at the start), each inheriting the one before: each answers
// as a View that inherited nothing, and starts with the phrases the one
// before kept when they share their first segments, even those it did not
// search.
func TestPhrasesAfterWrites(t *testing.T) {
	r := rand.New(rand.NewPCG(23, 24))
	words := strings.Fields("aa bb cc dd")
	docs := randomDocs(r, 1200, words)
	a, b, c := build(t, docs[:500]...), build(t, docs[500:900]...), build(t, docs[900:]...)
	d := build(t, randomDocs(r, 300, words)...)
	cfg := Config{Schema: testSchema, Analyzer: testAnalyzer, MatchCacheBytes: 8 << 20}
	phrases := []string{`"aa bb"`, `"cc dd"`, `"bb aa cc"`}
	steps := []struct {
		name    string
		segs    []*Segment
		deleted [][]uint32
		taken   bool
		phrases []string
	}{
		{"first", []*Segment{a, b}, nil, false, phrases},
		{"a segment added", []*Segment{a, b, c}, nil, true, phrases[:1]},
		{"documents deleted", []*Segment{a, b, c}, [][]uint32{{3, 17, 200}, nil, {5}}, true, phrases},
		{"the last segment replaced", []*Segment{a, b, d}, nil, true, phrases},
		{"the last segment merged away", []*Segment{a, b}, nil, true, phrases},
		{"the first segment merged away", []*Segment{b, c, a}, nil, false, phrases},
	}
	var prev *View
	for _, st := range steps {
		v := NewView(cfg, st.segs, st.deleted)
		v.Inherit(prev)
		if taken := v.cache.phrases.Len() == len(phrases); taken != st.taken {
			t.Errorf("%s: the phrases the View before kept kept: %v, want %v", st.name, taken, st.taken)
		}
		fresh := NewView(cfg, st.segs, st.deleted)
		fresh.st = v.st // the statistics a View inherits (TestWordsAfterWrites)
		for _, q := range st.phrases {
			for _, filters := range [][]Filter{nil, {{Group: "country", Keys: []string{"country:C3"}}}} {
				req := Request{Plan: compile(t, q), Filters: filters, Size: 20}
				got, err := v.Search(t.Context(), req)
				if err != nil {
					t.Fatal(err)
				}
				want, err := fresh.Search(t.Context(), req)
				if err != nil {
					t.Fatal(err)
				}
				if got.Total != want.Total || !slices.Equal(got.Hits, want.Hits) || !maps.Equal(got.Counts, want.Counts) {
					t.Errorf("%s, %s %v: %d %v, want %d %v", st.name, q, filters, got.Total, got.Hits, want.Total, want.Hits)
				}
			}
		}
		prev = v
	}
}

// TestWordsAfterWrites searches words on a View, then on the Views writes
// make, each inheriting the one before: after a write changing few
// documents a View scores with the statistics of the one before and
// completes the words' sets it kept (their documents in the segments both
// begin with, still live, and the other segments read), and answers as a
// search without the cache; a word a new document makes no typo any
// more, and sets kept after more writes, are evaluated whole.
func TestWordsAfterWrites(t *testing.T) {
	r := rand.New(rand.NewPCG(25, 26))
	words := strings.Fields("migrants return border remittances trafficking children labour asylum")
	docs := randomDocs(r, 2100, words)
	a, b := build(t, docs[:1500]...), build(t, docs[1500:2000]...)
	typo := fakeDoc{id: "typo", title: "migrnats", body: "migrnats border"}
	up1, up2 := build(t, docs[2000:2005]...), build(t, typo)
	merged := build(t, append(slices.Clone(docs[2000:2005]), typo)...)
	many := build(t, docs[2005:]...)
	cfg := Config{Schema: testSchema, Analyzer: testAnalyzer, MatchCacheBytes: 8 << 20}
	// labour alone is kept as a root, and read from there by the
	// disjunction asylum OR labour, except while that one is completed
	// after a write (its new documents only).
	queries := []string{"migrants return", "children", "migrnats border", "retur*", "labour", "asylum OR labour", "trafficking children labour",
		"migrants AND asylum", "border AND -return", "(migrants OR asylum) AND -labour",
		`children OR "border return"`, `asylum AND "migrants return"`, "(border AND children) OR asylum"}
	// Conjunctions of words and phrases are carried over writes whole, not
	// only their words (portableRoot), and so are disjunctions holding a
	// phrase (portable).
	conjunctions := []string{"migrants AND asylum", "border AND -return", "(migrants OR asylum) AND -labour",
		`children OR "border return"`, `asylum AND "migrants return"`, "(border AND children) OR asylum"}
	steps := []struct {
		name    string
		segs    []*Segment
		deleted [][]uint32
		shared  bool // the statistics of the View before
		// extended, completed: some sets carried over were completed,
		// their scores copied whole, document by document.
		extended, completed bool
	}{
		{"first", []*Segment{a, b}, nil, false, false, false},
		{"an upload", []*Segment{a, b, up1}, nil, true, true, false},
		// A set holding a deleted document is completed, one without (a
		// conjunction) extended.
		{"documents deleted", []*Segment{a, b, up1}, [][]uint32{{3, 17, 200}, {5}, nil}, true, true, true},
		{"an upload of a word read as a typo", []*Segment{a, b, up1, up2}, [][]uint32{{3, 17, 200}, {5}, nil, nil}, true, true, false},
		{"the uploads merged", []*Segment{a, b, merged}, [][]uint32{{3, 17, 200}, {5}, nil}, true, true, false},
		{"many documents added", []*Segment{a, b, merged, many}, [][]uint32{{3, 17, 200}, {5}, nil, nil}, false, false, false},
		{"the first segment merged away", []*Segment{b, merged, many, a}, nil, false, false, false},
	}
	var prev *View
	for _, st := range steps {
		v := NewView(cfg, st.segs, st.deleted)
		v.Inherit(prev)
		if shared := prev != nil && v.st == prev.st; shared != st.shared {
			t.Errorf("%s: the statistics of the View before: %v, want %v", st.name, shared, st.shared)
		}
		for _, q := range conjunctions {
			if _, ok := v.cache.inheritedSet(compile(t, q).Key()); ok != st.shared {
				t.Errorf("%s: %s carried over: %v, want %v", st.name, q, ok, st.shared)
			}
		}
		for _, q := range queries {
			for _, filters := range [][]Filter{nil, {{Group: "country", Keys: []string{"country:C3"}}}} {
				req := Request{Plan: compile(t, q), Filters: filters, Size: len(docs)} // every match, the new documents' scores too
				nc := req
				nc.NoCache = true
				want, err := v.Search(t.Context(), nc)
				if err != nil {
					t.Fatal(err)
				}
				for i := range 2 { // completed, then read from the cache
					carried := func() uint64 { return v.cache.extended.Load() + v.cache.completed.Load() + v.cache.hits.Load() }
					before := carried()
					got, err := v.Search(t.Context(), req)
					// Whatever its root (a boolean, a word, a prefix, a
					// disjunction), a query's sets are carried over, by
					// this search or an earlier one.
					if i == 0 && filters == nil && st.shared && carried() == before {
						t.Errorf("%s, %s: no set the View before kept was carried over", st.name, q)
					}
					if err != nil {
						t.Fatal(err)
					}
					if got.Total != want.Total || !slices.Equal(got.Hits, want.Hits) || !maps.Equal(got.Counts, want.Counts) {
						t.Errorf("%s, %s %v: %d %v, want %d %v", st.name, q, filters, got.Total, got.Hits, want.Total, want.Hits)
					}
				}
			}
		}
		extended, completed := v.cache.extended.Load() > 0, v.cache.completed.Load() > 0
		if extended != st.extended || completed != st.completed {
			t.Errorf("%s: sets carried over the write extended, completed: %v, %v, want %v, %v", st.name, extended, completed, st.extended, st.completed)
		}
		v.cache.lru.Range(func(key string, e *matchEntry) {
			for w, word := range e.bits {
				if !e.inherited && word&^v.live[w] != 0 {
					t.Errorf("%s: %s keeps deleted documents", st.name, key)
					return
				}
			}
		})
		prev = v
	}
}

// TestHolds checks which snapshots keep a View: the same segments in the
// same order with the same deleted documents only.
func TestHolds(t *testing.T) {
	r := rand.New(rand.NewPCG(27, 28))
	docs := randomDocs(r, 30, strings.Fields("aa bb cc"))
	a, b, c := build(t, docs[:10]...), build(t, docs[10:20]...), build(t, docs[20:]...)
	v := view([]*Segment{a, b}, []uint32{1, 4}, nil)
	for _, tc := range []struct {
		name    string
		segs    []*Segment
		deleted [][]uint32
		want    bool
	}{
		{"the same", []*Segment{a, b}, [][]uint32{{1, 4}}, true},
		{"the same, no deletions written as empty", []*Segment{a, b}, [][]uint32{{1, 4}, {}}, true},
		{"a document deleted", []*Segment{a, b}, [][]uint32{{1, 4}, {2}}, false},
		{"a deletion undone", []*Segment{a, b}, [][]uint32{{1}}, false},
		{"a segment added", []*Segment{a, b, c}, [][]uint32{{1, 4}}, false},
		{"a segment replaced", []*Segment{a, c}, [][]uint32{{1, 4}}, false},
		{"the order changed", []*Segment{b, a}, [][]uint32{nil, {1, 4}}, false},
	} {
		if got := v.Holds(tc.segs, tc.deleted); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestPhraseDocsKept keeps sets of documents as a phrase's, sparse ones as
// gaps and dense ones as bitsets, and reads them back whole, and up to the
// bound a write leaves them (matchCache.inheritPhrases).
func TestPhraseDocsKept(t *testing.T) {
	const words = 40 // 2,560 documents
	r := rand.New(rand.NewPCG(29, 30))
	set := func(docs ...int) []uint64 {
		b := make([]uint64, words)
		for _, d := range docs {
			setBit(b, uint32(d))
		}
		return b
	}
	random := func(n int) []uint64 {
		b := make([]uint64, words)
		for range n {
			setBit(b, uint32(r.IntN(64*words)))
		}
		return b
	}
	for _, tc := range []struct {
		name string
		set  []uint64
		gaps bool
	}{
		{"none", set(), true},
		{"the first document", set(0), true},
		{"the last document", set(64*words - 1), true},
		{"far apart", set(3, 700, 2000, 2559), true},
		{"a word's edges", set(63, 64, 127, 128), true},
		{"sparse", random(100), true},
		{"dense", random(2000), false},
	} {
		c := newMatchCache(1 << 20)
		c.putPhrase("p", tc.set, 2)
		if p, _ := c.phrases.Get("p"); (p.gaps != nil || p.bits == nil) != tc.gaps {
			t.Errorf("%s: kept as gaps %v, want %v", tc.name, p.bits == nil, tc.gaps)
		}
		got := make([]uint64, words)
		if read, ok := c.phraseIn("p", got); !ok || read != 2 || !slices.Equal(got, tc.set) {
			t.Errorf("%s: read %v %d %v, want %v", tc.name, ok, read, got, tc.set)
		}
		for _, bound := range []uint32{0, 1, 64, 700, 701, 2000} {
			next := newMatchCache(1 << 20)
			next.inheritPhrases(c, 1, bound)
			got := make([]uint64, words)
			read, ok := next.phraseIn("p", got)
			want := slices.Clone(tc.set)
			for d := bound; d < 64*words; d++ {
				clearBit(want, d)
			}
			if !ok || read != 1 || !slices.Equal(got, want) {
				t.Errorf("%s, bound %d: read %v %d, documents %v, want %v", tc.name, bound, ok, read, got, want)
			}
		}
	}
}

// TestDatesAfterWrites orders documents by date on a View, then on the
// Views writes make: each orders them as a View that inherited nothing,
// from the order of the one before when they share segments.
func TestDatesAfterWrites(t *testing.T) {
	r := rand.New(rand.NewPCG(31, 32))
	docs := randomDocs(r, 920, strings.Fields("aa bb cc"))
	for i := range docs {
		if i%7 != 0 { // a seventh undated
			docs[i].date = fmt.Sprintf("20%02d-%02d-01", 10+r.IntN(12), 1+r.IntN(12))
		}
	}
	a, b, c, d := build(t, docs[:400]...), build(t, docs[400:700]...), build(t, docs[700:800]...), build(t, docs[800:900]...)
	e, f := build(t, docs[900:910]...), build(t, docs[910:]...)
	steps := []struct {
		name    string
		segs    []*Segment
		deleted [][]uint32
		carried bool
		// unordered: the View is replaced before any search by date.
		unordered bool
	}{
		{"first", []*Segment{a, b}, nil, false, false},
		{"a segment added", []*Segment{a, b, c}, nil, true, false},
		{"documents deleted", []*Segment{a, b, c}, [][]uint32{{3, 17, 200}, nil, {5}}, true, false},
		{"the last segment replaced", []*Segment{a, b, d}, [][]uint32{{3, 17, 200}}, true, false},
		{"an upload, never searched by date", []*Segment{a, b, d, e}, [][]uint32{{3, 17, 200}}, true, true},
		{"another upload, the order of the View before that", []*Segment{a, b, d, e, f}, [][]uint32{{3, 17, 200}}, true, false},
		{"a deletion undone", []*Segment{a, b, d, e, f}, [][]uint32{{3, 17}}, false, false},
		{"the first segment merged away", []*Segment{b, d, a}, nil, false, false},
	}
	var prev *View
	for _, st := range steps {
		v := view(st.segs, st.deleted...)
		v.Inherit(prev)
		if carried := v.prevDated != nil; carried != st.carried {
			t.Errorf("%s: the order of the View before carried: %v, want %v", st.name, carried, st.carried)
		}
		if st.unordered {
			prev = v
			continue
		}
		dated, undated, runs := v.dateOrder()
		wantDated, wantUndated, wantRuns := view(st.segs, st.deleted...).dateOrder()
		if !slices.Equal(dated, wantDated) || !slices.Equal(undated, wantUndated) || !slices.Equal(runs, wantRuns) {
			t.Errorf("%s: %d dated, %d undated, %d dates, want %d, %d, %d", st.name, len(dated), len(undated), len(runs)-1, len(wantDated), len(wantUndated), len(wantRuns)-1)
		}
		for r := range len(runs) - 1 {
			for i := runs[r]; i < runs[r+1]; i++ {
				if v.Date(dated[i]) != v.Date(dated[runs[r]]) || r > 0 && i == runs[r] && v.Date(dated[i]) == v.Date(dated[i-1]) {
					t.Fatalf("%s: run %d of dates [%d, %d) holds %s at %d", st.name, r, runs[r], runs[r+1], v.Date(dated[i]), i)
				}
			}
		}
		if len(dated) == 0 || len(undated) == 0 {
			t.Fatalf("%s: %d dated, %d undated", st.name, len(dated), len(undated))
		}
		prev = v
	}
}

// TestFullCacheKeepsFrequentSets checks the admission of sets into a full
// match cache: a set asked for no more often than the one it would push
// out is not kept, one asked for more often is, and any is while there is
// room; counts fade after a window of requests.
func TestFullCacheKeepsFrequentSets(t *testing.T) {
	entry := func() *matchEntry { return &matchEntry{bits: make([]uint64, 128)} } // 1 KiB
	c := newMatchCache(4 << 10)
	ask := func(key string, times int) {
		for range times {
			c.get(key)
		}
	}
	for _, k := range []string{"a", "b", "c", "d"} {
		ask(k, 3)
		if !c.worth(k) {
			t.Fatalf("%s not worth keeping in a cache with room", k)
		}
		c.store(k, entry())
	}
	cases := []struct {
		key   string
		asked int
		want  bool
	}{
		{"rare", 2, false},     // "a", the next to go, was asked for 3 times
		{"as-often", 3, false}, // not more than "a"
		{"popular", 4, true},
	}
	for _, tc := range cases {
		ask(tc.key, tc.asked)
		if got := c.worth(tc.key); got != tc.want {
			t.Errorf("worth(%q) asked %d times = %v, want %v", tc.key, tc.asked, got, tc.want)
		}
	}
	// After a window of other requests, old counts have faded: "rare"
	// asked for twice now outweighs "a".
	for i := range freqWindow {
		c.get(fmt.Sprint("other", i%7))
	}
	ask("rare", 2)
	if !c.worth("rare") {
		t.Errorf("counts did not fade: a=%d rare=%d", c.freq.of("a"), c.freq.of("rare"))
	}
}

// TestStatsOutliveMergesOfUploads: statistics taken while uploads sit in
// small segments of their own leave those out of document frequencies,
// so that the View a merge of them makes still scores with them and
// completes the sets kept before.
func TestStatsOutliveMergesOfUploads(t *testing.T) {
	r := rand.New(rand.NewPCG(27, 28))
	words := strings.Fields("migrants return border remittances trafficking children labour asylum")
	docs := randomDocs(r, 2010, words)
	a, b := build(t, docs[:1500]...), build(t, docs[1500:2000]...)
	up1, up2 := build(t, docs[2000:2005]...), build(t, docs[2005:2010]...)
	merged := build(t, docs[2000:2010]...)
	cfg := Config{Schema: testSchema, Analyzer: testAnalyzer, MatchCacheBytes: 8 << 20}
	before := NewView(cfg, []*Segment{a, b, up1, up2}, nil)
	queries := []string{"migrants", "border AND -return", `children OR "border return"`}
	for _, q := range queries {
		for range 2 { // kept at the second search
			if _, err := before.Search(t.Context(), Request{Plan: compile(t, q), Size: 10}); err != nil {
				t.Fatal(err)
			}
		}
	}
	v := NewView(cfg, []*Segment{a, b, merged}, nil)
	v.Inherit(before)
	if v.st != before.st {
		t.Fatal("the View after the uploads merged took statistics of its own")
	}
	for _, q := range queries {
		key := compile(t, q).Key()
		if _, ok := v.cache.inheritedSet(key); !ok {
			t.Errorf("%s: not carried over the merge", q)
		}
		got, want := cachedAndNot(t, v, Request{Plan: compile(t, q), Size: len(docs)})
		if got.Total != want.Total || !slices.Equal(got.Hits, want.Hits) {
			t.Errorf("%s: %d %v, want %d %v", q, got.Total, got.Hits, want.Total, want.Hits)
		}
	}
}

// cachedAndNot runs req on v, then again without the match cache.
func cachedAndNot(t *testing.T, v *View, req Request) (got, want *Result) {
	t.Helper()
	got, err := v.Search(t.Context(), req)
	if err != nil {
		t.Fatal(err)
	}
	req.NoCache = true
	if want, err = v.Search(t.Context(), req); err != nil {
		t.Fatal(err)
	}
	return got, want
}
