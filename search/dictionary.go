package search

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"unicode"
)

// DefaultDictionaryDir is where Debian's dict-freedict-* packages install
// their dictionaries.
const DefaultDictionaryDir = "/usr/share/dictd"

// DictionaryLanguages are the languages whose FreeDict dictionaries
// LoadFreeDict reads: both sides of a dictionary must be among them.
var DictionaryLanguages = []string{"eng", "spa", "fra", "por"}

// maxTranslations is how many translations of one word a dictionary
// gives at most: the first ones of its first sense, the commonest (a
// sense's later words are rarer or other senses: "oficina" gives bureau,
// office, workplace, then "taller", a workshop that is an English word
// too). On the real judged set (nDCG@10) one, two, three, four and six
// gave 0.846, 0.849, 0.849, 0.845, 0.844; half A (tuned on) 0.833, 0.841,
// 0.841, 0.840; half B 0.859, 0.857, 0.856, 0.849.
const maxTranslations = 3

// A Dictionary translates words and short expressions between the
// languages Faro serves, from bilingual dictionaries read at run time
// (FreeDict's, as Debian installs them). Its translations weigh less than
// the domain list of synonyms.txt, which wins where both know a word.
type Dictionary struct {
	// The folded words, sorted, packed: word i is words[wordEnd[i-1]:
	// wordEnd[i]] (from 0 for the first). langs[i] holds the languages
	// it is a word of (bits in the order of DictionaryLanguages): the
	// headwords of a dictionary from the language and the one-word
	// translations of one into it. Its translations, when it is a
	// headword that has some, are trans[transEnd[i-1]:transEnd[i]],
	// each ended by a 0 byte. A few flat arrays instead of maps of
	// strings: the dictionaries hold a quarter of a million words, which
	// as maps took 15-18 MB of the server's live heap, all pointers for
	// the collector to follow at every collection; so they take about
	// 4 MB and none.
	words    []byte
	wordEnd  []uint32
	langs    []uint8
	trans    []byte
	transEnd []uint32
	// headwords counts the headwords (Len).
	headwords int
	// Sources are the dictionary files read, by name.
	Sources []string
	// Skip, when set, names words never translated (stop words): a
	// translated stop word would be searched like a content word.
	Skip func(word string) bool
}

// dictionaryBuilder gathers the dictionaries' entries before they are
// packed into a Dictionary.
type dictionaryBuilder struct {
	// entries maps a folded headword to its translations.
	entries map[string][]string
	// vocab maps a folded word to the languages it is a word of.
	vocab map[string]uint8
}

