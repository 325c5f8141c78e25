package bleve

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"faro/search"
	"faro/search/searchtest"
)

// runMem runs q on bleve's one-pass path and from the text table.
func runMem(t *testing.T, idx *Index, q search.Query) (ref, mem *search.Result) {
	t.Helper()
	return runPaths(t, idx, q, "text table", idx.SetTextTable, &idx.tt.used)
}

// sameRanking checks that the text table finds, counts and orders what
// bleve does, with scores in a constant ratio to bleve's.
func sameRanking(t *testing.T, label string, q search.Query, ref, mem *search.Result, filtered bool) {
	t.Helper()
	if ref.Total != mem.Total {
		t.Errorf("%s: total %d, text table %d", label, ref.Total, mem.Total)
	}
	if !reflect.DeepEqual(ref.Facets, mem.Facets) {
		t.Errorf("%s: facets\n bleve      %v\n text table %v", label, ref.Facets, mem.Facets)
	}
	if len(ref.Hits) != len(mem.Hits) {
		t.Fatalf("%s: %d hits, text table %d", label, len(ref.Hits), len(mem.Hits))
	}
	if filtered {
		// Filters (and facet words in the query) add to bleve's scores,
		// not to the text table's, which ranks by the text alone: the
		// hits may come in another order among near ties.
		seen := map[string]bool{}
		for _, h := range ref.Hits {
			seen[h.ID] = true
		}
		common := 0
		for i, h := range mem.Hits {
			if seen[h.ID] {
				common++
			}
			// (Browsing, with no words, orders by date.)
			if i > 0 && (q.Sort == "" || q.Sort == search.SortRelevance) && strings.TrimSpace(q.Text) != "" && mem.Hits[i-1].Score < h.Score {
				t.Errorf("%s: hit %d scores above hit %d", label, i, i-1)
			}
		}
		// Hits in common when text words alone rank them: with facet
		// values in the query, or nothing, to rank by, bleve's order is
		// much that of the filters' scores.
		facetWords := strings.Contains(strings.ReplaceAll(q.Text, "title:", ""), ":")
		if n := len(mem.Hits); n > 0 && hasTextWord(q.Text) && !facetWords && mem.Hits[0].Score != mem.Hits[n-1].Score && 2*common < n {
			t.Errorf("%s: only %d of %d hits in common", label, common, len(mem.Hits))
		}
		return
	}
	ratio := 0.0
	for i := range ref.Hits {
		r, m := ref.Hits[i], mem.Hits[i]
		if r.ID != m.ID {
			t.Errorf("%s: hit %d is %s (%v), text table %s (%v)", label, i, r.ID, r.Score, m.ID, m.Score)
			continue
		}
		if !reflect.DeepEqual(r.Snippets, m.Snippets) {
			t.Errorf("%s: hit %s snippets differ:\n bleve      %v\n text table %v", label, r.ID, r.Snippets, m.Snippets)
		}
		if filtered || m.Score == 0 {
			continue
		}
		if ratio == 0 {
			ratio = r.Score / m.Score
		} else if math.Abs(r.Score/m.Score-ratio) > 1e-6*ratio {
			t.Errorf("%s: hit %s score %v / %v = %v, not %v", label, r.ID, r.Score, m.Score, r.Score/m.Score, ratio)
		}
	}
	if (ref.NextCursor == "") != (mem.NextCursor == "") {
		t.Errorf("%s: next cursor %q, text table %q", label, ref.NextCursor, mem.NextCursor)
	}
}

