package bleve

import (
	"context"
	"encoding/binary"
	"math"
	"strconv"
	"strings"
	"sync"

	bsearch "github.com/blevesearch/bleve/v2/search"

	"faro/search"
)

// Matching and scoring a parsed query over a text table. Every
// intermediate result is a dense set: a bit per document and, for the
// documents in it, a score. Each node repeats the arithmetic of the bleve
// query translate builds for it (term scores summed across a field's
// words, a disjunction's sum times its coordination factor matched/total,
// conjunctions and required clauses summed, optional clauses added), so
// both paths rank alike; scores differ from bleve's by its per-query norm,
// a constant factor.

// mset is a dense set of scored documents.
type mset struct {
	bits  []uint64
	score []float64
	// cnt counts matching clauses per document (coordination factors).
	cnt []uint8
}

func (s *mset) has(n uint32) bool { return s.bits[n/64]&(1<<(n%64)) != 0 }

// add puts document n in s with score v, or adds v to its score.
func (s *mset) add(n uint32, v float64) {
	w, b := n/64, uint64(1)<<(n%64)
	if s.bits[w]&b == 0 {
		s.bits[w] |= b
		s.score[n] = v
		s.cnt[n] = 1
		return
	}
	s.score[n] += v
	s.cnt[n]++
}

// each calls fn for every document of s in ascending order.
func (s *mset) each(fn func(n uint32)) { forEach(s.bits, fn) }

// coord multiplies each score by its document's count of matching clauses
// over total, as bleve's disjunction scorer does.
func (s *mset) coord(total int) {
	if total <= 1 {
		return
	}
	s.each(func(n uint32) { s.score[n] *= float64(s.cnt[n]) / float64(total) })
}

// evaluator evaluates one query over a text table and facet table.
type evaluator struct {
	ctx  context.Context
	m    *memText
	t    *facetTable
	sets []*mset
	pool *sync.Pool
	// words caches the analysed forms of query words by language.
	words map[[2]string][]queryTok
}

func newEvaluator(ctx context.Context, m *memText, t *facetTable, pool *sync.Pool) *evaluator {
	return &evaluator{ctx: ctx, m: m, t: t, pool: pool, words: map[[2]string][]queryTok{}}
}

// newSet returns an empty set from the pool.
func (e *evaluator) newSet() *mset {
	s, _ := e.pool.Get().(*mset)
	if s == nil || len(s.score) != e.m.docs {
		nw := (e.m.docs + 63) / 64
		s = &mset{bits: make([]uint64, nw), score: make([]float64, e.m.docs), cnt: make([]uint8, e.m.docs)}
	} else {
		clear(s.bits)
	}
	e.sets = append(e.sets, s)
	return s
}

// release returns every set to the pool.
func (e *evaluator) release() {
	for _, s := range e.sets {
		e.pool.Put(s)
	}
	e.sets = nil
}

// errUnsupported marks a query the text table does not answer.
type errUnsupported struct{ what string }

func (e errUnsupported) Error() string { return "text table: unsupported " + e.what }

func (e *evaluator) eval(n search.Node) (*mset, error) {
	if err := e.ctx.Err(); err != nil {
		return nil, err
	}
	switch n := n.(type) {
	case search.MatchAll:
		s := e.newSet()
		copy(s.bits, e.m.live)
		s.each(func(d uint32) { s.score[d] = 1 })
		return s, nil
	case search.Term:
		if isFacet(n.Field) {
			return e.facetTerm(n), nil
		}
		fields := textFields
		if n.Field == "title" {
			fields = titleFields
		}
		return e.text(n.Text, n.Prefix, fields), nil
	case search.Phrase:
		fields := textFields
		if n.Field == "title" {
			fields = titleFields
		}
		return e.phrase(n.Text, fields), nil
	case search.Or:
		var parts []*mset
		for _, c := range n.Nodes {
			s, err := e.eval(c)
			if err != nil {
				return nil, err
			}
			parts = append(parts, s)
		}
		return e.or(parts), nil
	case search.Alternatives:
		orig, err := e.eval(n.Node)
		if err != nil {
			return nil, err
		}
		var alts []*mset
		for _, a := range n.Alts {
			var s *mset
			switch a := a.(type) {
			case search.Term:
				s = e.text(a.Text, false, altFields(a.Field))
			case search.Phrase:
				s = e.phrase(a.Text, altFields(a.Field))
			default:
				if s, err = e.eval(a); err != nil {
					return nil, err
				}
			}
			alts = append(alts, s)
		}
		return e.or([]*mset{orig, e.or(alts)}), nil
	case search.And:
		return e.and(n)
	case search.Not:
		s, err := e.eval(n.Node)
		if err != nil {
			return nil, err
		}
		out := e.newSet()
		for i := range out.bits {
			out.bits[i] = e.m.live[i] &^ s.bits[i]
		}
		out.each(func(d uint32) { out.score[d] = 1 })
		return out, nil
	}
	return nil, errUnsupported{what: "query node"}
}

