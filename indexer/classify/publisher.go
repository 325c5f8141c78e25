package classify

import (
	"bytes"
	"strings"

	"faro/search/taxonomy"
)

// publishers are organisations that publish the documents of this field,
// each with the names it is printed under (folded) and the name a
// citation gives it. The longest names come first so that "OIM" inside
// "Organización Internacional para las Migraciones" is not read alone.
var publishers = []struct {
	name  string
	names []string
}{
	{"International Organization for Migration (IOM)", []string{"international organization for migration", "organizacion internacional para las migraciones", "organisation internationale pour les migrations", "organizacao internacional para as migracoes", "iom", "oim"}},
	{"Migration Policy Institute", []string{"migration policy institute"}},
	{"World Food Programme", []string{"world food programme", "programa mundial de alimentos", "programme alimentaire mondial"}},
	{"Save the Children", []string{"save the children"}},
	{"UNHCR", []string{"office of the united nations high commissioner for refugees", "unhcr", "acnur", "hcr"}},
	{"UNICEF", []string{"unicef"}},
	{"The White House", []string{"the white house"}},
	{"Cámara de Diputados (México)", []string{"camara de diputados del h. congreso de la union", "camara de diputados"}},
	{"Diario Oficial de la Federación (México)", []string{"diario oficial de la federacion"}},
	{"Massachusetts Institute of Technology", []string{"massachusetts institute of technology"}},
}

// publisherSpan is how much of the start and the end of a document is read
// as its cover and colophon, in bytes.
const publisherSpan = 400

// inferPublisher names the organisation a document's cover or colophon
// names: a "©" or "published by" line first, then the first publisher
// named at the start of the first page, then at the end of the last. ""
// when none is named there: an organisation named in the body is a
// subject, not the publisher.
func inferPublisher(pages []string) string {
	if len(pages) == 0 {
		return ""
	}
	first, last := pages[0], pages[len(pages)-1]
	if len(first) > publisherSpan {
		first = first[:publisherSpan]
	}
	if len(last) > publisherSpan {
		last = last[len(last)-publisherSpan:]
	}
	candidates := [...]string{first, last}
	var l []byte
	for _, p := range candidates {
		for line := range strings.SplitSeq(p, "\n") {
			l = appendPaddedWords(l[:0], line)
			if strings.Contains(line, "©") || containsAny(l, publishedBy) {
				if name, _ := firstPublisher(l); name != "" {
					return name
				}
			}
		}
	}
	for _, p := range candidates {
		if name, _ := firstPublisher(appendPaddedWords(l[:0], p)); name != "" {
			return name
		}
	}
	return ""
}

// publishedBy are the (folded) words of a line that says who published a
// document, between spaces.
var publishedBy = [][]byte{[]byte(" published by "), []byte(" publicado por "), []byte(" publie par "), []byte(" copyright ")}

// containsAny reports whether text contains one of subs.
func containsAny(text []byte, subs [][]byte) bool {
	for _, sub := range subs {
		if bytes.Contains(text, sub) {
			return true
		}
	}
	return false
}

// appendPaddedWords appends to dst the words of s (tokens) joined by
// spaces, with a space before and after: " " + strings.Join(tokens(s),
// " ") + " ".
func appendPaddedWords(dst []byte, s string) []byte {
	f := taxonomy.Fold(s)
	dst = append(dst, ' ')
	for i, n := 0, 0; ; n++ {
		start, end := nextWord(f, i)
		if start < 0 {
			break
		}
		if n > 0 {
			dst = append(dst, ' ')
		}
		dst = append(dst, f[start:end]...)
		i = end
	}
	return append(dst, ' ')
}

// paddedNames holds, for each of publishers, its names between spaces.
var paddedNames = func() [][][]byte {
	out := make([][][]byte, len(publishers))
	for i, p := range publishers {
		for _, n := range p.names {
			out[i] = append(out[i], []byte(" "+n+" "))
		}
	}
	return out
}()

// firstPublisher returns the publisher named first in text (folded words
// between spaces), with where.
func firstPublisher(text []byte) (string, int) {
	best, at := "", -1
	for k, p := range publishers {
		for _, n := range paddedNames[k] {
			if i := bytes.Index(text, n); i >= 0 && (at < 0 || i < at) {
				best, at = p.name, i
			}
		}
	}
	return best, at
}