func TestTextTableMatchesBleve(t *testing.T) {
	for _, c := range pathCorpora() {
		t.Run(c.name, func(t *testing.T) {
			idx := newTestIndex(t, c.docs)
			first := map[int]*search.Result{}
			for i, q := range onePassQueries {
				// Snippets too: the text table marks them from term vectors.
				q.Snippets = 3
				label := fmt.Sprintf("query %d %q %v", i, q.Text, q.Filters)
				ref, mem := runMem(t, idx, q)
				first[i] = mem
				sameRanking(t, label, q, ref, mem, yearScored(q))
			}
			// Again: the match sets now come from the table's cache, and
			// must give the very same results.
			m := idx.ft.cur.Load().text.Load()
			hits := m.cache.hits.Load()
			for i, q := range onePassQueries {
				q.Snippets = 3
				_, again := runMem(t, idx, q)
				if !reflect.DeepEqual(stripTook(first[i]), stripTook(again)) {
					t.Errorf("query %d %q: from the match cache:\n %+v\nfirst:\n %+v", i, q.Text, again, first[i])
				}
			}
			if idx.ft.cur.Load().text.Load() == m && m.cache.hits.Load() == hits {
				t.Error("the match cache was never used")
			}
		})
	}
}

// yearScored reports whether bleve scores a year in q as a numeric range
// (year_from, year_to, year:), which the text table scores apart.
func yearScored(q search.Query) bool {
	return q.YearFrom != 0 || q.YearTo != 0 || strings.Contains(q.Text, "year:")
}

// hasTextWord reports whether a query has a word or phrase of the text
// (not a facet value, not excluded) to rank by.
func hasTextWord(text string) bool {
	node, err := search.ParseQuery(text)
	if err != nil {
		return false
	}
	return len(highlightUnits(node, nil)) > 0
}

func stripTook(r *search.Result) search.Result {
	c := *r
	c.Took = 0
	return c
}

// TestStoredHitMatchesDocument checks that a hit made from the compact
// stored hit shows what one made from the whole stored document shows.
func TestStoredHitMatchesDocument(t *testing.T) {
	docs := searchtest.Synthetic(5, 50)
	docs[0].Author, docs[0].SourceURL, docs[0].Date = "IOM", "https://example.org/a.pdf", "2021-03-04"
	docs[0].Labels = []search.Label{{Facet: search.FacetCountry, Value: "HND"}}
	idx := newTestIndex(t, docs)
	for _, want := range docs {
		d, err := idx.idx.Document(want.ID)
		if err != nil || d == nil {
			t.Fatalf("%s: %v", want.ID, err)
		}
		full, err := storedDoc(d, true)
		if err != nil {
			t.Fatal(err)
		}
		hit, err := storedHit(d, true)
		if err != nil {
			t.Fatal(err)
		}
		a, b := toHit(full, 1, nil, 0), toHit(hit, 1, nil, 0)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s:\n from the document %+v\n from the hit      %+v", want.ID, a, b)
		}
		if !reflect.DeepEqual(full.Pages, hit.Pages) {
			t.Errorf("%s: pages differ", want.ID)
		}
	}
}

// TestPositionsOf checks the skip entries: a document's positions found
// by seeking equal those found by walking the term's postings.
func TestPositionsOf(t *testing.T) {
	idx := newTestIndex(t, searchtest.Synthetic(3, 1500))
	idx.SetTextTable(true)
	if !idx.Warm(context.Background()) {
		t.Fatal("text table not built")
	}
	m := idx.ft.cur.Load().text.Load()
	checked, skipped := 0, 0
	for _, f := range m.fields {
		for ti := range f.terms {
			mt := &f.terms[ti]
			if mt.df <= skipEvery && ti%7 != 0 {
				continue
			}
			if mt.df > skipEvery {
				skipped++
			}
			c := newPostCursor(f, mt)
			var prev uint64
			for !c.done {
				want := append([]uint64(nil), c.positions()...)
				if got := f.positionsOf(mt, uint32(c.doc)); !reflect.DeepEqual(got, want) {
					t.Fatalf("%s %q doc %d: %v, want %v", f.name, mt.term, c.doc, got, want)
				}
				// A document between two postings holds none.
				if c.doc > prev+1 {
					if got := f.positionsOf(mt, uint32(prev+1)); got != nil && prev != 0 {
						t.Fatalf("%s %q doc %d: %v, want none", f.name, mt.term, prev+1, got)
					}
				}
				prev = c.doc
				checked++
				c.next()
			}
		}
	}
	if skipped == 0 || checked < 1000 {
		t.Fatalf("too little checked: %d postings, %d terms with skip entries", checked, skipped)
	}
}

