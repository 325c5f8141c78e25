package indexer

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"faro/scripts/gencorpus/corpusgen"
	"faro/search"
	"faro/search/bleve"
	"faro/search/searchtest"
)

// End-to-end indexing benchmarks over generated corpora (scripts/gencorpus):
// files → extraction → classification → bleve. Sizes: FARO_BENCH_FILES
// (default 2000 files) and FARO_BENCH_DOCS (default 20000 documents for
// BenchmarkIndexSynthetic).
//
//	go test ./indexer -run '^$' -bench . -benchtime 1x
//	go test ./indexer -run '^$' -bench Run/extract -benchtime 3x -cpuprofile /tmp/extract.pprof

func benchEnv(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// benchCorpus writes a generated corpus into a temporary folder removed
// when b ends.
func benchCorpus(b *testing.B) string {
	dir := filepath.Join(b.TempDir(), "corpus")
	if _, err := corpusgen.Write(context.Background(), dir, corpusgen.Options{Seed: 1, N: benchEnv("FARO_BENCH_FILES", 2000)}); err != nil {
		b.Fatal(err)
	}
	return dir
}

// discard is a sink that drops documents: extraction and classification
// alone.
type discard struct{}

func (discard) Put(context.Context, *search.Document) error { return nil }

// BenchmarkRun indexes the generated files: "extract" into a sink that
// drops the documents (walk, hash, extraction, classification, building),
// "bleve" into a new bleve index (everything `faro index --rebuild` does).
func BenchmarkRun(b *testing.B) {
	root := benchCorpus(b)
	ctx := context.Background()
	for _, sinkName := range []string{"extract", "bleve"} {
		b.Run(sinkName, func(b *testing.B) {
			files, pages := 0, 0
			for i := 0; i < b.N; i++ {
				var sink search.Sink = discard{}
				var idx *bleve.Index
				if sinkName == "bleve" {
					b.StopTimer()
					var err error
					idx, err = bleve.Create(filepath.Join(b.TempDir(), "index"))
					if err != nil {
						b.Fatal(err)
					}
					sink = idx
					b.StartTimer()
				}
				rep, err := Run(ctx, root, sink, Options{})
				if err != nil {
					b.Fatal(err)
				}
				if len(rep.Errors) > 0 {
					b.Fatalf("%d files failed, first: %v", len(rep.Errors), rep.Errors[0])
				}
				if idx != nil {
					if err := idx.Close(); err != nil {
						b.Fatal(err)
					}
				}
				files += rep.Indexed
				pages += rep.Pages
			}
			b.ReportMetric(float64(files)/b.Elapsed().Seconds(), "docs/s")
			b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}

// BenchmarkIndexSynthetic is search/bleve's BenchmarkIndex at the size of
// the indexing target (20,000 documents of 3-5 KB, extraction excluded):
// searchtest.Synthetic documents straight into a new bleve index.
func BenchmarkIndexSynthetic(b *testing.B) {
	docs := searchtest.Synthetic(1, benchEnv("FARO_BENCH_DOCS", 20000))
	// As faro index runs.
	defer TuneGCForBuild()()
	searchtest.BenchmarkPut(b, docs, func(dir string) (searchtest.PutCloser, error) { return bleve.Create(dir) })
}
