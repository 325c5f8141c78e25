//go:build unix

package texttable

import (
	"sync/atomic"
	"syscall"
)

// mapped counts the bytes offHeapZero holds mapped.
var mapped atomic.Int64

// offHeapZero returns n zero bytes mapped outside the Go heap, with a func
// that unmaps them; on the heap when they cannot be mapped or take less
// than a page (a mapping takes whole pages: an upload's segment of one
// document would map a page for each of its fields' few bytes).
func offHeapZero(n int) ([]byte, func()) {
	if n < syscall.Getpagesize() {
		return make([]byte, n), func() {}
	}
	m, err := syscall.Mmap(-1, 0, n, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return make([]byte, n), func() {}
	}
	mapped.Add(int64(n))
	return m, func() {
		if syscall.Munmap(m) == nil {
			mapped.Add(-int64(n))
		}
	}
}
