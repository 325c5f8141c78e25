package extract

import "github.com/andybalholm/cascadia"

// CSS selectors of the HTML extractors, compiled once: goquery's Find
// compiles its selector at every call (about a twelfth of a small web
// page's extraction). FindMatcher with these finds the same nodes.
var (
	selCanonical = cascadia.MustCompile(`link[rel="canonical"]`)
	selTitle     = cascadia.MustCompile("title")
	selH1        = cascadia.MustCompile("h1")
	selTimeDate  = cascadia.MustCompile("time[datetime]")
	selHTML      = cascadia.MustCompile("html")
	selBody      = cascadia.MustCompile("body")
	selMeta      = cascadia.MustCompile("meta")
	selMain      = cascadia.MustCompile("main")
	selRoleMain  = cascadia.MustCompile("[role=main]")
	selArticle   = cascadia.MustCompile("article")
	selAHref     = cascadia.MustCompile("a[href]")
	selHeadings  = cascadia.MustCompile("h1, h2, h3, h4, h5, h6")
	selP         = cascadia.MustCompile("p")
	selJSONLD    = cascadia.MustCompile(`script[type="application/ld+json"]`)
	selBaseHref  = cascadia.MustCompile("base[href]")
	selLinks     = cascadia.MustCompile("a[href], link[href]")
	selTime      = cascadia.MustCompile("time")
)
