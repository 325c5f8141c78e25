package web_test

import (
	"context"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"faro/search/bleve"
	"faro/search/searchtest"
	"faro/search/web"
)

// BenchmarkServe drives the whole HTTP handler (middleware, query parsing,
// search with 7 disjunctive facets and snippets, JSON or HTML rendering) in
// process, from parallel goroutines, so that a CPU profile shows where a
// loaded server spends its time. The index's result cache is off and the
// queries vary (words, phrases, boolean queries, prefixes and fields in three
// languages × facet selections × paging), so every request does the work:
//
//	FARO_BENCH_INDEX=/tmp/faro-bench/idx-10k go test ./search/web -run '^$' -bench Serve/search -benchtime 20s -cpuprofile /tmp/serve.pprof
//
// FARO_BENCH_INDEX names an existing index (e.g. one `faro index` built
// from scripts/gencorpus files); without it, FARO_BENCH_DOCS (default
// 10000) synthetic documents are indexed first. FARO_BENCH_QUERIES names a
// file of request paths, one per line (for example those a wrk script
// sends), to replay instead of the generated queries:
//
//	FARO_BENCH_INDEX=$G/idx FARO_BENCH_QUERIES=$G/paths.txt go test ./search/web -run '^$' -bench Serve/search -benchtime 20s -memprofile /tmp/serve.mem
func BenchmarkServe(b *testing.B) {
	idx := benchServeIndex(b)
	idx.SetCacheSize(0)
	h := web.New(idx, web.Options{Corpus: b.TempDir()})
	queries := serveQueries(4096)
	replay := os.Getenv("FARO_BENCH_QUERIES") != ""
	if replay {
		queries = replayQueries(b, os.Getenv("FARO_BENCH_QUERIES"))
	}
	for _, kind := range []string{"search", "page"} {
		prefix := "/api/v1/search?"
		if kind == "page" {
			prefix = "/?"
		}
		if replay {
			prefix = ""
		}
		b.Run(kind, func(b *testing.B) {
			var next atomic.Int64
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					i := int(next.Add(1)) % len(queries)
					req := httptest.NewRequest(http.MethodGet, prefix+queries[i], nil)
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

// serveQueries returns n query strings drawn (deterministically) like
// scripts/load's searches: a text, often a facet selection, sometimes
// sorting, paging or Spanish labels.
func serveQueries(n int) []string {
	texts := []string{
		"trata", "migración", "migracion", "remesas", "niñez", "retorno", "reintegración", "regularización",
		"diáspora", "campaña", "trafficking", "smuggling", "remittances", "reintegration", "campaign",
		"recruitment", "climate", "children", "retour", "réintégration", "migrants", "protección consular",
		`"return reintegration"`, `"trata de personas"`, `"fair recruitment"`, "(trata OR trafficking) AND -smuggling",
		"trata AND niñez", "remesas OR remittances", "NOT smuggling trafficking", "migra*", "title:campaña",
		"country:HND AND trata", "gcm:10", "theme:c4d", "lang:fr climat", "year:2019", "",
	}
	filters := []string{
		"", "", "", "country=HND", "country=GTM&country=SLV", "gcm=10", "gcm=3&gcm=10", "theme=c4d", "lang=es", "lang=fr",
		"lang=en", "type=guide", "year_from=2018&year_to=2022", "country=MEX&lang=es", "theme=trafficking&country=HND",
		"principle=human-rights", "type=study&gcm=10",
	}
	extras := []string{"", "", "", "sort=date_desc", "sort=date_asc", "page=2", "page=2&size=5", "size=50", "ui=es", "page=3&size=20"}
	r := rand.New(rand.NewPCG(1, 2))
	out := make([]string, n)
	for i := range out {
		q := "q=" + url.QueryEscape(texts[r.IntN(len(texts))])
		if f := filters[r.IntN(len(filters))]; f != "" {
			q += "&" + f
		}
		if e := extras[r.IntN(len(extras))]; e != "" {
			q += "&" + e
		}
		out[i] = q
	}
	return out
}

// replayQueries reads the request paths of file, one per line.
func replayQueries(b *testing.B, file string) []string {
	data, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	var out []string
	for line := range strings.Lines(string(data)) {
		if line = strings.TrimSpace(line); strings.HasPrefix(line, "/") {
			out = append(out, line)
		}
	}
	if len(out) == 0 {
		b.Fatalf("%s: no request paths", file)
	}
	return out
}

func benchServeIndex(b *testing.B) *bleve.Index {
	if dir := os.Getenv("FARO_BENCH_INDEX"); dir != "" {
		idx, err := bleve.Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { idx.Close() })
		warm(b, idx)
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
	warm(b, idx)
	return idx
}

// warm builds the index's search tables before timing.
func warm(b *testing.B, idx *bleve.Index) {
	start := time.Now()
	ready := idx.Warm(context.Background())
	b.Logf("tables built in %v (ready: %v)", time.Since(start).Round(time.Millisecond), ready)
}

// BenchmarkServeQueries times one request at a time by kind of search
// (result cache off), to tell which kinds are slow at a size:
//
//	FARO_BENCH_INDEX=/tmp/faro-bench/idx-100k go test ./search/web -run '^$' -bench ServeQueries -benchtime 10x
func BenchmarkServeQueries(b *testing.B) {
	idx := benchServeIndex(b)
	idx.SetCacheSize(0)
	h := web.New(idx, web.Options{Corpus: b.TempDir()})
	for _, c := range []struct{ name, query string }{
		{"browse", "q="},
		{"browse-sorted", "q=&sort=date_desc"},
		{"word-rare", "q=periodistas"},
		{"word-common", "q=migraci%C3%B3n"},
		{"word-common-nosnippets", "q=migraci%C3%B3n&size=1"},
		{"two-words", "q=remesas+retorno"},
		{"phrase", "q=%22trata+de+personas%22"},
		{"boolean", "q=%28trata+OR+trafficking%29+AND+-smuggling"},
		{"prefix", "q=migra*"},
		{"field", "q=country%3AHND+AND+trata"},
		{"word+1facet", "q=trata&country=HND"},
		{"word+3facets", "q=trata&country=HND&gcm=10&theme=trafficking"},
		{"word-common+3facets", "q=migraci%C3%B3n&country=HND&gcm=10&lang=es"},
		{"word-page3", "q=retorno&page=3&size=20"},
		{"word-size50", "q=children&size=50"},
	} {
		// cold: every search evaluates its query; warm: the words' match
		// set comes from the text table's cache (faceted browsing).
		for _, warm := range []bool{false, true} {
			name := "cold/" + c.name
			if warm {
				name = "warm/" + c.name
			}
			b.Run(name, func(b *testing.B) {
				idx.SetMatchCache(warm)
				defer idx.SetMatchCache(true)
				for i := 0; i < b.N; i++ {
					req := httptest.NewRequest(http.MethodGet, "/api/v1/search?"+c.query, nil)
					rec := httptest.NewRecorder()
					h.ServeHTTP(rec, req)
					if rec.Code != http.StatusOK {
						b.Fatalf("%s: status %d: %.200s", req.URL, rec.Code, rec.Body.String())
					}
				}
			})
		}
	}
}
