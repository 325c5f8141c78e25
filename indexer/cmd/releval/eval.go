package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"faro/indexer"
	"faro/indexer/extract"
	"faro/search"
	"faro/search/bleve"
)

// sharedPrefix starts the document paths of the judgments, which are
// relative to the folder that holds the shared folder.
const sharedPrefix = "shared/"

// report is the outcome of one evaluation.
type report struct {
	Shared    string `json:"shared"`
	Documents int    `json:"documents"`
	// Failed lists the judged documents Faro could not read.
	Failed       []failure     `json:"failed"`
	IndexSeconds float64       `json:"index_seconds"`
	Summary      []summaryRow  `json:"summary"`
	Facets       []facetScore  `json:"facets"`
	Queries      []queryResult `json:"queries"`
}

// failure is a document that could not be indexed.
type failure struct {
	Doc   string `json:"doc"`
	Error string `json:"error"`
}

// runScore is one engine's answer to one query.
type runScore struct {
	NDCG   float64 `json:"ndcg10"`
	Recall float64 `json:"recall20"`
	// Total is how many documents matched.
	Total int `json:"total"`
	// Top lists the first ndcgDepth documents.
	Top   []string `json:"top"`
	Error string   `json:"error,omitempty"`
}

// queryResult is one judged query with both engines' scores.
type queryResult struct {
	judgedQuery
	Relevant int      `json:"relevant"`
	Faro     runScore `json:"faro"`
	BM25     runScore `json:"bm25"`
}

// engineMeans are an engine's means over a set of queries.
type engineMeans struct {
	NDCG   float64 `json:"ndcg10"`
	Recall float64 `json:"recall20"`
	// Zero counts the queries with no result or an error.
	Zero int `json:"zero"`
}

// summaryRow is the means over all queries, a group or a kind.
type summaryRow struct {
	Name    string      `json:"name"`
	Queries int         `json:"queries"`
	Faro    engineMeans `json:"faro"`
	BM25    engineMeans `json:"bm25"`
}

// facetScore is Faro's classification of the judged documents against
// labels.tsv: mean precision and recall per document for the set facets,
// accuracy for the single-valued ones (the other fields are nil).
type facetScore struct {
	Facet     string   `json:"facet"`
	Precision *float64 `json:"precision,omitempty"`
	Recall    *float64 `json:"recall,omitempty"`
	Accuracy  *float64 `json:"accuracy,omitempty"`
}

// evaluate indexes the judged documents of shared with Faro's pipeline
// and scores Faro and the BM25 baseline on every judged query, or on a
// copy of each with a typo.
func evaluate(ctx context.Context, shared string, typos bool) (*report, error) {
	if err := checkShared(shared); err != nil {
		return nil, err
	}
	j, err := loadJudgments(filepath.Join(shared, "judgments"))
	if err != nil {
		return nil, err
	}
	if typos {
		for i := range j.Queries {
			j.Queries[i].Text = withTypo(j.Queries[i].ID, j.Queries[i].Text)
		}
	}
	rep := &report{Shared: shared, Documents: len(j.Docs)}
	start := time.Now()
	docs, failed, err := readDocuments(ctx, shared, j.Docs)
	if err != nil {
		return nil, err
	}
	rep.Failed = failed

	tmp, err := os.MkdirTemp("", "releval-")
	if err != nil {
		return nil, fmt.Errorf("create temporary index folder: %w", err)
	}
	defer os.RemoveAll(tmp)
	idx, err := bleve.Create(filepath.Join(tmp, "index"))
	if err != nil {
		return nil, err
	}
	defer idx.Close()
	var ids, texts []string
	for _, path := range j.Docs {
		d := docs[path]
		if d == nil {
			continue
		}
		if err := idx.Put(ctx, d); err != nil {
			return nil, fmt.Errorf("index %s: %w", path, err)
		}
		ids = append(ids, path)
		texts = append(texts, documentText(d))
	}
	if err := idx.Flush(ctx); err != nil {
		return nil, fmt.Errorf("flush the index: %w", err)
	}
	idx.Warm(ctx)
	rep.IndexSeconds = time.Since(start).Seconds()
	base := newBM25(ids, texts)

	for _, q := range j.Queries {
		r := queryResult{judgedQuery: q}
		for _, g := range q.Grades {
			if g > 0 {
				r.Relevant++
			}
		}
		r.Faro = runFaro(ctx, idx, q)
		r.BM25 = runBM25(base, docs, q)
		rep.Queries = append(rep.Queries, r)
	}
	rep.Summary = summarize(rep.Queries)
	rep.Facets = scoreFacets(j, docs)
	return rep, nil
}

