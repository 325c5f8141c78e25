// Package search owns Faro's read model and its contract: the Document that
// the indexer produces, the Query a user asks, the Result the engine answers,
// and the semantics of facets. Engines (search/bleve) implement Index; the
// HTTP layer (search/web) depends only on this package.
//
// Facet semantics: values of one facet combine with OR, different facets
// combine with AND. Facet counts are disjunctive: the counts of a facet ignore
// that facet's own selection, so a user can always widen a selection.
package search

import (
	"context"
	"errors"
	"strconv"
	"time"
)

// Document is one knowledge product as indexed: metadata, classification and
// the extracted text, page by page.
type Document struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Summary string `json:"summary,omitempty"`
	// Type is a document type code from the taxonomy (e.g. "knowledge-uptake").
	Type string `json:"type,omitempty"`
	// Lang is the document's main language: "en", "es" or "fr".
	Lang string `json:"lang,omitempty"`
	Year int    `json:"year,omitempty"`
	// Date is the publication date as YYYY-MM-DD, YYYY-MM or YYYY when known.
	Date string `json:"date,omitempty"`
	// Source is the path of the original file relative to the corpus folder,
	// with forward slashes.
	Source string `json:"source"`
	// Format is the detected file format: "pdf", "html", "markdown" or "text".
	Format string `json:"format,omitempty"`
	// SourceURL is where the document is published, when known.
	SourceURL string `json:"source_url,omitempty"`
	Author    string `json:"author,omitempty"`
	// Publisher is the organisation that publishes the document, as its
	// cover or colophon names it (or its sidecar says).
	Publisher  string   `json:"publisher,omitempty"`
	Countries  []string `json:"countries"`
	Themes     []string `json:"themes"`
	GCM        []int    `json:"gcm"`
	Principles []string `json:"principles"`
	// Labels carry the evidence behind each classification value.
	Labels []Label `json:"labels,omitempty"`
	// NotKept are the strongest countries and GCM objectives the text
	// mentions that the classifier did not keep, each with its evidence
	// and the Reason it was not kept (a country named only as a
	// destination, an objective below the threshold).
	NotKept []Label `json:"not_kept,omitempty"`
	Pages   []Page  `json:"pages"`
	// Flags name what a reader should know about the extraction
	// (e.g. "no-text-layer", "garbled-page:3").
	Flags []string `json:"flags,omitempty"`
	// Engine names the extractor that produced the text.
	Engine string `json:"engine,omitempty"`
	// Hash identifies the content the document was built from; the
	// indexer uses it to skip unchanged files.
	Hash string `json:"hash,omitempty"`
}

// Page is the text of one page (PDF) or one section (other formats).
type Page struct {
	// Number is 1-based.
	Number int    `json:"number"`
	Text   string `json:"text"`
	Lang   string `json:"lang,omitempty"`
	// OCR is set when the page's text was recognised from its image (a
	// scan, or text drawn as outlines) rather than read from a text layer.
	OCR bool `json:"ocr,omitempty"`
	// Confidence is the recogniser's mean word confidence on an OCR page,
	// 0-100; below LowOCRConfidence the page is flagged as poorly read.
	Confidence float64 `json:"ocr_confidence,omitempty"`
}

// LowOCRConfidence: an OCR page whose Confidence is below it was poorly
// recognised (it is indexed all the same, and flagged).
const LowOCRConfidence = 70

// LowConfidence reports whether the page was recognised from its image
// with a low confidence.
func (p Page) LowConfidence() bool { return p.OCR && p.Confidence < LowOCRConfidence }

// Label is one classification value of a document with the evidence for it.
type Label struct {
	// Facet is one of the Facet* names.
	Facet string `json:"facet"`
	// Value is the code (ISO-3 country, theme code, GCM number as text, ...).
	Value string `json:"value"`
	// Given is true when explicit metadata (sidecar, listing page) set the
	// value; false when the classifier inferred it.
	Given bool `json:"given"`
	// Source says where a given value came from ("sidecar", "listing", "pdf-info")
	// or which classifier inferred it.
	Source string  `json:"source,omitempty"`
	Score  float64 `json:"score,omitempty"`
	// Evidence lists the matches that support the value.
	Evidence []Evidence `json:"evidence,omitempty"`
	// Reason says why a value of Document.NotKept was not kept; empty
	// for the values a document carries.
	Reason string `json:"reason,omitempty"`
	// ReasonCode is Reason as a code of NotKeptReasons (ReasonBelowScore,
	// ...), with its ReasonArgs, for rendering it in other languages.
	ReasonCode string   `json:"reason_code,omitempty"`
	ReasonArgs []string `json:"reason_args,omitempty"`
}

// Evidence is one matched term and where it was found.
type Evidence struct {
	Term string `json:"term"`
	// Where is "title", "summary" or "body".
	Where string `json:"where"`
	// Pages lists the 1-based pages the term occurs on.
	Pages []int `json:"pages,omitempty"`
	Count int   `json:"count"`
	// Ref points into the taxonomy, e.g. the GCM action "10(c)".
	Ref string `json:"ref,omitempty"`
}

