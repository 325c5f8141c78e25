//go:build !unix

package texttable

import (
	"os"
	"sync/atomic"
)

// spilled counts the bytes spill holds mapped from files: none here.
var spilled atomic.Int64

// spill keeps nothing in files where file mappings are not at hand.
func spill(dir string, b []byte, keep bool) ([]byte, *os.File, func(), error) {
	return nil, nil, nil, errNoSpill
}
