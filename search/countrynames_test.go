package search

import (
	"slices"
	"testing"
)

// TestCountryNamesAreSynonyms checks that a country's names and demonyms
// in English, Spanish and French are synonyms of each other, without
// plurals or the names a country shares with common words or places.
func TestCountryNamesAreSynonyms(t *testing.T) {
	for _, tc := range []struct {
		name     string
		want     string
		wantNone bool
	}{
		{name: "Mexique", want: "Mexico"},
		{name: "Mexican", want: "mexicano"},
		{name: "mexicaine", want: "Mexican"},
		{name: "Mexican", want: "mexicanos", wantNone: true}, // the analysers stem plurals
		{name: "Grenada", want: "Granada", wantNone: true},   // also a Spanish city
		{name: "Mexican", want: "Mexico", wantNone: true},    // a name is not its people
	} {
		got := Synonyms(tc.name)
		if slices.Contains(got, tc.want) == tc.wantNone {
			t.Errorf("Synonyms(%q) = %q: has %q %v, want %v", tc.name, got, tc.want, !tc.wantNone, !tc.wantNone)
		}
	}
}
