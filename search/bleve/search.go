package bleve

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"faro/search"
)

// facetSize is how many values the combined facet field returns: every
// country, theme, objective, principle, type, language and year.
const facetSize = 10000

type weightedField struct {
	name  string
	boost float64
}

// textFields are the fields a free-text term is searched in, with boosts:
// title over summary over body. Each document fills the fields of one
// language only, so a word costs a dictionary look-up in the others.
var textFields = func() []weightedField {
	var fs []weightedField
	for _, l := range languages {
		fs = append(fs,
			weightedField{"title_" + l, 3},
			weightedField{"summary_" + l, 2},
			weightedField{"body_" + l, 1})
	}
	return fs
}()

var titleFields = func() []weightedField {
	var fs []weightedField
	for _, f := range textFields {
		if strings.HasPrefix(f.name, "title_") {
			fs = append(fs, f)
		}
	}
	return fs
}()

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

func (x *Index) search(ctx context.Context, q search.Query) (*search.Result, error) {
	start := time.Now()
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
	node, err := search.ParseQuery(q.Text)
	if err != nil {
		return nil, err
	}
	expanded := search.ExpandSynonyms(node)
	textQ, err := translate(expanded)
	if err != nil {
		return nil, err
	}
	filters, err := filterQueries(q)
	if err != nil {
		return nil, err
	}

	var after []string
	useTable := !q.Explain && !x.tt.off.Load()
	if q.Cursor != "" {
		var path string
		if after, path, err = decodeCursor(q.Cursor, q.Sort); err != nil {
			return nil, err
		}
		from = 0
		// A cursor is followed on the path that scored it: bleve's
		// searchers, or the text table, built now if it is not ready
		// (after a restart or a write).
		if path != pathTextTable {
			useTable = false
		} else if useTable {
			x.Warm(ctx)
		}
	}
	switch q.Sort {
	case search.SortRelevance, "", search.SortDateDesc, search.SortDateAsc:
	default:
		return nil, &search.QueryError{Msg: "sort must be relevance, date_desc or date_asc", Pos: -1}
	}
	if useTable {
		if t := x.table(); t != nil {
			if m := t.text.Load(); m != nil {
				res, err := x.searchMem(ctx, t, m, q, expanded, textQ, from, after)
				var unsupported errUnsupported
				if !errors.As(err, &unsupported) {
					if res != nil {
						res.Took = time.Since(start)
					}
					return res, err
				}
			}
		}
	}
	main := bleve.NewSearchRequestOptions(textQ, q.Size, from, q.Explain)
	// Every order ends with the id, so it is total and cursors are exact.
	id := &bsearch.SortDocID{}
	switch q.Sort {
	case search.SortDateDesc:
		main.SortByCustom(bsearch.SortOrder{dateSort(true), &bsearch.SortScore{Desc: true}, id})
	case search.SortDateAsc:
		main.SortByCustom(bsearch.SortOrder{dateSort(false), &bsearch.SortScore{Desc: true}, id})
	case search.SortRelevance, "":
		// Scores tie when there are no words to rank by: newest first then.
		// With words, exact ties are rare and reading every hit's date to
		// break them would cost a doc-values visit per hit.
		if _, all := node.(search.MatchAll); all {
			main.SortByCustom(bsearch.SortOrder{dateSort(true), id})
		} else {
			main.SortByCustom(bsearch.SortOrder{&bsearch.SortScore{Desc: true}, id})
		}
	default:
		return nil, &search.QueryError{Msg: "sort must be relevance, date_desc or date_asc", Pos: -1}
	}
	if after != nil {
		if len(after) != len(main.Sort) {
			return nil, &search.QueryError{Msg: "cursor does not match this search", Pos: -1}
		}
		main.SearchAfter = after
	}
	res := &search.Result{}
	var r *bleve.SearchResult
	if !q.Explain {
		if t := x.table(); t != nil {
			res.Facets, r, err = x.searchOnePass(ctx, t, q, textQ, filters, main)
			if errors.Is(err, errStaleTable) {
				r, err = nil, nil
			} else if err != nil {
				return nil, err
			}
		}
	}
	if r == nil {
		res.Facets, r, err = x.searchPerFacet(ctx, textQ, filters, main)
		if err != nil {
			return nil, err
		}
	}
	res.Total = r.Total
	// Match locations are read for the shown hits only: a second, cheap
	// search restricted to their ids.
	var locs map[string]bsearch.FieldTermLocationMap
	if _, all := node.(search.MatchAll); q.Snippets > 0 && !all && len(r.Hits) > 0 {
		ids := make([]string, len(r.Hits))
		for i, h := range r.Hits {
			ids[i] = h.ID
		}
		if locs, err = x.locations(ctx, textQ, ids); err != nil {
			return nil, err
		}
	}
	res.Hits = make([]search.Hit, 0, len(r.Hits))
	for _, h := range r.Hits {
		doc, err := x.hitDoc(h.ID, q.Snippets > 0)
		if err != nil {
			return nil, err
		}
		if doc == nil {
			continue // deleted since the search
		}
		hit := toHit(doc, h.Score, locs[h.ID], q.Snippets)
		if q.Explain && h.Expl != nil {
			hit.Explanation = h.Expl
		}
		res.Hits = append(res.Hits, hit)
	}
	if n := len(r.Hits); n == q.Size && (after != nil || uint64(from+n) < r.Total) {
		res.NextCursor = encodeCursor(q.Sort, afterValues(main.Sort, r.Hits[n-1]), "")
	}
	res.Took = time.Since(start)
	return res, nil
}

