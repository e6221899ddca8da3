package sync_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence/next"
	"github.com/pmfolio/pmfolio/evidence/sqlite"
	evsync "github.com/pmfolio/pmfolio/evidence/sync"
	"github.com/pmfolio/pmfolio/jira"
	"github.com/pmfolio/pmfolio/jira/jiratest"
)

// teamFixture is a demo site with a team backlog of about n open issues
// besides the user's own, served on loopback, and a fresh store.
func teamFixture(tb testing.TB, fillers int) (*jiratest.Server, *sqlite.Store, jira.Config) {
	tb.Helper()
	site := jiratest.DemoSite(jiratest.DemoOptions{Deployment: jiratest.DeploymentCloud, Issues: 200, Seed: 1, Now: syncNow,
		TeamBacklog: true, TeamIssues: fillers})
	srv := jiratest.NewServer(site)
	tb.Cleanup(srv.Close)
	store, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "pmfolio.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { store.Close() })
	return srv, store, jira.Config{BaseURL: srv.URL(), Email: jiratest.DemoEmail, APIToken: jiratest.DemoAPIToken}
}

func teamSync(tb testing.TB, cfg jira.Config, store *sqlite.Store, now time.Time) evsync.Result {
	tb.Helper()
	client, err := jira.New(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	// The clock starts at now and runs, so durations are real.
	start := time.Now()
	clock := func() time.Time { return now.Add(time.Since(start)) }
	res, err := runSync(context.Background(), client, store, evsync.Options{Team: &next.TeamScope{}, Now: clock})
	if err != nil {
		tb.Fatal(err)
	}
	if res.Team == nil {
		tb.Fatal("the team phase did not run")
	}
	return res
}

// embeddedComments is how many comments the fake's search embeds, as
// Jira Cloud's does.
const embeddedComments = 20

// The team phase costs one search request per page of 50, and per issue
// only the newest comments of a thread longer than the search embeds (who
// spoke last): no changelogs or worklogs of issues the user never touched.
// An incremental one reads only what changed.
func TestTeamPhaseReadsOnePagePerFiftyIssuesAndThenOnlyWhatChanged(t *testing.T) {
	srv, store, cfg := teamFixture(t, 200)
	res := teamSync(t, cfg, store, syncNow)
	tm := res.Team
	if len(tm.Scope.Projects) == 0 || tm.Issues < 150 {
		t.Fatalf("team phase read %d issues of %v", tm.Issues, tm.Scope.Projects)
	}
	issues, err := store.TeamIssues(context.Background(), res.Site.ID)
	if err != nil || len(issues) != tm.Issues {
		t.Fatalf("stored %d team issues, read %d: %v", len(issues), tm.Issues, err)
	}
	longThreads := 0
	srv.Update(func(s *jiratest.Site) {
		for _, ti := range issues {
			if len(s.Issue(ti.Key).Comments) > embeddedComments {
				longThreads++
			}
		}
	})
	if want := (tm.Issues+49)/50 + longThreads; tm.Requests != want {
		t.Errorf("first team read: %d requests for %d issues (%d long threads), want %d", tm.Requests, tm.Issues, longThreads, want)
	}
	// Open issues, and those resolved lately (an incident's postmortem is
	// due after it), never older ones.
	recent := 0
	for _, ti := range issues {
		switch {
		case !ti.Done():
		case ti.Resolved == nil || syncNow.Sub(*ti.Resolved) > next.TeamReadDays*24*time.Hour:
			t.Errorf("a first team read stored %s, resolved long ago (%v)", ti.Key, ti.Resolved)
		default:
			recent++
		}
	}
	if recent == 0 {
		t.Errorf("a first team read stored no issue resolved in the last %d days", next.TeamReadDays)
	}

	// Two team issues change, then an incremental sync.
	srv.Update(func(s *jiratest.Site) {
		plants := s.TeamPlants()
		s.Touch(plants[0].Key, syncNow.Add(time.Hour))
		s.Touch(plants[1].Key, syncNow.Add(2*time.Hour))
	})
	res = teamSync(t, cfg, store, syncNow.Add(3*time.Hour))
	if res.Team.Requests != 1 || res.Team.Issues < 2 || res.Team.Issues > 10 {
		t.Errorf("incremental team read: %d issues in %d requests, want the 2 changed in 1", res.Team.Issues, res.Team.Requests)
	}
}

// With no team in the config, the demo's SRE is read as her team's: her
// own OPS and the payments and mobile teams she works alongside every week
// (their blockers are what `next` asks her to chase), most active first:
// her own. The other two she works with about as much, so which of them
// comes next changes with the demo's data.
func TestTheDemosDefaultTeamIsTheProjectsSheWorksInSteadily(t *testing.T) {
	_, store, cfg := teamFixture(t, 0)
	res := teamSync(t, cfg, store, syncNow)
	got := res.Team.Scope.Projects
	if len(got) != 3 || got[0] != "OPS" || !slices.Equal(slices.Sorted(slices.Values(got[1:])), []string{"MOB", "PAY"}) {
		t.Errorf("the demo's default team read %v, want OPS, then MOB and PAY", got)
	}
}

// Jira keeps no trace of a deleted issue, so an incremental team read
// cannot notice one; a full sync reads the whole backlog again and keeps
// only what it read, so that `pmfolio next` stops suggesting work on an
// issue that is gone: its team issues are then a fresh sync's.
func TestFullSyncForgetsTeamIssuesNoLongerInTheBacklog(t *testing.T) {
	srv, store, cfg := teamFixture(t, 50)
	ctx := context.Background()
	res := teamSync(t, cfg, store, syncNow)
	var deleted string
	srv.Update(func(s *jiratest.Site) {
		for _, p := range s.TeamPlants() {
			if p.Detector != "" {
				deleted = p.Key
				break
			}
		}
		if err := s.DeleteIssue(deleted); err != nil {
			t.Fatal(err)
		}
	})
	teamSync(t, cfg, store, syncNow.Add(time.Hour))
	if !slices.Contains(teamKeys(t, store, res.Site.ID), deleted) {
		t.Fatalf("an incremental sync forgot %s: it cannot know it was deleted, the test proves less than it says", deleted)
	}
	client, err := jira.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	full, err := runSync(ctx, client, store, evsync.Options{Team: &next.TeamScope{}, Full: true, Now: func() time.Time { return syncNow.Add(2 * time.Hour) }})
	if err != nil || full.Team == nil {
		t.Fatalf("full sync: %v (team phase ran: %v)", err, full.Team != nil)
	}
	got := teamKeys(t, store, res.Site.ID)
	if slices.Contains(got, deleted) {
		t.Errorf("after a full sync the team backlog still holds %s, deleted in Jira", deleted)
	}
	fresh, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "fresh.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	freshRes := teamSync(t, cfg, fresh, syncNow.Add(2*time.Hour))
	if want := teamKeys(t, fresh, freshRes.Site.ID); !slices.Equal(got, want) {
		t.Errorf("team issues after a full sync:\n%v\nwant a fresh sync's:\n%v", got, want)
	}
}

// A nightly sync never runs --full, so an incremental team read a week
// after the last complete one reads the backlog from the start again and
// drops what Jira no longer returns: `next` stops suggesting a deleted
// issue within a week, and the other nights cost a request.
func TestAWeekAfterTheLastCompleteTeamReadANightlySyncReadsItAgain(t *testing.T) {
	site := jiratest.DemoSite(jiratest.DemoOptions{Deployment: jiratest.DeploymentCloud, Issues: 200, Seed: 1, Now: syncNow,
		TeamBacklog: true, TeamIssues: 50})
	srv := jiratest.NewServer(site)
	t.Cleanup(srv.Close)
	now := syncNow
	store, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "pmfolio.db"), sqlite.WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	cfg := jira.Config{BaseURL: srv.URL(), Email: jiratest.DemoEmail, APIToken: jiratest.DemoAPIToken}
	first := teamSync(t, cfg, store, now)
	var deleted string
	srv.Update(func(s *jiratest.Site) {
		deleted = s.TeamPlants()[0].Key
		if err := s.DeleteIssue(deleted); err != nil {
			t.Fatal(err)
		}
	})
	for night := 1; night <= 8; night++ {
		now = syncNow.Add(time.Duration(night) * 24 * time.Hour)
		res := teamSync(t, cfg, store, now)
		held := slices.Contains(teamKeys(t, store, first.Site.ID), deleted)
		switch {
		case night < 8 && (res.Team.Requests != 1 || !held):
			t.Errorf("night %d: %d team requests, deleted issue held: %v; want an incremental read of 1 request, which cannot see the deletion", night, res.Team.Requests, held)
		case night == 8 && (res.Team.Issues < first.Team.Issues-1 || held):
			t.Errorf("night 8: read %d team issues (the first read %d), deleted issue held: %v; want the backlog read again without it", res.Team.Issues, first.Team.Issues, held)
		}
	}
}

