package search_test

import (
	"slices"
	"strings"
	"testing"

	"faro/search"
)

// stopWordsIn is a small stand-in for the engine's stop word lists.
func stopWordsIn(lang, word string) bool {
	lists := map[string]string{
		"en": "a the of to do by from",
		"es": "a de los la con el su",
		"fr": "de la le un une pour et",
		"pt": "a de o os da com",
	}
	return slices.Contains(strings.Fields(lists[lang]), search.Fold(word))
}

// withDictionary makes queries use a dictionary of a few entries until
// the test ends.
func withDictionary(t *testing.T) {
	t.Helper()
	dir := t.TempDir()
	writeDict(t, dir, "freedict-eng-spa", [][2]string{
		{"pay", "pagar"},
		{"smuggler", "contrabandista"},
		{"country", "país"},
		{"migrant", "migrante"},
		{"and", "y"},
		{"honduras", "vale"}, // a general dictionary's odd sense
	})
	writeDict(t, dir, "freedict-fra-eng", [][2]string{
		{"pays", "country"},
		{"réintégration", "reintegration"},
		{"psychosocial", "psycho-social"},
	})
	d, err := search.LoadFreeDict(dir)
	if err != nil {
		t.Fatal(err)
	}
	search.UseDictionary(d)
	t.Cleanup(func() { search.UseDictionary(nil) })
}

func TestGuessLanguage(t *testing.T) {
	withDictionary(t)
	for _, tc := range []struct {
		query, want string
	}{
		{"how much do migrants pay smugglers", "en"},      // question and stop words, dictionary
		{"¿qué pasa con los niños deportados?", "es"},     // ñ, stop words
		{"combien coûte un passeur", "fr"},                // question word, û
		{"quanto custa a migração", "pt"},                 // question word, ã
		{"réintégration pays", "fr"},                      // dictionary headwords
		{"Honduras", ""},                                  // a name tells nothing
		{"reintegration AND psychosocial", ""},            // one word only a dictionary places
		{"caravana AND Honduras", ""},                     // no clue
		{"la migración", ""},                              // "la": es or fr; ó: es or pt
		{`"protección complementaria" de refugiados`, ""}, // half a vote for es is not enough
	} {
		p, err := search.Compile(tc.query, search.CompileOptions{IsStopWordIn: stopWordsIn})
		if err != nil {
			t.Fatal(err)
		}
		if p.Lang != tc.want {
			t.Errorf("%q: language %q, want %q", tc.query, p.Lang, tc.want)
		}
	}
}

func TestWordsWeighLessInOtherLanguages(t *testing.T) {
	withDictionary(t)
	for _, tc := range []struct {
		query string
		want  []string // in the plan's key
	}{
		// "pay" is an English word only: its French matches ("pays")
		// weigh ForeignBoost; "Honduras" is written alike in every
		// language and is searched alike everywhere.
		{"how much do migrants pay in Honduras", []string{`word("pay" title^30 summary^20 body^1 lang=en)`, `word("Honduras"~1 title^30 summary^20 body^1 lang=en,es,fr,pt)`}},
		// A word of both languages weighs alike in both.
		{"what do we know about reintegration", []string{`word("reintegration"~2 title^30 summary^20 body^1 lang=en,fr)`}},
		// Without a language, nothing weighs less.
		{"Honduras reintegration", []string{`word("reintegration"~2 title^30 summary^20 body^1)`}},
	} {
		p, err := search.Compile(tc.query, search.CompileOptions{IsStopWordIn: stopWordsIn})
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range tc.want {
			if !strings.Contains(p.Key(), w) {
				t.Errorf("%q: plan %s\nhas no %s", tc.query, p.Key(), w)
			}
		}
	}
}

func TestStopWordsOfTheQueryLanguageAreDropped(t *testing.T) {
	anyLanguage := func(w string) bool {
		for _, l := range search.QueryLanguages {
			if stopWordsIn(l, w) {
				return true
			}
		}
		return false
	}
	for _, tc := range []struct {
		query string
		has   bool // whether the plan keeps "a" as an optional word
	}{
		// Spanish: "a" is a function word of the query, not the French
		// verb ("il a") it would match in French reports.
		{"¿cómo financian los migrantes su viaje a Estados Unidos?", false},
		// No language: "a" may be a word of the documents' language.
		{"Honduras a Guatemala", true},
	} {
		p, err := search.Compile(tc.query, search.CompileOptions{IsStopWord: anyLanguage, IsStopWordIn: stopWordsIn})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(p.Key(), `word("a"`); got != tc.has {
			t.Errorf("%q: plan %s keeps \"a\" %v, want %v", tc.query, p.Key(), got, tc.has)
		}
	}
}

func TestDictionaryVocabularies(t *testing.T) {
	withDictionary(t)
	for _, tc := range []struct {
		word string
		want []string
	}{
		{"pay", []string{"en"}},
		{"país", []string{"es"}},            // a translation is a word of its language
		{"Pays", []string{"fr"}},            // a French headword
		{"migrantes", []string{"en", "es"}}, // "migrant" and "migrante"
		{"y", nil},                          // too short to tell
		{"Haiti", nil},
	} {
		if got := search.CurrentDictionary().Languages(tc.word); !slices.Equal(got, tc.want) {
			t.Errorf("Languages(%q) = %v, want %v", tc.word, got, tc.want)
		}
	}
}

func TestDomainListWinsOverDictionary(t *testing.T) {
	withDictionary(t)
	for _, tc := range []struct {
		query string
		has   string
		want  bool
	}{
		{"Honduras", "vale", false}, // a country the domain list knows
		{"country", "país", true},
	} {
		p, err := search.Compile(tc.query, search.CompileOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(p.Key(), tc.has); got != tc.want {
			t.Errorf("%q: plan %s has %q %v, want %v", tc.query, p.Key(), tc.has, got, tc.want)
		}
	}
}
