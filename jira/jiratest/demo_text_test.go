package jiratest_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/jira/jiratest"
)

var demoNow = time.Date(2026, time.November, 22, 10, 0, 0, 0, time.UTC)

// repeatedTexts lists the comment and description texts that appear on more
// than one issue of site, with the first two issues of each.
func repeatedTexts(site *jiratest.Site) []string {
	firstOn := map[string]string{}
	var repeats []string
	note := func(kind, text, key string) {
		if text == "" {
			return
		}
		k := kind + "\x00" + text
		if on, ok := firstOn[k]; ok && on != key {
			repeats = append(repeats, kind+" on "+on+" and "+key+": "+text)
			return
		}
		firstOn[k] = key
	}
	for _, is := range site.Issues() {
		note("description", is.Description, is.Key)
		for _, c := range is.Comments {
			note("comment", c.Body, is.Key)
		}
	}
	return repeats
}

// A demo that pastes the same comment on many issues reads as generated:
// people write each comment for the issue in front of them.
func TestDemoSiteNeverRepeatsACommentOrDescription(t *testing.T) {
	for _, opts := range []jiratest.DemoOptions{
		{Deployment: jiratest.DeploymentCloud, Seed: 1, Now: demoNow},
		{Deployment: jiratest.DeploymentServer, Seed: 7, Now: demoNow},
		{Deployment: jiratest.DeploymentCloud, Seed: 3}, // the default size and clock
		{Deployment: jiratest.DeploymentCloud, Issues: 2000, Seed: 1, Now: demoNow},
	} {
		site := jiratest.DemoSite(opts)
		if repeats := repeatedTexts(site); len(repeats) > 0 {
			t.Errorf("%s site of %d issues, seed %d: %d texts repeat on two issues, first: %q",
				opts.Deployment, site.IssueCount(), opts.Seed, len(repeats), repeats[0])
		}
	}
}

// resultNumbers finds a reported result: a number next to what it counts.
var resultNumbers = regexp.MustCompile(`\d`)

// outcome is the comment in which Me reports what came of her epic: it says
// "Outcome:" or "Result:" and gives numbers.
func outcome(site *jiratest.Site, epic *jiratest.Issue) *jiratest.Comment {
	for _, c := range epic.Comments {
		if c.Author.DisplayName == site.MyAccount().DisplayName &&
			(strings.Contains(c.Body, "Outcome:") || strings.Contains(c.Body, "Result:")) && resultNumbers.MatchString(c.Body) {
			return c
		}
	}
	return nil
}

// Some epics Me owns state success metrics and, when done, report the result
// against them; one she closed never says what came of it, so the portfolio
// has an initiative to lint.
func TestDemoEpicsReportOutcomesExceptOne(t *testing.T) {
	for _, dep := range []string{jiratest.DeploymentCloud, jiratest.DeploymentServer} {
		site := jiratest.DemoSite(jiratest.DemoOptions{Deployment: dep, Seed: 1, Now: demoNow})
		me := site.MyAccount().DisplayName
		var withOutcome, doneWithout []string
		for _, is := range site.Issues() {
			if is.Type.Name != "Epic" || is.Reporter.DisplayName != me {
				continue
			}
			if !strings.Contains(is.Description, "h3. Success metrics") {
				t.Errorf("%s: epic %s states no success metrics", dep, is.Key)
			}
			done := is.Resolution != nil
			c := outcome(site, is)
			switch {
			case c != nil && !done:
				t.Errorf("%s: epic %s reports an outcome but is not done: %q", dep, is.Key, c.Body)
			case c != nil:
				if gap := is.Resolved.Sub(c.Created).Abs(); gap > 10*time.Minute {
					t.Errorf("%s: %s's outcome was written %v away from its closing, want it with the closing", dep, is.Key, gap)
				}
				withOutcome = append(withOutcome, is.Key)
			case done:
				for _, c := range is.Comments {
					if !c.Created.Before(is.Resolved.Add(-10*time.Minute)) && resultNumbers.MatchString(c.Body) {
						t.Errorf("%s: %s has no outcome, but its closing comment gives numbers: %q", dep, is.Key, c.Body)
					}
				}
				doneWithout = append(doneWithout, is.Key)
			}
		}
		if len(withOutcome) < 2 || len(doneWithout) != 1 {
			t.Errorf("%s: Me's done epics with an outcome: %v, without: %v; want at least 2 with and exactly 1 without",
				dep, withOutcome, doneWithout)
		}
	}
}

// "Mei Chen got the answer from Mei Chen" reads as generated, and a
// portfolio quotes it as unblocking: whoever a reply says the answer came
// from is never the colleague who asked.
func TestDemoNobodyGetsTheAnswerFromThemselves(t *testing.T) {
	relayed := regexp.MustCompile(`\[~(?:accountid:)?([^\]]+)\][^\[]{0,20}(?:got the answer from|checked with) \[~(?:accountid:)?([^\]]+)\]`)
	relays := 0
	for w := range 4 {
		for _, dep := range []string{jiratest.DeploymentCloud, jiratest.DeploymentServer} {
			site := jiratest.DemoSite(jiratest.DemoOptions{Deployment: dep, Seed: 1, Now: demoNow.AddDate(0, 0, 7*w)})
			for _, is := range site.Issues() {
				for _, c := range is.Comments {
					for _, m := range relayed.FindAllStringSubmatch(c.Body, -1) {
						if relays++; m[1] == m[2] {
							t.Errorf("%s: %s", is.Key, c.Body)
						}
					}
				}
			}
		}
	}
	if relays == 0 {
		t.Fatal("no reply relays an answer: the test reads none of what it guards")
	}
}
