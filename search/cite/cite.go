// Package cite turns search results into things a GCM consultation team can
// cite: bibliographies (BibTeX, RIS, CSL-JSON, CSV), evidence packs that
// group the strongest page-numbered passages by GCM objective (Markdown,
// HTML, CSV) and Atom feeds of the newest matching documents.
//
// It is engine-neutral: it reads results through search.Index, so the HTTP
// layer (search/web) and the command line (cmd/faro) share one
// implementation. Formatters are pure functions of their input (the caller
// passes the clock), so their output is stable and testable.
package cite

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"faro/search"
	"faro/search/taxonomy"
)

// Item is one document to cite, with the passages that matched.
type Item struct {
	// ID is the document's Faro identifier.
	ID    string
	Title string
	// Summary is the document's summary as plain text, when known.
	Summary string
	// Authors are the document's authors as displayed names, usually one
	// organisation. Each is cited as given (a "literal" name), never split
	// into given and family names.
	Authors []string
	// Publisher is the document's publisher, or IOM named in the
	// document's language when it names none.
	Publisher string
	Year      int
	// Date is YYYY-MM-DD, YYYY-MM or YYYY when known.
	Date string
	// Type is a document type code of the taxonomy; Lang is "en", "es"
	// or "fr".
	Type, Lang string
	// Countries are ISO 3166-1 alpha-3 codes (or REG, GLB).
	Countries []string
	Themes    []string
	GCM       []int
	// URL is the absolute address of the document's page on Faro; FileURL
	// that of its original file (a passage's page is FileURL#page=N).
	URL, FileURL string
	// PublisherURL is where the publisher publishes the document
	// (search.Document.SourceURL), when known.
	PublisherURL string
	// Score is the hit's relevance score.
	Score float64
	// Passages are the hit's snippets, best first.
	Passages []Passage
}

// Passage is a snippet of one page of a document.
type Passage struct {
	// Page is the 1-based page number.
	Page int
	// Segments are the passage's text in runs, the matched terms marked
	// (search.Snippet's segments): plain text, never markup.
	Segments []search.Segment
}

// runs returns the passage's runs on one line: white space collapsed in
// each (matches sit between spaces), empty runs dropped.
func (p Passage) runs() []search.Segment {
	out := make([]search.Segment, 0, len(p.Segments))
	for _, s := range p.Segments {
		if t := search.CollapseSpace(s.Text); t != "" {
			out = append(out, search.Segment{Text: t, Mark: s.Mark})
		}
	}
	return out
}

// Text returns the passage as plain text, without marks, on one line.
func (p Passage) Text() string {
	return strings.TrimSpace(search.CollapseSpace(search.SegmentsText(p.Segments)))
}

// PageURL returns the address that opens the item's original at page n.
func (it *Item) PageURL(n int) string {
	if it.FileURL == "" {
		return it.URL
	}
	return it.FileURL + "#page=" + strconv.Itoa(n)
}

// DefaultAuthor names IOM in lang: the author of a document that names
// none, and the publisher of every document in the collection.
func DefaultAuthor(lang string) string {
	switch lang {
	case "es":
		return "Organización Internacional para las Migraciones (OIM)"
	case "fr":
		return "Organisation internationale pour les migrations (OIM)"
	}
	return "International Organization for Migration (IOM)"
}

// Links builds the absolute addresses of Faro's pages from a base URL such
// as "http://localhost:8080".
type Links struct {
	Base string
}

// NewLinks checks base (an absolute http or https URL, a path is kept) and
// returns its Links.
func NewLinks(base string) (Links, error) {
	u, err := url.Parse(strings.TrimSpace(base))
	if err != nil {
		return Links{}, fmt.Errorf("base URL %q: %w", base, err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return Links{}, fmt.Errorf("base URL %q: must be an absolute http or https URL", base)
	}
	if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return Links{}, fmt.Errorf("base URL %q: must not carry a query, fragment or user", base)
	}
	return Links{Base: strings.TrimRight(u.String(), "/")}, nil
}

// Document returns the address of a document's page.
func (l Links) Document(id string) string { return l.Base + "/documents/" + url.PathEscape(id) }

// File returns the address of a document's original file.
func (l Links) File(id string) string { return l.Document(id) + "/file" }

// Search returns the address of the search page for v.
func (l Links) Search(v url.Values) string { return withQuery(l.Base+"/", v) }

// Feed returns the address of the Atom feed for v.
func (l Links) Feed(v url.Values) string { return withQuery(l.Base+"/feed.atom", v) }

func withQuery(u string, v url.Values) string {
	if len(v) == 0 {
		return u
	}
	return u + "?" + v.Encode()
}

// Values returns the canonical URL parameters of q (text, filters, years,
// sort) and the interface language, in a stable order: two spellings of
// one search give one URL, so a feed's id does not depend on how its URL
// was typed.
func Values(q search.Query, lang string) url.Values {
	v := url.Values{}
	if q.Text != "" {
		v.Set("q", q.Text)
	}
	for _, f := range search.Facets {
		for _, x := range q.Filters[f] {
			v.Add(f, x)
		}
	}
	if q.YearFrom != 0 {
		v.Set("year_from", strconv.Itoa(q.YearFrom))
	}
	if q.YearTo != 0 {
		v.Set("year_to", strconv.Itoa(q.YearTo))
	}
	if q.Sort != "" && q.Sort != search.SortRelevance {
		v.Set("sort", string(q.Sort))
	}
	if lang != "" && lang != "en" {
		v.Set("ui", lang)
	}
	return v
}

