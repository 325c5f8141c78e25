package extract

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"faro/format"
)

// Listing is what a listing page says: its language and date, and the
// publication entries it links.
type Listing struct {
	// Lang is the page's declared language (<html lang>, content-language),
	// lower-case two letters; "" when it declares none.
	Lang string
	// Title is the page's title, without the site's name.
	Title string
	// Base is the page's <base href>, as written ("" when none): links
	// are relative to it.
	Base string
	// Pagination are the hrefs (as written, distinct, in page order) of
	// the links to the listing's other pages: rel next/prev, links in a
	// pager (class, id or aria-label naming one: pagination, paginación,
	// pager, page-numbers), words such as "Next", "Siguiente", "›", or
	// page numbers with a page parameter. A link to a document of a format
	// Faro indexes other than HTML is never one.
	Pagination []string
	// Entries are the linked documents with their entry's title and
	// summary, in page order, one per distinct href; pagination links are
	// not entries.
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
	htmlSel := doc.FindMatcher(selHTML).First()
	lang, _ := htmlSel.Attr("lang")
	if lang == "" {
		lang, _ = htmlSel.Attr("xml:lang")
	}
	out := Listing{
		Lang:  normLang(firstNonEmpty(lang, meta["content-language"], meta["dc.language"], meta["og:locale"])),
		Title: firstNonEmpty(withoutSiteName(meta["og:title"], site), withoutSiteName(nodeText(doc.FindMatcher(selTitle).First()), site), nodeText(doc.FindMatcher(selH1).First())),
	}
	out.Base, _ = doc.FindMatcher(selBaseHref).First().Attr("href")
	paging := map[string]bool{}
	doc.FindMatcher(selLinks).Each(func(_ int, s *goquery.Selection) {
		href, _ := s.Attr("href")
		href = strings.TrimSpace(href)
		if href != "" && !strings.HasPrefix(href, "#") && !paging[href] && isPagingLink(s, href) {
			paging[href] = true
			out.Pagination = append(out.Pagination, href)
		}
	})
	links, containers := docEntries(doc, func(href string) bool { return !paging[href] && isDoc(href) })
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
	t := s.FindMatcher(selTime).First()
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

// pagingWords are the texts of links to a listing's other pages.
var pagingWords = map[string]bool{
	"next": true, "next page": true, "previous": true, "prev": true, "first": true, "last": true, "more": true,
	"siguiente": true, "página siguiente": true, "anterior": true, "primera": true, "última": true, "más": true,
	"suivant": true, "suivante": true, "précédent": true, "précédente": true, "próxima": true, "próximo": true,
	"›": true, "»": true, "‹": true, "«": true, ">": true, "<": true, ">>": true, "<<": true, "…": true,
}

// pagerName is the class, id or label of a pager.
var pagerName = regexp.MustCompile(`(?i)pagina|pager|page-?numbers|paging`)

// pagingParam is a page parameter in a query.
var pagingParam = regexp.MustCompile(`(?i)(^|[?&])(page|pagina|p|start|offset)=\d+`)

// isPagingLink reports whether the link s (to href) leads to another page
// of the same listing (see Listing.Pagination).
func isPagingLink(s *goquery.Selection, href string) bool {
	u, err := url.Parse(href)
	if err != nil {
		return false
	}
	if f, ok := format.ByExt(u.Path); ok && f.Name != format.HTML.Name {
		return false
	}
	rel := " " + strings.ToLower(s.AttrOr("rel", "")) + " "
	if strings.Contains(rel, " next ") || strings.Contains(rel, " prev ") {
		return true
	}
	if goquery.NodeName(s) == "link" {
		return false
	}
	text := strings.ToLower(strings.Join(strings.Fields(s.Text()), " "))
	if pagingWords[text] || pagingWords[strings.Trim(text, "›»‹« ")] {
		return true
	}
	if _, err := strconv.Atoi(text); err == nil && len(text) <= 4 && pagingParam.MatchString(u.RawQuery) {
		return true
	}
	for p, i := s.Parent(), 0; p.Length() > 0 && i < 5; p, i = p.Parent(), i+1 {
		for _, a := range []string{"class", "id", "aria-label", "role"} {
			if v, _ := p.Attr(a); pagerName.MatchString(v) {
				return true
			}
		}
	}
	return false
}
