package pdftext

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/ledongthuc/pdf"
)

// Pre-checks: the library refuses some headers and loops or allocates
// without bound on some inputs; these run before it sees the file.

var (
	reStartXref = regexp.MustCompile(`startxref\s+(\d+)`)
	rePrev      = regexp.MustCompile(`/Prev\s+(\d+)`)
	reSize      = regexp.MustCompile(`/Size\s+(\d+)`)
	reIndex     = regexp.MustCompile(`/Index\s*\[([\d\s]*)\]`)
	reSubsect   = regexp.MustCompile(`(?m)^[ \t]*(\d+)[ \t]+(\d+)[ \t]*\r?$`)
	reEncrypt   = regexp.MustCompile(`/Encrypt\s*(\d+\s+\d+\s+R|<<)`)
)

// normaliseHeader returns data with a header the library accepts
// ("%PDF-1.x" then an end of line at offset 0): PDF 2.0 and headers
// followed by other bytes on their line are rewritten as "%PDF-1.7\n" (same
// length, so offsets stay valid); junk before the header is overwritten by
// a fresh header line. data is copied only when it must change.
func normaliseHeader(data []byte, start int) []byte {
	const good = "%PDF-1.7\n"
	ok := len(data) >= 9 && start == 0 && bytes.HasPrefix(data, []byte("%PDF-1.")) &&
		data[7] >= '0' && data[7] <= '7' && (data[8] == '\r' || data[8] == '\n')
	if ok || len(data) < 9 {
		return data
	}
	out := make([]byte, len(data))
	copy(out, data)
	copy(out, good)
	for i := len(good); i < start; i++ {
		out[i] = ' '
	}
	return out
}

// checkXref guards the library against inputs on which it would loop
// forever or allocate without bound: a /Prev chain of cross-reference
// sections that loops, and object counts (/Size, /Index, xref subsection
// headers) far beyond what the file can hold.
func checkXref(data []byte) error {
	limit := int64(len(data))
	if limit < 1<<17 {
		limit = 1 << 17
	}
	if limit > 1<<23 {
		limit = 1 << 23
	}
	for _, m := range reSize.FindAllSubmatch(data, -1) {
		if n, err := strconv.ParseInt(string(m[1]), 10, 64); err != nil || n > limit {
			return fmt.Errorf("%w: implausible object count /Size %s", ErrMalformed, m[1])
		}
	}
	for _, m := range reIndex.FindAllSubmatch(data, -1) {
		f := strings.Fields(string(m[1]))
		for i := 0; i+1 < len(f); i += 2 {
			a, err1 := strconv.ParseInt(f[i], 10, 64)
			b, err2 := strconv.ParseInt(f[i+1], 10, 64)
			if err1 != nil || err2 != nil || a+b > limit {
				return fmt.Errorf("%w: implausible xref /Index %s %s", ErrMalformed, f[i], f[i+1])
			}
		}
	}
	tail := data[max(0, len(data)-1024):]
	ms := reStartXref.FindAllSubmatch(tail, -1)
	if ms == nil {
		return nil // the library reports it
	}
	off, err := strconv.ParseInt(string(ms[len(ms)-1][1]), 10, 64)
	if err != nil {
		return nil
	}
	seen := map[int64]bool{}
	for steps := 0; off > 0 && off < int64(len(data)); steps++ {
		if seen[off] || steps > 1000 {
			return fmt.Errorf("%w: cross-reference sections form a loop (/Prev)", ErrMalformed)
		}
		seen[off] = true
		region := data[off:]
		cut := len(region)
		for _, kw := range []string{"startxref", "stream"} {
			if i := bytes.Index(region, []byte(kw)); i >= 0 && i < cut {
				cut = i
			}
		}
		region = region[:cut]
		if bytes.HasPrefix(bytes.TrimLeft(region, " \t\r\n\f\x00"), []byte("xref")) {
			table := region
			if i := bytes.Index(table, []byte("trailer")); i >= 0 {
				table = table[:i]
			}
			for _, m := range reSubsect.FindAllSubmatch(table, -1) {
				a, err1 := strconv.ParseInt(string(m[1]), 10, 64)
				b, err2 := strconv.ParseInt(string(m[2]), 10, 64)
				if err1 != nil || err2 != nil || a+b > limit {
					return fmt.Errorf("%w: implausible xref subsection %s %s", ErrMalformed, m[1], m[2])
				}
			}
		}
		m := rePrev.FindSubmatch(region)
		if m == nil {
			return nil
		}
		if off, err = strconv.ParseInt(string(m[1]), 10, 64); err != nil {
			return nil
		}
	}
	return nil
}

