//go:build !unix

package texttable

import "sync/atomic"

// mapped counts the bytes offHeapZero holds mapped: none here.
var mapped atomic.Int64

// offHeapZero returns n zero bytes, on the heap where anonymous mappings
// are not at hand.
func offHeapZero(n int) ([]byte, func()) { return make([]byte, n), func() {} }
