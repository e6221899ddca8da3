package jiratest_test

import (
	"regexp"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/jira/jiratest"
)

// shippedWords are a colleague saying the issue's change is out.
var shippedWords = regexp.MustCompile(`^(?:Deployed to production|Rolled out to production|Out in production since)`)

// statusNameAt is the status is had at t: the last it was moved to by
// then, "To Do" before any move.
func statusNameAt(is *jiratest.Issue, t time.Time) string {
	status := "To Do"
	for _, h := range is.Histories {
		if h.Created.After(t) {
			break
		}
		if to := statusTo(h); to != "" {
			status = to
		}
	}
	return status
}

// "Out in production since 08:38, no errors so far" on an issue still in
// progress, or still to do, tells of a deploy the board does not show: a
// colleague says the change is out only once it is in review or done.
func TestDemoDeploysAreToldOnWorkThatIsReady(t *testing.T) {
	told, bad := 0, 0
	for opts, site := range threadSites() {
		for _, is := range site.Issues() {
			for _, c := range is.Comments {
				if !shippedWords.MatchString(c.Body) {
					continue
				}
				told++
				if s := statusNameAt(is, c.Created); s != "In Review" && s != "Done" {
					bad++
					t.Errorf("%s, seed %d: %s is %s on %s: %q", opts.Deployment, opts.Seed, is.Key, s, c.Created.Format(time.DateTime), c.Body)
				}
			}
		}
	}
	if told == 0 {
		t.Fatal("nobody says a change is out: the test reads none of what it guards")
	}
	if bad > 0 {
		t.Errorf("%d of %d deploys are told on work that is not in review or done", bad, told)
	}
}
