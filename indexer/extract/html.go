package extract

import (
	"bytes"
	"context"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"faro/format"
)

// HTMLEngine names the HTML engine in Result.Engine.
const HTMLEngine = "goquery"

// HTMLExtractor extracts HTML pages with goquery (golang.org/x/net/html).
//
// The charset is honoured (BOM, then valid UTF-8, then <meta charset> or
// http-equiv, then Windows-1252). Title: og:title, <title>, first <h1>.
// Description: meta description, og:description. The main text comes from
// <main>, [role=main] or a lone <article> when present, else <body>, without
// the page's chrome: script, style, noscript, template; navigation, menus
// and skip links; headers and footers; hidden elements (hidden,
// aria-hidden, inline display:none); closed modals and dialogs; cookie
// notices, share and related boxes; forms; SVG; and teasers of other pages
// (a short block ending in "Learn more"). What was left out is returned in
// Boilerplate with the reason. Block elements and <br> break lines, so
// words are never glued across them. PDF links with their entry's title
// and summary are returned in Links.
type HTMLExtractor struct{}

var _ = register(format.HTML, HTMLExtractor{})

// Extract implements Extractor.
func (HTMLExtractor) Extract(ctx context.Context, name string, data []byte) (*Result, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	src, enc := decodeHTML(data)
	res := &Result{Format: format.HTML.Name, Engine: HTMLEngine, Pages: []string{}}
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		// The parser refuses pages nested deeper than 512 elements: fall
		// back to a flat token scan (no main-content selection, no links).
		res.Title, res.Pages = tokenText(ctx, src)
		res.addFlag(FlagFlatHTML)
		if len(res.Pages) == 0 {
			res.addFlag(FlagEmpty)
		}
		return res, ctx.Err()
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	doc := goquery.NewDocumentFromNode(root)
	meta := htmlMeta(doc)
	if enc != "" && enc != "utf-8" {
		meta["charset"] = enc
	}
	if href, ok := doc.FindMatcher(selCanonical).First().Attr("href"); ok && strings.TrimSpace(href) != "" {
		// The page's own address names its site (see indexer.Sites).
		meta["canonical"] = strings.TrimSpace(href)
	}
	if len(meta) > 0 {
		res.Meta = meta
	}

	site := firstNonEmpty(meta["og:site_name"], meta["application-name"])
	res.Title = firstNonEmpty(withoutSiteName(meta["og:title"], site), withoutSiteName(nodeText(doc.FindMatcher(selTitle).First()), site),
		nodeText(doc.FindMatcher(selH1).First()))
	res.Description = firstNonEmpty(meta["description"], meta["og:description"], meta["twitter:description"], meta["dc.description"])
	res.Author = firstNonEmpty(meta["author"], meta["article:author"], meta["dc.creator"], meta["citation_author"])
	for _, k := range []string{"article:published_time", "citation_publication_date", "dc.date.issued", "dc.date", "date", "citation_date", "pubdate", "publish-date", "publication_date", "article:modified_time", "last-modified"} {
		if d := normDate(meta[k]); d != "" {
			res.Date = d
			break
		}
	}
	if res.Date == "" {
		res.Date = jsonLDDate(doc)
	}
	if res.Date == "" {
		if t, ok := doc.FindMatcher(selTimeDate).First().Attr("datetime"); ok {
			res.Date = normDate(t)
		}
	}
	htmlSel := doc.FindMatcher(selHTML).First()
	lang, _ := htmlSel.Attr("lang")
	if lang == "" {
		lang, _ = htmlSel.Attr("xml:lang")
	}
	res.Lang = normLang(firstNonEmpty(lang, meta["content-language"], meta["dc.language"], meta["og:locale"]))

	// Publication entries are read from the whole page, before its
	// chrome is set aside.
	res.Links = pdfEntries(doc)

	body := doc.FindMatcher(selBody).First()
	if body.Length() == 0 {
		body = doc.Selection
	}
	main := mainContainer(doc)
	res.Boilerplate = pruneChrome(ctx, body.Nodes[0], main)
	// The main container's text, when it holds enough of the page's
	// words; the body's text is rendered only when main's alone does not
	// decide.
	var text string
	if main != nil {
		t := blockText(ctx, main)
		useMain := countWords(t) >= 50
		if !useMain {
			text = blockText(ctx, body.Nodes[0])
			useMain = countWords(t)*3 >= countWords(text)
		}
		if useMain {
			text = t
			res.Boilerplate = append(res.Boilerplate, outsideMain(ctx, body.Nodes[0], main)...)
		}
	} else {
		text = blockText(ctx, body.Nodes[0])
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	textRoot := body.Nodes[0]
	if main != nil && main.Parent != nil && len(res.Boilerplate) > 0 && res.Boilerplate[len(res.Boilerplate)-1].Reason == ReasonOutsideMain {
		textRoot = main
	}
	res.Heading = firstHeading(textRoot)
	res.Pages = paginate(cleanText(text), PageWords)
	if res.Pages == nil {
		res.Pages = []string{}
		res.addFlag(FlagEmpty)
	}
	return res, nil
}

// firstHeading is the text of the first h1, h2 or h3 under n that is
// still in the page (chrome removed), on one line; "" when none comes
// before the first paragraph of text.
func firstHeading(n *html.Node) string {
	var found string
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type != html.ElementNode && n.Type != html.DocumentNode {
			return false
		}
		if n.Type == html.ElementNode && (skipAtoms[n.DataAtom] || hiddenNode(n)) {
			return false
		}
		switch n.DataAtom {
		case atom.H1, atom.H2, atom.H3:
			found = oneLine(blockText(context.Background(), n))
			return found != ""
		case atom.P:
			return countWords(oneLine(blockText(context.Background(), n))) > 0
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				return true
			}
		}
		return false
	}
	walk(n)
	return found
}

