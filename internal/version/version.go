// Package version says which build of Faro is running: the module version,
// the commit and its date, and whether the tree had local changes, read
// from the Go build information the toolchain stamps into every binary.
//
// Builds without VCS stamping (-buildvcs=false, a source tree without .git,
// as in some container builds) can set them at link time:
//
//	go build -ldflags "-X faro/internal/version.version=v1.2.0 \
//	  -X faro/internal/version.revision=$(git rev-parse HEAD) \
//	  -X faro/internal/version.date=$(git log -1 --format=%cI)" ./cmd/faro
//
// The command (faro version, faro --version), /healthz, /metrics
// (faro_build_info) and the OpenAPI document's info.version all read Get.
package version

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
)

// Set at link time with -ldflags -X when the build info lacks them.
var (
	version  string
	revision string
	date     string
)

// Info describes a build.
type Info struct {
	// Module is the main module's path ("faro").
	Module string `json:"module"`
	// Version is the module version: a tag (v1.2.0), a pseudo-version, or
	// "devel" for a build from a working tree without one.
	Version string `json:"version"`
	// Revision is the commit the binary was built from, "" when unknown.
	Revision string `json:"revision,omitempty"`
	// Date is the commit's time (RFC 3339), "" when unknown.
	Date string `json:"date,omitempty"`
	// Modified is set when the working tree had uncommitted changes.
	Modified bool `json:"modified,omitempty"`
	// Go is the toolchain that built the binary.
	Go string `json:"go"`
}

// Get returns the running binary's build information (computed once).
var Get = sync.OnceValue(func() Info {
	bi, _ := debug.ReadBuildInfo()
	return fromBuildInfo(bi, version, revision, date)
})

// fromBuildInfo reads an Info from bi (nil when the binary has none), with
// the link-time values taking precedence when set.
func fromBuildInfo(bi *debug.BuildInfo, ldVersion, ldRevision, ldDate string) Info {
	info := Info{Module: "faro", Version: "devel", Go: runtime.Version()}
	if bi != nil {
		if bi.Main.Path != "" {
			info.Module = bi.Main.Path
		}
		if v := bi.Main.Version; v != "" && v != "(devel)" {
			info.Version = v
		}
		if bi.GoVersion != "" {
			info.Go = bi.GoVersion
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				info.Revision = s.Value
			case "vcs.time":
				info.Date = s.Value
			case "vcs.modified":
				info.Modified = s.Value == "true"
			}
		}
	}
	if ldVersion != "" {
		info.Version = ldVersion
	}
	if ldRevision != "" {
		info.Revision = ldRevision
	}
	if ldDate != "" {
		info.Date = ldDate
	}
	return info
}

// Short is the version with the commit's first 12 characters and a
// "+dirty" mark for a modified tree: "v1.2.0", "devel (3f2a9c1d0b7e)",
// "devel (3f2a9c1d0b7e+dirty)".
func (i Info) Short() string {
	if i.Revision == "" {
		return i.Version
	}
	rev := i.Revision[:min(len(i.Revision), 12)]
	if strings.Contains(i.Version, rev) {
		return i.Version // a pseudo-version names the commit (and +dirty)
	}
	if i.Modified {
		rev += "+dirty"
	}
	return i.Version + " (" + rev + ")"
}

// String is what faro version prints: one line per fact.
func (i Info) String() string {
	unknown := func(s string) string {
		if s == "" {
			return "unknown (built without VCS information)"
		}
		return s
	}
	rev := unknown(i.Revision)
	if i.Modified {
		rev += " (modified)"
	}
	return fmt.Sprintf("module:   %s\nversion:  %s\ncommit:   %s\ndate:     %s\ngo:       %s\n",
		i.Module, i.Version, rev, unknown(i.Date), i.Go)
}
