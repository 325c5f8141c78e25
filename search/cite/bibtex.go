package cite

import (
	"bufio"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"unicode"
)

// bibMonths are BibTeX's month macros.
var bibMonths = [...]string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

// bibLangIDs are biblatex's language names (langid) of Faro's languages.
var bibLangIDs = map[string]string{"en": "english", "es": "spanish", "fr": "french"}

// WriteBibTeX writes items as biblatex entries: @report for publications
// (with their type in lang), @online for web pages, with unique citation
// keys. Text stays UTF-8; LaTeX's special characters are escaped so every
// field has balanced braces and prints as written.
func WriteBibTeX(w io.Writer, items []Item, lang string) error {
	lang = uiLang(lang)
	bw := bufio.NewWriter(w)
	keys := citationKeys(items)
	for i := range items {
		it := &items[i]
		if i > 0 {
			bw.WriteString("\n")
		}
		kind := "report"
		if it.Type == "web-page" {
			kind = "online"
		}
		fmt.Fprintf(bw, "@%s{%s,\n", kind, keys[i])
		field := func(name, value string) {
			if value != "" {
				fmt.Fprintf(bw, "  %-11s = {%s},\n", name, value)
			}
		}
		authors := make([]string, len(it.Authors))
		for j, a := range it.Authors {
			// Braced: a corporate name is one name, not "given family".
			authors[j] = "{" + bibEscape(a) + "}"
		}
		field("author", strings.Join(authors, " and "))
		field("title", bibTitle(it.Title))
		if kind == "report" {
			field("type", bibEscape(typeLabel(it.Type, lang)))
			field("institution", bibEscape(it.Publisher))
		} else {
			field("organization", bibEscape(it.Publisher))
		}
		y, m, _ := dateParts(it)
		if y > 0 {
			field("year", strconv.Itoa(y))
		}
		if m > 0 {
			fmt.Fprintf(bw, "  %-11s = %s,\n", "month", bibMonths[m-1])
		}
		field("langid", bibLangIDs[it.Lang])
		var kw []string
		for _, c := range countryNames(it.Countries, lang) {
			kw = append(kw, bibEscape(strings.ReplaceAll(c, ",", "")))
		}
		for _, n := range it.GCM {
			kw = append(kw, "GCM "+strconv.Itoa(n))
		}
		field("keywords", strings.Join(kw, ", "))
		field("abstract", bibEscape(it.Summary))
		field("url", bibURL(it.URL))
		if it.PublisherURL != "" {
			field("note", bibEscape(tr(lang, "publisher_url"))+`: \url{`+bibURLArg(it.PublisherURL)+"}")
		}
		bw.WriteString("}\n")
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write bibtex: %w", err)
	}
	return nil
}

// bibEscape escapes text for a braced BibTeX field. BibTeX counts braces
// even after a backslash, so literal braces become \textbraceleft{} and
// \textbraceright{}, keeping every field balanced.
func bibEscape(s string) string {
	s = oneLine(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\textbackslash{}`)
		case '{':
			b.WriteString(`\textbraceleft{}`)
		case '}':
			b.WriteString(`\textbraceright{}`)
		case '&', '%', '$', '#', '_':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '~':
			b.WriteString(`\textasciitilde{}`)
		case '^':
			b.WriteString(`\textasciicircum{}`)
		case '<':
			b.WriteString(`\textless{}`)
		case '>':
			b.WriteString(`\textgreater{}`)
		case '"':
			b.WriteString(`{"}`)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// bibTitle escapes a title and protects words with inner capitals
// (acronyms such as IOM, C4D) from a style's case changes: "{IOM}".
func bibTitle(s string) string {
	words := strings.Split(oneLine(s), " ")
	for i, w := range words {
		if protectCase(w) {
			words[i] = "{" + bibEscape(w) + "}"
		} else {
			words[i] = bibEscape(w)
		}
	}
	return strings.Join(words, " ")
}

// protectCase reports whether a word has an upper-case letter after its
// first letter.
func protectCase(w string) bool {
	first := true
	for _, r := range w {
		if !unicode.IsLetter(r) {
			continue
		}
		if !first && unicode.IsUpper(r) {
			return true
		}
		first = false
	}
	return false
}

// bibURL prepares a URL for biblatex's verbatim url field: characters that
// would unbalance braces, end the field or break a line are
// percent-encoded.
func bibURL(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '{' || r == '}' || r == '\\' || r == '"':
			fmt.Fprintf(&b, "%%%02X", r)
		case r <= ' ' || r == 0x7f:
			fmt.Fprintf(&b, "%%%02X", r)
		case r > 0x7f:
			b.WriteString(url.PathEscape(string(r)))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// bibURLArg prepares a URL for \url{...} inside an ordinary field, where
// % and # must be escaped and ^ is percent-encoded.
func bibURLArg(s string) string {
	s = bibURL(s)
	return strings.NewReplacer("%", `\%`, "#", `\#`, "^", `\%5E`).Replace(s)
}
