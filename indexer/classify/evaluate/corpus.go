package evaluate

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"faro/indexer/classify"
	"faro/indexer/extract"
)

// Truth is one entry of the corpus's ground truth
// (indexer/testdata/corpus-labels.json).
type Truth struct {
	// Source is the file's path relative to the corpus, with slashes.
	Source     string   `json:"source"`
	Title      string   `json:"title"`
	Lang       string   `json:"lang"`
	Year       int      `json:"year"`
	Type       string   `json:"type"`
	Countries  []string `json:"countries"`
	Themes     []string `json:"themes"`
	GCM        []int    `json:"gcm"`
	Principles []string `json:"principles"`
}

// LoadTruth reads a ground-truth file.
func LoadTruth(file string) ([]Truth, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var out []Truth
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, fmt.Errorf("parse %s: %w", file, err)
	}
	return out, nil
}

// Classified is a document's text as the indexer sees it and what the
// classifier made of it.
type Classified struct {
	Name  string
	Input classify.Input
	Out   classify.Output
	Err   error
}

// sidecarText is the part of a NAME.meta.json sidecar the classifier reads.
type sidecarText struct {
	Title   string `json:"title"`
	Summary string `json:"summary"`
}

// readSidecarText returns the title and summary of the sidecar beside
// file, as the indexer looks for it ("x.pdf.meta.json", then
// "x.meta.json"); empty when there is none.
func readSidecarText(file string) sidecarText {
	ext := filepath.Ext(file)
	for _, cand := range []string{file + ".meta.json", strings.TrimSuffix(file, ext) + ".meta.json"} {
		b, err := os.ReadFile(cand)
		if err != nil {
			continue
		}
		var s sidecarText
		if json.Unmarshal(b, &s) == nil {
			return s
		}
	}
	return sidecarText{}
}

// ClassifyFile extracts file with the project's extractor and classifies
// it with the input the indexer gives the classifier: the sidecar's title
// and summary, else the file's own (PDF Info title, HTML title and
// description, front matter), the pages, and the file's base name.
func ClassifyFile(ctx context.Context, file string) Classified {
	c := Classified{Name: file}
	res, err := extract.File(ctx, file, extract.Options{})
	if err != nil {
		c.Err = err
		return c
	}
	side := readSidecarText(file)
	c.Input = classify.Input{
		Title:    first(side.Title, res.Title),
		Summary:  first(side.Summary, res.Description),
		Pages:    res.Pages,
		FileName: filepath.Base(file),
	}
	c.Out = classify.Classify(c.Input)
	return c
}

func first(vals ...string) string {
	for _, v := range vals {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// parallel runs fn on every index below n with a few workers.
func parallel(n int, fn func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for i := range next {
				fn(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// Corpus classifies every document of the ground truth at labelsFile, read
// from corpusDir with the project's extractor, and scores all seven
// families against it.
func Corpus(ctx context.Context, corpusDir, labelsFile string) (*Report, error) {
	truth, err := LoadTruth(labelsFile)
	if err != nil {
		return nil, err
	}
	results := make([]Classified, len(truth))
	parallel(len(truth), func(i int) {
		results[i] = ClassifyFile(ctx, filepath.Join(corpusDir, filepath.FromSlash(truth[i].Source)))
	})
	r := NewReport("corpus")
	for i, t := range truth {
		c := results[i]
		if c.Err != nil {
			r.Skipped = append(r.Skipped, fmt.Sprintf("%s: %v", t.Source, c.Err))
			continue
		}
		ScoreTruth(r, t, c.Out)
	}
	return r, nil
}

// ScoreTruth adds to r the scores of out against the ground truth t.
func ScoreTruth(r *Report, t Truth, out classify.Output) {
	d := r.Doc(t.Source)
	r.Add(d, Country, out.Countries, t.Countries)
	r.Add(d, Theme, out.Themes, t.Themes)
	r.Add(d, GCM, itoa(out.GCM), itoa(t.GCM))
	r.Add(d, Principle, out.Principles, t.Principles)
	r.Add(d, Type, []string{out.Type}, []string{t.Type})
	r.Add(d, Lang, []string{out.Lang}, []string{t.Lang})
	r.Add(d, Year, []string{strconv.Itoa(out.Year)}, []string{strconv.Itoa(t.Year)})
}

func itoa(ns []int) []string {
	out := make([]string, 0, len(ns))
	for _, n := range ns {
		out = append(out, strconv.Itoa(n))
	}
	return out
}

// base is the file name of a slash path.
func base(p string) string { return path.Base(filepath.ToSlash(p)) }
