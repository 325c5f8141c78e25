package search

import "testing"

// TestQuestionWords checks that the question words of every language,
// typed with or without accents and capitals, are question words, and
// that content words are not.
func TestQuestionWords(t *testing.T) {
	for _, c := range []struct {
		word string
		want bool
	}{
		{"Cuánto", true},
		{"dónde", true},
		{"combien", true},
		{"Où", true},
		{"quando", true},
		{"quais", true},
		{"How", true},
		{"migrar", false},
		{"coyote", false},
		{"trafficking", false},
	} {
		if got := IsQuestionWord(c.word); got != c.want {
			t.Errorf("IsQuestionWord(%q) = %v, want %v", c.word, got, c.want)
		}
	}
	for lang, words := range questionWordsIn {
		for w := range words {
			if !IsQuestionWord(w) {
				t.Errorf("%s question word %q is not a question word", lang, w)
			}
		}
	}
}

// TestDropQuestionWords checks what a question keeps: its content words,
// not its question words nor a verb asking what happens right after one
// ("qué pasa"), which elsewhere is content ("pasa la frontera").
func TestDropQuestionWords(t *testing.T) {
	for _, c := range []struct{ query, want string }{
		{"¿qué pasa con los niños deportados?", "con los niños deportados"},
		{"what happens to returnees", "to returnees"},
		{"o que acontece com as crianças", "o com as crianças"},
		{"¿cómo pasa la frontera un migrante?", "pasa la frontera un migrante"},
		{"pasa la frontera", "pasa la frontera"},
		{"¿cuánto cuesta migrar?", "cuesta migrar"},
	} {
		n, err := ParseQuery(c.query)
		if err != nil {
			t.Fatal(err)
		}
		if got := nodeText(dropQuestionWords(n)); got != c.want {
			t.Errorf("%q keeps %q, want %q", c.query, got, c.want)
		}
	}
}
