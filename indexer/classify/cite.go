package classify

import (
	"strconv"

	"faro/search"
)

// Citations of GCM objectives by number: "objective 10 of the Global
// Compact", "GCM objectives 3 and 10", "objetivo 7 del Pacto Mundial",
// "objectifs 19 et 20 du Pacte mondial". A number counts only near a
// mention of the Compact, since reports number their own objectives too
// ("Specific Objective 2").
var (
	citeWords    = map[string]bool{"objective": true, "objectives": true, "objetivo": true, "objetivos": true, "objectif": true, "objectifs": true}
	citeJoins    = map[string]bool{"and": true, "or": true, "y": true, "e": true, "o": true, "u": true, "et": true, "ou": true, "n": true, "no": true, "nos": true}
	compactWords = map[string]bool{"gcm": true, "compact": true, "pacto": true, "pacte": true, "pmm": true}
	// otherGoals are the frameworks whose goals are numbered too: "the
	// objective 10 of the SDGs" (l'objectif 10 des ODD, el objetivo 10
	// de los ODS) near a mention of the Compact is not one of its
	// objectives, nor is a target ("cible 10.7").
	otherGoals = map[string]bool{"sdg": true, "sdgs": true, "odd": true, "ods": true, "odm": true, "mdg": true, "mdgs": true,
		"target": true, "targets": true, "cible": true, "cibles": true, "meta": true, "metas": true}
)

// citeOtherWindow is how many words around a cited number are searched
// for another framework's name (otherGoals).
const citeOtherWindow = 4

const (
	// citeBefore and citeAfter bound the distance (in words) from a
	// citation to a mention of the Compact.
	citeBefore = 100
	citeAfter  = 15
	// weightCitation is what one citation weighs; at most capCitations
	// count per objective.
	weightCitation = 5.0
	capCitations   = 2
)

// citation is one objective cited by number.
type citation struct {
	objective int
	pos       int    // of the cue word
	term      string // e.g. "objetivo 7"
}

// findCitations returns the GCM objectives cited by number in toks.
func findCitations(toks []string) []citation {
	var out []citation
	var compact []int // positions of Compact mentions
	for i, t := range toks {
		if compactWords[t] {
			compact = append(compact, i)
		}
	}
	if len(compact) == 0 {
		return nil
	}
	near := func(i int) bool {
		for _, c := range compact {
			if c >= i-citeBefore && c <= i+citeAfter {
				return true
			}
		}
		return false
	}
	for i, t := range toks {
		if !citeWords[t] || !near(i) {
			continue
		}
		for j := i + 1; j < len(toks) && j <= i+12; j++ {
			if citeJoins[toks[j]] {
				continue
			}
			n, err := strconv.Atoi(toks[j])
			if err != nil || n < 1 || n > 23 || len(toks[j]) > 2 {
				break
			}
			if otherFramework(toks, i, j) {
				break
			}
			out = append(out, citation{objective: n, pos: i, term: t + " " + toks[j]})
		}
	}
	return out
}

// otherFramework tells whether the objective word at toks[i], with its
// number at toks[j], belongs to another framework: one of otherGoals
// within citeOtherWindow words before the cue or after the number
// ("l'objectif 10.7 des ODD", "SDG target 10.7").
func otherFramework(toks []string, i, j int) bool {
	for k := max(0, i-citeOtherWindow); k < min(len(toks), j+citeOtherWindow+1); k++ {
		if otherGoals[toks[k]] {
			return true
		}
	}
	return false
}

// addCitations records the cited objectives of the document in ts; their
// evidence's Ref is the objective's number.
func (d *doc) addCitations(ts tallies) {
	record := func(toks []string, where string, pageOf []int) {
		for _, c := range findCitations(toks) {
			page := 0
			if pageOf != nil {
				page = pageOf[c.pos]
			}
			code := strconv.Itoa(c.objective)
			k := [2]string{search.FacetGCM, code}
			t := ts[k]
			if t == nil {
				t = newTally(search.FacetGCM, code)
				ts[k] = t
			}
			t.citeHits++
			// A citation in a short body, the title or the summary says
			// what the document addresses; in a long report it is one
			// claim of alignment among its pages.
			if where != "body" || d.bodyWords < longBody {
				t.citeCentral = true
			}
			ek := evKey{term: c.term, where: where, ref: code}
			e := t.ev[ek]
			if e == nil {
				e = &search.Evidence{Term: c.term, Where: where, Ref: code}
				t.ev[ek] = e
			}
			e.Count++
			if page > 0 && (len(e.Pages) == 0 || e.Pages[len(e.Pages)-1] != page) && len(e.Pages) < maxEvidencePages {
				e.Pages = append(e.Pages, page)
			}
		}
	}
	record(d.title, "title", nil)
	record(d.summary, "summary", nil)
	if !d.mentionsCompact() {
		return // findCitations finds none in the body
	}
	// The body is read as one stream: a sentence may run over a page
	// break. pageOf maps a body position to its 1-based page.
	body := make([]string, 0, d.bodyWords)
	pageOf := make([]int, 0, d.bodyWords)
	for i, p := range d.pages {
		body = append(body, p...)
		for range p {
			pageOf = append(pageOf, i+1)
		}
	}
	record(body, "body", pageOf)
}

// mentionsCompact tells whether the body has one of compactWords.
func (d *doc) mentionsCompact() bool {
	compact := compiled().compact
	for _, ids := range d.pageIDs {
		for _, id := range ids {
			if int(id) < len(compact) && compact[id] {
				return true
			}
		}
	}
	return false
}
