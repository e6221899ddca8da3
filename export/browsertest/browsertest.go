// Package browsertest runs a real browser, headless, on a page a test
// wrote: what a reader of pmfolio's web page and its printout sees, which
// no HTML parser can say (layout, scrolling, page breaks, drawn charts).
package browsertest

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// Path is where Debian's chromium package puts the browser; .ci/run
// installs it. Tests install nothing themselves.
const Path = "/usr/bin/chromium"

// Skip skips t where there is no browser, and with -short, which starts
// none.
func Skip(t testing.TB) {
	t.Helper()
	if _, err := os.Stat(Path); err != nil {
		t.Skipf("no browser at %s (on Debian: apt-get install chromium; .ci/run does this): %v", Path, err)
	}
	if testing.Short() {
		t.Skip("starts a browser; skipped with -short")
	}
}

// Run runs the browser headless on the file page with args ("--dump-dom",
// "--print-to-pdf=…") and returns what it printed, with flags that keep
// it from reaching the network on its own (updates, sync, field trials),
// from needing a sandbox, which containers and CI runners as root do not
// have, and from relying on a large /dev/shm, which containers often lack.
func Run(t testing.TB, page string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	all := append([]string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
		"--user-data-dir=" + t.TempDir(),
	}, args...)
	all = append(all, "file://"+page)
	// Headless chromium now and then dies of a signal on a loaded machine
	// (a segmentation fault while starting, before it reads the page): that
	// is the browser's crash, not the page's, so it gets two more tries. An
	// error exit is the page's and fails at once.
	for try := 1; ; try++ {
		cmd := exec.CommandContext(ctx, Path, all...)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		if err == nil {
			return stdout.Bytes()
		}
		var exit *exec.ExitError
		if try < 3 && ctx.Err() == nil && errors.As(err, &exit) && !exit.Exited() {
			t.Logf("chromium crashed (%v), trying again", err)
			continue
		}
		t.Fatalf("chromium %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
}
