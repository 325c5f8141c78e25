package main

import (
	"context"
	"os"
	"os/exec"
	"strconv"
	"strings"

	"faro/indexer/extract"
	"faro/indexer/isolate"
)

// PDF extraction runs in worker processes: faro re-executes itself with
// the hidden subcommand "extract-worker" (a test binary re-executes itself
// with FARO_TEST_MAIN=extract-worker, see relevance_test.go's TestMain).
// One worker per core, each with a per-file deadline and a memory ceiling;
// a worker stuck in a loop or past the ceiling is killed and replaced, the
// file is reported with the reason, and the run goes on. The pool starts
// its processes on the first PDF, so commands that extract nothing start
// none; workers end with the faro process (their stdin closes).
//
// Environment:
//
//	FARO_EXTRACT_ISOLATE=false   extract in-process (no worker processes)
//	FARO_EXTRACT_WORKERS=N       worker processes (default: one per core)
//	FARO_EXTRACT_MEMORY=BYTES    a worker's resident-memory ceiling (default 1GiB; e.g. 1500MB, 2GiB)

// workerCommand is the hidden subcommand of worker processes.
const workerCommand = "extract-worker"

var pdfPool *isolate.Pool

func init() {
	if v, ok := os.LookupEnv("FARO_EXTRACT_ISOLATE"); ok {
		if on, err := strconv.ParseBool(v); err == nil && !on {
			return
		}
	}
	exe, err := os.Executable()
	if err != nil {
		return // extraction stays in-process
	}
	cfg := isolate.Config{
		Command: func() *exec.Cmd {
			cmd := exec.Command(exe, workerCommand)
			cmd.Env = append(os.Environ(), "FARO_TEST_MAIN="+workerCommand)
			return cmd
		},
	}
	if n, err := strconv.Atoi(os.Getenv("FARO_EXTRACT_WORKERS")); err == nil && n > 0 {
		cfg.Workers = n
	}
	if v := os.Getenv("FARO_EXTRACT_MEMORY"); v != "" {
		if n, err := parseSize(v); err == nil && n > 0 {
			cfg.MemoryLimit = n
		}
	}
	pdfPool = isolate.New(cfg)
	extract.SetPDFRunner(pdfPool)
}

// extractWorker is the body of a worker process.
func (a *app) extractWorker(ctx context.Context, args []string) error {
	extract.SetPDFRunner(nil)
	if len(args) > 0 && strings.HasPrefix(args[0], "-") {
		return exitCode(2)
	}
	return isolate.ServeWorker(a.stdin, a.stdout, nil)
}
