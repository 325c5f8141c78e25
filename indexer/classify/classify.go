// Package classify infers a document's language, type, year, countries,
// themes, GCM objectives and guiding principles from its text, with the
// evidence for each value. It reads the vocabularies of search/taxonomy,
// compiled once into phrase matchers, and matches them case- and
// accent-insensitively on whole words.
//
// Scores weigh where a term is found (title ×5, summary ×3, body ×1) and,
// in the body, how often relative to the document's length, so a country
// named once in a donor list of a long report is not kept.
package classify

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"faro/search"
)

// Source is the Label.Source of every inferred value.
const Source = "classifier"

// Input is what the classifier reads about one document.
type Input struct {
	Title, Summary string
	Pages          []string // text per page
	FileName       string   // base name, a hint for type and language
}

// Output is what it infers. Labels hold every inferred value with evidence
// (Given=false, Source "classifier"): one label per value of Countries,
// Themes, GCM, Principles, Type, Lang and Year. Evidence.Where is "title",
// "summary" or "body", or "filename" for a cue in the file name (type and
// language only); Evidence.Ref names the GCM action a term came from.
type Output struct {
	Lang       string   // "en", "es", "fr" or "" when unknown
	PageLangs  []string // per page, "" when too little text
	Type       string   // doc type code or ""
	Year       int      // from text (e.g. a date on the cover), 0 if unknown
	Countries  []string // codes, strongest first
	Themes     []string // codes, strongest first
	GCM        []int    // ascending
	Principles []string // codes, strongest first
	Labels     []search.Label
}

// Weights of the places a term is found.
const (
	weightTitle   = 5.0
	weightSummary = 3.0
	// capTitleHits and capSummaryHits bound how many occurrences of one
	// value count in the title and the summary.
	capTitleHits   = 2
	capSummaryHits = 3
	// normWords is the body length (in words) per which body mentions
	// are counted; shorter bodies count as this long.
	normWords = 1000
)

// Weights of the kinds of country evidence.
var countryKindWeight = map[int]float64{kindName: 1, kindDemonym: 0.5, kindCapital: 0.5}

// rules holds the selection thresholds of one facet.
type rules struct {
	// minScore is the absolute score a value needs.
	minScore float64
	// minShare is the fraction of the top value's score a value needs.
	minShare float64
	// minBodyHits is the (weighted) number of body mentions a value needs
	// when it is not in the title or summary; in a short body (up to
	// shortBody words) one mention is enough.
	minBodyHits float64
	// minTerms is the number of distinct terms a value needs when it is
	// not in the title or summary.
	minTerms int
	// max is the most values kept.
	max int
}

// Selection rules per facet.
var (
	countryRules   = rules{minScore: 1.0, minShare: 0.3, minBodyHits: 2, minTerms: 1, max: 8}
	themeRules     = rules{minScore: 3.0, minShare: 0.3, minBodyHits: 3, minTerms: 2, max: 4}
	gcmRules       = rules{minScore: 3.5, minShare: 0.3, minBodyHits: 3, minTerms: 2, max: 4}
	principleRules = rules{minScore: 1.0, minShare: 0.3, minBodyHits: 2, minTerms: 1, max: 3}
	// regionRules decide REG from the region's own names ("Central
	// America", "Mesoamérica", "the Caribbean"); they apply only when no
	// country is kept, since a document about one or a few countries
	// names their region in passing. regionCountries is how many of the
	// region's countries must pass countryRules for the document to be
	// about the region as a whole: REG then replaces them.
	regionRules     = rules{minScore: 1.5, minBodyHits: 2, minTerms: 1}
	regionCountries = 5
	// capTermHits bounds how many body occurrences of one term count for
	// a theme, objective or principle, so one repeated word cannot carry
	// a value; it grows with the document (per normWords).
	capTermHits = 4.0
	// shortBody is the length (in words) up to which a body is short.
	shortBody = 300
	// longBody is the length (in words) from which a body is long: a long
	// report treats its secondary topics at length while its main topic's
	// words repeat on every page, so minShare is multiplied by
	// longShareFactor.
	longBody        = 8000
	longShareFactor = 0.66
	// conceptLengthExp dampens the length normalisation of concept scores.
	conceptLengthExp = 0.75
)

