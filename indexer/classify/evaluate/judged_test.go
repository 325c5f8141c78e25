package evaluate

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// judgedFloors are the figures the classifier must keep on the judged real
// documents (micro-averaged over all 51; see JudgedDocs). They sit just
// below what it reaches, so a change that loses ground fails.
var judgedFloors = map[string]struct{ p, r, f1 float64 }{
	Country: {p: 0.95, r: 0.85, f1: 0.91},
	GCM:     {p: 0.85, r: 0.65, f1: 0.74},
}

// judgedHalfGCMF1 is the GCM F1 each half of the judged documents (even
// and odd lines of labels.tsv) must keep.
const judgedHalfGCMF1 = 0.72

func TestJudgedRealDocuments(t *testing.T) {
	if testing.Short() {
		t.Skip("reads and classifies 51 real documents")
	}
	rep, err := JudgedDocs(context.Background(), filepath.Join("..", "..", "..", "..", "shared"))
	if errors.Is(err, ErrNoRealDocs) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	all := rep.Splits[SplitAll]
	if len(all.Docs) != 51 || len(all.Skipped) > 0 {
		t.Errorf("%d documents scored, skipped %v; want 51", len(all.Docs), all.Skipped)
	}
	var b strings.Builder
	rep.Write(&b)
	t.Log("\n" + b.String())
	for family, floor := range judgedFloors {
		c := all.Scores[family]
		if c.Precision() < floor.p || c.Recall() < floor.r || c.F1() < floor.f1 {
			t.Errorf("%s: P %.3f R %.3f F1 %.3f, below the floors P %.2f R %.2f F1 %.2f",
				family, c.Precision(), c.Recall(), c.F1(), floor.p, floor.r, floor.f1)
		}
	}
	for _, half := range []string{SplitEven, SplitOdd} {
		if c := rep.Splits[half].Scores[GCM]; c.F1() < judgedHalfGCMF1 {
			t.Errorf("gcm on the %s lines: F1 %.3f, below the floor %.2f", half, c.F1(), judgedHalfGCMF1)
		}
	}
}

func TestLoadJudgedAndConfusions(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "judgments"), 0o755); err != nil {
		t.Fatal(err)
	}
	tsv := "file\tlang\tcountries\tgcm\tdoc_type\tyear\twhy\n" +
		"shared/realdocs/domain/a_x.pdf\ten\tHND;GTM;REG\t21;7\tstudy\t2020\tq\n" +
		"shared/realdocs/domain/b_y.md\tes\tGLB\t\tnews\t2013\tq\n"
	if err := os.WriteFile(filepath.Join(dir, "judgments", "labels.tsv"), []byte(tsv), 0o644); err != nil {
		t.Fatal(err)
	}
	js, err := LoadJudged(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(js) != 2 || !slices.Equal(js[0].Countries, []string{"HND", "GTM"}) || !slices.Equal(js[0].GCM, []string{"21", "7"}) ||
		len(js[1].Countries) != 0 || len(js[1].GCM) != 0 {
		t.Fatalf("loaded %+v", js)
	}
	if _, err := LoadJudged(t.TempDir()); !errors.Is(err, ErrNoRealDocs) {
		t.Errorf("no labels: err %v, want ErrNoRealDocs", err)
	}

	rep := &JudgedReport{Docs: []JudgedResult{
		{Judged: js[0], Countries: []string{"HND", "USA"}, GCM: []string{"21", "3"}},
		{Judged: js[1], Countries: []string{"USA"}},
	}}
	tests := []struct {
		family string
		want   []Confusion
	}{
		{Country, []Confusion{{"-", "USA", 1}, {"GTM", "USA", 1}}},
		{GCM, []Confusion{{"7", "3", 1}}},
	}
	for _, tc := range tests {
		if got := rep.Confusions(tc.family); !slices.Equal(got, tc.want) {
			t.Errorf("%s confusions %v, want %v", tc.family, got, tc.want)
		}
	}
	pv := rep.PerValue(Country, SplitAll)
	if pv[0].Value != "GTM" && pv[0].Value != "HND" {
		t.Errorf("per value starts with %v, want an expected value", pv[0])
	}
	for _, v := range pv {
		if v.Value == "USA" && (v.FP != 2 || v.TP != 0) {
			t.Errorf("USA %+v, want 2 false positives", v.Counts)
		}
	}
}

// TestSplitsByLine: every judged document is in the whole set, in the
// tuning or the held-out part, and in the half of even or odd lines of
// labels.tsv, by its line.
func TestSplitsByLine(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "judgments"), 0o755); err != nil {
		t.Fatal(err)
	}
	tsv := "file\tlang\tcountries\tgcm\n" +
		"shared/realdocs/domain/a_x.pdf\ten\tHND\t21\n" +
		"shared/realdocs/domain/b_y.pdf\ten\tHND\t21\n" +
		"shared/realdocs/domain/c_z.pdf\ten\tHND\t21\n"
	if err := os.WriteFile(filepath.Join(dir, "judgments", "labels.tsv"), []byte(tsv), 0o644); err != nil {
		t.Fatal(err)
	}
	js, err := LoadJudged(dir)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		held bool
		line int
		in   []string
	}{
		{false, 2, []string{SplitAll, SplitTune, SplitEven}},
		{true, 3, []string{SplitAll, SplitHeld, SplitOdd}},
		{false, 4, []string{SplitAll, SplitTune, SplitEven}},
	}
	for i, tc := range tests {
		if js[i].Line != tc.line {
			t.Errorf("document %d on line %d, want %d", i, js[i].Line, tc.line)
		}
		j := js[i]
		j.Held = tc.held
		for _, s := range []string{SplitAll, SplitTune, SplitHeld, SplitEven, SplitOdd} {
			if got, want := inSplit(j, s), slices.Contains(tc.in, s); got != want {
				t.Errorf("line %d (held %v) in %s: %v, want %v", tc.line, tc.held, s, got, want)
			}
		}
		if got := splitsOf(j); !slices.Equal(got, tc.in) {
			t.Errorf("line %d splits %v, want %v", tc.line, got, tc.in)
		}
	}
}

func TestHeldOutKeepsFamiliesTogether(t *testing.T) {
	tests := []struct{ a, b string }{
		{"shared/realdocs/domain/iom-eval_niger-miraa3_mgmt-response-matrix.pdf", "shared/realdocs/domain/iom-eval_niger-miraa3-rescue_report.pdf"},
		{"a/savethechildren_honduras-x-2017.pdf", "b/savethechildren_honduras-y.pdf"},
		{"shared/realdocs/domain/html_cddl-x_about_en.html", "shared/realdocs/domain/html_cddl-x_acerca_es.html"},
	}
	for _, tc := range tests {
		if HeldOut(tc.a) != HeldOut(tc.b) {
			t.Errorf("%s and %s are split apart", tc.a, tc.b)
		}
	}
}
