package extract

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
)

// sniffLen is how much of a file's head Detect looks at.
const sniffLen = 1024

// Detect returns the format of a file ("pdf", "html", "markdown", "text"),
// or "" if it is not supported.
//
// Content decides first: "%PDF-" within the first 1024 bytes is a PDF; a
// document starting (after a BOM, blanks, an XML declaration or comments)
// with <!doctype html or <html is HTML; a document starting with a YAML
// front-matter line "---" followed by a "key:" line is Markdown. Otherwise
// the extension decides, in any letter case: .pdf; .html .htm .xhtml;
// .md .markdown; .txt .text.
func Detect(name string, head []byte) string {
	if len(head) > sniffLen {
		head = head[:sniffLen]
	}
	if bytes.Contains(head, []byte("%PDF-")) {
		return FormatPDF
	}
	if looksHTML(head) {
		return FormatHTML
	}
	if looksFrontMatter(head) {
		return FormatMarkdown
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".pdf":
		return FormatPDF
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".md", ".markdown":
		return FormatMarkdown
	case ".txt", ".text":
		return FormatText
	}
	return ""
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// looksHTML reports whether head starts like an HTML document.
func looksHTML(head []byte) bool {
	b := bytes.TrimPrefix(head, utf8BOM)
	for i := 0; i < 16; i++ { // skip a bounded number of prologue items
		b = bytes.TrimLeft(b, " \t\r\n\f")
		switch {
		case hasPrefixFold(b, "<?xml"):
			end := bytes.Index(b, []byte("?>"))
			if end < 0 {
				return false
			}
			b = b[end+2:]
		case hasPrefixFold(b, "<!--"):
			end := bytes.Index(b, []byte("-->"))
			if end < 0 {
				return false
			}
			b = b[end+3:]
		case hasPrefixFold(b, "<!doctype html"), hasPrefixFold(b, "<html"):
			return true
		default:
			return false
		}
	}
	return false
}

func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && strings.EqualFold(string(b[:len(prefix)]), prefix)
}

var frontMatterKey = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.-]*[ \t]*:`)

// looksFrontMatter reports whether head starts with a YAML front-matter
// block: a line "---" followed by a "key:" line.
func looksFrontMatter(head []byte) bool {
	b := bytes.TrimPrefix(head, utf8BOM)
	line, rest, ok := bytes.Cut(b, []byte("\n"))
	if !ok || string(bytes.TrimRight(line, " \t\r")) != "---" {
		return false
	}
	for len(rest) > 0 {
		line, rest, _ = bytes.Cut(rest, []byte("\n"))
		t := bytes.TrimSpace(line)
		if len(t) == 0 || t[0] == '#' {
			continue
		}
		return frontMatterKey.Match(t)
	}
	return false
}
