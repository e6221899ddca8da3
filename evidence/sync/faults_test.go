package sync_test

// Fault injection: every fault the fake Jira can stage, against a real
// SQLite database. For each, the sync either completes or fails with the
// error kind the command line maps to its documented exit code (interface.md:
// jira.KindUnreachable is 4, jira.KindProtocol 1), and the database is compared at
// query level (sqlite.Store.Dump) with a reference: a fresh database that
// synced exactly the pages the faulty sync committed, or, for changes on the
// site between two syncs, a fresh sync of the changed site.

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/sqlite"
	evsync "github.com/pmfolio/pmfolio/evidence/sync"
	"github.com/pmfolio/pmfolio/jira"
	"github.com/pmfolio/pmfolio/jira/jiratest"
)

// exitCodeOf is interface.md's exit code for a sync error, as
// cmd/pmfolio's explain maps it; tests of the command line check the
// mapping itself.
func exitCodeOf(err error) int {
	var jerr *jira.Error
	switch {
	case err == nil:
		return 0
	case errors.As(err, &jerr) && jerr.Kind == jira.KindUnreachable:
		return 4
	case errors.As(err, &jerr) && jerr.Kind == jira.KindAuth:
		return 3
	default:
		return 1
	}
}

func dumpStore(t *testing.T, store *sqlite.Store) string {
	t.Helper()
	d, err := store.Dump(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// sameDump fails the test with the first lines where two dumps differ.
func sameDump(t *testing.T, what, want, got string) {
	t.Helper()
	if want == got {
		return
	}
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			at := 0
			for at < min(len(wl), len(gl)) && wl[at] == gl[at] {
				at++
			}
			from := max(0, at-150)
			t.Fatalf("%s: the database differs from the reference (%d lines, want %d), first at line %d:\nwant …%.300s\ngot  …%.300s",
				what, len(g), len(w), i+1, wl[min(from, len(wl)):], gl[min(from, len(gl)):])
		}
	}
}

// freshStore opens an empty database of the test's own.
func freshStore(t *testing.T) *sqlite.Store {
	t.Helper()
	store, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "reference.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	return store
}

// freshSyncDump syncs a fresh database from the fixture's server as the
// site is now, with no faults, and returns its dump.
func (f *syncFixture) freshSyncDump(t *testing.T) string {
	t.Helper()
	store := freshStore(t)
	if _, err := runSync(context.Background(), f.client(t), store, evsync.Options{Now: func() time.Time { return syncNow }}); err != nil {
		t.Fatalf("fresh sync: %v", err)
	}
	return dumpStore(t, store)
}

// injectOn serves fault(n) instead of the n-th request (from 1) whose path
// matches pattern; a nil fault serves the real answer.
func injectOn(srv *jiratest.Server, pattern string, fault func(n int) *jiratest.Fault) {
	srv.Inject(nthRequest(pattern, fault))
}

// nthRequest is a fault hook that counts the requests whose path matches
// pattern and asks fault what to serve the n-th of them.
func nthRequest(pattern string, fault func(n int) *jiratest.Fault) func(*http.Request) *jiratest.Fault {
	re := regexp.MustCompile(pattern)
	var mu sync.Mutex
	n := 0
	return func(r *http.Request) *jiratest.Fault {
		if !re.MatchString(r.URL.Path) {
			return nil
		}
		mu.Lock()
		defer mu.Unlock()
		n++
		return fault(n)
	}
}

// Paths of the requests a sync sends, for injectOn. A search's first
// request is its probe (jira.Client.Search), so the n-th search request
// reads page n-1.
const (
	searchPath    = `/rest/api/2/search(/jql)?$`
	bulkPath      = `/rest/api/2/changelog/bulkfetch$`
	commentPath   = `/rest/api/2/issue/\d+/comment$`
	worklogPath   = `/rest/api/2/issue/\d+/worklog$`
	changelogPath = `/rest/api/2/issue/\d+/changelog$`
)

// faultySync runs one sync with instant retry waits (recorded in f.sleeps)
// and the given request timeout (none: the default), and counts the pages
// it committed.
func (f *syncFixture) faultySync(t *testing.T, opts evsync.Options, timeout ...time.Duration) (committed int, err error) {
	t.Helper()
	var mu sync.Mutex
	// One request at a time: the cases count requests in Jira's order.
	jopts := []jira.Option{jira.WithPageSize(100), jira.WithConcurrency(1)}
	if len(timeout) > 0 {
		jopts = append(jopts, jira.WithRequestTimeout(timeout[0]))
	}
	c, err := jira.New(f.cfg, append(jopts,
		jira.WithSleep(func(ctx context.Context, d time.Duration) error {
			mu.Lock()
			defer mu.Unlock()
			*f.sleeps = append(*f.sleeps, d)
			return ctx.Err()
		}))...)
	if err != nil {
		t.Fatal(err)
	}
	opts.Now = func() time.Time { return syncNow }
	opts.Progress = func(int, int) { committed++ }
	_, err = runSync(context.Background(), c, f.store, opts)
	return committed, err
}

