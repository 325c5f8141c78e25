// Package citetest holds strict parsers and validators for the outputs of
// package cite (BibTeX, RIS, CSL-JSON, Atom), so the tests of cite, of the
// HTTP layer and of the command line can read back what was written and
// fail on anything a real consumer would choke on.
package citetest

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
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

// RISRecord is one parsed RIS record, its tags in order.
type RISRecord []RISTag

// RISTag is one line of a RIS record.
type RISTag struct{ Tag, Value string }

// Get returns the first value of tag.
func (r RISRecord) Get(tag string) string {
	for _, t := range r {
		if t.Tag == tag {
			return t.Value
		}
	}
	return ""
}

// All returns every value of tag.
func (r RISRecord) All(tag string) []string {
	var out []string
	for _, t := range r {
		if t.Tag == tag {
			out = append(out, t.Value)
		}
	}
	return out
}

var risLine = regexp.MustCompile(`^([A-Z][A-Z0-9])  - (.*)$`)

// ParseRIS parses src strictly: CRLF line ends, every line "TG  - value"
// or empty between records, records from TY to ER.
func ParseRIS(src string) ([]RISRecord, error) {
	if strings.Contains(strings.ReplaceAll(src, "\r\n", ""), "\n") || strings.Contains(strings.ReplaceAll(src, "\r\n", ""), "\r") {
		return nil, errors.New("a line does not end in CRLF, or a value holds a line break")
	}
	var out []RISRecord
	var cur RISRecord
	in := false
	for n, line := range strings.Split(strings.TrimSuffix(src, "\r\n"), "\r\n") {
		if line == "" {
			if in {
				return nil, fmt.Errorf("line %d: empty line inside a record", n+1)
			}
			continue
		}
		m := risLine.FindStringSubmatch(line)
		if m == nil {
			return nil, fmt.Errorf("line %d: not a RIS tag line: %q", n+1, line)
		}
		tag, val := m[1], m[2]
		switch {
		case !in && tag != "TY":
			return nil, fmt.Errorf("line %d: record starts with %s, not TY", n+1, tag)
		case in && tag == "TY":
			return nil, fmt.Errorf("line %d: TY inside a record", n+1)
		case tag == "TY":
			in, cur = true, RISRecord{{tag, val}}
		case tag == "ER":
			if val != "" {
				return nil, fmt.Errorf("line %d: ER with a value", n+1)
			}
			out = append(out, cur)
			in, cur = false, nil
		default:
			if val == "" || strings.TrimSpace(val) != val {
				return nil, fmt.Errorf("line %d: empty or padded value", n+1)
			}
			cur = append(cur, RISTag{tag, val})
		}
	}
	if in {
		return nil, errors.New("last record lacks ER")
	}
	return out, nil
}

// cslTypes are the item types of the CSL 1.0.2 data schema.
var cslTypes = strings.Fields(`article article-journal article-magazine article-newspaper bill book broadcast chapter
classic collection dataset document entry entry-dictionary entry-encyclopedia event figure graphic hearing interview
legal_case legislation manuscript map motion_picture musical_score pamphlet paper-conference patent performance
periodical personal_communication post post-weblog regulation report review review-book software song speech standard
thesis treaty webpage`)

// cslStrings are the CSL variables Faro writes that must be strings.
var cslStrings = strings.Fields(`title publisher genre language abstract keyword URL note`)

