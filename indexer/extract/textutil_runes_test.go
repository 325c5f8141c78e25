package extract

import (
	"math/rand/v2"
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
		if got := collapsedSpaces(s); got != want {
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

// collapsedSpaces is s as tidyLines writes a line of it.
func collapsedSpaces(s string) string {
	if strings.Trim(s, " \t") == "" {
		return ""
	}
	var b strings.Builder
	writeCollapsedSpaces(&b, s)
	return b.String()
}

// TestCleanTextAsBefore holds cleanText (a pass that copies nothing when
// there is nothing to replace, lines tidied in one pass) to its previous
// version on text built from every kind of character it treats.
func TestCleanTextAsBefore(t *testing.T) {
	pieces := []string{"a", "ñ", "é", "word", " ", "  ", "\t", "\n", "\n\n", "\n \n", "\r", "\r\n", "\f", "\v", "\x00", "\x1c",
		"\x7f", "\u0085", "\u0080", "\u009f", "\u00a0", "\u00a1", "\u00ad", "\u00ad\n", "\u2000", "\u2007", "\u200a", "\u200b",
		"\u200d", "\u200e", "\u2028", "\u2029", "\u202f", "\u2060", "\u3000", "\ufeff", "\ufb00", "\ufb01", "\ufb06", "\ufb07",
		"\ufffd", "\xff", "\xc3", "\xe2\x80", "Ω", "日本"}
	rng := rand.New(rand.NewPCG(7, 8))
	for i := range 20000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := cleanText(s), cleanTextBefore(s); got != want {
			t.Fatalf("text %d %q: %q, before %q", i, s, got, want)
		}
		if got, want := tidyLines(s), tidyLinesBefore(s); got != want {
			t.Fatalf("text %d %q: tidyLines %q, before %q", i, s, got, want)
		}
	}
}

// cleanTextBefore is cleanText as it was, copying every text.
func cleanTextBefore(s string) string {
	if s == "" {
		return ""
	}
	if strings.Contains(s, "\u00ad") {
		s = reSoftHyphenBreak.ReplaceAllString(s, "")
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if c := s[i]; c >= 0x20 && c < 0x7F {
			b.WriteByte(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r == utf8.RuneError && size == 1 {
			continue
		}
		switch {
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				continue
			}
			b.WriteByte('\n')
		case r == '\n', r == '\t':
			b.WriteRune(r)
		case r == '\f', r == '\v', r == 0x85, r == 0x2028, r == 0x2029:
			b.WriteByte('\n')
		case r == 0xA0, r == 0x2007, r == 0x202F, r == 0x3000 || (r >= 0x2000 && r <= 0x200A):
			b.WriteByte(' ')
		case r == 0xAD, r == 0x200B, r == 0x200C, r == 0x200D, r == 0x2060, r == 0xFEFF:
		case r < 0x20, r >= 0x7F && r < 0xA0:
		case r >= 0xFB00 && r <= 0xFB06:
			b.WriteString(ligatures[r-0xFB00])
		default:
			b.WriteRune(r)
		}
	}
	return tidyLinesBefore(b.String())
}

// tidyLinesBefore is tidyLines as it was, splitting and joining lines.
func tidyLinesBefore(s string) string {
	lines := strings.Split(s, "\n")
	out := make([]string, 0, len(lines))
	blank := true
	for _, l := range lines {
		l = collapseSpacesBefore(l)
		if l == "" {
			if !blank {
				out = append(out, "")
			}
			blank = true
			continue
		}
		blank = false
		out = append(out, l)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, "\n")
}

// collapseSpacesBefore is the line tidying tidyLinesBefore used.
func collapseSpacesBefore(s string) string {
	if !strings.ContainsAny(s, " \t") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	s = validRunes(s)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\t' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteByte(c)
	}
	return b.String()
}
