package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/jira/jiratest"
)

// heldSync starts a real `pmfolio sync` that stops on its second search
// page until release is called.
func heldSync(t *testing.T) (cmd *exec.Cmd, stderr *lockedBuffer, db string, release func()) {
	t.Helper()
	bin := buildPmfolio(t)
	srv := fakeSite(t, jiratest.DeploymentCloud, 30, jiratest.WithPageCap(10))
	db = filepath.Join(t.TempDir(), "p.db")
	held, unblock := make(chan struct{}), make(chan struct{})
	var pages int
	var mu sync.Mutex
	var heldOnce, releaseOnce sync.Once
	release = func() { releaseOnce.Do(func() { close(unblock) }) }
	t.Cleanup(release) // before the server closes, which waits for its handlers
	srv.Inject(func(r *http.Request) *jiratest.Fault {
		if strings.HasSuffix(r.URL.Path, "/search/jql") {
			mu.Lock()
			pages++
			n := pages
			mu.Unlock()
			if n == 3 { // after the search's probe and its first page
				heldOnce.Do(func() { close(held) })
				<-unblock
			}
		}
		return nil
	})
	cmd, stderr = syncCommand(t, bin, srv, db)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill() })
	select {
	case <-held:
	case <-time.After(30 * time.Second):
		t.Fatalf("the sync never asked for its second page: %s", stderr)
	}
	return cmd, stderr, db, release
}

// waitExit waits for a process and returns its exit code and how long it
// took from now.
func waitExit(t *testing.T, cmd *exec.Cmd) (int, time.Duration) {
	t.Helper()
	start := time.Now()
	err := cmd.Wait()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatal(err)
	}
	return cmd.ProcessState.ExitCode(), time.Since(start)
}

func issueCount(t *testing.T, db string) int {
	t.Helper()
	store := openChecked(t, db, true)
	defer store.Close()
	counts, err := store.TableCounts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return counts["issues"]
}

func TestCtrlCMidSyncFinishesThePageThenExits130(t *testing.T) {
	t.Parallel()
	cmd, stderr, db, release := heldSync(t)
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	stderr.waitFor(t, "stopping after the current page") // while the page is still on its way
	release()
	code, _ := waitExit(t, cmd)
	if code != exitInterrupted || !strings.Contains(stderr.String(), "stopping after the current page") ||
		!strings.HasSuffix(stderr.String(), "pmfolio: interrupted\n") {
		t.Errorf("exit %d, stderr %q; want 130 saying it stops after the page, then interrupted", code, stderr)
	}
	// The pages committed are whole: the first, and the one on its way
	// when Ctrl-C came if the sync had it in hand.
	if n := issueCount(t, db); n != 10 && n != 20 {
		t.Errorf("database holds %d issues after Ctrl-C on page 2; want whole pages of 10", n)
	}
}

func TestASecondCtrlCEndsASyncAtOnceWithWholePagesOnly(t *testing.T) {
	t.Parallel()
	cmd, stderr, db, release := heldSync(t)
	defer release()
	cmd.Process.Signal(os.Interrupt)
	stderr.waitFor(t, "stopping after the current page")
	cmd.Process.Signal(os.Interrupt)
	code, took := waitExit(t, cmd)
	if code != exitInterrupted || took > 5*time.Second || !strings.HasSuffix(stderr.String(), "pmfolio: interrupted\n") {
		t.Errorf("exit %d after %v, stderr %q; want 130 at once", code, took, stderr)
	}
	// Whole pages only: the first may or may not have been committed
	// when the second Ctrl-C came.
	if n := issueCount(t, db); n%10 != 0 || n == 30 {
		t.Errorf("database holds %d issues; want whole pages of 10, and not the page held", n)
	}
}

func TestSIGTERMMidExportExits143AndLeavesTheDatabaseAsItWas(t *testing.T) {
	t.Parallel()
	bin := buildPmfolio(t)
	db := filepath.Join(demoCopy(t, "--issues", "60"), "pmfolio.db")
	before := dumpOf(t, db)

	cmd := exec.Command(bin, "--db", db, "export", "--format", "json")
	home := t.TempDir()
	cmd.Env = []string{"HOME=" + home, "XDG_CONFIG_HOME=" + home, "TZ=UTC"}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill() })
	// The export is under way once it writes; nobody reads the rest, so
	// it is stuck writing when the signal comes.
	if _, err := io.ReadFull(stdout, make([]byte, 64)); err != nil {
		t.Fatalf("export wrote nothing: %v %s", err, stderr.String())
	}
	time.Sleep(200 * time.Millisecond)
	cmd.Process.Signal(syscall.SIGTERM)
	code, took := waitExit(t, cmd)
	if code != exitTerminated || took > 5*time.Second || stderr.String() != "pmfolio: interrupted\n" {
		t.Errorf("exit %d after %v, stderr %q; want 143 promptly with one line", code, took, stderr.String())
	}
	if after := dumpOf(t, db); after != before {
		t.Error("the database changed under an interrupted export")
	}
}

func TestCtrlCBeforeReclassifyCommitsLeavesTheDatabaseAsItWas(t *testing.T) {
	env := demoDB(t)
	before := dumpOf(t, env["PMFOLIO_DB"])
	rules := filepath.Join(t.TempDir(), "rules.yaml")
	if err := os.WriteFile(rules, []byte("rules:\n  - id: comment.decision\n    disabled: true\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	signals := make(chan os.Signal, 1)
	signals <- os.Interrupt
	var out, errOut bytes.Buffer
	code := run([]string{"--rules", rules, "reclassify"}, IO{Out: &out, ErrOut: &errOut, Now: func() time.Time { return testNow },
		Getenv: func(k string) string { return env[k] }, Signals: signals})
	if code != exitInterrupted || !strings.HasSuffix(errOut.String(), "pmfolio: interrupted\n") {
		t.Errorf("exit %d, %q", code, errOut.String())
	}
	if after := dumpOf(t, env["PMFOLIO_DB"]); after != before {
		t.Error("an interrupted reclassify changed the database")
	}
}
