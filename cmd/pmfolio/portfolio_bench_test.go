package main

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/sqlite"
	"github.com/pmfolio/pmfolio/jira/jiratest"
)

// BenchmarkPortfolioDemo3000 reads the portfolio every export of the
// sample site with 3,000 issues reads (`pmfolio demo --issues 3000`):
// the store's half of the export, on what a sync stores (issues of some
// 23 kB of JSON, epics with their stories, the user assignee of most and
// author of thousands of activities). BenchmarkPortfolio50000 in
// evidence/sqlite has none of these. The sync that makes the database is
// not timed.
func BenchmarkPortfolioDemo3000(b *testing.B) {
	ctx := context.Background()
	asOf := jiratest.DemoWeekOf(testNow)
	srv := jiratest.NewServer(jiratest.DemoSite(jiratest.DemoOptions{
		Deployment: jiratest.DeploymentCloud, Issues: 3000, Seed: 1, Now: asOf,
		TeamBacklog: true, TeamIssues: demoTeamIssues,
	}))
	defer srv.Close()
	stdio, _, errOut := bufferIO()
	stdio.Now = func() time.Time { return asOf }
	db := filepath.Join(b.TempDir(), "pmfolio.db")
	site := siteConf{Name: demoSiteName, URL: srv.URL(), Email: jiratest.DemoEmail, APIToken: jiratest.DemoAPIToken}
	if _, err := runSync(ctx, syncOptions{IO: stdio, Sites: []siteConf{site}, DBPath: db}); err != nil {
		b.Fatalf("sync: %v\n%s", err, errOut)
	}
	store, err := sqlite.OpenReadOnly(ctx, db)
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	for b.Loop() {
		p, err := store.Portfolio(ctx, evidence.Filter{}, asOf)
		if err != nil || len(p.Evidence) == 0 || len(p.Epics) == 0 {
			b.Fatalf("portfolio of %d items and %d epics, %v", len(p.Evidence), len(p.Epics), err)
		}
	}
}
