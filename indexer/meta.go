package indexer

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"faro/search"
)

// Sidecar is the explicit metadata a NAME.meta.json file beside a document
// may give (NAME is the file's full name, e.g. "report.pdf.meta.json", or
// its name without extension, "report.meta.json").
type Sidecar = search.Metadata

// errSidecar marks a sidecar that cannot be read or parsed.
var errSidecar = errors.New("bad sidecar")

// readSidecar finds and parses the sidecar of the file at path, returning
// it with its raw bytes; nil when there is none.
func readSidecar(path string) (*Sidecar, []byte, error) { return readSidecarIn(path, nil) }

// readSidecarIn is readSidecar where known, when not nil, lists the
// sidecars that exist (walk's cleaned paths): a document without one, the
// common case, then costs no failed opens.
func readSidecarIn(path string, known map[string]bool) (*Sidecar, []byte, error) {
	ext := filepath.Ext(path)
	for _, cand := range []string{path + sidecarSuffix, strings.TrimSuffix(path, ext) + sidecarSuffix} {
		if known != nil && !known[filepath.Clean(cand)] {
			continue
		}
		data, err := os.ReadFile(cand)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, nil, fmt.Errorf("read sidecar %s: %w: %w", cand, errSidecar, err)
		}
		var s Sidecar
		dec := json.NewDecoder(strings.NewReader(string(data)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&s); err != nil {
			return nil, nil, fmt.Errorf("parse sidecar %s: %w: %w", cand, errSidecar, err)
		}
		return &s, data, nil
	}
	return nil, nil, nil
}
