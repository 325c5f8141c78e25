package extract

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// whiteSpaceCases hold white space of every kind, accents and bytes that
// are not UTF-8.
var whiteSpaceCases = []string{
	"", "plain", "a  b\n\tc", " lead and trail \t", "ni\xffño  x", "\xff\xfe ab", "é\u00a0è\u2003x  ",
	"\v\f\r x\x1c y\u0085z", "línea\r\n\r\nsiguiente\t\t fin",
}

// TestWhiteSpaceAsRunes checks that the byte-wise white space helpers
// give what reading s rune by rune gives, invalid bytes included (each
// read as U+FFFD).
func TestWhiteSpaceAsRunes(t *testing.T) {
	runeWise := func(s string, isSpace func(rune) bool, trim bool) string {
		var b strings.Builder
		space := false
		for _, r := range s {
			if isSpace(r) {
				if !trim && !space {
					b.WriteByte(' ')
				}
				space = true
				continue
			}
			if trim && space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		}
		return b.String()
	}
	ws := func(r rune) bool { return strings.ContainsRune(" \t\n\r\f", r) }
	spaceTab := func(r rune) bool { return r == ' ' || r == '\t' }
	for _, s := range whiteSpaceCases {
		want := s
		if strings.ContainsAny(s, " \t\n\r\f") {
			want = runeWise(s, ws, false)
		}
		if got := collapseWS(s); got != want {
			t.Errorf("collapseWS(%q) = %q, want %q", s, got, want)
		}
		want = s
		if strings.ContainsAny(s, " \t") {
			want = runeWise(s, spaceTab, true)
		}
		if got := collapseSpaces(s); got != want {
			t.Errorf("collapseSpaces(%q) = %q, want %q", s, got, want)
		}
		if got, want := countWords(s), len(strings.Fields(s)); got != want {
			t.Errorf("countWords(%q) = %d, want %d", s, got, want)
		}
		if v := validRunes(s); !utf8.ValidString(v) {
			t.Errorf("validRunes(%q) = %q, not UTF-8", s, v)
		}
	}
}
