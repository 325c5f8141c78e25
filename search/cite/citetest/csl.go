package citetest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

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
