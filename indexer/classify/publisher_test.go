package classify

import (
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
