package classify

import (
	"strings"
	"testing"
)

func TestLineWeights(t *testing.T) {
	tests := []struct {
		name string
		page string
		// want is the weight of each line's words, one per non-empty line.
		want []float64
	}{
		{
			name: "a capitalised heading and its section",
			page: "The survey ended in May.\nREMITTANCES AND SAVINGS\nHouseholds that receive money spend it on food.",
			want: []float64{1, weightHeading, 1},
		},
		{
			name: "recommendations open a key section that runs over later headings",
			page: "Interviews took place in four towns.\n\nRecommendations\nExpand regular pathways for workers.\n\nDiaspora investment\nMatch diaspora donations.",
			want: []float64{1, weightHeading, weightKeySection, weightHeading, weightKeySection},
		},
		{
			name: "Spanish key heading after a sentence",
			page: "Se entrevistó a 40 familias.\nConclusiones\nLa reintegración sigue siendo precaria en las comunidades.",
			want: []float64{1, weightHeading, weightKeySection},
		},
		{
			name: "short lines that continue a sentence are not headings",
			page: "The programme helped returnees find work and\nhousing in\nthe first months after their return to the country.",
			want: []float64{1, 1, 1},
		},
		{
			name: "a key heading alone on its line before a numbered list",
			page: "Few campaigns measured what works.\nLessons learned\n1. Information alone rarely changes decisions.",
			want: []float64{1, weightHeading, weightKeySection},
		},
		{
			name: "a key heading alone on its line after a table cell",
			page: "Radio drama Twelve episodes in Mam and Spanish\nRecomendaciones\nlas ferias de empleo deben repetirse cada año.",
			want: []float64{1, weightHeading, weightKeySection},
		},
		{
			name: "a key heading's words at a line's start in running text are not a heading",
			page: "The team met twice.\nFindings were shared\nwith the ministry in May.",
			want: []float64{1, 1, 1},
		},
		{
			name: "a key heading's word in lower case is not a heading",
			page: "The team met twice.\nrecommendations\nfollowed in May.",
			want: []float64{1, 1, 1},
		},
		{
			name: "a page's first line is a running header, not a heading",
			page: "Annual Report 2021\nThe year began with new offices.",
			want: []float64{1, 1},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			inKey, left := false, 0
			got := lineWeights(tc.page, &inKey, &left)
			var want []float64
			for i, line := range nonEmptyLines(tc.page) {
				for range tokens(line) {
					want = append(want, tc.want[i])
				}
			}
			if len(got) != len(want) {
				t.Fatalf("%d weights, want %d", len(got), len(want))
			}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("word %d: weight %v, want %v (all %v)", i, got[i], want[i], got)
					break
				}
			}
		})
	}
}

func nonEmptyLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if len(tokens(l)) > 0 {
			out = append(out, l)
		}
	}
	return out
}

// TestGCMFromDescribedCommitments checks objectives found from what a
// text describes rather than from their names, and that naming the
// Compact is not an objective.
func TestGCMFromDescribedCommitments(t *testing.T) {
	tests := []struct {
		name  string
		in    Input
		has   []int
		hasNt []int
	}{
		{
			name: "temporary residence and work permits are regular pathways",
			in: Input{Title: "Residencia temporal y permisos para trabajar", Pages: []string{repeat(
				`La ley regula la residencia temporal, la residencia permanente por unidad familiar y los permisos para
trabajar con oferta de empleo. Los trabajadores temporeros reciben un permiso para trabajar por temporada.`, 2)}},
			has: []int{5},
		},
		{
			name: "asylum applications are screening and referral",
			in: Input{Title: "Asylum procedures at the border", Pages: []string{repeat(
				`Officers register asylum applications within thirty days and refer asylum seekers to the refugee
status determination procedure; international protection needs are assessed case by case.`, 2)}},
			has: []int{12},
		},
		{
			name: "a report aligned with the Compact is not about international cooperation",
			in: Input{Title: "Reintegration of returnees", Pages: []string{repeat(
				`The project is aligned with the Global Compact for Safe, Orderly and Regular Migration (GCM). It gave
returnees reintegration assistance, psychosocial support and business grants after their voluntary return.`, 2)}},
			has:   []int{21},
			hasNt: []int{23},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := Classify(tc.in)
			for _, n := range tc.has {
				if !containsInt(out.GCM, n) {
					t.Errorf("GCM %v lacks %d (rejected %+v)", out.GCM, n, out.Rejected)
				}
			}
			for _, n := range tc.hasNt {
				if containsInt(out.GCM, n) {
					t.Errorf("GCM %v has %d", out.GCM, n)
				}
			}
		})
	}
}
