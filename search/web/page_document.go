package web

import (
	"html/template"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"faro/search"
	"faro/search/taxonomy"
)

type labelView struct {
	ID    string
	Facet string
	Value string
	Label string
	// Title is the full title of a GCM objective.
	Title      string
	Given      bool
	Known      bool
	Source     string
	Score      string
	Evidence   []evidenceView
	SearchHref string
	// Reason says why a mentioned value was not kept.
	Reason string
}

type evidenceView struct {
	Term  string
	Where string
	Pages []int
	Count int
	Ref   string
}

type labelGroup struct {
	Facet, Label string
	Labels       []labelView
	// NotKept are the values of the facet the text mentions and the
	// classifier did not keep, each with its reason.
	NotKept []labelView
}

type metaRow struct {
	Label  string
	Values []metaValue
}

type metaValue struct{ Text, Href string }

type pageView struct {
	Number  int
	Lang    string
	Text    template.HTML
	Matches int
	// OCR marks text recognised from a scan, with the recogniser's
	// confidence (0-100) and whether it is low.
	OCR        bool
	Confidence int
	Low        bool
}

type docPage struct {
	page
	Doc        *search.Document
	DocTitle   string
	BackHref   string
	FileURL    string
	FileName   string
	FileFormat string
	Meta       []metaRow
	Groups     []labelGroup
	Provenance []labelView
	// ListingURL is the web page that lists the document, when a label
	// names one as its source ("listing:URL").
	ListingURL string
	More       []hitView
	MoreHref   string
	Pages      []pageView
	Highlight  string
	PlainHref  string
	MatchPages []int
	// Translations are the search's words whose synonyms or translations
	// this document holds.
	Translations []translationView

	// TitleHTML and SummaryHTML are the title and summary with the
	// search's words marked.
	TitleHTML, SummaryHTML template.HTML
}

// labelOrder is the order of the classification on a document page: GCM
// objectives first, then the other facets with a taxonomy, as shown.
var labelOrder = func() []string {
	out := []string{search.FacetGCM}
	for _, f := range search.ShownFacets() {
		if !f.Open() && f.Name != search.FacetGCM {
			out = append(out, f.Name)
		}
	}
	return out
}()

