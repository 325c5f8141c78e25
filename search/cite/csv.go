package cite

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// CSVHeader is the header row of WriteCSV.
var CSVHeader = []string{"key", "id", "title", "authors", "publisher", "year", "date", "type", "type_label",
	"language", "countries", "country_codes", "gcm", "url", "publisher_url", "page", "page_url", "passage"}

// WriteCSV writes items as RFC 4180 CSV, one row per passage (a document
// without passages has one row with empty page and passage). Cells a
// spreadsheet would run as a formula are prefixed with an apostrophe.
func WriteCSV(w io.Writer, items []Item, lang string) error {
	lang = uiLang(lang)
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(CSVHeader); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	keys := citationKeys(items)
	for i := range items {
		it := &items[i]
		var gcm []string
		for _, n := range it.GCM {
			gcm = append(gcm, strconv.Itoa(n))
		}
		year := ""
		if it.Year > 0 {
			year = strconv.Itoa(it.Year)
		}
		row := []string{keys[i], it.ID, it.Title, joinAuthors(it), it.Publisher, year, it.Date, it.Type, typeLabel(it.Type, lang),
			it.Lang, strings.Join(countryNames(it.Countries, lang), "; "), strings.Join(it.Countries, ";"), strings.Join(gcm, ";"),
			it.URL, it.PublisherURL}
		passages := it.Passages
		if len(passages) == 0 {
			passages = []Passage{{}}
		}
		for _, p := range passages {
			page, pageURL := "", ""
			if p.Page > 0 {
				page, pageURL = strconv.Itoa(p.Page), it.PageURL(p.Page)
			}
			if err := cw.Write(csvSafe(append(row[:len(row):len(row)], page, pageURL, p.Text()))); err != nil {
				return fmt.Errorf("write csv: %w", err)
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// csvSafe keeps spreadsheets from running cells as formulas (CSV
// injection): a cell starting with = + - @ or a tab or carriage return gets
// a leading apostrophe. Numbers such as "-3" are left alone.
func csvSafe(row []string) []string {
	for i, c := range row {
		if c == "" || strings.IndexByte("=+-@\t\r", c[0]) < 0 {
			continue
		}
		if _, err := strconv.ParseFloat(c, 64); err == nil {
			continue
		}
		row[i] = "'" + c
	}
	return row
}
