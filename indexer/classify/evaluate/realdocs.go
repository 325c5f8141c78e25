package evaluate

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"faro/indexer/classify"
	"faro/indexer/extract"
	"faro/search/taxonomy"
)

// Files of the shared real-document collection (see its README.md).
const (
	realManifest = "MANIFEST.tsv"
	realCSV      = "domain/meta_iom-evaluation-repository-export_2025-11.csv"
	realJSON     = "domain/meta_iom-evaluations.json"
	realText     = "pdftotext"
	// RealPattern selects the IOM evaluation PDFs in the domain folder.
	RealPattern = "iom-eval_*"
)

// Erratum corrects a country of an export record that the record's own
// documents contradict.
type Erratum struct {
	// Title is the record's title.
	Title    string
	From, To string
	// Why quotes the documents.
	Why string
}

// Errata are the corrections applied to the export's countries. Every
// figure is reported both with them ("country") and without them
// ("country-export").
var Errata = []Erratum{{
	Title: "Final Evaluation of the EU-IOM Joint Initiative for migrant protection and reintegration in the horn of Africa",
	From:  "SSD", To: "SDN",
	Why: `the final report says the programme ran "with a focus on Djibouti, Ethiopia, Somalia, and Sudan" ` +
		`(pages 10 and 18) and names South Sudan only among "non-core countries"; the learning brief ` +
		`declares "Geographical coverage: Ethiopia, Somalia, Sudan, Djibouti"`,
}}

// ErrNoRealDocs is returned by RealDocs when the collection is absent.
var ErrNoRealDocs = errors.New("no real documents")

// Record is the part of an IOM evaluation repository record that a file's
// expected labels come from.
type Record struct {
	Title     string
	Year      string
	Countries []string // names as exported ("Cabo Verde", "Worldwide")
	Languages []string // "English", "French", ...
	URLs      []string // the record's files
	Descs     []string // the files' descriptions, in an order of their own
}

// RealDoc is one real document with what its record says about it.
type RealDoc struct {
	// File is the path relative to the collection ("domain/x.pdf").
	File string
	// Text is the path of its pdftotext output.
	Text string
	// Record is nil when no record matches the file.
	Record *Record
	// URL is the record's URL of this file.
	URL string
	// Countries are the expected codes: taxonomy.CodeGlobal (GLB) for a
	// worldwide record. RawCountries are those of the export as is,
	// Countries those after the errata.
	Countries, RawCountries []string
	// Erratum explains a correction of the record's countries, if any.
	Erratum string
	// Unknown lists country names the taxonomy does not know.
	Unknown []string
	// Lang is the expected language: the record's when it names one, else
	// the manifest's; LangFrom says which.
	Lang, LangFrom string
	// Type is the expected type code when the record's description of the
	// file maps to one, else "".
	Type, TypeDesc string
}

