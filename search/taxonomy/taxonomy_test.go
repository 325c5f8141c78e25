package taxonomy

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestObjectives(t *testing.T) {
	objs := Objectives()
	if len(objs) != 23 {
		t.Fatalf("%d objectives, want 23", len(objs))
	}
	for i, o := range objs {
		name := fmt.Sprintf("objective %d", o.Number)
		if o.Number != i+1 {
			t.Errorf("objective at index %d has number %d, want %d", i, o.Number, i+1)
		}
		checkText(t, name+" title", o.Title, true)
		checkText(t, name+" short", o.Short, true)
		checkTerms(t, name, o.Terms, "en", "es", "fr")
		if len(o.Actions) == 0 {
			t.Errorf("%s has no actions", name)
		}
		for j, a := range o.Actions {
			if want := string(rune('a' + j)); a.Letter != want {
				t.Errorf("%s action %d has letter %q, want %q", name, j, a.Letter, want)
			}
			checkTerms(t, fmt.Sprintf("%s(%s)", name, a.Letter), a.Terms, "en")
		}
	}
	if got := objs[9].Short.EN; got != "Eradicate trafficking" {
		t.Errorf("objective 10 short label %q, want %q", got, "Eradicate trafficking")
	}
}

func TestCodes(t *testing.T) {
	type entry struct {
		code  string
		name  Text
		terms Terms
	}
	var themes, principles, types []entry
	for _, x := range Themes() {
		themes = append(themes, entry{x.Code, x.Name, x.Terms})
	}
	for _, x := range Principles() {
		principles = append(principles, entry{x.Code, x.Name, x.Terms})
	}
	for _, x := range DocTypes() {
		types = append(types, entry{x.Code, x.Name, x.Terms})
	}
	tests := []struct {
		facet   string
		entries []entry
		want    []string
	}{
		{"theme", themes, []string{"c4d", "trafficking", "smuggling", "return-reintegration", "labour-migration",
			"protection", "children-youth", "gender", "border-management", "data", "regular-pathways",
			"remittances-diaspora", "climate", "health"}},
		{"principle", principles, []string{"people-centred", "international-cooperation", "national-sovereignty",
			"rule-of-law", "sustainable-development", "human-rights", "gender-responsive", "child-sensitive",
			"whole-of-government", "whole-of-society"}},
		{"type", types, []string{"campaign-summary", "info-sheet", "study", "knowledge-uptake", "guide",
			"evaluation-report", "evaluation-brief", "terms-of-reference", "management-response", "policy-text", "web-page",
			"law", "news", "map", "comic"}},
	}
	for _, tt := range tests {
		t.Run(tt.facet, func(t *testing.T) {
			var codes []string
			for _, e := range tt.entries {
				codes = append(codes, e.code)
				checkText(t, tt.facet+" "+e.code, e.name, true)
				checkTerms(t, tt.facet+" "+e.code, e.terms, "en", "es", "fr")
			}
			got := slices.Sorted(slices.Values(codes))
			want := slices.Sorted(slices.Values(tt.want))
			if !slices.Equal(got, want) {
				t.Errorf("codes %v, want %v", got, want)
			}
			if len(slices.Compact(got)) != len(codes) {
				t.Errorf("duplicate codes in %v", codes)
			}
		})
	}
}

