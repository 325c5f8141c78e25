// Command extracteval scores Faro's PDF extraction against poppler's
// pdftotext on the shared real documents and compares their speed.
//
//	go run ./indexer/cmd/extracteval [-realdocs ../shared/realdocs] [-set domain|robust|all] [-engine faro|primary|pdfium] [-j 2] [-v]
//
// Domain PDFs are scored against the reference texts in realdocs/pdftotext
// (poppler 22.12); the text-bearing files of pdf-robustness (MANIFEST
// pdf_text_layer "yes...") against pdftotext run on the spot. It prints
// per set the macro word F1, the macro bigram F1 (consecutive word pairs:
// glued or split words and reading order), the share of glued words, the
// recall of accented words, and pages per second of Faro and of pdftotext
// over the same files with the same parallelism (-j, both cores by
// default). Engines: faro (what the indexer runs: primary engine, quality
// gate, fallback), primary (the content-stream walk alone), pdfium (the
// fallback alone).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"
	"time"

	"faro/indexer/extract"
	"faro/indexer/isolate"
	"faro/indexer/textquality"
)

func main() {
	if eng := os.Getenv("EXTRACTEVAL_WORKER"); eng != "" {
		// A worker of the isolated pool (-isolate).
		e := &engine{name: eng}
		err := isolate.ServeWorker(os.Stdin, os.Stdout, func(ctx context.Context, name string, data []byte) (*extract.Result, error) {
			return e.local(ctx, name, data)
		})
		if err != nil {
			os.Exit(1)
		}
		return
	}
	root := flag.String("realdocs", "", "realdocs folder (default: $FARO_REALDOCS, else ../shared/realdocs beside the module root)")
	set := flag.String("set", "all", "domain, robust or all")
	engine := flag.String("engine", "faro", "faro (gate + fallback), primary (content-stream walk only) or pdfium")
	jobs := flag.Int("j", runtime.NumCPU(), "files extracted at once (pdftotext runs with the same)")
	verbose := flag.Bool("v", false, "print per-file numbers")
	only := flag.String("only", "", "only files whose name contains this")
	noPoppler := flag.Bool("no-poppler-timing", false, "do not time pdftotext")
	isolated := flag.Bool("isolate", false, "extract in worker processes (one per -j), as faro index does")
	repeat := flag.Int("repeat", 1, "time each side this many times and keep the best")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the extraction to this file")
	flag.Parse()
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err == nil {
			pprof.StartCPUProfile(f)
			defer pprof.StopCPUProfile()
		}
	}
	if *root == "" {
		*root = textquality.Realdocs()
	}
	if *root == "" {
		fmt.Fprintln(os.Stderr, "extracteval: realdocs folder not found (use -realdocs)")
		os.Exit(2)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		fmt.Fprintln(os.Stderr, "extracteval: pdftotext not found (apt-get install poppler-utils)")
		os.Exit(2)
	}
	ex, err := newEngine(*engine, *isolated, *jobs)
	if err != nil {
		fmt.Fprintln(os.Stderr, "extracteval:", err)
		os.Exit(2)
	}
	defer ex.close()
	mode := "in-process"
	if *isolated {
		mode = "worker processes"
	}
	fmt.Printf("extracteval: engine %s (%s), %d at once, %s/%s, %d CPUs, %s\n", *engine, mode, *jobs, runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), time.Now().Format("2006-01-02"))
	if *set == "domain" || *set == "all" {
		files := domainFiles(*root, *only)
		runSet("domain", *root, files, ex, *jobs, *repeat, *verbose, *noPoppler)
	}
	if *set == "robust" || *set == "all" {
		files := robustFiles(*root, *only)
		runSet("robust (text layer yes)", *root, files, ex, *jobs, *repeat, *verbose, *noPoppler)
	}
}

type item struct {
	path    string
	ref     string // reference text; "" = run pdftotext
	refPath string
}

