package classify

import (
	"bytes"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"faro/search"
	"faro/search/taxonomy"
)

// Country selection beyond countryRules.
const (
	// countryShortBody is the body length (in words) up to which one
	// mention of a country is enough: a brief of two pages names each of
	// its countries once, in its opening.
	countryShortBody = 700
	// In a long body (longBody words or more), a country that is not in
	// the title or the summary must be named in the lead: the first
	// leadShare of the body, at least leadMinWords words (the cover, the
	// summary, the introduction). Countries first named deep in a long
	// report are the origins of some respondents or a donor, not its
	// subject.
	leadShare    = 0.15
	leadMinWords = 2500
	// coveragePages is how many first pages are searched for a declared
	// coverage.
	coveragePages = 3
)

// coverageLabel finds a declared geographical coverage, as
// IOM's evaluation briefs and terms of reference state it
// ("Geographical coverage: Nigeria", "Couverture géographique : Guinée",
// "Cobertura geográfica: Honduras"). The value runs to the end of its line
// (or of the next line, when the label ends its own line).
var coverageLabel = regexp.MustCompile(`(?im)(` + coverageLabels + `)[ \t]*:[ \t]*(?:\r?\n[ \t]*)*([^\n]*)`)

// coverageLabels are the labels of a declared coverage, as a regular
// expression.
const coverageLabels = `geographic(?:al)? (?:coverage|scope)|countries covered|country coverage|` +
	`couverture g[eé]ographique|pays couverts|cobertura geogr[aá]fica|pa[ií]ses cubiertos|[aá]mbito geogr[aá]fico`

// coverageLabelAtEnd matches coverageLabel's labels with the colon after
// them at the end of a text. A coverageLabel match has one of them, its
// last letter followed by spaces or tabs and a colon, so hasCoverageColon
// needs to read only a few bytes before each colon of a page.
var coverageLabelAtEnd = regexp.MustCompile(`(?i)(?:` + coverageLabels + `)[ \t]*:\z`)

// coverageLabelBytes bounds the length in bytes of a coverageLabel
// label, case-folded letters included.
const coverageLabelBytes = 64

// hasCoverageColon tells whether a colon of page follows one of
// coverageLabel's labels: it does wherever coverageLabel matches.
func hasCoverageColon(page string) bool {
	for i := 0; i < len(page); {
		j := strings.IndexByte(page[i:], ':')
		if j < 0 {
			return false
		}
		c := i + j
		e := c
		for e > 0 && (page[e-1] == ' ' || page[e-1] == '\t') {
			e--
		}
		if coverageLabelAtEnd.MatchString(page[max(0, e-coverageLabelBytes) : c+1]) {
			return true
		}
		i = c + 1
	}
	return false
}

// coverageCues are words every coverageLabel match contains: a page
// without any is skipped before the (slow, case-insensitive) expression.
var coverageCues = []string{"coverage", "covered", "scope", "couverture", "couverts", "cobertura", "cubiertos", "mbito"}

