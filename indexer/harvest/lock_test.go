package harvest

import (
	"errors"
	"path/filepath"
	"testing"
)

func TestLockRun(t *testing.T) {
	path := filepath.Join(t.TempDir(), lockFile)
	unlock, err := lockRun(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lockRun(path); !errors.Is(err, ErrRunning) {
		t.Errorf("second run: %v, want ErrRunning", err)
	}
	unlock()
	unlock2, err := lockRun(path)
	if err != nil {
		t.Errorf("after the first run: %v", err)
	} else {
		unlock2()
	}
}
