package search

import (
	"slices"
	"strings"
	"unicode"
)

// CompileOptions are what compiling needs from the engine.
type CompileOptions struct {
	// IsStopWord reports whether some language's analyser drops word
	// entirely: such a word cannot be required, for documents in that
	// language would never match. Nil: no stop words.
	IsStopWord func(word string) bool
	// NoTypos turns typo tolerance off (typos=0).
	NoTypos bool
	// Strict requires every word typed side by side (match=all); by
	// default documents with most of the words match too, after those
	// with all of them.
	Strict bool
	// IsStopWordIn reports whether language lang's analyser drops word:
	// one clue to the language a query is typed in (GuessLanguage). Nil:
	// stop words are no clue.
	IsStopWordIn func(lang, word string) bool
}

// Compile parses text in Faro's query language and compiles it. Errors
// are *QueryError.
func Compile(text string, opts CompileOptions) (*Plan, error) {
	n, err := ParseQuery(text)
	if err != nil {
		return nil, err
	}
	return CompileNode(n, opts), nil
}

// CompileNode compiles a parsed query: synonyms and translations are
// added, then every node becomes its clause.
func CompileNode(n Node, opts CompileOptions) *Plan {
	_, browse := n.(MatchAll)
	lang := GuessLanguage(queryWords(n), opts.IsStopWordIn)
	n = dropQuestionWords(n)
	expanded := ExpandSynonyms(n)
	c := &compiler{opts: opts, lang: lang}
	p := &Plan{Root: c.clause(expanded), Browse: browse, Lang: lang, Marks: NewHighlighter(expanded).Marks()}
	if !opts.NoTypos {
		for i, m := range p.Marks {
			// As the plan's word clauses: the words typed, not their
			// alternatives.
			if !m.Phrase && !m.Prefix && !m.Alternative {
				p.Marks[i].Typos = TyposFor(m.Text)
			}
		}
	}
	var b strings.Builder
	p.Root.write(&b)
	p.key = b.String()
	return p
}

type compiler struct {
	opts CompileOptions
	// lang is the language of the words being compiled (Clause.Lang):
	// the query's for the words typed, none for their translations.
	lang string
}

func (c *compiler) clause(n Node) *Clause {
	switch n := n.(type) {
	case MatchAll:
		return &Clause{Kind: ClauseAll}
	case Term:
		if IsFacet(n.Field) {
			return &Clause{Kind: ClauseFacet, Facet: n.Field, Value: n.Text}
		}
		if n.Prefix {
			return &Clause{Kind: ClausePrefix, Text: n.Text, Fields: wordFieldsOf(n.Field), Langs: c.langsOf(n.Text)}
		}
		w := &Clause{Kind: ClauseWord, Text: n.Text, Fields: wordFieldsOf(n.Field), Langs: c.langsOf(n.Text)}
		if !c.opts.NoTypos {
			w.Typos = TyposFor(n.Text)
		}
		return w
	case Phrase:
		return &Clause{Kind: ClausePhrase, Text: n.Text, Fields: wordFieldsOf(n.Field), Langs: c.langsOf(n.Text)}
	case Or:
		out := &Clause{Kind: ClauseAny}
		for _, x := range n.Nodes {
			out.Children = append(out.Children, c.clause(x))
		}
		return single(out)
	case Alternatives:
		// The words typed, or their translations at a lower weight: the
		// best of them counts, as many of them often share a stem.
		alts := &Clause{Kind: ClauseMax}
		add := func(nodes []Node, boost float64) {
			for _, a := range nodes {
				switch a := a.(type) {
				case Term:
					// Weighed by where it stands as the words typed are,
					// then as a translation (Boost).
					alts.Children = append(alts.Children, &Clause{Kind: ClauseWord, Text: a.Text, Fields: wordFieldsOf(a.Field), Boost: boost})
				case Phrase:
					alts.Children = append(alts.Children, &Clause{Kind: ClausePhrase, Text: a.Text, Fields: wordFieldsOf(a.Field), Boost: boost})
				default:
					// A translation's words are in no language of
					// the query's.
					lang := c.lang
					c.lang = ""
					alts.Children = append(alts.Children, c.clause(a))
					c.lang = lang
				}
			}
		}
		add(n.Alts, SynonymBoost)
		add(n.Dict, DictionaryBoost)
		if _, quoted := n.Node.(Phrase); quoted {
			// A quoted phrase asks for those words: documents holding it
			// as typed rank before those holding only a translation.
			return &Clause{Kind: ClausePrefer, Children: []*Clause{c.clause(n.Node), single(alts)}}
		}
		// The best of the word and its translations: a document holding
		// both is no better than one holding the word typed.
		first := []*Clause{c.clause(n.Node)}
		for _, f := range n.Forms {
			// Forms of the word typed weigh as it does, without
			// typo tolerance of their own.
			fc := c.clause(f)
			fc.Typos = 0
			first = append(first, fc)
		}
		alts.Children = append(first, alts.Children...)
		return single(alts)
	case And:
		return c.and(n)
	case Not:
		return &Clause{Kind: ClauseBool, Not: []*Clause{c.clause(n.Node)}}
	}
	return &Clause{Kind: ClauseAll}
}

