package bleve

import (
	"slices"
	"strings"
	"testing"

	"faro/search"
	"faro/search/bleve/internal/texttable"
	"faro/search/searchtest"
)

func TestDocPhrases(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		want []string // phrases as written, in order
	}{
		{"repeated run, stop words inside only",
			"La trata de personas afecta a la niñez. Prevenir la trata de personas es urgente.",
			[]string{"trata de personas"}},
		{"a sentence start's capital is not kept",
			"Trata de personas en Honduras. La lucha contra la trata de personas sigue.",
			[]string{"trata de personas"}},
		{"headings in capitals give way to the text",
			"NIÑEZ Y ADOLESCENCIA\n\nNIÑEZ Y ADOLESCENCIA\n\nNiñez y adolescencia en retorno.",
			[]string{"Niñez y adolescencia"}},
		{"names keep their capitals",
			"Return to Honduras was assisted. Migrants who return to Honduras get support.",
			[]string{"return to Honduras"}},
		{"accents fold into one phrase, shown as most often written",
			"apoyo psicosocial; apoyo psicosocial. apoyo psicosocial, apoyo psicosocíal",
			[]string{"apoyo psicosocial"}},
		{"punctuation ends a run",
			"labour migration, policies. labour migration; policies",
			[]string{"labour migration"}},
		{"a word after itself is no phrase", "retorno retorno; retorno retorno", nil},
		{"said once is not frequent", "border management and data", nil},
		{"numbers do not start or end a phrase", "2019 2020 2019 2020", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := &search.Document{Pages: []search.Page{{Number: 1, Text: tc.text}}}
			var got []string
			for _, term := range docPhrases(doc) {
				key, form, ok := strings.Cut(term, texttable.PhraseSep)
				if !ok || key != search.Fold(form) {
					t.Errorf("term %q: want folded%sform", term, "\\x1f")
				}
				got = append(got, form)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("phrases %q, want %q", got, tc.want)
			}
		})
	}
}

func TestDocPhrasesBounded(t *testing.T) {
	var b strings.Builder
	for i := range 40 {
		w := string(rune('a'+i%26)) + "word" + string(rune('a'+i/26))
		b.WriteString("alpha " + w + ". alpha " + w + ". ")
	}
	got := docPhrases(&search.Document{Pages: []search.Page{{Text: b.String()}}})
	if len(got) != maxDocPhrases {
		t.Errorf("%d phrases, want at most %d", len(got), maxDocPhrases)
	}
}

// BenchmarkDocPhrases finds the frequent phrases of a 400-word page:
//
//	go test ./search/bleve -run '^$' -bench DocPhrases -benchmem
func BenchmarkDocPhrases(b *testing.B) {
	words := strings.Fields("la migración de retorno y reintegración en comunidad con información sobre trata niñez remesas protección empleo Honduras")
	var text strings.Builder
	for i := range 400 {
		text.WriteString(words[(i*7+i/13)%len(words)])
		if i%12 == 11 {
			text.WriteString(".\n")
		} else {
			text.WriteString(" ")
		}
	}
	doc := &search.Document{Pages: []search.Page{{Text: text.String()}}}
	for b.Loop() {
		docPhrases(doc)
	}
}

// BenchmarkDocPhrasesSynthetic finds the frequent phrases of 200
// generated documents, whose runs of words mostly occur once, as in real
// ones, now and with the previous code (docPhrasesBefore):
//
//	go test ./search/bleve -run '^$' -bench DocPhrasesSynthetic -benchmem
func BenchmarkDocPhrasesSynthetic(b *testing.B) {
	docs := searchtest.Synthetic(3, 200)
	for _, c := range []struct {
		name string
		fn   func(*search.Document) []string
	}{{"now", docPhrases}, {"before", docPhrasesBefore}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				for _, d := range docs {
					c.fn(d)
				}
			}
		})
	}
}
