package extract

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// cleanText makes extracted text safe and regular: valid UTF-8, no control
// characters other than newline and tab, no zero-width or soft-hyphen
// characters, non-breaking spaces as spaces, ligatures expanded, LF line
// ends, no trailing blanks, at most one blank line in a row, trimmed.
func cleanText(s string) string {
	if s == "" {
		return ""
	}
	if clean(s) {
		return tidyLines(s) // nothing to replace: no copy
	}
	if strings.Contains(s, "\u00ad") {
		s = reSoftHyphenBreak.ReplaceAllString(s, "")
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if c := s[i]; c >= 0x20 && c < 0x7F { // printable ASCII, as is
			b.WriteByte(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r == utf8.RuneError && size == 1 {
			continue // invalid byte
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
			// soft hyphen, zero-width characters, BOM: drop
		case r < 0x20, r >= 0x7F && r < 0xA0:
			// other controls: drop
		case r >= 0xFB00 && r <= 0xFB06:
			b.WriteString(ligatures[r-0xFB00])
		default:
			b.WriteRune(r)
		}
	}
	return tidyLines(b.String())
}

// reSoftHyphenBreak is a soft hyphen ending a line: the word goes on on
// the next line.
var reSoftHyphenBreak = regexp.MustCompile(`\x{00AD}[ \t]*\r?\n[ \t]*`)

var ligatures = [...]string{"ff", "fi", "fl", "ffi", "ffl", "ſt", "st"}

// clean reports whether cleanText's first pass would leave s as it is:
// valid UTF-8 without control characters other than newline and tab, and
// without the characters it replaces or drops.
func clean(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7F || c == '\n' || c == '\t' {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			return false
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1,
			r < 0xA0, r == 0xA0, r == 0xAD,
			r >= 0x2000 && r <= 0x200D, r == 0x2028, r == 0x2029, r == 0x202F, r == 0x2060, r == 0x3000, r == 0xFEFF,
			r >= 0xFB00 && r <= 0xFB06:
			return false
		}
		i += size
	}
	return true
}

// tidyLines trims trailing blanks of lines, collapses runs of spaces and
// tabs inside a line into one space, keeps at most one blank line in a row
// and trims the result. It writes the lines as it reads them, into one
// string.
func tidyLines(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	blank := false // a blank line is due before the next line of text
	for line := range strings.SplitSeq(s, "\n") {
		if strings.Trim(line, " \t") == "" {
			blank = b.Len() > 0 // leading blank lines are dropped
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
			if blank {
				b.WriteByte('\n')
			}
		}
		blank = false
		writeCollapsedSpaces(&b, line)
	}
	return b.String()
}

// writeCollapsedSpaces writes s to b with each run of spaces and tabs
// replaced by one space and the ends trimmed (s is not blank).
func writeCollapsedSpaces(b *strings.Builder, s string) {
	if !strings.ContainsAny(s, " \t") {
		b.WriteString(s)
		return
	}
	start := b.Len()
	space := false
	// Spaces and tabs are ASCII: bytes are copied as they are.
	s = validRunes(s)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\t' {
			space = true
			continue
		}
		if space && b.Len() > start {
			b.WriteByte(' ')
		}
		space = false
		b.WriteByte(c)
	}
}

// validRunes returns s with each byte that is not UTF-8 replaced by
// U+FFFD, as ranging over s reads it.
func validRunes(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.Map(func(r rune) rune { return r }, s)
}

// oneLine collapses all whitespace of s (newlines included) into single
// spaces, after cleaning it.
func oneLine(s string) string {
	return strings.Join(strings.Fields(cleanText(s)), " ")
}

// decodeBytes turns bytes of unknown encoding into UTF-8: a UTF-8 or UTF-16
// BOM decides; else valid UTF-8 is kept; else the bytes are read as
// Windows-1252 (the superset of Latin-1 that "Latin-1" files really use).
func decodeBytes(data []byte) (string, string) {
	switch {
	case len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF:
		return strings.ToValidUTF8(string(data[3:]), ""), "utf-8"
	case len(data) >= 2 && data[0] == 0xFF && data[1] == 0xFE:
		return decodeUTF16(data[2:], false), "utf-16le"
	case len(data) >= 2 && data[0] == 0xFE && data[1] == 0xFF:
		return decodeUTF16(data[2:], true), "utf-16be"
	}
	if utf8.Valid(data) {
		return string(data), "utf-8"
	}
	return decodeLatin(data), "windows-1252"
}

