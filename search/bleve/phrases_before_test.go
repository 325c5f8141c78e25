package bleve

import (
	"hash/maphash"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"faro/search"
	"faro/search/bleve/internal/texttable"
	"faro/search/searchtest"
)

// TestDocPhrasesAsBefore holds docPhrases to the output of its previous
// version on generated documents and on text built from pieces that test
// the edges of words: non-ASCII letters and digits, apostrophes, hyphens,
// capitals, invalid bytes, stop words, blank lines.
func TestDocPhrasesAsBefore(t *testing.T) {
	var docs []*search.Document
	docs = append(docs, searchtest.Synthetic(7, 300)...)
	pieces := []string{"trata", "de", "personas", "Trata", "PERSONAS", "niñez", "NIÑEZ", "l'homme", "d’accord",
		"co-operation", "re-", "-x", "2019", "٣٤", "x2", "Ωmega", "ﬁnance", "\xff", "\xc3", "a", "the", "of",
		"migración", "Migración", "retorno", "de", "la", "'s", "’", "--", "Ⅻ", "e\u0301",
		"THE", "De", "LA", "Él", "él", "MÁS", "Des", "internationalisation-of-the-labour-markets", "Retorno",
		"retorno-", "retorno'", "retorno’’", "personas’-", "RETORNO"}
	seps := []string{" ", " ", " ", "  ", ", ", ". ", "\n", "\n\n", "\t", "\u00a0", "; "}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		var b strings.Builder
		for range 20 + rng.IntN(200) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
			b.WriteString(seps[rng.IntN(len(seps))])
		}
		docs = append(docs, &search.Document{Pages: []search.Page{{Text: b.String()}, {Text: b.String()[:b.Len()/2]}}})
	}
	defer func() { phraseHash = maphash.Bytes }()
	for _, collide := range []bool{false, true} {
		if collide {
			// Every run hashes alike: the exact count alone decides.
			phraseHash = func(maphash.Seed, []byte) uint64 { return 1 }
		}
		differ := 0
		for i, d := range docs {
			got, want := docPhrases(d), docPhrasesBefore(d)
			if !slices.Equal(got, want) {
				differ++
				if differ <= 3 {
					t.Errorf("collide %v, document %d: phrases %q, before %q", collide, i, got, want)
				}
			}
		}
		if differ > 0 {
			t.Errorf("collide %v: %d of %d documents' phrases differ", collide, differ, len(docs))
		}
	}
}

// docPhrasesBefore is docPhrases as it was before its per-word edge flags,
// its ASCII fast path and its first count by hash: TestDocPhrasesAsBefore
// holds the two to the same output.
func docPhrasesBefore(doc *search.Document) []string {
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
				if !phraseEdgeBefore(words[0], stop) || !phraseEdgeBefore(words[n-1], stop) || repeats(words) {
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
		run, folded = run[:0], folded[:0]
	}
	for _, p := range doc.Pages {
		text := p.Text
		for len(text) > 0 {
			r, size := utf8.DecodeRuneInString(text)
			switch {
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				end := size
				for end < len(text) {
					r2, s2 := utf8.DecodeRuneInString(text[end:])
					if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) && !(r2 == '-' || r2 == '\'' || r2 == '’') {
						break
					}
					end += s2
				}
				w := strings.TrimRight(text[:end], "-'’")
				run, folded = append(run, w), append(folded, search.Fold(w))
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

// repeats reports whether a word follows itself ("retorno retorno").
func repeats(words []string) bool {
	for i := 1; i < len(words); i++ {
		if strings.EqualFold(words[i], words[i-1]) {
			return true
		}
	}
	return false
}

// phraseEdgeBefore is phraseEdge as it was, lowering every word on the
// heap.
func phraseEdgeBefore(word string, stop map[string]bool) bool {
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
