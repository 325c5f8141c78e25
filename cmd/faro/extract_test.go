package main

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"faro/search"
)

// TestExtractClassifyJSON runs `faro extract --classify --json` in-process
// on a corpus study of trafficking in Honduras: one JSON object with the
// extract fields and "labels", each label with evidence, the country with
// the pages it is named on, and GCM objective 10 with a reference to one of
// its actions.
func TestExtractClassifyJSON(t *testing.T) {
	file := filepath.Join(corpusDir, "pdf", "estudio-trata-de-personas-honduras-es.pdf")
	code, stdout, stderr := runApp(t, "extract", "--classify", "--json", file)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 1 {
		t.Fatalf("%d lines, want one JSON object:\n%s", len(lines), stdout)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(lines[0]), &raw); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"file", "engine", "pages", "flags", "error", "labels"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("no %q in %s", k, lines[0][:min(200, len(lines[0]))])
		}
	}
	var out struct {
		Pages  []string       `json:"pages"`
		Labels []search.Label `json:"labels"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &out); err != nil {
		t.Fatal(err)
	}
	if len(out.Pages) == 0 {
		t.Fatal("no pages")
	}
	find := func(facet, value string) *search.Label {
		for i := range out.Labels {
			if out.Labels[i].Facet == facet && out.Labels[i].Value == value {
				return &out.Labels[i]
			}
		}
		return nil
	}
	for _, l := range out.Labels {
		if l.Given || l.Source != "classifier" || len(l.Evidence) == 0 || l.Score <= 0 {
			t.Errorf("label %s=%s: given %v, source %q, score %v, %d evidence", l.Facet, l.Value, l.Given, l.Source, l.Score, len(l.Evidence))
		}
		for _, e := range l.Evidence {
			if e.Term == "" || e.Count < 1 || !slices.Contains([]string{"title", "summary", "body", "filename"}, e.Where) {
				t.Errorf("label %s=%s: evidence %+v", l.Facet, l.Value, e)
			}
			for _, p := range e.Pages {
				if p < 1 || p > len(out.Pages) {
					t.Errorf("label %s=%s: evidence %q on page %d of %d", l.Facet, l.Value, e.Term, p, len(out.Pages))
				}
			}
		}
	}
	for _, want := range [][2]string{{"country", "HND"}, {"theme", "trafficking"}, {"gcm", "10"}, {"lang", "es"}, {"type", "study"}} {
		if find(want[0], want[1]) == nil {
			t.Errorf("no label %s=%s in %+v", want[0], want[1], out.Labels)
		}
	}
	if l := find("country", "HND"); l != nil && !slices.ContainsFunc(l.Evidence, func(e search.Evidence) bool { return e.Where == "body" && len(e.Pages) > 0 }) {
		t.Errorf("country HND: no body evidence with pages: %+v", l.Evidence)
	}
	action := regexp.MustCompile(`^10\([a-z]\)$`)
	if l := find("gcm", "10"); l != nil && !slices.ContainsFunc(l.Evidence, func(e search.Evidence) bool { return action.MatchString(e.Ref) }) {
		t.Errorf("gcm 10: no evidence citing an action like 10(c): %+v", l.Evidence)
	}
}

// TestExtractClassifyText checks the text form: the file's header, then
// one line per label with its taxonomy name and score, and its evidence
// indented below, with pages and action references; no page text.
func TestExtractClassifyText(t *testing.T) {
	file := filepath.Join(corpusDir, "pdf", "estudio-trata-de-personas-honduras-es.pdf")
	code, stdout, stderr := runApp(t, "extract", "--classify", file)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"== " + file + " (",
		"\ncountry HND (Honduras), score ",
		"\ngcm 10 (Eradicate trafficking), score ",
		"\n    \"Honduras\" body page",
		" ref 10(",
		"\nlang es (Spanish), score ",
		"\nnot kept: gcm ",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout, "-- page 1 --") {
		t.Errorf("--classify printed the pages:\n%s", stdout)
	}
}

// TestExtractWithoutClassify keeps the extract JSON as it was: no
// "labels" without --classify.
func TestExtractWithoutClassify(t *testing.T) {
	file := filepath.Join(corpusDir, "md", "nota-taller-trata-honduras-es.md")
	code, stdout, stderr := runApp(t, "extract", "--json", file)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.Contains(stdout, `"labels"`) {
		t.Errorf("labels without --classify: %s", stdout)
	}
}

// TestExtractClassifyMissingFile reports the error in the JSON object,
// with empty labels, and exits 1 when no file could be read.
func TestExtractClassifyMissingFile(t *testing.T) {
	code, stdout, _ := runApp(t, "extract", "--classify", "--json", filepath.Join(t.TempDir(), "missing.pdf"))
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	var out struct {
		Error  string          `json:"error"`
		Labels json.RawMessage `json:"labels"`
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("%v: %s", err, stdout)
	}
	if out.Error == "" || string(out.Labels) != "[]" {
		t.Errorf("error %q labels %s, want an error and []", out.Error, out.Labels)
	}
}

// TestExtractBoilerplateJSON runs `faro extract --json` on the four pages
// of the extractor's fixture site: each page's chrome is listed as
// boilerplate with its reason, and the newsletter line the four repeat is
// reported as the site's.
func TestExtractBoilerplateJSON(t *testing.T) {
	site := filepath.Join("..", "..", "indexer", "extract", "testdata", "site")
	var files []string
	for _, n := range []string{"remesas.html", "retorno.html", "salud.html", "acerca.html"} {
		files = append(files, filepath.Join(site, n))
	}
	code, stdout, stderr := runApp(t, append([]string{"extract", "--json"}, files...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != len(files) {
		t.Fatalf("%d lines, want %d", len(lines), len(files))
	}
	for _, line := range lines {
		var out struct {
			File        string   `json:"file"`
			Pages       []string `json:"pages"`
			Boilerplate []struct {
				Reason, Text string
			} `json:"boilerplate"`
		}
		if err := json.Unmarshal([]byte(line), &out); err != nil {
			t.Fatal(err)
		}
		text := strings.Join(out.Pages, "\n")
		if strings.Contains(text, "Newsletter") || strings.Contains(text, "cookies") {
			t.Errorf("%s: chrome in the text: %s", out.File, text)
		}
		var reasons []string
		for _, b := range out.Boilerplate {
			reasons = append(reasons, strings.SplitN(b.Reason, ":", 2)[0])
			if strings.HasPrefix(b.Reason, "site-repeated: on 4 of 4 pages of dir:") && !strings.HasPrefix(b.Text, "Newsletter") {
				t.Errorf("%s: site-repeated %q", out.File, b.Text)
			}
		}
		for _, r := range []string{"navigation", "footer", "cookie-banner", "hidden", "modal", "teaser", "site-repeated"} {
			if !slices.Contains(reasons, r) {
				t.Errorf("%s: no %q boilerplate in %v", out.File, r, reasons)
			}
		}
	}
}
