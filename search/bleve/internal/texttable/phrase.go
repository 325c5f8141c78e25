package texttable

import (
	"encoding/binary"
	"math"
	"math/bits"
	"sort"
)

// postCursor walks one term's postings in a segment, positions included.
type postCursor struct {
	data []byte
	p    int
	// pos is the field's position stream; pp where the current
	// document's positions start.
	pos  []byte
	pp   int
	doc  uint64
	freq uint64
	done bool
	// at holds the positions of the current document once read.
	at      []uint64
	posRead bool
	started bool
	// skips are the term's skip entries (every skipEvery-th posting);
	// base is where the term's postings start in the field's data.
	skips []skipEntry
	base  uint64
	// df is the term's count of postings in the segment.
	df uint64
}

// termSkips returns a term's skip entries in its field: one for every
// skipEvery-th posting after the first run.
func termSkips(f *field, t *term) []skipEntry {
	if ns := int((t.df+skipEvery-1)/skipEvery) - 1; ns > 0 {
		return f.skips[t.skip : int(t.skip)+ns]
	}
	return nil
}

func newPostCursor(f *field, t *term) *postCursor {
	c := &postCursor{data: f.data[t.off:t.end], pos: f.pos, pp: int(t.poff), base: t.off, df: uint64(t.df)}
	c.skips = termSkips(f, t)
	c.next()
	return c
}

// advance moves to the first document at or after target, jumping over
// whole runs of postings with the skip entries: a phrase's common word
// ("de" in "trata de personas") is then read near its rare word's
// documents only.
func (c *postCursor) advance(target uint64) {
	if c.done || c.doc >= target {
		return
	}
	if len(c.skips) > 0 {
		i := sort.Search(len(c.skips), func(i int) bool { return uint64(c.skips[i].doc) > target }) - 1
		if i >= 0 && uint64(c.skips[i].doc) > c.doc {
			sk := c.skips[i]
			// The posting at sk.off is read next, from the document
			// before it; no positions are left to skip.
			c.p, c.pp, c.doc = int(sk.off-c.base), int(sk.posOff), uint64(sk.prev)
			c.started, c.posRead = true, true
			c.next()
		}
	}
	for !c.done && c.doc < target {
		c.next()
	}
}

// next moves to the next document, skipping unread positions.
func (c *postCursor) next() {
	if c.started && !c.posRead {
		c.pp = skipVarints(c.pos, c.pp, c.freq)
	}
	c.started = true
	if c.p >= len(c.data) {
		c.done = true
		return
	}
	d := uint64(c.data[c.p])
	if d < 0x80 { // most deltas and frequencies fit a byte
		c.p++
	} else {
		d, c.p = uvarint(c.data, c.p)
	}
	c.doc += d >> 1
	c.freq = 1
	if d&1 == 0 {
		if c.freq = uint64(c.data[c.p]); c.freq < 0x80 {
			c.p++
		} else {
			c.freq, c.p = uvarint(c.data, c.p)
		}
	}
	c.posRead = false
}

// skipVarints returns the offset after the n uvarints starting at
// buf[p:]. A uvarint ends at a byte below 0x80: they are counted eight
// bytes at a time.
func skipVarints(buf []byte, p int, n uint64) int {
	const high = 0x8080808080808080
	for n >= 8 && p+8 <= len(buf) {
		ends := uint64(bits.OnesCount64(^binary.LittleEndian.Uint64(buf[p:]) & high))
		if ends > n {
			break
		}
		n -= ends
		p += 8
	}
	for ; n > 0; n-- {
		for buf[p]&0x80 != 0 {
			p++
		}
		p++
	}
	return p
}

// positions decodes the current document's positions.
func (c *postCursor) positions() []uint64 {
	if c.posRead {
		return c.at
	}
	c.at = c.at[:0]
	p := c.pp
	var last uint64
	for i := uint64(0); i < c.freq; i++ {
		if b := c.pos[p]; b < 0x80 { // most gaps fit a byte
			last += uint64(b)
			p++
		} else {
			v, n := binary.Uvarint(c.pos[p:])
			p += n
			last += v
		}
		c.at = append(c.at, last)
	}
	c.pp, c.posRead = p, true
	return c.at
}

// alignPhrase calls fn for every document that holds every word, that
// want accepts, and where word i stands at some position p+offs[i] for
// every i.
func alignPhrase(curs []*postCursor, offs []uint64, want func(doc uint32) bool, fn func(doc uint32)) {
	for {
		var target uint64
		for _, c := range curs {
			if c.done {
				return
			}
			target = max(target, c.doc)
		}
		aligned := true
		for _, c := range curs {
			c.advance(target)
			if c.done {
				return
			}
			if c.doc != target {
				aligned = false
			}
		}
		if !aligned {
			continue
		}
		if want(uint32(target)) && (len(curs) == 2 && phrase2(curs[0], curs[1], offs[1]) || len(curs) != 2 && phraseAt(curs, offs)) {
			fn(uint32(target))
		}
		for _, c := range curs {
			c.next()
		}
	}
}

