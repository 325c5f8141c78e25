// Package taxonomy holds Faro's controlled vocabularies: countries (ISO 3166-1
// alpha-3 plus REG and GLB), programme themes, the 23 objectives and 10
// guiding principles of the Global Compact for Safe, Orderly and Regular
// Migration (GCM), and document types, each with English, Spanish and French
// labels. It is data reviewed like code; the classifier and the facet
// registry (search.Facet: which facet takes its labels from which list) read
// it, nothing writes it.
package taxonomy

import (
	"slices"
	"strings"
	"unicode"
)

// Text is a label in Faro's languages. Get falls back to English.
type Text struct {
	EN string `json:"en"`
	ES string `json:"es"`
	FR string `json:"fr,omitempty"`
}

// Get returns the label in lang ("en", "es", "fr"), falling back to English.
func (t Text) Get(lang string) string {
	switch lang {
	case "es":
		if t.ES != "" {
			return t.ES
		}
	case "fr":
		if t.FR != "" {
			return t.FR
		}
	}
	return t.EN
}

// Terms are lexicon entries by language ("en", "es", "fr"). Matching is
// case- and accent-insensitive on whole words; an entry may be a phrase.
type Terms map[string][]string

// All returns the entries of every language, in the order en, es, fr, then
// any other language in sorted order.
func (t Terms) All() []string {
	var out []string
	langs := make([]string, 0, len(t))
	for l := range t {
		langs = append(langs, l)
	}
	rank := map[string]int{"en": 0, "es": 1, "fr": 2}
	slices.SortFunc(langs, func(a, b string) int {
		ra, oka := rank[a]
		rb, okb := rank[b]
		switch {
		case oka && okb:
			return ra - rb
		case oka:
			return -1
		case okb:
			return 1
		}
		return strings.Compare(a, b)
	})
	for _, l := range langs {
		out = append(out, t[l]...)
	}
	return out
}

// terms builds Terms from "|"-separated English, Spanish and French lists.
func terms(en, es, fr string) Terms {
	t := Terms{}
	for lang, list := range map[string]string{"en": en, "es": es, "fr": fr} {
		for _, s := range strings.Split(list, "|") {
			if s = strings.TrimSpace(s); s != "" {
				t[lang] = append(t[lang], s)
			}
		}
	}
	return t
}

// Country is a country or territory, or one of the pseudo-codes REG
// (regional) and GLB (global).
type Country struct {
	Code string `json:"code"`
	Name Text   `json:"name"`
	// Aliases are other names and spellings, all languages mixed.
	Aliases  []string `json:"aliases,omitempty"`
	Demonyms []string `json:"demonyms,omitempty"`
	Capitals []string `json:"capitals,omitempty"`
	// Places are first-level divisions (states, departments, provinces)
	// and large cities that name no other place, person or common word
	// ("Chiapas", "Huehuetenango", "San Pedro Sula"; not "Guerrero",
	// "Colón" or "La Paz"): a document that names them is about the
	// country as surely as one that names it, though each counts less.
	// Not part of the API's taxonomy.
	Places []string `json:"-"`
	// LangAliases are names that name the country only in a document of
	// the given language ("es": Spanish "EU" for Estados Unidos, which
	// in English is the European Union, "UE" in Spanish). Not part of
	// the API's taxonomy.
	LangAliases map[string][]string `json:"-"`
	// Region is a grouping for display, e.g. "central-america", "caribbean".
	Region string `json:"region,omitempty"`
	// Programme is true for the countries and territories of the
	// programme's region: Central America, Mexico and the Caribbean.
	Programme bool `json:"programme,omitempty"`
	// Ambiguous lists names (from Name or Aliases) that a classifier must
	// not match on their own because they are also common words, person
	// names or other places ("Salvador", "Granada", "Regional").
	Ambiguous []string `json:"-"`
}

// Theme is a programme theme.
type Theme struct {
	Code  string `json:"code"`
	Name  Text   `json:"name"`
	Terms Terms  `json:"-"`
	// WeakTerms are words of the theme that most migration texts use in
	// passing ("children", "women", "protection"); they count less than
	// Terms.
	WeakTerms Terms `json:"-"`
}

// Action is one lettered action of a GCM objective.
type Action struct {
	Letter string `json:"letter"`
	Terms  Terms  `json:"-"`
}

// Objective is one of the 23 GCM objectives.
type Objective struct {
	Number int `json:"number"`
	// Title is the full title; Short is a label for facets.
	Title   Text     `json:"title"`
	Short   Text     `json:"short"`
	Terms   Terms    `json:"-"`
	Actions []Action `json:"-"`
}

// Principle is one of the GCM's 10 guiding principles.
type Principle struct {
	Code  string `json:"code"`
	Name  Text   `json:"name"`
	Terms Terms  `json:"-"`
}

