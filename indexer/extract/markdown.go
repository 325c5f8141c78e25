package extract

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"faro/format"
)

// MarkdownEngine names the Markdown engine in Result.Engine.
const MarkdownEngine = "markdown"

// MarkdownExtractor extracts Markdown files: YAML front matter between
// "---" lines (a subset of YAML read without a YAML library: "key: value"
// lines, single- and double-quoted scalars with escapes and line folding,
// flow lists "[a, b]", block lists "- item", block scalars "|" and ">",
// one level of nested keys flattened as "parent.child"), and the body with
// the Markdown syntax stripped: heading markers, emphasis, link targets
// (the link text stays), images (dropped), HTML tags, table pipes; code
// blocks are kept as text.
//
// Front matter fills Meta (lists joined with ", "), Title (title, else the
// first "# " heading), Description (summary, description, excerpt),
// Author, Date (date, published, ...; normalised) and Lang.
type MarkdownExtractor struct{}

var _ = register(format.Markdown, MarkdownExtractor{})

// Extract implements Extractor.
func (MarkdownExtractor) Extract(ctx context.Context, name string, data []byte) (*Result, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	src, enc := decodeBytes(data)
	src = strings.ReplaceAll(src, "\r\n", "\n")
	res := &Result{Format: format.Markdown.Name, Engine: MarkdownEngine, Pages: []string{}}
	fm, body, ok := splitFrontMatter(src)
	if ok {
		meta := parseFrontMatter(fm)
		if len(meta) > 0 {
			res.Meta = meta
		}
	}
	if enc != "utf-8" {
		if res.Meta == nil {
			res.Meta = map[string]string{}
		}
		res.Meta["charset"] = enc
	}
	get := func(keys ...string) string {
		for _, k := range keys {
			for mk, v := range res.Meta {
				if strings.EqualFold(mk, k) && strings.TrimSpace(v) != "" {
					return oneLine(v)
				}
			}
		}
		return ""
	}
	res.Title = get("title")
	res.Description = get("summary", "description", "excerpt", "abstract", "subtitle")
	res.Author = get("author", "authors", "creator")
	for _, k := range []string{"date", "published", "published_time", "publishdate", "pubdate", "publication_date", "created", "year", "lastmod", "modified_time", "updated"} {
		if d := normDate(get(k)); d != "" {
			res.Date = d
			break
		}
	}
	res.Lang = normLang(get("lang", "language", "locale"))
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	text, h1 := stripMarkdown(body)
	if res.Title == "" {
		res.Title = h1
	}
	res.Pages = paginate(cleanText(text), PageWords)
	if res.Pages == nil {
		res.Pages = []string{}
		res.addFlag(FlagEmpty)
	}
	return res, nil
}

// splitFrontMatter cuts a leading "---" block from src. It returns the
// front matter lines, the body, and whether there was a front matter.
func splitFrontMatter(src string) (string, string, bool) {
	s := strings.TrimPrefix(src, "\uFEFF")
	first, rest, ok := strings.Cut(s, "\n")
	if !ok || strings.TrimRight(first, " \t") != "---" {
		return "", src, false
	}
	pos := 0
	for pos <= len(rest) {
		line, _, more := strings.Cut(rest[pos:], "\n")
		if t := strings.TrimRight(line, " \t"); t == "---" || t == "..." {
			body := ""
			if more {
				body = rest[pos+len(line)+1:]
			}
			return rest[:pos], body, true
		}
		if !more {
			break
		}
		pos += len(line) + 1
	}
	return "", src, false // no closing line: not front matter
}

var reFMKey = regexp.MustCompile(`^([A-Za-z0-9_][A-Za-z0-9_.\- ]*?)[ \t]*:(?:[ \t]+(.*)|[ \t]*)$`)

// parseFrontMatter reads the YAML subset described on MarkdownExtractor.
func parseFrontMatter(fm string) map[string]string {
	meta := map[string]string{}
	lines := strings.Split(fm, "\n")
	for i := 0; i < len(lines) && len(meta) < 500; i++ {
		line := lines[i]
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		if indentOf(line) > 0 {
			continue // stray indented line
		}
		m := reFMKey.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		key, val := m[1], strings.TrimSpace(m[2])
		i = fmValue(lines, i, key, val, meta)
	}
	return meta
}

