package main

import (
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"faro/search"
	"faro/search/bleve"
)

// copyCorpus copies the bundled corpus into a temporary folder.
func copyCorpus(t *testing.T) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "corpus")
	err := filepath.WalkDir(corpusDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(corpusDir, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func countDocs(t *testing.T, dir string) uint64 {
	t.Helper()
	idx, err := bleve.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	n, err := idx.Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestIncrementalIndex(t *testing.T) {
	corpus := copyCorpus(t)
	index := filepath.Join(t.TempDir(), "index")
	if code, out, errs := runApp(t, "index", "--index", index, "--corpus", corpus); code != 0 {
		t.Fatalf("index: %d\n%s%s", code, out, errs)
	}
	before := countDocs(t, index)

	// One file changes, one vanishes, one arrives, one gets a sidecar.
	os.WriteFile(filepath.Join(corpus, "txt", "tor-final-evaluation-c4d-component-en.txt"),
		[]byte("Terms of Reference\n\nA revised text about the evaluation of information campaigns in Honduras."), 0o644)
	os.Remove(filepath.Join(corpus, "md", "nota-taller-trata-honduras-es.md"))
	os.WriteFile(filepath.Join(corpus, "md", "new-note-en.md"),
		[]byte("---\ntitle: A new field note\ndate: 2024-02-01\n---\nReturn and reintegration in Guatemala and Honduras: lessons from municipal desks."), 0o644)
	os.WriteFile(filepath.Join(corpus, "md", "blog-lessons-from-c4d-workshops-en.md.meta.json"), []byte(`{"gcm": [17]}`), 0o644)

	code, out, errs := runApp(t, "index", "--index", index, "--corpus", corpus)
	if code != 0 {
		t.Fatalf("update: %d\n%s%s", code, out, errs)
	}
	for _, want := range []string{"added           1", "updated         2", "removed         1", "indexed 3 documents"} {
		if !strings.Contains(strings.Join(strings.Fields(out), " "), strings.Join(strings.Fields(want), " ")) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	if after := countDocs(t, index); after != before {
		t.Errorf("count %d after add+remove, want %d", after, before)
	}
	idx, err := bleve.Open(index)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	r, err := idx.Search(context.Background(), search.Query{Text: `"municipal desks"`, Size: 5})
	if err != nil || r.Total != 1 {
		t.Fatalf("new file not searchable: %v %+v", err, r)
	}
	r, _ = idx.Search(context.Background(), search.Query{Text: `"a revised text"`, Size: 5})
	if r.Total != 1 {
		t.Fatalf("changed file not re-indexed: %d hits", r.Total)
	}
	r, _ = idx.Search(context.Background(), search.Query{Filters: map[string][]string{"gcm": {"17"}}, Text: "workshops", Size: 5})
	if r.Total == 0 {
		t.Fatal("new sidecar not applied")
	}
}

// TestRebuildSurvivesKill kills `faro index --rebuild` with SIGKILL while
// it builds, then checks that the previous index still answers and that
// the next run completes.
func TestRebuildSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test skipped in -short mode")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	corpus := copyCorpus(t)
	parent := t.TempDir()
	index := filepath.Join(parent, "index")
	if code, out, errs := runApp(t, "index", "--index", index, "--corpus", corpus); code != 0 {
		t.Fatalf("index: %d\n%s%s", code, out, errs)
	}
	want := countDocs(t, index)

	for attempt := 0; attempt < 3; attempt++ {
		cmd := exec.Command(exe, "-test.run=^$")
		cmd.Env = append(os.Environ(), "FARO_TEST_MAIN="+strings.Join([]string{"index", "--rebuild", "--index", index, "--corpus", corpus}, "\x1f"))
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill it as soon as the new index exists beside the live one.
		deadline := time.Now().Add(30 * time.Second)
		killed := false
		for time.Now().Before(deadline) {
			if m, _ := filepath.Glob(filepath.Join(parent, "index.new-*", "index")); len(m) > 0 {
				cmd.Process.Signal(syscall.SIGKILL)
				killed = true
				break
			}
			time.Sleep(2 * time.Millisecond)
		}
		err := cmd.Wait()
		if !killed {
			t.Fatalf("rebuild finished (%v) before it could be killed", err)
		}
		if n := countDocs(t, index); n != want {
			t.Fatalf("after SIGKILL the previous index has %d documents, want %d", n, want)
		}
	}
	if leftovers, _ := filepath.Glob(filepath.Join(parent, "index.new-*")); len(leftovers) == 0 {
		t.Log("no leftovers to clean (the kill came before the folder was written)")
	}
	code, out, errs := runApp(t, "index", "--rebuild", "--index", index, "--corpus", corpus)
	if code != 0 {
		t.Fatalf("rerun: %d\n%s%s", code, out, errs)
	}
	if n := countDocs(t, index); n != want {
		t.Fatalf("after the rerun: %d documents, want %d", n, want)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(parent, "index.new-*")); len(leftovers) != 0 {
		t.Fatalf("unfinished builds left behind: %v", leftovers)
	}
	var r struct{ Total int }
	code, out, _ = runApp(t, "search", "--index", index, "--json", "trata")
	if code != 0 || json.Unmarshal([]byte(out), &r) != nil || r.Total == 0 {
		t.Fatalf("search after rebuild: %d %s", code, out)
	}
}
