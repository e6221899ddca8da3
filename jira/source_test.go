package jira

import (
	"context"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/next"
	"github.com/pmfolio/pmfolio/jira/jiratest"
)

func TestSelectionJQL(t *testing.T) {
	stockholm, _ := time.LoadLocation("Europe/Stockholm")
	since := time.Date(2026, 1, 31, 23, 30, 0, 0, time.UTC)
	me := Me{User: evidence.User{ID: `5b10"ac`}, TimeZone: stockholm}
	cases := []struct {
		name, deployment, userJQL, want string
	}{
		{"cloud default uses updatedBy in the user's zone", evidence.DeploymentCloud, "",
			`(issuekey IN updatedBy("5b10\"ac", "2026-02-01")) AND updated >= "2026-02-01 00:30" ORDER BY updated ASC`},
		{"user JQL replaces the selection and loses its order", evidence.DeploymentCloud, "project = PAY order by rank",
			`(project = PAY) AND updated >= "2026-02-01 00:30" ORDER BY updated ASC`},
		{"server default", evidence.DeploymentServer, "",
			`(reporter = currentUser() OR creator = currentUser() OR assignee WAS currentUser() OR status CHANGED BY currentUser() OR watcher = currentUser() OR worklogAuthor = currentUser()) AND updated >= "2026-02-01 00:30" ORDER BY updated ASC`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := selectionJQL(c.deployment, me, c.userJQL, since); got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

func TestProbeAndCountWithoutSyncing(t *testing.T) {
	for _, deployment := range []string{jiratest.DeploymentCloud, jiratest.DeploymentServer} {
		t.Run(deployment, func(t *testing.T) {
			srv := jiratest.NewServer(jiratest.DemoSite(jiratest.DemoOptions{Deployment: deployment, Issues: 25}))
			t.Cleanup(srv.Close)
			info, err := Probe(context.Background(), srv.URL())
			if err != nil || info.Deployment != deployment {
				t.Fatalf("probe = %+v, %v", info, err)
			}
			c := newTestClient(t, srv, deployment)
			me, err := c.Myself(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			n, err := c.CountIssues(context.Background(), deployment, DefaultSelection(deployment, me))
			if err != nil || n != 25 {
				t.Errorf("count = %d, %v; want 25", n, err)
			}
		})
	}
	if _, err := Probe(context.Background(), "not a url"); err == nil {
		t.Error("probe accepted a bad URL")
	}
}

// newTestClient is a client of a fake site, with the site's credentials.
func newTestClient(t *testing.T, srv *jiratest.Server, deployment string) *Client {
	t.Helper()
	cfg := Config{BaseURL: srv.URL(), Email: jiratest.DemoEmail, APIToken: jiratest.DemoAPIToken}
	if deployment == jiratest.DeploymentServer {
		cfg = Config{BaseURL: srv.URL(), PAT: jiratest.DemoPAT}
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// The team's projects, inferred from what the user did in each, come in
// the order of how much she did: MOB ahead of PAY one night and behind it
// the next. The selection is what the team cursor is kept under, so it
// names them in one order, or the nightly sync reads the whole backlog
// again as a new team's.
func TestTeamSelectionIsTheSameInAnyOrderOfProjects(t *testing.T) {
	s := &Source{}
	a, errA := s.TeamSelection(context.Background(), next.TeamScope{Projects: []string{"OPS", "MOB", "PAY"}}, time.Time{})
	b, errB := s.TeamSelection(context.Background(), next.TeamScope{Projects: []string{"OPS", "PAY", "MOB"}}, time.Time{})
	if errA != nil || errB != nil || a != b {
		t.Errorf("the same projects in two orders select\n%s (%v)\nand\n%s (%v)", a, errA, b, errB)
	}
}