// fmValue reads the value of key starting on line i (val is the rest of
// that line), stores it in meta, and returns the index of the last line it
// consumed.
func fmValue(lines []string, i int, key, val string, meta map[string]string) int {
	switch {
	case val == "":
		// A block list, a nested map, or nothing.
		var items []string
		nested := false
		j := i + 1
		for ; j < len(lines); j++ {
			l := lines[j]
			t := strings.TrimSpace(l)
			if t == "" || strings.HasPrefix(t, "#") {
				continue
			}
			if indentOf(l) == 0 && !strings.HasPrefix(t, "- ") && t != "-" {
				break
			}
			if strings.HasPrefix(t, "- ") || t == "-" {
				item := strings.TrimSpace(strings.TrimPrefix(t, "-"))
				items = append(items, scalar(item))
				continue
			}
			if indentOf(l) > 0 {
				if m := reFMKey.FindStringSubmatch(t); m != nil {
					sub := strings.TrimSpace(m[2])
					if sub == "" || strings.HasPrefix(sub, "|") || strings.HasPrefix(sub, ">") {
						continue // deeper nesting: not kept
					}
					if _, dup := meta[key+"."+m[1]]; !dup {
						meta[key+"."+m[1]] = scalar(sub)
					}
					nested = true
				}
				continue
			}
			break
		}
		if len(items) > 0 {
			meta[key] = strings.Join(items, ", ")
		} else if _, dup := meta[key]; !dup && !nested {
			meta[key] = ""
		}
		return j - 1
	case val == "|" || val == ">" || strings.HasPrefix(val, "|") || strings.HasPrefix(val, ">"):
		folded := val[0] == '>'
		keep := strings.Contains(val, "+")
		var block []string
		j := i + 1
		indent := -1
		for ; j < len(lines); j++ {
			l := lines[j]
			if strings.TrimSpace(l) == "" {
				block = append(block, "")
				continue
			}
			in := indentOf(l)
			if indent < 0 {
				indent = in
			}
			if in < indent || in == 0 {
				break
			}
			block = append(block, l[indent:])
		}
		if !keep {
			for len(block) > 0 && block[len(block)-1] == "" {
				block = block[:len(block)-1]
			}
		}
		var v string
		if folded {
			v = foldLines(block)
		} else {
			v = strings.Join(block, "\n")
		}
		setMeta(meta, key, v)
		return j - 1
	case val[0] == '"' || val[0] == '\'':
		// A quoted scalar may go on over several lines.
		q := val[0]
		buf := val
		j := i
		for !quoteClosed(buf, q) && j+1 < len(lines) {
			j++
			buf += "\n" + lines[j]
		}
		setMeta(meta, key, unquote(buf))
		return j
	case val[0] == '[':
		buf := val
		j := i
		for !strings.Contains(buf, "]") && j+1 < len(lines) {
			j++
			buf += " " + strings.TrimSpace(lines[j])
		}
		setMeta(meta, key, strings.Join(flowList(buf), ", "))
		return j
	default:
		// Plain scalar, possibly continued on more-indented lines.
		v := val
		j := i
		for j+1 < len(lines) && indentOf(lines[j+1]) > 0 && strings.TrimSpace(lines[j+1]) != "" &&
			!strings.HasPrefix(strings.TrimSpace(lines[j+1]), "- ") {
			j++
			v += " " + strings.TrimSpace(lines[j])
		}
		setMeta(meta, key, scalar(v))
		return j
	}
}

func setMeta(meta map[string]string, key, v string) {
	if _, dup := meta[key]; !dup {
		meta[key] = truncateUTF8(v, 10000)
	}
}

func indentOf(l string) int {
	n := 0
	for n < len(l) && (l[n] == ' ' || l[n] == '\t') {
		n++
	}
	return n
}

// foldLines folds a ">" block: lines join with spaces, blank lines become
// line breaks.
func foldLines(block []string) string {
	var b strings.Builder
	for i, l := range block {
		if l == "" {
			b.WriteByte('\n')
			continue
		}
		if i > 0 && block[i-1] != "" {
			b.WriteByte(' ')
		}
		b.WriteString(l)
	}
	return b.String()
}

// scalar reads a plain or quoted scalar on one line, dropping a trailing
// comment from a plain one.
func scalar(v string) string {
	v = strings.TrimSpace(v)
	if v == "" {
		return ""
	}
	if v[0] == '"' || v[0] == '\'' {
		return unquote(v)
	}
	if i := strings.Index(v, " #"); i >= 0 {
		v = strings.TrimSpace(v[:i])
	}
	if v == "~" || v == "null" {
		return ""
	}
	return v
}

