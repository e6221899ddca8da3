package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmfolio/pmfolio/jira/jiratest"
)

// Anyone who can edit an issue writes its summary and comments: text that
// sets the terminal's title and hides what follows must reach the screen
// as harmless characters from every command that shows it.
func TestJiraTextCannotDriveTheTerminal(t *testing.T) {
	const hostile = "\x1b]0;PWNED\x07\x1b[8m\u009b2J"
	site := jiratest.DemoSite(jiratest.DemoOptions{Deployment: jiratest.DeploymentCloud, Issues: 12, Seed: 3, Now: testNow})
	srv := jiratest.NewServer(site)
	t.Cleanup(srv.Close)
	srv.Update(func(s *jiratest.Site) {
		for _, is := range s.Issues() {
			is.Summary += hostile
		}
	})
	c := cli{env: syncEnv(t, srv, filepath.Join(t.TempDir(), "p.db"))}
	if r := c.run(t, "sync", "--quiet"); r.code != 0 {
		t.Fatalf("sync: %s", r.errOut)
	}
	items := listJSON(t, c, "--all")
	if len(items) == 0 {
		t.Fatal("no evidence")
	}
	for _, args := range [][]string{
		{"evidence", "list"},
		{"evidence", "show", items[0].ID},
		{"outcome", items[0].IssueKey, "cut refunds by 40%" + hostile},
		{"outcome", "list"},
		{"evidence", "note", items[0].ID, "mine" + hostile},
		{"evidence", "show", items[0].ID},
		{"next", "--all"},
	} {
		r := c.run(t, args...)
		if strings.ContainsAny(r.out+r.errOut, "\x1b\x07\u009b") {
			t.Errorf("%q printed a terminal control:\n%q\n%q", args, r.out, r.errOut)
		}
	}
}
