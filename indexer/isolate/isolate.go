// Package isolate runs PDF extraction in worker child processes.
//
// A PDF library can loop without panicking or allocate without bound on a
// hostile file; inside one process nothing can stop that. A Pool keeps
// one worker process per core (the program re-executing itself with a
// hidden subcommand that calls ServeWorker), sends each file to an idle
// worker over its stdin and reads the result from its stdout. A worker
// that passes the file's deadline, or whose resident memory passes the
// ceiling, is killed and replaced; the file gets an error saying why
// (wrapping extract.ErrTimeout, or ErrMemoryLimit), and the run goes on.
// A worker that dies (a crash the Go runtime could not recover) gives an
// error wrapping extract.ErrPanic. Workers also read scanned pages and
// images (OCR, see extract.SetOCR): the recogniser runs as their child
// process and dies with them.
//
// The Pool implements extract.PDFRunner: passed as extract.Options.PDFRunner
// (or indexer.Options.PDFRunner), it takes the PDF extractions of that call.
package isolate

import (
	"bufio"
	"bytes"
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"faro/indexer/extract"
)

// Defaults.
const (
	// DefaultMemoryLimit is a worker's resident-memory ceiling.
	DefaultMemoryLimit = 1 << 30
	// DefaultTimeout bounds one file when its context has no deadline.
	DefaultTimeout = extract.DefaultTimeout
	// grace is how long past a file's deadline a worker may take to
	// answer (it stops by itself at the deadline with what it has).
	grace = 2 * time.Second
	// maxJobs recycles a worker after this many files (memory the Go
	// runtime and the fallback engine keep).
	maxJobs = 500
	// pollEvery is how often a busy worker's memory is read.
	pollEvery = 50 * time.Millisecond
	// DefaultIdle stops a worker that has had no file for this long (a
	// server keeps no memory for extraction between uploads).
	DefaultIdle = 2 * time.Minute
)

// ErrMemoryLimit is wrapped by the error of a file whose worker passed the
// memory ceiling. It also wraps extract.ErrPanic (the worker was stopped).
var ErrMemoryLimit = fmt.Errorf("memory limit exceeded (%w)", extract.ErrPanic)

// ErrWorkerDied is wrapped by the error of a file whose worker exited
// without answering. It also wraps extract.ErrPanic.
var ErrWorkerDied = fmt.Errorf("worker process died (%w)", extract.ErrPanic)

// Config configures a Pool.
type Config struct {
	// Command returns a fresh command that starts a worker: a process that
	// calls ServeWorker on its stdin and stdout. Required.
	Command func() *exec.Cmd
	// Workers is the number of worker processes; 0 means GOMAXPROCS.
	Workers int
	// MemoryLimit is a worker's resident-memory ceiling in bytes; 0 means
	// DefaultMemoryLimit. Workers get it in FARO_WORKER_MEMORY and set
	// their Go memory limit below it.
	MemoryLimit int64
	// Timeout bounds one file when its context has no deadline; 0 means
	// DefaultTimeout.
	Timeout time.Duration
	// Logger receives worker kills and restarts; nil discards them.
	Logger *slog.Logger
	// Idle stops workers that had no file for this long; 0 means
	// DefaultIdle, a negative value never.
	Idle time.Duration
}

// Pool is a set of worker processes. It starts them on first use.
type Pool struct {
	cfg    Config
	idle   chan *worker
	mu     sync.Mutex
	closed bool
	all    map[*worker]bool
	// Stats
	started, killed int
	peakRSS         int64
	reaper          sync.Once
	quit            chan struct{}
}

// New returns a pool; no process starts before the first file.
func New(cfg Config) *Pool {
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	if cfg.MemoryLimit <= 0 {
		cfg.MemoryLimit = DefaultMemoryLimit
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Idle == 0 {
		cfg.Idle = DefaultIdle
	}
	p := &Pool{cfg: cfg, idle: make(chan *worker, cfg.Workers), all: map[*worker]bool{}, quit: make(chan struct{})}
	for range cfg.Workers {
		p.idle <- &worker{} // a slot; its process starts when used
	}
	return p
}

// worker is one slot of the pool and, when running, its process.
type worker struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	enc    *gob.Encoder
	resps  chan response
	exited chan struct{}
	stderr *tailBuffer
	jobs   int
	nextID uint64
	last   time.Time
}

type request struct {
	ID       uint64
	Name     string
	Data     []byte
	Deadline time.Time
	Lang     string // the file's known language (extract.LangOf)
}

type response struct {
	ID     uint64
	Result *extract.Result
	Err    string
	Kind   string
	Engine string
}

