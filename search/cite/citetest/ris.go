package citetest

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

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
