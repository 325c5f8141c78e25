package bleve

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"

	"faro/search"
	"faro/search/bleve/internal/texttable"
)

// Search runs q. Errors the user must fix are *search.QueryError. Results
// are cached until the next write and must not be modified.
func (x *Index) Search(ctx context.Context, q search.Query) (*search.Result, error) {
	start := time.Now()
	key := cacheKey(q)
	if r, ok := x.cache.get(key); ok {
		cp := *r
		cp.Took = time.Since(start)
		return &cp, nil
	}
	gen := x.cache.generation()
	r, err := x.search(ctx, q)
	if err != nil {
		return nil, err
	}
	r.Took = time.Since(start)
	x.cache.put(key, gen, r)
	return r, nil
}

// compileOptions are what compiling a query needs from the engine.
var compileOptions = search.CompileOptions{IsStopWord: isStopWord, IsStopWordIn: isStopWordIn}

func (x *Index) search(ctx context.Context, q search.Query) (*search.Result, error) {
	if q.Size == 0 {
		q.Size = search.DefaultSize
	}
	if q.Page == 0 {
		q.Page = 1
	}
	if q.Size < 1 || q.Size > search.MaxSize {
		return nil, &search.QueryError{Msg: fmt.Sprintf("size must be between 1 and %d", search.MaxSize), Pos: -1}
	}
	if q.Page < 1 {
		return nil, &search.QueryError{Msg: "page must be 1 or more", Pos: -1}
	}
	from := (q.Page - 1) * q.Size
	if from+q.Size > search.MaxDepth {
		return nil, &search.QueryError{Msg: fmt.Sprintf("page × size must not exceed %d", search.MaxDepth), Pos: -1}
	}
	switch q.Sort {
	case search.SortRelevance, "", search.SortDateDesc, search.SortDateAsc:
	default:
		return nil, &search.QueryError{Msg: "sort must be relevance, date_desc or date_asc", Pos: -1}
	}
	opts := compileOptions
	opts.Strict, opts.NoTypos = q.AllWords, q.NoTypos
	plan, err := x.plans.compile(q.Text, opts)
	if err != nil {
		return nil, err
	}
	if q.YearFrom != 0 && q.YearTo != 0 && q.YearFrom > q.YearTo {
		return nil, &search.QueryError{Msg: "year_from is after year_to", Pos: -1}
	}
	selected, err := selections(q)
	if err != nil {
		return nil, err
	}
	var after []string
	if q.Cursor != "" {
		if after, err = decodeCursor(q.Cursor, q.Sort); err != nil {
			return nil, err
		}
		from = 0
	}

	s, err := x.acquire(ctx)
	if err != nil {
		return nil, err
	}
	defer s.release()
	select {
	case x.tt.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	// The whole search holds its slot: searches then finish in the order
	// they came instead of sharing the CPUs.
	defer func() { <-x.tt.sem }()

	r, err := s.view.Search(ctx, texttable.Request{
		Plan: plan, Filters: filters(s.view, selected, q), Sort: q.Sort,
		From: from, Size: q.Size, After: after, Explain: q.Explain, NoCache: x.tt.noMatchCache.Load(),
	})
	if errors.Is(err, texttable.ErrCursor) {
		return nil, &search.QueryError{Msg: "cursor does not match this search", Pos: -1}
	}
	if err != nil {
		return nil, err
	}
	res := &search.Result{Total: r.Total, Facets: facetCounts(r.Counts), Hits: make([]search.Hit, 0, len(r.Hits))}
	if !plan.Browse && r.Total > 0 {
		res.Matched = search.MatchedAll
		if r.Partial {
			res.Matched = search.MatchedSome
		}
	}
	// Marks are located for snippets, and for the spelling of corrected
	// words (did you mean).
	var marks []search.Mark
	if !plan.Browse && (q.Snippets > 0 || hasTypos(plan.Marks)) {
		marks = plan.Marks
	}
	// The marked pages' texts are read into buf and stay there until the
	// hits are made: snippets are cut from them into their own strings.
	buf := storedBufsPool.Get().(*storedBufs)
	defer storedBufsPool.Put(buf)
	buf.text = buf.text[:0]
	loaded, err := x.loadHits(ctx, s, r.Hits, marks, buf)
	if err != nil {
		return nil, err
	}
	fixes := map[string]string{}
	for i, h := range r.Hits {
		lh := loaded[i]
		if lh == nil {
			continue
		}
		for word, term := range s.view.Fixes(h.N, marks) {
			if _, done := fixes[word]; done {
				continue
			}
			for _, sp := range lh.spans {
				if sp.Term == term {
					fixes[word] = strings.Clone(lh.doc.Pages[sp.Page].Text[sp.Start:sp.End])
					break
				}
			}
		}
		hit := hitWithSpans(lh.doc, h.Score, lh.spans, q.Snippets)
		if q.Explain && h.Explanation != nil {
			hit.Explanation = h.Explanation
		}
		res.Hits = append(res.Hits, hit)
	}
	if r.Next != nil {
		res.NextCursor = encodeCursor(q.Sort, r.Next)
	}
	res.DidYouMean = search.Corrected(q.Text, fixes)
	return res, nil
}

// selections are a query's facet selections, validated and normalised:
// facet -> values.
func selections(q search.Query) (map[string][]string, error) {
	out := map[string][]string{}
	for facet, values := range q.Filters {
		if !search.IsFacet(facet) {
			return nil, &search.QueryError{Msg: "unknown facet " + strconv.Quote(facet), Pos: -1}
		}
		for _, v := range values {
			v, err := search.NormalizeFilter(facet, v)
			if err != nil {
				return nil, err
			}
			out[facet] = append(out[facet], v)
		}
	}
	return out, nil
}

// filters turns selections into the View's filters: one per facet, its
// values ORed; the year range belongs to the year facet.
func filters(v *texttable.View, selected map[string][]string, q search.Query) []texttable.Filter {
	var out []texttable.Filter
	for _, facet := range search.Facets {
		values, sel := selected[facet]
		ranged := facet == search.FacetYear && (q.YearFrom != 0 || q.YearTo != 0)
		if !sel && !ranged {
			continue
		}
		f := texttable.Filter{Group: facet}
		if sel {
			for _, val := range values {
				f.Keys = append(f.Keys, facetTerm(facet, val))
			}
		}
		if ranged {
			var keys []string
			for _, k := range v.Keys(search.FacetYear) {
				y, err := strconv.Atoi(strings.TrimPrefix(k, search.FacetYear+":"))
				if err != nil || y == 0 || (q.YearFrom != 0 && y < q.YearFrom) || (q.YearTo != 0 && y > q.YearTo) {
					continue
				}
				if !sel || slices.Contains(f.Keys, k) {
					keys = append(keys, k)
				}
			}
			f.Keys = keys
		}
		out = append(out, f)
	}
	return out
}

// facetCounts turns the View's counts by value into every facet's counts,
// ordered as they are shown.
func facetCounts(counts map[string]int) map[string][]search.FacetCount {
	out := make(map[string][]search.FacetCount, len(search.Facets))
	for _, f := range search.Facets {
		out[f] = []search.FacetCount{}
	}
	for key, c := range counts {
		f, v, ok := strings.Cut(key, ":")
		if _, known := out[f]; ok && known {
			out[f] = append(out[f], search.FacetCount{Value: v, Count: c})
		}
	}
	for name, fc := range out {
		sortFacetCounts(name, fc)
	}
	return out
}

func sortFacetCounts(name string, out []search.FacetCount) {
	sort.SliceStable(out, func(i, j int) bool {
		if name == search.FacetYear {
			return out[i].Value > out[j].Value
		}
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Value < out[j].Value
	})
}

// markedPage is a page of a shown hit holding marks: their positions,
// ascending, and the page's text once read.
type markedPage struct {
	page      int
	positions []int
	marks     []texttable.Marked
	text      string
}

// loadedHit is a shown hit's stored document and the spans of its
// matches.
type loadedHit struct {
	doc   *search.Document
	spans []search.Span
}

// loadHits returns the stored documents of hits (nil for one deleted)
// and the spans of the marks' matches in their bodies.
//
// Everything comes from the View's snapshot without a search: a hit's
// stored fields are read by its document number, the positions of the
// marks in its body from the text table, and the byte offsets of those
// positions by splitting the pages that hold them into words again, with
// the tokenizer that indexed them.
func (x *Index) loadHits(ctx context.Context, s *served, hits []texttable.Hit, marks []search.Mark, buf *storedBufs) ([]*loadedHit, error) {
	out := make([]*loadedHit, len(hits))
	tok := wordsTokenizer{full: unicode.NewUnicodeTokenizer()}
	analysed := map[[2]string][]texttable.Token{}
	var (
		positions []int
		pages     []markedPage
	)
	for i, h := range hits {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		at := s.view.Marks(h.N, marks, analysed)
		// The marked positions by page, ascending, in a buffer kept from
		// one hit to the next.
		positions = slices.Grow(positions[:0], len(at))[:len(at)]
		pages = pages[:0]
		for from := 0; from < len(at); {
			p, to := texttable.KeyPage(at[from].Key), from
			for ; to < len(at) && texttable.KeyPage(at[to].Key) == p; to++ {
				positions[to] = texttable.KeyPos(at[to].Key)
			}
			pages, from = append(pages, markedPage{page: p, positions: positions[from:to], marks: at[from:to]}), to
		}
		si, local := s.view.Locate(h.N)
		// Each value is read while the buffer holds it: the hit decoded,
		// a marked page's text copied once, into buf.text, and its marks
		// placed.
		var (
			doc    *search.Document
			badHit error
			spans  = make([]search.Span, 0, len(at))
		)
		visit := func(name string, _ byte, val []byte, _ []uint64) bool {
			if name == fieldHit {
				doc, badHit = decodeHit(val, nil)
				return badHit == nil
			}
			if len(pages) > 0 && strings.HasPrefix(name, "body_") {
				eachPage(val, func(p int, text []byte) {
					if m := slices.IndexFunc(pages, func(m markedPage) bool { return m.page == p }); m >= 0 {
						pages[m].text = buf.keep(text)
						tok.wordsAt(text, pages[m].positions, func(i, start, end int) {
							spans = append(spans, search.Span{Page: p, Start: start, End: end, Term: pages[m].marks[i].Term})
						})
					}
				})
			}
			return true
		}
		var err error
		if si < len(s.files) && s.files[si] != nil {
			err = s.files[si].visit(uint64(local), buf, visit)
		} else {
			err = s.segs[si].VisitDocument(uint64(local), visit)
		}
		if err != nil {
			return nil, fmt.Errorf("search: load hit %s: %w", h.ID, err)
		}
		if badHit != nil {
			return nil, fmt.Errorf("search: decode hit %s: %w", h.ID, badHit)
		}
		if doc == nil {
			continue
		}
		for _, m := range pages {
			if m.text != "" && m.page < len(doc.Pages) {
				doc.Pages[m.page].Text = m.text
			}
		}
		lh := &loadedHit{doc: doc, spans: spans}
		out[i] = lh
	}
	return out, nil
}

// hitWithSpans makes a hit of a stored document with snippets around the
// spans.
func hitWithSpans(doc *search.Document, score float64, spans []search.Span, snippets int) search.Hit {
	hit := search.NewHit(doc)
	hit.Score = score
	if snippets > 0 {
		if s := search.BuildSnippets(doc.Pages, spans, snippets, search.SnippetWidth); s != nil {
			hit.Snippets = s
		}
	}
	return hit
}

// hasTypos reports whether a mark forgives typos.
func hasTypos(marks []search.Mark) bool {
	for _, m := range marks {
		if m.Typos > 0 {
			return true
		}
	}
	return false
}