func (p *Pool) start(w *worker) error {
	cmd := p.cfg.Command()
	cmd.Env = append(cmd.Environ(), "FARO_WORKER_MEMORY="+strconv.FormatInt(p.cfg.MemoryLimit, 10))
	// Workers recognise pages as this process was told to (extract.SetOCR).
	cmd.Env = append(cmd.Env, extract.OCREnv()...)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	w.stderr = &tailBuffer{max: 4096}
	cmd.Stderr = w.stderr
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start extraction worker: %w", err)
	}
	w.cmd, w.stdin, w.jobs = cmd, stdin, 0
	w.enc = gob.NewEncoder(stdin)
	w.resps = make(chan response, 1)
	w.exited = make(chan struct{})
	resps, exited := w.resps, w.exited
	go func() {
		dec := gob.NewDecoder(bufio.NewReaderSize(stdout, 1<<16))
		for {
			var r response
			if err := dec.Decode(&r); err != nil {
				break
			}
			resps <- r
		}
		cmd.Wait()
		close(exited)
	}()
	p.mu.Lock()
	p.all[w] = true
	p.started++
	p.mu.Unlock()
	p.cfg.Logger.Debug("extraction worker started", "pid", cmd.Process.Pid)
	return nil
}

// stop kills a worker's process and waits for it.
func (p *Pool) stop(w *worker) {
	if w.cmd == nil {
		return
	}
	w.cmd.Process.Kill()
	w.stdin.Close()
	<-w.exited
	p.mu.Lock()
	delete(p.all, w)
	p.mu.Unlock()
	w.cmd = nil
}

// ExtractPDF implements extract.PDFRunner.
func (p *Pool) ExtractPDF(ctx context.Context, name string, data []byte) (*extract.Result, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	deadline, ok := ctx.Deadline()
	if !ok {
		deadline = time.Now().Add(p.cfg.Timeout)
	}
	var w *worker
	select {
	case w = <-p.idle:
	case <-ctx.Done():
		return nil, fmt.Errorf("%w: waiting for a worker: %w", extract.ErrTimeout, ctx.Err())
	}
	defer func() {
		w.last = time.Now()
		p.idle <- w
	}()
	if p.cfg.Idle > 0 {
		p.reaper.Do(func() { go p.reap() })
	}
	p.mu.Lock()
	closed := p.closed
	p.mu.Unlock()
	if closed {
		return nil, errors.New("extraction pool closed")
	}
	if w.cmd != nil && w.jobs >= maxJobs {
		p.stop(w)
	}
	if w.cmd != nil {
		select {
		case <-w.exited:
			w.cmd = nil
		default:
		}
	}
	if w.cmd == nil {
		if err := p.start(w); err != nil {
			return nil, err
		}
	}
	w.jobs++
	w.nextID++
	id := w.nextID
	start := time.Now()
	sent := make(chan error, 1)
	go func() {
		sent <- w.enc.Encode(request{ID: id, Name: name, Data: data, Deadline: deadline, Lang: extract.LangOf(ctx)})
	}()

	timer := time.NewTimer(time.Until(deadline) + grace)
	defer timer.Stop()
	poll := time.NewTicker(pollEvery)
	defer poll.Stop()
	pid := w.cmd.Process.Pid
	done := ctx.Done()
	for {
		select {
		case r := <-w.resps:
			if r.ID != id {
				continue // a late answer to a request given up on
			}
			if hwm := peakResident(pid); hwm > 0 {
				p.mu.Lock()
				p.peakRSS = max(p.peakRSS, hwm)
				p.mu.Unlock()
			}
			return decode(r)
		case err := <-sent:
			if err != nil {
				tail := w.stderr.String()
				p.stop(w)
				return nil, fmt.Errorf("%w: sending the file: %v%s", ErrWorkerDied, err, tail)
			}
		case <-w.exited:
			select {
			case r := <-w.resps: // answered, then exited (after a timeout)
				if r.ID == id {
					p.stop(w)
					return decode(r)
				}
			default:
			}
			tail := w.stderr.String()
			state := ""
			if w.cmd.ProcessState != nil {
				state = w.cmd.ProcessState.String()
			}
			p.stop(w)
			p.cfg.Logger.Warn("extraction worker died", "file", name, "state", state)
			return nil, fmt.Errorf("%w (%s) after %s%s", ErrWorkerDied, state, time.Since(start).Round(time.Millisecond), tail)
		case <-timer.C:
			p.kill(w, name, "deadline")
			return nil, fmt.Errorf("%w after %s: worker stopped", extract.ErrTimeout, time.Since(start).Round(time.Millisecond))
		case <-done:
			if _, has := ctx.Deadline(); has && errors.Is(ctx.Err(), context.DeadlineExceeded) {
				// Give the worker its grace to return partial text.
				done = nil
				continue
			}
			p.kill(w, name, "cancelled")
			return nil, fmt.Errorf("%w after %s: %w", extract.ErrTimeout, time.Since(start).Round(time.Millisecond), ctx.Err())
		case <-poll.C:
			if rss := residentBytes(pid); rss > p.cfg.MemoryLimit {
				p.kill(w, name, "memory")
				return nil, fmt.Errorf("%w: %d MiB resident, limit %d MiB", ErrMemoryLimit, rss>>20, p.cfg.MemoryLimit>>20)
			}
		}
	}
}

