// Package evaluate measures the classifier (faro/indexer/classify) against
// ground truth: the bundled corpus's labels (indexer/testdata/
// corpus-labels.json) and the metadata of real IOM evaluation documents
// (../shared/realdocs). It computes precision, recall and F1 per label
// family, micro-averaged over the documents, and lists what each document
// missed or got wrong. The corpus test of package classify and the
// classeval command (indexer/cmd/classeval) print its reports.
package evaluate

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// Label families, in the order reports list them.
const (
	Country   = "country"
	Theme     = "theme"
	GCM       = "gcm"
	Principle = "principle"
	Type      = "type"
	Lang      = "lang"
	Year      = "year"
	// CountryExport scores countries against the real documents' export
	// as is, before the errata (see Errata).
	CountryExport = "country-export"
)

// Families lists the label families in report order.
var Families = []string{Country, CountryExport, Theme, GCM, Principle, Type, Lang, Year}

// Counts are the true positives, false positives and false negatives of one
// label family summed over documents.
type Counts struct {
	TP, FP, FN int
	// Docs is how many documents were scored for the family.
	Docs int
}

// Precision is TP / (TP + FP); 1 when nothing was predicted.
func (c Counts) Precision() float64 {
	if c.TP+c.FP == 0 {
		return 1
	}
	return float64(c.TP) / float64(c.TP+c.FP)
}

// Recall is TP / (TP + FN); 1 when nothing was expected.
func (c Counts) Recall() float64 {
	if c.TP+c.FN == 0 {
		return 1
	}
	return float64(c.TP) / float64(c.TP+c.FN)
}

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Miss is what the classifier got wrong for one family of one document.
type Miss struct {
	Family string
	// Missing are expected values it did not give (false negatives);
	// Extra are values it gave that were not expected (false positives).
	Missing, Extra []string
}

// DocResult is one scored document.
type DocResult struct {
	Name   string
	Misses []Miss
}

// Report is the evaluation of one collection.
type Report struct {
	// Name names the collection, e.g. "corpus".
	Name   string
	Scores map[string]*Counts
	Docs   []*DocResult
	// Skipped lists documents that could not be scored, with the reason.
	Skipped []string
}

// NewReport returns an empty report named name.
func NewReport(name string) *Report {
	r := &Report{Name: name, Scores: map[string]*Counts{}}
	for _, f := range Families {
		r.Scores[f] = &Counts{}
	}
	return r
}

// Doc starts the scoring of the document called name.
func (r *Report) Doc(name string) *DocResult {
	d := &DocResult{Name: name}
	r.Docs = append(r.Docs, d)
	return d
}

// Add scores family for document d: every value of got that is in want is
// a true positive, every other one a false positive, and every value of
// want not in got a false negative. Empty values are ignored, so a
// single-valued family with no prediction counts as one false negative.
func (r *Report) Add(d *DocResult, family string, got, want []string) {
	c := r.Scores[family]
	if c == nil {
		c = &Counts{}
		r.Scores[family] = c
	}
	got, want = clean(got), clean(want)
	c.Docs++
	var m Miss
	for _, g := range got {
		if slices.Contains(want, g) {
			c.TP++
		} else {
			c.FP++
			m.Extra = append(m.Extra, g)
		}
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			c.FN++
			m.Missing = append(m.Missing, w)
		}
	}
	if len(m.Missing)+len(m.Extra) > 0 {
		m.Family = family
		d.Misses = append(d.Misses, m)
	}
}

// clean drops empty and repeated values.
func clean(vals []string) []string {
	var out []string
	for _, v := range vals {
		if v != "" && v != "0" && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// WriteTable writes one line per scored family: precision, recall, F1 and
// the counts behind them.
func (r *Report) WriteTable(w io.Writer) {
	fmt.Fprintf(w, "%s: %d documents", r.Name, len(r.Docs))
	if len(r.Skipped) > 0 {
		fmt.Fprintf(w, " (%d skipped)", len(r.Skipped))
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "  %-14s %5s %5s %5s %5s %5s %5s %5s\n", "family", "P", "R", "F1", "tp", "fp", "fn", "docs")
	for _, f := range Families {
		c := r.Scores[f]
		if c == nil || c.Docs == 0 {
			continue
		}
		fmt.Fprintf(w, "  %-14s %5.2f %5.2f %5.2f %5d %5d %5d %5d\n", f, c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN, c.Docs)
	}
}

// WriteMisses writes, for each document with a miss, one line per family:
// the expected values it missed (-) and the values it added (+).
func (r *Report) WriteMisses(w io.Writer) {
	for _, d := range r.Docs {
		if len(d.Misses) == 0 {
			continue
		}
		fmt.Fprintf(w, "  %s\n", d.Name)
		for _, m := range d.Misses {
			var parts []string
			if len(m.Missing) > 0 {
				parts = append(parts, "-"+strings.Join(m.Missing, " -"))
			}
			if len(m.Extra) > 0 {
				parts = append(parts, "+"+strings.Join(m.Extra, " +"))
			}
			fmt.Fprintf(w, "    %-14s %s\n", m.Family, strings.Join(parts, " "))
		}
	}
	for _, s := range r.Skipped {
		fmt.Fprintf(w, "  skipped %s\n", s)
	}
}

// String returns the table followed by the misses.
func (r *Report) String() string {
	var b strings.Builder
	r.WriteTable(&b)
	r.WriteMisses(&b)
	return b.String()
}
