package extract

import (
	"context"
	"strings"
	"unicode/utf8"

	"faro/format"
)

// TextEngine names the plain-text engine in Result.Engine.
const TextEngine = "text"

// maxTitleRunes is the longest first line taken as a plain text's title.
const maxTitleRunes = 150

// TextExtractor extracts plain text: UTF-8 (a UTF-8 or UTF-16 BOM is
// honoured; invalid UTF-8 is read as Latin-1/Windows-1252). The title is
// the first non-empty line when it is short (at most 150 characters and
// not ending like a sentence that goes on).
type TextExtractor struct{}

var _ = register(format.Text, TextExtractor{})

// Extract implements Extractor.
func (TextExtractor) Extract(ctx context.Context, name string, data []byte) (*Result, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	src, enc := decodeBytes(data)
	res := &Result{Format: format.Text.Name, Engine: TextEngine, Pages: []string{}}
	if enc != "utf-8" {
		res.Meta = map[string]string{"charset": enc}
	}
	text := cleanText(src)
	res.Pages = paginate(text, PageWords)
	if res.Pages == nil {
		res.Pages = []string{}
		res.addFlag(FlagEmpty)
		return res, nil
	}
	first, _, _ := strings.Cut(text, "\n")
	first = strings.TrimSpace(first)
	if n := utf8.RuneCountInString(first); n > 0 && n <= maxTitleRunes && !strings.HasSuffix(first, ",") {
		res.Title = first
	}
	return res, nil
}
