package classify_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"faro/indexer/classify/evaluate"
)

// Paths of the ground truth and of the collections, from this package.
const (
	corpusLabels = "../testdata/corpus-labels.json"
	corpusDir    = "../../corpus"
	realDocsRoot = "../../../shared/realdocs"
)

// floor is the least a family's micro-averaged figures may reach.
type floor struct {
	p, r, f1 float64
}

// check fails t for every family of r below its floor, and logs r.
func check(t *testing.T, r *evaluate.Report, floors map[string]floor) {
	t.Helper()
	var b strings.Builder
	r.WriteTable(&b)
	if testing.Verbose() {
		b.WriteString("  misses (-expected not given, +given not expected):\n")
		r.WriteMisses(&b)
	}
	t.Log("\n" + b.String())
	for _, s := range r.Skipped {
		t.Errorf("%s: skipped %s", r.Name, s)
	}
	for _, f := range evaluate.Families {
		fl, ok := floors[f]
		if !ok {
			continue
		}
		c := r.Scores[f]
		if c == nil || c.Docs == 0 {
			t.Errorf("%s: %s was not scored", r.Name, f)
			continue
		}
		if c.Precision() < fl.p || c.Recall() < fl.r || c.F1() < fl.f1 {
			t.Errorf("%s: %s precision %.2f recall %.2f F1 %.2f, want at least %.2f %.2f %.2f",
				r.Name, f, c.Precision(), c.Recall(), c.F1(), fl.p, fl.r, fl.f1)
		}
	}
}

// TestCorpusGroundTruth measures the classifier against the bundled
// corpus's ground truth: every file is read with the project's extractor
// and classified with what the indexer gives the classifier (see
// evaluate.ClassifyFile). Country F1 0.95, GCM F1 0.85 (issue 16) and
// language 1.00 are the targets; the other floors sit a little under
// what the classifier reaches (see EVALUATION.md), so a change that
// loses ground fails. The ground truth names, beside each document's
// central objectives, the secondary ones it substantially treats
// (EVALUATION.md lists the documents so reviewed); the GCM recall floor
// of 0.85 is one objective under what the classifier reaches. Run with
// -v for each document's misses.
func TestCorpusGroundTruth(t *testing.T) {
	r, err := evaluate.Corpus(context.Background(), corpusDir, corpusLabels)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Docs) < 39 {
		t.Errorf("%d documents scored, want the corpus's 39", len(r.Docs))
	}
	check(t, r, map[string]floor{
		evaluate.Country:   {0.9, 0.9, 0.95},
		evaluate.GCM:       {0.88, 0.85, 0.85},
		evaluate.Lang:      {1, 1, 1},
		evaluate.Theme:     {0.75, 0.78, 0.78},
		evaluate.Principle: {0.72, 0.42, 0.55},
		evaluate.Type:      {0.92, 0.9, 0.92},
		evaluate.Year:      {0.85, 0.85, 0.85},
	})
}

// TestRealDocsMetadata measures the classifier on the real IOM evaluation
// PDFs of the shared collection (text from its pdftotext output) against
// the IOM evaluation repository export: country F1 0.90 with the errata
// (evaluate.Errata; at least 0.80 against the export as is), every
// language right, and the types of the files the export describes; and
// the language of every document of the collection against its manifest.
// It skips when the collection is absent.
func TestRealDocsMetadata(t *testing.T) {
	r, docs, err := evaluate.RealDocs(realDocsRoot)
	if errors.Is(err, evaluate.ErrNoRealDocs) {
		t.Skipf("no shared collection: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	matched := 0
	for _, d := range docs {
		if d.Record != nil {
			matched++
		}
		if len(d.Unknown) > 0 {
			t.Errorf("%s: countries %q are not in the taxonomy", d.File, d.Unknown)
		}
	}
	if matched < 15 {
		t.Errorf("%d of %d files matched to a record, want at least 15", matched, len(docs))
	}
	// A file without a record (the ARCO brief) cannot be scored; any
	// other skip is an error.
	r.Skipped = slices.DeleteFunc(r.Skipped, func(s string) bool { return strings.HasSuffix(s, "no record in the export") })
	check(t, r, map[string]floor{
		evaluate.Country:       {0.95, 0.8, 0.9},
		evaluate.CountryExport: {0.85, 0.7, 0.8},
		evaluate.Lang:          {1, 1, 1},
		evaluate.Type:          {0.9, 0.9, 0.9},
	})

	langs, err := evaluate.Languages(context.Background(), realDocsRoot)
	if err != nil {
		t.Fatal(err)
	}
	check(t, langs, map[string]floor{evaluate.Lang: {1, 1, 1}})
}
