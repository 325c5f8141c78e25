package bleve

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"sync"
	"unsafe"

	"github.com/blevesearch/bleve/v2/index/scorch"
	index "github.com/blevesearch/bleve_index_api"
	zapx "github.com/blevesearch/zapx/v17"
	"github.com/golang/snappy"
)

// Shown hits' stored fields are read from their segment's file with
// pread rather than through bleve's mapping of it. A search touches a
// handful of documents scattered over hundreds of MB of stored fields: through
// the mapping, each first touch faults in the 64 KiB around the document
// (the kernel's fault-around), and --mapped-limit releases those pages again
// (mapped.go), so that faulting took 8% of a search's CPU under the
// reference load. pread copies the few KB of the document from the page
// cache and maps nothing.
//
// The layout read is zap v17's (github.com/blevesearch/zapx/v17, read.go
// and segment.go): the footer ends the file with, from its end, the crc
// (4 bytes), the version (4), the chunk mode (4), the sections index
// offset (8), the stored index offset (8), the number of documents (8),
// the length of the file writer's id (4) and the id. The stored index
// holds a big-endian 8-byte offset for each document; there, uvarint
// lengths of the meta and data, the meta (uvarints: the _id's length, then
// for each field its number, type, offset, length, number of array
// positions and the positions) and the data (the _id, then the fields'
// values compressed with snappy). Files of another version, or written
// through a file callback (encryption), are read through bleve.

// zapFooterSize is the fixed part of a zap v17 footer.
const zapFooterSize = 4 + 4 + 4 + 8 + 8 + 8 + 4

// storedReadAhead is how much of a document's stored record the first
// read takes: most records fit, longer ones take a second read.
const storedReadAhead = 8 << 10

// storedFile reads documents' stored fields from a zap v17 segment file.
type storedFile struct {
	f           *os.File
	fields      []string
	numDocs     uint64
	storedIndex uint64
	// end is where the footer starts: no record reaches past it.
	end uint64
	// index holds the stored index (8 bytes per document), read whole at
	// the first visit (indexOnce) so that a hit costs one read, not two;
	// nil if that read failed.
	indexOnce sync.Once
	index     []byte
}

// recordAt returns the offset of document num's stored record.
func (sf *storedFile) recordAt(num uint64) (uint64, error) {
	sf.indexOnce.Do(func() {
		b := make([]byte, 8*sf.numDocs)
		if _, err := sf.f.ReadAt(b, int64(sf.storedIndex)); err == nil {
			sf.index = b
		}
	})
	if sf.index != nil {
		return binary.BigEndian.Uint64(sf.index[8*num:]), nil
	}
	var at [8]byte
	if _, err := sf.f.ReadAt(at[:], int64(sf.storedIndex+8*num)); err != nil {
		return 0, fmt.Errorf("read stored index: %w", err)
	}
	return binary.BigEndian.Uint64(at[:]), nil
}

// openStoredFile opens the file of segment sg when its stored fields can
// be read directly; it returns nil for a segment in memory (not yet
// persisted), of another zap version or written through a file callback.
func openStoredFile(sg *scorch.SegmentSnapshot) *storedFile {
	zs, ok := sg.Segment().(*zapx.Segment)
	if !ok || index.ReaderHook != nil || zs.Path() == "" {
		return nil
	}
	f, err := os.Open(zs.Path())
	if err != nil {
		return nil
	}
	sf, err := newStoredFile(f, zs.Fields())
	if err != nil || sf.numDocs != zs.NumDocs() {
		f.Close()
		return nil
	}
	return sf
}

// newStoredFile reads f's footer; fields are the segment's field names by
// number.
func newStoredFile(f *os.File, fields []string) (*storedFile, error) {
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := st.Size()
	if size < zapFooterSize {
		return nil, errors.New("zap file shorter than its footer")
	}
	var foot [zapFooterSize]byte
	if _, err := f.ReadAt(foot[:], size-zapFooterSize); err != nil {
		return nil, err
	}
	be := binary.BigEndian
	if v := be.Uint32(foot[zapFooterSize-8:]); v != zapx.Version {
		return nil, fmt.Errorf("zap version %d", v)
	}
	if idLen := be.Uint32(foot[0:4]); idLen != 0 {
		return nil, errors.New("zap file written through a file callback")
	}
	sf := &storedFile{
		f: f, fields: fields,
		numDocs:     be.Uint64(foot[4:12]),
		storedIndex: be.Uint64(foot[12:20]),
		end:         uint64(size) - zapFooterSize,
	}
	if sf.storedIndex > sf.end || sf.numDocs > (sf.end-sf.storedIndex)/8 {
		return nil, errors.New("zap stored index out of the file")
	}
	return sf, nil
}