func domainFiles(root, only string) []item {
	entries, _ := os.ReadDir(filepath.Join(root, "domain"))
	var out []item
	for _, e := range entries {
		n := e.Name()
		if strings.ToLower(filepath.Ext(n)) != ".pdf" || !strings.Contains(n, only) {
			continue
		}
		ref := filepath.Join(root, "pdftotext", n+".txt")
		if _, err := os.Stat(ref); err != nil {
			continue
		}
		out = append(out, item{path: filepath.Join(root, "domain", n), refPath: ref})
	}
	return out
}

// robustFiles lists the files of pdf-robustness that MANIFEST.tsv says
// have a text layer (pdf_text_layer "yes..."), in the order of their
// names.
func robustFiles(root, only string) []item {
	manifest, err := textquality.ReadManifest(root)
	if err != nil {
		return nil
	}
	var files []string
	for file, row := range manifest {
		if strings.HasPrefix(file, "pdf-robustness/") && strings.HasPrefix(row.TextLayer, "yes") && strings.Contains(file, only) {
			files = append(files, file)
		}
	}
	sort.Strings(files)
	out := make([]item, len(files))
	for i, file := range files {
		out[i] = item{path: filepath.Join(root, file)}
	}
	return out
}

type result struct {
	name                 string
	pages                int
	f1, bf1, glued, accR float64
	accN                 int
	engine               string
	flags                []string
	err                  error
	took                 time.Duration
}

func runSet(name, root string, items []item, ex *engine, jobs, repeat int, verbose, noPoppler bool) {
	if len(items) == 0 {
		fmt.Printf("\n%s: no files\n", name)
		return
	}
	// References: stored ones, or pdftotext on the spot. pdftotext is
	// timed over all the files with the same parallelism (best of repeat).
	refs := make([]string, len(items))
	popplerPages := 0
	var popplerTook time.Duration
	for rep := 0; rep < max(1, repeat); rep++ {
		if noPoppler && rep > 0 {
			break
		}
		popplerStart := time.Now()
		parallel(len(items), jobs, func(i int) {
			it := items[i]
			if it.refPath != "" && noPoppler {
				b, _ := os.ReadFile(it.refPath)
				refs[i] = string(b)
				return
			}
			txt, err := pdftotext(it.path)
			if it.refPath != "" {
				b, _ := os.ReadFile(it.refPath)
				refs[i] = string(b)
			} else if err == nil {
				refs[i] = txt
			}
		})
		if d := time.Since(popplerStart); rep == 0 || d < popplerTook {
			popplerTook = d
		}
	}
	for _, r := range refs {
		popplerPages += strings.Count(r, "\f")
	}

	// Extraction (timed, best of repeat), then scoring.
	results := make([]result, len(items))
	got := make([]string, len(items))
	var took time.Duration
	for rep := 0; rep < max(1, repeat); rep++ {
		start := time.Now()
		parallel(len(items), jobs, func(i int) {
			t0 := time.Now()
			pages, eng, flags, err := ex.extract(items[i].path)
			results[i] = result{name: filepath.Base(items[i].path), took: time.Since(t0), engine: eng, flags: flags, err: err, pages: len(pages)}
			got[i] = strings.Join(pages, "\n\n")
		})
		if d := time.Since(start); rep == 0 || d < took {
			took = d
		}
	}
	for i := range results {
		r := &results[i]
		r.f1, _, _ = textquality.WordF1(got[i], refs[i])
		r.bf1 = textquality.BigramF1(got[i], refs[i])
		r.glued = textquality.GluedShare(got[i], refs[i])
		r.accR, r.accN = textquality.AccentRecall(got[i], refs[i])
	}
	faroPages := 0
	var sumF, sumB, sumG, sumA float64
	nA := 0
	engines := map[string]int{}
	for _, r := range results {
		faroPages += r.pages
		sumF += r.f1
		sumB += r.bf1
		sumG += r.glued
		if r.accN > 0 {
			sumA += r.accR
			nA++
		}
		engines[r.engine]++
	}
	n := float64(len(results))
	if verbose {
		sort.Slice(results, func(i, j int) bool { return results[i].f1 < results[j].f1 })
		for _, r := range results {
			e := ""
			if r.err != nil {
				e = " ERR " + r.err.Error()
			}
			fmt.Printf("  %-70s F1 %.3f bi %.3f glued %5.2f%% acc %.3f(%d) %3dp %6dms %s %v%s\n", truncate(r.name, 70), r.f1, r.bf1, 100*r.glued, r.accR, r.accN, r.pages, r.took.Milliseconds(), r.engine, r.flags, e)
		}
	}
	accent := "n/a"
	if nA > 0 {
		accent = fmt.Sprintf("%.4f", sumA/float64(nA))
	}
	fmt.Printf("\n%s: %d files, %d pages\n", name, len(results), faroPages)
	fmt.Printf("  macro word F1 %.4f   macro bigram F1 %.4f   glued %.2f%%   accented-word recall %s\n", sumF/n, sumB/n, 100*sumG/n, accent)
	fmt.Printf("  faro %.0f pages/s (%.2fs)", float64(faroPages)/took.Seconds(), took.Seconds())
	if !noPoppler {
		fmt.Printf("   pdftotext %.0f pages/s (%.2fs)   ratio %.2f×", float64(popplerPages)/popplerTook.Seconds(), popplerTook.Seconds(),
			(float64(faroPages)/took.Seconds())/(float64(popplerPages)/popplerTook.Seconds()))
	}
	fmt.Println()
	var es []string
	for e, c := range engines {
		es = append(es, fmt.Sprintf("%s %d", e, c))
	}
	sort.Strings(es)
	fmt.Printf("  engines: %s\n", strings.Join(es, ", "))
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

func parallel(n, jobs int, fn func(i int)) {
	if jobs < 1 {
		jobs = 1
	}
	var wg sync.WaitGroup
	sem := make(chan struct{}, jobs)
	for i := 0; i < n; i++ {
		wg.Add(1)
		sem <- struct{}{}
		go func(i int) {
			defer wg.Done()
			defer func() { <-sem }()
			fn(i)
		}(i)
	}
	wg.Wait()
}

func pdftotext(path string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "pdftotext", "-q", "-enc", "UTF-8", path, "-")
	out, err := cmd.Output()
	return string(out), err
}