// and repeats translate's And: required clauses summed, stop words and the
// proximity phrase optional, exclusions removed.
func (e *evaluator) and(n search.And) (*mset, error) {
	parts := splitAnd(n)
	var must, not, should []*mset
	if parts.proximity != "" {
		should = append(should, e.proximity(parts.proximity))
	}
	for _, group := range []struct {
		nodes []search.Node
		into  *[]*mset
	}{{parts.must, &must}, {parts.not, &not}, {parts.should, &should}} {
		for _, c := range group.nodes {
			s, err := e.eval(c)
			if err != nil {
				return nil, err
			}
			*group.into = append(*group.into, s)
		}
	}
	var out *mset
	if len(must) == 0 {
		var err error
		if out, err = e.eval(search.MatchAll{}); err != nil {
			return nil, err
		}
	} else {
		out = must[0]
		for _, s := range must[1:] {
			for i := range out.bits {
				out.bits[i] &= s.bits[i]
			}
		}
		for _, s := range must[1:] {
			out.each(func(d uint32) { out.score[d] += s.score[d] })
		}
	}
	for _, s := range not {
		for i := range out.bits {
			out.bits[i] &^= s.bits[i]
		}
	}
	if len(should) > 0 {
		sh := e.or(should)
		out.each(func(d uint32) {
			if sh.has(d) {
				out.score[d] += sh.score[d]
			}
		})
	}
	return out, nil
}

// or is a disjunction: the union, each document's scores summed times the
// share of parts it matches.
func (e *evaluator) or(parts []*mset) *mset {
	if len(parts) == 1 {
		return parts[0]
	}
	out := e.newSet()
	for _, p := range parts {
		p.each(func(d uint32) { out.add(d, p.score[d]) })
	}
	out.coord(len(parts))
	return out
}

// queryTok is a term the analyser makes of query text, at its position.
type queryTok struct {
	term string
	pos  int
}

// analyzed returns the terms the language's analyser makes of text, in
// order, with their positions.
func (e *evaluator) analyzed(lang, text string) []queryTok {
	k := [2]string{lang, text}
	if w, ok := e.words[k]; ok {
		return w
	}
	a := queryMapping().AnalyzerNamed(analyzerName(lang))
	var out []queryTok
	if a != nil {
		for _, t := range a.Analyze([]byte(text)) {
			out = append(out, queryTok{string(t.Term), t.Position})
		}
	}
	e.words[k] = out
	return out
}

func fieldLang(name string) string {
	_, l, _ := strings.Cut(name, "_")
	return l
}

// text matches a word (every term the field's analyser makes of it) or a
// prefix in fields: a disjunction over the fields, as textQuery builds.
func (e *evaluator) text(text string, prefix bool, fields []weightedField) *mset {
	out := e.newSet()
	for _, f := range fields {
		mf := e.m.fields[f.name]
		if mf == nil {
			continue
		}
		if prefix {
			// A prefix is a disjunction of its terms in the field.
			terms := mf.prefixRange(search.Fold(text))
			if len(terms) == 0 {
				continue
			}
			if len(terms) == 1 {
				e.addTerm(out, mf, &terms[0], f.boost)
				continue
			}
			part := e.newSet()
			for i := range terms {
				e.addTerm(part, mf, &terms[i], f.boost)
			}
			part.coord(len(terms))
			part.each(func(d uint32) { out.add(d, part.score[d]) })
			continue
		}
		toks := e.analyzed(fieldLang(f.name), text)
		switch len(toks) {
		case 0:
			continue
		case 1:
			term := toks[0].term
			if mt, ok := mf.lookup(term); ok {
				e.addTerm(out, mf, mt, f.boost)
			}
			continue
		}
		// Several terms (a hyphenated word): all must be in the field.
		var part *mset
		for _, tok := range toks {
			term := tok.term
			mt, ok := mf.lookup(term)
			if !ok {
				part = nil
				break
			}
			s := e.newSet()
			e.addTerm(s, mf, mt, f.boost)
			if part == nil {
				part = s
				continue
			}
			for w := range part.bits {
				part.bits[w] &= s.bits[w]
			}
			part.each(func(d uint32) { part.score[d] += s.score[d] })
		}
		if part != nil {
			part.each(func(d uint32) { out.add(d, part.score[d]) })
		}
	}
	out.coord(len(fields))
	return out
}

