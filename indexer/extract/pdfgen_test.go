package extract

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
)

// A minimal PDF writer for tests: Helvetica text in WinAnsi, one content
// stream per page, an Info dictionary, and a few ways to break things.

type genPage struct {
	lines   []string // text lines (UTF-8, Latin-1 repertoire)
	content string   // raw content stream, instead of lines
	filter  string   // /Filter of the content stream (an unknown one breaks the page)
}

type genPDF struct {
	pages   []genPage
	info    map[string]string
	encrypt bool   // add a Standard security handler whose user password is not empty
	header  string // "%PDF-1.4" by default
	junk    string // bytes before the header
	tail    string // bytes after %%EOF
	xmp     string // an XMP metadata stream of the catalog
}

// pdfString writes s as a PDF literal string in WinAnsi (Latin-1 subset).
func pdfString(s string) string {
	var b strings.Builder
	b.WriteByte('(')
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r > 0xFF:
			b.WriteByte('?')
		case r < 0x80:
			b.WriteByte(byte(r))
		default:
			fmt.Fprintf(&b, "\\%03o", r)
		}
	}
	b.WriteByte(')')
	return b.String()
}

func (g genPDF) bytes() []byte {
	var buf bytes.Buffer
	buf.WriteString(g.junk)
	start := buf.Len()
	header := g.header
	if header == "" {
		header = "%PDF-1.4"
	}
	buf.WriteString(header + "\n%\xe2\xe3\xcf\xd3\n")
	var offsets []int
	obj := func(body string) int {
		offsets = append(offsets, buf.Len()-start)
		n := len(offsets)
		fmt.Fprintf(&buf, "%d 0 obj\n%s\nendobj\n", n, body)
		return n
	}
	// Object numbers are fixed in advance: 1 catalog, 2 pages, 3 font,
	// then page/content pairs, then info and encrypt.
	nPages := len(g.pages)
	kids := make([]string, nPages)
	for i := range g.pages {
		kids[i] = fmt.Sprintf("%d 0 R", 4+2*i)
	}
	meta := ""
	if g.xmp != "" {
		meta = fmt.Sprintf(" /Metadata %d 0 R", 4+2*nPages)
	}
	obj("<< /Type /Catalog /Pages 2 0 R /Lang (es-ES)" + meta + " >>")
	obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), nPages))
	obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	for i, p := range g.pages {
		obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", 5+2*i))
		content := p.content
		if content == "" && len(p.lines) > 0 {
			var c strings.Builder
			c.WriteString("BT /F1 12 Tf 14 TL 72 720 Td\n")
			for j, l := range p.lines {
				if j > 0 {
					c.WriteString("T* ")
				}
				c.WriteString(pdfString(l) + " Tj\n")
			}
			c.WriteString("ET")
			content = c.String()
		}
		filter := ""
		if p.filter != "" {
			filter = " /Filter /" + p.filter
		}
		obj(fmt.Sprintf("<< /Length %d%s >>\nstream\n%s\nendstream", len(content), filter, content))
	}
	if g.xmp != "" {
		obj(fmt.Sprintf("<< /Type /Metadata /Subtype /XML /Length %d >>\nstream\n%s\nendstream", len(g.xmp), g.xmp))
	}
	infoRef := ""
	if len(g.info) > 0 {
		keys := make([]string, 0, len(g.info))
		for k := range g.info {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var d strings.Builder
		d.WriteString("<<")
		for _, k := range keys {
			fmt.Fprintf(&d, " /%s %s", k, pdfString(g.info[k]))
		}
		d.WriteString(" >>")
		infoRef = fmt.Sprintf(" /Info %d 0 R", obj(d.String()))
	}
	encRef := ""
	if g.encrypt {
		o := strings.Repeat("A1", 32)
		u := strings.Repeat("B2", 32)
		n := obj(fmt.Sprintf("<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <%s> /U <%s> >>", o, u))
		encRef = fmt.Sprintf(" /Encrypt %d 0 R", n)
	}
	xref := buf.Len() - start
	fmt.Fprintf(&buf, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, off := range offsets {
		fmt.Fprintf(&buf, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&buf, "trailer\n<< /Size %d /Root 1 0 R%s%s /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] >>\nstartxref\n%d\n%%%%EOF\n",
		len(offsets)+1, infoRef, encRef, xref)
	buf.WriteString(g.tail)
	return buf.Bytes()
}
