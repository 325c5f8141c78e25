package search

import (
	"strings"
	"unicode"
)

// Corrected returns text with each word that fixes names (as typed)
// replaced by its correction, in lower case unless the word was
// capitalised; "" when nothing was replaced.
func Corrected(text string, fixes map[string]string) string {
	if len(fixes) == 0 {
		return ""
	}
	changed := false
	var b strings.Builder
	i := 0
	for i < len(text) {
		j := i
		for j < len(text) {
			r := rune(text[j])
			if r < 0x80 && !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\'' {
				break
			}
			j++
		}
		if j == i {
			b.WriteByte(text[i])
			i++
			continue
		}
		w := text[i:j]
		if c, ok := fixes[w]; ok && !strings.EqualFold(c, w) {
			c = strings.ToLower(c)
			if first := []rune(w)[0]; unicode.IsUpper(first) {
				rs := []rune(c)
				rs[0] = unicode.ToUpper(rs[0])
				c = string(rs)
			}
			b.WriteString(c)
			changed = true
		} else {
			b.WriteString(w)
		}
		i = j
	}
	if !changed {
		return ""
	}
	return b.String()
}
