package search

import "strings"

// questionWords are the words that make a sentence a question in the
// languages Faro serves, folded. A question's content is in its other
// words: these are never required and never the reason a document ranks
// ("¿cuánto cuesta migrar?" searches cuesta, migrar). Words that also carry
// content in another language ("como": as, like) are kept out.
var questionWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		what which who whom whose when where why how much many does do did is are can could should would
		que qué cual cuál cuales cuáles quien quién quienes quiénes cuando cuándo donde dónde adonde adónde
		porque por cómo cuanto cuánto cuanta cuánta cuantos cuántos cuantas cuántas hay
		quoi quel quelle quels quelles qui quand où pourquoi comment combien est-ce
		qual quais quem onde quanto quanta quantos quantas`) {
		m[Fold(w)] = true
	}
	return m
}()

// IsQuestionWord reports whether w is a question word.
func IsQuestionWord(w string) bool { return questionWords[Fold(w)] }

// dropQuestionWords removes the question words typed side by side with
// other words: a question's bare words, unless nothing else remains.
func dropQuestionWords(n Node) Node {
	switch n := n.(type) {
	case And:
		if n.Explicit {
			return n
		}
		var kept []Node
		for _, x := range n.Nodes {
			if t, ok := x.(Term); ok && t.Field == "" && !t.Prefix && !t.Required && IsQuestionWord(t.Text) {
				continue
			}
			kept = append(kept, dropQuestionWords(x))
		}
		switch len(kept) {
		case 0:
			return n
		case 1:
			return kept[0]
		}
		return And{Nodes: kept}
	case Or:
		out := Or{Nodes: make([]Node, len(n.Nodes))}
		for i, x := range n.Nodes {
			out.Nodes[i] = dropQuestionWords(x)
		}
		return out
	case Not:
		return Not{Node: dropQuestionWords(n.Node)}
	}
	return n
}