// LoadRealDocs reads the collection at dir (../shared/realdocs) and
// returns its files matching RealPattern with their expected labels. Files
// are matched to the records of the repository export (CSV) by the file
// name of their URL, which MANIFEST.tsv gives; when the export does not
// list that URL, the JSON export (which has per-file URLs) names the
// record, found in the CSV by title.
func LoadRealDocs(dir string) ([]RealDoc, error) {
	man, err := os.ReadFile(filepath.Join(dir, realManifest))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w in %s", ErrNoRealDocs, dir)
	}
	if err != nil {
		return nil, err
	}
	records, err := readRecords(filepath.Join(dir, realCSV))
	if err != nil {
		return nil, err
	}
	titles, err := readJSONTitles(filepath.Join(dir, realJSON))
	if err != nil {
		return nil, err
	}
	var docs []RealDoc
	lines := strings.Split(string(man), "\n")
	if len(lines) == 0 {
		return nil, fmt.Errorf("%s: empty", realManifest)
	}
	header := strings.Split(lines[0], "\t")
	col := func(name string) int { return slices.Index(header, name) }
	iFile, iPath, iLang := col("local_file"), col("path_in_repo"), col("language")
	if iFile < 0 || iPath < 0 || iLang < 0 {
		return nil, fmt.Errorf("%s: missing columns", realManifest)
	}
	for _, line := range lines[1:] {
		f := strings.Split(line, "\t")
		if len(f) <= max(iFile, iPath, iLang) {
			continue
		}
		local := f[iFile]
		if ok, _ := filepath.Match("domain/"+RealPattern, strings.ToLower(local)); !ok {
			continue
		}
		d := RealDoc{File: local, Text: filepath.Join(dir, realText, filepath.Base(local)+".txt")}
		name := unescape(base(f[iPath]))
		d.Record, d.URL = findRecord(records, name)
		if d.Record == nil {
			if t := titles[name]; t != "" {
				for i := range records {
					if records[i].Title == t {
						d.Record = &records[i]
						d.URL = name
					}
				}
			}
		}
		if d.Record != nil {
			d.expect(f[iLang])
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// expect derives the expected labels from the record.
func (d *RealDoc) expect(manifestLang string) {
	for _, n := range d.Record.Countries {
		if strings.EqualFold(n, "Worldwide") || strings.EqualFold(n, "Global") {
			d.RawCountries = append(d.RawCountries, taxonomy.CodeGlobal)
			continue
		}
		if code := countryCode(n); code != "" {
			d.RawCountries = append(d.RawCountries, code)
		} else {
			d.Unknown = append(d.Unknown, n)
		}
	}
	d.Countries = slices.Clone(d.RawCountries)
	for _, e := range Errata {
		if !strings.EqualFold(e.Title, d.Record.Title) {
			continue
		}
		if i := slices.Index(d.Countries, e.From); i >= 0 {
			d.Countries[i] = e.To
			d.Erratum = e.From + " -> " + e.To + ": " + e.Why
		}
	}
	if len(d.Record.Languages) == 1 {
		d.Lang, d.LangFrom = langCode(d.Record.Languages[0]), "record"
	}
	if d.Lang == "" {
		if l := strings.ToLower(strings.TrimSpace(manifestLang)); l == "en" || l == "es" || l == "fr" {
			d.Lang, d.LangFrom = l, "manifest"
		}
	}
	if desc := pairDescription(d.Record.URLs, d.Record.Descs, d.URL); desc != "" {
		d.TypeDesc, d.Type = desc, descType(desc)
	}
}

func langCode(name string) string {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "english":
		return "en"
	case "spanish":
		return "es"
	case "french":
		return "fr"
	}
	return ""
}

// countryNames maps folded names, aliases and codes to country codes.
var countryNames = func() map[string]string {
	m := map[string]string{}
	for _, c := range taxonomy.Countries() {
		for _, n := range append([]string{c.Name.EN, c.Name.ES, c.Name.FR, c.Code}, c.Aliases...) {
			if n != "" {
				if _, dup := m[taxonomy.Fold(n)]; !dup {
					m[taxonomy.Fold(n)] = c.Code
				}
			}
		}
	}
	return m
}()

// countryCode returns the code of a country name of the export, or "".
func countryCode(name string) string {
	return countryNames[taxonomy.Fold(strings.TrimSpace(name))]
}

// splitNames splits a multi-valued field joined with ", ", rejoining
// pieces that only make a known country name together ("Congo, Democratic
// Republic of the").
func splitNames(field string) []string {
	parts := strings.Split(field, ", ")
	var out []string
	for i := 0; i < len(parts); {
		n := 1
		for j := len(parts); j > i+1; j-- {
			if countryCode(strings.Join(parts[i:j], ", ")) != "" {
				n = j - i
				break
			}
		}
		if s := strings.TrimSpace(strings.Join(parts[i:i+n], ", ")); s != "" {
			out = append(out, s)
		}
		i += n
	}
	return out
}

// readRecords reads the repository export (UTF-8 with a byte order mark).
func readRecords(file string) ([]Record, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", file, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: empty", file)
	}
	idx := map[string]int{}
	for i, h := range rows[0] {
		idx[h] = i
	}
	for _, h := range []string{"Title", "Year", "Countries Covered", "Languages", "File URL", "File description"} {
		if _, ok := idx[h]; !ok {
			return nil, fmt.Errorf("%s: no column %q", file, h)
		}
	}
	var out []Record
	for _, row := range rows[1:] {
		get := func(h string) string {
			if i := idx[h]; i < len(row) {
				return strings.TrimSpace(row[i])
			}
			return ""
		}
		r := Record{Title: get("Title"), Year: get("Year"), Countries: splitNames(get("Countries Covered"))}
		for _, l := range strings.Split(get("Languages"), ",") {
			if l = strings.TrimSpace(l); l != "" {
				r.Languages = append(r.Languages, l)
			}
		}
		for _, u := range strings.Split(get("File URL"), ",") {
			if u = strings.TrimSpace(u); u != "" {
				r.URLs = append(r.URLs, unescape(base(u)))
			}
		}
		for _, s := range strings.Split(get("File description"), ",") {
			if s = strings.TrimSpace(s); s != "" {
				r.Descs = append(r.Descs, s)
			}
		}
		out = append(out, r)
	}
	return out, nil
}

