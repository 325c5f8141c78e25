// Command classeval measures Faro's classifier and prints, per label family
// (country, theme, gcm, principle, type, lang, year), micro-averaged
// precision, recall and F1 with each document's misses:
//
//   - on the bundled corpus against its ground truth
//     (indexer/testdata/corpus-labels.json), reading every file with the
//     project's extractor as the indexer does;
//   - on the real IOM evaluation PDFs of the shared collection
//     (../shared/realdocs/domain/iom-eval_*), reading their text from the
//     collection's pdftotext output, against the countries, languages and
//     file descriptions of the IOM evaluation repository export;
//   - on every document of the collection's domain folder, the language
//     against the collection's manifest;
//   - on the 51 hand-labelled real documents of the development judgments
//     (../shared/judgments/labels.tsv over ../shared/realdocs/domain and
//     domain-es), read with the project's extractor: countries (REG and GLB
//     excluded) and GCM objectives, in total, on the tuning part and on the
//     held-out part (evaluate.HeldOut), on the halves of even and odd
//     lines of labels.tsv, per document, per value, and the confusions.
//
// Usage:
//
//	go run ./indexer/cmd/classeval [-corpus corpus] [-labels indexer/testdata/corpus-labels.json] [-realdocs ../shared/realdocs] [-shared ../shared] [-misses=false]
//
// A collection that is absent is reported and skipped.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"faro/indexer/classify/evaluate"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("classeval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	corpus := fs.String("corpus", "corpus", "the bundled corpus folder (\"\" to skip)")
	labels := fs.String("labels", "indexer/testdata/corpus-labels.json", "the corpus's ground truth")
	realdocs := fs.String("realdocs", "../shared/realdocs", "the shared real-document collection (\"\" to skip)")
	shared := fs.String("shared", "../shared", "the shared folder with judgments/labels.tsv (\"\" to skip)")
	misses := fs.Bool("misses", true, "list each document's misses")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	status := 0
	show := func(r *evaluate.Report) {
		r.WriteTable(stdout)
		if *misses {
			fmt.Fprintln(stdout, "  misses (-expected not given, +given not expected):")
			r.WriteMisses(stdout)
		}
		fmt.Fprintln(stdout)
	}
	if *corpus != "" {
		r, err := evaluate.Corpus(context.Background(), *corpus, *labels)
		if err != nil {
			fmt.Fprintf(stderr, "classeval: corpus: %v\n", err)
			status = 1
		} else {
			show(r)
		}
	}
	if *realdocs != "" {
		r, _, err := evaluate.RealDocs(*realdocs)
		switch {
		case errors.Is(err, evaluate.ErrNoRealDocs):
			fmt.Fprintf(stdout, "real IOM evaluation PDFs: skipped (%v)\n", err)
		case err != nil:
			fmt.Fprintf(stderr, "classeval: real documents: %v\n", err)
			status = 1
		default:
			show(r)
		}
		if err == nil {
			r, err := evaluate.Languages(context.Background(), *realdocs)
			if err != nil {
				fmt.Fprintf(stderr, "classeval: real documents: %v\n", err)
				status = 1
			} else {
				show(r)
			}
		}
	}
	if *shared != "" {
		r, err := evaluate.JudgedDocs(context.Background(), *shared)
		switch {
		case errors.Is(err, evaluate.ErrNoRealDocs):
			fmt.Fprintf(stdout, "judged real documents: skipped (%v)\n", err)
		case err != nil:
			fmt.Fprintf(stderr, "classeval: judged documents: %v\n", err)
			status = 1
		default:
			r.Write(stdout)
		}
	}
	return status
}