// Sort orders results.
type Sort string

// Sort orders.
const (
	SortRelevance Sort = "relevance"
	SortDateDesc  Sort = "date_desc"
	SortDateAsc   Sort = "date_asc"
)

// Limits on paging.
const (
	DefaultSize = 10
	MaxSize     = 100
	// MaxDepth is how deep page/size paging may reach.
	MaxDepth = 10000
)

// Query is what a user asks. The zero value (with Size set) matches every
// document.
type Query struct {
	// Text is the query in Faro's query language (see ParseQuery). Empty
	// matches all documents.
	Text string
	// Filters maps a facet name to the selected values. Values of one facet
	// combine with OR; facets combine with AND.
	Filters map[string][]string
	// YearFrom and YearTo bound the publication year, inclusive; 0 = open.
	YearFrom, YearTo int
	Sort             Sort
	// Page is 1-based; Size is 1..MaxSize.
	Page, Size int
	// Snippets is the maximum number of snippets per hit (0 = none).
	Snippets int
	// Cursor continues a previous result after its last hit (its
	// NextCursor) instead of paging by Page; it reaches past MaxDepth.
	Cursor string
	// Explain asks for each hit's score explanation.
	Explain bool
	// AllWords requires every word typed side by side (match=all). By
	// default documents holding most of a query's words match too, ranked
	// after those holding all of them (Result.Matched says which).
	AllWords bool
	// NoTypos turns typo tolerance off (typos=0): a word no document holds
	// is otherwise searched as its closest spelling in the index.
	NoTypos bool
}

// Result is the answer to a Query.
type Result struct {
	Total uint64 `json:"total"`
	// Matched is "all" when the hits hold every word of the query, "some"
	// when no document holds them all and the hits hold most of them.
	Matched string `json:"matched,omitempty"`
	// DidYouMean is the query with its misspelt words written as the
	// documents that matched write them, when typos were corrected.
	DidYouMean string `json:"did_you_mean,omitempty"`
	// NextCursor continues after the last hit, "" when there are no more.
	NextCursor string                  `json:"next_cursor,omitempty"`
	Took       time.Duration           `json:"-"`
	Hits       []Hit                   `json:"hits"`
	Facets     map[string][]FacetCount `json:"facets"`
}

// Result.Matched values.
const (
	MatchedAll  = "all"
	MatchedSome = "some"
)

// Hit is one matching document with its best passages.
type Hit struct {
	ID         string    `json:"id"`
	Score      float64   `json:"score"`
	Title      string    `json:"title"`
	Summary    string    `json:"summary,omitempty"`
	Type       string    `json:"type"`
	Lang       string    `json:"lang"`
	Year       int       `json:"year,omitempty"`
	Date       string    `json:"date,omitempty"`
	Source     string    `json:"source"`
	Author     string    `json:"author,omitempty"`
	SourceURL  string    `json:"source_url,omitempty"`
	Countries  []string  `json:"countries"`
	Themes     []string  `json:"themes"`
	GCM        []int     `json:"gcm"`
	Principles []string  `json:"principles"`
	Snippets   []Snippet `json:"snippets"`
	// Explanation is the engine's account of the score, when asked for.
	Explanation any `json:"explanation,omitempty"`
}

// Snippet is a passage of a page: its text in runs, the matches marked.
// In JSON it also carries "text", the passage as HTML (see HTML).
type Snippet struct {
	Page     int       `json:"page"`
	Segments []Segment `json:"segments"`
	// OCR is set when the page's text was recognised from its image;
	// Confidence is then the recogniser's mean word confidence (0-100).
	OCR        bool    `json:"ocr,omitempty"`
	Confidence float64 `json:"ocr_confidence,omitempty"`
}

// FacetCount is one value of a facet with the number of matching documents.
type FacetCount struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// Index is a searchable collection of documents.
type Index interface {
	Search(ctx context.Context, q Query) (*Result, error)
	// Document returns the stored document, or ErrNotFound.
	Document(ctx context.Context, id string) (*Document, error)
	// Count returns how many documents the index holds.
	Count(ctx context.Context) (uint64, error)
}

// FrequentPhrase is a phrase frequent in the collection: suggestions offer it.
type FrequentPhrase struct {
	Text string
	// Count is how many documents repeat it.
	Count int
}

// Sink receives documents to index. The indexer writes to it.
type Sink interface {
	Put(ctx context.Context, doc *Document) error
}

// ErrNotFound reports an unknown document.
var ErrNotFound = errors.New("document not found")

// QueryError reports a query the user must fix (bad syntax, bad parameter).
// Pos is the 0-based byte offset in the query text, or -1.
type QueryError struct {
	Msg string
	Pos int
	// Key names the message for Localized ("" for none); Arg fills it.
	Key, Arg string
}

// Error gives the message with its 1-based position when known.
func (e *QueryError) Error() string {
	if e.Pos >= 0 {
		return e.Msg + " at position " + strconv.Itoa(e.Pos+1)
	}
	return e.Msg
}
