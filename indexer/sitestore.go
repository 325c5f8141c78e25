package indexer

import (
	"encoding/binary"
	"hash/maphash"
	"math/bits"
)

// The site model's storage. At 100k pages the model holds half a million
// line hashes; maps of maps keyed by strings took 30 MB of heap for them,
// this layout a third of that:
//
//   - sites are numbered (siteStore.names, .ids);
//   - every page is one entry of one byte arena (data): its corpus path,
//     its site's number, its distinct line hashes; a page's number gives
//     the entry's offset (pages), and corpus paths are found through an
//     open-addressed table of page numbers (byRel);
//   - a line carried by one page, most lines, costs a slot of 4 bytes in
//     its site's table (single), which holds the offset of its hash in
//     the arena; the other lines (carried by two pages or more, or by one
//     page whose entry is not known: a second page carried it and left)
//     have their count in the site's map (multi). A line is in one of
//     the two, never both.
//
// Forgotten pages leave holes in the arena; it is compacted when the
// holes outweigh what is live.

// deadPage is the offset of a forgotten page (its number is free).
const deadPage = ^uint32(0)

// compactMin is how many dead bytes the arena holds at least before it is
// compacted.
var compactMin = 1 << 15

// siteStore is the data of a Sites, without its lock and flags.
type siteStore struct {
	names []string          // site number -> name
	ids   map[string]uint32 // name -> site number
	size  []int32           // site number -> pages
	// single holds, for each site, the lines carried by one page, as the
	// offset of their hash in data.
	single []idTable
	// multi holds, for each site, the count of every line not in single
	// (nil when none).
	multi []map[uint64]int32

	// data holds the pages, each as: uvarint length of its corpus path,
	// the path, uvarint site number, uvarint number of lines, the lines'
	// hashes (8 bytes, little-endian, as in the saved model). Offsets
	// are uint32: 4 GB, 500 million lines.
	data  []byte
	pages []uint32 // page number -> offset of its entry in data, or deadPage
	free  []uint32 // numbers of forgotten pages, for reuse
	live  int      // pages held
	byRel idTable  // corpus path -> page number
	seed  maphash.Seed
	dead  int // bytes of forgotten pages in data
}

func newSiteStore() siteStore {
	return siteStore{ids: map[string]uint32{}, seed: maphash.MakeSeed()}
}

// pageEntry is a page's entry of the arena, read.
type pageEntry struct {
	rel   []byte
	site  uint32
	at    uint32 // offset of the first line's hash
	lines []byte // the lines' hashes
	end   uint32 // offset of the next entry
}

// n is the number of the page's lines.
func (e pageEntry) n() int { return len(e.lines) / 8 }

// line is the hash of the page's line i.
func (e pageEntry) line(i int) uint64 { return binary.LittleEndian.Uint64(e.lines[8*i:]) }

// entryAt reads the entry at offset off of data.
func entryAt(data []byte, off uint32) pageEntry {
	b := data[off:]
	n, k := binary.Uvarint(b)
	e := pageEntry{rel: b[k : k+int(n)]}
	b = b[k+int(n):]
	site, k1 := binary.Uvarint(b)
	lines, k2 := binary.Uvarint(b[k1:])
	e.site = uint32(site)
	e.at = off + uint32(k+int(n)+k1+k2)
	e.end = e.at + 8*uint32(lines)
	e.lines = data[e.at:e.end]
	return e
}

// entry is page id's entry.
func (st *siteStore) entry(id uint32) pageEntry { return entryAt(st.data, st.pages[id]) }

// relOf is the corpus path of page id.
func (st *siteStore) relOf(id uint32) []byte {
	b := st.data[st.pages[id]:]
	n, k := binary.Uvarint(b)
	return b[k : k+int(n)]
}

func (st *siteStore) relHash(id uint32) uint64 { return maphash.Bytes(st.seed, st.relOf(id)) }

// page returns the number of the page at rel.
func (st *siteStore) page(rel string) (uint32, bool) {
	_, id, ok := st.findPage(rel)
	return id, ok
}

func (st *siteStore) findPage(rel string) (int, uint32, bool) {
	return st.byRel.find(maphash.String(st.seed, rel), func(id uint32) bool { return string(st.relOf(id)) == rel })
}

// site returns the number of the site named name.
func (st *siteStore) site(name string) (uint32, bool) {
	id, ok := st.ids[name]
	return id, ok
}

// siteFor returns the number of the site named name, numbering it if new.
func (st *siteStore) siteFor(name string) uint32 {
	if id, ok := st.ids[name]; ok {
		return id
	}
	id := uint32(len(st.names))
	st.names = append(st.names, name)
	st.ids[name] = id
	st.size = append(st.size, 0)
	st.single = append(st.single, idTable{})
	st.multi = append(st.multi, nil)
	return id
}

