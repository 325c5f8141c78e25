package search_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"faro/search"
)

// b64 encodes n as dictd's base-64 numbers do.
func b64(n int) string {
	const digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	if n == 0 {
		return "A"
	}
	var out []byte
	for ; n > 0; n /= 64 {
		out = append([]byte{digits[n%64]}, out...)
	}
	return string(out)
}

// writeDict writes a dictd dictionary (name.index and a gzip'd
// name.dict.dz) of entries, each a headword and its definition text.
func writeDict(t *testing.T, dir, name string, entries [][2]string) {
	t.Helper()
	var body, index bytes.Buffer
	for _, e := range entries {
		text := e[0] + " /ipa/\n" + e[1] + "\n"
		index.WriteString(e[0] + "\t" + b64(body.Len()) + "\t" + b64(len(text)) + "\n")
		body.WriteString(text)
	}
	var z bytes.Buffer
	w := gzip.NewWriter(&z)
	w.Write(body.Bytes())
	w.Close()
	if err := os.WriteFile(filepath.Join(dir, name+".index"), index.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".dict.dz"), z.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestFreeDictTranslations(t *testing.T) {
	dir := t.TempDir()
	writeDict(t, dir, "freedict-eng-spa", [][2]string{
		{"desk", "1. escritorio, ventanilla\n2. mostrador"},
		{"horn of africa", "cuerno de áfrica"},
		{"loan", "préstamo (dinero), empréstito, crédito, hipoteca, anticipo"},
		{"with", "con"},
		{"law", "ley"},
		{"el", "the"},
		{"note", "[a gloss only]"},
	})
	writeDict(t, dir, "freedict-fra-eng", [][2]string{{"guichet", "window, desk"}})
	writeDict(t, dir, "freedict-deu-eng", [][2]string{{"Schalter", "desk"}})
	d, err := search.LoadFreeDict(dir)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"freedict-eng-spa", "freedict-fra-eng"}; !slices.Equal(d.Sources, want) {
		t.Errorf("sources %v, want %v (German is not one of Faro's languages)", d.Sources, want)
	}
	d.Skip = func(w string) bool { return w == "with" }
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"desk", []string{"escritorio", "ventanilla"}},  // first sense only
		{"Desks", []string{"escritorio", "ventanilla"}}, // plural, case
		{"guichet", []string{"window", "desk"}},
		{"horn of Africa", []string{"cuerno de áfrica"}},        // expressions
		{"loan", []string{"empréstito", "crédito", "hipoteca"}}, // glosses dropped, at most three
		{"with", nil},            // a stop word
		{"law", []string{"ley"}}, // three letters
		{"el", nil},              // too short to tell
		{"note", nil},            // no translation
		{"schalter", nil},        // not read
	} {
		if got := d.Translate(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("Translate(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
	if _, err := search.LoadFreeDict(t.TempDir()); !errors.Is(err, search.ErrNoDictionaries) {
		t.Errorf("empty folder: %v, want ErrNoDictionaries", err)
	}
}

func TestCompileWithDictionary(t *testing.T) {
	dir := t.TempDir()
	writeDict(t, dir, "freedict-eng-spa", [][2]string{
		{"desk", "ventanilla"},
		{"horn of africa", "cuerno de áfrica"},
		{"smuggler", "contrabandista"},
	})
	d, err := search.LoadFreeDict(dir)
	if err != nil {
		t.Fatal(err)
	}
	search.UseDictionary(d)
	defer search.UseDictionary(nil)
	for _, tc := range []struct {
		query       string
		has, hasNot []string
	}{
		// A translation is one of the word's alternatives, weighing less.
		{"information desk", []string{`max(word("desk" title^30`, `word("ventanilla" title^30 summary^20 body^1 boost=0.35)`}, nil},
		// Multi-word expressions translate as phrases.
		{"returnees in the horn of africa", []string{`phrase("cuerno de áfrica" title^30 summary^20 body^1 boost=0.35)`}, nil},
		// The domain list wins over the dictionary.
		{"smuggler", []string{`word("coyote" title^30 summary^20 body^1 boost=0.8)`}, []string{"contrabandista"}},
		// A quoted phrase as typed ranks before its translations.
		{`"horn of africa"`, []string{`prefer(phrase("horn of africa" title^3`}, nil},
	} {
		p, err := search.Compile(tc.query, search.CompileOptions{})
		if err != nil {
			t.Fatalf("%s: %v", tc.query, err)
		}
		for _, h := range tc.has {
			if !strings.Contains(p.Key(), h) {
				t.Errorf("%q: plan %s lacks %s", tc.query, p.Key(), h)
			}
		}
		for _, h := range tc.hasNot {
			if strings.Contains(p.Key(), h) {
				t.Errorf("%q: plan %s has %s", tc.query, p.Key(), h)
			}
		}
	}
}
