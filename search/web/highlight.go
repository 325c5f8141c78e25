package web

import (
	"html"
	"html/template"
	"strings"
	"unicode"

	"faro/search"
)

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
