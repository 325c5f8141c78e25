package texttable

import (
	"context"
	"encoding/binary"
	"fmt"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"

	"faro/search"
)

// Segment is the table of one immutable index segment: the postings of
// every text field and each document's facet values, date and id, by the
// segment's own document numbers. Its postings live outside the Go heap
// and are unmapped once the Segment is unreachable.
type Segment struct {
	docs   int
	fields map[string]*field
	// Facet values: keys[v] is value v ("country:HND"); the values of
	// document n are vals[off[n]:off[n+1]].
	keys []string
	off  []uint32
	vals []uint32
	date []string
	id   []string
	// byDate holds the documents with a date, by date then id; undated
	// the others, by id.
	byDate, undated []uint32
	// bytes is the size of the encoded postings.
	bytes int
	// phrases are the documents' frequent phrases (phrases.go).
	phrases phraseTable
}

// field is one text field's dictionary and postings in a segment.
type field struct {
	// terms in byte order, their texts one after the other in words.
	terms []term
	words string
	// length[n] is the field's length in document n (0: not in it).
	length []uint32
	// lengthSum is the sum of length, holders the documents with a
	// length.
	lengthSum uint64
	holders   uint64
	// data holds every term's postings, each a uvarint document delta
	// shifted left by one, its low bit set when the frequency is 1, else
	// followed by the uvarint frequency; pos holds their positions (Key
	// deltas), apart so that scoring never reads them.
	data, pos []byte
	// skips hold every skipEvery-th posting of the terms with more, so
	// that one document's positions are found without decoding the
	// postings before it (snippets).
	skips []skipEntry
	// posFile, when set, is the file pos is mapped from (spill).
	posFile *os.File
	// frees unmap the off-heap copies.
	frees []func()
	// typo is the symmetric-delete index of the terms (typos.go).
	typo typoIndex
}

// skipEvery is the spacing of skip entries, in postings.
const skipEvery = 64

// skipEntry locates a posting: its document, where it starts in data and
// its positions in pos, and the document before it (its delta's base).
type skipEntry struct {
	doc, prev   uint32
	off, posOff uint64
}

// term locates one term's postings in its field's data. It holds no
// pointer, so that a field's terms are kept off the heap (moveOffHeap):
// its text is field.words[at:at+n].
type term struct {
	off, end uint64
	poff     uint64
	df       uint32
	// skip is the index of the term's first skip entry.
	skip  uint32
	at, n uint32
}

// word returns t's text.
func (f *field) word(t *term) string { return f.words[t.at : t.at+t.n] }

// Docs bounds the segment's document numbers.
func (s *Segment) Docs() int { return s.docs }

// Bytes is the size of the segment's encoded postings and positions.
func (s *Segment) Bytes() int { return s.bytes }

// Options tune Build.
type Options struct {
	// Dir, when set, holds the parts of a table that searches seldom read
	// (positions, typo index): each is written to a file there, removed
	// at once, and mapped, so that the kernel keeps their pages in its
	// page cache, reclaimable, and reads them back when needed. Where a
	// file cannot be written (a full disk, a read-only directory) they stay
	// in memory.
	Dir string
}

// Build reads a segment's fields from src.
func Build(ctx context.Context, src Source, schema Schema, opts Options) (*Segment, error) {
	s := &Segment{docs: src.Docs(), fields: map[string]*field{}}
	s.date = make([]string, s.docs)
	s.id = make([]string, s.docs)
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
		sem      = make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))
	)
	for _, tf := range schema.Text {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			f, err := buildField(ctx, src, tf, s.docs, opts.Dir)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				if firstErr == nil {
					firstErr = err
				}
				return
			}
			if f != nil {
				s.fields[tf.Name] = f
				s.bytes += len(f.data) + len(f.pos)
			}
		}()
	}
	wg.Wait()
	if firstErr != nil {
		freeFields(s.fields)
		return nil, firstErr
	}
	// The cleanup holds the fields, not s: what it holds stays reachable,
	// and a cleanup holding s would never run.
	runtime.AddCleanup(s, freeFields, s.fields)
	if err := s.readColumns(ctx, src, schema); err != nil {
		return nil, err
	}
	if err := s.readPhrases(ctx, src, schema.Phrase); err != nil {
		return nil, err
	}
	s.sortByDate()
	return s, nil
}

