package pdftext

import (
	"cmp"
	"fmt"
	"math"
	"os"
	"slices"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Assembly parameters, as fractions of the font size.
const (
	// wordGap: a gap between two glyphs wider than this is a word space.
	wordGap = 0.15
	// lineTol: glyphs whose baselines differ by at most this are on one row.
	lineTol = 0.45
	// segGap: a gap wider than this cuts a row into segments (the pieces
	// that column detection moves around).
	segGap = 0.6
	// channelMin: the narrowest white channel between columns.
	channelMin = 0.6
)

type segment struct {
	gs         []glyph
	minX, maxX float64
	y, fs      float64
	row        int
	letters    int
}

// assemble builds the text of a page from its glyphs: each writing
// direction separately (the direction with most glyphs first).
func assemble(all []glyph) string {
	if len(all) == 0 {
		return ""
	}
	same := true
	for i := range all {
		if all[i].rot != all[0].rot {
			same = false
			break
		}
	}
	if same {
		return finish(assembleDir(all))
	}
	var byRot [4][]glyph
	for _, g := range all {
		byRot[g.rot&3] = append(byRot[g.rot&3], g)
	}
	order := []int{0, 1, 2, 3}
	sort.SliceStable(order, func(i, j int) bool { return len(byRot[order[i]]) > len(byRot[order[j]]) })
	var parts []string
	for _, r := range order {
		if len(byRot[r]) == 0 {
			continue
		}
		if t := assembleDir(byRot[r]); t != "" {
			parts = append(parts, t)
		}
	}
	return finish(strings.Join(parts, "\n\n"))
}

var spacingAccents = map[string]rune{
	"\u00B4": 0x301, "`": 0x300, "\u02CA": 0x301, "\u02CB": 0x300, "\u02C6": 0x302, "^": 0x302,
	"\u02DC": 0x303, "~": 0x303, "\u00A8": 0x308, "\u00B8": 0x327, "\u02C7": 0x30C,
	"\u02D8": 0x306, "\u02D9": 0x307, "\u02DA": 0x30A, "\u00AF": 0x304, "\u02DB": 0x328, "\u02DD": 0x30B,
}

// composeAccents merges accents drawn as glyphs of their own (LaTeX) with
// the letter they sit on, looking at the neighbours in drawing order.
func composeAccents(gs []glyph) []glyph {
	drop := false
	for i := range gs {
		comb, ok := spacingAccents[gs[i].text]
		if !ok {
			r := []rune(gs[i].text)
			if len(r) == 1 && r[0] >= 0x300 && r[0] <= 0x36F {
				comb, ok = r[0], true
			}
		}
		if !ok {
			continue
		}
		a := gs[i]
		cx := a.x + a.w/2
		best := -1
		for _, j := range []int{i + 1, i - 1, i + 2, i - 2} {
			if j < 0 || j >= len(gs) || j == i {
				continue
			}
			l := gs[j]
			if l.space || l.text == "" || l.rot != a.rot {
				continue
			}
			r := []rune(l.text)
			if len(r) != 1 || !unicode.IsLetter(r[0]) {
				continue
			}
			tol := 0.15 * l.fs
			if cx >= l.x-tol && cx <= l.x+l.w+tol && a.y >= l.y-0.2*l.fs && a.y <= l.y+1.0*l.fs {
				best = j
				break
			}
		}
		if best < 0 {
			continue
		}
		base := gs[best].text
		if base == "ı" {
			base = "i"
		} else if base == "ȷ" {
			base = "j"
		}
		gs[best].text = norm.NFC.String(base + string(comb))
		gs[i].text = ""
		drop = true
	}
	if !drop {
		return gs
	}
	out := gs[:0]
	for _, g := range gs {
		if g.text != "" {
			out = append(out, g)
		}
	}
	return out
}

func assembleDir(gs []glyph) string {
	gs = composeAccents(gs)
	if len(gs) == 0 {
		return ""
	}
	// Rows: sort by baseline (top first) and cut where the baseline
	// jumps, or drifts too far from the row's first glyph. Sorting is in
	// place: rows and segments are sub-slices.
	gs = sortByBaseline(gs)
	var segs []*segment
	ri := 0
	for start := 0; start < len(gs); ri++ {
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
		row := gs[start:end]
		start = end
		// Segments: the row sorted by x (stream order breaks ties), fake
		// bold duplicates dropped, cut at wide gaps.
		row = orderRow(row)
		var s *segment
		segStart := 0
		lastEnd := math.Inf(-1)
		for k := range row {
			g := &row[k]
			if s != nil && g.x-lastEnd > segGap*math.Max(g.fs, s.fs) {
				s.gs = row[segStart:k]
				s = nil
			}
			if s == nil {
				s = &segment{minX: g.x, maxX: g.x + g.w, y: g.y, fs: g.fs, row: ri}
				segs = append(segs, s)
				segStart = k
			}
			s.maxX = math.Max(s.maxX, g.x+g.w)
			s.fs = math.Max(s.fs, g.fs)
			if !g.space {
				s.letters += len(g.text)
				lastEnd = math.Max(lastEnd, g.x+g.w)
			} else if lastEnd == math.Inf(-1) {
				lastEnd = g.x
			}
		}
		if s != nil {
			s.gs = row[segStart:]
		}
	}
	// Segments made of spaces only carry nothing.
	kept := segs[:0]
	for _, s := range segs {
		if s.letters > 0 {
			kept = append(kept, s)
		}
	}
	if debugLayout {
		for _, s := range kept {
			fmt.Fprintf(os.Stderr, "seg row %d y %.1f x %.1f-%.1f fs %.1f %q\n", s.row, s.y, s.minX, s.maxX, s.fs, lineText(s.gs))
		}
	}
	var blocks [][]string
	layoutRegion(kept, 0, &blocks)
	var b strings.Builder
	for i, bl := range blocks {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(joinLines(bl))
	}
	return b.String()
}

func byX(a, b glyph) int {
	if c := cmp.Compare(a.x, b.x); c != 0 {
		return c
	}
	return cmp.Compare(a.seq, b.seq)
}

// sortByBaseline orders glyphs by baseline, top first, drawing order
// breaking ties. Glyphs come in runs (a shown string: one baseline, x
// growing); the runs are sorted, not the glyphs, and copied once.
func sortByBaseline(gs []glyph) []glyph {
	type run struct {
		start, end int
		y          float64
	}
	runs := make([]run, 0, len(gs)/8+1)
	for i := 0; i < len(gs); {
		j := i + 1
		for j < len(gs) && gs[j].y == gs[i].y && gs[j].x >= gs[j-1].x {
			j++
		}
		runs = append(runs, run{i, j, gs[i].y})
		i = j
	}
	sorted := slices.IsSortedFunc(runs, func(a, b run) int { return cmp.Compare(b.y, a.y) })
	if sorted {
		return gs
	}
	slices.SortStableFunc(runs, func(a, b run) int { return cmp.Compare(b.y, a.y) })
	out := make([]glyph, 0, len(gs))
	for _, r := range runs {
		out = append(out, gs[r.start:r.end]...)
	}
	return out
}

// orderRow drops glyphs drawn twice at (nearly) the same place (fake
// bold, shadows) and puts a row in x order. It moves word fragments, not
// glyphs: a fragment is a run of glyphs in drawing order that goes
// forward without a word gap, so two texts that overlap on one baseline
// come out word by word instead of letter by letter.
func orderRow(row []glyph) []glyph {
	if len(row) < 2 {
		return row
	}
	sorted := slices.IsSortedFunc(row, byX)
	// Duplicates, found in x order.
	var idx []int32
	if !sorted {
		idx = make([]int32, len(row))
		for i := range idx {
			idx[i] = int32(i)
		}
		slices.SortFunc(idx, func(a, b int32) int { return byX(row[a], row[b]) })
	}
	at := func(k int) *glyph {
		if idx == nil {
			return &row[k]
		}
		return &row[idx[k]]
	}
	var drop []bool
	kept := make([]int, 0, 4)
	for k := range row {
		g := at(k)
		dup := false
		if !g.space {
			for j := len(kept) - 1; j >= 0; j-- {
				p := at(kept[j])
				if p.text == g.text && math.Abs(g.x-p.x) < math.Max(0.3*p.w, 0.05*p.fs) && math.Abs(g.y-p.y) < 0.2*p.fs {
					dup = true
					break
				}
			}
		}
		if dup {
			if drop == nil {
				drop = make([]bool, len(row))
			}
			if idx == nil {
				drop[k] = true
			} else {
				drop[idx[k]] = true
			}
			continue
		}
		if g.space {
			continue
		}
		if len(kept) == 4 {
			copy(kept, kept[1:])
			kept = kept[:3]
		}
		kept = append(kept, k)
	}
	if drop != nil {
		out := row[:0]
		for i := range row {
			if !drop[i] {
				out = append(out, row[i])
			}
		}
		row = out
		sorted = slices.IsSortedFunc(row, byX)
	}
	if sorted {
		return row
	}
	// Fragments in drawing order, then sorted by their left edge.
	type frag struct {
		start, end int
		x          float64
	}
	var frags []frag
	for i := 0; i < len(row); {
		j := i + 1
		minX := row[i].x
		for j < len(row) {
			p, g := &row[j-1], &row[j]
			fs := math.Max(p.fs, g.fs)
			gap := g.x - (p.x + p.w)
			if g.space || p.space || gap > wordGap*fs || g.x < p.x-0.2*fs || math.Abs(g.y-p.y) > 0.2*fs {
				break
			}
			minX = math.Min(minX, g.x)
			j++
		}
		frags = append(frags, frag{i, j, minX})
		i = j
	}
	slices.SortStableFunc(frags, func(a, b frag) int { return cmp.Compare(a.x, b.x) })
	out := make([]glyph, 0, len(row))
	for _, f := range frags {
		out = append(out, row[f.start:f.end]...)
	}
	return out
}

// layoutRegion orders the segments of a region into blocks of lines. A
// white channel shared by several rows (each with text on both sides of
// it) splits the region: rows that cross the channel (titles, full-width
// lines) cut it into bands, top first, and each band without crossing
// rows reads as its left part, then its right part. Otherwise the rows of
// the region are its lines.
func layoutRegion(segs []*segment, depth int, out *[][]string) {
	if len(segs) == 0 {
		return
	}
	if depth < 16 && len(segs) >= 2 {
		if x, ok := findChannel(segs); ok {
			sorted := sortedByRow(segs)
			crossing := map[int]bool{}
			for _, s := range sorted {
				if s.minX < x && s.maxX > x {
					crossing[s.row] = true
				}
			}
			var bands [][]*segment
			var band []*segment
			bandCross := false
			for _, s := range sorted {
				c := crossing[s.row]
				if len(band) > 0 && c != bandCross {
					bands = append(bands, band)
					band = nil
				}
				bandCross = c
				band = append(band, s)
			}
			bands = append(bands, band)
			if len(bands) == 1 && !bandCross {
				var left, right []*segment
				for _, s := range segs {
					if s.maxX <= x {
						left = append(left, s)
					} else {
						right = append(right, s)
					}
				}
				if len(left) > 0 && len(right) > 0 {
					layoutRegion(left, depth+1, out)
					layoutRegion(right, depth+1, out)
					return
				}
			} else if len(bands) > 1 {
				for _, bd := range bands {
					layoutRegion(bd, depth+1, out)
				}
				return
			}
		}
	}
	*out = append(*out, regionLines(segs))
}

func sortedByRow(segs []*segment) []*segment {
	s := append([]*segment(nil), segs...)
	sort.SliceStable(s, func(i, j int) bool {
		if s[i].row != s[j].row {
			return s[i].row < s[j].row
		}
		return s[i].minX < s[j].minX
	})
	return s
}

// findChannel looks for the vertical white channel shared by most rows:
// a gap of at least channelMin × font size between two segments of a row
// supports the x positions it spans. It needs two supporting rows, a
// fifth of the region's rows, and real text on both sides (not a column
// of bullets, numbers or labels beside the text). It returns the
// channel's middle.
func findChannel(segs []*segment) (float64, bool) {
	sorted := sortedByRow(segs)
	type event struct {
		x float64
		d int
	}
	var evs []event
	rows := 0
	for i := 0; i < len(sorted); {
		j := i
		for j < len(sorted) && sorted[j].row == sorted[i].row {
			j++
		}
		rows++
		for k := i + 1; k < j; k++ {
			a, b := sorted[k-1], sorted[k]
			fs := math.Max(a.fs, b.fs)
			if b.minX-a.maxX >= channelMin*fs {
				evs = append(evs, event{a.maxX, 1}, event{b.minX, -1})
			}
		}
		i = j
	}
	if len(evs) < 4 {
		return 0, false
	}
	sort.Slice(evs, func(i, j int) bool {
		if evs[i].x != evs[j].x {
			return evs[i].x < evs[j].x
		}
		return evs[i].d < evs[j].d // close before open at the same x
	})
	best, bestW, bestX := 0, 0.0, 0.0
	cur := 0
	for i, e := range evs {
		cur += e.d
		if i+1 < len(evs) && e.d > 0 {
			w := evs[i+1].x - e.x
			if cur > best || (cur == best && w > bestW) {
				best, bestW, bestX = cur, w, e.x+w/2
			}
		}
	}
	if best < 2 || best*5 < rows {
		return 0, false
	}
	// Real text on both sides, among the rows that do not cross.
	var lSegs, rSegs, lLet, rLet int
	var lW, rW, fsSum float64
	for _, s := range segs {
		fsSum += s.fs
		switch {
		case s.maxX <= bestX:
			lSegs++
			lLet += s.letters
			lW += s.maxX - s.minX
		case s.minX >= bestX:
			rSegs++
			rLet += s.letters
			rW += s.maxX - s.minX
		}
	}
	if lSegs == 0 || rSegs == 0 {
		return 0, false
	}
	fs := fsSum / float64(len(segs))
	if lW/float64(lSegs) < 2.5*fs || rW/float64(rSegs) < 2.5*fs {
		return 0, false
	}
	total := lLet + rLet
	if lLet*20 < total || rLet*20 < total {
		return 0, false
	}
	return bestX, true
}

// regionLines turns the segments of a region without columns into lines:
// segments of one row are one line, in x order.
func regionLines(segs []*segment) []string {
	sorted := sortedByRow(segs)
	var lines []string
	for i := 0; i < len(sorted); {
		j := i + 1
		gs := sorted[i].gs
		for j < len(sorted) && sorted[j].row == sorted[i].row {
			if j == i+1 {
				gs = append([]glyph(nil), gs...)
			}
			gs = append(gs, sorted[j].gs...)
			j++
		}
		if l := lineText(gs); l != "" {
			lines = append(lines, l)
		}
		i = j
	}
	return lines
}

// lineText writes the glyphs of one line (sorted by x) with spaces where
// the page has a space glyph or a gap.
func lineText(gs []glyph) string {
	var b strings.Builder
	var prev *glyph
	pending := false
	for i := range gs {
		g := &gs[i]
		if g.space {
			if prev != nil {
				pending = true
			}
			continue
		}
		if prev != nil {
			fs := math.Max(prev.fs, g.fs)
			gap := g.x - (prev.x + prev.w)
			if pending || gap > wordGap*fs || gap < -1.5*fs {
				b.WriteByte(' ')
			}
		}
		b.WriteString(g.text)
		pending = false
		prev = g
	}
	return bidi(strings.TrimSpace(b.String()))
}

func isRTL(r rune) bool {
	return (r >= 0x0590 && r <= 0x08FF) || (r >= 0xFB1D && r <= 0xFDFF) || (r >= 0xFE70 && r <= 0xFEFF)
}

var mirror = map[rune]rune{'(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«'}

// bidi turns a line of right-to-left script, assembled in visual order
// (left to right on the page), into logical order: the line is reversed,
// then runs of left-to-right text inside it (numbers, Latin words) are
// turned back. A line with more left-to-right letters than right-to-left
// ones is left alone.
func bidi(s string) string {
	rtl, ltr := 0, 0
	for _, r := range s {
		switch {
		case isRTL(r):
			rtl++
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			ltr++
		}
	}
	if rtl == 0 || rtl <= ltr {
		return s
	}
	rs := []rune(s)
	slices.Reverse(rs)
	for i := 0; i < len(rs); {
		r := rs[i]
		if isRTL(r) || !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if m, ok := mirror[r]; ok {
				rs[i] = m
			}
			i++
			continue
		}
		j := i + 1
		for j < len(rs) {
			c := rs[j]
			if unicode.IsLetter(c) && !isRTL(c) || unicode.IsDigit(c) {
				j++
				continue
			}
			// punctuation inside a number or word: 3.5, 1,000, e-mail
			if (c == '.' || c == ',' || c == '-' || c == ':' || c == '/') && j+1 < len(rs) && (unicode.IsDigit(rs[j+1]) || unicode.IsLetter(rs[j+1]) && !isRTL(rs[j+1])) {
				j++
				continue
			}
			break
		}
		slices.Reverse(rs[i:j])
		i = j
	}
	return string(rs)
}