// fewIn reports whether set has few documents between base and end
// against the postings of the rarest of the cursors' words (sparseRatio).
func fewIn(set []uint64, base, end uint32, curs []*postCursor) bool {
	least := uint64(math.MaxUint64)
	for _, c := range curs {
		least = min(least, c.df)
	}
	n := uint64(0)
	for w := base / 64; w < (end+63)/64; w++ {
		n += uint64(bits.OnesCount64(set[w]))
	}
	return n*sparseRatio < least
}

// alignAt is alignPhrase over the documents of set between base and end
// (global numbers; the cursors' are from base) only: the cursors jump to
// each of them with the skip entries.
func alignAt(curs []*postCursor, offs []uint64, set []uint64, base, end uint32, want func(doc uint32) bool, fn func(doc uint32)) {
	for w := base / 64; w < (end+63)/64; w++ {
		word := set[w]
		for word != 0 {
			g := w<<6 | uint32(bits.TrailingZeros64(word))
			word &= word - 1
			if g < base || g >= end {
				continue
			}
			doc := uint64(g - base)
			all := true
			for _, c := range curs {
				if c.advance(doc); c.done {
					return
				}
				all = all && c.doc == doc
			}
			if all && want(uint32(doc)) && (len(curs) == 2 && phrase2(curs[0], curs[1], offs[1]) || len(curs) != 2 && phraseAt(curs, offs)) {
				fn(uint32(doc))
			}
		}
	}
}

// phrase2 reports whether the cursors' current document holds b's word
// at some position p+off where a's stands at p: the two position lists
// are merged as they are decoded, without a copy, up to the first match
// or the end of either; the rest is skipped eight bytes at a time.
func phrase2(a, b *postCursor, off uint64) bool {
	pa, pb := a.pp, b.pp
	na, nb := a.freq, b.freq
	x, pa := nextPos(a.pos, pa)
	y, pb := nextPos(b.pos, pb)
	na--
	nb--
	found := false
	for {
		want := x + off
		if y == want {
			found = true
			break
		}
		if y < want {
			if nb == 0 {
				break
			}
			var d uint64
			d, pb = nextPos(b.pos, pb)
			y += d
			nb--
		} else {
			if na == 0 {
				break
			}
			var d uint64
			d, pa = nextPos(a.pos, pa)
			x += d
			na--
		}
	}
	a.pp, a.posRead = skipVarints(a.pos, pa, na), true
	b.pp, b.posRead = skipVarints(b.pos, pb, nb), true
	return found
}

// nextPos decodes the position gap at pos[p:] and returns it with the
// offset after it.
func nextPos(pos []byte, p int) (uint64, int) {
	if v := pos[p]; v < 0x80 { // most gaps fit a byte
		return uint64(v), p + 1
	}
	v, n := binary.Uvarint(pos[p:])
	return v, p + n
}

// phraseAt reports whether the cursors' current document holds word i at
// some position p+offs[i] for every i: the candidate starts are narrowed
// word by word, merging sorted positions.
func phraseAt(curs []*postCursor, offs []uint64) bool {
	// The first cursor's positions are narrowed in place: they are read
	// again only after the cursor moves on.
	cand := curs[0].positions()
	for i := 1; i < len(curs); i++ {
		pos := curs[i].positions()
		k, j := 0, 0
		for _, p := range cand {
			want := p + offs[i]
			for j < len(pos) && pos[j] < want {
				j++
			}
			if j == len(pos) {
				break
			}
			if pos[j] == want {
				cand[k] = p
				k++
			}
		}
		if k == 0 {
			return false
		}
		cand = cand[:k]
	}
	return true
}

// docCursor walks one term's postings in a segment, documents and
// frequencies only, jumping ahead with the skip entries.
type docCursor struct {
	data  []byte
	p     int
	doc   uint64
	freq  uint64
	done  bool
	skips []skipEntry
	base  uint64
}

func newDocCursor(f *field, t *term) *docCursor {
	c := &docCursor{data: f.data[t.off:t.end], base: t.off}
	c.skips = termSkips(f, t)
	c.next()
	return c
}

// advance moves to the first document at or after target.
func (c *docCursor) advance(target uint64) {
	if c.done || c.doc >= target {
		return
	}
	if len(c.skips) > 0 && target-c.doc > skipEvery {
		i := sort.Search(len(c.skips), func(i int) bool { return uint64(c.skips[i].doc) > target }) - 1
		if i >= 0 && uint64(c.skips[i].doc) > c.doc {
			sk := c.skips[i]
			c.p, c.doc = int(sk.off-c.base), uint64(sk.prev)
			c.next()
		}
	}
	for !c.done && c.doc < target {
		c.next()
	}
}

// next moves to the next document. It decodes as postCursor.next does,
// written out in both: a shared decoding function is too large to inline
// and costs a call per posting (BenchmarkPhraseRare +15%).
func (c *docCursor) next() {
	if c.p >= len(c.data) {
		c.done = true
		return
	}
	d := uint64(c.data[c.p])
	if d < 0x80 {
		c.p++
	} else {
		d, c.p = uvarint(c.data, c.p)
	}
	c.doc += d >> 1
	c.freq = 1
	if d&1 == 0 {
		if c.freq = uint64(c.data[c.p]); c.freq < 0x80 {
			c.p++
		} else {
			c.freq, c.p = uvarint(c.data, c.p)
		}
	}
}
