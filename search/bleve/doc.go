// Package bleve implements search.Index on a bleve v2 index. It is the only
// package that imports bleve.
//
// Each document is one bleve document. Its title, summary and page texts are
// indexed twice: once with the analyser of the document's language
// (title_es, body_es, ... with stemming and stop words) and once folded
// (title_fold, body_fold: lower-cased, accents and ñ folded, no stemming), so
// "migracion" finds "migración" and "ninez" finds "niñez". Queries run across
// both. Facet fields are keyword-mapped. Page texts are indexed as arrays
// with term vectors: a match's array position is its page, which is how
// snippets carry page numbers. The whole search.Document is stored as JSON.
//
// The mapping carries a version (MappingVersion); an index built with another
// version is refused with ErrVersion rather than silently misread.
package bleve
