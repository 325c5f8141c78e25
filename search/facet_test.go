package search

import (
	"encoding/json"
	"slices"
	"strconv"
	"testing"
)

// sampleValues returns canonical values of f to round-trip: taxonomy codes
// for a facet with a vocabulary, else values the facet normalises to
// themselves; two for a multi-valued facet, one otherwise.
func sampleValues(t *testing.T, f *Facet) []string {
	t.Helper()
	n := 1
	if f.Multi {
		n = 2
	}
	cands := f.Codes()
	if f.Open() {
		cands = []string{"2019", "2021", "Sample value", "Other value"}
	}
	var out []string
	for _, v := range cands {
		if norm, err := f.Normalize(v); err == nil && norm == v && len(out) < n {
			out = append(out, v)
		}
	}
	if len(out) != n {
		t.Fatalf("%s: found %d sample values in %v, want %d", f.Name, len(out), cands, n)
	}
	return out
}

// TestFacetRegistry checks every facet of the registry: its names, its
// labels in en, es and fr, and a round trip of values through the
// accessors of Document, Hit and Metadata (the last through JSON, so a
// sidecar's field is the document's).
func TestFacetRegistry(t *testing.T) {
	names, flags, ranks := map[string]bool{}, map[string]bool{}, map[int]bool{}
	for i, f := range AllFacets() {
		t.Run(f.Name, func(t *testing.T) {
			if Facets[i] != f.Name {
				t.Errorf("Facets[%d] = %q, want %q", i, Facets[i], f.Name)
			}
			if names[f.Name] || (f.Flag != "" && flags[f.Flag]) || ranks[f.Show] {
				t.Errorf("name %q, flag %q or rank %d used twice", f.Name, f.Flag, f.Show)
			}
			names[f.Name], flags[f.Flag], ranks[f.Show] = true, f.Flag != "", true
			if got, ok := LookupFacet(f.Name); !ok || got != f {
				t.Errorf("LookupFacet(%q) = %v, %v", f.Name, got, ok)
			}
			if !slices.Contains(QueryFields, f.Name) {
				t.Errorf("%q is not a query field", f.Name)
			}
			titles := map[string]string{"en": f.Title.EN, "es": f.Title.ES, "fr": f.Title.FR}
			for lang, title := range titles {
				if title == "" {
					t.Errorf("no %s title", lang)
				}
			}
			for _, code := range f.Codes() {
				if !f.Known(code) {
					t.Errorf("code %q is not known", code)
				}
				if n, err := f.Normalize(code); err != nil || n != code {
					t.Errorf("code %q normalises to %q, %v", code, n, err)
				}
				for _, lang := range []string{"en", "es", "fr"} {
					if l := f.Label(code, lang); l == "" || l == code {
						t.Errorf("code %q has no %s label (%q)", code, lang, l)
					}
				}
			}
			if _, err := f.Normalize("  "); err == nil {
				t.Error("an empty value normalises")
			}

			vals := sampleValues(t, f)
			var doc Document
			if err := f.SetValues(&doc, vals); err != nil {
				t.Fatal(err)
			}
			if got := f.Values(&doc); !slices.Equal(got, vals) {
				t.Errorf("Values = %q, want %q", got, vals)
			}
			h := NewHit(&doc)
			if got := f.HitValues(&h); !slices.Equal(got, vals) {
				t.Errorf("HitValues = %q, want %q", got, vals)
			}
			raw, err := json.Marshal(&doc)
			if err != nil {
				t.Fatal(err)
			}
			var m Metadata
			if err := json.Unmarshal(raw, &m); err != nil {
				t.Fatal(err)
			}
			if got := f.MetadataValues(&m); !slices.Equal(got, vals) {
				t.Errorf("MetadataValues = %q, want %q (document JSON %s)", got, vals, raw)
			}
			var m2 Metadata
			if err := f.SetMetadataValues(&m2, vals); err != nil {
				t.Fatal(err)
			}
			if got := f.MetadataValues(&m2); !slices.Equal(got, vals) {
				t.Errorf("MetadataValues after SetMetadataValues = %q, want %q", got, vals)
			}
			raw, err = json.Marshal(&h)
			if err != nil {
				t.Fatal(err)
			}
			var back Document
			if err := json.Unmarshal(raw, &back); err != nil {
				t.Fatal(err)
			}
			if got := f.Values(&back); !slices.Equal(got, vals) {
				t.Errorf("Values of the hit's JSON = %q, want %q (%s)", got, vals, raw)
			}
			if err := f.SetValues(&doc, nil); err != nil || f.Values(&doc) != nil {
				t.Errorf("after clearing: %q, %v", f.Values(&doc), err)
			}
			if !f.Multi && f.SetValues(&doc, []string{vals[0], vals[0]}) == nil {
				t.Error("a single-valued facet took two values")
			}
		})
	}
	if QueryFields[0] != "title" || len(QueryFields) != len(AllFacets())+1 {
		t.Errorf("QueryFields = %v", QueryFields)
	}
}

