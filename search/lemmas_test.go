package search_test

import (
	"slices"
	"testing"

	"faro/search"
)

// TestTranslateLemmas: a conjugated verb or an agreed adjective the
// dictionaries do not hold is translated as its lemma (infinitive,
// masculine singular), in the language its ending belongs to only; a word
// they hold, or whose singular they hold, is not rewritten.
func TestTranslateLemmas(t *testing.T) {
	dir := t.TempDir()
	writeDict(t, dir, "freedict-spa-eng", [][2]string{
		{"financiar", "finance"},
		{"regresar", "return"},
		{"deportar", "deport"},
		{"viajar", "travel"},
		{"casa", "house"},
		{"casar", "marry"},
		{"migratorio", "migratory"},
		{"voz", "voice"},
	})
	writeDict(t, dir, "freedict-fra-eng", [][2]string{
		{"garder", "keep"},
		{"financer", "finance"},
		{"mondial", "worldwide"},
		{"irrégulier", "irregular"},
	})
	writeDict(t, dir, "freedict-eng-spa", [][2]string{
		{"flee", "huir"},
		{"study", "estudiar"},
	})
	d, err := search.LoadFreeDict(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text  string
		want  []string
		langs []string
	}{
		{"financian", []string{"finance"}, []string{"es"}},
		{"regresan", []string{"return"}, []string{"es"}},
		{"deportados", []string{"deport"}, []string{"es"}},
		{"viajando", []string{"travel"}, []string{"es"}},
		{"financent", []string{"finance"}, []string{"fr"}},
		{"fleeing", []string{"huir"}, []string{"en"}},
		{"studied", []string{"estudiar"}, []string{"en"}},
		{"casas", []string{"house"}, []string{"es"}}, // the singular first
		{"migratoria", []string{"migratory"}, []string{"es"}},
		{"voces", []string{"voice"}, []string{"es"}},
		{"mondiale", []string{"worldwide"}, []string{"fr"}},
		{"irrégulière", []string{"irregular"}, []string{"fr"}},
		{"garden", nil, nil}, // not Spanish "garder"
		{"honduras", nil, nil},
	} {
		if got := d.Translate(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("Translate(%q) = %q, want %q", tc.text, got, tc.want)
		}
		if got := d.Languages(tc.text); !slices.Equal(got, tc.langs) {
			t.Errorf("Languages(%q) = %q, want %q", tc.text, got, tc.langs)
		}
	}
}
