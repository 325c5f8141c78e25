package ocr_test

import (
	"context"
	"errors"
	"image"
	"os"
	"testing"
	"time"

	"faro/indexer/ocr"
	"faro/indexer/ocr/ocrtest"
	"faro/indexer/pdftext/pdfium"
)

func TestParseMode(t *testing.T) {
	for _, c := range []struct {
		in   string
		want ocr.Mode
		ok   bool
	}{{"", ocr.Auto, true}, {"AUTO", ocr.Auto, true}, {"off", ocr.Off, true}, {" force ", ocr.Force, true}, {"on", "", false}} {
		got, err := ocr.ParseMode(c.in)
		if got != c.want || (err == nil) != c.ok {
			t.Errorf("ParseMode(%q) = %q, %v", c.in, got, err)
		}
	}
}

func TestParseTSV(t *testing.T) {
	tsv := "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n" +
		"1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t\n" +
		"5\t1\t1\t1\t1\t1\t0\t0\t1\t1\t96\tLa\n" +
		"5\t1\t1\t1\t1\t2\t0\t0\t1\t1\t90\ttrata\n" +
		"5\t1\t1\t1\t2\t1\t0\t0\t1\t1\t94\tde\n" +
		"5\t1\t1\t1\t2\t2\t0\t0\t1\t1\t5\t~~\n" + // noise: dropped
		"5\t1\t2\t1\t1\t1\t0\t0\t1\t1\t80\tpersonas\n" +
		"5\t1\t3\t1\t1\t1\t0\t0\t1\t1\t60\t|\n" + // a line without a letter: dropped
		"5\t2\t1\t1\t1\t1\t0\t0\t1\t1\t50\tdos\n"
	pages := ocr.ParseTSV(tsv)
	if len(pages) != 2 {
		t.Fatalf("%d pages, want 2: %+v", len(pages), pages)
	}
	if pages[0].Text != "La trata\nde\n\npersonas" || pages[0].Words != 4 || pages[0].Confidence != 90 {
		t.Errorf("page 1 = %+v", pages[0])
	}
	if pages[1].Text != "dos" || !pages[1].Low() {
		t.Errorf("page 2 = %+v, want low confidence", pages[1])
	}
}

func TestBetter(t *testing.T) {
	auto := ocr.Page{Text: "auto", Words: 163, Confidence: 92.1, PSM: ocr.PSMAuto}
	for _, c := range []struct {
		name   string
		a, b   ocr.Page
		wantB  bool
		retryA bool
	}{
		{"sparse reads the cover's labels too", auto, ocr.Page{Text: "sparse", Words: 195, Confidence: 91.7}, true, false},
		{"sparse reads a few more, less surely", auto, ocr.Page{Text: "sparse", Words: 170, Confidence: 90}, false, false},
		{"sparse keeps only a few sure words", auto, ocr.Page{Text: "sparse", Words: 40, Confidence: 96}, false, false},
		{"sparse reads nothing", auto, ocr.Page{}, false, false},
		{"pictures", ocr.Page{Text: "auto", Words: 142, Confidence: 92.1, Pictures: 0.36}, ocr.Page{Text: "sparse", Words: 179, Confidence: 92.3}, true, true},
		{"a poor reading", ocr.Page{Text: "auto", Words: 176, Confidence: 87.5}, ocr.Page{Text: "sparse", Words: 225, Confidence: 84.3}, true, true},
		{"automatic layout read nothing", ocr.Page{}, ocr.Page{Text: "sparse", Words: 5, Confidence: 60}, true, false},
		{"running text", ocr.Page{Text: "auto", Words: 490, Confidence: 95.5}, ocr.Page{Text: "sparse", Words: 492, Confidence: 95.4}, false, false},
	} {
		got := ocr.Better(c.a, c.b)
		if (got.Text == c.b.Text) != c.wantB {
			t.Errorf("%s: Better = %+v, want the second reading %v", c.name, got, c.wantB)
		}
		if c.a.Retry() != c.retryA {
			t.Errorf("%s: Retry() = %v, want %v", c.name, c.a.Retry(), c.retryA)
		}
	}
}

// TestKeep: a reading filtered again keeps the words read surely enough,
// its layout and its mean confidence over them.
func TestKeep(t *testing.T) {
	tsv := "5\t1\t1\t1\t1\t1\t0\t0\t1\t1\t96\tNiñez\n" +
		"5\t1\t1\t1\t1\t2\t0\t0\t1\t1\t30\tqx\n" +
		"5\t1\t1\t1\t1\t3\t0\t0\t1\t1\t90\tretornada\n" +
		"5\t1\t2\t1\t1\t1\t0\t0\t1\t1\t40\tEE\n" +
		"5\t1\t3\t1\t1\t1\t0\t0\t1\t1\t80\tHonduras\n" +
		"5\t1\t4\t1\t1\t1\t0\t0\t50\t40\t95\t \n" // a picture: a fifth of the page
	p := ocr.ParseTSV("1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t\n" + tsv)[0]
	if p.Words != 5 || p.Text != "Niñez qx retornada\n\nEE\n\nHonduras" || p.Pictures != 0.2 || !p.Retry() {
		t.Fatalf("ParseTSV = %+v", p)
	}
	k := p.Keep(50)
	if k.Text != "Niñez retornada\n\nHonduras" || k.Words != 3 || k.Confidence != (96+90+80)/3.0 || k.Pictures != 0.2 {
		t.Errorf("Keep(50) = %+v", k)
	}
}

func TestDetectLang(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"The report of the project and the evaluation, which was carried out for the office with its partners.", "en"},
		{"El informe de los proyectos y las personas migrantes, para el retorno con sus familias por la frontera.", "es"},
		{"Le rapport des projets et les personnes migrantes, pour le retour dans leur pays avec une aide.", "fr"},
		{"Migración Honduras 2019", ""},
	} {
		if got := ocr.DetectLang(c.text); got != c.want {
			t.Errorf("DetectLang(%.30q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// TestRecognizeLimits: a page past its processor-time limit is given up
// with ErrTimeout, and the next call works.
func TestRecognizeLimits(t *testing.T) {
	e, err := ocr.Find()
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	ctx := context.Background()
	pdf := ocrtest.TextPDF([]string{"Ventanillas informativas para personas migrantes", "en Honduras, Guatemala y El Salvador."})
	var img *image.Gray
	err = pdfium.Render(ctx, pdf, []int{0}, 200, func(p pdfium.RenderedPage, err error) error {
		if err == nil {
			img = &image.Gray{Pix: append([]byte(nil), p.Image.Pix...), Stride: p.Image.Stride, Rect: p.Image.Rect}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	tctx, cancel := context.WithTimeout(ctx, time.Millisecond)
	defer cancel()
	if _, err := e.RecognizeGray(tctx, img, ocr.Options{Models: e.Models("es")}); !errors.Is(err, ocr.ErrTimeout) {
		t.Errorf("past the deadline: %v, want ErrTimeout", err)
	}
	p, err := e.RecognizeGray(ctx, img, ocr.Options{Models: e.Models("es"), DPI: 200})
	if err != nil || p.Words < 10 || p.Models != "spa" || p.Low() {
		t.Fatalf("RecognizeGray = %+v, %v", p, err)
	}
}
