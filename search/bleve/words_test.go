package bleve

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
)

// sameTokens reports where two token streams differ ("" when they agree
// on every term, offset and position).
func sameTokens(a, b analysis.TokenStream) string {
	if len(a) != len(b) {
		return "token counts differ"
	}
	for i := range a {
		x, y := a[i], b[i]
		if string(x.Term) != string(y.Term) || x.Start != y.Start || x.End != y.End || x.Position != y.Position {
			return "token " + string(x.Term) + " / " + string(y.Term)
		}
	}
	return ""
}

func checkWords(t *testing.T, text string) {
	t.Helper()
	want := unicode.NewUnicodeTokenizer().Tokenize([]byte(text))
	got := wordsTokenizer{full: unicode.NewUnicodeTokenizer()}.Tokenize([]byte(text))
	if d := sameTokens(want, got); d != "" {
		t.Errorf("%q: %s\n bleve %s\n faro  %s", text, d, terms(want), terms(got))
	}
	// wordsAt finds the words at chosen positions (every other one).
	var positions []int
	var expect [][3]int
	for i, tk := range want {
		if i%2 == 0 {
			positions = append(positions, tk.Position)
			expect = append(expect, [3]int{tk.Position, tk.Start, tk.End})
		}
	}
	var found [][3]int
	wordsTokenizer{full: unicode.NewUnicodeTokenizer()}.wordsAt([]byte(text), positions, func(i, start, end int) {
		found = append(found, [3]int{positions[i], start, end})
	})
	if len(found) != len(expect) || (len(found) > 0 && !reflect.DeepEqual(found, expect)) {
		t.Errorf("%q: wordsAt %v, want %v", text, found, expect)
	}
}

func terms(ts analysis.TokenStream) string {
	var b strings.Builder
	for _, t := range ts {
		b.WriteString("[" + string(t.Term) + "]")
	}
	return b.String()
}

func TestWordsTokenizer(t *testing.T) {
	for _, s := range []string{
		"", "  ", "migración", "Plan your Life", "l'homme d’État", "e.g. U.S.A.", "3.5 million, 1,200.50 USD",
		"a.1 1.a a1.2 1a.b", "x: y:z", "don't 'quoted' end'", "niño/niña — «frase» ¿qué? ¡sí!", "€10,5 %",
		"trata-de-personas", "Nº 12 1º 2ª", "mid·dle", "a..b 1..2 a.'b", "tab\tnew\nline\r\nend",
		"µg ÀÉÎÕÜ ßçñ ŁŒŸ", "x×y 4÷2", "…and… “quoted” ‘single’", "snake_case", "naïve café\u0301", "日本語 テスト",
		"emoji 🙂 here", "__", "a_", "_a", "a__b", "_1_", "x _ y", "1_a", "a_.b", "a._b", "a_'b", "_'a", "1_,2", "\u00adsoft", "zero\u200bwidth", "a'b'c 1'2", "end.", ".start", "1.", "a,b 1,2 1;2 a;b",
	} {
		checkWords(t, s)
	}
	// Random strings over the characters the fast path handles, and some
	// it hands on.
	alphabet := []rune("aZé9 .,;:'’‘·-_\t\nªºµ«»¿¡–—“”…€×÷\u00a0\u0301日")
	r := rand.New(rand.NewPCG(7, 11))
	for range 20000 {
		n := r.IntN(12)
		var b strings.Builder
		for range n {
			b.WriteRune(alphabet[r.IntN(len(alphabet))])
		}
		checkWords(t, b.String())
	}
	// The bundled corpus's texts.
	files, _ := filepath.Glob("../../corpus/*")
	for _, f := range files {
		if data, err := os.ReadFile(f); err == nil && (strings.HasSuffix(f, ".md") || strings.HasSuffix(f, ".txt") || strings.HasSuffix(f, ".html")) {
			checkWords(t, string(data))
		}
	}
}

// TestWordsTokenizerRealText compares the tokenizers on poppler's text of
// the real documents, when ../shared is present.
func TestWordsTokenizerRealText(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/realdocs/pdftotext/*.txt")
	if len(files) == 0 {
		t.Skip("../shared/realdocs is absent")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		// Page by page, as documents are indexed.
		for _, page := range strings.Split(string(data), "\f") {
			checkWords(t, page)
		}
	}
}

func FuzzWordsTokenizer(f *testing.F) {
	for _, s := range []string{"migración y trata", "l'homme 3.5", "a.b,c;d:e", "“x” — y…", "a_b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := unicode.NewUnicodeTokenizer().Tokenize([]byte(s))
		got := wordsTokenizer{full: unicode.NewUnicodeTokenizer()}.Tokenize([]byte(s))
		if d := sameTokens(want, got); d != "" {
			t.Errorf("%q: %s", s, d)
		}
		if !reflect.DeepEqual(len(want), len(got)) {
			t.Error("lengths differ")
		}
	})
}

// BenchmarkWords compares the tokenizers on the bundled corpus's Spanish
// and English texts.
func BenchmarkWords(b *testing.B) {
	text := corpusText()
	for _, c := range []struct {
		name string
		tok  analysis.Tokenizer
	}{{"bleve-unicode", unicode.NewUnicodeTokenizer()}, {"faro-words", wordsTokenizer{full: unicode.NewUnicodeTokenizer()}}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for range b.N {
				c.tok.Tokenize(text)
			}
		})
	}
}

// BenchmarkWordsAt measures locating words by position in a page, as
// snippets do, to the last word of the bundled corpus's texts.
func BenchmarkWordsAt(b *testing.B) {
	text := corpusText()
	tok := wordsTokenizer{full: unicode.NewUnicodeTokenizer()}
	n := len(tok.Tokenize(text))
	want := []int{n / 3, n / 2, n}
	b.SetBytes(int64(len(text)))
	for range b.N {
		tok.wordsAt(text, want, func(int, int, int) {})
	}
}

// corpusText is the bundled corpus's Markdown texts, put together.
func corpusText() []byte {
	var text []byte
	files, _ := filepath.Glob("../../corpus/*.md")
	for _, f := range files {
		data, _ := os.ReadFile(f)
		text = append(text, data...)
	}
	return text
}
