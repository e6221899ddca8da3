package jiratest_test

import (
	"fmt"
	"iter"
	"regexp"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/jira/jiratest"
)

// myComment is one of Me's comments on a thread site, with the issue it
// is on.
type myComment struct {
	opts  jiratest.DemoOptions
	site  *jiratest.Site
	issue *jiratest.Issue
	*jiratest.Comment
}

// myComments yields Me's comments on every thread site, site by site.
func myComments() iter.Seq[myComment] {
	return func(yield func(myComment) bool) {
		for opts, site := range threadSites() {
			me := site.MyAccount().DisplayName
			for _, is := range site.Issues() {
				for _, c := range is.Comments {
					if c.Author.DisplayName == me && !yield(myComment{opts, site, is, c}) {
						return
					}
				}
			}
		}
	}
}

// where is the site, issue and date of c, to start a test's message.
func (c myComment) where() string {
	return fmt.Sprintf("%s, seed %d: %s (%s, %q) on %s", c.opts.Deployment, c.opts.Seed, c.issue.Key, c.issue.Type.Name, c.issue.Summary, c.Created.Format(time.DateOnly))
}

// releaseTalk are the words of Me's comments that put an issue into a
// release, take it out, or tell what the release brings.
var releaseTalk = regexp.MustCompile(`^(?:Must-have for|Targeting|Aiming this at|This ships in|Go/no-go for|No-go for|Release notes for|Added to the .+ release notes|Code freeze for|Not needed for the current release|Not blocking for this release)`)

// "Must-have for platform-2025.12" and "Release notes for payments-api
// 3.11.0" on an epic: an initiative spans releases, and what goes into
// one is its issues, each with that fix version. Me talks of releases on
// issues, never on an epic.
func TestDemoReleaseTalkIsOnIssuesNotEpics(t *testing.T) {
	talk, bad := 0, 0
	for c := range myComments() {
		if !releaseTalk.MatchString(c.Body) {
			continue
		}
		talk++
		if c.issue.Type.Name == "Epic" {
			bad++
			t.Errorf("%s: %q", c.where(), c.Body)
		}
	}
	if talk == 0 {
		t.Fatal("Me talks of no release: the test reads none of what it guards")
	}
	if bad > 0 {
		t.Errorf("%d of %d comments on releases are on epics", bad, talk)
	}
}
