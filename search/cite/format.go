package cite

import (
	"context"
	"fmt"
	"io"
	"sort"
	"time"

	"faro/search"
)

// Kind groups formats by what they are made of.
type Kind int

// Kinds of format.
const (
	// Citations cite every matching document (up to MaxExport).
	Citations Kind = iota
	// Evidence groups the top EvidenceHits hits' passages by GCM objective.
	Evidence
	// Feed lists the FeedEntries newest matching documents.
	Feed
)

// Limits of the outputs.
const (
	// MaxExport is how many documents a citation export holds at most.
	MaxExport = 1000
	// EvidenceHits is how many top hits an evidence pack quotes.
	EvidenceHits = 50
	// EvidenceSnippets is how many passages per hit an evidence pack
	// (and a snippet-level export) asks for.
	EvidenceSnippets = 3
	// FeedEntries is how many entries a feed holds.
	FeedEntries = 20
)

// Format is one output format.
type Format struct {
	// Name is what --format and ?format= take (the evidence endpoint takes
	// the name without its "evidence-" prefix).
	Name string
	Kind Kind
	// ContentType is the media type of the output.
	ContentType string
	// Ext is the file name extension, without the dot.
	Ext string
	// Passages is true when the format carries page-numbered passages.
	Passages bool
	write    func(w io.Writer, d *data) error
}

// data is what a formatter gets.
type data struct {
	items []Item
	pack  *Pack
	feed  *FeedInfo
	lang  string
}

var formats = map[string]Format{
	"bibtex":  {Name: "bibtex", Kind: Citations, ContentType: "application/x-bibtex; charset=utf-8", Ext: "bib", write: func(w io.Writer, d *data) error { return WriteBibTeX(w, d.items, d.lang) }},
	"ris":     {Name: "ris", Kind: Citations, ContentType: "application/x-research-info-systems; charset=utf-8", Ext: "ris", write: func(w io.Writer, d *data) error { return WriteRIS(w, d.items, d.lang) }},
	"csljson": {Name: "csljson", Kind: Citations, ContentType: "application/vnd.citationstyles.csl+json; charset=utf-8", Ext: "json", Passages: true, write: func(w io.Writer, d *data) error { return WriteCSLJSON(w, d.items, d.lang) }},
	"csv":     {Name: "csv", Kind: Citations, ContentType: "text/csv; charset=utf-8", Ext: "csv", Passages: true, write: func(w io.Writer, d *data) error { return WriteCSV(w, d.items, d.lang) }},

	"evidence-md":   {Name: "evidence-md", Kind: Evidence, ContentType: "text/markdown; charset=utf-8", Ext: "md", Passages: true, write: func(w io.Writer, d *data) error { return WriteEvidenceMarkdown(w, d.pack) }},
	"evidence-html": {Name: "evidence-html", Kind: Evidence, ContentType: "text/html; charset=utf-8", Ext: "html", Passages: true, write: func(w io.Writer, d *data) error { return WriteEvidenceHTML(w, d.pack) }},
	"evidence-csv":  {Name: "evidence-csv", Kind: Evidence, ContentType: "text/csv; charset=utf-8", Ext: "csv", Passages: true, write: func(w io.Writer, d *data) error { return WriteEvidenceCSV(w, d.pack) }},

	"atom": {Name: "atom", Kind: Feed, ContentType: "application/atom+xml; charset=utf-8", Ext: "atom", write: func(w io.Writer, d *data) error { return WriteAtom(w, d.feed) }},
}

// LookupFormat returns the format called name.
func LookupFormat(name string) (Format, bool) {
	f, ok := formats[name]
	return f, ok
}

// FormatNames returns the names of the formats of kind k, sorted.
func FormatNames(k Kind) []string {
	var out []string
	for n, f := range formats {
		if f.Kind == k {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// Filename returns the download name of the output for q made at now:
// "faro-trata-hnd-2024-05-01.bib", "faro-evidence-trata-hnd-2024-05-01.md".
func (f Format) Filename(q search.Query, now time.Time) string {
	prefix := "faro-"
	if f.Kind == Evidence {
		prefix += "evidence-"
	}
	return prefix + Slug(q) + "-" + now.UTC().Format("2006-01-02") + "." + f.Ext
}

// Params describe one output.
type Params struct {
	// Query is the search; its paging, snippet count (and, for feeds, sort)
	// are set by the format.
	Query search.Query
	// Lang is the interface language of labels and headings ("en", "es").
	Lang string
	// Links build absolute addresses.
	Links Links
	// Now is when the output is made; evidence packs state it (in UTC).
	Now time.Time
}

// Stats tell what an output holds.
type Stats struct {
	// Total is the number of matching documents; Items how many the
	// output holds.
	Total uint64
	Items int
}

// Query returns the query the format runs for q: paging, passages and,
// for feeds, the newest first.
func (f Format) Query(q search.Query) search.Query {
	q.Page = 1
	q.Snippets = 0
	if f.Passages {
		q.Snippets = EvidenceSnippets
	}
	switch f.Kind {
	case Citations:
		q.Size = search.MaxSize
	case Evidence:
		q.Size = EvidenceHits
	case Feed:
		q.Size = FeedEntries
		q.Sort = search.SortDateDesc
	}
	return q
}

// Render runs the search for p in idx and writes it to w in format f.
// Errors from the index are wrapped; a *search.QueryError stays
// recognisable with errors.As.
func Render(ctx context.Context, idx search.Index, f Format, p Params, w io.Writer) (Stats, error) {
	if f.write == nil {
		return Stats{}, fmt.Errorf("render: unknown format %q", f.Name)
	}
	lang := uiLang(p.Lang)
	q := f.Query(p.Query)
	max := q.Size
	if f.Kind == Citations {
		max = MaxExport
	}
	items, total, err := Collect(ctx, idx, q, max, p.Links)
	if err != nil {
		return Stats{}, fmt.Errorf("render %s: %w", f.Name, err)
	}
	d := &data{items: items, lang: lang}
	switch f.Kind {
	case Evidence:
		d.pack = NewPack(PackInfo{Query: q, Lang: lang, Generated: p.Now, Total: total, Search: p.Links.Search(Values(q, lang))}, items)
	case Feed:
		d.feed = NewFeed(q, lang, p.Links, items)
	}
	if err := f.write(w, d); err != nil {
		return Stats{}, fmt.Errorf("render %s: %w", f.Name, err)
	}
	return Stats{Total: total, Items: len(items)}, nil
}