// searchPerFacet is the original path: the main request counts the facets
// without a selection; each facet with a selection is counted by its own
// request that leaves that selection out (disjunctive facets).
func (x *Index) searchPerFacet(ctx context.Context, textQ query.Query, filters map[string]query.Query, main *bleve.SearchRequest) (map[string][]search.FacetCount, *bleve.SearchResult, error) {
	main.Query = conjoin(textQ, filters, "")
	var own []string
	for _, f := range search.Facets {
		if _, selected := filters[f]; selected {
			own = append(own, f)
		}
	}
	if len(own) < len(search.Facets) {
		main.AddFacet(fieldFacet, bleve.NewFacetRequest(fieldFacet, facetSize))
	}
	facets := map[string][]search.FacetCount{}
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	for _, f := range own {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req := bleve.NewSearchRequestOptions(conjoin(textQ, filters, f), 0, 0, false)
			req.AddFacet(fieldFacet, bleve.NewFacetRequest(fieldFacet, facetSize))
			r, err := x.idx.SearchInContext(ctx, req)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				if firstErr == nil {
					firstErr = fmt.Errorf("count facet %s: %w", f, err)
				}
				return
			}
			facets[f] = facetCounts(f, r.Facets[fieldFacet])
		}()
	}
	r, err := x.idx.SearchInContext(ctx, main)
	wg.Wait()
	if err != nil {
		return nil, nil, fmt.Errorf("search: %w", err)
	}
	if firstErr != nil {
		return nil, nil, firstErr
	}
	for _, f := range search.Facets {
		if _, selected := filters[f]; !selected {
			facets[f] = facetCounts(f, r.Facets[fieldFacet])
		}
	}
	return facets, r, nil
}

// searchOnePass runs the text query once, without the filters as
// constraints: the facet table applies them to every match, counts every
// facet and passes the matches that pass every filter on to bleve's top-N
// collector. The filters still join the query as optional clauses, so a
// hit's score is the sum the original path's conjunction computes (text
// plus filter clauses). It returns errStaleTable when the index changed
// since t was built.
func (x *Index) searchOnePass(ctx context.Context, t *facetTable, q search.Query, textQ query.Query, filters map[string]query.Query, main *bleve.SearchRequest) (map[string][]search.FacetCount, *bleve.SearchResult, error) {
	pass, err := newFacetPass(t, q)
	if err != nil {
		return nil, nil, err
	}
	main.Query = textQ
	if len(filters) > 0 {
		var should []query.Query
		for _, f := range search.Facets {
			if fq, ok := filters[f]; ok {
				should = append(should, fq)
			}
		}
		bq := bleve.NewBooleanQuery()
		bq.AddMust(textQ)
		bq.AddShould(should...)
		main.Query = bq
	}
	main.Facets = nil
	order := main.Sort
	main.Sort = tableSorts(t, order)
	r, err := x.idx.SearchInContext(withFacetPass(ctx, pass), main)
	main.Sort = order
	if errors.Is(err, errStaleTable) {
		return nil, nil, err
	}
	if err != nil {
		return nil, nil, fmt.Errorf("search: %w", err)
	}
	r.Total = pass.total
	x.ft.used.Add(1)
	return pass.facets(), r, nil
}

// afterValues are the search_after values of a hit: its sort values, with
// the score itself where the order sorts by score (bleve reports "_score").
func afterValues(order bsearch.SortOrder, h *bsearch.DocumentMatch) []string {
	vals := append([]string(nil), h.Sort...)
	for i, s := range order {
		if _, ok := s.(*bsearch.SortScore); ok && i < len(vals) {
			vals[i] = strconv.FormatFloat(h.Score, 'g', -1, 64)
		}
	}
	return vals
}

