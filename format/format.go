// Package format is the one list of the document formats Faro reads: each
// format's name, file extensions, MIME type and how its content is
// recognised. Extraction (indexer/extract picks its extractor by the
// format's name), uploads and file serving (search/web) and the command
// (cmd/faro, faro/corpus) all read it, so a new format is one entry here
// plus its extractor.
//
// The package imports the standard library only: search/... and indexer/...
// both depend on it.
package format

import (
	"path"
	"strings"
)

// Format is one document format.
type Format struct {
	// Name identifies the format: the value of search.Document.Format and
	// extract.Result.Format, and the key of the extractor table.
	Name string
	// Exts are the file extensions of the format, lower case with their
	// dot; the first is the one an upload is stored with when its own
	// extension is not among them.
	Exts []string
	// MIME is the Content-Type an original of this format is served with.
	MIME string
	// Noun names the format in messages to users, with its article
	// ("a PDF", "Markdown").
	Noun string
	// Signature, when set, reports whether a file's head (its first
	// SniffLen bytes) is of this format whatever the file is named.
	Signature func(head []byte) bool
	// Binary marks a format recognised by its Signature only: an upload
	// named with one of Exts but without the signature is refused.
	Binary bool
	// UTF8 marks a text format that must be UTF-8 (uploads in another
	// encoding, or holding NUL bytes, are refused). HTML is not: it
	// declares its own charset.
	UTF8 bool
	// FitsExt, when set, reports whether the UTF-8 head of an upload
	// named with one of Exts is plausibly of this format (HTML: it holds a
	// tag). Unset means any UTF-8 content fits.
	FitsExt func(head []byte) bool
}

// The formats, in the order content is sniffed: a file whose head
// matches several signatures is of the first.
var (
	// PDF is the Portable Document Format, recognised by "%PDF-" in its
	// first SniffLen bytes.
	PDF = Format{
		Name: "pdf", Exts: []string{".pdf"}, MIME: "application/pdf", Noun: "a PDF",
		Signature: looksPDF, Binary: true,
	}
	// HTML is a web page, recognised by <!doctype html> or <html> after a
	// BOM, blanks, an XML declaration or comments.
	HTML = Format{
		Name: "html", Exts: []string{".html", ".htm", ".xhtml"}, MIME: "text/html; charset=utf-8", Noun: "an HTML page",
		Signature: looksHTML, FitsExt: hasTag,
	}
	// Markdown is Markdown text, recognised by a YAML front-matter block
	// ("---" then a "key:" line).
	Markdown = Format{
		Name: "markdown", Exts: []string{".md", ".markdown"}, MIME: "text/plain; charset=utf-8", Noun: "Markdown",
		Signature: looksFrontMatter, UTF8: true,
	}
	// Text is plain text: what UTF-8 content is when nothing more specific
	// matches.
	Text = Format{
		Name: "text", Exts: []string{".txt", ".text"}, MIME: "text/plain; charset=utf-8", Noun: "plain text",
		UTF8: true,
	}
)

// Images: scans and photographs of text, read by OCR (indexer/ocr).
var (
	// PNG is a PNG image, recognised by its 8-byte signature.
	PNG = Format{
		Name: "png", Exts: []string{".png"}, MIME: "image/png", Noun: "a PNG image",
		Signature: prefix("\x89PNG\r\n\x1a\n"), Binary: true,
	}
	// JPEG is a JPEG image, recognised by its start-of-image marker.
	JPEG = Format{
		Name: "jpeg", Exts: []string{".jpg", ".jpeg"}, MIME: "image/jpeg", Noun: "a JPEG image",
		Signature: prefix("\xFF\xD8\xFF"), Binary: true,
	}
	// TIFF is a TIFF image (one or more pages), recognised by its byte
	// order mark and magic number.
	TIFF = Format{
		Name: "tiff", Exts: []string{".tif", ".tiff"}, MIME: "image/tiff", Noun: "a TIFF image",
		Signature: func(h []byte) bool { return prefix("II*\x00")(h) || prefix("MM\x00*")(h) }, Binary: true,
	}
)

// formats is the registry, in sniffing order; fallback is what an upload
// of UTF-8 text is when no other format claims it.
var (
	formats  = []*Format{&PDF, &HTML, &Markdown, &Text, &PNG, &JPEG, &TIFF}
	fallback = &Text
)

// All returns the formats, in sniffing order.
func All() []Format {
	out := make([]Format, len(formats))
	for i, f := range formats {
		out[i] = *f
	}
	return out
}

// ByName returns the format called name ("pdf", "html", ...).
func ByName(name string) (Format, bool) {
	for _, f := range formats {
		if f.Name == name {
			return *f, true
		}
	}
	return Format{}, false
}

// ByExt returns the format of a file name (or a bare extension such as
// ".PDF") by its extension, in any letter case.
func ByExt(name string) (Format, bool) {
	if f := byExt(Ext(name)); f != nil {
		return *f, true
	}
	return Format{}, false
}

func byExt(ext string) *Format {
	if ext == "" {
		return nil
	}
	for _, f := range formats {
		for _, e := range f.Exts {
			if e == ext {
				return f
			}
		}
	}
	return nil
}

// Ext returns the extension of a file name (or the bare extension given),
// lower case with its dot; "" when it has none. Both slashes and
// backslashes separate folders.
func Ext(name string) string {
	return strings.ToLower(path.Ext(path.Base(strings.ReplaceAll(name, `\`, "/"))))
}

// Exts returns every extension of every format, in registry order.
func Exts() []string {
	var out []string
	for _, f := range formats {
		out = append(out, f.Exts...)
	}
	return out
}

// Nouns lists the formats for a message: "a PDF, an HTML page, Markdown
// or plain text".
func Nouns() string {
	var b strings.Builder
	for i, f := range formats {
		switch {
		case i == 0:
		case i == len(formats)-1:
			b.WriteString(" or ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(f.Noun)
	}
	return b.String()
}
