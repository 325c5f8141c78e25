package classify

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"faro/search"
)

// repeat joins n copies of s with blank lines, to make long bodies.
func repeat(s string, n int) string {
	return strings.TrimSpace(strings.Repeat(s+"\n\n", n))
}

// Filler paragraphs: on-topic for a migration report, but naming no
// country and carrying few lexicon terms.
const (
	fillerEN = `The project team met with municipal staff and community members to review the activities of the
year. Participants described the steps they followed, the difficulties they met and the solutions they found
together. The evaluation team visited the offices and reviewed the documents of the project, including the
annual work plans, the meeting minutes and the budget reports. Most respondents said that the activities
were relevant to their needs and that the staff were available and respectful. Some noted delays in the
delivery of the materials and asked for more frequent meetings with the partners.`
	fillerES = `El equipo del proyecto se reunió con el personal municipal y con miembros de la comunidad para
revisar las actividades del año. Las personas participantes describieron los pasos que siguieron, las
dificultades que encontraron y las soluciones que construyeron juntas. La mayoría dijo que las actividades
fueron pertinentes para sus necesidades y que el personal estuvo disponible.`
)

type caseWant struct {
	lang       string
	typ        string
	year       int
	countries  []string // exactly these, in any order; nil = not checked
	has        []string // countries that must be present
	hasNot     []string // countries that must be absent
	themes     []string // must be present
	gcm        []int    // must be present
	maxGCM     int      // 0 = not checked
	principles []string // must be present
}

