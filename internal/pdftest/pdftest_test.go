package pdftest

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

func TestWriteOffsets(t *testing.T) {
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"}
	for _, trailer := range []string{"", "/Info 2 0 R"} {
		b := Write(objs, trailer)
		// Each xref entry points at its object's header.
		xref := b[bytes.Index(b, []byte("xref\n")):]
		lines := strings.Split(string(xref), "\n")
		for i := range objs {
			var off int
			fmt.Sscanf(lines[3+i], "%010d", &off)
			if want := fmt.Sprintf("%d 0 obj", i+1); !bytes.HasPrefix(b[off:], []byte(want)) {
				t.Errorf("entry %d points at %q, want %q", i+1, b[off:off+8], want)
			}
		}
		if !bytes.Contains(b, []byte("/Root 1 0 R"+map[bool]string{true: "", false: " " + trailer}[trailer == ""]+" >>")) {
			t.Errorf("trailer %q missing:\n%s", trailer, b)
		}
	}
}
