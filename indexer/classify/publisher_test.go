package classify

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestInferPublisher(t *testing.T) {
	for _, tc := range []struct {
		name  string
		pages []string
		want  string
	}{
		{"copyright line on the colophon", []string{"Remittances and development\nA study", "text", "© 2020 Migration Policy Institute. All rights reserved."}, "Migration Policy Institute"},
		{"cover names the organisation", []string{"ORGANIZACIÓN INTERNACIONAL PARA LAS MIGRACIONES\nGuía de retorno", "texto"}, "International Organization for Migration (IOM)"},
		{"acronym on the cover", []string{"OIM Honduras\nPlan tu vida", "texto"}, "International Organization for Migration (IOM)"},
		{"the copyright holder beats a partner named first", []string{"With UNICEF and IOM\nReport", "…", "© Save the Children 2017"}, "Save the Children"},
		{"a name inside a word is not a name", []string{"BIOMETRICS and borders", "more"}, ""},
		{"none named", []string{"A report", "with text"}, ""},
		{"named in the body only", []string{"Fact sheet\n" + strings.Repeat("The partners met. ", 40) + "UNHCR and IOM will help. " + strings.Repeat("More text. ", 60)}, ""},
		{"no pages", nil, ""},
	} {
		if got := inferPublisher(tc.pages); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestInferPublisherAsBefore holds inferPublisher to the output of its
// previous version (which joined the tokens of each line into a new
// string) on pages built from names, cues, accents and line breaks.
func TestInferPublisherAsBefore(t *testing.T) {
	pieces := []string{"© 2020", "Published by", "Publicado por", "publié par", "Copyright", "IOM", "OIM", "oim.", "UNICEF",
		"Organización Internacional para las Migraciones", "ORGANIZACIÓN INTERNACIONAL", "para las", "Migraciones",
		"Save the Children", "the White House", "ACNUR", "HCR", "BIOMETRICS", "Cámara de Diputados", "del H. Congreso de la Unión",
		"report", "informe", "niñez", "\n", "\n", "\n\n", " ", " ", ", ", ". ", "-", "\xff", "ǅ", "Ⅻ"}
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range 3000 {
		pages := make([]string, 1+rng.IntN(3))
		for p := range pages {
			var b strings.Builder
			for range rng.IntN(120) {
				b.WriteString(pieces[rng.IntN(len(pieces))])
				b.WriteByte(' ')
			}
			pages[p] = b.String()
		}
		if got, want := inferPublisher(pages), inferPublisherBefore(pages); got != want {
			t.Fatalf("pages %d %q: %q, before %q", i, pages, got, want)
		}
	}
}

// inferPublisherBefore is inferPublisher as it was.
func inferPublisherBefore(pages []string) string {
	if len(pages) == 0 {
		return ""
	}
	first, last := pages[0], pages[len(pages)-1]
	if len(first) > publisherSpan {
		first = first[:publisherSpan]
	}
	if len(last) > publisherSpan {
		last = last[len(last)-publisherSpan:]
	}
	firstOf := func(text string) string {
		best, at := "", -1
		for _, p := range publishers {
			for _, n := range p.names {
				if i := strings.Index(text, " "+n+" "); i >= 0 && (at < 0 || i < at) {
					best, at = p.name, i
				}
			}
		}
		return best
	}
	candidates := []string{first, last}
	for _, p := range candidates {
		for _, line := range strings.Split(p, "\n") {
			l := " " + strings.Join(tokens(line), " ") + " "
			if strings.Contains(line, "©") || strings.Contains(l, " published by ") || strings.Contains(l, " publicado por ") || strings.Contains(l, " publie par ") || strings.Contains(l, " copyright ") {
				if name := firstOf(l); name != "" {
					return name
				}
			}
		}
	}
	for _, p := range candidates {
		if name := firstOf(" " + strings.Join(tokens(p), " ") + " "); name != "" {
			return name
		}
	}
	return ""
}
