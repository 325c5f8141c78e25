package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// writeJSON prints the report as indented JSON.
func (r *report) writeJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return fmt.Errorf("write JSON: %w", err)
	}
	return nil
}

// writeTable prints the summary table, the queries where Faro answers
// nothing or fails, and the facet scores; with verbose, a line per query
// first.
func (r *report) writeTable(w io.Writer, verbose bool) {
	fmt.Fprintf(w, "releval: %d judged documents (%d unreadable), %d queries, %s; indexed in %.1fs\n",
		r.Documents, len(r.Failed), len(r.Queries), r.Shared, r.IndexSeconds)
	for _, f := range r.Failed {
		fmt.Fprintf(w, "  unreadable: %s: %s\n", f.Doc, f.Error)
	}
	if verbose {
		fmt.Fprintf(w, "\n%-6s %-10s %5s  %-13s %-13s %-9s %s\n", "id", "kind", "rel", "nDCG@10", "recall@20", "matches", "query")
		fmt.Fprintf(w, "%-6s %-10s %5s  %-6s %-6s %-6s %-6s %-4s %-4s\n", "", "", "", "faro", "bm25", "faro", "bm25", "faro", "bm25")
		for _, q := range r.Queries {
			text := q.Text
			if q.FilterFacet != "" {
				text += "  [" + q.FilterFacet + "=" + q.FilterValue + "]"
			}
			fmt.Fprintf(w, "%-6s %-10s %5d  %6.3f %6.3f %6.3f %6.3f %4d %4d  %s\n", q.ID, q.Kinds[0], q.Relevant,
				q.Faro.NDCG, q.BM25.NDCG, q.Faro.Recall, q.BM25.Recall, q.Faro.Total, q.BM25.Total, text)
		}
	}

	fmt.Fprintf(w, "\n%-26s %4s   %-15s   %-15s   %-9s\n", "", "", "nDCG@10", "recall@20", "no result")
	fmt.Fprintf(w, "%-26s %4s   %6s %8s   %6s %8s   %4s %4s\n", "queries", "n", "Faro", "BM25", "Faro", "BM25", "Faro", "BM25")
	for i, s := range r.Summary {
		name := s.Name
		if t, ok := kindTitles[name]; ok {
			name = t
		}
		if i == 1 || (i > 1 && kindTitles[s.Name] != "" && kindTitles[r.Summary[i-1].Name] == "") ||
			(s.Name == halfA && r.Summary[i-1].Name != halfB) {
			fmt.Fprintln(w, strings.Repeat("-", 78))
		}
		fmt.Fprintf(w, "%-26s %4d   %6.3f %8.3f   %6.3f %8.3f   %4d %4d\n", name, s.Queries,
			s.Faro.NDCG, s.BM25.NDCG, s.Faro.Recall, s.BM25.Recall, s.Faro.Zero, s.BM25.Zero)
	}

	var zero []queryResult
	for _, q := range r.Queries {
		if q.Faro.Total == 0 || q.Faro.Error != "" {
			zero = append(zero, q)
		}
	}
	fmt.Fprintf(w, "\nFaro returns nothing or fails: %d\n", len(zero))
	for _, q := range zero {
		what := "no result"
		if q.Faro.Error != "" {
			what = "error: " + q.Faro.Error
		}
		filter := ""
		if q.FilterFacet != "" {
			filter = " [" + q.FilterFacet + "=" + q.FilterValue + "]"
		}
		fmt.Fprintf(w, "  %-6s %s%s — %s (BM25: %d matches, nDCG@10 %.3f)\n", q.ID, q.Text, filter, what, q.BM25.Total, q.BM25.NDCG)
	}

	fmt.Fprintf(w, "\nFaro's labels of the %d documents against labels.tsv:\n", r.Documents)
	for _, f := range r.Facets {
		switch {
		case f.Accuracy != nil:
			fmt.Fprintf(w, "  %-10s accuracy %.3f\n", f.Facet, *f.Accuracy)
		case f.Precision != nil && f.Recall != nil:
			fmt.Fprintf(w, "  %-10s mean P %.3f  mean R %.3f\n", f.Facet, *f.Precision, *f.Recall)
		}
	}
}
