package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"faro/search"
	"faro/search/bleve"
	"faro/search/cite"
	"faro/search/web"
)

// searchFormats are the outputs of faro search --format: text and json, and
// the citation, evidence-pack and feed formats of package cite.
var searchFormats = []string{"text", "json", "bibtex", "ris", "csljson", "csv", "evidence-md", "evidence-html", "evidence-csv", "atom"}

func (a *app) search(ctx context.Context, args []string) error {
	fs := newFlags("search", a.stderr)
	c := fs.common()
	asJSON := fs.bool("json", false, "print the API's JSON (same as --format json)")
	format := fs.string("format", "text", "output: "+strings.Join(searchFormats, ", ")+
		"; citation formats hold every match (up to 1,000), evidence packs the top 50, atom the 20 newest")
	baseURL := fs.string("base-url", "http://localhost:8080", "absolute address of the Faro server, for links in citations, evidence packs and feeds")
	facets := map[string]*list{}
	for _, f := range search.AllFacets() {
		if f.Flag != "" {
			facets[f.Name] = fs.list(f.Flag, "filter by "+strings.ToLower(f.Title.EN))
		}
	}
	yearFrom := fs.int("year-from", 0, "first publication year")
	yearTo := fs.int("year-to", 0, "last publication year")
	sort := fs.string("sort", "relevance", "relevance, date_desc or date_asc")
	typos := fs.int("typos", 1, "1: a word no document holds is searched as its closest spelling; 0: exact words only")
	match := fs.string("match", "some", "all: only documents with every word; some: those with most of them too, after")
	page := fs.int("page", 1, "result page")
	size := fs.int("size", 10, "results per page (1..100)")
	ui := fs.string("ui", "en", "label language: en or es")
	dictionaries := fs.string("dictionaries", search.DefaultDictionaryDir, "folder of FreeDict dictionaries that translate query words, as faro serve's; empty: the domain list only")
	if err := fs.parse(reorder(args)); err != nil {
		return err
	}
	switch {
	case !slices.Contains(searchFormats, *format):
		return fmt.Errorf("unknown --format %q: want one of %s", *format, strings.Join(searchFormats, ", "))
	case *asJSON && *format != "text" && *format != "json":
		return fmt.Errorf("--json and --format %s contradict each other", *format)
	case *asJSON:
		*format = "json"
	}
	v := url.Values{}
	v.Set("q", strings.Join(fs.Args(), " "))
	for f, l := range facets {
		for _, x := range *l {
			v.Add(f, x)
		}
	}
	if *yearFrom != 0 {
		v.Set("year_from", strconv.Itoa(*yearFrom))
	}
	if *yearTo != 0 {
		v.Set("year_to", strconv.Itoa(*yearTo))
	}
	v.Set("sort", *sort)
	v.Set("match", *match)
	v.Set("typos", strconv.Itoa(*typos))
	v.Set("page", strconv.Itoa(*page))
	v.Set("size", strconv.Itoa(*size))
	q, err := web.ParseQuery(v)
	if err != nil {
		return err
	}
	var links cite.Links
	f, isCite := cite.LookupFormat(*format)
	if isCite {
		if links, err = cite.NewLinks(*baseURL); err != nil {
			return fmt.Errorf("--base-url: %w", err)
		}
	}
	useDictionaries(slog.New(slog.DiscardHandler), *dictionaries)
	idx, err := bleve.Open(*c.index)
	if err != nil {
		return err
	}
	defer idx.Close()
	if isCite {
		// Rendered in full first, so a failure prints no partial file.
		var buf bytes.Buffer
		if _, err := cite.Render(ctx, idx, f, cite.Params{Query: q, Lang: *ui, Links: links, Now: time.Now().UTC()}, &buf); err != nil {
			return err
		}
		if _, err := a.stdout.Write(buf.Bytes()); err != nil {
			return fmt.Errorf("write %s: %w", *format, err)
		}
		return nil
	}
	r, err := idx.Search(ctx, q)
	if err != nil {
		return err
	}
	resp := web.NewSearchResponse(q, r, *ui)
	if *format == "json" {
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(resp)
	}
	fmt.Fprintf(a.stdout, "%d documents (%d ms)\n\n", resp.Total, resp.TookMS)
	for i, h := range resp.Hits {
		var tags []string
		for _, n := range h.GCM {
			tags = append(tags, "GCM "+strconv.Itoa(n))
		}
		fmt.Fprintf(a.stdout, "%d. %s\n   %s · %s · %d · %s · %s\n", (q.Page-1)*q.Size+i+1, h.Title,
			search.FacetLabel(search.FacetType, h.Type, *ui), strings.Join(h.Countries, ","), h.Year, h.Lang, strings.Join(tags, ", "))
		fmt.Fprintf(a.stdout, "   %s  (id %s)\n", h.Source, h.ID)
		for _, s := range h.Hit.Snippets {
			fmt.Fprintf(a.stdout, "   p. %d: %s\n", s.Page, terminalSnippet(s))
		}
		fmt.Fprintln(a.stdout)
	}
	return nil
}

// terminalSnippet renders a snippet for the terminal on one line, matches
// in bold. Control characters are dropped (search.CollapseSpace), so a
// document cannot send escape sequences of its own.
func terminalSnippet(s search.Snippet) string {
	var b strings.Builder
	for _, seg := range s.Segments {
		t := search.CollapseSpace(seg.Text)
		if seg.Mark && t != "" {
			b.WriteString("\x1b[1m" + t + "\x1b[0m")
		} else {
			b.WriteString(t)
		}
	}
	return b.String()
}

// reorder moves flags before positional words so "faro search trata
// --country HND" works like "faro search --country HND trata".
func reorder(args []string) []string {
	var flags, words []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			words = append(words, args[i+1:]...)
			break
		}
		if strings.HasPrefix(a, "-") && len(a) > 1 {
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if !strings.Contains(name, "=") && !isBoolFlag(name) && i+1 < len(args) {
				flags = append(flags, args[i+1])
				i++
			}
			continue
		}
		words = append(words, a)
	}
	return append(flags, words...)
}

func isBoolFlag(name string) bool { return name == "json" || name == "h" || name == "help" }
