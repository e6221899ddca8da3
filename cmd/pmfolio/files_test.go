package main

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// -o into a symbolic link writes the file it points to and keeps the
// link; into a named pipe it writes down the pipe, which stays one. (A
// device such as /dev/null takes the pipe's path: neither is a regular
// file. Tests never write to a real device.)
func TestOutputIntoALinkOrAPipeKeepsIt(t *testing.T) {
	c, _ := withDemo(t)
	dir := t.TempDir()

	target, link := filepath.Join(dir, "real.md"), filepath.Join(dir, "link.md")
	if err := os.Symlink("real.md", link); err != nil {
		t.Fatal(err)
	}
	if r := c.run(t, "export", "-o", link); r.code != 0 {
		t.Fatalf("export -o a link: exit %d: %s", r.code, r.errOut)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("-o %s replaced the link: %v, %v", link, fi.Mode(), err)
	}
	if data, _ := os.ReadFile(target); !bytes.HasPrefix(data, []byte("# ")) {
		t.Errorf("the file the link points to holds %.40q; want the portfolio", data)
	}

	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	read := make(chan []byte)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			read <- nil
			return
		}
		defer f.Close()
		data, _ := io.ReadAll(f)
		read <- data
	}()
	if r := c.run(t, "export", "--format", "json", "-o", fifo); r.code != 0 {
		t.Fatalf("export -o a pipe: exit %d: %s", r.code, r.errOut)
	}
	select {
	case data := <-read:
		if !bytes.Contains(data, []byte(`"schema_version"`)) {
			t.Errorf("the pipe's reader got %.40q; want the JSON export", data)
		}
	case <-time.After(10 * time.Second):
		t.Errorf("nothing came down the pipe")
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("-o %s replaced the pipe: %v, %v", fifo, fi.Mode(), err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 3 {
		t.Errorf("files left behind: %v", entries)
	}
}

// -o never replaces what pmfolio reads: the database and the files beside
// it, the config file, or a link to one of them. A read-only file is
// refused as cp refuses it, and a file that is written keeps its mode.
func TestOutputNeverReplacesTheDatabaseConfigOrAReadOnlyFile(t *testing.T) {
	c, db := demoDatabase(t)
	dir := filepath.Dir(db)
	config := filepath.Join(dir, "config.yaml")
	writeFile(t, config, "sites: []\n")
	if err := os.Symlink(db, filepath.Join(dir, "link.json")); err != nil {
		t.Fatal(err)
	}
	readOnly := filepath.Join(dir, "kept.json")
	writeFile(t, readOnly, "mine\n")
	if err := os.Chmod(readOnly, 0o444); err != nil {
		t.Fatal(err)
	}
	before := map[string][]byte{}
	for _, f := range []string{db, config, readOnly} {
		before[f], _ = os.ReadFile(f)
	}
	for _, tt := range []struct {
		output string
		code   int
		want   string
	}{
		{db, exitUsage, "would replace " + db + ", which pmfolio reads"},
		{db + "-wal", exitUsage, "would replace " + db + "-wal"},
		{db + ".lock", exitUsage, "would replace " + db + ".lock"},
		{filepath.Join(dir, "link.json"), exitUsage, "would replace " + db},
		{config, exitUsage, "would replace " + config},
		{readOnly, exitFailure, "cannot write " + readOnly + ": it is read-only"},
	} {
		r := c.run(t, "--db", db, "--config", config, "export", "--format", "json", "-o", tt.output)
		if r.code != tt.code || !strings.Contains(r.errOut, tt.want) || strings.Count(r.errOut, "pmfolio:") != 1 {
			t.Errorf("-o %s: exit %d, stderr %q; want %d and %q", tt.output, r.code, r.errOut, tt.code, tt.want)
		}
		// SQLite's own -wal may be there (reading makes one); the export
		// must not be.
		if wal, _ := os.ReadFile(db + "-wal"); tt.output == db+"-wal" && bytes.HasPrefix(wal, []byte("{")) {
			t.Errorf("a refused -o wrote the export to %s-wal", db)
		}
	}
	for f, data := range before {
		if now, _ := os.ReadFile(f); !bytes.Equal(now, data) {
			t.Errorf("%s changed", f)
		}
	}

	private := filepath.Join(dir, "private.md")
	writeFile(t, private, "old\n")
	if err := os.Chmod(private, 0o600); err != nil {
		t.Fatal(err)
	}
	if r := c.run(t, "--db", db, "export", "-o", private); r.code != 0 {
		t.Fatalf("export -o %s: exit %d: %s", private, r.code, r.errOut)
	}
	if fi, err := os.Stat(private); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("a 0600 file came back %v (%v); want it kept 0600", fi.Mode(), err)
	}
}
