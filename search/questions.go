package search

// questionWords are the words that make a sentence a question in any of
// the languages Faro serves (questionWordsIn, folded). A question's content
// is in its other words: these are never required and never the reason a
// document ranks ("¿cuánto cuesta migrar?" searches cuesta, migrar).
var questionWords = func() map[string]bool {
	m := map[string]bool{}
	for _, words := range questionWordsIn {
		for w := range words {
			m[w] = true
		}
	}
	return m
}()

// whatWords ask "what" (folded): the question words questionVerbs follow.
var whatWords = map[string]bool{"que": true, "what": true, "quoi": true}

// questionVerbs ask what happens: right after "what" (whatWords) they are
// part of the question ("¿qué pasa con los niños...?", "what happens to
// returnees"), not of its content, and are dropped with it. Folded.
var questionVerbs = map[string]bool{
	"pasa": true, "paso": true, "sucede": true, "sucedio": true, "ocurre": true, "ocurrio": true,
	"happens": true, "happened": true, "happen": true,
	"passe": true, "arrive": true,
	"acontece": true, "aconteceu": true,
}

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
		asked := false // the word before was "what", dropped
		for _, x := range n.Nodes {
			if t, ok := x.(Term); ok && t.Field == "" && !t.Prefix && !t.Required {
				if IsQuestionWord(t.Text) || asked && questionVerbs[Fold(t.Text)] {
					asked = whatWords[Fold(t.Text)]
					continue
				}
			}
			asked = false
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