// ValidateCSL parses data as a CSL-JSON array and checks each item against
// the CSL data schema's rules for what Faro writes: only known variables,
// id and a known type, string variables, literal names, date-parts of
// one to three numbers, custom an object.
func ValidateCSL(data []byte) ([]map[string]any, error) {
	var items []map[string]any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&items); err != nil {
		return nil, fmt.Errorf("not a JSON array of objects: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("data after the array")
	}
	allowed := map[string]bool{"id": true, "type": true, "author": true, "issued": true, "categories": true, "custom": true}
	for _, s := range cslStrings {
		allowed[s] = true
	}
	ids := map[string]bool{}
	for i, it := range items {
		for k := range it {
			if !allowed[k] {
				return nil, fmt.Errorf("item %d: variable %q is not one Faro writes", i, k)
			}
		}
		id, ok := it["id"].(string)
		if !ok || id == "" || ids[id] {
			return nil, fmt.Errorf("item %d: missing, non-string or duplicate id %v", i, it["id"])
		}
		ids[id] = true
		typ, _ := it["type"].(string)
		known := false
		for _, t := range cslTypes {
			known = known || t == typ
		}
		if !known {
			return nil, fmt.Errorf("item %s: type %q is not a CSL type", id, it["type"])
		}
		for _, k := range cslStrings {
			if v, ok := it[k]; ok {
				if _, ok := v.(string); !ok {
					return nil, fmt.Errorf("item %s: %s is not a string", id, k)
				}
			}
		}
		if a, ok := it["author"]; ok {
			names, ok := a.([]any)
			if !ok {
				return nil, fmt.Errorf("item %s: author is not an array", id)
			}
			for _, n := range names {
				m, ok := n.(map[string]any)
				if !ok || len(m) != 1 {
					return nil, fmt.Errorf("item %s: author %v is not a literal name", id, n)
				}
				if s, ok := m["literal"].(string); !ok || s == "" {
					return nil, fmt.Errorf("item %s: author %v is not a literal name", id, n)
				}
			}
		}
		if d, ok := it["issued"]; ok {
			if err := checkCSLDate(d); err != nil {
				return nil, fmt.Errorf("item %s: issued: %w", id, err)
			}
		}
		if c, ok := it["custom"]; ok {
			if _, ok := c.(map[string]any); !ok {
				return nil, fmt.Errorf("item %s: custom is not an object", id)
			}
		}
		if c, ok := it["categories"]; ok {
			arr, ok := c.([]any)
			if !ok {
				return nil, fmt.Errorf("item %s: categories is not an array", id)
			}
			for _, x := range arr {
				if _, ok := x.(string); !ok {
					return nil, fmt.Errorf("item %s: a category is not a string", id)
				}
			}
		}
	}
	return items, nil
}

func checkCSLDate(d any) error {
	m, ok := d.(map[string]any)
	if !ok || len(m) != 1 {
		return fmt.Errorf("%v is not {\"date-parts\": ...}", d)
	}
	parts, ok := m["date-parts"].([]any)
	if !ok || len(parts) < 1 || len(parts) > 2 {
		return fmt.Errorf("date-parts %v is not an array of one or two dates", m["date-parts"])
	}
	for _, p := range parts {
		nums, ok := p.([]any)
		if !ok || len(nums) < 1 || len(nums) > 3 {
			return fmt.Errorf("date %v is not one to three numbers", p)
		}
		for _, n := range nums {
			if _, ok := n.(json.Number); !ok {
				return fmt.Errorf("date part %v is not a number", n)
			}
		}
	}
	return nil
}

// CSLYear returns the year of a validated CSL item's issued date, or 0.
func CSLYear(item map[string]any) int {
	m, _ := item["issued"].(map[string]any)
	parts, _ := m["date-parts"].([]any)
	if len(parts) == 0 {
		return 0
	}
	nums, _ := parts[0].([]any)
	if len(nums) == 0 {
		return 0
	}
	n, _ := nums[0].(json.Number)
	y, _ := strconv.Atoi(string(n))
	return y
}

