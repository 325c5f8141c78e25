package citetest

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
)

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
