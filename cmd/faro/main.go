// Command faro indexes and serves Faro, a search service for migration
// evidence. Subcommands:
//
//	faro serve   [--addr :8080] [--index DIR] [--corpus DIR]
//	faro index   [--index DIR] [--corpus DIR] [--rebuild]
//	faro search  [--index DIR] [--country HND] [--gcm 10] [--json] [--format F] QUERY...
//	faro extract [--json] FILE...
//	faro harvest [--contact EMAIL] [--prefix PATH] [--allow-host HOST] URL...
//	faro version [--json]
//
// Every flag has a FARO_* environment fallback (FARO_ADDR, FARO_INDEX, ...).
package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	a := &app{stdout: os.Stdout, stderr: os.Stderr, stdin: os.Stdin}
	os.Exit(a.run(ctx, os.Args[1:]))
}

// app is the program with its streams, so tests can run it in-process.
type app struct {
	stdout, stderr io.Writer
	stdin          io.Reader
	// onListen, when set, is told the address the server listens on.
	onListen func(net.Addr)
}

const usage = `faro — search migration evidence

Usage:
  faro serve   [--addr :8080] [--index DIR] [--corpus DIR]   serve the API and page (indexes the corpus on first start)
               [--admin-token T] [--max-upload 50MB] [--search-timeout 10s] [--max-concurrent N] [--search-concurrency N] [--mapped-limit 32MB] [--memory-limit 0]
               [--debug-addr 127.0.0.1:6060]
               [--log-format json|text] [--shutdown-timeout 10s] [--seed-corpus DIR] [--watch 30s]
               [--harvest URL --harvest-every 24h]
  faro index   [--index DIR] [--corpus DIR] [--rebuild]       index the corpus
  faro search  [--index DIR] [--country HND] [--gcm 10] [--json] QUERY...
               [--format bibtex|ris|csljson|csv|evidence-md|evidence-html|evidence-csv|atom] [--base-url URL]
  faro extract [--json] [--classify] FILE...                  show the text the indexer would index (or its labels)
  faro harvest [--contact EMAIL] [--prefix PATH] [--allow-host HOST] [--report] URL...
                                                              download what the website's listing pages link, then index it
  faro version [--json]                                       module version, commit and build date (also --version)

Every flag has a FARO_* environment fallback (FARO_ADDR, FARO_INDEX, FARO_CORPUS, ...).
Run "faro COMMAND -h" for a command's flags.
`

// run executes one command line and returns the exit status.
func (a *app) run(ctx context.Context, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(a.stderr, usage)
		return 2
	}
	var err error
	switch args[0] {
	case "serve":
		err = a.serve(ctx, args[1:])
	case "index":
		err = a.index(ctx, args[1:])
	case "search":
		err = a.search(ctx, args[1:])
	case "extract":
		err = a.extract(ctx, args[1:])
	case "harvest":
		err = a.harvest(ctx, args[1:])
	case workerCommand:
		err = a.extractWorker(ctx, args[1:])
	case "version", "--version", "-version":
		err = a.version(args[1:])
	case "help", "-h", "--help":
		fmt.Fprint(a.stdout, usage)
		return 0
	default:
		fmt.Fprintf(a.stderr, "faro: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	if err != nil {
		if ec, ok := err.(exitCode); ok {
			return int(ec)
		}
		fmt.Fprintf(a.stderr, "faro %s: %v\n", args[0], err)
		return 1
	}
	return 0
}

// exitCode ends a command with a status and no further message.
type exitCode int

func (e exitCode) Error() string { return fmt.Sprintf("exit status %d", int(e)) }
