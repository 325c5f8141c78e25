package search

import (
	_ "embed"
	"slices"
	"strings"

	"faro/search/taxonomy"
)

//go:embed synonyms.txt
var synonymsData string

// Alternatives matches Node, or any of Alts at a lower weight: synonyms and
// translations of the words the user typed. ExpandSynonyms makes them.
type Alternatives struct {
	Node Node
	// Forms are other forms of the word typed that its stemmer does not
	// bring to its term (Forms: "paid" of "pay"), searched as the word
	// itself.
	Forms []Node
	Alts  []Node
	// Dict are translations from the bilingual dictionaries in use
	// (UseDictionary), for words the domain list does not know; they
	// weigh less (DictionaryBoost).
	Dict []Node
}

func (Alternatives) node() {}

// maxSynonymWords is the longest entry, in words, matched in unquoted text.
const maxSynonymWords = 6

// synonyms maps a folded entry ("trata de personas") to its group: the
// domain list, the short names of the Global Compact's objectives in its
// official English, Spanish and French wording, and the countries' names
// and demonyms in those languages.
var synonyms = loadSynonyms(synonymsData + gcmNames() + countrySynonyms())

// countrySynonyms returns the names and demonyms of the taxonomy's countries
// as lines of synonyms.txt, a line per country for each: "Mexico | México
// | Mexique", "Mexican | mexicano | mexicana | mexicain | mexicaine".
// Plurals are left out (the analysers stem them), as are names a country
// shares with common words or other places (Country.Ambiguous), and lines
// of one spelling.
func countrySynonyms() string {
	var b strings.Builder
	line := func(entries []string, skip []string) {
		var kept []string
		for _, e := range entries {
			if e != "" && !slices.Contains(skip, e) {
				kept = appendNew(kept, e)
			}
		}
		if len(kept) > 0 {
			b.WriteString("\n" + strings.Join(kept, " | "))
		}
	}
	for _, c := range taxonomy.Countries() {
		line([]string{c.Name.EN, c.Name.ES, c.Name.FR}, c.Ambiguous)
		if Fold(c.Name.EN) == Fold(c.Name.ES) && Fold(c.Name.EN) == Fold(c.Name.FR) {
			sharedNames[Fold(c.Name.EN)] = true
		}
		var singular []string
		for _, d := range c.Demonyms {
			if !isPluralOf(d, c.Demonyms) {
				singular = append(singular, d)
			}
		}
		line(singular, c.Ambiguous)
	}
	return b.String()
}

// sharedNames are the folded names of the countries written alike in
// English, Spanish and French ("Honduras"): words of every language.
var sharedNames = map[string]bool{}

// isPluralOf reports whether word is the plural of another entry of list
// ("mexicanos" of "mexicano", "Beninese" of none).
func isPluralOf(word string, list []string) bool {
	f := Fold(word)
	for _, suffix := range []string{"es", "s"} {
		if base, ok := strings.CutSuffix(f, suffix); ok {
			for _, x := range list {
				if Fold(x) == base {
					return true
				}
			}
		}
	}
	return false
}

// gcmNames returns the short names of the GCM's objectives as lines of
// synonyms.txt: "Integrated border management | Gestión integrada de
// fronteras | Gestion intégrée des frontières". A name of two parts
// ("Save lives; missing migrants") gives a line for each part.
func gcmNames() string {
	var b strings.Builder
	for _, o := range taxonomy.Objectives() {
		en, es, fr := strings.Split(o.Short.EN, ";"), strings.Split(o.Short.ES, ";"), strings.Split(o.Short.FR, ";")
		if len(es) != len(en) || len(fr) != len(en) {
			continue
		}
		for i := range en {
			b.WriteString("\n" + en[i] + " | " + es[i] + " | " + fr[i])
		}
	}
	return b.String()
}

func loadSynonyms(data string) map[string][]string {
	m := map[string][]string{}
	for _, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var group []string
		for _, e := range strings.Split(line, "|") {
			if e = strings.Join(strings.Fields(e), " "); e != "" {
				group = append(group, e)
			}
		}
		for _, e := range group {
			key := Fold(e)
			m[key] = appendNew(m[key], group...)
		}
	}
	return m
}

