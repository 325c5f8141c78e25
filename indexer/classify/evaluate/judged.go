package evaluate

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"faro/indexer/classify"
	"faro/search"
	"faro/search/taxonomy"
)

// The development judgments of the shared folder (shared/judgments): hand
// labels of 51 real documents of shared/realdocs/domain and domain-es.
const judgedLabels = "judgments/labels.tsv"

// Judged is one hand-labelled real document of labels.tsv.
type Judged struct {
	// File is the path relative to the folder that holds shared/, as
	// labels.tsv writes it ("shared/realdocs/domain/x.pdf").
	File string
	Lang string
	// Countries excludes the pseudo-codes REG and GLB.
	Countries []string
	// GCM are the objectives, most central first.
	GCM []string
	// Held is true for the documents kept aside from tuning (HeldOut).
	Held bool
	// Line is the document's line in labels.tsv (the header is line 1):
	// documents on even and odd lines make two halves of the set
	// (SplitEven, SplitOdd) that a change must improve alike.
	Line int
}

// Splits of the judged documents: all of them, the tuning part and the
// held-out part (HeldOut), and the halves of even and odd lines of
// labels.tsv. A companion document (a translation, a brief beside its
// report) may fall in the other half: the halves check that a change
// holds on two samples, the held-out part that it holds on unseen
// families.
const (
	SplitAll  = "all"
	SplitTune = "tune"
	SplitHeld = "held-out"
	SplitEven = "even"
	SplitOdd  = "odd"
)

// splitsOf returns the splits j belongs to.
func splitsOf(j Judged) []string {
	out := []string{SplitAll, SplitTune, SplitEven}
	if j.Held {
		out[1] = SplitHeld
	}
	if j.Line%2 == 1 {
		out[2] = SplitOdd
	}
	return out
}

// HeldOut tells whether a labels.tsv file belongs to the documents kept
// aside from tuning. Documents are grouped into families — the publisher
// prefix of the file name and the first word of its subject
// ("html_cddl", "iom-eval_niger", "savethechildren_honduras", "text_wh") —
// so that the companions of a held-out document (its translation, its
// brief, its management response) are held out with it; a family is held
// out when the FNV-1a hash of its name is divisible by 3.
func HeldOut(file string) bool {
	h := fnv.New32a()
	io.WriteString(h, family(file))
	return h.Sum32()%3 == 0
}

// family is the publisher prefix and first subject word of a file name.
func family(file string) string {
	name := filepath.Base(filepath.FromSlash(file))
	prefix, subject, _ := strings.Cut(name, "_")
	subject, _, _ = strings.Cut(subject, "-")
	subject, _, _ = strings.Cut(subject, "_")
	subject, _, _ = strings.Cut(subject, ".")
	return prefix + "_" + subject
}

// LoadJudged reads shared/judgments/labels.tsv from the shared folder
// dir. It returns ErrNoRealDocs when the file is absent.
func LoadJudged(dir string) ([]Judged, error) {
	b, err := os.ReadFile(filepath.Join(dir, judgedLabels))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w: no %s in %s", ErrNoRealDocs, judgedLabels, dir)
	}
	if err != nil {
		return nil, fmt.Errorf("read judged labels: %w", err)
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	header := strings.Split(lines[0], "\t")
	col := func(name string) int { return slices.Index(header, name) }
	iFile, iLang, iCountries, iGCM := col("file"), col("lang"), col("countries"), col("gcm")
	if iFile < 0 || iLang < 0 || iCountries < 0 || iGCM < 0 {
		return nil, fmt.Errorf("%s: missing columns (file, lang, countries, gcm)", judgedLabels)
	}
	var out []Judged
	for n, line := range lines[1:] {
		f := strings.Split(line, "\t")
		if len(f) <= max(iFile, iLang, iCountries, iGCM) {
			return nil, fmt.Errorf("%s:%d: %d columns", judgedLabels, n+2, len(f))
		}
		j := Judged{File: f[iFile], Lang: f[iLang], Held: HeldOut(f[iFile]), Line: n + 2}
		for _, c := range splitList(f[iCountries]) {
			if c != taxonomy.CodeRegional && c != taxonomy.CodeGlobal {
				j.Countries = append(j.Countries, c)
			}
		}
		j.GCM = splitList(f[iGCM])
		out = append(out, j)
	}
	return out, nil
}

