// Package searchtest is the conformance suite every search.Index engine
// must pass: hits, facet semantics (OR within a facet, AND across facets,
// disjunctive counts), paging, sorting, snippets with page numbers, query
// syntax and errors. Engines call Run from their own tests.
package searchtest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"faro/search"
)

// NewIndex builds an engine's index holding docs, ready to search. The
// index must be released by t.Cleanup.
type NewIndex func(t *testing.T, docs []*search.Document) search.Index

// Docs is the suite's fixed collection.
func Docs() []*search.Document {
	page := func(texts ...string) []search.Page {
		ps := make([]search.Page, len(texts))
		for i, t := range texts {
			ps[i] = search.Page{Number: i + 1, Text: t}
		}
		return ps
	}
	return []*search.Document{
		{ID: "hn-trata", Title: "Prevención de la trata de personas en Honduras", Lang: "es", Year: 2019, Date: "2019-05-14", Type: "guide",
			Countries: []string{"HND"}, Themes: []string{"trafficking"}, GCM: []int{10}, Source: "pdf/hn-trata.pdf",
			Pages: page("Introducción a la guía para comunidades.", "La trata de personas afecta a la niñez y a las mujeres migrantes.", "Recomendaciones finales.")},
		{ID: "hn-plan", Title: "Plan your Life: campaign summary", Lang: "en", Year: 2018, Date: "2018-03-01", Type: "campaign-summary",
			Countries: []string{"HND"}, Themes: []string{"c4d", "children-youth"}, GCM: []int{3}, Source: "pdf/hn-plan.pdf",
			Pages: page("Young people in Honduras reflect on their life plans.", "Alternatives to irregular migration and information about trafficking risks.")},
		{ID: "sv-conecta", Title: "Conecta con tu futuro", Lang: "es", Year: 2018, Type: "campaign-summary",
			Countries: []string{"SLV"}, Themes: []string{"c4d"}, GCM: []int{3, 21}, Source: "pdf/sv-conecta.pdf",
			Pages: page("Campaña de comunicación sobre migración y retorno en El Salvador.")},
		{ID: "mx-migrar", Title: "Migrar Informados", Lang: "es", Year: 2017, Type: "campaign-summary",
			Countries: []string{"MEX", "GTM"}, Themes: []string{"c4d", "regular-pathways"}, GCM: []int{3, 5}, Source: "pdf/mx-migrar.pdf",
			Pages: page("Personas migrantes en tránsito por México conocen opciones de regularización.")},
		{ID: "reg-ku", Title: "Information Campaigns: Knowledge Uptake", Lang: "en", Year: 2020, Date: "2020-01-10", Type: "knowledge-uptake",
			Countries: []string{"REG", "HND", "SLV", "GTM"}, Themes: []string{"c4d", "trafficking"}, GCM: []int{3, 10, 23}, Source: "pdf/reg-ku.pdf",
			Pages: page("Lessons learned from information campaigns.", "Counter-trafficking campaigns need partners.", "Smuggling of migrants is a separate crime.")},
		{ID: "ht-retour", Title: "Retour et réintégration en Haïti", Lang: "fr", Year: 2021, Type: "info-sheet",
			Countries: []string{"HTI"}, Themes: []string{"return-reintegration"}, GCM: []int{21}, Source: "pdf/ht-retour.pdf",
			Pages: page("La réintégration durable des migrants de retour en Haïti.")},
		{ID: "gt-nodate", Title: "Guatemala: niñez migrante", Lang: "es", Type: "study",
			Countries: []string{"GTM"}, Themes: []string{"children-youth"}, GCM: []int{7}, Source: "web/gt.html",
			Pages: page("Estudio sobre la niñez migrante no acompañada.")},
	}
}

