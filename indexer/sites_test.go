package indexer

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"faro/indexer/extract"
	"faro/search"
)

// copySite copies the fixture site's pages into dir/folder and returns
// their corpus paths.
func copySite(t *testing.T, dir, folder string, names ...string) []string {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(dir, folder), 0o755); err != nil {
		t.Fatal(err)
	}
	var rels []string
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join("extract", "testdata", "site", n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, folder, n), data, 0o644); err != nil {
			t.Fatal(err)
		}
		rels = append(rels, folder+"/"+n)
	}
	return rels
}

const newsletter = "Newsletter: subscribe for monthly migration data briefs"

func TestSitesStripRepeatedLines(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	all := copySite(t, dir, "web", "remesas.html", "retorno.html", "salud.html", "acerca.html")
	other := copySite(t, dir, "elsewhere", "remesas.html")

	s := NewSites()
	if err := s.Learn(ctx, dir, append(all, other...), Options{}); err != nil {
		t.Fatal(err)
	}
	read := func(rel string) *extract.Result {
		o := extractOnly(ctx, dir, rel, Options{})
		if o.err != nil {
			t.Fatal(o.err)
		}
		return o.res
	}
	cases := []struct {
		rel      string
		stripped bool
	}{
		{all[0], true}, {all[1], true}, {all[3], true},
		{other[0], false}, // a site of one page repeats nothing
	}
	for _, c := range cases {
		res := read(c.rel)
		out, print := s.Strip(c.rel, res)
		text := out.Text()
		if got := !strings.Contains(text, newsletter); got != c.stripped || (print != "") != c.stripped {
			t.Errorf("%s: stripped %v (fingerprint %q), want %v:\n%s", c.rel, got, print, c.stripped, text)
		}
		if !strings.Contains(res.Text(), newsletter) {
			t.Errorf("%s: Strip changed its argument", c.rel)
		}
		// With the line hashes worked out where the page was read
		// (extractOnly), as Run strips pages.
		if out2, print2 := s.strip(c.rel, res, extractOnly(ctx, dir, c.rel, Options{}).lines); !reflect.DeepEqual(out2, out) || print2 != print {
			t.Errorf("%s: stripped with the page's line hashes %q (%q), without %q (%q)", c.rel, out2.Text(), print2, text, print)
		}
		if c.stripped && !slices.ContainsFunc(out.Boilerplate, func(b extract.Boilerplate) bool {
			return strings.HasPrefix(b.Reason, extract.ReasonSiteRepeated+": on 4 of 4 pages of dir:web") && b.Text == newsletter
		}) {
			t.Errorf("%s: the repeated line is not reported: %+v", c.rel, out.Boilerplate)
		}
		if len(out.Pages) == 0 || !strings.Contains(text, "\n\n") {
			t.Errorf("%s: page text lost: %q", c.rel, text)
		}
	}

	// A model learnt from the pages' line hashes, as Run learns, is the
	// same.
	learnt := NewSites()
	for _, rel := range append(all, other...) {
		o := extractOnly(ctx, dir, rel, Options{})
		learnt.learn(rel, o.res, o.lines)
	}
	if got, want := learnt.view(t), s.view(t); !reflect.DeepEqual(got, want) {
		t.Errorf("learnt from line hashes: %+v, from the pages: %+v", got, want)
	}

	// Two pages go: two of four is below the threshold of three pages,
	// the others are to be indexed again, and nothing is stripped.
	s.Changed()
	s.Forget(all[0])
	s.Forget(all[1])
	if got, want := s.Changed(), []string{all[3], all[2]}; !slices.Equal(got, want) {
		t.Errorf("Changed %v, want %v", got, want)
	}
	if _, print := s.Strip(all[2], read(all[2])); print != "" {
		t.Errorf("stripped with two pages left: %q", print)
	}
	// A page seen again with the same text changes nothing.
	s.Observe(all[0], read(all[0]))
	s.Changed()
	s.Observe(all[0], read(all[0]))
	if got := s.Changed(); len(got) != 0 {
		t.Errorf("Changed after observing a page again: %v", got)
	}
}

func TestRunStripsSiteBoilerplateAndRehashes(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	rels := copySite(t, dir, "web", "remesas.html", "retorno.html")
	var sink memSink
	rep, err := Run(ctx, dir, &sink, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Indexed != 2 || !strings.Contains(sink.text(rels[0]), newsletter) {
		t.Fatalf("two pages: indexed %d, the line must stay: %q", rep.Indexed, sink.text(rels[0]))
	}
	known := sink.hashes()
	// A third page makes the line the site's: the first two count as
	// changed, though their files are not.
	copySite(t, dir, "web", "salud.html")
	sink = memSink{docs: map[string]*search.Document{}}
	rep, err = Run(ctx, dir, &sink, Options{Known: known})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 1 || rep.Updated != 2 {
		t.Errorf("added %d, updated %d; want 1 and 2", rep.Added, rep.Updated)
	}
	for _, rel := range append(rels, "web/salud.html") {
		if strings.Contains(sink.text(rel), newsletter) {
			t.Errorf("%s keeps the site's repeated line", rel)
		}
	}
}

// text is the indexed text of the document of rel ("" when none).
func (m *memSink) text(rel string) string {
	m.mu.Lock()
	defer m.mu.Unlock()
	d := m.docs[rel]
	if d == nil {
		return ""
	}
	var b strings.Builder
	for _, p := range d.Pages {
		b.WriteString(p.Text + "\n\n")
	}
	return b.String()
}

// hashes are the content hashes of the documents, as Options.Known.
func (m *memSink) hashes() map[string]string {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := map[string]string{}
	for src, d := range m.docs {
		out[src] = d.Hash
	}
	return out
}
