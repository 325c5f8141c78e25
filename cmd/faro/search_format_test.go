package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"faro/search"
	"faro/search/cite/citetest"
)

// TestSearchFormats exports `trata --country HND` from an index of the
// bundled corpus in every format of faro search --format and reads each
// back with a strict parser.
func TestSearchFormats(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	if code, _, stderr := runApp(t, "index", "--index", dir, "--corpus", corpusDir); code != 0 {
		t.Fatalf("index: exit %d\n%s", code, stderr)
	}
	const base = "https://faro.example.org/faro"
	search := func(t *testing.T, args ...string) string {
		t.Helper()
		args = append([]string{"search", "--index", dir, "--base-url", base}, args...)
		code, stdout, stderr := runApp(t, args...)
		if code != 0 {
			t.Fatalf("faro %s: exit %d\n%s", strings.Join(args, " "), code, stderr)
		}
		return stdout
	}
	query := []string{"--country", "HND", "trata"}

	// The reference: the API's JSON, every hit on one page.
	var ref struct {
		Total int `json:"total"`
		Hits  []struct {
			ID    string `json:"id"`
			Title string `json:"title"`
		} `json:"hits"`
	}
	if err := json.Unmarshal([]byte(search(t, append([]string{"--json", "--size", "100"}, query...)...)), &ref); err != nil {
		t.Fatal(err)
	}
	if ref.Total == 0 || ref.Total != len(ref.Hits) {
		t.Fatalf("trata --country HND: total %d, %d hits", ref.Total, len(ref.Hits))
	}
	var wantTitles, wantURLs []string
	for _, h := range ref.Hits {
		wantTitles = append(wantTitles, strings.Join(strings.Fields(h.Title), " "))
		wantURLs = append(wantURLs, base+"/documents/"+h.ID)
	}
	slices.Sort(wantTitles)
	slices.Sort(wantURLs)
	sameSet := func(t *testing.T, what string, got, want []string) {
		t.Helper()
		got = slices.Clone(got)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s = %q\nwant %q", what, got, want)
		}
	}

	t.Run("bibtex", func(t *testing.T) {
		// Paging is the exporter's: --size 2 does not cut the export.
		out := search(t, append([]string{"--format", "bibtex", "--size", "2"}, query...)...)
		entries, err := citetest.ParseBibTeX(out)
		if err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		if len(entries) != ref.Total {
			t.Fatalf("%d BibTeX entries, want one per hit (%d)", len(entries), ref.Total)
		}
		var titles, urls []string
		for _, e := range entries {
			title, err := e.Text("title")
			if err != nil {
				t.Errorf("entry %s: %v", e.Key, err)
			}
			if y := e.Fields["year"]; y != "" && !regexp.MustCompile(`^\d{4}$`).MatchString(y) {
				t.Errorf("entry %s: year %q", e.Key, y)
			}
			titles = append(titles, title)
			urls = append(urls, e.Fields["url"])
		}
		sameSet(t, "titles", titles, wantTitles)
		sameSet(t, "urls", urls, wantURLs)
	})

	t.Run("ris", func(t *testing.T) {
		recs, err := citetest.ParseRIS(search(t, append([]string{"--format", "ris"}, query...)...))
		if err != nil {
			t.Fatal(err)
		}
		var titles []string
		for _, r := range recs {
			titles = append(titles, r.Get("TI"))
		}
		sameSet(t, "titles", titles, wantTitles)
	})

	t.Run("csljson", func(t *testing.T) {
		items, err := citetest.ValidateCSL([]byte(search(t, append([]string{"--format", "csljson"}, query...)...)))
		if err != nil {
			t.Fatal(err)
		}
		var titles []string
		passages := 0
		for _, it := range items {
			titles = append(titles, it["title"].(string))
			if c, ok := it["custom"].(map[string]any); ok {
				if ps, ok := c["passages"].([]any); ok {
					passages += len(ps)
				}
			}
		}
		sameSet(t, "titles", titles, wantTitles)
		if passages == 0 {
			t.Error("CSL-JSON carries no passages")
		}
	})

	t.Run("csv", func(t *testing.T) {
		rows, err := csv.NewReader(strings.NewReader(search(t, append([]string{"--format", "csv"}, query...)...))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		ids := map[string]bool{}
		for _, row := range rows[1:] {
			ids[row[1]] = true
			if row[15] != "" && !regexp.MustCompile(`^\d+$`).MatchString(row[15]) {
				t.Errorf("page %q", row[15])
			}
			if strings.Contains(row[17], "<mark>") || strings.Contains(row[17], "&amp;") {
				t.Errorf("passage still holds HTML: %q", row[17])
			}
		}
		if len(ids) != ref.Total {
			t.Errorf("%d documents in the CSV, want %d", len(ids), ref.Total)
		}
	})

	t.Run("evidence-md", func(t *testing.T) {
		out := search(t, append([]string{"--format", "evidence-md"}, query...)...)
		for what, re := range map[string]string{
			"objective heading": `(?m)^## Objective \d+ — \S`,
			"quote":             `(?m)^> [^—]`,
			"page reference":    `\[p\. \d+\]\(<` + regexp.QuoteMeta(base) + `/documents/[^>]+/file#page=\d+>\)`,
			"header":            `(?m)^- \*\*Filters:\*\* Country: Honduras$`,
		} {
			if !regexp.MustCompile(re).MatchString(out) {
				t.Errorf("the evidence pack has no %s (%s):\n%s", what, re, out)
			}
		}
		es := search(t, append([]string{"--format", "evidence-md", "--ui", "es"}, query...)...)
		if !strings.Contains(es, "## Objetivo 10 — Erradicar la trata de personas") {
			t.Errorf("the Spanish pack lacks objective 10:\n%s", es)
		}
	})

	t.Run("evidence-html", func(t *testing.T) {
		out := search(t, append([]string{"--format", "evidence-html"}, query...)...)
		if !strings.HasPrefix(out, "<!DOCTYPE html>") || !strings.HasSuffix(out, "</html>\n") || strings.Contains(out, "<script") ||
			!strings.Contains(out, "<mark>") || !strings.Contains(out, ">p. ") {
			t.Errorf("not a standalone page with marked, page-numbered quotes:\n%s", out)
		}
	})

	t.Run("atom", func(t *testing.T) {
		f, err := citetest.ParseAtom([]byte(search(t, append([]string{"--format", "atom"}, query...)...)))
		if err != nil {
			t.Fatal(err)
		}
		if len(f.Entries) != min(ref.Total, 20) || !strings.HasPrefix(f.ID, base+"/feed.atom?") {
			t.Errorf("%d entries, id %q", len(f.Entries), f.ID)
		}
	})

	t.Run("json", func(t *testing.T) {
		strip := func(s string) map[string]any {
			var m map[string]any
			if err := json.Unmarshal([]byte(s), &m); err != nil {
				t.Fatal(err)
			}
			delete(m, "took_ms")
			// Which passage a hit shows can vary from run to run (ties in
			// search.BuildSnippets), so compare the hits, not their passages.
			for _, h := range m["hits"].([]any) {
				for _, sn := range h.(map[string]any)["snippets"].([]any) {
					delete(sn.(map[string]any), "text")
					delete(sn.(map[string]any), "page")
					delete(sn.(map[string]any), "url")
				}
			}
			return m
		}
		a := strip(search(t, append([]string{"--json"}, query...)...))
		b := strip(search(t, append([]string{"--format", "json"}, query...)...))
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if !bytes.Equal(ja, jb) {
			t.Errorf("--format json differs from --json:\n%s\n%s", ja, jb)
		}
	})

	t.Run("env base url", func(t *testing.T) {
		t.Setenv("FARO_BASE_URL", "http://10.0.0.1:9000")
		code, out, stderr := runApp(t, "search", "--index", dir, "--format", "ris", "--country", "HND", "trata")
		if code != 0 || !strings.Contains(out, "UR  - http://10.0.0.1:9000/documents/") {
			t.Errorf("exit %d, %s\n%s", code, stderr, out)
		}
	})

	t.Run("errors", func(t *testing.T) {
		for _, c := range []struct {
			args []string
			want string
		}{
			{[]string{"--format", "docx", "trata"}, `unknown --format "docx"`},
			{[]string{"--json", "--format", "bibtex", "trata"}, "contradict"},
			{[]string{"--format", "bibtex", "--base-url", "ftp://x.org", "trata"}, "--base-url"},
			{[]string{"--format", "ris", `"unclosed`}, "unclosed quote"},
		} {
			code, _, stderr := runApp(t, append([]string{"search", "--index", dir}, c.args...)...)
			if code == 0 || !strings.Contains(stderr, c.want) {
				t.Errorf("%q: exit %d, stderr %q; want it to mention %q", c.args, code, stderr, c.want)
			}
		}
	})
}

// TestTerminalSnippet checks the terminal rendering of a snippet: matches
// in bold, markup shown as text, no escape sequence but its own.
func TestTerminalSnippet(t *testing.T) {
	const bold, reset = "\x1b[1m", "\x1b[0m"
	cases := []struct {
		name string
		segs []search.Segment
		want string
	}{
		{"marked", []search.Segment{{Text: "la "}, {Text: "trata", Mark: true}, {Text: "."}}, "la " + bold + "trata" + reset + "."},
		{"markup is text", []search.Segment{{Text: "<script>alert(1)</script> &amp; "}, {Text: "<b>", Mark: true}},
			"<script>alert(1)</script> &amp; " + bold + "<b>" + reset},
		{"escape sequences dropped", []search.Segment{{Text: "a\x1b[31m\n\nb "}, {Text: "\x1b]0;x\x07c", Mark: true}},
			"a[31m b " + bold + "]0;xc" + reset},
		{"empty mark", []search.Segment{{Text: "a"}, {Text: "\x00", Mark: true}}, "a"},
		{"none", nil, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := terminalSnippet(search.Snippet{Page: 1, Segments: c.segs}); got != c.want {
				t.Errorf("terminalSnippet = %q, want %q", got, c.want)
			}
		})
	}
}