// pack returns the Dictionary of b's entries and words.
func (b *dictionaryBuilder) pack() *Dictionary {
	keys := make([]string, 0, len(b.vocab)+len(b.entries))
	for k := range b.vocab {
		keys = append(keys, k)
	}
	for k := range b.entries {
		if _, ok := b.vocab[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	d := &Dictionary{headwords: len(b.entries), wordEnd: make([]uint32, len(keys)), langs: make([]uint8, len(keys)), transEnd: make([]uint32, len(keys))}
	size := 0
	for _, k := range keys {
		size += len(k)
	}
	d.words = make([]byte, 0, size)
	for i, k := range keys {
		d.words = append(d.words, k...)
		d.wordEnd[i] = uint32(len(d.words))
		d.langs[i] = b.vocab[k]
		for _, t := range b.entries[k] {
			d.trans = append(d.trans, t...)
			d.trans = append(d.trans, 0)
		}
		d.transEnd[i] = uint32(len(d.trans))
	}
	d.trans = slices.Clip(d.trans)
	return d
}

// find returns the number of folded word key, or -1.
func (d *Dictionary) find(key string) int {
	kb := []byte(key)
	i, ok := sort.Find(len(d.wordEnd), func(i int) int {
		start := uint32(0)
		if i > 0 {
			start = d.wordEnd[i-1]
		}
		return bytes.Compare(kb, d.words[start:d.wordEnd[i]])
	})
	if !ok {
		return -1
	}
	return i
}

// translations returns the translations of word i, or nil.
func (d *Dictionary) translations(i int) []string {
	if i < 0 {
		return nil
	}
	start := uint32(0)
	if i > 0 {
		start = d.transEnd[i-1]
	}
	var out []string
	for b := d.trans[start:d.transEnd[i]]; len(b) > 0; {
		n := bytes.IndexByte(b, 0)
		out = append(out, string(b[:n]))
		b = b[n+1:]
	}
	return out
}

// languagesOf returns the language bits of folded word key.
func (d *Dictionary) languagesOf(key string) uint8 {
	if i := d.find(key); i >= 0 {
		return d.langs[i]
	}
	return 0
}

// Len is the number of headwords.
func (d *Dictionary) Len() int { return d.headwords }

// Translate returns the translations of text (a word or an expression;
// case and accents ignored), or nil. A plural not in the dictionary is
// looked up in the singular, an inflected word in its lemma (a verb in the infinitive)
// (lemmas.go). Words of one or two letters, question words
// and stop words (Skip) are not translated; words of three are ("loi",
// "law": ley).
func (d *Dictionary) Translate(text string) []string {
	if d == nil {
		return nil
	}
	key := Fold(strings.Join(strings.Fields(text), " "))
	if !strings.Contains(key, " ") {
		if len([]rune(key)) < 3 || IsQuestionWord(key) || (d.Skip != nil && d.Skip(key)) {
			return nil
		}
	}
	if t := d.translations(d.find(key)); t != nil {
		return t
	}
	for _, suffix := range []string{"es", "s"} {
		if base, ok := strings.CutSuffix(key, suffix); ok && len(base) >= 4 {
			if t := d.translations(d.find(base)); t != nil {
				return t
			}
		}
	}
	if !strings.Contains(key, " ") {
		i, _ := d.lemma(key)
		return d.translations(i)
	}
	return nil
}

// Languages returns the languages word (case and accents ignored) is a
// word of, as ISO 639-1 codes, by the dictionaries' vocabularies; a
// plural not in them is looked up in the singular. Nil when none knows it.
func (d *Dictionary) Languages(word string) []string {
	if d == nil {
		return nil
	}
	key := Fold(word)
	bits := d.languagesOf(key)
	if bits == 0 {
		// "migrantes": Spanish "migrante" and English "migrant".
		for _, suffix := range []string{"es", "s"} {
			if base, ok := strings.CutSuffix(key, suffix); ok && len(base) >= 3 {
				bits |= d.languagesOf(base)
			}
		}
	}
	if bits == 0 {
		// "financian": Spanish "financiar".
		_, bits = d.lemma(key)
	}
	var out []string
	for i, l := range DictionaryLanguages {
		if bits&(1<<i) != 0 {
			out = append(out, iso639_1[l])
		}
	}
	return out
}

// vocabularyWord reports whether a folded headword or translation goes
// into the vocabularies: one word of three letters or more (shorter ones
// are most often function words, which the stop word lists know better,
// or abbreviations).
func vocabularyWord(w string) bool {
	return !strings.Contains(w, " ") && len([]rune(w)) >= 3
}

// iso639_1 maps the DictionaryLanguages to the codes documents' and
// queries' languages are named with.
var iso639_1 = map[string]string{"eng": "en", "spa": "es", "fra": "fr", "por": "pt"}

// current is the dictionary queries are expanded with (UseDictionary).
var current atomic.Pointer[Dictionary]

// UseDictionary makes queries compiled from now on also match the
// translations d gives of their words; nil turns translation off.
func UseDictionary(d *Dictionary) { current.Store(d) }

// CurrentDictionary is the dictionary in use, or nil.
func CurrentDictionary() *Dictionary { return current.Load() }

// ErrNoDictionaries reports a folder without FreeDict dictionaries of
// Faro's languages.
var ErrNoDictionaries = errors.New("no FreeDict dictionary of English, Spanish, French or Portuguese")

// LoadFreeDict reads the FreeDict dictionaries in dir between the
// DictionaryLanguages: files freedict-SRC-DST.index with their
// freedict-SRC-DST.dict.dz (dictzip, read as gzip) or .dict, the dictd
// format of Debian's dict-freedict-* packages. Every headword gets the
// translations of its first sense in each dictionary that has it.
func LoadFreeDict(dir string) (*Dictionary, error) {
	b := &dictionaryBuilder{entries: map[string][]string{}, vocab: map[string]uint8{}}
	var sources []string
	for i, src := range DictionaryLanguages {
		for j, dst := range DictionaryLanguages {
			if src == dst {
				continue
			}
			name := "freedict-" + src + "-" + dst
			ok, err := b.read(filepath.Join(dir, name), 1<<i, 1<<j)
			if err != nil {
				return nil, fmt.Errorf("dictionary %s: %w", name, err)
			}
			if ok {
				sources = append(sources, name)
			}
		}
	}
	if len(sources) == 0 {
		return nil, fmt.Errorf("%s: %w", dir, ErrNoDictionaries)
	}
	d := b.pack()
	d.Sources = sources
	return d, nil
}

// read adds the entries of one dictionary (base: its path without the
// extension) and their words to the vocabularies of its languages (src,
// dst: their bits); ok is false when it is not there.
func (d *dictionaryBuilder) read(base string, src, dst uint8) (ok bool, err error) {
	idx, err := os.Open(base + ".index")
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	defer idx.Close()
	body, err := readDictData(base)
	if err != nil {
		return false, err
	}
	sc := bufio.NewScanner(idx)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 3 || strings.HasPrefix(f[0], "00database") || strings.HasPrefix(f[0], "00-database") {
			continue
		}
		off, err1 := decodeBase64Number(f[1])
		n, err2 := decodeBase64Number(f[2])
		if err1 != nil || err2 != nil || off+n > uint64(len(body)) {
			return false, fmt.Errorf("index line %q: bad offset or length", sc.Text())
		}
		head := Fold(strings.Join(strings.Fields(f[0]), " "))
		if head == "" {
			continue
		}
		if vocabularyWord(head) {
			d.vocab[head] |= src
		}
		var ts []string
		for _, t := range firstSense(string(body[off : off+n])) {
			ft := Fold(t)
			if vocabularyWord(ft) {
				d.vocab[ft] |= dst
			}
			if ft != head && len(ts) < maxTranslations {
				ts = append(ts, t)
			}
		}
		d.entries[head] = appendNew(d.entries[head], ts...)
	}
	if err := sc.Err(); err != nil {
		return false, fmt.Errorf("read the index: %w", err)
	}
	return true, nil
}

// readDictData returns the uncompressed text of a dictionary.
func readDictData(base string) ([]byte, error) {
	if f, err := os.Open(base + ".dict.dz"); err == nil {
		defer f.Close()
		z, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("read %s.dict.dz: %w", base, err)
		}
		b, err := io.ReadAll(z)
		if err != nil {
			return nil, fmt.Errorf("read %s.dict.dz: %w", base, err)
		}
		return b, nil
	}
	b, err := os.ReadFile(base + ".dict")
	if err != nil {
		return nil, fmt.Errorf("read the definitions: %w", err)
	}
	return b, nil
}

