package web

import (
	"cmp"
	"html/template"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"faro/search"
)

// Shown facets, in the order of the sidebar (search.Facet.Show).
var pageFacets = func() []string {
	var out []string
	for _, f := range search.ShownFacets() {
		out = append(out, f.Name)
	}
	return out
}()

const (
	// facetShown is how many values of a facet show before "show all".
	facetShown = 8
	// pagerWindow is how many page numbers show on each side of the current one.
	pagerWindow = 2
	// moreLikeThis is how many similar documents a document page lists.
	moreLikeThis = 5
)

type facetValueView struct {
	Value, Label string
	Count        int
	Selected     bool
	Href         string
	// State is the selected state in words, for screen readers.
	State string
}

type facetView struct {
	Name, Label string
	// Values show at once; More hide behind "show all".
	Values, More []facetValueView
	Total        int
	Selected     int
	ClearHref    string
}

type hitView struct {
	ID, Title, Summary string
	Lang, LangLabel    string
	Year               int
	URL, FileURL       string
	TypeLabel          string
	Countries          []string
	GCM                []gcmTag
	Snippets           []snippetView

	// TitleHTML and SummaryHTML are Title and Summary with the search's
	// words marked.
	TitleHTML, SummaryHTML template.HTML
}

type gcmTag struct {
	Number int
	Label  string
	Href   string
}

type snippetView struct {
	Page    int
	Text    template.HTML
	URL     string
	FileURL string
	// OCR marks a passage recognised from a scan; Low a low confidence.
	OCR, Low bool
}

type chip struct {
	Label, Href string
	// Count is how many documents match without this filter (no-results
	// help only).
	Count  uint64
	values url.Values
}

type pageLink struct {
	N       int
	Href    string
	Current bool
	Gap     bool
}

type exportLink struct{ Label, Href string }

type hiddenField struct{ Name, Value string }

type searchPage struct {
	page
	Q                  string
	Result             *search.Result
	Hits               []hitView
	Facets             []facetView
	Chips              []chip
	Suggestions        []chip
	DropQuery          *chip
	ClearHref          string
	Prev, Next         string
	FirstPage          string
	Pages              []pageLink
	PageNum, PageCount int
	First, Last        int
	YearFrom, YearTo   string
	YearMin, YearMax   string
	Sort               string
	// AllWordsHref asks for the documents with every word, when the
	// hits hold only some of them.
	AllWordsHref string
	// DidYouMean links the corrected query, with its count of results.
	DidYouMean      string
	DidYouMeanHref  string
	DidYouMeanTotal uint64
	SearchHidden    []hiddenField
	YearHidden      []hiddenField
	SortHidden      []hiddenField
	Citations       []exportLink
	Evidence        []exportLink
}

