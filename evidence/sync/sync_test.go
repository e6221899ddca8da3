package sync_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/rules"
	"github.com/pmfolio/pmfolio/evidence/sqlite"
	evsync "github.com/pmfolio/pmfolio/evidence/sync"
	"github.com/pmfolio/pmfolio/jira"
	"github.com/pmfolio/pmfolio/jira/jiratest"
)

var syncNow = time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)

// syncFixture is a fake Jira site, a server for it, a store and a client.
type syncFixture struct {
	site   *jiratest.Site
	srv    *jiratest.Server
	store  *sqlite.Store
	sleeps *[]time.Duration
	cfg    jira.Config
}

func newSyncFixture(t *testing.T, deployment string, issues int, opts ...jiratest.Option) *syncFixture {
	t.Helper()
	site := jiratest.DemoSite(jiratest.DemoOptions{Deployment: deployment, Issues: issues, Seed: 7, Now: syncNow})
	srv := jiratest.NewServer(site, opts...)
	t.Cleanup(srv.Close)
	store, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "pmfolio.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	cfg := jira.Config{BaseURL: srv.URL(), Email: jiratest.DemoEmail, APIToken: jiratest.DemoAPIToken}
	if deployment == jiratest.DeploymentServer {
		cfg = jira.Config{BaseURL: srv.URL(), PAT: jiratest.DemoPAT}
	}
	return &syncFixture{site: site, srv: srv, store: store, sleeps: new([]time.Duration), cfg: cfg}
}

