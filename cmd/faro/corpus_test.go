package main

import (
	"context"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"faro/indexer/classify/evaluate"
	"faro/search"
	"faro/search/bleve"
)

// TestBundledCorpus checks what a new user sees: the size and make-up of
// the bundled collection, its ground-truth file, clean extraction, and a
// phrase search for each of the programme's named products.
func TestBundledCorpus(t *testing.T) {
	labels, err := evaluate.LoadTruth("../../indexer/testdata/corpus-labels.json")
	if err != nil {
		t.Fatal(err)
	}
	idx, err := bleve.Open(corpusIndex(t))
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	ctx := context.Background()

	all, err := idx.Search(ctx, search.Query{Size: 100})
	if err != nil {
		t.Fatal(err)
	}
	var indexed, pdfs []string
	langs := map[string]int{}
	for _, h := range all.Hits {
		indexed = append(indexed, h.Source)
		if strings.EqualFold(filepath.Ext(h.Source), ".pdf") {
			pdfs = append(pdfs, h.Source)
		}
		langs[h.Lang]++
	}
	if len(indexed) < 30 || len(pdfs) < 20 {
		t.Errorf("corpus has %d documents (%d PDFs), want ≥ 30 (≥ 20)", len(indexed), len(pdfs))
	}
	if langs["en"] == 0 || langs["es"] == 0 || langs["fr"] == 0 {
		t.Errorf("languages %v, want en, es and fr", langs)
	}

	// The label file names exactly the indexed documents.
	var labelled []string
	for _, l := range labels {
		labelled = append(labelled, l.Source)
		if l.Lang == "" || l.Type == "" || len(l.Countries) == 0 {
			t.Errorf("label of %s is incomplete: %+v", l.Source, l)
		}
	}
	sort.Strings(indexed)
	sort.Strings(labelled)
	if strings.Join(indexed, "\n") != strings.Join(labelled, "\n") {
		t.Errorf("labels and index differ:\nindexed  %v\nlabelled %v", indexed, labelled)
	}
	// What users filter on is what the index holds: the indexed documents'
	// countries and GCM objectives against the ground truth (micro-F1).
	bySource := map[string]evaluate.Truth{}
	for _, l := range labels {
		bySource[l.Source] = l
	}
	var ctp, cfp, cfn, gtp, gfp, gfn int
	for _, h := range all.Hits {
		want := bySource[h.Source]
		c1, c2 := setOf(h.Countries), setOf(want.Countries)
		tp, fp, fn := overlap(c1, c2)
		ctp, cfp, cfn = ctp+tp, cfp+fp, cfn+fn
		var g1, g2 []string
		for _, g := range h.GCM {
			g1 = append(g1, fmt.Sprint(g))
		}
		for _, g := range want.GCM {
			g2 = append(g2, fmt.Sprint(g))
		}
		tp, fp, fn = overlap(setOf(g1), setOf(g2))
		gtp, gfp, gfn = gtp+tp, gfp+fp, gfn+fn
	}
	t.Logf("indexed documents against the labels: countries micro-F1 %.3f, GCM micro-F1 %.3f",
		microF1(ctp, cfp, cfn), microF1(gtp, gfp, gfn))
	if f := microF1(ctp, cfp, cfn); f < 0.95 {
		t.Errorf("indexed countries micro-F1 %.3f < 0.95 (tp %d fp %d fn %d)", f, ctp, cfp, cfn)
	}
	if f := microF1(gtp, gfp, gfn); f < 0.80 {
		t.Errorf("indexed GCM objectives micro-F1 %.3f < 0.80 (tp %d fp %d fn %d)", f, gtp, gfp, gfn)
	}

	gcm := map[int]bool{}
	for _, l := range labels {
		for _, g := range l.GCM {
			gcm[g] = true
		}
	}
	if len(gcm) < 12 {
		t.Errorf("the corpus touches %d GCM objectives, want ≥ 12", len(gcm))
	}

	// No file in the corpus fails to index.
	var files int
	filepath.WalkDir(corpusDir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.Contains(p, "/src/") && !strings.HasSuffix(p, ".meta.json") &&
			!strings.HasPrefix(d.Name(), ".") && d.Name() != "README.md" {
			files++
		}
		return nil
	})
	if files != len(indexed) {
		t.Errorf("%d files in the corpus, %d indexed: some failed to index", files, len(indexed))
	}

	for _, phrase := range []string{"Plan your Life", "Migrating Informed", "Connect with your Future", "IOM X",
		"Knowledge Uptake", "counter-trafficking", "Migrar Informados", "Conecta con tu futuro", "Ponele plan a tu vida", "Échale ganas"} {
		r, err := idx.Search(ctx, search.Query{Text: `"` + phrase + `"`, Size: 1})
		if err != nil || r.Total == 0 {
			t.Errorf("phrase %q: %v hits, err %v", phrase, r, err)
		}
	}
	// A boolean query behaves: every hit mentions Honduras and trata or
	// tráfico (or their translations), none mentions Guatemala.
	r, err := idx.Search(ctx, search.Query{Text: "(trata OR tráfico) AND Honduras -Guatemala", Size: 50})
	if err != nil || r.Total == 0 {
		t.Fatalf("boolean query: %v %v", r, err)
	}
	for _, h := range r.Hits {
		d, _ := idx.Document(ctx, h.ID)
		var text strings.Builder
		text.WriteString(d.Title + "\n" + d.Summary + "\n")
		for _, p := range d.Pages {
			text.WriteString(p.Text + "\n")
		}
		low := strings.ToLower(text.String())
		if strings.Contains(low, "guatemala") || !strings.Contains(low, "honduras") {
			t.Errorf("boolean query hit %s breaks the query (mentions Guatemala or lacks Honduras)", h.Source)
		}
	}

	// A Spanish filter on an English word finds Spanish documents on trata.
	r, err = idx.Search(ctx, search.Query{Text: "trafficking", Filters: map[string][]string{"lang": {"es"}}, Size: 10, Snippets: 1})
	if err != nil || r.Total == 0 {
		t.Fatalf("trafficking in Spanish documents: %v %v", r, err)
	}
	for _, h := range r.Hits {
		if h.Lang != "es" || len(h.Snippets) == 0 || !strings.Contains(strings.ToLower(h.Snippets[0].HTML()), "<mark>trata") {
			t.Errorf("trafficking&lang=es hit %s (%s): %+v", h.ID, h.Lang, h.Snippets)
		}
	}
}

func setOf(vals []string) map[string]bool {
	m := map[string]bool{}
	for _, v := range vals {
		m[v] = true
	}
	return m
}

// overlap counts true positives, false positives and false negatives of
// got against want.
func overlap(got, want map[string]bool) (tp, fp, fn int) {
	for v := range got {
		if want[v] {
			tp++
		} else {
			fp++
		}
	}
	for v := range want {
		if !got[v] {
			fn++
		}
	}
	return tp, fp, fn
}

func microF1(tp, fp, fn int) float64 {
	if tp == 0 {
		return 0
	}
	p := float64(tp) / float64(tp+fp)
	r := float64(tp) / float64(tp+fn)
	return 2 * p * r / (p + r)
}
