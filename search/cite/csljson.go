package cite

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// cslTypes maps document types to CSL item types; the rest are "report".
var cslTypes = map[string]string{
	"web-page":    "webpage",
	"info-sheet":  "pamphlet",
	"policy-text": "article",
}

// CSLItem is one CSL-JSON item (https://citationstyles.org), with only the
// variables of the CSL data schema; Faro's own data is under Custom.
type CSLItem struct {
	ID         string     `json:"id"`
	Type       string     `json:"type"`
	Title      string     `json:"title"`
	Author     []CSLName  `json:"author,omitempty"`
	Publisher  string     `json:"publisher,omitempty"`
	Issued     *CSLDate   `json:"issued,omitempty"`
	Genre      string     `json:"genre,omitempty"`
	Language   string     `json:"language,omitempty"`
	Abstract   string     `json:"abstract,omitempty"`
	Keyword    string     `json:"keyword,omitempty"`
	Categories []string   `json:"categories,omitempty"`
	URL        string     `json:"URL,omitempty"`
	Note       string     `json:"note,omitempty"`
	Custom     *CSLCustom `json:"custom,omitempty"`
}

// CSLName is a name as CSL-JSON gives it; Faro's authors are literal.
type CSLName struct {
	Literal string `json:"literal"`
}

// CSLDate is a CSL date: {"date-parts": [[2019, 5, 14]]}.
type CSLDate struct {
	DateParts [][]int `json:"date-parts"`
}

// CSLCustom holds what CSL has no variable for.
type CSLCustom struct {
	FaroID       string       `json:"faro_id"`
	Countries    []string     `json:"countries,omitempty"`
	GCM          []int        `json:"gcm,omitempty"`
	PublisherURL string       `json:"publisher_url,omitempty"`
	Passages     []CSLPassage `json:"passages,omitempty"`
}

// CSLPassage is a quoted passage with its page.
type CSLPassage struct {
	Page int    `json:"page"`
	Text string `json:"text"`
	URL  string `json:"url"`
}

// CSLItems converts items to CSL-JSON items.
func CSLItems(items []Item, lang string) []CSLItem {
	lang = uiLang(lang)
	keys := citationKeys(items)
	out := make([]CSLItem, 0, len(items))
	for i := range items {
		it := &items[i]
		ci := CSLItem{
			ID: keys[i], Type: cslTypes[it.Type], Title: it.Title, Publisher: it.Publisher,
			Genre: typeLabel(it.Type, lang), Language: it.Lang, Abstract: it.Summary, URL: it.URL,
			Custom: &CSLCustom{FaroID: it.ID, Countries: it.Countries, GCM: it.GCM, PublisherURL: it.PublisherURL},
		}
		if ci.Type == "" {
			ci.Type = "report"
		}
		for _, a := range it.Authors {
			ci.Author = append(ci.Author, CSLName{Literal: a})
		}
		if y, m, d := dateParts(it); y > 0 {
			parts := []int{y}
			if m > 0 {
				parts = append(parts, m)
				if d > 0 {
					parts = append(parts, d)
				}
			}
			ci.Issued = &CSLDate{DateParts: [][]int{parts}}
		}
		ci.Categories = countryNames(it.Countries, lang)
		for _, n := range it.GCM {
			ci.Categories = append(ci.Categories, gcmLabel(n, lang))
		}
		ci.Keyword = strings.Join(ci.Categories, ", ")
		var notes []string
		for _, p := range it.Passages {
			text := p.Text()
			ci.Custom.Passages = append(ci.Custom.Passages, CSLPassage{Page: p.Page, Text: text, URL: it.PageURL(p.Page)})
			notes = append(notes, "p. "+strconv.Itoa(p.Page)+": “"+text+"”")
		}
		ci.Note = strings.Join(notes, "\n")
		out = append(out, ci)
	}
	return out
}

// WriteCSLJSON writes items as a CSL-JSON array, with the passages (page
// and plain text) in each item's note and custom.passages.
func WriteCSLJSON(w io.Writer, items []Item, lang string) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(CSLItems(items, lang)); err != nil {
		return fmt.Errorf("write csl-json: %w", err)
	}
	return nil
}
