package format

import (
	"bytes"
	"testing"
	"unicode/utf8"
)

// FuzzSniff checks the sniffers' invariants on any content: they never
// panic; Detect looks at the first SniffLen bytes only and lets a
// signature beat the name; Sniff accepts non-UTF-8 content only for a
// format that is not bound to UTF-8, and agrees with Detect on PDFs.
func FuzzSniff(f *testing.F) {
	for _, seed := range []struct{ name, data string }{
		{"a.pdf", pdfHead},
		{"a.html", "\xef\xbb\xbf<?xml version=\"1.0\"?><!-- x --><!DOCTYPE html><html>"},
		{"a.htm", "<p>fragment</p>"},
		{"a.md", "---\r\n# c\r\ntitle: x\r\n---\r\n"},
		{"a.txt", "plain text, niñez"},
		{"a.txt", "ni\xf1ez"},
		{"a.png", "\x89PNG\r\n\x1a\n\x00"},
		{"", ""},
	} {
		f.Add(seed.name, []byte(seed.data))
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		d, dok := Detect(name, data)
		if head := data[:min(len(data), SniffLen)]; len(head) < len(data) {
			if d2, ok2 := Detect(name, head); d2.Name != d.Name || ok2 != dok {
				t.Fatalf("Detect reads past SniffLen: %q vs %q", d.Name, d2.Name)
			}
		}
		if dok {
			if _, ok := ByName(d.Name); !ok {
				t.Fatalf("Detect gave an unregistered format %q", d.Name)
			}
		}
		if d.Signature != nil && d.Signature(data[:min(len(data), SniffLen)]) {
			if other, _ := Detect("x"+name+".bin", data); other.Name != d.Name {
				t.Fatalf("a signature of %s did not beat the name: %s", d.Name, other.Name)
			}
		}
		s, err := Sniff(name, data)
		if err != nil {
			if s.Name != "" {
				t.Fatalf("Sniff returned %q with error %v", s.Name, err)
			}
			return
		}
		if _, ok := ByName(s.Name); !ok {
			t.Fatalf("Sniff gave an unregistered format %q", s.Name)
		}
		if s.UTF8 && (!utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0) {
			t.Fatalf("Sniff took non-UTF-8 content as %s", s.Name)
		}
		if (d.Name == PDF.Name) != (s.Name == PDF.Name) && looksPDF(data[:min(len(data), SniffLen)]) {
			t.Fatalf("Detect says %q and Sniff %q for a PDF signature", d.Name, s.Name)
		}
	})
}
