package bleve_test

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"testing"

	"faro/search"
	"faro/search/bleve"
	"faro/search/searchtest"
)

func newIndex(t *testing.T, docs []*search.Document) search.Index {
	t.Helper()
	idx, err := bleve.Create(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	for _, d := range docs {
		if err := idx.Put(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	if err := idx.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	return idx
}

// TestConformance runs the suite on the engine.
func TestConformance(t *testing.T) {
	searchtest.Run(t, func(t *testing.T, docs []*search.Document) search.Index {
		return newIndex(t, docs)
	})
}

func TestOpenMissing(t *testing.T) {
	_, err := bleve.Open(filepath.Join(t.TempDir(), "none"))
	if !errors.Is(err, bleve.ErrNoIndex) {
		t.Fatalf("err = %v, want ErrNoIndex", err)
	}
}

func TestReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index")
	idx, err := bleve.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := idx.Put(context.Background(), searchtest.Docs()[0]); err != nil {
		t.Fatal(err)
	}
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}
	idx, err = bleve.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	if n, _ := idx.Count(context.Background()); n != 1 {
		t.Fatalf("count after reopen = %d, want 1", n)
	}
}

func TestCacheInvalidatedByWrites(t *testing.T) {
	idx, err := bleve.Create(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	ctx := context.Background()
	docs := searchtest.Docs()
	idx.Put(ctx, docs[0])
	idx.Flush(ctx)
	q := search.Query{Text: "trata", Size: 10}
	r1, err := idx.Search(ctx, q)
	if err != nil || r1.Total != 1 {
		t.Fatalf("first search: %v %v", r1, err)
	}
	if r2, _ := idx.Search(ctx, q); r2.Total != 1 {
		t.Fatalf("cached search: %v", r2)
	}
	idx.Put(ctx, docs[4]) // reg-ku mentions counter-trafficking
	idx.Flush(ctx)
	if r3, _ := idx.Search(ctx, q); r3.Total != 2 {
		t.Fatalf("after a write the cache served a stale answer: total %d, want 2", r3.Total)
	}
	idx.Delete(ctx, docs[0].ID)
	if r4, _ := idx.Search(ctx, q); r4.Total != 1 {
		t.Fatalf("after a delete: total %d, want 1", r4.Total)
	}
}

// TestStoredPages checks that page texts come back in place, an empty page
// included, and that snippets point at their page.
func TestStoredPages(t *testing.T) {
	doc := &search.Document{
		ID: "pages", Title: "Pages", Lang: "en", Type: "study",
		Pages: []search.Page{{Number: 1, Text: "first page about remittances"}, {Number: 2, Text: ""}, {Number: 3, Text: "third page about smuggling routes"}},
	}
	{
		idx := newIndex(t, []*search.Document{doc}).(*bleve.Index)
		got, err := idx.Document(context.Background(), "pages")
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Pages) != 3 || got.Pages[0].Text != doc.Pages[0].Text || got.Pages[1].Text != "" || got.Pages[2].Text != doc.Pages[2].Text || got.Pages[2].Number != 3 {
			t.Fatalf("pages = %+v", got.Pages)
		}
		r, err := idx.Search(context.Background(), search.Query{Text: "smuggling", Snippets: 2})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Hits) != 1 || len(r.Hits[0].Snippets) == 0 || r.Hits[0].Snippets[0].Page != 3 {
			t.Fatalf("hits %+v", r.Hits)
		}
		// A phrase is found within a page, not across the end of one.
		for q, want := range map[string]uint64{`"smuggling routes"`: 1, `"about remittances"`: 1, `"remittances third"`: 0, `"routes first"`: 0} {
			r, err := idx.Search(context.Background(), search.Query{Text: q})
			if err != nil {
				t.Fatal(err)
			}
			if r.Total != want {
				t.Errorf("%s: %d hits, want %d", q, r.Total, want)
			}
		}
	}
}