// teamKeys are the keys of a site's stored team issues, sorted.
func teamKeys(t *testing.T, store *sqlite.Store, siteID int64) []string {
	t.Helper()
	issues, err := store.TeamIssues(context.Background(), siteID)
	if err != nil {
		t.Fatal(err)
	}
	keys := make([]string, len(issues))
	for i, ti := range issues {
		keys[i] = ti.Key
	}
	slices.Sort(keys)
	return keys
}

// BenchmarkTeamSync500 measures what reading a 500-issue team backlog adds
// to a sync (BENCHMARKS.md): the first read of the open issues, and an
// incremental one after 20 of them changed.
func BenchmarkTeamSync500(b *testing.B) {
	for _, phase := range []string{"first", "incremental"} {
		b.Run(phase, func(b *testing.B) {
			var issues, requests int
			var took time.Duration
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				srv, store, cfg := teamFixture(b, 600) // ~450 open fillers + ~60 planted and demo issues
				res := teamSync(b, cfg, store, syncNow)
				if phase == "incremental" {
					srv.Update(func(s *jiratest.Site) {
						for k, is := range s.Issues()[len(s.Issues())-20:] {
							s.Touch(is.Key, syncNow.Add(time.Duration(k+1)*time.Minute))
						}
					})
					res = teamSync(b, cfg, store, syncNow.Add(time.Hour))
				}
				issues, requests, took = res.Team.Issues, res.Team.Requests, took+res.Team.Duration
				b.StartTimer()
			}
			b.ReportMetric(float64(issues), "team-issues")
			b.ReportMetric(float64(requests), "team-requests")
			b.ReportMetric(float64(took.Milliseconds())/float64(b.N), "team-ms")
		})
	}
}

