package texttable

import (
	"errors"
	"unsafe"
)

// moveOffHeap moves the field's postings, positions, lengths and skips
// off the Go heap: they hold no pointers, and on the heap they would let
// the garbage of every search grow by as much before a collection. The
// positions, read only for phrases and the marks of shown hits, go to a
// file in dir when it is set (spill): phrases read them through its
// mapping, the marks of shown hits with pread (field.readPositions).
func (f *field) moveOffHeap(dir string) {
	var a, b, c, d, e func()
	f.data, a = offHeap(f.data)
	if m, file, free, err := spill(dir, f.pos, true); err == nil {
		f.pos, f.posFile, b = m, file, free
	} else {
		f.pos, b = offHeap(f.pos)
	}
	f.length, c = offHeapSlice(f.length)
	f.skips, d = offHeapSlice(f.skips)
	f.terms, e = offHeapSlice(f.terms)
	f.frees = []func(){a, b, c, d, e}
}

// free unmaps what moveOffHeap and buildTypos mapped.
func (f *field) free() {
	for _, fn := range f.frees {
		fn()
	}
}

// freeFields frees a segment's fields once the segment is unreachable.
func freeFields(fields map[string]*field) {
	for _, f := range fields {
		f.free()
	}
}

// errNoSpill says spill keeps nothing in a file: no directory, too little
// to be worth a file's pages, or no file mappings on the platform.
var errNoSpill = errors.New("spill: not spilled")

// offHeap copies b off the Go heap, with a func that unmaps the copy.
func offHeap(b []byte) ([]byte, func()) {
	if len(b) == 0 {
		return b, func() {}
	}
	m, free := offHeapZero(len(b))
	copy(m, b)
	return m, free
}

// offHeapMake returns a slice of n zero Ts (a type holding no pointers)
// mapped off the heap, with a func that unmaps it.
func offHeapMake[T any](n int) ([]T, func()) {
	if n == 0 {
		return nil, func() {}
	}
	var zero T
	size := int(unsafe.Sizeof(zero))
	b, free := offHeapZero(n * size)
	return unsafe.Slice((*T)(unsafe.Pointer(&b[0])), n), free
}

// offHeapSlice copies s (of a type holding no pointers) off the Go heap,
// as offHeap does for bytes.
func offHeapSlice[T any](s []T) ([]T, func()) {
	m, free := offHeapMake[T](len(s))
	copy(m, s)
	return m, free
}
