package format

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"unicode/utf8"
)

// SniffLen is how much of a file's head the signatures look at.
const SniffLen = 1024

// ErrUnsupported is wrapped by the errors of Sniff for content that is
// none of the formats.
var ErrUnsupported = errors.New("unsupported format")

// SniffError is the error of Sniff: its message says, in words for the
// uploader, what is wrong. It wraps ErrUnsupported.
type SniffError struct {
	Msg string
}

// Error returns the message for the uploader.
func (e *SniffError) Error() string { return e.Msg }

// Unwrap returns ErrUnsupported.
func (e *SniffError) Unwrap() error { return ErrUnsupported }

// Detect returns the format of a corpus file from its name and head.
//
// Content decides first: a head matching a format's Signature is of that
// format (registry order: "%PDF-" within the first SniffLen bytes is a PDF;
// <!doctype html or <html after a BOM, blanks, an XML declaration or
// comments is HTML; a YAML front-matter block is Markdown). Otherwise the
// extension decides, in any letter case. ok is false for a file of no
// known format.
func Detect(name string, head []byte) (f Format, ok bool) {
	head = head[:min(len(head), SniffLen)]
	for _, f := range formats {
		if f.Signature != nil && f.Signature(head) {
			return *f, true
		}
	}
	return ByExt(name)
}

// Sniff returns the format of an upload: the content decides, the name
// only breaks ties between text formats.
//
// A signature of a format that is not bound to UTF-8 (PDF, HTML) decides
// at once, so HTML in Latin-1 is accepted. Anything else must be UTF-8
// without NUL bytes. Then a name with the extension of a Binary format
// (a ".pdf" without the PDF signature) is refused; a name with another
// format's extension gives that format when the content fits it (HTML: a
// tag somewhere); a UTF-8 signature gives its format (front matter:
// Markdown); the rest is plain text. The error is a *SniffError.
func Sniff(name string, data []byte) (Format, error) {
	head := data[:min(len(data), SniffLen)]
	for _, f := range formats {
		if !f.UTF8 && f.Signature != nil && f.Signature(head) {
			return *f, nil
		}
	}
	if !utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0 {
		return Format{}, &SniffError{Msg: "unsupported file: send " + Nouns() + " (text in UTF-8)"}
	}
	ext := Ext(name)
	if f := byExt(ext); f != nil && f != fallback {
		if f.Binary {
			return Format{}, &SniffError{Msg: "the file is named " + ext + " but is not " + f.Noun}
		}
		if f.FitsExt == nil || f.FitsExt(head) {
			return *f, nil
		}
	}
	for _, f := range formats {
		if f.UTF8 && f.Signature != nil && f.Signature(head) {
			return *f, nil
		}
	}
	return *fallback, nil
}

// prefix returns a signature: the head starts with p.
func prefix(p string) func([]byte) bool {
	return func(head []byte) bool { return bytes.HasPrefix(head, []byte(p)) }
}

func looksPDF(head []byte) bool { return bytes.Contains(head, []byte("%PDF-")) }

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// looksHTML reports whether head starts like an HTML document.
func looksHTML(head []byte) bool {
	b := bytes.TrimPrefix(head, utf8BOM)
	for range 16 { // skip a bounded number of prologue items
		b = bytes.TrimLeft(b, " \t\r\n\f")
		var end int
		switch {
		case hasPrefixFold(b, "<!doctype html"), hasPrefixFold(b, "<html"):
			return true
		case hasPrefixFold(b, "<?xml"):
			end = bytes.Index(b, []byte("?>")) + len("?>")
		case hasPrefixFold(b, "<!--"):
			end = bytes.Index(b, []byte("-->")) + len("-->")
		default:
			return false
		}
		if end < len("-->") { // unterminated
			return false
		}
		b = b[end:]
	}
	return false
}

// hasTag reports whether head holds a '<': an upload named .html is taken
// as HTML (a fragment, say) only then.
func hasTag(head []byte) bool { return bytes.IndexByte(head, '<') >= 0 }

func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && strings.EqualFold(string(b[:len(prefix)]), prefix)
}

var frontMatterKey = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.-]*[ \t]*:`)

// looksFrontMatter reports whether head starts with a YAML front-matter
// block: a line "---" followed (after blank and comment lines) by a
// "key:" line.
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
