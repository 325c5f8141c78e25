package extract

import (
	"context"
	"errors"
	"strconv"
	"time"

	"faro/format"
	"faro/indexer/ocr"
)

// ImageEngine names the engine of images in Result.Engine.
const ImageEngine = "tesseract"

// ImageExtractor reads the text of a standalone image (PNG, JPEG, TIFF; a
// TIFF page by page) with Tesseract, when OCR is on (see SetOCR). With OCR
// off or without Tesseract the image yields one empty page, flagged
// "no-text-layer", and the report says why.
//
// When Runner is set, Extract hands the work to it (worker processes).
type ImageExtractor struct {
	// Runner, when set, extracts elsewhere (see Options.PDFRunner).
	Runner PDFRunner
}

var (
	_ = register(format.PNG, ImageExtractor{})
	_ = register(format.JPEG, ImageExtractor{})
	_ = register(format.TIFF, ImageExtractor{})
)

// Extract implements Extractor.
func (e ImageExtractor) Extract(ctx context.Context, name string, data []byte) (*Result, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	if e.Runner != nil {
		return e.Runner.ExtractPDF(ctx, name, data)
	}
	return runBounded(ctx, func(ctx context.Context) (*Result, error) {
		return extractImage(ctx, name, data)
	})
}

func extractImage(ctx context.Context, name string, data []byte) (*Result, error) {
	f, _ := format.Detect(name, data)
	res := &Result{Format: f.Name, Engine: ImageEngine, Pages: []string{""}, Flags: []string{FlagNoTextLayer}}
	cfg := OCR()
	if !cfg.On() {
		return res, nil
	}
	rep := &OCRReport{Mode: string(cfg.Mode), Pages: []OCRPage{}}
	res.OCR = rep
	eng, err := ocr.Find()
	if err != nil {
		rep.Skipped = []OCRSkip{{1, SkipNoTesseract}}
		res.addFlag(FlagOCRUnavailable)
		return res, nil
	}
	rep.Engine = eng.Name()
	t0 := time.Now()
	defer func() { rep.Seconds = time.Since(t0).Seconds() }()
	timeout := cfg.PageTimeout
	// An image says nothing of its language: unless its caller knows it
	// (WithLang), what its first page reads as decides (see
	// readInLanguage).
	models, declared := docModels(ctx, eng, "")
	var pages []ocr.Page
	var sparse []ocr.Page
	_, err = readInLanguage(eng, &models, declared, func(m []string, psm int) (ocr.Page, error) {
		ps, err := eng.RecognizeFile(ctx, data, ocr.Options{Models: m, Timeout: timeout, PSM: psm, MinConfidence: retryConfidence(psm)})
		if err != nil {
			return ocr.Page{}, err
		}
		if psm == ocr.PSMAuto {
			pages = ps
		} else {
			sparse = ps
		}
		if len(ps) == 0 {
			return ocr.Page{}, nil
		}
		return ps[0], nil
	})
	if len(sparse) == len(pages) {
		// Read again as sparse text (the first page read poorly): keep
		// the better reading of each page.
		for i := range pages {
			if pages[i].Retry() {
				pages[i] = better(pages[i], sparse[i])
			}
		}
	}
	if err != nil {
		reason := SkipRecognise
		if errors.Is(err, ocr.ErrTimeout) {
			reason = SkipTimeout
		}
		rep.Skipped = []OCRSkip{{1, reason}}
		res.addFlag(FlagOCRIncomplete)
		return res, nil
	}
	if len(pages) == 0 {
		rep.Skipped = []OCRSkip{{1, SkipNoText}}
		return res, nil
	}
	res.Pages = res.Pages[:0]
	for i, pg := range pages {
		text := dehyphenate(cleanText(pg.Text))
		res.Pages = append(res.Pages, text)
		if letterCount(text) == 0 {
			rep.Skipped = append(rep.Skipped, OCRSkip{i + 1, SkipNoText})
			continue
		}
		op := OCRPage{Page: i + 1, Confidence: round1(pg.Confidence), Words: pg.Words, Models: pg.Models, Low: pg.Low(), Sparse: pg.PSM != ocr.PSMAuto}
		rep.Pages = append(rep.Pages, op)
		if op.Low {
			res.addFlag(FlagOCRLowPrefix + strconv.Itoa(i+1))
		}
	}
	if len(rep.Pages) > 0 {
		res.removeFlag(FlagNoTextLayer)
		res.addFlag(FlagOCR)
	}
	if l := ocr.DetectLang(res.Text()); l != "" {
		res.Lang = l
	}
	return res, nil
}

// ExtractLocal extracts a PDF or an image in this process, whatever the
// extractor's Runner is: the work of a worker process.
func ExtractLocal(ctx context.Context, name string, data []byte) (*Result, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	if f, ok := format.Detect(name, data); ok {
		if _, isImage := For(f.Name).(ImageExtractor); isImage {
			return runBounded(ctx, func(ctx context.Context) (*Result, error) {
				return extractImage(ctx, name, data)
			})
		}
	}
	return ExtractPDFLocal(ctx, PDFExtractor{}, name, data)
}