// decodeLatin decodes Windows-1252 (Latin-1 for the bytes they share).
func decodeLatin(data []byte) string {
	if enc, _ := charset.Lookup("windows-1252"); enc != nil {
		if out, err := enc.NewDecoder().Bytes(data); err == nil {
			return string(out)
		}
	}
	rs := make([]rune, len(data))
	for i, c := range data {
		rs[i] = rune(c)
	}
	return string(rs)
}

func decodeUTF16(b []byte, bigEndian bool) string {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		if bigEndian {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		} else {
			u = append(u, uint16(b[i+1])<<8|uint16(b[i]))
		}
	}
	return string(utf16.Decode(u))
}

// paginate splits text into pages of about maxWords words, cutting only at
// paragraph boundaries (blank lines; single line breaks when a paragraph
// alone is too long; words as a last resort). Text of at most maxWords
// words is one page. Empty text gives no page.
func paginate(text string, maxWords int) []string {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil
	}
	if maxWords <= 0 || countWords(text) <= maxWords {
		return []string{text}
	}
	var pages []string
	var cur []string
	curWords := 0
	flush := func() {
		if len(cur) > 0 {
			pages = append(pages, strings.Join(cur, "\n\n"))
			cur, curWords = nil, 0
		}
	}
	add := func(unit string, n int) {
		if curWords > 0 && curWords+n > maxWords {
			flush()
		}
		cur = append(cur, unit)
		curWords += n
	}
	for _, para := range strings.Split(text, "\n\n") {
		para = strings.TrimSpace(para)
		if para == "" {
			continue
		}
		n := countWords(para)
		if n <= maxWords {
			add(para, n)
			continue
		}
		// A paragraph longer than a page: cut at line breaks, then words.
		flush()
		var chunk []string
		chunkWords := 0
		emit := func() {
			if len(chunk) > 0 {
				pages = append(pages, strings.Join(chunk, "\n"))
				chunk, chunkWords = nil, 0
			}
		}
		for _, line := range strings.Split(para, "\n") {
			words := strings.Fields(line)
			for len(words) > 0 {
				room := maxWords - chunkWords
				if len(words) <= room {
					chunk = append(chunk, line)
					chunkWords += len(words)
					break
				}
				if chunkWords > 0 && len(words) <= maxWords {
					emit()
					continue
				}
				chunk = append(chunk, strings.Join(words[:room], " "))
				chunkWords += room
				emit()
				words = words[room:]
				line = strings.Join(words, " ")
			}
		}
		emit()
	}
	flush()
	return pages
}

