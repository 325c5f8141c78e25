// Package bleve implements search.Index on a bleve v2 index. It is the only
// package that imports bleve.
//
// Each document is one bleve document. Its title, summary and page texts are
// indexed once, in the fields of the document's language (title_es,
// body_es, ...; "xx" for other languages) with that language's stop words
// and stemmer followed by folding (case, accents, ñ), so "migracion" finds
// "migración" and "ninez" finds "niñez" with no second copy of the text.
// A document's page texts are indexed as one value with term vectors, each
// word's position numbering its page and its place in the page (pages.go),
// which is how snippets carry page numbers and phrases stay within a page. Every
// facet value lives in one keyword field as "facet:value". A compact copy
// of what a hit shows is stored beside the whole search.Document.
//
// Bleve stores the index; it does not evaluate searches. A search is
// compiled into a search.Plan (every ranking rule lives there) and
// evaluated by internal/texttable over the current snapshot's View: the
// in-memory tables of the snapshot's segments (tables.go), each read once
// from bleve's own postings, so they agree with the index by construction.
// A write builds the table of its new segment only; the View that holds it
// is current before the write returns. The shown hits' stored fields are
// read by document number from the View's snapshot, and their snippet
// offsets come from the table's positions and a walk over the page's words
// with the tokenizer that indexed them.
//
// The mapping carries a version (MappingVersion); an index built with another
// version is refused with ErrVersion rather than silently misread.
package bleve
