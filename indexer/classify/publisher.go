package classify

import (
	"slices"
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
	var words []string
	for _, p := range candidates {
		for line := range strings.SplitSeq(p, "\n") {
			words = split(taxonomy.Fold(line), words[:0])
			if strings.Contains(line, "©") || publishedBy.in(words) >= 0 {
				if name := firstPublisher(words); name != "" {
					return name
				}
			}
		}
	}
	for _, p := range candidates {
		if name := firstPublisher(split(taxonomy.Fold(p), words[:0])); name != "" {
			return name
		}
	}
	return ""
}

// wordSeqs are phrases as words, found among a text's words (tokens).
type wordSeqs struct {
	// byFirst holds the phrases by their first word, each with its
	// number in the list they were made from.
	byFirst map[string][]wordSeq
}

type wordSeq struct {
	n     int
	words []string
}

// newWordSeqs indexes phrases (folded words separated by single spaces).
// A phrase with other characters (punctuation) is left out: tokens never
// hold it.
func newWordSeqs(phrases []string) wordSeqs {
	x := wordSeqs{byFirst: map[string][]wordSeq{}}
	for n, p := range phrases {
		words := split(p, nil)
		if len(words) == 0 || strings.Join(words, " ") != p {
			continue
		}
		x.byFirst[words[0]] = append(x.byFirst[words[0]], wordSeq{n, words})
	}
	return x
}

// in returns the number of the first of the phrases that starts earliest
// in words, -1 when none is there.
func (x wordSeqs) in(words []string) int {
	for i, w := range words {
		best := -1
		for _, s := range x.byFirst[w] {
			if (best < 0 || s.n < best) && len(s.words) <= len(words)-i && slices.Equal(words[i:i+len(s.words)], s.words) {
				best = s.n
			}
		}
		if best >= 0 {
			return best
		}
	}
	return -1
}

// publishedBy are the (folded) words of a line that says who published a
// document.
var publishedBy = newWordSeqs([]string{"published by", "publicado por", "publie par", "copyright"})

// publisherNames are the names of publishers, in order, and publisherOf
// the publisher of each.
var publisherNames, publisherOf = func() (wordSeqs, []string) {
	var names, of []string
	for _, p := range publishers {
		for _, n := range p.names {
			names = append(names, n)
			of = append(of, p.name)
		}
	}
	return newWordSeqs(names), of
}()

// firstPublisher returns the publisher named first in words (tokens), ""
// when none is: at the same word, the one listed first.
func firstPublisher(words []string) string {
	if n := publisherNames.in(words); n >= 0 {
		return publisherOf[n]
	}
	return ""
}
