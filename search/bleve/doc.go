// Package bleve implements search.Index on a bleve v2 index. It is the only
// package that imports bleve.
//
// Each document is one bleve document. Its title, summary and page texts are
// indexed once, in the fields of the document's language (title_es,
// body_es, ...; "xx" for other languages) with that language's stop words
// and stemmer followed by folding (case, accents, ñ), so "migracion" finds
// "migración" and "ninez" finds "niñez" with no second copy of the text.
// Queries run across the languages' fields. Facet fields are keyword-mapped.
// Page texts are indexed as arrays
// with term vectors: a match's array position is its page, which is how
// snippets carry page numbers. The whole search.Document is stored as JSON.
//
// The mapping carries a version (MappingVersion); an index built with another
// version is refused with ErrVersion rather than silently misread.
package bleve
