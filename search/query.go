package search

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Node is a parsed query: Term, Phrase, And, Or, Not or MatchAll.
//
// Faro's query language:
//
//	migración                  a word (analysed per language, accents optional)
//	"plan your life"           a phrase
//	migra*                     a prefix
//	trata AND honduras         both (AND is also implied between words)
//	trata OR trafficking       either
//	NOT smuggling, -smuggling  exclude
//	+trata                     require (same as a bare word)
//	(trata OR trafficking) AND niñez
//	title:campaña  country:HND  gcm:10  theme:c4d  type:guide  lang:es  year:2019
//
// Operators are upper-case; lower-case "and", "or", "not" are words.
type Node interface{ node() }

// Term matches a word, or a prefix when Prefix is set. Field is "" for the
// text fields or one of QueryFields. Required is set by "+word": the word
// stays required when a query's other words are relaxed.
type Term struct {
	Field    string
	Text     string
	Prefix   bool
	Required bool
}

// Phrase matches words in order.
type Phrase struct {
	Field string
	Text  string
}

// And matches when every child matches. Explicit is set when the user
// wrote AND between them; words only typed side by side may be relaxed
// (see Compile).
type And struct {
	Nodes    []Node
	Explicit bool
}

// Or matches when any child matches.
type Or struct{ Nodes []Node }

// Not excludes what its child matches.
type Not struct{ Node Node }

// MatchAll matches every document.
type MatchAll struct{}

func (Term) node()     {}
func (Phrase) node()   {}
func (And) node()      {}
func (Or) node()       {}
func (Not) node()      {}
func (MatchAll) node() {}

// QueryFields are the field names accepted before a colon: title and the
// facets in the order they are shown.
var QueryFields = func() []string {
	out := []string{"title"}
	for _, f := range shown {
		out = append(out, f.Name)
	}
	return out
}()

// MaxQueryLen bounds the query text in bytes.
const MaxQueryLen = 1000

// maxDepth bounds parenthesis nesting.
const maxDepth = 20

// ParseQuery parses text in Faro's query language. Empty text gives
// MatchAll. Errors are *QueryError with the position of the problem.
func ParseQuery(text string) (Node, error) {
	if len(text) > MaxQueryLen {
		return nil, queryErr("too_long", strconv.Itoa(MaxQueryLen), -1)
	}
	if !utf8.ValidString(text) {
		return nil, queryErr("utf8", "", -1)
	}
	toks, err := lex(text)
	if err != nil {
		return nil, err
	}
	if len(toks) == 0 {
		return MatchAll{}, nil
	}
	p := &parser{toks: toks, end: len(text)}
	n, err := p.parseOr(0)
	if err != nil {
		return nil, err
	}
	if p.i < len(p.toks) {
		t := p.toks[p.i]
		return nil, queryErr("unexpected", t.describe(), t.pos)
	}
	return n, nil
}

type tokKind int

const (
	tWord tokKind = iota
	tPhrase
	tLParen
	tRParen
	tAnd
	tOr
	tNot
	tMinus
	tPlus
)

type token struct {
	kind  tokKind
	text  string
	field string
	pos   int
}

func (t token) describe() string {
	switch t.kind {
	case tLParen:
		return `"("`
	case tRParen:
		return `")"`
	case tAnd, tOr, tNot:
		return t.text
	case tPhrase:
		return `phrase "` + t.text + `"`
	}
	return `"` + t.text + `"`
}