// newReader opens data with the library, recovering its panics.
func newReader(data []byte) (r *pdf.Reader, err error) {
	defer func() {
		if x := recover(); x != nil {
			r, err = nil, fmt.Errorf("%w: %v", ErrMalformed, x)
		}
	}()
	return pdf.NewReader(bytes.NewReader(data), int64(len(data)))
}

// hasCatalog reports whether the library found a document catalog.
func hasCatalog(r *pdf.Reader) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return r.Trailer().Key("Root").Kind() == pdf.Dict
}

// isEncryptionError reports whether a failure to open comes from
// encryption (the library decrypts RC4 and AES-128 with an empty user
// password only).
func isEncryptionError(err error, data []byte) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, pdf.ErrInvalidPassword) || strings.Contains(strings.ToLower(err.Error()), "encrypt") {
		return true
	}
	return reEncrypt.Match(data)
}

var reKidRefs = regexp.MustCompile(`^\[(?:\d+ \d+ R(?: \d+ \d+ R)*)?\]$`)
var reRef = regexp.MustCompile(`\d+ \d+ R`)

// Limits of the page-tree walk.
const (
	maxPages     = 20000
	maxTreeNodes = 200000
	maxTreeDepth = 64
	maxParents   = 64
)

// collectPages walks the page tree itself (Reader.Page is quadratic and
// loops forever on a cyclic tree), detecting cycles through the object
// references of /Kids. It returns the page dictionaries in order, whether
// the walk was cut short (limits or cycles), and the page count the root
// declares.
func collectPages(r *pdf.Reader) (pages []pdf.Value, truncated bool, declared int) {
	defer func() {
		if recover() != nil {
			truncated = true
		}
	}()
	root := r.Trailer().Key("Root").Key("Pages")
	declared = int(root.Key("Count").Int64())
	if root.Kind() != pdf.Dict {
		return nil, false, declared
	}
	visited := map[string]bool{}
	nodes := 0
	var walk func(node pdf.Value, depth int)
	walk = func(node pdf.Value, depth int) {
		if truncated {
			return
		}
		nodes++
		if nodes > maxTreeNodes || len(pages) >= maxPages {
			truncated = true
			return
		}
		kids := node.Key("Kids")
		typ := node.Key("Type").Name()
		if typ == "Page" || (typ != "Pages" && kids.Kind() != pdf.Array) {
			pages = append(pages, node)
			return
		}
		if depth >= maxTreeDepth {
			truncated = true
			return
		}
		var refs []string
		if s := kids.String(); reKidRefs.MatchString(s) {
			refs = reRef.FindAllString(s, -1)
		}
		for i := 0; i < kids.Len(); i++ {
			if refs != nil && i < len(refs) {
				if visited[refs[i]] {
					truncated = true // a cycle or a page listed twice
					continue
				}
				visited[refs[i]] = true
			}
			kid := kids.Index(i)
			if kid.Kind() != pdf.Dict {
				continue
			}
			walk(kid, depth+1)
		}
	}
	walk(root, 0)
	return pages, truncated, declared
}

// inherited looks up a page attribute, following /Parent a bounded number
// of times (the library's own lookup has no bound).
func inherited(page pdf.Value, key string) pdf.Value {
	v := page
	for i := 0; i < maxParents && !v.IsNull(); i++ {
		if x := v.Key(key); !x.IsNull() {
			return x
		}
		v = v.Key("Parent")
	}
	return pdf.Value{}
}
