package texttable

import (
	"context"

	"faro/search"
)

// Source is one immutable segment of an index, read once to build its
// table.
type Source interface {
	// Docs bounds the segment's document numbers: 0 <= n < Docs().
	Docs() int
	// Walk calls fn for every posting of every term of field: terms in
	// byte order, each term's postings by ascending document. fn must not
	// keep p.
	Walk(ctx context.Context, field string, fn func(term string, p *Posting) error) error
}

// Posting is one document holding a term.
type Posting struct {
	Doc uint32
	// Freq is how often the term occurs in the document's field.
	Freq uint32
	// Length is the field's length in the document, in terms.
	Length uint32
	// Positions are where the term stands, as Key(page, position),
	// ascending (text fields only).
	Positions []uint64
}

// Key packs a term's page (0-based) and position in the page's text so
// that one number orders them: phrases never cross pages.
func Key(page, pos uint64) uint64 { return page<<24 | pos&(1<<24-1) }

// KeyPage and KeyPos unpack a Key.
func KeyPage(k uint64) int { return int(k >> 24) }

// KeyPos returns the position part of a Key.
func KeyPos(k uint64) int { return int(k & (1<<24 - 1)) }

// TextField is an analysed text field of the index.
type TextField struct {
	Name string
	Kind search.TextField
	// Lang is the language whose analyser indexed the field.
	Lang string
}

// Schema names the fields a table is built from.
type Schema struct {
	Text []TextField
	// Facet is the keyword field of facet values, each "facet:value".
	Facet string
	// Date is the keyword field of dates (YYYY[-MM[-DD]]).
	Date string
	// ID is the keyword field of document ids.
	ID string
	// Phrase is the keyword field of documents' frequent phrases, each
	// "folded" + PhraseSep + "as written" ("" for none).
	Phrase string
}

// Token is a term an analyser makes of query text, at its position.
type Token struct {
	Term string
	Pos  int
}

// Analyzer analyses query text as a language's fields were analysed.
type Analyzer func(lang, text string) []Token
