package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"faro/search/bleve"
	"faro/search/searchtest"
	"faro/search/web"
)

// BenchmarkServe drives the whole HTTP handler (middleware, query parsing,
// search with 7 disjunctive facets and snippets, JSON or HTML rendering) in
// process, from parallel goroutines, so that a CPU profile shows where a
// loaded server spends its time:
//
//	FARO_BENCH_INDEX=/tmp/faro-bench/idx10k go test ./search/web -run '^$' -bench Serve -benchtime 20s -cpuprofile /tmp/serve.pprof
//
// FARO_BENCH_INDEX names an existing index (e.g. one `faro index` built
// from scripts/gencorpus files); without it, FARO_BENCH_DOCS (default
// 10000) synthetic documents are indexed first.
func BenchmarkServe(b *testing.B) {
	idx := benchServeIndex(b)
	h := web.New(idx, web.Options{Corpus: b.TempDir()})
	for _, kind := range []string{"search", "page"} {
		prefix := "/api/v1/search?"
		if kind == "page" {
			prefix = "/?"
		}
		b.Run(kind, func(b *testing.B) {
			b.RunParallel(func(pb *testing.PB) {
				i := 0
				for pb.Next() {
					req := httptest.NewRequest(http.MethodGet, prefix+serveMix[i%len(serveMix)], nil)
					i++
					rec := httptest.NewRecorder()
					h.ServeHTTP(rec, req)
					if rec.Code != http.StatusOK {
						b.Fatalf("%s: status %d: %.200s", req.URL, rec.Code, rec.Body.String())
					}
				}
			})
		})
	}
}

// serveMix rotates through searches like scripts/load's: words, phrases,
// boolean queries, prefixes and fields in three languages, with facet
// selections, year ranges, sorting and paging.
var serveMix = []string{
	"q=trata&country=HND",
	"q=migraci%C3%B3n",
	"q=%22return+reintegration%22",
	"q=%28trata+OR+trafficking%29+AND+-smuggling&gcm=10&gcm=3",
	"q=ni%C3%B1ez&lang=es&type=guide",
	"q=&country=GTM&country=SLV",
	"q=campagne+information&year_from=2015",
	"q=remittances+diaspora&sort=date_desc",
	"q=migra*&theme=c4d",
	"q=%22trata+de+personas%22&theme=trafficking",
	"q=retorno&page=2",
	"q=climat&lang=fr",
	"q=children&size=50",
	"q=gcm%3A10&country=MEX&lang=es",
	"q=&year_from=2018&year_to=2022&sort=date_asc",
	"q=recruitment&ui=es",
}

func benchServeIndex(b *testing.B) *bleve.Index {
	if dir := os.Getenv("FARO_BENCH_INDEX"); dir != "" {
		idx, err := bleve.Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { idx.Close() })
		return idx
	}
	n := 10000
	if v, err := strconv.Atoi(os.Getenv("FARO_BENCH_DOCS")); err == nil && v > 0 {
		n = v
	}
	idx, err := bleve.Create(filepath.Join(b.TempDir(), "index"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { idx.Close() })
	ctx := context.Background()
	for _, d := range searchtest.Synthetic(1, n) {
		if err := idx.Put(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
	if err := idx.Flush(ctx); err != nil {
		b.Fatal(err)
	}
	return idx
}