// findRecord returns the record listing a file named name, and the name.
func findRecord(records []Record, name string) (*Record, string) {
	for i := range records {
		if slices.Contains(records[i].URLs, name) {
			return &records[i], name
		}
	}
	return nil, ""
}

func unescape(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		return u
	}
	return s
}

// readJSONTitles maps the file name of every URL of the JSON export to its
// record's title. The export holds bare NaN tokens, which are read as null.
func readJSONTitles(file string) (map[string]string, error) {
	b, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]string{}, nil
	}
	if err != nil {
		return nil, err
	}
	var recs []struct {
		Docs []struct {
			URL string `json:"url"`
		} `json:"docs"`
		Meta struct {
			Title string `json:"Title"`
		} `json:"meta"`
	}
	if err := json.Unmarshal(nanToNull(b), &recs); err != nil {
		return nil, fmt.Errorf("parse %s: %w", file, err)
	}
	out := map[string]string{}
	for _, r := range recs {
		for _, d := range r.Docs {
			out[unescape(base(d.URL))] = r.Meta.Title
		}
	}
	return out, nil
}

// nanToNull replaces the bare tokens NaN, Infinity and -Infinity outside
// strings with null, making Python's JSON output strict JSON.
func nanToNull(b []byte) []byte {
	var out bytes.Buffer
	out.Grow(len(b))
	inString, escaped := false, false
	for i := 0; i < len(b); i++ {
		c := b[i]
		if inString {
			out.WriteByte(c)
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
			continue
		}
		if c == '"' {
			inString = true
			out.WriteByte(c)
			continue
		}
		replaced := false
		for _, tok := range []string{"-Infinity", "Infinity", "NaN"} {
			if bytes.HasPrefix(b[i:], []byte(tok)) {
				out.WriteString("null")
				i += len(tok) - 1
				replaced = true
				break
			}
		}
		if !replaced {
			out.WriteByte(c)
		}
	}
	return out.Bytes()
}