// faultCase is one staged fault and what must come of it.
type faultCase struct {
	name       string
	deployment string
	path       string // which requests the fault hits (a regexp)
	fault      func(n int) *jiratest.Fault
	// exit is the exit code the sync must end with (0: it completes);
	// pages, for a failing sync, the pages it must have committed first,
	// or -1 for as many as a healthy sync commits before its at-th request
	// to path.
	exit, pages, at int
	timeout         time.Duration // of each request; 0: the client's default
	// rawDiffers: the fault makes pmfolio read the same data from another
	// endpoint, whose JSON differs in form (the bulk changelog's epoch
	// times), so raw issue JSON is left out of the comparison.
	rawDiffers bool
}

// smallCaps make the 50-issue faultCase site need every kind of request:
// five search pages, bulk changelogs (Cloud) or single-issue changelogs
// (Server), and comment and worklog pages.
var smallCaps = []jiratest.Option{jiratest.WithPageCap(5), jiratest.WithChangelogCap(5),
	jiratest.WithCommentCap(3), jiratest.WithWorklogCap(1)}

func (c faultCase) run(t *testing.T) {
	t.Parallel()
	deployment := c.deployment
	if deployment == "" {
		deployment = jiratest.DeploymentCloud
	}
	fs := sharedFaultServer(t, deployment)
	if c.exit != 0 && c.pages < 0 {
		c.pages = fs.pagesBefore(t, c.path, c.at)
	}
	whole := fs.reference(t, -1)
	if c.exit != 0 {
		// Transient faults under concurrency: TestSyncUnderA429StormBacksOffAndLosesNothing.
		c.concurrently(t, fs, whole)
	}
	fc := fs.newCase(t)
	fc.inject(c.path, c.fault)
	committed, err := fc.sync(t, c.timeout)
	if code := exitCodeOf(err); code != c.exit {
		t.Fatalf("sync ended with exit code %d (%v), want %d", code, err, c.exit)
	}
	if err == nil {
		got := dumpStore(t, fc.store)
		if c.rawDiffers {
			whole, got = withoutRaw(whole), withoutRaw(got)
		}
		sameDump(t, "completed sync", whole, got)
		return
	}
	if committed != c.pages {
		t.Errorf("committed %d pages before failing, want %d", committed, c.pages)
	}
	sameDump(t, "failed sync", fs.reference(t, committed), dumpStore(t, fc.store))
	// The next sync, with Jira well again, resumes and completes.
	fc.inject("", nil)
	if _, err := fc.sync(t, 0); err != nil {
		t.Fatalf("sync after the fault: %v", err)
	}
	sameDump(t, "resumed sync", whole, dumpStore(t, fc.store))
}

// concurrently stages the same fault for a client of four requests in
// flight. Which page the n-th request of a kind serves then varies, so
// the pages committed before a failure are not counted; but they must be
// whole pages in Jira's order (the database of a serial sync stopped after
// as many), and the next sync must complete it.
func (c faultCase) concurrently(t *testing.T, fs *faultServer, whole string) {
	t.Helper()
	fc := fs.newCase(t)
	fc.concurrency = 4
	fc.inject(c.path, c.fault)
	committed, err := fc.sync(t, c.timeout)
	if code := exitCodeOf(err); code != c.exit {
		t.Fatalf("concurrent sync ended with exit code %d (%v), want %d", code, err, c.exit)
	}
	if err == nil {
		got := dumpStore(t, fc.store)
		if c.rawDiffers {
			whole, got = withoutRaw(whole), withoutRaw(got)
		}
		sameDump(t, "completed concurrent sync", whole, got)
		return
	}
	sameDump(t, "failed concurrent sync", fs.reference(t, committed), dumpStore(t, fc.store))
	fc.inject("", nil)
	if _, err := fc.sync(t, 0); err != nil {
		t.Fatalf("concurrent sync after the fault: %v", err)
	}
	sameDump(t, "resumed concurrent sync", whole, dumpStore(t, fc.store))
}

// faultSiteIssues is the size of the faultCase sites.
const faultSiteIssues = 25

// faultServer serves the faultCase site of one deployment to every case of
// the test binary. Cases run in parallel and tell their requests apart by a
// header, so each stages its own faults; sharing one server gives them all
// one site URL, which evidence ids hash, so they can share reference dumps.
type faultServer struct {
	srv *jiratest.Server
	cfg jira.Config

	mu    sync.Mutex
	cases map[string]func(*http.Request) *jiratest.Fault
	refs  map[int]string // reference dumps by committed pages
	pages map[string]int // pagesBefore answers
}

// caseHeader names the case a request belongs to.
const caseHeader = "X-Pmfolio-Fault-Case"

var faultServers struct {
	sync.Mutex
	byDeployment map[string]*faultServer
}

