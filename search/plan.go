package search

import (
	"strconv"
	"strings"
)

// A Plan is a parsed query compiled into what an engine evaluates: which
// words, prefixes, phrases and facet values match, in which text fields,
// how clauses combine and how much each weighs. Every ranking rule of Faro
// lives in Compile; engines read the plan and add nothing of their own
// (they do the per-language analysis of its texts and the BM25 arithmetic
// of a term in a field).
//
// Scoring semantics, which every evaluator implements:
//   - ClauseWord: a document matches when its language's fields of Fields
//     hold every term the language's analyser makes of Text. Each term is
//     scored by BM25F: its frequency in each field times the field's
//     Boost (a weight) over the field's length part, summed over the
//     fields and saturated once, times idf²; the terms' scores are
//     summed, times the clause's Boost (times ForeignBoost in the fields
//     of a language not in Langs). A term's document frequency is
//     summed over the languages (each language's the most of one field);
//     under a ClauseMax, every word of it scores with the frequency of
//     the word and its translations as one.
//   - ClausePrefix: as ClauseWord with each term starting with Text (folded);
//     the terms combine as ClauseAny does.
//   - ClausePhrase: a document matches when a field of Fields holds the
//     analysed terms of Text at their relative positions within one page;
//     it is scored as its words are (ClauseWord), times Boost.
//   - ClauseFacet: the documents holding Facet:Value, scored as a term of
//     a one-field index of facet values.
//   - ClauseAny: the union; the sum of the matching children's scores
//     times matched/len(Children).
//   - ClauseMax: the union; the best of the matching children's scores
//     (a word and its translations: matching several is no better than
//     one, so a document holding only the word typed loses nothing).
//   - ClausePrefer: the union; a document matching the first child (a
//     quoted phrase as typed) scores RelaxedTier plus the sum of the
//     matching children's scores, one matching only the others (its
//     translations) the best of theirs: the user's own phrase ranks first.
//   - ClauseBool: the documents matching every Must (every document when
//     there is none and no Some, scored 1), at least MinSome of Some, and
//     no Not; the score of the Musts summed, plus the Some children's
//     scores summed times the share of them matched and RelaxedTier when
//     all match, or those matched weigh TierShare of their idf summed (so
//     documents with all the informative words rank first, then those
//     with most of them by how much of the query they cover and how well),
//     plus the score of the Should children taken as one ClauseAny.
//   - ClauseAll: every document, scored 1.
type Plan struct {
	Root *Clause
	// Browse is set when the query has no words: hits are ordered by
	// date, newest first, unless a sort says otherwise.
	Browse bool
	// Marks are the words and phrases a hit's text is highlighted with.
	Marks []Mark
	// Lang is the language the query was guessed to be typed in
	// (GuessLanguage), "" when its words do not tell.
	Lang string
	// key is the plan's canonical text (Key).
	key string
}

// ClauseKind says what a Clause matches.
type ClauseKind uint8

// Clause kinds; see Plan for their semantics.
const (
	ClauseAll ClauseKind = iota
	ClauseWord
	ClausePrefix
	ClausePhrase
	ClauseFacet
	ClauseAny
	ClauseMax
	ClauseBool
	ClausePrefer
)

// TextField is a kind of text field; engines hold one per language.
type TextField uint8

// Text fields.
const (
	FieldTitle TextField = iota
	FieldSummary
	FieldBody
)

// String names the field kind.
func (f TextField) String() string {
	switch f {
	case FieldTitle:
		return "title"
	case FieldSummary:
		return "summary"
	}
	return "body"
}

// Weighted is a text field with the weight of its matches.
type Weighted struct {
	Field TextField
	Boost float64
}