// Classify infers what it can from in. It never fails: a document without
// text gets an Output with empty values.
func Classify(in Input) Output {
	lx := compiled()
	d := newDoc(in)
	var out Output

	// Language, per page and overall.
	var all langCounts
	all.addTokens(d.title)
	all.addTokens(d.summary)
	out.PageLangs = make([]string, len(d.pages))
	for i, p := range d.pages {
		var c langCounts
		c.addTokens(p)
		out.PageLangs[i] = c.best(minPageLangHits)
		all.add(c)
	}
	out.Lang = all.best(minDocLangHits)
	if out.Lang != "" {
		n := max(all.en, all.es, all.fr)
		total := all.en + all.es + all.fr
		out.Labels = append(out.Labels, search.Label{
			Facet: search.FacetLang, Value: out.Lang, Source: Source, Score: round2(float64(n) / float64(total)),
			Evidence: []search.Evidence{{Term: "stop words", Where: "body", Count: n}},
		})
	} else if hint := fileLang(in.FileName); hint != "" {
		// Too little text to tell: trust a language suffix of the file name.
		out.Lang = hint
		out.Labels = append(out.Labels, search.Label{
			Facet: search.FacetLang, Value: hint, Source: Source, Score: 0.5,
			Evidence: []search.Evidence{{Term: hint, Where: whereFile, Count: 1}},
		})
	}

	// Type and year.
	var l *search.Label
	if out.Type, l = inferType(lx, d.title, d.summary, in.FileName, d.pages); l != nil {
		out.Labels = append(out.Labels, *l)
	}
	if out.Year, l = inferYear(d.title, d.pages); l != nil {
		out.Labels = append(out.Labels, *l)
	}

	// Countries and the region.
	geo := d.tally(lx.geo)
	countries := geo.scoreCountries(d.bodyWords)
	short := d.bodyWords <= shortBody
	var kept []*tally
	regional := 0
	var regionNames []string
	for _, t := range countries {
		if t.code == "REG" {
			continue
		}
		if countryRules.passAbsolute(t, short) && lx.programme[t.code] {
			regional++
			regionNames = append(regionNames, t.code)
		}
	}
	kept = countryRules.choose(withoutCode(countries, "REG"), short)
	if regional >= regionCountries {
		// So many of the region's countries that the document is about
		// the region: REG stands for them.
		reg := geo.get(search.FacetCountry, "REG")
		if reg == nil {
			reg = &tally{facet: search.FacetCountry, code: "REG", ev: map[evKey]*search.Evidence{}}
		}
		reg.score = max(reg.score, regionRules.minScore)
		names := strings.Join(regionNames, ", ")
		reg.ev[evKey{term: names, where: "body"}] = &search.Evidence{Term: names, Where: "body", Count: len(regionNames)}
		kept = append(slices.DeleteFunc(kept, func(t *tally) bool { return lx.programme[t.code] }), reg)
	} else if reg := geo.get(search.FacetCountry, "REG"); reg != nil && len(kept) == 0 && regionRules.passAbsolute(reg, short) {
		// Named as a region, with no country standing out.
		kept = append(kept, reg)
	}
	for _, t := range kept {
		out.Countries = append(out.Countries, t.code)
		out.Labels = append(out.Labels, t.label())
	}

	// Themes, GCM objectives and guiding principles.
	concepts := d.tally(lx.concept)
	longF := 1.0
	if d.bodyWords >= longBody {
		longF = longShareFactor
	}
	for _, t := range themeRules.chooseShare(concepts.scoreConcepts(search.FacetTheme, d.bodyWords), short, themeRules.minShare*longF) {
		out.Themes = append(out.Themes, t.code)
		out.Labels = append(out.Labels, t.label())
	}
	gcm := gcmRules.chooseShare(concepts.scoreConcepts(search.FacetGCM, d.bodyWords), short, gcmRules.minShare*longF)
	slices.SortFunc(gcm, func(a, b *tally) int { return atoi(a.code) - atoi(b.code) })
	for _, t := range gcm {
		out.GCM = append(out.GCM, atoi(t.code))
		out.Labels = append(out.Labels, t.label())
	}
	for _, t := range principleRules.choose(concepts.scoreConcepts(search.FacetPrinciple, d.bodyWords), short) {
		out.Principles = append(out.Principles, t.code)
		out.Labels = append(out.Labels, t.label())
	}
	return out
}