// sharedFaultServer starts the deployment's faultServer on first use; it
// lives as long as the test binary.
func sharedFaultServer(t *testing.T, deployment string) *faultServer {
	t.Helper()
	faultServers.Lock()
	defer faultServers.Unlock()
	if fs := faultServers.byDeployment[deployment]; fs != nil {
		return fs
	}
	site := jiratest.DemoSite(jiratest.DemoOptions{Deployment: deployment, Issues: faultSiteIssues, Seed: 7, Now: syncNow})
	fs := &faultServer{srv: jiratest.NewServer(site, smallCaps...), cases: map[string]func(*http.Request) *jiratest.Fault{},
		refs: map[int]string{}, pages: map[string]int{}}
	fs.cfg = jira.Config{BaseURL: fs.srv.URL(), Email: jiratest.DemoEmail, APIToken: jiratest.DemoAPIToken}
	if deployment == jiratest.DeploymentServer {
		fs.cfg = jira.Config{BaseURL: fs.srv.URL(), PAT: jiratest.DemoPAT}
	}
	fs.srv.Inject(func(r *http.Request) *jiratest.Fault {
		fs.mu.Lock()
		hook := fs.cases[r.Header.Get(caseHeader)]
		fs.mu.Unlock()
		if hook == nil {
			return nil
		}
		return hook(r)
	})
	if faultServers.byDeployment == nil {
		faultServers.byDeployment = map[string]*faultServer{}
	}
	faultServers.byDeployment[deployment] = fs
	return fs
}

// faultClient is one case: its own database, and a client whose requests
// carry the case's header.
type faultClient struct {
	fs     *faultServer
	id     string
	store  *sqlite.Store
	sleeps []time.Duration
	mu     sync.Mutex
	// concurrency is the client's requests in flight; 1 (the default here)
	// sends them in the order a serial client does, so that a fault on the
	// n-th request of a kind hits a known page.
	concurrency int
}

func (fs *faultServer) newCase(t *testing.T) *faultClient {
	fs.mu.Lock()
	id := fmt.Sprint(len(fs.cases) + 1)
	fs.cases[id] = nil
	fs.mu.Unlock()
	return &faultClient{fs: fs, id: id, store: freshStore(t), concurrency: 1}
}

// inject serves fault(n) instead of the case's n-th request (from 1) whose
// path matches pattern; a nil fault removes the faults.
func (fc *faultClient) inject(pattern string, fault func(n int) *jiratest.Fault) {
	var hook func(*http.Request) *jiratest.Fault
	if fault != nil {
		hook = nthRequest(pattern, fault)
	}
	fc.fs.mu.Lock()
	defer fc.fs.mu.Unlock()
	fc.fs.cases[fc.id] = hook
}

// headerTransport marks each request with its case.
type headerTransport struct{ id string }

func (h headerTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set(caseHeader, h.id)
	return http.DefaultTransport.RoundTrip(r)
}

// sync runs one sync of the case with instant retry waits (recorded) and
// the given request timeout (0: the default), and counts the pages it
// committed; stopAfter > 0 stops it after that many.
func (fc *faultClient) syncPages(t *testing.T, timeout time.Duration, stopAfter int) (committed int, err error) {
	t.Helper()
	jopts := []jira.Option{jira.WithPageSize(100), jira.WithConcurrency(fc.concurrency), jira.WithHTTPTransport(headerTransport{fc.id}),
		jira.WithSleep(func(ctx context.Context, d time.Duration) error {
			fc.mu.Lock()
			defer fc.mu.Unlock()
			fc.sleeps = append(fc.sleeps, d)
			return ctx.Err()
		})}
	if timeout > 0 {
		jopts = append(jopts, jira.WithRequestTimeout(timeout))
	}
	c, err := jira.New(fc.fs.cfg, jopts...)
	if err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	opts := evsync.Options{Now: func() time.Time { return syncNow }, Stop: stop}
	opts.Progress = func(int, int) {
		if committed++; committed == stopAfter {
			close(stop)
		}
	}
	_, err = runSync(context.Background(), c, fc.store, opts)
	return committed, err
}

func (fc *faultClient) sync(t *testing.T, timeout time.Duration) (int, error) {
	return fc.syncPages(t, timeout, 0)
}

// reference is the dump of a fresh database synced with no faults: the
// whole site when pages is negative, else only its first pages committed
// pages (0: the site row alone, as a sync that fails on its first page
// leaves it).
func (fs *faultServer) reference(t *testing.T, pages int) string {
	t.Helper()
	fs.mu.Lock()
	ref, ok := fs.refs[pages]
	fs.mu.Unlock()
	if ok {
		return ref
	}
	fc := fs.newCase(t)
	var err error
	switch {
	case pages == 0:
		fc.inject(searchPath, func(int) *jiratest.Fault { return &jiratest.Fault{Status: http.StatusBadRequest} })
		_, err = fc.sync(t, 0)
		if err == nil {
			t.Fatal("the reference sync that fails at once did not fail")
		}
		err = nil
	case pages > 0:
		var committed int
		if committed, err = fc.syncPages(t, 0, pages); committed != pages {
			t.Fatalf("reference sync committed %d pages, want %d", committed, pages)
		}
	default:
		_, err = fc.sync(t, 0)
	}
	if err != nil {
		t.Fatalf("reference sync: %v", err)
	}
	ref = dumpStore(t, fc.store)
	fs.mu.Lock()
	fs.refs[pages] = ref
	fs.mu.Unlock()
	return ref
}

