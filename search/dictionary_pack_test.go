package search

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDictionaryPackedAsMaps checks that the packed dictionary answers as
// the maps it is packed from: every word's translations and languages,
// plurals looked up in the singular, and words it does not hold. It runs
// on a small dictionary made here and, when Debian's dict-freedict-*
// packages are installed, on all of theirs.
func TestDictionaryPackedAsMaps(t *testing.T) {
	small := &dictionaryBuilder{entries: map[string][]string{
		"desk":           {"escritorio", "ventanilla"},
		"migrant":        {"migrante", "emigrante"},
		"loi":            {"ley", "law"},
		"horn of africa": {"cuerno de África"},
		"empty":          nil,
	}, vocab: map[string]uint8{
		"desk": 1, "escritorio": 2, "ventanilla": 2, "migrant": 1, "migrante": 2 | 1<<2, "emigrante": 2,
		"loi": 4, "ley": 2, "law": 1, "empty": 1, "cuerno": 0,
	}}
	builders := map[string]*dictionaryBuilder{"small": small}
	if _, err := os.Stat(filepath.Join(DefaultDictionaryDir, "freedict-eng-spa.index")); err == nil {
		big := &dictionaryBuilder{entries: map[string][]string{}, vocab: map[string]uint8{}}
		for i, src := range DictionaryLanguages {
			for j, dst := range DictionaryLanguages {
				if src != dst {
					if _, err := big.read(filepath.Join(DefaultDictionaryDir, "freedict-"+src+"-"+dst), 1<<i, 1<<j); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
		builders["freedict"] = big
	}
	for name, b := range builders {
		t.Run(name, func(t *testing.T) {
			d := b.pack()
			if d.Len() != len(b.entries) {
				t.Errorf("Len %d, want %d", d.Len(), len(b.entries))
			}
			words := []string{"", "zzzz", "a", "migrants", "migrantes", "desks", "loies"}
			for k := range b.entries {
				words = append(words, k, k+"s", k+"es", strings.ToUpper(k))
			}
			for k := range b.vocab {
				words = append(words, k, k+"s")
			}
			for _, w := range words {
				if got, want := fmt.Sprint(d.Translate(w)), fmt.Sprint(mapTranslate(b, w)); got != want {
					t.Fatalf("Translate(%q) = %s, want %s", w, got, want)
				}
				if got, want := fmt.Sprint(d.Languages(w)), fmt.Sprint(mapLanguages(b, w)); got != want {
					t.Fatalf("Languages(%q) = %s, want %s", w, got, want)
				}
			}
		})
	}
}

// mapTranslate is Translate over the builder's maps.
func mapTranslate(b *dictionaryBuilder, text string) []string {
	key := Fold(strings.Join(strings.Fields(text), " "))
	if !strings.Contains(key, " ") && (len([]rune(key)) < 3 || IsQuestionWord(key)) {
		return nil
	}
	if t := b.entries[key]; t != nil {
		return t
	}
	for _, suffix := range []string{"es", "s"} {
		if base, ok := strings.CutSuffix(key, suffix); ok && len(base) >= 4 {
			if t := b.entries[base]; t != nil {
				return t
			}
		}
	}
	if !strings.Contains(key, " ") {
		var found string
		if lemmaOf(key, func(w string) (uint8, bool) { found = w; return b.vocab[w], len(b.entries[w]) > 0 }) != 0 {
			return b.entries[found]
		}
	}
	return nil
}

// mapLanguages is Languages over the builder's maps.
func mapLanguages(b *dictionaryBuilder, word string) []string {
	key := Fold(word)
	bits := b.vocab[key]
	if bits == 0 {
		for _, suffix := range []string{"es", "s"} {
			if base, ok := strings.CutSuffix(key, suffix); ok && len(base) >= 3 {
				bits |= b.vocab[base]
			}
		}
	}
	if bits == 0 {
		bits = lemmaOf(key, func(w string) (uint8, bool) { return b.vocab[w], len(b.entries[w]) > 0 })
	}
	var out []string
	for i, l := range DictionaryLanguages {
		if bits&(1<<i) != 0 {
			out = append(out, iso639_1[l])
		}
	}
	return out
}
