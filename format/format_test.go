package format

import (
	"errors"
	"strings"
	"testing"
)

var pdfHead = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"

// TestDetect covers corpus files: content first, then the extension.
func TestDetect(t *testing.T) {
	cases := []struct {
		name string
		head string
		want string // "" for no format
	}{
		{"report.pdf", pdfHead, "pdf"},
		{"report.PDF", "", "pdf"},
		{"report.pdF", "", "pdf"},
		{"no-extension", pdfHead, "pdf"},
		{"junk-first.bin", strings.Repeat("x", 500) + "%PDF-1.4\n", "pdf"},
		{"too-late.bin", strings.Repeat("x", 1100) + "%PDF-1.4\n", ""},
		{"page.txt", "<!DOCTYPE html><html><body>x</body></html>", "html"},
		{"page", "\xef\xbb\xbf  <!doctype HTML>\n<html>", "html"},
		{"page", "<?xml version=\"1.0\"?>\n<!-- c -->\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", "html"},
		{"page", "<HTML><HEAD>", "html"},
		{"page", "<!-- unterminated <html>", ""},
		{"page", "<?xml unterminated <html>", ""},
		{"page", "<p>a fragment</p>", ""},
		{"page.HTM", "plain words", "html"},
		{"page.html", "", "html"},
		{"page.xhtml", "", "html"},
		{"dir.pdf/page.html", "", "html"},
		{`C:\docs\page.HTML`, "", "html"},
		{"note.txt", "---\ntitle: Hola\n---\nbody", "markdown"},
		{"note", "---\r\n# comment\r\ndate: 2021-01-01\r\n---\r\n", "markdown"},
		{"note", "\xef\xbb\xbf---\n\n  title: x\n", "markdown"},
		{"note.md", "plain", "markdown"},
		{"NOTE.MarkDown", "", "markdown"},
		{"rule.txt", "---\nnot a key line\n", "text"},
		{"rule", "---\n", ""},
		{"readme.TXT", "hello", "text"},
		{"readme.text", "hello", "text"},
		{"data.json", "{\"a\": 1}", ""},
		{"data.csv", "a,b\n1,2\n", ""},
		{"image.png", "\x89PNG\r\n\x1a\n\x00", "png"},
		{"scan.JPG", "\xFF\xD8\xFF\xE0", "jpeg"},
		{"fax.tif", "II*\x00\x08", "tiff"},
		{"fax", "MM\x00*\x00", "tiff"},
		{"image.gif", "GIF89a", ""},
		{".pdf", "", "pdf"},
		{"", "", ""},
	}
	for _, c := range cases {
		f, ok := Detect(c.name, []byte(c.head))
		if got := f.Name; got != c.want || ok != (c.want != "") {
			t.Errorf("Detect(%q, %.30q) = %q, %v; want %q", c.name, c.head, got, ok, c.want)
		}
	}
}

// TestSniff covers uploads: the content decides, the name only breaks
// ties between text formats.
func TestSniff(t *testing.T) {
	pdf := pdfHead + "\x00\xff\xfe binary"
	cases := []struct {
		name    string
		data    string
		want    string // format, or "" for an error
		errText string // in the error
	}{
		{"report.pdf", pdf, "pdf", ""},
		{"report.txt", pdf, "pdf", ""},
		{"", pdf, "pdf", ""},
		{"page.htm", "<!DOCTYPE html><html><body><p>hola</p></body></html>", "html", ""},
		{"page.md", "<!-- c --><html lang=es><p>hola</p></html>", "html", ""},
		{"latin1.html", "<html><meta charset=latin1>ni\xf1ez</html>", "html", ""},
		{"frag.html", "<p>hola</p>", "html", ""},
		{"frag.HTML", "no tag at all", "text", ""},
		{"frag.html", "---\ntitle: x\n---\nno tag", "markdown", ""},
		{"notes.markdown", "# Title\n\nbody", "markdown", ""},
		{"notes", "---\ntitle: x\n---\n# x", "markdown", ""},
		{"notes.txt", "---\ntitle: x\n---\n# x", "markdown", ""},
		{"notes.TXT", "plain words", "text", ""},
		{"script.exe", "plain words", "text", ""},
		{"fake.pdf", "just text", "", "named .pdf but is not a PDF"},
		{"fake.PDF", "just text", "", "named .pdf but is not a PDF"},
		{"image.png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "png", ""},
		{"photo.png", "\xFF\xD8\xFF\xE0\x00\x10JFIF", "jpeg", ""},
		{"fake.png", "not an image", "", "named .png but is not a PNG image"},
		{"image.gif", "GIF89a\x01\x00\x01\x00\x80\x00", "", "unsupported file"},
		{"old.txt", "ni\xf1ez", "", "UTF-8"},
		{"nul.txt", "a\x00b", "", "unsupported file"},
	}
	for _, c := range cases {
		f, err := Sniff(c.name, []byte(c.data))
		switch {
		case c.want == "" && err == nil:
			t.Errorf("Sniff(%q, %.30q) = %q, want an error", c.name, c.data, f.Name)
		case c.want == "" && (!errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), c.errText)):
			t.Errorf("Sniff(%q, %.30q): error %v, want one wrapping ErrUnsupported with %q", c.name, c.data, err, c.errText)
		case c.want != "" && (err != nil || f.Name != c.want):
			t.Errorf("Sniff(%q, %.30q) = %q, %v; want %q", c.name, c.data, f.Name, err, c.want)
		}
	}
}

func TestRegistry(t *testing.T) {
	seenExt := map[string]string{}
	for _, f := range All() {
		if f.Name == "" || f.MIME == "" || f.Noun == "" || len(f.Exts) == 0 {
			t.Errorf("format %+v lacks a name, MIME type, noun or extension", f)
		}
		if f.Binary && f.Signature == nil {
			t.Errorf("%s is binary without a signature", f.Name)
		}
		if got, ok := ByName(f.Name); !ok || got.Name != f.Name {
			t.Errorf("ByName(%q) = %q, %v", f.Name, got.Name, ok)
		}
		for _, e := range f.Exts {
			if e != strings.ToLower(e) || !strings.HasPrefix(e, ".") {
				t.Errorf("%s: extension %q is not lower case with a dot", f.Name, e)
			}
			if other, dup := seenExt[e]; dup {
				t.Errorf("extension %s belongs to %s and %s", e, other, f.Name)
			}
			seenExt[e] = f.Name
			if got, ok := ByExt("file" + strings.ToUpper(e)); !ok || got.Name != f.Name {
				t.Errorf("ByExt(file%s) = %q, %v; want %s", strings.ToUpper(e), got.Name, ok, f.Name)
			}
		}
	}
	if len(Exts()) != len(seenExt) {
		t.Errorf("Exts() = %v", Exts())
	}
	if _, ok := ByName("docx"); ok {
		t.Error("ByName(docx) found a format")
	}
	if _, ok := ByExt("archive.tar.gz"); ok {
		t.Error("ByExt(archive.tar.gz) found a format")
	}
	if got := Nouns(); !strings.HasPrefix(got, "a PDF, an HTML page, ") || !strings.HasSuffix(got, " or a TIFF image") {
		t.Errorf("Nouns() = %q", got)
	}
	for _, f := range All() {
		if !strings.Contains(Nouns(), f.Noun) {
			t.Errorf("Nouns() = %q lacks %q", Nouns(), f.Noun)
		}
	}
}
