package classify

import (
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"faro/search"
	"faro/search/taxonomy"
)

// months are folded month names and common abbreviations in en, es, fr,
// pt.
var months = map[string]bool{}

func init() {
	for _, m := range strings.Fields(`january february march april may june july august september october november december
		jan feb mar apr jun jul aug sep sept oct nov dec
		enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
		ene abr ago dic
		janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre janv fevr avr juil
		janeiro fevereiro marco maio junho julho setembro outubro novembro dezembro fev dez`) {
		months[m] = true
	}
}

// dateLabels are folded words that announce a date ("Date:", "Fecha:").
var dateLabels = map[string]bool{
	"date": true, "dated": true, "fecha": true, "published": true, "publicado": true, "publicada": true,
	"publication": true, "publicacion": true, "edition": true, "edicion": true, "publie": true,
	// A publisher's imprint line: "International Organization for
	// Migration (IOM) · 2019", "© OIM 2021".
	"iom": true, "oim": true, "copyright": true, "c": true,
}

// Year scoring weights.
const (
	yearBase       = 1.0
	yearInTitle    = 2.0 // a year in the title
	yearNearTop    = 1.5 // among the first words of page 1
	yearWithMonth  = 3.0 // "Mayo 2019", "17 March 2023", "19-04-2023"
	yearAfterLabel = 2.0 // "Final report date: ..."
	yearInRange    = 0.3 // factor for "2020-2024": a period, not a date
	minYearScore   = 2.0
	topWords       = 60
	// yearWords bounds the words of a page read for the year: the cover
	// and the header of a brief, not the text below.
	yearWords = 400
	// footerWords is how much of the end of a long first page is read:
	// an imprint line often carries the year.
	footerWords = 30
	// thinPage is the word count under which page 1 is a cover with too
	// little text, so page 2 is read as well.
	thinPage = 40
)

// yearCandidate is a scored year with its best evidence.
type yearCandidate struct {
	year  int
	score float64
	term  string
	where string
	page  int
	best  float64
	// dated: the best evidence is a printed date.
	dated bool
}

// historyWords are folded words that, right before a bare year, make it
// a reference to the past or the future in running text ("since 2018",
// "desde 2006", "en 1992", "d'ici 2030"), not a publication date.
var historyWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`since from until till before after by in during between
		desde hasta antes despues durante entre en
		depuis jusqu avant apres pendant ici
		ate em durante`) {
		historyWords[w] = true
	}
}

// sourceWords are folded words that announce a citation ("Source: Save
// the Children, 2016"): a year after one is the cited work's.
var sourceWords = map[string]bool{"source": true, "sources": true, "fuente": true, "fuentes": true, "fonte": true,
	"fontes": true, "cited": true, "citado": true, "cite": true, "reference": true, "referencia": true}

// imprintWords are the dateLabels that name a publisher or a copyright:
// a year right after one is a date of publication ("© OIM 2021").
var imprintWords = map[string]bool{"iom": true, "oim": true, "copyright": true, "c": true}

// yearHistorical is the factor of a bare year after a historyWords word
// or in a citation.
const yearHistorical = 0.2

// yearRepeat is what each occurrence of a year after its best counts: a
// date printed once on the cover outweighs one repeated in the text.
const yearRepeat = 0.3

