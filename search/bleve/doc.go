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
// Facets are counted from an in-memory facet table (facettable.go): for the
// current index snapshot, each document's facet value ids, year, date and id
// by internal document number, rebuilt in the background when the snapshot
// changes (the original path serves meanwhile). A search runs its text query
// once with the filters as optional clauses (so scores equal those of the
// filters as a conjunction); the table applies the filters to every match,
// counts every facet, disjunctive counts included, and feeds the matches
// that pass to bleve's top-N collector. FARO_FACET_TABLE=0 in the
// environment (or Index.SetFacetTable(false)) turns it off: then each
// selected facet is counted by its own request and facets come from doc
// values. Explained searches always take that original path.
//
// Searches are matched and scored from an in-memory text table
// (memtext.go, memeval.go, memsearch.go, memhits.go) once it is built for the
// current snapshot: the postings of every text field, read from bleve's own,
// evaluated over dense per-document arrays with bleve's BM25 arithmetic, and
// facets counted by popcounts over per-value bitsets. The shown hits'
// documents and snippet offsets are read from the same snapshot. Until the
// table is ready, with FARO_TEXT_TABLE=0, and for explained searches,
// bleve's searchers answer as described above.
//
// The mapping carries a version (MappingVersion); an index built with another
// version is refused with ErrVersion rather than silently misread.
package bleve