func splitList(s string) []string {
	var out []string
	for _, v := range strings.Split(s, ";") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// JudgedReport is the classification of the judged documents against
// their hand labels: one Report per split (all, tune, held-out) over the
// families country (REG and GLB excluded) and gcm, and what each
// document got.
type JudgedReport struct {
	Splits map[string]*Report
	Docs   []JudgedResult
}

// JudgedResult is one judged document with what the classifier gave.
type JudgedResult struct {
	Judged
	Countries, GCM []string
	// Classified holds the input and the full output (labels with their
	// evidence).
	Classified Classified
}

// JudgedDocs classifies the judged documents of the shared folder dir,
// each read with the project's extractor as the indexer reads it (no
// sidecars: the collection has none), and scores countries and GCM
// objectives against labels.tsv.
func JudgedDocs(ctx context.Context, dir string) (*JudgedReport, error) {
	judged, err := LoadJudged(dir)
	if err != nil {
		return nil, err
	}
	root := filepath.Dir(filepath.Clean(dir))
	results := make([]Classified, len(judged))
	parallel(len(judged), func(i int) {
		results[i] = ClassifyFile(ctx, filepath.Join(root, filepath.FromSlash(judged[i].File)))
	})
	rep := &JudgedReport{Splits: map[string]*Report{
		SplitAll:  NewReport("judged real documents"),
		SplitTune: NewReport("judged real documents, tuning part"),
		SplitHeld: NewReport("judged real documents, held-out part"),
		SplitEven: NewReport("judged real documents, even lines of labels.tsv"),
		SplitOdd:  NewReport("judged real documents, odd lines of labels.tsv"),
	}}
	for i, j := range judged {
		c := results[i]
		name := strings.TrimPrefix(j.File, "shared/realdocs/")
		splits := splitsOf(j)
		if c.Err != nil {
			for _, s := range splits {
				rep.Splits[s].Skipped = append(rep.Splits[s].Skipped, fmt.Sprintf("%s: %v", name, c.Err))
			}
			continue
		}
		var countries []string
		for _, code := range c.Out.Countries {
			if code != taxonomy.CodeRegional && code != taxonomy.CodeGlobal {
				countries = append(countries, code)
			}
		}
		gcm := itoa(c.Out.GCM)
		for _, s := range splits {
			r := rep.Splits[s]
			d := r.Doc(name)
			r.Add(d, Country, countries, j.Countries)
			r.Add(d, GCM, gcm, j.GCM)
		}
		rep.Docs = append(rep.Docs, JudgedResult{Judged: j, Countries: countries, GCM: gcm, Classified: c})
	}
	return rep, nil
}

// ValueScore is the precision and recall of one value (a country, an
// objective) over the judged documents.
type ValueScore struct {
	Value string
	Counts
}

// PerValue returns the counts of every value of family (Country or GCM)
// over the documents of split, the most frequent expected values first.
func (r *JudgedReport) PerValue(family, split string) []ValueScore {
	by := map[string]*Counts{}
	get := func(v string) *Counts {
		c := by[v]
		if c == nil {
			c = &Counts{}
			by[v] = c
		}
		return c
	}
	for _, d := range r.Docs {
		if !inSplit(d.Judged, split) {
			continue
		}
		got, want := d.Countries, d.Judged.Countries
		if family == GCM {
			got, want = d.GCM, d.Judged.GCM
		}
		for _, g := range clean(got) {
			if slices.Contains(want, g) {
				get(g).TP++
			} else {
				get(g).FP++
			}
		}
		for _, w := range clean(want) {
			if !slices.Contains(got, w) {
				get(w).FN++
			}
		}
	}
	out := make([]ValueScore, 0, len(by))
	for v, c := range by {
		out = append(out, ValueScore{Value: v, Counts: *c})
	}
	slices.SortFunc(out, func(a, b ValueScore) int {
		if d := (b.TP + b.FN) - (a.TP + a.FN); d != 0 {
			return d
		}
		if d := (b.FP) - (a.FP); d != 0 {
			return d
		}
		return strings.Compare(padNum(a.Value), padNum(b.Value))
	})
	return out
}

func padNum(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

func inSplit(j Judged, split string) bool {
	switch split {
	case SplitTune:
		return !j.Held
	case SplitHeld:
		return j.Held
	case SplitEven, SplitOdd:
		return slices.Contains(splitsOf(j), split)
	}
	return true
}

// Confusion is a pair of values where a document expected Want, did not
// get it, and got Got instead (which it did not expect), with how many
// documents show the pair.
type Confusion struct {
	Want, Got string
	Docs      int
}

// Confusions returns the confusions of family over all documents, most
// frequent first. A document contributes every pair of its missed and
// extra values; "-" stands for none (a value missed with nothing given in
// its place, or given where nothing was expected).
func (r *JudgedReport) Confusions(family string) []Confusion {
	count := map[[2]string]int{}
	for _, d := range r.Docs {
		got, want := d.Countries, d.Judged.Countries
		if family == GCM {
			got, want = d.GCM, d.Judged.GCM
		}
		var missing, extra []string
		for _, w := range clean(want) {
			if !slices.Contains(got, w) {
				missing = append(missing, w)
			}
		}
		for _, g := range clean(got) {
			if !slices.Contains(want, g) {
				extra = append(extra, g)
			}
		}
		if len(missing) == 0 {
			missing = []string{"-"}
		}
		if len(extra) == 0 {
			extra = []string{"-"}
		}
		for _, m := range missing {
			for _, e := range extra {
				if m != "-" || e != "-" {
					count[[2]string{m, e}]++
				}
			}
		}
	}
	out := make([]Confusion, 0, len(count))
	for k, n := range count {
		out = append(out, Confusion{Want: k[0], Got: k[1], Docs: n})
	}
	slices.SortFunc(out, func(a, b Confusion) int {
		if a.Docs != b.Docs {
			return b.Docs - a.Docs
		}
		if c := strings.Compare(padNum(a.Want), padNum(b.Want)); c != 0 {
			return c
		}
		return strings.Compare(padNum(a.Got), padNum(b.Got))
	})
	return out
}

// Write prints the report: per split the micro-averaged figures, then per
// document the expected and given values ("*" marks a held-out document),
// per value precision and recall, and the confusions.
func (r *JudgedReport) Write(w io.Writer) {
	for _, s := range []string{SplitAll, SplitTune, SplitHeld, SplitEven, SplitOdd} {
		r.Splits[s].WriteTable(w)
	}
	fmt.Fprintln(w, "\n  per document (* held out): country want / got; gcm want / got")
	for _, d := range r.Docs {
		mark := " "
		if d.Held {
			mark = "*"
		}
		fmt.Fprintf(w, "  %s %s\n      country %-24s / %-24s %s\n      gcm     %-24s / %-24s %s\n", mark,
			strings.TrimPrefix(d.File, "shared/realdocs/"),
			strings.Join(d.Judged.Countries, ";"), strings.Join(d.Countries, ";"), docPR(d.Countries, d.Judged.Countries),
			strings.Join(d.Judged.GCM, ";"), strings.Join(d.GCM, ";"), docPR(d.GCM, d.Judged.GCM))
		fmt.Fprintf(w, "      scores  %s\n", scores(d.Classified.Out))
		for _, r := range d.Classified.Out.Rejected {
			want := d.Judged.Countries
			if r.Facet == search.FacetGCM {
				want = d.Judged.GCM
			}
			if slices.Contains(want, r.Value) {
				fmt.Fprintf(w, "      missed  %s: %s\n", r.Value, r.Reason)
			}
		}
	}
	for _, f := range []string{Country, GCM} {
		fmt.Fprintf(w, "\n  %s per value (all documents): value tp fp fn P R\n", f)
		for _, v := range r.PerValue(f, SplitAll) {
			fmt.Fprintf(w, "    %-5s %3d %3d %3d  %4.2f %4.2f\n", v.Value, v.TP, v.FP, v.FN, v.Precision(), v.Recall())
		}
		fmt.Fprintf(w, "\n  %s confusions (expected -> given instead, documents; - = none):\n   ", f)
		for i, c := range r.Confusions(f) {
			if i > 0 && i%8 == 0 {
				fmt.Fprint(w, "\n   ")
			}
			fmt.Fprintf(w, " %s->%s:%d", c.Want, c.Got, c.Docs)
		}
		fmt.Fprintln(w)
	}
}

// docPR formats one document's precision and recall.
func docPR(got, want []string) string {
	var c Counts
	for _, g := range clean(got) {
		if slices.Contains(want, g) {
			c.TP++
		} else {
			c.FP++
		}
	}
	for _, w := range clean(want) {
		if !slices.Contains(got, w) {
			c.FN++
		}
	}
	if c.FP == 0 && c.FN == 0 {
		return "ok"
	}
	return fmt.Sprintf("P %.2f R %.2f", c.Precision(), c.Recall())
}

// scores lists the scores of the countries and objectives a document got
// and of those it did not keep (after "|").
func scores(out classify.Output) string {
	var kept, not []string
	for _, l := range out.Labels {
		if l.Facet == search.FacetCountry || l.Facet == search.FacetGCM {
			kept = append(kept, fmt.Sprintf("%s:%.1f", l.Value, l.Score))
		}
	}
	for _, r := range out.Rejected {
		not = append(not, fmt.Sprintf("%s:%.1f", r.Value, r.Score))
	}
	return strings.Join(kept, " ") + " | " + strings.Join(not, " ")
}
