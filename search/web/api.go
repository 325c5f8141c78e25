package web

import (
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"faro/search"
	"faro/search/taxonomy"
)

// SearchResponse is the JSON answer of GET /api/v1/search.
type SearchResponse struct {
	Total uint64 `json:"total"`
	// NextCursor continues after the last hit (pass it as cursor=).
	NextCursor string `json:"next_cursor,omitempty"`
	TookMS     int64  `json:"took_ms"`
	// Matched is "all" when the hits hold every word of the query, "some"
	// when no document holds them all (match=all asks for all).
	Matched string `json:"matched,omitempty"`
	// DidYouMean is the query with misspelt words corrected, when some
	// were.
	DidYouMean string                 `json:"did_you_mean,omitempty"`
	Page       int                    `json:"page"`
	Size       int                    `json:"size"`
	Hits       []HitJSON              `json:"hits"`
	Facets     map[string][]facetJSON `json:"facets"`
}

// HitJSON is a hit with its links.
type HitJSON struct {
	search.Hit
	URL      string        `json:"url"`
	FileURL  string        `json:"file_url"`
	Snippets []SnippetJSON `json:"snippets"`
}

// SnippetJSON is a snippet with a link that opens the original at its page.
// Text is the passage as HTML: its text escaped, the matches in <mark>.
// OCR (with the recogniser's mean word confidence, 0-100) marks a passage
// recognised from a scan; both are left out for text-layer pages.
type SnippetJSON struct {
	Page       int     `json:"page"`
	Text       string  `json:"text"`
	URL        string  `json:"url"`
	OCR        bool    `json:"ocr,omitempty"`
	Confidence float64 `json:"ocr_confidence,omitempty"`
}

// NewSearchResponse shapes a result for the API. It is shared with the
// command line's --json output so both print the same.
func NewSearchResponse(q search.Query, r *search.Result, lang string) SearchResponse {
	resp := SearchResponse{
		Total: r.Total, NextCursor: r.NextCursor, TookMS: r.Took.Milliseconds(), Matched: r.Matched, DidYouMean: r.DidYouMean, Page: q.Page, Size: q.Size,
		Hits: make([]HitJSON, 0, len(r.Hits)), Facets: labelFacets(r.Facets, lang),
	}
	for _, h := range r.Hits {
		hj := HitJSON{Hit: h, URL: "/documents/" + h.ID, FileURL: "/documents/" + h.ID + "/file", Snippets: []SnippetJSON{}}
		for _, s := range h.Snippets {
			hj.Snippets = append(hj.Snippets, SnippetJSON{Page: s.Page, Text: s.HTML(), URL: hj.FileURL + "#page=" + strconv.Itoa(s.Page),
				OCR: s.OCR, Confidence: s.Confidence})
		}
		resp.Hits = append(resp.Hits, hj)
	}
	return resp
}

func (s *Server) apiSearch(c *gin.Context) {
	q, err := ParseQuery(c.Request.URL.Query())
	if err != nil {
		s.failErr(c, err)
		return
	}
	r, err := s.idx.Search(c.Request.Context(), q)
	if err != nil {
		s.failErr(c, err)
		return
	}
	lang := c.Query("ui")
	if lang != "es" {
		lang = "en"
	}
	sendJSON(c, http.StatusOK, NewSearchResponse(q, r, lang))
}

// DocumentResponse is the JSON answer of GET /api/v1/documents/{id}.
type DocumentResponse struct {
	*search.Document
	URL     string `json:"url"`
	FileURL string `json:"file_url"`
}

func (s *Server) apiDocument(c *gin.Context) {
	d, err := s.idx.Document(c.Request.Context(), c.Param("id"))
	if err != nil {
		s.failDocument(c, c.Param("id"), err)
		return
	}
	// Lists are lists, empty or not, as in hits and uploads.
	doc := *d
	doc.Countries, doc.Themes, doc.GCM, doc.Principles = nonNil(d.Countries), nonNil(d.Themes), nonNil(d.GCM), nonNil(d.Principles)
	doc.Pages = nonNil(d.Pages)
	sendJSON(c, http.StatusOK, DocumentResponse{Document: &doc, URL: "/documents/" + d.ID, FileURL: "/documents/" + d.ID + "/file"})
}

