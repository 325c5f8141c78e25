package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Fold lower-cases s and removes diacritics the way users type without
// them: "Niñez" -> "ninez", "Haïti" -> "haiti", "œuvre" -> "oeuvre".
// It keeps byte offsets meaningless: fold tokens, not whole documents, when
// offsets matter.
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || (s[i] >= 'A' && s[i] <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < utf8.RuneSelf {
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		r = unicode.ToLower(r)
		if f, ok := foldTable[r]; ok {
			b.WriteString(f)
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue // a combining mark left by decomposed input
		}
		b.WriteRune(r)
	}
	return b.String()
}

// AppendFold appends Fold(s) to dst and returns the extended buffer: the
// same bytes, without a string for each call, for callers that fold many
// short texts into a buffer they reuse (or one on their stack).
func AppendFold(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		dst = AppendFoldRune(dst, r)
	}
	return dst
}

// AppendFoldRune appends the folded form of the non-ASCII rune r (as
// AppendFold folds it in a text) to dst and returns the extended buffer:
// for callers that fold a text rune by rune without holding all of it.
func AppendFoldRune(dst []byte, r rune) []byte {
	r = unicode.ToLower(r)
	if f, ok := foldTable[r]; ok {
		return append(dst, f...)
	}
	if unicode.Is(unicode.Mn, r) {
		return dst
	}
	return utf8.AppendRune(dst, r)
}

var foldTable = func() map[rune]string {
	groups := map[string]string{
		"a":  "àáâãäåāăą",
		"c":  "çćĉċč",
		"d":  "ďđ",
		"e":  "èéêëēĕėęě",
		"g":  "ĝğġģ",
		"h":  "ĥħ",
		"i":  "ìíîïĩīĭįı",
		"j":  "ĵ",
		"k":  "ķ",
		"l":  "ĺļľŀł",
		"n":  "ñńņňŉ",
		"o":  "òóôõöøōŏő",
		"r":  "ŕŗř",
		"s":  "śŝşšș",
		"t":  "ţťŧț",
		"u":  "ùúûüũūŭůűų",
		"w":  "ŵ",
		"y":  "ýÿŷ",
		"z":  "źżž",
		"ae": "æ",
		"oe": "œ",
		"ss": "ß",
		"th": "þ",
	}
	m := make(map[rune]string)
	for to, from := range groups {
		for _, r := range from {
			m[r] = to
		}
	}
	// Typographic variants that users never type.
	m['ʼ'] = "'"
	m['’'] = "'"
	m['ﬁ'] = "fi"
	m['ﬂ'] = "fl"
	return m
}()