// count is the number of pages of site that carry line h.
func (st *siteStore) count(site uint32, h uint64) int32 {
	if c, ok := st.multi[site][h]; ok {
		return c
	}
	if _, _, ok := st.single[site].find(h, st.lineIs(h)); ok {
		return 1
	}
	return 0
}

// hashAt is the line hash at offset pos of data.
func (st *siteStore) hashAt(pos uint32) uint64 { return binary.LittleEndian.Uint64(st.data[pos:]) }

// lineIs is the comparison of the single tables' slots with line h.
func (st *siteStore) lineIs(h uint64) func(uint32) bool {
	return func(pos uint32) bool { return st.hashAt(pos) == h }
}

// addPage records the page at rel (which the store does not hold) of
// site sid carrying the lines hs.
func (st *siteStore) addPage(rel string, sid uint32, hs []uint64) {
	st.countLines(st.appendPage(rel, sid, hs))
}

// appendPage records the page at rel like addPage, without counting its
// lines (countLines), and returns its number.
func (st *siteStore) appendPage(rel string, sid uint32, hs []uint64) uint32 {
	var id uint32
	if n := len(st.free); n > 0 {
		id, st.free = st.free[n-1], st.free[:n-1]
	} else {
		id = uint32(len(st.pages))
		st.pages = append(st.pages, 0)
	}
	if uint64(len(st.data))+uint64(len(rel))+8*uint64(len(hs))+30 > uint64(deadPage) {
		panic("indexer: the site model holds more than 4 GB")
	}
	off := uint32(len(st.data))
	st.data = binary.AppendUvarint(st.data, uint64(len(rel)))
	st.data = append(st.data, rel...)
	st.data = binary.AppendUvarint(st.data, uint64(sid))
	st.data = binary.AppendUvarint(st.data, uint64(len(hs)))
	for _, h := range hs {
		st.data = binary.LittleEndian.AppendUint64(st.data, h)
	}
	st.pages[id] = off
	st.byRel.insert(maphash.String(st.seed, rel), id, st.relHash)
	st.live++
	st.size[sid]++
	return id
}

// countLines counts the lines of page id for its site.
func (st *siteStore) countLines(id uint32) {
	e := st.entry(id)
	for i := range e.n() {
		st.addLine(e.site, e.at+8*uint32(i))
	}
}

// addLine counts the line whose hash is at pos for site.
func (st *siteStore) addLine(site, pos uint32) {
	h := st.hashAt(pos)
	m := st.multi[site]
	if c, ok := m[h]; ok {
		m[h] = c + 1
		return
	}
	t := &st.single[site]
	if slot, _, ok := t.find(h, st.lineIs(h)); ok {
		t.removeAt(slot, st.hashAt)
		if m == nil {
			m = map[uint64]int32{}
			st.multi[site] = m
		}
		m[h] = 2
		return
	}
	t.insert(h, pos, st.hashAt)
}

// removeLine uncounts line h for site.
func (st *siteStore) removeLine(site uint32, h uint64) {
	m := st.multi[site]
	if c, ok := m[h]; ok {
		// A count falling to one stays here: where the last page
		// carrying it holds it is not known.
		if c <= 1 {
			delete(m, h)
		} else {
			m[h] = c - 1
		}
		return
	}
	t := &st.single[site]
	if slot, _, ok := t.find(h, st.lineIs(h)); ok {
		t.removeAt(slot, st.hashAt)
	}
}

// forget removes the page at rel and reports whether the store held it.
func (st *siteStore) forget(rel string) bool {
	slot, id, ok := st.findPage(rel)
	if !ok {
		return false
	}
	e := st.entry(id)
	for i := range e.n() {
		st.removeLine(e.site, e.line(i))
	}
	st.dropPage(slot, id)
	if st.dead > compactMin && st.dead > len(st.data)/2 {
		st.compact()
	}
	return true
}

// dropPage removes page id, found at slot of byRel, whose lines are
// uncounted (or were never counted).
func (st *siteStore) dropPage(slot int, id uint32) {
	e := st.entry(id)
	st.byRel.removeAt(slot, st.relHash)
	if st.size[e.site]--; st.size[e.site] <= 0 {
		st.size[e.site] = 0
		st.single[e.site] = idTable{}
		st.multi[e.site] = nil
	}
	st.dead += int(e.end - st.pages[id])
	st.pages[id] = deadPage
	st.free = append(st.free, id)
	st.live--
}

// eachPage calls fn with the number of every page held.
func (st *siteStore) eachPage(fn func(id uint32)) {
	for id, off := range st.pages {
		if off != deadPage {
			fn(uint32(id))
		}
	}
}

