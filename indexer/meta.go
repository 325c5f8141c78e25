package indexer

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Sidecar is the explicit metadata a NAME.meta.json file beside a document
// may give (NAME is the file's full name, e.g. "report.pdf.meta.json", or
// its name without extension, "report.meta.json"). What it gives beats what
// is inferred.
type Sidecar struct {
	Title      string   `json:"title"`
	Summary    string   `json:"summary"`
	Year       int      `json:"year"`
	Date       string   `json:"date"`
	Type       string   `json:"type"`
	Countries  []string `json:"countries"`
	Themes     []string `json:"themes"`
	GCM        []int    `json:"gcm"`
	Principles []string `json:"principles"`
	Lang       string   `json:"lang"`
	SourceURL  string   `json:"source_url"`
	Author     string   `json:"author"`
}

// readSidecar finds and parses the sidecar of the file at path; it returns
// nil when there is none.
func readSidecar(path string) (*Sidecar, error) {
	ext := filepath.Ext(path)
	for _, cand := range []string{path + sidecarSuffix, strings.TrimSuffix(path, ext) + sidecarSuffix} {
		data, err := os.ReadFile(cand)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("read sidecar %s: %w", cand, err)
		}
		var s Sidecar
		dec := json.NewDecoder(strings.NewReader(string(data)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&s); err != nil {
			return nil, fmt.Errorf("parse sidecar %s: %w", cand, err)
		}
		return &s, nil
	}
	return nil, nil
}