// pairDescription finds which of a record's file descriptions belongs to
// the file named name. The export lists the URLs and the descriptions in
// different orders, so they are paired by the words they share: repeatedly,
// a URL and a description that are each other's unique best match are
// paired; a last URL and description left over are paired too. It returns
// "" when name stays unpaired.
func pairDescription(urls, descs []string, name string) string {
	if len(urls) == 0 || len(descs) == 0 {
		return ""
	}
	uw := make([][]string, len(urls))
	for i, u := range urls {
		uw[i] = descWords(strings.TrimSuffix(u, filepath.Ext(u)))
	}
	dw := make([][]string, len(descs))
	for i, d := range descs {
		dw[i] = descWords(d)
	}
	// score is the share of the description's words in the URL, then the
	// Jaccard index of the two word sets to break ties.
	score := func(u, d int) [2]float64 {
		common := 0
		for _, w := range dw[d] {
			if slices.Contains(uw[u], w) {
				common++
			}
		}
		if len(dw[d]) == 0 {
			return [2]float64{}
		}
		return [2]float64{float64(common) / float64(len(dw[d])), float64(common) / float64(len(dw[d])+len(uw[u])-common)}
	}
	less := func(a, b [2]float64) bool { return a[0] < b[0] || (a[0] == b[0] && a[1] < b[1]) }
	pairedU := make([]int, len(urls))
	pairedD := make([]bool, len(descs))
	for i := range pairedU {
		pairedU[i] = -1
	}
	best := func(u int) (int, bool) { // the unique best free description of URL u
		b, unique := -1, false
		for d := range descs {
			if pairedD[d] {
				continue
			}
			s := score(u, d)
			if s[0] == 0 {
				continue
			}
			switch {
			case b < 0 || less(score(u, b), s):
				b, unique = d, true
			case !less(s, score(u, b)):
				unique = false
			}
		}
		return b, unique
	}
	bestURL := func(d int) (int, bool) {
		b, unique := -1, false
		for u := range urls {
			if pairedU[u] >= 0 {
				continue
			}
			s := score(u, d)
			if s[0] == 0 {
				continue
			}
			switch {
			case b < 0 || less(score(b, d), s):
				b, unique = u, true
			case !less(s, score(b, d)):
				unique = false
			}
		}
		return b, unique
	}
	for changed := true; changed; {
		changed = false
		for u := range urls {
			if pairedU[u] >= 0 {
				continue
			}
			d, ok := best(u)
			if !ok {
				continue
			}
			if u2, ok := bestURL(d); ok && u2 == u {
				pairedU[u], pairedD[d] = d, true
				changed = true
			}
		}
	}
	var freeU, freeD []int
	for u := range urls {
		if pairedU[u] < 0 {
			freeU = append(freeU, u)
		}
	}
	for d := range descs {
		if !pairedD[d] {
			freeD = append(freeD, d)
		}
	}
	if len(freeU) == 1 && len(freeD) == 1 {
		pairedU[freeU[0]] = freeD[0]
	}
	for u, n := range urls {
		if n == name && pairedU[u] >= 0 {
			return descs[pairedU[u]]
		}
	}
	return ""
}

// descAbbrev expands abbreviations of file names.
var descAbbrev = map[string][]string{"tor": {"terms", "reference"}, "tdr": {"terms", "reference"}, "mrm": {"management", "response"}}

// descWords returns the distinct folded words of s, without short
// function words.
func descWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(taxonomy.Fold(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) {
		words := []string{w}
		if x, ok := descAbbrev[w]; ok {
			words = x
		}
		for _, w := range words {
			if len(w) > 2 && !slices.Contains(out, w) {
				out = append(out, w)
			}
		}
	}
	return out
}

// descType maps a file description of the export to a document type
// code, or "" for descriptions that name none of Faro's types (annexes,
// inception reports).
func descType(desc string) string {
	d := strings.ToLower(desc)
	switch {
	case strings.Contains(d, "brief"):
		return "evaluation-brief"
	case strings.Contains(d, "management response"):
		return "management-response"
	case strings.Contains(d, "terms of reference"):
		return "terms-of-reference"
	case strings.Contains(d, "infographic"), strings.Contains(d, "inforgraphic"):
		return "info-sheet"
	case strings.Contains(d, "inception"), strings.HasPrefix(d, "annex"):
		return ""
	case strings.Contains(d, "study"):
		return "study"
	case strings.Contains(d, "report"):
		return "evaluation-report"
	}
	return ""
}

