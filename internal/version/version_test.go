package version

import (
	"runtime/debug"
	"strings"
	"testing"
)

func TestFromBuildInfo(t *testing.T) {
	stamped := &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Path: "faro", Version: "v0.3.0"},
		Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef0123456789abcdef01234567"},
			{Key: "vcs.time", Value: "2026-12-06T23:00:00Z"}, {Key: "vcs.modified", Value: "true"}}}
	devel := &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Path: "faro", Version: "(devel)"}}
	pseudo := &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Path: "faro", Version: "v0.0.0-20261206230000-0123456789ab"},
		Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef0123456789abcdef01234567"}}}
	cases := []struct {
		name               string
		bi                 *debug.BuildInfo
		ldv, ldr, ldd      string
		version, rev, date string
		modified           bool
		short              string
	}{
		{"stamped", stamped, "", "", "", "v0.3.0", "0123456789abcdef0123456789abcdef01234567", "2026-12-06T23:00:00Z", true, "v0.3.0 (0123456789ab+dirty)"},
		{"devel without vcs", devel, "", "", "", "devel", "", "", false, "devel"},
		{"no build info", nil, "", "", "", "devel", "", "", false, "devel"},
		{"link-time values", devel, "v1.0.0", "fedcba9876543210", "2026-12-07T00:00:00Z", "v1.0.0", "fedcba9876543210", "2026-12-07T00:00:00Z", false, "v1.0.0 (fedcba987654)"},
		{"dirty pseudo-version", &debug.BuildInfo{Main: debug.Module{Path: "faro", Version: "v0.0.0-20261206230000-0123456789ab+dirty"},
			Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef"}, {Key: "vcs.modified", Value: "true"}}},
			"", "", "", "v0.0.0-20261206230000-0123456789ab+dirty", "0123456789abcdef", "", true, "v0.0.0-20261206230000-0123456789ab+dirty"},
		{"pseudo-version", pseudo, "", "", "", "v0.0.0-20261206230000-0123456789ab", "0123456789abcdef0123456789abcdef01234567", "", false, "v0.0.0-20261206230000-0123456789ab"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			i := fromBuildInfo(c.bi, c.ldv, c.ldr, c.ldd)
			if i.Module != "faro" || i.Version != c.version || i.Revision != c.rev || i.Date != c.date || i.Modified != c.modified {
				t.Fatalf("got %+v", i)
			}
			if got := i.Short(); got != c.short {
				t.Errorf("Short() = %q, want %q", got, c.short)
			}
			s := i.String()
			for _, want := range []string{"module:   faro", "version:  " + c.version, "commit:   ", "date:     ", "go:       "} {
				if !strings.Contains(s, want) {
					t.Errorf("String() lacks %q:\n%s", want, s)
				}
			}
		})
	}
}

func TestGet(t *testing.T) {
	i := Get()
	if i.Module == "" || i.Version == "" || i.Go == "" {
		t.Fatalf("Get() = %+v", i)
	}
}
