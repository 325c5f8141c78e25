package classify

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

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
var coverageLabel = regexp.MustCompile(`(?im)(geographic(?:al)? (?:coverage|scope)|countries covered|country coverage|` +
	`couverture g[eé]ographique|pays couverts|cobertura geogr[aá]fica|pa[ií]ses cubiertos|[aá]mbito geogr[aá]fico)` +
	`[ \t]*:[ \t]*(?:\r?\n[ \t]*)*([^\n]*)`)

// coverageCues are words every coverageLabel match contains: a page
// without any is skipped before the (slow, case-insensitive) expression.
var coverageCues = []string{"coverage", "covered", "scope", "couverture", "couverts", "cobertura", "cubiertos", "mbito"}

func mayDeclareCoverage(page string) bool {
	low := strings.ToLower(page)
	for _, c := range coverageCues {
		if strings.Contains(low, c) {
			return true
		}
	}
	return false
}

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

// inferCountries sets out.Countries and returns their labels. A country
// needs countryRules and, beyond them, to be named (a demonym or a capital
// alone does not make a document about a country: "the Nairobi regional
// office", "German cooperation") and, in a long body, to be named in the
// lead. A declared coverage counts as a summary; a worldwide one makes the
// document global (GLB) with only the countries it declares. REG stands
// for regionCountries or more of the programme's countries, or for the
// region named on its own when no country stands out.
func inferCountries(lx *lexicon, d *doc, pages []string, out *Output) []search.Label {
	geo := d.tally(lx.geo)
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
			rejected = append(rejected, rejection{t, "only a demonym or capital, never named"})
			continue
		}
		if lead >= 0 && t.titleHits == 0 && t.summaryHits == 0 && t.firstBody >= lead {
			rejected = append(rejected, rejection{t, "first named after the lead of a long report"})
			continue
		}
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

	regional := 0
	var regionNames []string
	for _, t := range countries {
		if countryRules.passAbsolute(t, short) && lx.programme[t.code] {
			regional++
			regionNames = append(regionNames, t.code)
		}
	}
	kept, notKept := countryRules.split(countries, short)
	rejected = append(rejected, notKept...)
	if regional >= regionCountries {
		// So many of the region's countries that the document is about
		// the region: REG stands for them.
		reg := geo.get(search.FacetCountry, "REG")
		if reg == nil {
			reg = newTally(search.FacetCountry, "REG")
		}
		reg.score = max(reg.score, regionRules.minScore)
		names := strings.Join(regionNames, ", ")
		reg.ev[evKey{term: names, where: "body"}] = &search.Evidence{Term: names, Where: "body", Count: len(regionNames)}
		for _, t := range kept {
			if lx.programme[t.code] {
				rejected = append(rejected, rejection{t, "one of " + strconv.Itoa(regional) + " countries of the region: REG stands for them"})
			}
		}
		kept = append(slices.DeleteFunc(kept, func(t *tally) bool { return lx.programme[t.code] }), reg)
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