func lex(s string) ([]token, error) {
	var toks []token
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += w
		case r == '(':
			toks = append(toks, token{kind: tLParen, pos: i})
			i++
		case r == ')':
			toks = append(toks, token{kind: tRParen, pos: i})
			i++
		case r == '"':
			end := strings.IndexByte(s[i+1:], '"')
			if end < 0 {
				return nil, queryErr("unclosed_quote", "", i)
			}
			toks = append(toks, token{kind: tPhrase, text: s[i+1 : i+1+end], pos: i})
			i += end + 2
		case (r == '-' || r == '+') && (len(toks) == 0 || i == 0 || isBoundary(s[i-1])):
			k := tMinus
			if r == '+' {
				k = tPlus
			}
			if i+1 >= len(s) || isBoundary(s[i+1]) || s[i+1] == ')' {
				// A lone sign is punctuation, not an operator.
				i++
				continue
			}
			toks = append(toks, token{kind: k, pos: i})
			i++
		default:
			start := i
			for i < len(s) {
				r, w := utf8.DecodeRuneInString(s[i:])
				if unicode.IsSpace(r) || r == '(' || r == ')' || r == '"' {
					break
				}
				i += w
			}
			word := s[start:i]
			// field:"a phrase"
			if strings.HasSuffix(word, ":") && i < len(s) && s[i] == '"' {
				field := strings.TrimSuffix(word, ":")
				if !knownField(field) {
					return nil, unknownField(field, start)
				}
				end := strings.IndexByte(s[i+1:], '"')
				if end < 0 {
					return nil, queryErr("unclosed_quote", "", i)
				}
				toks = append(toks, token{kind: tPhrase, field: strings.ToLower(field), text: s[i+1 : i+1+end], pos: start})
				i += end + 2
				continue
			}
			switch word {
			case "AND", "&&":
				toks = append(toks, token{kind: tAnd, text: "AND", pos: start})
				continue
			case "OR", "||":
				toks = append(toks, token{kind: tOr, text: "OR", pos: start})
				continue
			case "NOT":
				toks = append(toks, token{kind: tNot, text: "NOT", pos: start})
				continue
			}
			// Punctuation people type around words ("¿cómo", "viaje?",
			// "Honduras,") is not syntax.
			lead := len(word)
			word = trimPunct(word)
			if word == "" {
				continue
			}
			lead -= len(strings.TrimLeftFunc(s[start:i], isPunct))
			t := token{kind: tWord, text: word, pos: start + lead}
			if c := strings.IndexByte(word, ':'); c > 0 && c < len(word)-1 {
				field := word[:c]
				if isFieldName(field) {
					if !knownField(field) {
						return nil, unknownField(field, start)
					}
					t.field = strings.ToLower(field)
					t.text = word[c+1:]
				}
			}
			toks = append(toks, t)
		}
	}
	return toks, nil
}

// isPunct reports whether r is punctuation or a symbol that is never part
// of a query word's edge: question and exclamation marks, commas, stops,
// quotes of other kinds, dashes. "*" (a prefix), "-" and "'" inside words,
// and ":" of field terms are handled by the callers.
func isPunct(r rune) bool {
	switch r {
	case '*', '_', '#', '@', '&', '%', '$', '+':
		return false
	}
	return unicode.IsPunct(r) || unicode.IsSymbol(r)
}

// trimPunct removes punctuation from both ends of a word, keeping a final
// "*" (a prefix search).
func trimPunct(w string) string {
	w = strings.TrimLeftFunc(w, isPunct)
	star := strings.HasSuffix(strings.TrimRightFunc(w, isPunct), "*")
	w = strings.TrimRightFunc(w, func(r rune) bool { return isPunct(r) || r == '*' })
	if star && w != "" {
		w += "*"
	}
	return w
}

func isBoundary(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '(' }

func isFieldName(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '_') {
			return false
		}
	}
	return true
}

func knownField(f string) bool {
	f = strings.ToLower(f)
	for _, k := range QueryFields {
		if k == f {
			return true
		}
	}
	return false
}

func unknownField(f string, pos int) error {
	return queryErr("unknown_field", `"`+f+`" (`+strings.Join(QueryFields, ", ")+`)`, pos)
}

type parser struct {
	toks []token
	i    int
	end  int
}

func (p *parser) peek() (token, bool) {
	if p.i < len(p.toks) {
		return p.toks[p.i], true
	}
	return token{}, false
}

func (p *parser) parseOr(depth int) (Node, error) {
	first, err := p.parseAnd(depth)
	if err != nil {
		return nil, err
	}
	nodes := []Node{first}
	for {
		t, ok := p.peek()
		if !ok || t.kind != tOr {
			break
		}
		p.i++
		n, err := p.parseAnd(depth)
		if err != nil {
			return nil, err
		}
		nodes = append(nodes, n)
	}
	if len(nodes) == 1 {
		return first, nil
	}
	return Or{Nodes: nodes}, nil
}

