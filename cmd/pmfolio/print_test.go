package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// chromiumPath is where Debian's chromium package puts the browser, as in
// the export package's browser tests; .ci/run installs it.
const chromiumPath = "/usr/bin/chromium"

// printedPages prints a web page in a headless browser on paper of a size
// ("A4", "letter") and returns how many pages it takes. The page names no
// paper size, so that it prints on the reader's; the test's copy names
// one. ok is false where there is no browser, and with -short.
func printedPages(t *testing.T, page, size string) (pages int, ok bool) {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil || testing.Short() {
		return 0, false
	}
	html, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	sized, out := filepath.Join(dir, "print.html"), filepath.Join(dir, "print.pdf")
	if err := os.WriteFile(sized, bytes.Replace(html, []byte("@page {"), []byte("@page { size: "+size+";"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	// No network of its own, no sandbox (containers as root have none),
	// no reliance on a large /dev/shm.
	cmd := exec.CommandContext(ctx, chromiumPath, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--no-pdf-header-footer", "--print-to-pdf="+out, "file://"+sized)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium --print-to-pdf: %v\n%s", err, msg)
	}
	pdf, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Count(pdf, []byte("/Type /Page\n")), true
}