func TestClassifyCases(t *testing.T) {
	tests := []struct {
		name string
		in   Input
		want caseWant
	}{
		{
			name: "en information campaign in Honduras",
			in: Input{
				Title: "Knowledge Uptake: information campaigns on the risks of irregular migration in Honduras",
				Pages: []string{
					`June 2018. This knowledge uptake product summarises what IOM learned from the information
campaigns run in Honduras between 2016 and 2018. The campaigns used radio spots, social media and community
theatre to help young people make informed decisions about migration and to warn them of the dangers of
irregular migration. Honduran youth in San Pedro Sula and Tegucigalpa took part in awareness-raising
sessions, and peer educators shared key messages in schools.`,
					`The campaigns reached 40,000 adolescents. Information points in municipalities referred
returnees and potential migrants to services. The messages were tested with young people before the launch
and adjusted to local language and culture.`,
				},
			},
			want: caseWant{lang: "en", typ: "knowledge-uptake", year: 2018, countries: []string{"HND"},
				themes: []string{"c4d", "children-youth"}, gcm: []int{3}, maxGCM: 4},
		},
		{
			name: "es trafficking in Guatemala",
			in: Input{
				Title:   "Hoja informativa: la trata de personas en Guatemala",
				Summary: "Datos y rutas de atención para víctimas de trata de personas en Guatemala.",
				Pages: []string{
					`Mayo 2019. La trata de personas es un delito que afecta a miles de mujeres, niñas y niños
guatemaltecos. Los tratantes captan a sus víctimas con falsas ofertas de empleo. En Guatemala, la Secretaría
contra la Violencia Sexual, Explotación y Trata de Personas coordina la atención a las víctimas de trata. La
explotación sexual y el trabajo forzoso son las formas más frecuentes. Esta hoja informativa presenta las
rutas de atención y los números de denuncia.`,
				},
			},
			want: caseWant{lang: "es", typ: "info-sheet", year: 2019, countries: []string{"GTM"},
				themes: []string{"trafficking"}, gcm: []int{10}},
		},
		{
			name: "fr return and reintegration in Haiti",
			in: Input{
				Title: "Guide pratique de la réintégration des migrants de retour en Haïti",
				Pages: []string{
					`Novembre 2020. Ce guide présente les étapes de l'aide à la réintégration des migrants
haïtiens de retour. Les migrants retournés reçoivent un appui psychosocial, une formation professionnelle et
un soutien pour créer une micro-entreprise. La réintégration durable dépend aussi des communautés de retour
en Haïti, qui participent aux projets communautaires. Le retour volontaire assisté est organisé avec les
autorités haïtiennes à Port-au-Prince.`,
				},
			},
			want: caseWant{lang: "fr", typ: "guide", year: 2020, countries: []string{"HTI"},
				themes: []string{"return-reintegration"}, gcm: []int{21}},
		},
		{
			name: "donor named once in a long body is not tagged",
			in: Input{
				Title: "Reintegration of returnees in El Salvador",
				Pages: []string{
					`El Salvador receives thousands of returnees every year. Salvadoran returnees arrive at the
reception centre in San Salvador, where they receive reintegration assistance.`,
					repeat(fillerEN, 12),
					`The project was funded by the Government of Canada. ` + repeat(fillerEN, 6),
					`In El Salvador, returnees in San Miguel and La Unión started small businesses.`,
				},
			},
			want: caseWant{lang: "en", has: []string{"SLV"}, hasNot: []string{"CAN"},
				themes: []string{"return-reintegration"}, gcm: []int{21}},
		},
		{
			name: "Niger is not Nigeria",
			in: Input{
				Title: "Migrant assistance in Agadez",
				Pages: []string{
					`In Niger, IOM runs transit centres in Agadez and Niamey. Nigerien authorities and
communities host migrants rescued in the desert. The Niger government leads the response; the Niger Delta
is not part of the project.`,
				},
			},
			want: caseWant{lang: "en", countries: []string{"NER"}},
		},
		{
			name: "Nigeria is not Niger",
			in: Input{
				Title: "Safe migration awareness in Nigeria",
				Pages: []string{
					`Nigeria is a country of origin. Nigerian returnees in Lagos, Benin City and Abuja spoke
about their journeys. Nigerians interviewed in Edo State described the risks of irregular migration.`,
				},
			},
			want: caseWant{lang: "en", countries: []string{"NGA"}},
		},
		{
			name: "Guinea and its namesakes",
			in: Input{
				Title: "Diaspora guinéenne",
				Pages: []string{
					`La diaspora de Guinée contribue au développement de la Guinée. Les Guinéens vivant en
France envoient des fonds à Conakry. Ce rapport ne porte ni sur la Guinée-Bissau, ni sur la Guinée
équatoriale, ni sur la Papouasie-Nouvelle-Guinée, mais il mentionne le golfe de Guinée.`,
				},
			},
			want: caseWant{lang: "fr", has: []string{"GIN"}, hasNot: []string{"GNB", "GNQ", "PNG"},
				themes: []string{"remittances-diaspora"}},
		},
		{
			name: "Dominica is not the Dominican Republic",
			in: Input{
				Title: "Hurricane preparedness in Dominica",
				Pages: []string{
					`Dominica was hit by Hurricane Maria. In Roseau, the Commonwealth of Dominica set up
shelters. Dominica is a small island state.`,
				},
			},
			want: caseWant{lang: "en", countries: []string{"DMA"}, themes: []string{"climate"}},
		},
		{
			name: "the region named, no country standing out",
			in: Input{
				Title: "Migración en Centroamérica",
				Pages: []string{`La migración irregular en Centroamérica y el Caribe afecta a miles de jóvenes. En
Mesoamérica, los gobiernos de la región coordinan la respuesta. Centroamérica es región de origen, tránsito,
destino y retorno.`},
			},
			want: caseWant{lang: "es", countries: []string{"REG"}},
		},
		{
			name: "a few countries of the region are not the region",
			in: Input{
				Title: "Migración en Centroamérica",
				Pages: []string{
					`En Centroamérica, la migración irregular afecta a Guatemala, Honduras y El Salvador.
Las personas guatemaltecas, hondureñas y salvadoreñas migran hacia el norte. En Guatemala,
Honduras y El Salvador la pobreza y la violencia son causas de la migración.`,
				},
			},
			want: caseWant{lang: "es", countries: []string{"GTM", "HND", "SLV"}},
		},
		{
			name: "five countries of the region named in the title: regional, and each kept",
			in: Input{
				Title: "Returnees in Guatemala, Honduras, El Salvador, Nicaragua and Costa Rica",
				Pages: []string{`Returnees to Guatemala, Honduras, El Salvador, Nicaragua and Costa Rica receive
reintegration assistance. In Guatemala, Honduras, El Salvador, Nicaragua and Costa Rica, reception centres
register returnees. Canada funded the project.`},
			},
			want: caseWant{lang: "en", has: []string{"REG", "GTM", "HND", "SLV", "NIC", "CRI"}},
		},
		{
			name: "five countries of the region make it regional",
			in: Input{
				Title: "Returnees in the region",
				Pages: []string{`Returnees to Guatemala, Honduras, El Salvador, Nicaragua and Costa Rica receive
reintegration assistance. In Guatemala, Honduras, El Salvador, Nicaragua and Costa Rica, reception centres
register returnees. Canada funded the project.`},
			},
			want: caseWant{lang: "en", has: []string{"REG"}, hasNot: []string{"GTM", "HND", "SLV", "NIC", "CRI"}},
		},
		{
			name: "terms of reference from the file name and the cover",
			in: Input{
				FileName: "haiti-evaluation_tor.pdf",
				Pages: []string{`TERMES DE RÉFÉRENCE. Évaluation finale du projet de dialogue binational entre
Haïti et la République dominicaine. Octobre 2024. Le consultant réalisera l'évaluation finale.`},
			},
			want: caseWant{lang: "fr", typ: "terms-of-reference", year: 2024, has: []string{"HTI", "DOM"}},
		},
		{
			name: "years in references do not count",
			in: Input{
				Title: "Study on migrant workers",
				Pages: []string{
					`Study on the labour migration of migrant workers. Published: March 2017.`,
					repeat(fillerEN, 2),
					`References. Smith (2011). Jones (2012). Garcia 2012. Pérez 2012. Report 2012. Survey 2012.`,
				},
			},
			want: caseWant{lang: "en", typ: "study", year: 2017, themes: []string{"labour-migration"}},
		},
		{
			name: "no country, no year",
			in: Input{
				Pages: []string{repeat(fillerEN, 2)},
			},
			want: caseWant{lang: "en", countries: []string{}, maxGCM: 0},
		},
		{
			name: "a word of every objective is not every objective",
			in: Input{
				Title: "Annual report",
				Pages: []string{
					`This year the office looked at migration data, adverse drivers, accurate information,
legal identity, regular migration, fair recruitment, vulnerabilities, missing migrants, smuggling of
migrants, trafficking in persons, border management, referral, detention, consular protection, basic
services, social cohesion, discrimination, skills development, diaspora, remittances, reintegration,
portability and international cooperation.`,
					repeat(fillerEN, 10),
				},
			},
			want: caseWant{lang: "en", maxGCM: 4},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Classify(tt.in)
			checkLabels(t, tt.name, got)
			w := tt.want
			if w.lang != "" && got.Lang != w.lang {
				t.Errorf("lang %q, want %q", got.Lang, w.lang)
			}
			if w.typ != "" && got.Type != w.typ {
				t.Errorf("type %q, want %q", got.Type, w.typ)
			}
			if got.Year != w.year {
				t.Errorf("year %d, want %d", got.Year, w.year)
			}
			if w.countries != nil {
				a, b := slices.Sorted(slices.Values(got.Countries)), slices.Sorted(slices.Values(w.countries))
				if !slices.Equal(a, b) {
					t.Errorf("countries %v, want %v", got.Countries, w.countries)
				}
			}
			for _, c := range w.has {
				if !slices.Contains(got.Countries, c) {
					t.Errorf("countries %v, want %s among them", got.Countries, c)
				}
			}
			for _, c := range w.hasNot {
				if slices.Contains(got.Countries, c) {
					t.Errorf("countries %v, want no %s", got.Countries, c)
				}
			}
			for _, th := range w.themes {
				if !slices.Contains(got.Themes, th) {
					t.Errorf("themes %v, want %s among them", got.Themes, th)
				}
			}
			for _, g := range w.gcm {
				if !slices.Contains(got.GCM, g) {
					t.Errorf("gcm %v, want %d among them", got.GCM, g)
				}
			}
			if !slices.IsSorted(got.GCM) {
				t.Errorf("gcm %v not ascending", got.GCM)
			}
			if len(got.GCM) > max(w.maxGCM, len(w.gcm), 4) {
				t.Errorf("gcm %v: too many objectives", got.GCM)
			}
			if w.maxGCM == 0 && w.gcm == nil && len(got.GCM) > 0 && w.countries != nil && len(w.countries) == 0 {
				t.Errorf("gcm %v, want none", got.GCM)
			}
			for _, p := range w.principles {
				if !slices.Contains(got.Principles, p) {
					t.Errorf("principles %v, want %s among them", got.Principles, p)
				}
			}
		})
	}
}