// pagesBefore finds how many pages a sync commits before it fails on its
// n-th request matching path: the pages before the one that request is
// for. A search first probes what it will read (one search request), then
// pages are fetched in order, each completed before the next search (at
// one request at a time), so that page is the one of the last search
// request; while it is
// fetched the page before may still be being stored, but it commits
// before the failure is reported.
func (fs *faultServer) pagesBefore(t *testing.T, path string, n int) int {
	t.Helper()
	key := fmt.Sprint(path, "#", n)
	fs.mu.Lock()
	pages, ok := fs.pages[key]
	fs.mu.Unlock()
	if ok {
		return pages
	}
	fc := fs.newCase(t)
	re, search := regexp.MustCompile(path), regexp.MustCompile(searchPath)
	var mu sync.Mutex
	searches, seen, pagesThen := 0, 0, -1
	fs.mu.Lock()
	fs.cases[fc.id] = func(r *http.Request) *jiratest.Fault {
		mu.Lock()
		defer mu.Unlock()
		if search.MatchString(r.URL.Path) {
			searches++
		}
		if re.MatchString(r.URL.Path) {
			if seen++; seen == n {
				pagesThen = searches - 2 // less the plan's probe and the page being fetched
			}
		}
		return nil
	}
	fs.mu.Unlock()
	if _, err := fc.sync(t, 0); err != nil || pagesThen < 0 {
		t.Fatalf("healthy sync: %v; fewer than %d requests to %s", err, n, path)
	}
	fs.mu.Lock()
	fs.pages[key] = pagesThen
	fs.mu.Unlock()
	return pagesThen
}

// on answers the n-th matching request with fault when n is in [from, to].
func on(from, to int, fault jiratest.Fault) func(int) *jiratest.Fault {
	return func(n int) *jiratest.Fault {
		if n >= from && n <= to {
			return &fault
		}
		return nil
	}
}

const forever = 1 << 30

func TestFaultsRateLimitStorms(t *testing.T) {
	tooMany := jiratest.Fault{Status: http.StatusTooManyRequests, RetryAfter: "2"}
	for _, c := range []faultCase{
		{name: "five 429s on a search page are waited out", path: searchPath, fault: on(4, 8, tooMany)},
		{name: "429s on bulk changelogs are waited out", path: bulkPath, fault: on(1, 5, tooMany)},
		{name: "429s on comment pages are waited out", path: commentPath, fault: on(2, 6, tooMany)},
		{name: "a storm that outlasts the retries exits 4 after two pages", path: searchPath, fault: on(4, forever, tooMany), exit: 4, pages: 2},
		{name: "a storm on Server exits 4", deployment: jiratest.DeploymentServer, path: searchPath, fault: on(5, forever, tooMany), exit: 4, pages: 3},
	} {
		t.Run(c.name, c.run)
	}
}

func TestFaultsRateLimitWaitsAreJirasRetryAfter(t *testing.T) {
	f := newSyncFixture(t, jiratest.DeploymentCloud, 30, jiratest.WithPageCap(10))
	injectOn(f.srv, searchPath, on(2, 6, jiratest.Fault{Status: http.StatusTooManyRequests, RetryAfter: "2"}))
	if _, err := f.faultySync(t, evsync.Options{}); err != nil {
		t.Fatal(err)
	}
	if want := "[2s 2s 2s 2s 2s]"; fmt.Sprint(*f.sleeps) != want {
		t.Errorf("waits = %v, want %s", *f.sleeps, want)
	}
}

func TestFaultsRetryAfterLongerThanASyncMayWaitExits4AtOnce(t *testing.T) {
	c := faultCase{path: searchPath, fault: on(3, forever, jiratest.Fault{Status: http.StatusTooManyRequests, RetryAfter: "600"}), exit: 4, pages: 1}
	c.run(t)
}

