package main

import (
	"math/rand/v2"
	"net/url"
)

// Query texts in the three languages of the corpus, in every form the
// query language takes.
var texts = []string{
	// words, with and without accents
	"trata", "migración", "migracion", "remesas", "niñez", "ninez", "retorno", "reintegración", "periodistas",
	"regularización", "diáspora", "campaña", "trafficking", "smuggling", "remittances", "reintegration",
	"campaign", "recruitment", "climate", "journalists", "children", "retour", "réintégration", "environnement",
	"mobilité", "climat", "migrants", "protección consular", "información",
	// phrases
	`"plan your life"`, `"trata de personas"`, `"migración irregular"`, `"fair recruitment"`, `"retour volontaire"`,
	// boolean, prefixes, fields
	"(trata OR trafficking) AND -smuggling", "trata AND niñez", "remesas OR remittances", "NOT smuggling trafficking",
	"migra*", "title:campaña", "country:HND AND trata", "gcm:10", "theme:c4d", "lang:fr climat",
	"(retour OR return) AND country:HTI", "year:2019",
	// browse
	"",
}

// Facet selections, combined with the texts.
var filters = []string{
	"", "", "", "country=HND", "country=GTM&country=SLV", "gcm=10", "gcm=3&gcm=10", "theme=c4d", "lang=es", "lang=fr",
	"lang=en", "type=guide", "year_from=2018&year_to=2022", "country=MEX&lang=es",
}

// Sorting, paging and label language.
var extras = []string{
	"", "", "", "sort=date_desc", "sort=date_asc", "page=2", "page=2&size=5", "size=50", "ui=es", "page=3&size=20",
}

var facetLookups = []string{
	"/api/v1/facets/country?prefix=hon", "/api/v1/facets/country?prefix=gua&q=trata", "/api/v1/facets/country?prefix=",
	"/api/v1/facets/theme?prefix=c", "/api/v1/facets/gcm?prefix=traf&ui=es", "/api/v1/facets/type?lang=fr",
}

// schedule is the rotation of request kinds: mostly API searches, then
// the page, documents, facet lookups and the taxonomy.
var schedule = []string{
	"search", "search", "page", "search", "document", "search", "search", "facets", "search", "page",
	"search", "search", "document", "search", "search", "page", "search", "taxonomy", "search", "search",
}

// mix yields one worker's requests: the kinds rotate through schedule
// (each worker from its own offset) and the content is drawn at random.
type mix struct {
	r   *rand.Rand
	i   int
	ids []string
}

func newMix(seed uint64, worker int, ids []string) *mix {
	return &mix{r: rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15)), i: worker * 7, ids: ids}
}

func (m *mix) pick(list []string) string { return list[m.r.IntN(len(list))] }

// searchQuery is a random query string for /api/v1/search or /.
func (m *mix) searchQuery() string {
	q := "q=" + url.QueryEscape(m.pick(texts))
	if f := m.pick(filters); f != "" {
		q += "&" + f
	}
	if e := m.pick(extras); e != "" {
		q += "&" + e
	}
	return q
}

// next returns the kind and the path (with its query) of the next request.
func (m *mix) next() (kind, path string) {
	kind = schedule[m.i%len(schedule)]
	m.i++
	switch kind {
	case "search":
		return kind, "/api/v1/search?" + m.searchQuery()
	case "page":
		return kind, "/?" + m.searchQuery()
	case "document":
		id := url.PathEscape(m.pick(m.ids))
		if m.r.IntN(2) == 0 {
			return kind, "/api/v1/documents/" + id
		}
		return kind, "/documents/" + id
	case "facets":
		return kind, m.pick(facetLookups)
	}
	return "taxonomy", "/api/v1/taxonomy"
}