// TestAccentsAndCase checks that folding makes spelling variants equal.
func TestAccentsAndCase(t *testing.T) {
	variants := []Input{
		{Title: "Migración y trata de personas en México", Pages: []string{"La migración irregular en México expone a las víctimas de trata de personas."}},
		{Title: "Migracion y trata de personas en Mexico", Pages: []string{"La migracion irregular en Mexico expone a las victimas de trata de personas."}},
		{Title: "MIGRACIÓN Y TRATA DE PERSONAS EN MÉXICO", Pages: []string{"LA MIGRACIÓN IRREGULAR EN MÉXICO EXPONE A LAS VÍCTIMAS DE TRATA DE PERSONAS."}},
	}
	var first Output
	for i, in := range variants {
		got := Classify(in)
		if !slices.Contains(got.Countries, "MEX") || !slices.Contains(got.Themes, "trafficking") || !slices.Contains(got.GCM, 10) {
			t.Errorf("variant %d: countries %v themes %v gcm %v, want MEX, trafficking, 10", i, got.Countries, got.Themes, got.GCM)
		}
		if i == 0 {
			first = got
			continue
		}
		if !slices.Equal(got.Countries, first.Countries) || !slices.Equal(got.Themes, first.Themes) || !slices.Equal(got.GCM, first.GCM) {
			t.Errorf("variant %d gives %v %v %v, variant 0 gives %v %v %v", i,
				got.Countries, got.Themes, got.GCM, first.Countries, first.Themes, first.GCM)
		}
	}
}

