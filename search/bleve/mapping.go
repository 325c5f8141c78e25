package bleve

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/en" // registers "en"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/es" // registers "es"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/fr" // registers "fr"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
	index "github.com/blevesearch/bleve_index_api"

	"faro/search"
)

// MappingVersion changes whenever the mapping or the stored layout changes
// in a way that needs a rebuild.
const MappingVersion = "3"

// Languages with their own analysed fields.
var languages = []string{"en", "es", "fr"}

const (
	foldAnalyzer = "faro_fold"
	foldFilter   = "faro_fold"
)

// Field names.
const (
	fieldDoc     = "doc"
	fieldYear    = "year"
	fieldYearKey = "year_key"
	fieldDate    = "date"
	fieldSource  = "source"
	fieldHash    = "hash"
)

// facetField maps a facet name to its keyword field.
var facetField = map[string]string{
	search.FacetCountry:   "country",
	search.FacetTheme:     "theme",
	search.FacetGCM:       "gcm",
	search.FacetPrinciple: "principle",
	search.FacetType:      "type",
	search.FacetLang:      "lang",
	search.FacetYear:      fieldYearKey,
}

func init() {
	registry.RegisterTokenFilter(foldFilter, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return foldTokens{}, nil
	})
}

// foldTokens folds each token's term (accents, ñ, ligatures) while keeping
// its byte offsets into the original text, which snippets rely on.
type foldTokens struct{}

func (foldTokens) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		t.Term = []byte(search.Fold(string(t.Term)))
	}
	return in
}

func newMapping() (mapping.IndexMapping, error) {
	im := bleve.NewIndexMapping()
	if err := im.AddCustomAnalyzer(foldAnalyzer, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []string{lowercase.Name, foldFilter},
	}); err != nil {
		return nil, err
	}
	im.DefaultAnalyzer = foldAnalyzer
	im.ScoringModel = index.BM25Scoring
	dm := bleve.NewDocumentMapping()
	dm.Dynamic = false

	text := func(analyzer string) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analyzer
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = true
		f.DocValues = false
		return f
	}
	for _, l := range append(languages, "fold") {
		an := l
		if l == "fold" {
			an = foldAnalyzer
		}
		for _, part := range []string{"title", "summary", "body"} {
			dm.AddFieldMappingsAt(part+"_"+l, text(an))
		}
	}
	for _, f := range facetField {
		k := bleve.NewKeywordFieldMapping()
		k.Analyzer = keyword.Name
		k.Store = false
		k.IncludeInAll = false
		k.IncludeTermVectors = false
		k.DocValues = true
		dm.AddFieldMappingsAt(f, k)
	}
	date := bleve.NewKeywordFieldMapping()
	date.Store = false
	date.IncludeInAll = false
	date.DocValues = true
	dm.AddFieldMappingsAt(fieldDate, date)

	year := bleve.NewNumericFieldMapping()
	year.Store = false
	year.IncludeInAll = false
	dm.AddFieldMappingsAt(fieldYear, year)

	// Source and content hash, stored for incremental indexing.
	for _, name := range []string{fieldSource, fieldHash} {
		k := bleve.NewKeywordFieldMapping()
		k.Store = true
		k.IncludeInAll = false
		k.DocValues = false
		dm.AddFieldMappingsAt(name, k)
	}

	stored := bleve.NewTextFieldMapping()
	stored.Index = false
	stored.Store = true
	stored.IncludeInAll = false
	stored.IncludeTermVectors = false
	stored.DocValues = false
	dm.AddFieldMappingsAt(fieldDoc, stored)

	im.DefaultMapping = dm
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false
	return im, nil
}
