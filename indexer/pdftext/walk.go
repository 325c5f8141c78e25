package pdftext

import (
	"errors"
	"math"
	"time"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// Limits of one page's walk.
const (
	maxOps        = 20_000_000
	maxGlyphs     = 2_000_000
	maxFormDepth  = 12
	maxFormCache  = 32 << 20 // bytes of decoded form content kept per document
	deadlineEvery = 1 << 14
)

var (
	errTooManyOps = errors.New("too many content-stream operators")
	errDeadline   = errors.New("deadline passed")
)

type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n (m applied first).
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2],
		m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2],
		m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4],
		m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) ok() bool {
	for _, v := range m {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

type gstate struct {
	ctm                     matrix
	font                    *font
	fs, tc, tw, th, tl, tr0 float64
	rise                    float64
}

// resources are a resource dictionary with its fonts and XObjects looked
// up once.
type resources struct {
	v        pdf.Value
	fontDict pdf.Value
	fontRefs map[string]string
	fonts    map[string]*font
	xobjDict pdf.Value
	xobjRefs map[string]string
}

type xobject struct {
	form, image bool
	content     []byte
	matrix      matrix
	res         *resources
}

// glyph is one shown character, in the frame of its writing direction
// (rot quarter turns): x grows along the line, y is the baseline.
type glyph struct {
	x, y, w, fs float64
	text        string
	space       bool
	rot         uint8
	seq         int32
}

type walker struct {
	d         *Document
	glyphs    []glyph
	stats     Stats
	err       error
	box       [4]float64
	hasBox    bool
	formStack []*xobject
	codes     []code
	deadline  time.Time
}

var defaultFont = func() *font {
	f := &font{name: "Helvetica"}
	for c := 0; c < 256; c++ {
		f.text[c] = cleanGlyphText(string(winAnsiEncoding[c]))
		f.width[c] = asciiWidth(&helveticaASCII, f.text[c]) / 1000
	}
	return f
}()

func (w *walker) page(pv pdf.Value) {
	w.deadline = w.d.Deadline
	// Page box: CropBox within MediaBox.
	for _, k := range []string{"CropBox", "MediaBox"} {
		b := inherited(pv, k)
		if b.Len() == 4 {
			x0, y0, x1, y1 := b.Index(0).Float64(), b.Index(1).Float64(), b.Index(2).Float64(), b.Index(3).Float64()
			if x1 < x0 {
				x0, x1 = x1, x0
			}
			if y1 < y0 {
				y0, y1 = y1, y0
			}
			if x1-x0 > 1 && y1-y0 > 1 {
				w.box = [4]float64{x0, y0, x1, y1}
				w.hasBox = true
				break
			}
		}
	}
	res := w.d.pageResources(pv)
	contents := pv.Key("Contents")
	var data []byte
	switch contents.Kind() {
	case pdf.Stream:
		b, err := w.d.streamBytes(contents)
		if err != nil && len(b) == 0 {
			w.err = err
			return
		}
		data = b
	case pdf.Array:
		for i := 0; i < contents.Len() && i < 10000; i++ {
			b, err := w.d.streamBytes(contents.Index(i))
			if err != nil && len(b) == 0 {
				continue
			}
			data = append(data, b...)
			data = append(data, '\n')
			if len(data) > maxStreamBytes {
				break
			}
		}
	default:
		return
	}
	gs := gstate{ctm: identity, th: 1}
	w.run(data, res, gs)
	w.annotations(pv, res)
}

// annotations draws the normal appearance of the page's annotations
// (filled form fields, stamps, free text), as viewers and pdftotext do.
func (w *walker) annotations(pv pdf.Value, res *resources) {
	annots := pv.Key("Annots")
	n := annots.Len()
	for i := 0; i < n && i < 2000; i++ {
		func() {
			defer func() {
				if x := recover(); x != nil {
					if x == errDeadline || x == errTooManyOps {
						panic(x)
					}
				}
			}()
			a := annots.Index(i)
			if a.Kind() != pdf.Dict {
				return
			}
			if f := a.Key("F").Int64(); f&(2|32) != 0 {
				return // hidden, no view
			}
			switch a.Key("Subtype").Name() {
			case "Popup", "Link":
				return
			}
			ap := a.Key("AP").Key("N")
			if ap.Kind() == pdf.Dict {
				ap = ap.Key(a.Key("AS").Name())
			}
			if ap.Kind() != pdf.Stream {
				return
			}
			rect := a.Key("Rect")
			if rect.Len() != 4 {
				return
			}
			rx0, ry0, rx1, ry1 := rect.Index(0).Float64(), rect.Index(1).Float64(), rect.Index(2).Float64(), rect.Index(3).Float64()
			if rx1 < rx0 {
				rx0, rx1 = rx1, rx0
			}
			if ry1 < ry0 {
				ry0, ry1 = ry1, ry0
			}
			x := &xobject{}
			w.fillXObject(x, ap)
			if !x.form || len(x.content) == 0 {
				return
			}
			bbox := ap.Key("BBox")
			if bbox.Len() != 4 {
				return
			}
			// The form's bounding box, through its matrix, is mapped onto
			// the annotation's rectangle.
			bx := [4]float64{bbox.Index(0).Float64(), bbox.Index(1).Float64(), bbox.Index(2).Float64(), bbox.Index(3).Float64()}
			minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
			for _, c := range [][2]float64{{bx[0], bx[1]}, {bx[2], bx[1]}, {bx[0], bx[3]}, {bx[2], bx[3]}} {
				px := c[0]*x.matrix[0] + c[1]*x.matrix[2] + x.matrix[4]
				py := c[0]*x.matrix[1] + c[1]*x.matrix[3] + x.matrix[5]
				minX, maxX = math.Min(minX, px), math.Max(maxX, px)
				minY, maxY = math.Min(minY, py), math.Max(maxY, py)
			}
			if maxX-minX <= 0 || maxY-minY <= 0 {
				return
			}
			sx, sy := (rx1-rx0)/(maxX-minX), (ry1-ry0)/(maxY-minY)
			m := x.matrix.mul(matrix{sx, 0, 0, sy, rx0 - minX*sx, ry0 - minY*sy})
			if !m.ok() {
				return
			}
			r := x.res
			if r == nil {
				r = res
			}
			w.run(x.content, r, gstate{ctm: m, th: 1})
		}()
	}
}

// pageResources returns the page's (possibly inherited) resources, cached
// by reference.
func (d *Document) pageResources(pv pdf.Value) *resources {
	refs := refEntries(pv.String())
	if ref, ok := refs["Resources"]; ok {
		if r, ok := d.resCache[ref]; ok {
			return r
		}
		r := d.newResources(pv.Key("Resources"))
		d.resCache[ref] = r
		return r
	}
	return d.newResources(inherited(pv, "Resources"))
}

func (d *Document) newResources(v pdf.Value) *resources {
	r := &resources{v: v, fonts: map[string]*font{}}
	func() {
		defer func() { _ = recover() }()
		r.fontDict = v.Key("Font")
		r.fontRefs = refEntries(r.fontDict.String())
		r.xobjDict = v.Key("XObject")
		r.xobjRefs = refEntries(r.xobjDict.String())
	}()
	return r
}

func (r *resources) font(d *Document, name string) *font {
	if f, ok := r.fonts[name]; ok {
		return f
	}
	var f *font
	ref, hasRef := r.fontRefs[name]
	if hasRef {
		f = d.fonts[ref]
	}
	if f == nil {
		func() {
			defer func() { _ = recover() }()
			v := r.fontDict.Key(name)
			if v.Kind() != pdf.Dict {
				return
			}
			if !hasRef {
				ref = v.String()
				if g, ok := d.fonts[ref]; ok {
					f = g
					return
				}
			}
			f = d.loadFont(v)
			if len(d.fonts) < 10000 {
				d.fonts[ref] = f
			}
		}()
	}
	r.fonts[name] = f
	return f
}

func (w *walker) xobject(r *resources, name string) *xobject {
	d := w.d
	ref, hasRef := r.xobjRefs[name]
	if hasRef {
		if x, ok := d.xobjects[ref]; ok {
			return x
		}
	}
	x := &xobject{}
	func() {
		defer func() { _ = recover() }()
		v := r.xobjDict.Key(name)
		if v.Kind() != pdf.Stream {
			return
		}
		w.fillXObject(x, v)
	}()
	if hasRef {
		d.formBytes += len(x.content)
		if d.formBytes < maxFormCache {
			d.xobjects[ref] = x
		}
	}
	return x
}

// fillXObject reads an XObject stream (an image or a form).
func (w *walker) fillXObject(x *xobject, v pdf.Value) {
	d := w.d
	func() {
		switch v.Key("Subtype").Name() {
		case "Image":
			x.image = true
		case "Form", "":
			x.form = true
			x.matrix = identity
			if m := v.Key("Matrix"); m.Len() == 6 {
				for i := 0; i < 6; i++ {
					x.matrix[i] = m.Index(i).Float64()
				}
				if !x.matrix.ok() {
					x.matrix = identity
				}
			}
			if rv := v.Key("Resources"); rv.Kind() == pdf.Dict {
				refs := refEntries(v.String())
				if rr, ok := refs["Resources"]; ok {
					if c, ok := d.resCache[rr]; ok {
						x.res = c
					} else {
						x.res = d.newResources(rv)
						d.resCache[rr] = x.res
					}
				} else {
					x.res = d.newResources(rv)
				}
			}
			b, err := d.streamBytes(v)
			if err == nil || len(b) > 0 {
				x.content = b
			}
		}
	}()
}

// run interprets a content stream.
func (w *walker) run(data []byte, res *resources, gs gstate) {
	lx := &lexer{b: data}
	var stack []gstate
	var ops [16]operand
	args := ops[:0]
	tm, tlm := identity, identity
	num := func(i int) float64 {
		if i < len(args) && args[i].kind == opNum {
			return args[i].num
		}
		return 0
	}
	for {
		o, opb, eof := lx.next()
		if eof {
			return
		}
		if opb == nil {
			if len(args) < 64 {
				args = append(args, o)
			}
			continue
		}
		w.stats.Ops++
		if w.stats.Ops&(deadlineEvery-1) == 0 {
			if w.stats.Ops > maxOps {
				w.err = errTooManyOps
				panic(errTooManyOps)
			}
			if !w.deadline.IsZero() && time.Now().After(w.deadline) {
				w.err = errDeadline
				panic(errDeadline)
			}
		}
		op := operatorName(opb)
		// Operands are taken from the end (extra leading ones ignored).
		if n := operandCount(op); n > 0 && len(args) > n {
			args = args[len(args)-n:]
		}
		switch op {
		case "q":
			if len(stack) < 1024 {
				stack = append(stack, gs)
			}
		case "Q":
			if len(stack) > 0 {
				gs = stack[len(stack)-1]
				stack = stack[:len(stack)-1]
			}
		case "cm":
			if len(args) == 6 {
				m := matrix{num(0), num(1), num(2), num(3), num(4), num(5)}
				if m.ok() {
					gs.ctm = m.mul(gs.ctm)
				}
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tc":
			gs.tc = num(0)
		case "Tw":
			gs.tw = num(0)
		case "Tz":
			gs.th = num(0) / 100
		case "TL":
			gs.tl = num(0)
		case "Ts":
			gs.rise = num(0)
		case "Tf":
			if len(args) == 2 {
				if args[0].kind == opName {
					gs.font = res.font(w.d, args[0].str)
				}
				gs.fs = num(1)
			}
		case "Td", "TD":
			if len(args) == 2 {
				tx, ty := num(0), num(1)
				if op == "TD" {
					gs.tl = -ty
				}
				tlm = matrix{1, 0, 0, 1, tx, ty}.mul(tlm)
				tm = tlm
			}
		case "Tm":
			if len(args) == 6 {
				m := matrix{num(0), num(1), num(2), num(3), num(4), num(5)}
				if m.ok() {
					tm, tlm = m, m
				}
			}
		case "T*":
			tlm = matrix{1, 0, 0, 1, 0, -gs.tl}.mul(tlm)
			tm = tlm
		case "Tj":
			if len(args) >= 1 && args[len(args)-1].kind == opStr {
				w.show(&gs, &tm, args[len(args)-1].str)
			}
		case "'":
			tlm = matrix{1, 0, 0, 1, 0, -gs.tl}.mul(tlm)
			tm = tlm
			if len(args) >= 1 && args[len(args)-1].kind == opStr {
				w.show(&gs, &tm, args[len(args)-1].str)
			}
		case "\"":
			if len(args) == 3 {
				gs.tw, gs.tc = num(0), num(1)
				tlm = matrix{1, 0, 0, 1, 0, -gs.tl}.mul(tlm)
				tm = tlm
				if args[2].kind == opStr {
					w.show(&gs, &tm, args[2].str)
				}
			}
		case "TJ":
			if len(args) >= 1 && args[len(args)-1].kind == opArr {
				for _, e := range args[len(args)-1].arr {
					switch e.kind {
					case opStr:
						w.show(&gs, &tm, e.str)
					case opNum:
						adj := -e.num / 1000 * gs.fs
						if gs.font != nil && gs.font.vertical {
							tm = matrix{1, 0, 0, 1, 0, adj}.mul(tm)
						} else {
							tm = matrix{1, 0, 0, 1, adj * gs.th, 0}.mul(tm)
						}
					}
				}
			}
		case "Do":
			if len(args) >= 1 && args[len(args)-1].kind == opName {
				w.do(res, gs, args[len(args)-1].str)
			}
		case "BI":
			lx.skipInlineImage()
			w.stats.Images++
		}
		args = args[:0]
	}
}

// operatorName returns the operator as a string without allocating for the
// operators the walk knows (others come back as "").
func operatorName(b []byte) string {
	switch string(b) {
	case "q":
		return "q"
	case "Q":
		return "Q"
	case "cm":
		return "cm"
	case "BT":
		return "BT"
	case "Tc":
		return "Tc"
	case "Tw":
		return "Tw"
	case "Tz":
		return "Tz"
	case "TL":
		return "TL"
	case "Ts":
		return "Ts"
	case "Tf":
		return "Tf"
	case "Td":
		return "Td"
	case "TD":
		return "TD"
	case "Tm":
		return "Tm"
	case "T*":
		return "T*"
	case "Tj":
		return "Tj"
	case "'":
		return "'"
	case "\"":
		return "\""
	case "TJ":
		return "TJ"
	case "Do":
		return "Do"
	case "BI":
		return "BI"
	}
	return ""
}

// operandCount is how many operands an operator takes (0: any).
func operandCount(op string) int {
	switch op {
	case "cm", "Tm":
		return 6
	case "Td", "TD", "Tf":
		return 2
	case "\"":
		return 3
	case "Tc", "Tw", "Tz", "TL", "Ts", "Tj", "'", "TJ", "Do":
		return 1
	}
	return 0
}

func (w *walker) do(res *resources, gs gstate, name string) {
	x := w.xobject(res, name)
	switch {
	case x.image:
		w.stats.Images++
	case x.form:
		for _, f := range w.formStack {
			if f == x {
				return // a form drawing itself
			}
		}
		if len(w.formStack) >= maxFormDepth || len(x.content) == 0 {
			return
		}
		w.formStack = append(w.formStack, x)
		defer func() { w.formStack = w.formStack[:len(w.formStack)-1] }()
		gs.ctm = x.matrix.mul(gs.ctm)
		r := x.res
		if r == nil {
			r = res
		}
		w.run(x.content, r, gs)
	}
}

// show draws a string: one glyph per code, advancing the text matrix.
func (w *walker) show(gs *gstate, tm *matrix, s string) {
	f := gs.font
	if f == nil {
		f = defaultFont
	}
	w.codes = f.decode(s, w.codes)
	m := tm.mul(gs.ctm)
	a, b, c, d := m[0], m[1], m[2], m[3]
	fs := gs.fs
	sizeScale := math.Hypot(c, d)
	fsDev := math.Abs(fs) * sizeScale
	if f.sizeFactor > 0 {
		fsDev *= f.sizeFactor
	}
	dirLen := math.Hypot(a, b)
	rot := uint8(0)
	if dirLen > 0 {
		ang := math.Atan2(b, a)
		q := int(math.Round(ang / (math.Pi / 2)))
		rot = uint8(((q % 4) + 4) % 4)
	}
	// Origin of the first glyph, rise applied.
	ex := gs.rise*c + m[4]
	ey := gs.rise*d + m[5]
	for _, cd := range w.codes {
		adv := cd.width*fs + gs.tc
		if cd.single {
			adv += gs.tw
		}
		var tx float64
		if f.vertical {
			tx = 0
		} else {
			tx = adv * gs.th
		}
		wDev := (cd.width*fs + gs.tc) * gs.th * dirLen
		if cd.text != "" && len(w.glyphs) < maxGlyphs && w.inBox(ex, ey, fsDev) {
			g := glyph{w: wDev, fs: fsDev, text: cd.text, rot: rot, seq: int32(len(w.glyphs))}
			g.x, g.y = rotate(ex, ey, rot)
			if isSpaceText(cd.text) {
				g.space = true
			} else {
				w.stats.Glyphs++
				if badText(cd.text) {
					w.stats.Replacement++
				}
			}
			if fsDev > 0 && !math.IsNaN(g.x) && !math.IsNaN(g.y) {
				w.glyphs = append(w.glyphs, g)
			}
		} else if cd.text == "" {
			w.stats.Control++
		}
		if f.vertical {
			ty := -cd.width*fs - gs.tc
			if cd.single {
				ty -= gs.tw
			}
			// vertical fonts: the default advance is one em down
			if cd.width == 0 || f.composite {
				ty = -fs - gs.tc
			}
			ex += ty * c
			ey += ty * d
			*tm = matrix{1, 0, 0, 1, 0, ty}.mul(*tm)
			continue
		}
		ex += tx * a
		ey += tx * b
		(*tm)[4] += tx * (*tm)[0]
		(*tm)[5] += tx * (*tm)[1]
	}
}

func (w *walker) inBox(x, y, fs float64) bool {
	if !w.hasBox {
		return true
	}
	m := math.Max(fs, 1)
	return x >= w.box[0]-m && x <= w.box[2]+m*0.1 && y >= w.box[1]-m && y <= w.box[3]+m*0.1
}

// rotate maps device coordinates into the frame of a writing direction.
func rotate(x, y float64, rot uint8) (float64, float64) {
	switch rot {
	case 1: // text going up
		return y, -x
	case 2:
		return -x, -y
	case 3: // text going down
		return -y, x
	}
	return x, y
}

func isSpaceText(s string) bool {
	for _, r := range s {
		if r != ' ' && r != 0xA0 && r != '\t' && !(r >= 0x2000 && r <= 0x200B) && r != 0x3000 {
			return false
		}
	}
	return true
}

func badText(s string) bool {
	for _, r := range s {
		if r == noRune || (r >= 0xE000 && r <= 0xF8FF) || r == utf8.RuneError {
			return true
		}
	}
	return false
}
