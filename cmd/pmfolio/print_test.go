package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/pmfolio/pmfolio/export/browsertest"
)

// printedPages prints a web page in a headless browser on paper of a size
// ("A4", "letter") and returns how many pages it takes. The page names no
// paper size, so that it prints on the reader's; the test's copy names
// one. ok is false where there is no browser, and with -short.
func printedPages(t *testing.T, page, size string) (pages int, ok bool) {
	t.Helper()
	if _, err := os.Stat(browsertest.Path); err != nil || testing.Short() {
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
	browsertest.Run(t, sized, "--no-pdf-header-footer", "--print-to-pdf="+out)
	pdf, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Count(pdf, []byte("/Type /Page\n")), true
}
