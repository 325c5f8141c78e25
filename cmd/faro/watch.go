package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"path/filepath"
	"time"

	"faro/search/web"
)

// corpusFingerprint summarises the corpus folder by the names, sizes and
// modification times of its files: a cheap way to notice that something
// changed before hashing contents.
func corpusFingerprint(root string) (string, error) {
	h := sha256.New()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // an unreadable entry: the indexer reports it
		}
		info, err := d.Info()
		if err != nil {
			return nil
		}
		fmt.Fprintf(h, "%s\x00%d\x00%d\x00%t\n", p, info.Size(), info.ModTime().UnixNano(), d.IsDir())
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("scan corpus %q: %w", root, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// reindexer brings the index up to date with the corpus.
type reindexer interface {
	Reindex(ctx context.Context) (any, error)
}

// watchCorpus checks the corpus every interval until ctx ends and, when
// its files changed, updates the index (changed files only, by content
// hash). A run still busy (an API reindex) is skipped and tried again.
func watchCorpus(ctx context.Context, log *slog.Logger, corpus string, every time.Duration, r reindexer) {
	last, err := corpusFingerprint(corpus)
	if err != nil {
		log.Warn("watch corpus", "err", err)
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		fp, err := corpusFingerprint(corpus)
		if err != nil {
			log.Warn("watch corpus", "err", err)
			continue
		}
		if fp == last {
			continue
		}
		log.Info("corpus changed: updating the index", "corpus", corpus)
		if _, err := r.Reindex(ctx); err != nil {
			var we *web.WriteError
			if errors.As(err, &we) || ctx.Err() != nil {
				continue // busy, or shutting down: try again next tick
			}
			log.Warn("update the index after a corpus change", "err", err)
			continue
		}
		last = fp
	}
}
