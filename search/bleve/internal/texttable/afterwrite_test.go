package texttable

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// BenchmarkSearchAfterWrite measures a search of the View a one-document
// write makes, against the same search of a View that kept its set and of
// one without a cache: go test -bench SearchAfterWrite.
func BenchmarkSearchAfterWrite(b *testing.B) {
	r := rand.New(rand.NewPCG(31, 32))
	words := strings.Fields("migrants return border remittances trafficking children labour asylum youth women")
	docs := randomDocs(r, 20001, words)
	big, small := build(b, docs[:20000]...), build(b, docs[20000:]...)
	cfg := Config{Schema: testSchema, Analyzer: testAnalyzer, MatchCacheBytes: 64 << 20}
	for _, q := range []string{"migrants", "migrants OR asylum", "migrants asylum", `"migrants asylum"`, "migrants AND asylum"} {
		req := Request{Plan: compile(b, q), Size: 10}
		warm := func() *View {
			v := NewView(cfg, []*Segment{big}, nil)
			for range 3 {
				if _, err := v.Search(b.Context(), req); err != nil {
					b.Fatal(err)
				}
			}
			return v
		}
		b.Run(q+"/kept", func(b *testing.B) {
			v := warm()
			for b.Loop() {
				v.Search(b.Context(), req)
			}
		})
		b.Run(q+"/after-write", func(b *testing.B) {
			old := warm()
			for b.Loop() {
				b.StopTimer()
				v := NewView(cfg, []*Segment{big, small}, nil)
				v.Inherit(old)
				b.StartTimer()
				v.Search(b.Context(), req)
			}
		})
		b.Run(q+"/after-write-pooled", func(b *testing.B) {
			old := warm()
			other := Request{Plan: compile(b, "labour"), Size: 10, NoCache: true}
			for b.Loop() {
				b.StopTimer()
				v := NewView(cfg, []*Segment{big, small}, nil)
				v.Inherit(old)
				v.Search(b.Context(), other)
				b.StartTimer()
				v.Search(b.Context(), req)
			}
		})
		b.Run(q+"/uncached", func(b *testing.B) {
			v := NewView(cfg, []*Segment{big}, nil)
			nc := req
			nc.NoCache = true
			for b.Loop() {
				v.Search(b.Context(), nc)
			}
		})
	}
}

// TestSetsOutliveWrites checks that the View a write makes evaluates with
// the sets the View before gave back: they share a pool, and a set made
// for the View before has room for a document more, empty when taken.
func TestSetsOutliveWrites(t *testing.T) {
	r := rand.New(rand.NewPCG(33, 34))
	docs := randomDocs(r, 301, strings.Fields("aa bb cc"))
	a, up := build(t, docs[:300]...), build(t, docs[300:]...)
	old := view([]*Segment{a})
	e := old.newEvaluator(t.Context(), false)
	s := e.newSet()
	forEach(old.live, func(n uint32) { s.add(n, 1) })
	e.release()

	v := view([]*Segment{a, up})
	v.Inherit(old)
	if v.pools != old.pools {
		t.Fatal("the View after a write has pools of its own")
	}
	score := &s.score[0]
	if !s.resize(v.docs, len(v.live)) || &s.score[0] != score {
		t.Fatal("a set of the View before has no room for the document written")
	}
	if len(s.score) != v.docs || len(s.cnt) != v.docs || len(s.bits) != len(v.live) || popcount(s.bits, nil) != 0 {
		t.Errorf("set of %d scores, %d counts, %d words, %d members; want %d documents, %d words, none", len(s.score), len(s.cnt), len(s.bits), popcount(s.bits, nil), v.docs, len(v.live))
	}
	if s.resize(v.docs+roomFor(v.docs), len(v.live)) {
		t.Error("a set took more documents than it has room for")
	}
}

