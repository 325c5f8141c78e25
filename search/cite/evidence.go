package cite

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"faro/search"
	"faro/search/taxonomy"
)

// MaxQuotes is how many passages a section of an evidence pack quotes; the
// section's other documents are listed as further sources.
const MaxQuotes = 12

// PackInfo describes the search an evidence pack answers.
type PackInfo struct {
	Query search.Query
	// Lang is the interface language of headings and labels.
	Lang string
	// Generated is when the pack was made; it is shown in UTC.
	Generated time.Time
	// Total is the number of matching documents.
	Total uint64
	// Search is the absolute address of the search page, when known.
	Search string
}

// Pack is an evidence pack: the top hits' passages grouped by GCM
// objective, sections ordered by weight of evidence, documents without an
// objective last under "Other evidence".
type Pack struct {
	PackInfo
	// Hits is how many documents the pack draws on.
	Hits   int
	Groups []Group
}

// Group is one section of a pack.
type Group struct {
	// Objective is the GCM objective number; 0 is "Other evidence".
	Objective int
	Heading   string
	// Weight is the sum of the relevance scores of the group's documents.
	Weight float64
	// Quotes are the strongest passages, best document first.
	Quotes []Quote
	// Further are the group's documents with no quoted passage.
	Further []*Item
}

// Quote is a passage of a document.
type Quote struct {
	Item    *Item
	Passage Passage
}

// NewPack groups items (hits, best first) into an evidence pack. A
// document with several objectives appears under each.
func NewPack(info PackInfo, items []Item) *Pack {
	info.Lang = uiLang(info.Lang)
	p := &Pack{PackInfo: info, Hits: len(items)}
	byObjective := map[int]*Group{}
	members := map[int][]*Item{}
	var order []int
	for i := range items {
		it := &items[i]
		var objs []int
		for _, n := range it.GCM {
			if _, ok := taxonomy.ObjectiveByNumber(n); ok && !containsInt(objs, n) {
				objs = append(objs, n)
			}
		}
		if len(objs) == 0 {
			objs = []int{0}
		}
		for _, n := range objs {
			g := byObjective[n]
			if g == nil {
				g = &Group{Objective: n, Heading: ObjectiveHeading(n, info.Lang)}
				byObjective[n] = g
				order = append(order, n)
			}
			g.Weight += it.Score
			members[n] = append(members[n], it)
		}
	}
	for _, n := range order {
		g := byObjective[n]
		docs := members[n]
		sort.SliceStable(docs, func(i, j int) bool { return docs[i].Score > docs[j].Score })
		for _, it := range docs {
			quoted := false
			for _, ps := range it.Passages {
				if len(g.Quotes) >= MaxQuotes {
					break
				}
				g.Quotes = append(g.Quotes, Quote{Item: it, Passage: ps})
				quoted = true
			}
			if !quoted {
				g.Further = append(g.Further, it)
			}
		}
		p.Groups = append(p.Groups, *g)
	}
	sort.SliceStable(p.Groups, func(i, j int) bool {
		a, b := &p.Groups[i], &p.Groups[j]
		if (a.Objective == 0) != (b.Objective == 0) {
			return b.Objective == 0
		}
		if a.Weight != b.Weight {
			return a.Weight > b.Weight
		}
		if len(a.Quotes) != len(b.Quotes) {
			return len(a.Quotes) > len(b.Quotes)
		}
		return a.Objective < b.Objective
	})
	return p
}

func containsInt(s []int, n int) bool {
	for _, x := range s {
		if x == n {
			return true
		}
	}
	return false
}

// title returns the pack's title: "Evidence pack: trata".
func (p *Pack) title() string {
	return tr(p.Lang, "evidence_pack") + ": " + p.queryText()
}

func (p *Pack) queryText() string {
	if q := oneLine(p.Query.Text); q != "" {
		return q
	}
	return tr(p.Lang, "all_documents")
}

func (p *Pack) filtersText() string {
	if f := DescribeFilters(p.Query, p.Lang); f != "" {
		return f
	}
	return tr(p.Lang, "none")
}

func (p *Pack) generatedText() string {
	return p.Generated.UTC().Format("2006-01-02 15:04") + " UTC"
}

func (p *Pack) documentsText() string {
	return fmt.Sprintf(tr(p.Lang, "documents_line"), p.Total, p.Hits)
}

// ShortCitation returns "Author, 2020. Title. URL" in lang.
func ShortCitation(it *Item, lang string) string {
	title := it.Title
	if !strings.HasSuffix(title, ".") && !strings.HasSuffix(title, "?") && !strings.HasSuffix(title, "!") {
		title += "."
	}
	return joinAuthors(it) + ", " + yearDot(it, uiLang(lang)) + " " + title + " " + it.URL
}

