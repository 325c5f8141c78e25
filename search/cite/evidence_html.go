package cite

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"

	"faro/search"
)

// evidenceCSS styles the standalone evidence page; it is inline so the
// saved file needs nothing else, and allowed by its hash.
const evidenceCSS = `
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;max-width:52rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.5rem}h2{font-size:1.25rem;border-bottom:2px solid #0033a0;padding-bottom:.2rem;margin-top:2.5rem}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}dl.meta dt{font-weight:600}dl.meta dd{margin:0}
figure{margin:1.2rem 0}blockquote{margin:0;padding:.4rem 1rem;border-left:4px solid #0033a0;background:#f4f6fb}
blockquote p{margin:.3rem 0}mark{background:#ffe08a;color:inherit;font-weight:600}
figcaption{font-size:.9rem;color:#444;margin:.3rem 0 0 1.2rem}a{color:#0033a0;overflow-wrap:anywhere}
.note{color:#555;font-size:.9rem}nav ol{padding-left:1.4rem}
@media print{a{color:inherit}nav{display:none}h2{break-after:avoid}figure{break-inside:avoid}}
`

// EvidenceStyleSource is the CSP source (a hash) that allows the evidence
// page's inline style and nothing else; a server sending the page sets
// "style-src" to it.
var EvidenceStyleSource = func() string {
	sum := sha256.Sum256([]byte(evidenceCSS))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}()

// EvidenceCSP is the Content-Security-Policy of the evidence page: no
// scripts, no requests, only its own inline style.
var EvidenceCSP = "default-src 'none'; style-src " + EvidenceStyleSource + "; base-uri 'none'; form-action 'none'"

var evidenceTemplate = template.Must(template.New("evidence").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{{.CSP}}">
<meta name="generator" content="Faro">
<title>{{.Title}}</title>
<style>` + evidenceCSS + `</style>
</head>
<body>
<header>
<h1>{{.Title}}</h1>
<dl class="meta">
{{range .Meta}}<dt>{{.Label}}</dt><dd>{{if .Href}}<a href="{{.Href}}">{{.Value}}</a>{{else}}{{.Value}}{{end}}</dd>
{{end}}</dl>
<p class="note">{{.Note}}</p>
</header>
{{if .Groups}}<nav aria-label="{{.ContentsLabel}}">
<h2>{{.ContentsLabel}}</h2>
<ol>
{{range .Groups}}<li><a href="#{{.Anchor}}">{{.Heading}}</a> ({{.Count}})</li>
{{end}}</ol>
</nav>
{{end}}<main>
{{range .Groups}}<section id="{{.Anchor}}">
<h2>{{.Heading}}</h2>
{{range .Quotes}}<figure>
<blockquote cite="{{.PageURL}}"><p>{{.Passage}}</p></blockquote>
<figcaption>— {{.Authors}}, {{.Year}} <cite>{{.Title}}</cite>, <a href="{{.PageURL}}">p. {{.Page}}</a>. <a href="{{.URL}}">{{.URL}}</a></figcaption>
</figure>
{{end}}{{if .Further}}{{if .Quotes}}<h3>{{$.FurtherLabel}}</h3>
{{end}}<ul>
{{range .Further}}<li>{{.Authors}}, {{.Year}} <cite>{{.Title}}</cite>. <a href="{{.URL}}">{{.URL}}</a></li>
{{end}}</ul>
{{end}}</section>
{{end}}</main>
</body>
</html>
`))

type htmlMeta struct{ Label, Value, Href string }

type htmlQuote struct {
	Passage                   template.HTML
	Authors, Year, Title, URL string
	PageURL                   string
	Page                      int
}

type htmlSource struct{ Authors, Year, Title, URL string }

type htmlGroup struct {
	Anchor, Heading string
	Count           int
	Quotes          []htmlQuote
	Further         []htmlSource
}

type htmlPack struct {
	Lang, CSP, Title, Note      string
	ContentsLabel, FurtherLabel string
	Meta                        []htmlMeta
	Groups                      []htmlGroup
}

// WriteEvidenceHTML writes the pack as a complete, standalone HTML page
// without scripts: matches stay in <mark>, everything else is escaped.
func WriteEvidenceHTML(w io.Writer, p *Pack) error {
	lang := p.Lang
	v := htmlPack{
		Lang: lang, CSP: EvidenceCSP, Title: p.title(),
		ContentsLabel: tr(lang, "contents"), FurtherLabel: tr(lang, "further"),
		Meta: []htmlMeta{
			{Label: tr(lang, "query"), Value: p.queryText()},
			{Label: tr(lang, "filters"), Value: p.filtersText()},
			{Label: tr(lang, "generated"), Value: p.generatedText()},
			{Label: tr(lang, "documents"), Value: p.documentsText()},
		},
		Note: tr(lang, "ordering"),
	}
	if len(p.Groups) == 0 {
		v.Note = tr(lang, "no_evidence")
	}
	if p.Search != "" {
		v.Meta = append(v.Meta, htmlMeta{Label: tr(lang, "search_page"), Value: p.Search, Href: p.Search})
	}
	for _, g := range p.Groups {
		hg := htmlGroup{Anchor: "other", Heading: g.Heading, Count: len(g.Quotes) + len(g.Further)}
		if g.Objective > 0 {
			hg.Anchor = "gcm-" + strconv.Itoa(g.Objective)
		}
		for _, q := range g.Quotes {
			it := q.Item
			hg.Quotes = append(hg.Quotes, htmlQuote{
				Passage: htmlPassage(q.Passage), Authors: joinAuthors(it), Year: yearDot(it, lang), Title: it.Title,
				URL: it.URL, PageURL: it.PageURL(q.Passage.Page), Page: q.Passage.Page,
			})
		}
		for _, it := range g.Further {
			hg.Further = append(hg.Further, htmlSource{Authors: joinAuthors(it), Year: yearDot(it, lang), Title: it.Title, URL: it.URL})
		}
		v.Groups = append(v.Groups, hg)
	}
	if err := evidenceTemplate.Execute(w, v); err != nil {
		return fmt.Errorf("write evidence html: %w", err)
	}
	return nil
}

// htmlPassage renders a passage as HTML: its text escaped, its matches in
// <mark>; nothing else comes out as markup.
func htmlPassage(p Passage) template.HTML {
	return template.HTML(strings.TrimSpace(search.SegmentsHTML(p.runs())))
}
