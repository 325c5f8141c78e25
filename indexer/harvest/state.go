package harvest

import (
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"

	"faro/format"
	"faro/indexer"
)

// stateFile keeps, in the harvest folder, what the last runs learnt of
// each document; hidden, so the indexer never reads it as a document.
const stateFile = ".harvest-state.json"

// lockFile is held (flock) by the run harvesting into the folder.
const lockFile = ".harvest.lock"

// ErrRunning reports a harvest into a corpus another run harvests into.
var ErrRunning = errors.New("another harvest runs into this corpus")

// lockRun takes the lock of the harvest folder, so two runs never write
// one state; the kernel releases it when the process ends.
func lockRun(path string) (func(), error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("harvest lock: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("harvest %s: %w", filepath.Dir(path), ErrRunning)
		}
		return nil, fmt.Errorf("harvest lock: %w", err)
	}
	return func() { f.Close() }, nil
}

// state is what the harvester remembers between runs.
type state struct {
	// Documents by the URL the listing links.
	Documents map[string]*docState `json:"documents"`
}

// docState is one harvested document.
type docState struct {
	// Path is the document's corpus-relative path (slashes).
	Path string `json:"path"`
	// ETag and LastModified are the validators of its last download.
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	// SHA256 and Size describe the body stored at Path.
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
	// Missing counts the complete runs in a row that found no listing
	// linking it; at two it is gone.
	Missing int `json:"missing,omitempty"`
}

func loadState(file string) (*state, error) {
	st := &state{Documents: map[string]*docState{}}
	data, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		return st, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read harvest state: %w", err)
	}
	if err := json.Unmarshal(data, st); err != nil {
		return nil, fmt.Errorf("parse harvest state %s: %w", file, err)
	}
	if st.Documents == nil {
		st.Documents = map[string]*docState{}
	}
	return st, nil
}

func (st *state) save(file string) error {
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return fmt.Errorf("encode harvest state: %w", err)
	}
	return writeFileAtomic(file, data)
}

// writeFileAtomic writes data to a temporary file beside file and renames
// it into place.
func writeFileAtomic(file string, data []byte) error {
	tmp := file + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", file, err)
	}
	if err := os.Rename(tmp, file); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", file, err)
	}
	return nil
}

// docPath is where the document at u, of format f, is stored:
// SUB/HOST/PATH with each path segment made safe (no dot first, at most
// 100 bytes), a short hash of the query when there is one, and an
// extension of its format.
func docPath(sub string, u *url.URL, f format.Format) string {
	host := strings.NewReplacer(":", "_", "[", "", "]", "").Replace(strings.ToLower(u.Host))
	p := u.Path
	if un, err := url.PathUnescape(p); err == nil {
		p = un
	}
	var segs []string
	for _, s := range strings.Split(path.Clean("/"+p), "/") {
		if s == "" || s == "." || s == ".." {
			continue
		}
		s = strings.Map(func(r rune) rune {
			if r < 32 || r == '\\' || r == 0x7f {
				return '_'
			}
			return r
		}, s)
		if strings.HasPrefix(s, ".") {
			s = "_" + s[1:]
		}
		if len(s) > 100 {
			s = truncate(s, 100)
		}
		segs = append(segs, s)
	}
	if len(segs) == 0 {
		segs = []string{"index"}
	}
	name := segs[len(segs)-1]
	ext := format.Ext(name)
	base := strings.TrimSuffix(name, path.Ext(name))
	if got, ok := format.ByExt(ext); !ok || got.Name != f.Name {
		base, ext = name, f.Exts[0]
	}
	if u.RawQuery != "" {
		base += "-" + shortHash(u.RawQuery)
	}
	segs[len(segs)-1] = base + ext
	return path.Join(append([]string{sub, host}, segs...)...)
}

// shortHash is six hex digits of s's SHA-1.
func shortHash(s string) string {
	sum := sha1.Sum([]byte(s))
	return hex.EncodeToString(sum[:3])
}

// truncate cuts s to at most n bytes on a rune boundary.
func truncate(s string, n int) string {
	for n > 0 && n < len(s) && !isRuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// sidecarOf is the sidecar path of a corpus file.
func sidecarOf(file string) string { return file + ".meta.json" }

// sidecarBytes encodes a harvested document's sidecar.
func sidecarBytes(s *indexer.Sidecar) ([]byte, error) {
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode sidecar: %w", err)
	}
	return append(data, '\n'), nil
}

// moveInto renames from to to, creating to's folder.
func moveInto(from, to string) error {
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return fmt.Errorf("create %s: %w", filepath.Dir(to), err)
	}
	if err := os.Rename(from, to); err != nil {
		return fmt.Errorf("store %s: %w", to, err)
	}
	return nil
}
