package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// judgments is the development set of shared/judgments.
type judgments struct {
	// Docs lists the judged documents, as labels.tsv names them
	// ("shared/realdocs/domain/NAME").
	Docs []string
	// Labels holds labels.tsv's row of each document.
	Labels map[string]docLabels
	// Queries are in the order of queries.tsv.
	Queries []judgedQuery
}

// docLabels is one row of labels.tsv.
type docLabels struct {
	Lang      string
	Countries []string
	GCM       []string
	Type      string
	Year      string
}

// judgedQuery is one row of queries.tsv with its kinds.
type judgedQuery struct {
	ID    string `json:"id"`
	Lang  string `json:"lang"`
	Text  string `json:"query"`
	Group string `json:"group"`
	// Filter is the facet and value of the filters column ("country",
	// "NER"), empty when the query has none.
	FilterFacet string `json:"filter_facet,omitempty"`
	FilterValue string `json:"filter_value,omitempty"`
	// Grades maps a document path to its grade (1 or 2).
	Grades map[string]int `json:"-"`
	// Kinds are the query's form (one of kindForms) and "filter" when it
	// has one.
	Kinds []string `json:"kinds"`
}

// Query kinds, in the order they are reported. A query has one form;
// "filter" comes on top of a form.
const (
	kindNatural  = "natural"
	kindKeyword  = "keyword"
	kindPhrase   = "phrase"
	kindBoolean  = "boolean"
	kindNoAccent = "no-accents"
	kindFilter   = "filter"
)

var kindOrder = []string{kindNatural, kindKeyword, kindPhrase, kindBoolean, kindNoAccent, kindFilter}

// kindTitles name the kinds in the table as the README does.
var kindTitles = map[string]string{
	kindNatural:  "natural language / long",
	kindKeyword:  "keyword",
	kindPhrase:   "exact phrase",
	kindBoolean:  "boolean",
	kindNoAccent: "accents missing",
	kindFilter:   "with filter",
}

// readmeKinds maps the README's list headings to kinds.
var readmeKinds = map[string]string{
	"natural language / long": kindNatural,
	"exact phrase":            kindPhrase,
	"boolean":                 kindBoolean,
	"no accents":              kindNoAccent,
}

// loadJudgments reads labels.tsv, queries.tsv and the query forms listed in
// README.md from dir (shared/judgments).
func loadJudgments(dir string) (*judgments, error) {
	j := &judgments{Labels: map[string]docLabels{}}
	labels, err := readTSV(filepath.Join(dir, "labels.tsv"), "file", "lang", "countries", "gcm", "doc_type", "year")
	if err != nil {
		return nil, err
	}
	for _, r := range labels {
		j.Docs = append(j.Docs, r["file"])
		j.Labels[r["file"]] = docLabels{Lang: r["lang"], Countries: splitList(r["countries"]), GCM: splitList(r["gcm"]),
			Type: r["doc_type"], Year: r["year"]}
	}
	readme, err := os.ReadFile(filepath.Join(dir, "README.md"))
	if err != nil {
		return nil, fmt.Errorf("read judgments README: %w", err)
	}
	forms := parseForms(string(readme))
	rows, err := readTSV(filepath.Join(dir, "queries.tsv"), "id", "lang", "query", "filters", "relevant")
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		q := judgedQuery{ID: r["id"], Lang: r["lang"], Text: r["query"], Grades: map[string]int{}}
		q.Group, _, _ = strings.Cut(q.ID, "-")
		if f := r["filters"]; f != "" {
			facet, value, ok := strings.Cut(f, "=")
			if !ok || strings.Contains(value, "=") {
				return nil, fmt.Errorf("queries.tsv %s: filter %q is not facet=value", q.ID, f)
			}
			q.FilterFacet, q.FilterValue = strings.TrimSpace(facet), strings.TrimSpace(value)
		}
		for _, item := range splitList(r["relevant"]) {
			i := strings.LastIndexByte(item, ':')
			if i < 0 {
				return nil, fmt.Errorf("queries.tsv %s: judgment %q has no grade", q.ID, item)
			}
			g, err := strconv.Atoi(item[i+1:])
			if err != nil || g < 0 {
				return nil, fmt.Errorf("queries.tsv %s: judgment %q: bad grade", q.ID, item)
			}
			q.Grades[item[:i]] = g
		}
		form := forms[q.ID]
		if form == "" {
			form = kindKeyword
		}
		q.Kinds = []string{form}
		if q.FilterFacet != "" {
			q.Kinds = append(q.Kinds, kindFilter)
		}
		j.Queries = append(j.Queries, q)
	}
	return j, nil
}

// readTSV reads a tab-separated file with a header row and no quoting,
// checking that the named columns are present.
func readTSV(path string, need ...string) ([]map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read judgments: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var header []string
	var rows []map[string]string
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimRight(sc.Text(), "\r")
		if text == "" {
			continue
		}
		cells := strings.Split(text, "\t")
		if header == nil {
			header = cells
			for _, n := range need {
				if !contains(header, n) {
					return nil, fmt.Errorf("read %s: no column %q", path, n)
				}
			}
			continue
		}
		row := make(map[string]string, len(header))
		for i, h := range header {
			if i < len(cells) {
				row[h] = strings.TrimSpace(cells[i])
			}
		}
		rows = append(rows, row)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return rows, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// splitList splits a ";"-joined cell, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

var (
	formHeading = regexp.MustCompile(`(?i)(natural language / long|exact phrase|boolean|no accents):`)
	queryID     = regexp.MustCompile(`^([a-z]{2})-(\d+)$`)
	bareNumber  = regexp.MustCompile(`^\d+$`)
)

// parseForms reads the query forms from the README's "Query distribution"
// lists, e.g. "- Exact phrase: en-09, en-16, es-04. Boolean: en-10, ..." or
// "- Natural language / long: en-01 02 05; es-01 03;", where a bare number
// continues the last prefix. Queries not listed are keyword queries.
func parseForms(readme string) map[string]string {
	out := map[string]string{}
	start := strings.Index(readme, "## Query distribution")
	if start < 0 {
		return out
	}
	sec := readme[start+len("## Query distribution"):]
	if end := strings.Index(sec, "\n## "); end >= 0 {
		sec = sec[:end]
	}
	locs := formHeading.FindAllStringSubmatchIndex(sec, -1)
	for _, loc := range locs {
		kind := readmeKinds[strings.ToLower(sec[loc[2]:loc[3]])]
		prefix := ""
		for _, tok := range strings.Fields(sec[loc[1]:]) {
			tok = strings.Trim(tok, ",;.")
			if m := queryID.FindStringSubmatch(tok); m != nil {
				prefix = m[1]
				out[tok] = kind
				continue
			}
			if prefix != "" && bareNumber.MatchString(tok) {
				out[prefix+"-"+tok] = kind
				continue
			}
			break
		}
	}
	return out
}
