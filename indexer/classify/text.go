package classify

import (
	"unicode"
	"unicode/utf8"

	"faro/search/taxonomy"
)

// tokens folds s (lower case, no accents) and splits it into words: runs of
// letters and digits. Apostrophes, hyphens and all other punctuation
// separate words, so "l'OIM" gives "l", "oim" and "gender-based" gives
// "gender", "based". The tokens share the folded string's memory.
func tokens(s string) []string {
	return split(taxonomy.Fold(s), nil)
}

// split appends the words of an already folded string to out (the words
// nextWord finds one after the other).
func split(f string, out []string) []string {
	for i := 0; ; {
		start, end := nextWord(f, i)
		if start < 0 {
			return out
		}
		out = append(out, f[start:end])
		i = end
	}
}

// countWords returns how many words split finds in f.
func countWords(f string) int {
	n := 0
	for i := 0; ; n++ {
		start, end := nextWord(f, i)
		if start < 0 {
			return n
		}
		i = end
	}
}

// nextWord returns the bounds of the first word of the folded string f
// from byte i on; start is -1 when there is none.
func nextWord(f string, i int) (start, end int) {
	start = -1
	for i < len(f) {
		c := f[i]
		if c < utf8.RuneSelf {
			if ('a' <= c && c <= 'z') || ('0' <= c && c <= '9') {
				if start < 0 {
					start = i
				}
			} else if start >= 0 {
				return start, i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(f[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			return start, i
		}
		i += size
	}
	return start, len(f)
}