// joinLines joins a block's lines, removing the hyphen of a word broken
// at a line end when the next line goes on in lower case.
func joinLines(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			prev := lines[i-1]
			if hyphenated(prev) && startsLower(l) {
				// the hyphen was already dropped below
			} else {
				b.WriteByte('\n')
			}
		}
		if i+1 < len(lines) && hyphenated(l) && startsLower(lines[i+1]) {
			_, size := lastRune(l)
			b.WriteString(l[:len(l)-size])
			continue
		}
		b.WriteString(l)
	}
	return b.String()
}

func lastRune(s string) (rune, int) {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i]&0xC0 != 0x80 {
			r := []rune(s[i:])
			return r[0], len(s) - i
		}
	}
	return 0, 0
}

func hyphenated(l string) bool {
	r, size := lastRune(l)
	if r != '-' && r != 0xAD && r != 0x2010 {
		return false
	}
	rest := l[:len(l)-size]
	p, _ := lastRune(rest)
	return unicode.IsLetter(p)
}

func startsLower(l string) bool {
	for _, r := range l {
		return unicode.IsLower(r)
	}
	return false
}

// finish expands ligatures, drops control characters and normalises to
// NFC.
func finish(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= 0xFB00 && r <= 0xFB06:
			b.WriteString(ligatureText[r-0xFB00])
		case (r >= 0xFB50 && r <= 0xFDFF) || (r >= 0xFE70 && r <= 0xFEFE):
			// Arabic presentation forms: the letters they show.
			b.WriteString(norm.NFKC.String(string(r)))
		case r == '\n':
			b.WriteByte('\n')
		case r < 0x20 || r == 0x7F || (r >= 0x80 && r < 0xA0):
		case r == 0xAD:
		default:
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}

var ligatureText = [...]string{"ff", "fi", "fl", "ffi", "ffl", "st", "st"}

var debugLayout = os.Getenv("PDFTEXT_DEBUG") != ""