func (s *Server) pageDocument(c *gin.Context) {
	d, err := s.idx.Document(c.Request.Context(), c.Param("id"))
	if err != nil {
		s.failDocument(c, c.Param("id"), err)
		return
	}
	title := d.Title
	if title == "" {
		title = d.ID
	}
	p := newPage(c, title+" – Faro")
	lang := p.Lang
	v := c.Request.URL.Query()
	back := searchParams(v)
	if n, err := strconv.Atoi(v.Get("page")); err == nil && n > 1 {
		back.Set("page", strconv.Itoa(n))
	}
	uiOnly := url.Values{}
	if p.explicitUI != "" {
		uiOnly.Set("ui", p.explicitUI)
	}
	filterHref := func(facet, value string) string {
		nv := cloneValues(uiOnly)
		nv.Set(facet, value)
		return withQuery("/", nv)
	}
	docPath := "/documents/" + url.PathEscape(d.ID)
	dp := docPage{page: p, Doc: d, DocTitle: title, BackHref: withQuery("/", back),
		FileURL: docPath + "/file", FileName: path.Base(d.Source), PlainHref: withQuery(docPath, uiOnly)}
	if d.Format != "" {
		dp.FileFormat = msgOr(lang, "format_"+d.Format, d.Format)
	}
	for _, l := range d.Labels {
		if u, ok := strings.CutPrefix(l.Source, "listing:"); ok && (strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://")) {
			dp.ListingURL = u
			break
		}
	}

	// Metadata.
	addRow := func(key string, vals ...metaValue) {
		var keep []metaValue
		for _, mv := range vals {
			if mv.Text != "" {
				keep = append(keep, mv)
			}
		}
		if len(keep) > 0 {
			dp.Meta = append(dp.Meta, metaRow{Label: msg(lang, key), Values: keep})
		}
	}
	facetRow := func(f *search.Facet) {
		var vals []metaValue
		for _, code := range f.Values(d) {
			vals = append(vals, metaValue{f.Label(code, lang), filterHref(f.Name, code)})
		}
		addRow("facet_"+f.Name, vals...)
	}
	// Single-valued facets before the date (the year is the date's), the
	// others after it, GCM objectives aside: they head the classification.
	for _, f := range search.ShownFacets() {
		if !f.Multi && f.Name != search.FacetYear {
			facetRow(f)
		}
	}
	switch {
	case d.Date != "":
		addRow("published", metaValue{Text: d.Date})
	case d.Year != 0:
		addRow("published", metaValue{strconv.Itoa(d.Year), filterHref(search.FacetYear, strconv.Itoa(d.Year))})
	}
	for _, f := range search.ShownFacets() {
		if f.Multi && f.Name != search.FacetGCM {
			facetRow(f)
		}
	}
	addRow("author", metaValue{Text: d.Author})
	addRow("source", metaValue{Text: d.Source})
	if d.Format != "" {
		addRow("format", metaValue{Text: msgOr(lang, "format_"+d.Format, d.Format)})
	}
	addRow("page_count", metaValue{Text: strconv.Itoa(len(d.Pages))})
	var flags []metaValue
	for _, f := range d.Flags {
		flags = append(flags, metaValue{Text: flagText(lang, f)})
	}
	addRow("flags", flags...)

	// Classification with its evidence, GCM objectives first.
	byFacet := map[string][]labelView{}
	view := func(l search.Label, id string) labelView {
		lv := labelView{ID: id, Facet: l.Facet, Value: l.Value,
			Label: facetLabel(l.Facet, l.Value, lang), Given: l.Given, Known: true, Source: sourceText(lang, l.Source), Reason: reasonText(lang, l)}
		if l.Score != 0 {
			lv.Score = strconv.FormatFloat(l.Score, 'g', 3, 64)
		}
		for _, e := range l.Evidence {
			lv.Evidence = append(lv.Evidence, evidenceView{Term: e.Term, Where: msgOr(lang, "where_"+e.Where, e.Where),
				Pages: e.Pages, Count: e.Count, Ref: e.Ref})
		}
		if l.Facet == search.FacetGCM {
			if n, err := strconv.Atoi(l.Value); err == nil {
				if o, ok := taxonomy.ObjectiveByNumber(n); ok {
					lv.Title = o.Title.Get(lang)
				}
			}
		}
		return lv
	}
	for _, l := range d.Labels {
		lv := view(l, "why-"+anchorPart(l.Facet)+"-"+anchorPart(l.Value))
		if f, ok := search.LookupFacet(l.Facet); ok && !f.Open() && f.Known(l.Value) {
			lv.SearchHref = filterHref(l.Facet, l.Value)
		}
		byFacet[l.Facet] = append(byFacet[l.Facet], lv)
	}
	// Values the text mentions and the classifier did not keep, with why.
	notKept := map[string][]labelView{}
	for _, l := range d.NotKept {
		notKept[l.Facet] = append(notKept[l.Facet], view(l, "not-kept-"+anchorPart(l.Facet)+"-"+anchorPart(l.Value)))
	}
	// Objectives the document carries without a label still show.
	for _, n := range d.GCM {
		key := strconv.Itoa(n)
		found := false
		for _, lv := range byFacet[search.FacetGCM] {
			found = found || lv.Value == key
		}
		if !found {
			byFacet[search.FacetGCM] = append(byFacet[search.FacetGCM], labelView{ID: "why-gcm-" + key, Facet: search.FacetGCM,
				Value: key, Label: facetLabel(search.FacetGCM, key, lang), SearchHref: filterHref(search.FacetGCM, key)})
		}
	}
	for i := range byFacet[search.FacetGCM] {
		lv := &byFacet[search.FacetGCM][i]
		if n, err := strconv.Atoi(lv.Value); err == nil {
			if o, ok := taxonomy.ObjectiveByNumber(n); ok {
				lv.Title = o.Title.Get(lang)
			}
		}
	}
	known := map[string]bool{}
	for _, f := range labelOrder {
		known[f] = true
		if len(byFacet[f]) > 0 || len(notKept[f]) > 0 {
			dp.Groups = append(dp.Groups, labelGroup{Facet: f, Label: msg(lang, "facet_"+f), Labels: byFacet[f], NotKept: notKept[f]})
		}
	}
	for _, l := range d.Labels {
		if !known[l.Facet] {
			for _, lv := range byFacet[l.Facet] {
				lv.Label = msgOr(lang, "facet_"+l.Facet, l.Facet)
				dp.Provenance = append(dp.Provenance, lv)
			}
			known[l.Facet] = true
		}
	}

	// Pages, with the words of the search marked.
	hl := search.HighlighterFor(v.Get("q"))
	if !hl.Empty() {
		dp.Highlight = strings.TrimSpace(v.Get("q"))
	}
	dp.TitleHTML, _ = markHTML(hl, title, true)
	dp.SummaryHTML, _ = markHTML(hl, d.Summary, false)
	for _, pg := range d.Pages {
		text, n := markHTML(hl, pg.Text, false)
		dp.Pages = append(dp.Pages, pageView{Number: pg.Number, Lang: pg.Lang, Text: text, Matches: n,
			OCR: pg.OCR, Confidence: int(pg.Confidence + 0.5), Low: pg.LowConfidence()})
		if n > 0 {
			dp.MatchPages = append(dp.MatchPages, pg.Number)
		}
	}

	dp.Translations = matchedTranslations(v.Get("q"), title, d)

	// More like this: same GCM objectives and countries.
	if len(d.GCM) > 0 || len(d.Countries) > 0 {
		q := search.Query{Filters: map[string][]string{}, Size: moreLikeThis + 1, Page: 1, Sort: search.SortDateDesc}
		more := cloneValues(uiOnly)
		for _, n := range d.GCM {
			q.Filters[search.FacetGCM] = append(q.Filters[search.FacetGCM], strconv.Itoa(n))
			more.Add(search.FacetGCM, strconv.Itoa(n))
		}
		for _, code := range d.Countries {
			q.Filters[search.FacetCountry] = append(q.Filters[search.FacetCountry], code)
			more.Add(search.FacetCountry, code)
		}
		if r, err := s.idx.Search(c.Request.Context(), q); err == nil {
			for _, h := range r.Hits {
				if h.ID != d.ID && len(dp.More) < moreLikeThis {
					dp.More = append(dp.More, newHitView(h, lang, uiOnly, nil))
				}
			}
			if r.Total > uint64(len(dp.More)+1) {
				dp.MoreHref = withQuery("/", more)
			}
		} else {
			s.log.Debug("more like this", "id", d.ID, "err", err)
		}
	}
	s.render(c, http.StatusOK, "document.html", dp)
}

