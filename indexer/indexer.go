package indexer

import (
	"context"
	"crypto/sha1"
	"crypto/sha256"
	"encoding"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"log/slog"
	"maps"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"faro/format"
	"faro/indexer/classify"
	"faro/indexer/extract"
	"faro/indexer/ocr"
	"faro/search"
)

// Options tune a run. The zero value is ready to use.
type Options struct {
	// Logger receives per-file problems; nil discards them.
	Logger *slog.Logger
	// Workers is how many files are extracted at once; 0 means GOMAXPROCS.
	Workers int
	// Timeout bounds the extraction of one file; 0 means extract.DefaultTimeout.
	Timeout time.Duration
	// Progress, when set, is called after each file.
	Progress func(Progress)
	// Known maps the sources already in the index to their content hash
	// (search.Document.Hash). Files whose hash is unchanged are not
	// extracted again, and known sources no longer in the corpus are
	// reported in Report.Removed. nil indexes everything.
	Known map[string]string
	// PDFRunner, when set, extracts PDFs elsewhere (worker processes, see
	// indexer/isolate); nil extracts them in-process.
	PDFRunner extract.PDFRunner
	// Sites holds the paragraphs each web site repeats on its pages (see
	// Sites). Run learns every HTML page of the corpus into it before
	// building any (a new model when nil) and forgets pages no longer
	// there; IndexFile learns its page into it and strips with it (nil:
	// no site-level boilerplate).
	Sites *Sites

	// sidecars, set by Run, lists the corpus's sidecars (see walk).
	sidecars map[string]bool
	// wholeBudget, when not 0, replaces preBudget (tests).
	wholeBudget int
}

// Version is part of every content hash: a change in how documents are
// built makes every file count as changed.
const Version = "7"

// Progress reports how far a run is.
type Progress struct {
	Done, Total int
	File        string
	Failed      bool
}

// FileError is a file that could not be indexed.
type FileError struct {
	Path string
	Err  error
}

// Error says which file failed and why.
func (e FileError) Error() string { return e.Path + ": " + e.Err.Error() }

// FlaggedDoc is an indexed document whose extraction raised flags.
type FlaggedDoc struct {
	Path   string
	Engine string
	Flags  []string
}

// Reason names the kind of failure, for summaries and metrics:
// "unsupported", "too-large", "timeout", "encrypted", "memory", "crash",
// "metadata" or "unreadable".
func (e FileError) Reason() string {
	switch {
	case errors.Is(e.Err, extract.ErrUnsupported):
		return "unsupported"
	case errors.Is(e.Err, extract.ErrTooLarge):
		return "too-large"
	case errors.Is(e.Err, extract.ErrTimeout):
		return "timeout"
	case errors.Is(e.Err, extract.ErrEncrypted):
		return "encrypted"
	case strings.Contains(e.Err.Error(), "memory limit exceeded"):
		return "memory"
	case errors.Is(e.Err, extract.ErrPanic):
		return "crash"
	case errors.Is(e.Err, errSidecar):
		return "metadata"
	}
	return "unreadable"
}

// Report summarises a run.
type Report struct {
	// Files is how many candidate files the walk found.
	Files int
	// Indexed is how many documents went to the sink.
	Indexed int
	// Flagged counts indexed documents that carry extraction flags;
	// FlaggedDocs lists them, sorted by path.
	Flagged     int
	FlaggedDocs []FlaggedDoc
	// Added, Updated and Unchanged split the files by what the index knew
	// of them (see Options.Known); Added+Updated == Indexed.
	Added, Updated, Unchanged int
	// Removed lists known sources whose files are gone; the caller deletes
	// them from the index (their ids are DocumentID(source)).
	Removed []string
	// Pages counts the pages of the indexed documents.
	Pages int
	// OCR sums what OCR did to the indexed documents.
	OCR OCRStats
	// Errors lists the files that were skipped, with why.
	Errors []FileError
	Took   time.Duration
}

// OCRStats sums the OCR reports of a run's documents (extract.OCRReport).
type OCRStats struct {
	// Docs counts the documents with pages read by OCR; Pages those
	// pages, Low those of them below search.LowOCRConfidence.
	Docs, Pages, Low int
	// ConfidenceSum sums the pages' mean word confidences (see Confidence).
	ConfidenceSum float64
	// Skipped counts the pages OCR was to read and did not use, by
	// reason (extract.Skip*); "no-tesseract" counts the pages it would
	// have read had Tesseract been installed.
	Skipped map[string]int
	// Seconds is the time spent in OCR, summed over documents.
	Seconds float64
}

