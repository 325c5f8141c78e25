// Command ocreval measures OCR on scans made from real text PDFs, and runs
// OCR over the robustness collection.
//
// Scans: for a sample of pages of the real text PDFs (../shared/realdocs
// domain and domain-es, the pages with at least -minwords words in
// poppler's text), each page is rendered by pdftoppm at each resolution
// and wrapped by img2pdf as a PDF without a text layer, in a temporary
// folder; Faro extracts it with OCR on, in worker processes, and the text
// is compared with poppler's text of the original page (word F1, per
// language and resolution). Then the scans are indexed and, for each, a
// phrase of its page is searched: it must be found, on its page.
// Throughput is pages per second with -workers worker processes, beside
// pdftotext's speed on the same pages of the originals.
//
// Robustness (-robust): every PDF of pdf-robustness is extracted with OCR
// on in worker processes; each file's outcome is printed (pages read, mean
// confidence, skipped, error) and crashes and hangs are counted.
//
//	go run ./scripts/ocreval -per-lang 4 -dpi 150,300
//	go run ./scripts/ocreval -robust
//
// With -known-lang each scan is given its language (MANIFEST.tsv), as a
// sidecar gives it to `faro index`; otherwise OCR reads English first and
// again in the language the text reads as.
//
// Needs pdftoppm, img2pdf and pdftotext (poppler-utils, img2pdf) and
// Tesseract with its eng, spa and fra models.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"faro/indexer"
	"faro/indexer/extract"
	"faro/indexer/isolate"
	"faro/indexer/ocr"
	"faro/indexer/textquality"
	"faro/search"
	"faro/search/bleve"
)

const workerArg = "ocreval-worker"

func main() {
	if len(os.Args) > 1 && os.Args[1] == workerArg {
		if err := isolate.ServeWorker(os.Stdin, os.Stdout, nil); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	perLang := flag.Int("per-lang", 4, "pages sampled per language (en, es, fr)")
	dpis := flag.String("dpi", "150,300", "resolutions the scans are made at")
	workers := flag.Int("workers", 2, "worker processes")
	minWords := flag.Int("minwords", 150, "pages with fewer words in poppler's text are not sampled")
	seed := flag.Uint64("seed", 20261206, "sampling seed")
	robust := flag.Bool("robust", false, "run OCR over pdf-robustness instead")
	verbose := flag.Bool("v", false, "print each page")
	knownLang := flag.Bool("known-lang", false, "give each scan its language (as a sidecar would) instead of letting OCR find it")
	flag.Parse()
	root := textquality.Realdocs()
	if root == "" {
		fail(fmt.Errorf("no ../shared/realdocs (set FARO_REALDOCS)"))
	}
	eng, err := ocr.Find()
	if err != nil {
		fail(err)
	}
	extract.SetOCR(extract.OCRConfig{Mode: ocr.Auto})
	exe, err := os.Executable()
	if err != nil {
		fail(err)
	}
	pool := isolate.New(isolate.Config{Workers: *workers, Command: func() *exec.Cmd { return exec.Command(exe, workerArg) }, Idle: -1})
	defer pool.Close()
	fmt.Printf("%s, models %s; %d worker processes; OCR renders at %d dpi\n", eng.Name(), strings.Join(eng.Langs, "+"), *workers, ocr.DefaultDPI)
	if *robust {
		err = robustness(root, pool)
	} else {
		err = scans(root, pool, *perLang, *dpis, *minWords, *seed, *workers, *verbose, *knownLang)
	}
	if err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "ocreval:", err)
	os.Exit(1)
}

// page is one sampled page of a real PDF.
type page struct {
	file, lang string // path of the original, its language
	num        int    // 1-based
	ref        string // poppler's text of the page
}