func appendNew(dst []string, vals ...string) []string {
	for _, v := range vals {
		dup := false
		for _, d := range dst {
			if Fold(d) == Fold(v) {
				dup = true
				break
			}
		}
		if !dup {
			dst = append(dst, v)
		}
	}
	return dst
}

// Synonyms returns the other entries of the groups text belongs to (case
// and accents ignored), or nil.
func Synonyms(text string) []string {
	key := Fold(strings.Join(strings.Fields(text), " "))
	var out []string
	for _, e := range synonyms[key] {
		if Fold(e) != key {
			out = append(out, e)
		}
	}
	return out
}

// ExpandSynonyms rewrites a query so that words and phrases with known
// synonyms also match them: "trata" becomes trata, or at a lower weight
// trafficking, traite, ... Runs of unquoted words that form a multi-word
// entry ("tráfico de migrantes") are expanded as a whole. Negated parts are
// expanded too, so NOT trata also excludes trafficking.
func ExpandSynonyms(n Node) Node {
	switch n := n.(type) {
	case Term:
		if n.Prefix || (n.Field != "" && n.Field != "title") {
			return n
		}
		a, ok := alternatives(n, n.Text, n.Field)
		for _, f := range Forms(n.Text) {
			a.Node, ok = n, true
			a.Forms = append(a.Forms, Term{Field: n.Field, Text: f, Required: n.Required})
		}
		if ok {
			return a
		}
	case Phrase:
		if a, ok := alternatives(n, n.Text, n.Field); ok {
			return a
		}
	case Or:
		out := make([]Node, len(n.Nodes))
		for i, c := range n.Nodes {
			out[i] = ExpandSynonyms(c)
		}
		return Or{Nodes: out}
	case Not:
		return Not{Node: ExpandSynonyms(n.Node)}
	case And:
		return expandAnd(n)
	}
	return n
}

func expandAnd(n And) Node {
	var out []Node
	for i := 0; i < len(n.Nodes); {
		// Longest run of bare words starting at i that is a known entry.
		matched := 0
		var alt Alternatives
		for l := min(maxSynonymWords, len(n.Nodes)-i); l >= 2; l-- {
			words, ok := bareWords(n.Nodes[i : i+l])
			if !ok {
				continue
			}
			if a, ok := alternatives(And{Nodes: n.Nodes[i : i+l], Explicit: true}, strings.Join(words, " "), ""); ok {
				alt, matched = a, l
				break
			}
		}
		if matched > 0 {
			out = append(out, alt)
			i += matched
			continue
		}
		out = append(out, ExpandSynonyms(n.Nodes[i]))
		i++
	}
	if len(out) == 1 {
		return out[0]
	}
	return And{Nodes: out, Explicit: n.Explicit}
}

// bareWords returns the texts of nodes when all are unfielded, non-prefix
// terms.
func bareWords(nodes []Node) ([]string, bool) {
	words := make([]string, len(nodes))
	for i, c := range nodes {
		t, ok := c.(Term)
		if !ok || t.Field != "" || t.Prefix {
			return nil, false
		}
		words[i] = t.Text
	}
	return words, true
}

// alternatives returns n with the synonyms and translations of its text:
// those of the domain list, else those of the dictionary in use.
func alternatives(n Node, text, field string) (Alternatives, bool) {
	if alts := altNodes(Synonyms(text), text, field); alts != nil {
		return Alternatives{Node: n, Alts: alts}, true
	}
	if _, known := synonyms[Fold(strings.Join(strings.Fields(text), " "))]; known {
		// The domain list knows it (a country written alike in every
		// language): a general dictionary's senses would be wrong.
		return Alternatives{}, false
	}
	if d := CurrentDictionary(); d != nil {
		if alts := altNodes(d.Translate(text), text, field); alts != nil {
			return Alternatives{Node: n, Dict: alts}, true
		}
	}
	return Alternatives{}, false
}

