package texttable

import (
	"slices"

	"faro/search"
)

// text matches a word (every term a language's analyser makes of it) or a
// prefix in the clause's fields, each term scored by BM25F over the fields
// of a language (bm25f), a word's terms summed.
func (e *evaluator) text(c *search.Clause) *mset {
	out := e.newSet()
	langs := byLang(e.fields(c.Fields))
	for _, fs := range langs {
		boost := boostIn(c, fs[0].Lang)
		if c.Kind == search.ClausePrefix {
			e.prefix(out, fs, search.Fold(c.Text), boost)
			continue
		}
		toks := e.analyzed(fs[0].Lang, c.Text)
		if len(toks) == 0 {
			continue
		}
		if len(toks) == 1 {
			e.bm25f(out, fs, toks[0].Term, e.wordDF(langs, c.Text, 0), boost, nil)
			continue
		}
		// Several terms (a hyphenated word): all must be in the
		// language's fields.
		var part *mset
		for i, tok := range toks {
			s := e.newSet()
			e.bm25f(s, fs, tok.Term, e.wordDF(langs, c.Text, i), boost, nil)
			if part == nil {
				part = s
				continue
			}
			for w := range part.bits {
				part.bits[w] &= s.bits[w]
			}
			part.each(func(d uint32) { part.score[d] += s.score[d] })
			e.free(s)
		}
		part.each(func(d uint32) { out.add(d, part.score[d]) })
		e.free(part)
	}
	if c.Kind == search.ClauseWord && c.Typos > 0 {
		found := e.found(out, c, langs)
		for _, fs := range langs {
			e.corrected(out, c, fs, found, boostIn(c, fs[0].Lang))
		}
	}
	return out
}

// found reports whether a live document holds word c in the fields of
// one of langs, out holding its documents in the segments read: all of
// them, or those past the ones a set kept before a write covers
// (evaluator.complete), when the others' documents are asked for from
// the View. A word of several terms then reads as not found and spoils
// the set's reads, so that it is evaluated whole.
func (e *evaluator) found(out *mset, c *search.Clause, langs [][]weightedField) bool {
	if popcount(out.bits, nil) > 0 {
		return true
	}
	if e.fromSeg == 0 {
		return false
	}
	for _, fs := range langs {
		toks := e.analyzed(fs[0].Lang, c.Text)
		if len(toks) > 1 && e.reads != nil {
			e.reads.WriteString("\x00several")
			return false
		}
		for _, f := range fs {
			if len(toks) == 1 && e.v.liveDF(f.Name, toks[0].Term) > 0 {
				return true
			}
		}
	}
	return false
}

// corrected adds to out what one language's fields read the word as
// besides itself (View.fix), at TypoBoost: each field's closest term when
// no field holds the word (found is false), else a much more frequent
// neighbour in the fields that hold it.
func (e *evaluator) corrected(out *mset, c *search.Clause, fields []weightedField, found bool, boost float64) {
	toks := e.analyzed(fields[0].Lang, c.Text)
	if len(toks) != 1 {
		return
	}
	var fixes []string
	where := map[string][]weightedField{}
	for _, f := range fields {
		if best := e.v.readAs(f.Name, toks[0].Term, c.Typos, found); best != "" {
			if where[best] == nil {
				fixes = append(fixes, best)
			}
			where[best] = append(where[best], f)
		}
	}
	for _, t := range fixes {
		e.bm25f(out, where[t], t, e.fieldDF(where[t], t), boost*search.TypoBoost, nil)
	}
}

// prefix adds to out the terms of one language's fields starting with p,
// as a disjunction of them.
func (e *evaluator) prefix(out *mset, fields []weightedField, p string, boost float64) {
	var terms []string
	seen := map[string]bool{}
	for _, f := range fields {
		for _, s := range e.v.segs {
			sf := s.fields[f.Name]
			if sf == nil {
				continue
			}
			r := sf.prefixRange(p)
			for i := range r {
				if w := sf.word(&r[i]); !seen[w] {
					seen[w] = true
					terms = append(terms, w)
				}
			}
		}
	}
	if len(terms) == 0 {
		return
	}
	if len(terms) == 1 {
		e.bm25f(out, fields, terms[0], e.fieldDF(fields, terms[0]), boost, nil)
		return
	}
	part := e.newSet()
	for _, t := range terms {
		e.bm25f(part, fields, t, e.fieldDF(fields, t), boost, nil)
	}
	part.coord(len(terms))
	part.each(func(d uint32) { out.add(d, part.score[d]) })
	e.free(part)
}

// boostIn is a clause's Boost in the fields of language lang: times
// search.ForeignBoost when lang is a query language the clause's words
// are not words of (Clause.Langs).
func boostIn(c *search.Clause, lang string) float64 {
	if len(c.Langs) > 0 && !slices.Contains(c.Langs, lang) && search.IsQueryLanguage(lang) {
		return boostOf(c) * search.ForeignBoost
	}
	return boostOf(c)
}

// boostOf is a clause's Boost, 1 when unset.
func boostOf(c *search.Clause) float64 {
	if c.Boost == 0 {
		return 1
	}
	return c.Boost
}