func (sf *storedFile) close() {
	if sf != nil {
		sf.f.Close()
	}
}

var errBadStored = errors.New("stored fields are malformed")

// storedBufs holds the buffers storedFile.visit reads and decompresses a
// document's stored fields into, reused from one document to the next.
type storedBufs struct {
	rec, vals []byte
	// text holds the marked pages' texts of one search's hits (keep).
	text []byte
}

// keep returns val as a string held in b.text, valid until b is reused:
// one search's pages share a buffer instead of each taking its own.
func (b *storedBufs) keep(val []byte) string {
	if len(val) == 0 {
		return ""
	}
	if cap(b.text)-len(b.text) < len(val) {
		// The strings kept so far hold on to the old buffer.
		b.text = make([]byte, 0, max(2*cap(b.text), len(val), 64<<10))
	}
	at := len(b.text)
	b.text = append(b.text, val...)
	return unsafe.String(&b.text[at], len(val))
}

// storedBufsPool keeps storedBufs from one search to the next.
var storedBufsPool = sync.Pool{New: func() any { return new(storedBufs) }}

// grow returns (*b)[:n], growing *b first if it is shorter, its bytes
// kept.
func grow(b *[]byte, n uint64) []byte {
	if uint64(cap(*b)) < n {
		nb := make([]byte, n)
		copy(nb, *b)
		*b = nb
	}
	*b = (*b)[:n]
	return *b
}

// visit calls fn with each stored field of document num but _id, as
// bleve's VisitDocument does, until fn returns false. Values are valid
// during the call only.
func (sf *storedFile) visit(num uint64, buf *storedBufs, fn func(name string, typ byte, val []byte, pos []uint64) bool) error {
	if num >= sf.numDocs {
		return nil
	}
	off, err := sf.recordAt(num)
	if err != nil {
		return err
	}
	if off >= sf.end {
		return errBadStored
	}
	rec := grow(&buf.rec, min(storedReadAhead, sf.end-off))
	if _, err := sf.f.ReadAt(rec, int64(off)); err != nil {
		return fmt.Errorf("read stored fields: %w", err)
	}
	metaLen, n1 := binary.Uvarint(rec)
	if n1 <= 0 {
		return errBadStored
	}
	dataLen, n2 := binary.Uvarint(rec[n1:])
	if n2 <= 0 {
		return errBadStored
	}
	head := uint64(n1 + n2)
	total := head + metaLen + dataLen
	if metaLen > sf.end || dataLen > sf.end || total > sf.end-off {
		return errBadStored
	}
	if total > uint64(len(rec)) {
		read := len(rec)
		rec = grow(&buf.rec, total)
		if _, err := sf.f.ReadAt(rec[read:], int64(off)+int64(read)); err != nil {
			return fmt.Errorf("read stored fields: %w", err)
		}
	}
	meta := rec[head : head+metaLen]
	data := rec[head+metaLen : total]
	r := hitReader{b: meta} // uvarints, remembering a malformed one
	idLen := r.num()
	if r.err != nil || idLen > uint64(len(data)) {
		return errBadStored
	}
	vals, err := snappy.Decode(buf.vals[:cap(buf.vals)], data[idLen:])
	if err != nil {
		return fmt.Errorf("decompress stored fields: %w", err)
	}
	buf.vals = vals
	var pos []uint64
	for len(r.b) > 0 {
		field, typ, o, l, na := r.num(), r.num(), r.num(), r.num(), r.num()
		if r.err != nil || field >= uint64(len(sf.fields)) || o > uint64(len(vals)) || l > uint64(len(vals))-o || na > uint64(len(r.b)) {
			return errBadStored
		}
		pos = pos[:0]
		for range na {
			pos = append(pos, r.num())
		}
		if r.err != nil {
			return errBadStored
		}
		var ap []uint64
		if na > 0 {
			ap = pos
		}
		if !fn(sf.fields[field], byte(typ), vals[o:o+l], ap) {
			return nil
		}
	}
	return nil
}
