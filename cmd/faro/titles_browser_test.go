package main

// A browser test of what a new user sees: real documents without
// sidecars, whose titles and years must come from the documents
// themselves, shown in headless Chromium (skipped without one).

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"faro/internal/pdftest"
)

// coverPDF writes a one-page PDF: content is the page's content stream
// (Helvetica, WinAnsi), info its Info dictionary.
func coverPDF(content string, info map[string]string) []byte {
	var d strings.Builder
	d.WriteString("<<")
	for k, v := range info {
		fmt.Fprintf(&d, " /%s (%s)", k, v)
	}
	d.WriteString(" >>")
	return pdftest.Write([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		d.String(),
	}, "/Info 6 0 R")
}

// text draws lines of one size from (x, y) down, lead points apart.
func text(size, x, y, lead float64, lines ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "BT /F1 %g Tf %g TL %g %g Td\n", size, lead, x, y)
	for i, l := range lines {
		if i > 0 {
			b.WriteString("T* ")
		}
		fmt.Fprintf(&b, "(%s) Tj\n", l)
	}
	b.WriteString("ET\n")
	return b.String()
}

func TestBrowserRealTitles(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	exe := requireChromium(t)
	body := []string{
		"This evaluation brief presents the final evaluation of the border management project in Mali,",
		"carried out for IOM by an external team. The final evaluation of the border management project",
		"in Mali found that the project was relevant to migration and that border communities took part in it.",
	}
	corpus := t.TempDir()
	docs := map[string][]byte{
		// An evaluation brief: series label, date, title in capitals; its
		// Info title is a tool's leftover and its author who saved it.
		"iom-eval_border-project_brief.pdf": coverPDF(
			text(26, 72, 740, 30, "EVALUATION BRIEF")+text(14, 450, 740, 16, "March 2022")+
				text(16, 72, 700, 19, "FINAL EVALUATION OF THE BORDER", "MANAGEMENT PROJECT IN MALI")+
				text(10, 72, 600, 12, body...),
			map[string]string{"Title": "x", "Author": "SMITH John", "CreationDate": "D:20250221132652"}),
		// A report whose cover gives the title and the year, saved from a
		// word processor long after.
		"mpi_central-american-migration_exec-summary.pdf": coverPDF(
			text(29, 56, 420, 30, "Charting a New Regional Course of Action")+
				text(20, 56, 360, 22, "The Complex Motivations and Costs of Migration")+
				text(11, 56, 300, 13, "November 2021")+
				text(10, 56, 200, 12, "Executive Summary. Influenced by an array of push and pull factors, migration",
					"toward the United States has shaped the region for decades."),
			map[string]string{"Title": "Microsoft Word - exec summary final v3.docx", "CreationDate": "D:20240101120000"}),
	}
	for name, data := range docs {
		if err := os.WriteFile(filepath.Join(corpus, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ts := startServe(t, "--index", filepath.Join(t.TempDir(), "index"), "--corpus", corpus)
	deadline := time.Now().Add(time.Minute)
	for ts.total(t, "q=") < len(docs) {
		if time.Now().After(deadline) {
			t.Fatalf("the documents were not indexed:\n%s", ts.logs.String())
		}
		time.Sleep(200 * time.Millisecond)
	}

	ctx := newBrowser(t, context.Background(), exe)

	if _, err := chromedp.Run(ctx, chromedp.NavigateResponse(ts.base+"/?q="+url.QueryEscape("migration"))); err != nil {
		t.Fatalf("search page: %v", err)
	}
	list, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
	if err != nil {
		t.Fatalf("search page text: %v", err)
	}
	links, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
		`[...document.querySelectorAll('a[href^="/documents/"]')].map(a => a.getAttribute('href')).filter(h => !h.includes('/file'))`))
	if err != nil {
		t.Fatalf("search page links: %v", err)
	}
	for _, want := range []string{"Final evaluation of the border management project in Mali",
		"Charting a New Regional Course of Action: The Complex Motivations and Costs of Migration"} {
		if !strings.Contains(list, want) {
			t.Errorf("the result list lacks the title %q:\n%s", want, list)
		}
	}
	for _, bad := range []string{"iom eval border project brief", "exec summary final", "Microsoft Word"} {
		if strings.Contains(list, bad) {
			t.Errorf("the result list shows %q:\n%s", bad, list)
		}
	}
	if len(links) == 0 {
		t.Fatalf("no link to a document page on the result list")
	}
	if _, err := chromedp.Run(ctx, chromedp.NavigateResponse(ts.base+links[0])); err != nil {
		t.Fatalf("document page: %v", err)
	}
	page, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
	if err != nil {
		t.Fatalf("document page text: %v", err)
	}
	if !strings.Contains(page, "Final evaluation of the border management project in Mali") && !strings.Contains(page, "Charting a New Regional Course of Action") {
		t.Errorf("the document page %s shows no real title:\n%s", links[0], page)
	}
	for _, year := range []string{"2022", "2021"} {
		if !strings.Contains(list, year) {
			t.Errorf("the result list lacks the printed year %s", year)
		}
	}
	for _, bad := range []string{"SMITH John", "2025", "2024"} {
		if strings.Contains(list, bad) {
			t.Errorf("the result list shows %q (the file's, not the document's)", bad)
		}
	}
}