func altNodes(syns []string, text, field string) []Node {
	// Entries holding a shorter one ("trafficking in persons",
	// "trafficking") are kept: only the best of a word's alternatives
	// counts (ClauseMax), and a phrase is scored as its words, as the
	// words typed are ("trata de personas": trata, personas).
	if len(syns) == 0 {
		return nil
	}
	alts := make([]Node, 0, len(syns))
	for _, s := range syns {
		if strings.Contains(s, " ") {
			alts = append(alts, Phrase{Field: field, Text: s})
		} else {
			alts = append(alts, Term{Field: field, Text: s})
		}
	}
	return alts
}

// pruneSubsumed drops entries that contain a shorter entry (or the
// original) as a whole word: "trata de personas" adds nothing to "trata"
// where words are marked or translations listed (they are searched all
// the same, altNodes).
func pruneSubsumed(syns []string, orig string) []string {
	words := func(s string) []string { return strings.Fields(Fold(s)) }
	shorter := append([]string{orig}, syns...)
	var out []string
	for _, s := range syns {
		ws := words(s)
		subsumed := false
		for _, o := range shorter {
			ow := words(o)
			if len(ow) >= len(ws) {
				continue
			}
			if containsRun(ws, ow) {
				subsumed = true
				break
			}
		}
		if !subsumed {
			out = append(out, s)
		}
	}
	return out
}

// containsRun reports whether run occurs in ws as consecutive words.
func containsRun(ws, run []string) bool {
	for i := 0; i+len(run) <= len(ws); i++ {
		match := true
		for j := range run {
			if ws[i+j] != run[j] {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

// shortestAlts returns the alternatives of a that hold no shorter one (or
// the words typed): those marked and listed (pruneSubsumed).
func shortestAlts(a Alternatives) []Node {
	all := append(append([]Node{}, a.Alts...), a.Dict...)
	texts := make([]string, len(all))
	for i, x := range all {
		texts[i] = nodeText(x)
	}
	kept := pruneSubsumed(texts, nodeText(a.Node))
	var out []Node
	for i, x := range all {
		if slices.Contains(kept, texts[i]) {
			out = append(out, x)
		}
	}
	return out
}

// A Translation is a word or expression of a query with the synonyms and
// translations it is also searched as.
type Translation struct {
	// Text is what the user typed.
	Text string
	// Alts are its synonyms and translations, the domain list's first.
	Alts []string
	// Dictionary is set when Alts come from a bilingual dictionary
	// (UseDictionary) rather than the domain list.
	Dictionary bool
}

// Translations returns the words and expressions of query text that are
// also searched as synonyms or translations, in query order; nil when the
// query does not parse or has none.
func Translations(text string) []Translation {
	n, err := ParseQuery(strings.TrimSpace(text))
	if err != nil {
		return nil
	}
	var out []Translation
	var walk func(Node)
	walk = func(n Node) {
		switch n := n.(type) {
		case Alternatives:
			if len(n.Alts)+len(n.Dict) == 0 {
				return // other forms of the word only
			}
			t := Translation{Text: nodeText(n.Node), Dictionary: len(n.Dict) > 0}
			for _, a := range shortestAlts(n) {
				t.Alts = append(t.Alts, nodeText(a))
			}
			out = append(out, t)
		case And:
			for _, c := range n.Nodes {
				walk(c)
			}
		case Or:
			for _, c := range n.Nodes {
				walk(c)
			}
		}
	}
	walk(ExpandSynonyms(dropQuestionWords(n)))
	return out
}

// nodeText is the text of a word, a phrase or a run of words.
func nodeText(n Node) string {
	switch n := n.(type) {
	case Term:
		return n.Text
	case Phrase:
		return n.Text
	case And:
		words := make([]string, 0, len(n.Nodes))
		for _, c := range n.Nodes {
			words = append(words, nodeText(c))
		}
		return strings.Join(words, " ")
	}
	return ""
}
