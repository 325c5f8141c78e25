// Command gencorpus writes a synthetic corpus of files for benchmarks and
// load tests: the documents of searchtest.Synthetic as EN/ES/FR HTML pages
// (with head, navigation and scripts to strip), Markdown with front
// matter, plain text and simple PDFs, with occasional NAME.meta.json
// sidecars. Same seed, size and mix: same bytes.
//
//	go run ./scripts/gencorpus -n 10000 -seed 1 -out /tmp/corpus10k [-mix html,md,pdf,txt] [-sidecars 0.1]
//
// Files go into folders of 1,000 (000/, 001/, ...), named
// TYPE-NNNNNN-LANG.EXT. The output folder must be empty or a corpus that
// gencorpus wrote before (marked by .gencorpus.json, which the indexer
// skips).
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
	"time"

	"faro/scripts/gencorpus/corpusgen"
)

// maxDocs bounds a run.
const maxDocs = 2_000_000

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gencorpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 1000, "number of documents (files) to write")
	seed := fs.Uint64("seed", 1, "seed of searchtest.Synthetic and of the file formats")
	out := fs.String("out", "", "output folder (required; empty or an earlier gencorpus output)")
	mixFlag := fs.String("mix", strings.Join(corpusgen.AllFormats, ","), "formats to draw from, equally likely: html, md, pdf, txt (repeat one to weight it)")
	sidecars := fs.Float64("sidecars", 0.1, "share of documents given a NAME.meta.json sidecar (0 for none)")
	workers := fs.Int("workers", 0, "files rendered at once (0: GOMAXPROCS)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *out == "" {
		fmt.Fprintln(stderr, "gencorpus: -out is required")
		return 2
	}
	if *n < 0 || *n > maxDocs {
		fmt.Fprintf(stderr, "gencorpus: -n %d: want 0..%d\n", *n, maxDocs)
		return 2
	}
	if *sidecars < 0 || *sidecars > 1 {
		fmt.Fprintf(stderr, "gencorpus: -sidecars %v: want 0..1\n", *sidecars)
		return 2
	}
	mix, err := corpusgen.ParseMix(*mixFlag)
	if err != nil {
		fmt.Fprintf(stderr, "gencorpus: -mix: %v\n", err)
		return 2
	}
	share := *sidecars
	if share == 0 {
		share = -1 // Options: negative means none
	}
	start := time.Now()
	st, err := corpusgen.Write(ctx, *out, corpusgen.Options{Seed: *seed, N: *n, Mix: mix, Sidecars: share, Workers: *workers})
	if err != nil {
		fmt.Fprintf(stderr, "gencorpus: %v\n", err)
		return 1
	}
	var parts []string
	for f, k := range st.ByFormat {
		parts = append(parts, fmt.Sprintf("%s %d", f, k))
	}
	sort.Strings(parts)
	fmt.Fprintf(stdout, "wrote %d files (%s), %d sidecars, %d pages, %.1f MB into %s in %s\n",
		st.Files, strings.Join(parts, ", "), st.Sidecars, st.Pages, float64(st.Bytes)/1e6, *out, time.Since(start).Round(time.Millisecond))
	return 0
}
