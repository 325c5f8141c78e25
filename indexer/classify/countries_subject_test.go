package classify

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"faro/search"
	"faro/search/taxonomy"
)

// TestCountriesSubjectAndMention checks the country rules beyond counts:
// groups resolved to their members, destinations and borders that are not
// subjects, returns that are, and Niger apart from Nigeria.
func TestCountriesSubjectAndMention(t *testing.T) {
	tests := []struct {
		name    string
		in      Input
		want    []string // exactly these (REG and GLB aside), any order
		rejects []string // reported among the rejected countries
	}{
		{
			name: "Northern Triangle in English resolves to its three countries",
			in: Input{Title: "Youth employment in the Northern Triangle", Pages: []string{
				`The programme trains young people in the Northern Triangle in trades that local firms need. Its
first cohort finished in March; the second starts in the autumn, with more places for young women.`}},
			want: []string{"GTM", "HND", "SLV"},
		},
		{
			name: "Triángulo Norte in Spanish, with the group's countries named",
			in: Input{Title: "Empleo juvenil en el Triángulo Norte", Pages: []string{
				`El programa forma a jóvenes de Guatemala, Honduras y El Salvador en oficios que piden las
empresas locales del Triángulo Norte.`}},
			want: []string{"GTM", "HND", "SLV"},
		},
		{
			name: "a group whose document names some members stands for those",
			in: Input{Title: "Reintegration in the Horn of Africa", Pages: []string{repeat(
				`Returnees in Ethiopia and Somalia received business grants and counselling; the teams in Ethiopia and
Somalia followed each case for a year.`, 3)}},
			want: []string{"ETH", "SOM"},
		},
		{
			name: "a short news item lists the countries its subjects come from",
			in: Input{Title: "Una caravana de familias cruza Chiapas", Pages: []string{repeat(
				`Familias de Honduras, Nicaragua y Guatemala llegaron ayer a Tapachula, en México, donde pidieron
información sobre sus parientes. Las autoridades de México las registraron en el albergue municipal. `, 1) +
				repeat(`México recibe cada año a miles de personas en tránsito; el albergue de México atiende a
quienes llegan por la frontera sur de México. `, 3)}},
			want: []string{"MEX", "HND", "NIC", "GTM"},
		},
		{
			name: "a closing paragraph about the programme is no list of subjects",
			in: Input{Title: "Jóvenes de Honduras lanzan una campaña", Pages: []string{repeat(
				`Jóvenes de San Pedro Sula en Honduras presentaron su campaña en escuelas y radios; en Honduras la
campaña llegará a diez municipios este año. `, 4) +
				`El componente de comunicación del programa trabaja en Honduras, El Salvador, Guatemala y México.`}},
			want: []string{"HND"},
		},
		{
			name: "two countries side by side are a mention, not a list",
			in: Input{Title: "Solicitudes de refugio en México", Pages: []string{repeat(
				`México recibió más solicitudes de refugio este año; la oficina para México y Cuba lo informó. México
amplió sus oficinas de atención. `, 3)}},
			want:    []string{"MEX"},
			rejects: []string{"CUB"},
		},
		{
			name: "a destination is not a subject; a return destination is",
			in: Input{Title: "Returned children in Honduras", Pages: []string{
				`Each year thousands of children leave to travel to the United States; many travel towards the United
States alone. Those returned to Honduras are received at a centre in San Pedro Sula, and Honduras runs
a reintegration programme for them.`}},
			want:    []string{"HND"},
			rejects: []string{"USA"},
		},
		{
			name: "Spanish destination with a",
			in: Input{Title: "Niñez migrante de El Salvador", Pages: []string{
				`Niñas y niños de El Salvador viajan a Estados Unidos sin compañía; en El Salvador la ruta de atención
recibe a quienes regresan. Muchos quieren llegar a Estados Unidos para reunirse con su familia.`}},
			want:    []string{"SLV"},
			rejects: []string{"USA"},
		},
		{
			name: "a demonym in the title names the subject",
			in: Input{Title: "Cine fórum con una película salvadoreña", Pages: []string{
				`Jóvenes de la comunidad vieron la película y conversaron sobre los peligros del viaje y sobre las
razones de quienes se van.`}},
			want: []string{"SLV"},
		},
		{
			name: "a demonym in the body alone does not",
			in: Input{Title: "Cooperation in vocational training", Pages: []string{
				`German cooperation funded the vocational training centre; its teachers followed courses in the
capital for two months and now train young people in trades.`}},
			want: nil,
		},
		{
			name: "a regional document keeps the country that dominates it",
			in: Input{Title: "Niñez migrante retornada", Pages: []string{
				`En Honduras retornaron 9.000 niñas y niños; Honduras atiende a quienes llegan en un centro de San
Pedro Sula y Honduras cuenta con una ruta de atención. Honduras firmó protocolos con México. La ruta pasa por
Guatemala, El Salvador y Nicaragua. Honduras evalúa la reintegración en sus comunidades.`}},
			want: []string{"HND"},
		},
		{
			name: "Nigerien and Niger are not Nigeria",
			in: Input{Title: "Border management in Niger", Pages: []string{
				`Nigerien border police in Niger received equipment and training; the posts of Niger along the border
with Mali were rebuilt. Officers from Niger visited the Niger Delta only in a study tour.`}},
			want: []string{"NER"},
		},
		{
			name: "a list glossing a group's name is no list of subjects",
			in: Input{Title: "Campaña: yo no discrimino a los hondureños retornados", Pages: []string{
				`Mientras llegan amenazas contra los gobiernos del Triángulo Norte –Guatemala, Honduras y El
Salvador–, centenares de hondureños cruzan las fronteras. En Honduras las familias despiden a los jóvenes;
en Honduras los albergues están llenos. La campaña de El Salvador pide no discriminar a quienes regresan.`}},
			want: []string{"HND", "SLV"},
		},
		{
			name: "a worldwide list of governments is GLB",
			in: Input{Title: "Presidential determination on trafficking in persons", Pages: []string{repeat(
				`Assistance is restricted for the governments of Afghanistan, Belarus, Burma, Cuba, Eritrea,
Iran, Nicaragua, China, Algeria, South Sudan, Venezuela and Guinea-Bissau. `, 2)}},
			want:    nil,
			rejects: []string{"AFG", "CUB"},
		},
		{
			name: "a local story that names only the states and towns of a country",
			in: Input{Title: "Más secuestros en la ruta de Palenque a Tenosique", Pages: []string{
				`Defensores de derechos humanos recorrieron las estaciones del tren en Chiapas y en Tabasco. En
Tapachula y en Tenosique los albergues registran más secuestros y extorsiones de migrantes que el año pasado.`}},
			want: []string{"MEX"},
		},
		{
			name: "places do not make a named country outweigh its named neighbour",
			in: Input{Title: "Trabajadores temporales entre Guatemala y México", Pages: []string{repeat(
				`Trabajadores de Guatemala cruzan a México para las cosechas; Guatemala y México firmaron un
acuerdo. Trabajan en Chiapas, Tabasco, Campeche, Yucatán, Quintana Roo, Oaxaca y Veracruz. `, 3)}},
			want: []string{"GTM", "MEX"},
		},
		{
			name: "a map of desks, some countries named only by their towns, is not regional",
			in: Input{Title: "Ventanillas informativas", Pages: []string{
				`1 Tijuana, Baja California, México. 2 Tapachula, Chiapas, México. 3 Belmopan City, Belice.
4 Toledo, Belice. 5 Quetzaltenango. 6 Huehuetenango. 7 Zacapa. 8 Chalatenango. 9 Usulután. 10 Sonsonate.
11 Santo Domingo, República Dominicana. 12 Dajabón, República Dominicana.`}},
			want: []string{"MEX", "BLZ", "GTM", "SLV", "DOM"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := Classify(tc.in)
			var got []string
			for _, c := range out.Countries {
				if c != taxonomy.CodeRegional && c != taxonomy.CodeGlobal {
					got = append(got, c)
				}
			}
			slices.Sort(got)
			want := slices.Clone(tc.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("countries %v, want %v (rejected %v)", got, want, out.Rejected)
			}
			for _, r := range tc.rejects {
				if !slices.ContainsFunc(out.Rejected, func(x Rejected) bool {
					return x.Value == r && x.Reason != "" && x.Reason == search.ReasonText(x.ReasonCode, x.ReasonArgs)
				}) {
					t.Errorf("%s not among the rejected values with a reason: %+v", r, out.Rejected)
				}
			}
		})
	}
}

