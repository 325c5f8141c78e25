package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"faro/search"
)

// metaReport is the outcome of the metadata evaluation (-meta): Faro's
// title, year, language and type of each judged document against
// titles.tsv and labels.tsv.
type metaReport struct {
	Shared    string    `json:"shared"`
	Documents int       `json:"documents"`
	Failed    []failure `json:"failed"`
	// Totals count the documents whose field matches.
	Totals metaTotals `json:"totals"`
	Docs   []metaDoc  `json:"docs"`
}

// metaTotals count the matching documents per field.
type metaTotals struct {
	Title int `json:"title"`
	Year  int `json:"year"`
	Lang  int `json:"lang"`
	Type  int `json:"type"`
	// FileNameTitles counts documents titled with their file name.
	FileNameTitles int `json:"file_name_titles"`
}

// metaDoc is one document's fields, Faro's and the judged ones.
type metaDoc struct {
	Doc       string   `json:"doc"`
	Title     string   `json:"title"`
	WantTitle []string `json:"want_title"`
	TitleOK   bool     `json:"title_ok"`
	// FileNameTitle: the title is the file name's words.
	FileNameTitle bool `json:"file_name_title,omitempty"`
	Year          int  `json:"year"`
	// YearFrom says where the year comes from: the label's source and
	// its first evidence.
	YearFrom string `json:"year_from,omitempty"`
	WantYear string `json:"want_year"`
	YearOK   bool   `json:"year_ok"`
	Lang     string `json:"lang"`
	WantLang string `json:"want_lang"`
	LangOK   bool   `json:"lang_ok"`
	Type     string `json:"type"`
	WantType string `json:"want_type"`
	// Author is Faro's author (not judged).
	Author string `json:"author,omitempty"`
	TypeOK bool   `json:"type_ok"`
}

// evaluateMeta reads the judged documents with Faro's pipeline (no index
// is built) and compares their metadata with the judgments.
func evaluateMeta(ctx context.Context, shared string) (*metaReport, error) {
	if err := checkShared(shared); err != nil {
		return nil, err
	}
	j, err := loadJudgments(filepath.Join(shared, "judgments"))
	if err != nil {
		return nil, err
	}
	titles, err := loadTitles(filepath.Join(shared, "judgments", "titles.tsv"))
	if err != nil {
		return nil, err
	}
	docs, failed, err := readDocuments(ctx, shared, j.Docs)
	if err != nil {
		return nil, err
	}
	rep := &metaReport{Shared: shared, Documents: len(j.Docs), Failed: failed}
	for _, p := range j.Docs {
		rep.Docs = append(rep.Docs, scoreMeta(p, docs[p], j.Labels[p], titles[p]))
	}
	for _, d := range rep.Docs {
		rep.Totals.Title += b2i(d.TitleOK)
		rep.Totals.Year += b2i(d.YearOK)
		rep.Totals.Lang += b2i(d.LangOK)
		rep.Totals.Type += b2i(d.TypeOK)
		rep.Totals.FileNameTitles += b2i(d.FileNameTitle)
	}
	return rep, nil
}

// scoreMeta compares one document (nil when unreadable) with its labels
// and accepted titles.
func scoreMeta(docPath string, d *search.Document, want docLabels, titles []string) metaDoc {
	m := metaDoc{Doc: docPath, WantTitle: titles, WantYear: want.Year, WantLang: want.Lang, WantType: want.Type}
	if d == nil {
		return m
	}
	m.Title, m.Year, m.Lang, m.Type, m.Author = d.Title, d.Year, d.Lang, d.Type, d.Author
	m.TitleOK = titleMatches(d.Title, titles)
	m.YearFrom = yearSource(d)
	m.FileNameTitle = isFileNameTitle(d.Title, docPath)
	m.YearOK = strconv.Itoa(d.Year) == want.Year
	m.LangOK = d.Lang == want.Lang
	m.TypeOK = d.Type == want.Type
	return m
}

// titleMatches reports whether got equals one of the accepted titles,
// ignoring case, accents, punctuation and spacing.
func titleMatches(got string, accepted []string) bool {
	g := titleKey(got)
	if g == "" {
		return false
	}
	for _, a := range accepted {
		if titleKey(a) == g {
			return true
		}
	}
	return false
}

