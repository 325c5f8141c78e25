package indexer

import (
	"hash/fnv"
	"math/rand/v2"
	"strings"
	"testing"

	"faro/search"
)

// TestLineHash checks that a line's hash is FNV-1a of its folded words
// joined by single spaces (so that hashes recorded before stay valid),
// and 0 for a line that does not count.
func TestLineHash(t *testing.T) {
	joined := func(s string) uint64 {
		h := fnv.New64a()
		h.Write([]byte(strings.Join(strings.Fields(search.Fold(s)), " ")))
		return h.Sum64()
	}
	for _, c := range []struct {
		line  string
		alone bool
		zero  bool
	}{
		{line: "Inicio  | Quiénes somos\t| Contacto", alone: true},
		{line: "  Política de privacidad  ", alone: false},
		{line: "Niñez\u00a0y adolescencia", alone: true},
		{line: "bad \xff byte here", alone: true},
		{line: "Menú", alone: false, zero: true},
		{line: "Menú", alone: true},
		{line: " \t ", alone: true, zero: true},
		{line: "\u212a\u0130STANBUL \ufb01nance\u00a0\u0085Œuvre e\u0301te\u0301 \u3000ÇA", alone: true},
		{line: "\xc3\xff \xe2\x80 ’s l’État\v\f\r\n end", alone: true},
		{line: "Niñez \u0301 migrante", alone: false},
	} {
		got := lineHash(c.line, c.alone)
		want := joined(c.line)
		if c.zero {
			want = 0
		}
		if got != want {
			t.Errorf("lineHash(%q, %v) = %x, want %x", c.line, c.alone, got, want)
		}
	}
}

// TestLineHashRandom compares lineHash with the joined words' hash on
// lines drawn from pieces of ASCII, accented, decomposed, ligature,
// invalid and space runes.
func TestLineHashRandom(t *testing.T) {
	joined := func(s string) uint64 {
		h := fnv.New64a()
		h.Write([]byte(strings.Join(strings.Fields(search.Fold(s)), " ")))
		return h.Sum64()
	}
	pieces := []string{"Trata", "NIÑEZ", "de", "\u0301", "\ufb02", "\u212a", "\xff", "\xe2\x82", " ", "  ", "\t", "\u00a0",
		"\u2003", "\u0085", "ß", "Ø", "İ", "ǅ", "x", "7", "-", strings.Repeat("Organización ", 30)}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		line := b.String()
		want := joined(line)
		if len(strings.Fields(search.Fold(line))) == 0 {
			want = 0
		}
		if got := lineHash(line, true); got != want {
			t.Fatalf("lineHash(%q) = %x, want %x", line, got, want)
		}
	}
}

func BenchmarkLineHash(b *testing.B) {
	line := "Copyright © 2024 Organización Internacional para las Migraciones. Todos los derechos reservados."
	for b.Loop() {
		lineHash(line, true)
	}
}
