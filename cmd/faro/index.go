package main

import (
	"context"
	"fmt"
)

func (a *app) index(ctx context.Context, args []string) error {
	fs := newFlags("index", a.stderr)
	c := fs.common()
	rebuild := fs.bool("rebuild", false, "build a new index from scratch and swap it in")
	if err := fs.parse(args); err != nil {
		return err
	}
	log, err := newLogger(a.stderr, *c.logLevel)
	if err != nil {
		return err
	}
	rep, err := buildIndex(ctx, log, *c.corpus, *c.index, *rebuild, a.stderr)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "indexed %d documents from %d files in %s into %s (%d flagged, %d failed)\n",
		rep.Indexed, rep.Files, rep.Took.Round(1e6), *c.index, rep.Flagged, len(rep.Errors))
	for _, e := range rep.Errors {
		fmt.Fprintf(a.stdout, "  failed: %s\n", e.Error())
	}
	return nil
}
