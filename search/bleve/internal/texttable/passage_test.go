package texttable

import (
	"fmt"
	"strings"
	"testing"

	"faro/search"
)

// filler returns n distinct words that no query asks for.
func filler(tag string, n int) string {
	words := make([]string, n)
	for i := range words {
		words[i] = fmt.Sprintf("%s%d", tag, i)
	}
	return strings.Join(words, " ")
}

// TestPassages: a long document holding all of a relaxed query's words
// ranks with those holding them all only when a passage of it (a page)
// holds them, or its title does; a short document is one passage.
func TestPassages(t *testing.T) {
	page := func(tag string, words ...string) string {
		return filler(tag, 400) + " " + strings.Join(words, " ")
	}
	docs := []fakeDoc{
		{id: "scattered", title: "report", body: page("s0_", "dangers"), bodyPages: []string{page("s1_"), page("s2_", "crossing")}},
		{id: "together", title: "report", body: page("t0_"), bodyPages: []string{page("t1_", "dangers crossing"), page("t2_")}},
		{id: "adjacent", title: "report", body: page("a0_"), bodyPages: []string{page("a1_", "dangers"), page("a2_", "crossing")}},
		{id: "titled", title: "dangers", body: page("h0_"), bodyPages: []string{page("h1_"), page("h2_", "crossing")}},
		{id: "short", title: "note", body: "dangers " + filler("n", 50) + " crossing"},
	}
	for i := range 20 {
		docs = append(docs, fakeDoc{id: fmt.Sprintf("x%02d", i), title: "other", body: "labour markets"})
	}
	v := view([]*Segment{build(t, docs...)})
	r := run(t, v, "dangers crossing", nil, "")
	tier := map[string]bool{}
	for _, h := range r.Hits {
		tier[h.ID] = h.Score >= search.RelaxedTier
	}
	want := map[string]bool{"scattered": false, "together": true, "adjacent": false, "titled": true, "short": true}
	for id, w := range want {
		if tier[id] != w {
			t.Errorf("%s: with those holding every word %v, want %v (hits %v)", id, tier[id], w, ids(r))
		}
	}
	if got := ids(r); len(got) != 5 || tier[got[3]] || tier[got[4]] {
		t.Errorf("hits %v: the reports holding the words on different pages must come last", got)
	}
}
