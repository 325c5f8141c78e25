package extract_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"faro/indexer/extract"
	"faro/indexer/isolate"
	"faro/indexer/textquality"
)

// The test binary is also the worker of the isolated pool: with
// EXTRACT_TEST_WORKER set it serves files instead of running the tests.
func TestMain(m *testing.M) {
	if os.Getenv("EXTRACT_TEST_WORKER") != "" {
		if err := isolate.ServeWorker(os.Stdin, os.Stdout, nil); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// Floors of the isolated run (primary engine, quality gate, fallback) on
// the text-bearing robustness files (MANIFEST pdf_text_layer "yes...")
// against pdftotext run on the spot: measured 0.9551 on 2026-11-27 (38
// files; see BENCHMARKS.md), minus a margin.
const (
	robustFloor      = 0.94
	robustFloorShort = 0.93
	// isolatedDeadline is each robustness file's deadline in the pool.
	isolatedDeadline = 10 * time.Second
)

// TestRealDocsIsolated runs every PDF of realdocs/pdf-robustness through
// the worker pool, as `faro index` does: each file must finish within its
// deadline (plus the pool's grace) with text or a clear error, and no
// worker may crash or be killed. On the text-bearing files, the macro
// word F1 against pdftotext must stay above robustFloor.
func TestRealDocsIsolated(t *testing.T) {
	root := textquality.Realdocs()
	if root == "" {
		t.Skip("shared/realdocs not found")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	pool := isolate.New(isolate.Config{
		Workers: 2,
		Command: func() *exec.Cmd {
			cmd := exec.Command(exe)
			cmd.Env = append(os.Environ(), "EXTRACT_TEST_WORKER=1")
			return cmd
		},
	})
	defer pool.Close()
	manifest, _ := textquality.ReadManifest(root) // nil when absent: nothing scored
	files, _ := filepath.Glob(filepath.Join(root, "pdf-robustness", "*"))
	sort.Strings(files)
	if testing.Short() {
		var small []string
		for _, f := range files {
			if st, err := os.Stat(f); err == nil && st.Size() <= 1<<20 {
				small = append(small, f)
			}
		}
		files = small
	}
	_, popplerErr := exec.LookPath("pdftotext")
	type outcome struct {
		name    string
		res     *extract.Result
		err     error
		took    time.Duration
		f1      float64
		scored  bool
		verdict string
	}
	out := make([]outcome, len(files))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for i, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			name := filepath.Base(f)
			o := outcome{name: name, verdict: manifest["pdf-robustness/"+name].TextLayer}
			data, err := os.ReadFile(f)
			if err != nil {
				o.err = err
				out[i] = o
				return
			}
			ctx, cancel := context.WithTimeout(context.Background(), isolatedDeadline)
			defer cancel()
			start := time.Now()
			o.res, o.err = pool.ExtractPDF(ctx, name, data)
			o.took = time.Since(start)
			if strings.HasPrefix(o.verdict, "yes") && popplerErr == nil && o.res != nil {
				ref, err := exec.Command("pdftotext", "-q", "-enc", "UTF-8", f, "-").Output()
				if err == nil {
					o.f1, _, _ = textquality.WordF1(o.res.Text(), string(ref))
					o.scored = true
				}
			}
			out[i] = o
		}()
	}
	wg.Wait()
	var b strings.Builder
	sum, n := 0.0, 0
	counts := map[string]int{}
	for _, o := range out {
		status := "ok"
		switch {
		case errors.Is(o.err, isolate.ErrWorkerDied), errors.Is(o.err, isolate.ErrMemoryLimit):
			t.Errorf("%s: %v", o.name, o.err)
			status = "CRASH"
		case errors.Is(o.err, extract.ErrTimeout):
			t.Errorf("%s: %v", o.name, o.err)
			status = "TIMEOUT"
		case errors.Is(o.err, extract.ErrEncrypted):
			status = "encrypted"
		case o.err != nil:
			status = "error"
		case o.res == nil:
			t.Errorf("%s: neither a result nor an error", o.name)
		case o.res.Engine == extract.PDFFallbackEngine:
			status = "fallback"
		}
		counts[status]++
		if o.err != nil && strings.TrimSpace(o.err.Error()) == "" {
			t.Errorf("%s: an error without a message", o.name)
		}
		if o.took > isolatedDeadline+3*time.Second {
			t.Errorf("%s: returned after %v", o.name, o.took)
		}
		if o.verdict == "encrypted-needs-password" && o.err == nil {
			t.Errorf("%s: needs a password but extraction succeeded", o.name)
		}
		detail := ""
		if o.err != nil {
			detail = o.err.Error()
		} else if o.res != nil {
			detail = fmt.Sprintf("%s, %d pages, flags %v", o.res.Engine, len(o.res.Pages), o.res.Flags)
		}
		score := "     "
		if o.scored {
			score = fmt.Sprintf("%.3f", o.f1)
			sum += o.f1
			n++
		}
		fmt.Fprintf(&b, "  %-9s %s %-58s %-14s %6dms %s\n", status, score, o.name, truncate(o.verdict, 14), o.took.Milliseconds(), truncate(detail, 120))
	}
	started, killed := pool.Stats()
	t.Logf("%d files: %v; workers started %d, killed %d\n%s", len(out), counts, started, killed, b.String())
	if killed > 0 {
		t.Errorf("%d workers killed", killed)
	}
	if n > 0 {
		macro := sum / float64(n)
		floor := robustFloor
		if testing.Short() {
			floor = robustFloorShort
		}
		t.Logf("macro word F1 against pdftotext on %d text-bearing files: %.4f (floor %.3f)", n, macro, floor)
		if macro < floor {
			t.Errorf("macro F1 %.4f below the floor %.4f", macro, floor)
		}
	}
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
