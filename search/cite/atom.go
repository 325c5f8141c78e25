package cite

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"time"

	"faro/search"
)

// AtomNS is the Atom 1.0 namespace (RFC 4287).
const AtomNS = "http://www.w3.org/2005/Atom"

// UnknownDate stands in for the date of a document whose date is unknown,
// so a feed never changes because of the clock.
var UnknownDate = time.Date(1970, time.January, 1, 0, 0, 0, 0, time.UTC)

// FeedInfo is an Atom feed of documents, newest first.
type FeedInfo struct {
	// ID is the feed's permanent id: the canonical address of the feed.
	ID string
	// Self is the feed's own address; Alternate the search page's.
	Self, Alternate string
	Title, Subtitle string
	Lang            string
	// Scheme prefixes category schemes (the taxonomy's address).
	Scheme string
	Items  []Item
}

// NewFeed describes the feed of items for q.
func NewFeed(q search.Query, lang string, links Links, items []Item) *FeedInfo {
	lang = uiLang(lang)
	v := Values(q, lang)
	v.Del("sort") // a feed is always newest first
	self := links.Feed(v)
	alt := Values(q, lang)
	alt.Set("sort", string(search.SortDateDesc))
	title := tr(lang, "feed_title") + ": " + oneLine(q.Text)
	if q.Text == "" {
		title = tr(lang, "feed_title") + ": " + tr(lang, "all_documents")
	}
	if f := DescribeFilters(q, lang); f != "" {
		title += " — " + f
	}
	return &FeedInfo{
		ID: self, Self: self, Alternate: links.Search(alt), Title: title, Subtitle: tr(lang, "feed_subtitle"),
		Lang: lang, Scheme: links.Base + "/api/v1/taxonomy", Items: items,
	}
}

type atomFeed struct {
	XMLName   xml.Name      `xml:"http://www.w3.org/2005/Atom feed"`
	Lang      string        `xml:"xml:lang,attr,omitempty"`
	ID        string        `xml:"id"`
	Title     atomText      `xml:"title"`
	Subtitle  *atomText     `xml:"subtitle,omitempty"`
	Updated   string        `xml:"updated"`
	Links     []atomLink    `xml:"link"`
	Author    atomPerson    `xml:"author"`
	Generator atomGenerator `xml:"generator"`
	Entries   []atomEntry   `xml:"entry"`
}

type atomText struct {
	Type string `xml:"type,attr,omitempty"`
	Text string `xml:",chardata"`
}

type atomLink struct {
	Rel      string `xml:"rel,attr,omitempty"`
	Type     string `xml:"type,attr,omitempty"`
	Href     string `xml:"href,attr"`
	Hreflang string `xml:"hreflang,attr,omitempty"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomGenerator struct {
	URI  string `xml:"uri,attr,omitempty"`
	Text string `xml:",chardata"`
}

type atomCategory struct {
	Term   string `xml:"term,attr"`
	Scheme string `xml:"scheme,attr,omitempty"`
	Label  string `xml:"label,attr,omitempty"`
}

type atomEntry struct {
	ID         string         `xml:"id"`
	Title      atomText       `xml:"title"`
	Updated    string         `xml:"updated"`
	Published  string         `xml:"published,omitempty"`
	Links      []atomLink     `xml:"link"`
	Authors    []atomPerson   `xml:"author"`
	Summary    *atomText      `xml:"summary,omitempty"`
	Categories []atomCategory `xml:"category"`
}

// EntryDate returns the date an item's feed entry carries: its publication
// date (the first of the month or year when only those are known), or
// UnknownDate.
func EntryDate(it *Item) time.Time {
	y, m, d := dateParts(it)
	if y <= 0 {
		return UnknownDate
	}
	return time.Date(y, time.Month(max(m, 1)), max(d, 1), 0, 0, 0, 0, time.UTC)
}

// WriteAtom writes the feed as Atom 1.0 (RFC 4287). Each entry's id is the
// document's address, its updated date the document's date; the feed's
// updated date is its newest entry's, so the same index gives the same
// feed byte for byte.
func WriteAtom(w io.Writer, f *FeedInfo) error {
	updated := UnknownDate
	feed := atomFeed{
		Lang: f.Lang, ID: f.ID, Title: atomText{Type: "text", Text: oneLine(f.Title)},
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: f.Self},
			{Rel: "alternate", Type: "text/html", Href: f.Alternate},
		},
		Author:    atomPerson{Name: "Faro"},
		Generator: atomGenerator{Text: "Faro"},
	}
	if f.Subtitle != "" {
		feed.Subtitle = &atomText{Type: "text", Text: f.Subtitle}
	}
	for i := range f.Items {
		it := &f.Items[i]
		date := EntryDate(it)
		if date.After(updated) {
			updated = date
		}
		e := atomEntry{
			ID: it.URL, Title: atomText{Type: "text", Text: it.Title},
			Updated: date.Format(time.RFC3339), Published: date.Format(time.RFC3339),
			Links: []atomLink{{Rel: "alternate", Type: "text/html", Href: it.URL, Hreflang: it.Lang}},
		}
		if it.PublisherURL != "" {
			e.Links = append(e.Links, atomLink{Rel: "related", Href: it.PublisherURL})
		}
		for _, a := range it.Authors {
			e.Authors = append(e.Authors, atomPerson{Name: a})
		}
		summary := it.Summary
		if summary == "" && len(it.Passages) > 0 {
			summary = it.Passages[0].Text()
		}
		if summary != "" {
			e.Summary = &atomText{Type: "text", Text: summary}
		}
		for _, c := range it.Countries {
			e.Categories = append(e.Categories, atomCategory{Term: c, Scheme: f.Scheme + "#country",
				Label: countryNames([]string{c}, f.Lang)[0]})
		}
		for _, n := range it.GCM {
			e.Categories = append(e.Categories, atomCategory{Term: strconv.Itoa(n), Scheme: f.Scheme + "#gcm", Label: gcmLabel(n, f.Lang)})
		}
		if l := typeLabel(it.Type, f.Lang); l != "" {
			e.Categories = append(e.Categories, atomCategory{Term: it.Type, Scheme: f.Scheme + "#type", Label: l})
		}
		feed.Entries = append(feed.Entries, e)
	}
	feed.Updated = updated.Format(time.RFC3339)
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("write atom: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(feed); err != nil {
		return fmt.Errorf("write atom: %w", err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("write atom: %w", err)
	}
	return nil
}
