package bleve

import (
	"slices"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/lang/es"
	"github.com/blevesearch/bleve/v2/analysis/lang/fr"
	"github.com/blevesearch/bleve/v2/analysis/lang/pt"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
	index "github.com/blevesearch/bleve_index_api"

	"faro/search"
)

// MappingVersion changes whenever the mapping or the stored layout changes
// in a way that needs a rebuild. It ends with the facets of the registry,
// whose terms the index holds and whose values the stored hit lays out in
// order: adding, removing or reordering a facet changes it by itself.
var MappingVersion = "13+" + strings.Join(search.Facets, ",")

// Languages with their own analysed fields: the languages queries are
// read in, and "xx" for documents of any other or unknown language
// (folded, not stemmed).
var languages = append(slices.Clone(search.QueryLanguages), "xx")

const foldFilter = "faro_fold"

// analyzers are the text analysers by language: the language's stop words
// and stemmer, then folding (case, accents, ñ), so one field per language
// serves "migracion" and "migración", "ninez" and "niñez" alike.
var analyzers = map[string][]string{
	"en": {possessiveEN, lowercase.Name, stopEN, porter.Name, foldFilter},
	"es": {lowercase.Name, stopES, normalizeES, lightStemES, foldFilter},
	"fr": {elisionFR, lowercase.Name, stopFR, lightStemFR, foldFilter},
	"pt": {lowercase.Name, stopPT, lightStemPT, foldFilter},
	"xx": {lowercase.Name, foldFilter},
}

// Token filter names of bleve's language packages.
const (
	possessiveEN = en.PossessiveName
	stopEN       = en.StopName
	stopES       = es.StopName
	normalizeES  = es.NormalizeName
	lightStemES  = es.LightStemmerName
	elisionFR    = fr.ElisionName
	stopFR       = fr.StopName
	lightStemFR  = fr.LightStemmerName
	stopPT       = pt.StopName
	lightStemPT  = pt.LightStemmerName
)

func analyzerName(lang string) string { return "faro_" + lang }

// bodyAnalyzerName names language lang's analyser of body fields: the
// same filters after the page tokenizer (pages.go).
func bodyAnalyzerName(lang string) string { return "faro_body_" + lang }

// Field names.
const (
	fieldDoc    = "doc"
	fieldHit    = "hit"
	fieldYear   = "year"
	fieldFacet  = "facet"
	fieldDate   = "date"
	fieldSource = "source"
	fieldHash   = "hash"
)

// All facet values of a document live in one keyword field, each as
// "facet:value" ("country:HND", "gcm:10"): counting seven facets then reads
// one column of doc values per hit instead of seven.
func facetTerm(facet, value string) string { return facet + ":" + value }

// isFacet reports whether name is one of search.Facets.
func isFacet(name string) bool {
	for _, f := range search.Facets {
		if f == name {
			return true
		}
	}
	return false
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
		if folded(t.Term) {
			continue // the common case: nothing to fold, no copy
		}
		t.Term = []byte(search.Fold(string(t.Term)))
	}
	return in
}

// folded reports whether term is lower-case ASCII, which folding leaves
// as it is.
func folded(term []byte) bool {
	for _, c := range term {
		if c >= 0x80 || ('A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

func newMapping() (mapping.IndexMapping, error) {
	im := bleve.NewIndexMapping()
	for _, l := range languages {
		for name, tokenizer := range map[string]string{analyzerName(l): wordsName, bodyAnalyzerName(l): pagesName} {
			if err := im.AddCustomAnalyzer(name, map[string]interface{}{
				"type":          custom.Name,
				"tokenizer":     tokenizer,
				"token_filters": analyzers[l],
			}); err != nil {
				return nil, err
			}
		}
	}
	im.DefaultAnalyzer = analyzerName("xx")
	im.ScoringModel = index.BM25Scoring
	dm := bleve.NewDocumentMapping()
	dm.Dynamic = false

	// Term vectors (positions) serve phrases and snippets.
	text := func(analyzer string) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analyzer
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = true
		f.DocValues = false
		return f
	}
	for _, l := range languages {
		for _, part := range []string{"title", "summary", "body"} {
			analyzer := analyzerName(l)
			if part == "body" {
				analyzer = bodyAnalyzerName(l)
			}
			f := text(analyzer)
			// Page texts are stored where they are indexed, joined
			// (pages.go); the stored JSON holds the rest of the document,
			// so a hit's metadata decodes without its text.
			f.Store = part == "body"
			dm.AddFieldMappingsAt(part+"_"+l, f)
		}
	}
	facets := bleve.NewKeywordFieldMapping()
	facets.Analyzer = keyword.Name
	facets.Store = false
	facets.IncludeInAll = false
	facets.IncludeTermVectors = false
	facets.DocValues = true
	dm.AddFieldMappingsAt(fieldFacet, facets)
	phrases := bleve.NewKeywordFieldMapping()
	phrases.Store = false
	phrases.IncludeInAll = false
	phrases.IncludeTermVectors = false
	phrases.DocValues = false
	dm.AddFieldMappingsAt(fieldPhrase, phrases)
	date := bleve.NewKeywordFieldMapping()
	date.Store = false
	date.IncludeInAll = false
	date.IncludeTermVectors = false
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
		k.IncludeTermVectors = false
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
	dm.AddFieldMappingsAt(fieldHit, stored)

	// No "_all" field: every field is left out of it (IncludeInAll
	// false), and bleve would still build and write an empty composite
	// field for each document.
	dm.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())

	im.DefaultMapping = dm
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false
	return im, nil
}

// queryMapping analyses query words outside any open index. It is built
// on first use, after init has registered the fold filter.
var queryMapping = sync.OnceValue(func() mapping.IndexMapping {
	m, err := newMapping()
	if err != nil {
		panic("faro: build index mapping: " + err.Error())
	}
	return m
})

// IsStopWord reports whether some language's analyser drops word
// entirely (a stop word of English, Spanish, French or Portuguese).
func IsStopWord(word string) bool { return isStopWord(word) }

// isStopWordIn reports whether language lang's analyser drops word
// entirely.
func isStopWordIn(lang, word string) bool {
	k := [2]string{lang, word}
	stopAnswers.RLock()
	stop, ok := stopAnswers.m[k]
	stopAnswers.RUnlock()
	if ok {
		return stop
	}
	a := queryMapping().AnalyzerNamed(analyzerName(lang))
	stop = a != nil && len(a.Analyze([]byte(word))) == 0
	stopAnswers.Lock()
	if len(stopAnswers.m) >= maxStopWordAnswers {
		clear(stopAnswers.m)
	}
	stopAnswers.m[k] = stop
	stopAnswers.Unlock()
	return stop
}

// stopAnswers keeps isStopWordIn's answers by language and word: each word
// of each query is asked about in every language, and an analysis costs
// more than the lookup (1.4% of a search's CPU on the reference load).
var stopAnswers = struct {
	sync.RWMutex
	m map[[2]string]bool
}{m: map[[2]string]bool{}}

// maxStopWordAnswers bounds stopAnswers; when full it starts again empty.
const maxStopWordAnswers = 1 << 16

// isStopWord reports whether a language analyser drops word entirely.
func isStopWord(word string) bool {
	for _, l := range languages {
		a := queryMapping().AnalyzerNamed(analyzerName(l))
		if a != nil && len(a.Analyze([]byte(word))) == 0 {
			return true
		}
	}
	return false
}