func TestCountries(t *testing.T) {
	cs := Countries()
	seen := map[string]bool{}
	for i, c := range cs {
		if c.Code != CodeRegional && c.Code != CodeGlobal && !isISO3(c.Code) {
			t.Errorf("country code %q is not three upper-case letters", c.Code)
		}
		if seen[c.Code] {
			t.Errorf("duplicate country code %s", c.Code)
		}
		seen[c.Code] = true
		if i > 0 && cs[i-1].Code >= c.Code {
			t.Errorf("countries not sorted: %s before %s", cs[i-1].Code, c.Code)
		}
		checkText(t, "country "+c.Code, c.Name, true)
		if c.Region == "" && c.Code != CodeRegional && c.Code != CodeGlobal {
			t.Errorf("country %s has no region", c.Code)
		}
		names := map[string]bool{Fold(c.Name.EN): true, Fold(c.Name.ES): true, Fold(c.Name.FR): true}
		for _, a := range c.Aliases {
			names[Fold(a)] = true
		}
		for _, a := range c.Ambiguous {
			if !names[Fold(a)] {
				t.Errorf("country %s: ambiguous %q is none of its names", c.Code, a)
			}
		}
	}
	required := strings.Fields(`MEX GTM BLZ SLV HND NIC CRI PAN CUB HTI DOM JAM TTO BHS BRB ATG DMA GRD KNA LCA VCT
		USA CAN COL VEN ECU PER BRA CHL ARG ESP NER NGA MLI SEN GIN CPV ETH SOM DJI SDN LBY
		DZA GMB SLE BEN KEN YEM DEU ITA ALB TUR REG GLB`)
	for _, code := range required {
		if !seen[code] {
			t.Errorf("country %s missing", code)
		}
	}
	for _, code := range strings.Fields("MEX GTM BLZ SLV HND NIC CRI PAN CUB HTI DOM JAM TTO BHS BRB") {
		if c, _ := CountryByCode(code); !c.Programme {
			t.Errorf("country %s is not marked as in the programme region", code)
		}
	}
	if p := ProgrammeCountries(); len(p) < 20 || slices.Contains(p, "USA") {
		t.Errorf("ProgrammeCountries() = %v", p)
	}
}

// TestCountryTermsUnique checks that no folded name, alias, demonym or
// capital points to two countries, and that blockers name no country.
func TestCountryTermsUnique(t *testing.T) {
	owner := map[string]string{}
	for _, c := range Countries() {
		skip := map[string]bool{}
		for _, a := range c.Ambiguous {
			skip[Fold(a)] = true
		}
		terms := append([]string{c.Name.EN, c.Name.ES, c.Name.FR}, c.Aliases...)
		terms = append(append(terms, c.Demonyms...), c.Capitals...)
		terms = append(terms, c.Places...)
		for _, term := range terms {
			f := Fold(term)
			if f == "" || skip[f] {
				continue
			}
			if o, ok := owner[f]; ok && o != c.Code {
				t.Errorf("%q names both %s and %s", term, o, c.Code)
			}
			owner[f] = c.Code
		}
	}
	for _, b := range NotCountries {
		if o, ok := owner[Fold(b)]; ok {
			t.Errorf("blocker %q is a name of %s", b, o)
		}
	}
}