func TestIsDestination(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"they migrate to the united states", true},
		{"bound for the united states", true},
		{"rumbo a estados unidos", true},
		{"partir vers la france", true},
		{"returned to honduras", false},
		{"technical assistance to haiti", false},
		{"apoyo a guatemala", false},
		{"retornaron a honduras", false},
		{"programmes in honduras", false},
		{"honduras", false},
	}
	for _, tc := range tests {
		toks := tokens(tc.text)
		// The country is the last word, or the last two.
		pos := len(toks) - 1
		if strings.HasSuffix(tc.text, "united states") || strings.HasSuffix(tc.text, "estados unidos") {
			pos = len(toks) - 2
		}
		if got := isDestination(toks, pos); got != tc.want {
			t.Errorf("isDestination(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestHasCoverageColon checks that hasCoverageColon holds for every page
// coverageLabel matches, on pages assembled from labels in several
// cases and spellings, blanks, colons and stray bytes.
func TestHasCoverageColon(t *testing.T) {
	pieces := []string{
		"Geographical coverage", "GEOGRAPHIC SCOPE", "geographical ſcope", "Countries covered", "country coverage",
		"Couverture géographique", "COUVERTURE GÉOGRAPHIQUE", "couverture geographique", "Pays couverts",
		"Cobertura geográfica", "Países cubiertos", "PAÍSES CUBIERTOS", "Ámbito geográfico", "ambito geografico",
		" ", "\t", strings.Repeat(" ", 90), ":", " : ", "\n", "\r\n", "Mali", "é", "\xe9", "\xc3", "x:", "coverage",
		strings.Repeat("word ", 20),
	}
	rng := rand.New(rand.NewPCG(1, 2))
	matched := 0
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		page := b.String()
		want := coverageLabel.MatchString(page)
		if want {
			matched++
		}
		if want && !hasCoverageColon(page) {
			t.Errorf("hasCoverageColon(%q) = false, and coverageLabel matches", page)
		}
	}
	if matched < 100 {
		t.Errorf("only %d pages with a coverage label", matched)
	}
}

// TestPlacesAsEvidence checks that a country found through its places
// shows them as its evidence, and that a named country's places are not
// counted as its evidence.
func TestPlacesAsEvidence(t *testing.T) {
	tests := []struct {
		name, text string
		country    string
		place      string
		want       bool // the place is among the country's evidence
	}{
		{"only places", "Los albergues de Chiapas y de Tabasco atienden a más personas; en Chiapas abrieron dos más.", "MEX", "Chiapas", true},
		{"named country", "México abrió albergues en Chiapas y Tabasco; México y Chiapas firmaron un convenio.", "MEX", "Chiapas", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := labelOf(Classify(Input{Pages: []string{tc.text}}), search.FacetCountry, tc.country)
			if l == nil {
				t.Fatalf("%s not kept", tc.country)
			}
			got := slices.ContainsFunc(l.Evidence, func(e search.Evidence) bool { return e.Term == tc.place })
			if got != tc.want {
				t.Errorf("%s among the evidence: %v, want %v (%+v)", tc.place, got, tc.want, l.Evidence)
			}
		})
	}
}

// TestLanguageAliases checks that a name of one language only ("EU",
// Estados Unidos in Spanish) names its country in that language's
// documents and nothing in others (the European Union in English).
func TestLanguageAliases(t *testing.T) {
	tests := []struct {
		name, title, text string
		want              bool // USA among the countries
	}{
		{"Spanish", "Deportan EU y México a miles de niños",
			"Los niños deportados desde EU llegan a México sin sus padres; EU y México registran cada año más casos de niños que viajan solos.", true},
		{"English", "The EU and Mexico sign a migration agreement",
			"The EU will fund shelters in Mexico; the EU and Mexico will meet again next year to review the agreement on migration.", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := Classify(Input{Title: tc.title, Pages: []string{tc.text}})
			if got := slices.Contains(out.Countries, "USA"); got != tc.want {
				t.Errorf("USA among %v: %v, want %v", out.Countries, got, tc.want)
			}
		})
	}
}