// TestStoredHitsMatchLoadHits checks the fallback used when the index
// moved past a table's snapshot: hits loaded by id, with bleve's match
// locations, equal those loaded from the snapshot by number, with spans
// from the text table.
func TestStoredHitsMatchLoadHits(t *testing.T) {
	idx := newTestIndex(t, searchtest.Synthetic(4, 600))
	idx.SetTextTable(true)
	if !idx.Warm(context.Background()) {
		t.Fatal("text table not built")
	}
	ft := idx.ft.cur.Load()
	m := ft.text.Load()
	for _, text := range []string{"migration", `"trata de personas"`, "migra*", "remesas OR remittances"} {
		node, err := search.ParseQuery(text)
		if err != nil {
			t.Fatal(err)
		}
		expanded := search.ExpandSynonyms(node)
		textQ, err := translate(expanded)
		if err != nil {
			t.Fatal(err)
		}
		ev := newEvaluator(context.Background(), m, ft, &idx.tt.pool)
		set, err := ev.eval(expanded)
		if err != nil {
			t.Fatal(err)
		}
		var hits []memHit
		forEach(set.bits, func(n uint32) {
			if len(hits) < 12 {
				hits = append(hits, memHit{n: n, score: set.score[n]})
			}
		})
		ev.release()
		if len(hits) == 0 {
			t.Fatalf("%s: no matches", text)
		}
		byNumber, err := idx.loadHits(context.Background(), ft, m, hits, highlightUnits(expanded, nil), true)
		if err != nil {
			t.Fatal(err)
		}
		byID, err := idx.storedHits(context.Background(), ft, hits, textQ, true)
		if err != nil {
			t.Fatal(err)
		}
		if len(byNumber) != len(hits) || len(byID) != len(hits) {
			t.Fatalf("%s: %d and %d hits loaded, want %d", text, len(byNumber), len(byID), len(hits))
		}
		for id, a := range byNumber {
			b := byID[id]
			if b == nil {
				t.Fatalf("%s: %s: not loaded by id", text, id)
			}
			// By number, only the pages with marks carry their text.
			docB := *b.doc
			docB.Pages = slices.Clone(b.doc.Pages)
			for i := range docB.Pages {
				if a.doc.Pages[i].Text == "" {
					docB.Pages[i].Text = ""
				}
			}
			if !reflect.DeepEqual(a.doc, &docB) {
				t.Fatalf("%s: %s: documents differ:\n%+v\n%+v", text, id, a.doc, &docB)
			}
			sa, sb := sortedSpans(a.spans), sortedSpans(b.spans)
			if !reflect.DeepEqual(sa, sb) {
				t.Errorf("%s: %s: spans\n by number %v\n by id     %v", text, id, sa, sb)
			}
		}
	}
}

func sortedSpans(s []search.Span) []search.Span {
	out := slices.Clone(s)
	slices.SortFunc(out, func(a, b search.Span) int {
		if a.Page != b.Page {
			return a.Page - b.Page
		}
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return strings.Compare(a.Term, b.Term)
	})
	return slices.CompactFunc(out, func(a, b search.Span) bool { return a == b })
}