func TestFaultsServerErrorBursts(t *testing.T) {
	burst := func(status int) jiratest.Fault { return jiratest.Fault{Status: status} }
	for _, c := range []faultCase{
		{name: "500s on search", path: searchPath, fault: on(3, 5, burst(500))},
		{name: "502s on bulk changelogs", path: bulkPath, fault: on(2, 3, burst(502))},
		{name: "503s on comments", path: commentPath, fault: on(1, 2, burst(503))},
		{name: "504s on worklogs", path: worklogPath, fault: on(3, 5, burst(504))},
		{name: "500s on Server changelogs", deployment: jiratest.DeploymentServer, path: `/rest/api/2/issue/\d+$`, fault: on(1, 2, burst(500))},
		{name: "503s on Server search", deployment: jiratest.DeploymentServer, path: searchPath, fault: on(3, 4, burst(503))},
		{name: "503 with Retry-After", path: searchPath, fault: on(3, 4, jiratest.Fault{Status: 503, RetryAfter: "1"})},
		{name: "persistent 500 on search exits 4", path: searchPath, fault: on(5, forever, burst(500)), exit: 4, pages: 3},
		{name: "persistent 502 on bulk changelogs exits 4", path: bulkPath, fault: on(2, forever, burst(502)), exit: 4, pages: -1, at: 2},
		{name: "persistent 503 on comments exits 4", path: commentPath, fault: on(1, forever, burst(503)), exit: 4, pages: -1, at: 1},
		{name: "persistent 504 on Server changelogs exits 4", deployment: jiratest.DeploymentServer, path: `/rest/api/2/issue/\d+$`, fault: on(3, forever, burst(504)), exit: 4, pages: -1, at: 3},
	} {
		t.Run(c.name, c.run)
	}
}

func TestFaultsConnectionResetMidBody(t *testing.T) {
	reset := func(at int) jiratest.Fault { return jiratest.Fault{Truncate: at} }
	for _, c := range []faultCase{
		{name: "after one byte of a search page", path: searchPath, fault: on(3, 3, reset(1))},
		{name: "twice in the middle of a search page", path: searchPath, fault: on(4, 5, reset(5_000))},
		{name: "in a bulk changelog answer", path: bulkPath, fault: on(1, 2, reset(300))},
		{name: "in a comment page", path: commentPath, fault: on(2, 2, reset(50))},
		{name: "in a worklog page", path: worklogPath, fault: on(1, 1, reset(10))},
		{name: "in a Server search page", deployment: jiratest.DeploymentServer, path: searchPath, fault: on(3, 4, reset(5_000))},
		{name: "on every try of a search page exits 4", path: searchPath, fault: on(4, forever, reset(1_000)), exit: 4, pages: 2},
		{name: "on every try of a comment page exits 4", path: commentPath, fault: on(3, forever, reset(1)), exit: 4, pages: -1, at: 3},
	} {
		t.Run(c.name, c.run)
	}
}

func TestFaultsMalformedAnswers(t *testing.T) {
	ok := func(body string) jiratest.Fault { return jiratest.Fault{Status: http.StatusOK, Body: body} }
	for _, c := range []faultCase{
		{name: "truncated JSON search page", path: searchPath, fault: on(4, 4, ok(`{"issues":[{"id":"10001","key":"OPS-1","fields":{"summ`)), exit: 1, pages: 2},
		{name: "an HTML error page with status 200", path: searchPath, fault: on(3, 3, ok(`<html><body>Service temporarily unavailable</body></html>`)), exit: 1, pages: 1},
		{name: "issues that are not a list", path: searchPath, fault: on(5, 5, ok(`{"issues":"none","isLast":true}`)), exit: 1, pages: 3},
		{name: "an issue without id", path: searchPath, fault: on(3, 3, ok(`{"issues":[{"key":"OPS-1"}],"isLast":true}`)), exit: 1, pages: 1},
		{name: "an issue that is not an object", path: searchPath, fault: on(3, 3, ok(`{"issues":[42],"isLast":true}`)), exit: 1, pages: 1},
		{name: "a time Jira never writes", path: searchPath, fault: on(4, 4, ok(`{"issues":[{"id":"1","key":"X-1","fields":{"updated":"yesterday"}}],"isLast":true}`)), exit: 1, pages: 2},
		{name: "a null page", path: searchPath, fault: on(2, 2, ok(`null`)), exit: 0},
		{name: "a comment page without comments", path: commentPath, fault: on(2, 2, ok(`{"startAt":0,"total":9}`)), exit: 1, pages: -1, at: 2},
		{name: "a truncated comment page", path: commentPath, fault: on(1, 1, ok(`{"comments":[{"id":"2`)), exit: 1, pages: -1, at: 1},
		{name: "a worklog page of the wrong shape", path: worklogPath, fault: on(2, 2, ok(`{"worklogs":{"id":"1"}}`)), exit: 1, pages: -1, at: 2},
		{name: "a malformed bulk changelog answer", path: bulkPath, fault: on(2, 2, ok(`{"issueChangeLogs":{}}`)), exit: 1, pages: -1, at: 2},
		{name: "an empty bulk changelog answer falls back to single issues", path: bulkPath, fault: on(1, forever, ok(`{"issueChangeLogs":[]}`)), rawDiffers: true},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.name == "a null page" {
				// A null page is an empty one: the sync ends there having
				// stored nothing, which the next sync makes good.
				t.Parallel()
				fs := sharedFaultServer(t, jiratest.DeploymentCloud)
				fc := fs.newCase(t)
				fc.inject(c.path, c.fault)
				if _, err := fc.sync(t, 0); err != nil {
					t.Fatal(err)
				}
				sameDump(t, "after a null page", fs.reference(t, 0), dumpStore(t, fc.store))
				fc.inject("", nil)
				if _, err := fc.sync(t, 0); err != nil {
					t.Fatal(err)
				}
				sameDump(t, "resumed", fs.reference(t, -1), dumpStore(t, fc.store))
				return
			}
			c.run(t)
		})
	}
}