// outsideMain reports the text of body that is not in main, one entry per
// subtree beside main or one of its ancestors.
func outsideMain(ctx context.Context, body, main *html.Node) []Boilerplate {
	var out []Boilerplate
	for n := main; n != nil && n != body; n = n.Parent {
		if n.Parent == nil {
			break
		}
		for c := n.Parent.FirstChild; c != nil; c = c.NextSibling {
			if c == n {
				continue
			}
			if t := oneLine(blockText(ctx, c)); t != "" {
				out = append(out, Boilerplate{Reason: ReasonOutsideMain, Text: truncateUTF8(t, maxBoilerplateText)})
			}
		}
	}
	return out
}

// decodeHTML returns the page as UTF-8 and the name of the encoding used.
func decodeHTML(data []byte) (string, string) {
	enc, name, certain := charset.DetermineEncoding(data, "")
	if certain && name != "utf-8" && enc != nil { // a UTF-16 BOM
		if out, err := enc.NewDecoder().Bytes(data); err == nil {
			return string(out), name
		}
	}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")) // the UTF-8 BOM
	if utf8.Valid(data) {
		return string(data), "utf-8"
	}
	if name == "utf-8" || enc == nil {
		// Declared UTF-8 but invalid: Latin-1 in disguise when invalid bytes
		// outnumber real multi-byte characters.
		bad, good := 0, 0
		for i := 0; i < len(data); {
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 {
				bad++
			} else if size > 1 {
				good++
			}
			i += size
		}
		if good >= bad {
			return strings.ToValidUTF8(string(data), "\uFFFD"), "utf-8"
		}
		return decodeLatin(data), "windows-1252"
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return decodeLatin(data), "windows-1252"
	}
	return string(out), name
}