// TestEvidence checks what a label reports: place, pages, count and the
// GCM action a term came from.
func TestEvidence(t *testing.T) {
	got := Classify(Input{
		Title: "Information points for migrants in Mexico",
		Pages: []string{
			"Mexico opened information points along the route.",
			"The information points in Tapachula served migrants. Mexico also trained staff.",
		},
	})
	var gcm3, mex *search.Label
	for i := range got.Labels {
		l := &got.Labels[i]
		switch {
		case l.Facet == search.FacetGCM && l.Value == "3":
			gcm3 = l
		case l.Facet == search.FacetCountry && l.Value == "MEX":
			mex = l
		}
	}
	if gcm3 == nil || mex == nil {
		t.Fatalf("labels %+v lack gcm 3 or MEX", got.Labels)
	}
	want := search.Evidence{Term: "information points", Where: "body", Pages: []int{1, 2}, Count: 2, Ref: "3(c)"}
	if !slices.ContainsFunc(gcm3.Evidence, func(e search.Evidence) bool { return fmt.Sprint(e) == fmt.Sprint(want) }) {
		t.Errorf("gcm 3 evidence %+v lacks %+v", gcm3.Evidence, want)
	}
	if e := mex.Evidence[0]; e.Where != "title" || e.Term != "Mexico" || e.Count != 1 {
		t.Errorf("MEX first evidence %+v, want the title", e)
	}
	if mex.Score <= 0 || mex.Source != Source || mex.Given {
		t.Errorf("MEX label %+v", *mex)
	}
}

func TestPageLangs(t *testing.T) {
	got := Classify(Input{Pages: []string{
		"The project supported the return of migrants and their reintegration in the communities of origin.",
		"El proyecto apoyó el retorno de las personas migrantes y su reintegración en las comunidades de origen.",
		"Le projet a soutenu le retour des migrants et leur réintégration dans les communautés d'origine.",
		"O projeto apoiou o retorno dos migrantes e a sua reintegração nas comunidades de origem, com as famílias e também com os governos.",
		"Tableau 3",
		"",
	}})
	if want := []string{"en", "es", "fr", "pt", "", ""}; !slices.Equal(got.PageLangs, want) {
		t.Errorf("page languages %q, want %q", got.PageLangs, want)
	}
}

// TestLanguageOfMostPages checks that a document is in the language of most
// of its pages, the first one's among equals: a translation appended to
// the original does not make it bilingual.
func TestLanguageOfMostPages(t *testing.T) {
	es := "El proyecto apoyó el retorno de las personas migrantes y su reintegración en las comunidades de origen, con sus familias y también con los gobiernos locales."
	en := "The project supported the return of migrants and their reintegration in the communities of origin, with their families and also with the local governments, which were involved in all of the activities."
	for _, tc := range []struct {
		pages []string
		want  string
	}{
		{[]string{es, es, en, en}, "es"}, // an original and its longer translation
		{[]string{en, en, es, es}, "en"},
		{[]string{es, en, en}, "en"},
		{[]string{"Tableau 3", es}, "es"},
	} {
		if got := Classify(Input{Pages: tc.pages}).Lang; got != tc.want {
			t.Errorf("pages %d: language %q, want %q", len(tc.pages), got, tc.want)
		}
	}
}

