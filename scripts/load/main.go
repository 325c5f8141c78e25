// Command load drives a running Faro server with concurrent, realistic
// reads for a fixed time and reports throughput, latency percentiles and
// errors by status:
//
//	go run ./scripts/load -addr http://127.0.0.1:8080 -c 16 -d 30s
//
// The mix rotates through searches (words, phrases, boolean queries,
// prefixes and fields in Spanish, English and French; facet filters, year
// ranges, sorting, paging, Spanish labels), the search page, document
// lookups of ids found by a first search, facet value lookups and the
// taxonomy.
//
// It is bounded: it talks to loopback addresses only (127.0.0.0/8, ::1,
// localhost) and refuses any other, every connection is checked again when
// dialled, redirects are not followed, it stops by itself after -d (at
// most 10 minutes) or -n requests, and at most 1024 workers run. It exits
// 1 when any request failed (a status other than 2xx, or no answer).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// Bounds of a run.
const (
	maxWorkers  = 1024
	maxDuration = 10 * time.Minute
	maxRequests = 10_000_000
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// config is a run's settings.
type config struct {
	base     *url.URL
	workers  int
	duration time.Duration
	requests int64
	timeout  time.Duration
	seed     uint64
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "http://127.0.0.1:8080", "base URL of the Faro server (loopback only)")
	workers := fs.Int("c", 16, "concurrent workers (1.."+strconv.Itoa(maxWorkers)+")")
	duration := fs.Duration("d", 30*time.Second, "how long to run (at most "+maxDuration.String()+")")
	requests := fs.Int64("n", 0, "stop after this many requests (0: only the duration bounds the run)")
	timeout := fs.Duration("timeout", 30*time.Second, "time limit of one request")
	seed := fs.Uint64("seed", 1, "seed of the query mix")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	base, err := loopbackURL(*addr)
	if err != nil {
		fmt.Fprintf(stderr, "load: %v\n", err)
		return 2
	}
	switch {
	case *workers < 1 || *workers > maxWorkers:
		fmt.Fprintf(stderr, "load: -c %d: want 1..%d\n", *workers, maxWorkers)
		return 2
	case *duration <= 0 || *duration > maxDuration:
		fmt.Fprintf(stderr, "load: -d %v: want more than 0 and at most %v\n", *duration, maxDuration)
		return 2
	case *requests < 0 || *requests > maxRequests:
		fmt.Fprintf(stderr, "load: -n %d: want 0..%d\n", *requests, maxRequests)
		return 2
	}
	if *requests == 0 {
		*requests = maxRequests
	}
	cfg := config{base: base, workers: *workers, duration: *duration, requests: *requests, timeout: *timeout, seed: *seed}
	if !*asJSON {
		fmt.Fprintf(stdout, "faro load: %s, %d workers, %v\n", base, cfg.workers, cfg.duration)
	}
	rep, err := load(ctx, cfg)
	if err != nil {
		fmt.Fprintf(stderr, "load: %v\n", err)
		return 1
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.Encode(rep)
	} else {
		rep.print(stdout)
	}
	if rep.Errors > 0 {
		return 1
	}
	return 0
}

