//go:build unix

package texttable

import (
	"sync/atomic"
	"syscall"
)

// mapped counts the bytes offHeap holds mapped.
var mapped atomic.Int64

// offHeap copies b into memory mapped outside the Go heap and returns the
// copy, with a func that unmaps it.
func offHeap(b []byte) ([]byte, func()) {
	if len(b) == 0 {
		return b, func() {}
	}
	m, err := syscall.Mmap(-1, 0, len(b), syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return b, func() {}
	}
	copy(m, b)
	mapped.Add(int64(len(m)))
	return m, func() {
		if syscall.Munmap(m) == nil {
			mapped.Add(-int64(len(m)))
		}
	}
}
