package texttable

import (
	"encoding/binary"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"faro/search"
)

// TestSkipVarints skips n uvarints of mixed widths from many offsets,
// as decoding them one by one does.
func TestSkipVarints(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var buf []byte
	var ends []int // ends[i]: the offset after the i-th uvarint
	for range 500 {
		v := uint64(r.IntN(100))
		switch r.IntN(4) {
		case 0:
			v = r.Uint64N(1 << 20)
		case 1:
			v = r.Uint64()
		}
		buf = binary.AppendUvarint(buf, v)
		ends = append(ends, len(buf))
	}
	for start := 0; start < len(ends); start += 7 {
		p := 0
		if start > 0 {
			p = ends[start-1]
		}
		for n := 0; start+n <= len(ends) && n < 70; n++ {
			want := p
			if n > 0 {
				want = ends[start+n-1]
			}
			if got := skipVarints(buf, p, uint64(n)); got != want {
				t.Fatalf("skip %d from uvarint %d (offset %d): offset %d, want %d", n, start, p, got, want)
			}
		}
	}
}

// TestPhrasesAsWordForWord matches random phrases of two to four words
// over long documents of a small vocabulary (each word found many times
// in most documents, so positions are skipped and narrowed far into their
// lists), in two segments with deletions, against a plain search for the
// words side by side in each document's pages.
func TestPhrasesAsWordForWord(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	words := strings.Fields("aa bb cc dd ee ff gg")
	text := func(n int) string {
		ws := make([]string, n)
		for i := range ws {
			// A skewed draw: "aa" is common, "gg" rare.
			ws[i] = words[min(r.IntN(len(words)), r.IntN(len(words)))]
		}
		return strings.Join(ws, " ")
	}
	docs := make([]fakeDoc, 600)
	for i := range docs {
		d := fakeDoc{id: fmt.Sprintf("d%03d", i), title: text(1 + r.IntN(4)), body: text(r.IntN(400))}
		if r.IntN(3) == 0 {
			d.bodyPages = []string{text(r.IntN(50)), text(r.IntN(200))}
		}
		docs[i] = d
	}
	segs := []*Segment{build(t, docs[:350]...), build(t, docs[350:]...)}
	gone := map[int]bool{3: true, 100: true, 351: true, 599: true}
	v := view(segs, []uint32{3, 100}, []uint32{1, 249})
	holds := func(d fakeDoc, phrase string) bool {
		for _, p := range append([]string{d.title, d.summary, d.body}, d.bodyPages...) {
			if strings.Contains(" "+p+" ", " "+phrase+" ") {
				return true
			}
		}
		return false
	}
	for i := range 60 {
		phrase := text(2 + i%3)
		var want []string
		for n, d := range docs {
			if !gone[n] && holds(d, phrase) {
				want = append(want, d.id)
			}
		}
		p := compile(t, `"`+phrase+`"`)
		res, err := v.Search(t.Context(), Request{Plan: p, Size: len(docs), NoCache: true})
		if err != nil {
			t.Fatal(err)
		}
		got := ids(res)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%q: %d documents %v,\nwant %d %v", phrase, len(got), got, len(want), want)
		}
	}
}