// The search embeds an issue's oldest comments; the detectors ask who
// spoke last and when, so an issue with more comments than the search
// embeds costs one request more, for its newest.
func TestTeamPhaseReadsTheNewestCommentsOfALongThread(t *testing.T) {
	site := jiratest.DemoSite(jiratest.DemoOptions{Deployment: jiratest.DeploymentCloud, Issues: 50, Seed: 1, Now: syncNow,
		TeamBacklog: true, TeamIssues: 20})
	key := site.TeamPlants()[0].Key
	for i := range 6 {
		if _, err := site.AddComment(key, false, fmt.Sprintf("Note %d on the rollout order.", i), syncNow.Add(-time.Duration(6-i)*time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	srv := jiratest.NewServer(site, jiratest.WithCommentCap(3))
	t.Cleanup(srv.Close)
	store, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "pmfolio.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	res := teamSync(t, jira.Config{BaseURL: srv.URL(), Email: jiratest.DemoEmail, APIToken: jiratest.DemoAPIToken}, store, syncNow)
	issues, err := store.TeamIssues(context.Background(), res.Site.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, ti := range issues {
		if ti.Key != key {
			continue
		}
		last, ok := ti.LastComment()
		if !ok || last.Text != "Note 5 on the rollout order." {
			t.Errorf("%s: the newest comment read is %q, want the sixth note", key, last.Text)
		}
		return
	}
	t.Fatalf("team issue %s was not read", key)
}

// BenchmarkMarkTaken measures what a sync spends finding the suggestions
// the user took (BENCHMARKS.md): 2,000 issues of the user's and 300 open
// suggestions made before all of their work, so that every evidence item
// of a suggested category is a candidate. The first run marks some taken;
// the rest stay open, as old suggestions do.
func BenchmarkMarkTaken(b *testing.B) {
	ctx := context.Background()
	site := jiratest.DemoSite(jiratest.DemoOptions{Deployment: jiratest.DeploymentCloud, Issues: 2000, Seed: 1, Now: syncNow})
	srv := jiratest.NewServer(site)
	b.Cleanup(srv.Close)
	store, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "pmfolio.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	client, err := jira.New(jira.Config{BaseURL: srv.URL(), Email: jiratest.DemoEmail, APIToken: jiratest.DemoAPIToken})
	if err != nil {
		b.Fatal(err)
	}
	res, err := runSync(ctx, client, store, evsync.Options{Now: func() time.Time { return syncNow }})
	if err != nil {
		b.Fatal(err)
	}
	var opps []next.Opportunity
	categories := []string{"unblocking", "decision-making", "stakeholder-communication"}
	srv.Update(func(s *jiratest.Site) {
		for i, is := range s.Issues()[:300] {
			opps = append(opps, next.Opportunity{ID: fmt.Sprintf("op_%d", i), Detector: "bench", SiteID: res.Site.ID,
				IssueID: is.ID, IssueKey: is.Key, Category: categories[i%len(categories)], Reason: "r", Action: "a"})
		}
	})
	if err := store.RecordSuggestions(ctx, opps, syncNow.AddDate(-2, 0, 0)); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := store.MarkTaken(ctx, res.Site.ID, syncNow); err != nil {
			b.Fatal(err)
		}
	}
}
