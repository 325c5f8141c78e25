package web

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"faro/search"
	"faro/search/taxonomy"
)

// SearchResponse is the JSON answer of GET /api/v1/search.
type SearchResponse struct {
	Total  uint64                 `json:"total"`
	TookMS int64                  `json:"took_ms"`
	Page   int                    `json:"page"`
	Size   int                    `json:"size"`
	Hits   []HitJSON              `json:"hits"`
	Facets map[string][]facetJSON `json:"facets"`
}

// HitJSON is a hit with its links.
type HitJSON struct {
	search.Hit
	URL      string        `json:"url"`
	FileURL  string        `json:"file_url"`
	Snippets []SnippetJSON `json:"snippets"`
}

// SnippetJSON is a snippet with a link that opens the original at its page.
type SnippetJSON struct {
	Page int    `json:"page"`
	Text string `json:"text"`
	URL  string `json:"url"`
}

// NewSearchResponse shapes a result for the API. It is shared with the
// command line's --json output so both print the same.
func NewSearchResponse(q search.Query, r *search.Result, lang string) SearchResponse {
	resp := SearchResponse{
		Total: r.Total, TookMS: r.Took.Milliseconds(), Page: q.Page, Size: q.Size,
		Hits: make([]HitJSON, 0, len(r.Hits)), Facets: labelFacets(r.Facets, lang),
	}
	for _, h := range r.Hits {
		hj := HitJSON{Hit: h, URL: "/documents/" + h.ID, FileURL: "/documents/" + h.ID + "/file", Snippets: []SnippetJSON{}}
		for _, s := range h.Snippets {
			hj.Snippets = append(hj.Snippets, SnippetJSON{Page: s.Page, Text: s.Text, URL: hj.FileURL + "#page=" + strconv.Itoa(s.Page)})
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
	c.JSON(http.StatusOK, NewSearchResponse(q, r, lang))
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
		s.failErr(c, err)
		return
	}
	c.JSON(http.StatusOK, DocumentResponse{Document: d, URL: "/documents/" + d.ID, FileURL: "/documents/" + d.ID + "/file"})
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
	c.JSON(http.StatusOK, gin.H{
		"countries":  taxonomy.Countries(),
		"themes":     taxonomy.Themes(),
		"gcm":        taxonomy.Objectives(),
		"principles": taxonomy.Principles(),
		"types":      taxonomy.DocTypes(),
		"languages":  langs,
	})
}
