//go:build unix

package texttable

import (
	"fmt"
	"os"
	"sync/atomic"
	"syscall"
)

// spilled counts the bytes spill holds mapped from files.
var spilled atomic.Int64

// spillFilePattern names the files spill writes; each is removed as soon
// as it is open, so none outlives the process.
const spillFilePattern = ".texttable-*"

// spill copies b into a file of its own in dir and maps the file
// read-only, with a func that unmaps it; with keep, the file is returned
// open too, for reads with pread (which map nothing into the process),
// and closed by the func. The file is removed once open:
// its blocks are freed with the mapping. Pages read through the mapping
// are the kernel's page cache, which it reclaims under pressure, rather
// than memory of the process's own. It reports false, and changes
// nothing, when dir is empty, b is under a page, or the file cannot be
// written (a full disk, a read-only directory): b then stays where it is.
func spill(dir string, b []byte, keep bool) (m []byte, file *os.File, free func(), err error) {
	if dir == "" || len(b) < syscall.Getpagesize() {
		return nil, nil, nil, errNoSpill
	}
	f, err := os.CreateTemp(dir, spillFilePattern)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("spill: %w", err)
	}
	defer func() {
		if file == nil {
			f.Close()
		}
	}()
	if err := os.Remove(f.Name()); err != nil {
		return nil, nil, nil, fmt.Errorf("spill: %w", err)
	}
	if _, err := f.Write(b); err != nil {
		return nil, nil, nil, fmt.Errorf("spill: %w", err)
	}
	m, err = syscall.Mmap(int(f.Fd()), 0, len(b), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("spill: map: %w", err)
	}
	if keep {
		file = f
	}
	n := int64(len(b))
	spilled.Add(n)
	return m, file, func() {
		if syscall.Munmap(m) == nil {
			spilled.Add(-n)
		}
		if file != nil {
			file.Close()
		}
	}, nil
}
