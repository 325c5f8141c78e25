package bleve

import (
	"encoding/json"
	"strings"

	index "github.com/blevesearch/bleve_index_api"

	"faro/search"
)

// hitDoc is what a hit shows of a document, stored apart from the whole
// document (fieldHit) so that a page of hits decodes a few hundred bytes
// each instead of every label and its evidence.
type hitDoc struct {
	ID         string        `json:"i"`
	Title      string        `json:"t"`
	Summary    string        `json:"s,omitempty"`
	Type       string        `json:"y,omitempty"`
	Lang       string        `json:"l,omitempty"`
	Year       int           `json:"yr,omitempty"`
	Date       string        `json:"d,omitempty"`
	Source     string        `json:"src"`
	SourceURL  string        `json:"u,omitempty"`
	Author     string        `json:"a,omitempty"`
	Countries  []string      `json:"c,omitempty"`
	Themes     []string      `json:"th,omitempty"`
	GCM        []int         `json:"g,omitempty"`
	Principles []string      `json:"p,omitempty"`
	Pages      []search.Page `json:"pg,omitempty"`
}

// hitJSON encodes what a hit shows of doc; pages carry their number and
// language, not their text.
func hitJSON(doc *search.Document) ([]byte, error) {
	h := hitDoc{
		ID: doc.ID, Title: doc.Title, Summary: doc.Summary, Type: doc.Type, Lang: doc.Lang, Year: doc.Year,
		Date: doc.Date, Source: doc.Source, SourceURL: doc.SourceURL, Author: doc.Author,
		Countries: doc.Countries, Themes: doc.Themes, GCM: doc.GCM, Principles: doc.Principles,
		Pages: make([]search.Page, len(doc.Pages)),
	}
	for i, p := range doc.Pages {
		h.Pages[i] = search.Page{Number: p.Number, Lang: p.Lang}
	}
	return json.Marshal(&h)
}

// storedHit decodes what a hit shows of a document from its stored
// fields, with the page texts when withText is set (for snippets).
func storedHit(d index.Document, withText bool) (*search.Document, error) {
	raw, texts := visitStored(d, fieldHit, withText)
	if raw == nil {
		return nil, search.ErrNotFound
	}
	return decodeHit(raw, texts)
}

// decodeHit decodes a stored hit and puts in the page texts given.
func decodeHit(raw []byte, texts map[int]string) (*search.Document, error) {
	var h hitDoc
	if err := json.Unmarshal(raw, &h); err != nil {
		return nil, err
	}
	doc := &search.Document{
		ID: h.ID, Title: h.Title, Summary: h.Summary, Type: h.Type, Lang: h.Lang, Year: h.Year,
		Date: h.Date, Source: h.Source, SourceURL: h.SourceURL, Author: h.Author,
		Countries: h.Countries, Themes: h.Themes, GCM: h.GCM, Principles: h.Principles, Pages: h.Pages,
	}
	for i, t := range texts {
		if i < len(doc.Pages) {
			doc.Pages[i].Text = t
		}
	}
	return doc, nil
}

// storedDoc decodes a whole document from its stored fields: the JSON of
// everything but the page texts, and the texts from the body field's
// array values (by array position, the page index). Without withText the
// texts are left out.
func storedDoc(d index.Document, withText bool) (*search.Document, error) {
	raw, texts := visitStored(d, fieldDoc, withText)
	if raw == nil {
		return nil, search.ErrNotFound
	}
	var doc search.Document
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, err
	}
	for i, t := range texts {
		if i < len(doc.Pages) {
			doc.Pages[i].Text = t
		}
	}
	return &doc, nil
}

// visitStored returns the stored value of field json and, with withText,
// the page texts by page index.
func visitStored(d index.Document, json string, withText bool) (raw []byte, texts map[int]string) {
	d.VisitFields(func(f index.Field) {
		name := f.Name()
		if name == json {
			raw = f.Value()
			return
		}
		if !withText || !strings.HasPrefix(name, "body_") {
			return
		}
		i := 0
		if ap := f.ArrayPositions(); len(ap) > 0 {
			i = int(ap[0])
		}
		if texts == nil {
			texts = map[int]string{}
		}
		texts[i] = string(f.Value())
	})
	return raw, texts
}
