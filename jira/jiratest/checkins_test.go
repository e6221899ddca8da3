package jiratest

import (
	"regexp"
	"strconv"
	"testing"
	"time"
)

// A reader who follows a status note's link to its epic counts the epic's
// issues: "4 of 9 stories done" on an epic of eight is a made-up number in
// a portfolio that promises proof. So every count a note gives, week after
// week, is the epic's issues filed and resolved by the time of the note.
func TestDemoCheckInsCountTheEpicsIssues(t *testing.T) {
	counted := regexp.MustCompile(`\b(\d+ of|all|none of the) (\d+) stories done`)
	notes := 0
	for w := range 16 {
		now := defaultDemoNow.Add(time.Duration(w) * 7 * 24 * time.Hour)
		site := DemoSite(DemoOptions{Deployment: DeploymentCloud, Seed: 1, Now: now, TeamBacklog: true, TeamIssues: 40})
		for _, is := range site.Issues() {
			epic := is.epic()
			for _, c := range is.Comments {
				m := counted.FindStringSubmatch(c.Body)
				if m == nil {
					continue
				}
				notes++
				filed, done := 0, 0
				for _, child := range site.Issues() {
					if epic == nil || child.Parent != epic || !child.Created.Before(c.Created) {
						continue
					}
					filed++
					if !child.Resolved.IsZero() && child.Resolved.Before(c.Created) {
						done++
					}
				}
				wantDone := strconv.Itoa(done) + " of"
				switch {
				case done == filed:
					wantDone = "all"
				case done == 0:
					wantDone = "none of the"
				}
				if m[1] != wantDone || m[2] != strconv.Itoa(filed) {
					t.Errorf("%s %s on %s: %q, but %d of its %d issues were resolved then",
						now.Format("2006-01-02"), is.Key, c.Created.Format("2006-01-02"), m[0], done, filed)
				}
			}
		}
	}
	if notes < 16 {
		t.Fatalf("%d notes count stories in 16 weeks of demo sites; the test reads none of what it guards", notes)
	}
}