// Confidence is the mean word confidence of the pages read by OCR.
func (s OCRStats) Confidence() float64 {
	if s.Pages == 0 {
		return 0
	}
	return s.ConfidenceSum / float64(s.Pages)
}

// SkippedSummary lists the pages OCR skipped by reason, in the order of
// the reasons' names, without "no-tesseract" (a run without Tesseract
// says so on its own): "2 blank, 1 timeout"; "" when none.
func (s OCRStats) SkippedSummary() string {
	var parts []string
	for _, r := range slices.Sorted(maps.Keys(s.Skipped)) {
		if r != extract.SkipNoTesseract && s.Skipped[r] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", s.Skipped[r], r))
		}
	}
	return strings.Join(parts, ", ")
}

func (s *OCRStats) add(r *extract.OCRReport) {
	if r == nil {
		return
	}
	if len(r.Pages) > 0 {
		s.Docs++
	}
	for _, p := range r.Pages {
		s.Pages++
		s.ConfidenceSum += p.Confidence
		if p.Low {
			s.Low++
		}
	}
	for _, k := range r.Skipped {
		if s.Skipped == nil {
			s.Skipped = map[string]int{}
		}
		s.Skipped[k.Reason]++
	}
	s.Seconds += r.Seconds
}

// Run indexes every supported file under root into sink. Per-file failures
// are collected in the report; the returned error is for failures that stop
// the run (the corpus cannot be read, the sink fails, ctx ends).
func Run(ctx context.Context, root string, sink search.Sink, opts Options) (*Report, error) {
	start := time.Now()
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	files, sidecars, err := walk(root)
	if err != nil {
		return nil, err
	}
	opts.sidecars = sidecars
	rep := &Report{Files: len(files)}

	// Listing pages lend titles and summaries to the PDFs they link, so
	// HTML goes first.
	var html, rest []string
	for _, f := range files {
		if isHTMLName(f) {
			html = append(html, f)
		} else {
			rest = append(rest, f)
		}
	}
	listings := map[string][]listingEntry{}
	if opts.Sites == nil {
		opts.Sites = NewSites()
	}
	opts.Sites.retain(files)
	// First every web page is read: the site boilerplate is learnt from
	// all of them before any is built. Results are kept for the build up
	// to a memory budget.
	pre := map[string]preRead{}
	failed := map[string]error{}
	budget, packed := preBudget, packedBudget
	var pk packer
	if opts.wholeBudget != 0 {
		budget = opts.wholeBudget
	}
	learn := func(o outcome) error {
		if o.err != nil {
			failed[o.rel] = o.err
			return nil
		}
		opts.Sites.learn(o.rel, o.res, o.lines)
		if size := resultSize(o.res) + 8*len(o.lines); size <= budget {
			budget -= size
			pre[o.rel] = preRead{res: o.res, digest: o.digest, lines: o.lines}
		} else if shell, p := pk.packResult(o.res); len(p)+8*len(o.lines)+512 <= packed {
			packed -= len(p) + 8*len(o.lines) + 512
			pre[o.rel] = preRead{res: shell, packed: p, digest: o.digest, lines: o.lines}
		}
		return nil
	}
	if err := process(ctx, html, opts, func(ctx context.Context, rel string) outcome {
		return extractOnly(ctx, root, rel, opts)
	}, learn); err != nil {
		return rep, err
	}
	opts.Sites.setWhole()
	done := 0
	handle := func(o outcome) error {
		done++
		switch {
		case o.err != nil:
			rep.Errors = append(rep.Errors, FileError{Path: o.rel, Err: o.err})
			log.Warn("skip file", "file", o.rel, "err", o.err)
		case o.doc != nil:
			for _, l := range o.links {
				key := linkKey(l.Href)
				listings[key] = append(listings[key], listingEntry{Link: l, Lang: o.doc.Lang, Page: o.rel})
			}
			if o.unchanged {
				rep.Unchanged++
				break
			}
			if err := sink.Put(ctx, o.doc); err != nil {
				return fmt.Errorf("index %s: %w", o.rel, err)
			}
			rep.Indexed++
			rep.Pages += len(o.doc.Pages)
			rep.OCR.add(o.ocr)
			if _, known := opts.Known[o.rel]; known {
				rep.Updated++
			} else {
				rep.Added++
			}
			if len(o.doc.Flags) > 0 {
				rep.Flagged++
				rep.FlaggedDocs = append(rep.FlaggedDocs, FlaggedDoc{Path: o.rel, Engine: o.doc.Engine, Flags: o.doc.Flags})
				log.Info("indexed with flags", "file", o.rel, "flags", o.doc.Flags)
			}
		case o.unchanged:
			rep.Unchanged++
		}
		if opts.Progress != nil {
			opts.Progress(Progress{Done: done, Total: len(files), File: o.rel, Failed: o.err != nil})
		}
		return nil
	}
	if err := process(ctx, html, opts, func(ctx context.Context, rel string) outcome {
		if err, ok := failed[rel]; ok {
			return outcome{rel: rel, err: err}
		}
		return indexFile(ctx, root, rel, nil, opts, pre[rel])
	}, handle); err != nil {
		return rep, err
	}
	if err := process(ctx, rest, opts, func(ctx context.Context, rel string) outcome {
		return indexFile(ctx, root, rel, listings, opts, preRead{})
	}, handle); err != nil {
		return rep, err
	}
	seen := make(map[string]bool, len(files))
	for _, f := range files {
		seen[f] = true
	}
	for src := range opts.Known {
		if !seen[src] {
			rep.Removed = append(rep.Removed, src)
		}
	}
	sort.Strings(rep.Removed)
	sort.Slice(rep.FlaggedDocs, func(i, j int) bool { return rep.FlaggedDocs[i].Path < rep.FlaggedDocs[j].Path })
	rep.Took = time.Since(start)
	return rep, nil
}

