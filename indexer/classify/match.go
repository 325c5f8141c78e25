package classify

import (
	"slices"
	"strconv"
	"strings"
	"sync"

	"faro/search"
	"faro/search/taxonomy"
)

// Kinds of country evidence; names count more than demonyms, capitals and
// places.
const (
	kindName = iota
	kindDemonym
	kindCapital
	kindPlace  // a division or city of the country (taxonomy.Country.Places)
	kindStrong // doc type cue that names the type
	kindWeak   // doc type cue that only suggests it; a theme's weak term
)

// target is what a matched phrase points to.
type target struct {
	facet string // search.Facet*
	code  string
	ref   string // GCM action, e.g. "10(c)"
	kind  int
	term  string // the taxonomy's spelling, reported as evidence
}

// phrase is one lexicon entry, folded and split into words.
type phrase struct {
	words []string
	// ids are the words' numbers in the matcher's vocabulary.
	ids     []int32
	targets []target
}

// vocab numbers the words of a lexicon's phrases from 1, so that a
// document's words are looked up once and then matched by number in every
// matcher; 0 stands for any word no phrase contains.
type vocab struct {
	ids map[string]int32
}

func newVocab() *vocab { return &vocab{ids: map[string]int32{}} }

// add returns the numbers of words, numbering the new ones.
func (v *vocab) add(words []string) []int32 {
	out := make([]int32, len(words))
	for i, w := range words {
		id, ok := v.ids[w]
		if !ok {
			id = int32(len(v.ids) + 1)
			v.ids[w] = id
		}
		out[i] = id
	}
	return out
}

// lookup appends to out the number of every token of toks, 0 for a word
// of no phrase.
func (v *vocab) lookup(toks []string, out []int32) []int32 {
	out = slices.Grow(out, len(toks))
	for _, t := range toks {
		out = append(out, v.ids[t])
	}
	return out
}

// matcher finds the lexicon's phrases in a token stream, longest first.
// Blockers are phrases that contain a term without meaning it ("Niger
// Delta", "in return"); they win over any phrase they overlap.
type matcher struct {
	// words numbers the phrases' words; the matchers of a lexicon share
	// it.
	words *vocab
	// byFirst and blockFirst hold, by the number of a phrase's first
	// word, the phrases (blockers) starting with it, longest first.
	byFirst, blockFirst [][]*phrase
}

// hit is one occurrence of a phrase.
type hit struct {
	p   *phrase
	pos int
}

func newMatcher(words *vocab) *matcher {
	return &matcher{words: words}
}

// add registers term for t. A term already registered (after folding) gains
// t as a further target unless it has one for the same facet and code.
func (m *matcher) add(term string, t target) {
	words := tokens(term)
	if len(words) == 0 {
		return
	}
	ids := m.words.add(words)
	for _, p := range startingWith(m.byFirst, ids[0]) {
		if slices.Equal(p.ids, ids) {
			for i, old := range p.targets {
				if old.facet == t.facet && old.code == t.code {
					// Keep the more specific evidence: an action ref
					// beats none, a name beats a demonym.
					if (old.ref == "" && t.ref != "") || t.kind < old.kind {
						p.targets[i] = t
					}
					return
				}
			}
			p.targets = append(p.targets, t)
			return
		}
	}
	m.byFirst = insert(m.byFirst, &phrase{words: words, ids: ids, targets: []target{t}})
}

// addBlocker registers a phrase that tags nothing and hides the terms it
// overlaps.
func (m *matcher) addBlocker(s string) {
	if words := tokens(s); len(words) > 0 {
		m.blockFirst = insert(m.blockFirst, &phrase{words: words, ids: m.words.add(words)})
	}
}

// startingWith returns the phrases of index whose first word is id.
func startingWith(index [][]*phrase, id int32) []*phrase {
	if int(id) < len(index) {
		return index[id]
	}
	return nil
}

func insert(index [][]*phrase, p *phrase) [][]*phrase {
	first := int(p.ids[0])
	if first >= len(index) {
		index = append(index, make([][]*phrase, first+1-len(index))...)
	}
	list := append(index[first], p)
	slices.SortStableFunc(list, func(a, b *phrase) int { return len(b.words) - len(a.words) })
	index[first] = list
	return index
}