func compile(t testing.TB, text string) *search.Plan {
	t.Helper()
	p, err := search.Compile(text, search.CompileOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// randomDocs returns n documents of words drawn (skewed: the first words
// common, the last rare) from words, in titles, summaries and bodies of
// one to three pages.
func randomDocs(r *rand.Rand, n int, words []string) []fakeDoc {
	text := func(n int) string {
		ws := make([]string, n)
		for i := range ws {
			ws[i] = words[min(r.IntN(len(words)), r.IntN(len(words)))]
		}
		return strings.Join(ws, " ")
	}
	docs := make([]fakeDoc, n)
	for i := range docs {
		d := fakeDoc{id: fmt.Sprintf("d%04d", i), title: text(1 + r.IntN(4)), body: text(r.IntN(300))}
		if r.IntN(2) == 0 {
			d.summary = text(5 + r.IntN(20))
		}
		if r.IntN(3) == 0 {
			d.bodyPages = []string{text(r.IntN(50)), text(r.IntN(200))}
		}
		if r.IntN(4) == 0 {
			d.body += " zz" // a word of bodies only
		}
		d.facets = []string{fmt.Sprintf("country:C%d", r.IntN(30)), fmt.Sprintf("lang:L%d", r.IntN(3))}
		docs[i] = d
	}
	return docs
}

// TestSparseScoresAsDense ranks phrases and words, some with filters,
// with the sparse readings (the documents of a phrase scored by reading
// their words' postings at them only; an optional phrase aligned at the
// documents passing the filters only) and without: the same hits with the
// same scores to the last bit, the same totals and counts.
func TestSparseScoresAsDense(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	words := strings.Fields("aa bb cc dd ee ff gg hh")
	docs := randomDocs(r, 900, words)
	segs := []*Segment{build(t, docs[:500]...), build(t, docs[500:]...)}
	v := view(segs, []uint32{7, 400}, []uint32{2})
	draw := func(n int) string {
		ws := make([]string, n)
		for i := range ws {
			ws[i] = words[r.IntN(len(words))]
		}
		return strings.Join(ws, " ")
	}
	for i := range 80 {
		q := `"` + draw(2+i%3) + `"`
		if i%4 == 3 {
			// Bare words: an optional phrase of them adds to the score.
			q = draw(2 + i%2)
		}
		p := compile(t, q)
		var filters []Filter
		if i%2 == 1 {
			filters = append(filters, Filter{Group: "country", Keys: []string{fmt.Sprintf("country:C%d", r.IntN(30))}})
		}
		if i%3 == 1 {
			filters = append(filters, Filter{Group: "lang", Keys: []string{"lang:L1"}})
		}
		search := func() *Result {
			res, err := v.Search(t.Context(), Request{Plan: p, Filters: filters, Size: 50, NoCache: true})
			if err != nil {
				t.Fatal(err)
			}
			return res
		}
		saved := sparseRatio
		sparseRatio = 0
		sparse := search()
		sparseRatio = denseOnly
		dense := search()
		sparseRatio = saved
		if sparse.Total != dense.Total || !slices.Equal(sparse.Hits, dense.Hits) || !maps.Equal(sparse.Counts, dense.Counts) {
			t.Errorf("%s %v: sparse reading %d %v %v,\ndense %d %v %v", q, filters, sparse.Total, sparse.Hits, sparse.Counts, dense.Total, dense.Hits, dense.Counts)
		}
	}
}

// TestFilteredAsBruteForce searches random documents with facet filters
// (few documents pass a country, so only they are scored) and checks
// every answer (words held by several fields and by one) against one
// worked out from the unfiltered search: the
// hits are the best passing documents of the unfiltered ranking, with
// the same scores to the last bit, ties by id; the total is the count of
// passing matches; each facet value's count is the matches holding it
// that pass the filters of the other facets.
func TestFilteredAsBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	docs := randomDocs(r, 1200, strings.Fields("aa bb cc dd ee ff gg hh"))
	segs := []*Segment{build(t, docs[:700]...), build(t, docs[700:]...)}
	v := view(segs, []uint32{5, 600}, []uint32{3})
	gone := map[string]bool{"d0005": true, "d0600": true, "d0703": true}
	byID := map[string]fakeDoc{}
	for _, d := range docs {
		byID[d.id] = d
	}
	queries := []string{"aa", "gg", "aa bb", "bb gg hh", "cc OR hh", `"aa bb"`, `"cc dd ee"`, "aa -bb", "gg*", "ff AND hh", "zz", "zz bb"}
	for i, q := range queries {
		p := compile(t, q)
		all, err := v.Search(t.Context(), Request{Plan: p, Size: len(docs), NoCache: true})
		if err != nil {
			t.Fatal(err)
		}
		for j := range 6 {
			filters := []Filter{{Group: "country", Keys: []string{fmt.Sprintf("country:C%d", (i*7+j)%30)}}}
			if j%2 == 1 {
				filters[0].Keys = append(filters[0].Keys, fmt.Sprintf("country:C%d", (i+j*5)%30))
			}
			if j >= 3 {
				filters = append(filters, Filter{Group: "lang", Keys: []string{fmt.Sprintf("lang:L%d", j%3)}})
			}
			passes := func(d fakeDoc, skip string) bool {
				for _, f := range filters {
					if f.Group != skip && !slices.ContainsFunc(f.Keys, func(k string) bool { return slices.Contains(d.facets, k) }) {
						return false
					}
				}
				return true
			}
			var want []Hit
			counts := map[string]int{}
			for _, h := range all.Hits {
				d := byID[h.ID]
				if gone[h.ID] {
					t.Fatalf("%s: deleted %s found", q, h.ID)
				}
				if passes(d, "") {
					want = append(want, Hit{N: h.N, ID: h.ID, Score: h.Score})
				}
				for _, k := range d.facets {
					g, _, _ := strings.Cut(k, ":")
					if passes(d, g) {
						counts[k]++
					}
				}
			}
			total := len(want)
			if len(want) > 20 {
				want = want[:20]
			}
			for _, cached := range []bool{false, true, true} {
				got, err := v.Search(t.Context(), Request{Plan: p, Filters: filters, Size: 20, NoCache: !cached})
				if err != nil {
					t.Fatal(err)
				}
				if got.Total != uint64(total) || !slices.Equal(got.Hits, want) || !maps.Equal(got.Counts, counts) {
					t.Errorf("%s %v (cache %v):\ngot  %d %v %v\nwant %d %v %v", q, filters, cached, got.Total, got.Hits, got.Counts, total, want, counts)
				}
			}
		}
	}
}

// TestFreedSetsAsKept searches random documents with words, phrases,
// alternatives, exclusions, prefixes and filters, with the sets of
// evaluated clauses freed (and reused) as soon as they are combined and
// with every set kept to the end: the same hits, scores, totals and
// counts, first and from the match cache.
func TestFreedSetsAsKept(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	words := strings.Fields("aa bb cc dd ee ff gg hh")
	docs := randomDocs(r, 900, words)
	segs := []*Segment{build(t, docs[:500]...), build(t, docs[500:]...)}
	w := func() string { return words[r.IntN(len(words))] }
	for i := range 120 {
		var q string
		switch i % 6 {
		case 0:
			q = w() + " " + w() + " " + w()
		case 1:
			q = `"` + w() + " " + w() + `" ` + w()
		case 2:
			q = w() + " OR " + w() + " " + w()
		case 3:
			q = w() + " " + w() + " -" + w()
		case 4:
			q = w() + "* " + w()
		case 5:
			q = `"` + w() + " " + w() + " " + w() + `"`
		}
		p := compile(t, q)
		var filters []Filter
		if i%2 == 1 {
			filters = append(filters, Filter{Group: "country", Keys: []string{fmt.Sprintf("country:C%d", r.IntN(30))}})
		}
		answers := func(keep bool) []*Result {
			keepSets = keep
			defer func() { keepSets = false }()
			v := view(segs, []uint32{7, 400}, []uint32{2}) // a cache of its own
			var out []*Result
			for range 3 { // the third from the cache
				res, err := v.Search(t.Context(), Request{Plan: p, Filters: filters, Size: 30})
				if err != nil {
					t.Fatal(err)
				}
				out = append(out, res)
			}
			return out
		}
		freed, kept := answers(false), answers(true)
		for j := range freed {
			a, b := freed[j], kept[j]
			if a.Total != b.Total || !slices.Equal(a.Hits, b.Hits) || !maps.Equal(a.Counts, b.Counts) {
				t.Errorf("%s %v, search %d: freed %d %v %v,\nkept %d %v %v", q, filters, j, a.Total, a.Hits, a.Counts, b.Total, b.Hits, b.Counts)
			}
		}
	}
}

// TestKeptPhrasesAsEvaluated searches phrases again and again on one View
// (the documents holding each phrase kept from its first evaluation), with
// other filters, other words around them, and as the optional phrase of
// bare words: the same hits, scores, totals and counts as searches that
// use no cache.
func TestKeptPhrasesAsEvaluated(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	words := strings.Fields("aa bb cc dd ee ff gg hh")
	docs := randomDocs(r, 900, words)
	segs := []*Segment{build(t, docs[:500]...), build(t, docs[500:]...)}
	v := view(segs, []uint32{7, 400}, []uint32{2})
	w := func() string { return words[r.IntN(len(words))] }
	pairs := []string{"aa bb", "bb aa", "cc dd", "aa aa", "gg hh", "hh zz", "gg zz"}
	for i := range 150 {
		pair := pairs[r.IntN(len(pairs))]
		q := `"` + pair + `"`
		switch i % 4 {
		case 1:
			q += " " + w()
		case 2:
			q = pair // bare words: an optional phrase of them
		case 3:
			q = w() + " OR " + q
		}
		var filters []Filter
		if r.IntN(3) > 0 {
			filters = append(filters, Filter{Group: "country", Keys: []string{fmt.Sprintf("country:C%d", r.IntN(30))}})
		}
		if r.IntN(3) == 0 {
			filters = append(filters, Filter{Group: "lang", Keys: []string{fmt.Sprintf("lang:L%d", r.IntN(3))}})
		}
		p := compile(t, q)
		got, err := v.Search(t.Context(), Request{Plan: p, Filters: filters, Size: 30})
		if err != nil {
			t.Fatal(err)
		}
		want, err := v.Search(t.Context(), Request{Plan: p, Filters: filters, Size: 30, NoCache: true})
		if err != nil {
			t.Fatal(err)
		}
		if got.Total != want.Total || !slices.Equal(got.Hits, want.Hits) || !maps.Equal(got.Counts, want.Counts) {
			t.Errorf("%s %v: with kept phrases %d %v %v,\nwithout %d %v %v", q, filters, got.Total, got.Hits, got.Counts, want.Total, want.Hits, want.Counts)
		}
	}
	// Both forms were kept: lists of few documents, bitsets of many.
	lists, bitsets := 0, 0
	v.cache.phraseMu.Lock()
	for _, k := range v.cache.phrases.Keys() {
		if p, _ := v.cache.phrases.Get(k); p.bits != nil {
			bitsets++
		} else {
			lists++
		}
	}
	v.cache.phraseMu.Unlock()
	if lists == 0 || bitsets == 0 {
		t.Errorf("phrases kept as %d lists and %d bitsets, want some of both", lists, bitsets)
	}
}
