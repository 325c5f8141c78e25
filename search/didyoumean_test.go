package search_test

import (
	"testing"

	"faro/search"
)

func TestCorrected(t *testing.T) {
	for _, tc := range []struct {
		text  string
		fixes map[string]string
		want  string
	}{
		{"trafiking en Guatemla?", map[string]string{"trafiking": "Trafficking", "Guatemla": "guatemala"}, "trafficking en Guatemala?"},
		{"trata", map[string]string{"trafiking": "trafficking"}, ""},
		{"trata", nil, ""},
		{"Migracion", map[string]string{"Migracion": "migración"}, "Migración"},
		{"same", map[string]string{"same": "SAME"}, ""},
	} {
		if got := search.Corrected(tc.text, tc.fixes); got != tc.want {
			t.Errorf("Corrected(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}
