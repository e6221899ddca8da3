package jiratest_test

import (
	"fmt"
	"iter"
	"regexp"
	"slices"
	"strings"
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

// cutOff is Me aiming an issue at a release by its cut-off: the release,
// and the day.
var cutOff = regexp.MustCompile(`^(?:Targeting|Aiming this at) (.+?)\. (?:The release c|C)ut-off is ((?:Monday|Tuesday|Wednesday|Thursday|Friday)(?: \d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))?)\b`)

// "Targeting platform-2026.03. Cut-off is Tuesday" on OPS-1217, and
// "Code freeze for platform-2026.03 is Monday 23 Mar" on another issue
// of it: a release is cut once. The cut-off Me gives is a day to come
// before the release, and every note of one release, cut-off or code
// freeze, names the same day.
func TestDemoCutOffIsTheReleasesCodeFreeze(t *testing.T) {
	notes, cutOffs, bad := 0, 0, 0
	days := map[*jiratest.Site]map[string]time.Time{}
	for c := range myComments() {
		release, name := "", ""
		if m := cutOff.FindStringSubmatch(c.Body); m != nil {
			cutOffs++
			release, name = m[1], m[2]
		} else if m := codeFreeze.FindStringSubmatch(c.Body); m != nil {
			release, name = m[1], m[2]
		} else {
			continue
		}
		notes++
		day, err := dayAfter(name, c.Created)
		if err != nil {
			t.Fatalf("%s: %v", c.where(), err)
		}
		p := c.issue.Project
		i := slices.IndexFunc(p.Versions, func(v *jiratest.Version) bool { return v.Name == release })
		if days[c.site] == nil {
			days[c.site] = map[string]time.Time{}
		}
		prev, said := days[c.site][release]
		switch {
		case i < 0 || day.Before(c.Created) || !day.Before(p.Versions[i].ReleaseDate):
			bad++
			t.Errorf("%s: the cut-off of %s is on %s, not a day to come before its release: %q", c.where(), release, day.Format(time.DateOnly), c.Body)
		case said && !prev.Equal(day):
			bad++
			t.Errorf("%s: the cut-off of %s is on %s, said elsewhere to be on %s: %q", c.where(), release, day.Format(time.DateOnly), prev.Format(time.DateOnly), c.Body)
		case !said:
			days[c.site][release] = day
		}
	}
	if cutOffs == 0 {
		t.Fatal("Me gives no release's cut-off: the test reads none of what it guards")
	}
	if bad > 0 {
		t.Errorf("%d of %d notes of a cut-off or a code freeze disagree", bad, notes)
	}
	t.Logf("%d notes of a cut-off or a code freeze", notes)
}

// "OK, to close the loop: we're going with per-team alert routes, not one
// shared queue" on OPS-1187, "Follow-up: alert on ledger-service
// connection pool saturation": a follow-up fixes what an incident showed,
// and the initiative it is filed under settled its approach on its epic
// and its stories, before the incident. On a follow-up Me takes no
// decision of the initiative; she only descopes its own dashboard.
func TestDemoFollowUpsSettleNoInitiative(t *testing.T) {
	decisions, bad := 0, 0
	for c := range myComments() {
		if !decision.MatchString(c.Body) || initiative(c.issue) == "" {
			continue
		}
		decisions++
		if slices.Contains(c.issue.Labels, "follow-up") && !strings.Contains(c.Body, "no new dashboard") {
			bad++
			t.Errorf("%s, under %s: %q", c.where(), c.issue.Parent.Key, c.Body)
		}
	}
	if decisions == 0 {
		t.Fatal("Me takes no decision under an initiative: the test reads none of what it guards")
	}
	if bad > 0 {
		t.Errorf("%d of %d decisions under an initiative are taken on a follow-up", bad, decisions)
	}
	t.Logf("%d decisions under an initiative", decisions)
}

// stakeholderUpdate are the words that open Me's updates on how work goes.
var stakeholderUpdate = regexp.MustCompile(`^(?:Update:|Quick status|Weekly update|Status: |Summary for|Where we are|Epic check-in)`)

// "ETA for the rollout is Monday" in the updates of the on-call
// initiative and of the Postgres failover, "ETA for the rest is 20 Jan"
// under two more: an ETA says what it is the ETA of, in the words of its
// own initiative, and one said under two initiatives reads as a template.
// No sentence of Me's updates that gives an ETA, its dates, numbers and
// people aside, is said under two initiatives of a site.
func TestDemoUpdatesAreTheirInitiativesOwn(t *testing.T) {
	notes, bad := 0, 0
	saidUnder := map[*jiratest.Site]map[string]string{}
	for c := range myComments() {
		in := initiative(c.issue)
		if in == "" || !stakeholderUpdate.MatchString(c.Body) {
			continue
		}
		notes++
		if saidUnder[c.site] == nil {
			saidUnder[c.site] = map[string]string{}
		}
		for _, sentence := range regexp.MustCompile(`[.;] `).Split(mentionsOrNumbers.ReplaceAllString(c.Body, "#"), -1) {
			// A bare "ETA 3 Dec" is of the work the note has just named.
			if !strings.Contains(sentence, "ETA") || len(strings.Fields(sentence)) < 3 {
				continue
			}
			if other, ok := saidUnder[c.site][sentence]; ok && other != in {
				bad++
				t.Errorf("%s, under %q: %q is said under %q too: %q", c.where(), in, sentence, other, c.Body)
			}
			saidUnder[c.site][sentence] = in
		}
	}
	if notes == 0 {
		t.Fatal("Me posts no update under an initiative: the test reads none of what it guards")
	}
	if bad > 0 {
		t.Errorf("%d ETAs of %d updates are said under another initiative too", bad, notes)
	}
	t.Logf("%d updates under an initiative", notes)
}

// wontDoReasons, the first three of waitReasons, are Me's comments that
// close an issue as Won't Do for a reason, the reason as the first group.
var wontDoReasons = waitReasons[:3]

// "Not doing this one: it only adds a chart to the failover drill
// dashboard" on "Serve reads for grafana from a replica during a
// failover": a reason drawn for the initiative, not for the ticket, tells
// the reader the PM closed it unread. The reason Me gives to close an
// issue as Won't Do shares a word with its summary.
func TestDemoWontDoReasonsFitTheTicket(t *testing.T) {
	reasons, bad := 0, 0
	for c := range myComments() {
		for _, re := range wontDoReasons {
			m := re.FindStringSubmatch(c.Body)
			if m == nil {
				continue
			}
			reasons++
			words, fits := summaryWords(m[1]), false
			for w := range summaryWords(c.issue.Summary) {
				fits = fits || words[w]
			}
			if !fits {
				bad++
				t.Errorf("%s: %q", c.where(), c.Body)
			}
			break
		}
	}
	if reasons == 0 {
		t.Fatal("Me closes no issue as Won't Do for a reason: the test reads none of what it guards")
	}
	if bad > 0 {
		t.Errorf("%d of %d reasons to close an issue as Won't Do do not fit its summary", bad, reasons)
	}
	t.Logf("%d reasons to close an issue as Won't Do", reasons)
}
