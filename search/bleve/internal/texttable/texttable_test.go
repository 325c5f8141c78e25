package texttable

import (
	"context"
	"fmt"
	"math"
	"reflect"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"

	"faro/search"
)

// fakeDoc is a document of a fake segment: one language ("en"), pages of
// space-separated words.
type fakeDoc struct {
	id, date    string
	title, body string
	bodyPages   []string
	facets      []string
	summary     string
}

// fakeSource is a segment made of fakeDocs, analysed by splitting at
// spaces and lower-casing.
type fakeSource []fakeDoc

func (s fakeSource) Docs() int { return len(s) }

func (s fakeSource) Walk(ctx context.Context, field string, fn func(string, *Posting) error) error {
	type occ struct {
		doc    uint32
		keys   []uint64
		length uint32
	}
	postings := map[string][]*occ{}
	for n, d := range s {
		var pages []string
		switch field {
		case "_id":
			pages = []string{d.id}
		case "date":
			if d.date != "" {
				pages = []string{d.date}
			}
		case "facet":
			for _, f := range d.facets {
				postings[f] = append(postings[f], &occ{doc: uint32(n), length: uint32(len(d.facets))})
			}
			continue
		case "title_en":
			pages = []string{d.title}
		case "summary_en":
			pages = []string{d.summary}
		case "body_en":
			pages = append([]string{d.body}, d.bodyPages...)
		}
		if field == "_id" || field == "date" {
			for _, p := range pages {
				postings[p] = append(postings[p], &occ{doc: uint32(n), length: 1})
			}
			continue
		}
		length := 0
		for _, p := range pages {
			length += len(strings.Fields(p))
		}
		byTerm := map[string]*occ{}
		for page, p := range pages {
			for i, w := range strings.Fields(p) {
				w = strings.ToLower(w)
				o := byTerm[w]
				if o == nil {
					o = &occ{doc: uint32(n), length: uint32(length)}
					byTerm[w] = o
					postings[w] = append(postings[w], o)
				}
				o.keys = append(o.keys, Key(uint64(page), uint64(i+1)))
			}
		}
	}
	terms := make([]string, 0, len(postings))
	for t := range postings {
		terms = append(terms, t)
	}
	sort.Strings(terms)
	for _, t := range terms {
		for _, o := range postings[t] {
			p := &Posting{Doc: o.doc, Freq: uint32(max(1, len(o.keys))), Length: o.length, Positions: o.keys}
			if err := fn(t, p); err != nil {
				return err
			}
		}
	}
	return nil
}

var testSchema = Schema{
	Text: []TextField{
		{Name: "title_en", Kind: search.FieldTitle, Lang: "en"},
		{Name: "summary_en", Kind: search.FieldSummary, Lang: "en"},
		{Name: "body_en", Kind: search.FieldBody, Lang: "en"},
	},
	Facet: "facet", Date: "date", ID: "_id",
}

func testAnalyzer(_, text string) []Token {
	var out []Token
	for i, w := range strings.Fields(text) {
		out = append(out, Token{Term: strings.ToLower(w), Pos: i + 1})
	}
	return out
}

