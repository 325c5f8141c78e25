package classify

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"faro/search"
)

// labelOf returns the classifier's label of facet and value, or nil.
func labelOf(out Output, facet, value string) *search.Label {
	for i := range out.Labels {
		if out.Labels[i].Facet == facet && out.Labels[i].Value == value {
			return &out.Labels[i]
		}
	}
	return nil
}

// TestCountryNamedOnly: a capital or a demonym alone does not make a
// document about a country; they only add weight to a country it names.
func TestCountryNamedOnly(t *testing.T) {
	out := Classify(Input{
		Pages: []string{`Ethiopia receives returnees every week. The Nairobi regional office supported the
mission; the Nairobi team and Nairobi staff reviewed the plans with Nairobi colleagues. German cooperation funded
part of the work, German experts and German volunteers visited. Returnees in Ethiopia started small businesses.`},
	})
	if !slices.Equal(out.Countries, []string{"ETH"}) {
		t.Errorf("countries %v, want [ETH]", out.Countries)
	}
}

// TestCountryLead: in a long report, a country first named deep in the body
// (a donor, the origin of a few respondents) is not one of its subjects,
// however often it is named there.
func TestCountryLead(t *testing.T) {
	var pages []string
	pages = append(pages, "Nigeria. This evaluation covers the reintegration of returnees in Nigeria. "+repeat(fillerEN, 3))
	for range 16 {
		pages = append(pages, repeat(fillerEN, 5)+" Returnees in Nigeria were interviewed.")
	}
	for range 6 {
		pages = append(pages, "Returnees who came back from Germany said Germany was hard. Germany, Germany. "+repeat(fillerEN, 3))
	}
	d := newDoc(Input{Pages: pages})
	if d.bodyWords < longBody {
		t.Fatalf("body of %d words, want a long one (%d)", d.bodyWords, longBody)
	}
	out := Classify(Input{Pages: pages})
	if !slices.Contains(out.Countries, "NGA") || slices.Contains(out.Countries, "DEU") {
		t.Errorf("countries %v, want NGA and no DEU", out.Countries)
	}
}

// TestAmbiguousPlaceNames: words that are also capitals' folded names do
// not tag countries.
func TestAmbiguousPlaceNames(t *testing.T) {
	out := Classify(Input{Pages: []string{`Las personas retornadas a Honduras hablaron de la paz y de la cultura de
paz en sus comunidades; la Asunción de la Virgen es feriado. Male and female returnees, 40 male and 35 female,
answered the survey in Honduras. The Roma community was consulted.`}})
	for _, c := range []string{"BOL", "PRY", "MDV", "ITA"} {
		if slices.Contains(out.Countries, c) {
			t.Errorf("countries %v, want no %s", out.Countries, c)
		}
	}
}

// TestDeclaredCoverage: a document's own statement of its geographical
// coverage counts like a summary; a worldwide one makes it global (GLB),
// and countries named in parentheses (case studies) are not its coverage.
func TestDeclaredCoverage(t *testing.T) {
	brief := func(coverage string) Input {
		return Input{Pages: []string{"EVALUATION BRIEF\nProject title: Support to returnees\nGeographical coverage: " + coverage +
			"\nProject type: Return\n" + repeat(fillerEN, 4) + " The team met partners in Ethiopia, Ethiopia and Ethiopia. " + repeat(fillerEN, 2)}}
	}
	out := Classify(brief("Somalia, Djibouti"))
	for _, c := range []string{"SOM", "DJI"} {
		if !slices.Contains(out.Countries, c) {
			t.Errorf("declared coverage: countries %v, want %s", out.Countries, c)
		}
	}
	if l := labelOf(out, search.FacetCountry, "SOM"); l == nil || !slices.ContainsFunc(l.Evidence, func(e search.Evidence) bool {
		return strings.HasPrefix(e.Term, "Geographical coverage: ") && slices.Equal(e.Pages, []int{1})
	}) {
		t.Errorf("declared coverage: SOM label %+v, want the statement as evidence", l)
	}

	out = Classify(brief("Global (with case studies on Ethiopia and Türkiye)"))
	if !slices.Equal(out.Countries, []string{"GLB"}) {
		t.Errorf("global coverage: countries %v, want [GLB]", out.Countries)
	}
	checkLabels(t, "global coverage", out)

	// The French form, with the value on the next line.
	out = Classify(Input{Pages: []string{"Couverture géographique :\n\nGuinée\n\n" + repeat(fillerEN, 3)}})
	if !slices.Equal(out.Countries, []string{"GIN"}) {
		t.Errorf("couverture géographique: countries %v, want [GIN]", out.Countries)
	}
}

