package indexer

import (
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"faro/format"
	"faro/indexer/extract"
	"faro/search"
)

// FlagTitleFromFileName marks a document that has no title of its own:
// its title is its file name's words.
const FlagTitleFromFileName = "title-from-file-name"

// Where a document's title comes from (besides a sidecar or a listing).
const (
	titleFromLayout   = "layout"   // the cover, read from a PDF's layout
	titleFromXMP      = "xmp"      // a PDF's XMP dc:title
	titleFromMetadata = "metadata" // the file's declared title (PDF Info, HTML, front matter)
	titleFromHeading  = "heading"  // a web page's first heading, when its <title> is a bare word or two
	titleFromFile     = "filename"
)

// contentTitle is the title a file gives itself and where it comes from:
// a PDF's cover title, then its declared title when the text bears it
// out; for other formats the title the extractor found. "" when none.
func contentTitle(rel string, res *extract.Result) (string, string) {
	if res.Format == format.HTML.Name {
		// A page's banner heading says more than a one- or two-word
		// <title> that names the page in the site's menu ("Cost").
		t := cleanTitle(res.Title)
		if h := cleanTitle(res.Heading); len(foldedWords(t)) <= 2 && len(foldedWords(h)) >= 3 && len(foldedWords(h)) <= 25 {
			return recase(h, []string{strings.ToLower(h)}), titleFromHeading
		}
	}
	if res.Format != format.PDF.Name {
		if t := cleanTitle(res.Title); t != "" {
			return t, titleFromMetadata
		}
		return "", ""
	}
	pages := res.Pages[:min(len(res.Pages), 3)]
	if t := strings.TrimSpace(res.Heading); t != "" {
		return recase(t, append([]string{res.Title}, pages...)), titleFromLayout
	}
	if t := res.Meta[extract.MetaXMPTitle]; plausibleTitle(t, rel, pages) {
		return recase(t, pages), titleFromXMP
	}
	if t := res.Title; plausibleTitle(t, rel, pages) {
		return recase(t, pages), titleFromMetadata
	}
	return "", ""
}

// plausibleTitle reports whether a PDF's declared title can be its title:
// not a tool's leftover ("Untitled", "Microsoft Word - ..."), not one
// letter, not the file's name, and its words found in the first pages
// (an office template keeps the title of the document it was made from).
func plausibleTitle(t, rel string, pages []string) bool {
	t = cleanTitle(t)
	words := foldedWords(t)
	if len(words) < 2 || strings.IndexFunc(t, unicode.IsLetter) < 0 {
		return false
	}
	if strings.Join(words, " ") == strings.Join(foldedWords(titleFromName(rel)), " ") {
		return false
	}
	text := map[string]bool{}
	for _, p := range pages {
		for _, w := range foldedWords(p) {
			text[w] = true
		}
	}
	n, found := 0, 0
	for _, w := range words {
		if len([]rune(w)) < 3 {
			continue
		}
		n++
		if text[w] {
			found++
		}
	}
	return n > 0 && float64(found) >= 0.6*float64(n)
}

