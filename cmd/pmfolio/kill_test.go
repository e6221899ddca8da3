package main

// The real binary under SIGKILL: a sync killed at any moment leaves whole
// pages, and the next sync ends with the database one uninterrupted sync
// leaves. These tests build pmfolio and run it as a subprocess against a
// fake Jira in the test process; -short skips them.

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/sqlite"
	"github.com/pmfolio/pmfolio/jira/jiratest"
)

// buildPmfolio returns the pmfolio binary, built once per test binary
// (builtPmfolio).
func buildPmfolio(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the pmfolio binary; skipped with -short")
	}
	bin, err := builtPmfolio()
	if errors.Is(err, errNoGoTool) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

// processEnv is the environment of a pmfolio subprocess syncing srv into
// db: nothing of the developer's own config, database or credentials.
func processEnv(t testing.TB, srv *jiratest.Server, db string) []string {
	home := t.TempDir()
	return []string{
		"HOME=" + home, "XDG_CONFIG_HOME=" + filepath.Join(home, "config"), "XDG_DATA_HOME=" + filepath.Join(home, "data"),
		"PATH=" + os.Getenv("PATH"), "TZ=UTC",
		"JIRA_URL=" + srv.URL(), "JIRA_EMAIL=" + jiratest.DemoEmail, "JIRA_API_TOKEN=" + jiratest.DemoAPIToken,
		"PMFOLIO_DB=" + db,
	}
}

// syncCommand is `pmfolio sync --quiet` against srv into db.
func syncCommand(t testing.TB, bin string, srv *jiratest.Server, db string) (*exec.Cmd, *lockedBuffer) {
	cmd := exec.Command(bin, "sync", "--quiet")
	cmd.Env = processEnv(t, srv, db)
	stderr := &lockedBuffer{}
	cmd.Stderr = stderr
	return cmd, stderr
}

// lockedBuffer collects a running process's output so that a test may
// read it while the process still writes.
type lockedBuffer struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// waitFor waits until the output holds want, for at most 30 seconds.
func (b *lockedBuffer) waitFor(t testing.TB, want string) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); !strings.Contains(b.String(), want); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the process never said %q: %s", want, b.String())
		}
	}
}

