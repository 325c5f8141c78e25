package bleve

import (
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"
)

// wordsTokenizer splits text into words exactly as bleve's unicode
// tokenizer does (Unicode word boundaries, UAX #29), faster for the text
// Faro indexes: when every character is an ASCII one, a Latin letter or a
// common punctuation mark, the word rules that can apply to them are run
// directly; any other character (other scripts, combining marks, format
// characters) hands the whole text to bleve's tokenizer.
// TestWordsTokenizer compares the two on corpora and random strings.
type wordsTokenizer struct{ full *unicode.UnicodeTokenizer }

const wordsName = "faro_words"

func init() {
	registry.RegisterTokenizer(wordsName, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return wordsTokenizer{full: unicode.NewUnicodeTokenizer()}, nil
	})
}

// Word-break classes of the characters the fast path handles.
const (
	wbOther     = iota // breaks on both sides (spaces, most punctuation)
	wbLetter           // ALetter
	wbDigit            // Numeric
	wbMidLetter        // MidLetter: joins letters
	wbMidNumLet        // MidNumLet and Single_Quote: joins letters, or digits
	wbMidNum           // MidNum: joins digits
	wbExtNum           // ExtendNumLet (the underscore): joins letters, digits and itself
	wbUnknown          // anything else: use bleve's tokenizer
)

// asciiClass holds the class of each ASCII byte.
var asciiClass = func() (t [128]uint8) {
	for c := 0; c < 128; c++ {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
			t[c] = wbLetter
		case '0' <= c && c <= '9':
			t[c] = wbDigit
		case c == ':':
			t[c] = wbMidLetter
		case c == '.', c == '\'':
			t[c] = wbMidNumLet
		case c == ',', c == ';':
			t[c] = wbMidNum
		case c == '_':
			t[c] = wbExtNum
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\v' && c != '\f', c == 0x7f:
			t[c] = wbUnknown
		default:
			t[c] = wbOther
		}
	}
	return t
}()

// runeClass classifies a non-ASCII rune.
func runeClass(r rune) uint8 {
	switch {
	case r >= 0xC0 && r <= 0x24F && r != 0xD7 && r != 0xF7, r == 0xAA, r == 0xBA, r == 0xB5:
		return wbLetter
	case r == 0xB7:
		return wbMidLetter
	case r == 0x2018, r == 0x2019, r == 0x2024:
		return wbMidNumLet
	}
	switch r {
	case 0xA0, 0xA1, 0xA2, 0xA3, 0xA5, 0xA7, 0xA9, 0xAB, 0xAE, 0xB0, 0xB1, 0xB6, 0xBB, 0xBF,
		0x2013, 0x2014, 0x201C, 0x201D, 0x201E, 0x2022, 0x2026, 0x2030, 0x2039, 0x203A, 0x20AC:
		return wbOther
	}
	return wbUnknown
}

// classAt returns the class and byte length of the character at input[i].
func classAt(input []byte, i int) (uint8, int) {
	if c := input[i]; c < utf8.RuneSelf {
		return asciiClass[c], 1
	}
	return classOfRune(input, i)
}

// classOfRune returns the class and byte length of the non-ASCII
// character at input[i].
func classOfRune(input []byte, i int) (uint8, int) {
	r, size := utf8.DecodeRune(input[i:])
	if r == utf8.RuneError {
		return wbUnknown, size
	}
	return runeClass(r), size
}

func (w wordsTokenizer) Tokenize(input []byte) analysis.TokenStream {
	out := make(analysis.TokenStream, 0, min(len(input)/7+1, 4096))
	var slab []analysis.Token
	complete := scanWords(input, func(pos, start, end int, letters bool) bool {
		typ := analysis.Numeric
		if letters {
			typ = analysis.AlphaNumeric
		}
		if len(slab) == cap(slab) {
			// Sized for the words likely left, so that a query's few
			// words do not pay for a page's.
			slab = make([]analysis.Token, 0, min((len(input)-start)/6+1, 256))
		}
		slab = append(slab, analysis.Token{Term: input[start:end], Start: start, End: end, Position: pos, Type: typ})
		out = append(out, &slab[len(slab)-1])
		return true
	})
	if !complete {
		return w.full.Tokenize(input)
	}
	return out
}

// wordsAt calls fn with the byte range of each word of input at a
// position in want (1-based, as the tokenizer numbers them; ascending),
// and the position's index in want, stopping after the last.
func (w wordsTokenizer) wordsAt(input []byte, want []int, fn func(i, start, end int)) {
	if len(want) == 0 {
		return
	}
	type word struct{ i, start, end int }
	found := make([]word, 0, len(want))
	k := 0
	complete := scanWords(input, func(pos, start, end int, _ bool) bool {
		if pos == want[k] {
			found = append(found, word{k, start, end})
			k++
		}
		return k < len(want)
	})
	if !complete {
		found, k = found[:0], 0
		for _, t := range w.full.Tokenize(input) {
			for k < len(want) && want[k] < t.Position {
				k++
			}
			if k < len(want) && want[k] == t.Position {
				found = append(found, word{k, t.Start, t.End})
			}
		}
	}
	for _, f := range found {
		fn(f.i, f.start, f.end)
	}
}

// scanWords calls fn with each word's position, byte range and whether it
// holds a letter, until fn returns false. It returns false, having called
// fn for some words perhaps, when a character outside the fast path's
// shows up: the caller then uses bleve's tokenizer.
func scanWords(input []byte, fn func(pos, start, end int, letters bool) bool) bool {
	pos := 1
	for i := 0; i < len(input); {
		// classAt, by hand: the compiler does not inline it.
		cl, size := uint8(0), 1
		if b := input[i]; b < utf8.RuneSelf {
			cl = asciiClass[b]
		} else {
			cl, size = classOfRune(input, i)
		}
		if cl == wbUnknown {
			return false
		}
		if cl != wbLetter && cl != wbDigit && cl != wbExtNum {
			i += size
			continue
		}
		start := i
		letters := cl == wbLetter
		prev := cl
		j := i + size
		for j < len(input) {
			c, sz := uint8(0), 1
			if b := input[j]; b < utf8.RuneSelf {
				c = asciiClass[b]
			} else {
				c, sz = classOfRune(input, j)
			}
			if c == wbUnknown {
				return false
			}
			if c == wbLetter || c == wbDigit || c == wbExtNum {
				// WB5, WB8, WB9, WB10, WB13a, WB13b.
				letters = letters || c == wbLetter
				prev = c
				j += sz
				continue
			}
			if c != wbMidLetter && c != wbMidNumLet && c != wbMidNum || j+sz >= len(input) {
				break
			}
			next, nsz := classAt(input, j+sz)
			if next == wbUnknown {
				return false
			}
			join := false
			switch c {
			case wbMidLetter:
				join = prev == wbLetter && next == wbLetter // WB6, WB7
			case wbMidNumLet:
				join = (prev == wbLetter && next == wbLetter) || (prev == wbDigit && next == wbDigit) // WB6, WB7, WB11, WB12
			case wbMidNum:
				join = prev == wbDigit && next == wbDigit // WB11, WB12
			}
			if !join {
				break
			}
			letters = letters || next == wbLetter
			prev = next
			j += sz + nsz
		}
		if !fn(pos, start, j, letters) {
			return true
		}
		pos++
		i = j
	}
	return true
}
