package bleve

import (
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sort"
	"sync"

	bsearch "github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"
)

// The text table keeps, for one index snapshot, the postings of every
// text field in memory: for each term the documents holding it, how often
// and at which positions, compactly encoded. Searches of the snapshot are
// matched and scored from it in tight loops over dense per-document
// arrays (memeval.go), with the same BM25 arithmetic as bleve's term
// scorers, instead of through bleve's searcher tree, which costs about a
// microsecond per match and field. Bleve still answers what the table
// does not hold: stored documents, match offsets for snippets and score
// explanations.
//
// The table is built in the background from the snapshot's own postings
// (so it analyses nothing itself and agrees with the index by
// construction) once the facet table of the snapshot exists; searches
// take bleve's path until it is ready. FARO_TEXT_TABLE=0 turns it off.

// memText is the text table of one snapshot.
type memText struct {
	// docs bounds the document numbers; live marks the live ones.
	docs int
	live []uint64
	// docTotal is the snapshot's document count (BM25's N).
	docTotal uint64
	fields   map[string]*memField
	// vbits[v] marks the documents holding facet value v (an id of the
	// facet table): facets are counted by popcounts of their
	// intersections with a search's matches.
	vbits [][]uint64
	// facetAvg is the facet field's average length as bleve's BM25 takes
	// it, for facet values typed in a query.
	facetAvg float64
	// bytes is the size of the encoded postings (reporting).
	bytes int
	// cache keeps recent match sets.
	cache *matchCache
}

// memField is one text field's dictionary and postings.
type memField struct {
	name string
	// terms in dictionary (byte) order: lookup and prefixRange search
	// them.
	terms []memTerm
	// docTotal is the snapshot's document count, for idf.
	docTotal uint64
	// norm[n] is BM25's length part for document n in this field,
	// k1·(1−b+b·len/avg), as bleve's term scorer computes it.
	norm []float64
	// data holds the postings of every term, each a uvarint doc delta
	// shifted left by one, its low bit set when the frequency is 1, else
	// followed by the uvarint frequency; pos holds their positions, freq
	// uvarint deltas a posting, apart so that scoring never reads them.
	data []byte
	pos  []byte
	// free releases data and pos.
	free func()
	// skips hold every skipEvery-th posting of the terms with more, so
	// that one document's positions are found without decoding the
	// postings before it (snippets).
	skips []skipEntry
}

// skipEvery is the spacing of skip entries, in postings.
const skipEvery = 64

// skipEntry locates a posting: its document, where it starts in data,
// where its positions start in pos, and the document before it (the base
// of its delta).
type skipEntry struct {
	doc, prev   uint32
	off, posOff uint64
}

// memTerm locates one term's postings in its field's data.
type memTerm struct {
	term     string
	off, end uint64
	// poff is where the term's positions start in pos.
	poff uint64
	df   uint32
	// skip is the index of the term's first skip entry (when df >
	// skipEvery).
	skip uint32
}

// posKey packs a token's page (array position) and position so that one
// number orders and compares them: phrases never cross pages.
func posKey(page, pos uint64) uint64 { return page<<24 | pos&(1<<24-1) }