// weight is the per-term factor of bleve's BM25 term score (boost times
// idf, times idf again in the field weight).
func weight(f *memField, boost float64, t *memTerm) float64 {
	idf := f.idf(t)
	return boost * idf * idf
}

// bm25 is bleve's BM25 field weight of a term occurring freq times in a
// document whose length part is norm, without the idf.
func bm25(freq uint64, norm float64) float64 {
	var tf float64
	if freq < uint64(len(sqrtTable)) {
		tf = sqrtTable[freq]
	} else {
		tf = math.Sqrt(float64(freq))
	}
	return tf * bsearch.BM25_k1 / (tf + norm)
}

// sqrtTable holds the square roots of small term frequencies.
var sqrtTable = func() (t [64]float64) {
	for i := range t {
		t[i] = math.Sqrt(float64(i))
	}
	return t
}()

// addTerm adds every posting of t to s.
func (e *evaluator) addTerm(s *mset, f *memField, t *memTerm, boost float64) {
	w := weight(f, boost, t)
	data := f.data[t.off:t.end]
	var doc uint64
	for p := 0; p < len(data); {
		d, n := binary.Uvarint(data[p:])
		p += n
		doc += d >> 1
		freq := uint64(1)
		if d&1 == 0 {
			freq, n = binary.Uvarint(data[p:])
			p += n
		}
		s.add(uint32(doc), w*bm25(freq, f.norm[doc]))
	}
}

// postCursor walks one term's postings, positions included.
type postCursor struct {
	data []byte
	p    int
	// pos is the field's position stream; pp where the current
	// document's positions start.
	pos  []byte
	pp   int
	doc  uint64
	freq uint64
	done bool
	// at holds the positions of the current document once read.
	at      []uint64
	posRead bool
	started bool
}

func newPostCursor(f *memField, t *memTerm) *postCursor {
	c := &postCursor{data: f.data[t.off:t.end], pos: f.pos, pp: int(t.poff)}
	c.next()
	return c
}

// next moves to the next document, skipping unread positions.
func (c *postCursor) next() {
	if c.started && !c.posRead {
		p := c.pp
		for i := uint64(0); i < c.freq; i++ {
			for c.pos[p]&0x80 != 0 {
				p++
			}
			p++
		}
		c.pp = p
	}
	c.started = true
	if c.p >= len(c.data) {
		c.done = true
		return
	}
	d, n := binary.Uvarint(c.data[c.p:])
	c.p += n
	c.doc += d >> 1
	c.freq = 1
	if d&1 == 0 {
		c.freq, n = binary.Uvarint(c.data[c.p:])
		c.p += n
	}
	c.posRead = false
}

// positions decodes the current document's positions.
func (c *postCursor) positions() []uint64 {
	if c.posRead {
		return c.at
	}
	c.at = c.at[:0]
	p := c.pp
	var last uint64
	for i := uint64(0); i < c.freq; i++ {
		v, n := binary.Uvarint(c.pos[p:])
		p += n
		last += v
		c.at = append(c.at, last)
	}
	c.pp, c.posRead = p, true
	return c.at
}

// phrase matches text as a phrase in fields, as phraseQuery builds it.
func (e *evaluator) phrase(text string, fields []weightedField) *mset {
	out := e.newSet()
	for _, f := range fields {
		e.phraseIn(out, text, f.name, f.boost)
	}
	out.coord(len(fields))
	return out
}

// proximity is translate's optional phrase of a query's words over the
// title and body fields.
func (e *evaluator) proximity(text string) *mset {
	out := e.newSet()
	n := 0
	for _, f := range textFields {
		if strings.HasPrefix(f.name, "summary_") {
			continue
		}
		n++
		e.phraseIn(out, text, f.name, f.boost*proximityBoost)
	}
	out.coord(n)
	return out
}

// phraseIn adds to out the documents of field holding the words of text at
// the analyser's relative positions, scored as the sum of the words' term
// scores (bleve's phrase searcher sums its conjunction's).
func (e *evaluator) phraseIn(out *mset, text, field string, boost float64) {
	mf := e.m.fields[field]
	if mf == nil {
		return
	}
	toks := e.analyzed(fieldLang(field), text)
	if len(toks) == 0 {
		return
	}
	curs := make([]*postCursor, len(toks))
	terms := make([]*memTerm, len(toks))
	offs := make([]uint64, len(toks))
	first := toks[0].pos
	for i, tok := range toks {
		term, pos := tok.term, tok.pos
		mt, ok := mf.lookup(term)
		if !ok {
			return
		}
		terms[i] = mt
		curs[i] = newPostCursor(mf, terms[i])
		offs[i] = uint64(pos - first)
	}
	for {
		// Align every cursor on the largest current document.
		var target uint64
		for _, c := range curs {
			if c.done {
				return
			}
			target = max(target, c.doc)
		}
		aligned := true
		for _, c := range curs {
			for !c.done && c.doc < target {
				c.next()
			}
			if c.done {
				return
			}
			if c.doc != target {
				aligned = false
			}
		}
		if !aligned {
			continue
		}
		if phraseAt(curs, offs) {
			var score float64
			for i, c := range curs {
				score += weight(mf, boost, terms[i]) * bm25(c.freq, mf.norm[target])
			}
			out.add(uint32(target), score)
		}
		for _, c := range curs {
			c.next()
		}
	}
}

