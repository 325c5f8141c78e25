package web

import (
	"bytes"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"faro/search/cite"
)

// registerEvidence adds the citation export, evidence pack and feed routes:
//
//	GET /api/v1/export?<search>&format=bibtex|ris|csljson|csv   every matching document (up to 1,000) as citations
//	GET /api/v1/evidence?<search>&format=md|html|csv            the top hits' passages grouped by GCM objective
//	GET /feed.atom?<search>                                     Atom feed of the 20 newest matching documents
//
// They take the search parameters of /api/v1/search (page and size are
// ignored: each output decides how many hits it holds) and ui (en, es) for
// labels. Their output depends only on the URL and the index, so a saved
// search is a URL.
func (s *Server) registerEvidence(r *gin.Engine) {
	r.GET("/api/v1/export", s.apiExport)
	r.GET("/api/v1/evidence", s.apiEvidence)
	r.GET("/feed.atom", s.feedAtom)
}

func (s *Server) apiExport(c *gin.Context) {
	name := c.DefaultQuery("format", "bibtex")
	f, ok := cite.LookupFormat(name)
	if !ok || f.Kind != cite.Citations {
		s.fail(c, http.StatusBadRequest, fmt.Sprintf("parameter format: must be %s, got %q",
			strings.Join(cite.FormatNames(cite.Citations), ", "), name))
		return
	}
	s.serveFormat(c, f, "attachment")
}

func (s *Server) apiEvidence(c *gin.Context) {
	name := c.DefaultQuery("format", "md")
	f, ok := cite.LookupFormat("evidence-" + name)
	if !ok || f.Kind != cite.Evidence {
		s.fail(c, http.StatusBadRequest, fmt.Sprintf("parameter format: must be md, html or csv, got %q", name))
		return
	}
	disposition := "attachment"
	if name == "html" {
		disposition = "inline" // a page to read and print; saving it keeps it whole
	}
	s.serveFormat(c, f, disposition)
}

func (s *Server) feedAtom(c *gin.Context) {
	f, _ := cite.LookupFormat("atom")
	s.serveFormat(c, f, "")
}

// serveFormat runs the request's search and answers it in format f. The
// output is rendered in full before anything is sent, so a failure midway
// still answers a clean error.
func (s *Server) serveFormat(c *gin.Context, f cite.Format, disposition string) {
	q, err := ParseQuery(c.Request.URL.Query())
	if err != nil {
		s.failErr(c, err)
		return
	}
	links, err := requestLinks(c.Request)
	if err != nil {
		s.fail(c, http.StatusBadRequest, err.Error())
		return
	}
	lang := c.Query("ui")
	if lang != "es" {
		lang = "en"
	}
	now := time.Now().UTC()
	var buf bytes.Buffer
	st, err := cite.Render(c.Request.Context(), s.idx, f, cite.Params{Query: q, Lang: lang, Links: links, Now: now}, &buf)
	if err != nil {
		s.failErr(c, fmt.Errorf("%s %s: %w", c.Request.Method, c.Request.URL.Path, err))
		return
	}
	h := c.Writer.Header()
	if disposition != "" {
		h.Set("Content-Disposition", disposition+`; filename="`+f.Filename(q, now)+`"`)
	}
	if f.Kind == cite.Evidence && f.Ext == "html" {
		h.Set("Content-Security-Policy", cite.EvidenceCSP+"; frame-ancestors 'self'")
	}
	h.Set("X-Faro-Total", strconv.FormatUint(st.Total, 10))
	h.Set("X-Faro-Items", strconv.Itoa(st.Items))
	c.Data(http.StatusOK, f.ContentType, buf.Bytes())
}

// hostRE matches a Host header Faro puts into absolute URLs: a name or
// IPv4 address, or a bracketed IPv6 address, with an optional port.
var hostRE = regexp.MustCompile(`^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?$`)

// requestLinks builds absolute addresses from the request's Host (and
// X-Forwarded-Proto "https" behind a TLS-terminating proxy).
func requestLinks(r *http.Request) (cite.Links, error) {
	if !hostRE.MatchString(r.Host) {
		return cite.Links{}, fmt.Errorf("bad Host header %q", r.Host)
	}
	scheme := "http"
	if r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https") {
		scheme = "https"
	}
	links, err := cite.NewLinks(scheme + "://" + r.Host)
	if err != nil {
		return cite.Links{}, fmt.Errorf("bad Host header %q: %w", r.Host, err)
	}
	return links, nil
}