// TestPortuguese checks that Portuguese documents are analysed as such:
// plurals and accents of a query find their singular forms.
func TestPortuguese(t *testing.T) {
	docs := []*search.Document{
		{ID: "pt", Title: "Migração e crianças retornadas", Lang: "pt", Type: "study",
			Pages: []search.Page{{Number: 1, Text: "O apoio aos trabalhadores migrantes e às crianças que não viajam sozinhas."}}},
		{ID: "es", Title: "Migración", Lang: "es", Type: "study", Pages: []search.Page{{Number: 1, Text: "Niñez migrante"}}},
	}
	idx := newIndex(t, docs)
	for _, q := range []string{"migrações", "criancas", "trabalhador"} {
		r, err := idx.Search(context.Background(), search.Query{Text: q, Filters: map[string][]string{"lang": {"pt"}}})
		if err != nil {
			t.Fatal(err)
		}
		if r.Total != 1 || r.Hits[0].ID != "pt" {
			t.Errorf("%s: %d hits %+v, want the Portuguese document", q, r.Total, r.Hits)
		}
	}
}

// TestHashes checks that Hashes lists every live document's source and
// hash across segments, with updates and deletions applied.
func TestHashes(t *testing.T) {
	idx, err := bleve.Create(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	ctx := context.Background()
	docs := searchtest.Synthetic(7, 30)
	want := map[string]string{}
	for i, d := range docs {
		d.Source = fmt.Sprintf("dir/doc-%02d.md", i)
		d.Hash = fmt.Sprintf("h%02d", i)
		if err := idx.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
		want[d.Source] = d.Hash
		if i%10 == 9 { // several segments
			if err := idx.Flush(ctx); err != nil {
				t.Fatal(err)
			}
		}
	}
	docs[3].Hash = "changed"
	want[docs[3].Source] = "changed"
	if err := idx.Put(ctx, docs[3]); err != nil {
		t.Fatal(err)
	}
	for _, i := range []int{5, 17} {
		if err := idx.Delete(ctx, docs[i].ID); err != nil {
			t.Fatal(err)
		}
		delete(want, docs[i].Source)
	}
	if err := idx.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	got, err := idx.Hashes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(got, want) {
		t.Fatalf("Hashes = %v\nwant %v", got, want)
	}
}

// TestDidYouMeanOnlyForMisspelt checks the spelling suggestion across
// languages: a word that documents of the query's language hold is not
// "corrected" to a neighbour in another language's documents, and a
// misspelt word is.
func TestDidYouMeanOnlyForMisspelt(t *testing.T) {
	docs := []*search.Document{
		{ID: "es", Title: "Orientación", Lang: "es", Type: "study",
			Pages: []search.Page{{Number: 1, Text: "Una persona migrante puede pedir información en la ventanilla."}}},
		{ID: "fr", Title: "Passage", Lang: "fr", Type: "study",
			Pages: []search.Page{{Number: 1, Text: "Les migrants et les personnes déplacées traversent à pied la frontière: information et orientation."}}},
	}
	idx := newIndex(t, docs)
	for _, tc := range []struct{ query, want string }{
		{"migrante puede orientación", ""},
		{"ventanila informacion", "ventanilla informacion"},
	} {
		r, err := idx.Search(context.Background(), search.Query{Text: tc.query})
		if err != nil {
			t.Fatal(err)
		}
		if r.DidYouMean != tc.want {
			t.Errorf("%q: did you mean %q, want %q (%d hits)", tc.query, r.DidYouMean, tc.want, len(r.Hits))
		}
	}
}

// TestIrregularForms checks that a query word finds the irregular forms
// its stemmer does not join to it, in English and Spanish.
func TestIrregularForms(t *testing.T) {
	docs := []*search.Document{
		{ID: "en", Title: "Costs", Lang: "en", Type: "study",
			Pages: []search.Page{{Number: 1, Text: "Most migrants paid a smuggler before they fled."}}},
		{ID: "es", Title: "Costos", Lang: "es", Type: "study",
			Pages: []search.Page{{Number: 1, Text: "Las familias no pudieron costear el viaje."}}},
	}
	idx := newIndex(t, docs)
	for _, tc := range []struct{ query, want string }{
		{"pay", "en"},
		{"flee", "en"},
		{"poder", "es"},
	} {
		r, err := idx.Search(context.Background(), search.Query{Text: tc.query})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Hits) != 1 || r.Hits[0].ID != tc.want {
			t.Errorf("%q: %d hits, want %s", tc.query, len(r.Hits), tc.want)
		}
	}
}