// decodeBase64Number decodes dictd's base-64 numbers (A-Z a-z 0-9 + /,
// most significant digit first).
func decodeBase64Number(s string) (uint64, error) {
	var n uint64
	for _, c := range s {
		var v uint64
		switch {
		case c >= 'A' && c <= 'Z':
			v = uint64(c - 'A')
		case c >= 'a' && c <= 'z':
			v = uint64(c-'a') + 26
		case c >= '0' && c <= '9':
			v = uint64(c-'0') + 52
		case c == '+':
			v = 62
		case c == '/':
			v = 63
		default:
			return 0, fmt.Errorf("bad base-64 digit %q", c)
		}
		n = n<<6 | v
	}
	return n, nil
}

// firstSense returns the translations of a dictd entry's first sense:
// the line after the headword line ("1. abandonar, dejar"), split at
// commas, without glosses in brackets or parentheses, notes, or phrases
// of more than three words.
func firstSense(entry string) []string {
	lines := strings.Split(entry, "\n")
	for _, line := range lines[1:] {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		line = trimSenseNumber(line)
		if line == "" || strings.ContainsAny(line[:1], "([<\"") {
			return nil
		}
		var out []string
		for _, t := range strings.Split(line, ",") {
			t = strings.Join(strings.Fields(trimSenseNumber(t)), " ")
			if plausibleTranslation(t) {
				out = append(out, t)
			}
		}
		return out
	}
	return nil
}

// trimSenseNumber removes a sense number ("1. ") before or after a
// translation.
func trimSenseNumber(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, ". "); i > 0 && i <= 3 && isDigits(s[:i]) {
		s = s[i+2:]
	}
	if i := strings.LastIndex(s, " "); i > 0 && strings.HasSuffix(s, ".") && isDigits(s[i+1:len(s)-1]) {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// plausibleTranslation keeps words and expressions of up to three words
// made of letters, hyphens and apostrophes.
func plausibleTranslation(t string) bool {
	if t == "" || len(strings.Fields(t)) > 3 {
		return false
	}
	letters := 0
	for _, r := range t {
		switch {
		case unicode.IsLetter(r):
			letters++
		case r == ' ' || r == '-' || r == '\'' || r == '’' || r == '‐':
		default:
			return false
		}
	}
	return letters >= 2
}