// Run runs the suite against an engine.
func Run(t *testing.T, newIndex NewIndex) {
	docs := Docs()
	idx := newIndex(t, docs)
	ctx := context.Background()

	search1 := func(t *testing.T, q search.Query) *search.Result {
		t.Helper()
		if q.Size == 0 {
			q.Size = 100
		}
		r, err := idx.Search(ctx, q)
		if err != nil {
			t.Fatalf("Search(%+v): %v", q, err)
		}
		return r
	}

	t.Run("Count", func(t *testing.T) {
		n, err := idx.Count(ctx)
		if err != nil || n != uint64(len(docs)) {
			t.Fatalf("Count = %d, %v; want %d", n, err, len(docs))
		}
	})

	t.Run("Hits", func(t *testing.T) {
		cases := []struct {
			name string
			q    search.Query
			want []string
		}{
			{"empty query is all", search.Query{}, ids(docs)},
			{"word (and its translation trata)", search.Query{Text: "trafficking"}, []string{"hn-plan", "hn-trata", "reg-ku"}},
			{"case folded", search.Query{Text: "TRAFFICKING"}, []string{"hn-plan", "hn-trata", "reg-ku"}},
			{"accent folded", search.Query{Text: "ninez"}, []string{"gt-nodate", "hn-trata"}},
			{"accent kept", search.Query{Text: "niñez"}, []string{"gt-nodate", "hn-trata"}},
			{"accent missing (and migration)", search.Query{Text: "migracion"}, []string{"hn-plan", "sv-conecta"}},
			{"spanish stem", search.Query{Text: "campañas"}, []string{"sv-conecta"}},
			{"english stem", search.Query{Text: "campaign"}, []string{"hn-plan", "reg-ku"}},
			{"french folded", search.Query{Text: "reintegration"}, []string{"ht-retour"}},
			{"implicit AND, all words", search.Query{Text: "trata niñez", AllWords: true}, []string{"hn-trata"}},
			{"stop words are not required", search.Query{Text: "la trata y la niñez", AllWords: true}, []string{"hn-trata"}},
			{"words side by side: some of them", search.Query{Text: "partners niñez"}, []string{"gt-nodate", "hn-trata", "reg-ku"}},
			{"a question", search.Query{Text: "¿qué es la trata de personas?"}, []string{"hn-plan", "hn-trata", "reg-ku"}},
			{"only stop words", search.Query{Text: "de la"}, nil},
			{"AND", search.Query{Text: "trata AND honduras"}, []string{"hn-plan", "hn-trata"}},
			{"OR", search.Query{Text: "partners OR niñez"}, []string{"gt-nodate", "hn-trata", "reg-ku"}},
			{"NOT", search.Query{Text: "trafficking NOT smuggling"}, []string{"hn-plan", "hn-trata"}},
			{"minus", search.Query{Text: "trafficking -smuggling"}, []string{"hn-plan", "hn-trata"}},
			{"only NOT", search.Query{Text: "NOT haiti"}, []string{"gt-nodate", "hn-plan", "hn-trata", "mx-migrar", "reg-ku", "sv-conecta"}},
			{"parentheses", search.Query{Text: "(trata OR trafficking) AND niñez"}, []string{"hn-trata"}},
			{"phrase", search.Query{Text: `"plan your life"`}, []string{"hn-plan"}},
			{"phrase order matters", search.Query{Text: `"life your plan"`}, nil},
			{"prefix", search.Query{Text: "regulariz*"}, []string{"mx-migrar"}},
			{"title field", search.Query{Text: "title:campaign"}, []string{"hn-plan", "reg-ku"}},
			{"country field", search.Query{Text: "country:hnd"}, []string{"hn-plan", "hn-trata", "reg-ku"}},
			{"gcm field", search.Query{Text: "gcm:21"}, []string{"ht-retour", "sv-conecta"}},
			{"year field", search.Query{Text: "year:2018"}, []string{"hn-plan", "sv-conecta"}},
			{"no match", search.Query{Text: "zzzzqqq"}, nil},
			{"facet country", search.Query{Filters: map[string][]string{"country": {"HND"}}}, []string{"hn-plan", "hn-trata", "reg-ku"}},
			{"OR within facet", search.Query{Filters: map[string][]string{"country": {"HTI", "MEX"}}}, []string{"ht-retour", "mx-migrar"}},
			{"AND across facets", search.Query{Filters: map[string][]string{"country": {"HND"}, "gcm": {"10"}}}, []string{"hn-trata", "reg-ku"}},
			{"text and facet", search.Query{Text: "trata", Filters: map[string][]string{"country": {"HND"}, "lang": {"es"}}}, []string{"hn-trata"}},
			{"lang facet", search.Query{Filters: map[string][]string{"lang": {"fr"}}}, []string{"ht-retour"}},
			{"year range", search.Query{YearFrom: 2019, YearTo: 2020}, []string{"hn-trata", "reg-ku"}},
			{"year from", search.Query{YearFrom: 2021}, []string{"ht-retour"}},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				r := search1(t, c.q)
				got := hitIDs(r)
				sort.Strings(got)
				want := append([]string(nil), c.want...)
				sort.Strings(want)
				if !slices.Equal(got, want) {
					t.Fatalf("hits = %v, want %v", got, want)
				}
				if r.Total != uint64(len(want)) {
					t.Fatalf("total = %d, want %d", r.Total, len(want))
				}
			})
		}
	})

	t.Run("DisjunctiveFacets", func(t *testing.T) {
		all := search1(t, search.Query{})
		sel := search1(t, search.Query{Filters: map[string][]string{"country": {"HND"}}})
		// The country facet ignores the country selection...
		if !slices.Equal(all.Facets["country"], sel.Facets["country"]) {
			t.Fatalf("country counts changed with a country selected:\n all=%v\n sel=%v", all.Facets["country"], sel.Facets["country"])
		}
		// ...while other facets count within it.
		if got := count(sel.Facets["gcm"], "10"); got != 2 {
			t.Fatalf("gcm 10 count within HND = %d, want 2", got)
		}
		if got := count(sel.Facets["lang"], "fr"); got != 0 {
			t.Fatalf("lang fr count within HND = %d, want 0", got)
		}
		// Other facets' selections still narrow a facet's counts.
		both := search1(t, search.Query{Filters: map[string][]string{"country": {"HND"}, "lang": {"en"}}})
		if got := count(both.Facets["country"], "SLV"); got != 1 {
			t.Fatalf("SLV count with lang=en = %d, want 1 (reg-ku)", got)
		}
		if got := count(both.Facets["lang"], "es"); got != 1 {
			t.Fatalf("lang es count within HND = %d, want 1", got)
		}
		if got := count(all.Facets["year"], "2018"); got != 2 {
			t.Fatalf("year 2018 count = %d, want 2", got)
		}
		// Counts are sorted by count, then value.
		c := all.Facets["country"]
		for i := 1; i < len(c); i++ {
			if c[i-1].Count < c[i].Count {
				t.Fatalf("country facet not sorted by count: %v", c)
			}
		}
		for _, f := range search.Facets {
			if _, ok := sel.Facets[f]; !ok {
				t.Errorf("facet %s missing from result", f)
			}
		}
	})

	t.Run("Paging", func(t *testing.T) {
		var seen []string
		for p := 1; p <= 4; p++ {
			r := search1(t, search.Query{Page: p, Size: 2, Sort: search.SortDateAsc})
			if r.Total != uint64(len(docs)) {
				t.Fatalf("page %d total = %d", p, r.Total)
			}
			seen = append(seen, hitIDs(r)...)
		}
		if len(seen) != len(docs) {
			t.Fatalf("paged through %d hits, want %d: %v", len(seen), len(docs), seen)
		}
		sort.Strings(seen)
		if !slices.Equal(seen, sortedIDs(docs)) {
			t.Fatalf("pages overlap or miss documents: %v", seen)
		}
	})

	t.Run("Sort", func(t *testing.T) {
		r := search1(t, search.Query{Sort: search.SortDateDesc})
		got := hitIDs(r)
		if got[0] != "ht-retour" || got[len(got)-1] != "gt-nodate" {
			t.Fatalf("date_desc order = %v; want newest first and undated last", got)
		}
		r = search1(t, search.Query{Sort: search.SortDateAsc})
		if got := hitIDs(r); got[0] != "mx-migrar" || got[len(got)-1] != "gt-nodate" {
			t.Fatalf("date_asc order = %v; want oldest first and undated last", got)
		}
	})

	t.Run("Synonyms", func(t *testing.T) {
		cases := []struct {
			q    string
			want []string
		}{
			{"smuggling", []string{"reg-ku"}},
			{"tráfico de migrantes", []string{"reg-ku"}},
			{"traite", []string{"hn-plan", "hn-trata", "reg-ku"}},
			{"NOT trata", []string{"gt-nodate", "ht-retour", "mx-migrar", "sv-conecta"}},
			{"reintegración", []string{"ht-retour"}},
			{`"trata de personas"`, []string{"hn-plan", "hn-trata", "reg-ku"}},
		}
		for _, c := range cases {
			r := search1(t, search.Query{Text: c.q})
			got := hitIDs(r)
			sort.Strings(got)
			if !slices.Equal(got, c.want) {
				t.Errorf("%s: hits %v, want %v", c.q, got, c.want)
			}
		}
		// The user's own words rank above their translations.
		if got := hitIDs(search1(t, search.Query{Text: "trata"})); got[0] != "hn-trata" {
			t.Errorf("trata: %v, want hn-trata first", got)
		}
		// Between two documents that say the same in two languages, the one
		// in the query's language comes first.
		pair := newIndex(t, []*search.Document{
			{ID: "pair-en", Title: "Field report", Lang: "en", Source: "en.pdf",
				Pages: []search.Page{{Number: 1, Text: "Communities discussed trafficking and the risks of the journey."}}},
			{ID: "pair-es", Title: "Informe de campo", Lang: "es", Source: "es.pdf",
				Pages: []search.Page{{Number: 1, Text: "Las comunidades hablaron de la trata y de los riesgos del viaje."}}},
		})
		for q, first := range map[string]string{"trafficking": "pair-en", "trata": "pair-es", "traite": ""} {
			r, err := pair.Search(ctx, search.Query{Text: q, Size: 10})
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Hits) != 2 || (first != "" && r.Hits[0].ID != first) {
				t.Errorf("%s: %v, want both with %s first", q, hitIDs(r), first)
			}
		}
		if got := hitIDs(search1(t, search.Query{Text: "trafficking", Filters: map[string][]string{"lang": {"es"}}})); !slices.Equal(got, []string{"hn-trata"}) {
			t.Errorf("trafficking in Spanish documents: %v", got)
		}
	})

	t.Run("Ranking", func(t *testing.T) {
		// A phrase-like match outranks scattered words.
		r := search1(t, search.Query{Text: "life plans"})
		if len(r.Hits) == 0 || r.Hits[0].ID != "hn-plan" {
			t.Fatalf("life plans: %v", hitIDs(r))
		}
		r = search1(t, search.Query{Text: "campaign"})
		for _, h := range r.Hits {
			if h.Score <= 0 {
				t.Fatalf("hit %s has score %v", h.ID, h.Score)
			}
		}
		r = search1(t, search.Query{Text: "migrar"})
		if len(r.Hits) == 0 || r.Hits[0].ID != "mx-migrar" {
			t.Fatalf("title match for migrar not first: %v", hitIDs(r))
		}
	})

	t.Run("Snippets", func(t *testing.T) {
		r := search1(t, search.Query{Text: "trata", Snippets: 3})
		h := find(r, "hn-trata")
		if h == nil {
			t.Fatalf("hn-trata not found: %v", hitIDs(r))
		}
		if len(h.Snippets) != 1 || h.Snippets[0].Page != 2 {
			t.Fatalf("snippets = %+v, want one on page 2", h.Snippets)
		}
		if !strings.Contains(h.Snippets[0].HTML(), "<mark>trata</mark>") {
			t.Fatalf("snippet not highlighted: %q", h.Snippets[0].HTML())
		}
		r = search1(t, search.Query{Text: "ninez", Snippets: 3})
		h = find(r, "gt-nodate")
		if h == nil || len(h.Snippets) == 0 || !strings.Contains(h.Snippets[0].HTML(), "<mark>niñez</mark>") {
			t.Fatalf("folded match not highlighted on original text: %+v", h)
		}
		r = search1(t, search.Query{Text: "smuggling", Snippets: 3})
		h = find(r, "reg-ku")
		if h == nil || len(h.Snippets) == 0 || h.Snippets[0].Page != 3 {
			t.Fatalf("smuggling snippet = %+v, want page 3", h)
		}
		r = search1(t, search.Query{Text: "trata"})
		if h := find(r, "hn-trata"); h == nil || len(h.Snippets) != 0 {
			t.Fatalf("snippets returned when not asked for: %+v", h)
		}
	})

	t.Run("Document", func(t *testing.T) {
		d, err := idx.Document(ctx, "hn-trata")
		if err != nil {
			t.Fatal(err)
		}
		if d.Title != docs[0].Title || len(d.Pages) != 3 || d.Pages[1].Number != 2 {
			t.Fatalf("document round trip lost data: %+v", d)
		}
		if _, err := idx.Document(ctx, "nope"); !errors.Is(err, search.ErrNotFound) {
			t.Fatalf("unknown document: err = %v, want ErrNotFound", err)
		}
	})

	t.Run("Errors", func(t *testing.T) {
		bad := []search.Query{
			{Text: `"unclosed`},
			{Text: "(trata"},
			{Text: "trata)"},
			{Text: "trata AND"},
			{Text: "OR trata"},
			{Text: "gcm:99"},
			{Text: "nofield:x"},
			{Size: 1000},
			{Size: -1},
			{Page: -1},
			{Page: 200, Size: 100},
			{Filters: map[string][]string{"gcm": {"99"}}},
			{Filters: map[string][]string{"country": {"Honduras"}}},
			{Filters: map[string][]string{"colour": {"red"}}},
			{YearFrom: 2020, YearTo: 2019},
			{Sort: "random"},
		}
		for _, q := range bad {
			t.Run(fmt.Sprintf("%+v", q), func(t *testing.T) {
				_, err := idx.Search(ctx, q)
				var qe *search.QueryError
				if !errors.As(err, &qe) {
					t.Fatalf("err = %v, want *search.QueryError", err)
				}
			})
		}
	})
}

func ids(docs []*search.Document) []string {
	out := make([]string, len(docs))
	for i, d := range docs {
		out[i] = d.ID
	}
	return out
}

func sortedIDs(docs []*search.Document) []string {
	s := ids(docs)
	sort.Strings(s)
	return s
}

func hitIDs(r *search.Result) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.ID)
	}
	return out
}

func find(r *search.Result, id string) *search.Hit {
	for i := range r.Hits {
		if r.Hits[i].ID == id {
			return &r.Hits[i]
		}
	}
	return nil
}

func count(fc []search.FacetCount, v string) int {
	for _, c := range fc {
		if c.Value == v {
			return c.Count
		}
	}
	return 0
}
