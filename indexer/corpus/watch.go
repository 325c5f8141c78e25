package corpus

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path/filepath"
	"time"

	"faro/search"
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

// Watch checks the corpus every interval until ctx ends and, when its
// files changed, updates the index (changed files only, by content hash)
// with Reindex. It takes no baseline on trust: the first check reindexes
// at once, so what changed while the server was down is indexed too. A run
// refused (an API reindex still busy) is tried again at the next tick.
func (w *Writer) Watch(ctx context.Context, every time.Duration) {
	log, corpus := w.log, w.corpus
	last := "" // nothing known: the first check reindexes
	t := time.NewTicker(every)
	defer t.Stop()
	for first := true; ; first = false {
		if !first {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
		fp, err := corpusFingerprint(corpus)
		if err != nil {
			log.Warn("watch corpus", "err", err)
			continue
		}
		if fp == last {
			continue
		}
		if last == "" {
			log.Info("watching: bringing the index up to date with the corpus first", "corpus", corpus)
		} else {
			log.Info("corpus changed: updating the index", "corpus", corpus)
		}
		if _, err := w.Reindex(ctx); err != nil {
			if code := search.ErrorCode(err); code == search.CodeConflict || code == search.CodeUnavailable || ctx.Err() != nil {
				continue // busy, or shutting down: try again next tick
			}
			log.Warn("update the index after a corpus change", "err", err)
			continue
		}
		last = fp
	}
}