// Clause is one node of a Plan.
type Clause struct {
	Kind ClauseKind
	// Text is the word, prefix or phrase (ClauseWord, ClausePrefix,
	// ClausePhrase) as the user typed it; engines analyse it per field.
	Text string
	// Fields are where Text is searched, with their boosts.
	Fields []Weighted
	// Boost weighs a ClauseWord's, ClausePrefix's or ClausePhrase's
	// score (a translation weighs less than the word typed); 0 counts as
	// 1. Fields' boosts are weights inside BM25F's saturation.
	Boost float64
	// Langs, when set, are the languages the words of a ClauseWord,
	// ClausePrefix or ClausePhrase are words of: the one the query was
	// typed in (GuessLanguage) and those whose vocabulary also holds
	// them (WordLanguages). Their matches in the fields of another of
	// the QueryLanguages weigh ForeignBoost more: English "pay" is not
	// French "pays", though the French analyser makes one term of both.
	// Words no vocabulary knows (names) and translations have none.
	Langs []string
	// Typos is how many edits (Damerau-Levenshtein, on folded forms) a
	// ClauseWord forgives when the word itself is in no document: a
	// corrected word is searched instead, at TypoBoost.
	Typos int
	// Facet and Value name a facet value (ClauseFacet).
	Facet, Value string
	// Children of a ClauseAny or ClauseMax.
	Children []*Clause
	// Must, Should and Not of a ClauseBool.
	Must, Should, Not []*Clause
	// Some of a ClauseBool: at least MinSome of them must match.
	Some    []*Clause
	MinSome int
}

// Ranking rules.
const (
	// TitleWeight, SummaryWeight and BodyWeight weigh an occurrence of a
	// word or phrase by where it stands, inside BM25F's one saturation
	// over the fields: a title names what a document is about in a few
	// words. On half A of the real judged set (nDCG@10, k1 200) title
	// and summary at 10 and 5 gave 0.754, at 30 and 20 0.774, at 100 and
	// 50 0.769.
	TitleWeight   = 30
	SummaryWeight = 20
	BodyWeight    = 1
	// SynonymBoost weighs a match of a synonym or translation (in any
	// field) against a match of the user's own words.
	SynonymBoost = 0.8
	// DictionaryBoost weighs a match of a translation from a bilingual
	// dictionary (UseDictionary): general dictionaries know more senses
	// of a word than the domain list, so their translations weigh less
	// (on half A of the real judged set, 0.2 to 0.5 score within 0.002).
	DictionaryBoost = 0.35
	// ProximityBoost weighs the optional phrase of a query's words.
	ProximityBoost = 0.5
	// MaxProximityWords is the longest run of words given a proximity
	// phrase: a long run rarely stands verbatim in a document.
	MaxProximityWords = 4
	// TypoBoost weighs a match of a corrected word against an exact one.
	TypoBoost = 0.5
	// ForeignBoost weighs a match of a word as typed in the fields of a
	// language it is not a word of (Clause.Langs): the same letters in
	// another language are most often another word ("pay", "pays"), and
	// the word's translations, weighed as such, carry cross-language
	// retrieval. On half A of the real judged set (nDCG@10; 0.782 with
	// every language alike) 0.1, 0.25, 0.35, 0.5 gave 0.792, 0.788,
	// 0.786, 0.783, half B 0.799, 0.801, 0.795, 0.793; 0.1 costs the
	// boolean queries (0.936 against 0.954).
	ForeignBoost = 0.25
	// RelaxedTier is what a document holding all the words of a relaxed
	// query (or a quoted phrase as typed, not only its translations) adds
	// to its score: more than any BM25 sum, so that those documents rank
	// first. Below it, documents holding some of the words rank by their
	// scores times the share of the words they hold (a coordination factor,
	// as Lucene's classic similarity and Xapian's OR have): on the real
	// judged set, one tier per matched word gave 0.719 nDCG@10, the share
	// 0.740, tuned on half A of the queries and checked on half B.
	RelaxedTier = 1e6
	// TierShare is the share of a relaxed query's weight a document must
	// hold to rank with those holding all its words, each word weighing
	// its idf (its document frequency counting its translations): a
	// document missing only a word most documents hold ("do", "face")
	// is as good an answer as one holding it, as Meilisearch's
	// `frequency` matching strategy and Lucene's common-terms cutoff have
	// it. Tuned on half A of the real judged set (nDCG@10; 0.804 with
	// every word required for the tier): 0.8, 0.85, 0.88, 0.9, 0.92
	// gave 0.788, 0.797, 0.798, 0.810, 0.804; half B 0.826, 0.825, 0.824,
	// 0.824, 0.824 (0.824 before).
	TierShare = 0.9
)