// WriteEvidenceMarkdown writes the pack as Markdown: a header stating the
// query, filters and date, then one section per objective whose passages
// are block quotes (matches in bold) attributed with author, year, title,
// page and address. Text from documents is escaped, so it cannot become
// markup or HTML.
func WriteEvidenceMarkdown(w io.Writer, p *Pack) error {
	bw := bufio.NewWriter(w)
	lang := p.Lang
	fmt.Fprintf(bw, "# %s\n\n", mdEscape(p.title()))
	fmt.Fprintf(bw, "- **%s:** %s\n", tr(lang, "query"), mdEscape(p.queryText()))
	fmt.Fprintf(bw, "- **%s:** %s\n", tr(lang, "filters"), mdEscape(p.filtersText()))
	fmt.Fprintf(bw, "- **%s:** %s\n", tr(lang, "generated"), p.generatedText())
	fmt.Fprintf(bw, "- **%s:** %s\n", tr(lang, "documents"), mdEscape(p.documentsText()))
	if p.Search != "" {
		fmt.Fprintf(bw, "- **%s:** <%s>\n", tr(lang, "search_page"), mdURL(p.Search))
	}
	bw.WriteString("\n")
	if len(p.Groups) == 0 {
		fmt.Fprintf(bw, "%s\n", tr(lang, "no_evidence"))
	} else {
		fmt.Fprintf(bw, "%s\n", tr(lang, "ordering"))
	}
	for _, g := range p.Groups {
		fmt.Fprintf(bw, "\n## %s\n", mdEscape(g.Heading))
		for _, q := range g.Quotes {
			it := q.Item
			fmt.Fprintf(bw, "\n> %s\n>\n> — %s, %s *%s*, [p. %d](<%s>). <%s>\n",
				mdPassage(q.Passage), mdEscape(joinAuthors(it)), mdEscape(yearDot(it, lang)), mdEscape(it.Title),
				q.Passage.Page, mdURL(it.PageURL(q.Passage.Page)), mdURL(it.URL))
		}
		if len(g.Further) > 0 {
			if len(g.Quotes) > 0 {
				fmt.Fprintf(bw, "\n**%s**\n", tr(lang, "further"))
			}
			bw.WriteString("\n")
			for _, it := range g.Further {
				fmt.Fprintf(bw, "- %s, %s *%s*. <%s>\n", mdLineStart(mdEscape(joinAuthors(it))), mdEscape(yearDot(it, lang)), mdEscape(it.Title), mdURL(it.URL))
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write evidence markdown: %w", err)
	}
	return nil
}

// mdPassage renders a passage for Markdown, matches in bold.
func mdPassage(p Passage) string {
	var b strings.Builder
	for _, s := range p.runs() {
		if !s.Mark {
			b.WriteString(mdInline(s.Text))
			continue
		}
		t := strings.TrimSpace(s.Text)
		if t == "" {
			continue
		}
		// Keep the spaces around the match outside the asterisks.
		if strings.HasPrefix(s.Text, " ") {
			b.WriteByte(' ')
		}
		b.WriteString("**" + mdInline(t) + "**")
		if strings.HasSuffix(s.Text, " ") {
			b.WriteByte(' ')
		}
	}
	return mdLineStart(strings.TrimSpace(search.CollapseSpace(b.String())))
}

// mdEscape escapes text for Markdown (CommonMark) on one line: characters
// that could start inline markup, links or raw HTML get a backslash. Text
// that begins a block's content also needs mdLineStart.
func mdEscape(s string) string { return mdInline(oneLine(s)) }

// mdInline backslash-escapes the characters that could start inline
// markup, links or raw HTML.
func mdInline(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>#|~&!", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mdLineStart escapes a leading "-", "+", "=", ">" or "1." that would make
// the start of a block's content (after "> " or "- ") a list item, a
// heading underline or a quote.
func mdLineStart(s string) string {
	if s == "" {
		return s
	}
	switch c := s[0]; {
	case c == '-' || c == '+' || c == '=' || c == '>':
		return "\\" + s
	case c >= '0' && c <= '9':
		i := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' })
		if i > 0 && (s[i] == '.' || s[i] == ')') {
			return s[:i] + "\\" + s[i:]
		}
	}
	return s
}

// mdURL makes a URL safe inside <...> in Markdown.
func mdURL(u string) string {
	return strings.NewReplacer(" ", "%20", "<", "%3C", ">", "%3E", "\n", "", "\r", "").Replace(u)
}

// EvidenceCSVHeader is the header row of WriteEvidenceCSV.
var EvidenceCSVHeader = []string{"objective", "objective_label", "weight", "title", "authors", "year", "page", "passage",
	"citation", "url", "page_url", "id"}

// WriteEvidenceCSV writes the pack as RFC 4180 CSV: one row per quoted
// passage, then one per further source (empty page and passage), section
// by section. The objective is empty for "Other evidence".
func WriteEvidenceCSV(w io.Writer, p *Pack) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(EvidenceCSVHeader); err != nil {
		return fmt.Errorf("write evidence csv: %w", err)
	}
	row := func(g *Group, it *Item, page int, passage string) error {
		obj, pg, pageURL, year := "", "", "", ""
		if g.Objective > 0 {
			obj = strconv.Itoa(g.Objective)
		}
		if page > 0 {
			pg, pageURL = strconv.Itoa(page), it.PageURL(page)
		}
		if it.Year > 0 {
			year = strconv.Itoa(it.Year)
		}
		return cw.Write(csvSafe([]string{obj, g.Heading, strconv.FormatFloat(g.Weight, 'f', 4, 64), it.Title, joinAuthors(it), year,
			pg, passage, ShortCitation(it, p.Lang), it.URL, pageURL, it.ID}))
	}
	for i := range p.Groups {
		g := &p.Groups[i]
		for _, q := range g.Quotes {
			if err := row(g, q.Item, q.Passage.Page, q.Passage.Text()); err != nil {
				return fmt.Errorf("write evidence csv: %w", err)
			}
		}
		for _, it := range g.Further {
			if err := row(g, it, 0, ""); err != nil {
				return fmt.Errorf("write evidence csv: %w", err)
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write evidence csv: %w", err)
	}
	return nil
}