func build(t testing.TB, docs ...fakeDoc) *Segment {
	t.Helper()
	s, err := Build(context.Background(), fakeSource(docs), testSchema, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func view(segs []*Segment, deleted ...[]uint32) *View {
	return NewView(Config{Schema: testSchema, Analyzer: testAnalyzer, MatchCacheBytes: 1 << 20}, segs, deleted)
}

func run(t *testing.T, v *View, text string, filters []Filter, sortBy search.Sort) *Result {
	t.Helper()
	p, err := search.Compile(text, search.CompileOptions{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := v.Search(context.Background(), Request{Plan: p, Filters: filters, Sort: sortBy, Size: 100})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func ids(r *Result) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.ID)
	}
	return out
}

var corpus = []fakeDoc{
	{id: "a", date: "2019", title: "return and reintegration", body: "support for returned migrants", facets: []string{"country:HND", "gcm:21"}},
	{id: "b", date: "2021-05", title: "labour migration", body: "return of workers after return programmes", facets: []string{"country:GTM"}},
	{id: "c", date: "2020", title: "trafficking", body: "victims of trafficking in persons", facets: []string{"country:HND", "gcm:10"}},
	{id: "d", title: "smuggling", body: "smuggling routes and return flows", facets: []string{"country:SLV", "gcm:10"}},
	{id: "e", date: "2018", title: "remittances", body: "remittances sent home", facets: []string{"country:MEX"}},
}

func TestMatchingAndRanking(t *testing.T) {
	v := view([]*Segment{build(t, corpus[:3]...), build(t, corpus[3:]...)})
	for _, tc := range []struct {
		query string
		want  []string
	}{
		// A title match weighs more than body matches.
		{"return", []string{"a", "b", "d"}},
		{"trafficking OR smuggling", []string{"c", "d"}},
		{"return -smuggling", []string{"a", "b"}},
		{`"return flows"`, []string{"d"}},
		{`"flows return"`, nil},
		{"remit*", []string{"e"}},
		{"title:return", []string{"a"}},
		{"country:HND", []string{"a", "c"}},
		{"nothing", nil},
	} {
		r := run(t, v, tc.query, nil, "")
		got := ids(r)
		if tc.query == "country:HND" {
			slices.Sort(got)
		}
		if !slices.Equal(got, tc.want) || int(r.Total) != len(tc.want) {
			t.Errorf("%s: hits %v (total %d), want %v", tc.query, got, r.Total, tc.want)
		}
	}
}

func TestDeletedDocumentsAreGone(t *testing.T) {
	v := view([]*Segment{build(t, corpus[:3]...), build(t, corpus[3:]...)}, nil, []uint32{0}) // d deleted
	if got := ids(run(t, v, "return", nil, "")); !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("hits %v, want a b", got)
	}
	r := run(t, v, "", nil, "")
	if r.Total != 4 || r.Counts["country:SLV"] != 0 {
		t.Errorf("browse: total %d, SLV %d; want 4, 0", r.Total, r.Counts["country:SLV"])
	}
}

// TestSegmentsRankAsOne checks that a View of several segments answers as
// a View of one segment holding the same documents.
func TestSegmentsRankAsOne(t *testing.T) {
	one := view([]*Segment{build(t, corpus...)})
	three := view([]*Segment{build(t, corpus[:1]...), build(t, corpus[1:4]...), build(t, corpus[4:]...)})
	for _, q := range []string{"return", "return OR trafficking", `"return flows"`, "re*", "country:HND OR migration", ""} {
		a, b := run(t, one, q, nil, ""), run(t, three, q, nil, "")
		if !slices.Equal(ids(a), ids(b)) || a.Total != b.Total || !reflect.DeepEqual(a.Counts, b.Counts) {
			t.Errorf("%q: one segment %v %v, three %v %v", q, ids(a), a.Counts, ids(b), b.Counts)
		}
		for i := range a.Hits {
			if math.Abs(a.Hits[i].Score-b.Hits[i].Score) > 1e-9 {
				t.Errorf("%q: %s scores %v and %v", q, a.Hits[i].ID, a.Hits[i].Score, b.Hits[i].Score)
			}
		}
	}
}

func TestFiltersAndDisjunctiveCounts(t *testing.T) {
	v := view([]*Segment{build(t, corpus...)})
	r := run(t, v, "", []Filter{{Group: "country", Keys: []string{"country:HND", "country:SLV"}}, {Group: "gcm", Keys: []string{"gcm:10"}}}, "")
	got := ids(r)
	slices.Sort(got)
	if !slices.Equal(got, []string{"c", "d"}) || r.Total != 2 {
		t.Fatalf("HND or SLV, and gcm 10: %v", got)
	}
	// The country counts ignore the country selection, not the gcm one.
	want := map[string]int{"country:HND": 1, "country:SLV": 1, "gcm:10": 2, "gcm:21": 1}
	if !reflect.DeepEqual(r.Counts, want) {
		t.Errorf("counts %v, want %v", r.Counts, want)
	}
	if r := run(t, v, "", []Filter{{Group: "country", Keys: nil}}, ""); r.Total != 0 {
		t.Errorf("an empty selection matched %d", r.Total)
	}
}

func TestOrdersAndCursors(t *testing.T) {
	v := view([]*Segment{build(t, corpus[:2]...), build(t, corpus[2:]...)})
	if got := ids(run(t, v, "", nil, "")); !slices.Equal(got, []string{"b", "c", "a", "e", "d"}) {
		t.Errorf("browse (newest first, undated last): %v", got)
	}
	if got := ids(run(t, v, "", nil, search.SortDateAsc)); !slices.Equal(got, []string{"e", "a", "c", "b", "d"}) {
		t.Errorf("date ascending: %v", got)
	}
	for _, sortBy := range []search.Sort{"", search.SortDateDesc, search.SortDateAsc} {
		for _, q := range []string{"", "return OR trafficking OR remittances"} {
			all := ids(run(t, v, q, nil, sortBy))
			p, _ := search.Compile(q, search.CompileOptions{})
			var paged []string
			var after []string
			for range 10 {
				r, err := v.Search(context.Background(), Request{Plan: p, Sort: sortBy, Size: 2, After: after})
				if err != nil {
					t.Fatal(err)
				}
				paged = append(paged, ids(r)...)
				if r.Next == nil {
					break
				}
				after = r.Next
			}
			if !slices.Equal(all, paged) {
				t.Errorf("%q by %q: pages %v, all at once %v", q, sortBy, paged, all)
			}
		}
	}
	p, _ := search.Compile("return", search.CompileOptions{})
	if _, err := v.Search(context.Background(), Request{Plan: p, Size: 2, After: []string{"x"}}); err != ErrCursor {
		t.Errorf("cursor of another order: %v", err)
	}
}

// TestPositionsOf checks the skip entries: a document's positions found by
// seeking equal those found by walking the term's postings.
func TestPositionsOf(t *testing.T) {
	var docs []fakeDoc
	for i := range 300 {
		body := "filler"
		if i%2 == 0 {
			body = fmt.Sprintf("word %s word", strings.Repeat("x ", i%7))
		}
		docs = append(docs, fakeDoc{id: fmt.Sprintf("d%03d", i), body: body})
	}
	s := build(t, docs...)
	defer runtime.KeepAlive(s) // f's memory
	f := s.fields["body_en"]
	tm := f.lookup("word")
	if tm == nil || tm.df != 150 {
		t.Fatalf("word: %+v", tm)
	}
	for n := range uint32(300) {
		got := f.positionsOf(tm, n)
		if n%2 == 1 {
			if got != nil {
				t.Errorf("doc %d: %v, want none", n, got)
			}
			continue
		}
		want := []uint64{Key(0, 1), Key(0, uint64(2+n%7))}
		if !slices.Equal(got, want) {
			t.Errorf("doc %d: %v, want %v", n, got, want)
		}
	}
}

func TestMarks(t *testing.T) {
	v := view([]*Segment{build(t, fakeDoc{id: "p", body: "return flows and return", bodyPages: []string{"flows return"}})})
	for _, tc := range []struct {
		marks []search.Mark
		want  []uint64
	}{
		{[]search.Mark{{Text: "return"}}, []uint64{Key(0, 1), Key(0, 4), Key(1, 2)}},
		{[]search.Mark{{Text: "return flows", Phrase: true}}, []uint64{Key(0, 1), Key(0, 2)}},
		{[]search.Mark{{Text: "fl", Prefix: true}}, []uint64{Key(0, 2), Key(1, 1)}},
		{[]search.Mark{{Text: "absent"}}, nil},
		// Ascending, each position once.
		{[]search.Mark{{Text: "return"}, {Text: "return flows", Phrase: true}}, []uint64{Key(0, 1), Key(0, 2), Key(0, 4), Key(1, 2)}},
	} {
		var got []uint64
		for _, m := range v.Marks(0, tc.marks, nil) {
			got = append(got, m.Key)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%+v: %v, want %v", tc.marks, got, tc.want)
		}
	}
}

func TestExplanationSumsTheScore(t *testing.T) {
	v := view([]*Segment{build(t, corpus...)})
	p, _ := search.Compile("return trafficking OR return", search.CompileOptions{})
	r, err := v.Search(context.Background(), Request{Plan: p, Size: 10, Explain: true})
	if err != nil || len(r.Hits) == 0 {
		t.Fatalf("%v %v", r, err)
	}
	for _, h := range r.Hits {
		if h.Explanation == nil || math.Abs(h.Explanation.Value-h.Score) > 1e-9 {
			t.Errorf("%s: explanation %+v, score %v", h.ID, h.Explanation, h.Score)
		}
	}
}

// TestRelaxedNeverEmpty checks that a relaxed query whose documents hold
// fewer words than it asks for still finds them, after those with more.
func TestRelaxedNeverEmpty(t *testing.T) {
	v := view([]*Segment{build(t, corpus...)})
	// Six words, a third of them asked for; "remittances" alone matches.
	r := run(t, v, "remittances alpha beta gamma delta epsilon", nil, "")
	if got := ids(r); !slices.Equal(got, []string{"e"}) || !r.Partial {
		t.Errorf("hits %v (partial %v), want e", got, r.Partial)
	}
	// Two of them stand in d: d first.
	if got := ids(run(t, v, "smuggling routes alpha beta gamma delta", nil, "")); len(got) == 0 || got[0] != "d" {
		t.Errorf("hits %v, want d first", got)
	}
}

// TestFilteredScoresAsUnfiltered checks that a filtered search ranks and
// scores its documents exactly as the unfiltered search does, though the
// optional phrase of its words is evaluated on the filtered documents
// only, and that the first answer (evaluated) and the second (cached)
// agree.
func TestFilteredScoresAsUnfiltered(t *testing.T) {
	var docs []fakeDoc
	for i := range 40 {
		// Words without synonyms, so that the plan holds their phrase.
		body := "vorn flows and lessa support"
		if i%3 == 0 {
			body = "support for vorn lessa of families"
		}
		docs = append(docs, fakeDoc{id: fmt.Sprintf("d%02d", i), title: "report", body: body,
			facets: []string{fmt.Sprintf("country:C%d", i%4)}})
	}
	v := view([]*Segment{build(t, docs[:25]...), build(t, docs[25:]...)})
	all := map[string]float64{}
	for _, h := range run(t, v, "vorn lessa", nil, "").Hits {
		all[h.ID] = h.Score
	}
	if p, _ := search.Compile("vorn lessa", search.CompileOptions{}); !hasOptionalPhrase(p.Root) {
		t.Fatalf("plan %s has no optional phrase", p)
	}
	for _, sel := range [][]string{{"country:C0"}, {"country:C1", "country:C3"}} {
		f := []Filter{{Group: "country", Keys: sel}}
		first := run(t, v, "vorn lessa", f, "")
		again := run(t, v, "vorn lessa", f, "")
		if len(first.Hits) == 0 || !reflect.DeepEqual(first.Hits, again.Hits) {
			t.Fatalf("%v: first %v, again %v", sel, ids(first), ids(again))
		}
		for _, h := range first.Hits {
			if h.Score != all[h.ID] {
				t.Errorf("%v: %s scores %v filtered, %v unfiltered", sel, h.ID, h.Score, all[h.ID])
			}
		}
	}
}

// TestInheritKeepsHotSetsAtOnce checks that a View made after a write
// keeps, at their first evaluation, the match sets its predecessor kept,
// while it keeps other sets only the second time.
func TestInheritKeepsHotSetsAtOnce(t *testing.T) {
	segs := []*Segment{build(t, corpus...)}
	old := view(segs)
	run(t, old, "trafficking", nil, "")
	run(t, old, "trafficking", nil, "") // kept now
	for _, tc := range []struct {
		inherit bool
		query   string
		hits    uint64 // after the query is searched twice in the new View
	}{
		{true, "trafficking", 1},
		{false, "trafficking", 0},
		{true, "smuggling", 0},
	} {
		v := view(segs)
		if tc.inherit {
			v.Inherit(old)
		}
		run(t, v, tc.query, nil, "")
		run(t, v, tc.query, nil, "")
		if got := v.cache.hits.Load(); got != tc.hits {
			t.Errorf("inherit %v, %s: %d answers from the cache, want %d", tc.inherit, tc.query, got, tc.hits)
		}
	}
}

// TestPhraseSkipsAhead checks phrases whose common word has many skip
// entries against the documents that hold them word for word, across two
// segments and with a deletion.
func TestPhraseSkipsAhead(t *testing.T) {
	var docs []fakeDoc
	for i := range 900 {
		body := "informe de la de quib de"
		switch {
		case i%97 == 5:
			body = "víctimas de vorn de lessa de"
		case i%89 == 7:
			body = "vorn y de lessa"
		case i%131 == 0:
			body = "de lessa de vorn"
		}
		docs = append(docs, fakeDoc{id: fmt.Sprintf("d%03d", i), title: "x", body: body})
	}
	segs := []*Segment{build(t, docs[:700]...), build(t, docs[700:]...)}
	gone := 5 + 97*2 // in the first segment
	v := view(segs, []uint32{uint32(gone)}, nil)
	for _, phrase := range []string{"vorn de lessa", "de lessa", "de vorn", "la de quib"} {
		want := 0
		var wantIDs []string
		for i, d := range docs {
			if strings.Contains(" "+d.body+" ", " "+phrase+" ") && i != gone {
				want++
				wantIDs = append(wantIDs, d.id)
			}
		}
		r := run(t, v, `"`+phrase+`"`, nil, "")
		if r.Total != uint64(want) {
			t.Errorf("%q: %d documents, want %d", phrase, r.Total, want)
		}
		if got := ids(r); want <= 100 {
			slices.Sort(got)
			if !slices.Equal(got, wantIDs) {
				t.Errorf("%q: got %v, want %v", phrase, got, wantIDs)
			}
		}
	}
}

func TestWordsWeighLessInOtherLanguagesFields(t *testing.T) {
	typed := &search.Clause{Kind: search.ClauseWord, Text: "pay", Langs: []string{"en"}}
	both := &search.Clause{Kind: search.ClauseWord, Text: "reintegration", Langs: []string{"en", "fr"}, Boost: 0.8}
	for _, tc := range []struct {
		c    *search.Clause
		lang string
		want float64
	}{
		{typed, "en", 1},
		{typed, "fr", search.ForeignBoost}, // "pays"
		{typed, "xx", 1},                   // not a language queries are typed in
		{both, "fr", 0.8},
		{both, "es", 0.8 * search.ForeignBoost},
		{&search.Clause{Kind: search.ClauseWord, Text: "Honduras"}, "es", 1}, // a name
	} {
		if got := boostIn(tc.c, tc.lang); got != tc.want {
			t.Errorf("%s in %s: boost %g, want %g", tc.c.Text, tc.lang, got, tc.want)
		}
	}
}

// TestTierCountsInformativeWords checks that a document missing only a
// word most documents hold ranks with those holding every word, above a
// document missing a rare word that scores more, while a document
// missing a rare word does not.
func TestTierCountsInformativeWords(t *testing.T) {
	docs := []fakeDoc{
		{id: "near", title: "report", body: "vorn lessa quib " + strings.Repeat("filler ", 300)},
		{id: "gap", title: "report", body: strings.Repeat("vorn lessa usual ", 20)},
	}
	for i := range 18 {
		docs = append(docs, fakeDoc{id: fmt.Sprintf("d%02d", i), title: "note", body: "usual words"})
	}
	v := view([]*Segment{build(t, docs...)})
	for _, tc := range []struct {
		query        string
		above, below string
	}{
		{"vorn lessa quib usual", "near", "gap"}, // near misses only "usual"
		{"vorn lessa usual quib", "near", "gap"},
		{"vorn lessa usual", "gap", "near"}, // both in the tier: gap scores more
	} {
		got := ids(run(t, v, tc.query, nil, ""))
		if a, b := slices.Index(got, tc.above), slices.Index(got, tc.below); a < 0 || b < 0 || a > b {
			t.Errorf("%s: hits %v, want %s above %s", tc.query, got, tc.above, tc.below)
		}
	}
}
