package bleve

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"strings"

	index "github.com/blevesearch/bleve_index_api"

	"faro/search"
)

// The stored hit: what a hit shows of a document, stored apart from the
// whole document (fieldHit) so that a page of hits decodes a few hundred
// bytes each, without reflection, instead of the whole JSON with every
// label and its evidence. Layout: a version byte, then the strings ID,
// Title, Summary, Date, Source, SourceURL, Author, then the values of each
// facet of the registry (search.AllFacets, in its order) as a string list,
// and the pages (number and language each, and from version 3 the OCR
// confidence: 0 for a text layer, 1 + ten times the confidence for a page
// read by OCR). Numbers are uvarints, strings a uvarint length and the
// bytes, lists a uvarint count and their elements. Version 2 hits (without
// the OCR mark) still decode.
// The facets' order is part of MappingVersion, so an index written with
// other facets is refused rather than misread.
const hitVersion = 3

// hitVersionNoOCR is the layout before pages carried their OCR mark.
const hitVersionNoOCR = 2

// encodeHit encodes what a hit shows of doc; pages carry their number and
// language, not their text.
func encodeHit(doc *search.Document) []byte {
	b := []byte{hitVersion}
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	for _, s := range []string{doc.ID, doc.Title, doc.Summary, doc.Date, doc.Source, doc.SourceURL, doc.Author} {
		str(s)
	}
	for _, f := range search.AllFacets() {
		vs := f.Values(doc)
		b = binary.AppendUvarint(b, uint64(len(vs)))
		for _, v := range vs {
			str(v)
		}
	}
	b = binary.AppendUvarint(b, uint64(len(doc.Pages)))
	for _, p := range doc.Pages {
		b = binary.AppendUvarint(b, uint64(max(p.Number, 0)))
		str(p.Lang)
		ocr := uint64(0)
		if p.OCR {
			ocr = 1 + uint64(min(max(p.Confidence, 0), 100)*10+0.5)
		}
		b = binary.AppendUvarint(b, ocr)
	}
	return b
}

var errBadHit = errors.New("stored hit is malformed")

// hitReader decodes a stored hit, remembering the first error.
type hitReader struct {
	b   []byte
	err error
}

func (r *hitReader) num() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errBadHit
		return 0
	}
	r.b = r.b[n:]
	return v
}

// count reads a list length, at most one element a remaining byte.
func (r *hitReader) count() int {
	n := r.num()
	if n > uint64(len(r.b)) {
		r.err = errBadHit
		return 0
	}
	return int(n)
}

func (r *hitReader) str() string {
	n := r.count()
	if r.err != nil {
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *hitReader) strs() []string {
	n := r.count()
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = r.str()
	}
	return out
}

// decodeHit decodes a stored hit and puts in the page texts given.
func decodeHit(raw []byte, texts map[int]string) (*search.Document, error) {
	if len(raw) == 0 || (raw[0] != hitVersion && raw[0] != hitVersionNoOCR) {
		return nil, errBadHit
	}
	withOCR := raw[0] == hitVersion
	r := &hitReader{b: raw[1:]}
	doc := &search.Document{ID: r.str(), Title: r.str(), Summary: r.str()}
	doc.Date, doc.Source, doc.SourceURL, doc.Author = r.str(), r.str(), r.str(), r.str()
	for _, f := range search.AllFacets() {
		if vs := r.strs(); r.err == nil && f.SetValues(doc, vs) != nil {
			r.err = errBadHit
		}
	}
	if n := r.count(); n > 0 {
		doc.Pages = make([]search.Page, n)
		for i := range doc.Pages {
			doc.Pages[i] = search.Page{Number: int(min(r.num(), 1<<31)), Lang: r.str()}
			if withOCR {
				if c := r.num(); c > 0 {
					doc.Pages[i].OCR, doc.Pages[i].Confidence = true, float64(min(c-1, 1000))/10
				}
			}
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	if len(r.b) != 0 {
		return nil, errBadHit
	}
	for i, t := range texts {
		if i >= 0 && i < len(doc.Pages) {
			doc.Pages[i].Text = t
		}
	}
	return doc, nil
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

// storedDoc decodes a whole document from its stored fields: the JSON of
// everything but the page texts, and the texts from the body field's
// value (joinPages). Without withText the texts are left out.
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
		if texts == nil {
			texts = map[int]string{}
		}
		eachPage(f.Value(), func(i int, text []byte) { texts[i] = string(text) })
	})
	return raw, texts
}
