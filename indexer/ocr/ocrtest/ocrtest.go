// Package ocrtest makes image-only PDFs for tests and measurements: a
// text PDF is rendered (indexer/pdftext/pdfium) and each page wrapped as
// an image in a new PDF without any text layer, as a scanner would make.
package ocrtest

import (
	"bytes"
	"compress/zlib"
	"context"
	"fmt"
	"image"
	"strings"

	"faro/indexer/pdftext/pdfium"
	"faro/internal/pdftest"
)

// TextPDF writes a PDF of US Letter pages, one per element of pages, each
// line of a page in 12-point Helvetica (WinAnsi: Latin-1 letters). The
// lines are written as given; parentheses and backslashes are escaped.
func TextPDF(pages ...[]string) []byte {
	var objs []string
	// 1 catalog, 2 pages, 3 font, then page and content pairs.
	kids := make([]string, len(pages))
	for i := range pages {
		kids[i] = fmt.Sprintf("%d 0 R", 4+2*i)
	}
	objs = append(objs, "<< /Type /Catalog /Pages 2 0 R >>",
		fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages)),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	for i, lines := range pages {
		var c strings.Builder
		c.WriteString("BT /F1 12 Tf 16 TL 72 720 Td\n")
		for j, l := range lines {
			if j > 0 {
				c.WriteString("T* ")
			}
			fmt.Fprintf(&c, "(%s) Tj\n", winAnsi(l))
		}
		c.WriteString("ET")
		objs = append(objs,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", 5+2*i),
			fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", c.Len(), c.String()))
	}
	return writePDF(objs)
}

// winAnsi escapes a line for a PDF string in WinAnsiEncoding (Latin-1
// for the letters the tests use).
func winAnsi(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x80:
			b.WriteRune(r)
		case r <= 0xFF:
			fmt.Fprintf(&b, "\\%03o", r)
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}

// ImagePDF writes a PDF with one page per image, each drawn full page
// at dpi: no text, no font.
func ImagePDF(imgs []*image.Gray, dpi int) []byte {
	var objs []string
	kids := make([]string, len(imgs))
	for i := range imgs {
		kids[i] = fmt.Sprintf("%d 0 R", 3+3*i)
	}
	objs = append(objs, "<< /Type /Catalog /Pages 2 0 R >>",
		fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(imgs)))
	for i, img := range imgs {
		b := img.Bounds()
		w, h := b.Dx(), b.Dy()
		pw, ph := float64(w)*72/float64(dpi), float64(h)*72/float64(dpi)
		var z bytes.Buffer
		zw := zlib.NewWriter(&z)
		for y := b.Min.Y; y < b.Max.Y; y++ {
			off := img.PixOffset(b.Min.X, y)
			zw.Write(img.Pix[off : off+w])
		}
		zw.Close()
		content := fmt.Sprintf("q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q", pw, ph)
		objs = append(objs,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>", pw, ph, 5+3*i, 4+3*i),
			fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
			fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream", w, h, z.Len(), z.String()))
	}
	return writePDF(objs)
}

// ScanPDF renders every page of a PDF at dpi and returns an image-only
// PDF of the renders.
func ScanPDF(ctx context.Context, pdf []byte, dpi int) ([]byte, error) {
	return ScanPages(ctx, pdf, nil, dpi)
}

// ScanPages renders the pages of a PDF whose 0-based indexes are given
// (all when nil) at dpi and returns an image-only PDF of the renders.
func ScanPages(ctx context.Context, pdf []byte, pages []int, dpi int) ([]byte, error) {
	var imgs []*image.Gray
	err := pdfium.Render(ctx, pdf, pages, dpi, func(p pdfium.RenderedPage, err error) error {
		if err != nil {
			return fmt.Errorf("page %d: %w", p.Index+1, err)
		}
		// The render's buffer is reused: keep a copy.
		imgs = append(imgs, &image.Gray{Pix: append([]byte(nil), p.Image.Pix...), Stride: p.Image.Stride, Rect: p.Image.Rect})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("scan: %w", err)
	}
	return ImagePDF(imgs, dpi), nil
}

// writePDF numbers objs from 1 and writes them with their cross-reference
// table.
func writePDF(objs []string) []byte { return pdftest.Write(objs, "") }