// anchorPart makes a value usable in an id.
func anchorPart(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-') {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	return b.String()
}

// sourceText says where a label came from in words.
func sourceText(lang, src string) string {
	if src == "" {
		return ""
	}
	kind, detail, _ := strings.Cut(src, ":")
	t := msgOr(lang, "src_"+kind, kind)
	if detail != "" {
		t += " " + detail
	}
	return t
}

// flagText explains an extraction flag such as "garbled-page:3".
func flagText(lang, f string) string {
	kind, detail, _ := strings.Cut(f, ":")
	t := msgOr(lang, "flag_"+kind, kind)
	if detail != "" {
		t += " (" + msg(lang, "page_n") + " " + detail + ")"
	}
	return t
}

// translationView is a word of the search with those of its synonyms and
// translations a document holds.
type translationView struct {
	Text       string
	Matched    []string
	Dictionary bool
}

// matchedTranslations lists, for each word of query q searched also as
// synonyms or translations, those the document's title, summary or pages
// hold.
func matchedTranslations(q, title string, d *search.Document) []translationView {
	var out []translationView
	for _, t := range search.Translations(q) {
		tv := translationView{Text: t.Text, Dictionary: t.Dictionary}
		for _, alt := range t.Alts {
			hl := search.HighlighterFor(strconv.Quote(alt))
			if holds(hl, title, true) || holds(hl, d.Summary, false) || slices.ContainsFunc(d.Pages, func(p search.Page) bool { return holds(hl, p.Text, false) }) {
				tv.Matched = append(tv.Matched, alt)
			}
		}
		if len(tv.Matched) > 0 {
			out = append(out, tv)
		}
	}
	return out
}

// holds reports whether hl marks anything in text.
func holds(hl *search.Highlighter, text string, title bool) bool {
	for _, s := range hl.Segments(text, title) {
		if s.Mark {
			return true
		}
	}
	return false
}