// inferYear picks the most prominent plausible year of the title and the
// top of the first page(s); 0 when none is convincing. Later pages are not
// read, so years in references and bibliographies do not count. printed
// tells whether the year's best evidence is a printed date (with its month
// or after a date label).
func inferYear(title []string, pages [][]string) (year int, printed bool, label *search.Label) {
	maxYear := time.Now().Year() + 1
	cands := map[int]*yearCandidate{}
	scan := func(toks []string, where string, page int, factor float64) {
		footer := 0
		if len(toks) > yearWords {
			footer = len(toks) - footerWords
			toks = append(toks[:yearWords:yearWords], toks[max(yearWords, footer):]...)
			footer = yearWords
		}
		for i, t := range toks {
			y, ok := yearToken(t, maxYear)
			if !ok {
				continue
			}
			s := yearBase
			term := t
			dated := false
			if where == "title" {
				s += yearInTitle
			} else if i < topWords && (footer == 0 || i < footer) {
				s += yearNearTop
			}
			if i > 0 && months[toks[i-1]] {
				s += yearWithMonth
				dated = true
				term = toks[i-1] + " " + t
			} else if i > 1 && months[toks[i-2]] && (toks[i-1] == "de" || toks[i-1] == "del") {
				s += yearWithMonth // "junio de 2022", "abril de 2019"
				dated = true
				term = toks[i-2] + " " + toks[i-1] + " " + t
			} else if i > 1 && months[toks[i-2]] && isDay(toks[i-1]) {
				s += yearWithMonth
				dated = true
				term = toks[i-2] + " " + toks[i-1] + " " + t
			} else if i > 1 && isDay(toks[i-2]) && isMonthNumber(toks[i-1]) {
				s += yearWithMonth
				dated = true
				term = toks[i-2] + "-" + toks[i-1] + "-" + t
			} else if i+2 < len(toks) && isMonthNumber(toks[i+1]) && isDay(toks[i+2]) {
				s += yearWithMonth // ISO date
				dated = true
				term = t + "-" + toks[i+1] + "-" + toks[i+2]
			}
			cited := false
			for j := max(0, i-6); j < i; j++ {
				if dateLabels[toks[j]] && (!imprintWords[toks[j]] || j >= i-2) {
					s += yearAfterLabel
					dated = true
					break
				}
				cited = cited || sourceWords[toks[j]]
			}
			if !dated && (cited || historyWords[prev(toks, i)]) {
				s *= yearHistorical
			}
			_, prevYear := yearToken(prev(toks, i), maxYear+10)
			_, nextYear := yearToken(next(toks, i), maxYear+10)
			if prevYear || nextYear {
				s *= yearInRange
			}
			s *= factor
			c := cands[y]
			if c == nil {
				c = &yearCandidate{year: y}
				cands[y] = c
			}
			c.score += s
			if s > c.best {
				c.best, c.term, c.where, c.page, c.dated = s, term, where, page, dated
			}
		}
	}
	scan(title, "title", 0, 1)
	if len(pages) > 0 {
		scan(pages[0], "body", 1, 1)
		if len(pages[0]) < thinPage && len(pages) > 1 {
			scan(pages[1], "body", 2, 0.75)
		}
	}
	var best *yearCandidate
	for _, c := range cands {
		c.score = c.best + yearRepeat*(c.score-c.best)
		if best == nil || c.score > best.score || (c.score == best.score && c.year > best.year) {
			best = c
		}
	}
	if best == nil || (best.score < minYearScore && !(len(cands) == 1 && best.score >= yearBase)) {
		// A weak year is kept only when it is the only one.
		return 0, false, nil
	}
	ev := search.Evidence{Term: best.term, Where: best.where, Count: 1}
	if best.page > 0 {
		ev.Pages = []int{best.page}
	}
	return best.year, best.dated, &search.Label{
		Facet: search.FacetYear, Value: strconv.Itoa(best.year), Source: Source,
		Score: round2(best.score), Evidence: []search.Evidence{ev},
	}
}

func prev(toks []string, i int) string {
	if i > 0 {
		return toks[i-1]
	}
	return ""
}

func next(toks []string, i int) string {
	if i+1 < len(toks) {
		return toks[i+1]
	}
	return ""
}

// yearToken reports whether t is a four-digit year from 1990 to maxYear.
func yearToken(t string, maxYear int) (int, bool) {
	if len(t) != 4 || t[0] < '1' || t[0] > '2' {
		return 0, false
	}
	y, err := strconv.Atoi(t)
	if err != nil || y < 1990 || y > maxYear {
		return 0, false
	}
	return y, true
}

func isDay(t string) bool {
	n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(t, "th"), "st"), "er"))
	return err == nil && len(t) <= 4 && n >= 1 && n <= 31
}

func isMonthNumber(t string) bool {
	n, err := strconv.Atoi(t)
	return err == nil && len(t) <= 2 && n >= 1 && n <= 12
}

// Where a document type cue was found, and how much it weighs.
const (
	whereFile = "filename"
	typeTitle = 5.0
	// typeTitleLead weighs a type's name that opens the title.
	typeTitleLead = 8.0
	typeSummary   = 2.0
	typeFile      = 2.0
	typeTop       = 3.0 // among the first words of page 1
	// typeCover is the weight of a type's own name among the very first
	// words of page 1: a cover's series label ("EVALUATION BRIEF",
	// "Management Response Matrix") says what the document is.
	typeCover      = 6.0
	typeCoverWords = 12
	typeFirst      = 1.0 // elsewhere near the top of page 1
	typeWeak       = 0.35
	// typeTopWords and typeFirstWords bound the part of page 1 read.
	typeTopWords   = 40
	typeFirstWords = 250
	minTypeScore   = 2.0
	// webPage is the type of every HTML file.
	webPage = "web-page"
)