// client builds a fresh client (request counts start at zero) whose retry
// waits are recorded instead of slept.
func (f *syncFixture) client(t *testing.T) *jira.Client {
	t.Helper()
	var mu sync.Mutex
	c, err := jira.New(f.cfg, jira.WithPageSize(100), jira.WithSleep(func(ctx context.Context, d time.Duration) error {
		mu.Lock()
		defer mu.Unlock()
		*f.sleeps = append(*f.sleeps, d)
		return ctx.Err()
	}))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (f *syncFixture) sync(t *testing.T, opts evsync.Options) (evsync.Result, error) {
	t.Helper()
	opts.Now = func() time.Time { return syncNow }
	return runSync(context.Background(), f.client(t), f.store, opts)
}

// truth counts jira.Me's activities on the fake site by source.
func truth(site *jiratest.Site) map[evidence.Source]int {
	me := site.Me
	counts := map[evidence.Source]int{}
	for _, is := range site.Issues() {
		creator := is.Creator
		if creator == nil {
			creator = is.Reporter
		}
		if creator == me {
			counts[evidence.SourceIssue]++
		}
		for _, h := range is.Histories {
			if h.Author == me {
				counts[evidence.SourceChange]++
			}
		}
		for _, c := range is.Comments {
			if c.Author == me {
				counts[evidence.SourceComment]++
			}
		}
		for _, w := range is.Worklogs {
			if w.Author == me {
				counts[evidence.SourceWorklog]++
			}
		}
	}
	return counts
}

func (f *syncFixture) assertComplete(t *testing.T) {
	t.Helper()
	st, err := f.store.Stats(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	want := truth(f.site)
	for _, src := range []evidence.Source{evidence.SourceIssue, evidence.SourceChange, evidence.SourceComment, evidence.SourceWorklog} {
		if st.Activities[src] != want[src] {
			t.Errorf("stored %d %s activities of the user, the site has %d", st.Activities[src], src, want[src])
		}
	}
	if n := f.count(t, "issues"); n != f.site.IssueCount() {
		t.Errorf("stored %d issues, the site has %d", n, f.site.IssueCount())
	}
}

// requestsMatching counts the server's requests whose path matches pattern.
func (f *syncFixture) requestsMatching(pattern string) int {
	re := regexp.MustCompile(pattern)
	n := 0
	for path, count := range f.srv.RequestsByPath() {
		if re.MatchString(path) {
			n += count
		}
	}
	return n
}

func (f *syncFixture) count(t *testing.T, table string) int {
	t.Helper()
	st, err := f.store.TableCounts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st[table]
}

func TestSyncCloudPagesThroughSearchChangelogsCommentsAndWorklogs(t *testing.T) {
	f := newSyncFixture(t, jiratest.DeploymentCloud, 60,
		jiratest.WithPageCap(25), jiratest.WithChangelogCap(5), jiratest.WithCommentCap(3), jiratest.WithWorklogCap(2))
	res, err := f.sync(t, evsync.Options{})
	if err != nil {
		t.Fatal(err)
	}
	f.assertComplete(t)
	if res.Issues != 60 || res.NewEvidence == 0 || res.NewActivities == 0 {
		t.Errorf("result = %+v", res)
	}
	if got := f.srv.RequestsTo("/rest/api/2/search/jql"); got != 4 {
		t.Errorf("search requests = %d, want the probe of updated times and 3 pages of at most 25", got)
	}
	if f.srv.RequestsTo("/rest/api/2/search?") != 0 {
		t.Error("the removed Cloud /search was called")
	}
	if f.srv.RequestsTo("/rest/api/2/changelog/bulkfetch") == 0 {
		t.Error("cut changelogs were not fetched in bulk")
	}
	if n := f.requestsMatching(`^/rest/api/2/issue/\d+/changelog`); n != 0 {
		t.Errorf("%d per-issue changelog requests although the bulk endpoint answered", n)
	}
	if f.requestsMatching(`^/rest/api/2/issue/\d+/comment`) == 0 || f.requestsMatching(`^/rest/api/2/issue/\d+/worklog`) == 0 {
		t.Error("no comment or worklog paging although the search page held only part")
	}
	if res.Requests != f.srv.Requests() {
		t.Errorf("client counted %d requests, the server saw %d", res.Requests, f.srv.Requests())
	}
	if !strings.Contains(res.UsedJQL, `updatedBy("`+f.site.MyAccount().AccountID+`"`) {
		t.Errorf("Cloud selection = %s, want updatedBy with the accountId", res.UsedJQL)
	}
	run, ok, err := f.store.LastSyncRun(context.Background(), res.Site.ID)
	if err != nil || !ok || run.Result != "ok" || run.Requests != res.Requests || run.Issues != 60 {
		t.Errorf("sync log = %+v, %v, %v", run, ok, err)
	}
}

func TestSyncServerPagesWithStartAtUnderAContextPath(t *testing.T) {
	f := newSyncFixture(t, jiratest.DeploymentServer, 45,
		jiratest.WithContextPath("/jira"), jiratest.WithPageCap(20), jiratest.WithChangelogCap(4), jiratest.WithCommentCap(2))
	res, err := f.sync(t, evsync.Options{})
	if err != nil {
		t.Fatal(err)
	}
	f.assertComplete(t)
	if res.Site.Deployment != evidence.DeploymentServer || !strings.HasSuffix(res.Site.URL, "/jira") {
		t.Errorf("site = %+v", res.Site)
	}
	if got := f.srv.RequestsTo("/rest/api/2/search"); got != 4 {
		t.Errorf("search requests = %d, want the probe of the total and 3 pages (20+20+5)", got)
	}
	if f.srv.RequestsTo("/rest/api/2/search/jql") != 0 {
		t.Error("Server has no /search/jql but it was called")
	}
	if !strings.Contains(res.UsedJQL, "currentUser()") {
		t.Errorf("Server selection = %s", res.UsedJQL)
	}
}

func TestSyncOf1000IssuesFitsIn14RequestsWhenSearchPagesHoldEverything(t *testing.T) {
	f := newSyncFixture(t, jiratest.DeploymentCloud, 1000,
		jiratest.WithPageCap(100), jiratest.WithChangelogCap(1000), jiratest.WithCommentCap(1000), jiratest.WithWorklogCap(1000))
	res, err := f.sync(t, evsync.Options{})
	if err != nil {
		t.Fatal(err)
	}
	f.assertComplete(t)
	// serverInfo, myself, the probe of updated times, field, then ten
	// search pages in four windows of 300, 300, 300 and 100 issues:
	// nothing per issue, and no page lost to the split.
	if res.Requests != 14 {
		t.Errorf("requests = %d, want 14", res.Requests)
	}
}

func TestSyncIncrementalReflectsNewEditedDeletedCommentsAndMovedIssues(t *testing.T) {
	f := newSyncFixture(t, jiratest.DeploymentCloud, 40, jiratest.WithPageCap(15))
	ctx := context.Background()
	first, err := f.sync(t, evsync.Options{})
	if err != nil {
		t.Fatal(err)
	}
	issues := f.site.Issues()
	later := syncNow.Add(time.Hour)
	var (
		addedID, deletedID, editedID string
		movedID, movedKey            string
	)
	f.srv.Update(func(s *jiratest.Site) {
		var err error
		if addedID, err = s.AddComment(issues[0].Key, true, "Update: rollout is at 50%, next update Friday.", later); err != nil {
			t.Fatal(err)
		}
		for _, is := range issues[1:] {
			for _, c := range is.Comments {
				if c.Author == s.Me && deletedID == "" {
					deletedID = c.ID
					if err := s.DeleteComment(is.Key, c.ID, later); err != nil {
						t.Fatal(err)
					}
				} else if c.Author == s.Me && editedID == "" && deletedID != c.ID {
					editedID = c.ID
					if err := s.EditComment(is.Key, c.ID, "Decision: we agreed to ship the smaller scope first.", later); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
		target := "MOB"
		if issues[2].Project.Key == "MOB" {
			target = "OPS"
		}
		movedID = issues[2].ID
		if movedKey, err = s.MoveIssue(issues[2].Key, target, later); err != nil {
			t.Fatal(err)
		}
	})
	if deletedID == "" || editedID == "" {
		t.Fatal("the demo site has too few comments by jira.Me to test edits and deletes")
	}
	second, err := f.sync(t, evsync.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if second.Issues >= first.Issues {
		t.Errorf("incremental sync re-read %d issues of %d; it must read only what changed", second.Issues, first.Issues)
	}
	f.assertComplete(t)

	texts := f.activityTexts(t)
	if texts[addedID] != "Update: rollout is at 50%, next update Friday." {
		t.Errorf("new comment stored as %q", texts[addedID])
	}
	if _, ok := texts[deletedID]; ok {
		t.Error("a deleted comment is still stored")
	}
	if texts[editedID] != "Decision: we agreed to ship the smaller scope first." {
		t.Errorf("edited comment stored as %q", texts[editedID])
	}
	key, err := f.store.IssueKey(ctx, second.Site.ID, movedID)
	if err != nil || key != movedKey {
		t.Errorf("moved issue stored under %q (%v), want %q", key, err, movedKey)
	}
}

// activityTexts maps the user's stored comment ids to their text.
// rewriteOneOfMyComments changes the text of one of Me's comments on the
// site without moving its issue's updated time (Jira does this for some
// admin and bulk operations), and returns the comment's id.
func (f *syncFixture) rewriteOneOfMyComments(text string) string {
	var commentID string
	f.srv.Update(func(s *jiratest.Site) {
		for _, is := range s.Issues() {
			for _, c := range is.Comments {
				if c.Author == s.Me && commentID == "" {
					commentID, c.Body = c.ID, text
				}
			}
		}
	})
	return commentID
}

func (f *syncFixture) activityTexts(t *testing.T) map[string]string {
	t.Helper()
	items, err := f.store.Activities(context.Background(), evidence.SourceComment)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, a := range items {
		out[a.SourceID] = a.Text
	}
	return out
}

func TestSyncWrongTokenIsAnAuthErrorAndStoresNothing(t *testing.T) {
	f := newSyncFixture(t, jiratest.DeploymentCloud, 10)
	f.cfg.APIToken = "not-the-token"
	_, err := f.sync(t, evsync.Options{})
	var jerr *jira.Error
	if !errors.As(err, &jerr) || jerr.Kind != jira.KindAuth || jerr.Status != http.StatusUnauthorized {
		t.Fatalf("err = %v, want a 401 auth error", err)
	}
	if strings.Contains(err.Error(), "not-the-token") || strings.Contains(err.Error(), jiratest.DemoEmail) {
		t.Errorf("error leaks a credential: %v", err)
	}
	if n := f.count(t, "sites") + f.count(t, "issues"); n != 0 {
		t.Errorf("a refused sync stored %d rows", n)
	}
}

// failSearches serves fault(n) instead of the n-th search request (from 1);
// a nil fault serves the real answer.
func failSearches(srv *jiratest.Server, fault func(n int) *jiratest.Fault) {
	var mu sync.Mutex
	searches := 0
	srv.Inject(func(r *http.Request) *jiratest.Fault {
		if !strings.Contains(r.URL.Path, "/rest/api/2/search") {
			return nil
		}
		mu.Lock()
		defer mu.Unlock()
		searches++
		return fault(searches)
	})
}

func TestSyncWaitsForRateLimitsAndRetriesServerErrors(t *testing.T) {
	f := newSyncFixture(t, jiratest.DeploymentCloud, 30, jiratest.WithPageCap(10))
	failSearches(f.srv, func(n int) *jiratest.Fault {
		switch n {
		case 1: // the probe
			return &jiratest.Fault{Status: http.StatusTooManyRequests, RetryAfter: "7"}
		case 3:
			return &jiratest.Fault{Status: http.StatusBadGateway}
		}
		return nil
	})
	if _, err := f.sync(t, evsync.Options{}); err != nil {
		t.Fatal(err)
	}
	f.assertComplete(t)
	if len(*f.sleeps) != 2 || (*f.sleeps)[0] != 7*time.Second {
		t.Errorf("waits = %v, want Retry-After's 7s then one backoff", *f.sleeps)
	}
	if d := (*f.sleeps)[1]; d < 3500*time.Millisecond || d > 6500*time.Millisecond {
		t.Errorf("first backoff = %v, want 5s ± 30%%", d)
	}
}

func TestSyncGivesUpOnPersistentFailuresKeepingCommittedPages(t *testing.T) {
	f := newSyncFixture(t, jiratest.DeploymentCloud, 30, jiratest.WithPageCap(10))
	failSearches(f.srv, func(n int) *jiratest.Fault {
		if n > 2 { // after the probe and the first page
			return &jiratest.Fault{Status: http.StatusServiceUnavailable}
		}
		return nil
	})
	_, err := f.sync(t, evsync.Options{})
	var jerr *jira.Error
	if !errors.As(err, &jerr) || jerr.Kind != jira.KindUnreachable {
		t.Fatalf("err = %v, want unreachable after retries", err)
	}
	if got := f.count(t, "issues"); got != 10 {
		t.Errorf("stored %d issues, want exactly the first committed page of 10", got)
	}
	if len(*f.sleeps) != jira.DefaultRetryPolicy.MaxAttempts-1 {
		t.Errorf("retried %d times, want %d", len(*f.sleeps), jira.DefaultRetryPolicy.MaxAttempts-1)
	}
}

func TestSyncRejectsGarbageWithoutHalfAPage(t *testing.T) {
	f := newSyncFixture(t, jiratest.DeploymentCloud, 30, jiratest.WithPageCap(10))
	failSearches(f.srv, func(n int) *jiratest.Fault {
		if n == 3 { // the second page, after the probe and the first
			return &jiratest.Fault{Status: http.StatusOK, Body: `{"issues":[{"id":"1","key":"X-1","fields":{"created":"not a time"}}],"isLast":true}`}
		}
		return nil
	})
	_, err := f.sync(t, evsync.Options{})
	var jerr *jira.Error
	if !errors.As(err, &jerr) || jerr.Kind != jira.KindProtocol {
		t.Fatalf("err = %v, want a protocol error", err)
	}
	if got := f.count(t, "issues"); got != 10 {
		t.Errorf("stored %d issues, want the 10 of the first page", got)
	}
	// The next sync resumes and completes.
	f.srv.Inject(nil)
	if _, err := f.sync(t, evsync.Options{}); err != nil {
		t.Fatal(err)
	}
	f.assertComplete(t)
}

func TestSyncStopsAfterTheCurrentPage(t *testing.T) {
	f := newSyncFixture(t, jiratest.DeploymentServer, 30, jiratest.WithPageCap(10))
	stop := make(chan struct{})
	close(stop)
	res, err := f.sync(t, evsync.Options{Stop: stop})
	if err != nil || !res.Stopped || res.Issues != 10 {
		t.Fatalf("stopped sync = %+v, %v; want 10 issues and Stopped", res, err)
	}
	if got := f.count(t, "issues"); got != 10 {
		t.Errorf("stored %d issues, want the committed page of 10", got)
	}
	if _, err := f.sync(t, evsync.Options{}); err != nil {
		t.Fatal(err)
	}
	f.assertComplete(t)
}

func TestSecondSyncOnTheSameDatabaseIsRefused(t *testing.T) {
	f := newSyncFixture(t, jiratest.DeploymentCloud, 5)
	lock, err := sqlite.LockForSync(f.store.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Unlock()
	if _, err := f.sync(t, evsync.Options{}); !errors.Is(err, evidence.ErrLocked) {
		t.Fatalf("err = %v, want ErrLocked", err)
	}
	if f.srv.Requests() != 0 {
		t.Errorf("a locked-out sync sent %d requests", f.srv.Requests())
	}
}

func TestSyncDryRunStoresNothing(t *testing.T) {
	f := newSyncFixture(t, jiratest.DeploymentCloud, 20)
	res, err := f.sync(t, evsync.Options{DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, n := range truth(f.site) {
		want += n
	}
	if res.Issues != 20 || res.Activities != want {
		t.Errorf("dry run = %+v, want 20 issues and %d activities", res, want)
	}
	if n := f.count(t, "sites") + f.count(t, "issues") + f.count(t, "sync_runs"); n != 0 {
		t.Errorf("dry run stored %d rows", n)
	}
}

// A dry run on no database at all (the command creates none for it) reads
// the whole selection; a sync that would store needs a sink.
func TestSyncDryRunNeedsNoSink(t *testing.T) {
	f := newSyncFixture(t, jiratest.DeploymentCloud, 20)
	opts := evsync.Options{DryRun: true, Classify: rules.Classify, Now: func() time.Time { return syncNow }}
	res, err := evsync.Run(context.Background(), jira.NewSource(f.client(t)), nil, opts)
	if err != nil || res.Issues != 20 {
		t.Errorf("dry run without a sink: %d issues, %v; want 20", res.Issues, err)
	}
	opts.DryRun = false
	if _, err := evsync.Run(context.Background(), jira.NewSource(f.client(t)), nil, opts); err == nil {
		t.Error("a sync that stores ran without a sink")
	}
}

// Jira reads JQL dates in the user's profile time zone; a bound written in
// UTC would skip what changed in the hours after the cursor.
func TestIncrementalSyncMissesNothingJustAfterTheCursor(t *testing.T) {
	f := newSyncFixture(t, jiratest.DeploymentCloud, 30)
	if _, err := f.sync(t, evsync.Options{}); err != nil {
		t.Fatal(err)
	}
	var newest time.Time
	for _, is := range f.site.Issues() {
		if is.Updated.After(newest) {
			newest = is.Updated
		}
	}
	key := f.site.Issues()[0].Key
	f.srv.Update(func(s *jiratest.Site) {
		if _, err := s.AddComment(key, true, "Status: canary is healthy, rolling out to all regions next.", newest.Add(20*time.Minute)); err != nil {
			t.Fatal(err)
		}
	})
	res, err := f.sync(t, evsync.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.NewActivities != 1 {
		t.Errorf("incremental sync found %d new activities, want the 1 comment made 20 minutes after the cursor", res.NewActivities)
	}
	f.assertComplete(t)
}

func TestAnUndialableSiteFailsAtOnce(t *testing.T) {
	f := newSyncFixture(t, jiratest.DeploymentCloud, 1)
	f.srv.Close()
	_, err := f.sync(t, evsync.Options{})
	var jerr *jira.Error
	if !errors.As(err, &jerr) || jerr.Kind != jira.KindUnreachable {
		t.Fatalf("err = %v, want unreachable", err)
	}
	if len(*f.sleeps) != 0 {
		t.Errorf("waited %v before giving up on a site nothing listens on", *f.sleeps)
	}
}

func TestATimedOutRequestIsRetried(t *testing.T) {
	f := newSyncFixture(t, jiratest.DeploymentCloud, 5)
	failSearches(f.srv, func(n int) *jiratest.Fault {
		if n == 1 {
			return &jiratest.Fault{Delay: time.Minute} // outlives the client's request timeout
		}
		return nil
	})
	c, err := jira.New(f.cfg, jira.WithRequestTimeout(200*time.Millisecond), jira.WithSleep(func(context.Context, time.Duration) error { return nil }))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := runSync(context.Background(), c, f.store, evsync.Options{}); err != nil {
		t.Fatalf("a timed-out request was not retried: %v", err)
	}
	f.assertComplete(t)
}

func TestSyncFallsBackToPerIssueChangelogsWithoutTheBulkEndpoint(t *testing.T) {
	f := newSyncFixture(t, jiratest.DeploymentCloud, 40, jiratest.WithChangelogCap(3))
	f.srv.Inject(func(r *http.Request) *jiratest.Fault {
		if strings.HasSuffix(r.URL.Path, "/changelog/bulkfetch") {
			return &jiratest.Fault{Status: http.StatusNotFound}
		}
		return nil
	})
	if _, err := f.sync(t, evsync.Options{}); err != nil {
		t.Fatal(err)
	}
	f.assertComplete(t)
	if f.requestsMatching(`^/rest/api/2/issue/\d+/changelog`) == 0 {
		t.Error("no per-issue changelog requests after the bulk endpoint answered 404")
	}
}

func TestSyncReportsProgressWithCloudsApproximateTotal(t *testing.T) {
	f := newSyncFixture(t, jiratest.DeploymentCloud, 45, jiratest.WithPageCap(20))
	var seen [][2]int
	_, err := f.sync(t, evsync.Options{Progress: func(done, total int) { seen = append(seen, [2]int{done, total}) }})
	if err != nil {
		t.Fatal(err)
	}
	want := [][2]int{{20, 45}, {40, 45}, {45, 45}}
	if fmt.Sprint(seen) != fmt.Sprint(want) {
		t.Errorf("progress = %v, want %v", seen, want)
	}
}

func TestScopedTokenThroughTheGatewayLinksToTheSiteItself(t *testing.T) {
	f := newSyncFixture(t, jiratest.DeploymentCloud, 10,
		jiratest.WithContextPath("/ex/jira/9f2d6b1e-1111-4c3a-8d2e-5f6a7b8c9d0e"), jiratest.WithSiteURL("https://larkspur.atlassian.net"))
	res, err := f.sync(t, evsync.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Site.URL != "https://larkspur.atlassian.net" || res.Site.Name != "larkspur" {
		t.Errorf("site = %q named %q, want the site's own URL", res.Site.URL, res.Site.Name)
	}
	items, err := f.store.Evidence(context.Background(), evidence.Filter{})
	if err != nil || len(items) == 0 {
		t.Fatalf("evidence: %d, %v", len(items), err)
	}
	for _, ev := range items {
		if !strings.HasPrefix(ev.IssueURL, "https://larkspur.atlassian.net/browse/") {
			t.Fatalf("evidence links to %s, not to the site", ev.IssueURL)
		}
	}
}

func TestFullSyncRereadsWhatIncrementalSyncsCannotSee(t *testing.T) {
	f := newSyncFixture(t, jiratest.DeploymentCloud, 20)
	if _, err := f.sync(t, evsync.Options{}); err != nil {
		t.Fatal(err)
	}
	// An old comment changes without its issue's `updated` moving.
	commentID := f.rewriteOneOfMyComments("Decision: we keep the old API until Q3.")
	if _, err := f.sync(t, evsync.Options{}); err != nil {
		t.Fatal(err)
	}
	if got := f.activityTexts(t)[commentID]; got == "Decision: we keep the old API until Q3." {
		t.Fatal("an incremental sync saw a change outside its window; the test proves nothing")
	}
	res, err := f.sync(t, evsync.Options{Full: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Issues != 20 {
		t.Errorf("--full read %d issues, want all 20", res.Issues)
	}
	if got := f.activityTexts(t)[commentID]; got != "Decision: we keep the old API until Q3." {
		t.Errorf("after --full the comment reads %q", got)
	}
}

// --since only bounds a --full sync: within it, everything is read again,
// even on a database that holds all of it (the "nothing new" probe must not
// answer for it).
func TestFullSyncWithSinceRereadsEverythingInTheWindow(t *testing.T) {
	f := newSyncFixture(t, jiratest.DeploymentCloud, 20)
	if _, err := f.sync(t, evsync.Options{}); err != nil {
		t.Fatal(err)
	}
	commentID := f.rewriteOneOfMyComments("Decision: we keep the old API until Q3.")
	since := syncNow
	for _, is := range f.site.Issues() {
		if is.Updated.Before(since) {
			since = is.Updated
		}
	}
	since = since.Add(-24 * time.Hour)
	res, err := f.sync(t, evsync.Options{Full: true, Since: since})
	if err != nil {
		t.Fatal(err)
	}
	if res.Issues != 20 {
		t.Errorf("--full --since read %d issues, want all 20 updated since %s", res.Issues, since.Format(time.DateOnly))
	}
	if got := f.activityTexts(t)[commentID]; got != "Decision: we keep the old API until Q3." {
		t.Errorf("after --full --since the comment reads %q", got)
	}
	// A --since alone is still incremental: what it finds stored, unchanged,
	// it need not fetch.
	if res, err = f.sync(t, evsync.Options{Since: since}); err != nil || res.Issues != 0 {
		t.Errorf("--since on an up-to-date database: %d issues, %v; want none fetched", res.Issues, err)
	}
}

// runSync syncs a Jira client's site into a store with the built-in rules
// unless opts say otherwise.
func runSync(ctx context.Context, c *jira.Client, store *sqlite.Store, opts evsync.Options) (evsync.Result, error) {
	if opts.Classify == nil {
		opts.Classify = rules.Classify
	}
	return evsync.Run(ctx, jira.NewSource(c), store, opts)
}
