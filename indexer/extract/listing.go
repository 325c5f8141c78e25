package extract

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// Listing is what a listing page says: its language and date, and the
// publication entries it links.
type Listing struct {
	// Lang is the page's declared language (<html lang>, content-language),
	// lower-case two letters; "" when it declares none.
	Lang string
	// Title is the page's title, without the site's name.
	Title string
	// Entries are the linked documents with their entry's title and
	// summary, in page order, one per distinct href.
	Entries []ListingEntry
}

// ListingEntry is one entry of a listing page: its link, title and
// summary (as in Result.Links) and the date the entry prints in a <time>
// element, normalised ("" when none).
type ListingEntry struct {
	Link
	Date string `json:"date,omitempty"`
}

// ReadListing reads the listing page data (any charset, as HTML pages are
// read for indexing) and returns its entries: the links outside site
// chrome for which isDoc(href) holds, href as written in the page, each
// with the title and summary of the entry holding it (see Result.Links,
// which are the PDF entries). It is how `faro harvest` reads a programme's
// publication pages, and agrees with how the indexer lends a listing
// page's titles to the PDFs beside it.
func ReadListing(data []byte, isDoc func(href string) bool) Listing {
	src, _ := decodeHTML(data)
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return Listing{}
	}
	doc := goquery.NewDocumentFromNode(root)
	meta := htmlMeta(doc)
	site := firstNonEmpty(meta["og:site_name"], meta["application-name"])
	htmlSel := doc.Find("html").First()
	lang, _ := htmlSel.Attr("lang")
	if lang == "" {
		lang, _ = htmlSel.Attr("xml:lang")
	}
	out := Listing{
		Lang:  normLang(firstNonEmpty(lang, meta["content-language"], meta["dc.language"], meta["og:locale"])),
		Title: firstNonEmpty(withoutSiteName(meta["og:title"], site), withoutSiteName(nodeText(doc.Find("title").First()), site), nodeText(doc.Find("h1").First())),
	}
	links, containers := docEntries(doc, isDoc)
	for i, l := range links {
		e := ListingEntry{Link: l}
		if c := containers[i]; c != nil {
			e.Date = entryDate(goquery.NewDocumentFromNode(c).Selection)
		}
		out.Entries = append(out.Entries, e)
	}
	return out
}

// entryDate is the date an entry prints: its first <time> element's
// datetime attribute, else that element's text.
func entryDate(s *goquery.Selection) string {
	t := s.Find("time").First()
	if t.Length() == 0 {
		return ""
	}
	if dt, ok := t.Attr("datetime"); ok {
		if d := normDate(dt); d != "" {
			return d
		}
	}
	return normDate(nodeText(t))
}