// typeScore accumulates the cues of one document type.
type typeScore struct {
	score float64
	ev    []search.Evidence
	seen  map[string]bool
}

// inferType scores document types from cues in the title, the summary, the
// file name and the top of the first page; an HTML file is a web page.
// Each distinct cue counts once per place, so a word repeated on the cover
// does not add up.
func inferType(lx *lexicon, title, summary []string, fileName string, pages [][]string) (string, *search.Label) {
	if ext := strings.ToLower(path.Ext(strings.ReplaceAll(fileName, "\\", "/"))); ext == ".html" || ext == ".htm" {
		// A web page is a web page whatever it talks about (as the
		// indexer files it), even a campaign's news or a listing.
		return webPage, &search.Label{Facet: search.FacetType, Value: webPage, Source: Source, Score: typeFile,
			Evidence: []search.Evidence{{Term: ext, Where: whereFile, Count: 1}}}
	}
	scores := map[string]*typeScore{}
	get := func(code string) *typeScore {
		s := scores[code]
		if s == nil {
			s = &typeScore{seen: map[string]bool{}}
			scores[code] = s
		}
		return s
	}
	credit := func(code, term, where string, page int, w float64) {
		s := get(code)
		key := where + "\x00" + term
		if s.seen[key] {
			return
		}
		s.seen[key] = true
		s.score += w
		ev := search.Evidence{Term: term, Where: where, Count: 1}
		if page > 0 {
			ev.Pages = []int{page}
		}
		s.ev = append(s.ev, ev)
	}
	scan := func(toks []string, where string, page int, weightAt func(pos int) float64) {
		for _, h := range lx.types.find(toks, nil) {
			w := weightAt(h.pos)
			for _, t := range h.p.targets {
				if t.facet != search.FacetType {
					continue
				}
				f := w
				if t.kind == kindWeak {
					f *= typeWeak
				}
				credit(t.code, t.term, where, page, f)
			}
		}
	}
	// The title's first words may name what the document is ("Fact
	// Sheet: ...", "Evaluation of ..."); when a type's own name opens it,
	// the types named after it are the document's subject ("Fact Sheet:
	// the Declaration ...") and count as body words.
	lead := false
	for _, h := range lx.types.find(title, nil) {
		for _, t := range h.p.targets {
			lead = lead || (h.pos == 0 && t.facet == search.FacetType && t.kind != kindWeak)
		}
	}
	scan(title, "title", 0, func(pos int) float64 {
		switch {
		case pos == 0:
			return typeTitleLead
		case lead:
			return typeFirst
		}
		return typeTitle
	})
	scan(summary, "summary", 0, func(int) float64 { return typeSummary })
	if len(pages) > 0 {
		first := pages[0]
		if len(first) > typeFirstWords {
			first = first[:typeFirstWords]
		}
		scan(first, "body", 1, func(pos int) float64 {
			if pos < typeCoverWords {
				return typeCover
			}
			if pos < typeTopWords {
				return typeTop
			}
			return typeFirst
		})
	}
	if fileName != "" {
		base := strings.ToLower(path.Base(strings.ReplaceAll(fileName, "\\", "/")))
		ext := strings.TrimPrefix(path.Ext(base), ".")
		words := split(taxonomy.Fold(base), nil)
		for _, wd := range words {
			for _, code := range lx.fileCues[wd] {
				if wd == ext && ext != "html" && ext != "htm" {
					continue
				}
				credit(code, wd, whereFile, 0, typeFile)
			}
		}
		scan(words, whereFile, 0, func(int) float64 { return typeFile })
	}
	best, bestScore := "", 0.0
	for code, s := range scores {
		if s.score > bestScore || (s.score == bestScore && lx.typeRank[code] < lx.typeRank[best]) {
			best, bestScore = code, s.score
		}
	}
	if best == "" || bestScore < minTypeScore {
		return "", nil
	}
	ev := scores[best].ev
	slices.SortStableFunc(ev, func(a, b search.Evidence) int { return whereRank(a.Where) - whereRank(b.Where) })
	return best, &search.Label{Facet: search.FacetType, Value: best, Source: Source, Score: round2(bestScore), Evidence: ev}
}
