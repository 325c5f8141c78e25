package search

import (
	"slices"
	"strings"
	"unicode"
)

// QueryLanguages are the languages GuessLanguage chooses among, as the
// language codes of documents' text fields.
var QueryLanguages = []string{"en", "es", "fr", "pt"}

// IsQueryLanguage reports whether lang is one of QueryLanguages.
func IsQueryLanguage(lang string) bool {
	for _, l := range QueryLanguages {
		if l == lang {
			return true
		}
	}
	return false
}

// questionWordsIn are the question words of each language, folded; the
// one list of them (questionWords is their union).
var questionWordsIn = func() map[string]map[string]bool {
	m := map[string]map[string]bool{}
	for lang, words := range map[string]string{
		"en": `what which who whom whose when where why how much many does do did is are can could should would`,
		"es": `que cual cuales quien quienes cuando donde adonde porque por como cuanto cuanta cuantos cuantas hay`,
		"fr": `que quoi quel quelle quels quelles qui quand ou pourquoi comment combien est-ce`,
		"pt": `que qual quais quem quando onde porque como quanto quanta quantos quantas`,
	} {
		m[lang] = map[string]bool{}
		for _, w := range strings.Fields(words) {
			m[lang][w] = true
		}
	}
	return m
}()

// GuessLanguage returns the language the words of a query are most likely
// typed in, or "" when they do not tell. Each word votes for the
// languages it can be a word of (its question words, its stop words by
// isStopWordIn, the vocabularies of the bilingual dictionaries in use,
// and letters only some languages write: ñ, ã, è, ç, ...), a word of n of
// them with 1/n each; a word of every language or of none does not vote.
// A vote weighs 1, or dictionaryVote when only the dictionaries tell
// (wordLanguages). The language with most votes wins when it leads the
// next by more than one such word's vote. isStopWordIn may be nil.
func GuessLanguage(words []string, isStopWordIn func(lang, word string) bool) string {
	votes := map[string]float64{}
	for _, w := range words {
		langs, weight := wordLanguages(w, isStopWordIn)
		if len(langs) == 0 || len(langs) == len(QueryLanguages) {
			continue
		}
		for _, l := range langs {
			votes[l] += weight / float64(len(langs))
		}
	}
	best, first, second := "", 0.0, 0.0
	for _, l := range QueryLanguages {
		switch v := votes[l]; {
		case v > first:
			best, first, second = l, v, first
		case v > second:
			second = v
		}
	}
	if first-second <= dictionaryVote {
		return ""
	}
	return best
}

// WordLanguages returns the QueryLanguages whose vocabulary holds word:
// their question words, their stop words (isStopWordIn, may be nil) and
// the bilingual dictionaries in use; all of them for a country's name
// written alike in each ("Honduras").
func WordLanguages(word string, isStopWordIn func(lang, word string) bool) []string {
	folded := Fold(word)
	if sharedNames[folded] {
		return QueryLanguages
	}
	known := CurrentDictionary().Languages(word)
	var out []string
	for _, l := range QueryLanguages {
		if slices.Contains(known, l) || questionWordsIn[l][folded] || isStopWordIn != nil && isStopWordIn(l, word) {
			out = append(out, l)
		}
	}
	return out
}

// wordLanguages returns the QueryLanguages word can be a word of: those
// whose vocabulary holds it (WordLanguages), narrowed to those writing
// its letters; those writing its letters when no vocabulary holds it.
// weight is what its vote counts: 1 when function words or letters tell,
// dictionaryVote when only the dictionaries do (general dictionaries
// lack many words of each language, so a word found in one only is weak
// evidence: English "psychosocial" is a French headword).
func wordLanguages(word string, isStopWordIn func(lang, word string) bool) (langs []string, weight float64) {
	letters := writtenIn(word)
	vocab := WordLanguages(word, isStopWordIn)
	folded := Fold(word)
	weight = dictionaryVote
	if len(letters) < len(QueryLanguages) {
		weight = 1
	}
	for _, l := range QueryLanguages {
		if questionWordsIn[l][folded] || isStopWordIn != nil && isStopWordIn(l, word) {
			weight = 1
		}
	}
	var both []string
	for _, l := range vocab {
		if letters[l] {
			both = append(both, l)
		}
	}
	switch {
	case len(both) > 0:
		return both, weight
	case len(vocab) > 0:
		return vocab, weight
	}
	var out []string
	for _, l := range QueryLanguages {
		if letters[l] {
			out = append(out, l)
		}
	}
	return out, weight
}

// dictionaryVote is the vote of a word only the dictionaries place in a
// language (wordLanguages).
const dictionaryVote = 0.5

// letterLanguages are the QueryLanguages that write a letter with a
// diacritic (lower case); English writes none of them.
var letterLanguages = map[rune]string{
	'ñ': "es", '¿': "es", '¡': "es", 'ü': "es fr",
	'á': "es pt", 'í': "es pt", 'ó': "es pt", 'ú': "es pt",
	'é': "es fr pt",
	'ã': "pt", 'õ': "pt",
	'ç': "fr pt", 'â': "fr pt", 'ê': "fr pt", 'ô': "fr pt", 'à': "fr pt",
	'è': "fr", 'ë': "fr", 'î': "fr", 'ï': "fr", 'û': "fr", 'ù': "fr", 'œ': "fr", 'æ': "fr", 'ÿ': "fr",
}

// writtenIn returns the QueryLanguages that write every letter of word.
func writtenIn(word string) map[string]bool {
	out := map[string]bool{}
	for _, l := range QueryLanguages {
		out[l] = true
	}
	for _, r := range word {
		r = unicode.ToLower(r)
		if r < 0x80 {
			continue
		}
		langs, ok := letterLanguages[r]
		if !ok {
			continue
		}
		for _, l := range QueryLanguages {
			if !strings.Contains(langs, l) {
				delete(out, l)
			}
		}
	}
	return out
}

// queryWords returns the words of a parsed query's terms and phrases, as
// typed.
func queryWords(n Node) []string {
	var out []string
	var walk func(Node)
	walk = func(n Node) {
		switch n := n.(type) {
		case Term:
			if !IsFacet(n.Field) {
				out = append(out, n.Text)
			}
		case Phrase:
			out = append(out, strings.Fields(n.Text)...)
		case And:
			for _, x := range n.Nodes {
				walk(x)
			}
		case Or:
			for _, x := range n.Nodes {
				walk(x)
			}
		case Not:
			walk(n.Node)
		}
	}
	walk(n)
	return out
}