// doc is a tokenized Input.
type doc struct {
	title, summary []string
	pages          [][]string
	bodyWords      int
}

func newDoc(in Input) *doc {
	d := &doc{title: tokens(in.Title), summary: tokens(in.Summary), pages: make([][]string, len(in.Pages))}
	for i, p := range in.Pages {
		d.pages[i] = tokens(p)
		d.bodyWords += len(d.pages[i])
	}
	return d
}

// evKey identifies one evidence entry of a value.
type evKey struct {
	term, where, ref string
}

// tally accumulates the matches of one facet value.
type tally struct {
	facet, code string
	// hits are weighted occurrences per place.
	titleHits, summaryHits, bodyHits float64
	// bodyTerms counts body occurrences per term (weighted by kind).
	bodyTerms map[string]float64
	ev        map[evKey]*search.Evidence
	score     float64
}

// tallies holds the tallies of a document by facet and code.
type tallies map[[2]string]*tally

func (ts tallies) get(facet, code string) *tally { return ts[[2]string{facet, code}] }

// tally matches m over the document and accumulates the hits by value.
func (d *doc) tally(m *matcher) tallies {
	ts := tallies{}
	var buf []hit
	record := func(toks []string, where string, page int) {
		buf = m.find(toks, buf[:0])
		for _, h := range buf {
			for _, tg := range h.p.targets {
				k := [2]string{tg.facet, tg.code}
				t := ts[k]
				if t == nil {
					t = &tally{facet: tg.facet, code: tg.code, bodyTerms: map[string]float64{}, ev: map[evKey]*search.Evidence{}}
					ts[k] = t
				}
				w := 1.0
				if tg.facet == search.FacetCountry {
					w = countryKindWeight[tg.kind]
				}
				switch where {
				case "title":
					t.titleHits += w
				case "summary":
					t.summaryHits += w
				default:
					t.bodyHits += w
					t.bodyTerms[tg.term] += w
				}
				ek := evKey{term: tg.term, where: where, ref: tg.ref}
				e := t.ev[ek]
				if e == nil {
					e = &search.Evidence{Term: tg.term, Where: where, Ref: tg.ref}
					t.ev[ek] = e
				}
				e.Count++
				if page > 0 && (len(e.Pages) == 0 || e.Pages[len(e.Pages)-1] != page) && len(e.Pages) < maxEvidencePages {
					e.Pages = append(e.Pages, page)
				}
			}
		}
	}
	record(d.title, "title", 0)
	record(d.summary, "summary", 0)
	for i, p := range d.pages {
		record(p, "body", i+1)
	}
	return ts
}

// Bounds on the evidence reported per label.
const (
	maxEvidence      = 10
	maxEvidencePages = 30
)

// lengthFactor is the body length in units of normWords, at least 1.
func lengthFactor(bodyWords int) float64 {
	return math.Max(1, float64(bodyWords)/normWords)
}

