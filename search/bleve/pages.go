package bleve

import (
	"bytes"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"

	"faro/search/bleve/internal/texttable"
)

// A document's pages are indexed as one value of its body field, joined by
// pageSep, rather than as one value a page: bleve then builds one
// frequency table a document rather than one a page, which makes indexing
// about a tenth faster. The page tokenizer numbers each word by its page
// and its place in the page (texttable.Key), so phrases still never cross
// pages and marks still find their page.
const pageSep = '\f'

// joinPages joins page texts with pageSep; a page's own form feeds, which
// extraction does not leave, become line breaks.
func joinPages(pages []string) string {
	n := 0
	for _, p := range pages {
		n += len(p) + 1
	}
	var b strings.Builder
	b.Grow(n)
	for i, p := range pages {
		if i > 0 {
			b.WriteByte(pageSep)
		}
		if strings.IndexByte(p, pageSep) >= 0 {
			p = strings.ReplaceAll(p, string(pageSep), "\n")
		}
		b.WriteString(p)
	}
	return b.String()
}

// eachPage calls fn with the index and text of each page of a stored body
// value (joinPages).
func eachPage(body []byte, fn func(page int, text []byte)) {
	for page := 0; ; page++ {
		i := bytes.IndexByte(body, pageSep)
		if i < 0 {
			fn(page, body)
			return
		}
		fn(page, body[:i])
		body = body[i+1:]
	}
}

const pagesName = "faro_pages"

func init() {
	registry.RegisterTokenizer(pagesName, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return pagesTokenizer{words: wordsTokenizer{full: unicode.NewUnicodeTokenizer()}}, nil
	})
}

// pagesTokenizer splits a body value (joinPages) into words page by page,
// as wordsTokenizer does, each word's position being texttable.Key(page,
// its position in the page) and its offsets the value's.
type pagesTokenizer struct{ words wordsTokenizer }

func (t pagesTokenizer) Tokenize(input []byte) analysis.TokenStream {
	if bytes.IndexByte(input, pageSep) < 0 {
		return t.words.Tokenize(input)
	}
	out := make(analysis.TokenStream, 0, len(input)/7+1) // as wordsTokenizer sizes it
	at := 0
	eachPage(input, func(page int, text []byte) {
		for _, tok := range t.words.Tokenize(text) {
			tok.Position = int(texttable.Key(uint64(page), uint64(tok.Position)))
			tok.Start += at
			tok.End += at
			out = append(out, tok)
		}
		at += len(text) + 1
	})
	return out
}
