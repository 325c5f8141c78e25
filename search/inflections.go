package search

import (
	_ "embed"
	"strings"
)

//go:embed inflections.txt
var inflectionsData string

// inflections maps a folded word to the other forms of its line of
// inflections.txt.
var inflections = loadInflections(inflectionsData)

func loadInflections(data string) map[string][]string {
	m := map[string][]string{}
	for key, group := range loadSynonyms(data) {
		for _, f := range group {
			if Fold(f) != key {
				m[key] = append(m[key], f)
			}
		}
	}
	return m
}

// Forms returns the other forms of word that its language's stemmer does
// not bring to the same term (irregular inflections: "paid" of "pay",
// "pueden" and "pudo" of "poder"), or nil; case and accents are ignored.
func Forms(word string) []string {
	if strings.ContainsAny(word, " \t") {
		return nil
	}
	return inflections[Fold(word)]
}