// TestObjectiveCitations: an objective cited by number near a mention of
// the Compact counts, with its number as the evidence's Ref, and is kept
// without a share of the top score; a project's own numbered objectives do
// not count.
func TestObjectiveCitations(t *testing.T) {
	text := `This guide helps frontline workers in Belize. Migrants can apply for regularization and access
health services, education and social services. Service providers should know the procedures. This guide
contributes to the Global Compact for Migration, in particular to provide access to basic services (objective 15)
and to reduce vulnerabilities in migration (objective 7).`
	out := Classify(Input{Title: "Access to basic services in Belize", Pages: []string{text}})
	if !slices.Contains(out.GCM, 7) || !slices.Contains(out.GCM, 15) {
		t.Fatalf("gcm %v, want 7 and 15", out.GCM)
	}
	l := labelOf(out, search.FacetGCM, "7")
	if l == nil || !slices.ContainsFunc(l.Evidence, func(e search.Evidence) bool { return e.Term == "objective 7" && e.Ref == "7" }) {
		t.Errorf("gcm 7 label %+v, want the citation as evidence", l)
	}

	got := findCitations(tokens("Specific objective 7: strengthen the capacity of the border police. Objectives 3 and 10 of the project."))
	if len(got) != 0 {
		t.Errorf("citations %v without the Compact, want none", got)
	}
	got = findCitations(tokens("The note relates to GCM objectives 3, 10 and 23 and to objetivo 21 del Pacto Mundial."))
	var nums []int
	for _, c := range got {
		nums = append(nums, c.objective)
	}
	if !slices.Equal(nums, []int{3, 10, 23, 21}) {
		t.Errorf("citations %v, want 3 10 23 21", nums)
	}
}

// TestFacetsMatchIndependently: a theme's phrase does not hide an
// objective's phrase it overlaps.
func TestFacetsMatchIndependently(t *testing.T) {
	d := newDoc(Input{Pages: []string{"La campaña de comunicación para el desarrollo informó a los jóvenes."}})
	lx := compiled()
	gcm := d.tally(lx.concept[search.FacetGCM]).get(search.FacetGCM, "3")
	if gcm == nil || gcm.bodyTerms["comunicación para el desarrollo"] != 1 {
		t.Errorf("gcm 3 tally %+v, want \"comunicación para el desarrollo\"", gcm)
	}
	if d.tally(lx.concept[search.FacetTheme]).get(search.FacetTheme, "c4d") == nil {
		t.Error("no c4d tally")
	}
}

// TestWeakThemeTerms: words most migration texts use in passing
// ("children", "women") do not make a long document's theme on their own.
func TestWeakThemeTerms(t *testing.T) {
	body := "Migrant workers face recruitment fees and poor working conditions; fair recruitment and decent work " +
		"require ethical recruitment. " + repeat(fillerEN, 3) + " Women, children and young people were among the " +
		"respondents; women and children, women. " + repeat(fillerEN, 3)
	out := Classify(Input{Title: "Fair recruitment of migrant workers", Pages: []string{body}})
	if !slices.Contains(out.Themes, "labour-migration") || slices.Contains(out.Themes, "children-youth") || slices.Contains(out.Themes, "gender") {
		t.Errorf("themes %v, want labour-migration without children-youth or gender", out.Themes)
	}
}

