package texttable

import (
	"fmt"
	"strings"

	"faro/search"
)

// explain returns how clause c scored document n.
func (e *evaluator) explain(c *search.Clause, n uint32) *Explanation {
	s := e.trace[c]
	x := &Explanation{Message: describe(c)}
	if s != nil && s.has(n) {
		x.Value = s.score[n]
	}
	var kids []*search.Clause
	kids = append(kids, c.Children...)
	kids = append(kids, c.Must...)
	kids = append(kids, c.Some...)
	kids = append(kids, c.Should...)
	for _, k := range kids {
		if ks := e.trace[k]; ks != nil && ks.has(n) {
			x.Children = append(x.Children, e.explain(k, n))
		}
	}
	return x
}

// describe names a clause for an explanation.
func describe(c *search.Clause) string {
	switch c.Kind {
	case search.ClauseWord:
		return "word " + c.Text + " in " + fieldNames(c.Fields) + " (BM25F" + boostText(c) + ")"
	case search.ClausePrefix:
		return "prefix " + c.Text + "* in " + fieldNames(c.Fields) + " (BM25F" + boostText(c) + ")"
	case search.ClausePhrase:
		return "phrase \"" + c.Text + "\" in " + fieldNames(c.Fields) + " (its words' BM25F" + boostText(c) + ")"
	case search.ClauseFacet:
		return "facet " + c.Facet + ":" + c.Value
	case search.ClauseAny:
		return "any of (sum × matched/clauses)"
	case search.ClauseMax:
		return "the best of"
	case search.ClausePrefer:
		return fmt.Sprintf("the phrase as typed (%g plus the sum), else the best of its translations", search.RelaxedTier)
	case search.ClauseBool:
		if len(c.Some) > 0 {
			return fmt.Sprintf("at least %d of %d words (%g when all match or those matched hold %g of their idf, in one passage of a long document; their scores times the share matched), all of the required, none of the excluded, plus the optional", c.MinSome, len(c.Some), search.RelaxedTier, search.TierShare)
		}
		return "all of the required, none of the excluded, plus the optional"
	}
	return "every document"
}

// boostText names a clause's boost and its languages, if any.
func boostText(c *search.Clause) string {
	var out string
	if c.Boost != 0 && c.Boost != 1 {
		out = fmt.Sprintf(", × %g", c.Boost)
	}
	if len(c.Langs) > 0 && len(c.Langs) < len(search.QueryLanguages) {
		out += fmt.Sprintf(", × %g outside %s", search.ForeignBoost, strings.Join(c.Langs, ","))
	}
	return out
}

func fieldNames(ws []search.Weighted) string {
	var parts []string
	for _, w := range ws {
		parts = append(parts, fmt.Sprintf("%s^%g", w.Field, w.Boost))
	}
	return strings.Join(parts, ", ")
}

// Explanation is how a document's score was made: a value, what it is,
// and the parts it sums.
type Explanation struct {
	Value    float64        `json:"value"`
	Message  string         `json:"message"`
	Children []*Explanation `json:"children,omitempty"`
}
