//go:build linux

package bleve

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// mappedResident returns how many bytes of the files mapped under dir are
// resident in the process (the Rss of their mappings in smaps).
func mappedResident(dir string) int64 {
	var total int64
	residentMappings(dir, func(_ string, n int64) { total += n })
	return total
}

// residentMappings calls fn with the file and the resident bytes of each
// mapping of a file under dir, as smaps lists them.
func residentMappings(dir string, fn func(file string, resident int64)) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return
	}
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		return
	}
	defer f.Close()
	file := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		switch {
		case len(fields) == 0:
		case strings.Contains(fields[0], "-") && !strings.HasSuffix(fields[0], ":"):
			// A mapping's header: start-end perms offset dev inode [path]
			file = ""
			if len(fields) >= 6 && strings.HasPrefix(fields[5], abs+string(filepath.Separator)) {
				file = fields[5]
			}
		case file != "" && fields[0] == "Rss:" && len(fields) >= 2:
			kb, _ := strconv.ParseInt(fields[1], 10, 64)
			fn(file, kb<<10)
		}
	}
}

// fileResident returns how many bytes of files mapped by the process are
// resident (RssFile of /proc/self/status: a counter, cheap to read), or 0
// when it cannot be read.
func fileResident() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(b)) {
		if rest, ok := strings.CutPrefix(line, "RssFile:"); ok {
			f := strings.Fields(rest)
			if len(f) == 0 {
				return 0
			}
			kb, _ := strconv.ParseInt(f[0], 10, 64)
			return kb << 10
		}
	}
	return 0
}

// releaseMapped drops the pages of the index files mapped under dir from
// the process's resident set. Building a text table reads every postings
// list once, which leaves the whole mapped index resident; afterwards only
// stored documents and the term vectors of shown hits are read, and those
// pages come back from the page cache on demand. The mappings are shared
// and read-only, so nothing is lost.
func releaseMapped(dir string) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return
	}
	prefix := abs + string(filepath.Separator)
	releaseMappings(func(path string) bool { return strings.HasPrefix(path, prefix) })
}

// releaseMappedFiles drops the pages of the named files' mappings from the
// process's resident set: the segments whose tables were just built, whose
// every postings list was read once, leaving the pages of the others,
// which searches read, in place.
func releaseMappedFiles(paths []string) {
	if len(paths) == 0 {
		return
	}
	want := make(map[string]bool, len(paths))
	for _, p := range paths {
		if abs, err := filepath.Abs(p); err == nil {
			want[abs] = true
		}
	}
	releaseMappings(func(path string) bool { return want[path] })
}

// releaseMappings drops the pages of the read-only mappings of the files
// for which match is true.
func releaseMappings(match func(path string) bool) {
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		return
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		// start-end perms offset dev inode path
		fields := strings.Fields(sc.Text())
		if len(fields) < 6 || strings.Contains(fields[1], "w") || !match(fields[5]) {
			continue
		}
		lo, hi, ok := strings.Cut(fields[0], "-")
		if !ok {
			continue
		}
		start, err1 := strconv.ParseUint(lo, 16, 64)
		end, err2 := strconv.ParseUint(hi, 16, 64)
		if err1 != nil || err2 != nil || end <= start {
			continue
		}
		syscall.Syscall(syscall.SYS_MADVISE, uintptr(start), uintptr(end-start), syscall.MADV_DONTNEED)
	}
}