// RealDocs classifies the IOM evaluation PDFs of the collection at dir,
// reading their text from the collection's pdftotext output (so that the
// figures measure the classifier, not the extractor), and scores
// countries, language and type against their records. Files without a
// record are skipped. It returns ErrNoRealDocs when dir holds no
// collection.
func RealDocs(dir string) (*Report, []RealDoc, error) {
	docs, err := LoadRealDocs(dir)
	if err != nil {
		return nil, nil, err
	}
	r := NewReport("real IOM evaluation PDFs")
	outs := make([]classify.Output, len(docs))
	errs := make([]error, len(docs))
	parallel(len(docs), func(i int) {
		pages, err := ReadPages(docs[i].Text)
		if err != nil {
			errs[i] = err
			return
		}
		outs[i] = classify.Classify(classify.Input{Pages: pages, FileName: filepath.Base(docs[i].File)})
	})
	for i, d := range docs {
		switch {
		case d.Record == nil:
			r.Skipped = append(r.Skipped, d.File+": no record in the export")
			continue
		case errs[i] != nil:
			r.Skipped = append(r.Skipped, fmt.Sprintf("%s: %v", d.File, errs[i]))
			continue
		}
		ScoreRealDoc(r, d, outs[i])
	}
	return r, docs, nil
}

// ScoreRealDoc adds to r the scores of out against the record of d:
// countries (a worldwide record expects GLB) with and without the errata,
// language, and type where the record describes the file.
func ScoreRealDoc(r *Report, d RealDoc, out classify.Output) {
	res := r.Doc(filepath.Base(d.File))
	r.Add(res, Country, out.Countries, append(slices.Clone(d.Countries), d.Unknown...))
	r.Add(res, CountryExport, out.Countries, append(slices.Clone(d.RawCountries), d.Unknown...))
	if d.Lang != "" {
		r.Add(res, Lang, []string{out.Lang}, []string{d.Lang})
	}
	if d.Type != "" {
		r.Add(res, Type, []string{out.Type}, []string{d.Type})
	}
}

// ReadPages reads a pdftotext output file as pages (one form feed per
// page; a last empty page is dropped).
func ReadPages(file string) ([]string, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	pages := strings.Split(string(b), "\f")
	if n := len(pages); n > 1 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages, nil
}

// Languages classifies every document of the collection's domain folder
// (not its metadata files) whose manifest language is en, es or fr (PDFs from their pdftotext
// output, other files with the project's extractor) and scores the
// language against the manifest's.
func Languages(ctx context.Context, dir string) (*Report, error) {
	man, err := os.ReadFile(filepath.Join(dir, realManifest))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w in %s", ErrNoRealDocs, dir)
	}
	if err != nil {
		return nil, err
	}
	type entry struct{ file, lang string }
	var entries []entry
	lines := strings.Split(string(man), "\n")
	header := strings.Split(lines[0], "\t")
	iFile, iLang := slices.Index(header, "local_file"), slices.Index(header, "language")
	if iFile < 0 || iLang < 0 {
		return nil, fmt.Errorf("%s: missing columns", realManifest)
	}
	for _, line := range lines[1:] {
		f := strings.Split(line, "\t")
		if len(f) <= max(iFile, iLang) || !strings.HasPrefix(f[iFile], "domain/") || strings.HasPrefix(f[iFile], "domain/meta") {
			continue // not a document, or metadata
		}
		if l := f[iLang]; l == "en" || l == "es" || l == "fr" {
			entries = append(entries, entry{f[iFile], l})
		}
	}
	langs := make([]string, len(entries))
	errs := make([]error, len(entries))
	parallel(len(entries), func(i int) {
		name := filepath.Base(entries[i].file)
		pages, err := ReadPages(filepath.Join(dir, realText, name+".txt"))
		if errors.Is(err, fs.ErrNotExist) {
			var res *extract.Result
			res, err = extract.File(ctx, filepath.Join(dir, filepath.FromSlash(entries[i].file)), extract.Options{})
			if res != nil {
				pages = res.Pages
			}
		}
		if err != nil {
			errs[i] = err
			return
		}
		langs[i] = classify.Classify(classify.Input{Pages: pages, FileName: name}).Lang
	})
	r := NewReport("real documents, language (manifest)")
	for i, e := range entries {
		if errs[i] != nil {
			r.Skipped = append(r.Skipped, fmt.Sprintf("%s: %v", e.file, errs[i]))
			continue
		}
		r.Add(r.Doc(filepath.Base(e.file)), Lang, []string{langs[i]}, []string{e.lang})
	}
	return r, nil
}