// foldedWords are the case- and accent-folded words of s.
func foldedWords(s string) []string {
	return strings.FieldsFunc(search.Fold(s), notWordRune)
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// isUpperText reports whether s has letters and none in lower case.
func isUpperText(s string) bool {
	return strings.IndexFunc(s, unicode.IsLower) < 0 && strings.IndexFunc(s, unicode.IsUpper) >= 0
}

// recase writes a title set in capitals as the document writes it
// elsewhere: the same words in mixed case in one of sources (the declared
// title, the text) when they are there, capitals kept only for acronyms;
// otherwise word by word: an acronym (a word the text writes only in
// capitals) stays in capitals, a word the text capitalises within its
// sentences (a name) keeps its capital, others are in lower case, with
// their accents from the text; the first word is capitalised. Other
// titles are returned as they are.
func recase(title string, sources []string) string {
	if isUpperText(title) {
		return recaseAll(title, sources)
	}
	// A title in capitals followed by a subtitle in mixed case (or the
	// reverse): each run of words in capitals is recased on its own.
	parts := capsRuns(title)
	if len(parts) == 0 {
		return title
	}
	var b strings.Builder
	last := 0
	for _, p := range parts {
		b.WriteString(title[last:p[0]])
		run := title[p[0]:p[1]]
		b.WriteString(recaseAll(run, sources))
		last = p[1]
	}
	b.WriteString(title[last:])
	return b.String()
}

// minCapsRun is the fewest words in capitals in a row recased as a title.
const minCapsRun = 3

// capsRuns returns the byte ranges of the runs of at least minCapsRun
// words in capitals of s (numbers may be among them).
func capsRuns(s string) [][2]int {
	type span struct {
		start, end int
		caps, num  bool
	}
	var words []span
	start := -1
	for i, r := range s + " " {
		if notWordRune(r) || i == len(s) {
			if start >= 0 {
				w := s[start:i]
				words = append(words, span{start, i, isUpperText(w), strings.IndexFunc(w, unicode.IsLetter) < 0})
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	var out [][2]int
	for i := 0; i < len(words); {
		if !words[i].caps {
			i++
			continue
		}
		j, n := i, 0
		for j < len(words) && (words[j].caps || words[j].num) {
			if words[j].caps {
				n++
			}
			j++
		}
		if n >= minCapsRun {
			out = append(out, [2]int{words[i].start, words[j-1].end})
		}
		i = j
	}
	return out
}

// recaseAll recases a title that is all in capitals (see recase).
func recaseAll(title string, sources []string) string {
	want := foldedWords(title)
	if len(want) == 0 {
		return title
	}
	needed := map[string]bool{}
	for _, w := range want {
		needed[w] = true
	}
	type word struct {
		orig, fold string
		start      bool // first of a sentence or line
	}
	var texts [][]word
	forms := map[string]*wordForms{}
	for _, src := range sources {
		var ws []word
		start := true
		var cur strings.Builder
		flush := func() {
			if cur.Len() > 0 {
				o := cur.String()
				ws = append(ws, word{o, search.Fold(o), start})
				cur.Reset()
				start = false
			}
		}
		for _, r := range src {
			if notWordRune(r) {
				flush()
				if strings.ContainsRune(".!?:\n•", r) {
					start = true
				}
				continue
			}
			cur.WriteRune(r)
		}
		flush()
		texts = append(texts, ws)
		for _, w := range ws {
			if needed[w.fold] {
				f := forms[w.fold]
				if f == nil {
					f = &wordForms{seen: map[string]int{}, short: len([]rune(w.fold)) <= maxAcronym}
					forms[w.fold] = f
				}
				f.add(w.orig, w.start)
			}
		}
	}
	for _, ws := range texts {
		for i := 0; i+len(want) <= len(ws); i++ {
			match := true
			for j, w := range want {
				if ws[i+j].fold != w || (isUpperText(ws[i+j].orig) && !forms[w].acronym()) {
					match = false
					break
				}
			}
			if match {
				origs := make([]string, len(want))
				for j := range want {
					origs[j] = ws[i+j].orig
				}
				origs[0] = capitalise(origs[0])
				return replaceWords(title, origs)
			}
		}
	}
	origs := make([]string, len(want))
	for i, w := range want {
		origs[i] = forms[w].best(w)
		if i == 0 {
			origs[i] = capitalise(origs[i])
		}
	}
	return replaceWords(title, origs)
}

// maxAcronym is the longest word kept in capitals when the text writes
// it in no other way.
const maxAcronym = 5

// wordForms counts how a text writes one word.
type wordForms struct {
	seen                  map[string]int
	upper, capital, lower int
	other                 int
	short                 bool // at most maxAcronym letters
}

func (f *wordForms) add(orig string, sentenceStart bool) {
	switch {
	case isUpperText(orig):
		f.upper++
		return
	case strings.IndexFunc(orig, unicode.IsUpper) < 0:
		f.lower++
	case sentenceStart:
		// A capital at a sentence's start says nothing of the word,
		// but its accents do.
		f.other++
	default:
		f.capital++
	}
	f.seen[orig]++
}

// acronym reports whether the text writes the word only in capitals and
// it is short (a long word seen only in capitals is from headings).
func (f *wordForms) acronym() bool {
	return f != nil && f.upper > 0 && f.lower == 0 && f.capital == 0 && f.other == 0 && len(f.seen) == 0 && f.short
}

// best is how the title writes the folded word w: an acronym in
// capitals, a name capitalised, other words in lower case, in the text's
// most frequent spelling (accents).
func (f *wordForms) best(w string) string {
	if f == nil {
		return w
	}
	if f.acronym() || len(f.seen) == 0 {
		if f.acronym() {
			return strings.ToUpper(w)
		}
		return w
	}
	spelling, n := "", 0
	for s, c := range f.seen {
		if c > n || (c == n && s < spelling) {
			spelling, n = s, c
		}
	}
	spelling = strings.ToLower(spelling)
	if f.capital > f.lower {
		return capitalise(spelling)
	}
	return spelling
}

// capitalise upper-cases the first letter of s.
func capitalise(s string) string {
	for i, r := range s {
		return s[:i] + string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}

// replaceWords replaces the words of s, in order, by words (as many as s
// has), keeping what is between them.
func replaceWords(s string, words []string) string {
	var b strings.Builder
	i := 0
	inWord := false
	for _, r := range s {
		if notWordRune(r) {
			inWord = false
			b.WriteRune(r)
			continue
		}
		if !inWord {
			inWord = true
			if i < len(words) {
				b.WriteString(words[i])
			}
			i++
		}
		if i > len(words) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// futureWords are folded words that, before a year, make it a target or
// a deadline ("by 2030", "hasta 2030", "d'ici 2030"), not a year reported.
var futureWords = map[string]bool{"by": true, "until": true, "till": true, "through": true, "hasta": true, "para": true,
	"ici": true, "jusqu": true, "horizon": true, "towards": true, "toward": true, "hacia": true, "vers": true, "ate": true}

// latestYear returns the latest year (1990 to this year) the text
// reports, not a target ("by 2030"), with the words around it; 0 when
// there is none.
func latestYear(pages []string) (int, string) {
	now := time.Now().Year()
	best, ev := 0, ""
	for _, p := range pages {
		toks := strings.FieldsFunc(p, notWordRune)
		for i, t := range toks {
			if len(t) != 4 {
				continue
			}
			y, err := strconv.Atoi(t)
			if err != nil || y < 1990 || y > now || y <= best {
				continue
			}
			if i > 0 && futureWords[search.Fold(toks[i-1])] {
				continue
			}
			best, ev = y, strings.Join(toks[max(0, i-3):i+1], " ")
		}
	}
	return best, ev
}

// reNameYear is a year standing alone in a file name.
var reNameYear = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)[0-9]{2})(?:[^0-9]|$)`)

// yearFromName returns the last year (1990 to next year) in the file
// name of rel, 0 when none.
func yearFromName(rel string) int {
	base := path.Base(rel)
	y := 0
	for _, m := range reNameYear.FindAllStringSubmatch(base, -1) {
		if n, _ := strconv.Atoi(m[1]); n >= 1990 && n <= time.Now().Year()+1 {
			y = n
		}
	}
	return y
}

// normDateYear is the year of a PDF date ("D:20240808134229-04'00'"), 0
// when it has none.
func normDateYear(s string) int {
	s = strings.TrimPrefix(strings.TrimSpace(s), "D:")
	if len(s) < 4 {
		return 0
	}
	y, err := strconv.Atoi(s[:4])
	if err != nil || y < 1900 {
		return 0
	}
	return y
}

// postKinds are the folded front-matter values ("type", "layout") that
// make a Markdown file a post or article of a site or newspaper.
var postKinds = map[string]bool{"post": true, "posts": true, "article": true, "articles": true, "news": true,
	"noticia": true, "noticias": true, "nota": true, "articulo": true, "actualite": true, "actualites": true}

// declaresPost reports whether front matter meta says the file is a post
// or an article.
func declaresPost(meta map[string]string) bool {
	for _, k := range []string{"type", "layout", "og:type"} {
		if postKinds[search.Fold(strings.TrimSpace(meta[k]))] {
			return true
		}
	}
	return false
}

// fileAuthor is the author the file declares, for a PDF only when its
// text names that author: a PDF's Info /Author is most often the person
// who last saved the file, not who wrote it.
func fileAuthor(res *extract.Result) string {
	a := strings.TrimSpace(res.Author)
	if a == "" || res.Format != format.PDF.Name {
		return a
	}
	text := map[string]bool{}
	pages := res.Pages
	if len(pages) > 5 {
		// The cover and first pages, and the colophon at the end.
		pages = append(append([]string(nil), pages[:3]...), pages[len(pages)-2:]...)
	}
	for _, p := range pages {
		for _, w := range foldedWords(p) {
			text[w] = true
		}
	}
	n, found := 0, 0
	for _, w := range foldedWords(a) {
		if len([]rune(w)) < 3 {
			continue
		}
		n++
		if text[w] {
			found++
		}
	}
	if n == 0 || float64(found) < 0.66*float64(n) {
		return ""
	}
	return a
}
