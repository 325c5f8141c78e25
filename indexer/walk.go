package indexer

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// IgnoreFile lists, one per line, glob patterns of corpus paths to skip
// (gitignore-like: "src/" skips a folder, "*.tmp" matches at any depth, "#"
// starts a comment).
const IgnoreFile = ".faroignore"

// sidecarSuffix marks metadata files; they are read with their document,
// never indexed themselves.
const sidecarSuffix = ".meta.json"

// Files lists the files under root a run considers, as slash-separated
// relative paths, sorted (hidden entries, sidecars and ignored paths left
// out); a document's source is one of them.
func Files(root string) ([]string, error) {
	files, _, err := walk(root)
	return files, err
}

// walk lists the candidate files under root as slash-separated relative
// paths, sorted, skipping hidden entries, sidecars and ignored paths. It
// also returns the paths (root joined, cleaned) of every entry whose name
// ends in sidecarSuffix, hidden, ignored or not, so that a run opens only
// the sidecars that exist (readSidecarIn).
func walk(root string) ([]string, map[string]bool, error) {
	ign, err := readIgnore(filepath.Join(root, IgnoreFile))
	if err != nil {
		return nil, nil, err
	}
	var files []string
	sidecars := map[string]bool{}
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root {
				return err
			}
			return nil // an unreadable entry is skipped, not fatal
		}
		if p == root {
			return nil
		}
		if strings.HasSuffix(d.Name(), sidecarSuffix) {
			sidecars[filepath.Clean(p)] = true
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if strings.HasPrefix(d.Name(), ".") || ign.match(rel, d.IsDir()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() || strings.HasSuffix(strings.ToLower(d.Name()), sidecarSuffix) {
			return nil
		}
		files = append(files, rel)
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("walk corpus %q: %w", root, err)
	}
	sort.Strings(files)
	return files, sidecars, nil
}

type ignoreRule struct {
	pattern string
	dirOnly bool
	rooted  bool
}

type ignoreRules []ignoreRule

func readIgnore(file string) (ignoreRules, error) {
	f, err := os.Open(file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", file, err)
	}
	defer f.Close()
	var rules ignoreRules
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		r := ignoreRule{}
		if strings.HasSuffix(line, "/") {
			r.dirOnly = true
			line = strings.TrimSuffix(line, "/")
		}
		if strings.HasPrefix(line, "/") || strings.Contains(line, "/") {
			r.rooted = true
			line = strings.TrimPrefix(line, "/")
		}
		if _, err := path.Match(line, ""); err != nil {
			return nil, fmt.Errorf("read %s: bad pattern %q: %w", file, line, err)
		}
		r.pattern = line
		rules = append(rules, r)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", file, err)
	}
	return rules, nil
}

func (rs ignoreRules) match(rel string, isDir bool) bool {
	for _, r := range rs {
		if r.dirOnly && !isDir {
			continue
		}
		target := path.Base(rel)
		if r.rooted {
			target = rel
		}
		if ok, _ := path.Match(r.pattern, target); ok {
			return true
		}
	}
	return false
}