func (s *Server) pageSearch(c *gin.Context) {
	v := c.Request.URL.Query()
	text := strings.TrimSpace(v.Get("q"))
	title := "Faro – " + msg(uiLang(c), "tagline")
	if text != "" {
		title = text + " – Faro"
	}
	p := newPage(c, title)
	lang := p.Lang
	base := searchParams(v)
	p.FeedHref = withQuery("/feed.atom", base)
	sp := searchPage{page: p, Q: v.Get("q"), YearFrom: v.Get("year_from"), YearTo: v.Get("year_to"), Sort: v.Get("sort")}
	sp.SearchHidden = hiddenFields(base, "q")
	sp.YearHidden = hiddenFields(base, "year_from", "year_to")
	sp.SortHidden = hiddenFields(base, "sort")
	q, err := ParseQuery(v)
	if err != nil {
		sp.Status, sp.Message = http.StatusBadRequest, errorText(c, err)
		s.render(c, http.StatusBadRequest, "search.html", sp)
		return
	}
	q.Cursor, q.Explain = "", false
	ctx := c.Request.Context()
	r, err := s.idx.Search(ctx, q)
	if err != nil {
		s.failErr(c, err)
		return
	}
	sp.Result = r
	if r.DidYouMean != "" {
		dq := q
		dq.Text, dq.Page, dq.Size, dq.Snippets = r.DidYouMean, 1, 1, 0
		if dr, err := s.idx.Search(ctx, dq); err == nil && dr.Total > 0 {
			dv := searchParams(v)
			dv.Set("q", r.DidYouMean)
			sp.DidYouMean, sp.DidYouMeanHref, sp.DidYouMeanTotal = r.DidYouMean, withQuery("/", dv), dr.Total
		}
	}
	if r.Matched == search.MatchedSome {
		all := searchParams(v)
		all.Set("match", "all")
		sp.AllWordsHref = withQuery("/", all)
	}
	if q.Page > 1 {
		sp.Title = sp.Title + " – " + msg(lang, "page") + " " + strconv.Itoa(q.Page)
	}

	docQuery := searchParams(v)
	if q.Page > 1 {
		docQuery.Set("page", strconv.Itoa(q.Page))
	}
	hl := search.HighlighterFor(q.Text)
	for _, h := range r.Hits {
		sp.Hits = append(sp.Hits, newHitView(h, lang, docQuery, hl))
	}

	for _, name := range pageFacets {
		fv := facetView{Name: name, Label: msg(lang, "facet_"+name)}
		selected := map[string]bool{}
		for _, val := range q.Filters[name] {
			selected[val] = true
		}
		var all []facetValueView
		seen := map[string]bool{}
		for _, fc := range r.Facets[name] {
			seen[fc.Value] = true
			all = append(all, facetValueView{Value: fc.Value, Label: facetLabel(name, fc.Value, lang),
				Count: fc.Count, Selected: selected[fc.Value], Href: withQuery("/", toggle(base, name, fc.Value))})
			if selected[fc.Value] {
				all[len(all)-1].State = msg(lang, "selected")
			}
		}
		// A selected value with no matches stays visible so it can be removed.
		for _, val := range q.Filters[name] {
			if !seen[val] {
				all = append(all, facetValueView{Value: val, Label: facetLabel(name, val, lang), Selected: true,
					Href: withQuery("/", toggle(base, name, val)), State: msg(lang, "selected")})
			}
		}
		fv.Total = len(all)
		for i, x := range all {
			if i < facetShown || x.Selected || len(all) <= facetShown+1 {
				fv.Values = append(fv.Values, x)
			} else {
				fv.More = append(fv.More, x)
			}
		}
		fv.Selected = len(q.Filters[name])
		if fv.Selected > 0 {
			nv := cloneValues(base)
			nv.Del(name)
			fv.ClearHref = withQuery("/", nv)
		}
		for _, val := range q.Filters[name] {
			nv := toggle(base, name, val)
			sp.Chips = append(sp.Chips, chip{Label: fv.Label + ": " + facetLabel(name, val, lang), Href: withQuery("/", nv), values: nv})
		}
		if name == search.FacetYear && len(r.Facets[name]) > 0 {
			ys := r.Facets[name]
			sp.YearMax, sp.YearMin = ys[0].Value, ys[len(ys)-1].Value
			for _, y := range ys {
				if y.Value < sp.YearMin {
					sp.YearMin = y.Value
				}
				if y.Value > sp.YearMax {
					sp.YearMax = y.Value
				}
			}
		}
		if len(fv.Values) > 0 {
			sp.Facets = append(sp.Facets, fv)
		}
	}
	if q.YearFrom != 0 || q.YearTo != 0 {
		nv := cloneValues(base)
		nv.Del("year_from")
		nv.Del("year_to")
		sp.Chips = append(sp.Chips, chip{Label: msg(lang, "year_range") + ": " + yearRange(q.YearFrom, q.YearTo), Href: withQuery("/", nv), values: nv})
	}
	clear := url.Values{}
	for _, k := range []string{"q", "ui", "sort", "size"} {
		if base.Get(k) != "" {
			clear.Set(k, base.Get(k))
		}
	}
	sp.ClearHref = withQuery("/", clear)

	if r.Total == 0 {
		s.suggest(c, &sp, q, base)
	}

	sp.PageNum = q.Page
	sp.PageCount = int((r.Total + uint64(q.Size) - 1) / uint64(q.Size))
	if limit := search.MaxDepth / q.Size; sp.PageCount > limit {
		sp.PageCount = limit
	}
	if len(sp.Hits) > 0 {
		sp.First = (q.Page-1)*q.Size + 1
		sp.Last = sp.First + len(sp.Hits) - 1
	}
	pageHref := func(n int) string {
		nv := cloneValues(base)
		if n > 1 {
			nv.Set("page", strconv.Itoa(n))
		}
		return withQuery("/", nv)
	}
	if q.Page > 1 {
		sp.Prev = pageHref(q.Page - 1)
		if len(sp.Hits) == 0 && r.Total > 0 {
			sp.FirstPage = pageHref(1)
		}
	}
	if q.Page < sp.PageCount {
		sp.Next = pageHref(q.Page + 1)
	}
	for _, n := range pageNumbers(q.Page, sp.PageCount) {
		if n == 0 {
			sp.Pages = append(sp.Pages, pageLink{Gap: true})
			continue
		}
		sp.Pages = append(sp.Pages, pageLink{N: n, Href: pageHref(n), Current: n == q.Page})
	}

	export := func(p, format string) string {
		nv := cloneValues(base)
		nv.Set("format", format)
		return withQuery(p, nv)
	}
	sp.Citations = []exportLink{
		{"BibTeX", export("/api/v1/export", "bibtex")},
		{"RIS", export("/api/v1/export", "ris")},
		{"CSL-JSON", export("/api/v1/export", "csljson")},
		{"CSV", export("/api/v1/export", "csv")},
	}
	sp.Evidence = []exportLink{
		{"Markdown", export("/api/v1/evidence", "md")},
		{"HTML", export("/api/v1/evidence", "html")},
		{"CSV", export("/api/v1/evidence", "csv")},
	}
	s.render(c, http.StatusOK, "search.html", sp)
}

