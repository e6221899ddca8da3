package sync_test

import (
	"context"
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

// A site that answers 429 whenever more than two requests are in flight,
// synced by a client that starts with eight: the client halves its
// concurrency, waits out Jira's Retry-After, and the sync completes with
// the very database a client of one request at a time leaves.
func TestSyncUnderA429StormBacksOffAndLosesNothing(t *testing.T) {
	for _, deployment := range []string{jiratest.DeploymentCloud, jiratest.DeploymentServer} {
		t.Run(deployment, func(t *testing.T) {
			f := newSyncFixture(t, deployment, 30, jiratest.WithPageCap(5), jiratest.WithChangelogCap(5),
				jiratest.WithCommentCap(3), jiratest.WithWorklogCap(2),
				jiratest.WithRateLimit(jiratest.RateLimit{MaxInFlight: 2, RetryAfter: 1}),
				jiratest.WithLatency(50*time.Millisecond)) // so that requests overlap, even on a loaded machine
			var mu sync.Mutex
			var waits []time.Duration
			c, err := jira.New(f.cfg, jira.WithConcurrency(8), jira.WithSleep(func(ctx context.Context, d time.Duration) error {
				mu.Lock()
				waits = append(waits, d)
				mu.Unlock()
				time.Sleep(time.Millisecond) // long enough for the requests in flight to end
				return ctx.Err()
			}))
			if err != nil {
				t.Fatal(err)
			}
			res, err := runSync(context.Background(), c, f.store, evsync.Options{Now: func() time.Time { return syncNow }})
			if err != nil {
				t.Fatalf("sync under a storm: %v", err)
			}
			stats := c.Concurrency()
			if f.srv.Throttled() == 0 {
				t.Fatalf("the site never throttled (at most %d requests in flight): the test proves nothing", f.srv.PeakInFlight())
			}
			if stats.Cuts == 0 || stats.Lowest > 2 {
				t.Errorf("concurrency %+v: want it halved to 2 or less after %d 429s", stats, f.srv.Throttled())
			}
			// Retries wait Jira's Retry-After (the rest of the pause, for
			// requests that were held by it), never the longer backoff.
			for _, d := range waits {
				if d > time.Second || d <= 0 {
					t.Errorf("waited %v; Jira said Retry-After: 1", d)
					break
				}
			}
			if res.Issues != 30 {
				t.Errorf("synced %d issues, want 30", res.Issues)
			}
			f.assertComplete(t)

			serial := freshStore(t)
			one, err := jira.New(f.cfg, jira.WithConcurrency(1))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := runSync(context.Background(), one, serial, evsync.Options{Now: func() time.Time { return syncNow }}); err != nil {
				t.Fatal(err)
			}
			sameDump(t, "sync under a 429 storm", dumpStore(t, serial), dumpStore(t, f.store))
		})
	}
}

// A nightly sync that finds nothing new asks who the site and the user
// are and probes the search once: no field list, no pages, though the
// overlap before the cursor finds the newest issues again. Something new
// is fetched as before.
func TestIncrementalSyncWithNothingNewCostsThreeRequests(t *testing.T) {
	for _, deployment := range []string{jiratest.DeploymentCloud, jiratest.DeploymentServer} {
		t.Run(deployment, func(t *testing.T) {
			f := newSyncFixture(t, deployment, 30, jiratest.WithPageCap(10))
			if _, err := f.sync(t, evsync.Options{}); err != nil {
				t.Fatal(err)
			}
			before := f.srv.RequestsByPath()
			// The overlap finds the issues updated in the 15 minutes
			// before the cursor again; they are stored as they are.
			res, err := f.sync(t, evsync.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Requests > 3 || res.Issues != 0 {
				after := f.srv.RequestsByPath()
				for p, n := range before {
					after[p] -= n
				}
				t.Errorf("incremental sync with nothing new: %d requests (%v), %d issues; want at most 3", res.Requests, after, res.Issues)
			}
			f.srv.Update(func(s *jiratest.Site) {
				is := s.Issues()[7]
				if _, err := s.AddComment(is.Key, true, "Decision: we keep the old flow until the audit.", syncNow.Add(time.Minute)); err != nil {
					t.Fatal(err)
				}
			})
			res, err = f.sync(t, evsync.Options{})
			if err != nil || res.Issues == 0 || res.NewActivities != 1 {
				t.Errorf("incremental sync after a new comment: %+v, %v; want its issue and the new comment", res, err)
			}
		})
	}
}

// slowSink stores pages as the store does, but each commit takes a while,
// as on a slow disk: the search runs ahead of it.
type slowSink struct {
	*sqlite.Store
	delay time.Duration
}

func (s slowSink) SavePage(ctx context.Context, site evidence.Site, records []evidence.IssueRecord, cursor time.Time) (evsync.PageResult, error) {
	time.Sleep(s.delay)
	return s.Store.SavePage(ctx, site, records, cursor)
}

// While the sync is busy storing, the pages fetched ahead of it share bulk
// changelog requests instead of sending one each, and the database is the
// one a client of one request at a time leaves, which sends one per page
// with a cut changelog.
func TestPagesFetchedAheadShareBulkChangelogRequests(t *testing.T) {
	f := newSyncFixture(t, jiratest.DeploymentCloud, 60, jiratest.WithPageCap(5), jiratest.WithChangelogCap(5))
	bulk := "/rest/api/2/changelog/bulkfetch"
	serial := freshStore(t)
	one, err := jira.New(f.cfg, jira.WithConcurrency(1))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := runSync(context.Background(), one, serial, evsync.Options{Now: func() time.Time { return syncNow }}); err != nil {
		t.Fatal(err)
	}
	perPage := f.srv.RequestsTo(bulk)

	c, err := jira.New(f.cfg, jira.WithConcurrency(4))
	if err != nil {
		t.Fatal(err)
	}
	opts := evsync.Options{Now: func() time.Time { return syncNow }, Classify: rules.Classify}
	if _, err := evsync.Run(context.Background(), jira.NewSource(c), slowSink{f.store, 50 * time.Millisecond}, opts); err != nil {
		t.Fatal(err)
	}
	shared := f.srv.RequestsTo(bulk) - perPage
	if perPage < 8 || shared > perPage*2/3 {
		t.Errorf("%d bulk changelog requests while the sync was busy storing; a serial client sent %d, one per page with a cut changelog", shared, perPage)
	}
	sameDump(t, "pages that shared bulk requests", dumpStore(t, serial), dumpStore(t, f.store))
}