// DocType is a document type.
type DocType struct {
	Code string `json:"code"`
	Name Text   `json:"name"`
	// Terms are cues in a title, a file name or the top of the first page
	// that name the type ("evaluation brief", "términos de referencia").
	Terms Terms `json:"-"`
	// WeakTerms suggest the type but also occur in other types' text
	// ("final evaluation", "guía"); they count less.
	WeakTerms Terms `json:"-"`
	// FileCues are tokens of a file name (split at "-", "_", "." and
	// spaces, lower-case) that suggest the type ("tor", "brief", "html").
	FileCues []string `json:"-"`
}

// Countries returns all countries, sorted by code.
func Countries() []Country { return countries }

// sortedCountries sorts by code; the tests check that codes are unique.
func sortedCountries(cs []Country) []Country {
	out := slices.Clone(cs)
	slices.SortFunc(out, func(a, b Country) int { return strings.Compare(a.Code, b.Code) })
	return out
}

// ProgrammeCountries returns the codes of the programme region's countries
// and territories (Country.Programme), sorted.
func ProgrammeCountries() []string {
	var out []string
	for _, c := range countries {
		if c.Programme {
			out = append(out, c.Code)
		}
	}
	return out
}

// Fold returns s lower-cased with diacritics removed ("Migración" ->
// "migracion", "Œuvre" -> "oeuvre", "Straße" -> "strasse"), the form in which
// the taxonomy's terms are matched.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < 0x80 {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
			continue
		}
		if f, ok := foldMap[r]; ok {
			b.WriteString(f)
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue // combining mark of a decomposed letter
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// foldMap maps accented Latin letters (both cases) and typographic
// variants to their plain lower-case form.
var foldMap = func() map[rune]string {
	m := map[rune]string{}
	groups := map[string]string{
		"a":  "àáâãäåāăąÀÁÂÃÄÅĀĂĄ",
		"ae": "æÆ",
		"c":  "çćĉċčÇĆĈĊČ",
		"d":  "ďđÐĎĐð",
		"e":  "èéêëēĕėęěÈÉÊËĒĔĖĘĚ",
		"g":  "ĝğġģĜĞĠĢ",
		"h":  "ĥħĤĦ",
		"i":  "ìíîïĩīĭįıÌÍÎÏĨĪĬĮİ",
		"j":  "ĵĴ",
		"k":  "ķĶ",
		"l":  "ĺļľŀłĹĻĽĿŁ",
		"n":  "ñńņňÑŃŅŇ",
		"o":  "òóôõöøōŏőÒÓÔÕÖØŌŎŐ",
		"oe": "œŒ",
		"r":  "ŕŗřŔŖŘ",
		"s":  "śŝşšșŚŜŞŠȘ",
		"ss": "ß",
		"t":  "ţťŧțŢŤŦȚ",
		"u":  "ùúûüũūŭůűųÙÚÛÜŨŪŬŮŰŲ",
		"w":  "ŵŴ",
		"y":  "ýÿŷÝŸŶ",
		"z":  "źżžŹŻŽ",
		"'":  "’‘ʼ`´ʻ",
		"-":  "‐‑‒–—",
	}
	for plain, letters := range groups {
		for _, r := range letters {
			m[r] = plain
		}
	}
	return m
}()

// Themes returns all themes.
func Themes() []Theme { return themes }

// Objectives returns the 23 GCM objectives in order.
func Objectives() []Objective { return objectives }

// Principles returns the 10 guiding principles.
func Principles() []Principle { return principles }

// DocTypes returns the document types.
func DocTypes() []DocType { return docTypes }

// CountryByCode finds a country by its code, case-insensitively.
func CountryByCode(code string) (Country, bool) {
	code = strings.ToUpper(code)
	for _, c := range countries {
		if c.Code == code {
			return c, true
		}
	}
	return Country{}, false
}

// ThemeByCode finds a theme by its code.
func ThemeByCode(code string) (Theme, bool) {
	for _, t := range themes {
		if t.Code == code {
			return t, true
		}
	}
	return Theme{}, false
}

// ObjectiveByNumber returns GCM objective n (1..23).
func ObjectiveByNumber(n int) (Objective, bool) {
	if n < 1 || n > len(objectives) {
		return Objective{}, false
	}
	return objectives[n-1], true
}

// PrincipleByCode finds a guiding principle by its code.
func PrincipleByCode(code string) (Principle, bool) {
	for _, p := range principles {
		if p.Code == code {
			return p, true
		}
	}
	return Principle{}, false
}

// DocTypeByCode finds a document type by its code.
func DocTypeByCode(code string) (DocType, bool) {
	for _, d := range docTypes {
		if d.Code == code {
			return d, true
		}
	}
	return DocType{}, false
}

// Languages are the document languages Faro knows.
var Languages = []struct {
	Code string
	Name Text
}{
	{"en", Text{EN: "English", ES: "Inglés", FR: "Anglais"}},
	{"es", Text{EN: "Spanish", ES: "Español", FR: "Espagnol"}},
	{"fr", Text{EN: "French", ES: "Francés", FR: "Français"}},
	{"pt", Text{EN: "Portuguese", ES: "Portugués", FR: "Portugais"}},
}
