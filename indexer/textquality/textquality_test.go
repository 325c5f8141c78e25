package textquality

import (
	"math"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestWords(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"  \n\f ", nil},
		{"Migración SEGURA, ordenada", []string{"migración", "segura", "ordenada"}},
		{"COVID-19 (2020)", []string{"covid", "19", "2020"}},
		{"l'été—déjà", []string{"l", "été", "déjà"}},
	} {
		if got := Words(tc.in); len(got) != len(tc.want) || (len(got) > 0 && !reflect.DeepEqual(got, tc.want)) {
			t.Errorf("Words(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestWordF1(t *testing.T) {
	for _, tc := range []struct {
		name          string
		got, want     string
		f1, prec, rec float64
	}{
		{"same words, case and punctuation", "Migración segura, ordenada", "migración SEGURA ordenada", 1, 1, 1},
		{"half recalled", "a b", "a b c d", 2.0 / 3, 1, 0.5},
		{"half precise", "a b c d", "a b", 2.0 / 3, 0.5, 1},
		{"disjoint", "xyz", "abc", 0, 0, 0},
		{"both empty", "", " ,. ", 1, 1, 1},
		{"got empty", "", "a", 0, 0, 0},
		{"want empty", "a", "", 0, 0, 0},
		{"multiplicity", "a a a", "a", 0.5, 1.0 / 3, 1},
		{"order ignored", "c b a", "a b c", 1, 1, 1},
	} {
		f, p, r := WordF1(tc.got, tc.want)
		if !near(f, tc.f1) || !near(p, tc.prec) || !near(r, tc.rec) {
			t.Errorf("%s: WordF1(%q, %q) = %v, %v, %v; want %v, %v, %v", tc.name, tc.got, tc.want, f, p, r, tc.f1, tc.prec, tc.rec)
		}
	}
}

func TestBigramF1(t *testing.T) {
	for _, tc := range []struct {
		name      string
		got, want string
		f1        float64
	}{
		{"same", "the quick fox", "The quick, fox", 1},
		{"no pairs on either side", "a", "b", 1},
		{"both empty", "", "", 1},
		{"got has no pairs", "a", "a b", 0},
		{"order matters", "c b a", "a b c", 0},
		{"glued", "ofthe quick fox", "of the quick fox", 2 * (1.0 / 2) * (1.0 / 3) / (1.0/2 + 1.0/3)},
		{"one pair of two", "a b x", "a b c", 0.5},
	} {
		if f := BigramF1(tc.got, tc.want); !near(f, tc.f1) {
			t.Errorf("%s: BigramF1(%q, %q) = %v, want %v", tc.name, tc.got, tc.want, f, tc.f1)
		}
	}
}

func TestGluedShare(t *testing.T) {
	for _, tc := range []struct {
		name      string
		got, want string
		share     float64
	}{
		{"none", "of the fox", "of the fox", 0},
		{"one of three", "ofthe quick fox", "of the quick fox", 1.0 / 3},
		{"a real word is not glued", "into it", "in to into it", 0},
		{"not consecutive in want", "ofquick", "of the quick", 0},
		{"got empty", "", "of the", 0},
		{"case folded", "OfThe", "of the", 1},
	} {
		if s := GluedShare(tc.got, tc.want); !near(s, tc.share) {
			t.Errorf("%s: GluedShare(%q, %q) = %v, want %v", tc.name, tc.got, tc.want, s, tc.share)
		}
	}
}

func TestAccentRecall(t *testing.T) {
	for _, tc := range []struct {
		name      string
		got, want string
		recall    float64
		n         int
	}{
		{"all found", "migración société", "Migración, société and more", 1, 2},
		{"accent lost", "migracion société", "migración société", 0.5, 2},
		{"multiplicity", "été", "été été", 0.5, 2},
		{"no accented word", "abc", "abc", 0, 0},
		{"digits only are not letters", "", "²³", 0, 0},
		{"non-Latin letters count", "", "миграция", 0, 1},
	} {
		r, n := AccentRecall(tc.got, tc.want)
		if !near(r, tc.recall) || n != tc.n {
			t.Errorf("%s: AccentRecall(%q, %q) = %v, %d; want %v, %d", tc.name, tc.got, tc.want, r, n, tc.recall, tc.n)
		}
	}
}

func TestReadManifest(t *testing.T) {
	dir := t.TempDir()
	tsv := "local_file\trepo\tpdf_pages\tpdf_text_layer\tsha256\r\n" +
		"pdf-robustness/a.pdf\tr\t12\tyes (partial)\tx\r\n" +
		"domain/b.html\tr\t\t\ty\r\n" +
		"\r\n" +
		"pdf-robustness/c.pdf\tr\terror\tencrypted-needs-password\tz\n" +
		"pdf-robustness/short.pdf\tr\n" +
		"\tr\t3\tyes\tw\n"
	if err := os.WriteFile(filepath.Join(dir, "MANIFEST.tsv"), []byte(tsv), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := ReadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]ManifestRow{
		"pdf-robustness/a.pdf":     {File: "pdf-robustness/a.pdf", TextLayer: "yes (partial)", Pages: 12},
		"domain/b.html":            {File: "domain/b.html"},
		"pdf-robustness/c.pdf":     {File: "pdf-robustness/c.pdf", TextLayer: "encrypted-needs-password"},
		"pdf-robustness/short.pdf": {File: "pdf-robustness/short.pdf"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ReadManifest = %+v\nwant %+v", got, want)
	}
	if _, err := ReadManifest(t.TempDir()); err == nil {
		t.Error("ReadManifest of a folder without MANIFEST.tsv: no error")
	}
}

func TestRealdocs(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name, env, want string
	}{
		{"override", dir, dir},
		{"override absent", filepath.Join(dir, "missing"), ""},
	} {
		t.Setenv("FARO_REALDOCS", tc.env)
		if got := Realdocs(); got != tc.want {
			t.Errorf("%s: Realdocs() = %q, want %q", tc.name, got, tc.want)
		}
	}
	t.Run("beside the module root", func(t *testing.T) {
		t.Setenv("FARO_REALDOCS", "")
		got := Realdocs()
		wd, _ := os.Getwd()
		// indexer/textquality → the module root → its parent.
		want := filepath.Join(wd, "..", "..", "..", "shared", "realdocs")
		if !isDir(want) {
			want = ""
		}
		if got != want {
			t.Errorf("Realdocs() = %q, want %q", got, want)
		}
	})
}