// openChecked opens a database, first checking its integrity if asked; the
// test closes it.
func openChecked(t testing.TB, path string, integrity bool) *sqlite.Store {
	t.Helper()
	store, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	if integrity {
		if err := store.IntegrityCheck(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	return store
}

// dumpOf opens a database and dumps it (sqlite.Store.Dump), checking its
// integrity first.
func dumpOf(t testing.TB, path string) string {
	t.Helper()
	store := openChecked(t, path, true)
	defer store.Close()
	d, err := store.Dump(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// killRef is what the kill test knows of an uninterrupted sync.
type killRef struct {
	pageCap int
	order   []string    // issue ids in the order a sync reads them
	updated []time.Time // their updated times, which become the cursor
	// activities[i] and evidence[i] count the rows of the first i issues.
	activities, evidence []int
}

var (
	issueIDInRow   = regexp.MustCompile(`\tissue_id="(\d+)"`)
	updatedInRow   = regexp.MustCompile(`\tupdated_at="([^"]+)"`)
	dumpTableTitle = regexp.MustCompile(`^## (\w+)$`)
)

// newKillRef reads an uninterrupted sync's dump.
func newKillRef(t *testing.T, dump string, pageCap int) killRef {
	t.Helper()
	type issue struct {
		id      string
		updated time.Time
	}
	var issues []*issue
	acts, evid := map[string]int{}, map[string]int{}
	table := ""
	for _, line := range strings.Split(dump, "\n") {
		if m := dumpTableTitle.FindStringSubmatch(line); m != nil {
			table = m[1]
			continue
		}
		m := issueIDInRow.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		switch table {
		case "issues":
			at, err := time.Parse("2006-01-02T15:04:05.000Z", updatedInRow.FindStringSubmatch(line)[1])
			if err != nil {
				t.Fatal(err)
			}
			issues = append(issues, &issue{id: m[1], updated: at})
		case "activities":
			acts[m[1]]++
		case "evidence":
			evid[m[1]]++
		}
	}
	slices.SortFunc(issues, func(a, b *issue) int {
		if c := a.updated.Compare(b.updated); c != 0 {
			return c
		}
		x, _ := strconv.Atoi(a.id)
		y, _ := strconv.Atoi(b.id)
		return x - y
	})
	ref := killRef{pageCap: pageCap, activities: []int{0}, evidence: []int{0}}
	for i, is := range issues {
		ref.order, ref.updated = append(ref.order, is.id), append(ref.updated, is.updated)
		ref.activities = append(ref.activities, ref.activities[i]+acts[is.id])
		ref.evidence = append(ref.evidence, ref.evidence[i]+evid[is.id])
	}
	return ref
}

// checkKilled checks the database a killed run left, which held the first
// before issues of the sync order when the run started. It must hold the
// first n, for an n where the run's pages end (none committed, or a whole
// number of them: the run read pages of pageCap issues from the cursor
// less the overlap), every activity and evidence item of those n issues
// (never half an issue), and the cursor at the newest of them.
func (r killRef) checkKilled(t *testing.T, path string, before int, integrity bool) int {
	t.Helper()
	ctx := context.Background()
	store := openChecked(t, path, integrity)
	defer store.Close()
	stored, err := store.StoredIssues(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	n := len(stored)
	have := map[string]bool{}
	for _, is := range stored {
		have[is.ID] = true
	}
	for _, id := range r.order[:n] {
		if !have[id] {
			t.Fatalf("the %d stored issues are not the first %d the sync reads: %s is missing", n, n, id)
		}
	}
	start := 0
	if before > 0 {
		bound := r.updated[before-1].Add(-15 * time.Minute).Truncate(time.Minute)
		start, _ = slices.BinarySearchFunc(r.updated, bound, func(a, b time.Time) int { return a.Compare(b) })
	}
	if n != before && n != len(r.order) && (n < before || (n-start)%r.pageCap != 0) {
		t.Fatalf("%d issues stored: not a page boundary of a run that started with %d stored and read pages of %d from issue %d",
			n, before, r.pageCap, start+1)
	}
	counts, err := store.TableCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if counts["activities"] != r.activities[n] || counts["evidence"] != r.evidence[n] {
		t.Fatalf("%d issues stored with %d activities and %d evidence items; an uninterrupted sync has %d and %d for them",
			n, counts["activities"], counts["evidence"], r.activities[n], r.evidence[n])
	}
	cursor, ok, err := store.SyncCursor(ctx, 1)
	if err != nil || ok != (n > 0) || (n > 0 && !cursor.Equal(r.updated[n-1])) {
		t.Fatalf("cursor %v (set: %v, %v) with %d issues stored", cursor, ok, err, n)
	}
	return n
}

// TestKilledSyncsResumeToTheDatabaseOfOneUninterruptedSync SIGKILLs the
// real binary at 24 points of a sync of 1,200 issues (100 search pages and
// the changelog, comment and worklog requests between them): half just as
// Jira is asked for something, half up to 30 ms after an answer, so that
// kills land while pages are decoded, classified and committed. The points
// are random, from a fixed seed (PMFOLIO_KILL_SEED replaces it). After
// each kill the database must hold whole pages; after a last sync it must
// dump (sqlite.Store.Dump) as the database of one uninterrupted sync.
func TestKilledSyncsResumeToTheDatabaseOfOneUninterruptedSync(t *testing.T) {
	t.Parallel()
	const issues, pageCap = 1200, 12
	bin := buildPmfolio(t)
	site := jiratest.DemoSite(jiratest.DemoOptions{Deployment: jiratest.DeploymentCloud, Issues: issues, Seed: 5, Now: testNow})
	srv := jiratest.NewServer(site, jiratest.WithPageCap(pageCap))
	t.Cleanup(srv.Close)
	dir := t.TempDir()

	refDB := filepath.Join(dir, "uninterrupted.db")
	cmd, stderr := syncCommand(t, bin, srv, refDB)
	if err := cmd.Run(); err != nil {
		t.Fatalf("uninterrupted sync: %v\n%s", err, stderr)
	}
	refDump := dumpOf(t, refDB)
	ref := newKillRef(t, refDump, pageCap)
	if len(ref.order) != issues {
		t.Fatalf("the uninterrupted sync stored %d issues, want %d", len(ref.order), issues)
	}

	seed := uint64(20261122)
	if s := os.Getenv("PMFOLIO_KILL_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	t.Logf("kill points from seed %d (PMFOLIO_KILL_SEED)", seed)
	rng := rand.New(rand.NewPCG(seed, 1))
	db := filepath.Join(dir, "killed.db")
	killed, stored := 0, 0
	for i := 0; i < 24; i++ {
		// A run sends 3 requests before its first search, and one or two
		// per page; a kill at request 5-12 lands within its first pages,
		// so 24 kills spread over most of the sync.
		at := 5 + rng.IntN(8)
		var after time.Duration
		if i%2 == 1 {
			after = time.Duration(rng.IntN(30_000)) * time.Microsecond
		}
		cmd, stderr := syncCommand(t, bin, srv, db)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		var mu sync.Mutex
		requests := 0
		srv.Inject(func(*http.Request) *jiratest.Fault {
			mu.Lock()
			defer mu.Unlock()
			if requests++; requests == at {
				if after == 0 {
					cmd.Process.Kill() // the request is never answered
				} else {
					time.AfterFunc(after, func() { cmd.Process.Kill() })
				}
			}
			return nil
		})
		err := cmd.Wait()
		srv.Inject(nil)
		var exit *exec.ExitError
		switch {
		case errors.As(err, &exit) && exit.ExitCode() == -1:
			killed++
		case err == nil:
			t.Logf("run %d finished before its kill at request %d", i+1, at)
		default:
			t.Fatalf("run %d: %v\n%s", i+1, err, stderr)
		}
		n := ref.checkKilled(t, db, stored, i%6 == 5)
		t.Logf("run %d: killed at request %d + %v with %d issues stored", i+1, at, after, n)
		stored = n
	}
	if killed < 20 {
		t.Errorf("only %d of 24 runs were killed mid-sync; the test wants at least 20", killed)
	}
	if stored == issues {
		t.Error("the killed runs finished the whole sync; the last kills proved nothing")
	}

	cmd, stderr = syncCommand(t, bin, srv, db)
	if err := cmd.Run(); err != nil {
		t.Fatalf("final sync: %v\n%s", err, stderr)
	}
	if got := dumpOf(t, db); got != refDump {
		t.Errorf("after %d kills and a last sync the database differs from an uninterrupted sync's", killed)
	}
}

// holdSearches has srv hold its search requests from the nth on, until
// unblock; held is closed when the nth arrives.
func holdSearches(t *testing.T, srv *jiratest.Server, nth int32) (held <-chan struct{}, unblock func()) {
	arrived, release := make(chan struct{}), make(chan struct{})
	var once sync.Once
	unblock = func() { once.Do(func() { close(release) }) }
	t.Cleanup(unblock) // before the server closes, which waits for its handlers
	var searches atomic.Int32
	srv.Inject(func(r *http.Request) *jiratest.Fault {
		if !strings.HasSuffix(r.URL.Path, "/search/jql") {
			return nil
		}
		if n := searches.Add(1); n >= nth {
			if n == nth {
				close(arrived)
			}
			<-release
		}
		return nil
	})
	return arrived, unblock
}

// TestTwoRealSyncsAtOnceTheSecondExits5 runs two pmfolio processes on one
// database: the second finds the first's lock and exits 5 without a request.
func TestTwoRealSyncsAtOnceTheSecondExits5(t *testing.T) {
	t.Parallel()
	bin := buildPmfolio(t)
	srv := fakeSite(t, jiratest.DeploymentCloud, 30, jiratest.WithPageCap(10))
	db := filepath.Join(t.TempDir(), "p.db")
	held, unblock := holdSearches(t, srv, 1)
	first, firstErr := syncCommand(t, bin, srv, db)
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	defer first.Process.Kill()
	<-held // the first sync holds the lock and waits for a search page
	before := srv.Requests()
	second, secondErr := syncCommand(t, bin, srv, db)
	err := second.Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != exitLocked || !strings.HasPrefix(secondErr.String(), "pmfolio: another pmfolio sync is running") {
		t.Errorf("second sync: %v, stderr %q; want exit %d and one line saying why", err, secondErr, exitLocked)
	}
	if n := srv.Requests() - before; n != 0 {
		t.Errorf("the locked-out sync sent %d requests", n)
	}
	unblock()
	if err := first.Wait(); err != nil {
		t.Errorf("first sync: %v\n%s", err, firstErr)
	}
}

// TestTwoRealProcessesOpeningANewDatabaseAtOnceBothSucceed starts two
// pmfolio processes on one fresh database path at once, fifty times: the
// first to get there creates and migrates it, the other waits, and both
// record their item (issue 14: one of them used to exit 1 now and then).
func TestTwoRealProcessesOpeningANewDatabaseAtOnceBothSucceed(t *testing.T) {
	t.Parallel()
	bin := buildPmfolio(t)
	home := t.TempDir()
	env := []string{"HOME=" + home, "XDG_CONFIG_HOME=" + filepath.Join(home, "config"), "XDG_DATA_HOME=" + filepath.Join(home, "data"), "TZ=UTC"}
	for try := range 50 {
		db := filepath.Join(t.TempDir(), "fresh", "p.db")
		cmds := make([]*exec.Cmd, 2)
		outs := make([]*strings.Builder, 2)
		for i := range cmds {
			cmds[i] = exec.Command(bin, "--db", db, "evidence", "add", "--date", "2026-03-02",
				"--category", evidence.CatStakeholderComms, "--description", fmt.Sprintf("Roadmap review %d", i))
			cmds[i].Env = env
			outs[i] = &strings.Builder{}
			cmds[i].Stdout, cmds[i].Stderr = outs[i], outs[i]
		}
		for _, c := range cmds {
			if err := c.Start(); err != nil {
				t.Fatal(err)
			}
		}
		for i, c := range cmds {
			if err := c.Wait(); err != nil {
				t.Fatalf("try %d, process %d: %v\n%s", try, i, err, outs[i])
			}
		}
		store := openChecked(t, db, false)
		items, err := store.Evidence(context.Background(), evidence.Filter{})
		migrations, merr := store.Migrations(context.Background())
		if err != nil || merr != nil || len(items) != 2 || len(migrations) == 0 {
			t.Fatalf("try %d: %d items, migrations %v (%v, %v)", try, len(items), migrations, err, merr)
		}
		store.Close()
	}
}

// TestDoctorSaysASyncWasKilledUntilOneCompletes holds the real binary's
// sync at its second search page: doctor says it is running. Killed there
// with SIGKILL, it leaves its start as its last line in sync.log, and
// doctor says in one line that it did not finish; after a sync that
// completes, doctor says that one's result instead.
func TestDoctorSaysASyncWasKilledUntilOneCompletes(t *testing.T) {
	t.Parallel()
	bin := buildPmfolio(t)
	srv := fakeSite(t, jiratest.DeploymentCloud, 30, jiratest.WithPageCap(10))
	db := filepath.Join(t.TempDir(), "p.db")
	held, unblock := holdSearches(t, srv, 2)
	doctor := func() (string, int) {
		t.Helper()
		cmd := exec.Command(bin, "doctor")
		cmd.Env = processEnv(t, srv, db)
		out, err := cmd.CombinedOutput()
		var exit *exec.ExitError
		if err != nil && !errors.As(err, &exit) {
			t.Fatalf("doctor: %v", err)
		}
		return string(out), cmd.ProcessState.ExitCode()
	}
	const lastSync = `(?m)^%s  127\.0\.0\.1: last sync\s+%s`
	started := `started at \d{4}-\d\d-\d\d \d\d:\d\d \(just now\)`

	killed, stderr := syncCommand(t, bin, srv, db)
	if err := killed.Start(); err != nil {
		t.Fatal(err)
	}
	defer killed.Process.Kill()
	<-held // a page is fetched, the next one asked for
	out, code := doctor()
	if want := fmt.Sprintf(lastSync, "ok  ", started+" and is running$"); !regexp.MustCompile(want).MatchString(out) || code != 0 {
		t.Errorf("doctor during the sync: exit %d, want 0 and %s:\n%s", code, want, out)
	}
	if err := killed.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	if err := killed.Wait(); err == nil || stderr.String() != "" {
		t.Fatalf("the killed sync: %v %q", err, stderr)
	}
	unblock()
	out, code = doctor()
	want := fmt.Sprintf(lastSync, "FAIL", started+` and did not finish \(killed, or the machine stopped\); the next sync resumes where it stopped\n\s+fix: run 'pmfolio sync'`)
	if !regexp.MustCompile(want).MatchString(out) || code != exitFailure {
		t.Errorf("doctor after the kill: exit %d, want %d and %s:\n%s", code, exitFailure, want, out)
	}
	// The log's last line, the start of the killed sync, is shown as what
	// it is, not as "ok" under the FAIL that it caused.
	if want := `(?m)^note  sync\.log\s+\S+ 127\.0\.0\.1 started pid=` + strconv.Itoa(killed.Process.Pid) + `$`; !regexp.MustCompile(want).MatchString(out) {
		t.Errorf("doctor after the kill: output lacks %s:\n%s", want, out)
	}

	srv.Inject(nil)
	completes, stderr := syncCommand(t, bin, srv, db)
	if out, err := completes.Output(); err != nil || len(out) != 0 {
		t.Fatalf("the next sync: %v, output %q, %s", err, out, stderr)
	}
	out, code = doctor()
	if want := fmt.Sprintf(lastSync, "ok  ", `ok just now: \d+ issues`); !regexp.MustCompile(want).MatchString(out) || code != 0 || strings.Contains(out, "did not finish") {
		t.Errorf("doctor after a complete sync: exit %d, want 0 and %s:\n%s", code, want, out)
	}
	log, err := os.ReadFile(syncLogPath(db))
	if err != nil {
		t.Fatal(err)
	}
	first, next := strconv.Itoa(killed.Process.Pid), strconv.Itoa(completes.Process.Pid)
	if want := regexp.MustCompile(`^\S+ 127\.0\.0\.1 started pid=` + first + `\n\S+ 127\.0\.0\.1 started pid=` + next +
		`\n\S+ 127\.0\.0\.1 ok issues=\d+ .* pid=` + next + `\n$`); !want.Match(log) {
		t.Errorf("sync.log:\n%s\nwant %s", log, want)
	}
}
