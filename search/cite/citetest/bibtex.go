package citetest

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// BibEntry is one parsed BibTeX entry. Fields hold the raw values as
// written (without the outer braces); Text decodes them.
type BibEntry struct {
	Type, Key string
	Fields    map[string]string
	Order     []string
}

// Text returns field name decoded to plain text ("" when absent).
func (e BibEntry) Text(name string) (string, error) {
	raw, ok := e.Fields[name]
	if !ok {
		return "", nil
	}
	if name == "url" {
		return raw, nil
	}
	return BibText(raw)
}

var (
	bibIdent = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]*`)
	bibKey   = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_:.-]*`)
	bibBare  = regexp.MustCompile(`^[A-Za-z0-9]+`)
)

// ParseBibTeX parses src strictly: only entries and white space, every
// value braced and balanced (or a bare number or month macro), on one
// line, no duplicate keys or fields, LaTeX specials escaped.
func ParseBibTeX(src string) ([]BibEntry, error) {
	var out []BibEntry
	keys := map[string]bool{}
	s := src
	pos := func() int { return len(src) - len(s) }
	skip := func() { s = strings.TrimLeft(s, " \t\r\n") }
	for skip(); s != ""; skip() {
		if s[0] != '@' {
			return nil, fmt.Errorf("offset %d: text outside an entry: %.20q", pos(), s)
		}
		s = s[1:]
		typ := bibIdent.FindString(s)
		if typ == "" {
			return nil, fmt.Errorf("offset %d: missing entry type", pos())
		}
		s = s[len(typ):]
		if !strings.HasPrefix(s, "{") {
			return nil, fmt.Errorf("offset %d: entry type not followed by {", pos())
		}
		s = s[1:]
		key := bibKey.FindString(s)
		if key == "" {
			return nil, fmt.Errorf("offset %d: missing or bad citation key", pos())
		}
		if keys[key] {
			return nil, fmt.Errorf("duplicate citation key %q", key)
		}
		keys[key] = true
		s = s[len(key):]
		e := BibEntry{Type: strings.ToLower(typ), Key: key, Fields: map[string]string{}}
		if !strings.HasPrefix(s, ",") {
			return nil, fmt.Errorf("entry %s: key not followed by a comma", key)
		}
		s = s[1:]
		for {
			skip()
			if strings.HasPrefix(s, "}") {
				s = s[1:]
				break
			}
			name := bibIdent.FindString(s)
			if name == "" {
				return nil, fmt.Errorf("entry %s, offset %d: expected a field name or }", key, pos())
			}
			s = strings.TrimLeft(s[len(name):], " ")
			name = strings.ToLower(name)
			if _, dup := e.Fields[name]; dup {
				return nil, fmt.Errorf("entry %s: duplicate field %s", key, name)
			}
			if !strings.HasPrefix(s, "=") {
				return nil, fmt.Errorf("entry %s: field %s lacks =", key, name)
			}
			s = strings.TrimLeft(s[1:], " ")
			var val string
			if strings.HasPrefix(s, "{") {
				depth, i := 0, 0
				for ; i < len(s); i++ {
					switch s[i] {
					case '{':
						depth++
					case '}':
						depth--
					case '\n', '\r':
						return nil, fmt.Errorf("entry %s: field %s spans lines", key, name)
					}
					if depth == 0 {
						break
					}
				}
				if depth != 0 {
					return nil, fmt.Errorf("entry %s: field %s has unbalanced braces", key, name)
				}
				val = s[1:i]
				s = s[i+1:]
				if err := checkBibValue(name, val); err != nil {
					return nil, fmt.Errorf("entry %s: field %s: %w", key, name, err)
				}
			} else {
				val = bibBare.FindString(s)
				if val == "" {
					return nil, fmt.Errorf("entry %s: field %s: value is neither braced nor bare", key, name)
				}
				s = s[len(val):]
			}
			e.Fields[name] = val
			e.Order = append(e.Order, name)
			s = strings.TrimLeft(s, " ")
			if strings.HasPrefix(s, ",") {
				s = s[1:]
				continue
			}
			skip()
			if !strings.HasPrefix(s, "}") {
				return nil, fmt.Errorf("entry %s: field %s not followed by , or }", key, name)
			}
		}
		out = append(out, e)
	}
	return out, nil
}

// bibCommands are the LaTeX commands a value may hold, with what they
// print.
var bibCommands = map[string]string{
	`\textbackslash{}`: `\`, `\textbraceleft{}`: "{", `\textbraceright{}`: "}",
	`\textasciitilde{}`: "~", `\textasciicircum{}`: "^", `\textless{}`: "<", `\textgreater{}`: ">",
	`\&`: "&", `\%`: "%", `\$`: "$", `\#`: "#", `\_`: "_",
}

func checkBibValue(name, val string) error {
	if name == "url" {
		if strings.ContainsAny(val, " \t\\{}\"") {
			return fmt.Errorf("url %q has characters that must be percent-encoded", val)
		}
		return nil
	}
	_, err := BibText(val)
	return err
}

// BibText decodes a braced value to plain text: the escapes Faro writes are
// undone, grouping braces dropped, {"} read as ". A raw LaTeX special
// character or an unknown command is an error.
func BibText(raw string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(raw); {
		c := raw[i]
		switch {
		case strings.HasPrefix(raw[i:], `{"}`):
			b.WriteByte('"')
			i += 3
		case strings.HasPrefix(raw[i:], `\url{`):
			j := strings.IndexByte(raw[i:], '}')
			if j < 0 {
				return "", errors.New(`unterminated \url`)
			}
			u := raw[i+5 : i+j]
			if strings.ContainsAny(strings.NewReplacer(`\%`, "", `\#`, "").Replace(u), "%#{\\ ") {
				return "", fmt.Errorf(`\url{%s} has an unescaped %% or #`, u)
			}
			b.WriteString(strings.NewReplacer(`\%`, "%", `\#`, "#").Replace(u))
			i += j + 1
		case c == '\\':
			ok := false
			for cmd, lit := range bibCommands {
				if strings.HasPrefix(raw[i:], cmd) {
					b.WriteString(lit)
					i += len(cmd)
					ok = true
					break
				}
			}
			if !ok {
				return "", fmt.Errorf("unknown command at %.20q", raw[i:])
			}
		case c == '{' || c == '}':
			i++
		case strings.IndexByte("&%$#_~^", c) >= 0:
			return "", fmt.Errorf("unescaped %q in %q", c, raw)
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String(), nil
}
