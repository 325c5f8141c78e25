package search

import "strings"

// Dictionaries list verbs by their infinitive (English: their base form)
// and adjectives by their masculine singular, and people type them
// conjugated and agreed: "¿cómo financian los migrantes su viaje?",
// "sanciona", "deportados", "situación migratoria", "cohésion sociale". A
// word the dictionaries do not hold, nor its singular, is looked up as the
// lemma its ending makes it a form of, in the language of that ending
// only: Spanish "viajan" is "viajar", not French "viajer".

// ending rewrites an inflected ending (folded) of one language to the
// endings of the lemmas it can belong to, in order.
type ending struct {
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

// endings, longest suffixes first within each language; verbs before
// adjectives where an ending can be either.
var endings = []ending{
	// Spanish: past and present plurals, participles and gerunds, the
	// present singular; adjectives' feminine and plural of -z.
	{langSpa, "aron", []string{"ar"}}, {langSpa, "ieron", []string{"er", "ir"}},
	{langSpa, "amos", []string{"ar"}}, {langSpa, "emos", []string{"er"}}, {langSpa, "imos", []string{"ir"}},
	{langSpa, "ando", []string{"ar"}}, {langSpa, "iendo", []string{"er", "ir"}},
	{langSpa, "ados", []string{"ar"}}, {langSpa, "adas", []string{"ar"}}, {langSpa, "ado", []string{"ar"}}, {langSpa, "ada", []string{"ar"}},
	{langSpa, "idos", []string{"ir", "er"}}, {langSpa, "idas", []string{"ir", "er"}}, {langSpa, "ido", []string{"ir", "er"}}, {langSpa, "ida", []string{"ir", "er"}},
	{langSpa, "ces", []string{"z"}},
	{langSpa, "an", []string{"ar"}}, {langSpa, "en", []string{"er", "ir"}}, {langSpa, "io", []string{"ir", "er"}},
	{langSpa, "as", []string{"o", "ar"}},
	{langSpa, "a", []string{"ar", "o"}}, {langSpa, "e", []string{"er", "ir"}}, {langSpa, "o", []string{"ar", "er", "ir"}},
	// Portuguese.
	{langPor, "aram", []string{"ar"}}, {langPor, "eram", []string{"er"}}, {langPor, "iram", []string{"ir"}},
	{langPor, "ados", []string{"ar"}}, {langPor, "ado", []string{"ar"}}, {langPor, "idos", []string{"ir", "er"}}, {langPor, "ido", []string{"ir", "er"}},
	{langPor, "ais", []string{"al"}},
	{langPor, "am", []string{"ar"}}, {langPor, "em", []string{"er", "ir"}}, {langPor, "ou", []string{"ar"}},
	{langPor, "as", []string{"o"}},
	{langPor, "a", []string{"ar", "o"}}, {langPor, "e", []string{"er", "ir"}},
	// French: plurals of the present and participles, adjectives'
	// feminine and plural, then singulars.
	{langFra, "ent", []string{"er", "ir", "re"}}, {langFra, "ons", []string{"er", "ir", "re"}}, {langFra, "ez", []string{"er", "ir", "re"}},
	{langFra, "ales", []string{"al"}}, {langFra, "ale", []string{"al"}}, {langFra, "aux", []string{"al"}},
	{langFra, "elles", []string{"el"}}, {langFra, "elle", []string{"el"}},
	{langFra, "ieres", []string{"ier"}}, {langFra, "iere", []string{"ier"}},
	{langFra, "euses", []string{"eur"}}, {langFra, "euse", []string{"eur"}},
	{langFra, "ives", []string{"if"}}, {langFra, "ive", []string{"if"}},
	{langFra, "ees", []string{"er"}}, {langFra, "ee", []string{"er"}}, {langFra, "es", []string{"er"}},
	{langFra, "e", []string{"er"}}, {langFra, "it", []string{"ir"}},
	// English.
	{langEng, "ied", []string{"y"}}, {langEng, "ies", []string{"y"}},
	{langEng, "ing", []string{"", "e"}}, {langEng, "ed", []string{"", "e"}},
}

// lemma returns the number of the headword with translations that folded
// word key is an inflected form of (endings), and its language's bit; -1
// when none.
func (d *Dictionary) lemma(key string) (int, uint8) {
	n := -1
	lang := lemmaOf(key, func(w string) (uint8, bool) {
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

// lemmaOf returns the language bit of the first lemma that key is a form
// of, by endings, among the words word knows (their
// languages, and whether they have translations); 0 when none. The last
// word asked about is the one found.
func lemmaOf(key string, word func(string) (uint8, bool)) uint8 {
	for _, e := range endings {
		stem, ok := strings.CutSuffix(key, e.suffix)
		if !ok || len(stem) < 2 || len(stem)+len(e.suffix) < 4 {
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
