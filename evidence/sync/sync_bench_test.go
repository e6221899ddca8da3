package sync_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/pmfolio/pmfolio/evidence/sqlite"
	evsync "github.com/pmfolio/pmfolio/evidence/sync"
	"github.com/pmfolio/pmfolio/jira"
	"github.com/pmfolio/pmfolio/jira/jiratest"
)

// BenchmarkSync1000 measures a first sync of 1,000 generated issues from the
// loopback fake server into a fresh database, with the server's default
// caps (so long changelogs and comment threads are paged as on real Cloud).
func BenchmarkSync1000(b *testing.B) {
	site := jiratest.DemoSite(jiratest.DemoOptions{Deployment: jiratest.DeploymentCloud, Issues: 1000, Seed: 1, Now: syncNow})
	srv := jiratest.NewServer(site)
	b.Cleanup(srv.Close)
	cfg := jira.Config{BaseURL: srv.URL(), Email: jiratest.DemoEmail, APIToken: jiratest.DemoAPIToken}
	var requests int
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		store, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "pmfolio.db"))
		if err != nil {
			b.Fatal(err)
		}
		client, err := jira.New(cfg)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, err := runSync(context.Background(), client, store, evsync.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		requests = res.Requests
		store.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(requests), "requests/1000issues")
	b.ReportMetric(1000*float64(b.N)/b.Elapsed().Seconds(), "issues/s")
}
