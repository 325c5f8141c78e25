package isolate

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"faro/indexer/extract"
)

// The test binary is its own worker: with ISOLATE_TEST_WORKER set it serves
// files with testHandler instead of running the tests.
func TestMain(m *testing.M) {
	if os.Getenv("ISOLATE_TEST_WORKER") != "" {
		if err := ServeWorker(os.Stdin, os.Stdout, testHandler); err != nil {
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

var sink [][]byte

// testHandler misbehaves on request: "hang" loops without end, "bloat"
// allocates without bound, "crash" exits, "panic" panics; "lang" answers
// with the language its context carries; other names are extracted for
// real.
func testHandler(ctx context.Context, name string, data []byte) (*extract.Result, error) {
	switch name {
	case "lang":
		return &extract.Result{Lang: extract.LangOf(ctx)}, nil
	case "hang":
		x := 0
		for {
			x++
		}
	case "bloat":
		for {
			b := make([]byte, 16<<20)
			for i := range b {
				b[i] = byte(i)
			}
			sink = append(sink, b)
		}
	case "crash":
		os.Exit(7)
	case "panic":
		panic("boom")
	}
	return DefaultHandler(ctx, name, data)
}

func testPool(t *testing.T, workers int, mem int64) *Pool {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	p := New(Config{
		Workers:     workers,
		MemoryLimit: mem,
		Command: func() *exec.Cmd {
			cmd := exec.Command(exe)
			cmd.Env = append(os.Environ(), "ISOLATE_TEST_WORKER=1")
			return cmd
		},
	})
	t.Cleanup(func() { p.Close() })
	return p
}

func fixture(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile("../extract/testdata/informe_es.pdf")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestPoolExtracts(t *testing.T) {
	p := testPool(t, 2, 0)
	data := fixture(t)
	var wg sync.WaitGroup
	errs := make(chan error, 6)
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			res, err := p.ExtractPDF(ctx, "informe_es.pdf", data)
			if err != nil {
				errs <- err
				return
			}
			if res.Engine != extract.PDFEngine || len(res.Pages) != 2 || !strings.Contains(res.Pages[0], "niñez") || res.Title == "" {
				errs <- errors.New("unexpected result: " + strings.Join(res.Pages, "|"))
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if started, killed := p.Stats(); started != 2 || killed != 0 {
		t.Errorf("started %d killed %d workers, want 2 and 0", started, killed)
	}
}

// TestPoolPassesLang: the language the caller knows (a sidecar's, in the
// context) reaches the worker, where OCR reads with its model.
func TestPoolPassesLang(t *testing.T) {
	p := testPool(t, 1, 0)
	for _, lang := range []string{"es", "fr", ""} {
		ctx := extract.WithLang(context.Background(), lang)
		res, err := p.ExtractPDF(ctx, "lang", nil)
		if err != nil {
			t.Fatal(err)
		}
		if res.Lang != lang {
			t.Errorf("worker saw language %q, want %q", res.Lang, lang)
		}
	}
}

func TestPoolErrorsCrossTheProcess(t *testing.T) {
	p := testPool(t, 1, 0)
	ctx := context.Background()
	if _, err := p.ExtractPDF(ctx, "x.pdf", []byte("%PDF-1.4\n%%EOF")); err == nil {
		t.Error("no error for a broken file")
	}
	_, err := p.ExtractPDF(ctx, "panic", nil)
	if !errors.Is(err, extract.ErrPanic) || !strings.Contains(err.Error(), "boom") {
		t.Errorf("panic: err = %v", err)
	}
}

func TestPoolKillsStuckWorker(t *testing.T) {
	p := testPool(t, 1, 0)
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := p.ExtractPDF(ctx, "hang", nil)
	if !errors.Is(err, extract.ErrTimeout) {
		t.Fatalf("err = %v, want a timeout", err)
	}
	if d := time.Since(start); d > 300*time.Millisecond+grace+time.Second {
		t.Errorf("returned after %v", d)
	}
	// The slot gets a fresh worker.
	res, err := p.ExtractPDF(context.Background(), "informe_es.pdf", fixture(t))
	if err != nil || len(res.Pages) != 2 {
		t.Fatalf("after a kill: %v", err)
	}
	if started, killed := p.Stats(); started != 2 || killed != 1 {
		t.Errorf("started %d killed %d", started, killed)
	}
}

func TestPoolKillsBloatedWorker(t *testing.T) {
	p := testPool(t, 1, 200<<20)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, err := p.ExtractPDF(ctx, "bloat", nil)
	if !errors.Is(err, ErrMemoryLimit) || !errors.Is(err, extract.ErrPanic) {
		t.Fatalf("err = %v, want the memory limit", err)
	}
	if _, err := p.ExtractPDF(context.Background(), "informe_es.pdf", fixture(t)); err != nil {
		t.Fatalf("after a kill: %v", err)
	}
}

func TestPoolSurvivesDeadWorker(t *testing.T) {
	p := testPool(t, 1, 0)
	_, err := p.ExtractPDF(context.Background(), "crash", nil)
	if !errors.Is(err, ErrWorkerDied) || !errors.Is(err, extract.ErrPanic) {
		t.Fatalf("err = %v", err)
	}
	if _, err := p.ExtractPDF(context.Background(), "informe_es.pdf", fixture(t)); err != nil {
		t.Fatalf("after a crash: %v", err)
	}
}

func TestPoolAsRunner(t *testing.T) {
	p := testPool(t, 1, 0)
	res, err := extract.File(context.Background(), "../extract/testdata/informe_es.pdf", extract.Options{PDFRunner: p})
	if err != nil || len(res.Pages) != 2 {
		t.Fatalf("File through the pool: %v", err)
	}
	if started, _ := p.Stats(); started != 1 {
		t.Errorf("the pool was not used (%d workers started)", started)
	}
}

func TestPoolStopsIdleWorkers(t *testing.T) {
	p := testPool(t, 1, 0)
	p.cfg.Idle = 200 * time.Millisecond
	if _, err := p.ExtractPDF(context.Background(), "informe_es.pdf", fixture(t)); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		p.mu.Lock()
		n := len(p.all)
		p.mu.Unlock()
		if n == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("idle worker not stopped")
		}
		time.Sleep(50 * time.Millisecond)
	}
	if _, err := p.ExtractPDF(context.Background(), "informe_es.pdf", fixture(t)); err != nil {
		t.Fatalf("after an idle stop: %v", err)
	}
}