// suggest fills the no-results help: for each filter, how many documents
// match without it, and how many match the filters without the words.
func (s *Server) suggest(c *gin.Context, sp *searchPage, q search.Query, base url.Values) {
	const maxTries = 8
	ctx := c.Request.Context()
	count := func(q search.Query) (uint64, bool) {
		q.Page, q.Size, q.Snippets = 1, 1, 0
		r, err := s.idx.Search(ctx, q)
		if err != nil {
			return 0, false
		}
		return r.Total, true
	}
	for i, ch := range sp.Chips {
		if i >= maxTries {
			break
		}
		nq, err := ParseQuery(ch.values)
		if err != nil {
			continue
		}
		if n, ok := count(nq); ok {
			ch.Count = n
			sp.Suggestions = append(sp.Suggestions, ch)
		}
	}
	// The most helpful first.
	slices.SortStableFunc(sp.Suggestions, func(a, b chip) int { return cmp.Compare(b.Count, a.Count) })
	if q.Text != "" && (len(q.Filters) > 0 || q.YearFrom != 0 || q.YearTo != 0) {
		nq := q
		nq.Text = ""
		if n, ok := count(nq); ok && n > 0 {
			nv := cloneValues(base)
			nv.Del("q")
			sp.DropQuery = &chip{Href: withQuery("/", nv), Count: n}
		}
	}
}

func yearRange(from, to int) string {
	switch {
	case from != 0 && to != 0:
		return strconv.Itoa(from) + "–" + strconv.Itoa(to)
	case from != 0:
		return "≥ " + strconv.Itoa(from)
	default:
		return "≤ " + strconv.Itoa(to)
	}
}

// pageNumbers lists the page numbers the pager shows around cur, with 0 for
// a gap: 1 … 4 5 [6] 7 8 … 20.
func pageNumbers(cur, count int) []int {
	if count <= 1 {
		return nil
	}
	var out []int
	last := 0
	for n := 1; n <= count; n++ {
		if n == 1 || n == count || (n >= cur-pagerWindow && n <= cur+pagerWindow) {
			if last != 0 && n > last+1 {
				out = append(out, 0)
			}
			out = append(out, n)
			last = n
		}
	}
	return out
}

// newHitView shows hit h, its title and summary marked by hl (nil marks
// nothing).
func newHitView(h search.Hit, lang string, docQuery url.Values, hl *search.Highlighter) hitView {
	docURL := withQuery("/documents/"+url.PathEscape(h.ID), docQuery)
	fileURL := "/documents/" + url.PathEscape(h.ID) + "/file"
	hv := hitView{ID: h.ID, Title: h.Title, Summary: h.Summary, Lang: h.Lang, Year: h.Year,
		LangLabel: search.FacetLabel(search.FacetLang, h.Lang, lang),
		URL:       docURL, FileURL: fileURL, TypeLabel: search.FacetLabel(search.FacetType, h.Type, lang)}
	if hv.Title == "" {
		hv.Title = h.ID
	}
	hv.TitleHTML, _ = markHTML(hl, hv.Title, true)
	hv.SummaryHTML, _ = markHTML(hl, hv.Summary, false)
	for _, code := range h.Countries {
		hv.Countries = append(hv.Countries, search.FacetLabel(search.FacetCountry, code, lang))
	}
	for _, n := range h.GCM {
		hv.GCM = append(hv.GCM, gcmTag{Number: n, Label: search.FacetLabel(search.FacetGCM, strconv.Itoa(n), lang)})
	}
	pdf := strings.EqualFold(path.Ext(h.Source), ".pdf")
	for _, sn := range h.Snippets {
		sv := snippetView{Page: sn.Page, Text: snippetHTML(sn), URL: pageAnchor(docURL, sn.Page),
			OCR: sn.OCR, Low: sn.OCR && sn.Confidence < search.LowOCRConfidence}
		if pdf {
			sv.FileURL = fileURL + "#page=" + strconv.Itoa(sn.Page)
		}
		hv.Snippets = append(hv.Snippets, sv)
	}
	return hv
}

// facetLabel is the label of a facet value as the page shows it; GCM
// objectives carry their number.
func facetLabel(facet, value, lang string) string {
	l := search.FacetLabel(facet, value, lang)
	if facet == search.FacetGCM && l != value {
		return value + " · " + l
	}
	return l
}
