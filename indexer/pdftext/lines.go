package pdftext

import (
	"fmt"
	"math"
)

// Line is a piece of one row of a page's text in one font size: a row
// cut where the gap between words is wide (columns, a header's left and
// right parts). Lines tell how a page is laid out: a cover's title is in
// its largest type near the top.
type Line struct {
	Text string
	// Size is the largest font size of its glyphs, in points.
	Size float64
	// Top is how far its baseline is below the top of the page, in points.
	Top float64
	// X0 and X1 are where it starts and ends, from the page's left edge.
	X0, X1 float64
}

// PageLines returns the lines of page i (0-based) of the page's upright
// text, top to bottom and left to right, with the page's height. A panic
// inside becomes an error.
func (d *Document) PageLines(i int) (lines []Line, height float64, err error) {
	if i < 0 || i >= len(d.pages) {
		return nil, 0, fmt.Errorf("page %d out of range", i+1)
	}
	w := &walker{d: d}
	defer func() {
		if x := recover(); x != nil {
			lines, err = nil, fmt.Errorf("page %d: %v", i+1, x)
		}
	}()
	w.page(d.pages[i])
	top, left := 0.0, 0.0
	if w.hasBox {
		top, left, height = w.box[3], w.box[0], w.box[3]-w.box[1]
	} else {
		top = math.Inf(-1)
		for _, g := range w.glyphs {
			top = math.Max(top, g.y+g.fs)
		}
	}
	var up []glyph
	for _, g := range w.glyphs {
		if g.rot == 0 {
			up = append(up, g)
		}
	}
	up = composeAccents(up)
	if len(up) == 0 {
		return nil, height, w.err
	}
	gs := sortByBaseline(up)
	for start := 0; start < len(gs); {
		rowY, prevY, rowFS := gs[start].y, gs[start].y, gs[start].fs
		end := start + 1
		for end < len(gs) {
			g := &gs[end]
			tol := lineTol * math.Max(rowFS, g.fs)
			if prevY-g.y > tol || rowY-g.y > tol {
				break
			}
			prevY = g.y
			rowFS = math.Max(rowFS, g.fs)
			end++
		}
		row := orderRow(gs[start:end])
		start = end
		cut := 0
		lastEnd := math.Inf(-1)
		flush := func(k int) {
			if part := row[cut:k]; len(part) > 0 {
				if l := rowLine(part, rowY, top, left); l.Text != "" {
					lines = append(lines, l)
				}
			}
			cut = k
		}
		for k := range row {
			g := &row[k]
			if k > cut && !g.space && (g.x-lastEnd > segGap*math.Max(g.fs, row[k-1].fs)*2 || sizeJump(g.fs, row[k-1].fs)) {
				flush(k)
			}
			if !g.space {
				lastEnd = math.Max(lastEnd, g.x+g.w)
			}
		}
		flush(len(row))
	}
	return lines, height, w.err
}

// sizeJump reports whether two neighbouring glyphs' sizes differ enough
// to be two lines (a large title beside a small label).
func sizeJump(a, b float64) bool {
	return a > 1.4*b || b > 1.4*a
}

// rowLine makes the Line of the glyphs of one piece of a row.
func rowLine(gs []glyph, y, top, left float64) Line {
	l := Line{Text: finish(lineText(gs)), Top: top - y, X0: math.Inf(1), X1: math.Inf(-1)}
	for _, g := range gs {
		if g.space {
			continue
		}
		l.Size = math.Max(l.Size, g.fs)
		l.X0 = math.Min(l.X0, g.x-left)
		l.X1 = math.Max(l.X1, g.x+g.w-left)
	}
	if math.IsInf(l.X0, 0) {
		return Line{}
	}
	return l
}