// TestThemePrinciples: a kept theme lends its score to the principle it
// implies, with the theme as evidence.
func TestThemePrinciples(t *testing.T) {
	out := Classify(Input{
		Title: "Return and reintegration of unaccompanied children",
		Pages: []string{`Unaccompanied children and adolescents returned to Guatemala receive child protection
services. Returned children are met at reception centres; unaccompanied minors are referred to child
protection. Children and adolescents, migrant children and their families.`},
	})
	l := labelOf(out, search.FacetPrinciple, "child-sensitive")
	if l == nil || !slices.ContainsFunc(l.Evidence, func(e search.Evidence) bool { return e.Ref == "theme:children-youth" }) {
		t.Errorf("child-sensitive label %+v, want the theme children-youth as evidence (themes %v)", l, out.Themes)
	}
}

// TestCitationsOfOtherFrameworks: goals and targets of the SDGs named
// beside the Compact are not its objectives.
func TestCitationsOfOtherFrameworks(t *testing.T) {
	tests := []struct {
		text string
		want []int
	}{
		{"Dans quelle mesure le projet correspond à l'objectif 10.7 des ODD et au Pacte mondial ?", nil},
		{"la cible 10.7 de l'objectif 10 des ODD d'une part, et d'autre part le Pacte mondial", nil},
		{"in line with SDG target 10.7 and with objective 21 of the Global Compact", []int{21}},
		{"el proyecto contribuye al objetivo 3 del Pacto Mundial y a la meta 10.7", []int{3}},
		{"contributes to the Compact's objectives 2 and 21", []int{2, 21}},
	}
	for _, tc := range tests {
		var got []int
		for _, c := range findCitations(tokens(tc.text)) {
			got = append(got, c.objective)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: citations %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestCitationInLongReport: a claim of alignment deep in a long report
// weighs as one body mention and needs its share of the top objective,
// where in a short note it counts as a statement of what the note
// addresses.
func TestCitationInLongReport(t *testing.T) {
	filler := strings.Repeat("The project trained returnees and supported their reintegration with "+
		"reintegration assistance and psychosocial support in their communities of return. ", 700)
	claim := "The project is aligned with objective 17 of the Global Compact for Migration."
	long := Classify(Input{Title: "Final evaluation of a reintegration project", Pages: []string{filler, claim}})
	if slices.Contains(long.GCM, 17) {
		t.Errorf("long report: gcm %v, want no 17 from one claim of alignment", long.GCM)
	}
	short := Classify(Input{Title: "Project note", Pages: []string{"The note reports on reintegration assistance. " + claim}})
	if !slices.Contains(short.GCM, 17) {
		t.Errorf("short note: gcm %v, want 17", short.GCM)
	}
}

// TestCountryInTitleOnly: a title that names a country the text of a
// report never names (a template's metadata title) does not make the
// report about that country; a short note's title still does.
func TestCountryInTitleOnly(t *testing.T) {
	body := "The programme works in Nigeria. " + strings.Repeat("Returnees received reintegration assistance and psychosocial support in their communities. ", 80) +
		"Returnees in Nigeria opened small businesses. Nigeria is the programme's only country."
	tests := []struct {
		name, title string
		pages       []string
		want, not   string
	}{
		{"report with a template title", "Joint Initiative for migrant protection and reintegration: Mali", []string{body}, "NGA", "MLI"},
		{"short note", "Migration in Mali", []string{"A note on returnees and their communities."}, "MLI", ""},
	}
	for _, tc := range tests {
		out := Classify(Input{Title: tc.title, Pages: tc.pages})
		if !slices.Contains(out.Countries, tc.want) || (tc.not != "" && slices.Contains(out.Countries, tc.not)) {
			t.Errorf("%s: countries %v, want %s and not %q", tc.name, out.Countries, tc.want, tc.not)
		}
	}
}

// TestObjectiveInKeySections: an objective that a report's findings or
// recommendations name in three distinct terms is kept beside a main
// objective that fills every page; the same sentence in passing, outside
// any key section, is not enough.
func TestObjectiveInKeySections(t *testing.T) {
	main := "Reintegration assistance helped returnees; reintegration support and case management continued, and " +
		"economic reintegration grants reached most returnees. " + repeat(fillerEN, 2)
	var body []string
	for range 5 {
		body = append(body, main)
	}
	sentence := "Information campaigns, pre-departure orientation and information desks should reach more young people."
	tests := []struct {
		name  string
		pages []string
		want  bool
	}{
		{"in the recommendations", append(slices.Clone(body), "RECOMMENDATIONS\n\n"+sentence+"\n\n"+repeat(fillerEN, 2)), true},
		{"in passing", append(slices.Clone(body), repeat(fillerEN, 1)+" "+sentence+" "+repeat(fillerEN, 1)), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := Classify(Input{Title: "Evaluation of a reintegration project", Pages: tc.pages})
			if !slices.Contains(out.GCM, 21) {
				t.Fatalf("objectives %v, want 21", out.GCM)
			}
			if got := slices.Contains(out.GCM, 3); got != tc.want {
				t.Errorf("objective 3 kept = %v, want %v (objectives %v, rejected %+v)", got, tc.want, out.GCM, out.Rejected)
			}
		})
	}
}

// TestObjectiveNearTop: an objective nearly as strong as the strongest
// needs only gcmNearTopMinScore; a weaker one, or one below that score,
// still needs gcmRules' minimum.
func TestObjectiveNearTop(t *testing.T) {
	tests := []struct {
		name       string
		score, top float64
		want       string // reason code, "" when kept
	}{
		{"nearly as strong", 3.5, 5, ""},
		{"the strongest itself", 3, 3, ""},
		{"well below the strongest", 3.5, 7, search.ReasonBelowScore},
		{"near the strongest but too weak", 2.5, 3, search.ReasonBelowScore},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tl := newTally(search.FacetGCM, "5")
			tl.score, tl.bodyHits = tc.score, 2
			tl.bodyTerms["residence permits"] = 2
			if got := gcmRules.reject(tl, tc.top, true).code; got != tc.want {
				t.Errorf("reason %q, want %q", got, tc.want)
			}
		})
	}
}