// tokenText renders a page that the parser refused with the tokenizer
// alone: text outside skipped elements, line breaks at block tags. It
// returns the <title> and the pages.
func tokenText(ctx context.Context, src string) (string, []string) {
	z := html.NewTokenizer(strings.NewReader(src))
	var w textWriter
	var title strings.Builder
	skip := 0
	inTitle := false
	for steps := 0; ; steps++ {
		if steps%4096 == 0 && ctx.Err() != nil {
			break
		}
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		tok := z.Token()
		switch tt {
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			a := tok.DataAtom
			if a == atom.Title {
				inTitle = tt == html.StartTagToken
			}
			if skipAtoms[a] && a != atom.Head && tt != html.SelfClosingTagToken {
				if tt == html.StartTagToken {
					skip++
				} else if skip > 0 {
					skip--
				}
				continue
			}
			if a == atom.Br {
				w.breaks(1)
			} else {
				w.boundary(a)
			}
		case html.TextToken:
			if inTitle {
				title.WriteString(tok.Data)
			} else if skip == 0 {
				w.text(tok.Data)
			}
		}
	}
	return oneLine(title.String()), nonNil(paginate(cleanText(string(w.b)), PageWords))
}

func nonNil(p []string) []string {
	if p == nil {
		return []string{}
	}
	return p
}

// htmlMeta collects <meta> tags: name, property, itemprop or http-equiv
// (lower-cased) to content; the first occurrence of a key wins.
func htmlMeta(doc *goquery.Document) map[string]string {
	meta := map[string]string{}
	doc.FindMatcher(selMeta).Each(func(_ int, s *goquery.Selection) {
		content, ok := s.Attr("content")
		if !ok {
			return
		}
		content = oneLine(content)
		if content == "" {
			return
		}
		for _, attr := range []string{"property", "name", "itemprop", "http-equiv"} {
			k, ok := s.Attr(attr)
			k = strings.ToLower(strings.TrimSpace(k))
			if !ok || k == "" {
				continue
			}
			if _, dup := meta[k]; !dup && len(meta) < 200 {
				meta[k] = truncateUTF8(content, 2000)
			}
		}
	})
	return meta
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// nodeText is the text of the first node of s on one line.
func nodeText(s *goquery.Selection) string {
	if s.Length() == 0 {
		return ""
	}
	return oneLine(blockText(context.Background(), s.Nodes[0]))
}

// mainContainer returns <main>, [role=main] or the only <article>, or nil.
func mainContainer(doc *goquery.Document) *html.Node {
	if s := doc.FindMatcher(selMain).First(); s.Length() > 0 {
		return s.Nodes[0]
	}
	if s := doc.FindMatcher(selRoleMain).First(); s.Length() > 0 {
		return s.Nodes[0]
	}
	if s := doc.FindMatcher(selArticle); s.Length() == 1 {
		return s.Nodes[0]
	}
	return nil
}

// skipped elements: their content is not text of the page.
var skipAtoms = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Nav: true, atom.Header: true, atom.Footer: true,
	atom.Noscript: true, atom.Template: true, atom.Svg: true, atom.Form: true, atom.Head: true,
	atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Canvas: true, atom.Math: true,
	atom.Select: true, atom.Textarea: true, atom.Audio: true, atom.Video: true, atom.Map: true,
	atom.Button: true, atom.Dialog: true,
}

// paragraph-level blocks are separated by a blank line; other blocks by a
// line break.
var paraAtoms = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Ul: true, atom.Ol: true, atom.Dl: true,
	atom.Section: true, atom.Article: true, atom.Main: true, atom.Figure: true, atom.Hr: true,
	atom.Aside: true, atom.Address: true, atom.Details: true, atom.Hgroup: true, atom.Fieldset: true,
}

var lineAtoms = map[atom.Atom]bool{
	atom.Div: true, atom.Li: true, atom.Td: true, atom.Th: true, atom.Tr: true, atom.Thead: true,
	atom.Tbody: true, atom.Tfoot: true, atom.Caption: true, atom.Dt: true, atom.Dd: true,
	atom.Figcaption: true, atom.Summary: true, atom.Legend: true, atom.Center: true, atom.Body: true,
	atom.Html: true, atom.Menu: true, atom.Dir: true, atom.Option: true, atom.Label: true,
}

