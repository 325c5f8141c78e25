package search

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"faro/search/taxonomy"
)

// Facet names, as used in URLs, facet results and labels.
const (
	FacetCountry   = "country"
	FacetTheme     = "theme"
	FacetGCM       = "gcm"
	FacetPrinciple = "principle"
	FacetType      = "type"
	FacetLang      = "lang"
	FacetYear      = "year"
)

// Facet is everything Faro knows about one facet, in one place: the index's
// facet terms, the stored hit, the API's parameters and facet lists, the
// query language's fields, the pages' and citations' labels, the command
// line's flags and the indexer's sidecar merge all read it from here.
//
// To add a facet: give Document and Hit a field for it (search.go), give
// Metadata one when a sidecar may set it (metadata.go), and add an entry to
// registry below.
type Facet struct {
	// Name names the facet everywhere: the key of Result.Facets and of
	// Label.Facet, the API's URL parameter (country=HND), the query
	// language's field (country:HND) and the prefix of its index terms
	// (country:HND too).
	Name string
	// Flag is the command line's flag of faro search (--country HND); ""
	// when the facet has none.
	Flag string
	// Title is the facet's name as people read it, in English, Spanish and
	// French.
	Title taxonomy.Text
	// Multi is set when a document may carry several values.
	Multi bool
	// Show orders the facets on the search page and in the query
	// language's list of fields, lower first (ranks leave gaps, so a new
	// facet slots in between).
	Show int

	// normalize checks a trimmed, non-empty value and returns it in
	// canonical form.
	normalize func(string) (string, error)
	// vocabulary lists the taxonomy's values with their names; nil for an
	// open facet, whose values are shown as they are.
	vocabulary func() *vocabulary
	// acc reads and writes the facet's values in a Document, a Hit and
	// a Metadata.
	acc accessor
}

// registry holds the facets in their canonical order: the order of
// Facets, of the index's facet terms, of the stored hit and of citations.
var registry = []*Facet{
	{Name: FacetCountry, Flag: "country", Multi: true, Show: 10,
		Title:      taxonomy.Text{EN: "Country", ES: "País", FR: "Pays"},
		normalize:  normalizeCountry,
		vocabulary: vocabularyOf(countryNames),
		acc: listField(func(d *Document) *[]string { return &d.Countries }, func(h *Hit) *[]string { return &h.Countries },
			func(m *Metadata) *[]string { return &m.Countries }, identity, parseString)},
	{Name: FacetTheme, Flag: "theme", Multi: true, Show: 30,
		Title:      taxonomy.Text{EN: "Theme", ES: "Tema", FR: "Thème"},
		normalize:  normalizeCode,
		vocabulary: vocabularyOf(themeNames),
		acc: listField(func(d *Document) *[]string { return &d.Themes }, func(h *Hit) *[]string { return &h.Themes },
			func(m *Metadata) *[]string { return &m.Themes }, identity, parseString)},
	{Name: FacetGCM, Flag: "gcm", Multi: true, Show: 20,
		Title:      taxonomy.Text{EN: "GCM objective", ES: "Objetivo del Pacto Mundial", FR: "Objectif du Pacte mondial"},
		normalize:  normalizeObjective,
		vocabulary: vocabularyOf(objectiveNames),
		acc: listField(func(d *Document) *[]int { return &d.GCM }, func(h *Hit) *[]int { return &h.GCM },
			func(m *Metadata) *[]int { return &m.GCM }, strconv.Itoa, strconv.Atoi)},
	{Name: FacetPrinciple, Flag: "principle", Multi: true, Show: 40,
		Title:      taxonomy.Text{EN: "Guiding principle", ES: "Principio rector", FR: "Principe directeur"},
		normalize:  normalizeCode,
		vocabulary: vocabularyOf(principleNames),
		acc: listField(func(d *Document) *[]string { return &d.Principles }, func(h *Hit) *[]string { return &h.Principles },
			func(m *Metadata) *[]string { return &m.Principles }, identity, parseString)},
	{Name: FacetType, Flag: "type", Show: 50,
		Title:      taxonomy.Text{EN: "Document type", ES: "Tipo de documento", FR: "Type de document"},
		normalize:  normalizeCode,
		vocabulary: vocabularyOf(typeNames),
		acc: scalarField(func(d *Document) *string { return &d.Type }, func(h *Hit) *string { return &h.Type },
			func(m *Metadata) *string { return &m.Type }, identity, parseString)},
	{Name: FacetLang, Flag: "lang", Show: 60,
		Title:      taxonomy.Text{EN: "Language", ES: "Idioma", FR: "Langue"},
		normalize:  normalizeCode,
		vocabulary: vocabularyOf(languageNames),
		acc: scalarField(func(d *Document) *string { return &d.Lang }, func(h *Hit) *string { return &h.Lang },
			func(m *Metadata) *string { return &m.Lang }, identity, parseString)},
	{Name: FacetYear, Show: 70,
		Title:     taxonomy.Text{EN: "Year", ES: "Año", FR: "Année"},
		normalize: normalizeYear,
		acc: scalarField(func(d *Document) *int { return &d.Year }, func(h *Hit) *int { return &h.Year },
			func(m *Metadata) *int { return &m.Year }, strconv.Itoa, strconv.Atoi)},
}