type codeLabel struct {
	Code  string        `json:"code"`
	Label taxonomy.Text `json:"label"`
}

func (s *Server) apiTaxonomy(c *gin.Context) {
	var langs []codeLabel
	for _, l := range taxonomy.Languages {
		langs = append(langs, codeLabel{l.Code, l.Name})
	}
	sendJSON(c, http.StatusOK, gin.H{
		"countries":  taxonomy.Countries(),
		"themes":     taxonomy.Themes(),
		"gcm":        taxonomy.Objectives(),
		"principles": taxonomy.Principles(),
		"types":      taxonomy.DocTypes(),
		"languages":  langs,
	})
}

// FacetValuesResponse is the JSON answer of GET /api/v1/facets/{name}.
type FacetValuesResponse struct {
	Facet  string      `json:"facet"`
	Prefix string      `json:"prefix"`
	Values []facetJSON `json:"values"`
}

// apiFacetValues finds the values of one facet whose code or label (in any
// language, accents ignored) starts with prefix, with their counts under
// the current search (ignoring the facet's own selection, like the
// sidebar). Known values without matches are listed with count 0.
func (s *Server) apiFacetValues(c *gin.Context) {
	name := c.Param("name")
	facet, known := search.LookupFacet(name)
	if !known {
		s.fail(c, http.StatusNotFound, "unknown facet "+strconv.Quote(name)+"; facets are "+strings.Join(search.Facets, ", "))
		return
	}
	v := c.Request.URL.Query()
	limit, err := intParam(v, "limit", 20, 1, 1000)
	if err != nil {
		s.failErr(c, err)
		return
	}
	v.Del(name)
	v.Del("cursor")
	v.Set("page", "1")
	v.Set("size", "1")
	q, err := ParseQuery(v)
	if err != nil {
		s.failErr(c, err)
		return
	}
	q.Snippets = 0
	r, err := s.idx.Search(c.Request.Context(), q)
	if err != nil {
		s.failErr(c, err)
		return
	}
	lang := c.Query("ui")
	if lang != "es" {
		lang = "en"
	}
	prefix := search.Fold(strings.TrimSpace(c.Query("prefix")))
	counts := map[string]int{}
	var values []string
	for _, fc := range r.Facets[name] {
		counts[fc.Value] = fc.Count
		values = append(values, fc.Value)
	}
	for _, code := range facet.Codes() {
		if _, ok := counts[code]; !ok {
			values = append(values, code)
		}
	}
	out := FacetValuesResponse{Facet: name, Prefix: c.Query("prefix"), Values: []facetJSON{}}
	for _, val := range values {
		if !matchesPrefix(facet, val, prefix) {
			continue
		}
		out.Values = append(out.Values, facetJSON{Value: val, Label: facet.Label(val, lang), Count: counts[val]})
	}
	sort.SliceStable(out.Values, func(i, j int) bool {
		if out.Values[i].Count != out.Values[j].Count {
			return out.Values[i].Count > out.Values[j].Count
		}
		return out.Values[i].Label < out.Values[j].Label
	})
	if len(out.Values) > limit {
		out.Values = out.Values[:limit]
	}
	sendJSON(c, http.StatusOK, out)
}

// matchesPrefix reports whether a facet value's code or any of its labels
// has a word starting with prefix (folded).
func matchesPrefix(facet *search.Facet, value, prefix string) bool {
	if prefix == "" || strings.HasPrefix(search.Fold(value), prefix) {
		return true
	}
	for _, l := range []string{"en", "es", "fr"} {
		label := search.Fold(facet.Label(value, l))
		if strings.HasPrefix(label, prefix) {
			return true
		}
		for _, w := range strings.Fields(label) {
			if strings.HasPrefix(w, prefix) {
				return true
			}
		}
	}
	return false
}