// sample picks perLang pages per language among the pages of the text
// PDFs that have at least minWords words in poppler's text.
func sample(root string, perLang, minWords int, seed uint64) ([]page, error) {
	man, err := textquality.ReadManifest(root)
	if err != nil {
		return nil, err
	}
	langs, err := manifestLangs(root)
	if err != nil {
		return nil, err
	}
	byLang := map[string][]page{}
	var files []string
	for f := range man {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, f := range files {
		row := man[f]
		lang := langs[f]
		if !strings.HasPrefix(row.TextLayer, "yes") || (lang != "en" && lang != "es" && lang != "fr") {
			continue
		}
		ref, err := os.ReadFile(filepath.Join(root, "pdftotext", filepath.Base(f)+".txt"))
		if err != nil {
			continue
		}
		for i, p := range strings.Split(string(ref), "\f") {
			if len(textquality.Words(p)) >= minWords {
				byLang[lang] = append(byLang[lang], page{file: filepath.Join(root, f), lang: lang, num: i + 1, ref: p})
			}
		}
	}
	rng := rand.New(rand.NewPCG(seed, seed))
	var out []page
	for _, l := range []string{"en", "es", "fr"} {
		ps := byLang[l]
		// One page per document first, so the sample spans documents.
		rng.Shuffle(len(ps), func(i, j int) { ps[i], ps[j] = ps[j], ps[i] })
		seen := map[string]bool{}
		var pick []page
		for _, p := range ps {
			if len(pick) < perLang && !seen[p.file] {
				seen[p.file] = true
				pick = append(pick, p)
			}
		}
		for _, p := range ps {
			if len(pick) < perLang && !slices.ContainsFunc(pick, func(q page) bool { return q.file == p.file && q.num == p.num }) {
				pick = append(pick, p)
			}
		}
		out = append(out, pick...)
	}
	return out, nil
}

// manifestLangs reads the language column of MANIFEST.tsv.
func manifestLangs(root string) (map[string]string, error) {
	data, err := os.ReadFile(filepath.Join(root, "MANIFEST.tsv"))
	if err != nil {
		return nil, err
	}
	lines := strings.Split(string(data), "\n")
	col := map[string]int{}
	for i, h := range strings.Split(lines[0], "\t") {
		col[h] = i
	}
	out := map[string]string{}
	for _, l := range lines[1:] {
		f := strings.Split(l, "\t")
		if len(f) > col["language"] && len(f) > col["local_file"] {
			out[f[col["local_file"]]] = f[col["language"]]
		}
	}
	return out, nil
}

// scanned is a sampled page made into an image-only PDF at one resolution.
type scanned struct {
	page
	dpi  int
	path string
	got  string
	f1   float64
	conf float64
	how  string // models, and "sparse" when read as sparse text
	err  error
}

func scans(root string, pool *isolate.Pool, perLang int, dpiList string, minWords int, seed uint64, workers int, verbose, knownLang bool) error {
	pages, err := sample(root, perLang, minWords, seed)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "ocreval-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	var dpis []int
	for _, s := range strings.Split(dpiList, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return fmt.Errorf("-dpi %q: %w", dpiList, err)
		}
		dpis = append(dpis, n)
	}
	fmt.Printf("sample: %d pages (seed %d, at least %d words each):\n", len(pages), seed, minWords)
	for _, p := range pages {
		fmt.Printf("  %s %s p.%d\n", p.lang, filepath.Base(p.file), p.num)
	}
	// Make the scans: pdftoppm renders the page, img2pdf wraps the image.
	var jobs []*scanned
	for _, dpi := range dpis {
		for i, p := range pages {
			base := filepath.Join(tmp, fmt.Sprintf("%s-%02d-%d", p.lang, i, dpi))
			if out, err := exec.Command("pdftoppm", "-r", strconv.Itoa(dpi), "-gray", "-f", strconv.Itoa(p.num), "-l", strconv.Itoa(p.num), "-singlefile", p.file, base).CombinedOutput(); err != nil {
				return fmt.Errorf("pdftoppm %s: %v: %s", p.file, err, out)
			}
			// The image's resolution sets the page's size (a PGM carries
			// none, and img2pdf would take 96 dpi: a page three times
			// too large, rendered back with its text magnified).
			res := fmt.Sprintf("%ddpix%ddpi", dpi, dpi)
			if out, err := exec.Command("img2pdf", "--imgsize", res, "--output", base+".pdf", base+".pgm").CombinedOutput(); err != nil {
				return fmt.Errorf("img2pdf: %v: %s", err, out)
			}
			os.Remove(base + ".pgm")
			jobs = append(jobs, &scanned{page: p, dpi: dpi, path: base + ".pdf"})
		}
	}
	// OCR them, workers at a time.
	t0 := time.Now()
	var wg sync.WaitGroup
	ch := make(chan *scanned)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range ch {
				opts := extract.Options{PDFRunner: pool}
				if knownLang {
					opts.Lang = j.lang
				}
				res, err := extract.File(context.Background(), j.path, opts)
				j.err = err
				if err == nil {
					j.got = res.Text()
					j.f1, _, _ = textquality.WordF1(j.got, j.ref)
					if o, ok := res.PageOCR(1); ok {
						j.conf = o.Confidence
						j.how = o.Models
						if o.Sparse {
							j.how += " sparse"
						}
					} else {
						j.err = fmt.Errorf("not read by OCR (flags %v, report %+v)", res.Flags, res.OCR)
					}
				}
			}
		}()
	}
	for _, j := range jobs {
		ch <- j
	}
	close(ch)
	wg.Wait()
	took := time.Since(t0)
	// pdftotext on the same pages of the originals.
	t1 := time.Now()
	for _, p := range pages {
		exec.Command("pdftotext", "-f", strconv.Itoa(p.num), "-l", strconv.Itoa(p.num), p.file, filepath.Join(tmp, "ref.txt")).Run()
	}
	ptt := time.Since(t1)

	fmt.Printf("\n%-4s %5s %6s %9s %9s\n", "lang", "dpi", "pages", "word F1", "min F1")
	failed := 0
	for _, dpi := range dpis {
		for _, l := range []string{"en", "es", "fr", "all"} {
			var f1s []float64
			for _, j := range jobs {
				if j.dpi != dpi || (l != "all" && j.lang != l) {
					continue
				}
				if j.err != nil {
					failed++
					fmt.Printf("  error %s p.%d at %d dpi: %v\n", filepath.Base(j.file), j.num, dpi, j.err)
					continue
				}
				f1s = append(f1s, j.f1)
			}
			if len(f1s) == 0 {
				continue
			}
			fmt.Printf("%-4s %5d %6d %9.4f %9.4f\n", l, dpi, len(f1s), mean(f1s), slices.Min(f1s))
		}
	}
	if verbose {
		for _, j := range jobs {
			fmt.Printf("  %s %d dpi %s p.%d: F1 %.4f, confidence %.1f, read as %s\n", j.lang, j.dpi, filepath.Base(j.file), j.num, j.f1, j.conf, j.how)
		}
	}
	fmt.Printf("\nthroughput: %d scanned pages in %s with %d workers: %.3f pages/s (%.1f s/page); pdftotext on the originals' %d text pages: %.1f pages/s\n",
		len(jobs), took.Round(time.Millisecond), workers, float64(len(jobs))/took.Seconds(), took.Seconds()/float64(len(jobs)), len(pages), float64(len(pages))/ptt.Seconds())
	return searchScans(tmp, pool, jobs, dpis[len(dpis)-1])
}

