// Package corpus is Faro's write use case over a corpus folder and a bleve
// index: building an index (beside the live one, then swapped in) or
// updating it in place, and, for a running server, the web.Writer that
// stores uploads, moves deleted originals out of the corpus, reindexes,
// and watches the folder for changes.
//
// It wires indexer (walk, extract, classify) to search/bleve and reports to
// search/web's metrics; search/... never imports it. Errors a client must
// act on are *search.Error.
package corpus