func countWords(s string) int {
	n := 0
	in := false
	for i := 0; i < len(s); {
		var space bool
		if c := s[i]; c < utf8.RuneSelf {
			space = c == ' ' || c >= '\t' && c <= '\r' // unicode.IsSpace's ASCII
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if space {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

// normLang turns a declared language ("en-US", "ES", "fr_FR", "spa") into
// two lower-case letters, or "" when it does not look like one.
func normLang(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_ ,;"); i >= 0 {
		s = s[:i]
	}
	switch s {
	case "eng", "english", "anglais", "inglés", "ingles":
		return "en"
	case "spa", "esp", "spanish", "español", "espanol", "espagnol":
		return "es"
	case "fra", "fre", "french", "français", "francais", "francés", "frances":
		return "fr"
	case "por", "portuguese", "português", "portugues":
		return "pt"
	}
	if len(s) == 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' && s[1] <= 'z' {
		return s
	}
	return ""
}

var months = map[string]int{
	"jan": 1, "january": 1, "ene": 1, "enero": 1, "janv": 1, "janvier": 1,
	"feb": 2, "february": 2, "febrero": 2, "fév": 2, "fev": 2, "févr": 2, "fevr": 2, "février": 2, "fevrier": 2,
	"mar": 3, "march": 3, "marzo": 3, "mars": 3,
	"apr": 4, "april": 4, "abr": 4, "abril": 4, "avr": 4, "avril": 4,
	"may": 5, "mayo": 5, "mai": 5,
	"jun": 6, "june": 6, "junio": 6, "juin": 6,
	"jul": 7, "july": 7, "julio": 7, "juil": 7, "juillet": 7,
	"aug": 8, "august": 8, "ago": 8, "agosto": 8, "août": 8, "aout": 8,
	"sep": 9, "sept": 9, "september": 9, "septiembre": 9, "setiembre": 9, "septembre": 9,
	"oct": 10, "october": 10, "octubre": 10, "octobre": 10,
	"nov": 11, "november": 11, "noviembre": 11, "novembre": 11,
	"dec": 12, "december": 12, "dic": 12, "diciembre": 12, "déc": 12, "décembre": 12, "decembre": 12,
}

var (
	reISODate   = regexp.MustCompile(`^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:$|[T\s])`)
	reCompact   = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})?(?:\d*)?(?:$|[^\d])`)
	reDMY       = regexp.MustCompile(`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:$|[^\d])`)
	reWordsDate = regexp.MustCompile(`[\p{L}]+\.?|\d+`)
)

// normDate normalises a date to YYYY-MM-DD, YYYY-MM or YYYY; "" when it
// cannot be read. It knows PDF dates ("D:20190514120000+02'00'"), ISO 8601
// and RFC 3339 dates, compact 20190514, numeric dates with the year last
// (day first, as in Spanish and French usage, unless only month first
// makes sense: 05/14/2019), and dates with English, Spanish or French
// month names ("May 14, 2019", "14 de mayo de 2019", "14 mai 2019",
// "mayo 2019"). Parts out of range are dropped (2019-02-30 gives 2019-02).
func normDate(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(strings.TrimPrefix(s, "D:"), "d:")
	s = strings.Trim(s, `"'`)
	if s == "" {
		return ""
	}
	if m := reISODate.FindStringSubmatch(s); m != nil {
		return ymd(m[1], m[2], m[3])
	}
	if m := reCompact.FindStringSubmatch(s); m != nil {
		return ymd(m[1], m[2], m[3])
	}
	if m := reDMY.FindStringSubmatch(s); m != nil {
		d, mo := m[1], m[2]
		if di, _ := strconv.Atoi(d); di <= 12 {
			if mi, _ := strconv.Atoi(mo); mi > 12 { // 05/14/2019: month first
				d, mo = mo, d
			}
		}
		return ymd(m[3], mo, d)
	}
	// Month names.
	toks := reWordsDate.FindAllString(strings.ToLower(s), -1)
	year, month, day := 0, 0, 0
	for _, t := range toks {
		t = strings.TrimSuffix(t, ".")
		if n, err := strconv.Atoi(t); err == nil {
			switch {
			case len(t) == 4 && year == 0:
				year = n
			case len(t) <= 2 && day == 0 && n >= 1 && n <= 31:
				day = n
			}
			continue
		}
		if mo, ok := months[t]; ok && month == 0 {
			month = mo
		}
	}
	if year == 0 || year < 1000 {
		return ""
	}
	if month == 0 {
		return ymdInts(year, 0, 0)
	}
	return ymdInts(year, month, day)
}

func ymd(y, m, d string) string {
	yi, _ := strconv.Atoi(y)
	mi, _ := strconv.Atoi(m)
	di, _ := strconv.Atoi(d)
	return ymdInts(yi, mi, di)
}

func ymdInts(y, m, d int) string {
	if y < 1000 || y > 2999 {
		return ""
	}
	if m < 1 || m > 12 {
		return strconv.Itoa(y)
	}
	if d < 1 || d > daysIn(y, m) {
		return strconv.Itoa(y) + "-" + pad2(m)
	}
	return strconv.Itoa(y) + "-" + pad2(m) + "-" + pad2(d)
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