// TestRunnerUpAndSecondaryObjectives checks which objectives the
// relaxed rules reach: the runner-up at any length, the third to fifth
// only in a body of gcmShortWords words or more, with two distinct terms
// and a fifth of the top score; the sixth never.
func TestRunnerUpAndSecondaryObjectives(t *testing.T) {
	// scores of the objectives, strongest first, and their distinct terms
	type obj struct {
		score float64
		terms int
		hits  float64 // body mentions, 4 when 0
	}
	tests := []struct {
		name  string
		words int
		objs  []obj
		want  []string // codes kept, in score order
	}{
		{"runner-up in a short page", 600, []obj{{12, 4, 0}, {2.5, 2, 0}, {2.5, 2, 0}}, []string{"1", "2"}},
		{"runner-up too weak", 600, []obj{{12, 4, 0}, {1.5, 2, 0}}, []string{"1"}},
		{"runner-up below a tenth of the top", 5000, []obj{{40, 4, 0}, {3.5, 2, 0}}, []string{"1"}},
		{"third in a long report, not a fourth below a fifth of the top", 5000, []obj{{10, 4, 0}, {6, 3, 0}, {2, 2, 0}, {1.6, 3, 0}, {1.5, 1, 0}}, []string{"1", "2", "3"}},
		{"third with one term", 5000, []obj{{10, 4, 0}, {6, 3, 0}, {2, 1, 0}}, []string{"1", "2"}},
		{"third with two terms named once each", 5000, []obj{{10, 4, 0}, {6, 3, 0}, {2, 2, 2}}, []string{"1", "2", "3"}},
		{"fourth named once", 5000, []obj{{10, 4, 0}, {6, 3, 0}, {5, 3, 0}, {2, 1, 1}}, []string{"1", "2", "3"}},
		{"third below a fifth of the top", 5000, []obj{{10, 4, 0}, {6, 3, 0}, {1.9, 2, 0}}, []string{"1", "2"}},
		{"third in a short page", 800, []obj{{10, 4, 0}, {6, 3, 0}, {2.5, 2, 0}}, []string{"1", "2"}},
		{"sixth in a long report", 5000, []obj{{10, 4, 0}, {9, 3, 0}, {8, 3, 0}, {7, 3, 0}, {6, 3, 0}, {5, 3, 0}}, []string{"1", "2", "3", "4", "5"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var ts []*tally
			for i, o := range tc.objs {
				tl := newTally(search.FacetGCM, strconv.Itoa(i+1))
				tl.score, tl.bodyHits = o.score, o.hits
				if o.hits == 0 {
					tl.bodyHits = 4
				}
				for j := range o.terms {
					tl.bodyTerms["term"+strconv.Itoa(j)] = 1
				}
				ts = append(ts, tl)
			}
			markObjectives(ts, tc.words, 0)
			kept, _ := gcmRules.forLength(tc.words).split(ts, false)
			var got []string
			for _, tl := range kept {
				got = append(got, tl.code)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("kept %v, want %v", got, tc.want)
			}
		})
	}
}

