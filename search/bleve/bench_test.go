package bleve_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"faro/search"
	"faro/search/bleve"
	"faro/search/searchtest"
)

// Benchmarks over synthetic collections. Sizes: FARO_BENCH_DOCS (default
// 10000; 100000 for the large figures). The index is built once per size
// and reused across benchmarks of one run.
//
//	go test ./search/bleve -run '^$' -bench . -benchtime 200x
//	FARO_BENCH_DOCS=100000 go test ./search/bleve -run '^$' -bench Search -benchtime 500x -timeout 60m

var (
	benchMu   sync.Mutex
	benchIdx  = map[int]*bleve.Index{}
	benchDirs []string
)

func benchSize() int {
	if n, err := strconv.Atoi(os.Getenv("FARO_BENCH_DOCS")); err == nil && n > 0 {
		return n
	}
	return 10000
}

func benchIndex(b *testing.B, n int) *bleve.Index {
	benchMu.Lock()
	defer benchMu.Unlock()
	if idx, ok := benchIdx[n]; ok {
		return idx
	}
	dir, err := os.MkdirTemp("", "faro-bench-")
	if err != nil {
		b.Fatal(err)
	}
	benchDirs = append(benchDirs, dir)
	idx, err := bleve.Create(filepath.Join(dir, "index"))
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for _, d := range searchtest.Synthetic(1, n) {
		if err := idx.Put(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
	if err := idx.Flush(ctx); err != nil {
		b.Fatal(err)
	}
	// Measure the engine, not the result cache (see BenchmarkSearchCached).
	idx.SetCacheSize(0)
	if !idx.Warm(ctx) {
		b.Fatal("text table not built")
	}
	benchIdx[n] = idx
	return idx
}

func TestMain(m *testing.M) {
	code := m.Run()
	for _, idx := range benchIdx {
		idx.Close()
	}
	for _, d := range benchDirs {
		os.RemoveAll(d)
	}
	os.Exit(code)
}

// BenchmarkIndex measures the engine's indexing throughput in documents
// per second (3-5 KB synthetic documents, batches of the index's batch
// size), under the default collector settings; faro index's own settings
// are measured by the indexer's BenchmarkIndexSynthetic.
func BenchmarkIndex(b *testing.B) {
	searchtest.BenchmarkPut(b, searchtest.Synthetic(2, 2000), func(dir string) (searchtest.PutCloser, error) { return bleve.Create(dir) })
}

// searchMix is a rotating set of realistic queries with facets.
var searchMix = []search.Query{
	{Text: "trata", Filters: map[string][]string{"country": {"HND"}}},
	{Text: "migración retorno"},
	{Text: `"return reintegration"`},
	{Text: "(trafficking OR smuggling) AND -climate", Filters: map[string][]string{"gcm": {"10", "9"}}},
	{Text: "niñez", Filters: map[string][]string{"lang": {"es"}, "type": {"study"}}},
	{Text: "", Filters: map[string][]string{"country": {"GTM", "SLV"}}},
	{Text: "campagne information", YearFrom: 2015},
	{Text: "remittances diaspora", Sort: search.SortDateDesc},
	{Text: "migra*"},
	{Text: `"trata de personas"`, Filters: map[string][]string{"theme": {"trafficking"}}},
}

func BenchmarkSearch(b *testing.B) {
	n := benchSize()
	idx := benchIndex(b, n)
	ctx := context.Background()
	cases := map[string]func(i int) search.Query{
		"match":   func(int) search.Query { return search.Query{Text: "migración"} },
		"phrase":  func(int) search.Query { return search.Query{Text: `"return reintegration"`} },
		"boolean": func(int) search.Query { return search.Query{Text: "(trata OR smuggling) AND niñez -climate"} },
		"facets7": func(int) search.Query {
			return search.Query{Text: "migración", Filters: map[string][]string{"country": {"HND"}, "gcm": {"10"}}}
		},
		"highlight": func(int) search.Query { return search.Query{Text: "retorno", Snippets: 3} },
		"all":       func(int) search.Query { return search.Query{} },
		"mix":       func(i int) search.Query { q := searchMix[i%len(searchMix)]; q.Snippets = 3; return q },
	}
	// cold: every query evaluated; warm: match sets from the cache.
	paths := []struct {
		name      string
		matchSets bool
	}{{"cold", false}, {"warm", true}}
	defer idx.SetMatchCache(true)
	for _, name := range []string{"match", "phrase", "boolean", "facets7", "highlight", "all", "mix"} {
		mk := cases[name]
		for _, p := range paths {
			b.Run(fmt.Sprintf("%s/%s/docs=%d", name, p.name, n), func(b *testing.B) {
				idx.SetMatchCache(p.matchSets)
				for i := 0; i < b.N; i++ {
					q := mk(i)
					q.Size = 10
					if _, err := idx.Search(ctx, q); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkSearchCached is the query mix with the result cache on: what a
// server sees for repeated searches.
func BenchmarkSearchCached(b *testing.B) {
	n := benchSize()
	idx := benchIndex(b, n)
	idx.SetCacheSize(bleve.CacheSize)
	defer idx.SetCacheSize(0)
	ctx := context.Background()
	b.Run(fmt.Sprintf("mix/docs=%d", n), func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			q := searchMix[i%len(searchMix)]
			q.Snippets, q.Size = 3, 10
			if _, err := idx.Search(ctx, q); err != nil {
				b.Fatal(err)
			}
		}
	})
}
