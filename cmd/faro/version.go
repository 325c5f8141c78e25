package main

import (
	"encoding/json"
	"flag"
	"fmt"

	"faro/internal/version"
)

// version prints the build: module, version, commit, commit date and Go
// toolchain (faro version [--json]; faro --version prints the same).
func (a *app) version(args []string) error {
	fs := flag.NewFlagSet("version", flag.ContinueOnError)
	fs.SetOutput(a.stderr)
	asJSON := fs.Bool("json", false, "print the build information as JSON")
	if err := fs.Parse(args); err != nil {
		return exitCode(2)
	}
	info := version.Get()
	if *asJSON {
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(info); err != nil {
			return fmt.Errorf("write build information: %w", err)
		}
		return nil
	}
	_, err := fmt.Fprint(a.stdout, info.String())
	return err
}