// TestKeyCentralShare checks that an objective named in three terms in
// headings and key sections is central only where those sections hold
// at most keyCentralMaxShare of the body: with a weak objective beside
// a strong one, kept through keyCentral or not at all.
func TestKeyCentralShare(t *testing.T) {
	tests := []struct {
		name      string
		words     int
		keyWords  int
		keyTerms  int
		wantThird bool
	}{
		{"key sections a fifth of the body", 800, 160, 3, true},
		{"key sections half of the body", 800, 400, 3, true},
		{"key sections most of the body", 800, 600, 3, false},
		{"key sections the whole body", 800, 800, 4, false},
		{"two key terms", 800, 160, 2, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var ts []*tally
			for i, score := range []float64{20, 10, 2.5} {
				tl := newTally(search.FacetGCM, strconv.Itoa(i+1))
				tl.score, tl.bodyHits = score, 4
				tl.bodyTerms["a"], tl.bodyTerms["b"], tl.bodyTerms["c"] = 1, 1, 1
				ts = append(ts, tl)
			}
			ts[2].keyTerms = map[string]bool{}
			for j := range tc.keyTerms {
				ts[2].keyTerms["term"+strconv.Itoa(j)] = true
			}
			markObjectives(ts, tc.words, tc.keyWords)
			kept, _ := gcmRules.forLength(tc.words).split(ts, false)
			if got := len(kept) == 3; got != tc.wantThird {
				t.Errorf("third objective kept %v, want %v (keyCentral %v)", got, tc.wantThird, ts[2].keyCentral)
			}
		})
	}
}

// TestMayDeclareCoverage holds mayDeclareCoverage to lowering the whole
// page (strings.ToLower) on pages built from cues in every letter case,
// the two characters that lower to ASCII letters, and others.
func TestMayDeclareCoverage(t *testing.T) {
	pieces := []string{"COVERAGE", "Cover", "age", "Scope", "SCO", "PE", "Ámbito", "ÁMBİTO", "MBI", "TO", "mb", "ito", "İ",
		"\u212a", "Couverture", "COUVERTS", "cubiertos", "Cobertura", "x", " ", "\xff", "é"}
	rng := rand.New(rand.NewPCG(5, 6))
	found := 0
	for i := range 5000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		page := b.String()
		want := false
		for _, c := range coverageCues {
			want = want || strings.Contains(strings.ToLower(page), c)
		}
		if got := mayDeclareCoverage(page); got != want {
			t.Fatalf("page %d %q: %v, want %v", i, page, got, want)
		}
		if want {
			found++
		}
	}
	if found < 500 {
		t.Errorf("only %d pages with a cue: the test does not test", found)
	}
}