// Facets lists the facet names in their canonical order.
var Facets = func() []string {
	out := make([]string, len(registry))
	for i, f := range registry {
		out[i] = f.Name
	}
	return out
}()

// shown are the facets in the order they are shown (Facet.Show).
var shown = func() []*Facet {
	out := slices.Clone(registry)
	slices.SortStableFunc(out, func(a, b *Facet) int { return cmp.Compare(a.Show, b.Show) })
	return out
}()

// AllFacets returns the facets in their canonical order (that of Facets).
// The facets are shared: do not modify them.
func AllFacets() []*Facet { return registry }

// ShownFacets returns the facets in the order they are shown: the search
// page's filters, the query language's fields.
func ShownFacets() []*Facet { return shown }

// LookupFacet finds a facet by name.
func LookupFacet(name string) (*Facet, bool) {
	for _, f := range registry {
		if f.Name == name {
			return f, true
		}
	}
	return nil, false
}

// FacetLabel returns the display label of a facet value in lang ("en",
// "es", "fr"; others fall back to English), or the value itself when the
// facet has no vocabulary or the vocabulary does not know it.
func FacetLabel(facet, value, lang string) string {
	if f, ok := LookupFacet(facet); ok {
		return f.Label(value, lang)
	}
	return value
}

// NormalizeFilter checks a facet value and returns it in canonical form
// (upper-case country codes, lower-case codes and languages, numbers
// without leading zeros). It does not consult the taxonomy; callers that
// can, should (Facet.Known).
func NormalizeFilter(facet, v string) (string, error) {
	f, ok := LookupFacet(facet)
	if !ok {
		return "", &QueryError{Msg: "unknown facet " + strconv.Quote(facet), Pos: -1}
	}
	return f.Normalize(v)
}

// Normalize checks a selected value and returns it in canonical form; it
// does not consult the taxonomy (see Known). Errors are *QueryError.
func (f *Facet) Normalize(v string) (string, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", &QueryError{Msg: "empty value for " + f.Name, Pos: -1}
	}
	return f.normalize(v)
}

// Open reports whether the facet takes any value (no vocabulary).
func (f *Facet) Open() bool { return f.vocabulary == nil }

// Known reports whether a canonical value is one the facet knows: any
// value of an open facet, a code of the taxonomy otherwise.
func (f *Facet) Known(value string) bool {
	if f.vocabulary == nil {
		return true
	}
	_, ok := f.vocabulary().names[value]
	return ok
}

// Codes lists the taxonomy's values of the facet in the taxonomy's order;
// nil for an open facet.
func (f *Facet) Codes() []string {
	if f.vocabulary == nil {
		return nil
	}
	return f.vocabulary().codes
}

