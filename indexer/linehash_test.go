package indexer

import (
	"hash/fnv"
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

func BenchmarkLineHash(b *testing.B) {
	line := "Copyright © 2024 Organización Internacional para las Migraciones. Todos los derechos reservados."
	for b.Loop() {
		lineHash(line, true)
	}
}
