package bleve

import (
	"context"
	"hash/maphash"
	"slices"
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
//
// Most runs of words occur once in a document. A first pass therefore
// counts every run by a hash of its folded words, without building a
// string; only the runs whose hash shows up twice or more are counted
// exactly, by their folded text, with the forms they are written in (a
// hash collision only lets a run through to that exact count).
func docPhrases(doc *search.Document) []string {
	s := phraseScans.Get().(*phraseScan)
	defer s.release()
	for i, p := range doc.Pages {
		s.page(int32(i), p.Text)
	}
	if len(s.cands) == 0 {
		return nil
	}
	// The hashes that occur more than once, found by sorting them.
	hashes := s.hashes[:0]
	for _, c := range s.cands {
		hashes = append(hashes, c.hash)
	}
	s.hashes = hashes
	slices.Sort(hashes)
	repeated := map[uint64]bool{}
	for i := minPhraseRepeats - 1; i < len(hashes); i++ {
		if hashes[i] == hashes[i-minPhraseRepeats+1] {
			repeated[hashes[i]] = true
		}
	}
	// A phrase's forms (as written) are few: a short list, searched by
	// comparison, costs less than a map.
	type form struct {
		text string
		n    int
	}
	type count struct {
		n     int
		forms []form
	}
	counts := map[string]*count{}
	var key, written []byte
	for _, c := range s.cands {
		if !repeated[c.hash] {
			continue
		}
		words := s.words[c.start : c.start+int32(c.n)]
		key = s.appendKey(key[:0], words)
		cnt := counts[string(key)]
		if cnt == nil {
			cnt = &count{}
			counts[string(key)] = cnt
		}
		cnt.n++
		written = written[:0]
		for k, w := range words {
			if k > 0 {
				written = append(written, ' ')
			}
			written = append(written, s.text(w)...)
		}
		k := 0
		for k < len(cnt.forms) && cnt.forms[k].text != string(written) {
			k++
		}
		if k == len(cnt.forms) {
			cnt.forms = append(cnt.forms, form{text: string(written)})
		}
		cnt.forms[k].n++
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

// phraseHash hashes a run's folded words (a variable so that a test can
// make every run collide).
var phraseHash = maphash.Bytes

// phraseScan splits a document's pages into words and lists the runs
// of words that may be phrases, each with a hash of its folded words.
// Scans are reused (phraseScans): their buffers grow to a document's
// words once, not for every document.
type phraseScan struct {
	stop map[string]bool
	// pages are the texts of the document's pages.
	pages []string
	// words holds every word of the document; a word's folded form is
	// folded[w.fold:w.foldEnd].
	words  []phraseWord
	folded []byte
	// clause is the index in words of the current clause's first word.
	clause int
	cands  []phraseCand
	hashes []uint64
	seed   maphash.Seed
	key    []byte
}

// phraseScans holds scans for reuse.
var phraseScans = sync.Pool{New: func() any {
	return &phraseScan{stop: stopWords(), seed: maphash.MakeSeed()}
}}

// maxPooledWords bounds the words of a scan put back for reuse: a long
// report's buffers are left to the collector.
const maxPooledWords = 1 << 16

// release empties s (it keeps no page text) and puts it back for reuse.
func (s *phraseScan) release() {
	clear(s.pages)
	s.pages, s.words, s.folded, s.cands, s.hashes, s.key = s.pages[:0], s.words[:0], s.folded[:0], s.cands[:0], s.hashes[:0], s.key[:0]
	s.clause = 0
	if cap(s.words) <= maxPooledWords {
		phraseScans.Put(s)
	}
}

// phraseWord is one word of a document: pages[page][start:end] as
// written.
type phraseWord struct {
	page, start, end int32
	fold, foldEnd    int32
	// edge tells whether the word may start or end a phrase.
	edge bool
}

// text is the word w as written.
func (s *phraseScan) text(w phraseWord) string { return s.pages[w.page][w.start:w.end] }

// phraseCand is a run of n words from words[start] that may be a phrase.
type phraseCand struct {
	hash  uint64
	start int32
	n     int8
}

// appendKey appends the folded words, joined by spaces, to dst. Fold
// works rune by rune: the folded words joined are the joined words
// folded.
func (s *phraseScan) appendKey(dst []byte, words []phraseWord) []byte {
	for k, w := range words {
		if k > 0 {
			dst = append(dst, ' ')
		}
		dst = append(dst, s.folded[w.fold:w.foldEnd]...)
	}
	return dst
}

// page splits the text of page number page into clauses of words:
// words separated by white space other than a blank line.
func (s *phraseScan) page(page int32, text string) {
	s.pages = append(s.pages, text)
	full := len(text)
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
			w := trimWordEnd(text[:end])
			start := int32(len(s.folded))
			s.folded = search.AppendFold(s.folded, w)
			at := int32(full - len(text))
			s.words = append(s.words, phraseWord{page: page, start: at, end: at + int32(len(w)),
				fold: start, foldEnd: int32(len(s.folded)), edge: phraseEdge(w, s.stop)})
			text = text[end:]
			continue
		case unicode.IsSpace(r) && r != '\n' || r == '\n' && !strings.HasPrefix(text[size:], "\n"):
			// Words of one clause; a blank line ends it.
		default:
			s.endClause()
		}
		text = text[size:]
	}
	s.endClause()
}

// endClause lists the runs of the clause that ends here.
func (s *phraseScan) endClause() {
	run := s.words[s.clause:]
	for i := range run {
		// size is the length of the phrase of run[i:i+n] as written.
		size := run[i].len()
		for k := 1; k < minPhraseWords-1 && i+k < len(run); k++ {
			size += 1 + run[i+k].len()
		}
		for n := minPhraseWords; n <= maxPhraseWords && i+n <= len(run); n++ {
			if size += 1 + run[i+n-1].len(); size > maxPhraseChars {
				break
			}
			words := run[i : i+n]
			if !words[0].edge || !words[n-1].edge || s.repeats(words) {
				continue
			}
			s.key = s.appendKey(s.key[:0], words)
			s.cands = append(s.cands, phraseCand{hash: phraseHash(s.seed, s.key), start: int32(s.clause + i), n: int8(n)})
		}
	}
	s.clause = len(s.words)
}

// trimWordEnd removes the hyphens and apostrophes ending w
// (strings.TrimRight(w, "-'’")).
func trimWordEnd(w string) string {
	for {
		switch {
		case strings.HasSuffix(w, "-"), strings.HasSuffix(w, "'"):
			w = w[:len(w)-1]
		case strings.HasSuffix(w, "’"):
			w = w[:len(w)-len("’")]
		default:
			return w
		}
	}
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

// len is the length in bytes of w as written.
func (w phraseWord) len() int { return int(w.end - w.start) }

// repeats reports whether a word follows itself ("retorno retorno").
func (s *phraseScan) repeats(words []phraseWord) bool {
	for i := 1; i < len(words); i++ {
		if strings.EqualFold(s.text(words[i]), s.text(words[i-1])) {
			return true
		}
	}
	return false
}

// phraseEdge reports whether word may start or end a phrase: not a stop
// word, not a number, at least two letters.
func phraseEdge(word string, stop map[string]bool) bool {
	if utf8.RuneCountInString(word) < 2 || isStop(word, stop) {
		return false
	}
	for _, r := range word {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// isStop reports whether stop holds word in lower case: an ASCII word is
// lowered on the stack, as strings.ToLower would lower it, without a copy
// on the heap.
func isStop(word string, stop map[string]bool) bool {
	var buf [32]byte
	if len(word) > len(buf) {
		return stop[strings.ToLower(word)]
	}
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf {
			return stop[strings.ToLower(word)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return stop[string(buf[:len(word)])]
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
