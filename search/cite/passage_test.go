package cite

import (
	"testing"

	"faro/search"
)

// TestPassageRenderers checks each rendering of a passage's segments: plain
// text (CSV, CSL-JSON, Atom), Markdown and HTML (evidence packs). Segments
// are plain text, so markup in them must come out as text.
func TestPassageRenderers(t *testing.T) {
	cases := []struct {
		name                 string
		segs                 []search.Segment
		text, markdown, html string
	}{
		{"marked",
			segs("… La ", "trata", " de personas …"),
			"… La trata de personas …", "… La **trata** de personas …", "… La <mark>trata</mark> de personas …"},
		{"script",
			segs("x <script>alert(1)</script> ", "trata"),
			"x <script>alert(1)</script> trata", `x \<script\>alert(1)\</script\> **trata**`,
			"x &lt;script&gt;alert(1)&lt;/script&gt; <mark>trata</mark>"},
		{"marked markup",
			segs("", "<b>&amp;"),
			"<b>&amp;", `**\<b\>\&amp;**`, "<mark>&lt;b&gt;&amp;amp;</mark>"},
		{"white space and controls",
			segs("  a\n\n b\x1b[31m ", "c", "\t"),
			"a b[31m c", `a b\[31m **c**`, "a b[31m <mark>c</mark>"},
		{"markdown at line start",
			segs("- item ", "trata"),
			"- item trata", `\- item **trata**`, "- item <mark>trata</mark>"},
		{"empty", nil, "", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := Passage{Page: 1, Segments: c.segs}
			if got := p.Text(); got != c.text {
				t.Errorf("Text = %q, want %q", got, c.text)
			}
			if got := mdPassage(p); got != c.markdown {
				t.Errorf("mdPassage = %q, want %q", got, c.markdown)
			}
			if got := string(htmlPassage(p)); got != c.html {
				t.Errorf("htmlPassage = %q, want %q", got, c.html)
			}
		})
	}
}