// compact copies what is live of the arena into an arena of its size,
// and the single tables with it (their offsets change).
func (st *siteStore) compact() {
	data := make([]byte, 0, len(st.data)-st.dead)
	for id, off := range st.pages {
		if off == deadPage {
			continue
		}
		e := entryAt(st.data, off)
		st.pages[id] = uint32(len(data))
		data = append(data, st.data[off:e.end]...)
	}
	st.data, st.dead = data, 0
	// The pages' numbers are kept: byRel holds.
	for i := range st.single {
		st.single[i] = idTable{}
	}
	for _, off := range st.pages {
		if off == deadPage {
			continue
		}
		e := entryAt(st.data, off)
		m := st.multi[e.site]
		for i := range e.n() {
			h, pos := e.line(i), e.at+8*uint32(i)
			if c, ok := m[h]; ok {
				if c == 1 {
					// The one page carrying it is found: back to
					// single.
					delete(m, h)
					st.single[e.site].insert(h, pos, st.hashAt)
				}
				continue
			}
			// Every line of single is carried by one page.
			st.single[e.site].insert(h, pos, st.hashAt)
		}
	}
}

// trim gives the arena and the tables back the room they grew beyond
// what they hold.
func (st *siteStore) trim() {
	st.byRel.fit(st.relHash)
	for i := range st.single {
		st.single[i].fit(st.hashAt)
	}
	if cap(st.data) > len(st.data)+len(st.data)/16 {
		st.data = append(make([]byte, 0, len(st.data)), st.data...)
	}
	if cap(st.pages) > len(st.pages)+len(st.pages)/16 {
		st.pages = append(make([]uint32, 0, len(st.pages)), st.pages...)
	}
}

// idTable is a hash table (open addressing, linear probing) of uint32
// values that stand for keys kept elsewhere: the caller hashes a key and
// tells whether a value is the key's. A slot is 4 bytes; the table holds
// up to maxLoad of its slots, of any number (fit sizes it to what it
// holds).
type idTable struct {
	slots []uint32 // value+1; 0 is an empty slot
	n     int
}

// maxLoad is the share of an idTable's slots that may be full.
const maxLoad = 0.8

// home is the first slot for a key of hash h.
func (t *idTable) home(h uint64) int {
	hi, _ := bits.Mul64(h*0x9E3779B97F4A7C15, uint64(len(t.slots)))
	return int(hi)
}

// find returns the slot and value of the key of hash h for which is
// holds.
func (t *idTable) find(h uint64, is func(uint32) bool) (int, uint32, bool) {
	if t.n == 0 {
		return 0, 0, false
	}
	for i := t.home(h); ; {
		v := t.slots[i]
		if v == 0 {
			return 0, 0, false
		}
		if is(v - 1) {
			return i, v - 1, true
		}
		if i++; i == len(t.slots) {
			i = 0
		}
	}
}

// insert adds the value v of a key of hash h that the table does not
// hold; hash gives the hash of the key of any value.
func (t *idTable) insert(h uint64, v uint32, hash func(uint32) uint64) {
	if float64(t.n+1) > maxLoad*float64(len(t.slots)) {
		t.resize(max(8, len(t.slots)*3/2), hash)
	}
	t.put(t.home(h), v+1)
	t.n++
}

// put stores slot value v in the first empty slot from i.
func (t *idTable) put(i int, v uint32) {
	for t.slots[i] != 0 {
		if i++; i == len(t.slots) {
			i = 0
		}
	}
	t.slots[i] = v
}

func (t *idTable) resize(size int, hash func(uint32) uint64) {
	old := t.slots
	t.slots = make([]uint32, size)
	for _, v := range old {
		if v != 0 {
			t.put(t.home(hash(v-1)), v)
		}
	}
}

// fit makes the table as small as maxLoad lets it.
func (t *idTable) fit(hash func(uint32) uint64) {
	if t.n == 0 {
		*t = idTable{}
		return
	}
	if size := int(float64(t.n)/maxLoad) + 1; size < len(t.slots) {
		t.resize(size, hash)
	}
}

// removeAt empties slot i, moving back the values after it that would no
// longer be found.
func (t *idTable) removeAt(i int, hash func(uint32) uint64) {
	t.n--
	if t.n == 0 {
		*t = idTable{}
		return
	}
	size := len(t.slots)
	for j := (i + 1) % size; t.slots[j] != 0; j = (j + 1) % size {
		// The value at j moves to i unless its home lies cyclically
		// in (i, j].
		k := t.home(hash(t.slots[j] - 1))
		if i <= j && (i < k && k <= j) || i > j && (i < k || k <= j) {
			continue
		}
		t.slots[i] = t.slots[j]
		i = j
	}
	t.slots[i] = 0
}