// readColumns reads each document's facet values, date and id.
func (s *Segment) readColumns(ctx context.Context, src Source, schema Schema) error {
	if schema.ID != "" {
		err := src.Walk(ctx, schema.ID, func(t string, p *Posting) error {
			if int(p.Doc) < s.docs {
				s.id[p.Doc] = t
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("text table: ids: %w", err)
		}
	}
	if schema.Date != "" {
		err := src.Walk(ctx, schema.Date, func(t string, p *Posting) error {
			if int(p.Doc) < s.docs {
				s.date[p.Doc] = t
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("text table: dates: %w", err)
		}
	}
	count := make([]uint32, s.docs+1)
	type pair struct{ doc, v uint32 }
	var pairs []pair
	if schema.Facet != "" {
		err := src.Walk(ctx, schema.Facet, func(t string, p *Posting) error {
			if int(p.Doc) >= s.docs {
				return nil
			}
			if len(s.keys) == 0 || s.keys[len(s.keys)-1] != t {
				s.keys = append(s.keys, t)
			}
			pairs = append(pairs, pair{p.Doc, uint32(len(s.keys) - 1)})
			count[p.Doc+1]++
			return nil
		})
		if err != nil {
			return fmt.Errorf("text table: facets: %w", err)
		}
	}
	s.off = make([]uint32, s.docs+1)
	for n := 1; n <= s.docs; n++ {
		s.off[n] = s.off[n-1] + count[n]
	}
	s.vals = make([]uint32, len(pairs))
	next := append([]uint32(nil), s.off[:s.docs]...)
	for _, p := range pairs {
		s.vals[next[p.doc]] = p.v
		next[p.doc]++
	}
	return nil
}

// sortByDate orders the segment's documents by date then id, and the
// undated ones by id.
func (s *Segment) sortByDate() {
	for n := range s.docs {
		if s.id[n] == "" {
			continue
		}
		if s.date[n] == "" {
			s.undated = append(s.undated, uint32(n))
		} else {
			s.byDate = append(s.byDate, uint32(n))
		}
	}
	sort.Slice(s.byDate, func(i, j int) bool {
		a, b := s.byDate[i], s.byDate[j]
		if s.date[a] != s.date[b] {
			return s.date[a] < s.date[b]
		}
		return s.id[a] < s.id[b]
	})
	sort.Slice(s.undated, func(i, j int) bool { return s.id[s.undated[i]] < s.id[s.undated[j]] })
}

// buildField reads one text field's postings, or returns nil when the
// segment has none. Its typo index, and a body's positions, go to files
// in dir when it is set (Options).
func buildField(ctx context.Context, src Source, tf TextField, docs int, dir string) (*field, error) {
	name := tf.Name
	f := &field{length: make([]uint32, docs)}
	var (
		buf     [binary.MaxVarintLen64]byte
		cur     *term
		curText string
		words   []byte
		prev    uint64
		started bool
	)
	put := func(dst *[]byte, v uint64) {
		n := binary.PutUvarint(buf[:], v)
		*dst = append(*dst, buf[:n]...)
	}
	finish := func() {
		if cur != nil {
			cur.end = uint64(len(f.data))
			f.terms = append(f.terms, *cur)
		}
	}
	i := 0
	err := src.Walk(ctx, name, func(t string, p *Posting) error {
		if i++; i%4096 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		if int(p.Doc) >= docs {
			return nil
		}
		if cur == nil || curText != t {
			finish()
			cur = &term{off: uint64(len(f.data)), poff: uint64(len(f.pos)), skip: uint32(len(f.skips)), at: uint32(len(words)), n: uint32(len(t))}
			curText = t
			words = append(words, t...)
			prev = 0
			started = true
		}
		n := uint64(p.Doc)
		if f.length[n] == 0 {
			f.length[n] = max(p.Length, 1)
			f.lengthSum += uint64(f.length[n])
			f.holders++
		}
		if cur.df > 0 && cur.df%skipEvery == 0 {
			f.skips = append(f.skips, skipEntry{doc: uint32(n), prev: uint32(prev), off: uint64(len(f.data)), posOff: uint64(len(f.pos))})
		}
		freq := uint64(p.Freq)
		if len(p.Positions) > 0 {
			freq = uint64(len(p.Positions))
		}
		freq = max(freq, 1)
		if freq == 1 {
			put(&f.data, (n-prev)<<1|1)
		} else {
			put(&f.data, (n-prev)<<1)
			put(&f.data, freq)
		}
		prev = n
		var last uint64
		for k, key := range p.Positions {
			if uint64(k) >= freq {
				break
			}
			put(&f.pos, key-last)
			last = key
		}
		for k := uint64(len(p.Positions)); k < freq; k++ {
			put(&f.pos, 0)
		}
		cur.df++
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("text table: field %s: %w", name, err)
	}
	finish()
	if !started {
		return nil, nil
	}
	f.words = string(words)
	if !sort.SliceIsSorted(f.terms, func(i, j int) bool { return f.word(&f.terms[i]) < f.word(&f.terms[j]) }) {
		sort.Slice(f.terms, func(i, j int) bool { return f.word(&f.terms[i]) < f.word(&f.terms[j]) })
	}
	// Titles' and summaries' positions are small and read for every hit
	// shown; a body's are most of a table's and read only for the few
	// passages shown and for phrases.
	posDir := ""
	if tf.Kind == search.FieldBody {
		posDir = dir
	}
	f.moveOffHeap(posDir)
	f.buildTypos(dir)
	return f, nil
}

// lookup finds a term in the field's dictionary.
func (f *field) lookup(t string) *term {
	i := sort.Search(len(f.terms), func(i int) bool { return f.word(&f.terms[i]) >= t })
	if i < len(f.terms) && f.word(&f.terms[i]) == t {
		return &f.terms[i]
	}
	return nil
}

// prefixRange returns the terms of f that start with p.
func (f *field) prefixRange(p string) []term {
	lo := sort.Search(len(f.terms), func(i int) bool { return f.word(&f.terms[i]) >= p })
	hi := lo
	for hi < len(f.terms) && strings.HasPrefix(f.word(&f.terms[hi]), p) {
		hi++
	}
	return f.terms[lo:hi]
}

// uvarint decodes the uvarint at data[p:] and returns it with the
// offset after it.
func uvarint(data []byte, p int) (uint64, int) {
	v, n := binary.Uvarint(data[p:])
	return v, p + n
}

// each calls fn for every posting of t: document and frequency.
func (f *field) each(t *term, fn func(doc uint32, freq uint64)) {
	data := f.data[t.off:t.end]
	var doc uint64
	for p := 0; p < len(data); {
		d, n := binary.Uvarint(data[p:])
		p += n
		doc += d >> 1
		freq := uint64(1)
		if d&1 == 0 {
			freq, n = binary.Uvarint(data[p:])
			p += n
		}
		fn(uint32(doc), freq)
	}
}

// positionsOf returns the positions (Key) of t in document n, or nil when
// n does not hold it.
func (f *field) positionsOf(t *term, n uint32) []uint64 {
	off, posOff, doc := t.off, t.poff, uint64(0)
	if sk := termSkips(f, t); len(sk) > 0 {
		i := sort.Search(len(sk), func(i int) bool { return sk[i].doc > n }) - 1
		if i >= 0 {
			off, posOff, doc = sk[i].off, sk[i].posOff, uint64(sk[i].prev)
		}
	}
	// before counts the positions of the postings read before n's.
	var before uint64
	for p := off; p < t.end; {
		d, k := binary.Uvarint(f.data[p:])
		p += uint64(k)
		doc += d >> 1
		freq := uint64(1)
		if d&1 == 0 {
			freq, k = binary.Uvarint(f.data[p:])
			p += uint64(k)
		}
		switch {
		case doc > uint64(n):
			return nil
		case doc < uint64(n):
			before += freq
		default:
			return f.readPositions(posOff, before, freq)
		}
	}
	return nil
}

// readPositions decodes n positions found after skip others from offset
// at of the field's positions: in memory, or with one pread from the
// field's file. Through the file's mapping, the positions of the hits
// shown, scattered over it, would map page after page into the process
// (some 50 MB between two passes of --mapped-limit at 100k documents
// under load); read, they stay in the kernel's page cache.
func (f *field) readPositions(at, skip, n uint64) []uint64 {
	pos := f.pos
	if f.posFile != nil {
		// No uvarint takes more than MaxVarintLen64 bytes.
		buf := make([]byte, min((skip+n)*binary.MaxVarintLen64, uint64(len(f.pos))-at))
		if _, err := f.posFile.ReadAt(buf, int64(at)); err == nil {
			pos, at = buf, 0
		}
	}
	p := skipVarints(pos, int(at), skip)
	out := make([]uint64, 0, n)
	var last uint64
	for range n {
		v, k := binary.Uvarint(pos[p:])
		p += k
		last += v
		out = append(out, last)
	}
	return out
}