func TestEmptyInput(t *testing.T) {
	got := Classify(Input{})
	if got.Lang != "" || got.Type != "" || got.Year != 0 || len(got.Countries)+len(got.Themes)+len(got.GCM)+len(got.Principles)+len(got.Labels) != 0 {
		t.Errorf("Classify(empty) = %+v", got)
	}
}

func TestTokens(t *testing.T) {
	got := tokens("L'OIM – «Migración» main-d’œuvre C4D, H-2A; São Tomé 2019.")
	want := []string{"l", "oim", "migracion", "main", "d", "oeuvre", "c4d", "h", "2a", "sao", "tome", "2019"}
	if !slices.Equal(got, want) {
		t.Errorf("tokens = %q, want %q", got, want)
	}
}

// BenchmarkClassify classifies a 100-page English report.
func BenchmarkClassify(b *testing.B) {
	page := `Final evaluation of the project on return and reintegration in Honduras, Guatemala and El Salvador.
Returnees received reintegration assistance, psychosocial support and vocational training. ` + fillerEN + " " + fillerEN +
		` The information campaigns reached young people in schools; migrant workers used regular pathways
such as temporary work visas. Data collection relied on surveys of households.`
	pages := make([]string, 100)
	words := 0
	for i := range pages {
		pages[i] = page
		words += len(strings.Fields(page))
	}
	in := Input{Title: "Final evaluation report", Pages: pages, FileName: "report.pdf"}
	compiled()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Classify(in)
	}
	b.ReportMetric(float64(words), "words/doc")
}

func TestFileNameHints(t *testing.T) {
	tests := []struct {
		name, file, title string
		lang, typ         string
	}{
		{"language suffix when the text is too short", "mapa-ventanillas_es.pdf", "CORETT", "es", "map"},
		{"french suffix", "brief_fr.pdf", "OIM", "fr", "evaluation-brief"},
		{"no suffix", "cover.pdf", "OIM", "", ""},
		{"web page", "about.html", "", "", "web-page"},
		{"management response", "eval_mgmt-response-matrix.pdf", "", "", "management-response"},
		{"guide in the title", "x.pdf", "Guía paso a paso para la atención de personas migrantes", "", "guide"},
		{"info sheet in french", "x.pdf", "Fiche d'information sur la migration de main-d'œuvre", "fr", "info-sheet"},
		{"campaign summary", "x.pdf", "Resumen de la campaña «Yo no discrimino»", "", "campaign-summary"},
		{"knowledge uptake", "ku-c4d_es.pdf", "Knowledge Uptake", "es", "knowledge-uptake"},
		{"evaluation brief", "x.pdf", "Evaluation Brief: final evaluation of the project", "", "evaluation-brief"},
		{"terms of reference in spanish", "x.pdf", "Términos de referencia para la consultoría", "", "terms-of-reference"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Classify(Input{Title: tt.title, FileName: tt.file})
			if got.Lang != tt.lang {
				t.Errorf("lang %q, want %q", got.Lang, tt.lang)
			}
			if got.Type != tt.typ {
				t.Errorf("type %q, want %q", got.Type, tt.typ)
			}
		})
	}
}

// TestConcurrent runs Classify from several goroutines; run with -race.
func TestConcurrent(t *testing.T) {
	in := Input{Title: "Trata de personas en Honduras", Pages: []string{"La trata de personas en Honduras afecta a niñas y mujeres hondureñas."}}
	want := Classify(in)
	done := make(chan Output)
	for range 8 {
		go func() { done <- Classify(in) }()
	}
	for range 8 {
		if got := <-done; !slices.Equal(got.Countries, want.Countries) || !slices.Equal(got.GCM, want.GCM) {
			t.Errorf("concurrent result %v %v, want %v %v", got.Countries, got.GCM, want.Countries, want.GCM)
		}
	}
}

// TestCountWords checks that countWords counts the words split finds.
func TestCountWords(t *testing.T) {
	for _, s := range []string{
		"", " ", "a", "l'oim – «migracion» main-d'oeuvre c4d, h-2a; sao tome 2019.",
		"  trailing  ", "x\ny\n\nz", "日本語 text ٣ ok", "e\u0301cole", "\xff bad \xfe utf8",
	} {
		if got, want := countWords(s), len(split(s, nil)); got != want {
			t.Errorf("countWords(%q) = %d, want %d", s, got, want)
		}
	}
}
