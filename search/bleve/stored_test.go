package bleve

import (
	"reflect"
	"testing"

	"faro/search"
	"faro/search/searchtest"
)

func TestEncodeHitRoundTrip(t *testing.T) {
	docs := append(searchtest.Synthetic(9, 20), &search.Document{ID: "empty"}, &search.Document{
		ID: "full", Title: "Plan your Life — «Planifica tu vida»", Summary: "s", Type: "campaign-summary", Lang: "es",
		Year: 2019, Date: "2019-05", Source: "a/b.pdf", SourceURL: "https://example.org/b.pdf", Author: "OIM",
		Countries: []string{"HND", "GTM"}, Themes: []string{"c4d"}, GCM: []int{3, 10, 23}, Principles: []string{"human-rights"},
		Pages: []search.Page{{Number: 1, Lang: "es", Text: "uno"}, {Number: 2, Text: "dos"}, {Number: 3, Text: "tres", OCR: true, Confidence: 91.3}, {Number: 4, OCR: true}},
	})
	for _, d := range docs {
		got, err := decodeHit(encodeHit(d), nil)
		if err != nil {
			t.Fatalf("%s: %v", d.ID, err)
		}
		want := &search.Document{
			ID: d.ID, Title: d.Title, Summary: d.Summary, Type: d.Type, Lang: d.Lang, Year: d.Year, Date: d.Date,
			Source: d.Source, SourceURL: d.SourceURL, Author: d.Author, Countries: d.Countries, Themes: d.Themes,
			GCM: d.GCM, Principles: d.Principles,
		}
		for _, p := range d.Pages {
			want.Pages = append(want.Pages, search.Page{Number: p.Number, Lang: p.Lang, OCR: p.OCR, Confidence: p.Confidence})
		}
		if len(want.Countries) == 0 {
			want.Countries = nil
		}
		if len(want.Themes) == 0 {
			want.Themes = nil
		}
		if len(want.GCM) == 0 {
			want.GCM = nil
		}
		if len(want.Principles) == 0 {
			want.Principles = nil
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got  %+v\n want %+v", d.ID, got, want)
		}
	}
	// Page texts go where they belong; a text for a page that is not
	// there is dropped.
	got, err := decodeHit(encodeHit(docs[len(docs)-1]), map[int]string{1: "dos", 7: "x", -1: "y"})
	if err != nil || got.Pages[1].Text != "dos" || got.Pages[0].Text != "" {
		t.Errorf("texts: %v %+v", err, got)
	}
}

// Hits stored before pages carried their OCR mark still decode.
func TestDecodeHitVersion2(t *testing.T) {
	v2 := []byte{hitVersionNoOCR}
	for range 7 { // ID, Title, Summary, Date, Source, SourceURL, Author
		v2 = append(v2, 1, 'x')
	}
	for range search.AllFacets() {
		v2 = append(v2, 0)
	}
	v2 = append(v2, 2, 1, 2, 'e', 's', 2, 0) // page 1 "es", page 2 ""
	got, err := decodeHit(v2, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []search.Page{{Number: 1, Lang: "es"}, {Number: 2}}
	if got.ID != "x" || !reflect.DeepEqual(got.Pages, want) {
		t.Errorf("got %+v, pages %+v; want pages %+v", got, got.Pages, want)
	}
}

func TestDecodeHitRejectsDamage(t *testing.T) {
	good := encodeHit(&search.Document{ID: "x", Title: "t", Countries: []string{"HND"}, Pages: []search.Page{{Number: 1}}})
	for _, raw := range [][]byte{nil, {}, {9}, good[:len(good)-1], append(append([]byte(nil), good...), 0), {hitVersion, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}} {
		if _, err := decodeHit(raw, nil); err == nil {
			t.Errorf("%v: decoded", raw)
		}
	}
}

func FuzzDecodeHit(f *testing.F) {
	f.Add(encodeHit(&search.Document{ID: "x", Title: "t", GCM: []int{1}, Pages: []search.Page{{Number: 1, Lang: "es"}}}))
	f.Add([]byte{hitVersion})
	f.Fuzz(func(t *testing.T, raw []byte) {
		doc, err := decodeHit(raw, nil)
		if err != nil {
			return
		}
		// What decodes encodes to bytes that decode to the same.
		again, err := decodeHit(encodeHit(doc), nil)
		if err != nil || !reflect.DeepEqual(again, doc) {
			t.Errorf("%x decodes to %+v, which encodes to what decodes to %+v, %v", raw, doc, again, err)
		}
	})
}