// Label returns the display label of value in lang ("en", "es", "fr";
// others fall back to English), or value itself when the facet has no
// vocabulary or the vocabulary does not know it.
func (f *Facet) Label(value, lang string) string {
	if f.vocabulary == nil {
		return value
	}
	names := f.vocabulary().names
	if t, ok := names[value]; ok {
		return t.Get(lang)
	}
	if n, err := f.Normalize(value); err == nil {
		if t, ok := names[n]; ok {
			return t.Get(lang)
		}
	}
	return value
}

// Values returns the facet's values in doc, as the index and URLs spell
// them; nil when it has none.
func (f *Facet) Values(doc *Document) []string { return f.acc.get(doc) }

// SetValues sets the facet's values in doc (nil for none). A single-valued
// facet takes at most one value; numbers must parse.
func (f *Facet) SetValues(doc *Document, values []string) error {
	if err := f.acc.set(doc, values); err != nil {
		return fmt.Errorf("facet %s: %w", f.Name, err)
	}
	return nil
}

// HitValues returns the facet's values in a hit; nil when it has none.
func (f *Facet) HitValues(h *Hit) []string { return f.acc.hitGet(h) }

// MetadataValues returns the values explicit metadata gives the facet; nil
// when it gives none.
func (f *Facet) MetadataValues(m *Metadata) []string { return f.acc.meta(m) }

// SetMetadataValues sets the facet's values in explicit metadata, as
// SetValues does in a document.
func (f *Facet) SetMetadataValues(m *Metadata, values []string) error {
	if err := f.acc.setMeta(m, values); err != nil {
		return fmt.Errorf("facet %s: %w", f.Name, err)
	}
	return nil
}

// NewHit returns the hit that shows doc, without score and snippets: its
// metadata and every facet's values (lists never nil, as the API shows them).
func NewHit(doc *Document) Hit {
	h := Hit{
		ID: doc.ID, Title: doc.Title, Summary: doc.Summary, Date: doc.Date, Source: doc.Source,
		Author: doc.Author, SourceURL: doc.SourceURL, Snippets: []Snippet{},
	}
	for _, f := range registry {
		f.acc.toHit(doc, &h)
	}
	return h
}

// accessor reads and writes one facet's field of Document, Hit and
// Metadata through its values as strings.
type accessor struct {
	get     func(*Document) []string
	set     func(*Document, []string) error
	hitGet  func(*Hit) []string
	toHit   func(*Document, *Hit)
	meta    func(*Metadata) []string
	setMeta func(*Metadata, []string) error
}

// listField makes the accessor of a multi-valued facet held as a []T in each of
// Document, Hit and Metadata.
func listField[T any](doc func(*Document) *[]T, hit func(*Hit) *[]T, meta func(*Metadata) *[]T,
	format func(T) string, parse func(string) (T, error)) accessor {
	enc := func(xs []T) []string {
		if len(xs) == 0 {
			return nil
		}
		out := make([]string, len(xs))
		for i, x := range xs {
			out[i] = format(x)
		}
		return out
	}
	dec := func(p *[]T, vs []string) error {
		if vs == nil {
			*p = nil
			return nil
		}
		out := make([]T, len(vs))
		for i, v := range vs {
			x, err := parse(v)
			if err != nil {
				return err
			}
			out[i] = x
		}
		*p = out
		return nil
	}
	return accessor{
		get:     func(d *Document) []string { return enc(*doc(d)) },
		set:     func(d *Document, vs []string) error { return dec(doc(d), vs) },
		setMeta: func(m *Metadata, vs []string) error { return dec(meta(m), vs) },
		hitGet:  func(h *Hit) []string { return enc(*hit(h)) },
		toHit: func(d *Document, h *Hit) {
			xs := *doc(d)
			if xs == nil {
				xs = []T{}
			}
			*hit(h) = xs
		},
		meta: func(m *Metadata) []string { return enc(*meta(m)) },
	}
}