// phraseAt reports whether the cursors' current document holds word i at
// some position p+offs[i] for every i.
func phraseAt(curs []*postCursor, offs []uint64) bool {
	start := curs[0].positions()
	for _, c := range curs[1:] {
		c.positions()
	}
next:
	for _, p := range start {
		for i := 1; i < len(curs); i++ {
			want := p + offs[i]
			found := false
			for _, q := range curs[i].at {
				if q == want {
					found = true
					break
				}
				if q > want {
					break
				}
			}
			if !found {
				continue next
			}
		}
		return true
	}
	return false
}

// facetTerm matches a facet value typed in the query (country:HND,
// year:2019) from the facet table. A value is scored as bleve's term query
// on the facet field scores it (BM25 over the document's count of facet
// values); a year, which bleve matches as a numeric range, scores 1.
func (e *evaluator) facetTerm(t search.Term) *mset {
	out := e.newSet()
	ft := e.t
	if t.Field == search.FacetYear {
		y, _ := strconv.Atoi(t.Text)
		for n := 0; n < ft.docs() && n < e.m.docs; n++ {
			if int(ft.year[n]) == y && y != 0 && e.m.live[n/64]&(1<<(n%64)) != 0 {
				out.add(uint32(n), 1)
			}
		}
		return out
	}
	id, ok := ft.ids[facetTerm(t.Field, t.Text)]
	if !ok {
		return out
	}
	idf := e.m.facetIDF(id)
	forEach(e.m.vbits[id], func(n uint32) { out.add(n, idf*idf*bm25(1, e.m.facetNorm(ft, n))) })
	return out
}

// facetIDF is bleve's BM25 idf of facet value v.
func (m *memText) facetIDF(v uint32) float64 {
	df := popcount(m.vbits[v], nil)
	return math.Log(1 + (float64(m.docTotal)-float64(df)+0.5)/(float64(df)+0.5))
}

// facetNorm is BM25's length part for document n in the facet field, from
// its count of facet values as bleve stores it (a float32 norm).
func (m *memText) facetNorm(ft *facetTable, n uint32) float64 {
	norm := float64(float32(1 / math.Sqrt(float64(ft.off[n+1]-ft.off[n]))))
	length := 1 / (norm * norm)
	return bsearch.BM25_k1 * (1 - bsearch.BM25_b + bsearch.BM25_b*length/m.facetAvg)
}

// filterScore returns what the facet selections of pass add to a passing
// document's score, as in bleve's query, where each selected facet is an
// optional clause: its values' term scores on the facet field, times the
// share of the selected values the document holds; and a bound no
// document's addition exceeds. Nil when nothing is selected by value (a
// year range, scored by bleve as a numeric range, adds nothing here).
func (m *memText) filterScore(pass *facetPass) (func(n uint32) float64, float64) {
	type sel struct {
		// weight[v] is idf² of selected value v, 0 for the others.
		weight []float64
		values float64
	}
	var sels []sel
	bound := 0.0
	for _, s := range pass.sel {
		if s.allowed == nil {
			continue
		}
		w := make([]float64, len(s.allowed))
		best := 0.0
		for v, ok := range s.allowed {
			if ok {
				idf := m.facetIDF(uint32(v))
				w[v] = idf * idf
				best += w[v]
			}
		}
		sels = append(sels, sel{w, float64(s.values)})
		// bm25(1, k) < k1 for any length.
		bound += best * bsearch.BM25_k1
	}
	if len(sels) == 0 {
		return nil, 0
	}
	ft := pass.t
	return func(n uint32) float64 {
		b := bm25(1, m.facetNorm(ft, n))
		vals := ft.vals[ft.off[n]:ft.off[n+1]]
		total := 0.0
		for _, s := range sels {
			sum, matched := 0.0, 0
			for _, v := range vals {
				if w := s.weight[v]; w != 0 {
					sum += w * b
					matched++
				}
			}
			if s.values > 1 {
				sum *= float64(matched) / s.values
			}
			total += sum
		}
		return total
	}, bound
}