// searchScans indexes the scans of one resolution and searches a phrase
// of each page: the scan must come first, with a snippet on page 1
// marked as OCR.
func searchScans(tmp string, pool *isolate.Pool, jobs []*scanned, dpi int) error {
	corpus := filepath.Join(tmp, "corpus")
	os.MkdirAll(corpus, 0o755)
	var mine []*scanned
	for _, j := range jobs {
		if j.dpi == dpi && j.err == nil {
			os.Rename(j.path, filepath.Join(corpus, filepath.Base(j.path)))
			mine = append(mine, j)
		}
	}
	idx, err := bleve.Create(filepath.Join(tmp, "index"))
	if err != nil {
		return err
	}
	defer idx.Close()
	if _, err := indexer.Run(context.Background(), corpus, idx, indexer.Options{PDFRunner: pool}); err != nil {
		return err
	}
	if err := idx.Flush(context.Background()); err != nil {
		return err
	}
	found := 0
	for _, j := range mine {
		q := phrase(j.got, j.ref)
		if q == "" {
			fmt.Printf("  %s p.%d: no phrase of 4 words read right\n", filepath.Base(j.file), j.num)
			continue
		}
		res, err := idx.Search(context.Background(), search.Query{Text: `"` + q + `"`, Size: 3, Snippets: 1})
		if err != nil {
			return err
		}
		ok := len(res.Hits) > 0 && res.Hits[0].Source == filepath.Base(j.path) && len(res.Hits[0].Snippets) > 0 &&
			res.Hits[0].Snippets[0].Page == 1 && res.Hits[0].Snippets[0].OCR
		if ok {
			found++
		} else {
			fmt.Printf("  not found: %q (%s p.%d): %d hits", q, filepath.Base(j.file), j.num, res.Total)
			if len(res.Hits) > 0 {
				fmt.Printf(", first %s with %d snippets %+v", res.Hits[0].Source, len(res.Hits[0].Snippets), res.Hits[0].Snippets)
			}
			fmt.Println()
		}
	}
	fmt.Printf("search: %d of %d phrases of the %d dpi scans found, on their page, marked OCR\n", found, len(mine), dpi)
	return nil
}

