package indexer

import (
	"slices"
	"testing"
)

func TestStripRunningLines(t *testing.T) {
	cases := []struct {
		name  string
		pages []string
		want  []string
	}{
		{"header and page numbers go",
			[]string{"Programa Regional · Honduras\nIntroducción al tema.\n1", "Programa Regional · Honduras\nLa trata de personas.\n2", "Programa Regional · Honduras\nRecomendaciones.\n3"},
			[]string{"Introducción al tema.", "La trata de personas.", "Recomendaciones."}},
		{"short documents are left alone",
			[]string{"Title\nText one.", "Title\nText two."},
			[]string{"Title\nText one.", "Title\nText two."}},
		{"a line repeated in the middle stays",
			[]string{"A\nB\nSame line\nC\nD", "E\nF\nSame line\nG\nH", "I\nJ\nSame line\nK\nL"},
			[]string{"A\nB\nSame line\nC\nD", "E\nF\nSame line\nG\nH", "I\nJ\nSame line\nK\nL"}},
		{"a footer on most pages goes, the odd page keeps its text",
			[]string{"One.\nIOM · Page 1 of 4", "Two.\nIOM · Page 2 of 4", "Cover page", "Four.\nIOM · Page 4 of 4"},
			[]string{"One.", "Two.", "Cover page", "Four."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := stripRunningLines(c.pages); !slices.Equal(got, c.want) {
				t.Fatalf("got %q\nwant %q", got, c.want)
			}
		})
	}
}
