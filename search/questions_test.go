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