type listingEntry struct {
	extract.Link
	Lang string
	Page string
}

type outcome struct {
	rel       string
	doc       *search.Document
	links     []extract.Link
	ocr       *extract.OCRReport
	res       *extract.Result // extractOnly
	digest    []byte          // extractOnly: the content hash's state after the file's bytes (see hashFile)
	lines     []uint64        // extractOnly: a web page's lineHashes
	unchanged bool
	err       error
}

// preRead is a web page read before the build: its extraction (its texts
// in packed when packed is set, packResult), its content hash's state
// after the file's bytes and its lineHashes.
type preRead struct {
	res    *extract.Result
	packed []byte
	digest []byte
	lines  []uint64
}

// preBudget bounds the bytes of page text Run keeps from its first
// reading of the web pages; pages beyond it are read again when built.
// At 100k pages of about 3 KB of text it keeps fewer than half; 400 MiB
// (a fifth of faro index's 2 GiB memory limit) kept them all but cost 16%
// more CPU: the build's heap then ran against the limit, collecting often.
const preBudget = 128 << 20

// resultSize is about how many bytes a result holds.
func resultSize(res *extract.Result) int {
	n := 0
	for _, p := range res.Pages {
		n += len(p)
	}
	for _, b := range res.Boilerplate {
		n += len(b.Text)
	}
	return n + 512
}

// extractOnly extracts the file at rel with the run's timeout.
func extractOnly(ctx context.Context, root, rel string, opts Options) outcome {
	if opts.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, opts.Timeout)
		defer cancel()
	}
	full := filepath.Join(root, filepath.FromSlash(rel))
	// The sidecar's language tells OCR which model reads the scan (a bad
	// sidecar is reported by indexFile).
	var lang string
	if side, _, err := readSidecarIn(full, opts.sidecars); err == nil && side != nil {
		lang = strings.ToLower(strings.TrimSpace(side.Lang))
	}
	// The content hash starts from the bytes extraction reads, so that
	// the file is not read again to hash it.
	h := hashStart(full)
	res, err := extract.File(ctx, full, extract.Options{PDFRunner: opts.PDFRunner, Lang: lang, Digest: h})
	if err != nil {
		return outcome{rel: rel, err: err}
	}
	digest, err := h.(encoding.BinaryMarshaler).MarshalBinary()
	if err != nil {
		digest = nil // hashed from the file instead
	}
	// A web page's line hashes serve both learning the site's
	// boilerplate and stripping it: computed here, by the workers.
	return outcome{rel: rel, res: res, digest: digest, lines: lineHashes(res)}
}

