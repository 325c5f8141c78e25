package web

import (
	"context"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"unicode"

	"github.com/gin-gonic/gin"

	"faro/search"
)

// Suggestion is a completion of what a user is typing: a facet value
// (a country, an objective, a theme, in the interface's language), a
// phrase frequent in the collection, or a document's title.
type Suggestion struct {
	Text string `json:"text"`
	// Kind is "title", "phrase" or a facet name.
	Kind string `json:"kind"`
	// Value is the facet value's code (facet kinds).
	Value string `json:"value,omitempty"`
	// Count is how many documents the suggestion leads to.
	Count int `json:"count"`
	// URL is where choosing it leads.
	URL string `json:"url"`
}

// maxSuggestions bounds a suggest answer; maxPhraseSuggestions bounds
// its phrases, so that titles have room.
const (
	maxSuggestions       = 8
	maxPhraseSuggestions = 4
)

// phraser is an index that knows its frequent phrases.
type phraser interface {
	Phrases(ctx context.Context, prefix string, n int) ([]search.FrequentPhrase, error)
}

// suggestFacets are the facets whose values are suggested.
var suggestFacets = []string{search.FacetCountry, search.FacetGCM, search.FacetTheme}

// apiSuggest answers GET /api/v1/suggest?q=guat&ui=es.
func (s *Server) apiSuggest(c *gin.Context) {
	text := strings.TrimSpace(c.Query("q"))
	if len(text) > 100 {
		s.fail(c, http.StatusBadRequest, "parameter q: at most 100 bytes")
		return
	}
	lang := c.Query("lang")
	if lang != "es" && lang != "en" {
		lang = uiLang(c)
	}
	out, err := s.completions(c, text, lang)
	if err != nil {
		s.failErr(c, err)
		return
	}
	sendJSON(c, http.StatusOK, gin.H{"suggestions": out})
}

// completions finds up to maxSuggestions completions of text: facet values
// whose label has words starting with text's words (most documents
// first), then titles holding them.
func (s *Server) completions(c *gin.Context, text, lang string) ([]Suggestion, error) {
	words := suggestWords(text)
	out := []Suggestion{}
	if len(words) == 0 {
		return out, nil
	}
	all, err := s.idx.Search(c.Request.Context(), search.Query{Size: 1})
	if err != nil {
		return nil, err
	}
	for _, name := range suggestFacets {
		f, ok := search.LookupFacet(name)
		if !ok {
			continue
		}
		for _, fc := range all.Facets[name] {
			label := f.Label(fc.Value, lang)
			if fc.Count > 0 && startsWords(label, words) {
				out = append(out, Suggestion{Text: label, Kind: name, Value: fc.Value, Count: fc.Count, URL: "/?" + name + "=" + fc.Value + "&ui=" + lang})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Count > out[j].Count })
	if len(out) > maxSuggestions {
		out = out[:maxSuggestions]
	}
	// Phrases that start with what is typed, when it is more than a
	// letter or two.
	if p, ok := s.backend().(phraser); ok && len(out) < maxSuggestions && len([]rune(strings.Join(words, " "))) >= 3 {
		n := min(maxPhraseSuggestions, maxSuggestions-len(out))
		phrases, err := p.Phrases(c.Request.Context(), strings.Join(words, " "), n)
		if err != nil {
			return nil, err
		}
		for _, ph := range phrases {
			out = append(out, Suggestion{Text: ph.Text, Kind: "phrase", Count: ph.Count, URL: "/?q=" + url.QueryEscape(ph.Text) + "&ui=" + lang})
		}
	}
	// Titles: those with a word starting with the longest word typed
	// (stop words are not indexed), kept when they hold every word.
	longest := ""
	for _, w := range words {
		if len(w) > len(longest) {
			longest = w
		}
	}
	if len(out) < maxSuggestions && len([]rune(longest)) >= 2 {
		r, err := s.idx.Search(c.Request.Context(), search.Query{Text: "title:" + longest + "*", Size: 50, NoTypos: true})
		if err != nil {
			return nil, err
		}
		for _, h := range r.Hits {
			if len(out) < maxSuggestions && startsWords(h.Title, words) {
				out = append(out, Suggestion{Text: h.Title, Kind: "title", Count: 1, URL: "/documents/" + h.ID + "?ui=" + lang})
			}
		}
	}
	return out, nil
}

// suggestWords are the folded words of what is being typed.
func suggestWords(text string) []string {
	return strings.FieldsFunc(search.Fold(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// startsWords reports whether label holds words that start with words,
// in order and side by side ("guat" in "Guatemala", "plan you" in "Plan
// your Life").
func startsWords(label string, words []string) bool {
	lw := suggestWords(label)
	for i := range lw {
		if i+len(words) > len(lw) {
			return false
		}
		ok := true
		for j, w := range words {
			if j < len(words)-1 && lw[i+j] != w || !strings.HasPrefix(lw[i+j], w) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}