// TestMergeSorted merges sorted lists of very different lengths, as the
// order of a View's dates merges a new segment's into the one before, and
// checks the result against sorting them all.
func TestMergeSorted(t *testing.T) {
	r := rand.New(rand.NewPCG(35, 36))
	for _, sizes := range [][]int{{}, {0, 0}, {5}, {1000, 1}, {1, 1000}, {3, 0, 700, 2}, {300, 300, 300}, {0, 64, 1, 1, 5000}} {
		keys := r.Perm(20000)
		less := func(a, b uint32) bool { return keys[a] < keys[b] }
		var lists [][]uint32
		var all []uint32
		next := uint32(0)
		for _, n := range sizes {
			l := make([]uint32, n)
			for i := range l {
				l[i] = next
				next++
			}
			slices.SortFunc(l, func(a, b uint32) int { return keys[a] - keys[b] })
			lists = append(lists, l)
			all = append(all, l...)
		}
		slices.SortFunc(all, func(a, b uint32) int { return keys[a] - keys[b] })
		if got := mergeSorted(lists, less); !slices.Equal(got, all) && len(all) > 0 {
			t.Errorf("lists of %v: merged wrongly (%d of %d)", sizes, len(got), len(all))
		}
	}
}

// TestDisjunctionCompletesKeptWords searches words alone on a View, then,
// on the View a write makes, their disjunction first: it completes the
// words' sets the View before kept, as their own searches would, and
// answers as a search without the cache.
func TestDisjunctionCompletesKeptWords(t *testing.T) {
	r := rand.New(rand.NewPCG(37, 38))
	docs := randomDocs(r, 1505, strings.Fields("migrants return border remittances asylum labour"))
	a, up := build(t, docs[:1500]...), build(t, docs[1500:]...)
	cfg := Config{Schema: testSchema, Analyzer: testAnalyzer, MatchCacheBytes: 8 << 20}
	old := NewView(cfg, []*Segment{a}, nil)
	for _, q := range []string{"asylum", "labour"} {
		for range 2 { // kept at the second search
			if _, err := old.Search(t.Context(), Request{Plan: compile(t, q), Size: 10}); err != nil {
				t.Fatal(err)
			}
		}
	}
	v := NewView(cfg, []*Segment{a, up}, nil)
	v.Inherit(old)
	req := Request{Plan: compile(t, "asylum OR labour"), Size: len(docs)}
	got, err := v.Search(t.Context(), req)
	if err != nil {
		t.Fatal(err)
	}
	if n := v.cache.extended.Load() + v.cache.completed.Load(); n != 2 {
		t.Errorf("%d of the words' sets carried over, want 2", n)
	}
	req.NoCache = true
	want, err := v.Search(t.Context(), req)
	if err != nil {
		t.Fatal(err)
	}
	if got.Total != want.Total || !slices.Equal(got.Hits, want.Hits) {
		t.Errorf("%d %v, want %d %v", got.Total, got.Hits[:min(5, len(got.Hits))], want.Total, want.Hits[:min(5, len(want.Hits))])
	}
}

// TestTruncated checks the first n scores of a head and a tail.
func TestTruncated(t *testing.T) {
	head, tail := []float32{1, 2, 3}, []float32{4, 5}
	for _, tc := range []struct {
		n    uint32
		want []float32
	}{{0, nil}, {2, []float32{1, 2}}, {3, []float32{1, 2, 3}}, {4, []float32{1, 2, 3, 4}}, {5, []float32{1, 2, 3, 4, 5}}} {
		h, tl := truncated(head, tail, tc.n)
		if got := append(slices.Clone(h), tl...); !slices.Equal(got, tc.want) && len(got)+len(tc.want) > 0 {
			t.Errorf("first %d: %v, want %v", tc.n, got, tc.want)
		}
		if h = append(h, 9); head[min(int(tc.n), 2)] == 9 && tc.n < 3 {
			t.Errorf("first %d: appending to the head overwrites the scores past it", tc.n)
		}
	}
}
