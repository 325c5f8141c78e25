// Package classify infers a document's language, type, year, countries,
// themes, GCM objectives and guiding principles from its text, with the
// evidence for each value. It reads the vocabularies of search/taxonomy,
// compiled once into phrase matchers, and matches them case- and
// accent-insensitively on whole words; each concept facet (themes,
// objectives, principles) is matched on its own, so phrases of different
// facets may overlap.
//
// Scores weigh where a term is found (title ×5, summary ×3, body ×1) and,
// in the body, how often relative to the document's length, so a country
// named once in a donor list of a long report is not kept. Beyond counts:
//
//   - a country must be named, or one of its states, departments or
//     large cities (taxonomy.Country.Places; a capital or demonym alone
//     is not enough)
//     and, in a long report, named in its lead; a document's own
//     "Geographical coverage:" statement counts as a summary, and a
//     worldwide one makes the document global (GLB);
//   - a GCM objective cited by number near a mention of the Compact
//     ("objective 10 of the Global Compact") counts like a title mention
//     and needs no share of the top objective's score;
//   - a theme's weak terms ("children", "women") count half in all but
//     short texts, and a kept theme lends its score to the principle it
//     implies (children and youth: child-sensitive).
//
// EVALUATION.md reports how the classifier fares on the bundled corpus and
// on real IOM evaluations, and how to measure it again.
package classify

