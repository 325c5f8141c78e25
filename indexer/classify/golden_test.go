package classify_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"faro/indexer/classify"
	"faro/indexer/classify/evaluate"
)

// goldenFile holds Classify's full output on every document of the bundled
// corpus.
const goldenFile = "testdata/corpus-output.json"

var update = flag.Bool("update", false, "rewrite "+goldenFile+" from the current classifier")

// corpusInputs reads every document of the corpus's ground truth with the
// project's extractor and returns the classifier's inputs, in the ground
// truth's order.
func corpusInputs(tb testing.TB) []evaluate.Classified {
	tb.Helper()
	truth, err := evaluate.LoadTruth(corpusLabels)
	if err != nil {
		tb.Fatal(err)
	}
	var docs []evaluate.Classified
	for _, t := range truth {
		c := evaluate.ClassifyFile(context.Background(), filepath.Join(corpusDir, filepath.FromSlash(t.Source)))
		if c.Err != nil {
			tb.Fatalf("%s: %v", t.Source, c.Err)
		}
		c.Name = t.Source
		docs = append(docs, c)
	}
	return docs
}

// TestCorpusOutputUnchanged compares Classify's whole output (values,
// scores, evidence, rejections) on the bundled corpus with the recorded
// one, so that a change meant to make the classifier faster cannot change
// what it infers. Rewrite the record with -update after a change that is
// meant to alter the output.
func TestCorpusOutputUnchanged(t *testing.T) {
	type record struct {
		Name string
		Out  classify.Output
	}
	var got []record
	for _, c := range corpusInputs(t) {
		got = append(got, record{Name: c.Name, Out: c.Out})
	}
	b, err := json.MarshalIndent(got, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, '\n')
	if *update {
		if err := os.WriteFile(goldenFile, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(goldenFile)
	if err != nil {
		t.Fatalf("%v (run with -update to record it)", err)
	}
	if bytes.Equal(b, want) {
		return
	}
	var old []record
	if err := json.Unmarshal(want, &old); err != nil {
		t.Fatalf("%s: %v", goldenFile, err)
	}
	if len(old) != len(got) {
		t.Fatalf("%d documents, recorded %d", len(got), len(old))
	}
	for i := range got {
		g, _ := json.Marshal(got[i])
		w, _ := json.Marshal(old[i])
		if !bytes.Equal(g, w) {
			t.Errorf("%s: output differs from the record\n got: %s\nwant: %s", got[i].Name, g, w)
		}
	}
}

// BenchmarkClassifyCorpus classifies the bundled corpus's documents, read once
// beforehand; one operation is the whole corpus.
func BenchmarkClassifyCorpus(b *testing.B) {
	docs := corpusInputs(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, c := range docs {
			classify.Classify(c.Input)
		}
	}
}