// longestAt returns the longest phrase of index found at ids[i], or nil.
func longestAt(index [][]*phrase, ids []int32, i int) *phrase {
	for _, p := range startingWith(index, ids[i]) {
		if len(p.ids) <= len(ids)-i && equalAt(ids, i, p.ids) {
			return p
		}
	}
	return nil
}

// find appends to out the non-overlapping phrase occurrences in toks,
// preferring at each position the longest phrase, and skipping any that
// overlaps a blocker.
func (m *matcher) find(toks []string, out []hit) []hit {
	return m.findIDs(m.words.lookup(toks, nil), out)
}

// findIDs is find on the tokens' numbers in the matcher's vocabulary.
func (m *matcher) findIDs(ids []int32, out []hit) []hit {
	var blocked []bool
	for i := 0; i < len(ids); {
		p := longestAt(m.blockFirst, ids, i)
		if p == nil {
			i++
			continue
		}
		if blocked == nil {
			blocked = make([]bool, len(ids))
		}
		for j := range p.ids {
			blocked[i+j] = true
		}
		i += len(p.ids)
	}
	for i := 0; i < len(ids); {
		if blocked != nil && blocked[i] {
			i++
			continue
		}
		n := 1
		for _, p := range startingWith(m.byFirst, ids[i]) {
			if len(p.ids) > len(ids)-i || !equalAt(ids, i, p.ids) {
				continue
			}
			if blocked != nil && slices.Contains(blocked[i:i+len(p.ids)], true) {
				continue // a shorter phrase may still fit before the blocker
			}
			out = append(out, hit{p: p, pos: i})
			n = len(p.ids)
			break
		}
		i += n
	}
	return out
}

func equalAt[T comparable](toks []T, i int, words []T) bool {
	for j, w := range words {
		if toks[i+j] != w {
			return false
		}
	}
	return true
}

// lexicon holds the compiled matchers, built once from the taxonomy.
type lexicon struct {
	// words numbers the words of every matcher's phrases and the stop
	// words.
	words *vocab
	// stopLang holds by word number the 1-based index in stopLangs of
	// the language a stop word marks, 0 for other words.
	stopLang []int8
	// compact is true by word number for the words of compactWords.
	compact []bool
	geo     *matcher // countries, REG, and phrases that are not countries
	// geoLang holds, by language, geo with the country names of that
	// language only (taxonomy.Country.LangAliases).
	geoLang map[string]*matcher
	// concept holds one matcher per concept facet (themes, GCM objectives
	// and actions, principles), each with the phrases that are none: the
	// facets are matched independently, so that a theme's phrase
	// ("campaña de comunicación") does not hide an objective's phrase it
	// overlaps ("comunicación para el desarrollo").
	concept map[string]*matcher
	types   *matcher // document type cues
	// fileCues maps a file-name token to document type codes.
	fileCues map[string][]string
	// typeRank orders type codes for ties (taxonomy order).
	typeRank map[string]int
	// programme holds the codes of the programme region's countries.
	programme map[string]bool
	// groups maps a country group's code to its members.
	groups map[string][]string
}

var (
	lexOnce sync.Once
	lex     *lexicon
)

// buildGeo compiles the matcher of countries, groups and the phrases that
// are not countries over words, with the country names of language lang
// (taxonomy.Country.LangAliases; none when lang is "").
func buildGeo(words *vocab, lang string) *matcher {
	m := newMatcher(words)
	for _, c := range taxonomy.Countries() {
		if c.Code == taxonomy.CodeGlobal {
			continue // never inferred
		}
		skip := map[string]bool{}
		for _, a := range c.Ambiguous {
			skip[taxonomy.Fold(a)] = true
		}
		add := func(term string, kind int) {
			if term == "" || skip[taxonomy.Fold(term)] {
				return
			}
			m.add(term, target{facet: search.FacetCountry, code: c.Code, kind: kind, term: term})
		}
		add(c.Name.EN, kindName)
		add(c.Name.ES, kindName)
		add(c.Name.FR, kindName)
		for _, a := range c.Aliases {
			add(a, kindName)
		}
		for _, d := range c.Demonyms {
			add(d, kindDemonym)
		}
		for _, cap := range c.Capitals {
			add(cap, kindCapital)
		}
		for _, p := range c.Places {
			add(p, kindPlace)
		}
		for _, a := range c.LangAliases[lang] {
			add(a, kindName)
		}
	}
	for _, g := range taxonomy.Groups() {
		for _, term := range g.Names.All() {
			m.add(term, target{facet: facetGroup, code: g.Code, kind: kindName, term: term})
		}
	}
	for _, s := range taxonomy.NotCountries {
		m.addBlocker(s)
	}
	return m
}