// scalarField makes the accessor of a single-valued facet held as a T in each
// of Document, Hit and Metadata; the zero T means no value.
func scalarField[T comparable](doc func(*Document) *T, hit func(*Hit) *T, meta func(*Metadata) *T,
	format func(T) string, parse func(string) (T, error)) accessor {
	var zero T
	enc := func(x T) []string {
		if x == zero {
			return nil
		}
		return []string{format(x)}
	}
	dec := func(p *T, vs []string) error {
		switch len(vs) {
		case 0:
			*p = zero
			return nil
		case 1:
			x, err := parse(vs[0])
			if err != nil {
				return err
			}
			*p = x
			return nil
		}
		return errSingle
	}
	return accessor{
		get:     func(d *Document) []string { return enc(*doc(d)) },
		set:     func(d *Document, vs []string) error { return dec(doc(d), vs) },
		setMeta: func(m *Metadata, vs []string) error { return dec(meta(m), vs) },
		hitGet:  func(h *Hit) []string { return enc(*hit(h)) },
		toHit:   func(d *Document, h *Hit) { *hit(h) = *doc(d) },
		meta:    func(m *Metadata) []string { return enc(*meta(m)) },
	}
}

var errSingle = errors.New("more than one value for a single-valued facet")

func identity(s string) string             { return s }
func parseString(s string) (string, error) { return s, nil }

func normalizeCountry(v string) (string, error) {
	v = strings.ToUpper(v)
	if len(v) != 3 || strings.IndexFunc(v, func(r rune) bool { return r < 'A' || r > 'Z' }) >= 0 {
		return "", &QueryError{Msg: "country must be an ISO 3166-1 alpha-3 code such as HND, got " + strconv.Quote(v), Pos: -1}
	}
	return v, nil
}

func normalizeObjective(v string) (string, error) {
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 23 {
		return "", &QueryError{Msg: "gcm must be an objective number from 1 to 23, got " + strconv.Quote(v), Pos: -1}
	}
	return strconv.Itoa(n), nil
}

func normalizeYear(v string) (string, error) {
	n, err := strconv.Atoi(v)
	if err != nil || n < 1000 || n > 9999 {
		return "", &QueryError{Msg: "year must be a four-digit year, got " + strconv.Quote(v), Pos: -1}
	}
	return strconv.Itoa(n), nil
}

// normalizeCode lower-cases a taxonomy code or language.
func normalizeCode(v string) (string, error) { return strings.ToLower(v), nil }

// vocabulary is a facet's taxonomy: its codes in order, with their names.
type vocabulary struct {
	codes []string
	names map[string]taxonomy.Text
}

// named is one code of a taxonomy with its name.
type named struct {
	code string
	name taxonomy.Text
}

// vocabularyOf builds a facet's vocabulary once, when first asked for.
func vocabularyOf(list func() []named) func() *vocabulary {
	return sync.OnceValue(func() *vocabulary {
		entries := list()
		v := &vocabulary{codes: make([]string, len(entries)), names: make(map[string]taxonomy.Text, len(entries))}
		for i, e := range entries {
			v.codes[i] = e.code
			v.names[e.code] = e.name
		}
		return v
	})
}

func countryNames() []named {
	var out []named
	for _, c := range taxonomy.Countries() {
		out = append(out, named{c.Code, c.Name})
	}
	return out
}

func themeNames() []named {
	var out []named
	for _, t := range taxonomy.Themes() {
		out = append(out, named{t.Code, t.Name})
	}
	return out
}

func objectiveNames() []named {
	var out []named
	for _, o := range taxonomy.Objectives() {
		out = append(out, named{strconv.Itoa(o.Number), o.Short})
	}
	return out
}

func principleNames() []named {
	var out []named
	for _, p := range taxonomy.Principles() {
		out = append(out, named{p.Code, p.Name})
	}
	return out
}

func typeNames() []named {
	var out []named
	for _, d := range taxonomy.DocTypes() {
		out = append(out, named{d.Code, d.Name})
	}
	return out
}

func languageNames() []named {
	var out []named
	for _, l := range taxonomy.Languages {
		out = append(out, named{l.Code, l.Name})
	}
	return out
}
