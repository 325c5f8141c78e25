// Package taxonomy holds Faro's controlled vocabularies: countries (ISO 3166-1
// alpha-3 plus REG and GLB), programme themes, the 23 objectives and 10
// guiding principles of the Global Compact for Safe, Orderly and Regular
// Migration (GCM), and document types, each with English, Spanish and French
// labels. It is data reviewed like code; the classifier and the web layer read
// it, nothing writes it.
package taxonomy

import (
	"strconv"
	"strings"
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

// Country is a country or territory, or one of the pseudo-codes REG
// (regional) and GLB (global).
type Country struct {
	Code string `json:"code"`
	Name Text   `json:"name"`
	// Aliases are other names and spellings, all languages mixed.
	Aliases  []string `json:"aliases,omitempty"`
	Demonyms []string `json:"demonyms,omitempty"`
	Capitals []string `json:"capitals,omitempty"`
	// Region is a grouping for display, e.g. "central-america", "caribbean".
	Region string `json:"region,omitempty"`
}

// Theme is a programme theme.
type Theme struct {
	Code  string `json:"code"`
	Name  Text   `json:"name"`
	Terms Terms  `json:"-"`
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
	Code  string `json:"code"`
	Name  Text   `json:"name"`
	Terms Terms  `json:"-"`
}

// Countries returns all countries, sorted by code.
func Countries() []Country { return countries }

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
}

// Label returns the display label of a facet value in lang, or the value
// itself when the taxonomy does not know it.
func Label(facet, value, lang string) string {
	switch facet {
	case "country":
		if c, ok := CountryByCode(value); ok {
			return c.Name.Get(lang)
		}
	case "theme":
		if t, ok := ThemeByCode(value); ok {
			return t.Name.Get(lang)
		}
	case "gcm":
		if n, err := strconv.Atoi(value); err == nil {
			if o, ok := ObjectiveByNumber(n); ok {
				return o.Short.Get(lang)
			}
		}
	case "principle":
		if p, ok := PrincipleByCode(value); ok {
			return p.Name.Get(lang)
		}
	case "type":
		if d, ok := DocTypeByCode(value); ok {
			return d.Name.Get(lang)
		}
	case "lang":
		for _, l := range Languages {
			if l.Code == value {
				return l.Name.Get(lang)
			}
		}
	}
	return value
}

// Valid reports whether value is a known code of facet. Years are checked
// by the caller.
func Valid(facet, value string) bool {
	switch facet {
	case "country":
		_, ok := CountryByCode(value)
		return ok
	case "theme":
		_, ok := ThemeByCode(value)
		return ok
	case "gcm":
		n, err := strconv.Atoi(value)
		return err == nil && n >= 1 && n <= len(objectives)
	case "principle":
		_, ok := PrincipleByCode(value)
		return ok
	case "type":
		_, ok := DocTypeByCode(value)
		return ok
	case "lang":
		for _, l := range Languages {
			if l.Code == value {
				return true
			}
		}
	}
	return false
}