// buildMemText reads every text field's postings of snapshot r. stop
// aborts a build (the index is closing).
// afterField, when not nil, is called after each field is read (to
// release the index pages the read left resident).
func buildMemText(ctx context.Context, r index.IndexReader, t *facetTable, afterField func()) (*memText, error) {
	docs := t.docs()
	total, err := r.DocCount()
	if err != nil {
		return nil, fmt.Errorf("text table: count documents: %w", err)
	}
	m := &memText{docs: docs, docTotal: total, fields: map[string]*memField{}, live: make([]uint64, (docs+63)/64), cache: newMatchCache(matchCacheBudget)}
	ids, err := r.DocIDReaderAll()
	if err != nil {
		return nil, fmt.Errorf("text table: %w", err)
	}
	for {
		id, err := ids.Next()
		if err != nil {
			ids.Close()
			return nil, fmt.Errorf("text table: %w", err)
		}
		if id == nil {
			break
		}
		if n := id.Value(); n < uint64(docs) {
			m.live[n/64] |= 1 << (n % 64)
		}
	}
	ids.Close()
	nw := len(m.live)
	m.vbits = make([][]uint64, len(t.value))
	for v := range m.vbits {
		m.vbits[v] = make([]uint64, nw)
	}
	for n := 0; n < docs; n++ {
		if m.live[n/64]&(1<<(n%64)) == 0 {
			continue
		}
		for _, v := range t.vals[t.off[n]:t.off[n+1]] {
			m.vbits[v][n/64] |= 1 << (n % 64)
		}
	}

	bm, _ := r.(index.BM25Reader)
	if bm != nil && total > 0 {
		card, err := bm.FieldCardinality(fieldFacet)
		if err != nil {
			return nil, fmt.Errorf("text table: field %s: %w", fieldFacet, err)
		}
		m.facetAvg = math.Ceil(float64(card) / float64(total))
	}
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
		sem      = make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))
	)
	for _, f := range textFields {
		var card int
		if bm != nil {
			if card, err = bm.FieldCardinality(f.name); err != nil {
				return nil, fmt.Errorf("text table: field %s: %w", f.name, err)
			}
		}
		if card == 0 {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			mf, err := buildMemField(ctx, r, f.name, docs, total, card)
			if afterField != nil {
				afterField()
			}
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				if firstErr == nil {
					firstErr = err
				}
				return
			}
			m.fields[f.name] = mf
			m.bytes += len(mf.data) + len(mf.pos)
		}()
	}
	wg.Wait()
	var frees []func()
	for _, f := range m.fields {
		frees = append(frees, f.free)
	}
	free := func() {
		for _, f := range frees {
			f()
		}
	}
	if firstErr != nil {
		free()
		return nil, firstErr
	}
	// Unmapped once no search holds the table any more.
	runtime.AddCleanup(m, func(free func()) { free() }, free)
	return m, nil
}

func buildMemField(ctx context.Context, r index.IndexReader, field string, docs int, total uint64, card int) (*memField, error) {
	avg := math.Ceil(float64(card) / float64(total))
	mf := &memField{name: field, docTotal: total, norm: make([]float64, docs)}
	dict, err := r.FieldDict(field)
	if err != nil {
		return nil, fmt.Errorf("text table: field %s: %w", field, err)
	}
	defer dict.Close()
	var (
		tfd  index.TermFieldDoc
		keys []uint64
		buf  [binary.MaxVarintLen64]byte
	)
	put := func(v uint64) {
		n := binary.PutUvarint(buf[:], v)
		mf.data = append(mf.data, buf[:n]...)
	}
	putPos := func(v uint64) {
		n := binary.PutUvarint(buf[:], v)
		mf.pos = append(mf.pos, buf[:n]...)
	}
	for i := 0; ; i++ {
		if i%256 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		e, err := dict.Next()
		if err != nil {
			return nil, fmt.Errorf("text table: field %s: %w", field, err)
		}
		if e == nil {
			break
		}
		tfr, err := r.TermFieldReader(ctx, []byte(e.Term), field, true, true, true)
		if err != nil {
			return nil, fmt.Errorf("text table: field %s term %q: %w", field, e.Term, err)
		}
		t := memTerm{term: e.Term, off: uint64(len(mf.data)), poff: uint64(len(mf.pos)), skip: uint32(len(mf.skips))}
		var prev uint64
		for {
			tfd.Reset()
			d, err := tfr.Next(&tfd)
			if err != nil {
				tfr.Close()
				return nil, fmt.Errorf("text table: field %s term %q: %w", field, e.Term, err)
			}
			if d == nil {
				break
			}
			n := d.ID.Value()
			if n >= uint64(docs) {
				continue
			}
			if mf.norm[n] == 0 {
				// As bleve's BM25 term scorer: the field length comes
				// back from the stored norm.
				length := 1 / (d.Norm * d.Norm)
				mf.norm[n] = bsearch.BM25_k1 * (1 - bsearch.BM25_b + bsearch.BM25_b*length/avg)
			}
			if t.df > 0 && t.df%skipEvery == 0 {
				mf.skips = append(mf.skips, skipEntry{doc: uint32(n), prev: uint32(prev), off: uint64(len(mf.data)), posOff: uint64(len(mf.pos))})
			}
			keys = keys[:0]
			for _, v := range d.Vectors {
				var page uint64
				if len(v.ArrayPositions) > 0 {
					page = v.ArrayPositions[0]
				}
				keys = append(keys, posKey(page, v.Pos))
			}
			slices.Sort(keys)
			if len(keys) == 1 {
				put((n-prev)<<1 | 1)
			} else {
				put((n - prev) << 1)
				put(uint64(len(keys)))
			}
			prev = n
			var last uint64
			for _, k := range keys {
				putPos(k - last)
				last = k
			}
			t.df++
		}
		tfr.Close()
		t.end = uint64(len(mf.data))
		mf.terms = append(mf.terms, t)
	}
	// Bleve's dictionaries iterate in byte order; lookups rely on it.
	if !sort.SliceIsSorted(mf.terms, func(i, j int) bool { return mf.terms[i].term < mf.terms[j].term }) {
		sort.Slice(mf.terms, func(i, j int) bool { return mf.terms[i].term < mf.terms[j].term })
	}
	// The postings move off the
	// heap, to be unmapped when the table is no longer reachable.
	var freeData, freePos, freeNorm, freeSkips func()
	mf.data, freeData = offHeap(mf.data)
	mf.pos, freePos = offHeap(mf.pos)
	mf.norm, freeNorm = offHeapSlice(mf.norm)
	mf.skips, freeSkips = offHeapSlice(mf.skips)
	mf.free = func() { freeData(); freePos(); freeNorm(); freeSkips() }
	return mf, nil
}