// AtomFeed is a parsed Atom feed.
type AtomFeed struct {
	XMLName xml.Name     `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string       `xml:"http://www.w3.org/2005/Atom id"`
	Title   string       `xml:"http://www.w3.org/2005/Atom title"`
	Updated string       `xml:"http://www.w3.org/2005/Atom updated"`
	Links   []AtomLink   `xml:"http://www.w3.org/2005/Atom link"`
	Authors []AtomPerson `xml:"http://www.w3.org/2005/Atom author"`
	Entries []AtomEntry  `xml:"http://www.w3.org/2005/Atom entry"`
}

// AtomLink is an atom:link.
type AtomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
	Href string `xml:"href,attr"`
}

// AtomPerson is an atom:author.
type AtomPerson struct {
	Name string `xml:"http://www.w3.org/2005/Atom name"`
}

// AtomCategory is an atom:category.
type AtomCategory struct {
	Term   string `xml:"term,attr"`
	Scheme string `xml:"scheme,attr"`
	Label  string `xml:"label,attr"`
}

// AtomEntry is a parsed atom:entry.
type AtomEntry struct {
	ID         string         `xml:"http://www.w3.org/2005/Atom id"`
	Title      string         `xml:"http://www.w3.org/2005/Atom title"`
	Updated    string         `xml:"http://www.w3.org/2005/Atom updated"`
	Published  string         `xml:"http://www.w3.org/2005/Atom published"`
	Links      []AtomLink     `xml:"http://www.w3.org/2005/Atom link"`
	Authors    []AtomPerson   `xml:"http://www.w3.org/2005/Atom author"`
	Summary    string         `xml:"http://www.w3.org/2005/Atom summary"`
	Categories []AtomCategory `xml:"http://www.w3.org/2005/Atom category"`
	Content    *struct{}      `xml:"http://www.w3.org/2005/Atom content"`
}

// ParseAtom parses data as an Atom 1.0 feed and checks RFC 4287's rules:
// the namespace; the feed's id, title, updated and author (or every
// entry's); a self link; each entry's id, title, updated and alternate
// link; ids are absolute IRIs, dates RFC 3339; one of each single element.
func ParseAtom(data []byte) (*AtomFeed, error) {
	var f AtomFeed
	if err := xml.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("not an Atom feed: %w", err)
	}
	if err := checkSingles(data); err != nil {
		return nil, err
	}
	if err := checkIRI(f.ID); err != nil {
		return nil, fmt.Errorf("feed id: %w", err)
	}
	if strings.TrimSpace(f.Title) == "" {
		return nil, errors.New("feed has no title")
	}
	if _, err := time.Parse(time.RFC3339, f.Updated); err != nil {
		return nil, fmt.Errorf("feed updated: %w", err)
	}
	self := false
	for _, l := range f.Links {
		if l.Href == "" {
			return nil, errors.New("feed link without href")
		}
		self = self || l.Rel == "self"
	}
	if !self {
		return nil, errors.New(`feed has no link rel="self"`)
	}
	ids := map[string]bool{}
	for i, e := range f.Entries {
		if err := checkIRI(e.ID); err != nil {
			return nil, fmt.Errorf("entry %d id: %w", i, err)
		}
		if ids[e.ID] {
			return nil, fmt.Errorf("entry %d: duplicate id %s", i, e.ID)
		}
		ids[e.ID] = true
		if strings.TrimSpace(e.Title) == "" {
			return nil, fmt.Errorf("entry %s has no title", e.ID)
		}
		if _, err := time.Parse(time.RFC3339, e.Updated); err != nil {
			return nil, fmt.Errorf("entry %s updated: %w", e.ID, err)
		}
		if e.Published != "" {
			if _, err := time.Parse(time.RFC3339, e.Published); err != nil {
				return nil, fmt.Errorf("entry %s published: %w", e.ID, err)
			}
		}
		alt := false
		for _, l := range e.Links {
			alt = alt || ((l.Rel == "alternate" || l.Rel == "") && l.Href != "")
		}
		if !alt && e.Content == nil {
			return nil, fmt.Errorf("entry %s has neither an alternate link nor content", e.ID)
		}
		if len(f.Authors) == 0 && len(e.Authors) == 0 {
			return nil, fmt.Errorf("entry %s has no author and neither has the feed", e.ID)
		}
		for _, a := range e.Authors {
			if strings.TrimSpace(a.Name) == "" {
				return nil, fmt.Errorf("entry %s: author without a name", e.ID)
			}
		}
		for _, c := range e.Categories {
			if c.Term == "" {
				return nil, fmt.Errorf("entry %s: category without a term", e.ID)
			}
		}
	}
	return &f, nil
}

// checkSingles checks that feed and entry elements that may occur once do.
func checkSingles(data []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	type frame struct {
		name   string
		counts map[string]int
	}
	var stack []frame
	single := map[string]bool{"id": true, "title": true, "updated": true, "subtitle": true, "summary": true,
		"published": true, "generator": true, "content": true, "rights": true, "icon": true, "logo": true}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("XML: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if n := len(stack); n > 0 && (stack[n-1].name == "feed" || stack[n-1].name == "entry") && t.Name.Space == "http://www.w3.org/2005/Atom" {
				stack[n-1].counts[t.Name.Local]++
				if single[t.Name.Local] && stack[n-1].counts[t.Name.Local] > 1 {
					return fmt.Errorf("%s has more than one %s", stack[n-1].name, t.Name.Local)
				}
			}
			stack = append(stack, frame{name: t.Name.Local, counts: map[string]int{}})
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
}

func checkIRI(s string) error {
	u, err := url.Parse(s)
	if err != nil {
		return err
	}
	if !u.IsAbs() {
		return fmt.Errorf("%q is not an absolute IRI", s)
	}
	return nil
}
