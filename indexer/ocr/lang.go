package ocr

import (
	"strings"
	"unicode"
)

func isLetter(r rune) bool { return unicode.IsLetter(r) }

// marks are function words that mark one language each (words shared by
// two of them are left out).
var marks = map[string]string{}

func init() {
	for lang, ws := range map[string]string{
		"en": "the and of to is for with that by are this be from which was were have has their not it its been will these also",
		"es": "el los las del y por para con una es su sus al como más este esta sobre también pero fue han ha muy sin hay ser donde cuando",
		"fr": "le les des du et est une pour dans par sur au aux avec qui pas ce cette sont ou plus ont été leur nous il ces dont mais",
		"pt": "o os da do das dos e em na um uma não com mais também são foi pela pelo ao aos isso essa esse seu sua já",
	} {
		for _, w := range strings.Fields(ws) {
			if prev, dup := marks[w]; dup && prev != lang {
				marks[w] = ""
				continue
			}
			marks[w] = lang
		}
	}
}

// DetectLang returns the ISO 639-1 code (en, es, fr, pt) of the language
// whose function words dominate s, or "" when fewer than 5 are found or
// no language leads by a third.
func DetectLang(s string) string {
	n := map[string]int{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if l := marks[w]; l != "" {
			n[l]++
		}
	}
	best, second := "", 0
	for _, l := range DefaultLangs {
		switch {
		case best == "" || n[l] > n[best]:
			if best != "" {
				second = n[best]
			}
			best = l
		case n[l] > second:
			second = n[l]
		}
	}
	if n[best] < 5 || 3*n[best] < 4*second {
		return ""
	}
	return best
}
