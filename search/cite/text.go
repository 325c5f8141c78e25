package cite

import (
	"fmt"
	"strconv"
	"strings"

	"faro/search"
	"faro/search/taxonomy"
)

// texts are the formatters' words in the interface languages; French falls
// back to English where missing.
var texts = map[string]map[string]string{
	"en": {
		"evidence_pack":  "Evidence pack",
		"query":          "Query",
		"all_documents":  "(all documents)",
		"filters":        "Filters",
		"none":           "none",
		"generated":      "Generated",
		"documents":      "Documents",
		"documents_line": "%d matching; passages from the top %d",
		"search_page":    "Search",
		"objective":      "Objective",
		"other":          "Other evidence",
		"further":        "Further sources",
		"ordering":       "Objectives are ordered by weight of evidence: the sum of the relevance scores of their documents.",
		"no_evidence":    "No documents match.",
		"years":          "Years",
		"nd":             "n.d.",
		"publisher_url":  "Publisher URL",
		"feed_title":     "Faro",
		"feed_subtitle":  "Newest documents on migration in Central America, Mexico and the Caribbean matching this search",
		"contents":       "Contents",
		"passages":       "passages",
	},
	"es": {
		"evidence_pack":  "Paquete de evidencia",
		"query":          "Consulta",
		"all_documents":  "(todos los documentos)",
		"filters":        "Filtros",
		"none":           "ninguno",
		"generated":      "Generado",
		"documents":      "Documentos",
		"documents_line": "%d coinciden; pasajes de los %d primeros",
		"search_page":    "Búsqueda",
		"objective":      "Objetivo",
		"other":          "Otra evidencia",
		"further":        "Otras fuentes",
		"ordering":       "Los objetivos se ordenan por el peso de la evidencia: la suma de las puntuaciones de relevancia de sus documentos.",
		"no_evidence":    "Ningún documento coincide.",
		"years":          "Años",
		"nd":             "s. f.",
		"publisher_url":  "URL del editor",
		"feed_title":     "Faro",
		"feed_subtitle":  "Documentos más recientes sobre migración en Centroamérica, México y el Caribe que coinciden con esta búsqueda",
		"contents":       "Contenido",
		"passages":       "pasajes",
	},
	"fr": {
		"evidence_pack": "Dossier de preuves",
		"query":         "Requête",
		"filters":       "Filtres",
		"objective":     "Objectif",
		"other":         "Autres éléments",
		"nd":            "s. d.",
	},
}

// tr returns the text for key in lang, falling back to English.
func tr(lang, key string) string {
	if s, ok := texts[lang][key]; ok {
		return s
	}
	return texts["en"][key]
}

// uiLang normalises an interface language to "en", "es" or "fr".
func uiLang(lang string) string {
	switch lang {
	case "es", "fr":
		return lang
	}
	return "en"
}

// ObjectiveHeading returns the heading of GCM objective n in lang, e.g.
// "Objective 10 — Eradicate trafficking"; n = 0 is the "Other evidence"
// section.
func ObjectiveHeading(n int, lang string) string {
	lang = uiLang(lang)
	o, ok := taxonomy.ObjectiveByNumber(n)
	if !ok {
		return tr(lang, "other")
	}
	label := o.Short.Get(lang)
	if label == "" {
		label = o.Title.Get(lang)
	}
	return fmt.Sprintf("%s %d — %s", tr(lang, "objective"), n, label)
}

