package web

import (
	"bytes"
	"embed"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"faro/search"
	"faro/search/taxonomy"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

var templates = template.Must(template.New("").Funcs(template.FuncMap{
	"mark": func(s string) template.HTML { return template.HTML(s) }, // snippets are escaped by search.BuildSnippets
}).ParseFS(templateFS, "templates/*.html"))

// page is what every template gets.
type page struct {
	Lang       string
	Title      string
	SwitchHref string
	Status     int
	Message    string
	T          func(string) string
}

func newPage(c *gin.Context, title string) page {
	lang := uiLang(c)
	other := "es"
	if lang == "es" {
		other = "en"
	}
	v := c.Request.URL.Query()
	v.Set("ui", other)
	return page{
		Lang: lang, Title: title,
		SwitchHref: c.Request.URL.Path + "?" + v.Encode(),
		T:          func(k string) string { return msg(lang, k) },
	}
}

func (s *Server) render(c *gin.Context, status int, name string, data any) {
	var buf bytes.Buffer
	if err := templates.ExecuteTemplate(&buf, name, data); err != nil {
		s.log.Error("render template", "template", name, "err", err)
		c.Data(http.StatusInternalServerError, "text/plain; charset=utf-8", []byte("internal error"))
		return
	}
	c.Header("Vary", "Accept-Language")
	c.Data(status, "text/html; charset=utf-8", buf.Bytes())
}

func (s *Server) renderError(c *gin.Context, status int, message string) {
	p := newPage(c, msg(uiLang(c), "error"))
	p.Status, p.Message = status, message
	s.render(c, status, "error.html", p)
	c.Abort()
}

type facetValueView struct {
	Value, Label string
	Count        int
	Selected     bool
	Href         string
}

type facetView struct {
	Name, Label string
	Values      []facetValueView
	Selected    int
}

type hitView struct {
	search.Hit
	URL, FileURL string
	TypeLabel    string
	Countries    []string
	GCM          []gcmTag
	Snippets     []snippetView
}

type gcmTag struct {
	Number int
	Label  string
}

type snippetView struct {
	Page int
	Text template.HTML
	URL  string
}

type chip struct{ Label, Href string }

type searchPage struct {
	page
	Q                  string
	Query              search.Query
	Result             *search.Result
	Hits               []hitView
	Facets             []facetView
	Chips              []chip
	ClearHref          string
	Prev, Next         string
	PageNum, PageCount int
	YearFrom, YearTo   string
	Sort               string
	Hidden             []hiddenField
}

type hiddenField struct{ Name, Value string }

func (s *Server) pageSearch(c *gin.Context) {
	p := newPage(c, "Faro")
	v := c.Request.URL.Query()
	q, err := ParseQuery(v)
	sp := searchPage{page: p, Q: v.Get("q"), YearFrom: v.Get("year_from"), YearTo: v.Get("year_to"), Sort: v.Get("sort")}
	if err != nil {
		sp.Status, sp.Message = http.StatusBadRequest, err.Error()
		s.render(c, http.StatusBadRequest, "search.html", sp)
		return
	}
	r, err := s.idx.Search(c.Request.Context(), q)
	if err != nil {
		s.failErr(c, err)
		return
	}
	sp.Query, sp.Result = q, r
	lang := p.Lang
	base := cleanValues(v)
	for _, h := range r.Hits {
		hv := hitView{Hit: h, URL: "/documents/" + h.ID + langSuffix(v), FileURL: "/documents/" + h.ID + "/file",
			TypeLabel: taxonomy.Label("type", h.Type, lang)}
		for _, code := range h.Countries {
			hv.Countries = append(hv.Countries, taxonomy.Label("country", code, lang))
		}
		for _, n := range h.GCM {
			hv.GCM = append(hv.GCM, gcmTag{n, taxonomy.Label("gcm", strconv.Itoa(n), lang)})
		}
		for _, sn := range h.Snippets {
			hv.Snippets = append(hv.Snippets, snippetView{Page: sn.Page, Text: template.HTML(sn.Text), URL: hv.FileURL + "#page=" + strconv.Itoa(sn.Page)})
		}
		sp.Hits = append(sp.Hits, hv)
	}
	for _, name := range search.Facets {
		fv := facetView{Name: name, Label: msg(lang, "facet_"+name)}
		selected := map[string]bool{}
		for _, s := range q.Filters[name] {
			selected[s] = true
		}
		seen := map[string]bool{}
		for _, fc := range r.Facets[name] {
			seen[fc.Value] = true
			fv.Values = append(fv.Values, facetValueView{Value: fc.Value, Label: taxonomy.Label(name, fc.Value, lang),
				Count: fc.Count, Selected: selected[fc.Value], Href: "/?" + toggle(base, name, fc.Value).Encode()})
		}
		// A selected value with no matches stays visible so it can be removed.
		for _, val := range q.Filters[name] {
			if !seen[val] {
				fv.Values = append(fv.Values, facetValueView{Value: val, Label: taxonomy.Label(name, val, lang), Selected: true,
					Href: "/?" + toggle(base, name, val).Encode()})
			}
		}
		fv.Selected = len(q.Filters[name])
		for _, val := range q.Filters[name] {
			sp.Chips = append(sp.Chips, chip{Label: fv.Label + ": " + taxonomy.Label(name, val, lang), Href: "/?" + toggle(base, name, val).Encode()})
		}
		if len(fv.Values) > 0 {
			sp.Facets = append(sp.Facets, fv)
		}
	}
	if q.YearFrom != 0 || q.YearTo != 0 {
		nv := cloneValues(base)
		nv.Del("year_from")
		nv.Del("year_to")
		sp.Chips = append(sp.Chips, chip{Label: msg(lang, "year_range") + ": " + v.Get("year_from") + "–" + v.Get("year_to"), Href: "/?" + nv.Encode()})
	}
	clear := url.Values{}
	for _, k := range []string{"q", "ui", "sort"} {
		if base.Get(k) != "" {
			clear.Set(k, base.Get(k))
		}
	}
	sp.ClearHref = "/?" + clear.Encode()
	sp.PageNum = q.Page
	sp.PageCount = int((r.Total + uint64(q.Size) - 1) / uint64(q.Size))
	if max := search.MaxDepth / q.Size; sp.PageCount > max {
		sp.PageCount = max
	}
	if q.Page > 1 {
		nv := cloneValues(base)
		nv.Set("page", strconv.Itoa(q.Page-1))
		sp.Prev = "/?" + nv.Encode()
	}
	if q.Page < sp.PageCount {
		nv := cloneValues(base)
		nv.Set("page", strconv.Itoa(q.Page+1))
		sp.Next = "/?" + nv.Encode()
	}
	for _, name := range search.Facets {
		for _, val := range q.Filters[name] {
			sp.Hidden = append(sp.Hidden, hiddenField{name, val})
		}
	}
	if ui := v.Get("ui"); ui != "" {
		sp.Hidden = append(sp.Hidden, hiddenField{"ui", ui})
	}
	s.render(c, http.StatusOK, "search.html", sp)
}

func langSuffix(v url.Values) string {
	if ui := v.Get("ui"); ui == "es" || ui == "en" {
		return "?ui=" + ui
	}
	return ""
}

// cleanValues keeps the parameters that define a search, without paging.
func cleanValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vals := range v {
		if k == "page" {
			continue
		}
		for _, x := range vals {
			if strings.TrimSpace(x) != "" {
				out.Add(k, x)
			}
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
	Facet, Value, Label string
	Given               bool
	Source              string
	Score               float64
	Evidence            []search.Evidence
}

type docPage struct {
	page
	Doc       *search.Document
	FileURL   string
	TypeLabel string
	LangLabel string
	Countries []string
	GCM       []gcmTag
	Themes    []string
	Labels    []labelView
	More      []hitView
}

func (s *Server) pageDocument(c *gin.Context) {
	d, err := s.idx.Document(c.Request.Context(), c.Param("id"))
	if err != nil {
		s.failErr(c, err)
		return
	}
	p := newPage(c, d.Title)
	lang := p.Lang
	dp := docPage{page: p, Doc: d, FileURL: "/documents/" + d.ID + "/file",
		TypeLabel: taxonomy.Label("type", d.Type, lang), LangLabel: taxonomy.Label("lang", d.Lang, lang)}
	for _, code := range d.Countries {
		dp.Countries = append(dp.Countries, taxonomy.Label("country", code, lang))
	}
	for _, t := range d.Themes {
		dp.Themes = append(dp.Themes, taxonomy.Label("theme", t, lang))
	}
	for _, n := range d.GCM {
		dp.GCM = append(dp.GCM, gcmTag{n, taxonomy.Label("gcm", strconv.Itoa(n), lang)})
	}
	for _, l := range d.Labels {
		dp.Labels = append(dp.Labels, labelView{Facet: msg(lang, "facet_"+l.Facet), Value: l.Value,
			Label: taxonomy.Label(l.Facet, l.Value, lang), Given: l.Given, Source: l.Source, Score: l.Score, Evidence: l.Evidence})
	}
	// More like this: same GCM objectives and countries.
	if len(d.GCM) > 0 || len(d.Countries) > 0 {
		q := search.Query{Filters: map[string][]string{}, Size: 6, Page: 1}
		for _, n := range d.GCM {
			q.Filters[search.FacetGCM] = append(q.Filters[search.FacetGCM], strconv.Itoa(n))
		}
		q.Filters[search.FacetCountry] = d.Countries
		if r, err := s.idx.Search(c.Request.Context(), q); err == nil {
			for _, h := range r.Hits {
				if h.ID != d.ID && len(dp.More) < 5 {
					dp.More = append(dp.More, hitView{Hit: h, URL: "/documents/" + h.ID + langSuffix(c.Request.URL.Query())})
				}
			}
		}
	}
	s.render(c, http.StatusOK, "document.html", dp)
}

func (s *Server) static(c *gin.Context) {
	sub, _ := fs.Sub(staticFS, "static")
	c.Header("Cache-Control", "public, max-age=3600")
	c.FileFromFS(strings.TrimPrefix(c.Param("path"), "/"), http.FS(sub))
}
