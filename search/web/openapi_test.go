package web

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"faro/search"
	"faro/search/taxonomy"
)

// TestOpenAPIDocument checks the served description: valid OpenAPI 3.1
// (kin-openapi's validation, examples included), served at its route as
// JSON, with the taxonomy's codes as its enumerations.
func TestOpenAPIDocument(t *testing.T) {
	c, err := contract()
	if err != nil {
		t.Fatal(err)
	}
	if c.doc.OpenAPI != "3.1.0" {
		t.Errorf("openapi = %q, want 3.1.0", c.doc.OpenAPI)
	}
	srv := newPageServer(t)
	resp, err := http.Get(srv.URL + OpenAPIRoute)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var served map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&served); err != nil || resp.StatusCode != 200 ||
		!strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		t.Fatalf("GET %s: %d %q %v", OpenAPIRoute, resp.StatusCode, resp.Header.Get("Content-Type"), err)
	}
	schemas := c.doc.Components.Schemas
	var countries, types []any
	for _, co := range taxonomy.Countries() {
		countries = append(countries, co.Code)
	}
	for _, ty := range taxonomy.DocTypes() {
		types = append(types, ty.Code)
	}
	for _, tc := range []struct {
		schema string
		want   []any
	}{
		{"CountryCode", countries},
		{"DocType", types},
		{"GCMObjective", nil},
		{"ThemeCode", nil}, {"PrincipleCode", nil}, {"Lang", nil}, {"FacetName", nil},
	} {
		s := schemas[tc.schema]
		if s == nil || s.Value == nil || len(s.Value.Enum) == 0 {
			t.Errorf("schema %s has no enumeration", tc.schema)
			continue
		}
		if tc.want != nil && !slices.Equal(s.Value.Enum, tc.want) {
			t.Errorf("schema %s: enum %v, want the taxonomy's %v", tc.schema, s.Value.Enum, tc.want)
		}
	}
	if n := len(schemas["GCMObjective"].Value.Enum); n != 23 {
		t.Errorf("GCMObjective lists %d objectives", n)
	}
	facets := schemas["SearchResponse"].Value.Properties["facets"].Value
	if !slices.Equal(facets.Required, search.Facets) {
		t.Errorf("facets required %v, want %v", facets.Required, search.Facets)
	}
	if strings.Contains(string(mustOpenAPI(t)), "x-faro") {
		t.Error("the served document still holds x-faro placeholders")
	}
}

func mustOpenAPI(t *testing.T) []byte {
	t.Helper()
	doc, err := OpenAPI()
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestOpenAPIDescribesEveryRoute compares the server's routes with the
// description's operations, both ways.
func TestOpenAPIDescribesEveryRoute(t *testing.T) {
	c, err := contract()
	if err != nil {
		t.Fatal(err)
	}
	s := New(nil, Options{})
	param := regexp.MustCompile(`[:*]([a-z]+)`)
	var routes, described []string
	for _, r := range s.engine.Routes() {
		routes = append(routes, r.Method+" "+param.ReplaceAllString(r.Path, "{$1}"))
	}
	for path, item := range c.doc.Paths.Map() {
		for method := range item.Operations() {
			described = append(described, method+" "+path)
		}
	}
	slices.Sort(routes)
	slices.Sort(described)
	if !slices.Equal(routes, described) {
		t.Errorf("routes and description differ:\nroutes:    %v\ndescribed: %v", routes, described)
	}
}

// TestContractCheckFails shows the check failing: responses that leave
// the description in different ways are each reported.
func TestContractCheckFails(t *testing.T) {
	c, err := contract()
	if err != nil {
		t.Fatal(err)
	}
	good := `{"total":1,"took_ms":2,"page":1,"size":10,"hits":[],"facets":{"country":[],"theme":[],"gcm":[],"principle":[],"type":[],"lang":[],"year":[]}}`
	header := func(kv ...string) http.Header {
		h := http.Header{}
		for i := 0; i+1 < len(kv); i += 2 {
			h.Set(kv[i], kv[i+1])
		}
		return h
	}
	jsonHeader := func() http.Header {
		return header("Content-Type", "application/json; charset=utf-8", RequestIDHeader, "abc")
	}
	for _, tc := range []struct {
		name   string
		path   string
		status int
		header http.Header
		body   string
		fails  bool
	}{
		{"as described", "/api/v1/search?q=trata", 200, jsonHeader(), good, false},
		{"a field missing", "/api/v1/search", 200, jsonHeader(), strings.Replace(good, `"total":1,`, "", 1), true},
		{"a field renamed", "/api/v1/search", 200, jsonHeader(), strings.Replace(good, `"took_ms"`, `"took"`, 1), true},
		{"a wrong type", "/api/v1/search", 200, jsonHeader(), strings.Replace(good, `"page":1`, `"page":"1"`, 1), true},
		{"a facet missing", "/api/v1/search", 200, jsonHeader(), strings.Replace(good, `"year":[]`, `"years":[]`, 1), true},
		{"an unknown country", "/api/v1/documents/x", 200, jsonHeader(),
			`{"id":"x","title":"t","source":"a.pdf","countries":["XXX"],"themes":[],"gcm":[],"principles":[],"pages":[],"url":"/documents/x","file_url":"/documents/x/file"}`, true},
		{"an undescribed status", "/api/v1/taxonomy", 418, jsonHeader(), `{"error":"teapot"}`, true},
		{"an error without its shape", "/api/v1/search", 400, jsonHeader(), `{"message":"bad"}`, true},
		{"HTML where JSON is described", "/api/v1/search", 400, header("Content-Type", "text/html", RequestIDHeader, "abc"), `<p>bad</p>`, true},
		{"no request id", "/healthz", 200, header("Content-Type", "application/json"), `{"status":"ok","version":"devel"}`, true},
		{"export without its counts", "/api/v1/export", 200, header("Content-Type", "application/x-bibtex", RequestIDHeader, "abc",
			"Content-Disposition", `attachment; filename="x.bib"`), "@misc{x}", true},
		{"unknown route, 404", "/nowhere", 404, jsonHeader(), `{"error":"not found"}`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, tc.path, nil)
			err := c.check(req, tc.status, tc.header, []byte(tc.body), false)
			if (err != nil) != tc.fails {
				t.Errorf("check = %v, want failure %v", err, tc.fails)
			}
		})
	}
}

