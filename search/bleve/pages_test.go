package bleve

import (
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"

	"faro/search/bleve/internal/texttable"
)

// checkPages tokenizes joined page texts and compares each word with the
// words tokenizer's on its own page: same term, page, position in the page
// and place in the joined value.
func checkPages(t *testing.T, pages []string) {
	t.Helper()
	words := wordsTokenizer{full: unicode.NewUnicodeTokenizer()}
	joined := joinPages(pages)
	got := pagesTokenizer{words: words}.Tokenize([]byte(joined))
	k, at := 0, 0
	for page, text := range strings.Split(joined, string(pageSep)) {
		for _, w := range words.Tokenize([]byte(text)) {
			if k >= len(got) {
				t.Fatalf("%q: %d words, want more", joined, len(got))
			}
			g := got[k]
			k++
			if string(g.Term) != string(w.Term) || texttable.KeyPage(uint64(g.Position)) != page ||
				texttable.KeyPos(uint64(g.Position)) != w.Position || g.Start != at+w.Start || g.End != at+w.End {
				t.Fatalf("%q: word %d is %q page %d position %d at %d-%d, want %q page %d position %d at %d-%d", joined, k-1,
					g.Term, texttable.KeyPage(uint64(g.Position)), texttable.KeyPos(uint64(g.Position)), g.Start, g.End,
					w.Term, page, w.Position, at+w.Start, at+w.End)
			}
		}
		at += len(text) + 1
	}
	if k != len(got) {
		t.Fatalf("%q: %d words, want %d", joined, len(got), k)
	}
}

func TestPagesTokenizer(t *testing.T) {
	for _, pages := range [][]string{
		{"one page only"},
		{"first page about remittances", "", "third page: smuggling routes"},
		{"", "", "late start"},
		{"a form\ffeed inside", "l'homme 3.5 — œuvre"},
		{"migración y trata", "Ñandú niños", "日本語 text"},
	} {
		checkPages(t, pages)
	}
	if got := joinPages([]string{"a\fb", "c"}); got != "a\nb\fc" {
		t.Errorf("joinPages = %q", got)
	}
}

func FuzzPagesTokenizer(f *testing.F) {
	for _, s := range []string{"a\fb", "migración\f\fy trata", "l'homme 3.5\fœuvre", "\f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkPages(t, strings.Split(s, string(pageSep)))
	})
}
