package texttable

import "faro/search"

// phrase matches the clause's text as a phrase in its fields, scored as
// its words are (bm25f): a phrase and the words it is made of weigh alike.
func (e *evaluator) phrase(c *search.Clause) *mset {
	found := e.newSet()
	fields := e.fields(c.Fields)
	// Which documents hold the phrase depends on nothing but the View:
	// kept from one search to the next, it spares reading positions
	// when a phrase comes again with other filters, words or pages.
	// Evaluated at e.restrict only, the set is not whole and not kept,
	// unless the phrase comes a second time (matchCache.admit): it is
	// then found everywhere and kept. A whole one kept serves at
	// e.restrict too (it holds those documents).
	//
	// Completing a set kept before a write (evaluator.complete), the
	// documents of the segments from e.fromSeg on are scored only; past
	// the last segment (evaluator.readsOf), none.
	from := e.fromSeg
	if from < len(e.v.segs) {
		var key string
		if e.useCache {
			key = c.Key()
		}
		restrict := e.restrict
		read, kept := 0, false
		if key != "" {
			read, kept = e.v.cache.phraseIn(key, found.bits)
		}
		if !kept || read < len(e.v.segs) {
			// Not kept, or kept by the View before a write for the
			// segments both begin with: the others are read.
			whole := key != "" && (restrict == nil || kept || e.v.cache.admit(key))
			if whole {
				e.restrict = nil
			}
			e.fromSeg = read
			for _, f := range fields {
				e.phraseIn(found, f, c.Text)
			}
			e.fromSeg = from
			e.restrict = restrict
			if whole {
				e.v.cache.putPhrase(key, found.bits, len(e.v.segs))
			}
		}
		if kept {
			for w := range found.bits {
				found.bits[w] &= e.v.live[w] // kept before documents were deleted
			}
		}
		if restrict != nil {
			for w := range found.bits {
				found.bits[w] &= restrict[w]
			}
		}
		if from > 0 {
			clearBelow(found.bits, e.v.base[from])
		}
	}
	out := e.newSet()
	// Recording what a set reads (evaluator.reads), its words are
	// "scored" even where no document holds the phrase.
	if e.reads == nil && popcount(found.bits, nil) == 0 {
		e.free(found)
		return out
	}
	langs := byLang(fields)
	for _, fs := range langs {
		toks := e.analyzed(fs[0].Lang, c.Text)
		for i, tok := range toks {
			e.bm25f(out, fs, tok.Term, e.wordDF(langs, c.Text, i), boostIn(c, fs[0].Lang), found)
		}
	}
	e.free(found)
	return out
}

// phraseIn adds to out the documents whose field f holds the words of
// text at the analyser's relative positions, scored as the sum of the
// words' term scores.
func (e *evaluator) phraseIn(out *mset, f weightedField, text string) {
	toks := e.analyzed(f.Lang, text)
	if len(toks) == 0 {
		return
	}
	weights := make([]float64, len(toks))
	offs := make([]uint64, len(toks))
	per := make([][]segTerm, len(toks))
	for i, tok := range toks {
		ts, df := e.lookup(f.Name, tok.Term)
		if len(ts) == 0 {
			return
		}
		idf := e.v.idf(df)
		weights[i] = f.boost * idf * idf
		offs[i] = uint64(tok.Pos - toks[0].Pos)
		per[i] = ts
	}
	n0, n1 := e.v.lengthNorm(f.Name)
	for si, s := range e.v.segs[e.fromSeg:] {
		si += e.fromSeg
		sf := s.fields[f.Name]
		if sf == nil {
			continue
		}
		curs := make([]*postCursor, len(toks))
		for i := range toks {
			var mt *term
			for _, st := range per[i] {
				if st.seg == si {
					mt = st.t
				}
			}
			if mt == nil {
				curs = nil
				break
			}
			curs[i] = newPostCursor(sf, mt)
		}
		if curs == nil {
			continue
		}
		base := e.v.base[si]
		want := func(doc uint32) bool {
			return hasBit(e.v.live, base+doc) && (e.restrict == nil || hasBit(e.restrict, base+doc))
		}
		align := alignPhrase
		if e.restrict != nil && fewIn(e.restrict, base, base+uint32(s.docs), curs) {
			// The phrase matters at few documents (those passing a
			// search's filters): its words are read at those only.
			align = func(curs []*postCursor, offs []uint64, want func(uint32) bool, fn func(uint32)) {
				alignAt(curs, offs, e.restrict, base, base+uint32(s.docs), want, fn)
			}
		}
		align(curs, offs, want, func(doc uint32) {
			g := base + doc
			norm := n0 + n1*float64(sf.length[doc])
			var score float64
			for i, c := range curs {
				score += weights[i] * bm25(c.freq, norm)
			}
			out.add(g, score)
		})
	}
}