// langsOf returns the languages the words of text are words of
// (Clause.Langs): the query's and every other whose vocabulary holds
// them all; nil when the query's language is unknown or its vocabulary
// does not hold them all (names, words the dictionaries lack).
func (c *compiler) langsOf(text string) []string {
	if c.lang == "" {
		return nil
	}
	words := strings.Fields(text)
	var out []string
	for _, l := range QueryLanguages {
		all := len(words) > 0
		for _, w := range words {
			all = all && slices.Contains(WordLanguages(w, c.opts.IsStopWordIn), l)
		}
		switch {
		case all:
			out = append(out, l)
		case l == c.lang:
			return nil
		}
	}
	return out
}

// single returns a ClauseAny's or ClauseMax's only child in its place.
func single(any *Clause) *Clause {
	if len(any.Children) == 1 {
		return any.Children[0]
	}
	return any
}

// and weighs the clauses of an And: required ones summed, stop words
// optional, exclusions removed, and a bonus when the query's words stand
// together.
func (c *compiler) and(n And) *Clause {
	out := &Clause{Kind: ClauseBool}
	if words := bareRun(n.Nodes); len(words) >= 2 && len(words) <= MaxProximityWords {
		out.Should = append(out.Should, &Clause{Kind: ClausePhrase, Text: strings.Join(words, " "), Fields: proximityFields, Boost: ProximityBoost, Langs: c.langsOf(strings.Join(words, " "))})
	}
	content, relaxable := 0, 0
	for _, x := range n.Nodes {
		if !c.isStopTerm(x) {
			content++
			if c.relaxable(x) {
				relaxable++
			}
		}
	}
	// Words typed side by side need not all match: documents with some of
	// them match too, ranked after those with more of them.
	relax := !c.opts.Strict && !n.Explicit && relaxable >= 2
	for _, x := range n.Nodes {
		switch not, isNot := x.(Not); {
		case isNot:
			out.Not = append(out.Not, c.clause(not.Node))
		case content > 0 && c.isStopTerm(x):
			if c.isStopWordOfQuery(x) {
				// A function word of the query's language ("a" in
				// "su viaje a Estados Unidos") is no reason to rank
				// a document of another language where it is a
				// word ("il a").
				continue
			}
			out.Should = append(out.Should, c.clause(x))
		case relax && c.relaxable(x):
			out.Some = append(out.Some, c.clause(x))
		default:
			out.Must = append(out.Must, c.clause(x))
		}
	}
	if len(out.Some) > 0 {
		out.MinSome = minSome(len(out.Some))
	}
	if len(out.Must) == 1 && len(out.Should) == 0 && len(out.Not) == 0 && len(out.Some) == 0 {
		return out.Must[0]
	}
	return out
}

// minSome is how many of n words typed side by side a document must hold:
// a third of them, at least one. Documents with all of them rank first
// and the others by the share they hold, so a lower bound widens recall
// without costing the top of the list (measured on the real judged set: a half, 0.671 nDCG@10; a
// third, 0.697; any word, 0.713, with totals made of stray matches).
func minSome(n int) int { return max(1, (n+2)/3) }

// TyposFor is how many typos a word forgives: none under 5 letters, in
// numbers or codes (HND, C4D); one from 5 to 8 letters; two from 9.
func TyposFor(word string) int {
	n := 0
	upper := true
	for _, r := range word {
		if !unicode.IsLetter(r) {
			return 0
		}
		upper = upper && unicode.IsUpper(r)
		n++
	}
	switch {
	case upper && n <= 5, n < 5:
		return 0
	case n <= 8:
		return 1
	}
	return 2
}

// relaxable reports whether n is a word (or its translations) the user
// typed without marking it required: no field, no "+", not a phrase.
func (c *compiler) relaxable(n Node) bool {
	switch n := n.(type) {
	case Term:
		return n.Field == "" && !n.Required
	case Alternatives:
		return c.relaxable(n.Node) || isWordRun(n.Node)
	}
	return false
}

// isWordRun reports whether n is an implicit And of bare words (a
// multi-word synonym entry typed as words).
func isWordRun(n Node) bool {
	a, ok := n.(And)
	if !ok {
		return false
	}
	_, bare := bareWords(a.Nodes)
	return bare
}

// bareRun returns the words of an And's clauses when all are unfielded
// words (exclusions aside), else nil. Words with translations
// (Alternatives) get no proximity phrase: measured on both judged sets it
// changed no ranking, and phrases are the dearest clauses to evaluate.
func bareRun(nodes []Node) []string {
	var words []string
	for _, x := range nodes {
		switch t := x.(type) {
		case Term:
			if t.Field != "" || t.Prefix {
				return nil
			}
			words = append(words, t.Text)
		case Not:
			// Exclusions do not break the run.
		default:
			return nil
		}
	}
	return words
}

// isStopTerm reports whether n is a bare word that some language's
// analyser drops.
func (c *compiler) isStopTerm(n Node) bool {
	t, ok := n.(Term)
	if !ok || t.Field != "" || t.Prefix || c.opts.IsStopWord == nil {
		return false
	}
	return c.opts.IsStopWord(t.Text)
}

// isStopWordOfQuery reports whether n is a bare word that the analyser
// of the query's language drops.
func (c *compiler) isStopWordOfQuery(n Node) bool {
	t, ok := n.(Term)
	return ok && c.lang != "" && c.opts.IsStopWordIn != nil && c.opts.IsStopWordIn(c.lang, t.Text)
}

// wordFieldsOf are the fields a word is searched in, with their weights.
func wordFieldsOf(field string) []Weighted {
	if field == "title" {
		return wordTitleFields
	}
	return wordFields
}
