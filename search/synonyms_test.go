package search_test

import (
	"slices"
	"strings"
	"testing"

	"faro/search"
)

// TestLongerSynonymsAreKept checks that a word's multi-word synonyms are
// searched even when they hold a shorter one: the best of them counts,
// and a document with the whole expression scores by all its words.
func TestLongerSynonymsAreKept(t *testing.T) {
	for _, tc := range []struct{ query, want string }{
		{"trata de personas", `phrase("trafficking in persons"`},
		{"trata de personas", `word("trafficking"`},
		{"trafficking", `phrase("trata de personas"`},
	} {
		p, err := search.Compile(tc.query, search.CompileOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(p.Key(), tc.want) {
			t.Errorf("%q: plan %s has no %s", tc.query, p.Key(), tc.want)
		}
	}
}

// TestLongerSynonymsAreNotListed checks that the translations a page
// lists (and marks) are the shortest: "trata", not "trata de personas".
func TestLongerSynonymsAreNotListed(t *testing.T) {
	for _, tc := range []struct {
		query, alt string
		listed     bool
	}{
		{"trafficking", "trata", true},
		{"trafficking", "trata de personas", false},
		{"trafficking", "trafficking in persons", false},
	} {
		var alts []string
		for _, tr := range search.Translations(tc.query) {
			alts = append(alts, tr.Alts...)
		}
		if slices.Contains(alts, tc.alt) != tc.listed {
			t.Errorf("%q: translations %q list %q: %v, want %v", tc.query, alts, tc.alt, !tc.listed, tc.listed)
		}
	}
}