// phrase returns 4 consecutive words of the reference page that OCR read
// too, from the middle of the page.
func phrase(got, ref string) string {
	rw := textquality.Words(ref)
	g := " " + strings.Join(textquality.Words(got), " ") + " "
	for i := len(rw) / 2; i+4 <= len(rw); i++ {
		p := strings.Join(rw[i:i+4], " ")
		long := 0
		for _, w := range rw[i : i+4] {
			if len([]rune(w)) >= 4 {
				long++
			}
		}
		if long >= 2 && strings.Contains(g, " "+p+" ") {
			return p
		}
	}
	return ""
}

func mean(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}

// robustness extracts every PDF of pdf-robustness with OCR on.
func robustness(root string, pool *isolate.Pool) error {
	dir := filepath.Join(root, "pdf-robustness")
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	crashes, hangs, withOCR, ocrPages, wanted := 0, 0, 0, 0, 0
	var conf float64
	t0 := time.Now()
	for _, e := range entries {
		t := time.Now()
		res, err := extract.File(context.Background(), filepath.Join(dir, e.Name()), extract.Options{PDFRunner: pool})
		var b bytes.Buffer
		fmt.Fprintf(&b, "%-62s %6.1fs ", e.Name(), time.Since(t).Seconds())
		switch {
		case err != nil && (errors.Is(err, extract.ErrPanic)):
			crashes++
			fmt.Fprintf(&b, "CRASH %v", err)
		case err != nil && errors.Is(err, extract.ErrTimeout):
			hangs++
			fmt.Fprintf(&b, "HANG %v", err)
		case err != nil:
			fmt.Fprintf(&b, "error: %v", err)
		}
		if res != nil && res.OCR != nil {
			wanted += res.OCR.Wanted()
			if len(res.OCR.Pages) > 0 {
				withOCR++
			}
			for _, p := range res.OCR.Pages {
				ocrPages++
				conf += p.Confidence
			}
			fmt.Fprintf(&b, "%d pages, ocr: %s; %d words", len(res.Pages), res.OCR.Summary(), len(textquality.Words(res.Text())))
		} else if res != nil && err == nil {
			fmt.Fprintf(&b, "%d pages, text layer", len(res.Pages))
		}
		fmt.Println(b.String())
	}
	if ocrPages > 0 {
		conf /= float64(ocrPages)
	}
	started, killed := pool.Stats()
	fmt.Printf("\n%d files in %s: %d crashes, %d hangs; %d files with pages read by OCR (%d pages of %d wanted, mean confidence %.1f); workers %d started, %d killed, peak %d MiB\n",
		len(entries), time.Since(t0).Round(time.Second), crashes, hangs, withOCR, ocrPages, wanted, conf, started, killed, pool.PeakRSS()>>20)
	return nil
}