func hiddenNode(n *html.Node) bool {
	for _, a := range n.Attr {
		switch strings.ToLower(a.Key) {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") {
				return true
			}
		case "style":
			v := strings.ToLower(strings.ReplaceAll(a.Val, " ", ""))
			if strings.Contains(v, "display:none") || strings.Contains(v, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// blockText renders the text of the subtree at n: text nodes with their
// whitespace collapsed (kept inside <pre>), a line break at the edges of
// block elements and at <br>, a blank line around paragraph-level blocks.
// Skipped and hidden elements contribute nothing. It walks iteratively and
// checks ctx every few thousand nodes.
func blockText(ctx context.Context, n *html.Node) string {
	var w textWriter
	type frame struct {
		n    *html.Node
		exit bool
		pre  bool
	}
	stack := []frame{{n: n}}
	steps := 0
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		steps++
		if steps%4096 == 0 && ctx.Err() != nil {
			break
		}
		nd := f.n
		if f.exit {
			w.boundary(nd.DataAtom)
			continue
		}
		switch nd.Type {
		case html.TextNode:
			if f.pre {
				w.raw(nd.Data)
			} else {
				w.text(nd.Data)
			}
			continue
		case html.ElementNode:
			if skipAtoms[nd.DataAtom] || hiddenNode(nd) {
				continue
			}
			if nd.DataAtom == atom.Br {
				w.breaks(1)
				continue
			}
			if nd.DataAtom == atom.Img || nd.DataAtom == atom.Input {
				continue
			}
			w.boundary(nd.DataAtom)
			stack = append(stack, frame{n: nd, exit: true, pre: f.pre})
		case html.DocumentNode:
		default:
			continue // comments, doctype
		}
		pre := f.pre || nd.DataAtom == atom.Pre || nd.DataAtom == atom.Textarea
		// Push children in reverse so the first child is handled first.
		var kids []*html.Node
		for c := nd.FirstChild; c != nil; c = c.NextSibling {
			kids = append(kids, c)
		}
		for i := len(kids) - 1; i >= 0; i-- {
			stack = append(stack, frame{n: kids[i], pre: pre})
		}
	}
	return string(w.b)
}

// textWriter accumulates rendered text, merging line breaks at block
// boundaries (a boundary never adds to breaks already there) and dropping
// blanks at line starts and ends.
type textWriter struct{ b []byte }

func (w *textWriter) trailingBreaks() int {
	n := 0
	for i := len(w.b) - 1; i >= 0 && w.b[i] == '\n'; i-- {
		n++
	}
	return n
}

func (w *textWriter) trimBlanks() {
	for len(w.b) > 0 && (w.b[len(w.b)-1] == ' ' || w.b[len(w.b)-1] == '\t') {
		w.b = w.b[:len(w.b)-1]
	}
}

// breaks ensures the text ends with at least n line breaks (none at the
// very start).
func (w *textWriter) breaks(n int) {
	w.trimBlanks()
	if len(w.b) == 0 {
		return
	}
	for k := w.trailingBreaks(); k < n; k++ {
		w.b = append(w.b, '\n')
	}
}

func (w *textWriter) boundary(a atom.Atom) {
	switch {
	case paraAtoms[a]:
		w.breaks(2)
	case lineAtoms[a]:
		w.breaks(1)
	}
}

// text appends s with its whitespace collapsed, without a blank at a line
// start or after another blank.
func (w *textWriter) text(s string) {
	start := len(w.b)
	w.b = appendCollapsedWS(w.b, s)
	if len(w.b) > start && w.b[start] == ' ' && (start == 0 || w.b[start-1] == '\n' || w.b[start-1] == ' ') {
		w.b = append(w.b[:start], w.b[start+1:]...)
	}
}

func (w *textWriter) raw(s string) { w.b = append(w.b, s...) }

// collapseWS turns every run of HTML whitespace into one space.
func collapseWS(s string) string {
	if !strings.ContainsAny(s, htmlSpace) {
		return s
	}
	return string(appendCollapsedWS(make([]byte, 0, len(s)), s))
}

// htmlSpace is HTML's white space.
const htmlSpace = " \t\n\r\f"

// appendCollapsedWS appends s to dst with every run of HTML whitespace
// turned into one space.
func appendCollapsedWS(dst []byte, s string) []byte {
	if !strings.ContainsAny(s, htmlSpace) {
		return append(dst, s...)
	}
	// The white space is ASCII: bytes are copied as they are.
	s = validRunes(s)
	space := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ', '\t', '\n', '\r', '\f':
			if !space {
				dst = append(dst, ' ')
			}
			space = true
		default:
			space = false
			dst = append(dst, c)
		}
	}
	return dst
}

