// Package pdftest writes small PDF files for tests and fixtures: objects
// numbered from 1, the catalogue first, with their cross-reference table.
package pdftest

import (
	"bytes"
	"fmt"
)

// Write numbers objs from 1 (objs[0] is the catalogue) and writes them
// with their cross-reference table and trailer; trailer holds further
// trailer entries, such as "/Info 6 0 R", or "".
func Write(objs []string, trailer string) []byte {
	var buf bytes.Buffer
	buf.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = buf.Len()
		fmt.Fprintf(&buf, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := buf.Len()
	fmt.Fprintf(&buf, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offsets {
		fmt.Fprintf(&buf, "%010d 00000 n \n", o)
	}
	if trailer != "" {
		trailer = " " + trailer
	}
	fmt.Fprintf(&buf, "trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, trailer, xref)
	return buf.Bytes()
}