func dateSort(desc bool) *bsearch.SortField {
	return &bsearch.SortField{Field: fieldDate, Desc: desc, Type: bsearch.SortFieldAsString, Missing: bsearch.SortFieldMissingLast}
}

// facetCounts picks the values of facet name out of the combined field's
// counts.
func facetCounts(name string, fr *bsearch.FacetResult) []search.FacetCount {
	out := []search.FacetCount{}
	if fr == nil || fr.Terms == nil {
		return out
	}
	prefix := name + ":"
	for _, t := range fr.Terms.Terms() {
		if v, ok := strings.CutPrefix(t.Term, prefix); ok {
			out = append(out, search.FacetCount{Value: v, Count: t.Count})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if name == search.FacetYear {
			return out[i].Value > out[j].Value
		}
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Value < out[j].Value
	})
	return out
}

// conjoin ANDs the text query with every filter except the one of facet
// skip.
func conjoin(text query.Query, filters map[string]query.Query, skip string) query.Query {
	parts := []query.Query{text}
	for _, f := range search.Facets {
		if f == skip {
			continue
		}
		if fq, ok := filters[f]; ok {
			parts = append(parts, fq)
		}
	}
	if len(parts) == 1 {
		return text
	}
	return bleve.NewConjunctionQuery(parts...)
}

// filterQueries builds one query per facet with a selection: its values
// ORed. The year range belongs to the year facet.
func filterQueries(q search.Query) (map[string]query.Query, error) {
	out := map[string]query.Query{}
	for facet, values := range q.Filters {
		if !isFacet(facet) {
			return nil, &search.QueryError{Msg: "unknown facet " + strconv.Quote(facet), Pos: -1}
		}
		if len(values) == 0 {
			continue
		}
		var ors []query.Query
		for _, v := range values {
			v, err := search.NormalizeFilter(facet, v)
			if err != nil {
				return nil, err
			}
			tq := bleve.NewTermQuery(facetTerm(facet, v))
			tq.SetField(fieldFacet)
			ors = append(ors, tq)
		}
		out[facet] = orOf(ors)
	}
	if q.YearFrom != 0 || q.YearTo != 0 {
		if q.YearFrom != 0 && q.YearTo != 0 && q.YearFrom > q.YearTo {
			return nil, &search.QueryError{Msg: "year_from is after year_to", Pos: -1}
		}
		rq := yearRange(q.YearFrom, q.YearTo)
		if yq, ok := out[search.FacetYear]; ok {
			out[search.FacetYear] = bleve.NewConjunctionQuery(yq, rq)
		} else {
			out[search.FacetYear] = rq
		}
	}
	return out, nil
}

func yearRange(from, to int) query.Query {
	var lo, hi *float64
	t := true
	if from != 0 {
		f := float64(from)
		lo = &f
	}
	if to != 0 {
		f := float64(to)
		hi = &f
	}
	rq := bleve.NewNumericRangeInclusiveQuery(lo, hi, &t, &t)
	rq.SetField(fieldYear)
	return rq
}

