package bleve

import "unsafe"

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
