package classify

import (
	"testing"

	"faro/search"
)

// checkLabels verifies that out has exactly one classifier label per value,
// each with evidence.
func checkLabels(t *testing.T, name string, out Output) {
	t.Helper()
	want := map[[2]string]bool{}
	for _, c := range out.Countries {
		want[[2]string{search.FacetCountry, c}] = true
	}
	for _, c := range out.Themes {
		want[[2]string{search.FacetTheme, c}] = true
	}
	for _, c := range out.Principles {
		want[[2]string{search.FacetPrinciple, c}] = true
	}
	got := map[[2]string]int{}
	for _, l := range out.Labels {
		if l.Given || l.Source != Source {
			t.Errorf("%s: label %s=%s has Given=%v Source=%q", name, l.Facet, l.Value, l.Given, l.Source)
		}
		if len(l.Evidence) == 0 {
			t.Errorf("%s: label %s=%s has no evidence", name, l.Facet, l.Value)
		}
		got[[2]string{l.Facet, l.Value}]++
	}
	for k := range want {
		if got[k] != 1 {
			t.Errorf("%s: %d labels for %s=%s, want 1", name, got[k], k[0], k[1])
		}
	}
}
