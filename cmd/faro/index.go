package main

import (
	"context"
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
	writeSummary(a.stdout, rep, *c.index)
	return nil
}
