package main

// A browser test of scanned documents: an image-only PDF, made here from
// a text PDF of our own, is found by a word that exists only in its
// image, and its page says the text was recognised from a scan.

import (
	"context"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"faro/indexer/ocr"
	"faro/indexer/ocr/ocrtest"
)

func TestBrowserScannedDocument(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	exe := findChromium()
	if _, err := ocr.Find(); err != nil || exe == "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI installs Chromium and Tesseract: %v, chromium %q", err, exe)
		}
		t.Skipf("needs Chromium and Tesseract: %v, chromium %q", err, exe)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// Two pages; the word searched, "Quetzaltenango", is on page 2 only,
	// and only in the image.
	text := ocrtest.TextPDF([]string{
		"Informe de la oficina de terreno",
		"La oficina atiende a personas migrantes retornadas",
		"y a sus familias en el occidente del país.",
	}, []string{
		"Ventanillas informativas en Quetzaltenango",
		"Las ventanillas de Quetzaltenango orientan a las personas",
		"sobre la migración regular y los riesgos del viaje irregular.",
	})
	scan, err := ocrtest.ScanPDF(ctx, text, 150)
	if err != nil {
		t.Fatal(err)
	}
	corpus := t.TempDir()
	if err := os.WriteFile(filepath.Join(corpus, "informe-oficina-escaneado.pdf"), scan, 0o644); err != nil {
		t.Fatal(err)
	}
	ts := startServe(t, "--index", filepath.Join(t.TempDir(), "index"), "--corpus", corpus, "--ocr", "auto")
	deadline := time.Now().Add(2 * time.Minute)
	for ts.total(t, "q=") < 1 {
		if time.Now().After(deadline) {
			t.Fatalf("the scan was not indexed:\n%s", ts.logs.String())
		}
		time.Sleep(300 * time.Millisecond)
	}

	// The API: the hit's snippet is on page 2, marked as OCR.
	a := ts.do(t, "GET", "/api/v1/search?q=quetzaltenango", "", nil, "")
	var r struct {
		Total int `json:"total"`
		Hits  []struct {
			ID       string `json:"id"`
			Snippets []struct {
				Page int  `json:"page"`
				OCR  bool `json:"ocr"`
			} `json:"snippets"`
		} `json:"hits"`
	}
	if err := json.Unmarshal(a.body, &r); err != nil || r.Total != 1 || len(r.Hits[0].Snippets) == 0 {
		t.Fatalf("search quetzaltenango: %v %s\n%s", err, a.body, ts.logs.String())
	}
	if sn := r.Hits[0].Snippets[0]; sn.Page != 2 || !sn.OCR {
		t.Errorf("snippet on page %d, ocr %v; want page 2, ocr true: %s", sn.Page, sn.OCR, a.body)
	}

	bctx := newBrowser(t, ctx, exe)
	if _, err := chromedp.Run(bctx, chromedp.NavigateResponse(ts.base+"/?ui=en&q="+url.QueryEscape("Quetzaltenango"))); err != nil {
		t.Fatalf("search page: %v", err)
	}
	list, err := chromedp.Run(bctx, chromedp.Evaluate[string](`document.body.innerText`))
	if err != nil {
		t.Fatalf("search page text: %v", err)
	}
	if !strings.Contains(list, "text recognised from a scan") || !strings.Contains(strings.ToLower(list), "quetzaltenango") {
		t.Errorf("the result list does not show the scan's passage as recognised text:\n%s", list)
	}
	links, err := chromedp.Run(bctx, chromedp.Evaluate[[]string](
		`[...document.querySelectorAll('.snippet a[href^="/documents/"]')].map(a => a.getAttribute('href')).filter(h => !h.includes('/file'))`))
	if err != nil || len(links) == 0 {
		t.Fatalf("no link from the snippet to its page: %v\n%s", err, list)
	}
	if _, err := chromedp.Run(bctx, chromedp.NavigateResponse(ts.base+links[0])); err != nil {
		t.Fatalf("document page: %v", err)
	}
	page, err := chromedp.Run(bctx, chromedp.Evaluate[string](`document.getElementById('page-2') ? document.getElementById('page-2').innerText : ''`))
	if err != nil {
		t.Fatalf("document page text: %v", err)
	}
	if !strings.Contains(page, "text recognised from a scan") || !strings.Contains(page, "Quetzaltenango") {
		t.Errorf("page 2 of %s does not show the recognised text with its mark:\n%s", links[0], page)
	}
}

// TestServeLogsOCR: the summary `faro serve` logs after indexing at start
// carries OCR's totals, as `faro index` prints them; here, without
// Tesseract, the pages that OCR would read and how to enable it.
func TestServeLogsOCR(t *testing.T) {
	t.Setenv("FARO_TESSERACT", filepath.Join(t.TempDir(), "no-such-program"))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	scan, err := ocrtest.ScanPDF(ctx, ocrtest.TextPDF([]string{"Informe escaneado"}, []string{"Segunda página"}), 100)
	if err != nil {
		t.Fatal(err)
	}
	corpus := t.TempDir()
	if err := os.WriteFile(filepath.Join(corpus, "escaneado.pdf"), scan, 0o644); err != nil {
		t.Fatal(err)
	}
	ts := startServe(t, "--index", filepath.Join(t.TempDir(), "index"), "--corpus", corpus, "--ocr", "auto", "--log-format", "text")
	logs := ts.logs.String()
	for _, want := range []string{"msg=indexed", "pages without text would be read by OCR: install Tesseract", "pages=2"} {
		if !strings.Contains(logs, want) {
			t.Errorf("serve's start logs lack %q:\n%s", want, logs)
		}
	}
}
