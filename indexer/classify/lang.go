package classify

import (
	"path"
	"slices"
	"strings"
)

// fileLangs maps the last word of a file's base name to the language it
// names ("report_fr.pdf", "guia-es.pdf", "brief_english.pdf").
var fileLangs = map[string]string{
	"en": "en", "eng": "en", "english": "en", "ingles": "en", "anglais": "en",
	"es": "es", "esp": "es", "spa": "es", "spanish": "es", "espanol": "es", "espagnol": "es",
	"fr": "fr", "fra": "fr", "fre": "fr", "french": "fr", "frances": "fr", "francais": "fr",
	"pt": "pt", "por": "pt", "portuguese": "pt", "portugues": "pt", "portugais": "pt",
}

// fileLang returns the language named by the last word of fileName before
// its extension, or "".
func fileLang(fileName string) string {
	base := path.Base(strings.ReplaceAll(fileName, "\\", "/"))
	words := tokens(strings.TrimSuffix(base, path.Ext(base)))
	if len(words) == 0 {
		return ""
	}
	return fileLangs[words[len(words)-1]]
}

// stopWords maps a folded function word to the one language it marks.
// Words shared by two of the languages ("de", "la", "en", "que", "a", "se",
// "son", "le"/"les" in Spanish) are left out: they would blur the profiles.
var stopWords = func() map[string]string {
	m := map[string]string{}
	for lang, words := range map[string][]string{
		"en": {"the", "and", "of", "to", "is", "for", "with", "that", "by", "are", "this", "be", "as", "from", "at",
			"an", "or", "which", "was", "were", "have", "has", "their", "not", "it", "its", "been", "will", "can",
			"these", "also", "such", "who", "into", "than", "other", "more", "about", "there", "they", "would",
			"should", "through", "between", "well", "how", "what", "our", "we", "them", "those", "within", "all"},
		"es": {"el", "los", "las", "del", "y", "por", "para", "con", "una", "es", "su", "sus", "al", "como",
			"mas", "este", "esta", "sobre", "tambien", "pero", "fue", "han", "ha", "muy", "sin", "hay", "ser",
			"lo", "donde", "cuando", "porque", "segun", "hasta", "desde", "estos", "estas", "otros", "otras",
			"todo", "todos", "ya", "nos", "entre", "fueron", "puede", "pueden", "cual", "ellos", "esto", "asi", "mismo"},
		"fr": {"le", "les", "des", "du", "et", "est", "une", "pour", "dans", "par", "sur", "au", "aux", "avec",
			"qui", "pas", "ce", "cette", "sont", "ou", "plus", "ont", "ete", "leur", "leurs", "nous", "il", "elle",
			"ces", "dont", "mais", "ainsi", "aussi", "tres", "sans", "comme", "etre", "fait", "selon", "apres",
			"ils", "elles", "peut", "peuvent", "entre", "avait", "d", "l", "qu"},
		"pt": {"o", "os", "da", "do", "das", "dos", "e", "em", "na", "um", "uma", "nao", "com", "mais", "tambem",
			"sao", "foi", "pela", "pelo", "pelas", "pelos", "ao", "aos", "as", "isso", "essa", "esse", "seu", "sua",
			"seus", "suas", "ja", "quando", "onde", "muito", "ter", "tem", "nas", "ele", "ela", "eles", "elas",
			"desta", "deste", "dessa", "desse", "numa", "num", "voce", "sobre", "entre", "ate", "apos", "sem"},
	} {
		for _, w := range words {
			if _, dup := m[w]; dup && m[w] != lang {
				m[w] = "" // claimed by two lists: marks nothing
				continue
			}
			m[w] = lang
		}
	}
	return m
}()

// langCounts counts the stop words of each language in toks.
type langCounts map[string]int

// addTokens counts the stop words among the words numbered ids in lx's
// vocabulary.
func (c *langCounts) addTokens(lx *lexicon, ids []int32) {
	if *c == nil {
		*c = langCounts{}
	}
	var n [len(stopLangs)]int
	for _, id := range ids {
		if int(id) < len(lx.stopLang) {
			if l := lx.stopLang[id]; l > 0 {
				n[l-1]++
			}
		}
	}
	for i, k := range n {
		if k > 0 {
			(*c)[stopLangs[i]] += k
		}
	}
}

// stopLangs are the languages of stopWords.
var stopLangs = [...]string{"en", "es", "fr", "pt"}

// stopLangIndex returns by word number in words the 1-based index in
// stopLangs of the language a stop word marks, 0 for other words.
func stopLangIndex(words *vocab) []int8 {
	var out []int8
	for w, l := range stopWords {
		i := slices.Index(stopLangs[:], l)
		if i < 0 {
			continue // claimed by two lists
		}
		id := int(words.add([]string{w})[0])
		if id >= len(out) {
			out = append(out, make([]int8, id+1-len(out))...)
		}
		out[id] = int8(i + 1)
	}
	return out
}

func (c *langCounts) add(o langCounts) {
	if *c == nil {
		*c = langCounts{}
	}
	for l, n := range o {
		(*c)[l] += n
	}
}

// detected are the languages stop words tell apart, in a fixed order.
var detected = []string{"en", "es", "fr", "pt"}

// Minimum stop-word hits for a language decision, for a whole document
// and for one page.
const (
	minDocLangHits  = 3
	minPageLangHits = 5
	// minLangLead is how much the best language must exceed the second,
	// as a ratio, to be chosen.
	minLangLead = 1.3
)

// best returns the language with the most stop words, or "" when it has
// fewer than minHits or does not lead clearly.
func (c langCounts) best(minHits int) string {
	type lc struct {
		lang string
		n    int
	}
	all := make([]lc, len(detected))
	for i, l := range detected {
		all[i] = lc{l, c[l]}
	}
	top, second := all[0], lc{}
	for _, x := range all[1:] {
		if x.n > top.n {
			second, top = top, x
		} else if x.n > second.n {
			second = x
		}
	}
	if top.n < minHits || float64(top.n) < minLangLead*float64(second.n) {
		return ""
	}
	return top.lang
}
