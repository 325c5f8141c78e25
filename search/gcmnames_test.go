package search

import (
	"slices"
	"testing"
)

// TestGCMNamesAreSynonyms checks that the GCM objectives' short names in
// English, Spanish and French are synonyms of each other, part by part.
func TestGCMNamesAreSynonyms(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"integrated border management", "Gestión integrada de fronteras"},
		{"Gestion intégrée des frontières", "Integrated border management"},
		{"retorno y reintegración", "Retour et réintégration"},
		{"missing migrants", "migrantes desaparecidos"},
		{"alternativas a la detención", "Alternatives à la rétention"},
	} {
		if got := Synonyms(tc.name); !slices.Contains(got, tc.want) {
			t.Errorf("Synonyms(%q) = %q, lacks %q", tc.name, got, tc.want)
		}
	}
}