// engine wraps the extraction under test.
type engine struct {
	name  string
	pool  *isolate.Pool
	close func()
}

func newEngine(name string, isolated bool, jobs int) (*engine, error) {
	switch name {
	case "faro", "primary", "pdfium":
	default:
		return nil, fmt.Errorf("unknown engine %q", name)
	}
	if name == "faro" {
		extract.EnablePDFFallback(true)
	}
	e := &engine{name: name, close: func() {}}
	if isolated {
		exe, err := os.Executable()
		if err != nil {
			return nil, err
		}
		e.pool = isolate.New(isolate.Config{Workers: jobs, Command: func() *exec.Cmd {
			cmd := exec.Command(exe)
			cmd.Env = append(os.Environ(), "EXTRACTEVAL_WORKER="+name)
			return cmd
		}})
		e.close = func() {
			started, killed := e.pool.Stats()
			fmt.Printf("\nworkers: %d started, %d killed, peak RSS %d MiB\n", started, killed, e.pool.PeakRSS()>>20)
			e.pool.Close()
		}
	}
	return e, nil
}

func (e *engine) extract(path string) (pages []string, eng string, flags []string, err error) {
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, "", nil, err
	}
	var res *extract.Result
	if e.pool != nil {
		res, err = e.pool.ExtractPDF(ctx, path, data)
	} else {
		res, err = e.local(ctx, path, data)
	}
	if res == nil {
		return nil, "", nil, err
	}
	flags = res.Flags
	if g := res.Meta[extract.MetaGate]; g != "" {
		flags = append(append([]string(nil), flags...), "gate="+g)
	}
	return res.Pages, res.Engine, flags, err
}

func (e *engine) local(ctx context.Context, path string, data []byte) (*extract.Result, error) {
	switch e.name {
	case "primary":
		return extract.ExtractPDFLocal(ctx, extract.PDFExtractor{NoFallback: true}, path, data)
	case "pdfium":
		return extract.ExtractPDFLocal(ctx, extract.PDFExtractor{ForceFallback: true}, path, data)
	}
	return extract.ExtractPDFLocal(ctx, extract.PDFExtractor{}, path, data)
}