func (p *Pool) kill(w *worker, name, why string) {
	p.cfg.Logger.Warn("extraction worker killed", "file", name, "reason", why, "pid", w.cmd.Process.Pid)
	p.stop(w)
	p.mu.Lock()
	p.killed++
	p.mu.Unlock()
}

// reap stops workers that have been idle for cfg.Idle.
func (p *Pool) reap() {
	t := time.NewTicker(max(p.cfg.Idle/4, 100*time.Millisecond))
	defer t.Stop()
	for {
		select {
		case <-p.quit:
			return
		case <-t.C:
		}
		for range p.cfg.Workers {
			var w *worker
			select {
			case w = <-p.idle:
			default:
			}
			if w == nil {
				break
			}
			if w.cmd != nil && time.Since(w.last) > p.cfg.Idle {
				p.cfg.Logger.Debug("extraction worker idle: stopped", "pid", w.cmd.Process.Pid)
				p.stop(w)
			}
			p.idle <- w
		}
	}
}

// Close stops every worker.
func (p *Pool) Close() error {
	p.mu.Lock()
	if !p.closed {
		close(p.quit)
	}
	p.closed = true
	ws := make([]*worker, 0, len(p.all))
	for w := range p.all {
		ws = append(ws, w)
	}
	p.mu.Unlock()
	for _, w := range ws {
		w.stdin.Close() // a worker exits at the end of its input
		select {
		case <-w.exited:
		case <-time.After(2 * time.Second):
			w.cmd.Process.Kill()
			<-w.exited
		}
		p.mu.Lock()
		delete(p.all, w)
		p.mu.Unlock()
	}
	return nil
}

// Stats returns how many worker processes were started and killed.
func (p *Pool) Stats() (started, killed int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.started, p.killed
}

// PeakRSS returns the highest resident memory a worker reached (its
// VmHWM after a file), in bytes.
func (p *Pool) PeakRSS() int64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.peakRSS
}

// peakResident reads a process's resident high-water mark (VmHWM).
func peakResident(pid int) int64 {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "VmHWM:") {
			f := strings.Fields(l)
			if len(f) >= 2 {
				n, _ := strconv.ParseInt(f[1], 10, 64)
				return n << 10
			}
		}
	}
	return 0
}

// remoteError is an error that happened in a worker: its message, and the
// sentinel it wrapped there.
type remoteError struct {
	msg  string
	kind error
}

func (e *remoteError) Error() string { return e.msg }
func (e *remoteError) Unwrap() error { return e.kind }

var kinds = map[string]error{
	"timeout":     extract.ErrTimeout,
	"encrypted":   extract.ErrEncrypted,
	"panic":       extract.ErrPanic,
	"unsupported": extract.ErrUnsupported,
	"too-large":   extract.ErrTooLarge,
}

func kindOf(err error) string {
	for k, s := range kinds {
		if errors.Is(err, s) {
			return k
		}
	}
	return ""
}

func decode(r response) (*extract.Result, error) {
	if r.Err == "" {
		return r.Result, nil
	}
	return r.Result, &remoteError{msg: r.Err, kind: kinds[r.Kind]}
}

// residentBytes reads a process's resident set size from /proc (0 when it
// cannot be read).
func residentBytes(pid int) int64 {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0
	}
	n, _ := strconv.ParseInt(f[1], 10, 64)
	return n * int64(os.Getpagesize())
}

// tailBuffer keeps the last bytes written to it (a worker's stderr).
type tailBuffer struct {
	mu  sync.Mutex
	b   []byte
	max int
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.b = append(t.b, p...)
	if len(t.b) > t.max {
		t.b = t.b[len(t.b)-t.max:]
	}
	return len(p), nil
}

// String returns the tail as ": last line" (or "").
func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	s := strings.TrimSpace(string(bytes.ToValidUTF8(t.b, nil)))
	if s == "" {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > 3 {
		lines = lines[len(lines)-3:]
	}
	return ": " + strings.Join(lines, " | ")
}
