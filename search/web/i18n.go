package web

import "faro/search"

// messages are the page's strings in the interface languages. Every key
// exists in both; TestMessagesComplete checks it. The facets' names
// ("facet_country", ...) come from the facet registry (search.Facet.Title).
var messages = withReasons(withFacetNames(map[string]map[string]string{
	"en": {
		"tagline":              "Evidence on migration in Central America, Mexico and the Caribbean",
		"skip":                 "Skip to content",
		"switch_label":         "Language",
		"search":               "Search",
		"search_label":         "Search the documents",
		"placeholder":          "e.g. trata, \"Plan your Life\", return OR retorno",
		"help":                 `Documents with all the words come first, then those with most of them. "Quotes" for a phrase, +word to require a word, OR for either word, -word to exclude, migra* for word beginnings, country:HND or gcm:10 for a field.`,
		"syntax":               "More search tips",
		"syntax_you":           "You type",
		"syntax_finds":         "It finds",
		"syntax_1":             "the word with or without accents, in any form (migración, migraciones)",
		"syntax_2":             "documents with both words",
		"syntax_3":             "either word",
		"syntax_4":             "the exact phrase",
		"syntax_5":             "documents without the word",
		"syntax_6":             "words that start with migra",
		"syntax_7":             "a field: country, gcm, theme, type, lang, year, title",
		"results_h":            "Search results",
		"active_filters":       "Active filters",
		"gcm_full":             "Global Compact for Safe, Orderly and Regular Migration",
		"filters":              "Filters",
		"clear":                "Clear all filters",
		"clear_facet":          "clear",
		"selected":             "selected",
		"show_all":             "Show all",
		"results":              "results",
		"result":               "result",
		"results_for":          "for",
		"showing":              "showing",
		"past_end":             "This page is past the last result.",
		"first_page":           "Go to the first page",
		"no_results":           "No documents match this search.",
		"matched_some":         "No document holds every word: showing documents that match some of your words.",
		"matched_all_link":     "Only documents with all the words",
		"did_you_mean":         "Searched with corrected spelling. Did you mean:",
		"no_results_tip":       "Remove a filter to widen it:",
		"drop_query":           "Show the documents for these filters without the words",
		"no_results_help":      "Try fewer or other words (trafficking, trata), check the spelling, or search in another language.",
		"sort":                 "Sort by",
		"relevance":            "Relevance",
		"date_desc":            "Newest first",
		"date_asc":             "Oldest first",
		"year_range":           "Years",
		"from":                 "From",
		"to":                   "To",
		"apply":                "Apply",
		"page":                 "Page",
		"pagination":           "Result pages",
		"prev":                 "Previous",
		"next":                 "Next",
		"pdf_page":             "PDF",
		"ocr_page":             "text recognised from a scan",
		"ocr_confidence":       "confidence",
		"ocr_low":              "poorly recognised: words may be wrong",
		"download":             "Download the original",
		"switch":               "Español",
		"facet_title":          "Title",
		"facet_summary":        "Summary",
		"facet_date":           "Date",
		"facet_author":         "Author",
		"remove":               "remove filter",
		"export":               "Export and cite",
		"citations":            "Citations",
		"evidence_pack":        "Evidence pack",
		"feed":                 "Atom feed of this search",
		"pages":                "Text by page",
		"page_nav":             "Go to page",
		"classification":       "Classification and its evidence",
		"classification_intro": "Why the document carries each label: the words found, where, and on which pages.",
		"evidence":             "Evidence",
		"given":                "given in the metadata",
		"inferred":             "inferred from the text",
		"no_evidence":          "No evidence recorded.",
		"not_kept":             "Mentioned, not kept",
		"not_kept_because":     "Not kept:",
		"score":                "score",
		"in":                   "in",
		"on_pages":             "pages",
		"on_page":              "page",
		"times":                "times",
		"gcm_action":           "GCM action",
		"where_title":          "the title",
		"where_summary":        "the summary",
		"where_body":           "the text",
		"where_filename":       "the file name",
		"where_metadata":       "the metadata",
		"src_classifier":       "classifier",
		"src_sidecar":          "metadata file",
		"src_listing":          "listing page",
		"src_pdf-metadata":     "PDF properties",
		"src_pdf-info":         "PDF properties",
		"back":                 "Back to the results",
		"new_search":           "New search",
		"metadata":             "Details",
		"provenance":           "Where the metadata comes from",
		"source":               "File",
		"author":               "Author",
		"format":               "Format",
		"format_pdf":           "PDF",
		"format_html":          "Web page",
		"format_markdown":      "Text (Markdown)",
		"format_text":          "Text",
		"page_count":           "Pages",
		"flags":                "Notes on the text",
		"flag_no-text-layer":   "no text layer (scanned)",
		"flag_garbled-page":    "garbled text",
		"view_published":       "Where it was published",
		"view_listing":         "Listed on",
		"err_404":              "Not found",
		"err_410":              "Removed",
		"removed_on":           "This document was removed from the collection on",
		"err_500":              "Something went wrong on our side",
		"query_error":          "The search could not be read. Check it and try again:",
		"error":                "Something is wrong with this request",
		"more":                 "More like this",
		"more_intro":           "Same GCM objective and country.",
		"see_all":              "See all similar documents",
		"published":            "Published",
		"page_n":               "p.",
		"marked":               "Marked:",
		"matches_on":           "found on pages",
		"no_matches":           "not found in the text",
		"unmark":               "Remove the marks",
		"translations_matched": "Also found as synonyms or translations of your words:",
		"from_dictionary":      "bilingual dictionary",
		"api":                  "API",
		"api_description":      "API description (OpenAPI)",
	},
	"es": {
		"tagline":              "Evidencia sobre migración en Centroamérica, México y el Caribe",
		"skip":                 "Saltar al contenido",
		"switch_label":         "Idioma",
		"search":               "Buscar",
		"search_label":         "Buscar en los documentos",
		"placeholder":          "p. ej. trata, \"Migrar Informados\", retorno OR return",
		"help":                 `Primero los documentos con todas las palabras, luego los que tienen la mayoría. "Comillas" para una frase, +palabra para exigir una palabra, OR para una u otra palabra, -palabra para excluir, migra* para comienzos de palabra, country:HND o gcm:10 para un campo.`,
		"syntax":               "Más consejos de búsqueda",
		"syntax_you":           "Si escribe",
		"syntax_finds":         "Encuentra",
		"syntax_1":             "la palabra con o sin tildes, en cualquier forma (migración, migraciones)",
		"syntax_2":             "documentos con ambas palabras",
		"syntax_3":             "una u otra palabra",
		"syntax_4":             "la frase exacta",
		"syntax_5":             "documentos sin la palabra",
		"syntax_6":             "palabras que empiezan por migra",
		"syntax_7":             "un campo: country, gcm, theme, type, lang, year, title",
		"results_h":            "Resultados de la búsqueda",
		"active_filters":       "Filtros activos",
		"gcm_full":             "Pacto Mundial para una Migración Segura, Ordenada y Regular",
		"filters":              "Filtros",
		"clear":                "Quitar todos los filtros",
		"clear_facet":          "quitar",
		"selected":             "seleccionado",
		"show_all":             "Ver todos",
		"results":              "resultados",
		"result":               "resultado",
		"results_for":          "para",
		"showing":              "se muestran",
		"past_end":             "Esta página está después del último resultado.",
		"first_page":           "Ir a la primera página",
		"no_results":           "Ningún documento coincide con esta búsqueda.",
		"matched_some":         "Ningún documento contiene todas las palabras: se muestran documentos que contienen algunas de sus palabras.",
		"matched_all_link":     "Solo documentos con todas las palabras",
		"did_you_mean":         "Se buscó con la ortografía corregida. Quiso decir:",
		"no_results_tip":       "Quite un filtro para ampliarla:",
		"drop_query":           "Ver los documentos de estos filtros sin las palabras",
		"no_results_help":      "Pruebe con menos palabras u otras (trata, trafficking), revise la ortografía o busque en otro idioma.",
		"sort":                 "Ordenar por",
		"relevance":            "Relevancia",
		"date_desc":            "Más recientes",
		"date_asc":             "Más antiguos",
		"year_range":           "Años",
		"from":                 "Desde",
		"to":                   "Hasta",
		"apply":                "Aplicar",
		"page":                 "Página",
		"pagination":           "Páginas de resultados",
		"prev":                 "Anterior",
		"next":                 "Siguiente",
		"pdf_page":             "PDF",
		"ocr_page":             "texto reconocido de un escaneo",
		"ocr_confidence":       "confianza",
		"ocr_low":              "reconocimiento deficiente: puede haber palabras erróneas",
		"download":             "Descargar el original",
		"switch":               "English",
		"facet_title":          "Título",
		"facet_summary":        "Resumen",
		"facet_date":           "Fecha",
		"facet_author":         "Autor",
		"remove":               "quitar el filtro",
		"export":               "Exportar y citar",
		"citations":            "Citas",
		"evidence_pack":        "Paquete de evidencia",
		"feed":                 "Canal Atom de esta búsqueda",
		"pages":                "Texto por página",
		"page_nav":             "Ir a la página",
		"classification":       "Clasificación y su evidencia",
		"classification_intro": "Por qué el documento lleva cada etiqueta: las palabras encontradas, dónde y en qué páginas.",
		"evidence":             "Evidencia",
		"given":                "dado en los metadatos",
		"inferred":             "inferido del texto",
		"no_evidence":          "No hay evidencia registrada.",
		"not_kept":             "Mencionados, no retenidos",
		"not_kept_because":     "No retenido:",
		// The reasons a value was not kept (search.NotKeptReasons; the
		// English ones come from there).
		"reason_" + search.ReasonBelowScore:   "puntuación {0} inferior al mínimo de {1}",
		"reason_" + search.ReasonFewTerms:     "menos de {0} términos distintos",
		"reason_" + search.ReasonFewMentions:  "demasiado pocas menciones",
		"reason_" + search.ReasonBelowShare:   "puntuación {0} inferior al {1} % de la del valor más fuerte",
		"reason_" + search.ReasonBeyondMax:    "fuera de los {0} valores más fuertes",
		"reason_" + search.ReasonDemonymOnly:  "solo un gentilicio o la capital, nunca el nombre del país",
		"reason_" + search.ReasonDestination:  "nombrado sobre todo como destino ({0} de {1} menciones)",
		"reason_" + search.ReasonTitleOnly:    "nombrado solo en el título, nunca en el texto",
		"reason_" + search.ReasonAfterLead:    "nombrado por primera vez después del inicio de un informe largo",
		"reason_" + search.ReasonRegionMember: "uno de {0} países de la región: REG (Regional) los representa",
		"reason_" + search.ReasonWorldMember:  "uno de {0} países de {1} continentes: GLB (Global) los representa",
		"score":                               "puntuación",
		"in":                                  "en",
		"on_pages":                            "páginas",
		"on_page":                             "página",
		"times":                               "veces",
		"gcm_action":                          "acción del Pacto",
		"where_title":                         "el título",
		"where_summary":                       "el resumen",
		"where_body":                          "el texto",
		"where_filename":                      "el nombre del archivo",
		"where_metadata":                      "los metadatos",
		"src_classifier":                      "clasificador",
		"src_sidecar":                         "archivo de metadatos",
		"src_listing":                         "página de listado",
		"src_pdf-metadata":                    "propiedades del PDF",
		"src_pdf-info":                        "propiedades del PDF",
		"back":                                "Volver a los resultados",
		"new_search":                          "Nueva búsqueda",
		"metadata":                            "Datos",
		"provenance":                          "De dónde vienen los metadatos",
		"source":                              "Archivo",
		"author":                              "Autor",
		"format":                              "Formato",
		"format_pdf":                          "PDF",
		"format_html":                         "Página web",
		"format_markdown":                     "Texto (Markdown)",
		"format_text":                         "Texto",
		"page_count":                          "Páginas",
		"flags":                               "Notas sobre el texto",
		"flag_no-text-layer":                  "sin capa de texto (escaneado)",
		"flag_garbled-page":                   "texto ilegible",
		"view_published":                      "Dónde se publicó",
		"view_listing":                        "Página que lo lista",
		"err_404":                             "No encontrado",
		"err_410":                             "Eliminado",
		"removed_on":                          "Este documento fue retirado de la colección el",
		"err_500":                             "Algo falló de nuestro lado",
		"query_error":                         "No se pudo leer la búsqueda. Revísela e intente de nuevo:",
		"error":                               "Hay un problema con esta solicitud",
		"more":                                "Documentos similares",
		"more_intro":                          "Mismo objetivo del Pacto y mismo país.",
		"see_all":                             "Ver todos los documentos similares",
		"published":                           "Publicado",
		"page_n":                              "p.",
		"marked":                              "Resaltado:",
		"matches_on":                          "aparece en las páginas",
		"no_matches":                          "no aparece en el texto",
		"unmark":                              "Quitar el resaltado",
		"translations_matched":                "También encontrado como sinónimos o traducciones de sus palabras:",
		"from_dictionary":                     "diccionario bilingüe",
		"api":                                 "API",
		"api_description":                     "Descripción de la API (OpenAPI)",
	},
}))

