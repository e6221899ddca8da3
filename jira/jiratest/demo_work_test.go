package jiratest

import (
	"regexp"
	"strings"
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
			k := under{is.Project.Key, initiativeName(is.Parent), is.Summary}
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

// Every task says what problem it solves, how, and when it is done, in
// words of its own: "Problem: it came up again in the Monday sync" is no
// problem, and "One service at a time, loki first because it is the
// noisiest" is no proposal for agreeing upgrade windows. Every note is of
// work the demo writes.
func TestDemoEveryTaskHasANote(t *testing.T) {
	written := map[string]bool{}
	for key, text := range demoTexts {
		for _, task := range text.tasks {
			written[task] = true
			n := workNotes[task]
			if n.problem == "" || n.proposal == "" || len(n.doneWhen) < 2 {
				t.Errorf("%s task %q has no problem, proposal and 'Done when' list of its own", key, task)
			}
		}
		for _, s := range text.stories {
			written[s.summary] = true
		}
		for _, list := range [][]string{text.bugs, text.chores} {
			for _, s := range list {
				written[s] = true
			}
		}
	}
	for summary := range workNotes {
		if !written[summary] {
			t.Errorf("workNotes has a note for %q, which the demo never writes", summary)
		}
	}
}

// summaryPattern matches the summaries written from a summary of the
// lists: any service for {$svc}, any region for {$region}, and the
// service Me may add in brackets.
func summaryPattern(summary string) *regexp.Regexp {
	p := regexp.QuoteMeta(summary)
	p = strings.ReplaceAll(p, regexp.QuoteMeta("{$svc}"), ".+")
	p = strings.ReplaceAll(p, regexp.QuoteMeta("{$region}"), ".+")
	p = strings.ReplaceAll(p, regexp.QuoteMeta("{$ver}"), ".+")
	return regexp.MustCompile(`^` + p + `( \(.+\))?$`)
}

// What Me says she saw when she checked an issue is about that issue, and
// no two issues say they saw the same thing: "the rehearsal drained one
// node per zone" read on two issues, one of them the agreement on upgrade
// windows, tells a reader the notes were pasted.
func TestDemoChecksAreTheIssuesOwn(t *testing.T) {
	type check struct {
		summary string
		said    *regexp.Regexp
	}
	var checks []check
	for summary, n := range workNotes {
		if n.verified == "" {
			continue
		}
		p := regexp.QuoteMeta(n.verified)
		p = strings.ReplaceAll(p, regexp.QuoteMeta("{$svc}"), ".+")
		p = strings.ReplaceAll(p, regexp.QuoteMeta("{$region}"), ".+")
		checks = append(checks, check{summary, regexp.MustCompile(p)})
	}
	for name, site := range themeSites(t) {
		seen, found := map[string]*Issue{}, 0
		for _, is := range site.issues {
			for _, c := range is.Comments {
				if c.Author != site.Me {
					continue
				}
				for _, ch := range checks {
					m := ch.said.FindString(c.Body)
					if m == "" {
						continue
					}
					found++
					if !summaryPattern(ch.summary).MatchString(is.Summary) {
						t.Errorf("%s: %s %q says what Me saw when she checked %q: %q", name, is.Key, is.Summary, ch.summary, c.Body)
					}
					if other, ok := seen[m]; ok && other != is {
						t.Errorf("%s: %s and %s both say %q", name, other.Key, is.Key, m)
					}
					seen[m] = is
				}
			}
		}
		if found == 0 {
			t.Errorf("%s: no issue says what Me saw when she checked it: the test reads none of what it guards", name)
		}
	}
}

// A heads-up about a maintenance window is posted under an initiative
// whose work holds one: under offline payments in the app it reads as
// pasted from another team's project.
func TestDemoMaintenanceWindowsFitTheInitiative(t *testing.T) {
	for name, site := range themeSites(t) {
		for _, is := range site.issues {
			initiative := initiativeName(is)
			if initiative == "" {
				continue
			}
			th := epicThemes[initiative]
			for _, c := range is.Comments {
				if c.Author == site.Me && strings.Contains(c.Body, "the maintenance window") && len(th.windows) == 0 {
					t.Errorf("%s: %s %q is under %q, which holds no maintenance window: %q", name, is.Key, is.Summary, initiative, c.Body)
				}
			}
		}
	}
}
