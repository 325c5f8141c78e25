package extract

import (
	"context"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Boilerplate is text of a page left out of its indexed text, with the
// reason it was left out. HTML pages report theirs in Result.Boilerplate;
// the indexer adds the paragraphs a site repeats on many pages.
type Boilerplate struct {
	// Reason is one of the Reason constants, possibly followed by ": "
	// and details (e.g. "site-repeated: on 6 of 6 pages of dir:web").
	Reason string `json:"reason"`
	// Text is the text removed, on one line, cut at 300 bytes.
	Text string `json:"text"`
}

// Reasons for leaving text out of a page (Boilerplate.Reason).
const (
	ReasonNavigation   = "navigation"    // <nav>, role=navigation, menus, skip links
	ReasonHeader       = "header"        // <header>, role=banner, masthead
	ReasonFooter       = "footer"        // <footer>, role=contentinfo
	ReasonHidden       = "hidden"        // hidden, aria-hidden="true", inline display:none or visibility:hidden
	ReasonModal        = "modal"         // a closed modal or <dialog>
	ReasonCookies      = "cookie-banner" // cookie and consent notices
	ReasonShare        = "share"         // share and social buttons
	ReasonRelated      = "related"       // "related", "recommended", "more stories" boxes
	ReasonTeaser       = "teaser"        // a short block that only points to another page ("... Learn more")
	ReasonForm         = "form"          // forms, buttons, inputs
	ReasonSVG          = "svg"           // text drawn in SVG
	ReasonOutsideMain  = "outside-main"  // text outside the page's <main>, role=main or lone <article>
	ReasonSiteRepeated = "site-repeated" // a paragraph repeated on many pages of the same site (set by the indexer)
)

// maxBoilerplateText bounds Boilerplate.Text.
const maxBoilerplateText = 300

// chromeTokens are the class and id words that name site chrome, with
// the kind of chrome. Words are matched whole, after splitting the
// attribute on anything that is not a letter or digit ("mobile-menu" holds
// "menu").
var chromeTokens = map[string]string{
	"nav": ReasonNavigation, "navbar": ReasonNavigation, "navigation": ReasonNavigation, "menu": ReasonNavigation,
	"menubar": ReasonNavigation, "breadcrumb": ReasonNavigation, "breadcrumbs": ReasonNavigation,
	"pagination": ReasonNavigation, "pager": ReasonNavigation, "sidebar": ReasonNavigation,
	"skiplink": ReasonNavigation, "megamenu": ReasonNavigation, "hamburger": ReasonNavigation,
	"masthead": ReasonHeader, "topbar": ReasonHeader,
	"footer": ReasonFooter, "colophon": ReasonFooter,
	"cookie": ReasonCookies, "cookies": ReasonCookies, "consent": ReasonCookies, "gdpr": ReasonCookies, "cookiebanner": ReasonCookies,
	"share": ReasonShare, "sharing": ReasonShare, "social": ReasonShare, "sharebar": ReasonShare,
	"related": ReasonRelated, "recommended": ReasonRelated, "readnext": ReasonRelated, "morestories": ReasonRelated,
	"modal": ReasonModal, "popup": ReasonModal, "lightbox": ReasonModal,
}

// textAtoms are elements that hold text, not chrome, whatever their class
// or id.
var textAtoms = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Figure: true, atom.Figcaption: true,
	atom.Article: true, atom.Main: true, atom.Body: true, atom.Html: true,
}

// openClasses mark a modal or popup that is shown.
var openClasses = map[string]bool{"show": true, "open": true, "in": true, "is-open": true, "active": true, "visible": true, "is-visible": true}

// reCTA is a call to action that makes a short block a teaser of another
// page: the whole text of an element, in English, Spanish, French or
// Portuguese.
var reCTA = regexp.MustCompile(`^(?i)(click here( to (learn|read|see|find out) more)?|(learn|read|see|find out) more|continue reading|more info(rmation)?|haz clic aquí( para (saber|leer|ver) más)?|haga clic aquí( para (saber|leer|ver) más)?|clic aquí( para (saber|leer|ver) más)?|(leer|ver|saber) más|más información|seguir leyendo|en savoir plus|lire (la suite|plus)|cliquez ici( pour en savoir plus)?|saiba mais|leia mais|clique aqui( para saber mais)?)\W*$`)

// reSkipLink is the text of a link that skips to the content or a part of
// the page.
var reSkipLink = regexp.MustCompile(`^(?i)(skip to\b.*|saltar a.*|ir al contenido.*|aller au contenu.*|passer au contenu.*|pular para o conteúdo.*)$`)

// chromeRule says why n is site chrome rather than page text, or "". The
// main node and its ancestors are never chrome.
func chromeRule(n *html.Node) string {
	if hiddenNode(n) {
		return ReasonHidden
	}
	switch n.DataAtom {
	case atom.Nav:
		return ReasonNavigation
	case atom.Header:
		return ReasonHeader
	case atom.Footer:
		return ReasonFooter
	case atom.Form, atom.Button, atom.Select, atom.Textarea, atom.Input:
		return ReasonForm
	case atom.Svg:
		return ReasonSVG
	case atom.Dialog:
		return ReasonModal
	}
	var class, id, role string
	for _, a := range n.Attr {
		switch strings.ToLower(a.Key) {
		case "class":
			class = strings.ToLower(a.Val)
		case "id":
			id = strings.ToLower(a.Val)
		case "role":
			role = strings.ToLower(strings.TrimSpace(a.Val))
		}
	}
	switch role {
	case "navigation", "menu", "menubar", "search":
		return ReasonNavigation
	case "banner":
		return ReasonHeader
	case "contentinfo":
		return ReasonFooter
	case "dialog", "alertdialog":
		if !hasOpenClass(class) {
			return ReasonModal
		}
	}
	if textAtoms[n.DataAtom] {
		// A paragraph or heading is text whatever its class says
		// ("footnote new-footer").
		return ""
	}
	for _, attr := range []string{class, id} {
		for _, tok := range strings.FieldsFunc(attr, func(r rune) bool { return !isAlnum(r) }) {
			reason, ok := chromeTokens[tok]
			if !ok {
				continue
			}
			if reason == ReasonModal && hasOpenClass(class) {
				continue
			}
			return reason
		}
	}
	return ""
}

