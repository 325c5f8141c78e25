package web

import (
	"html/template"

	"faro/search"
)

// Highlighting on the pages: the words search.Highlighter marks, rendered
// as HTML; snippets rendered from their segments.

// markHTML escapes text and marks the words hl marks in it (title-only
// units too when title is set); it returns the HTML and the number of marks.
func markHTML(hl *search.Highlighter, text string, title bool) (template.HTML, int) {
	segs := hl.Segments(text, title)
	n := 0
	for _, s := range segs {
		if s.Mark {
			n++
		}
	}
	return template.HTML(search.SegmentsHTML(segs)), n
}

// snippetHTML renders a snippet: its text escaped, its matches in <mark>.
// Segments are plain text, so nothing else can come out as markup.
func snippetHTML(s search.Snippet) template.HTML {
	return template.HTML(search.SegmentsHTML(s.Segments))
}
