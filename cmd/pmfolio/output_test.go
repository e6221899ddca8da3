package main

import (
	"bytes"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"
)

// fullDisk is standard output redirected to a full disk (> /dev/full):
// every write fails.
type fullDisk struct{}

func (fullDisk) Write([]byte) (int, error) { return 0, syscall.ENOSPC }

// A command whose output was lost fails: `pmfolio rules list > file` on a
// full disk must not tell the script that ran it that all went well.
func TestOutputLostToAFullDiskIsAFailure(t *testing.T) {
	_, site := syncedServerSite(t)
	for _, args := range [][]string{
		{"rules", "list"},
		{"rules", "show", "comment.status-update"},
		{"outcome", "list"},
		{"doctor"},
		{"evidence", "list"},
		{"stats"},
		{"export"},
		{"version"},
	} {
		var errOut bytes.Buffer
		code := run(args, IO{In: strings.NewReader(""), Out: fullDisk{}, ErrOut: &errOut,
			Getenv: func(k string) string { return site[k] }, Now: func() time.Time { return testNow }, Signals: make(chan os.Signal)})
		if code != exitFailure || !strings.Contains(errOut.String(), "no space left on device") {
			t.Errorf("%q: exit %d, stderr %q; want 1 saying the disk is full", args, code, errOut.String())
		}
	}
}
