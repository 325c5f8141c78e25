package web

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"sync"

	"github.com/gin-gonic/gin"

	"faro/format"
	"faro/internal/version"
	"faro/search"
	"faro/search/cite"
	"faro/search/taxonomy"
)

// OpenAPIRoute is where the server describes its API.
const OpenAPIRoute = "/api/v1/openapi.json"

// openAPISource is the API's description, written by hand: the routes,
// parameters, shapes, errors and examples, each with what it means, which
// no Go type carries. What the code already holds as data is not repeated
// there: a schema or response with an "x-faro" object names, for each
// keyword, the registry its value comes from (see openAPIValues), and
// OpenAPI fills them in. The test suite validates every response the API
// tests receive against the result (openapi_check_test.go).
//
//go:embed openapi.json
var openAPISource []byte

// openAPIValues are the values an "x-faro" keyword may name: the
// taxonomy's codes, the facet registry, the output formats and the limits
// of a search, and the build.
func openAPIValues() map[string]any {
	var countries, themes, principles, types, langs []any
	for _, c := range taxonomy.Countries() {
		countries = append(countries, c.Code)
	}
	for _, t := range taxonomy.Themes() {
		themes = append(themes, t.Code)
	}
	for _, p := range taxonomy.Principles() {
		principles = append(principles, p.Code)
	}
	for _, t := range taxonomy.DocTypes() {
		types = append(types, t.Code)
	}
	for _, l := range taxonomy.Languages {
		langs = append(langs, l.Code)
	}
	var objectives []any
	for _, o := range taxonomy.Objectives() {
		objectives = append(objectives, o.Number)
	}
	var facets []any
	lists := map[string]any{}
	for _, f := range search.AllFacets() {
		facets = append(facets, f.Name)
		lists[f.Name] = map[string]any{"type": "array", "items": map[string]any{"$ref": "#/components/schemas/FacetValue"},
			"description": f.Title.EN + " (" + f.Title.ES + ")."}
	}
	var citations []any
	for _, n := range cite.FormatNames(cite.Citations) {
		citations = append(citations, n)
	}
	var formats []any
	originals := map[string]any{}
	for _, f := range format.All() {
		formats = append(formats, f.Name)
		mt, _, _ := mime.ParseMediaType(f.MIME)
		originals[mt] = map[string]any{"schema": map[string]any{"type": "string", "description": "An original file."}}
	}
	originals["application/octet-stream"] = map[string]any{"schema": map[string]any{"type": "string", "description": "An original of an unknown format, as a download."}}
	return map[string]any{
		"taxonomy.countries":  countries,
		"taxonomy.themes":     themes,
		"taxonomy.objectives": objectives,
		"taxonomy.principles": principles,
		"taxonomy.types":      types,
		"taxonomy.languages":  langs,
		"search.facets":       facets,
		"search.facetLists":   lists,
		"search.MaxQueryLen":  search.MaxQueryLen,
		"search.MaxSize":      search.MaxSize,
		"search.DefaultSize":  search.DefaultSize,
		"search.MaxDepth":     search.MaxDepth,
		"cite.citations":      citations,
		"format.names":        formats,
		"format.mimes":        originals,
		"build.version":       version.Get().Short(),
	}
}

// OpenAPI returns the OpenAPI 3.1 description of the API, as served at
// OpenAPIRoute: openapi.json with its "x-faro" values filled in, and every
// response declaring the X-Request-ID header the server always sends.
var OpenAPI = sync.OnceValues(func() ([]byte, error) {
	var doc map[string]any
	if err := json.Unmarshal(openAPISource, &doc); err != nil {
		return nil, fmt.Errorf("openapi.json: %w", err)
	}
	if err := fillOpenAPI(doc, openAPIValues(), "#"); err != nil {
		return nil, fmt.Errorf("openapi.json: %w", err)
	}
	paths, _ := doc["paths"].(map[string]any)
	for _, item := range paths {
		for _, op := range item.(map[string]any) {
			op, ok := op.(map[string]any)
			if !ok {
				continue
			}
			for _, r := range op["responses"].(map[string]any) {
				r := r.(map[string]any)
				if _, isRef := r["$ref"]; isRef {
					continue
				}
				addRequestIDHeader(r)
			}
		}
	}
	if rs, ok := doc["components"].(map[string]any)["responses"].(map[string]any); ok {
		for _, r := range rs {
			addRequestIDHeader(r.(map[string]any))
		}
	}
	out, err := json.MarshalIndent(doc, "", " ")
	if err != nil {
		return nil, fmt.Errorf("encode the OpenAPI document: %w", err)
	}
	return append(out, '\n'), nil
})

func addRequestIDHeader(r map[string]any) {
	h, _ := r["headers"].(map[string]any)
	if h == nil {
		h = map[string]any{}
		r["headers"] = h
	}
	h[RequestIDHeader] = map[string]any{"$ref": "#/components/headers/" + RequestIDHeader}
}

// fillOpenAPI replaces every "x-faro" object under v by the values it
// names; a name without a value is an error, so the description cannot
// point at a registry that is gone.
func fillOpenAPI(v any, values map[string]any, at string) error {
	switch v := v.(type) {
	case map[string]any:
		if x, ok := v["x-faro"]; ok {
			names, ok := x.(map[string]any)
			if !ok {
				return fmt.Errorf("%s: x-faro is not an object", at)
			}
			keys := make([]string, 0, len(names))
			for k := range names {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				name, _ := names[k].(string)
				val, ok := values[name]
				if !ok {
					return fmt.Errorf("%s: x-faro %s names %q, which has no value", at, k, names[k])
				}
				v[k] = val
			}
			delete(v, "x-faro")
		}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			if err := fillOpenAPI(v[k], values, at+"/"+k); err != nil {
				return err
			}
		}
	case []any:
		for i, e := range v {
			if err := fillOpenAPI(e, values, at+"/"+strconv.Itoa(i)); err != nil {
				return err
			}
		}
	}
	return nil
}

// openAPI serves the description.
func (s *Server) openAPI(c *gin.Context) {
	doc, err := OpenAPI()
	if err != nil {
		s.failErr(c, err)
		return
	}
	c.Header("Cache-Control", "no-cache")
	c.Data(http.StatusOK, "application/json; charset=utf-8", doc)
}
