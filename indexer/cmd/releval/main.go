// Command releval measures search relevance on the real development set
// of the shared folder (shared/judgments: 64 queries in English, Spanish,
// French and across languages, judged against 51 real documents of
// shared/realdocs/domain and domain-es), for Faro and for a plain BM25
// beside it.
//
// It reads the 51 documents with Faro's own pipeline (indexer.IndexFile:
// extraction with the quality gate and the PDF fallback, classification),
// writes them into a temporary search/bleve index and runs every judged
// query through search.Query with the query's filter. The baseline is an
// independent in-memory BM25 (k1 1.2, b 0.75) over the same extracted text
// (title and all pages), words folded (case, accents) and nothing else: no
// stemming, synonyms or phrases, OR over the query's words, the filter
// applied afterwards on Faro's classified labels.
//
// It prints, as the judgments' README defines them, mean nDCG@10 (gains
// 2/1/0) and recall@20 overall, per group (en, es, fr, xl) and per query
// kind, the queries where Faro returns nothing or fails, and the facet
// labels of the documents against labels.tsv.
//
// With -meta it builds no index and evaluates the documents' metadata
// instead: per document and in total, whether the title equals the title
// of titles.tsv or one of its alternatives (ignoring case, accents and
// punctuation), and whether the year, language and type equal those of
// labels.tsv. Without -v only the documents with a wrong field are listed.
//
// Usage:
//
//	go run ./indexer/cmd/releval [-shared ../shared] [-json] [-v] [-meta] [-explain ID]
//
// The documents are read where they are; nothing is copied.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"faro/search"
	"faro/search/bleve"
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

// explainID names the query whose top documents' explanations are
// printed (-explain), to stderr.
var explainID string

// errNoShared reports that the shared folder is not there.
var errNoShared = errors.New("shared folder not found")

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("releval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	shared := fs.String("shared", "", "the shared folder with judgments/ and realdocs/ (default: ../shared beside the module root)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	verbose := fs.Bool("v", false, "print one line per query (with -meta: every document, not only the wrong ones)")
	meta := fs.Bool("meta", false, "evaluate the documents' metadata (title, year, language, type) instead of relevance")
	typos := fs.Bool("typos", false, "score a copy of each unquoted query with one typo in its longest word")
	dicts := fs.String("dictionaries", search.DefaultDictionaryDir, "folder of FreeDict dictionaries (Debian's dict-freedict-*) that translate query words; \"\" for none")
	fs.StringVar(&explainID, "explain", "", "print how Faro scored the top documents of the query with this id (en-01, ...)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	dir := *shared
	if dir == "" {
		dir = defaultShared()
	}
	if *meta {
		return runMeta(ctx, dir, *asJSON, *verbose, stdout, stderr)
	}
	if *dicts != "" {
		d, err := search.LoadFreeDict(*dicts)
		switch {
		case errors.Is(err, os.ErrNotExist), errors.Is(err, search.ErrNoDictionaries):
			fmt.Fprintf(stderr, "releval: no dictionaries in %s: query words are translated with the domain list only\n", *dicts)
		case err != nil:
			fmt.Fprintf(stderr, "releval: %v\n", err)
			return 1
		default:
			d.Skip = bleve.IsStopWord
			search.UseDictionary(d)
			defer search.UseDictionary(nil)
		}
	}
	rep, err := evaluate(ctx, dir, *typos)
	if err != nil {
		fmt.Fprintf(stderr, "releval: %v\n", err)
		if errors.Is(err, errNoShared) {
			return 2
		}
		return 1
	}
	if *asJSON {
		if err := rep.writeJSON(stdout); err != nil {
			fmt.Fprintf(stderr, "releval: %v\n", err)
			return 1
		}
		return 0
	}
	rep.writeTable(stdout, *verbose)
	return 0
}

// runMeta runs the metadata evaluation and prints its report.
func runMeta(ctx context.Context, dir string, asJSON, verbose bool, stdout, stderr io.Writer) int {
	rep, err := evaluateMeta(ctx, dir)
	if err != nil {
		fmt.Fprintf(stderr, "releval: %v\n", err)
		if errors.Is(err, errNoShared) {
			return 2
		}
		return 1
	}
	if asJSON {
		if err := rep.writeJSON(stdout); err != nil {
			fmt.Fprintf(stderr, "releval: %v\n", err)
			return 1
		}
		return 0
	}
	rep.writeTable(stdout, !verbose)
	return 0
}

// defaultShared is ../shared beside the root of the module that holds the
// working directory ("" when there is no module).
func defaultShared() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(filepath.Dir(dir), "shared")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// checkShared reports errNoShared unless dir holds the judgments.
func checkShared(dir string) error {
	if dir == "" {
		return fmt.Errorf("%w (no module root; use -shared)", errNoShared)
	}
	if _, err := os.Stat(filepath.Join(dir, "judgments", "queries.tsv")); err != nil {
		return fmt.Errorf("%w: %s has no judgments/queries.tsv (use -shared)", errNoShared, dir)
	}
	return nil
}