// TestNewHitListsNeverNull checks that a hit of a bare document shows
// every multi-valued facet as an empty list.
func TestNewHitListsNeverNull(t *testing.T) {
	raw, err := json.Marshal(NewHit(&Document{ID: "x"}))
	if err != nil {
		t.Fatal(err)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"countries", "themes", "gcm", "principles", "snippets"} {
		if string(fields[k]) != "[]" {
			t.Errorf("%s = %s, want []", k, fields[k])
		}
	}
}

func TestFacetLabelAndKnown(t *testing.T) {
	tests := []struct {
		facet, value, lang string
		label              string
		known              bool
	}{
		{"country", "HND", "es", "Honduras", true},
		{"country", "mex", "es", "México", true},
		{"country", "MEX", "fr", "Mexique", true},
		{"country", "DOM", "es", "República Dominicana", true},
		{"country", "REG", "en", "Regional", true},
		{"country", "XXX", "en", "XXX", false},
		{"theme", "trafficking", "es", "Trata de personas", true},
		{"theme", "c4d", "en", "Communication for development", true},
		{"theme", "nope", "en", "nope", false},
		{"gcm", "10", "en", "Eradicate trafficking", true},
		{"gcm", "10", "es", "Erradicar la trata de personas", true},
		{"gcm", "1", "de", "Migration data", true},
		{"gcm", "0", "en", "0", false},
		{"gcm", "24", "en", "24", false},
		{"gcm", "x", "en", "x", false},
		{"principle", "child-sensitive", "en", "Child-sensitive", true},
		{"type", "knowledge-uptake", "en", "Knowledge uptake", true},
		{"type", "info-sheet", "es", "Hoja informativa", true},
		{"lang", "es", "en", "Spanish", true},
		{"lang", "fr", "fr", "Français", true},
		{"lang", "de", "en", "de", false},
		{"year", "2019", "en", "2019", true},
		{"year", "19", "en", "19", false},
		{"unknown", "v", "en", "v", false},
	}
	for _, tt := range tests {
		t.Run(tt.facet+"="+tt.value+"/"+tt.lang, func(t *testing.T) {
			if got := FacetLabel(tt.facet, tt.value, tt.lang); got != tt.label {
				t.Errorf("FacetLabel = %q, want %q", got, tt.label)
			}
			known := false
			if f, ok := LookupFacet(tt.facet); ok {
				n, err := f.Normalize(tt.value)
				known = err == nil && f.Known(n)
			}
			if known != tt.known {
				t.Errorf("known = %v, want %v", known, tt.known)
			}
		})
	}
	for n := 1; n <= 23; n++ {
		if f, _ := LookupFacet(FacetGCM); !f.Known(strconv.Itoa(n)) {
			t.Errorf("objective %d is not known", n)
		}
	}
}
