package pdftext

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strings"
)

// A small PDF writer for tests: objects are written as given ("N 0 R"
// references are the test's business), the xref table and trailer are
// computed.
type pdfBuilder struct {
	objs []string
	info string
}

// add appends an object and returns its number.
func (b *pdfBuilder) add(body string) int {
	b.objs = append(b.objs, body)
	return len(b.objs)
}

// set replaces object n (1-based).
func (b *pdfBuilder) set(n int, body string) { b.objs[n-1] = body }

// stream makes a stream object body; flate compresses it.
func stream(dict, data string, flate bool) string {
	if flate {
		var buf bytes.Buffer
		zw := zlib.NewWriter(&buf)
		zw.Write([]byte(data))
		zw.Close()
		data = buf.String()
		dict += " /Filter /FlateDecode"
	}
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

func (b *pdfBuilder) bytes(root int) []byte {
	var buf bytes.Buffer
	buf.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(b.objs))
	for i, o := range b.objs {
		offsets[i] = buf.Len()
		fmt.Fprintf(&buf, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := buf.Len()
	fmt.Fprintf(&buf, "xref\n0 %d\n0000000000 65535 f \n", len(b.objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&buf, "%010d 00000 n \n", off)
	}
	info := ""
	if b.info != "" {
		info = " /Info " + b.info
	}
	fmt.Fprintf(&buf, "trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n", len(b.objs)+1, root, info, xref)
	return buf.Bytes()
}

// onePage builds a one-page document: fonts maps resource names to font
// object bodies, xobjects to XObject bodies, content is the page's stream.
func onePage(content string, fonts, xobjects map[string]string) []byte {
	b := &pdfBuilder{}
	catalog := b.add("")
	pages := b.add("")
	var fr, xr []string
	for name, body := range fonts {
		fr = append(fr, fmt.Sprintf("/%s %d 0 R", name, b.add(body)))
	}
	for name, body := range xobjects {
		xr = append(xr, fmt.Sprintf("/%s %d 0 R", name, b.add(body)))
	}
	contents := b.add(stream("", content, true))
	page := b.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources << /Font << %s >> /XObject << %s >> >> /Contents %d 0 R >>",
		pages, strings.Join(fr, " "), strings.Join(xr, " "), contents))
	b.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	b.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", page))
	return b.bytes(catalog)
}

const helvetica = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
