package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestVersionCommand(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		code, out, errOut := runApp(t, args...)
		if code != 0 {
			t.Fatalf("faro %s: exit %d, stderr %s", strings.Join(args, " "), code, errOut)
		}
		for _, want := range []string{"module:", "version:", "commit:", "date:", "go:"} {
			if !strings.Contains(out, want) {
				t.Errorf("faro %s: no %q in\n%s", strings.Join(args, " "), want, out)
			}
		}
	}
	code, out, _ := runApp(t, "version", "--json")
	var info struct{ Module, Version, Go string }
	if code != 0 || json.Unmarshal([]byte(out), &info) != nil || info.Module == "" || info.Version == "" || info.Go == "" {
		t.Fatalf("faro version --json: exit %d, %s", code, out)
	}
}