// NewItem builds the Item of a hit. doc, when not nil, is the stored
// document and supplies the author and the publisher's URL.
func NewItem(h search.Hit, doc *search.Document, links Links) Item {
	it := Item{
		ID: h.ID, Title: oneLine(h.Title), Summary: oneLine(h.Summary),
		Publisher: DefaultAuthor(h.Lang), Year: h.Year, Date: h.Date, Type: h.Type, Lang: h.Lang,
		Countries: h.Countries, Themes: h.Themes, GCM: h.GCM, Score: h.Score,
		URL: links.Document(h.ID), FileURL: links.File(h.ID),
	}
	if doc != nil {
		for _, a := range strings.Split(doc.Author, ";") {
			if a = oneLine(a); a != "" {
				it.Authors = append(it.Authors, a)
			}
		}
		it.PublisherURL = cleanURL(doc.SourceURL)
		if p := oneLine(doc.Publisher); p != "" {
			it.Publisher = p
		}
	}
	if len(it.Authors) == 0 {
		it.Authors = []string{DefaultAuthor(h.Lang)}
	}
	if it.Title == "" {
		it.Title = h.ID
	}
	for _, s := range h.Snippets {
		it.Passages = append(it.Passages, Passage{Page: s.Page, Segments: s.Segments})
	}
	return it
}

// cleanURL keeps an absolute http(s) URL and drops anything else (a
// javascript: URL in metadata must not become a link).
func cleanURL(s string) string {
	s = strings.TrimSpace(s)
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

// Collect runs q, page by page of up to search.MaxSize hits, until max
// items or the last hit, and returns the items with the total number of
// matching documents. Each hit's stored document is read for its author
// and publisher URL; q.Snippets decides whether items carry passages.
func Collect(ctx context.Context, idx search.Index, q search.Query, max int, links Links) ([]Item, uint64, error) {
	if max <= 0 {
		return nil, 0, nil
	}
	q.Page = 1
	q.Size = min(max, search.MaxSize)
	var (
		items []Item
		total uint64
		seen  = map[string]bool{}
	)
	for len(items) < max {
		r, err := idx.Search(ctx, q)
		if err != nil {
			return nil, 0, fmt.Errorf("collect results, page %d: %w", q.Page, err)
		}
		total = r.Total
		for _, h := range r.Hits {
			if seen[h.ID] || len(items) >= max {
				continue
			}
			seen[h.ID] = true
			doc, err := idx.Document(ctx, h.ID)
			if errors.Is(err, search.ErrNotFound) {
				doc, err = nil, nil // removed since the search: cite what the hit knows
			}
			if err != nil {
				return nil, 0, fmt.Errorf("collect results: read document %s: %w", h.ID, err)
			}
			items = append(items, NewItem(h, doc, links))
		}
		if len(r.Hits) < q.Size || uint64(q.Page*q.Size) >= r.Total || (q.Page+1)*q.Size > search.MaxDepth {
			break
		}
		q.Page++
	}
	return items, total, nil
}

// oneLine collapses every run of white space (newlines included) into one
// space, drops other control characters and trims.
func oneLine(s string) string {
	return strings.TrimSpace(search.CollapseSpace(s))
}

// countryNames returns the display names of codes in lang.
func countryNames(codes []string, lang string) []string {
	out := make([]string, 0, len(codes))
	for _, c := range codes {
		out = append(out, search.FacetLabel(search.FacetCountry, c, lang))
	}
	return out
}

// typeLabel returns the display name of a document type, or "" when the
// type is unknown.
func typeLabel(code, lang string) string {
	if d, ok := taxonomy.DocTypeByCode(code); ok {
		return d.Name.Get(lang)
	}
	return ""
}

// gcmLabel returns "GCM 10: Eradicate trafficking".
func gcmLabel(n int, lang string) string {
	return "GCM " + strconv.Itoa(n) + ": " + search.FacetLabel(search.FacetGCM, strconv.Itoa(n), lang)
}

// yearText returns the year, or "n.d." in lang when unknown.
func yearText(it *Item, lang string) string {
	if it.Year > 0 {
		return strconv.Itoa(it.Year)
	}
	return tr(lang, "nd")
}

// yearDot returns the year followed by a full stop, "2020." or "n.d.".
func yearDot(it *Item, lang string) string {
	y := yearText(it, lang)
	if strings.HasSuffix(y, ".") {
		return y
	}
	return y + "."
}

// dateParts splits Item.Date (or Year) into year, month and day; 0 means
// unknown.
func dateParts(it *Item) (y, m, d int) {
	parts := strings.Split(it.Date, "-")
	if len(parts) > 0 {
		y, _ = strconv.Atoi(parts[0])
	}
	if y < 1000 || y > 9999 {
		return it.Year, 0, 0
	}
	if it.Year != 0 && y != it.Year {
		return it.Year, 0, 0
	}
	if len(parts) > 1 {
		if m, _ = strconv.Atoi(parts[1]); m < 1 || m > 12 {
			return y, 0, 0
		}
	}
	if len(parts) > 2 {
		if d, _ = strconv.Atoi(parts[2]); d < 1 || d > 31 {
			d = 0
		}
	}
	return y, m, d
}

// joinAuthors returns the authors as one display string.
func joinAuthors(it *Item) string { return strings.Join(it.Authors, "; ") }
