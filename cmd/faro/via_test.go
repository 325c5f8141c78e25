package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIndexVia: while a server holds the index, `faro index` is refused
// with a message naming --via, and `faro index --via URL` with the admin
// token has the server index a new file; a wrong token or no server is an
// error saying so.
func TestIndexVia(t *testing.T) {
	const token = "via-test-admin-token-0123456789abcdef"
	corpus := smallCorpus(t)
	index := filepath.Join(t.TempDir(), "index")
	ts := startServe(t, "--index", index, "--corpus", corpus, "--admin-token", token)
	before := ts.total(t, "q=")
	if err := os.WriteFile(filepath.Join(corpus, "md", "nueva-nota-via.md"), []byte("# Nota nueva\n\nAlbergue temporal en Tapachula."), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := runApp(t, "index", "--index", index, "--corpus", corpus)
	if code == 0 || !strings.Contains(errs, "faro index --via http://") {
		t.Errorf("index while served: exit %d, want the lock error naming --via: %s", code, errs)
	}
	for _, tc := range []struct {
		name string
		args []string
		ok   bool
		want string
	}{
		{"wrong token", []string{"--via", ts.base, "--admin-token", "not-the-token-at-all-000000"}, false, "401"},
		{"no token", []string{"--via", ts.base, "--admin-token", ""}, false, "FARO_ADMIN_TOKEN"},
		{"not a url", []string{"--via", "localhost", "--admin-token", token}, false, "http://localhost:8080"},
		{"with rebuild", []string{"--via", ts.base, "--admin-token", token, "--rebuild"}, false, "--rebuild"},
		{"the server reindexes", []string{"--via", ts.base, "--admin-token", token}, true, "1 indexed (1 added"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runApp(t, append([]string{"index"}, tc.args...)...)
			if (code == 0) != tc.ok || !strings.Contains(out+errs, tc.want) {
				t.Errorf("exit %d, want ok=%v and %q in:\n%s%s", code, tc.ok, tc.want, out, errs)
			}
		})
	}
	if got := ts.total(t, "q="); got != before+1 {
		t.Errorf("after --via: %d documents, want %d", got, before+1)
	}
}
