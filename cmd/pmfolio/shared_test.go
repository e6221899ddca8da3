package main

// Fixtures made once per test binary: under -race a demo run or a link of
// the pmfolio binary takes many seconds, and most tests only read them.

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestMain(m *testing.M) {
	code := m.Run()
	sharedDirs.Lock()
	for _, dir := range sharedDirs.paths {
		os.RemoveAll(dir)
	}
	sharedDirs.Unlock()
	os.Exit(code)
}

// sharedDirs are the directories of the fixtures; TestMain removes them.
var sharedDirs struct {
	sync.Mutex
	paths []string
}

// sharedTempDir makes a directory that lives as long as the test binary.
func sharedTempDir(pattern string) (string, error) {
	dir, err := os.MkdirTemp("", pattern)
	if err != nil {
		return "", err
	}
	sharedDirs.Lock()
	defer sharedDirs.Unlock()
	sharedDirs.paths = append(sharedDirs.paths, dir)
	return dir, nil
}

// builtPmfolio is the pmfolio binary, built (without the race detector,
// which the test process may have) once per test binary.
var builtPmfolio = sync.OnceValues(func() (string, error) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		return "", errNoGoTool
	}
	dir, err := sharedTempDir("pmfolio-bin-")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "pmfolio")
	if out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %w\n%s", err, out)
	}
	return bin, nil
})

var errNoGoTool = fmt.Errorf("no go command to build pmfolio with")

// demoRun is a demo run at testNow: its directory, which tests read but
// never change, and what it printed.
type demoRun struct {
	dir, out string
}

// demoRuns holds one run per demo command line.
var demoRuns = struct {
	sync.Mutex
	byArgs map[string]func() (demoRun, error)
}{byArgs: map[string]func() (demoRun, error){}}

// sharedDemoRun runs `pmfolio demo` with args once per test binary.
func sharedDemoRun(args ...string) (demoRun, error) {
	key := strings.Join(args, " ")
	demoRuns.Lock()
	once, ok := demoRuns.byArgs[key]
	if !ok {
		once = sync.OnceValues(func() (demoRun, error) { return runSharedDemo(args) })
		demoRuns.byArgs[key] = once
	}
	demoRuns.Unlock()
	return once()
}

func runSharedDemo(args []string) (demoRun, error) {
	dir, err := sharedTempDir("pmfolio-demo-test-")
	if err != nil {
		return demoRun{}, err
	}
	var out, errOut strings.Builder
	code := run(append([]string{"demo", "--dir", dir}, args...), IO{
		In: strings.NewReader(""), Out: &out, ErrOut: &errOut,
		Getenv:  func(string) string { return "" },
		Now:     func() time.Time { return testNow },
		Signals: make(chan os.Signal),
	})
	if code != 0 {
		return demoRun{}, fmt.Errorf("demo %s: exit %d: %s", strings.Join(args, " "), code, errOut.String())
	}
	return demoRun{dir: dir, out: out.String()}, nil
}

// sharedDemoOf is sharedDemoRun for a test, which fails if the demo did.
func sharedDemoOf(t *testing.T, args ...string) demoRun {
	t.Helper()
	d, err := sharedDemoRun(args...)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// demoCopy copies the demo run with args into a new directory of the test,
// for a test that changes the database or the directory; it returns the
// copy's directory.
func demoCopy(t *testing.T, args ...string) string {
	t.Helper()
	from := sharedDemoOf(t, args...).dir
	dir := t.TempDir()
	files, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if err := copyFile(filepath.Join(from, f.Name()), filepath.Join(dir, f.Name())); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// copyFile copies a regular file, keeping its mode.
func copyFile(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	info, err := src.Stat()
	if err != nil {
		return err
	}
	dst, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, info.Mode().Perm())
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}