// quoteClosed reports whether the quoted scalar starting at buf[0] ends in buf.
func quoteClosed(buf string, q byte) bool {
	for i := 1; i < len(buf); i++ {
		c := buf[i]
		if q == '"' && c == '\\' {
			i++
			continue
		}
		if c == q {
			if q == '\'' && i+1 < len(buf) && buf[i+1] == '\'' {
				i++
				continue
			}
			return true
		}
	}
	return false
}

// unquote decodes a YAML quoted scalar (its first byte is the quote),
// folding line breaks as YAML does: a single break becomes a space, blank
// lines become breaks, and in double quotes an escaped break joins lines.
func unquote(s string) string {
	q := s[0]
	var b strings.Builder
	i := 1
	for i < len(s) {
		c := s[i]
		switch {
		case c == q && q == '\'' && i+1 < len(s) && s[i+1] == '\'':
			b.WriteByte('\'')
			i += 2
			continue
		case c == q:
			return b.String()
		case c == '\n':
			// Fold: trim trailing blanks already written, skip leading blanks.
			out := strings.TrimRight(b.String(), " \t")
			b.Reset()
			b.WriteString(out)
			i++
			blank := 0
			for i < len(s) {
				j := i
				for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
					j++
				}
				if j < len(s) && s[j] == '\n' {
					blank++
					i = j + 1
					continue
				}
				i = j
				break
			}
			if blank > 0 {
				b.WriteString(strings.Repeat("\n", blank))
			} else {
				b.WriteByte(' ')
			}
			continue
		case c == '\\' && q == '"' && i+1 < len(s):
			i++
			e := s[i]
			i++
			switch e {
			case 'n':
				b.WriteByte('\n')
			case 't', '\t':
				b.WriteByte('\t')
			case 'r':
				b.WriteByte('\r')
			case '0':
				// NUL: dropped
			case 'a', 'b', 'e', 'f', 'v':
				// controls: dropped
			case ' ':
				b.WriteByte(' ')
			case '_':
				b.WriteString("\u00a0")
			case 'N':
				b.WriteString("\u0085")
			case 'L':
				b.WriteString("\u2028")
			case 'P':
				b.WriteString("\u2029")
			case 'x', 'u', 'U':
				n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[e]
				if i+n <= len(s) {
					if v, err := strconv.ParseUint(s[i:i+n], 16, 32); err == nil && utf8.ValidRune(rune(v)) {
						b.WriteRune(rune(v))
						i += n
						continue
					}
				}
				b.WriteByte(e)
			case '\n':
				// Escaped line break: join without a space, skip indentation.
				for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
					i++
				}
			default:
				b.WriteByte(e) // \" \\ \/ and unknown escapes
			}
			continue
		}
		b.WriteByte(c)
		i++
	}
	return b.String() // unterminated: keep what there is
}

// flowList reads "[a, 'b', "c"]".
func flowList(v string) []string {
	v = strings.TrimSpace(v)
	v = strings.TrimPrefix(v, "[")
	if i := strings.LastIndex(v, "]"); i >= 0 {
		v = v[:i]
	}
	var items []string
	for len(v) > 0 {
		v = strings.TrimLeft(v, " \t")
		if v == "" {
			break
		}
		var item string
		if v[0] == '"' || v[0] == '\'' {
			end := len(v)
			for i := 1; i < len(v); i++ {
				if v[0] == '"' && v[i] == '\\' {
					i++
					continue
				}
				if v[i] == v[0] {
					end = i + 1
					break
				}
			}
			item = unquote(v[:end])
			v = v[end:]
			if k := strings.Index(v, ","); k >= 0 {
				v = v[k+1:]
			} else {
				v = ""
			}
		} else {
			k := strings.Index(v, ",")
			if k < 0 {
				item, v = strings.TrimSpace(v), ""
			} else {
				item, v = strings.TrimSpace(v[:k]), v[k+1:]
			}
		}
		if item != "" {
			items = append(items, item)
		}
	}
	return items
}

