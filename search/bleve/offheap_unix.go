//go:build unix

package bleve

import "syscall"

// offHeap copies b into memory mapped outside the Go heap and returns the
// copy, with a func that unmaps it. The text table's postings (some
// 150 MB at 100k documents) live there: they hold no pointers, and on the
// heap they would double the collector's target, so the garbage of every
// search would be let grow by as much before a collection.
func offHeap(b []byte) ([]byte, func()) {
	if len(b) == 0 {
		return b, func() {}
	}
	m, err := syscall.Mmap(-1, 0, len(b), syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return b, func() {}
	}
	copy(m, b)
	return m, func() { syscall.Munmap(m) }
}