// TestFooterLinksOpenAPI checks that every page's footer links the
// description, labelled in the page's language.
func TestFooterLinksOpenAPI(t *testing.T) {
	srv := newPageServer(t)
	for _, tc := range []struct{ path, label string }{
		{"/", "API description (OpenAPI)"},
		{"/?ui=es", "Descripción de la API (OpenAPI)"},
		{"/documents/hn-trata?ui=es", "Descripción de la API (OpenAPI)"},
	} {
		resp, err := http.Get(srv.URL + tc.path)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		_, err = io.Copy(&b, resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		footer := b.String()
		if i := strings.Index(footer, "<footer"); i >= 0 {
			footer = footer[i:]
		}
		if !strings.Contains(footer, `href="/api/v1/openapi.json"`) || !strings.Contains(footer, tc.label) {
			t.Errorf("%s: footer lacks the OpenAPI link labelled %q: %.300s", tc.path, tc.label, footer)
		}
	}
}

// TestOpenAPISchemasMatchTypes compares the properties of the described
// objects with the JSON fields of the Go types that are sent, both ways,
// so that a field no test response happens to carry cannot drift either.
func TestOpenAPISchemasMatchTypes(t *testing.T) {
	c, err := contract()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		schema string
		typ    any
	}{
		{"SearchResponse", SearchResponse{}}, {"Hit", HitJSON{}}, {"Snippet", SnippetJSON{}}, {"FacetValue", facetJSON{}},
		{"FacetValuesResponse", FacetValuesResponse{}}, {"Suggestion", Suggestion{}},
		{"DocumentResponse", DocumentResponse{}}, {"Page", search.Page{}}, {"Label", search.Label{}}, {"Evidence", search.Evidence{}},
		{"Metadata", search.Metadata{}}, {"UploadResponse", UploadResponse{}}, {"ReindexResult", ReindexResult{}}, {"FailedFile", FailedFile{}},
		{"Country", taxonomy.Country{}}, {"Theme", taxonomy.Theme{}}, {"Objective", taxonomy.Objective{}},
		{"Principle", taxonomy.Principle{}}, {"DocTypeEntry", taxonomy.DocType{}}, {"Language", codeLabel{}}, {"Text", taxonomy.Text{}},
		{"Error", errorBody{}},
	} {
		ref := c.doc.Components.Schemas[tc.schema]
		if ref == nil || ref.Value == nil {
			t.Errorf("no schema %s", tc.schema)
			continue
		}
		var described []string
		for name := range ref.Value.Properties {
			described = append(described, name)
		}
		fields := jsonFields(reflect.TypeOf(tc.typ))
		slices.Sort(described)
		slices.Sort(fields)
		if !slices.Equal(described, fields) {
			t.Errorf("schema %s describes %v; %T sends %v: describe the change in search/web/openapi.json and CHANGELOG.md", tc.schema, described, tc.typ, fields)
		}
	}
}

// jsonFields lists the JSON names encoding/json gives a struct's fields,
// embedded structs flattened, outer fields shadowing inner ones.
func jsonFields(t reflect.Type) []string {
	seen := map[string]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		if t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		var embedded []reflect.Type
		for i := range t.NumField() {
			f := t.Field(i)
			tag := f.Tag.Get("json")
			if tag == "-" || (!f.IsExported() && !f.Anonymous) {
				continue
			}
			name, _, _ := strings.Cut(tag, ",")
			if f.Anonymous && name == "" {
				embedded = append(embedded, f.Type)
				continue
			}
			if name == "" {
				name = f.Name
			}
			seen[name] = true
		}
		for _, e := range embedded {
			walk(e)
		}
	}
	walk(t)
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	return out
}