// withFacetNames adds each facet's name, "facet_" + its name, in every
// interface language of m.
// withReasons adds the English templates of the reasons a value was not
// kept (search.NotKeptReasons) as "reason_CODE" messages.
func withReasons(m map[string]map[string]string) map[string]map[string]string {
	for code, text := range search.NotKeptReasons {
		m["en"]["reason_"+code] = text
	}
	return m
}

// reasonText returns why l (a value of Document.NotKept) was not kept, in
// lang: its reason code's message with its arguments, or the stored
// English Reason for a code without one (a document indexed before the
// codes).
func reasonText(lang string, l search.Label) string {
	if l.ReasonCode == "" {
		return l.Reason
	}
	t := msgOr(lang, "reason_"+l.ReasonCode, "")
	if t == "" {
		return l.Reason
	}
	return search.FillReason(t, l.ReasonArgs)
}

func withFacetNames(m map[string]map[string]string) map[string]map[string]string {
	for lang, texts := range m {
		for _, f := range search.AllFacets() {
			texts["facet_"+f.Name] = f.Title.Get(lang)
		}
	}
	return m
}

// msg returns the message key in lang, falling back to English, then to
// the key itself.
func msg(lang, key string) string {
	return msgOr(lang, key, key)
}

// msgOr returns the message key in lang, falling back to English, then to
// def.
func msgOr(lang, key, def string) string {
	if m, ok := messages[lang][key]; ok {
		return m
	}
	if m, ok := messages["en"][key]; ok {
		return m
	}
	return def
}