var (
	wordFields      = []Weighted{{FieldTitle, TitleWeight}, {FieldSummary, SummaryWeight}, {FieldBody, BodyWeight}}
	wordTitleFields = []Weighted{{FieldTitle, TitleWeight}}
	// Summaries are short: their words stand together anyway.
	proximityFields = []Weighted{{FieldTitle, TitleWeight}, {FieldBody, BodyWeight}}
)

// Widest returns the plan with its words typed side by side all made
// optional but one (MinSome 1), or nil when it has no such words or
// already is: what a search falls back to rather than answer nothing.
func (p *Plan) Widest() *Plan {
	if p.Root.Kind != ClauseBool || len(p.Root.Some) == 0 || p.Root.MinSome <= 1 {
		return nil
	}
	root := *p.Root
	root.MinSome = 1
	w := *p
	w.Root = &root
	var b strings.Builder
	w.Root.write(&b)
	w.key = b.String()
	return &w
}

// Key is the plan's canonical text: two plans with the same key match and
// rank alike.
func (p *Plan) Key() string { return p.key }

// write appends the clause's canonical text to b.
func (c *Clause) write(b *strings.Builder) {
	switch c.Kind {
	case ClauseAll:
		b.WriteString("*")
	case ClauseWord, ClausePrefix, ClausePhrase:
		switch c.Kind {
		case ClauseWord:
			b.WriteString("word(")
		case ClausePrefix:
			b.WriteString("prefix(")
		default:
			b.WriteString("phrase(")
		}
		b.WriteString(strconv.Quote(c.Text))
		if c.Typos > 0 {
			b.WriteString("~" + strconv.Itoa(c.Typos))
		}
		for _, f := range c.Fields {
			b.WriteString(" " + f.Field.String() + "^" + strconv.FormatFloat(f.Boost, 'g', -1, 64))
		}
		if c.Boost != 0 && c.Boost != 1 {
			b.WriteString(" boost=" + strconv.FormatFloat(c.Boost, 'g', -1, 64))
		}
		if len(c.Langs) > 0 {
			b.WriteString(" lang=" + strings.Join(c.Langs, ","))
		}
		b.WriteString(")")
	case ClauseFacet:
		b.WriteString("facet(" + strconv.Quote(c.Facet+":"+c.Value) + ")")
	case ClauseAny:
		writeList(b, "any", c.Children)
	case ClauseMax:
		writeList(b, "max", c.Children)
	case ClausePrefer:
		writeList(b, "prefer", c.Children)
	case ClauseBool:
		b.WriteString("bool(")
		writeList(b, "must", c.Must)
		if len(c.Some) > 0 {
			b.WriteString(" some>=" + strconv.Itoa(c.MinSome))
			writeList(b, "", c.Some)
		}
		writeList(b, "should", c.Should)
		writeList(b, "not", c.Not)
		b.WriteString(")")
	}
}

// Key is the clause's canonical text: two clauses with the same key
// match and score alike over the same documents.
func (c *Clause) Key() string {
	var b strings.Builder
	c.write(&b)
	return b.String()
}

func writeList(b *strings.Builder, name string, cs []*Clause) {
	if len(cs) == 0 && name != "any" && name != "max" && name != "prefer" {
		return
	}
	if name == "should" || name == "not" {
		b.WriteString(" ")
	}
	b.WriteString(name + "(")
	for i, c := range cs {
		if i > 0 {
			b.WriteString(" ")
		}
		c.write(b)
	}
	b.WriteString(")")
}

// String is the plan's canonical text.
func (p *Plan) String() string { return p.key }

// IsFacet reports whether name is one of Facets.
func IsFacet(name string) bool {
	for _, f := range Facets {
		if f == name {
			return true
		}
	}
	return false
}
