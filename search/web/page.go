package web

import (
	"bytes"
	"embed"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

var templates = template.Must(template.New("").ParseFS(templateFS, "templates/*.html"))

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

func (s *Server) static(c *gin.Context) {
	sub, _ := fs.Sub(staticFS, "static")
	c.Header("Cache-Control", "public, max-age=3600")
	c.FileFromFS(strings.TrimPrefix(c.Param("path"), "/"), http.FS(sub))
}
