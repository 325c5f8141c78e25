package texttable

import "unsafe"

// moveOffHeap moves the field's postings, positions, lengths and skips
// off the Go heap: they hold no pointers, and on the heap they would let
// the garbage of every search grow by as much before a collection.
func (f *field) moveOffHeap() {
	var a, b, c, d func()
	f.data, a = offHeap(f.data)
	f.pos, b = offHeap(f.pos)
	f.length, c = offHeapSlice(f.length)
	f.skips, d = offHeapSlice(f.skips)
	f.frees = []func(){a, b, c, d}
}

// free unmaps what moveOffHeap and typos mapped.
func (f *field) free() {
	for _, fn := range f.frees {
		fn()
	}
	if f.typo.free != nil {
		f.typo.free()
	}
}

// freeFields frees a segment's fields once the segment is unreachable.
func freeFields(fields map[string]*field) {
	for _, f := range fields {
		f.free()
	}
}

// offHeapSlice copies s (of a type holding no pointers) off the Go heap,
// as offHeap does for bytes.
func offHeapSlice[T any](s []T) ([]T, func()) {
	if len(s) == 0 {
		return s, func() {}
	}
	var zero T
	size := int(unsafe.Sizeof(zero))
	b, free := offHeap(unsafe.Slice((*byte)(unsafe.Pointer(&s[0])), len(s)*size))
	if &b[0] == (*byte)(unsafe.Pointer(&s[0])) {
		return s, free // stayed on the heap
	}
	return unsafe.Slice((*T)(unsafe.Pointer(&b[0])), len(s)), free
}