// TestTextTableRandomQueries compares the two paths on random queries of
// the query language: the same total, facets and hits in the same order
// (scores are compared where the query has no facet words).
func TestTextTableRandomQueries(t *testing.T) {
	idx := newTestIndex(t, searchtest.Synthetic(6, 1200))
	words := []string{"migración", "trata", "trafficking", "de", "the", "children", "niñez", "retour", "campagne",
		"remesas", "return", "reintegration", "climate", "migra*", "ret*", "l'homme", "trabajo-migrante", "zzzz", "2019"}
	fields := []string{"", "", "", "", "title:", "country:", "gcm:", "lang:", "year:"}
	fieldValues := map[string][]string{"country:": {"HND", "GTM", "MEX"}, "gcm:": {"10", "3"}, "lang:": {"es", "fr"}, "year:": {"2019", "2015"}}
	r := rand.New(rand.NewPCG(3, 5))
	var clause func(depth int) string
	clause = func(depth int) string {
		switch k := r.IntN(10); {
		case k < 5:
			f := fields[r.IntN(len(fields))]
			if vs, ok := fieldValues[f]; ok {
				return f + vs[r.IntN(len(vs))]
			}
			return f + words[r.IntN(len(words))]
		case k < 7:
			n := 2 + r.IntN(2)
			var ws []string
			for range n {
				w := words[r.IntN(len(words))]
				ws = append(ws, strings.TrimSuffix(w, "*"))
			}
			return `"` + strings.Join(ws, " ") + `"`
		case k < 8 && depth < 2:
			return "(" + clause(depth+1) + " OR " + clause(depth+1) + ")"
		case k < 9:
			return "-" + words[r.IntN(len(words))]
		default:
			return words[r.IntN(len(words))]
		}
	}
	checked := 0
	for i := 0; i < 300; i++ {
		var parts []string
		for range 1 + r.IntN(3) {
			parts = append(parts, clause(0))
		}
		q := search.Query{Text: strings.Join(parts, " "), Snippets: 2}
		if r.IntN(3) == 0 {
			q.Filters = map[string][]string{"country": {"HND", "SLV"}}
		}
		if _, err := search.ParseQuery(q.Text); err != nil {
			continue
		}
		ref, mem := runMem(t, idx, q)
		sameRanking(t, fmt.Sprintf("random %q %v", q.Text, q.Filters), q, ref, mem, yearScored(q))
		checked++
	}
	if checked < 200 {
		t.Fatalf("only %d random queries parsed", checked)
	}
}

// TestCursorFollowsItsPath checks that a cursor is followed by the path
// that made it: a cursor of bleve's searchers once the text table is
// ready, and a cursor of the text table on an index whose table is not
// built yet.
func TestCursorFollowsItsPath(t *testing.T) {
	docs := searchtest.Synthetic(8, 400)
	ctx := context.Background()
	q := search.Query{Text: "migration", Size: 5}
	ids := func(r *search.Result) []string {
		var out []string
		for _, h := range r.Hits {
			out = append(out, h.ID)
		}
		return out
	}
	page2 := func(idx *Index) []string {
		p := q
		p.Page = 2
		r, err := idx.Search(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		return ids(r)
	}

	a := newTestIndex(t, docs)
	a.SetTextTable(false)
	first, err := a.Search(ctx, q)
	if err != nil || first.NextCursor == "" {
		t.Fatalf("%v %+v", err, first)
	}
	want := page2(a)
	a.SetTextTable(true)
	if !a.Warm(ctx) {
		t.Fatal("text table not built")
	}
	c := q
	c.Cursor = first.NextCursor
	r, err := a.Search(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(r); !slices.Equal(got, want) {
		t.Errorf("bleve's cursor on a ready text table: %v, want %v", got, want)
	}

	// A text-table cursor on another index of the same documents, whose
	// table is not built yet.
	firstT, err := a.Search(ctx, q)
	if err != nil || firstT.NextCursor == "" {
		t.Fatalf("%v %+v", err, firstT)
	}
	b, err := Create(filepath.Join(t.TempDir(), "b"))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	for _, d := range docs {
		if err := b.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	b.SetCacheSize(0)
	c.Cursor = firstT.NextCursor
	before := b.tt.used.Load()
	r, err = b.Search(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(r); !slices.Equal(got, want) {
		t.Errorf("text-table cursor before the table was built: %v, want %v", got, want)
	}
	if b.tt.used.Load() == before {
		t.Error("the text-table cursor was not followed on the text table")
	}
}