// loopbackURL parses addr and accepts it only when its host is a loopback
// address or "localhost".
func loopbackURL(addr string) (*url.URL, error) {
	u, err := url.Parse(addr)
	if err != nil {
		return nil, fmt.Errorf("-addr %q: %w", addr, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("-addr %q: want an http:// or https:// URL", addr)
	}
	host := u.Hostname()
	if host == "localhost" {
		return u, nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return u, nil
	}
	return nil, fmt.Errorf("-addr %q: refusing a non-loopback host %q: load is only sent to 127.0.0.0/8, ::1 or localhost", addr, host)
}

// newClient returns a client whose every connection goes to a loopback
// address (checked after name resolution) and that follows no redirect.
func newClient(workers int, timeout time.Duration) *http.Client {
	dialer := &net.Dialer{
		Timeout: 5 * time.Second,
		Control: func(network, address string, _ syscall.RawConn) error {
			host, _, err := net.SplitHostPort(address)
			if err != nil {
				return err
			}
			if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
				return fmt.Errorf("refusing to connect to non-loopback address %s", address)
			}
			return nil
		},
	}
	return &http.Client{
		Timeout: timeout,
		Transport: &http.Transport{
			DialContext:         dialer.DialContext,
			MaxIdleConns:        workers,
			MaxIdleConnsPerHost: workers,
			IdleConnTimeout:     30 * time.Second,
		},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// Report is the outcome of a run.
type Report struct {
	Target   string  `json:"target"`
	Workers  int     `json:"workers"`
	Seconds  float64 `json:"seconds"`
	Requests int64   `json:"requests"`
	PerSec   float64 `json:"requests_per_second"`
	// Errors counts requests answered outside 2xx or not answered.
	Errors int64 `json:"errors"`
	// Statuses counts the answers by status code; "no-answer" counts
	// transport errors and timeouts.
	Statuses map[string]int64 `json:"statuses"`
	Latency  Percentiles      `json:"latency_ms"`
	// Kinds splits the requests by what they ask.
	Kinds map[string]KindReport `json:"kinds"`
	// Failures holds a few examples of failed requests.
	Failures []string `json:"failures,omitempty"`
}

// KindReport is one kind of request's share.
type KindReport struct {
	Requests int64       `json:"requests"`
	Errors   int64       `json:"errors"`
	Latency  Percentiles `json:"latency_ms"`
}

// Percentiles of latency, in milliseconds.
type Percentiles struct {
	P50 float64 `json:"p50"`
	P90 float64 `json:"p90"`
	P99 float64 `json:"p99"`
	Max float64 `json:"max"`
}

func percentiles(d []time.Duration) Percentiles {
	if len(d) == 0 {
		return Percentiles{}
	}
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	at := func(p float64) float64 {
		i := int(p*float64(len(d))+0.999999) - 1 // nearest rank
		return float64(d[min(max(i, 0), len(d)-1)].Microseconds()) / 1000
	}
	return Percentiles{P50: at(.50), P90: at(.90), P99: at(.99), Max: float64(d[len(d)-1].Microseconds()) / 1000}
}

func (r *Report) print(w io.Writer) {
	fmt.Fprintf(w, "requests   %d in %.1fs: %.1f/s\n", r.Requests, r.Seconds, r.PerSec)
	fmt.Fprintf(w, "latency    p50 %.1fms  p90 %.1fms  p99 %.1fms  max %.1fms\n", r.Latency.P50, r.Latency.P90, r.Latency.P99, r.Latency.Max)
	var kinds []string
	for k := range r.Kinds {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		kr := r.Kinds[k]
		fmt.Fprintf(w, "  %-9s %7d  p50 %.1fms  p99 %.1fms  errors %d\n", k, kr.Requests, kr.Latency.P50, kr.Latency.P99, kr.Errors)
	}
	var codes []string
	for c := range r.Statuses {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	var parts []string
	for _, c := range codes {
		parts = append(parts, fmt.Sprintf("%s: %d", c, r.Statuses[c]))
	}
	fmt.Fprintf(w, "statuses   %s\n", strings.Join(parts, ", "))
	fmt.Fprintf(w, "errors     %d\n", r.Errors)
	for _, f := range r.Failures {
		fmt.Fprintf(w, "  %s\n", f)
	}
}

// sample is one request's outcome.
type sample struct {
	kind   string
	status string
	dur    time.Duration
	failed bool
}

// load runs the workers until the duration ends or the requests are spent.
func load(ctx context.Context, cfg config) (*Report, error) {
	client := newClient(cfg.workers, cfg.timeout)
	defer client.CloseIdleConnections()
	ids, err := documentIDs(ctx, client, cfg.base)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, cfg.duration)
	defer cancel()

	var (
		count    atomic.Int64
		mu       sync.Mutex
		all      []sample
		failures []string
		wg       sync.WaitGroup
	)
	take := func() bool { return count.Add(1) <= cfg.requests }
	start := time.Now()
	for w := range cfg.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mix := newMix(cfg.seed+uint64(w), w, ids)
			var mine []sample
			var fails []string
			for ctx.Err() == nil && take() {
				kind, path := mix.next()
				s, detail := do(ctx, client, cfg.base.String()+path, kind)
				if ctx.Err() != nil && s.status == "no-answer" {
					break // cut by the end of the run, not a failure
				}
				mine = append(mine, s)
				if s.failed && len(fails) < 3 {
					fails = append(fails, fmt.Sprintf("%s %s: %s", s.status, path, detail))
				}
			}
			mu.Lock()
			all = append(all, mine...)
			if len(failures) < 10 {
				failures = append(failures, fails...)
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)

	rep := &Report{Target: cfg.base.String(), Workers: cfg.workers, Seconds: elapsed.Seconds(), Requests: int64(len(all)),
		Statuses: map[string]int64{}, Kinds: map[string]KindReport{}, Failures: failures}
	rep.PerSec = float64(rep.Requests) / max(elapsed.Seconds(), 1e-9)
	durs := make([]time.Duration, 0, len(all))
	byKind := map[string][]time.Duration{}
	for _, s := range all {
		durs = append(durs, s.dur)
		byKind[s.kind] = append(byKind[s.kind], s.dur)
		rep.Statuses[s.status]++
		kr := rep.Kinds[s.kind]
		kr.Requests++
		if s.failed {
			rep.Errors++
			kr.Errors++
		}
		rep.Kinds[s.kind] = kr
	}
	rep.Latency = percentiles(durs)
	for k, d := range byKind {
		kr := rep.Kinds[k]
		kr.Latency = percentiles(d)
		rep.Kinds[k] = kr
	}
	return rep, nil
}

// do sends one GET and reads the answer whole.
func do(ctx context.Context, client *http.Client, url, kind string) (sample, string) {
	start := time.Now()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return sample{kind: kind, status: "no-answer", failed: true}, err.Error()
	}
	req.Header.Set("User-Agent", "faro-load")
	// Compressed answers, as browsers ask for them, read as they come: set
	// by hand, the header keeps the transport from decompressing them,
	// which on a machine shared with the server would take the CPU the
	// server is measured with.
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := client.Do(req)
	if err != nil {
		return sample{kind: kind, status: "no-answer", dur: time.Since(start), failed: true}, err.Error()
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, 8<<20))
	resp.Body.Close()
	s := sample{kind: kind, status: strconv.Itoa(resp.StatusCode), dur: time.Since(start)}
	if err != nil {
		s.status, s.failed = "no-answer", true
		return s, err.Error()
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		s.failed = true
		return s, strings.TrimSpace(string(body[:min(len(body), 200)]))
	}
	return s, ""
}

// documentIDs asks the server for the ids of up to 100 documents, for the
// document lookups of the mix.
func documentIDs(ctx context.Context, client *http.Client, base *url.URL) ([]string, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base.String()+"/api/v1/search?size=100", nil)
	if err != nil {
		return nil, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("reach %s: %w", base, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("reach %s: GET /api/v1/search: status %d", base, resp.StatusCode)
	}
	var r struct {
		Hits []struct {
			ID string `json:"id"`
		} `json:"hits"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return nil, fmt.Errorf("reach %s: not a Faro search answer: %w", base, err)
	}
	var ids []string
	for _, h := range r.Hits {
		ids = append(ids, h.ID)
	}
	if len(ids) == 0 {
		return nil, errors.New("the server's index is empty: nothing to load it with")
	}
	return ids, nil
}
