package search

import "strings"

// Dictionaries list verbs by their infinitive (English: their base form),
// and people type them conjugated: "¿cómo financian los migrantes su
// viaje?", "sanciona", "regresan", "deportados". A word the dictionaries
// do not hold, nor its singular, is looked up as the infinitive its ending
// makes it a form of, in the language of that ending only: Spanish
// "viajan" is "viajar", not French "viajer".

// verbEnding rewrites a conjugated ending (folded) of one language to the
// endings of the infinitives it can belong to.
type verbEnding struct {
	lang   uint8 // bit of DictionaryLanguages
	suffix string
	bases  []string
}

const (
	langEng = 1 << iota
	langSpa
	langFra
	langPor
)

// verbEndings, longest suffixes first within each language.
var verbEndings = []verbEnding{
	// Spanish: past and present plurals, participles and gerunds, then
	// the present singular.
	{langSpa, "aron", []string{"ar"}}, {langSpa, "ieron", []string{"er", "ir"}},
	{langSpa, "amos", []string{"ar"}}, {langSpa, "emos", []string{"er"}}, {langSpa, "imos", []string{"ir"}},
	{langSpa, "ando", []string{"ar"}}, {langSpa, "iendo", []string{"er", "ir"}},
	{langSpa, "ados", []string{"ar"}}, {langSpa, "adas", []string{"ar"}}, {langSpa, "ado", []string{"ar"}}, {langSpa, "ada", []string{"ar"}},
	{langSpa, "idos", []string{"ir", "er"}}, {langSpa, "idas", []string{"ir", "er"}}, {langSpa, "ido", []string{"ir", "er"}}, {langSpa, "ida", []string{"ir", "er"}},
	{langSpa, "an", []string{"ar"}}, {langSpa, "en", []string{"er", "ir"}}, {langSpa, "io", []string{"ir", "er"}},
	{langSpa, "a", []string{"ar"}}, {langSpa, "e", []string{"er", "ir"}}, {langSpa, "o", []string{"ar", "er", "ir"}},
	// Portuguese.
	{langPor, "aram", []string{"ar"}}, {langPor, "eram", []string{"er"}}, {langPor, "iram", []string{"ir"}},
	{langPor, "ados", []string{"ar"}}, {langPor, "ado", []string{"ar"}}, {langPor, "idos", []string{"ir", "er"}}, {langPor, "ido", []string{"ir", "er"}},
	{langPor, "am", []string{"ar"}}, {langPor, "em", []string{"er", "ir"}}, {langPor, "ou", []string{"ar"}},
	{langPor, "a", []string{"ar"}}, {langPor, "e", []string{"er", "ir"}},
	// French: plurals of the present and participles, then singulars.
	{langFra, "ent", []string{"er", "ir", "re"}}, {langFra, "ons", []string{"er", "ir", "re"}}, {langFra, "ez", []string{"er", "ir", "re"}},
	{langFra, "ees", []string{"er"}}, {langFra, "ee", []string{"er"}}, {langFra, "es", []string{"er"}},
	{langFra, "e", []string{"er"}}, {langFra, "it", []string{"ir"}},
	// English.
	{langEng, "ied", []string{"y"}}, {langEng, "ies", []string{"y"}},
	{langEng, "ing", []string{"", "e"}}, {langEng, "ed", []string{"", "e"}},
}

// infinitive returns the number of the headword with translations that
// folded word key is a conjugated form of (verbEndings), and its
// language's bit; -1 when none.
func (d *Dictionary) infinitive(key string) (int, uint8) {
	n := -1
	lang := infinitiveOf(key, func(w string) (uint8, bool) {
		i := d.find(w)
		if i < 0 {
			return 0, false
		}
		n = i
		return d.langs[i], d.transEnd[i] > d.transStart(i)
	})
	if lang == 0 {
		return -1, 0
	}
	return n, lang
}

// infinitiveOf returns the language bit of the first infinitive that key
// is a form of, by verbEndings, among the words word knows (their
// languages, and whether they have translations); 0 when none. The last
// word asked about is the one found.
func infinitiveOf(key string, word func(string) (uint8, bool)) uint8 {
	for _, e := range verbEndings {
		stem, ok := strings.CutSuffix(key, e.suffix)
		if !ok || len(stem) < 3 {
			continue
		}
		for _, b := range e.bases {
			if langs, translated := word(stem + b); langs&e.lang != 0 && translated {
				return e.lang
			}
		}
	}
	return 0
}

// transStart is where the translations of word i start in trans.
func (d *Dictionary) transStart(i int) uint32 {
	if i == 0 {
		return 0
	}
	return d.transEnd[i-1]
}