// scoreCountries scores the country tallies: capped title and summary
// hits by their weights plus body mentions per normWords words.
func (ts tallies) scoreCountries(bodyWords int) []*tally {
	var out []*tally
	lf := lengthFactor(bodyWords)
	for _, t := range ts {
		if t.facet != search.FacetCountry {
			continue
		}
		t.score = weightTitle*math.Min(t.titleHits, capTitleHits) +
			weightSummary*math.Min(t.summaryHits, capSummaryHits) +
			t.bodyHits/lf
		out = append(out, t)
	}
	sortTallies(out)
	return out
}

// scoreConcepts scores the tallies of facet (theme, gcm, principle): title
// and summary hits as for countries, plus body mentions where each term's
// count is capped, divided by lengthFactor to the power conceptLengthExp:
// a long report spreads its main topics thinner than a brief.
func (ts tallies) scoreConcepts(facet string, bodyWords int) []*tally {
	var out []*tally
	lf := lengthFactor(bodyWords)
	termCap := capTermHits * lf
	norm := math.Pow(lf, conceptLengthExp)
	for _, t := range ts {
		if t.facet != facet {
			continue
		}
		body := 0.0
		for _, n := range t.bodyTerms {
			body += math.Min(n, termCap)
		}
		t.score = weightTitle*math.Min(t.titleHits, capTitleHits) +
			weightSummary*math.Min(t.summaryHits, capSummaryHits) +
			body/norm
		out = append(out, t)
	}
	sortTallies(out)
	return out
}

// sortTallies orders by score, highest first, then by code.
func sortTallies(ts []*tally) {
	slices.SortFunc(ts, func(a, b *tally) int {
		if a.score != b.score {
			if a.score > b.score {
				return -1
			}
			return 1
		}
		return strings.Compare(a.code, b.code)
	})
}

func withoutCode(ts []*tally, code string) []*tally {
	out := make([]*tally, 0, len(ts))
	for _, t := range ts {
		if t.code != code {
			out = append(out, t)
		}
	}
	return out
}

// passAbsolute applies the rules that do not depend on other values;
// short tells whether the body is short.
func (r rules) passAbsolute(t *tally, short bool) bool {
	if t.score < r.minScore {
		return false
	}
	if t.titleHits > 0 || t.summaryHits > 0 {
		return true
	}
	if short {
		return t.bodyHits >= 1
	}
	return t.bodyHits >= r.minBodyHits && len(t.bodyTerms) >= r.minTerms
}

// choose keeps the values of ts (sorted, strongest first) that pass the
// rules.
func (r rules) choose(ts []*tally, short bool) []*tally {
	return r.chooseShare(ts, short, r.minShare)
}

// chooseShare is choose with another minimum share of the top score.
func (r rules) chooseShare(ts []*tally, short bool, minShare float64) []*tally {
	var out []*tally
	if len(ts) == 0 {
		return nil
	}
	top := ts[0].score
	for _, t := range ts {
		if len(out) >= r.max {
			break
		}
		if !r.passAbsolute(t, short) || t.score < minShare*top {
			continue
		}
		out = append(out, t)
	}
	return out
}

// label turns a tally into a search.Label with its strongest evidence.
func (t *tally) label() search.Label {
	ev := make([]search.Evidence, 0, len(t.ev))
	for _, e := range t.ev {
		ev = append(ev, *e)
	}
	slices.SortFunc(ev, func(a, b search.Evidence) int {
		if d := whereRank(a.Where) - whereRank(b.Where); d != 0 {
			return d
		}
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		if c := strings.Compare(a.Term, b.Term); c != 0 {
			return c
		}
		return strings.Compare(a.Ref, b.Ref)
	})
	if len(ev) > maxEvidence {
		ev = ev[:maxEvidence]
	}
	return search.Label{Facet: t.facet, Value: t.code, Source: Source, Score: round2(t.score), Evidence: ev}
}

func whereRank(where string) int {
	switch where {
	case "title":
		return 0
	case "summary":
		return 1
	case "body":
		return 2
	}
	return 3
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