func TestFold(t *testing.T) {
	tests := map[string]string{
		"Migración":                  "migracion",
		"MIGRACIÓN":                  "migracion",
		"Haïti":                      "haiti",
		"Niñez":                      "ninez",
		"main-d’œuvre":               "main-d'oeuvre",
		"Guinée équatoriale":         "guinee equatoriale",
		"Türkiye":                    "turkiye",
		"São Tomé":                   "sao tome",
		"Straße":                     "strasse",
		"Cote d\u0301Ivoire":         "cote divoire", // decomposed accent
		"Plain ASCII 2019":           "plain ascii 2019",
		"Comunicación – Género":      "comunicacion - genero",
		"Ελλάδα":                     "ελλάδα",
		"CAMPAÑA «Yo no discrimino»": "campana «yo no discrimino»",
	}
	for in, want := range tests {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTermsAll(t *testing.T) {
	got := Terms{"fr": {"c"}, "xx": {"d"}, "en": {"a"}, "es": {"b"}}.All()
	if want := []string{"a", "b", "c", "d"}; !slices.Equal(got, want) {
		t.Errorf("All() = %v, want %v", got, want)
	}
}

func TestTextGet(t *testing.T) {
	x := Text{EN: "Gender", ES: "Género"}
	for lang, want := range map[string]string{"en": "Gender", "es": "Género", "fr": "Gender", "": "Gender"} {
		if got := x.Get(lang); got != want {
			t.Errorf("Get(%q) = %q, want %q", lang, got, want)
		}
	}
}

func isISO3(s string) bool {
	if len(s) != 3 {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// checkText requires EN and ES, and FR when fr is set.
func checkText(t *testing.T, what string, x Text, fr bool) {
	t.Helper()
	if strings.TrimSpace(x.EN) == "" || strings.TrimSpace(x.ES) == "" || (fr && strings.TrimSpace(x.FR) == "") {
		t.Errorf("%s: label %+v lacks a language", what, x)
	}
}

// checkTerms requires entries in each of langs and no empty entry.
func checkTerms(t *testing.T, what string, terms Terms, langs ...string) {
	t.Helper()
	for _, l := range langs {
		if len(terms[l]) == 0 {
			t.Errorf("%s: no %s terms", what, l)
		}
	}
	for l, list := range terms {
		for _, s := range list {
			if strings.TrimSpace(s) == "" || strings.Contains(s, "|") {
				t.Errorf("%s: bad %s term %q", what, l, s)
			}
		}
	}
}

// TestThemeWeakTerms checks that weak terms are well formed and that no
// term of a theme is both strong and weak.
func TestThemeWeakTerms(t *testing.T) {
	for _, th := range Themes() {
		if len(th.WeakTerms) == 0 {
			continue
		}
		checkTerms(t, "theme "+th.Code+" weak", th.WeakTerms, "en", "es", "fr")
		strong := map[string]bool{}
		for _, s := range th.Terms.All() {
			strong[Fold(s)] = true
		}
		for _, w := range th.WeakTerms.All() {
			if strong[Fold(w)] {
				t.Errorf("theme %s: %q is both a term and a weak term", th.Code, w)
			}
		}
	}
}

func TestGroups(t *testing.T) {
	for _, g := range Groups() {
		if len(g.Members) < 2 || len(g.Names.All()) == 0 || g.Name.EN == "" {
			t.Errorf("group %s: %d members, names %v", g.Code, len(g.Members), g.Names.All())
		}
		for _, m := range g.Members {
			if _, ok := CountryByCode(m); !ok {
				t.Errorf("group %s: unknown member %s", g.Code, m)
			}
		}
	}
	tests := []struct {
		name string
		want []string
	}{
		{"Triángulo Norte", []string{"GTM", "HND", "SLV"}},
		{"Northern Triangle", []string{"GTM", "HND", "SLV"}},
		{"nord de l'Amérique centrale", []string{"GTM", "HND", "SLV"}},
		{"Corne de l'Afrique", []string{"DJI", "ERI", "ETH", "SOM"}},
		{"Sahel", []string{"BFA", "MLI", "MRT", "NER", "TCD"}},
		{"OECS", []string{"ATG", "DMA", "GRD", "KNA", "LCA", "VCT"}},
	}
	for _, tc := range tests {
		found := false
		for _, g := range Groups() {
			if slices.ContainsFunc(g.Names.All(), func(n string) bool { return Fold(n) == Fold(tc.name) }) {
				found = true
				if !slices.Equal(g.Members, tc.want) {
					t.Errorf("%s: members %v, want %v", tc.name, g.Members, tc.want)
				}
			}
		}
		if !found {
			t.Errorf("no group is named %q", tc.name)
		}
	}
}

// TestPlaces checks the places gazetteer: every key a country of the
// taxonomy, every place attached to it, none a blocker.
func TestPlaces(t *testing.T) {
	byCode := map[string]Country{}
	for _, c := range Countries() {
		byCode[c.Code] = c
	}
	for code, ps := range places {
		c, ok := byCode[code]
		if !ok {
			t.Errorf("places of unknown country %s", code)
			continue
		}
		if len(c.Places) != len(ps) {
			t.Errorf("%s has %d places, want %d", code, len(c.Places), len(ps))
		}
	}
	if len(byCode["MEX"].Places) == 0 || len(byCode["FRA"].Places) != 0 {
		t.Errorf("places: MEX %v, FRA %v", byCode["MEX"].Places, byCode["FRA"].Places)
	}
}