// compiled returns the lexicon, compiling it on first use.
func compiled() *lexicon {
	lexOnce.Do(func() { lex = compile() })
	return lex
}

func compile() *lexicon {
	words := newVocab()
	l := &lexicon{
		words: words, geoLang: map[string]*matcher{}, types: newMatcher(words),
		concept: map[string]*matcher{
			search.FacetTheme: newMatcher(words), search.FacetGCM: newMatcher(words), search.FacetPrinciple: newMatcher(words),
		},
		fileCues: map[string][]string{}, typeRank: map[string]int{}, programme: map[string]bool{},
		groups: map[string][]string{},
	}
	for _, c := range taxonomy.Countries() {
		if c.Programme {
			l.programme[c.Code] = true
		}
		for lang := range c.LangAliases {
			if l.geoLang[lang] == nil {
				l.geoLang[lang] = buildGeo(words, lang)
			}
		}
	}
	for _, g := range taxonomy.Groups() {
		l.groups[g.Code] = g.Members
	}
	l.geo = buildGeo(words, "")
	for _, m := range l.concept {
		for _, s := range taxonomy.NotConcepts {
			m.addBlocker(s)
		}
	}
	for _, t := range taxonomy.Themes() {
		for _, term := range t.Terms.All() {
			l.concept[search.FacetTheme].add(term, target{facet: search.FacetTheme, code: t.Code, term: term})
		}
		for _, term := range t.WeakTerms.All() {
			l.concept[search.FacetTheme].add(term, target{facet: search.FacetTheme, code: t.Code, kind: kindWeak, term: term})
		}
	}
	for _, o := range taxonomy.Objectives() {
		code := strconv.Itoa(o.Number)
		for _, term := range o.Terms.All() {
			l.concept[search.FacetGCM].add(term, target{facet: search.FacetGCM, code: code, term: term})
		}
		for _, a := range o.Actions {
			ref := code + "(" + a.Letter + ")"
			for _, term := range a.Terms.All() {
				l.concept[search.FacetGCM].add(term, target{facet: search.FacetGCM, code: code, ref: ref, term: term})
			}
		}
	}
	for _, p := range taxonomy.Principles() {
		for _, term := range p.Terms.All() {
			l.concept[search.FacetPrinciple].add(term, target{facet: search.FacetPrinciple, code: p.Code, term: term})
		}
	}
	for i, d := range taxonomy.DocTypes() {
		l.typeRank[d.Code] = i
		for _, term := range d.Terms.All() {
			l.types.add(term, target{facet: search.FacetType, code: d.Code, kind: kindStrong, term: term})
		}
		for _, term := range d.WeakTerms.All() {
			l.types.add(term, target{facet: search.FacetType, code: d.Code, kind: kindWeak, term: term})
		}
		for _, cue := range d.FileCues {
			cue = strings.ToLower(cue)
			l.fileCues[cue] = append(l.fileCues[cue], d.Code)
		}
	}
	l.stopLang = stopLangIndex(words)
	for w, ok := range compactWords {
		if !ok {
			continue
		}
		id := int(words.add([]string{w})[0])
		if id >= len(l.compact) {
			l.compact = append(l.compact, make([]bool, id+1-len(l.compact))...)
		}
		l.compact[id] = true
	}
	return l
}

// geoFor returns the country matcher of a document in language lang.
func (l *lexicon) geoFor(lang string) *matcher {
	if m := l.geoLang[lang]; m != nil {
		return m
	}
	return l.geo
}
