package search_test

import (
	"strings"
	"testing"

	"faro/search"
)

func TestCompileRelaxesWordsTypedSideBySide(t *testing.T) {
	stop := func(w string) bool { return w == "con" || w == "un" || w == "de" }
	for _, tc := range []struct {
		query  string
		strict bool
		has    []string
		hasNot []string
	}{
		// Words typed side by side: at least a third of them.
		{"migrar coyote costo", false, []string{"some>=1", `word("coyote"`}, nil},
		{"migrar coyote costo tasa cambio remesa", false, []string{"some>=2"}, nil},
		{"migrar coyote", false, []string{"some>=1"}, nil},
		// match=all requires them all; so does an explicit AND.
		{"migrar coyote costo", true, []string{`must(word("migrar"`}, []string{"some>="}},
		{"migrar AND coyote AND costo", false, nil, []string{"some>="}},
		// A question word is never required nor ranked; stop words stay optional.
		{"¿cuánto cuesta migrar con un coyote?", false, []string{"some>=1", `should(`}, []string{"cuánto", `word("cuanto"`}},
		// Only a question word: it is the query.
		{"cuánto", false, []string{`word("cuánto"`}, nil},
		// +word, phrases and fields stay required.
		{`+coyote migrar costo "tasa de cambio"`, false, []string{`must(max(word("coyote"`, `phrase("tasa de cambio"`, "some>=1"}, nil},
		{"country:HND migrar costo", false, []string{`facet("country:HND")`, "some>=1"}, nil},
		{"migrar costo -coyote", false, []string{"some>=1", `not(max(word("coyote"`}, nil},
	} {
		p, err := search.Compile(tc.query, search.CompileOptions{IsStopWord: stop, Strict: tc.strict})
		if err != nil {
			t.Fatalf("%s: %v", tc.query, err)
		}
		key := p.Key()
		for _, h := range tc.has {
			if !strings.Contains(key, h) {
				t.Errorf("%q (strict %v): plan %s lacks %s", tc.query, tc.strict, key, h)
			}
		}
		for _, h := range tc.hasNot {
			if strings.Contains(key, h) {
				t.Errorf("%q (strict %v): plan %s has %s", tc.query, tc.strict, key, h)
			}
		}
	}
}

// TestMarksForgiveTyposAsThePlan checks that the words typed are marked
// with the typos their clauses forgive, and the synonyms and translations
// they were expanded with with none, as the plan searches them, unless
// typed too.
func TestMarksForgiveTyposAsThePlan(t *testing.T) {
	for _, tc := range []struct {
		query string
		typos map[string]int // mark text -> typos; others must be 0
	}{
		{"return", map[string]int{"return": 1}},
		{"reintegration", map[string]int{"reintegration": 2}},
		{"return retorno", map[string]int{"return": 1, "retorno": 1}},
	} {
		p, err := search.Compile(tc.query, search.CompileOptions{})
		if err != nil {
			t.Fatal(err)
		}
		alts := 0
		for _, m := range p.Marks {
			if m.Alternative {
				alts++
			}
			if m.Typos != tc.typos[m.Text] {
				t.Errorf("%s: mark %q forgives %d typos, want %d", tc.query, m.Text, m.Typos, tc.typos[m.Text])
			}
		}
		if alts == 0 {
			t.Errorf("%s: no alternative among the marks %+v", tc.query, p.Marks)
		}
	}
}

// TestCompileForms: a word whose irregular forms its stemmer does not
// join is also searched as them, as the word itself (no translation
// weight) and without typo tolerance of their own.
func TestCompileForms(t *testing.T) {
	for _, tc := range []struct {
		query  string
		has    []string
		hasNot []string
	}{
		{"pay", []string{`max(word("pay"`, `word("paid"`}, []string{`word("paid"^0.8`, `word("paid"~`}},
		{"¿cuánto cuesta?", []string{`word("costar"`, `word("cuestan"`}, nil},
		{"Children", []string{`word("child"`}, nil},
		{"zafiro", nil, []string{"max("}},
		{`"pay smugglers"`, nil, []string{`"paid`}}, // phrases are as typed
	} {
		p, err := search.Compile(tc.query, search.CompileOptions{})
		if err != nil {
			t.Fatalf("%s: %v", tc.query, err)
		}
		key := p.Key()
		for _, h := range tc.has {
			if !strings.Contains(key, h) {
				t.Errorf("%s: plan %s lacks %s", tc.query, key, h)
			}
		}
		for _, h := range tc.hasNot {
			if strings.Contains(key, h) {
				t.Errorf("%s: plan %s has %s", tc.query, key, h)
			}
		}
	}
}