// isPDFHref reports whether a link points to a PDF: its path (without query
// and fragment) ends in ".pdf" in any letter case.
func isPDFHref(href string) bool {
	h := strings.TrimSpace(href)
	if i := strings.IndexAny(h, "?#"); i >= 0 {
		h = h[:i]
	}
	if u, err := url.PathUnescape(h); err == nil {
		h = u
	}
	return strings.HasSuffix(strings.ToLower(strings.TrimSpace(h)), ".pdf")
}

var entryAtoms = map[atom.Atom]bool{atom.Li: true, atom.Article: true, atom.Section: true, atom.Div: true, atom.Tr: true}

var genericLinkText = map[string]bool{
	"": true, "pdf": true, "download": true, "download pdf": true, "descargar": true, "descargar pdf": true,
	"télécharger": true, "telecharger": true, "télécharger le pdf": true, "read more": true, "leer más": true,
	"ver": true, "ver pdf": true, "here": true, "aquí": true, "ici": true, "click here": true, "link": true,
	"enlace": true, "lien": true, "view": true, "open": true, "abrir": true, "full report": true, "report": true,
}

// pdfEntries finds the publication entries of a listing page: every link
// to a PDF outside nav, header and footer, with its entry's title and
// summary. The entry is the nearest
// ancestor li/article/section/div/tr that holds exactly one PDF (distinct
// href); when that one has neither heading nor paragraph, the walk goes on
// up to the first such ancestor that has one, as long as it still holds
// only this PDF. Title: the entry's first heading, else the link text (else
// its title attribute, else the file name). Summary: the entry's paragraph
// text.
func pdfEntries(doc *goquery.Document) []Link {
	links, _ := docEntries(doc, isPDFHref)
	return links
}

// docEntries is pdfEntries for the links for which isDoc holds; it also
// returns each entry's container (nil when the link stands alone).
func docEntries(doc *goquery.Document, isDoc func(href string) bool) ([]Link, []*html.Node) {
	type anchor struct {
		n    *html.Node
		href string
	}
	var anchors []anchor
	doc.FindMatcher(selAHref).Each(func(_ int, s *goquery.Selection) {
		href, _ := s.Attr("href")
		href = strings.TrimSpace(href)
		if isDoc(href) && len(anchors) < 5000 && !inChrome(s.Nodes[0]) {
			anchors = append(anchors, anchor{s.Nodes[0], href})
		}
	})
	if len(anchors) == 0 {
		return nil, nil
	}
	// Distinct PDF hrefs under each ancestor.
	under := map[*html.Node]map[string]bool{}
	for _, a := range anchors {
		for p := a.n.Parent; p != nil; p = p.Parent {
			m := under[p]
			if m == nil {
				m = map[string]bool{}
				under[p] = m
			}
			m[a.href] = true
		}
	}
	var links []Link
	var containers []*html.Node
	index := map[string]int{}
	for _, a := range anchors {
		var container *html.Node
		for p := a.n.Parent; p != nil; p = p.Parent {
			if len(under[p]) != 1 {
				break
			}
			if p.Type != html.ElementNode || !entryAtoms[p.DataAtom] {
				continue
			}
			if container == nil {
				container = p
			}
			if hasHeadingOrParagraph(p) {
				container = p
				break
			}
		}
		linkText := oneLine(blockText(context.Background(), a.n))
		l := Link{Href: a.href}
		if container != nil {
			cs := goquery.NewDocumentFromNode(container).Selection
			l.Title = nodeText(cs.FindMatcher(selHeadings).First())
			var paras []string
			cs.FindMatcher(selP).Each(func(_ int, p *goquery.Selection) {
				if t := nodeText(p); t != "" && t != l.Title && t != linkText {
					paras = append(paras, t)
				}
			})
			l.Summary = truncateUTF8(strings.Join(paras, " "), 2000)
		}
		if l.Title == "" && !genericLinkText[strings.ToLower(linkText)] {
			l.Title = linkText
		}
		if l.Title == "" {
			for _, at := range a.n.Attr {
				if at.Key == "title" {
					l.Title = oneLine(at.Val)
				}
			}
		}
		if l.Title == "" {
			l.Title = linkText
		}
		if l.Title == "" {
			l.Title = fileNameOf(a.href)
		}
		if i, ok := index[a.href]; ok {
			if links[i].Summary == "" {
				links[i].Summary = l.Summary
			}
			continue
		}
		index[a.href] = len(links)
		links = append(links, l)
		containers = append(containers, container)
	}
	return links, containers
}