func (p *parser) parseAnd(depth int) (Node, error) {
	var nodes []Node
	explicit := false
	for {
		t, ok := p.peek()
		if !ok || t.kind == tOr || t.kind == tRParen {
			break
		}
		if t.kind == tAnd {
			if len(nodes) == 0 {
				return nil, queryErr("and_before", "", t.pos)
			}
			p.i++
			if n, ok := p.peek(); !ok || n.kind == tOr || n.kind == tRParen || n.kind == tAnd {
				return nil, queryErr("and_after", "", t.pos)
			}
			explicit = true
			continue
		}
		n, err := p.parseUnary(depth)
		if err != nil {
			return nil, err
		}
		nodes = append(nodes, n)
	}
	if len(nodes) == 0 {
		pos := p.end
		if t, ok := p.peek(); ok {
			pos = t.pos
		}
		if p.i > 0 && p.toks[p.i-1].kind == tOr {
			return nil, queryErr("or_after", "", p.toks[p.i-1].pos)
		}
		if t, ok := p.peek(); ok && t.kind == tOr {
			return nil, queryErr("or_before", "", t.pos)
		}
		return nil, queryErr("expected_term", "", pos)
	}
	if len(nodes) == 1 {
		return nodes[0], nil
	}
	return And{Nodes: nodes, Explicit: explicit}, nil
}

func (p *parser) parseUnary(depth int) (Node, error) {
	t, _ := p.peek()
	switch t.kind {
	case tNot, tMinus:
		p.i++
		if n, ok := p.peek(); !ok || n.kind == tOr || n.kind == tRParen || n.kind == tAnd {
			name := "NOT"
			if t.kind == tMinus {
				name = `"-"`
			}
			return nil, queryErr("not_after", name, t.pos)
		}
		n, err := p.parseUnary(depth)
		if err != nil {
			return nil, err
		}
		return Not{Node: n}, nil
	case tPlus:
		p.i++
		n, err := p.parseUnary(depth)
		if t, ok := n.(Term); ok && err == nil {
			t.Required = true
			n = t
		}
		return n, err
	}
	return p.parsePrimary(depth)
}

func (p *parser) parsePrimary(depth int) (Node, error) {
	t, _ := p.peek()
	p.i++
	switch t.kind {
	case tLParen:
		if depth >= maxDepth {
			return nil, queryErr("too_deep", "", t.pos)
		}
		if n, ok := p.peek(); ok && n.kind == tRParen {
			return nil, queryErr("empty_parens", "", t.pos)
		}
		n, err := p.parseOr(depth + 1)
		if err != nil {
			return nil, err
		}
		c, ok := p.peek()
		if !ok || c.kind != tRParen {
			return nil, queryErr("unclosed_paren", "", t.pos)
		}
		p.i++
		return n, nil
	case tPhrase:
		return makePhrase(t)
	case tWord:
		return makeTerm(t)
	}
	return nil, queryErr("unexpected", t.describe(), t.pos)
}

func makePhrase(t token) (Node, error) {
	words := strings.Fields(t.text)
	if len(words) == 0 {
		return nil, queryErr("empty_phrase", "", t.pos)
	}
	if t.field != "" && t.field != "title" {
		return makeTerm(token{kind: tWord, field: t.field, text: strings.Join(words, " "), pos: t.pos})
	}
	if len(words) == 1 {
		return Term{Field: t.field, Text: words[0]}, nil
	}
	return Phrase{Field: t.field, Text: strings.Join(words, " ")}, nil
}

func makeTerm(t token) (Node, error) {
	text := t.text
	prefix := false
	if strings.HasSuffix(text, "*") {
		text = strings.TrimRight(text, "*")
		prefix = true
		if utf8.RuneCountInString(text) < 2 {
			return nil, queryErr("short_prefix", "", t.pos)
		}
	}
	if strings.Contains(text, "*") {
		return nil, queryErr("star_inside", "", t.pos)
	}
	switch t.field {
	case "", "title":
		return Term{Field: t.field, Text: text, Prefix: prefix}, nil
	}
	if prefix {
		return nil, queryErr("prefix_on_field", t.field, t.pos)
	}
	v, err := NormalizeFilter(t.field, text)
	if err != nil {
		return nil, &QueryError{Msg: err.Error(), Pos: t.pos}
	}
	return Term{Field: t.field, Text: v}, nil
}