import (
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"faro/search"
	"faro/search/taxonomy"
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
// language only); Evidence.Ref names the GCM action a term came from
// ("10(c)"), the objective a citation names ("10"), or the theme a
// principle is derived from ("theme:children-youth"). A declared coverage
// is evidence whose Term is the statement ("Geographical coverage: Mali,
// Niger").
type Output struct {
	Lang      string   // "en", "es", "fr" or "" when unknown
	PageLangs []string // per page, "" when too little text
	Type      string   // doc type code or ""
	Year      int      // from text (e.g. a date on the cover), 0 if unknown
	// Publisher is the organisation the cover or colophon names, "" when
	// none of the known ones is.
	Publisher string
	// YearPrinted: Year comes from a printed date (with its month, or
	// after "Date:", "Published", "©"), not from a bare year.
	YearPrinted bool
	Countries   []string // codes, strongest first
	Themes      []string // codes, strongest first
	GCM         []int    // ascending
	Principles  []string // codes, strongest first
	Labels      []search.Label
	// Rejected are the strongest countries and GCM objectives the
	// document mentions but the classifier did not keep, with why.
	Rejected []Rejected
}

// Rejected is a value found in a document and not kept: its label (score
// and evidence, as a kept value's) with the reason (Label.Reason, and as
// a code with its arguments, Label.ReasonCode and Label.ReasonArgs).
type Rejected struct {
	search.Label
}

// maxRejected bounds the rejected values reported per facet.
const maxRejected = 6

// addRejected reports the first maxRejected of rs in out.
func (out *Output) addRejected(rs []rejection) {
	for _, r := range rs[:min(len(rs), maxRejected)] {
		l := r.t.label()
		l.ReasonCode, l.ReasonArgs = r.code, r.args
		l.Reason = search.ReasonText(r.code, r.args)
		out.Rejected = append(out.Rejected, Rejected{Label: l})
	}
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

// weakTermWeight is what an occurrence of a theme's weak term counts in
// a body longer than shortBody; in a short text every mention counts.
const weakTermWeight = 0.5

// Weights of the kinds of country evidence.
var countryKindWeight = map[int]float64{kindName: 1, kindDemonym: 0.5, kindCapital: 0.5, kindPlace: 0.5}

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
	countryRules = rules{minScore: 1.0, minShare: 0.3, minBodyHits: 2, minTerms: 1, max: 8}
	themeRules   = rules{minScore: 5.0, minShare: 0.35, minBodyHits: 3, minTerms: 2, max: 4}
	gcmRules     = rules{minScore: 5.0, minShare: 0.35, minBodyHits: 3, minTerms: 2, max: 5}
	// gcmLongRules are the minimum score and share of an objective in a
	// document of gcmLongWords words or more (see rules.forLength).
	gcmLongRules = rules{minScore: 2.5, minShare: 0.1}
	// gcmKeyRules are the minimum score and share of an objective that
	// a document's headings and key sections (findings, conclusions,
	// recommendations, summary) name in keyCentralTerms distinct terms
	// or more: what the document reports and asks for is central to it
	// however few pages it fills beside the main objective.
	gcmKeyRules     = rules{minScore: 2, minShare: 0.1}
	keyCentralTerms = 3
	// keyCentralMaxShare is the largest share of a body's words that its
	// headings and key sections may hold for them to single out central
	// objectives: where they fill most of the text (a short summary or
	// Knowledge Uptake whose "Lessons learned" run to its end), an
	// objective named there in three terms is named in passing as often
	// as not, and needs the general rules.
	keyCentralMaxShare = 0.5
	// An objective whose score is at least gcmNearTopShare of the
	// strongest one's (or the strongest itself) needs only
	// gcmNearTopMinScore: the minimum score keeps off objectives named
	// in passing, and one nearly as strong as what the document is
	// most about is not one (a short page's second subject, a title
	// naming the only one).
	gcmNearTopShare    = 0.7
	gcmNearTopMinScore = 3.0
	// gcmRunnerUpRules are the minimum score and share of the second
	// strongest objective: a report, a page or a law that treats one
	// objective at length nearly always treats a second one (the
	// reintegration evaluation's protection of vulnerable returnees, the
	// regularization guide's access to services), in fewer words than
	// the first and often under other names; only the third and later
	// objectives need the general rules.
	gcmRunnerUpRules = rules{minScore: 2, minShare: 0.1}
	// gcmSecondaryRules are the minimum score and share of the
	// objectives ranked third to gcmRules.max in a body of gcmShortWords
	// words or more, when gcmSecondaryTerms distinct terms of theirs are
	// in the body; such an objective needs the share whatever the
	// document's length (see rules.forLength): a report's or a law's secondary objectives, each
	// treated in its own passage in its own words, whose scores the
	// length normalisation makes small.
	gcmSecondaryRules = rules{minScore: 1.5, minShare: 0.2}
	gcmSecondaryTerms = 2
	gcmShortWords     = 1000
	gcmLongWords      = 3000
	principleRules    = rules{minScore: 2.0, minShare: 0.3, minBodyHits: 2, minTerms: 1, max: 3}
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
	// words repeat on every page, and the length normalisation dilutes
	// every score, so the minimum score and share of themes and
	// objectives are multiplied by longShareFactor.
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

	out.Publisher = inferPublisher(in.Pages)

	// Language, per page and overall.
	var all langCounts
	all.addTokens(lx, d.titleIDs)
	all.addTokens(lx, d.summaryIDs)
	out.PageLangs = make([]string, len(d.pages))
	for i := range d.pages {
		var c langCounts
		c.addTokens(lx, d.pageIDs[i])
		out.PageLangs[i] = c.best(minPageLangHits)
		all.add(c)
	}
	out.Lang = all.best(minDocLangHits)
	if l := pageMajority(out.PageLangs); l != "" {
		// A document is in the language most of its pages are in: a
		// translation appended to the original, or a template's
		// language, does not outweigh the body.
		out.Lang = l
	}
	if out.Lang != "" {
		n, total := all[out.Lang], 0
		for _, c := range all {
			total += c
		}
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
	if out.Year, out.YearPrinted, l = inferYear(d.title, d.pages); l != nil {
		out.Labels = append(out.Labels, *l)
	}

	// Countries, the region and a declared global scope.
	geoLabels := inferCountries(lx, d, in.Pages, &out)
	out.Labels = append(out.Labels, geoLabels...)

	// Themes, GCM objectives and guiding principles.
	short := d.bodyWords <= shortBody
	concepts := tallies{}
	for _, m := range lx.concept {
		maps.Copy(concepts, d.tally(m))
	}
	d.addCitations(concepts)
	longF := 1.0
	if d.bodyWords >= longBody {
		longF = longShareFactor
	}
	for _, t := range themeRules.scaled(longF).choose(concepts.scoreConcepts(search.FacetTheme, d.bodyWords), short) {
		out.Themes = append(out.Themes, t.code)
		out.Labels = append(out.Labels, t.label())
		if p := themePrinciples[t.code]; p != "" {
			concepts.derive(search.FacetPrinciple, p, t)
		}
	}
	gcmAll := concepts.scoreConcepts(search.FacetGCM, d.bodyWords)
	markObjectives(gcmAll, d.bodyWords, d.keyWords)
	gcm, rejected := gcmRules.forLength(d.bodyWords).split(gcmAll, short)
	out.addRejected(rejected)
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

// markObjectives marks, in the scored GCM objectives ts (strongest
// first) of a body of bodyWords words of which keyWords are in headings
// and key sections, those the selection rules relax: objectives named
// by keyCentralTerms terms or more in headings and key sections
// (keyCentral) when those hold at most keyCentralMaxShare of the body,
// the runner-up, and the third to fifth when the
// body is long enough to treat them and they have gcmSecondaryTerms
// distinct terms and gcmSecondaryRules.minShare of the top score.
func markObjectives(ts []*tally, bodyWords, keyWords int) {
	for _, t := range ts {
		t.keyCentral = len(t.keyTerms) >= keyCentralTerms && float64(keyWords) <= keyCentralMaxShare*float64(bodyWords)
	}
	if len(ts) > 1 {
		ts[1].runnerUp = true
	}
	if bodyWords < gcmShortWords {
		return
	}
	for _, t := range ts[min(2, len(ts)):min(gcmRules.max, len(ts))] {
		t.secondary = len(t.bodyTerms) >= gcmSecondaryTerms && t.score >= gcmSecondaryRules.minShare*ts[0].score
	}
}

// doc is a tokenized Input.
type doc struct {
	title, summary []string
	pages          [][]string
	// pageStart is the body offset (in words) of each page's first word.
	pageStart []int
	bodyWords int
	// keyWords counts the body's words in headings and key sections.
	keyWords int
	// weights holds per page the weight of each word's place (headings,
	// key sections; see lineWeights) for the GCM objectives; nil when
	// the page's lines do not split into the same words.
	weights [][]float64
	// titleIDs, summaryIDs and pageIDs are the words' numbers in the
	// lexicon's vocabulary (see vocab).
	titleIDs, summaryIDs []int32
	pageIDs              [][]int32
}

func newDoc(in Input) *doc {
	d := &doc{title: tokens(in.Title), summary: tokens(in.Summary), pages: make([][]string, len(in.Pages)),
		pageStart: make([]int, len(in.Pages)), weights: make([][]float64, len(in.Pages))}
	inKey, keyLeft := false, 0
	for i, p := range in.Pages {
		f := taxonomy.Fold(p)
		w, n := foldedLineWeights(p, f, &inKey, &keyLeft)
		d.pages[i] = split(f, make([]string, 0, n))
		d.pageStart[i] = d.bodyWords
		d.bodyWords += len(d.pages[i])
		if len(w) == len(d.pages[i]) {
			d.weights[i] = w
			for _, x := range w {
				if x > 1 {
					d.keyWords++
				}
			}
		}
	}
	words := compiled().words
	d.titleIDs = words.lookup(d.title, nil)
	d.summaryIDs = words.lookup(d.summary, nil)
	// One array holds the numbers of every page's words.
	all := make([]int32, 0, d.bodyWords)
	d.pageIDs = make([][]int32, len(d.pages))
	for i, p := range d.pages {
		start := len(all)
		all = words.lookup(p, all)
		d.pageIDs[i] = all[start:len(all):len(all)]
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
	// citeHits counts citations of a GCM objective by number.
	citeHits float64
	// citeCentral is true when a citation stands where it says what the
	// document addresses (its title, summary, or a body shorter than
	// longBody words): the objective then needs no share of the top
	// score.
	citeCentral bool
	// derived counts the kept themes that imply a principle
	// (themePrinciples).
	derived float64
	// named is true when a country is named (by its name or an alias,
	// not only by a demonym or its capital) somewhere, or by a demonym
	// in the title.
	named bool
	// firstBody is the body offset (in words) of the first body match,
	// -1 when there is none.
	firstBody int
	// destHits counts the mentions of a country as the destination
	// of a journey ("migrate to the United States", "rumbo a México").
	destHits float64
	// viaGroup is true when a country is credited with the mentions of a
	// group it belongs to (resolveGroups).
	viaGroup bool
	// enumHits counts the mentions of a country in a short enumeration
	// of countries ("madres de Nicaragua, El Salvador, Honduras y
	// Guatemala"; see enumerated) in the first half of the body (not
	// a closing "about the programme" paragraph).
	enumHits float64
	// listed is true when a short body names a country in an
	// enumeration: it then needs no share of the top score.
	listed bool
	// keyTerms are the distinct terms of a GCM objective matched in
	// headings and key sections (findings, conclusions,
	// recommendations, summaries; see lineWeights); keyCentral is true
	// when there are keyCentralTerms of them.
	keyTerms   map[string]bool
	keyCentral bool
	// byName is true when a country is named by its name or an alias;
	// places holds the weighted hits of its places
	// (taxonomy.Country.Places) per place (title, summary, body) and
	// placeTerms their terms: they are counted with the others, and
	// taken out again where the country is named (see placesStandIn).
	byName     bool
	places     [3]float64
	placeTerms map[string]bool
	// runnerUp is true for the second strongest GCM objective of a
	// document (see gcmRunnerUpRules), secondary for the third to fifth
	// in a document long enough to treat them (gcmSecondaryRules).
	runnerUp, secondary bool
}

func newTally(facet, code string) *tally {
	return &tally{facet: facet, code: code, bodyTerms: map[string]float64{}, ev: map[evKey]*search.Evidence{}, firstBody: -1}
}

// themePrinciples maps a theme to the guiding principle that a document
// kept under it applies: the Compact's child-sensitive principle upholds
// the rights of the child, its gender-responsive principle the needs of
// women and girls, and the protection of migrants is the protection of
// their human rights. A kept theme counts for its principle as a summary
// mention does.
var themePrinciples = map[string]string{
	"children-youth": "child-sensitive",
	"gender":         "gender-responsive",
	"protection":     "human-rights",
}

// derive credits the value code of facet with the kept tally from.
func (ts tallies) derive(facet, code string, from *tally) {
	k := [2]string{facet, code}
	t := ts[k]
	if t == nil {
		t = newTally(facet, code)
		ts[k] = t
	}
	t.derived++
	term := from.facet + " " + from.code
	t.ev[evKey{term: term, where: "body", ref: from.facet + ":" + from.code}] = &search.Evidence{
		Term: term, Where: "body", Count: 1, Ref: from.facet + ":" + from.code,
	}
}

// tallies holds the tallies of a document by facet and code.
type tallies map[[2]string]*tally

func (ts tallies) get(facet, code string) *tally { return ts[[2]string{facet, code}] }

// tally matches m over the document and accumulates the hits by value.
func (d *doc) tally(m *matcher) tallies {
	ts := tallies{}
	var buf []hit
	record := func(toks []string, ids []int32, where string, page int) {
		buf = m.findIDs(ids, buf[:0])
		enum := enumerated(toks, buf)
		for i, h := range buf {
			for _, tg := range h.p.targets {
				k := [2]string{tg.facet, tg.code}
				t := ts[k]
				if t == nil {
					t = newTally(tg.facet, tg.code)
					ts[k] = t
				}
				// A demonym in the title names the subject too ("a
				// Salvadoran film"), and so does a division or city of
				// the country, which no other country has (a capital
				// may stand for its government: "Washington said").
				if tg.kind == kindName || tg.kind == kindPlace || (tg.kind == kindDemonym && where == "title") {
					t.named = true
				}
				if tg.facet == search.FacetCountry && tg.kind == kindName {
					t.byName = true
				}
				w := 1.0
				if tg.facet == search.FacetCountry {
					w = countryKindWeight[tg.kind]
				} else if tg.kind == kindWeak && d.bodyWords > shortBody {
					w = weakTermWeight
				}
				if tg.facet == search.FacetGCM && page > 0 && d.weights[page-1] != nil {
					pw := d.weights[page-1][h.pos]
					w *= pw
					if pw > 1 {
						if t.keyTerms == nil {
							t.keyTerms = map[string]bool{}
						}
						t.keyTerms[tg.term] = true
					}
				}
				if tg.facet == search.FacetCountry && isDestination(toks, h.pos) {
					t.destHits += w
				}
				if tg.facet == search.FacetCountry && enum[i] && page > 0 && 2*(d.pageStart[page-1]+h.pos) < d.bodyWords {
					t.enumHits++
				}
				if tg.kind == kindPlace {
					t.places[whereRank(where)] += w
					if t.placeTerms == nil {
						t.placeTerms = map[string]bool{}
					}
					t.placeTerms[tg.term] = true
				}
				switch where {
				case "title":
					t.titleHits += w
				case "summary":
					t.summaryHits += w
				default:
					t.bodyHits += w
					t.bodyTerms[tg.term] += w

					if off := d.pageStart[page-1] + h.pos; t.firstBody < 0 || off < t.firstBody {
						t.firstBody = off
					}
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
	record(d.title, d.titleIDs, "title", 0)
	record(d.summary, d.summaryIDs, "summary", 0)
	for i, p := range d.pages {
		record(p, d.pageIDs[i], "body", i+1)
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
		// Summed in the terms' order: a sum in map order may differ in
		// its last bits from run to run, and so the order of values.
		body := 0.0
		for _, term := range slices.Sorted(maps.Keys(t.bodyTerms)) {
			body += math.Min(t.bodyTerms[term], termCap)
		}
		cite := weightCitation
		if !t.citeCentral {
			// Claims of alignment deep in a long report weigh as a
			// body mention each.
			cite = 1
		}
		t.score = weightTitle*math.Min(t.titleHits, capTitleHits) +
			weightSummary*math.Min(t.summaryHits, capSummaryHits) +
			cite*math.Min(t.citeHits, capCitations) +
			weightSummary*t.derived +
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

// passAbsolute applies the rules that do not depend on other values;
// short tells whether the body is short.
func (r rules) passAbsolute(t *tally, short bool) bool {
	if t.score < r.minScore {
		return false
	}
	if t.titleHits > 0 || t.summaryHits > 0 || t.citeHits > 0 || t.derived > 0 {
		return true
	}
	if short {
		return t.bodyHits >= 1
	}
	return t.bodyHits >= r.minBodyHits && len(t.bodyTerms) >= r.minTerms
}

// forLength returns the rules of GCM objectives for a body of n words: a
// longer document treats more objectives, its secondary ones at length
// beside a main one whose words fill every page, so from gcmShortWords
// words on the minimum score and share fall linearly to those of
// gcmLongRules at gcmLongWords words and beyond.
func (r rules) forLength(n int) rules {
	f := math.Min(1, math.Max(0, float64(n-gcmShortWords)/float64(gcmLongWords-gcmShortWords)))
	r.minScore += f * (gcmLongRules.minScore - r.minScore)
	r.minShare += f * (gcmLongRules.minShare - r.minShare)
	return r
}

// scaled returns r with its minimum score and share multiplied by f.
func (r rules) scaled(f float64) rules {
	r.minScore *= f
	r.minShare *= f
	return r
}

// choose keeps the values of ts (sorted, strongest first) that pass the
// rules.
func (r rules) choose(ts []*tally, short bool) []*tally {
	kept, _ := r.split(ts, short)
	return kept
}

// split divides ts (sorted, strongest first) into the values kept and the
// others, each of these with the rule it failed.
func (r rules) split(ts []*tally, short bool) (kept []*tally, rejected []rejection) {
	if len(ts) == 0 {
		return nil, nil
	}
	top := ts[0].score
	for _, t := range ts {
		why := r.reject(t, top, short)
		if why.code == "" && len(kept) >= r.max {
			why = rejection{code: search.ReasonBeyondMax, args: []string{strconv.Itoa(r.max)}}
		}
		if why.code != "" {
			why.t = t
			rejected = append(rejected, why)
			continue
		}
		kept = append(kept, t)
	}
	return kept, rejected
}

// rejection is a value not kept and the rule it failed: a reason code
// of search.NotKeptReasons with its arguments.
type rejection struct {
	t    *tally
	code string
	args []string
}

// rejectAs returns the rejection of t with reason code and args.
func rejectAs(t *tally, code string, args ...string) rejection {
	return rejection{t: t, code: code, args: args}
}

// formatScore writes a score as the reasons show it.
func formatScore(f float64) string { return strconv.FormatFloat(round2(f), 'f', -1, 64) }

// reject returns why t fails the rules (a zero code when it passes), top
// being the strongest value's score. The rejection's tally is not set.
func (r rules) reject(t *tally, top float64, short bool) rejection {
	if t.keyCentral {
		r.minScore = math.Min(r.minScore, gcmKeyRules.minScore)
		r.minShare = math.Min(r.minShare, gcmKeyRules.minShare)
	}
	if t.runnerUp {
		r.minScore = math.Min(r.minScore, gcmRunnerUpRules.minScore)
		r.minShare = math.Min(r.minShare, gcmRunnerUpRules.minShare)
	}
	if t.secondary {
		r.minScore = math.Min(r.minScore, gcmSecondaryRules.minScore)
		r.minShare = math.Min(r.minShare, gcmSecondaryRules.minShare)
		r.minBodyHits = math.Min(r.minBodyHits, float64(gcmSecondaryTerms))
	}
	if t.facet == search.FacetGCM && t.score >= gcmNearTopShare*top {
		r.minScore = math.Min(r.minScore, gcmNearTopMinScore)
	}
	if !r.passAbsolute(t, short) {
		switch {
		case t.score < r.minScore:
			return rejectAs(nil, search.ReasonBelowScore, formatScore(t.score), formatScore(r.minScore))
		case len(t.bodyTerms) < r.minTerms:
			return rejectAs(nil, search.ReasonFewTerms, strconv.Itoa(r.minTerms))
		default:
			return rejectAs(nil, search.ReasonFewMentions)
		}
	}
	// An objective the document cites by number, where it says what it
	// addresses (citeCentral), needs no share of the top score: the
	// document says it addresses it.
	// Nor does a country the document names through a group it is about.
	if t.score < r.minShare*top && !t.citeCentral && !t.viaGroup && !t.listed {
		return rejectAs(nil, search.ReasonBelowShare, formatScore(t.score), strconv.Itoa(int(math.Round(r.minShare*100))))
	}
	return rejection{}
}

// label turns a tally into a search.Label with its strongest evidence:
// by place (title, summary, body), then references into the taxonomy
// first, then by count.
func (t *tally) label() search.Label {
	ev := make([]search.Evidence, 0, len(t.ev))
	for _, e := range t.ev {
		ev = append(ev, *e)
	}
	slices.SortFunc(ev, func(a, b search.Evidence) int {
		if d := whereRank(a.Where) - whereRank(b.Where); d != 0 {
			return d
		}
		// Within a place, evidence that points into the taxonomy (a
		// citation of the objective, one of its actions) comes first.
		if (a.Ref == "") != (b.Ref == "") {
			if a.Ref != "" {
				return -1
			}
			return 1
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

// pageMajority returns the language of the most pages, the earliest
// page's among equals, or "" when no page has one.
func pageMajority(pages []string) string {
	count := map[string]int{}
	first := map[string]int{}
	for i, l := range pages {
		if l == "" {
			continue
		}
		if count[l] == 0 {
			first[l] = i
		}
		count[l]++
	}
	best := ""
	for l, n := range count {
		if best == "" || n > count[best] || (n == count[best] && first[l] < first[best]) {
			best = l
		}
	}
	return best
}
