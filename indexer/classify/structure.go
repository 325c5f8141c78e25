package classify

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"faro/search/taxonomy"
)

// Where a body word stands weighs on the GCM objectives it supports: a
// heading names what a section is about, and a report's findings,
// conclusions and recommendations (or its executive summary) say what it
// found and asks for, where a passing sentence elsewhere only mentions.
const (
	// weightHeading multiplies a match in a heading line.
	weightHeading = 1.5
	// weightKeySection multiplies a match in a key section.
	weightKeySection = 1.25
	// keySectionWords bounds a key section's length (in words); another
	// key heading starts a new one.
	keySectionWords = 1200
	// headingMaxWords is the longest line (in words) taken for a heading.
	headingMaxWords = 12
	// keyHeadingLineWords is the longest key heading (in words) that a
	// line holding nothing else is taken for (isKeyHeadingLine).
	keyHeadingLineWords = 3
)

// keyHeadings open a key section (folded, as a heading's first words).
var keyHeadings = [][]string{
	{"key", "findings"}, {"main", "findings"}, {"findings"}, {"conclusions"}, {"conclusion"}, {"recommendations"},
	{"key", "recommendations"}, {"policy", "recommendations"}, {"lessons", "learned"}, {"lessons", "learnt"},
	{"executive", "summary"}, {"summary"}, {"key", "messages"}, {"key", "takeaways"},
	{"hallazgos"}, {"principales", "hallazgos"}, {"conclusiones"}, {"recomendaciones"}, {"lecciones", "aprendidas"},
	{"resumen", "ejecutivo"}, {"resumen"}, {"mensajes", "clave"},
	{"constats"}, {"principaux", "constats"}, {"recommandations"}, {"lecons", "apprises"}, {"resume", "executif"},
	{"resume"}, {"messages", "cles"},
	{"conclusoes"}, {"recomendacoes"}, {"licoes", "aprendidas"}, {"resumo", "executivo"}, {"principais", "constatacoes"},
}

// lineWeights returns the weight of every word of page (as tokens splits
// it): weightHeading in heading lines, weightKeySection in key sections,
// 1 elsewhere. inKey and keyLeft carry a key section over page breaks.
func lineWeights(page string, inKey *bool, keyLeft *int) []float64 {
	w, _ := foldedLineWeights(page, taxonomy.Fold(page), inKey, keyLeft)
	return w
}

// foldedLineWeights is lineWeights given the page folded too
// (taxonomy.Fold keeps its lines); it also returns the number of words.
func foldedLineWeights(page, folded string, inKey *bool, keyLeft *int) ([]float64, int) {
	lines := strings.Split(page, "\n")
	flines := strings.Split(folded, "\n")
	if len(flines) != len(lines) {
		flines = nil
	}
	counts := make([]int, len(lines))
	total := 0
	for i, line := range lines {
		if flines == nil {
			counts[i] = len(tokens(line))
		} else {
			counts[i] = countWords(flines[i])
		}
		total += counts[i]
	}
	out := make([]float64, 0, total)
	var toks []string
	for i, n := range counts {
		if n == 0 {
			continue
		}
		w := 1.0
		heading := isHeading(lines, i, n)
		if heading || n <= keyHeadingLineWords {
			if flines == nil {
				toks = tokens(lines[i])
			} else {
				toks = split(flines[i], toks[:0])
			}
			heading = heading || isKeyHeadingLine(lines[i], toks, n)
		}
		if heading {
			w = weightHeading
			if startsWithAny(toks, keyHeadings) {
				*inKey, *keyLeft = true, keySectionWords
			}
		} else if *inKey {
			w = weightKeySection
		}
		if *inKey {
			*keyLeft -= n
			if *keyLeft <= 0 {
				*inKey = false
			}
		}
		for range n {
			out = append(out, w)
		}
	}
	return out, total
}

// isHeading tells whether lines[i], of n words, reads as a heading: a
// short line that does not end a sentence or continue one, starting with a
// capital letter or a number, written in capitals or standing apart (a
// blank line before it, or a previous line that ends a sentence).
func isHeading(lines []string, i, n int) bool {
	line := strings.TrimSpace(lines[i])
	if n > headingMaxWords || len(line) > 100 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	if strings.ContainsRune(".,;-–", last) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(line)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) && first != '¿' {
		return false
	}
	if isCaps(line) {
		return true
	}
	if i == 0 {
		return false // a running header, or a line that a page break cut
	}
	prev := strings.TrimSpace(lines[i-1])
	if prev == "" {
		return true
	}
	end, _ := utf8.DecodeLastRuneInString(prev)
	return strings.ContainsRune(".!?:", end) && i+1 < len(lines) && startsUpper(lines[i+1])
}

// isCaps tells whether s has at least four letters, all capitals.
func isCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 4
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(s))
	return unicode.IsUpper(r)
}

func startsWithAny(toks []string, heads [][]string) bool {
	for _, h := range heads {
		if len(h) <= len(toks) && equalAt(toks, 0, h) {
			return true
		}
	}
	return false
}

// isKeyHeadingLine reports whether a line of n words (its folded tokens
// toks) is a capitalised key heading and nothing else ("Lessons
// learned", "Recommendations", "Conclusiones"): such a line heads a
// key section wherever the extractor put it, whatever the lines around
// it (a numbered or bulleted list after it, a table cell before it),
// which isHeading needs to tell a heading from a short line of text.
func isKeyHeadingLine(line string, toks []string, n int) bool {
	if n > keyHeadingLineWords || len(toks) != n {
		return false
	}
	first, _ := utf8.DecodeRuneInString(strings.TrimSpace(line))
	if !unicode.IsUpper(first) {
		return false
	}
	for _, h := range keyHeadings {
		if len(h) == len(toks) && equalAt(toks, 0, h) {
			return true
		}
	}
	return false
}
