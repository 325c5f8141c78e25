package web_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"testing"

	"faro/search"
	"faro/search/bleve"
	"faro/search/web"
)

func TestSuggest(t *testing.T) {
	srv := newServer(t)
	type sug struct {
		Text  string `json:"text"`
		Kind  string `json:"kind"`
		Value string `json:"value"`
		Count int    `json:"count"`
		URL   string `json:"url"`
	}
	var r struct{ Suggestions []sug }
	for _, tc := range []struct {
		path, text, kind string
	}{
		{"/api/v1/suggest?q=guat&lang=es", "Guatemala", "country"},
		{"/api/v1/suggest?q=hond", "Honduras", "country"},
		{"/api/v1/suggest?q=plan+you", "Plan your Life: campaign summary", "title"},
		{"/api/v1/suggest?q=hait", "Haiti", "country"},
	} {
		getJSON(t, srv, tc.path, 200, &r)
		found := false
		for _, s := range r.Suggestions {
			if s.Text == tc.text && s.Kind == tc.kind && s.Count > 0 && s.URL != "" {
				found = true
			}
		}
		if !found || len(r.Suggestions) > 8 {
			t.Errorf("%s: %+v, want %q (%s)", tc.path, r.Suggestions, tc.text, tc.kind)
		}
	}
	getJSON(t, srv, "/api/v1/suggest?q=", 200, &r)
	if len(r.Suggestions) != 0 {
		t.Errorf("empty prefix: %+v", r.Suggestions)
	}
	getJSON(t, srv, "/api/v1/suggest?q=zzzzqq", 200, &r)
	if len(r.Suggestions) != 0 {
		t.Errorf("nothing to suggest: %+v", r.Suggestions)
	}
}

// TestSuggestPhrases: phrases that documents repeat complete what is
// typed, those more documents hold first, with their counts.
func TestSuggestPhrases(t *testing.T) {
	idx, err := bleve.Create(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	texts := []string{
		"Las ventanillas informativas orientan. Visite las ventanillas informativas.",
		"Red de ventanillas informativas: las ventanillas informativas de Honduras.",
		"Ventanillas de atención: nuevas ventanillas de atención abren.",
		"Las ventanillas se abren una vez.",
	}
	ctx := context.Background()
	for i, text := range texts {
		d := &search.Document{ID: fmt.Sprintf("d%d", i), Title: fmt.Sprintf("Hoja %d", i), Lang: "es", Source: fmt.Sprintf("d%d.md", i),
			Pages: []search.Page{{Number: 1, Text: text}}}
		if err := idx.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	if err := idx.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(web.New(idx, web.Options{Corpus: t.TempDir()}))
	t.Cleanup(srv.Close)
	var r struct {
		Suggestions []struct {
			Text  string `json:"text"`
			Kind  string `json:"kind"`
			Count int    `json:"count"`
			URL   string `json:"url"`
		}
	}
	getJSON(t, srv, "/api/v1/suggest?q=ventanil&lang=es", 200, &r)
	var got []string
	for _, s := range r.Suggestions {
		if s.Kind == "phrase" {
			got = append(got, fmt.Sprintf("%s (%d) %s", s.Text, s.Count, s.URL))
		}
	}
	want := []string{
		"ventanillas informativas (2) /?q=ventanillas+informativas&ui=es",
		"ventanillas de atención (1) /?q=ventanillas+de+atenci%C3%B3n&ui=es",
	}
	if !slices.Equal(got, want) {
		t.Errorf("phrase suggestions %q, want %q", got, want)
	}
	// A deleted document no longer counts.
	if err := idx.Delete(ctx, "d0"); err != nil {
		t.Fatal(err)
	}
	if err := idx.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	getJSON(t, srv, "/api/v1/suggest?q=ventanillas+inf&lang=es", 200, &r)
	if len(r.Suggestions) == 0 || r.Suggestions[0].Kind != "phrase" || r.Suggestions[0].Count != 1 {
		t.Errorf("after a deletion: %+v, want ventanillas informativas (1)", r.Suggestions)
	}
	getJSON(t, srv, "/api/v1/suggest?q=ventanillas+de&lang=es", 200, &r)
	if len(r.Suggestions) == 0 || r.Suggestions[0].Text != "ventanillas de atención" {
		t.Errorf("ventanillas de: %+v", r.Suggestions)
	}
}
