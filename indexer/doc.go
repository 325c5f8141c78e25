// Package indexer owns Faro's write side: it walks a corpus folder, extracts
// each file's text with the extractor of its format (indexer/extract),
// applies explicit metadata (sidecar NAME.meta.json files and HTML listing
// pages), classifies the rest (indexer/classify) and hands each finished
// search.Document to a search.Sink. A file that fails is reported and
// skipped; the run goes on.
package indexer
