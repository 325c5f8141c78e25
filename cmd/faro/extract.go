package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"faro/indexer/extract"
)

// extractOutput is one line of `faro extract --json`.
type extractOutput struct {
	File   string   `json:"file"`
	Engine string   `json:"engine"`
	Pages  []string `json:"pages"`
	Flags  []string `json:"flags"`
	Error  string   `json:"error"`
}

func (a *app) extract(ctx context.Context, args []string) error {
	fs := newFlags("extract", a.stderr)
	asJSON := fs.bool("json", false, "print one JSON object per file")
	if err := fs.parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(a.stderr, "faro extract: name at least one FILE")
		return exitCode(2)
	}
	failed := 0
	enc := json.NewEncoder(a.stdout)
	for _, file := range fs.Args() {
		res, err := extract.File(ctx, file)
		out := extractOutput{File: file, Pages: []string{}, Flags: []string{}}
		if res != nil {
			out.Engine = res.Engine
			if res.Flags != nil {
				out.Flags = res.Flags
			}
		}
		if err != nil {
			failed++
			out.Error = err.Error()
		} else if res != nil && res.Pages != nil {
			out.Pages = res.Pages
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
		for i, p := range out.Pages {
			fmt.Fprintf(a.stdout, "-- page %d --\n%s\n", i+1, p)
		}
	}
	if failed == fs.NArg() {
		return exitCode(1)
	}
	return nil
}