func orOf(qs []query.Query) query.Query {
	if len(qs) == 1 {
		return qs[0]
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// translate turns a parsed query into a bleve query.
func translate(n search.Node) (query.Query, error) {
	switch n := n.(type) {
	case search.MatchAll:
		return bleve.NewMatchAllQuery(), nil
	case search.Term:
		return termQuery(n), nil
	case search.Phrase:
		fields := textFields
		if n.Field == "title" {
			fields = titleFields
		}
		return phraseQuery(n.Text, fields), nil
	case search.Or:
		var ors []query.Query
		for _, c := range n.Nodes {
			q, err := translate(c)
			if err != nil {
				return nil, err
			}
			ors = append(ors, q)
		}
		return orOf(ors), nil
	case search.Alternatives:
		orig, err := translate(n.Node)
		if err != nil {
			return nil, err
		}
		var alts []query.Query
		for _, a := range n.Alts {
			var q query.Query
			switch a := a.(type) {
			case search.Term:
				q = textQuery(a.Text, false, altFields(a.Field))
			case search.Phrase:
				q = phraseQuery(a.Text, altFields(a.Field))
			default:
				var err error
				if q, err = translate(a); err != nil {
					return nil, err
				}
			}
			alts = append(alts, q)
		}
		// Translations rank below the words the user typed: their field
		// boosts carry synonymBoost (bleve ignores a disjunction's own boost).
		return bleve.NewDisjunctionQuery(orig, orOf(alts)), nil
	case search.And:
		parts := splitAnd(n)
		var must, mustNot, should []query.Query
		if parts.proximity != "" {
			should = append(should, proximity(parts.proximity))
		}
		for _, group := range []struct {
			nodes []search.Node
			into  *[]query.Query
		}{{parts.must, &must}, {parts.not, &mustNot}, {parts.should, &should}} {
			for _, c := range group.nodes {
				q, err := translate(c)
				if err != nil {
					return nil, err
				}
				*group.into = append(*group.into, q)
			}
		}
		if len(must) == 0 {
			must = append(must, bleve.NewMatchAllQuery())
		}
		if len(mustNot) == 0 && len(should) == 0 {
			if len(must) == 1 {
				return must[0], nil
			}
			return bleve.NewConjunctionQuery(must...), nil
		}
		bq := bleve.NewBooleanQuery()
		bq.AddMust(must...)
		if len(mustNot) > 0 {
			bq.AddMustNot(mustNot...)
		}
		if len(should) > 0 {
			bq.AddShould(should...)
		}
		return bq, nil
	case search.Not:
		q, err := translate(n.Node)
		if err != nil {
			return nil, err
		}
		bq := bleve.NewBooleanQuery()
		bq.AddMust(bleve.NewMatchAllQuery())
		bq.AddMustNot(q)
		return bq, nil
	}
	return nil, fmt.Errorf("translate query: unknown node %T", n)
}

// synonymBoost weighs a match of a synonym or translation against a match
// of the user's own words.
const synonymBoost = 0.8

// maxProximityWords is the longest run of words given a proximity phrase:
// a long run rarely stands verbatim in a document and costs a phrase
// search per field.
const maxProximityWords = 4

// proximityBoost weighs the optional phrase of a query's words.
const proximityBoost = 0.5

// andParts are the clauses of an And as a search weighs them.
type andParts struct {
	// must are required, not excluded (without their NOT), should
	// optional: stop words ("de", "y", "the") cannot be required, for the
	// languages that drop them would never match.
	must, not, should []search.Node
	// proximity is the words that rank higher standing together, or "".
	proximity string
}

// splitAnd sorts the clauses of n; translate and the text table's
// evaluator both weigh an And by it.
func splitAnd(n search.And) andParts {
	var p andParts
	if words := bareRun(n.Nodes); len(words) >= 2 && len(words) <= maxProximityWords {
		p.proximity = strings.Join(words, " ")
	}
	content := 0
	for _, c := range n.Nodes {
		if !isStopTerm(c) {
			content++
		}
	}
	for _, c := range n.Nodes {
		switch x, isNot := c.(search.Not); {
		case isNot:
			p.not = append(p.not, x.Node)
		case content > 0 && isStopTerm(c):
			p.should = append(p.should, c)
		default:
			p.must = append(p.must, c)
		}
	}
	return p
}

// bareRun returns the words of the leading unfielded terms of an AND when
// they are all such terms (and there are no others), else nil.
func bareRun(nodes []search.Node) []string {
	var words []string
	for _, c := range nodes {
		switch t := c.(type) {
		case search.Term:
			if t.Field != "" || t.Prefix {
				return nil
			}
			words = append(words, t.Text)
		case search.Not:
			// Exclusions do not break the run.
		default:
			return nil
		}
	}
	return words
}

// isStopTerm reports whether n is a bare word that some language's analyser
// drops as a stop word.
func isStopTerm(n search.Node) bool {
	t, ok := n.(search.Term)
	if !ok || t.Field != "" || t.Prefix {
		return false
	}
	return isStopWord(t.Text)
}

// proximity is an optional phrase over the body and title fields.
func proximity(text string) query.Query {
	var ors []query.Query
	for _, f := range textFields {
		// Summaries are short: their words stand together anyway.
		if strings.HasPrefix(f.name, "summary_") {
			continue
		}
		pq := bleve.NewMatchPhraseQuery(text)
		pq.SetField(f.name)
		pq.SetBoost(f.boost * proximityBoost)
		ors = append(ors, pq)
	}
	return orOf(ors)
}

// altFields are the fields a synonym is searched in: a translation found
// in a title is not worth more than one in the body.
func altFields(field string) []weightedField {
	var fs []weightedField
	for _, f := range textFields {
		if field == "title" && !strings.HasPrefix(f.name, "title_") {
			continue
		}
		fs = append(fs, weightedField{f.name, synonymBoost})
	}
	return fs
}

func phraseQuery(text string, fields []weightedField) query.Query {
	var ors []query.Query
	for _, f := range fields {
		pq := bleve.NewMatchPhraseQuery(text)
		pq.SetField(f.name)
		pq.SetBoost(f.boost)
		ors = append(ors, pq)
	}
	return orOf(ors)
}

func termQuery(t search.Term) query.Query {
	if isFacet(t.Field) {
		if t.Field == search.FacetYear {
			y, _ := strconv.Atoi(t.Text)
			return yearRange(y, y)
		}
		tq := bleve.NewTermQuery(facetTerm(t.Field, t.Text))
		tq.SetField(fieldFacet)
		return tq
	}
	fields := textFields
	if t.Field == "title" {
		fields = titleFields
	}
	return textQuery(t.Text, t.Prefix, fields)
}

// textQuery matches a word, or a prefix, in the given text fields.
func textQuery(text string, prefix bool, fields []weightedField) query.Query {
	var ors []query.Query
	if prefix {
		// Terms are folded (and stemmed, which keeps their start).
		p := search.Fold(text)
		for _, f := range fields {
			pq := bleve.NewPrefixQuery(p)
			pq.SetField(f.name)
			pq.SetBoost(f.boost)
			ors = append(ors, pq)
		}
		return orOf(ors)
	}
	for _, f := range fields {
		mq := bleve.NewMatchQuery(text)
		mq.SetField(f.name)
		mq.SetBoost(f.boost)
		mq.SetOperator(query.MatchQueryOperatorAnd)
		ors = append(ors, mq)
	}
	return orOf(ors)
}

// locations returns the match locations of textQ in the given hits.
func (x *Index) locations(ctx context.Context, textQ query.Query, ids []string) (map[string]bsearch.FieldTermLocationMap, error) {
	req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(bleve.NewDocIDQuery(ids), textQ), len(ids), 0, false)
	req.IncludeLocations = true
	r, err := x.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search: locate matches: %w", err)
	}
	out := make(map[string]bsearch.FieldTermLocationMap, len(r.Hits))
	for _, h := range r.Hits {
		out[h.ID] = h.Locations
	}
	return out, nil
}

