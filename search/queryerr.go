package search

import "fmt"

// queryMessages are the messages of query errors by key and language; %s
// is the error's argument.
var queryMessages = map[string]map[string]string{
	"too_long":        {"en": "query is longer than %s bytes", "es": "la búsqueda tiene más de %s bytes", "fr": "la recherche dépasse %s octets"},
	"utf8":            {"en": "query is not valid UTF-8", "es": "la búsqueda no es UTF-8 válido", "fr": "la recherche n'est pas en UTF-8 valide"},
	"unexpected":      {"en": "unexpected %s", "es": "%s inesperado", "fr": "%s inattendu"},
	"unclosed_quote":  {"en": "unclosed quote", "es": "comillas sin cerrar", "fr": "guillemets non fermés"},
	"unknown_field":   {"en": "unknown field %s", "es": "campo desconocido %s", "fr": "champ inconnu %s"},
	"and_before":      {"en": "AND needs a term before it", "es": "AND necesita una palabra antes", "fr": "AND demande un mot avant"},
	"and_after":       {"en": "AND needs a term after it", "es": "AND necesita una palabra después", "fr": "AND demande un mot après"},
	"or_before":       {"en": "OR needs a term before it", "es": "OR necesita una palabra antes", "fr": "OR demande un mot avant"},
	"or_after":        {"en": "OR needs a term after it", "es": "OR necesita una palabra después", "fr": "OR demande un mot après"},
	"expected_term":   {"en": "expected a term", "es": "falta una palabra", "fr": "un mot est attendu"},
	"not_after":       {"en": "%s needs a term after it", "es": "%s necesita una palabra después", "fr": "%s demande un mot après"},
	"too_deep":        {"en": "parentheses nested too deeply", "es": "demasiados paréntesis anidados", "fr": "parenthèses trop imbriquées"},
	"empty_parens":    {"en": "empty parentheses", "es": "paréntesis vacíos", "fr": "parenthèses vides"},
	"unclosed_paren":  {"en": `unclosed "("`, "es": `"(" sin cerrar`, "fr": `"(" non fermée`},
	"empty_phrase":    {"en": "empty phrase", "es": "frase vacía", "fr": "expression vide"},
	"short_prefix":    {"en": "a prefix needs at least 2 letters before *", "es": "un prefijo necesita al menos 2 letras antes de *", "fr": "un préfixe demande au moins 2 lettres avant *"},
	"star_inside":     {"en": "* is only supported at the end of a word", "es": "* solo se admite al final de una palabra", "fr": "* n'est admis qu'à la fin d'un mot"},
	"prefix_on_field": {"en": "prefix search is not supported on field %s", "es": "el campo %s no admite búsqueda por prefijo", "fr": "le champ %s n'admet pas la recherche par préfixe"},
}

// atPosition says where an error is, by language.
var atPosition = map[string]string{"en": "%s at position %d", "es": "%s en la posición %d", "fr": "%s à la position %d"}

// queryErr makes the error of key with its argument at byte offset pos.
func queryErr(key, arg string, pos int) *QueryError {
	e := &QueryError{Key: key, Arg: arg, Pos: pos}
	e.Msg = e.message("en")
	return e
}

func (e *QueryError) message(lang string) string {
	t, ok := queryMessages[e.Key][lang]
	if !ok {
		return e.Msg
	}
	if e.Arg != "" {
		return fmt.Sprintf(t, e.Arg)
	}
	return t
}

// Localized gives the message in lang ("en", "es", "fr"), with its
// 1-based position when known; English for other languages and for
// errors without a key.
func (e *QueryError) Localized(lang string) string {
	if _, ok := atPosition[lang]; !ok {
		lang = "en"
	}
	msg := e.message(lang)
	if e.Key == "" {
		msg = e.Msg
	}
	if e.Pos >= 0 {
		return fmt.Sprintf(atPosition[lang], msg, e.Pos+1)
	}
	return msg
}
