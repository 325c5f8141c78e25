package bleve

import (
	"context"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/registry"

	"faro/search"
	"faro/search/bleve/internal/texttable"
)

// fieldPhrase holds each document's frequent phrases (keyword terms,
// "folded" + texttable.PhraseSep + "as written").
const fieldPhrase = "phrase"

// Frequent phrases are runs of two or three words, within a clause, that
// neither start nor end with a stop word, repeated in a document.
const (
	minPhraseWords = 2
	maxPhraseWords = 3
	// minPhraseRepeats is how often a run must occur in a document.
	minPhraseRepeats = 2
	// maxDocPhrases bounds the phrases kept per document.
	maxDocPhrases = 8
	// maxPhraseChars bounds a phrase's length.
	maxPhraseChars = 60
)

// stopWords are the stop words of every language's analyser, lower-case.
var stopWords = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	cache := registry.NewCache()
	for _, name := range []string{stopEN, stopES, stopFR, stopPT} {
		m, err := cache.TokenMapNamed(name)
		if err != nil {
			continue
		}
		for w := range m {
			out[w] = true
		}
	}
	return out
})

// docPhrases returns the frequent phrases of doc's pages, most repeated
// first, as fieldPhrase terms.
func docPhrases(doc *search.Document) []string {
	stop := stopWords()
	// A phrase's forms (as written) are few: a short list, searched by
	// comparison, costs less than a map for each of a page's hundreds of
	// phrases, most of which occur once.
	type form struct {
		text string
		n    int
	}
	type count struct {
		n     int
		forms []form
	}
	counts := map[string]*count{}
	var run, folded []string // the current clause's words, as written and folded
	var edge []bool          // whether each word of run may start or end a phrase
	var key, written []byte
	flush := func() {
		for i := range run {
			// size is the length of the phrase of run[i:i+n] as written.
			size := len(run[i])
			for k := 1; k < minPhraseWords-1 && i+k < len(run); k++ {
				size += 1 + len(run[i+k])
			}
			for n := minPhraseWords; n <= maxPhraseWords && i+n <= len(run); n++ {
				if size += 1 + len(run[i+n-1]); size > maxPhraseChars {
					break
				}
				words := run[i : i+n]
				if !edge[i] || !edge[i+n-1] || repeats(words) {
					continue
				}
				// Fold works rune by rune: the folded words joined are
				// the joined words folded.
				key = key[:0]
				for k, w := range folded[i : i+n] {
					if k > 0 {
						key = append(key, ' ')
					}
					key = append(key, w...)
				}
				c := counts[string(key)]
				if c == nil {
					c = &count{}
					counts[string(key)] = c
				}
				c.n++
				written = written[:0]
				for k, w := range words {
					if k > 0 {
						written = append(written, ' ')
					}
					written = append(written, w...)
				}
				k := 0
				for k < len(c.forms) && c.forms[k].text != string(written) {
					k++
				}
				if k == len(c.forms) {
					c.forms = append(c.forms, form{text: string(written)})
				}
				c.forms[k].n++
			}
		}
		run, folded, edge = run[:0], folded[:0], edge[:0]
	}
	for _, p := range doc.Pages {
		text := p.Text
		for len(text) > 0 {
			r, size := rune(text[0]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(text)
			}
			switch {
			case isWordRune(r):
				end := size
				for end < len(text) {
					// ASCII letters and digits, the common case, without
					// decoding.
					if c := text[end]; c < utf8.RuneSelf && asciiWord[c] {
						end++
						continue
					}
					r2, s2 := utf8.DecodeRuneInString(text[end:])
					if !isWordRune(r2) && !(r2 == '-' || r2 == '\'' || r2 == '’') {
						break
					}
					end += s2
				}
				w := strings.TrimRight(text[:end], "-'’")
				run, folded, edge = append(run, w), append(folded, search.Fold(w)), append(edge, phraseEdge(w, stop))
				text = text[end:]
				continue
			case unicode.IsSpace(r) && r != '\n' || r == '\n' && !strings.HasPrefix(text[size:], "\n"):
				// Words of one clause; a blank line ends it.
			default:
				flush()
			}
			text = text[size:]
		}
		flush()
	}
	type scored struct {
		key, form string
		n, words  int
	}
	var all []scored
	for key, c := range counts {
		if c.n < minPhraseRepeats {
			continue
		}
		// As most often written, preferring a lower-case start (a capital
		// may only say that a sentence starts there), then anything to
		// capitals throughout (headings).
		best, bestN, bestClass := "", 0, -1
		for _, fn := range c.forms {
			f, n := fn.text, fn.n
			class := writtenClass(f)
			if class > bestClass || class == bestClass && (n > bestN || n == bestN && f < best) {
				best, bestN, bestClass = f, n, class
			}
		}
		all = append(all, scored{key, best, c.n, strings.Count(key, " ") + 1})
	}
	// A shorter run that only ever occurs inside a longer one adds
	// nothing: "trata de" when every one is "trata de personas".
	sort.Slice(all, func(i, j int) bool {
		if all[i].n != all[j].n {
			return all[i].n > all[j].n
		}
		if all[i].words != all[j].words {
			return all[i].words > all[j].words
		}
		return all[i].key < all[j].key
	})
	var out []string
	var kept []scored
	for _, s := range all {
		inside := false
		for _, k := range kept {
			if k.n == s.n && k.words > s.words && strings.Contains(" "+k.key+" ", " "+s.key+" ") {
				inside = true
				break
			}
		}
		if inside {
			continue
		}
		kept = append(kept, s)
		out = append(out, s.key+texttable.PhraseSep+s.form)
		if len(out) == maxDocPhrases {
			break
		}
	}
	return out
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// isWordRune reports whether r is a letter or a digit (unicode.IsLetter,
// unicode.IsDigit), with a table for ASCII.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// writtenClass ranks how a phrase is written: 2 starting lower-case, 1
// with some lower-case letter, 0 in capitals throughout.
func writtenClass(form string) int {
	r, _ := utf8.DecodeRuneInString(form)
	if !unicode.IsUpper(r) {
		return 2
	}
	if strings.ToUpper(form) != form {
		return 1
	}
	return 0
}

// repeats reports whether a word follows itself ("retorno retorno").
func repeats(words []string) bool {
	for i := 1; i < len(words); i++ {
		if strings.EqualFold(words[i], words[i-1]) {
			return true
		}
	}
	return false
}

// phraseEdge reports whether word may start or end a phrase: not a stop
// word, not a number, at least two letters.
func phraseEdge(word string, stop map[string]bool) bool {
	if utf8.RuneCountInString(word) < 2 || stop[strings.ToLower(word)] {
		return false
	}
	for _, r := range word {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// Phrases returns up to n frequent phrases of the collection that start
// with prefix (folded), those most documents hold first.
func (x *Index) Phrases(ctx context.Context, prefix string, n int) ([]search.FrequentPhrase, error) {
	s, err := x.acquire(ctx)
	if err != nil {
		return nil, err
	}
	defer s.release()
	var out []search.FrequentPhrase
	for _, p := range s.view.Phrases(search.Fold(prefix), n) {
		out = append(out, search.FrequentPhrase{Text: p.Text, Count: p.Count})
	}
	return out, nil
}
