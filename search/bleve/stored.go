package bleve

import (
	"encoding/json"
	"strings"

	index "github.com/blevesearch/bleve_index_api"

	"faro/search"
)

// storedDoc decodes a document from its stored fields: the JSON of
// everything but the page texts, and the texts from the body field's
// array values (by array position, the page index). Without withText the
// texts are left out: a hit shown without snippets needs none.
func storedDoc(d index.Document, withText bool) (*search.Document, error) {
	var raw []byte
	var texts map[int]string
	d.VisitFields(func(f index.Field) {
		name := f.Name()
		if name == fieldDoc {
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
