package jiratest_test

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

// "Ravi wondered too", written by Ravi, reads as generated: nobody names
// themselves in their own comment, by first name or by @-mention.
func TestDemoNobodyNamesThemselves(t *testing.T) {
	named := 0
	for opts, site := range demoSites() {
		for _, is := range site.Issues() {
			for _, c := range is.Comments {
				if c.Author.AccountType == "app" {
					continue
				}
				first, _, _ := strings.Cut(c.Author.DisplayName, " ")
				self := regexp.MustCompile(`(^|[^\p{L}])` + regexp.QuoteMeta(first) + `($|[^\p{L}])`)
				switch {
				case self.MatchString(c.Body), strings.Contains(c.Body, "[~accountid:"+c.Author.AccountID+"]"), strings.Contains(c.Body, "[~"+c.Author.Name+"]"):
					t.Errorf("%s, seed %d: %s names themselves on %s: %q", opts.Deployment, opts.Seed, c.Author.DisplayName, is.Key, c.Body)
				case strings.Contains(c.Body, "[~"):
					named++
				}
			}
		}
	}
	if named == 0 {
		t.Error("no comment names anyone: the test reads none of what it guards")
	}
}

// An issue closed as a duplicate duplicates an issue about the same thing:
// "This is OPS-1181 again" on a child of the epic OPS-1181, or "Same root
// cause as" a postmortem, tells the reader the backlog is noise.
func TestDemoDuplicatesPointAtTheSameWork(t *testing.T) {
	duplicates := 0
	for opts, site := range demoSites() {
		for _, is := range site.Issues() {
			if is.Resolution == nil || is.Resolution.Name != "Duplicate" {
				continue
			}
			for _, l := range is.Links {
				if l.Type.Name != "Duplicate" || l.From != is {
					continue
				}
				duplicates++
				other := l.To
				mine, theirs := summaryWords(is.Summary), summaryWords(other.Summary)
				both := 0
				for w := range mine {
					if theirs[w] {
						both++
					}
				}
				if other.Type.Name == "Epic" || other == is.Parent || 2*both < max(len(mine), len(theirs)) {
					t.Errorf("%s, seed %d: %s %q is closed as a duplicate of %s %q", opts.Deployment, opts.Seed, is.Key, is.Summary, other.Key, other.Summary)
				}
				for _, c := range is.Comments {
					if strings.Contains(c.Body, "Same root cause as "+other.Key) && (is.Type.Name != "Bug" || other.Type.Name != "Bug") {
						t.Errorf("%s, seed %d: %s (%s) and %s (%s) are not two bugs: %q", opts.Deployment, opts.Seed, is.Key, is.Type.Name, other.Key, other.Type.Name, c.Body)
					}
				}
			}
		}
	}
	if duplicates == 0 {
		t.Error("no issue is closed as a duplicate: the test reads none of what it guards")
	}
}

// An epic is the work filed while it ran. A team files the odd bug under
// an epic it has closed, but an initiative that gathers a quarter of its
// issues months after it was done is bigger in the brief than it was: of
// the issues under done epics, at most one (one in twenty on a large
// site) is filed more than a week after its epic was resolved.
func TestDemoEpicsGatherLittleWorkAfterTheyClose(t *testing.T) {
	for opts, site := range demoSites() {
		under, late := 0, 0
		for _, is := range site.Issues() {
			e := is.Parent
			if e == nil || e.Resolved.IsZero() {
				continue
			}
			under++
			if is.Created.After(e.Resolved.AddDate(0, 0, 7)) {
				late++
				t.Logf("%s, seed %d: %s is filed under %s on %s, %d days after the epic was resolved",
					opts.Deployment, opts.Seed, is.Key, e.Key, is.Created.Format(time.DateOnly), int(is.Created.Sub(e.Resolved).Hours()/24))
			}
		}
		if under == 0 || late > max(1, under/20) {
			t.Errorf("%s, seed %d: %d of the %d issues under done epics were filed more than a week after the epic was resolved, want at most %d",
				opts.Deployment, opts.Seed, late, under, max(1, under/20))
		}
	}
}
