package extract

import (
	"math"
	"regexp"
	"strings"
	"unicode"

	"faro/indexer/pdftext"
	"faro/search"
)

// Cover-title parameters, as fractions of a line's font size unless said
// otherwise.
const (
	// blockSizeTol: lines of one block differ in size by at most this
	// share; blockLooseTol for a line set tightly and flush left below
	// the previous one (a title whose last lines are set smaller).
	blockSizeTol  = 0.04
	blockLooseTol = 0.10
	// blockGap: the most a block's next baseline is below its last;
	// blockTightGap: a line this close belongs to the block whatever its
	// alignment.
	blockGap      = 2.2
	blockTightGap = 1.35
	// minTitleRatio: a cover title is set at least this much larger than
	// the page's body text.
	minTitleRatio = 1.15
	// subtitleGap, subtitleMin: a subtitle starts at most subtitleGap
	// sizes of the title below its last line, in type at least
	// subtitleMin of the title's and minSubtitleRatio of the body's.
	subtitleGap      = 2.5
	subtitleMin      = 0.5
	minSubtitleRatio = 1.2
	// coverPages is how many pages are read for a cover title.
	coverPages = 2
	// coverLetters: a page with fewer letters is a cover.
	coverLetters = 400
	// maxTitleWords bounds a cover title.
	maxTitleWords = 60
)

// textBlock is a run of lines of one type size that read as one unit.
type textBlock struct {
	lines []pdftext.Line
	size  float64
	// alone: a date, number or label line that takes no other line.
	alone bool
}

func (b *textBlock) last() pdftext.Line { return b.lines[len(b.lines)-1] }

// text joins the block's lines, a hyphen at a line's end joined with the
// lower-case word that follows.
func (b *textBlock) text() string {
	var s strings.Builder
	for i, l := range b.lines {
		t := strings.TrimSpace(l.Text)
		if i > 0 {
			prev := s.String()
			if strings.HasSuffix(prev, "-") && startsLowerCase(t) {
				s.Reset()
				s.WriteString(strings.TrimSuffix(prev, "-"))
			} else {
				s.WriteByte(' ')
			}
		}
		s.WriteString(t)
	}
	return strings.Join(strings.Fields(s.String()), " ")
}

func startsLowerCase(s string) bool {
	for _, r := range s {
		return unicode.IsLower(r)
	}
	return false
}

// aligned reports whether two lines share their left edge, centre or
// right edge, within tolerances in proportion to size.
func aligned(a, b pdftext.Line, size float64) bool {
	ca, cb := (a.X0+a.X1)/2, (b.X0+b.X1)/2
	return math.Abs(a.X0-b.X0) <= 0.6*size || math.Abs(ca-cb) <= 1.5*size || math.Abs(a.X1-b.X1) <= 0.6*size
}

// blocks groups a page's lines (top to bottom) into blocks.
func blocks(lines []pdftext.Line) []*textBlock {
	var out []*textBlock
	for _, l := range lines {
		if strings.TrimSpace(l.Text) == "" || l.Size <= 0 {
			continue
		}
		var into *textBlock
		if isFiller(l.Text) {
			// A date, a number or a label stands alone.
			out = append(out, &textBlock{lines: []pdftext.Line{l}, size: l.Size, alone: true})
			continue
		}
		// The block may be one of the last few: lines of other blocks
		// (a column beside it) come between.
		for i := len(out) - 1; i >= 0 && i >= len(out)-4; i-- {
			b := out[i]
			if b.alone {
				continue
			}
			last := b.last()
			gap := l.Top - last.Top
			diff := math.Abs(l.Size-b.size) / b.size
			if gap < 0.3*b.size || gap > blockGap*b.size {
				continue
			}
			same := diff <= blockSizeTol && (gap <= blockTightGap*b.size || aligned(last, l, b.size))
			loose := diff <= blockLooseTol && gap <= blockTightGap*b.size*1.1 && math.Abs(last.X0-l.X0) <= 0.6*b.size
			if same || loose {
				into = b
				break
			}
		}
		if into == nil {
			out = append(out, &textBlock{lines: []pdftext.Line{l}, size: l.Size})
			continue
		}
		into.lines = append(into.lines, l)
	}
	return out
}