// titleKey folds case and accents and keeps only the words of s, one
// space apart.
func titleKey(s string) string {
	return strings.Join(strings.FieldsFunc(search.Fold(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// isFileNameTitle reports whether title is the words of the file's name.
func isFileNameTitle(title, docPath string) bool {
	base := path.Base(docPath)
	return titleKey(title) == titleKey(strings.TrimSuffix(base, path.Ext(base)))
}

// loadTitles reads titles.tsv: each document's title and its
// alternatives (alt_titles, joined by " | ").
func loadTitles(file string) (map[string][]string, error) {
	rows, err := readTSV(file, "file", "title", "alt_titles")
	if err != nil {
		return nil, err
	}
	out := make(map[string][]string, len(rows))
	for _, r := range rows {
		ts := []string{r["title"]}
		for _, a := range strings.Split(r["alt_titles"], " | ") {
			if a = strings.TrimSpace(a); a != "" {
				ts = append(ts, a)
			}
		}
		out[r["file"]] = ts
	}
	return out, nil
}

// yearSource describes where d's year comes from: the source of its year
// label given by the file, or the classifier's with its first evidence.
func yearSource(d *search.Document) string {
	from := ""
	for _, l := range d.Labels {
		if l.Facet != search.FacetYear || strconv.Itoa(d.Year) != l.Value[:min(4, len(l.Value))] {
			continue
		}
		src := l.Source
		if len(l.Evidence) > 0 {
			src += ": " + l.Evidence[0].Term
		}
		if l.Given || from == "" {
			from = src
		}
	}
	return from
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// writeJSON prints the report as indented JSON.
func (r *metaReport) writeJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return fmt.Errorf("write JSON: %w", err)
	}
	return nil
}

// writeTable prints one block per document (a mark per field: "+" right,
// "-" wrong, with the expected value after a wrong one) and the totals.
func (r *metaReport) writeTable(w io.Writer, onlyWrong bool) {
	fmt.Fprintf(w, "releval -meta: %d judged documents (%d unreadable), %s\n", r.Documents, len(r.Failed), r.Shared)
	for _, f := range r.Failed {
		fmt.Fprintf(w, "  unreadable: %s: %s\n", f.Doc, f.Error)
	}
	mark := func(ok bool) string {
		if ok {
			return "+"
		}
		return "-"
	}
	for _, d := range r.Docs {
		if onlyWrong && d.TitleOK && d.YearOK && d.LangOK && d.TypeOK {
			continue
		}
		fmt.Fprintf(w, "\n%s\n", strings.TrimPrefix(d.Doc, sharedPrefix+"realdocs/"))
		fn := ""
		if d.FileNameTitle {
			fn = "  [file name]"
		}
		fmt.Fprintf(w, "  %s title %q%s\n", mark(d.TitleOK), d.Title, fn)
		if d.Author != "" {
			fmt.Fprintf(w, "    author %q\n", d.Author)
		}
		if !d.TitleOK && len(d.WantTitle) > 0 {
			fmt.Fprintf(w, "      want %q\n", d.WantTitle[0])
		}
		line := func(name string, ok bool, got, want string) string {
			if ok {
				return fmt.Sprintf("%s %s %s", mark(ok), name, got)
			}
			return fmt.Sprintf("%s %s %s (want %s)", mark(ok), name, orNone(got), want)
		}
		year := ""
		if d.Year != 0 {
			year = strconv.Itoa(d.Year)
		}
		if d.YearFrom != "" {
			year += " [" + d.YearFrom + "]"
		}
		fmt.Fprintf(w, "  %s   %s   %s\n", line("year", d.YearOK, year, d.WantYear),
			line("lang", d.LangOK, d.Lang, d.WantLang), line("type", d.TypeOK, d.Type, d.WantType))
	}
	n := r.Documents
	fmt.Fprintf(w, "\ntotal: title %d/%d  year %d/%d  lang %d/%d  type %d/%d  (file-name titles: %d)\n",
		r.Totals.Title, n, r.Totals.Year, n, r.Totals.Lang, n, r.Totals.Type, n, r.Totals.FileNameTitles)
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}
