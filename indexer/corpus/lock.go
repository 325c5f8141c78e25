package corpus

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// ErrLocked reports an index another faro process writes.
var ErrLocked = errors.New("index locked by another faro process")

// lockPoll is how often a waiting LockIndex tries again.
const lockPoll = 100 * time.Millisecond

// Lock is a process's exclusive hold on an index folder: one writer per
// index (a server, or `faro index`), so that no rebuild is swapped in
// under a live server and no two runs write one index. It is an advisory
// lock (flock) on a file beside the folder, which a rebuild replaces; the
// kernel releases it when the process ends, however it ends.
type Lock struct {
	f *os.File
}

// holder is what the lock file says of the process holding it.
type holder struct {
	PID     int    `json:"pid"`
	Command string `json:"command"`
	Since   string `json:"since"`
}

// LockPath is the lock file of the index folder dir.
func LockPath(dir string) string { return filepath.Clean(dir) + ".lock" }

// LockIndex takes the lock of the index folder dir for command (e.g.
// "faro serve"), waiting up to wait while another process holds it; ctx
// ending (SIGTERM) stops the wait. The error wraps ErrLocked and names the
// holder.
func LockIndex(ctx context.Context, dir string, wait time.Duration, command string) (*Lock, error) {
	if err := os.MkdirAll(filepath.Dir(filepath.Clean(dir)), 0o755); err != nil {
		return nil, fmt.Errorf("lock index %q: %w", dir, err)
	}
	path := LockPath(dir)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock index %q: %w", dir, err)
	}
	deadline := time.Now().Add(wait)
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			break
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			f.Close()
			return nil, fmt.Errorf("lock index %q: %w", dir, err)
		}
		if !time.Now().Before(deadline) || ctx.Err() != nil {
			f.Close()
			return nil, lockedError(dir, path, wait, ctx.Err())
		}
		select {
		case <-ctx.Done():
		case <-time.After(min(lockPoll, time.Until(deadline))):
		}
	}
	h, _ := json.Marshal(holder{PID: os.Getpid(), Command: command, Since: time.Now().UTC().Format(time.RFC3339)})
	if err := f.Truncate(0); err == nil {
		f.WriteAt(append(h, '\n'), 0)
	}
	return &Lock{f: f}, nil
}

// lockedError says who holds the lock at path and what to do.
func lockedError(dir, path string, waited time.Duration, stopped error) error {
	who := "another faro process"
	if b, err := os.ReadFile(path); err == nil {
		var h holder
		if json.Unmarshal(b, &h) == nil && h.PID > 0 {
			who = fmt.Sprintf("%s (pid %d, since %s)", h.Command, h.PID, h.Since)
		}
	}
	how := "at once"
	if stopped != nil {
		how = "until stopped"
	} else if waited > 0 {
		how = "after waiting " + waited.String()
	}
	return fmt.Errorf("index %q is in use by %s, gave up %s: one process writes an index at a time; "+
		"stop it first, or have the server reindex: faro index --via http://HOST:PORT with its admin token in FARO_ADMIN_TOKEN: %w", dir, who, how, ErrLocked)
}

// Unlock releases the lock.
func (l *Lock) Unlock() error {
	if l == nil || l.f == nil {
		return nil
	}
	err := l.f.Close() // closing the file releases the flock
	l.f = nil
	return err
}
