// Package texttable answers Faro's searches from memory. A Segment holds,
// for one immutable segment of an index, the postings and positions of
// every text field and each document's facet values, date and id; it is
// built once from a Source and never changes. A View assembles the
// segments of one index snapshot with that snapshot's deletions, and
// evaluates a compiled search.Plan over dense per-document arrays: BM25
// term scores, the plan's boosts and combinations, facet filters and
// disjunctive counts as popcounts over a bitset per facet value, the top
// hits by score or date, and cursors. When few documents pass a search's
// filters, only they are scored: the others match (for facet counts)
// without a score, as they can never be hits.
//
// A View keeps what searches read again: the scored sets of the root's
// children (a word with its translations) from their second evaluation
// on, whole, in single precision, whatever the filters; and the
// documents holding each phrase. A write makes a new View, which starts
// with the phrases the one before kept, valid in the segments both begin
// with; it reads the other segments when a phrase is searched. After a
// write that changes few documents (a hundredth at most) the new View
// also keeps the one before's statistics (N, average field lengths,
// document frequencies over the same segments, a small tail of uploads
// left out so that merging them changes nothing; stats.go), as Lucene
// counts deleted documents until a merge: the sets it kept whose scores
// are their terms' (words, phrases, disjunctions and conjunctions of
// them: portable, portableRoot) hold the same scores, and are completed
// with the new segments' documents at their next search. A snapshot with the same segments and
// deletions (a segment persisted) keeps its View. Each segment keeps the
// typo corrections it found.
//
// A write to the index adds a small segment: the next View reuses every
// table it already has and builds only the new one, so searches stay fast
// while the index changes. A segment's postings, positions, terms and typo
// index hold no pointer and live outside the Go heap (offheap.go), so
// that the collector neither scans them nor lets the garbage of searches
// grow by as much; they are unmapped once the segment is unreachable,
// which the View's entry points guard until they return. Bodies'
// positions and the typo indexes, most of a table and read only for
// phrases, the marks of shown hits and corrections, go to unnamed files
// of a directory (Options.Dir, the index's) and are mapped from there
// (spill_unix.go): their pages are the kernel's page cache, which it
// reclaims, not memory of the process's own.
//
// The package knows nothing of bleve: the engine adapter implements Source
// over its segments and Analyzer over its analysers, and tests use small
// fakes of both.
package texttable
