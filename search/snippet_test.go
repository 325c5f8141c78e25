package search_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"faro/search"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// spanOf is the span of the first occurrence of word on page p.
func spanOf(pages []search.Page, p int, word string) search.Span {
	i := strings.Index(pages[p].Text, word)
	return search.Span{Page: p, Start: i, End: i + len(word), Term: search.Fold(word)}
}

func TestBuildSnippetSegments(t *testing.T) {
	pages := []search.Page{
		{Number: 1, Text: "La trata de personas."},
		{Number: 2, Text: "Texto <script>alert(1)</script> & trata\n\n\tde\u0000 niñez."},
		{Number: 3, Text: "  trata  "},
		{Number: 4, Text: "tratatrata"},
	}
	cases := []struct {
		name  string
		spans []search.Span
		want  []search.Segment
	}{
		{"one mark", []search.Span{spanOf(pages, 0, "trata")},
			[]search.Segment{{Text: "La "}, {Text: "trata", Mark: true}, {Text: " de personas."}}},
		{"markup is plain text, white space collapsed, controls dropped",
			[]search.Span{spanOf(pages, 1, "<script>"), spanOf(pages, 1, "niñez")},
			[]search.Segment{{Text: "Texto "}, {Text: "<script>", Mark: true}, {Text: "alert(1)</script> & trata de "},
				{Text: "niñez", Mark: true}, {Text: "."}}},
		{"spaces at the ends trimmed", []search.Span{spanOf(pages, 2, "trata")},
			[]search.Segment{{Text: "trata", Mark: true}}},
		{"adjacent marks stay apart", []search.Span{{Page: 3, Start: 0, End: 5, Term: "trata"}, {Page: 3, Start: 5, End: 10, Term: "trata"}},
			[]search.Segment{{Text: "trata", Mark: true}, {Text: "trata", Mark: true}}},
		{"overlapping spans merge", []search.Span{{Page: 3, Start: 0, End: 6, Term: "a"}, {Page: 3, Start: 4, End: 10, Term: "b"}},
			[]search.Segment{{Text: "tratatrata", Mark: true}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := search.BuildSnippets(pages, c.spans, 1, 240)
			if len(got) != 1 {
				t.Fatalf("got %d snippets, want 1: %+v", len(got), got)
			}
			if !reflect.DeepEqual(got[0].Segments, c.want) {
				t.Errorf("segments = %+v\nwant       %+v", got[0].Segments, c.want)
			}
		})
	}
}

func TestSegmentsHTML(t *testing.T) {
	cases := []struct {
		name string
		segs []search.Segment
		want string
	}{
		{"none", nil, ""},
		{"plain", []search.Segment{{Text: "a & b"}}, "a &amp; b"},
		{"marked", []search.Segment{{Text: "la "}, {Text: "trata", Mark: true}, {Text: "."}}, "la <mark>trata</mark>."},
		{"script escaped", []search.Segment{{Text: "<script>alert(1)</script>"}}, "&lt;script&gt;alert(1)&lt;/script&gt;"},
		{"marked script escaped", []search.Segment{{Text: "<script>", Mark: true}}, "<mark>&lt;script&gt;</mark>"},
		{"mark tags in text escaped", []search.Segment{{Text: "</mark>x<mark>"}}, "&lt;/mark&gt;x&lt;mark&gt;"},
		{"entities are text", []search.Segment{{Text: "&lt;"}}, "&amp;lt;"},
		{"quotes", []search.Segment{{Text: `"a" 'b'`}}, "&#34;a&#34; &#39;b&#39;"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := search.SegmentsHTML(c.segs); got != c.want {
				t.Errorf("SegmentsHTML = %q, want %q", got, c.want)
			}
			if got, want := search.SegmentsText(c.segs), joinText(c.segs); got != want {
				t.Errorf("SegmentsText = %q, want %q", got, want)
			}
		})
	}
}

func joinText(segs []search.Segment) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.Text)
	}
	return b.String()
}

// TestSnippetJSON checks that a snippet's JSON keeps "text" as the HTML the
// API has always given, beside its segments, and reads back.
func TestSnippetJSON(t *testing.T) {
	s := search.Snippet{Page: 3, Segments: []search.Segment{{Text: "a <b> "}, {Text: "trata", Mark: true}}}
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"page":3,"text":"a \u0026lt;b\u0026gt; \u003cmark\u003etrata\u003c/mark\u003e","segments":[{"text":"a \u003cb\u003e "},{"text":"trata","mark":true}]}`
	if string(b) != want {
		t.Errorf("json = %s\nwant   %s", b, want)
	}
	var back search.Snippet
	if err := json.Unmarshal(b, &back); err != nil || !reflect.DeepEqual(back, s) {
		t.Errorf("read back %+v (%v), want %+v", back, err, s)
	}
	if b, _ := json.Marshal(search.Snippet{Page: 1}); string(b) != `{"page":1,"text":"","segments":[]}` {
		t.Errorf("empty snippet json = %s", b)
	}
}

// TestBuildSnippetsGolden keeps the snippets of a longer document, as the
// JSON API would carry them, in testdata/snippets.golden.json.
func TestBuildSnippetsGolden(t *testing.T) {
	long := strings.Repeat("Los flujos migratorios mixtos requieren respuestas coordinadas. ", 8)
	pages := []search.Page{
		{Number: 1, Text: "Resumen: la trata de personas & el tráfico ilícito de migrantes <b>no</b> son lo mismo."},
		{Number: 2, Text: long + "La niñez migrante no acompañada y la trata de personas. " + long},
		{Number: 3, Text: "Nada que marcar aquí."},
		{Number: 4, Text: "Trata, trata y TRATA."},
	}
	var spans []search.Span
	for p, words := range map[int][]string{0: {"trata", "migrantes", "<b>"}, 1: {"niñez", "migrante", "trata"}, 3: {"Trata", "TRATA"}} {
		for _, w := range words {
			spans = append(spans, spanOf(pages, p, w))
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(search.BuildSnippets(pages, spans, 3, search.SnippetWidth)); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	golden := filepath.Join("testdata", "snippets.golden.json")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (go test ./search/ -update creates it)", err)
	}
	if string(want) != got {
		t.Errorf("snippets differ from %s (go test ./search/ -update rewrites it); got:\n%s", golden, got)
	}
}