// bodySize is the type size that most letters of the page are set in; on
// a cover with little text (fewer than coverLetters letters), the
// smallest size that sets a few words.
func bodySize(lines []pdftext.Line, letters int) float64 {
	if letters < coverLetters {
		small := 0.0
		for _, l := range lines {
			if letterCount(l.Text) >= 8 && (small == 0 || l.Size < small) {
				small = l.Size
			}
		}
		if small > 0 {
			return small
		}
	}
	count := map[float64]int{}
	for _, l := range lines {
		count[math.Round(l.Size*2)/2] += letterCount(l.Text)
	}
	best, n := 0.0, -1
	for s, c := range count {
		if c > n || (c == n && s < best) {
			best, n = s, c
		}
	}
	return best
}

var (
	// reDateOnly matches a line that is only a date ("December 2024",
	// "[19-04-2023]", "Juillet, 2021", "9th July 2025").
	reDateOnly = regexp.MustCompile(`^[\[(]?(?:\d{1,2}(?:st|nd|rd|th|er)?[ .\-/]+)?(?:[\p{L}.]+,?[ \-/]+(?:de[ ]+)?)?(?:\d{1,2}[\-/.])?\d{4}[\])]?\.?$`)
	reDigits   = regexp.MustCompile(`^[\d\s.,:/\-–]+$`)
)

// seriesLabels are the folded labels a cover prints above its title to
// say what kind of document it is; alone they are not a title.
var seriesLabels = map[string]bool{}

func init() {
	for _, s := range []string{
		"evaluation brief", "learning brief", "policy brief", "brief", "evaluation summary", "executive summary",
		"sommaire evaluation", "sommaire d'evaluation", "resume d'evaluation", "resume d evaluation", "note d'evaluation",
		"resumen de evaluacion", "resumen ejecutivo", "resume executif", "sumario executivo", "resumo executivo",
		"resumo da avaliacao", "fact sheet", "factsheet", "ficha informativa", "fiche d'information", "final report",
		"rapport final", "informe final", "relatorio final", "report", "rapport", "informe", "annex", "annexe", "anexo",
		"table of contents", "contents", "table des matieres", "indice", "sumario", "disclaimer", "foreword",
		"acknowledgements", "remerciements", "agradecimientos", "draft", "borrador", "projet", "confidential",
	} {
		seriesLabels[s] = true
	}
}

// labelKey folds s and keeps its words and apostrophes.
func labelKey(s string) string {
	s = strings.ReplaceAll(search.Fold(s), "’", "'")
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	}), " ")
}

// titleWords are the folded words of s.
func titleWords(s string) []string {
	return strings.FieldsFunc(search.Fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// isFiller reports whether a line is a lone date, number or series label.
func isFiller(t string) bool {
	t = strings.TrimSpace(t)
	return reDateOnly.MatchString(t) || reDigits.MatchString(t) || seriesLabels[labelKey(t)]
}

// isTitleCandidate reports whether a block's text can be a title: two
// words or more, not a lone date, number or series label.
func isTitleCandidate(t string) bool {
	return letterCount(t) >= 4 && len(titleWords(t)) >= 2 && wordy(t) && !isFiller(t)
}

// wordy reports whether most of s's characters (spaces aside) are
// letters: not a code such as "C/106/INF/8/Rev.1".
func wordy(s string) bool {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	l := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			l++
		}
	}
	return 2*l > n
}

// CoverTitle finds the title printed on a document's first page from its
// lines (pdftext.Document.PageLines, one slice per page; the second page
// is read when the first has almost no text): the block of at least two
// words set in the largest type that stands out from the body text and
// is not a series label, a date or a number, weighed by how much text
// comes before it (a title comes first; a section heading lower on the
// page may be set larger), followed by its subtitle when one is set just
// below it. A block at the top of the text set in capitals may be set no
// larger than the body (evaluation briefs). A block whose words the
// file's declared title (hint, may be "") holds is preferred: the
// metadata confirms it. A short generic title ("Management Response
// Matrix") is completed by the page's title field ("Evaluation title:
// ..."). It returns "" when no block qualifies.
func CoverTitle(pages [][]pdftext.Line, hint string) string {
	hintWords := map[string]bool{}
	for _, w := range titleWords(hint) {
		hintWords[w] = true
	}
	for p := 0; p < len(pages) && p < coverPages; p++ {
		lines := pages[p]
		letters := 0
		for _, l := range lines {
			letters += letterCount(l.Text)
		}
		if letters < thinCover && p+1 < len(pages) && p+1 < coverPages {
			continue
		}
		body := bodySize(lines, letters)
		bs := blocks(lines)
		best, bestScore := -1, 0.0
		above := 0
		for i, b := range bs {
			t := b.text()
			frac := float64(above) / float64(max(letters, 1))
			above += letterCount(t)
			if !isTitleCandidate(t) || len(strings.Fields(t)) > maxTitleWords {
				continue
			}
			if len(hintWords) > 0 && b.size >= body && confirms(t, hintWords) {
				best = i
				break
			}
			stands := b.size >= minTitleRatio*body || (frac < topShare && b.size >= body && isUpperText(t) && len(strings.Fields(t)) >= 3)
			if !stands {
				continue
			}
			if score := b.size * (1 - frac); best < 0 || score > bestScore*1.01 {
				best, bestScore = i, score
			}
		}
		if best < 0 {
			return ""
		}
		title := bs[best].text()
		if sub := subtitle(bs, best, body); sub != "" {
			title = strings.TrimRight(title, ":;,.– -") + ": " + sub
		} else if len(strings.Fields(title)) <= 4 {
			if v := titleField(bs); v != "" {
				title = strings.TrimRight(title, ":;,.– -") + ": " + v
			}
		}
		return title
	}
	return ""
}