// readDocuments reads the judged documents (paths "shared/...") with the
// indexer, several at once, with the PDF fallback on as in faro index's
// worker processes. A document that cannot be read is a failure, not an
// error.
func readDocuments(ctx context.Context, shared string, paths []string) (map[string]*search.Document, []failure, error) {
	extract.EnablePDFFallback(true)
	for _, p := range paths {
		if !strings.HasPrefix(p, sharedPrefix) {
			return nil, nil, fmt.Errorf("labels.tsv: document %q is not under %s", p, sharedPrefix)
		}
	}
	// The web pages' site boilerplate is learnt from all of them first,
	// as faro index does.
	sites := indexer.NewSites()
	rels := make([]string, len(paths))
	for i, p := range paths {
		rels[i] = strings.TrimPrefix(p, sharedPrefix)
	}
	if err := sites.Learn(ctx, shared, rels, indexer.Options{}); err != nil {
		return nil, nil, err
	}
	docs := make([]*search.Document, len(paths))
	errs := make([]error, len(paths))
	var wg sync.WaitGroup
	sem := make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))
	for i := range paths {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			docs[i], errs[i] = indexer.IndexFile(ctx, shared, rels[i], discard{}, indexer.Options{Sites: sites})
		}()
	}
	wg.Wait()
	out := make(map[string]*search.Document, len(paths))
	failed := []failure{}
	for i, p := range paths {
		var fe indexer.FileError
		switch {
		case errs[i] == nil:
			out[p] = docs[i]
		case errors.As(errs[i], &fe):
			failed = append(failed, failure{Doc: p, Error: fe.Err.Error()})
		default:
			return nil, nil, errs[i]
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	return out, failed, nil
}

// discard is a sink that keeps nothing: the documents are written to the
// index in the judgments' order once all are read.
type discard struct{}

func (discard) Put(context.Context, *search.Document) error { return nil }

// documentText is what the baseline indexes: the title and every page.
func documentText(d *search.Document) string {
	var b strings.Builder
	b.WriteString(d.Title)
	for _, p := range d.Pages {
		b.WriteString("\n")
		b.WriteString(p.Text)
	}
	return b.String()
}

// runFaro runs q through the index with its filter and scores the answer.
func runFaro(ctx context.Context, idx *bleve.Index, q judgedQuery) runScore {
	sq := search.Query{Text: q.Text, Sort: search.SortRelevance, Page: 1, Size: recallDepth}
	if q.FilterFacet != "" {
		sq.Filters = map[string][]string{q.FilterFacet: {q.FilterValue}}
	}
	sq.Explain = q.ID == explainID
	res, err := idx.Search(ctx, sq)
	if err != nil {
		return runScore{Error: err.Error()}
	}
	if sq.Explain {
		printExplained(os.Stderr, q, res)
	}
	ranked := make([]string, 0, len(res.Hits))
	for _, h := range res.Hits {
		ranked = append(ranked, sharedPrefix+h.Source)
	}
	return scoreRun(ranked, int(res.Total), q.Grades)
}

// runBM25 runs q through the baseline with its filter applied on Faro's
// labels of each document.
func runBM25(b *bm25, docs map[string]*search.Document, q judgedQuery) runScore {
	var keep func(string) bool
	if q.FilterFacet != "" {
		keep = func(id string) bool { return slices.Contains(facetValues(docs[id], q.FilterFacet), q.FilterValue) }
	}
	hits := b.search(queryWords(q.Text), keep)
	ranked := make([]string, 0, min(len(hits), recallDepth))
	for _, h := range hits[:min(len(hits), recallDepth)] {
		ranked = append(ranked, h.ID)
	}
	return scoreRun(ranked, len(hits), q.Grades)
}

func scoreRun(ranked []string, total int, grades map[string]int) runScore {
	ranked = dedupe(ranked)
	return runScore{
		NDCG:   ndcgAt(ndcgDepth, ranked, grades),
		Recall: recallAt(recallDepth, ranked, grades),
		Total:  total,
		Top:    ranked[:min(len(ranked), ndcgDepth)],
	}
}

// facetValues are a document's values of a facet as filters name them.
func facetValues(d *search.Document, facet string) []string {
	f, ok := search.LookupFacet(facet)
	if d == nil || !ok {
		return nil
	}
	return f.Values(d)
}

// The two halves of the judged queries: ranking rules are tuned on half A
// and checked on half B, so that a rule fitted to single queries shows as
// a gap between them.
const (
	halfA = "half A"
	halfB = "half B"
)

// half says which half a query belongs to: A for an odd number after its
// group ("en-01", "xl-03"), B for an even one, so that every group and
// most kinds fall into both.
func half(id string) string {
	i := strings.LastIndexByte(id, '-')
	n, err := strconv.Atoi(id[i+1:])
	if err == nil && n%2 == 0 {
		return halfB
	}
	return halfA
}

// summarize gives the means over all queries, per group (in the order
// en, es, fr, xl, then others), per half and per kind.
func summarize(qs []queryResult) []summaryRow {
	rows := []summaryRow{means("all", qs)}
	groups := []string{"en", "es", "fr", "xl"}
	for _, q := range qs {
		if !slices.Contains(groups, q.Group) {
			groups = append(groups, q.Group)
		}
	}
	for _, g := range groups {
		var sel []queryResult
		for _, q := range qs {
			if q.Group == g {
				sel = append(sel, q)
			}
		}
		if len(sel) > 0 {
			rows = append(rows, means(g, sel))
		}
	}
	for _, h := range []string{halfA, halfB} {
		var sel []queryResult
		for _, q := range qs {
			if half(q.ID) == h {
				sel = append(sel, q)
			}
		}
		if len(sel) > 0 {
			rows = append(rows, means(h, sel))
		}
	}
	for _, k := range kindOrder {
		var sel []queryResult
		for _, q := range qs {
			if slices.Contains(q.Kinds, k) {
				sel = append(sel, q)
			}
		}
		if len(sel) > 0 {
			rows = append(rows, means(k, sel))
		}
	}
	return rows
}

func means(name string, qs []queryResult) summaryRow {
	row := summaryRow{Name: name, Queries: len(qs)}
	add := func(m *engineMeans, s runScore) {
		m.NDCG += s.NDCG
		m.Recall += s.Recall
		if s.Total == 0 || s.Error != "" {
			m.Zero++
		}
	}
	for _, q := range qs {
		add(&row.Faro, q.Faro)
		add(&row.BM25, q.BM25)
	}
	if n := float64(len(qs)); n > 0 {
		for _, m := range []*engineMeans{&row.Faro, &row.BM25} {
			m.NDCG /= n
			m.Recall /= n
		}
	}
	return row
}

// scoreFacets compares Faro's labels of the judged documents with
// labels.tsv as the judgments' README says: countries and GCM objectives
// by mean per-document precision and recall, language, type and year by
// accuracy. A document Faro could not read has no labels.
func scoreFacets(j *judgments, docs map[string]*search.Document) []facetScore {
	n := float64(len(j.Docs))
	if n == 0 {
		return nil
	}
	var cp, cr, gp, gr, lang, typ, year float64
	for _, path := range j.Docs {
		want := j.Labels[path]
		d := docs[path]
		p, r := setPR(facetValues(d, search.FacetCountry), want.Countries)
		cp, cr = cp+p, cr+r
		p, r = setPR(facetValues(d, search.FacetGCM), want.GCM)
		gp, gr = gp+p, gr+r
		if d == nil {
			continue
		}
		if d.Lang == want.Lang {
			lang++
		}
		if d.Type == want.Type {
			typ++
		}
		if strconv.Itoa(d.Year) == want.Year {
			year++
		}
	}
	mean := func(sum float64) *float64 { m := sum / n; return &m }
	return []facetScore{
		{Facet: "countries", Precision: mean(cp), Recall: mean(cr)},
		{Facet: "gcm", Precision: mean(gp), Recall: mean(gr)},
		{Facet: "lang", Accuracy: mean(lang)},
		{Facet: "doc_type", Accuracy: mean(typ)},
		{Facet: "year", Accuracy: mean(year)},
	}
}

// printExplained writes the top documents of q's answer with their grades
// and explanations.
func printExplained(w io.Writer, q judgedQuery, res *search.Result) {
	fmt.Fprintf(w, "%s %s\n", q.ID, q.Text)
	for i, h := range res.Hits[:min(len(res.Hits), ndcgDepth)] {
		fmt.Fprintf(w, "%2d grade %d  %.4g  %s\n", i+1, q.Grades[sharedPrefix+h.Source], h.Score, h.Source)
		b, _ := json.MarshalIndent(h.Explanation, "     ", "  ")
		fmt.Fprintf(w, "     %s\n", b)
	}
}
