package search_test

import (
	"reflect"
	"strings"
	"testing"

	"faro/search"
)

func TestWordMatches(t *testing.T) {
	cases := []struct {
		q, w string
		want bool
	}{
		{"trata", "trata", true},
		{"migracion", "migraciones", true},
		{"migraciones", "migracion", true},
		{"migrant", "migrants", true},
		{"migrants", "migrant", true},
		{"red", "redes", true},
		{"re", "res", false}, // too short for the plural rule
		{"trata", "tratados", false},
		{"migra", "migracion", false}, // a prefix needs migra*
		{"ninez", "ninos", false},
		{"", "", true},
	}
	for _, c := range cases {
		if got := search.WordMatches(c.q, c.w); got != c.want {
			t.Errorf("WordMatches(%q, %q) = %v, want %v", c.q, c.w, got, c.want)
		}
	}
}

func TestHighlighterMarks(t *testing.T) {
	cases := []struct {
		q    string
		want []search.Mark
	}{
		{"", nil},
		{"trata", []search.Mark{{Text: "trata"}}},
		{`trata -smuggling NOT coyote`, []search.Mark{{Text: "trata"}}},
		{`retorn* "plan de vida" country:HND gcm:10 year:2019`, []search.Mark{{Text: "retorn", Prefix: true}, {Text: "plan de vida", Phrase: true}}},
		{`title:guía trata`, []search.Mark{{Text: "trata"}}},
		{`(a OR trata) AND trata`, []search.Mark{{Text: "a"}, {Text: "trata"}}},
	}
	for _, c := range cases {
		t.Run(c.q, func(t *testing.T) {
			if got := parsed(t, c.q).Marks(); !reflect.DeepEqual(got, c.want) {
				t.Errorf("Marks = %+v, want %+v", got, c.want)
			}
		})
	}
	// HighlighterFor marks the synonyms the engines match too; a query
	// that does not parse marks nothing.
	if ms := search.HighlighterFor("trafficking").Marks(); len(ms) < 2 || ms[0].Text != "trafficking" {
		t.Errorf("expanded marks = %+v, want trafficking and its synonyms", ms)
	}
	if h := search.HighlighterFor(`"unclosed`); !h.Empty() {
		t.Errorf("bad query marks %+v", h.Marks())
	}
	var nilH *search.Highlighter
	if !nilH.Empty() || nilH.Marks() != nil || nilH.Segments("a", true) == nil {
		t.Error("a nil highlighter must mark nothing and give the text back")
	}
}

// parsed is the highlighter of query text, without synonyms.
func parsed(t *testing.T, q string) *search.Highlighter {
	t.Helper()
	n, err := search.ParseQuery(q)
	if err != nil {
		t.Fatal(err)
	}
	return search.NewHighlighter(n)
}

// marked renders segments with [brackets] around marks.
func marked(segs []search.Segment) string {
	var b strings.Builder
	for _, s := range segs {
		if s.Mark {
			b.WriteString("[" + s.Text + "]")
		} else {
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

func TestHighlighterSegments(t *testing.T) {
	cases := []struct {
		name, q, text string
		title         bool
		want          string
	}{
		{"folded and plural", "migracion", "La Migración y las MIGRACIONES.", false, "La [Migración] y las [MIGRACIONES]."},
		{"prefix", "retorn*", "retorno, retornados; Retour", false, "[retorno], [retornados]; Retour"},
		{"phrase together", `"plan de acción"`, "un plan de acción y un plan de viaje", false, "un [plan] [de] [acción] y un plan de viaje"},
		{"phrase across punctuation", `"trata de"`, "trata. De", false, "[trata]. [De]"},
		{"phrase split by a word", `"trata de"`, "trata y de", false, "trata y de"},
		{"excluded", "trata -smuggling", "trata and smuggling", false, "[trata] and smuggling"},
		{"facet values are not words", "country:HND trata", "HND trata", false, "HND [trata]"},
		{"title field in a title", "title:guía", "Guía comunitaria", true, "[Guía] comunitaria"},
		{"title field elsewhere", "title:guía", "Guía comunitaria", false, "Guía comunitaria"},
		{"markup is text", "script", "<script>alert(1)</script>", false, "<[script]>alert(1)</[script]>"},
		{"no words", "", "a  b\n", false, "a  b\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			segs := parsed(t, c.q).Segments(c.text, c.title)
			if got := marked(segs); got != c.want {
				t.Errorf("Segments(%q) = %q, want %q", c.text, got, c.want)
			}
			if got := search.SegmentsText(segs); got != c.text {
				t.Errorf("runs put together = %q, want the text %q", got, c.text)
			}
		})
	}
}