var (
	reImage      = regexp.MustCompile(`!\[[^\]\n]*\]\([^)\n]*\)|!\[[^\]\n]*\]\[[^\]\n]*\]`)
	reLink       = regexp.MustCompile(`\[([^\]\n]*)\]\((?:[^()\n]|\([^)\n]*\))*\)`)
	reRefLink    = regexp.MustCompile(`\[([^\]\n]+)\]\[[^\]\n]*\]`)
	reAutolink   = regexp.MustCompile(`<((?:https?|ftp|mailto):[^>\s]+)>`)
	reLinkDef    = regexp.MustCompile(`^\s{0,3}\[[^\]]+\]:\s+\S+.*$`)
	reHTMLTag    = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>`)
	reHTMLComm   = regexp.MustCompile(`(?s)<!--.*?-->`)
	reHeading    = regexp.MustCompile(`^\s{0,3}(#{1,6})(?:\s+|$)(.*?)(?:\s+#+)?\s*$`)
	reSetext     = regexp.MustCompile(`^\s{0,3}(=+|-+)\s*$`)
	reRule       = regexp.MustCompile(`^\s{0,3}((\*\s*){3,}|(-\s*){3,}|(_\s*){3,})$`)
	reListMark   = regexp.MustCompile(`^(\s*)(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?`)
	reQuoteMark  = regexp.MustCompile(`^\s{0,3}(?:>\s?)+`)
	reTableSep   = regexp.MustCompile(`^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$`)
	reStrong     = regexp.MustCompile(`(\*\*|__)([^\s*_](?:.*?[^\s])?)(\*\*|__)`)
	reEmStar     = regexp.MustCompile(`(^|[^\w*])\*([^\s*](?:[^*\n]*?[^\s*])?)\*`)
	reEmUnder    = regexp.MustCompile(`(^|[^\w_])_([^\s_](?:[^_\n]*?[^\s_])?)_($|[^\w_])`)
	reStrike     = regexp.MustCompile(`~~([^~\n]+)~~`)
	reInlineCode = regexp.MustCompile("`+([^`\n]+)`+")
	reEscape     = regexp.MustCompile(`\\([\\` + "`" + `*_{}\[\]()#+\-.!|<>~"'])`)
)

// stripMarkdown returns the body's text without Markdown syntax and the
// text of its first level-1 heading.
func stripMarkdown(body string) (string, string) {
	body = reHTMLComm.ReplaceAllString(body, "")
	lines := strings.Split(body, "\n")
	out := make([]string, 0, len(lines))
	h1 := ""
	fence := ""
	for i, line := range lines {
		t := strings.TrimSpace(line)
		if fence != "" {
			if strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == "" {
				fence = ""
				out = append(out, "")
				continue
			}
			out = append(out, line) // code kept as text
			continue
		}
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			n := len(t) - len(strings.TrimLeft(t, t[:1]))
			fence = t[:n]
			out = append(out, "")
			continue
		}
		if reLinkDef.MatchString(line) || reTableSep.MatchString(line) && strings.Contains(line, "-") && strings.Contains(line, "|") {
			continue
		}
		if reRule.MatchString(line) {
			out = append(out, "")
			continue
		}
		if m := reSetext.FindStringSubmatch(line); m != nil && i > 0 && len(out) > 0 && strings.TrimSpace(out[len(out)-1]) != "" {
			if m[1][0] == '=' && h1 == "" {
				h1 = oneLine(inlineMarkdown(out[len(out)-1]))
			}
			out = append(out, "")
			continue
		}
		if m := reHeading.FindStringSubmatch(line); m != nil {
			text := inlineMarkdown(m[2])
			if len(m[1]) == 1 && h1 == "" {
				h1 = oneLine(text)
			}
			out = append(out, "", text, "")
			continue
		}
		line = reQuoteMark.ReplaceAllString(line, "")
		line = reListMark.ReplaceAllString(line, "$1")
		if strings.Count(line, "|") >= 2 {
			line = strings.ReplaceAll(strings.Trim(strings.TrimSpace(line), "|"), "|", " ")
		}
		out = append(out, inlineMarkdown(line))
	}
	return strings.Join(out, "\n"), h1
}

// inlineMarkdown strips inline syntax: images, links (text kept), HTML
// tags, emphasis, inline code markers and backslash escapes.
func inlineMarkdown(s string) string {
	s = reImage.ReplaceAllString(s, "")
	s = reLink.ReplaceAllString(s, "$1")
	s = reRefLink.ReplaceAllString(s, "$1")
	s = reAutolink.ReplaceAllString(s, "$1")
	s = reHTMLTag.ReplaceAllString(s, " ")
	s = reInlineCode.ReplaceAllString(s, "$1")
	for k := 0; k < 3; k++ { // nested emphasis
		s = reStrong.ReplaceAllString(s, "$2")
		s = reEmStar.ReplaceAllString(s, "$1$2")
		s = reEmUnder.ReplaceAllString(s, "$1$2$3")
	}
	s = reStrike.ReplaceAllString(s, "$1")
	s = reEscape.ReplaceAllString(s, "$1")
	s = strings.ReplaceAll(s, "&nbsp;", " ")
	s = strings.ReplaceAll(s, "&amp;", "&")
	return s
}
