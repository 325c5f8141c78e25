package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"faro/indexer"
	"faro/indexer/classify"
	"faro/indexer/extract"
	"faro/search"
)

// extractOutput is one line of `faro extract --json`. Labels and NotKept
// are present only with --classify: the classifier's labels with their
// evidence, and the countries and GCM objectives it found but did not
// keep, each with the reason.
type extractOutput struct {
	File   string             `json:"file"`
	Engine string             `json:"engine"`
	Pages  []string           `json:"pages"`
	Flags  []string           `json:"flags"`
	Error  string             `json:"error"`
	OCR    *extract.OCRReport `json:"ocr,omitempty"`
	// Boilerplate is the text left out of the pages, with why (HTML).
	Boilerplate []extract.Boilerplate `json:"boilerplate,omitempty"`
	Labels      *[]search.Label       `json:"labels,omitempty"`
	NotKept     *[]classify.Rejected  `json:"not_kept,omitempty"`
}

func (a *app) extract(ctx context.Context, args []string) error {
	fs := newFlags("extract", a.stderr)
	asJSON := fs.bool("json", false, "print one JSON object per file")
	x := fs.extraction()
	classifyIt := fs.bool("classify", false, "classify each file and print its labels with their evidence instead of its pages (with --json, add them as \"labels\")")
	if err := fs.parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(a.stderr, "faro extract: name at least one FILE")
		return exitCode(2)
	}
	log, err := newLogger(a.stderr, "warn")
	if err != nil {
		return err
	}
	pool, err := x.pool(log)
	if err != nil {
		return err
	}
	defer pool.Close()
	failed := 0
	enc := json.NewEncoder(a.stdout)
	// Web pages named together are read first: lines repeated on many
	// pages of one folder or host are their site's boilerplate, as when
	// indexing (indexer.Sites).
	files := fs.Args()
	results := make([]*extract.Result, len(files))
	errs := make([]error, len(files))
	sites := indexer.NewSites()
	for i, file := range files {
		results[i], errs[i] = extract.File(ctx, file, extract.Options{PDFRunner: pool.runner()})
		if errs[i] == nil {
			sites.Observe(filepath.ToSlash(file), results[i])
		}
	}
	for i, file := range files {
		res, err := results[i], errs[i]
		if err == nil {
			res, _ = sites.Strip(filepath.ToSlash(file), res)
		}
		out := extractOutput{File: file, Pages: []string{}, Flags: []string{}}
		if res != nil {
			out.Engine = res.Engine
			out.OCR = res.OCR
			if res.Flags != nil {
				out.Flags = res.Flags
			}
		}
		if err != nil {
			failed++
			out.Error = err.Error()
		} else if res != nil && res.Pages != nil {
			out.Pages = res.Pages
			out.Boilerplate = res.Boilerplate
		}
		if *classifyIt {
			labels, notKept := []search.Label{}, []classify.Rejected{}
			if err == nil && res != nil {
				c := classify.Classify(classify.Input{
					Title: res.Title, Summary: res.Description, Pages: res.Pages, FileName: filepath.Base(file),
				})
				labels = append(labels, c.Labels...)
				notKept = append(notKept, c.Rejected...)
			}
			out.Labels, out.NotKept = &labels, &notKept
		}
		if *asJSON {
			if err := enc.Encode(out); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintf(a.stdout, "== %s (%s, %d pages)", file, out.Engine, len(out.Pages))
		if len(out.Flags) > 0 {
			fmt.Fprintf(a.stdout, " [%s]", strings.Join(out.Flags, ", "))
		}
		fmt.Fprintln(a.stdout)
		if out.Error != "" {
			fmt.Fprintf(a.stdout, "error: %s\n", out.Error)
		}
		if out.OCR != nil {
			fmt.Fprintf(a.stdout, "ocr: %s\n", out.OCR.Summary())
		}
		if out.Labels != nil {
			if res != nil && res.Title != "" {
				fmt.Fprintf(a.stdout, "title: %s\n", res.Title)
			}
			writeLabels(a.stdout, *out.Labels)
			writeNotKept(a.stdout, *out.NotKept)
			continue
		}
		for i, p := range out.Pages {
			if o, ok := res.PageOCR(i + 1); ok {
				low := ""
				if o.Low {
					low = ", low"
				}
				fmt.Fprintf(a.stdout, "-- page %d (OCR, confidence %.0f%s) --\n%s\n", i+1, o.Confidence, low, p)
				continue
			}
			fmt.Fprintf(a.stdout, "-- page %d --\n%s\n", i+1, p)
		}
	}
	if failed == fs.NArg() {
		return exitCode(1)
	}
	return nil
}

// writeLabels prints labels one per line, facet by facet, each followed by
// its evidence:
//
//	gcm 10 (Eradicate trafficking), score 17.5
//	    "trafficking in persons" body pages 2, 3 (3×) ref 10(c)
func writeLabels(w io.Writer, labels []search.Label) {
	if len(labels) == 0 {
		fmt.Fprintln(w, "no labels")
		return
	}
	for _, facet := range search.Facets {
		for _, l := range labels {
			if l.Facet != facet {
				continue
			}
			fmt.Fprintf(w, "%s %s", l.Facet, l.Value)
			if name := search.FacetLabel(l.Facet, l.Value, "en"); name != l.Value {
				fmt.Fprintf(w, " (%s)", name)
			}
			fmt.Fprintf(w, ", score %s\n", strconv.FormatFloat(l.Score, 'f', -1, 64))
			for _, e := range l.Evidence {
				fmt.Fprintf(w, "    %q %s", e.Term, e.Where)
				if len(e.Pages) > 0 {
					word := "pages"
					if len(e.Pages) == 1 {
						word = "page"
					}
					nums := make([]string, len(e.Pages))
					for i, p := range e.Pages {
						nums[i] = strconv.Itoa(p)
					}
					fmt.Fprintf(w, " %s %s", word, strings.Join(nums, ", "))
				}
				if e.Count > 1 {
					fmt.Fprintf(w, " (%d×)", e.Count)
				}
				if e.Ref != "" {
					fmt.Fprintf(w, " ref %s", e.Ref)
				}
				fmt.Fprintln(w)
			}
		}
	}
}

// writeNotKept prints the countries and objectives found but not kept, one
// per line with the reason and the strongest evidence:
//
//	not kept: country USA (United States), score 8: named mostly as a destination (7 of 8 mentions)
//	    "United States" body page 1 (3×)
func writeNotKept(w io.Writer, rs []classify.Rejected) {
	for _, r := range rs {
		fmt.Fprintf(w, "not kept: %s %s", r.Facet, r.Value)
		if name := search.FacetLabel(r.Facet, r.Value, "en"); name != r.Value {
			fmt.Fprintf(w, " (%s)", name)
		}
		fmt.Fprintf(w, ", score %s: %s\n", strconv.FormatFloat(r.Score, 'f', -1, 64), r.Reason)
		for _, e := range r.Evidence[:min(len(r.Evidence), 2)] {
			fmt.Fprintf(w, "    %q %s", e.Term, e.Where)
			if len(e.Pages) > 0 {
				fmt.Fprintf(w, " page %d", e.Pages[0])
			}
			if e.Count > 1 {
				fmt.Fprintf(w, " (%d×)", e.Count)
			}
			fmt.Fprintln(w)
		}
	}
}