// idf is bleve's BM25 idf of a term of the field.
func (f *memField) idf(t *memTerm) float64 {
	return math.Log(1 + (float64(f.docTotal)-float64(t.df)+0.5)/(float64(t.df)+0.5))
}

// lookup finds term in the field's dictionary.
func (f *memField) lookup(term string) (*memTerm, bool) {
	i := sort.Search(len(f.terms), func(i int) bool { return f.terms[i].term >= term })
	if i < len(f.terms) && f.terms[i].term == term {
		return &f.terms[i], true
	}
	return nil, false
}

// positionsOf returns the positions (posKey) of term t in document n, or
// nil when n does not hold it.
func (f *memField) positionsOf(t *memTerm, n uint32) []uint64 {
	off, posOff, doc := t.off, t.poff, uint64(0)
	// The last skip entry at or before n.
	if ns := int((t.df+skipEvery-1)/skipEvery) - 1; ns > 0 {
		sk := f.skips[t.skip : int(t.skip)+ns]
		i := sort.Search(len(sk), func(i int) bool { return sk[i].doc > n }) - 1
		if i >= 0 {
			off, posOff, doc = sk[i].off, sk[i].posOff, uint64(sk[i].prev)
		}
	}
	data, pos := f.data, f.pos
	for p := off; p < t.end; {
		d, k := binary.Uvarint(data[p:])
		p += uint64(k)
		doc += d >> 1
		freq := uint64(1)
		if d&1 == 0 {
			freq, k = binary.Uvarint(data[p:])
			p += uint64(k)
		}
		if doc > uint64(n) {
			return nil
		}
		if doc < uint64(n) {
			for i := uint64(0); i < freq; i++ {
				for pos[posOff]&0x80 != 0 {
					posOff++
				}
				posOff++
			}
			continue
		}
		out := make([]uint64, 0, freq)
		var last uint64
		for i := uint64(0); i < freq; i++ {
			v, k := binary.Uvarint(pos[posOff:])
			posOff += uint64(k)
			last += v
			out = append(out, last)
		}
		return out
	}
	return nil
}

// prefixRange returns the terms of f that start with p.
func (f *memField) prefixRange(p string) []memTerm {
	lo := sort.Search(len(f.terms), func(i int) bool { return f.terms[i].term >= p })
	hi := lo
	for hi < len(f.terms) && len(f.terms[hi].term) >= len(p) && f.terms[hi].term[:len(p)] == p {
		hi++
	}
	return f.terms[lo:hi]
}
