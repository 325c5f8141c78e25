package searchtest

import (
	"context"
	"path/filepath"
	"testing"

	"faro/search"
)

// PutCloser is an index that takes documents and writes them on Close.
type PutCloser interface {
	search.Sink
	Close() error
}

// BenchmarkPut times writing docs into a new index made by create in a
// fresh folder, b.N times, and reports documents per second.
func BenchmarkPut(b *testing.B, docs []*search.Document, create func(dir string) (PutCloser, error)) {
	ctx := context.Background()
	b.ResetTimer()
	total := 0
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		idx, err := create(filepath.Join(b.TempDir(), "index"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for _, d := range docs {
			if err := idx.Put(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
		if err := idx.Close(); err != nil {
			b.Fatal(err)
		}
		total += len(docs)
	}
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "docs/s")
}
