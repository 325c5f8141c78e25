package bleve

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// TestOpenRefusesOtherMappingVersion checks that an index built by another
// mapping is refused with a message that says what to do.
func TestOpenRefusesOtherMappingVersion(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index")
	idx, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := idx.idx.SetInternal([]byte(versionKey), []byte("0")); err != nil {
		t.Fatal(err)
	}
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}
	_, err = Open(path)
	if !errors.Is(err, ErrVersion) {
		t.Fatalf("err = %v, want ErrVersion", err)
	}
	if !strings.Contains(err.Error(), "faro index --rebuild") || !strings.Contains(err.Error(), "version 0") {
		t.Fatalf("message does not say what to do: %v", err)
	}
}