// Cover parameters: a first page with fewer letters than thinCover is a
// cover (a picture, a title) and page 2 may hold the title; topShare is
// the share of a page's letters that may come before a title set no
// larger than the body.
const (
	thinCover = 40
	topShare  = 0.1
)

// reTitleField matches a form's title field: "Evaluation title/year:",
// "Title:", "Titre du projet :", "Título:".
var reTitleField = regexp.MustCompile(`(?i)^\s*(?:(?:evaluation|project|report|document)\s+)?(?:title|titre|t[íi]tulo)(?:\s+(?:de l[’']?|du|de la|del|of the)\s*(?:évaluation|evaluation|projet|proyecto|evaluación|evaluacion|rapport|project|evaluation))?(?:\s*/\s*(?:year|date|année|año|annee))?\s*:\s*(.+)$`)

// reTrailingYear is a year closing a title field ("..., 2023").
var reTrailingYear = regexp.MustCompile(`[,;]?\s*\(?(?:19|20)\d\d\)?\.?$`)

// titleField returns the value of the page's title field, with the lines
// of its block that follow, without a trailing year.
func titleField(bs []*textBlock) string {
	for _, b := range bs {
		m := reTitleField.FindStringSubmatch(b.text())
		if m == nil {
			continue
		}
		v := strings.TrimSpace(reTrailingYear.ReplaceAllString(strings.TrimSpace(m[1]), ""))
		if isTitleCandidate(v) {
			return v
		}
	}
	return ""
}

// isUpperText reports whether s has letters and no lower-case one.
func isUpperText(s string) bool {
	return strings.IndexFunc(s, unicode.IsLower) < 0 && strings.IndexFunc(s, unicode.IsUpper) >= 0
}

// confirms reports whether the declared title's words hold most of t's
// words (t has at least three).
func confirms(t string, hint map[string]bool) bool {
	ws := titleWords(t)
	if len(ws) < 3 {
		return false
	}
	n := 0
	for _, w := range ws {
		if hint[w] {
			n++
		}
	}
	return float64(n) >= 0.7*float64(len(ws))
}

// subtitle returns the text of the block that follows block i as its
// subtitle, or "".
func subtitle(bs []*textBlock, i int, body float64) string {
	title := bs[i]
	last := title.last()
	for _, b := range bs[i+1:] {
		first := b.lines[0]
		gap := first.Top - last.Top
		if gap <= 0.3*title.size {
			continue // beside the title, not below it
		}
		if gap > subtitleGap*title.size {
			return ""
		}
		t := b.text()
		if b.size >= title.size || b.size < subtitleMin*title.size || b.size < minSubtitleRatio*body ||
			!isTitleCandidate(t) || strings.HasPrefix(t, "(") || !aligned(last, first, title.size) {
			return ""
		}
		return t
	}
	return ""
}

// coverLines reads the lines of the first pages of doc.
func coverLines(doc *pdftext.Document) [][]pdftext.Line {
	var out [][]pdftext.Line
	for i := 0; i < doc.NumPages() && i < coverPages; i++ {
		ls, _, err := doc.PageLines(i)
		if err != nil && len(ls) == 0 {
			break
		}
		out = append(out, ls)
	}
	return out
}
