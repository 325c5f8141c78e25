package corpusgen

import (
	"bytes"
	"fmt"
	"strings"
)

// A small PDF writer: one page object per page, each with one content
// stream of Helvetica text in WinAnsiEncoding, a cross-reference table
// with exact offsets and an Info dictionary. Text is limited to the
// Latin-1 repertoire (anything else becomes "?").

// pdfPage is the text of one page, already wrapped into lines.
type pdfPage struct {
	lines []string
}

// pdfInfo is the document information dictionary.
type pdfInfo struct {
	Title, Author, Subject, Keywords, Lang string
	Date                                   string // YYYY-MM-DD
}

// Page geometry (US Letter, points) and type.
const (
	pageWidth   = 612
	pageHeight  = 792
	margin      = 54
	fontSize    = 10.0
	leading     = 12.0
	lineRunes   = 95 // Helvetica 10 pt averages ~5 pt a character: 95 fit in 504 pt
	linesOnPage = int((pageHeight - 2*margin) / leading)
)

// pdfLiteral writes s as a PDF literal string in WinAnsi: parentheses and
// backslashes escaped, bytes above 0x7E as octal escapes, characters
// outside Latin-1 replaced by "?".
func pdfLiteral(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('(')
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\t':
			b.WriteByte(' ')
		case r < 0x20 || r > 0xFF || (r >= 0x7F && r < 0xA0):
			b.WriteByte('?')
		case r < 0x7F:
			b.WriteByte(byte(r))
		default:
			fmt.Fprintf(&b, "\\%03o", r)
		}
	}
	b.WriteByte(')')
	return b.String()
}

// wrap breaks text into lines of at most width characters at spaces
// (a longer word gets a line of its own). Newlines in text end lines.
func wrap(text string, width int) []string {
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		var cur strings.Builder
		n := 0
		for _, w := range strings.Fields(para) {
			wl := len([]rune(w))
			if n > 0 && n+1+wl > width {
				lines = append(lines, cur.String())
				cur.Reset()
				n = 0
			}
			if n > 0 {
				cur.WriteByte(' ')
				n++
			}
			cur.WriteString(w)
			n += wl
		}
		if n > 0 {
			lines = append(lines, cur.String())
		}
	}
	return lines
}

// pdfDate formats YYYY-MM-DD as a PDF date.
func pdfDate(d string) string {
	return "D:" + strings.ReplaceAll(d, "-", "") + "000000Z"
}

// writePDF renders the pages into a complete PDF file.
func writePDF(pages []pdfPage, info pdfInfo) []byte {
	var buf bytes.Buffer
	buf.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	var offsets []int
	obj := func(body string) int {
		offsets = append(offsets, buf.Len())
		n := len(offsets)
		fmt.Fprintf(&buf, "%d 0 obj\n%s\nendobj\n", n, body)
		return n
	}
	// Objects: 1 catalog, 2 page tree, 3 font, then a page and its content
	// for each page, then the Info dictionary.
	kids := make([]string, len(pages))
	for i := range pages {
		kids[i] = fmt.Sprintf("%d 0 R", 4+2*i)
	}
	catalog := "<< /Type /Catalog /Pages 2 0 R"
	if info.Lang != "" {
		catalog += " /Lang " + pdfLiteral(info.Lang)
	}
	obj(catalog + " >>")
	obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages)))
	obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	for i, p := range pages {
		obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>",
			pageWidth, pageHeight, 5+2*i))
		// Lines that do not fit at the normal leading are set tighter, so
		// that one synthetic page stays one PDF page.
		lead, size := leading, fontSize
		if len(p.lines) > linesOnPage {
			lead = float64(pageHeight-2*margin) / float64(len(p.lines))
			size = lead * fontSize / leading
		}
		var c strings.Builder
		fmt.Fprintf(&c, "BT /F1 %.2f Tf %.2f TL %d %d Td\n", size, lead, margin, pageHeight-margin)
		for j, l := range p.lines {
			if j > 0 {
				c.WriteString("T* ")
			}
			c.WriteString(pdfLiteral(l))
			c.WriteString(" Tj\n")
		}
		c.WriteString("ET")
		obj(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", c.Len(), c.String()))
	}
	var d strings.Builder
	d.WriteString("<<")
	for _, kv := range [][2]string{{"Title", info.Title}, {"Author", info.Author}, {"Subject", info.Subject}, {"Keywords", info.Keywords}} {
		if kv[1] != "" {
			fmt.Fprintf(&d, " /%s %s", kv[0], pdfLiteral(kv[1]))
		}
	}
	if info.Date != "" {
		fmt.Fprintf(&d, " /CreationDate %s", pdfLiteral(pdfDate(info.Date)))
	}
	d.WriteString(" /Producer (faro gencorpus) >>")
	infoObj := obj(d.String())
	xref := buf.Len()
	fmt.Fprintf(&buf, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, off := range offsets {
		fmt.Fprintf(&buf, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&buf, "trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, infoObj, xref)
	return buf.Bytes()
}
