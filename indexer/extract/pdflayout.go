package extract

import (
	"unicode"
)

// letterCount counts the letters and digits of s.
func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

// textBadness estimates how far the words of s are from natural words, as
// the share of letters in suspicious words: words of 15 letters or more
// (most likely glued: "internationalorganization") and lone letters that
// are not words on their own in English, Spanish or French (most likely
// split: "migr a tion"). Lower is better.
func textBadness(s string) float64 {
	letters, bad := 0, 0
	word := 0
	var first rune
	flush := func() {
		if word == 0 {
			return
		}
		letters += word
		switch {
		case word >= 15:
			bad += word
		case word == 1 && !loneWordLetter(first):
			bad += 2
		}
		word = 0
	}
	for _, r := range s {
		if unicode.IsLetter(r) {
			if word == 0 {
				first = r
			}
			word++
			continue
		}
		flush()
	}
	flush()
	if letters == 0 {
		return 0
	}
	return float64(bad) / float64(letters)
}

func loneWordLetter(r rune) bool {
	switch unicode.ToLower(r) {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'à', 'á', 'é', 'ó', 'ú', 'l', 'd', 's', 'n', 'c', 'j', 'm', 't', 'x', 'v':
		// English a/I, Spanish y/o/e/u/a, French à/y/l'/d'/s'/n'/c'/j'/m'/t',
		// roman numerals and list letters.
		return true
	}
	return !unicode.IsLower(r) && !unicode.IsUpper(r) // scripts without case
}
