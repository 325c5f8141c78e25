package texttable

import (
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"faro/search"
)

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		max  int
		want int
	}{
		{"guatemala", "guatemala", 2, 0},
		{"guatemla", "guatemala", 2, 1},
		{"reintegracoin", "reintegracion", 2, 1}, // a transposition is one edit
		{"trafiking", "trafficking", 2, 2},
		{"migracion", "migración", 2, 1},
		{"abc", "xyz", 2, 3},
		{"a", "abcdef", 2, 3},
	} {
		if got := editDistance(tc.a, tc.b, tc.max); got != tc.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestTypos(t *testing.T) {
	v := view([]*Segment{build(t, corpus[:3]...), build(t, corpus[3:]...)})
	for _, tc := range []struct {
		query  string
		noTypo bool
		want   []string
	}{
		{"retrun", false, []string{"a", "b", "d"}}, // one typo in 6 letters
		{"retrun", true, nil},                      // typos=0
		{"trafiking", false, []string{"c"}},        // two typos in 9 letters
		{"smugling", false, []string{"d"}},         // one in 8
		{"retrn", false, []string{"a", "b", "d"}},  // one in 5
		{"rturn", false, []string{"a", "b", "d"}},  // a deletion at the start
		{"rteurn", false, []string{"a", "b", "d"}}, // a transposition
		{"retu", false, nil},                       // under 5 letters: exact only
		{"smuglinng", false, []string{"d"}},        // two edits in 9 letters
		{"return", false, []string{"a", "b", "d"}}, // exact words are not corrected
		{`"retrun flows"`, false, nil},             // nor phrases
	} {
		p, err := search.Compile(tc.query, search.CompileOptions{NoTypos: tc.noTypo})
		if err != nil {
			t.Fatal(err)
		}
		r, err := v.Search(context.Background(), Request{Plan: p, Size: 10})
		if err != nil {
			t.Fatal(err)
		}
		got := ids(r)
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q (typos off %v): %v, want %v", tc.query, tc.noTypo, got, tc.want)
		}
	}
	// A corrected word weighs less than the word itself.
	exact := run(t, v, "routes", nil, "")
	fixed := run(t, v, "rotues", nil, "")
	if len(fixed.Hits) != 1 || len(exact.Hits) != 1 || fixed.Hits[0].Score >= exact.Hits[0].Score {
		t.Errorf("corrected score %v, exact %v", fixed.Hits[0].Score, exact.Hits[0].Score)
	}
}

// TestRarerThanNeighbour: a word the index holds, but much rarer than a
// word one typo away, is searched as both; the exact match ranks first.
func TestRarerThanNeighbour(t *testing.T) {
	for _, tc := range []struct {
		name     string
		common   int // documents holding "remittances"
		wantBoth bool
	}{
		{"neighbour 25 times more frequent", 25, true},
		{"neighbour 5 times more frequent", 5, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			docs := []fakeDoc{{id: "typo", title: "a survey", body: "remitances sent home"}}
			for i := range tc.common {
				docs = append(docs, fakeDoc{id: fmt.Sprintf("r%02d", i), title: "a survey", body: "remittances and savings"})
			}
			for i := range 40 {
				docs = append(docs, fakeDoc{id: fmt.Sprintf("x%02d", i), title: "other", body: "labour markets"})
			}
			v := view([]*Segment{build(t, docs...)})
			r := run(t, v, "remitances", nil, "")
			got := ids(r)
			if len(got) == 0 || got[0] != "typo" {
				t.Fatalf("hits %v: the exact match must rank first", got)
			}
			if both := len(got) == 1+tc.common; both != tc.wantBoth {
				t.Errorf("%d hits, corrected too: %v, want %v", len(got), both, tc.wantBoth)
			}
			fixes := v.Fixes(r.Hits[len(r.Hits)-1].N, []search.Mark{{Text: "remitances", Typos: search.TyposFor("remitances")}})
			if (fixes["remitances"] == "remittances") != tc.wantBoth {
				t.Errorf("fixes %v, want a correction: %v", fixes, tc.wantBoth)
			}
		})
	}
}