func isAlnum(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127
}

func hasOpenClass(class string) bool {
	for _, c := range strings.Fields(class) {
		if openClasses[c] {
			return true
		}
	}
	return false
}

// pruneChrome detaches from the tree under body the elements that are
// not the page's text (menus, headers, footers, hidden elements, closed
// modals, cookie notices, share and related boxes, forms, SVG, teasers of
// other pages) and returns what they said, with why. keep is the page's
// main container (or nil): it and its ancestors stay, and so does any
// element holding more than half the text of body (a wrapper named like
// chrome). Teasers are dropped only while they make up at most half of
// the page's text: a page made of teasers is a listing.
func pruneChrome(ctx context.Context, body, keep *html.Node) []Boilerplate {
	protected := map[*html.Node]bool{}
	for p := keep; p != nil; p = p.Parent {
		protected[p] = true
	}
	words := wordCounts(body)
	total := words[body]
	var out []Boilerplate
	var detach []*html.Node
	removed := 0
	steps := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			steps++
			if steps%4096 == 0 && ctx.Err() != nil {
				return
			}
			if c.Type != html.ElementNode {
				continue
			}
			if !protected[c] && c.DataAtom != atom.Main {
				reason := chromeRule(c)
				if reason == "" && c.DataAtom == atom.A && words[c] > 0 && words[c] <= 8 && reSkipLink.MatchString(oneLine(blockText(ctx, c))) {
					reason = ReasonNavigation
				}
				if reason != "" && (reason == ReasonHidden || words[c]*2 <= total || words[c] < 20) {
					detach = append(detach, c)
					removed += words[c]
					if t := removedText(c); t != "" {
						out = append(out, Boilerplate{Reason: reason, Text: t})
					}
					continue
				}
			}
			walk(c)
		}
	}
	walk(body)
	if total > 0 && total-removed < min(10, total) {
		// Nothing would be left: the rules do not fit this page.
		return nil
	}
	for _, n := range detach {
		n.Parent.RemoveChild(n)
	}

	// Teasers, once the chrome is gone.
	words = wordCounts(body)
	total = words[body]
	var teasers []*html.Node
	seen := map[*html.Node]bool{}
	teaserWords := 0
	var find func(n *html.Node)
	find = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if t := teaserBlock(c, words); t != nil && !protected[t] {
				if !seen[t] {
					seen[t] = true
					teasers = append(teasers, t)
					teaserWords += words[t]
				}
				continue
			}
			find(c)
		}
	}
	find(body)
	if len(teasers) > 0 && teaserWords*2 <= total {
		for _, t := range teasers {
			out = append(out, Boilerplate{Reason: ReasonTeaser, Text: removedText(t)})
			t.Parent.RemoveChild(t)
		}
	}
	return out
}

// teaserBlock returns the teaser n is the call to action of, or nil: n's
// whole text is a call to action ("Click here to learn more", "Leer
// más", ...) and the teaser is its nearest ancestor with other text, when
// that one has at most 40 words.
func teaserBlock(n *html.Node, words map[*html.Node]int) *html.Node {
	if words[n] == 0 || words[n] > 8 {
		return nil
	}
	text := oneLine(blockText(context.Background(), n))
	if !reCTA.MatchString(text) {
		return nil
	}
	for p := n.Parent; p != nil && p.Type == html.ElementNode; p = p.Parent {
		if p.DataAtom == atom.Body || p.DataAtom == atom.Main {
			return nil
		}
		if words[p] > words[n] {
			if words[p] <= 40 && entryAtoms[p.DataAtom] {
				return p
			}
			return nil
		}
	}
	return nil
}

// wordCounts counts the words of the text under every element of the tree
// at root (skipped and hidden elements count nothing).
func wordCounts(root *html.Node) map[*html.Node]int {
	counts := map[*html.Node]int{}
	var count func(n *html.Node) int
	count = func(n *html.Node) int {
		switch n.Type {
		case html.TextNode:
			return countWords(n.Data)
		case html.ElementNode, html.DocumentNode:
		default:
			return 0
		}
		if n.Type == html.ElementNode && (skipAtoms[n.DataAtom] && n.DataAtom != atom.Header && n.DataAtom != atom.Footer && n.DataAtom != atom.Nav || hiddenNode(n)) {
			return 0
		}
		c := 0
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			c += count(k)
		}
		counts[n] = c
		return c
	}
	count(root)
	return counts
}

// removedText is the text of n on one line, cut for the report. Hidden
// and skipped descendants are rendered too: the report says what was
// there.
func removedText(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if b.Len() > maxBoilerplateText*2 {
			return
		}
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			b.WriteByte(' ')
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Template, atom.Noscript:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return truncateUTF8(oneLine(b.String()), maxBoilerplateText)
}