func TestFaultsPageThatTimesOut(t *testing.T) {
	slow := jiratest.Fault{Delay: time.Minute} // far beyond the request timeout
	stall := jiratest.Fault{Truncate: 2_000, Hang: true}
	for _, c := range []faultCase{
		{name: "a search page that answers too late, once", path: searchPath, fault: on(4, 4, slow)},
		{name: "a search page that stalls halfway, twice", path: searchPath, fault: on(3, 4, stall)},
		{name: "a bulk changelog answer that stalls", path: bulkPath, fault: on(1, 1, stall)},
		{name: "a comment page that times out", path: commentPath, fault: on(2, 2, slow)},
		{name: "a search page that always times out exits 4", path: searchPath, fault: on(6, forever, slow), exit: 4, pages: 4},
		{name: "a search page that always stalls exits 4", path: searchPath, fault: on(3, forever, stall), exit: 4, pages: 1},
	} {
		c.timeout = 500 * time.Millisecond
		t.Run(c.name, c.run)
	}
}

// Edits, deletions and additions of comments, a long thread growing and an
// issue moving to another project: an incremental sync, and a full one,
// leave what a fresh sync of the changed site leaves.
func TestFaultsSiteChangesBetweenSyncsMatchAFreshSync(t *testing.T) {
	for _, deployment := range []string{jiratest.DeploymentCloud, jiratest.DeploymentServer} {
		t.Run(deployment, func(t *testing.T) {
			f := newSyncFixture(t, deployment, faultSiteIssues, smallCaps...)
			if _, err := f.faultySync(t, evsync.Options{}); err != nil {
				t.Fatal(err)
			}
			later := syncNow.Add(time.Hour)
			var showsMovedKey []string
			f.srv.Update(func(s *jiratest.Site) {
				issues := s.Issues()
				var mine []*jiratest.Comment
				var keys []string
				for _, is := range issues {
					for _, c := range is.Comments {
						if c.Author == s.Me {
							mine, keys = append(mine, c), append(keys, is.Key)
						}
					}
				}
				if len(mine) < 3 {
					t.Fatal("too few comments by jira.Me on the demo site")
				}
				must(t, s.EditComment(keys[0], mine[0].ID, "Decision: we ship the smaller scope first; {color:red}revisit in Q3{color}.", later))
				must(t, s.DeleteComment(keys[1], mine[1].ID, later))
				_, err := s.AddComment(keys[2], true, "Update: the rollout is at 50%, next update Friday.", later)
				must(t, err)
				// Move an issue others show (link to, or have as parent).
				var moved *jiratest.Issue
				for _, is := range issues {
					if is.Parent != nil && is.Parent != issues[9] {
						moved = is.Parent
						break
					}
				}
				if moved == nil {
					t.Fatal("no epic with children on the demo site")
				}
				target := "MOB"
				if moved.Project.Key == target {
					target = "PAY"
				}
				_, err = s.MoveIssue(moved.Key, target, later)
				must(t, err)
				// Issues that show the moved one's key (links, parent) are
				// not updated by the move, so an incremental sync keeps
				// the old key there, which Jira still resolves.
				for _, is := range issues {
					if is.Parent == moved || slices.ContainsFunc(is.Links, func(l *jiratest.Link) bool { return l.From == moved || l.To == moved }) {
						showsMovedKey = append(showsMovedKey, is.ID)
					}
				}
				// A comment thread of more than one page changes while
				// nothing else does.
				for i := 0; i < 7; i++ {
					_, err := s.AddComment(issues[9].Key, i%2 == 0, fmt.Sprintf("Follow-up %d: blocked on the vendor; escalated to their account manager.", i), later.Add(time.Duration(i)*time.Minute))
					must(t, err)
				}
			})
			if _, err := f.faultySync(t, evsync.Options{}); err != nil {
				t.Fatal(err)
			}
			if len(showsMovedKey) == 0 {
				t.Fatal("the moved issue has no links: the test proves less than it says")
			}
			fresh := f.freshSyncDump(t)
			sameDump(t, "incremental sync after edits, deletes, additions and a move",
				withoutIssues(fresh, showsMovedKey), withoutIssues(dumpStore(t, f.store), showsMovedKey))
			if _, err := f.faultySync(t, evsync.Options{Full: true}); err != nil {
				t.Fatal(err)
			}
			sameDump(t, "full sync after the same", fresh, dumpStore(t, f.store))
		})
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// myEvidenceOn returns the ids of the stored evidence on an issue.
func myEvidenceOn(t *testing.T, store *sqlite.Store, key string) []string {
	t.Helper()
	items, err := store.Evidence(context.Background(), evidence.Filter{IssueKey: &key, IncludeExcluded: true})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, ev := range items {
		ids = append(ids, ev.ID)
	}
	return ids
}

// withoutRaw drops the raw JSON column from a dump.
func withoutRaw(dump string) string {
	return regexp.MustCompile(`\traw=\d+:[0-9a-f]+`).ReplaceAllString(dump, "")
}

// withoutIssues drops the rows of some issues from a dump.
func withoutIssues(dump string, issueIDs []string) string {
	var out []string
	for _, line := range strings.Split(dump, "\n") {
		if !slices.ContainsFunc(issueIDs, func(id string) bool { return strings.Contains(line, "\tissue_id="+strconv.Quote(id)+"\t") }) {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}

// withoutTable drops one table's section from a dump.
func withoutTable(dump, table string) string {
	var out []string
	skip := false
	for _, line := range strings.Split(dump, "\n") {
		if strings.HasPrefix(line, "## ") {
			skip = line == "## "+table
		}
		if !skip {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}

func TestFaultsDeletedIssueIsRemovedByAFullSyncKeepingCuration(t *testing.T) {
	f := newSyncFixture(t, jiratest.DeploymentCloud, faultSiteIssues, smallCaps...)
	ctx := context.Background()
	if _, err := f.faultySync(t, evsync.Options{}); err != nil {
		t.Fatal(err)
	}
	// The user curated evidence on an issue that is then deleted.
	var deleted string
	var curated []string
	for _, is := range f.site.Issues() {
		if ids := myEvidenceOn(t, f.store, is.Key); len(ids) > 0 {
			deleted, curated = is.Key, ids
			break
		}
	}
	if deleted == "" {
		t.Fatal("no issue with evidence on the demo site")
	}
	must(t, f.store.SetNote(ctx, curated[0], "led the vendor call"))
	must(t, f.store.SetExcluded(ctx, curated[len(curated)-1], true))
	before := dumpStore(t, f.store)
	f.srv.Update(func(s *jiratest.Site) { must(t, s.DeleteIssue(deleted)) })

	// An incremental sync cannot see a deletion: nothing changes.
	if _, err := f.faultySync(t, evsync.Options{}); err != nil {
		t.Fatal(err)
	}
	sameDump(t, "incremental sync after a deletion", before, dumpStore(t, f.store))

	// A full sync removes the issue, its activities and evidence, and
	// only that; the user's curation of it stays.
	full, err := runSync(ctx, f.client(t), f.store, evsync.Options{Full: true, Now: func() time.Time { return syncNow }})
	if err != nil {
		t.Fatal(err)
	}
	if full.Removed != 1 {
		t.Errorf("full sync removed %d issues, want 1", full.Removed)
	}
	fresh := f.freshSyncDump(t)
	got := dumpStore(t, f.store)
	sameDump(t, "full sync after a deletion, curation aside", withoutTable(fresh, "curation"), withoutTable(got, "curation"))
	for _, id := range curated {
		if strings.Contains(withoutTable(got, "curation"), id) {
			t.Errorf("evidence %s of the deleted issue is still stored", id)
		}
	}
	if !strings.Contains(got, `evidence_id="`+curated[0]+`"`) || !strings.Contains(got, `"led the vendor call"`) ||
		!strings.Contains(got, `evidence_id="`+curated[len(curated)-1]+`"`) {
		t.Errorf("the curation of the deleted issue's evidence is gone:\n%s", got[strings.Index(got, "## curation"):])
	}
	// The check costs one request for the one issue and one for its project.
	if n, p := f.requestsMatching(`^/rest/api/2/issue/\d+$`), f.requestsMatching(`^/rest/api/2/project/`); n != 1 || p != 1 {
		t.Errorf("%d issue and %d project requests to confirm one deletion, want 1 and 1", n, p)
	}
}

func TestFaultsFullSyncKeepsIssuesOfAProjectNoLongerVisible(t *testing.T) {
	f := newSyncFixture(t, jiratest.DeploymentServer, faultSiteIssues, smallCaps...)
	if _, err := f.faultySync(t, evsync.Options{}); err != nil {
		t.Fatal(err)
	}
	before := dumpStore(t, f.store)
	// The user moved teams and may no longer browse PAY: Jira answers 404
	// for its issues as for deleted ones, but the work still happened.
	f.srv.Update(func(s *jiratest.Site) { must(t, s.SetProjectAccess("PAY", false)) })
	res, err := runSync(context.Background(), f.client(t), f.store, evsync.Options{Full: true, Now: func() time.Time { return syncNow }})
	if err != nil {
		t.Fatal(err)
	}
	if res.Removed != 0 || res.Issues >= faultSiteIssues {
		t.Errorf("full sync read %d issues and removed %d; want fewer than all and none removed", res.Issues, res.Removed)
	}
	sameDump(t, "full sync without access to a project", before, dumpStore(t, f.store))
}

func TestFaultsFullSyncWithJQLOrSinceRemovesNothing(t *testing.T) {
	f := newSyncFixture(t, jiratest.DeploymentCloud, 20, jiratest.WithPageCap(10))
	if _, err := f.faultySync(t, evsync.Options{}); err != nil {
		t.Fatal(err)
	}
	key := f.site.Issues()[3].Key
	f.srv.Update(func(s *jiratest.Site) { must(t, s.DeleteIssue(key)) })
	for _, opts := range []evsync.Options{{Full: true, JQL: "project = OPS"}, {Full: true, Since: syncNow.AddDate(-2, 0, 0)}, {Full: true, DryRun: true}} {
		if _, err := f.faultySync(t, opts); err != nil {
			t.Fatal(err)
		}
	}
	if n := f.count(t, "issues"); n != 20 {
		t.Errorf("%d issues stored after narrowed full syncs, want all 20", n)
	}
	if n := f.requestsMatching(`^/rest/api/2/issue/\d+$`); n != 0 {
		t.Errorf("%d existence checks on syncs that cannot tell what was deleted", n)
	}
}

func TestFaultsDeletionCheckThatFailsExits4AndRemovesNothing(t *testing.T) {
	f := newSyncFixture(t, jiratest.DeploymentCloud, 20, jiratest.WithPageCap(10))
	if _, err := f.faultySync(t, evsync.Options{}); err != nil {
		t.Fatal(err)
	}
	key := f.site.Issues()[3].Key
	f.srv.Update(func(s *jiratest.Site) { must(t, s.DeleteIssue(key)) })
	injectOn(f.srv, `/rest/api/2/project/`, on(1, forever, jiratest.Fault{Status: http.StatusServiceUnavailable}))
	_, err := f.faultySync(t, evsync.Options{Full: true})
	if exitCodeOf(err) != 4 {
		t.Fatalf("err = %v, want exit 4", err)
	}
	f.srv.Inject(nil)
	if n := f.count(t, "issues"); n != 20 {
		t.Errorf("%d issues stored, want all 20 kept when the check fails", n)
	}
}

func TestFaultsUserRenamed(t *testing.T) {
	for _, deployment := range []string{jiratest.DeploymentCloud, jiratest.DeploymentServer} {
		t.Run(deployment, func(t *testing.T) {
			f := newSyncFixture(t, deployment, faultSiteIssues, smallCaps...)
			ctx := context.Background()
			if _, err := f.faultySync(t, evsync.Options{}); err != nil {
				t.Fatal(err)
			}
			mine := f.mineBySource(t)
			key := f.site.Issues()[0].Key
			f.srv.Update(func(s *jiratest.Site) {
				s.Me.DisplayName = "Maya Lindqvist-Okafor"
				if deployment == jiratest.DeploymentServer {
					s.Me.Name = "mokafor" // a new login; the key stays
				}
				for _, u := range s.Users {
					if u != s.Me && u != s.Bot {
						u.DisplayName += " (they/them)"
						break
					}
				}
				_, err := s.AddComment(key, true, "Update: vendor fix verified in staging.", syncNow.Add(time.Hour))
				must(t, err)
			})
			res, err := runSync(ctx, f.client(t), f.store, evsync.Options{Now: func() time.Time { return syncNow }})
			if err != nil {
				t.Fatal(err)
			}
			if res.NewActivities != 1 {
				t.Errorf("after the rename %d new activities of the user, want the 1 new comment", res.NewActivities)
			}
			sites, err := f.store.Sites(ctx)
			if err != nil || len(sites) != 1 || sites[0].User.DisplayName != "Maya Lindqvist-Okafor" {
				t.Fatalf("sites after the rename = %+v, %v; want the one site under the new name", sites, err)
			}
			if deployment == jiratest.DeploymentServer && sites[0].User.Name != "mokafor" {
				t.Errorf("site user name = %q, want the new login", sites[0].User.Name)
			}
			after := f.mineBySource(t)
			after[evidence.SourceComment]--
			if fmt.Sprint(after) != fmt.Sprint(mine) {
				t.Errorf("the user's activities by source went from %v to %v (less the new comment)", mine, after)
			}
			// Names on issues nobody touched are refreshed by --full only,
			// which then leaves what a fresh sync does.
			if _, err := f.faultySync(t, evsync.Options{Full: true}); err != nil {
				t.Fatal(err)
			}
			sameDump(t, "full sync after renames", f.freshSyncDump(t), dumpStore(t, f.store))
		})
	}
}

// mineBySource counts the user's stored activities by source.
func (f *syncFixture) mineBySource(t *testing.T) map[evidence.Source]int {
	t.Helper()
	st, err := f.store.Stats(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	return st.Activities
}
