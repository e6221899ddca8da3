package jiratest

import (
	"testing"
	"time"
)

// The portfolio lists the work under an initiative, all its phases
// together, as proof of it; the same summary there twice reads as an
// ungroomed backlog, not as work someone planned. So in the site `pmfolio
// demo` makes, week after week, no initiative has two issues with the same
// summary.
func TestDemoInitiativeWorkNeverRepeatsASummary(t *testing.T) {
	for w := range 16 {
		now := defaultDemoNow.Add(time.Duration(w) * 7 * 24 * time.Hour)
		site := DemoSite(DemoOptions{Deployment: DeploymentCloud, Seed: 1, Now: now, TeamBacklog: true, TeamIssues: 40})
		type under struct{ project, initiative, summary string }
		first := map[under]*Issue{}
		repeats := 0
		for _, is := range site.issues {
			if is.Parent == nil {
				continue
			}
			k := under{is.Project.Key, initiativeOf(is.Parent), is.Summary}
			if other, ok := first[k]; ok {
				if repeats++; repeats <= 3 {
					t.Errorf("%s: %s and %s are both %q under %q", now.Format("2006-01-02"), other.Key, is.Key, is.Summary, k.initiative)
				}
				continue
			}
			first[k] = is
		}
		if repeats > 3 {
			t.Errorf("%s: %d repeated summaries under initiatives in all", now.Format("2006-01-02"), repeats)
		}
	}
}
