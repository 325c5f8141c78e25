package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"strings"
	"time"

	"faro/indexer/extract"
	"faro/indexer/isolate"
	"faro/indexer/ocr"
)

// PDF extraction runs in worker processes: faro re-executes itself with
// the hidden subcommand "extract-worker" (a test binary re-executes itself
// with FARO_TEST_MAIN=extract-worker, see relevance_test.go's TestMain).
// One worker per core, each with a per-file deadline and a memory ceiling;
// a worker stuck in a loop or past the ceiling is killed and replaced, the
// file is reported with the reason, and the run goes on. The pool starts
// its processes on the first PDF, so commands that extract nothing start
// none; the command closes it when it ends.
//
// Flags (with their FARO_* fallbacks) of serve, index and extract:
//
//	--extract-isolate=false   extract in-process (no worker processes)
//	--extract-workers N       worker processes (default: one per core)
//	--extract-memory BYTES    a worker's resident-memory ceiling (default 1GiB; e.g. 1500MB, 2GiB)
//	--ocr auto|off|force      read pages without a usable text layer, and images, with Tesseract
//	--ocr-page-timeout D      time limit of one recognised page (default 1m)

// workerCommand is the hidden subcommand of worker processes.
const workerCommand = "extract-worker"

// extractionFlags configure the PDF worker processes.
type extractionFlags struct {
	isolate     *bool
	workers     *int
	memory      *string
	ocr         *string
	pageTimeout *time.Duration
}

func (f *flagSet) extraction() extractionFlags {
	return extractionFlags{
		isolate:     f.bool("extract-isolate", true, "extract PDFs in worker processes (false: in this process, without the fallback engine)"),
		workers:     f.int("extract-workers", 0, "PDF extraction worker processes (0 = one per core)"),
		memory:      f.string("extract-memory", "", "resident-memory ceiling of a PDF extraction worker (e.g. 1500MB, 2GiB; default 1GiB)"),
		ocr:         f.string("ocr", string(ocr.Auto), "OCR with Tesseract: auto (pages without a usable text layer, and images), off, force (every page)"),
		pageTimeout: f.duration("ocr-page-timeout", ocr.DefaultPageTimeout, "processor-time limit of one page's OCR (wall-clock: five times that, within the file's time)"),
	}
}

// pdfWorkers is a command's pool of PDF extraction workers; nil when PDFs
// are extracted in-process.
type pdfWorkers struct {
	*isolate.Pool
}

// pool returns the worker pool the flags ask for (nil for in-process
// extraction), after setting this process's OCR as asked (workers take
// it). No process starts before the first PDF.
func (x extractionFlags) pool(log *slog.Logger) (*pdfWorkers, error) {
	mode, err := ocr.ParseMode(*x.ocr)
	if err != nil {
		return nil, fmt.Errorf("--ocr: %w", err)
	}
	extract.SetOCR(extract.OCRConfig{Mode: mode, PageTimeout: *x.pageTimeout})
	if mode != ocr.Off {
		if e, err := ocr.Find(); err != nil {
			log.Warn("OCR is off: Tesseract is not installed; pages without text are counted, not read", "err", err)
		} else {
			log.Debug("OCR on", "mode", mode, "engine", e.Name(), "langs", strings.Join(e.Langs, "+"))
		}
	}
	if !*x.isolate {
		return nil, nil
	}
	cfg := isolate.Config{Workers: *x.workers, Logger: log}
	if *x.memory != "" {
		n, err := parseSize(*x.memory)
		if err != nil {
			return nil, fmt.Errorf("--extract-memory: %w", err)
		}
		cfg.MemoryLimit = n
	}
	exe, err := os.Executable()
	if err != nil {
		log.Warn("PDFs are extracted in-process: cannot find the faro executable", "err", err)
		return nil, nil
	}
	cfg.Command = func() *exec.Cmd {
		cmd := exec.Command(exe, workerCommand)
		cmd.Env = append(os.Environ(), "FARO_TEST_MAIN="+workerCommand)
		return cmd
	}
	return &pdfWorkers{isolate.New(cfg)}, nil
}

// runner is the pool as the extractor's PDF runner; nil (in-process) for
// no pool.
func (p *pdfWorkers) runner() extract.PDFRunner {
	if p == nil {
		return nil
	}
	return p.Pool
}

// Close stops the worker processes.
func (p *pdfWorkers) Close() {
	if p != nil {
		p.Pool.Close()
	}
}

// extractWorker is the body of a worker process.
func (a *app) extractWorker(ctx context.Context, args []string) error {
	if len(args) > 0 && strings.HasPrefix(args[0], "-") {
		return exitCode(2)
	}
	return isolate.ServeWorker(a.stdin, a.stdout, nil)
}