// hitDoc loads what a hit shows of document id (with its page texts when
// withText is set) from the newest snapshot, or nil when it is gone.
func (x *Index) hitDoc(id string, withText bool) (*search.Document, error) {
	d, err := x.idx.Document(id)
	if err != nil {
		return nil, fmt.Errorf("search: load hit %s: %w", id, err)
	}
	if d == nil {
		return nil, nil
	}
	doc, err := storedHit(d, withText)
	if err != nil {
		return nil, fmt.Errorf("search: decode hit %s: %w", id, err)
	}
	return doc, nil
}

// toHit makes a hit of a stored document and builds its snippets from the
// match locations in the body fields.
func toHit(doc *search.Document, score float64, locations bsearch.FieldTermLocationMap, snippets int) search.Hit {
	return hitWithSpans(doc, score, spansOf(locations), snippets)
}

// spansOf turns bleve's match locations in the body fields into spans.
func spansOf(locations bsearch.FieldTermLocationMap) []search.Span {
	var spans []search.Span
	for field, terms := range locations {
		if !strings.HasPrefix(field, "body_") {
			continue
		}
		for term, locs := range terms {
			for _, l := range locs {
				page := 0
				if len(l.ArrayPositions) > 0 {
					page = int(l.ArrayPositions[0])
				}
				spans = append(spans, search.Span{Page: page, Start: int(l.Start), End: int(l.End), Term: term})
			}
		}
	}
	return spans
}

// hitWithSpans makes a hit of a stored document with snippets around the
// spans.
func hitWithSpans(doc *search.Document, score float64, spans []search.Span, snippets int) search.Hit {
	hit := search.Hit{
		ID: doc.ID, Score: score, Title: doc.Title, Summary: doc.Summary,
		Type: doc.Type, Lang: doc.Lang, Year: doc.Year, Date: doc.Date, Source: doc.Source,
		Author: doc.Author, SourceURL: doc.SourceURL,
		Countries: nonNil(doc.Countries), Themes: nonNil(doc.Themes), GCM: doc.GCM,
		Principles: nonNil(doc.Principles), Snippets: []search.Snippet{},
	}
	if hit.GCM == nil {
		hit.GCM = []int{}
	}
	if snippets > 0 {
		if s := search.BuildSnippets(doc.Pages, spans, snippets, search.SnippetWidth); s != nil {
			hit.Snippets = s
		}
	}
	return hit
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
