package web

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"faro/search"
)

// Tombstones says whether a document id was deleted, and when. Deleted ids
// are never given to another document: their URLs answer 410 Gone. The
// write side keeps the list (indexer/corpus.Tombstones implements it).
type Tombstones interface {
	Removed(id string) (time.Time, bool)
}

// goneBody is the JSON answer of a deleted document: the error and the
// date it was removed.
type goneBody struct {
	Error   string `json:"error"`
	Removed string `json:"removed"`
}

// failDocument answers err of looking up document id: 410 Gone with the
// date of its removal when the id is a tombstone, as failErr otherwise.
func (s *Server) failDocument(c *gin.Context, id string, err error) {
	if errors.Is(err, search.ErrNotFound) && s.opts.Tombstones != nil {
		if when, ok := s.opts.Tombstones.Removed(id); ok {
			day := when.UTC().Format(time.DateOnly)
			if isAPI(c) {
				c.AbortWithStatusJSON(http.StatusGone, goneBody{Error: "document " + id + " was removed on " + day, Removed: when.UTC().Format(time.RFC3339)})
				return
			}
			lang := uiLang(c)
			p := newPage(c, msg(lang, "err_410")+" – Faro")
			p.Heading = msg(lang, "err_410")
			p.Status, p.Message = http.StatusGone, msg(lang, "removed_on")+" "+day
			s.render(c, http.StatusGone, "error.html", p)
			c.Abort()
			return
		}
	}
	s.failErr(c, err)
}

// isAPI reports whether the request is one of the JSON API's.
func isAPI(c *gin.Context) bool { return strings.HasPrefix(c.Request.URL.Path, "/api/") }