// TestCorrectionsKeptBySegment reads misspelt words on a View, then on the
// View of the same segments and one more: the second reads them as the
// first did, the corrections of the shared segments' fields kept from
// the first, those of the new segment found then.
func TestCorrectionsKeptBySegment(t *testing.T) {
	a, b := build(t, corpus[:3]...), build(t, corpus[3:]...)
	words := []string{"retrun", "trafiking", "smugling", "rteurn"}
	first := view([]*Segment{a})
	for _, w := range words {
		first.fix("body_en", w, 2)
	}
	kept := func(s *Segment, w string) bool {
		f := s.fields["body_en"]
		f.typo.mu.Lock()
		defer f.typo.mu.Unlock()
		_, ok := f.typo.found[w+"\x002"]
		return ok
	}
	for _, w := range words {
		if !kept(a, w) {
			t.Errorf("%s: not kept for the segment", w)
		}
		if kept(b, w) {
			t.Errorf("%s: kept for a segment not read", w)
		}
	}
	both := view([]*Segment{a, b})
	got := map[string]string{}
	for _, w := range words {
		got[w] = both.fix("body_en", w, 2)
		if !kept(b, w) {
			t.Errorf("%s: not kept for the new segment", w)
		}
	}
	if got["retrun"] != "return" {
		t.Fatalf("retrun read as %q, want return", got["retrun"])
	}
	for _, s := range []*Segment{a, b} {
		f := s.fields["body_en"]
		f.typo.mu.Lock()
		f.typo.found = nil
		f.typo.mu.Unlock()
	}
	fresh := view([]*Segment{a, b})
	for _, w := range words {
		if want := fresh.fix("body_en", w, 2); got[w] != want {
			t.Errorf("%s read as %q, want %q", w, got[w], want)
		}
	}
}

// TestCorrectionsAsScan compares the typo index's corrections of words,
// misspelt or not, with a scan of the field's whole dictionary.
func TestCorrectionsAsScan(t *testing.T) {
	r := rand.New(rand.NewPCG(33, 34))
	words := strings.Fields("migration migrants return reintegration trafficking smuggling border remittances children labour asylum returnee returned migrant borders")
	seg := build(t, randomDocs(r, 300, words)...)
	defer runtime.KeepAlive(seg) // f's memory
	f := seg.fields["body_en"]
	for _, q := range []string{"migrnats", "retrun", "smugling", "trafiking", "bordr", "childern", "labor", "migrant", "asylun", "reintegracion", "xyz"} {
		for _, dist := range []int{1, 2} {
			var p *probes
			got := f.corrections(q, dist, &p)
			want := map[string]int{}
			for i := range f.terms {
				c := f.word(&f.terms[i])
				if c == q || utf8.RuneCountInString(c) < minTypoTerm {
					continue
				}
				if d := editDistance(q, c, dist); d <= dist {
					want[c] = d
				}
			}
			if !maps.Equal(got, want) {
				t.Errorf("%s within %d: %v, want %v", q, dist, got, want)
			}
		}
	}
}

// TestTypoIndexSizes: the typo index's keys keep as many of a hash's bits
// as the term numbers leave free, in as many buckets as its keys ask for;
// from a field of one term, a few or thousands, the corrections are those
// the symmetric-delete scheme finds comparing strings: a term or one of
// its deletions equal to one of the probes (probeStrings), within the
// distance.
func TestTypoIndexSizes(t *testing.T) {
	for _, tc := range []struct {
		name  string
		words []string
	}{
		{"one term", []string{"return"}},
		{"two terms", []string{"return", "returns"}},
		{"short terms only", []string{"ab", "cd"}},
		{"many terms", func() []string {
			var out []string
			for i := range 5000 {
				out = append(out, fmt.Sprintf("return%04d", i))
			}
			return append(out, "return")
		}()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var docs []fakeDoc
			for i, w := range tc.words {
				docs = append(docs, fakeDoc{id: fmt.Sprintf("d%05d", i), body: w})
			}
			seg := build(t, docs...)
			defer runtime.KeepAlive(seg) // f's memory
			f := seg.fields["body_en"]
			if n := len(f.typo.keys); n != 0 && len(f.typo.start) != 1<<f.typo.bits+1 {
				t.Fatalf("%d keys in %d buckets, %d bucket starts", n, 1<<f.typo.bits, len(f.typo.start))
			}
			for _, q := range []string{"retrun", "rturn", "ab", "return0001", "retrun0001"} {
				var p *probes
				got := f.corrections(q, 2, &p)
				want := map[string]int{}
				probes := map[string]bool{}
				for _, s := range probeStrings(q, 2) {
					probes[s] = true
				}
				for i := range f.terms {
					c := f.word(&f.terms[i])
					if c == q || utf8.RuneCountInString(c) < minTypoTerm || utf8.RuneCountInString(q) < minTypoTerm {
						continue
					}
					if !slices.ContainsFunc(append(deletions(c), c), func(s string) bool { return probes[s] }) {
						continue
					}
					if d := editDistance(q, c, 2); d <= 2 {
						want[c] = d
					}
				}
				if !maps.Equal(got, want) {
					t.Errorf("%s: %v, want %v", q, got, want)
				}
			}
		})
	}
}