// DescribeFilters returns the filters and year bounds of q in words, e.g.
// "Country: Honduras; GCM objective: Eradicate trafficking", or "" when
// there are none.
func DescribeFilters(q search.Query, lang string) string {
	lang = uiLang(lang)
	var parts []string
	for _, f := range search.AllFacets() {
		vals := q.Filters[f.Name]
		if len(vals) == 0 {
			continue
		}
		labels := make([]string, 0, len(vals))
		for _, v := range vals {
			l := f.Label(v, lang)
			if f.Name == search.FacetGCM {
				l = v + " — " + l
			}
			labels = append(labels, l)
		}
		parts = append(parts, f.Title.Get(lang)+": "+strings.Join(labels, " / "))
	}
	switch {
	case q.YearFrom != 0 && q.YearTo != 0:
		parts = append(parts, fmt.Sprintf("%s: %d–%d", tr(lang, "years"), q.YearFrom, q.YearTo))
	case q.YearFrom != 0:
		parts = append(parts, fmt.Sprintf("%s: ≥ %d", tr(lang, "years"), q.YearFrom))
	case q.YearTo != 0:
		parts = append(parts, fmt.Sprintf("%s: ≤ %d", tr(lang, "years"), q.YearTo))
	}
	return strings.Join(parts, "; ")
}

// Slug returns a short ASCII name for q, for file names: the folded query
// words and filter values joined by "-" ("trata-hnd"), or "all".
func Slug(q search.Query) string {
	words := []string{q.Text}
	for _, f := range search.Facets {
		words = append(words, q.Filters[f]...)
	}
	if q.YearFrom != 0 || q.YearTo != 0 {
		words = append(words, strconv.Itoa(q.YearFrom), strconv.Itoa(q.YearTo))
	}
	var b strings.Builder
	dash := false
	for _, r := range taxonomy.Fold(strings.Join(words, " ")) {
		if ('a' <= r && r <= 'z') || ('0' <= r && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			if b.Len() >= 48 {
				break
			}
			continue
		}
		dash = true
	}
	s := strings.Trim(b.String(), "-")
	if s == "" || s == "0" {
		return "all"
	}
	return s
}

// keyStopWords are title words too common to name an entry.
var keyStopWords = map[string]bool{
	"the": true, "and": true, "for": true, "from": true, "with": true, "your": true, "about": true, "into": true,
	"los": true, "las": true, "del": true, "con": true, "para": true, "por": true, "una": true, "sobre": true, "que": true,
	"les": true, "des": true, "une": true, "pour": true, "dans": true, "sur": true, "aux": true, "est": true,
}

// citationKeys returns a unique BibTeX/CSL key for each item, in order:
// author, year and the first telling word of the title, folded to ASCII
// ("oim2020trata"); a repeated key gets a letter ("oim2018resumenb").
func citationKeys(items []Item) []string {
	used := map[string]bool{}
	keys := make([]string, len(items))
	for i := range items {
		base := keyBase(&items[i])
		key := base
		for n := 1; used[key]; n++ {
			if n < 26 {
				key = base + string(rune('a'+n))
			} else {
				key = base + "-" + strconv.Itoa(n)
			}
		}
		used[key] = true
		keys[i] = key
	}
	return keys
}

func keyBase(it *Item) string {
	author := ""
	if len(it.Authors) > 0 {
		a := it.Authors[0]
		// An organisation's acronym in parentheses names it best: "(OIM)".
		if i, j := strings.LastIndex(a, "("), strings.LastIndex(a, ")"); i >= 0 && j > i+1 {
			author = keyWord(a[i+1:j], 0)
		}
		if author == "" {
			author = keyWord(a, 0)
		}
	}
	if author == "" {
		author = "anon"
	}
	year := "nd"
	if it.Year > 0 {
		year = strconv.Itoa(it.Year)
	}
	word := ""
	for _, w := range asciiWords(it.Title) {
		if len(w) >= 3 && !keyStopWords[w] {
			word = w
			break
		}
	}
	if len(word) > 20 {
		word = word[:20]
	}
	return author + year + word
}

// keyWord returns the first ASCII word of s, folded, or "" when it has
// fewer than minLen characters.
func keyWord(s string, minLen int) string {
	words := asciiWords(s)
	if len(words) == 0 || len(words[0]) < max(minLen, 1) {
		return ""
	}
	return words[0]
}

// asciiWords folds s and splits it into runs of ASCII letters and digits.
func asciiWords(s string) []string {
	return strings.FieldsFunc(taxonomy.Fold(s), func(r rune) bool {
		return !('a' <= r && r <= 'z') && !('0' <= r && r <= '9')
	})
}