// mayDeclareCoverage reports whether page holds a coverage cue in any
// letter case: whether strings.ToLower(page) contains one. Only ASCII
// letters are lowered, into a buffer reused from page to page: every
// other character lowers to non-ASCII bytes, which no cue holds, except
// U+0130 and U+212A (to "i" and "k"), with which the page is lowered in
// full.
func mayDeclareCoverage(page string) bool {
	if strings.Contains(page, "\u0130") || strings.Contains(page, "\u212a") {
		low := strings.ToLower(page)
		for _, c := range coverageCues {
			if strings.Contains(low, c) {
				return true
			}
		}
		return false
	}
	bp := lowerBufs.Get().(*[]byte)
	defer lowerBufs.Put(bp)
	low := (*bp)[:0]
	for i := 0; i < len(page); i++ {
		c := page[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		low = append(low, c)
	}
	*bp = low
	if cap(low) > 1<<20 {
		*bp = nil // a long page's buffer is left to the collector
	}
	for _, c := range coverageCueBytes {
		if bytes.Contains(low, c) {
			return true
		}
	}
	return false
}

// coverageCueBytes are coverageCues as bytes.
var coverageCueBytes = func() (out [][]byte) {
	for _, c := range coverageCues {
		out = append(out, []byte(c))
	}
	return out
}()

// lowerBufs holds buffers for mayDeclareCoverage.
var lowerBufs = sync.Pool{New: func() any { return new([]byte) }}

// globalWords mark a declared coverage as worldwide.
var globalWords = map[string]bool{"global": true, "worldwide": true, "mondial": true, "mondiale": true, "mundial": true}

// coverage is a document's own statement of its geographical coverage.
type coverage struct {
	text   string // the statement as found, for evidence
	page   int    // 1-based
	global bool   // the coverage is worldwide
	// hits are the countries (and REG) the statement names, outside any
	// parenthesis: "Global (with case studies on Ethiopia and Türkiye)"
	// is global, and its case studies are examples, not its coverage.
	hits []target
}

// declaredCoverage returns the first coverage statement of the first
// pages, or nil.
func declaredCoverage(lx *lexicon, pages []string) *coverage {
	for i, p := range pages[:min(len(pages), coveragePages)] {
		if !mayDeclareCoverage(p) {
			continue
		}
		if !hasCoverageColon(p) {
			continue
		}
		m := coverageLabel.FindStringSubmatch(p)
		if m == nil {
			continue
		}
		value := strings.TrimSpace(m[2])
		if j := strings.IndexAny(value, "(["); j >= 0 {
			value = strings.TrimSpace(value[:j])
		}
		value = strings.TrimRight(value, " ,;.")
		if value == "" {
			continue
		}
		c := &coverage{text: strings.TrimSpace(m[1]) + ": " + value, page: i + 1}
		toks := tokens(value)
		for _, t := range toks {
			if globalWords[t] {
				c.global = true
			}
		}
		for _, h := range lx.geo.find(toks, nil) {
			for _, tg := range h.p.targets {
				if tg.facet == search.FacetCountry && !slices.ContainsFunc(c.hits, func(x target) bool { return x.code == tg.code }) {
					c.hits = append(c.hits, tg)
				}
			}
		}
		return c
	}
	return nil
}

// A text that names worldCountries countries or more from worldContinents
// continents or more (taxonomy regions grouped by continent, see
// continentOf) is about the world — a determination on governments
// around the world, a list of signatories — not about each country it
// names: GLB stands for them, as REG stands for many of the programme
// region's countries. The research countries of one continent (nine in
// East, West and North Africa) are not such a list.
const (
	worldCountries  = 10
	worldContinents = 3
)

// continentOf maps a taxonomy region to its continent.
var continentOf = map[string]string{
	taxonomy.RegionCentralAmerica: "americas", taxonomy.RegionNorthAmerica: "americas",
	taxonomy.RegionCaribbean: "americas", taxonomy.RegionSouthAmerica: "americas",
	taxonomy.RegionEurope:      "europe",
	taxonomy.RegionNorthAfrica: "africa", taxonomy.RegionWestAfrica: "africa", taxonomy.RegionEastAfrica: "africa",
	taxonomy.RegionCentralAfrica: "africa", taxonomy.RegionSouthernAfrica: "africa",
	taxonomy.RegionMiddleEast: "asia", taxonomy.RegionAsia: "asia",
	taxonomy.RegionOceania: "oceania",
}

// worldSpread returns how many of ts pass countryRules on their own and
// from how many continents they are.
func worldSpread(ts []*tally, short bool) (n, continents int) {
	seen := map[string]bool{}
	for _, t := range ts {
		if !countryRules.passAbsolute(t, short) {
			continue
		}
		n++
		if c, ok := taxonomy.CountryByCode(t.code); ok && continentOf[c.Region] != "" && !seen[continentOf[c.Region]] {
			seen[continentOf[c.Region]] = true
			continents++
		}
	}
	return n, continents
}

// placesStandIn takes the mentions of a country's places (its states,
// departments and cities, taxonomy.Country.Places) out of the tallies of
// the countries the document names: places stand in for the name of a
// country a text never names (a map of addresses, a local news story),
// and where the country is named they would only make it outweigh its
// neighbours, since a text about a country names its places many times.
func placesStandIn(geo tallies) {
	for _, t := range geo {
		if t.facet != search.FacetCountry || !t.byName || t.placeTerms == nil {
			continue
		}
		t.titleHits -= t.places[0]
		t.summaryHits -= t.places[1]
		t.bodyHits -= t.places[2]
		for term := range t.placeTerms {
			delete(t.bodyTerms, term)
		}
		for k := range t.ev {
			if t.placeTerms[k.term] {
				delete(t.ev, k)
			}
		}
	}
}

// inferCountries sets out.Countries and returns their labels. A country
// needs countryRules and, beyond them, to be named (a demonym or a capital
// alone does not make a document about a country: "the Nairobi regional
// office", "German cooperation") and, in a long body, to be named in the
// lead. A declared coverage counts as a summary; a worldwide one makes the
// document global (GLB) with only the countries it declares. REG stands
// for regionCountries or more of the programme's countries, or for the
// region named on its own when no country stands out.
func inferCountries(lx *lexicon, d *doc, pages []string, out *Output) []search.Label {
	geo := d.tally(lx.geoFor(out.Lang))
	placesStandIn(geo)
	resolveGroups(lx, geo, d.bodyWords)
	cov := declaredCoverage(lx, pages)
	if cov != nil {
		for _, tg := range cov.hits {
			k := [2]string{tg.facet, tg.code}
			t := geo[k]
			if t == nil {
				t = newTally(tg.facet, tg.code)
				geo[k] = t
			}
			t.summaryHits++
			t.named = true
			ek := evKey{term: cov.text, where: "body"}
			t.ev[ek] = &search.Evidence{Term: cov.text, Where: "body", Pages: []int{cov.page}, Count: 1}
		}
	}
	all := geo.scoreCountries(d.bodyWords)
	short := d.bodyWords <= countryShortBody
	lead := -1 // no lead rule
	if d.bodyWords >= longBody {
		lead = max(leadMinWords, int(leadShare*float64(d.bodyWords)))
	}
	var countries []*tally
	var rejected []rejection
	for _, t := range all {
		if t.code == "REG" {
			continue
		}
		if !t.named {
			rejected = append(rejected, rejectAs(t, search.ReasonDemonymOnly))
			continue
		}
		if all := t.titleHits + t.summaryHits + t.bodyHits; t.destHits > 0 && t.destHits >= destinationShare*all {
			rejected = append(rejected, rejectAs(t, search.ReasonDestination,
				strconv.FormatFloat(t.destHits, 'f', -1, 64), strconv.FormatFloat(all, 'f', -1, 64)))
			continue
		}
		if t.titleHits > 0 && t.bodyHits == 0 && t.summaryHits == 0 && d.bodyWords > countryShortBody {
			// A title that names a country the text never names is a
			// template's or another document's (PDF metadata copied
			// with a template), not this document's subject.
			rejected = append(rejected, rejectAs(t, search.ReasonTitleOnly))
			continue
		}
		if lead >= 0 && t.titleHits == 0 && t.summaryHits == 0 && t.firstBody >= lead {
			rejected = append(rejected, rejectAs(t, search.ReasonAfterLead))
			continue
		}
		t.listed = short && t.enumHits > 0
		countries = append(countries, t)
	}
	defer func() {
		slices.SortStableFunc(rejected, func(a, b rejection) int {
			switch {
			case a.t.score > b.t.score:
				return -1
			case a.t.score < b.t.score:
				return 1
			}
			return 0
		})
		out.addRejected(rejected)
	}()

	var labels []search.Label
	if cov != nil && cov.global {
		// A worldwide document: GLB and the countries it declares.
		out.Countries = append(out.Countries, taxonomy.CodeGlobal)
		labels = append(labels, search.Label{
			Facet: search.FacetCountry, Value: taxonomy.CodeGlobal, Source: Source, Score: weightSummary,
			Evidence: []search.Evidence{{Term: cov.text, Where: "body", Pages: []int{cov.page}, Count: 1}},
		})
		for _, t := range countries {
			if slices.ContainsFunc(cov.hits, func(x target) bool { return x.code == t.code }) {
				out.Countries = append(out.Countries, t.code)
				labels = append(labels, t.label())
			}
		}
		return labels
	}

	if n, continents := worldSpread(countries, short); n >= worldCountries && continents >= worldContinents {
		// A list of governments, signatories or ranked countries from
		// around the world: GLB stands for them, but for those the
		// title or summary names.
		var names []string
		for _, t := range countries {
			if countryRules.passAbsolute(t, short) {
				names = append(names, t.code)
			}
		}
		out.Countries = append(out.Countries, taxonomy.CodeGlobal)
		labels = append(labels, search.Label{
			Facet: search.FacetCountry, Value: taxonomy.CodeGlobal, Source: Source, Score: weightSummary,
			Evidence: []search.Evidence{{Term: strings.Join(names, ", "), Where: "body", Count: len(names)}},
		})
		for _, t := range countries {
			if t.titleHits > 0 || t.summaryHits > 0 {
				out.Countries = append(out.Countries, t.code)
				labels = append(labels, t.label())
			} else {
				rejected = append(rejected, rejectAs(t, search.ReasonWorldMember, strconv.Itoa(n), strconv.Itoa(continents)))
			}
		}
		return labels
	}

	regional := 0
	var regionNames []string
	for _, t := range countries {
		// A country the document reaches only through its places (the
		// addresses of a map, the towns of a local story) is located,
		// not one of many the document names: it does not make the
		// document regional.
		if countryRules.passAbsolute(t, short) && lx.programme[t.code] && t.byName {
			regional++
			regionNames = append(regionNames, t.code)
		}
	}
	kept, notKept := countryRules.split(countries, short)
	rejected = append(rejected, notKept...)
	// A short text that lists the region's countries it names, each in
	// an enumeration ("madres de Nicaragua, El Salvador, Honduras y
	// Guatemala"), has a fixed list of countries: REG does not stand for
	// them.
	// The strongest country may stand beside the list (the country a
	// news item reports from).
	fixedList := len(kept) > 1
	for i, t := range kept {
		fixedList = fixedList && (!lx.programme[t.code] || t.listed || i == 0)
	}
	if regional >= regionCountries && !fixedList {
		// So many of the region's countries that the document is about
		// the region: REG stands for them, but for those its title or
		// summary names and for the strongest when it has at least
		// regionLeadFactor times the next one's score.
		reg := geo.get(search.FacetCountry, "REG")
		if reg == nil {
			reg = newTally(search.FacetCountry, "REG")
		}
		reg.score = max(reg.score, regionRules.minScore)
		names := strings.Join(regionNames, ", ")
		reg.ev[evKey{term: names, where: "body"}] = &search.Evidence{Term: names, Where: "body", Count: len(regionNames)}
		var lead *tally
		if len(kept) == 1 || len(kept) > 1 && kept[0].score >= regionLeadFactor*kept[1].score {
			lead = kept[0]
		}
		standsOut := func(t *tally) bool { return t.titleHits > 0 || t.summaryHits > 0 || t == lead }
		for _, t := range kept {
			if lx.programme[t.code] && !standsOut(t) {
				rejected = append(rejected, rejectAs(t, search.ReasonRegionMember, strconv.Itoa(regional)))
			}
		}
		kept = append(slices.DeleteFunc(kept, func(t *tally) bool { return lx.programme[t.code] && !standsOut(t) }), reg)
	} else if reg := geo.get(search.FacetCountry, "REG"); reg != nil && len(kept) == 0 && regionRules.passAbsolute(reg, d.bodyWords <= shortBody) {
		// Named as a region, with no country standing out.
		kept = append(kept, reg)
	}
	for _, t := range kept {
		out.Countries = append(out.Countries, t.code)
		labels = append(labels, t.label())
	}
	return labels
}

// regionLeadFactor is how many times the next country's score the
// strongest country of a regional document needs to be kept beside REG.
const regionLeadFactor = 2.0

// facetGroup is the tally facet of a country group's names
// (taxonomy.Groups).
const facetGroup = "group"

// groupMemberShare is the share of the most mentioned member's weight a
// member the document names needs to stand for the group.
const groupMemberShare = 0.2

// groupMinBodyRate is how many times per normWords words the body must
// name a group that the title or summary does not, for the group to be
// the document's subject.
const groupMinBodyRate = 1.5

// resolveGroups credits the members of every country group the document
// names with the group's mentions, as if the document named them there: a
// report on "the Northern Triangle" is about Guatemala, Honduras and El
// Salvador. When the document names some members itself, only those (with
// at least groupMemberShare of the most mentioned one's weight) stand for
// the group: a programme "in the Horn of Africa" that names Ethiopia and
// Somalia throughout is about them. The members then pass the country
// rules like any country; their evidence is the group's name with the
// group as Ref ("group:nca").
//
// A group stands for its members only where the document is about it: in
// its title or summary, or, in the body, groupMinBodyRate times per normWords
// words (once in a short body) — not on a route "from the Horn of Africa" named in
// passing.
func resolveGroups(lx *lexicon, geo tallies, bodyWords int) {
	weight := func(t *tally) float64 {
		return weightTitle*t.titleHits + weightSummary*t.summaryHits + t.bodyHits
	}
	for _, code := range slices.Sorted(maps.Keys(lx.groups)) {
		g := geo.get(facetGroup, code)
		if g == nil {
			continue
		}
		if g.titleHits == 0 && g.summaryHits == 0 &&
			(g.bodyHits/lengthFactor(bodyWords) < groupMinBodyRate || (bodyWords > countryShortBody && g.bodyHits < 2)) {
			continue
		}
		members := lx.groups[code]
		top := 0.0
		for _, m := range members {
			if t := geo.get(search.FacetCountry, m); t != nil && t.named {
				top = max(top, weight(t))
			}
		}
		for _, m := range members {
			t := geo.get(search.FacetCountry, m)
			if top > 0 && (t == nil || !t.named || weight(t) < groupMemberShare*top) {
				continue
			}
			if t == nil {
				t = newTally(search.FacetCountry, m)
				geo[[2]string{search.FacetCountry, m}] = t
			}
			t.named = true
			t.viaGroup = true
			t.titleHits += g.titleHits
			t.summaryHits += g.summaryHits
			t.bodyHits += g.bodyHits
			for term, n := range g.bodyTerms {
				t.bodyTerms[term] += n
			}
			if g.firstBody >= 0 && (t.firstBody < 0 || g.firstBody < t.firstBody) {
				t.firstBody = g.firstBody
			}
			for k, e := range g.ev {
				k.ref = "group:" + code
				c := *e
				c.Ref = k.ref
				t.ev[k] = &c
			}
		}
	}
}

// Destination phrases: a country named as where a journey goes ("migrate
// to the United States", "viajar hacia Estados Unidos", "partir vers la
// France", "rumo a Portugal") is where migrants head, not what the
// document is about. A return or deportation to a country is not a
// destination in this sense: "returned to Honduras" names the country a
// reintegration programme works in.
var (
	// destinationCues are the words just before a destination (articles
	// skipped).
	destinationCues = map[string]bool{
		"to": true, "towards": true, "toward": true, "into": true, "reach": true, "reaching": true, "reached": true,
		"enter": true, "entering": true, "entered": true,
		"hacia": true, "hasta": true, "rumbo": true, "llegar": true, "ingresar": true, "cruzar": true,
		"vers": true, "rejoindre": true, "gagner": true, "rumo": true, "para": true,
		// Spanish and Portuguese "a" ("viajar a Estados Unidos", "ir a
		// Portugal").
		"a": true, "al": true,
	}
	// destinationFor are the words that make a following "for" a cue
	// ("bound for the United States").
	destinationFor = map[string]bool{"bound": true, "headed": true, "destined": true, "leave": true, "left": true, "leaving": true}
	// destinationArticles are skipped between a cue and the country.
	destinationArticles = map[string]bool{"the": true, "los": true, "las": true, "el": true, "la": true, "les": true, "l": true, "os": true, "as": true}
	// returnWords before a cue make the country a return's destination.
	returnWords = map[string]bool{
		"return": true, "returns": true, "returned": true, "returning": true, "returnee": true, "returnees": true, "deported": true, "deportation": true,
		"deportations": true, "back": true, "repatriated": true, "repatriation": true, "removed": true, "readmitted": true,
		"retorno": true, "retornos": true, "retornado": true, "retornada": true, "retornaron": true, "retornados": true, "retornadas": true, "retornan": true,
		"regresar": true, "regresaron": true, "regreso": true, "regresan": true, "deportados": true, "deportadas": true,
		"deportacion": true, "deportaciones": true, "devueltos": true, "repatriados": true, "repatriacion": true,
		"retour": true, "retournes": true, "retourner": true, "renvoyes": true, "rapatries": true, "rapatriement": true,
		"expulsados": true, "expulses": true, "retornar": true, "volta": true, "regressar": true,
	}
)

// isDestination tells whether the country at toks[pos] follows a
// destination cue ("to", "hacia", "vers", ..., articles skipped) that no
// return word shortly precedes.
func isDestination(toks []string, pos int) bool {
	i := pos - 1
	for i >= 0 && destinationArticles[toks[i]] {
		i--
	}
	if i < 0 || !(destinationCues[toks[i]] || toks[i] == "for" && i > 0 && destinationFor[toks[i-1]]) {
		return false
	}
	for j := max(0, i-3); j < i; j++ {
		if returnWords[toks[j]] || supportWords[toks[j]] {
			return false
		}
	}
	return true
}

// supportWords before a cue make the country the one a programme works
// in ("assistance to Haiti", "apoyo a Guatemala"), not a destination.
var supportWords = map[string]bool{
	"assistance": true, "support": true, "aid": true, "visit": true, "visits": true, "mission": true, "missions": true,
	"apoyo": true, "asistencia": true, "ayuda": true, "visita": true, "mision": true,
	"appui": true, "aide": true, "soutien": true, "apoio": true, "ajuda": true,
}

// destinationShare is the share of a country's mentions (title, summary
// and body) that, as destinations, make it where migrants go rather than
// a subject.
const destinationShare = 0.5

// Enumerations of countries: a short list of countries, one after the
// other ("Guatemala, Honduras y El Salvador", "Niger, Mali and Burkina
// Faso"), states which countries a passage is about, as a list, not in
// passing. A longer list is a signatories', donors' or a ranking's, and
// one of regionCountries of the region's countries is the region (REG).
// Two countries ("Mexico and Cuba") are too common a pair to say more
// than a mention.
const (
	minEnumeration = 3
	maxEnumeration = 4 // regionCountries - 1
)

// enumerationLinks are the words that may join two countries of an
// enumeration (commas are not tokens).
var enumerationLinks = map[string]bool{"and": true, "y": true, "e": true, "et": true, "or": true, "o": true, "ou": true}

// enumerated tells, for each hit of hs (in toks, in order), whether it
// names a country in an enumeration of minEnumeration to maxEnumeration
// countries: country names that follow each other with nothing between
// them but punctuation or one of enumerationLinks.
func enumerated(toks []string, hs []hit) []bool {
	out := make([]bool, len(hs))
	isCountry := func(h hit) bool {
		return slices.ContainsFunc(h.p.targets, func(tg target) bool {
			return tg.facet == search.FacetCountry && tg.kind == kindName && tg.code != taxonomy.CodeRegional
		})
	}
	isGroup := func(h hit) bool {
		return slices.ContainsFunc(h.p.targets, func(tg target) bool { return tg.facet == facetGroup })
	}
	for i := 0; i < len(hs); {
		if !isCountry(hs[i]) {
			i++
			continue
		}
		j := i + 1
		for ; j < len(hs) && isCountry(hs[j]); j++ {
			end := hs[j-1].pos + len(hs[j-1].p.words)
			gap := hs[j].pos - end
			if gap < 0 || gap > 1 || gap == 1 && !enumerationLinks[toks[end]] {
				break
			}
		}
		// A list right after a group's name glosses the group ("el
		// Triángulo Norte –Guatemala, Honduras y El Salvador–"): it says
		// what the group is, not what the text is about.
		gloss := i > 0 && isGroup(hs[i-1]) && hs[i].pos == hs[i-1].pos+len(hs[i-1].p.words)
		if n := j - i; n >= minEnumeration && n <= maxEnumeration && !gloss {
			for k := i; k < j; k++ {
				out[k] = true
			}
		}
		i = j
	}
	return out
}
