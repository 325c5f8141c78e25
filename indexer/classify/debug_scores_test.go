package classify

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"faro/search"
)

func TestDebugScores(t *testing.T) {
	if os.Getenv("CLS_DEBUG") == "" {
		t.Skip()
	}
	docs := loadRealDocs(t)
	names := []string{}
	for n := range docs {
		names = append(names, n)
	}
	sort.Strings(names)
	lx := compiled()
	var b strings.Builder
	for _, name := range names {
		d := newDoc(Input{Pages: docs[name], FileName: name})
		fmt.Fprintf(&b, "== %s words=%d\n", name, d.bodyWords)
		geo := d.tally(lx.geo)
		for i, tl := range geo.scoreCountries(d.bodyWords) {
			if i > 8 { break }
			fmt.Fprintf(&b, "  C %s %.2f body=%.1f terms=%d\n", tl.code, tl.score, tl.bodyHits, len(tl.bodyTerms))
		}
		cs := d.tally(lx.concept)
		for _, f := range []string{search.FacetTheme, search.FacetGCM, search.FacetPrinciple} {
			fmt.Fprintf(&b, "  %s:", f)
			for i, tl := range cs.scoreConcepts(f, d.bodyWords) {
				if i > 9 { break }
				fmt.Fprintf(&b, " %s=%.1f/%d", tl.code, tl.score, len(tl.bodyTerms)); if i < 3 && os.Getenv("CLS_TERMS") != "" { fmt.Fprintf(&b, "[%s]", topTerms(tl)) }
			}
			fmt.Fprintln(&b)
		}
	}
	os.WriteFile("/tmp/dbg/scores.txt", []byte(b.String()), 0o644)
}

func topTerms(tl *tally) string {
	type kv struct{ k string; v float64 }
	var l []kv
	for k, v := range tl.bodyTerms { l = append(l, kv{k, v}) }
	sort.Slice(l, func(i, j int) bool { return l[i].v > l[j].v })
	var s []string
	for i, x := range l { if i >= 5 { break }; s = append(s, fmt.Sprintf("%s:%.0f", x.k, x.v)) }
	return strings.Join(s, ",")
}
