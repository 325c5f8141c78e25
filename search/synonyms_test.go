package search_test

import (
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