// inChrome reports whether n sits in site chrome (nav, header, footer) or
// in an element whose content is not text (script, template, ...).
func inChrome(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && skipAtoms[p.DataAtom] && p.DataAtom != atom.Form && p.DataAtom != atom.Button {
			return true
		}
	}
	return false
}

func hasHeadingOrParagraph(n *html.Node) bool {
	found := false
	stack := []*html.Node{n}
	for len(stack) > 0 && !found {
		nd := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if nd != n && nd.Type == html.ElementNode {
			switch nd.DataAtom {
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.P:
				found = true
			}
		}
		for c := nd.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, c)
		}
	}
	return found
}

// fileNameOf is the last path element of href, unescaped.
func fileNameOf(href string) string {
	h := href
	if i := strings.IndexAny(h, "?#"); i >= 0 {
		h = h[:i]
	}
	if i := strings.LastIndex(h, "/"); i >= 0 {
		h = h[i+1:]
	}
	if u, err := url.PathUnescape(h); err == nil {
		h = u
	}
	return h
}

// reLDDate finds a JSON-LD publication date ("datePublished": "...").
var reLDDate = regexp.MustCompile(`"(?:datePublished|dateCreated)"\s*:\s*"([^"]+)"`)

// jsonLDDate returns the normalised datePublished (or dateCreated) of the
// page's JSON-LD scripts, "" when none.
func jsonLDDate(doc *goquery.Document) string {
	var date string
	doc.FindMatcher(selJSONLD).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if m := reLDDate.FindStringSubmatch(s.Text()); m != nil {
			date = normDate(m[1])
		}
		return date == ""
	})
	return date
}

// titleSeparators part a page title from the site's name ("Page | Site").
var titleSeparators = []string{" | ", " – ", " — ", " · ", " :: ", " - "}

// withoutSiteName drops the site's name from a page title: the part equal
// to site (og:site_name) when the page gives it, otherwise the last part
// after a separator when it is shorter than the rest (a site's name
// follows the page's).
func withoutSiteName(title, site string) string {
	title = strings.TrimSpace(title)
	for _, sep := range titleSeparators {
		parts := strings.Split(title, sep)
		if len(parts) < 2 {
			continue
		}
		if site != "" {
			var kept []string
			for _, p := range parts {
				if !strings.EqualFold(strings.TrimSpace(p), strings.TrimSpace(site)) {
					kept = append(kept, p)
				}
			}
			if len(kept) > 0 && len(kept) < len(parts) {
				return strings.TrimSpace(strings.Join(kept, sep))
			}
			continue
		}
		last := parts[len(parts)-1]
		rest := strings.Join(parts[:len(parts)-1], sep)
		if sep != " - " && len([]rune(last)) < len([]rune(rest)) && len(strings.Fields(last)) <= 4 {
			return strings.TrimSpace(rest)
		}
	}
	return title
}
