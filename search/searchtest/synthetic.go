package searchtest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"

	"faro/search"
)

// Vocabulary of the synthetic documents: the domain's words in each
// language, so that queries, stemming and synonyms behave as on real text.
var synthWords = map[string][]string{
	"en": strings.Fields(`migration migrants return reintegration trafficking smuggling remittances diaspora border
		management protection children youth women community communities campaign campaigns information
		communication development study survey data evaluation lessons learned practices regional programme
		government municipal consular assistance labour recruitment workers employment regularization pathways
		climate disasters displacement health education violence risks journey transit families shelter
		referral services partners capacity training officers victims identification prevention awareness
		behaviour change knowledge attitudes results indicators baseline households returnees integration`),
	"es": strings.Fields(`migración migrantes retorno reintegración trata tráfico remesas diáspora frontera gestión
		protección niñez niños niñas jóvenes mujeres comunidad comunidades campaña campañas información
		comunicación desarrollo estudio encuesta datos evaluación lecciones aprendidas prácticas programa regional
		gobierno municipal consular asistencia laboral reclutamiento trabajadores empleo regularización vías
		clima desastres desplazamiento salud educación violencia riesgos camino tránsito familias albergue
		referencia servicios socios capacidades formación funcionarios víctimas identificación prevención
		sensibilización cambio comportamiento conocimientos actitudes resultados indicadores hogares retornadas`),
	"fr": strings.Fields(`migration migrants retour réintégration traite trafic transferts diaspora frontière gestion
		protection enfants jeunes femmes communauté communautés campagne campagnes information communication
		développement étude enquête données évaluation leçons pratiques programme régional gouvernement
		municipal consulaire assistance travail recrutement travailleurs emploi régularisation voies climat
		catastrophes déplacement santé éducation violence risques parcours transit familles refuge orientation
		services partenaires capacités formation agents victimes identification prévention sensibilisation`),
}

var synthFunction = map[string][]string{
	"en": strings.Fields("the of and in for to with on by from about"),
	"es": strings.Fields("la el de y en para con por sobre los las del"),
	"fr": strings.Fields("la le de et en pour avec sur les des du"),
}

var (
	synthCountries = []string{"HND", "GTM", "SLV", "MEX", "NIC", "CRI", "PAN", "BLZ", "DOM", "HTI", "JAM", "CUB", "TTO", "REG", "COL", "USA"}
	synthThemes    = []string{"c4d", "trafficking", "smuggling", "return-reintegration", "labour-migration", "protection",
		"children-youth", "gender", "border-management", "data", "regular-pathways", "remittances-diaspora", "climate", "health"}
	synthTypes      = []string{"campaign-summary", "info-sheet", "study", "knowledge-uptake", "guide", "evaluation-report", "evaluation-brief", "web-page"}
	synthPrinciples = []string{"people-centred", "international-cooperation", "rule-of-law", "human-rights", "gender-responsive", "child-sensitive", "whole-of-society"}
)

// Synthetic returns n documents made deterministically from seed: EN/ES/FR
// text of about 3-5 KB over 1-5 pages built from the domain's vocabulary,
// with facet values skewed the way real collections are (a few countries
// and objectives dominate). It feeds benchmarks and load tests.
func Synthetic(seed uint64, n int) []*search.Document {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	docs := make([]*search.Document, n)
	for i := range docs {
		docs[i] = synthDoc(r, i)
	}
	return docs
}

// zipf picks an index in [0, n) with a skew towards the start.
func zipf(r *rand.Rand, n int) int {
	x := r.Float64()
	return int(float64(n) * x * x * x)
}

// synthFiller is a long tail of made-up words, so that the domain words
// occur in a realistic share of documents rather than in all of them (real
// text follows Zipf's law over tens of thousands of words).
var synthFiller = func() []string {
	syl := strings.Fields("ca co la lo ma me ni no pa pe ra re sa se ta te vi vo bu du gra pro tri ven dor mis tal")
	r := rand.New(rand.NewPCG(7, 11))
	seen := map[string]bool{}
	var out []string
	for len(out) < 20000 {
		n := 2 + r.IntN(3)
		var b strings.Builder
		for k := 0; k < n; k++ {
			b.WriteString(syl[r.IntN(len(syl))])
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}()

func synthDoc(r *rand.Rand, i int) *search.Document {
	lang := []string{"en", "es", "es", "en", "fr"}[r.IntN(5)]
	words, fn := synthWords[lang], synthFunction[lang]
	// Each document is about a few domain words and mentions others.
	topic := make([]string, 6)
	for k := range topic {
		topic[k] = words[zipf(r, len(words))]
	}
	sentence := func(k int) string {
		var b strings.Builder
		for j := 0; j < k; j++ {
			if j > 0 {
				b.WriteByte(' ')
			}
			switch x := r.IntN(20); {
			case j%3 == 1:
				b.WriteString(fn[r.IntN(len(fn))])
			case x < 5:
				b.WriteString(topic[r.IntN(len(topic))])
			case x < 6:
				b.WriteString(words[r.IntN(len(words))])
			default:
				b.WriteString(synthFiller[zipf(r, len(synthFiller))])
			}
		}
		s := b.String()
		r0, size := utf8.DecodeRuneInString(s)
		return string(unicode.ToUpper(r0)) + s[size:] + "."
	}
	pages := make([]search.Page, 1+r.IntN(5))
	budget := 3000 + r.IntN(2000)
	for p := range pages {
		var b strings.Builder
		for b.Len() < budget/len(pages) {
			b.WriteString(sentence(8 + r.IntN(12)))
			b.WriteByte(' ')
		}
		pages[p] = search.Page{Number: p + 1, Text: b.String(), Lang: lang}
	}
	year := 2008 + zipf(r, 18)
	d := &search.Document{
		ID:      fmt.Sprintf("syn-%06d", i),
		Title:   strings.TrimSuffix(sentence(5+r.IntN(5)), "."),
		Summary: sentence(15 + r.IntN(10)),
		Type:    synthTypes[r.IntN(len(synthTypes))],
		Lang:    lang,
		Year:    year,
		Date:    fmt.Sprintf("%d-%02d-%02d", year, 1+r.IntN(12), 1+r.IntN(28)),
		Source:  fmt.Sprintf("synthetic/%06d.pdf", i),
		Format:  "pdf",
		Pages:   pages,
	}
	d.Countries = pickN(r, synthCountries, 1+r.IntN(3))
	d.Themes = pickN(r, synthThemes, 1+r.IntN(3))
	d.Principles = pickN(r, synthPrinciples, r.IntN(3))
	seen := map[int]bool{}
	for k := 1 + r.IntN(3); len(d.GCM) < k; {
		g := 1 + zipf(r, 23)
		if !seen[g] {
			seen[g] = true
			d.GCM = append(d.GCM, g)
		}
	}
	return d
}

func pickN(r *rand.Rand, from []string, k int) []string {
	out := []string{}
	seen := map[string]bool{}
	for len(out) < k {
		v := from[zipf(r, len(from))]
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}
