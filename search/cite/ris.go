package cite

import (
	"bufio"
	"fmt"
	"io"
)

// risEOL ends every RIS line, as the format's specification asks.
const risEOL = "\r\n"

// risTypes maps document types to RIS reference types; the rest are RPRT.
var risTypes = map[string]string{
	"web-page":    "ELEC",
	"info-sheet":  "PAMP",
	"policy-text": "GEN",
}

// WriteRIS writes items as RIS records: one "TAG  - value" per line (CRLF),
// values on one line, each record from TY to ER.
func WriteRIS(w io.Writer, items []Item, lang string) error {
	lang = uiLang(lang)
	bw := bufio.NewWriter(w)
	keys := citationKeys(items)
	for i := range items {
		it := &items[i]
		tag := func(name, value string) {
			if value = oneLine(value); value != "" {
				bw.WriteString(name + "  - " + value + risEOL)
			}
		}
		ty := risTypes[it.Type]
		if ty == "" {
			ty = "RPRT"
		}
		tag("TY", ty)
		tag("ID", keys[i])
		tag("TI", it.Title)
		for _, a := range it.Authors {
			tag("AU", a)
		}
		y, m, d := dateParts(it)
		if y > 0 {
			tag("PY", fmt.Sprintf("%04d", y))
			date := fmt.Sprintf("%04d/", y)
			if m > 0 {
				date += fmt.Sprintf("%02d", m)
			}
			date += "/"
			if d > 0 {
				date += fmt.Sprintf("%02d", d)
			}
			tag("DA", date+"/")
		}
		tag("PB", it.Publisher)
		tag("M3", typeLabel(it.Type, lang))
		tag("LA", it.Lang)
		for _, c := range countryNames(it.Countries, lang) {
			tag("KW", c)
		}
		for _, n := range it.GCM {
			tag("KW", gcmLabel(n, lang))
		}
		tag("AB", it.Summary)
		tag("UR", it.URL)
		tag("L2", it.PublisherURL)
		bw.WriteString("ER  - " + risEOL)
		if i < len(items)-1 {
			bw.WriteString(risEOL)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write ris: %w", err)
	}
	return nil
}
