package web

import (
	"bytes"
	"cmp"
	"embed"
	"html"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"faro/search"
	"faro/search/taxonomy"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

var templates = template.Must(template.New("").ParseFS(templateFS, "templates/*.html"))

// Shown facets, in the order of the sidebar.
var pageFacets = []string{search.FacetCountry, search.FacetGCM, search.FacetTheme, search.FacetPrinciple,
	search.FacetType, search.FacetLang, search.FacetYear}

const (
	// facetShown is how many values of a facet show before "show all".
	facetShown = 8
	// pagerWindow is how many page numbers show on each side of the current one.
	pagerWindow = 2
	// moreLikeThis is how many similar documents a document page lists.
	moreLikeThis = 5
)

// searchKeys are the URL parameters that define a search on the page (and
// in the export links); anything else is dropped from the links.
var searchKeys = func() []string {
	keys := []string{"q"}
	keys = append(keys, search.Facets...)
	return append(keys, "year_from", "year_to", "sort", "size", "ui")
}()

// page is what every template gets.
type page struct {
	Lang       string
	Title      string
	SwitchHref string
	SwitchLang string
	HomeHref   string
	FeedHref   string
	Heading    string
	Status     int
	Message    string
	T          func(string) string
	explicitUI string
}

func newPage(c *gin.Context, title string) page {
	lang := uiLang(c)
	other := "es"
	if lang == "es" {
		other = "en"
	}
	v := c.Request.URL.Query()
	explicit := ""
	if ui := v.Get("ui"); ui == "es" || ui == "en" {
		explicit = ui
	}
	sw := cloneValues(v)
	sw.Set("ui", other)
	home := url.Values{}
	if explicit != "" {
		home.Set("ui", explicit)
	}
	return page{
		Lang: lang, Title: title, SwitchLang: other,
		SwitchHref: c.Request.URL.Path + "?" + sw.Encode(),
		HomeHref:   withQuery("/", home),
		T:          func(k string) string { return msg(lang, k) },
		explicitUI: explicit,
	}
}

// withQuery appends v to p as a query string when v is not empty.
func withQuery(p string, v url.Values) string {
	if len(v) == 0 {
		return p
	}
	return p + "?" + v.Encode()
}

func (s *Server) render(c *gin.Context, status int, name string, data any) {
	var buf bytes.Buffer
	if err := templates.ExecuteTemplate(&buf, name, data); err != nil {
		s.log.Error("render template", "template", name, "err", err)
		c.Data(http.StatusInternalServerError, "text/plain; charset=utf-8", []byte("internal error"))
		return
	}
	c.Header("Vary", "Accept-Language")
	c.Header("Cache-Control", "no-cache")
	c.Data(status, "text/html; charset=utf-8", buf.Bytes())
}

func (s *Server) renderError(c *gin.Context, status int, message string) {
	lang := uiLang(c)
	key := "error"
	switch {
	case status == http.StatusNotFound:
		key = "err_404"
	case status >= 500:
		key = "err_500"
	}
	p := newPage(c, msg(lang, key)+" – Faro")
	p.Heading = msg(lang, key)
	p.Status, p.Message = status, message
	s.render(c, status, "error.html", p)
	c.Abort()
}

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
	SearchHidden       []hiddenField
	YearHidden         []hiddenField
	SortHidden         []hiddenField
	Citations          []exportLink
	Evidence           []exportLink
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
		sp.Status, sp.Message = http.StatusBadRequest, err.Error()
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
	if q.Page > 1 {
		sp.Title = sp.Title + " – " + msg(lang, "page") + " " + strconv.Itoa(q.Page)
	}

	docQuery := searchParams(v)
	if q.Page > 1 {
		docQuery.Set("page", strconv.Itoa(q.Page))
	}
	for _, h := range r.Hits {
		sp.Hits = append(sp.Hits, newHitView(h, lang, docQuery))
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

// hiddenFields lists base's parameters except the named ones, for the
// hidden inputs of a form that sets those.
func hiddenFields(base url.Values, except ...string) []hiddenField {
	skip := map[string]bool{}
	for _, e := range except {
		skip[e] = true
	}
	var out []hiddenField
	for _, k := range searchKeys {
		if skip[k] {
			continue
		}
		for _, val := range base[k] {
			out = append(out, hiddenField{k, val})
		}
	}
	return out
}

func newHitView(h search.Hit, lang string, docQuery url.Values) hitView {
	docURL := withQuery("/documents/"+url.PathEscape(h.ID), docQuery)
	fileURL := "/documents/" + url.PathEscape(h.ID) + "/file"
	hv := hitView{ID: h.ID, Title: h.Title, Summary: h.Summary, Lang: h.Lang, Year: h.Year,
		LangLabel: taxonomy.Label(search.FacetLang, h.Lang, lang),
		URL:       docURL, FileURL: fileURL, TypeLabel: taxonomy.Label(search.FacetType, h.Type, lang)}
	if hv.Title == "" {
		hv.Title = h.ID
	}
	for _, code := range h.Countries {
		hv.Countries = append(hv.Countries, taxonomy.Label(search.FacetCountry, code, lang))
	}
	for _, n := range h.GCM {
		hv.GCM = append(hv.GCM, gcmTag{Number: n, Label: taxonomy.Label(search.FacetGCM, strconv.Itoa(n), lang)})
	}
	pdf := strings.EqualFold(path.Ext(h.Source), ".pdf")
	for _, sn := range h.Snippets {
		sv := snippetView{Page: sn.Page, Text: safeSnippet(sn.Text), URL: pageAnchor(docURL, sn.Page)}
		if pdf {
			sv.FileURL = fileURL + "#page=" + strconv.Itoa(sn.Page)
		}
		hv.Snippets = append(hv.Snippets, sv)
	}
	return hv
}

func pageAnchor(docURL string, n int) string {
	return docURL + "#page-" + strconv.Itoa(n)
}

// facetLabel is the label of a facet value as the page shows it; GCM
// objectives carry their number.
func facetLabel(facet, value, lang string) string {
	l := taxonomy.Label(facet, value, lang)
	if facet == search.FacetGCM && l != value {
		return value + " · " + l
	}
	return l
}

// safeSnippet turns a snippet (escaped text with <mark> around matches)
// into HTML that can hold nothing but text and marks, whatever the engine
// returned: text between the marks is unescaped and escaped again, so
// escaped text passes unchanged and raw markup is neutralised.
func safeSnippet(s string) template.HTML {
	var b strings.Builder
	open := false
	for len(s) > 0 {
		i := strings.Index(s, "<")
		if i < 0 {
			i = len(s)
		}
		b.WriteString(html.EscapeString(html.UnescapeString(s[:i])))
		s = s[i:]
		switch {
		case strings.HasPrefix(s, "<mark>"):
			if !open {
				b.WriteString("<mark>")
				open = true
			}
			s = s[len("<mark>"):]
		case strings.HasPrefix(s, "</mark>"):
			if open {
				b.WriteString("</mark>")
				open = false
			}
			s = s[len("</mark>"):]
		case s != "":
			b.WriteString("&lt;")
			s = s[1:]
		}
	}
	if open {
		b.WriteString("</mark>")
	}
	return template.HTML(b.String())
}

// searchParams keeps the parameters that define a search, without paging.
func searchParams(v url.Values) url.Values {
	out := url.Values{}
	for _, k := range searchKeys {
		for _, x := range v[k] {
			if strings.TrimSpace(x) == "" {
				continue
			}
			if k == "ui" && x != "es" && x != "en" {
				continue
			}
			out.Add(k, x)
		}
	}
	return out
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vals := range v {
		out[k] = append([]string(nil), vals...)
	}
	return out
}

// toggle adds value to facet's selection, or removes it when present.
func toggle(v url.Values, facet, value string) url.Values {
	out := cloneValues(v)
	var kept []string
	found := false
	for _, raw := range v[facet] {
		for _, x := range strings.Split(raw, ",") {
			if n, err := search.NormalizeFilter(facet, x); err == nil && n == value {
				found = true
				continue
			}
			if strings.TrimSpace(x) != "" {
				kept = append(kept, x)
			}
		}
	}
	if !found {
		kept = append(kept, value)
	}
	out.Del(facet)
	for _, k := range kept {
		out.Add(facet, k)
	}
	return out
}

type labelView struct {
	ID    string
	Facet string
	Value string
	Label string
	// Title is the full title of a GCM objective.
	Title      string
	Given      bool
	Known      bool
	Source     string
	Score      string
	Evidence   []evidenceView
	SearchHref string
}

type evidenceView struct {
	Term  string
	Where string
	Pages []int
	Count int
	Ref   string
}

type labelGroup struct {
	Facet, Label string
	Labels       []labelView
}

type metaRow struct {
	Label  string
	Values []metaValue
}

type metaValue struct{ Text, Href string }

type pageView struct {
	Number  int
	Lang    string
	Text    template.HTML
	Matches int
}

type docPage struct {
	page
	Doc        *search.Document
	DocTitle   string
	BackHref   string
	FileURL    string
	FileName   string
	FileFormat string
	Meta       []metaRow
	Groups     []labelGroup
	Provenance []labelView
	More       []hitView
	MoreHref   string
	Pages      []pageView
	Highlight  string
	PlainHref  string
	MatchPages []int
}

// labelOrder is the order of the classification on a document page.
var labelOrder = []string{search.FacetGCM, search.FacetCountry, search.FacetTheme, search.FacetPrinciple,
	search.FacetType, search.FacetLang}

func (s *Server) pageDocument(c *gin.Context) {
	d, err := s.idx.Document(c.Request.Context(), c.Param("id"))
	if err != nil {
		s.failErr(c, err)
		return
	}
	title := d.Title
	if title == "" {
		title = d.ID
	}
	p := newPage(c, title+" – Faro")
	lang := p.Lang
	v := c.Request.URL.Query()
	back := searchParams(v)
	if n, err := strconv.Atoi(v.Get("page")); err == nil && n > 1 {
		back.Set("page", strconv.Itoa(n))
	}
	uiOnly := url.Values{}
	if p.explicitUI != "" {
		uiOnly.Set("ui", p.explicitUI)
	}
	filterHref := func(facet, value string) string {
		nv := cloneValues(uiOnly)
		nv.Set(facet, value)
		return withQuery("/", nv)
	}
	docPath := "/documents/" + url.PathEscape(d.ID)
	dp := docPage{page: p, Doc: d, DocTitle: title, BackHref: withQuery("/", back),
		FileURL: docPath + "/file", FileName: path.Base(d.Source), PlainHref: withQuery(docPath, uiOnly)}
	if d.Format != "" {
		dp.FileFormat = msgOr(lang, "format_"+d.Format, d.Format)
	}

	// Metadata.
	addRow := func(key string, vals ...metaValue) {
		var keep []metaValue
		for _, mv := range vals {
			if mv.Text != "" {
				keep = append(keep, mv)
			}
		}
		if len(keep) > 0 {
			dp.Meta = append(dp.Meta, metaRow{Label: msg(lang, key), Values: keep})
		}
	}
	codes := func(facet string, cs []string) []metaValue {
		var out []metaValue
		for _, code := range cs {
			out = append(out, metaValue{taxonomy.Label(facet, code, lang), filterHref(facet, code)})
		}
		return out
	}
	if d.Type != "" {
		addRow("facet_type", metaValue{taxonomy.Label(search.FacetType, d.Type, lang), filterHref(search.FacetType, d.Type)})
	}
	if d.Lang != "" {
		addRow("facet_lang", metaValue{taxonomy.Label(search.FacetLang, d.Lang, lang), filterHref(search.FacetLang, d.Lang)})
	}
	switch {
	case d.Date != "":
		addRow("published", metaValue{Text: d.Date})
	case d.Year != 0:
		addRow("published", metaValue{strconv.Itoa(d.Year), filterHref(search.FacetYear, strconv.Itoa(d.Year))})
	}
	addRow("facet_country", codes(search.FacetCountry, d.Countries)...)
	addRow("facet_theme", codes(search.FacetTheme, d.Themes)...)
	addRow("facet_principle", codes(search.FacetPrinciple, d.Principles)...)
	addRow("author", metaValue{Text: d.Author})
	addRow("source", metaValue{Text: d.Source})
	if d.Format != "" {
		addRow("format", metaValue{Text: msgOr(lang, "format_"+d.Format, d.Format)})
	}
	addRow("page_count", metaValue{Text: strconv.Itoa(len(d.Pages))})
	var flags []metaValue
	for _, f := range d.Flags {
		flags = append(flags, metaValue{Text: flagText(lang, f)})
	}
	addRow("flags", flags...)

	// Classification with its evidence, GCM objectives first.
	byFacet := map[string][]labelView{}
	for _, l := range d.Labels {
		lv := labelView{ID: "why-" + anchorPart(l.Facet) + "-" + anchorPart(l.Value), Facet: l.Facet, Value: l.Value,
			Label: facetLabel(l.Facet, l.Value, lang), Given: l.Given, Known: true, Source: sourceText(lang, l.Source)}
		if l.Score != 0 {
			lv.Score = strconv.FormatFloat(l.Score, 'g', 3, 64)
		}
		if taxonomy.Valid(l.Facet, l.Value) {
			lv.SearchHref = filterHref(l.Facet, l.Value)
		}
		for _, e := range l.Evidence {
			lv.Evidence = append(lv.Evidence, evidenceView{Term: e.Term, Where: msgOr(lang, "where_"+e.Where, e.Where),
				Pages: e.Pages, Count: e.Count, Ref: e.Ref})
		}
		byFacet[l.Facet] = append(byFacet[l.Facet], lv)
	}
	// Objectives the document carries without a label still show.
	for _, n := range d.GCM {
		key := strconv.Itoa(n)
		found := false
		for _, lv := range byFacet[search.FacetGCM] {
			found = found || lv.Value == key
		}
		if !found {
			byFacet[search.FacetGCM] = append(byFacet[search.FacetGCM], labelView{ID: "why-gcm-" + key, Facet: search.FacetGCM,
				Value: key, Label: facetLabel(search.FacetGCM, key, lang), SearchHref: filterHref(search.FacetGCM, key)})
		}
	}
	for i := range byFacet[search.FacetGCM] {
		lv := &byFacet[search.FacetGCM][i]
		if n, err := strconv.Atoi(lv.Value); err == nil {
			if o, ok := taxonomy.ObjectiveByNumber(n); ok {
				lv.Title = o.Title.Get(lang)
			}
		}
	}
	known := map[string]bool{}
	for _, f := range labelOrder {
		known[f] = true
		if len(byFacet[f]) > 0 {
			dp.Groups = append(dp.Groups, labelGroup{Facet: f, Label: msg(lang, "facet_"+f), Labels: byFacet[f]})
		}
	}
	for _, l := range d.Labels {
		if !known[l.Facet] {
			for _, lv := range byFacet[l.Facet] {
				lv.Label = msgOr(lang, "facet_"+l.Facet, l.Facet)
				dp.Provenance = append(dp.Provenance, lv)
			}
			known[l.Facet] = true
		}
	}

	// Pages, with the words of the search marked.
	terms := highlightTerms(v.Get("q"))
	if len(terms) > 0 {
		dp.Highlight = strings.TrimSpace(v.Get("q"))
	}
	for _, pg := range d.Pages {
		text, n := highlight(pg.Text, terms)
		dp.Pages = append(dp.Pages, pageView{Number: pg.Number, Lang: pg.Lang, Text: text, Matches: n})
		if n > 0 {
			dp.MatchPages = append(dp.MatchPages, pg.Number)
		}
	}

	// More like this: same GCM objectives and countries.
	if len(d.GCM) > 0 || len(d.Countries) > 0 {
		q := search.Query{Filters: map[string][]string{}, Size: moreLikeThis + 1, Page: 1, Sort: search.SortDateDesc}
		more := cloneValues(uiOnly)
		for _, n := range d.GCM {
			q.Filters[search.FacetGCM] = append(q.Filters[search.FacetGCM], strconv.Itoa(n))
			more.Add(search.FacetGCM, strconv.Itoa(n))
		}
		for _, code := range d.Countries {
			q.Filters[search.FacetCountry] = append(q.Filters[search.FacetCountry], code)
			more.Add(search.FacetCountry, code)
		}
		if r, err := s.idx.Search(c.Request.Context(), q); err == nil {
			for _, h := range r.Hits {
				if h.ID != d.ID && len(dp.More) < moreLikeThis {
					dp.More = append(dp.More, newHitView(h, lang, uiOnly))
				}
			}
			if r.Total > uint64(len(dp.More)+1) {
				dp.MoreHref = withQuery("/", more)
			}
		} else {
			s.log.Debug("more like this", "id", d.ID, "err", err)
		}
	}
	s.render(c, http.StatusOK, "document.html", dp)
}

// anchorPart makes a value usable in an id.
func anchorPart(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-') {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	return b.String()
}

// sourceText says where a label came from in words.
func sourceText(lang, src string) string {
	if src == "" {
		return ""
	}
	kind, detail, _ := strings.Cut(src, ":")
	t := msgOr(lang, "src_"+kind, kind)
	if detail != "" {
		t += " " + detail
	}
	return t
}

// flagText explains an extraction flag such as "garbled-page:3".
func flagText(lang, f string) string {
	kind, detail, _ := strings.Cut(f, ":")
	t := msgOr(lang, "flag_"+kind, kind)
	if detail != "" {
		t += " (" + msg(lang, "page_n") + " " + detail + ")"
	}
	return t
}

type hlTerm struct {
	text   string
	prefix bool
}

// highlightTerms lists the folded words of a query that the document page
// marks: words and phrase words of the text fields, not excluded ones.
func highlightTerms(q string) []hlTerm {
	q = strings.TrimSpace(q)
	if q == "" || len(q) > search.MaxQueryLen {
		return nil
	}
	n, err := search.ParseQuery(q)
	if err != nil {
		return nil
	}
	var out []hlTerm
	seen := map[hlTerm]bool{}
	add := func(t hlTerm) {
		if t.text != "" && !seen[t] && len(out) < 50 {
			seen[t] = true
			out = append(out, t)
		}
	}
	var walk func(search.Node)
	walk = func(n search.Node) {
		switch n := n.(type) {
		case search.Term:
			if n.Field == "" || n.Field == "title" {
				for _, w := range words(n.Text) {
					add(hlTerm{search.Fold(w.text), n.Prefix})
				}
			}
		case search.Phrase:
			if n.Field == "" || n.Field == "title" {
				for _, w := range words(n.Text) {
					add(hlTerm{search.Fold(w.text), false})
				}
			}
		case search.And:
			for _, c := range n.Nodes {
				walk(c)
			}
		case search.Or:
			for _, c := range n.Nodes {
				walk(c)
			}
		}
	}
	walk(n)
	return out
}

type word struct {
	text       string
	start, end int
}

func words(s string) []word {
	var out []word
	start := -1
	for i, r := range s {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			out = append(out, word{s[start:i], start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, word{s[start:], start, len(s)})
	}
	return out
}

// matches reports whether a folded word of the text matches a term: the
// same word, its plural, or a word starting with a prefix term.
func (t hlTerm) matches(w string) bool {
	if t.prefix {
		return strings.HasPrefix(w, t.text)
	}
	if w == t.text {
		return true
	}
	rest, ok := strings.CutPrefix(w, t.text)
	return ok && len(t.text) >= 3 && (rest == "s" || rest == "es")
}

// highlight escapes text and marks the words that match terms; it returns
// the HTML and the number of marks.
func highlight(text string, terms []hlTerm) (template.HTML, int) {
	if len(terms) == 0 {
		return template.HTML(html.EscapeString(text)), 0
	}
	var b strings.Builder
	n, last := 0, 0
	for _, w := range words(text) {
		f := search.Fold(w.text)
		for _, t := range terms {
			if t.matches(f) {
				b.WriteString(html.EscapeString(text[last:w.start]))
				b.WriteString("<mark>")
				b.WriteString(html.EscapeString(w.text))
				b.WriteString("</mark>")
				last = w.end
				n++
				break
			}
		}
	}
	b.WriteString(html.EscapeString(text[last:]))
	return template.HTML(b.String()), n
}

func (s *Server) static(c *gin.Context) {
	sub, _ := fs.Sub(staticFS, "static")
	c.Header("Cache-Control", "public, max-age=3600")
	c.FileFromFS(strings.TrimPrefix(c.Param("path"), "/"), http.FS(sub))
}
