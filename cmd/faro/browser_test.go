package main

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// findChromium returns the path of Chromium (or Chrome), or "".
func findChromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// requireChromium returns Chromium's path: a browser test fails without
// it in CI (which installs it) and is skipped elsewhere.
func requireChromium(t *testing.T) string {
	t.Helper()
	exe := findChromium()
	if exe == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("no Chromium or Chrome on PATH")
		}
		t.Skip("no Chromium or Chrome on PATH")
	}
	return exe
}

// browserBudget bounds a browser test against a hung browser; a busy
// machine stays well within it.
const browserBudget = 3 * time.Minute

// newBrowser starts a headless browser for the test, ended with parent,
// the test, or browserBudget.
func newBrowser(t *testing.T, parent context.Context, exe string) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox,
		chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.UserDataDir(t.TempDir()))
	root, cancel := context.WithTimeout(parent, browserBudget)
	t.Cleanup(cancel)
	actx, cancelAlloc := chromedp.NewExecAllocator(root, opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancelBrowser := chromedp.NewContext(actx)
	t.Cleanup(cancelBrowser)
	return ctx
}