// process runs work on files with a pool of workers and hands each
// outcome to handle, one at a time, in completion order.
func process(ctx context.Context, files []string, opts Options, work func(context.Context, string) outcome, handle func(outcome) error) error {
	if len(files) == 0 {
		return nil
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan string)
	results := make(chan outcome)
	var wg sync.WaitGroup
	for range min(workers, len(files)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for rel := range jobs {
				o := work(ctx, rel)
				select {
				case results <- o:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for _, f := range files {
			select {
			case jobs <- f:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()
	var firstErr error
	for o := range results {
		if firstErr != nil {
			continue
		}
		if err := handle(o); err != nil {
			firstErr = err
			cancel()
		}
	}
	if firstErr != nil {
		return firstErr
	}
	return ctx.Err()
}

// indexFile builds the document of the file at rel: from pre when the file
// was read already (pre.res not nil), else by extracting it. Web pages are
// stripped of their site's boilerplate (opts.Sites); the content hash
// covers what was stripped, so a page whose site boilerplate changed
// counts as changed.
func indexFile(ctx context.Context, root, rel string, listings map[string][]listingEntry, opts Options, pre preRead) outcome {
	full := filepath.Join(root, filepath.FromSlash(rel))
	side, sideRaw, err := readSidecarIn(full, opts.sidecars)
	if err != nil {
		return outcome{rel: rel, err: err}
	}
	// Listing pages are read concurrently: order their entries so the
	// hash and the chosen entry do not depend on which finished first.
	listed := append([]listingEntry(nil), listings[linkKey(rel)]...)
	sort.Slice(listed, func(i, j int) bool {
		if listed[i].Page != listed[j].Page {
			return listed[i].Page < listed[j].Page
		}
		return listed[i].Title < listed[j].Title
	})
	res, digest, lines := pre.res, pre.digest, pre.lines
	if pre.packed != nil {
		var err error
		if res, err = unpackResult(pre.res, pre.packed); err != nil {
			return outcome{rel: rel, err: err}
		}
	}
	if res == nil && isHTMLName(rel) {
		// A web page's hash depends on its site boilerplate: read it
		// first.
		o := extractOnly(ctx, root, rel, opts)
		if o.err != nil {
			return o
		}
		res, digest, lines = o.res, o.digest, o.lines
	}
	stripped, boiler := opts.Sites.strip(rel, res, lines)
	hash, err := contentHashFrom(digest, full, sideRaw, listed, boiler)
	if err != nil {
		return outcome{rel: rel, err: err}
	}
	known, ok := opts.Known[rel]
	unchanged := ok && known == hash
	// Listing pages are built even when unchanged: they lend titles.
	if unchanged && res == nil {
		return outcome{rel: rel, unchanged: true}
	}
	if res == nil {
		o := extractOnly(ctx, root, rel, opts)
		if o.err != nil {
			return o
		}
		res = o.res
		stripped = res
	}
	doc := Build(rel, stripped, side, listed)
	doc.Hash = hash
	return outcome{rel: rel, doc: doc, links: res.Links, ocr: res.OCR, unchanged: unchanged}
}

// IndexFile indexes the one file at rel under root into sink and returns
// its document. Listing pages elsewhere in the corpus are not consulted.
// With opts.Sites, a web page is learnt into the model first and stripped
// of its site's boilerplate; the other pages of the site that this changes
// are then listed by opts.Sites.Changed. A file that cannot be read or
// extracted gives a FileError; any other error comes from the sink. Of
// opts, only Timeout, PDFRunner and Sites apply.
func IndexFile(ctx context.Context, root, rel string, sink search.Sink, opts Options) (*search.Document, error) {
	rel = filepath.ToSlash(rel)
	o := extractOnly(ctx, root, rel, opts)
	if o.err != nil {
		return nil, FileError{Path: rel, Err: o.err}
	}
	if opts.Sites != nil {
		opts.Sites.observe(rel, o.res, o.lines, true)
	}
	o = indexFile(ctx, root, rel, nil, Options{Timeout: opts.Timeout, PDFRunner: opts.PDFRunner, Sites: opts.Sites}, preRead{res: o.res, digest: o.digest, lines: o.lines})
	if o.err != nil {
		return nil, FileError{Path: rel, Err: o.err}
	}
	if err := sink.Put(ctx, o.doc); err != nil {
		return nil, fmt.Errorf("index %s: %w", rel, err)
	}
	return o.doc, nil
}

// contentHash identifies what a document is built from: the file, its
// sidecar, the listing entries that name it, the site boilerplate taken
// out of it and Version.
func contentHash(path string, sidecar []byte, listed []listingEntry, boiler string) (string, error) {
	return contentHashFrom(nil, path, sidecar, listed, boiler)
}

// contentHashFrom is contentHash continuing from digest, the state of
// hashStart's hash after the file's bytes (encoding.BinaryMarshaler), when
// it is not nil; else the file is read.
func contentHashFrom(digest []byte, path string, sidecar []byte, listed []listingEntry, boiler string) (string, error) {
	h := sha256.New()
	if digest == nil || h.(encoding.BinaryUnmarshaler).UnmarshalBinary(digest) != nil {
		var err error
		if h, err = hashFile(path); err != nil {
			return "", err
		}
	}
	h.Write([]byte{0})
	h.Write(sidecar)
	for _, l := range listed {
		fmt.Fprintf(h, "\x00%s\x00%s\x00%s", l.Title, l.Summary, l.Lang)
	}
	if boiler != "" {
		fmt.Fprintf(h, "\x00site-boilerplate\x00%s", boiler)
	}
	return hex.EncodeToString(h.Sum(nil)[:16]), nil
}

// hashStart is the content hash of the file at path before its bytes:
// Version and what of the OCR setting its extraction depends on.
func hashStart(path string) hash.Hash {
	h := sha256.New()
	io.WriteString(h, Version+"\x00")
	if k := ocrKey(path); k != "" {
		// Turning OCR on or installing Tesseract reads scans again.
		io.WriteString(h, k+"\x00")
	}
	return h
}

// hashFile is hashStart's hash after the bytes of the file at path.
func hashFile(path string) (hash.Hash, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("hash %s: %w", path, err)
	}
	defer f.Close()
	h := hashStart(path)
	if _, err := io.Copy(h, f); err != nil {
		return nil, fmt.Errorf("hash %s: %w", path, err)
	}
	return h, nil
}

// Build assembles the document of the file at rel (relative to the corpus)
// from its extraction, its sidecar (may be nil) and the listing entries
// that link to it (may be empty): explicit metadata first, then what the
// file declares, then what the classifier infers. Inferred labels are kept
// beside given ones.
func Build(rel string, res *extract.Result, side *Sidecar, listed []listingEntry) *search.Document {
	if side == nil {
		side = &Sidecar{}
	}
	doc := &search.Document{
		ID:     DocumentID(rel),
		Source: rel,
		Format: res.Format,
		Engine: res.Engine,
		Flags:  res.Flags,
		Author: first(side.Author, fileAuthor(res)),
	}
	doc.SourceURL = side.SourceURL
	for i, p := range stripRunningLines(res.Pages) {
		pg := search.Page{Number: i + 1, Text: p}
		if o, ok := res.PageOCR(i + 1); ok {
			pg.OCR, pg.Confidence = true, o.Confidence
		}
		doc.Pages = append(doc.Pages, pg)
	}

	// The classifier reads the pages as extracted: a running header that
	// names the document's country on every page is evidence, not noise.
	ownTitle, titleFrom := contentTitle(rel, res)
	out := classify.Classify(classify.Input{Title: first(side.Title, ownTitle), Summary: first(side.Summary, res.Description), Pages: res.Pages, FileName: path.Base(rel)})
	doc.Publisher = first(side.Publisher, out.Publisher)
	for i := range doc.Pages {
		if i < len(out.PageLangs) {
			doc.Pages[i].Lang = out.PageLangs[i]
		}
	}
	doc.Lang = first(strings.ToLower(side.Lang), out.Lang, res.Lang, strings.ToLower(side.ListingLang))

	var lst *listingEntry
	for i := range listed {
		if lst == nil || (listed[i].Lang == doc.Lang && lst.Lang != doc.Lang) {
			lst = &listed[i]
		}
	}
	var listTitle, listSummary string
	if lst != nil {
		listTitle, listSummary = lst.Title, lst.Summary
	}
	doc.Title = first(side.Title, listTitle, ownTitle)
	if doc.Title == "" {
		doc.Title = titleFromName(rel)
		doc.Flags = append(slices.Clip(doc.Flags), FlagTitleFromFileName)
	}
	doc.Summary = first(side.Summary, listSummary, res.Description)

	given := func(facet, value, source string) {
		doc.Labels = append(doc.Labels, search.Label{Facet: facet, Value: value, Given: true, Source: source})
	}
	// A sidecar written from a listing (`faro harvest`) names the listing
	// as the source of what it gives.
	sideSource := "sidecar"
	if side.ListingURL != "" {
		sideSource = "listing:" + side.ListingURL
	}
	switch {
	case side.Title != "":
		given("title", side.Title, sideSource)
	case listTitle != "":
		given("title", listTitle, "listing:"+lst.Page)
	case ownTitle != "":
		// Where the file's own title was read: "pdf-layout" (its
		// cover), "pdf-metadata", "html-metadata", ...
		doc.Labels = append(doc.Labels, search.Label{Facet: "title", Value: ownTitle, Source: res.Format + "-" + titleFrom})
	default:
		doc.Labels = append(doc.Labels, search.Label{Facet: "title", Value: doc.Title, Source: titleFromFile})
	}
	if side.ListingURL != "" && side.Title != "" && ownTitle != "" && !strings.EqualFold(ownTitle, side.Title) {
		// What the file says of itself stays beside what its listing
		// says.
		doc.Labels = append(doc.Labels, search.Label{Facet: "title", Value: ownTitle, Source: res.Format + "-" + titleFrom})
	}

	// Facets: the classifier's values, replaced by a sidecar's where it
	// gives any (values are normalised; one that does not normalise is
	// kept as given).
	doc.Countries, doc.Themes, doc.GCM, doc.Principles = out.Countries, out.Themes, out.GCM, out.Principles
	for _, f := range search.AllFacets() {
		vals := f.MetadataValues(side)
		if !f.Multi || len(vals) == 0 {
			continue
		}
		for i, v := range vals {
			if n, err := f.Normalize(v); err == nil {
				vals[i] = n
			}
			given(f.Name, vals[i], "sidecar")
		}
		_ = f.SetValues(doc, vals) // values read from the metadata's own field parse back
	}
	sort.Ints(doc.GCM) // the classifier's order, ascending
	switch {
	case side.Type != "":
		doc.Type = side.Type
		given(search.FacetType, side.Type, "sidecar")
	case res.Format == format.HTML.Name:
		// A page is a web page whatever it talks about.
		doc.Type = "web-page"
	case res.Format == format.Markdown.Name && declaresPost(res.Meta):
		// A post or article of a site or newspaper (front matter
		// "type: post", "layout: posts").
		doc.Type = "news"
		given(search.FacetType, doc.Type, "markdown-metadata")
	case out.Type != "":
		doc.Type = out.Type
	case res.Format == format.Markdown.Name:
		// Markdown in a collection is a post or note published on the web.
		doc.Type = "web-page"
	}
	if side.Lang != "" {
		given(search.FacetLang, doc.Lang, "sidecar")
	}

	// Dates: sidecar; a date printed on the first page(s); the date the
	// file declares (HTML, front matter), or for a PDF a bare year on its
	// first page(s) and then its creation date (the date of the file, not
	// of the text); a year in the file's name; for a web page or post,
	// the latest year its text reports. The year label's source says
	// which ("pdf-metadata", "filename", "estimate").
	created := 0 // a PDF's creation year: no date of its text is later
	if res.Format == format.PDF.Name {
		created = normDateYear(res.Meta["CreationDate"])
	}
	textYear := out.Year
	if created > 0 && textYear > created {
		textYear = 0
	}
	isPDF := res.Format == format.PDF.Name
	switch {
	case side.Date != "":
		doc.Date = side.Date
		given(search.FacetYear, side.Date, sideSource)
	case side.Year != 0:
		doc.Date = strconv.Itoa(side.Year)
		given(search.FacetYear, doc.Date, sideSource)
	case textYear != 0 && out.YearPrinted:
		doc.Date = strconv.Itoa(textYear)
	case res.Date != "" && !isPDF:
		doc.Date = res.Date
		given(search.FacetYear, res.Date, res.Format+"-metadata")
	case textYear != 0:
		doc.Date = strconv.Itoa(textYear)
	case res.Date != "":
		doc.Date = res.Date
		given(search.FacetYear, res.Date, res.Format+"-metadata")
	default:
		if y := yearFromName(rel); y != 0 {
			doc.Date = strconv.Itoa(y)
			given(search.FacetYear, doc.Date, "filename")
		} else if y, ev := latestYear(res.Pages); y != 0 && !isPDF {
			// An undated web page or post is no older than the latest
			// year it reports: an estimate.
			doc.Date = strconv.Itoa(y)
			doc.Labels = append(doc.Labels, search.Label{Facet: search.FacetYear, Value: doc.Date, Source: "estimate",
				Evidence: []search.Evidence{{Term: ev, Where: "body", Count: 1}}})
		}
	}
	if len(doc.Date) >= 4 {
		doc.Year, _ = strconv.Atoi(doc.Date[:4])
	}
	if side.Year != 0 {
		doc.Year = side.Year
	}
	doc.Labels = append(doc.Labels, out.Labels...)
	for _, r := range out.Rejected {
		doc.NotKept = append(doc.NotKept, r.Label)
	}
	for _, f := range search.AllFacets() {
		if f.Multi && f.Values(doc) == nil {
			_ = f.SetValues(doc, []string{}) // an empty list, never null in JSON
		}
	}
	return doc
}

// ocrKey is what of the OCR setting a file's extraction depends on: the
// mode and the recogniser, for PDFs and images; "" for other files and
// with OCR off.
func ocrKey(path string) string {
	cfg := extract.OCR()
	if !cfg.On() {
		return ""
	}
	f, ok := format.ByExt(path)
	if !ok {
		return ""
	}
	if _, img := extract.For(f.Name).(extract.ImageExtractor); !img && f.Name != format.PDF.Name {
		return ""
	}
	k := "ocr=" + string(cfg.Mode) + "," + strconv.Itoa(cfg.DPI)
	if e, err := ocr.Find(); err == nil {
		k += "," + e.Name() + "," + strings.Join(e.Langs, "+")
	}
	return k
}

// DocumentID derives a stable, readable id from a corpus path: the file's
// name as a slug plus a short hash of the whole path.
func DocumentID(rel string) string {
	base := path.Base(rel)
	base = strings.TrimSuffix(base, path.Ext(base))
	var b strings.Builder
	dash := false
	for _, r := range search.Fold(base) {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	slug := strings.Trim(b.String(), "-")
	if len(slug) > 60 {
		slug = strings.Trim(slug[:60], "-")
	}
	sum := sha1.Sum([]byte(rel))
	if slug == "" {
		return hex.EncodeToString(sum[:6])
	}
	return slug + "-" + hex.EncodeToString(sum[:3])
}

func first(vals ...string) string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// cleanTitle drops titles that are file names or tool leftovers.
func cleanTitle(t string) string {
	t = strings.TrimSpace(t)
	low := strings.ToLower(t)
	for _, bad := range []string{".doc", ".pdf", ".indd", "untitled", "microsoft word", "sin título"} {
		if strings.Contains(low, bad) {
			return ""
		}
	}
	return t
}

func titleFromName(rel string) string {
	base := path.Base(rel)
	base = strings.TrimSuffix(base, path.Ext(base))
	return strings.Join(strings.FieldsFunc(base, func(r rune) bool { return r == '-' || r == '_' }), " ")
}

// isHTMLName reports whether rel is named like an HTML page (a listing
// page may be one).
func isHTMLName(rel string) bool {
	f, ok := format.ByExt(rel)
	return ok && f.Name == format.HTML.Name
}

// linkKey is how a listing's link and a corpus file are matched: the file
// name, unescaped and lower-cased.
func linkKey(href string) string {
	if u, err := url.Parse(href); err == nil {
		href = u.Path
	}
	if un, err := url.PathUnescape(href); err == nil {
		href = un
	}
	return strings.ToLower(path.Base(href))
}
