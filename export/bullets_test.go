package export

import (
	"cmp"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/pmfolio/pmfolio/evidence"
)

// bulletLines renders bullets and returns them without their "- ".
func bulletLines(t *testing.T, p evidence.Portfolio, top int) []string {
	t.Helper()
	var b strings.Builder
	if err := Bullets(&b, p, BulletOptions{Top: top}); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for line := range strings.Lines(b.String()) {
		text, ok := strings.CutPrefix(strings.TrimSuffix(line, "\n"), "- ")
		if !ok {
			t.Fatalf("line %q does not start with a bullet", line)
		}
		lines = append(lines, text)
	}
	return lines
}

// countEveryAct lets a count of any size lead a bullet for the rest of
// the test, whether or not it says what came of the acts, for tests of how
// a count is phrased and what it quotes: their fixtures hold a handful of
// acts, not a habit's (habitCount).
func countEveryAct(t *testing.T) {
	t.Helper()
	was, needed := habitCount, consequenceNeeded
	habitCount, consequenceNeeded = 1.0, false
	t.Cleanup(func() { habitCount, consequenceNeeded = was, needed })
}

func TestBulletsAreShortDistinctSentences(t *testing.T) {
	for name, p := range map[string]evidence.Portfolio{
		"typical": typicalPortfolio(), "rich": richPortfolio(), "hostile": hostilePortfolio(), "generated": generatedPortfolio(5000),
	} {
		t.Run(name, func(t *testing.T) {
			lines := bulletLines(t, p, -1)
			if len(lines) == 0 {
				t.Fatal("no bullets")
			}
			verbs := map[string]string{}
			for _, line := range lines {
				if n := utf8.RuneCountInString(line); n > maxBulletLength {
					t.Errorf("%d characters: %s", n, line)
				}
				first, _ := utf8.DecodeRuneInString(line)
				if !unicode.IsUpper(first) || !strings.HasSuffix(line, ".") {
					t.Errorf("not a sentence: %s", line)
				}
				// No two bullets make the same claim: each starts with its
				// own verb and object.
				opening := strings.Join(strings.Fields(line)[:min(3, len(strings.Fields(line)))], " ")
				if other, ok := verbs[opening]; ok {
					t.Errorf("two bullets open the same way:\n%s\n%s", other, line)
				}
				verbs[opening] = line
			}
		})
	}
}

func TestBulletsTop(t *testing.T) {
	countEveryAct(t)
	p := typicalPortfolio()
	all := bulletLines(t, p, -1)
	if got := bulletLines(t, p, 0); len(got) != DefaultBullets || !slices.Equal(got, all[:DefaultBullets]) {
		t.Errorf("default: %d bullets, want the first %d", len(got), DefaultBullets)
	}
	if got := bulletLines(t, p, 2); !slices.Equal(got, all[:2]) {
		t.Errorf("top 2 = %q", got)
	}
	if got := bulletLines(t, p, 100); len(got) != len(all) {
		t.Errorf("top 100 gives %d, want all %d", len(got), len(all))
	}
	if got := bulletLines(t, emptyPortfolio(), 0); len(got) != 0 {
		t.Errorf("an empty portfolio has bullets: %q", got)
	}
}

// TestBulletsSayWhatTheDataShows checks each theme against a small
// portfolio whose counts are easy to verify by hand, including what it
// must not say when the data lacks it.
func TestBulletsSayWhatTheDataShows(t *testing.T) {
	countEveryAct(t)
	const when = "2026-03-04T15:12:00Z"
	item := func(is fixtureIssue, category string, source evidence.Source, id string) evidence.Evidence {
		return jiraItem(is, source, id, when, category, "rule.x", 0.8, "")
	}
	followUp := fixtureIssue{"30081", "OPS-81", "Task", "Alert on gateway timeouts before customers see them", "", dana, "new", nil}
	followUp2 := fixtureIssue{"30082", "OPS-82", "Task", "Postmortem follow-up: add the rollback step to the runbook", "", dana, "new", nil}
	unassigned := func(is fixtureIssue) fixtureIssue { is.assignee = evidence.User{}; is.status = "new"; return is }
	done := func(is fixtureIssue) fixtureIssue { is.status = "done"; return is }
	tests := []struct {
		name  string
		items []evidence.Evidence
		want  string
	}{
		{"unblocking counts teammates and issues",
			[]evidence.Evidence{item(storyTO, evidence.CatUnblocking, evidence.SourceChange, "1"),
				item(storyTO, evidence.CatUnblocking, evidence.SourceComment, "2"),
				item(checkoutAPI, evidence.CatUnblocking, evidence.SourceChange, "3")},
			"Unblocked 2 teammates on 2 issues across 2 projects."},
		{"unblocking without assignees or done issues claims neither",
			[]evidence.Evidence{item(unassigned(storyTO), evidence.CatUnblocking, evidence.SourceChange, "1")},
			"Unblocked 1 issue for a teammate."},
		{"the user's own issues are not teammates'",
			[]evidence.Evidence{item(taskRetry, evidence.CatStoryWriting, evidence.SourceIssue, "1")},
			"Wrote 1 story or spec."},
		{"releases are the fix versions of the planned issues",
			[]evidence.Evidence{fixVersion(storyTO, "1", "(none)", "2026.03"),
				fixVersion(storyRetry, "2", "(none)", "2026.03"),
				fixVersion(checkoutBug, "3", "(none)", "2026.04"),
				item(storyRefund, evidence.CatSprintPlanning, evidence.SourceChange, "4")},
			"Planned 3 issues into 2 releases and moved 1 issue into or out of sprints across 2 projects, with 3 people."},
		// "Sprint: (none) → CHK Sprint 72" shows no scoping weighed; a
		// comment of the user's on what fits the sprint does.
		{"sprint-field edits alone are said as edits, not as sprint scope shaped",
			[]evidence.Evidence{item(storyRefund, evidence.CatSprintPlanning, evidence.SourceChange, "1"),
				item(storyRetry, evidence.CatSprintPlanning, evidence.SourceChange, "2")},
			"Moved 2 issues into or out of sprints, with 2 teammates."},
		{"a comment of the user's on sprint scope backs the sprint scope shaped of its issue only",
			[]evidence.Evidence{sprint(storyRefund, "1", "(none)", "PAY Sprint 14"),
				item(storyRetry, evidence.CatSprintPlanning, evidence.SourceComment, "2")},
			"Shaped sprint scope for 1 issue and added 1 more issue to sprints, with 2 teammates."},
		// "into or out of" of five issues all added to sprints is a hedge.
		{"sprint edits say which way the issues went",
			[]evidence.Evidence{sprint(storyRefund, "1", "(none)", "PAY Sprint 14"),
				sprint(storyRetry, "2", "(none)", "PAY Sprint 15")},
			"Added 2 issues to sprints, with 2 teammates."},
		{"issues taken out and moved on are told apart, each once",
			[]evidence.Evidence{sprint(storyRefund, "1", "PAY Sprint 14", "(none)"),
				sprint(storyRetry, "2", "PAY Sprint 14", "PAY Sprint 15"),
				sprint(storyTO, "3", "(none)", "PAY Sprint 14"), sprint(storyTO, "4", "PAY Sprint 14", "PAY Sprint 15")},
			"Added 1 issue to sprints, moved 1 issue between sprints and took 1 issue out of sprints, with 2 teammates."},
		{"the go/no-go calls the user made lead the planning, by release issue; teammates and projects are the planned issues'",
			append(goNoGoItems(), fixVersion(storyTO, "8", "(none)", "2026.03")),
			"Made the go/no-go call on 3 releases (2 of them a no-go) and planned 1 issue into 1 release, with 1 teammate."},
		{"a release manager's calls and notes plan no issue, and issues moved out of a release at code freeze are said as moved from it, not as work done with their assignees",
			[]evidence.Evidence{
				jiraItem(storyTO, evidence.SourceComment, "1", when, evidence.CatReleasePlanning, "comment.release", 0.7, "Go/No-Go for 4.13: GO. 0 sev-1 open."),
				jiraItem(storyTO, evidence.SourceComment, "2", when, evidence.CatReleasePlanning, "comment.release", 0.7, "Release notes for 4.13 published and circulated."),
				fixVersion(storyRetry, "3", "4.13", "4.14"),
				fixVersion(checkoutBug, "4", "4.13", "4.14")},
			"Made the go/no-go call on 1 release and moved 2 issues from 4.13 to 4.14."},
		{"an issue planned and then moved counts once, as planned; a move back is to another release",
			[]evidence.Evidence{fixVersion(storyTO, "1", "(none)", "4.13"),
				fixVersion(storyTO, "2", "4.13", "4.14"),
				fixVersion(storyRetry, "3", "4.14", "4.13")},
			"Planned 1 issue into 1 release and moved 1 more from 4.14 to 4.13, with 1 teammate."},
		{"release words with no call and no fix version set are release plans written",
			[]evidence.Evidence{
				jiraItem(storyTO, evidence.SourceComment, "1", when, evidence.CatReleasePlanning, "comment.release", 0.7, "Code freeze for 4.15 is on 1st Dec."),
				jiraItem(checkoutBug, evidence.SourceComment, "2", when, evidence.CatReleasePlanning, "comment.release", 0.7, "This one can wait for 4.16.")},
			"Wrote release plans on 2 issues across 2 projects, with 2 people."},
		{"incidents are told by what the user did",
			[]evidence.Evidence{item(incident, evidence.CatIncidentCoord, evidence.SourceComment, "1"),
				item(incident, evidence.CatIncidentCoord, evidence.SourceComment, "2"),
				item(postmortem, evidence.CatIncidentCoord, evidence.SourceIssue, "3"),
				item(followUp, evidence.CatIncidentCoord, evidence.SourceIssue, "4"),
				item(followUp2, evidence.CatIncidentCoord, evidence.SourceIssue, "5"),
				item(incident, evidence.CatIncidentCoord, evidence.SourceIssue, "6")},
			"Led the response to “EU checkout error rate above 10%”: posted 2 incident updates, opened 1 incident ticket, wrote 1 postmortem and filed 2 follow-up issues."},
		{"what came of the follow-ups is said: some done",
			[]evidence.Evidence{item(incident, evidence.CatIncidentCoord, evidence.SourceComment, "1"),
				item(done(followUp), evidence.CatIncidentCoord, evidence.SourceIssue, "4"),
				item(followUp2, evidence.CatIncidentCoord, evidence.SourceIssue, "5")},
			"Led the response to “EU checkout error rate above 10%”: posted 1 incident update and filed 2 follow-up issues, 1 of them done."},
		{"what came of the follow-ups is said: all done",
			[]evidence.Evidence{item(incident, evidence.CatIncidentCoord, evidence.SourceComment, "1"),
				item(done(followUp), evidence.CatIncidentCoord, evidence.SourceIssue, "4"),
				item(done(followUp2), evidence.CatIncidentCoord, evidence.SourceIssue, "5")},
			"Led the response to “EU checkout error rate above 10%”: posted 1 incident update and filed 2 follow-up issues, all done."},
		{"what came of the follow-ups is said: the one done",
			[]evidence.Evidence{item(incident, evidence.CatIncidentCoord, evidence.SourceComment, "1"),
				item(done(followUp), evidence.CatIncidentCoord, evidence.SourceIssue, "4")},
			"Led the response to “EU checkout error rate above 10%”: posted 1 incident update and filed 1 follow-up issue, done."},
		{"an outage filed as a bug is one incident with the write-up and the follow-up linked to it",
			[]evidence.Evidence{linkedTo(item(outageBug, evidence.CatIncidentCoord, evidence.SourceComment, "1"), "OPS-91", "PAY-190"),
				linkedTo(item(outageBug, evidence.CatIncidentCoord, evidence.SourceComment, "2"), "OPS-91", "PAY-190"),
				linkedTo(item(outageWriteUp, evidence.CatIncidentCoord, evidence.SourceIssue, "3"), "OPS-90"),
				linkedTo(item(outageCanary, evidence.CatIncidentCoord, evidence.SourceIssue, "4"), "OPS-90")},
			"Led the response to “Checkout returning 500s for card payments”: posted 2 incident updates, wrote 1 postmortem and filed 1 follow-up issue."},
		{"a write-up that calls itself no postmortem, read by its rule, is a postmortem, not a follow-up",
			[]evidence.Evidence{linkedTo(item(outageBug, evidence.CatIncidentCoord, evidence.SourceComment, "1"), "OPS-92", "PAY-190"),
				func() evidence.Evidence {
					e := linkedTo(item(fixtureIssue{"30092", "OPS-92", "Task", "What happened with the card payment failures (12/08)", "", me, "done", nil},
						evidence.CatIncidentCoord, evidence.SourceIssue, "3"), "OPS-90")
					e.Rule = writeUpRule
					return e
				}(),
				linkedTo(item(outageCanary, evidence.CatIncidentCoord, evidence.SourceIssue, "4"), "OPS-90")},
			"Led the response to “Checkout returning 500s for card payments”: posted 1 incident update, wrote 1 postmortem and filed 1 follow-up issue."},
		{"a status update on a ticket that is no incident makes it none, nor counts as an incident update",
			[]evidence.Evidence{item(incident, evidence.CatIncidentCoord, evidence.SourceComment, "1"),
				item(storyTO, evidence.CatIncidentCoord, evidence.SourceComment, "2"),
				item(postmortem, evidence.CatIncidentCoord, evidence.SourceComment, "3")},
			"Coordinated the response to “EU checkout error rate above 10%”: posted 1 incident update."},
		{"stakeholder updates name the epics among their issues",
			[]evidence.Evidence{item(epicEU, evidence.CatStakeholderComms, evidence.SourceComment, "1"),
				item(storyTO, evidence.CatStakeholderComms, evidence.SourceComment, "2")},
			"Posted a stakeholder update on each of 2 issues, including progress notes on 1 epic."},
		{"more updates than issues say both numbers",
			[]evidence.Evidence{item(epicEU, evidence.CatStakeholderComms, evidence.SourceComment, "1"),
				jiraItem(storyTO, evidence.SourceComment, "2", when, evidence.CatStakeholderComms, "rule.x", 0.8, "Update: 2 of 3 done."),
				jiraItem(storyTO, evidence.SourceComment, "3", when, evidence.CatStakeholderComms, "rule.x", 0.8, "Update: all 3 done.")},
			"Posted 3 stakeholder updates on 2 issues, including progress notes on 1 epic."},
		{"cross-team work is coordinated with other teams, some of it teammates'",
			[]evidence.Evidence{item(storyTO, evidence.CatCrossTeam, evidence.SourceChange, "1"),
				item(checkoutAPI, evidence.CatCrossTeam, evidence.SourceComment, "2"),
				item(taskRetry, evidence.CatCrossTeam, evidence.SourceComment, "3")},
			"Coordinated in writing with other teams on 2 issues and linked 1 more to their work across 2 projects, including work assigned to 2 people."},
		{"cross-team work all in writing is coordination",
			[]evidence.Evidence{item(checkoutAPI, evidence.CatCrossTeam, evidence.SourceComment, "2"),
				item(taskRetry, evidence.CatCrossTeam, evidence.SourceComment, "3")},
			"Coordinated with other teams on 2 issues across 2 projects, including work assigned to 1 teammate."},
		{"cross-team links alone are said as links",
			[]evidence.Evidence{item(storyTO, evidence.CatCrossTeam, evidence.SourceChange, "1"),
				item(taskRetry, evidence.CatCrossTeam, evidence.SourceChange, "3")},
			"Linked 2 issues to other teams' work, including work assigned to 1 teammate."},
		{"a single cross-team issue does not say whose it is",
			[]evidence.Evidence{item(storyTO, evidence.CatCrossTeam, evidence.SourceChange, "3")},
			"Linked 1 issue to other teams' work."},
		{"updates recorded by hand are on no issue",
			[]evidence.Evidence{{ID: "ev_manual1", SiteID: acme.ID, Source: evidence.SourceManual, SourceID: "1", OccurredAt: at(when),
				Category: evidence.CatStakeholderComms, Rule: "manual", Confidence: 1, Excerpt: "Quarterly roadmap review with sales", SiteName: acme.Name, Manual: true}},
			"Posted 1 stakeholder update."},
		{"a decision told in the same words to two people is one decision, redacted or not",
			[]evidence.Evidence{
				jiraItem(storyTO, evidence.SourceComment, "1", when, evidence.CatDecisionMaking, "comment.decision", 0.8,
					"Mei Chen, keep the old metric name as an alias for one release, then drop it."),
				jiraItem(storyRetry, evidence.SourceComment, "2", when, evidence.CatDecisionMaking, "comment.decision", 0.8,
					"Ravi, keep the old metric name as an alias for one release, then drop it."),
				jiraItem(storyRefund, evidence.SourceComment, "3", when, evidence.CatDecisionMaking, "comment.decision", 0.8,
					"A teammate, keep the old metric name as an alias for one release, then drop it."),
				jiraItem(storyFraud, evidence.SourceComment, "4", when, evidence.CatDecisionMaking, "comment.decision", 0.8,
					"Decision, final: the refunds epic ships without partial refunds this quarter.")},
			"Recorded 2 product decisions."},
		{"a decision posted on several issues in the same words is one decision",
			[]evidence.Evidence{
				jiraItem(storyTO, evidence.SourceComment, "1", when, evidence.CatDecisionMaking, "comment.decision", 0.8,
					"Decision: we leave non-EU cards out of scope for this epic. Agreed in the Monday sync."),
				jiraItem(storyRetry, evidence.SourceComment, "2", when, evidence.CatDecisionMaking, "comment.decision", 0.8,
					"Decision: we leave non-EU cards out of scope for this epic. Logged it separately so it isn't lost."),
				jiraItem(storyRefund, evidence.SourceComment, "3", when, evidence.CatDecisionMaking, "comment.decision", 0.8,
					"Decision: we leave non-EU cards out of scope for the refunds epic too."),
				jiraItem(storyFraud, evidence.SourceComment, "4", when, evidence.CatDecisionMaking, "comment.decision", 0.8,
					"Status: at risk. We ship without the export if the API is late."),
				jiraItem(taskRetry, evidence.SourceComment, "5", when, evidence.CatDecisionMaking, "comment.decision", 0.8,
					"Status: at risk. Without the gateway fix we move the launch by a week.")},
			"Recorded 4 product decisions."},
		{"a no-go call the planning bullet counts is not a product decision again",
			[]evidence.Evidence{
				jiraItem(storyRetry, evidence.SourceComment, "1", when, evidence.CatReleasePlanning, "comment.release", 0.7,
					"Go/No-Go for 4.12: NO-GO, two sev-2 open, we will re-assess on Thursday."),
				jiraItem(storyRetry, evidence.SourceComment, "1", when, evidence.CatDecisionMaking, "comment.no-go", 0.8,
					"Go/No-Go for 4.12: NO-GO, two sev-2 open, we will re-assess on Thursday.")},
			"Made the go/no-go call on 1 release (a no-go)."},
		{"updates recorded by hand are not counted as posted on an issue",
			[]evidence.Evidence{item(epicEU, evidence.CatStakeholderComms, evidence.SourceComment, "1"),
				item(storyTO, evidence.CatStakeholderComms, evidence.SourceComment, "2"),
				{ID: "ev_manual1", SiteID: acme.ID, Source: evidence.SourceManual, SourceID: "1", OccurredAt: at(when),
					Category: evidence.CatStakeholderComms, Rule: "manual", Confidence: 1, Excerpt: "Quarterly roadmap review with sales", SiteName: acme.Name, Manual: true},
				{ID: "ev_manual2", SiteID: acme.ID, Source: evidence.SourceManual, SourceID: "2", OccurredAt: at(when),
					Category: evidence.CatStakeholderComms, Rule: "manual", Confidence: 1, Excerpt: "Demo of the new checkout to support", SiteName: acme.Name, Manual: true}},
			"Posted a stakeholder update on each of 2 issues, including progress notes on 1 epic, and 2 more outside Jira."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := portfolioOf(tt.items...)
			if got := bulletLines(t, p, -1); len(got) != 1 || got[0] != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// withEpicEUDone is typicalPortfolio with its epic PAY-101, which the user
// owns, moved to Done by them.
func withEpicEUDone() evidence.Portfolio {
	p := typicalPortfolio()
	epicDone := jiraItem(epicEU, evidence.SourceChange, "99", "2026-07-01T10:00:00Z",
		evidence.CatEpicOwnership, "change.epic-status", 0.8, "Status: In Progress → Done")
	epicDone.IssueStatusCategory = "done"
	p.Evidence = append(p.Evidence, epicDone)
	p.Epics[0].StatusCategory = "done"
	return p
}

// bulletOpening is the bullet that opens with opening ("" if none).
func bulletOpening(t *testing.T, p evidence.Portfolio, opening string) string {
	t.Helper()
	for _, line := range bulletLines(t, p, -1) {
		if strings.HasPrefix(line, opening) {
			return line
		}
	}
	return ""
}

func TestBulletsForEpicsCountTheirDoneEpics(t *testing.T) {
	epics := bulletOpening(t, withEpicEUDone(), "Owned ")
	want := "Owned 1 epic, “EU checkout reliability”, with 1 teammate across 4 issues; the epic is done."
	if epics != want {
		t.Errorf("got  %q\nwant %q", epics, want)
	}
}

// The decisions bullet names the epics its decisions are on only when all
// of them are on one: "62 product decisions in 10 epics" read as if none
// were on no epic, and counted the epics of priority edits besides.
func TestBulletsSayTheDecisionsEpicsOnlyWhenEveryDecisionIsOnOne(t *testing.T) {
	countEveryAct(t)
	decision := func(is fixtureIssue, id string) evidence.Evidence {
		return jiraItem(is, evidence.SourceComment, id, "2026-03-04T15:12:00Z", evidence.CatDecisionMaking, "comment.decision", 0.8,
			"Decision on "+is.key+": we ship the smaller scope first and revisit the rest next quarter.")
	}
	priority := jiraItem(storyFraud, evidence.SourceChange, "p1", "2026-03-04T15:12:00Z", evidence.CatPrioritization, "change.priority", 0.85, "Priority: Low → High")
	for _, tc := range []struct {
		name  string
		items []evidence.Evidence
		want  string
	}{
		{"every decision on an epic", []evidence.Evidence{decision(storyTO, "d1"), decision(storyRefund, "d2")},
			"Recorded 2 product decisions on 2 epics."},
		{"a priority edit's epic is not a decision's", []evidence.Evidence{decision(storyTO, "d1"), priority},
			"Prioritized 1 backlog item and recorded 1 product decision on 1 epic."},
		{"one decision on no epic", []evidence.Evidence{decision(storyTO, "d1"), decision(storyRefund, "d2"), decision(checkoutBug, "d3")},
			"Recorded 3 product decisions across 2 projects."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := portfolioOf(tc.items...)
			typicalContext(&p)
			if got := bulletLines(t, p, -1); len(got) != 1 || got[0] != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

// An owned epic is as big as the issues filed under it while it ran and in
// the week after it was done: a ticket filed under it months later, and
// whoever has it, are none of its work.
func TestBulletsForEpicsLeaveOutIssuesFiledLongAfterTheEpicWasDone(t *testing.T) {
	p := withEpicEUDone()
	closed := at("2026-07-01T10:00:00Z")
	p.Epics[0].Resolved = &closed
	p.Epics[0].Issues = []evidence.EpicIssue{
		{Key: "PAY-171", Assignee: alex, AssigneeActed: true, Created: at("2026-07-05T09:00:00Z")}, // the wrap-up week
		{Key: "PAY-172", Assignee: dana, AssigneeActed: true, Created: at("2026-10-01T09:00:00Z")}, // three months on
	}
	epics := bulletOpening(t, p, "Owned ")
	want := "Owned 1 epic, “EU checkout reliability”, with 2 teammates across 5 issues; the epic is done."
	if epics != want {
		t.Errorf("got  %q\nwant %q", epics, want)
	}
}

// A result is quoted from the clause with a number that best tells it (a
// change before an amount, an amount before a date), with the baseline
// that follows it, which says what it changed from.
func TestResultQuoteKeepsItsBaseline(t *testing.T) {
	for text, want := range map[string]string{
		"Result: 16 pages a week on average since the 5th, from 42 in the quarter before. Success metrics met.": "16 pages a week on average since the 5th, from 42 in the quarter before",
		"Timeouts are at 0.3%, down from 2.1%; no rise in card declines.":                                       "Timeouts are at 0.3%, down from 2.1%",
		"Churn is 4.1% (was 6%).":                                           "Churn is 4.1% (was 6%)",
		"Checkout p95 is 420 ms, was 900 ms.":                               "Checkout p95 is 420 ms, was 900 ms",
		"Checkout p95 is 420 ms. From 3 March the old path is gone.":        "Checkout p95 is 420 ms",
		"8 of 8 services have SLOs, and the error-budget policy is signed.": "8 of 8 services have SLOs",
		"Delivery success within 24 hours has been 99.99% for six weeks, up from 99.2% in the quarter before the retry queue shipped.": "Delivery success within 24 hours has been 99.99% for six weeks",
		"Everyone is happier now.": "",
		"shipped to 100% on Sep 30. returning-customer conversion up from 2.1% to 2.6% over the first two weeks, payment failures flat. thanks all":                                                                            "returning-customer conversion up from 2.1% to 2.6% over the first two weeks",
		"Live since 14 May. About 38% of returning orders now use a saved card.":                                                                                                                                               "About 38% of returning orders now use a saved card",
		"Rolled out to all 5 regions. Refund tickets are 13 a week, down from 42.":                                                                                                                                             "Refund tickets are 13 a week, down from 42",
		"Closing this epic. 4.12, 4.13 and 4.14 went live on the checklist: zero rollbacks, and production defects in first two weeks came down from 11 (4.10 + 4.11) to 3 (4.13 + 4.14). Go/No-Go call now takes 30 minutes.": "production defects in first two weeks came down from 11 (4.10 + 4.11) to 3 (4.13 + 4.14)",
		"4.12 is live. Zero rollback.":              "4.12 is live",
		"Plus members renewed at 91%, up from 84%.": "Plus members renewed at 91%, up from 84%",
		"Done on 3 March, as planned.":              "Done on 3 March",
		// Not cut inside brackets: an aside that closes a little past the
		// limit is kept, a long one left out.
		"Checkout crash-free sessions at 99.6% in the last 30 days (was 97.9% when we started in June). Play Store rating is back to 4.4, App Store 4.6.":                        "Checkout crash-free sessions at 99.6% in the last 30 days (was 97.9% when we started in June)",
		"Checkout crash-free sessions at 99.6% in the last 30 days across all markets (was 97.9% when we started the work in June, per Crashlytics and Play Console).":           "Checkout crash-free sessions at 99.6% in the last 30 days across all markets",
		"The last three drills measured 12 s, 23 s and 16 s of write downtime, down from about 4 minutes before Patroni. All 5 on-call engineers have run the drill themselves.": "The last three drills measured 12 s, 23 s and 16 s of write downtime",
	} {
		if got := resultQuote([]initiative{{outcome: initiativeOutcome{Text: text}}}); got != want {
			t.Errorf("resultQuote(%q)\n got  %q\n want %q", text, got, want)
		}
	}
}

// The epics bullet counts the epics the result bullets do not tell: "Led
// “SLOs…” across 3 issues" and then "Owned 5 epics … across 15 issues"
// counted the same work twice. With none left, it is not written.
func TestTheEpicsBulletLeavesOutTheInitiativesResultBulletsTell(t *testing.T) {
	p := longBriefPortfolio(0)
	want := "Also owned 3 epics, among them “Offline mode for payments”, with 1 teammate across 9 issues; all 3 epics are done."
	if got := bulletOpening(t, p, "Also owned "); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	p.Epics = p.Epics[:1]
	p.Evidence = slices.DeleteFunc(p.Evidence, func(e evidence.Evidence) bool { return e.IssueKey != "OPS-930" && e.IssueParent != "OPS-930" })
	for _, line := range bulletLines(t, p, -1) {
		if strings.Contains(line, "wned ") {
			t.Errorf("the one epic a result bullet tells is told again: %q", line)
		}
	}
}

// A bullet states a result in its own words, its relative days dated by
// when the result was written (Monday 4 May 2026), or left out where
// that is not known; what it counts from stays.
func TestBulletResultsDateTheirRelativeDays(t *testing.T) {
	written := at("2026-05-04T08:47:43Z")
	for _, tc := range []struct {
		text    string
		written time.Time
		want    string
	}{
		{"15 pages a week on average since the 23rd, from 43 in the quarter before", written, "15 pages a week on average since 23 April, from 43 in the quarter before"},
		{"signed by all three leads on the 8th", written, "signed by all three leads on 8 April"},
		{"errors at 0.1% since the 2nd", written, "errors at 0.1% since 2 May"},
		{"Since Monday, errors are at 0.1%", written, "Since 4 May, errors are at 0.1%"},
		{"refund tickets down from 42 to 13 a week since last Monday", written, "refund tickets down from 42 to 13 a week since 27 April"},
		{"refund tickets down from 42 to 13 a week since Friday", written, "refund tickets down from 42 to 13 a week since 1 May"},
		{"errors at 0.1% as of yesterday, down from 2%", written, "errors at 0.1% as of 3 May, down from 2%"},
		{"errors at 0.1% since last week, down from 2%", written, "errors at 0.1%, down from 2%"},
		{"16 pages a week on average since the 5th, from 42 in the quarter before", time.Time{}, "16 pages a week on average, from 42 in the quarter before"},
		{"Since Monday, errors are at 0.1%", time.Time{}, "errors are at 0.1%"},
		{"99.99% delivered within 24 hours since 14 May", written, "99.99% delivered within 24 hours since 14 May"},
		{"99.99% delivered since the 14th of April", written, "99.99% delivered since the 14th of April"},
		{"green on the 3rd attempt, down from 9 failures", written, "green on the 3rd attempt, down from 9 failures"},
		{"quiet since the 23rd and no customer tickets", written, "quiet since 23 April and no customer tickets"},
		{"pages down from 40 to 15 since the migration", written, "pages down from 40 to 15 since the migration"},
		{"conversion up from 2.1% to 2.6% over the first two weeks", written, "conversion up from 2.1% to 2.6% over the first two weeks"},
	} {
		if got := datedDays(tc.text, tc.written); got != tc.want {
			t.Errorf("datedDays(%q, %v)\n got  %q\n want %q", tc.text, tc.written, got, tc.want)
		}
	}
}

// The headline quotes a result in the user's words, and dates it when it
// names a day only its date explains.
func TestTheHeadlineDatesAResultThatNamesARelativeDay(t *testing.T) {
	written := at("2026-05-04T08:47:43Z")
	in := func(text string, at time.Time) []initiative {
		return []initiative{{outcome: initiativeOutcome{Text: text, Comment: evidence.Comment{At: at}}}}
	}
	for _, tc := range []struct {
		ins         []initiative
		quote, date string
	}{
		{in("Result: 15 pages a week on average since the 23rd, from 43 in the quarter before.", written),
			"15 pages a week on average since the 23rd, from 43 in the quarter before", " (reported on 4 May)"},
		{in("Result: pages down from 43 to 15 a week.", written), "pages down from 43 to 15 a week", ""},
		{in("Result: 15 pages a week on average since the 23rd, from 43.", time.Time{}), "15 pages a week on average since the 23rd, from 43", ""},
	} {
		if quote, date := datedResultQuote(tc.ins); quote != tc.quote || date != tc.date {
			t.Errorf("datedResultQuote(%q) = %q, %q; want %q, %q", tc.ins[0].outcome.Text, quote, date, tc.quote, tc.date)
		}
	}
}

// An initiative the user led with a recorded result leads the bullets,
// its result quoted from where it is recorded; the epics bullet does not
// name it again.
func TestBulletsLeadWithTheResultOfAnInitiativeTheUserLed(t *testing.T) {
	for _, tc := range []struct {
		name     string
		record   func(*evidence.Epic)
		want     string
		from     string
		link     string
		explains string
		redacted string
	}{
		{name: "stated with pmfolio outcome",
			record: func(ep *evidence.Epic) {
				ep.Outcome = "EU checkout timeouts fell from 2.1% to 0.3% in the first month. Card declines did not rise."
			},
			want:     "Led “EU checkout reliability” with 1 teammate across 4 issues: EU checkout timeouts fell from 2.1% to 0.3% in the first month, an 86% drop.",
			from:     "pmfolio outcome",
			explains: "    the result: as you stated it with pmfolio outcome PAY-101\n",
			redacted: "    the result: as you stated it with pmfolio outcome PROJ-"},
		{name: "reported in a Jira comment",
			record: func(ep *evidence.Epic) {
				ep.Comments = append(ep.Comments, evidence.Comment{ID: "10950", At: at("2026-07-02T10:00:00Z"), Author: priya,
					Text: "Outcome: Timeouts are at 0.3%, down from 2.1%; no rise in card declines."})
			},
			want:     "Led “EU checkout reliability” with 1 teammate across 4 issues: timeouts are at 0.3%, down from 2.1%, an 86% drop.",
			from:     "jira comment",
			link:     "https://acme.atlassian.net/browse/PAY-101?focusedCommentId=10950&page=com.atlassian.jira.plugin.system.issuetabpanels:comment-tabpanel#comment-10950",
			explains: "    the result: quoted from the Jira comment https://acme.atlassian.net/browse/PAY-101?focusedCommentId=10950",
			redacted: "    the result: quoted from a Jira comment on PROJ-",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := typicalPortfolio()
			tc.record(&p.Epics[0])
			lines := bulletLines(t, p, -1)
			if lines[0] != tc.want {
				t.Errorf("first bullet\n got  %q\n want %q", lines[0], tc.want)
			}
			for _, line := range lines[1:] {
				if strings.Contains(line, "EU checkout reliability") {
					t.Errorf("another bullet names the epic again: %q", line)
				}
			}
			var js strings.Builder
			if err := Bullets(&js, p, BulletOptions{Top: 1, Format: "json"}); err != nil {
				t.Fatal(err)
			}
			var doc struct {
				Bullets []struct {
					Result *struct {
						Text, Epic, From, Link string
						Change                 *struct {
							Text, From, To string
							Percent        float64
						}
					} `json:"result"`
				} `json:"bullets"`
			}
			if err := json.Unmarshal([]byte(js.String()), &doc); err != nil {
				t.Fatal(err)
			}
			if r := doc.Bullets[0].Result; r == nil || r.Epic != "PAY-101" || r.From != tc.from || r.Link != tc.link || !strings.Contains(tc.want, r.Text) {
				t.Errorf("result %+v, want from %q, link %q and the quoted text", r, tc.from, tc.link)
			}
			// The change is worked out from the two numbers the result states.
			if c := doc.Bullets[0].Result.Change; c == nil || c.From != "2.1%" || c.To != "0.3%" || c.Percent != -86 || !strings.HasSuffix(tc.want, ", "+c.Text+".") {
				t.Errorf("result's change %+v, want an 86%% drop from 2.1%% to 0.3%%", c)
			}
			// The brief's headline quotes the same result with its change,
			// once the epic is done (before, a result is a forecast).
			shipped := p
			shipped.Epics = slices.Clone(p.Epics)
			shipped.Epics[0].StatusCategory = "done"
			var md strings.Builder
			if err := Markdown(&md, shipped, Options{}); err != nil {
				t.Fatal(err)
			}
			if headline := strings.Split(md.String(), "\n")[4]; !strings.Contains(headline, "”, an 86% drop.") {
				t.Errorf("headline %q does not state the result's change", headline)
			}
			var explained strings.Builder
			if err := Bullets(&explained, p, BulletOptions{Top: 1, Explain: true}); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(explained.String(), tc.explains) || !strings.Contains(explained.String(), "    an 86% drop: worked out from 2.1% and 0.3% in the result\n") {
				t.Errorf("--explain does not say where the result is recorded:\n%s", explained.String())
			}
			// Redacted, the link goes, and where the result is from stays.
			var redacted strings.Builder
			if err := Bullets(&redacted, Redact(p, nil), BulletOptions{Top: 1, Explain: true}); err != nil {
				t.Fatal(err)
			}
			if got := redacted.String(); strings.Contains(got, "acme") || !strings.Contains(got, tc.redacted) {
				t.Errorf("redacted --explain:\n%s\nwant %q and no site", got, tc.redacted)
			}
		})
	}
	// An epic the user did not own is not theirs to have led, result or not
	// (the response to an incident they coordinated is).
	p := typicalPortfolio()
	for _, line := range bulletLines(t, p, -1) {
		if strings.HasPrefix(line, "Led ") && !strings.HasPrefix(line, "Led the response to ") {
			t.Errorf("led an initiative the user did not own (PAY-120's result is recorded): %q", line)
		}
	}
}

func TestBulletNumbersComeFromTheData(t *testing.T) {
	// Every number in the typical portfolio's bullets is one the data
	// holds: at most the number of items, and nothing invented like a
	// percentage or a currency amount.
	p := typicalPortfolio()
	for _, line := range bulletLines(t, p, -1) {
		// A quoted issue summary ("EU checkout error rate above 10%") is
		// the data's own.
		line = regexp.MustCompile(`“[^”]*”`).ReplaceAllString(line, "“”")
		if regexp.MustCompile(`[%$€£]`).MatchString(line) {
			t.Errorf("bullet claims an outcome the data cannot show: %s", line)
		}
		for _, s := range regexp.MustCompile(`\d+`).FindAllString(line, -1) {
			if n, _ := strconv.Atoi(s); n > len(p.Evidence) {
				t.Errorf("bullet states %d, more than the %d items there are: %s", n, len(p.Evidence), line)
			}
		}
	}
}

// The median is of the blocks Jira dated, which are a few of the issues
// unblocked: the bullet says over how many ("the 18 blocks I cleared"),
// not "clearing blocks that had stood for a median of 24 hours" after "66
// issues", which read as the median of all 66.
func TestUnblockingBulletGivesTheMedianTimeBlocksHadStood(t *testing.T) {
	cases := []struct {
		blocked []time.Duration
		want    string
	}{
		{nil, ""},
		{[]time.Duration{time.Hour, 2 * time.Hour}, ""}, // too few to speak of a median
		{[]time.Duration{30 * time.Minute, 20 * time.Minute, 50 * time.Minute}, "; the 3 blocks I cleared had stood a median of under an hour"},
		{[]time.Duration{5 * time.Hour, 3 * time.Hour, 40 * time.Hour}, "; the 3 blocks I cleared had stood a median of 5 hours"},
		{[]time.Duration{48 * time.Hour, 72 * time.Hour, 24 * time.Hour, 96 * time.Hour}, "; the 4 blocks I cleared had stood a median of 2.5 days"},
	}
	for _, c := range cases {
		var items []*evidence.Evidence
		for _, d := range c.blocked {
			items = append(items, &evidence.Evidence{ID: d.String(), BlockedFor: d})
		}
		if got := blockedMedian(items).text; got != c.want {
			t.Errorf("blockedMedian(%v) = %q, want %q", c.blocked, got, c.want)
		}
	}
}

// TestEveryBulletNumberCanBeRecomputed reads `bullets --format json` and
// recomputes each number from the evidence its ids name, as a reader
// checking a résumé would; and every number in a bullet's text is one of
// them (numbers inside a quoted epic name aside).
// bulletsDoc is `bullets --format json`, read back on its own terms.
type bulletsDoc struct {
	Bullets []struct {
		Text    string `json:"text"`
		Numbers []struct {
			Text        string   `json:"text"`
			Value       float64  `json:"value"`
			Counts      string   `json:"counts"`
			Of          []string `json:"of"`
			EvidenceIDs []string `json:"evidence_ids"`
			Links       []string `json:"links"`
		} `json:"numbers"`
	} `json:"bullets"`
}

func readBulletsJSON(t *testing.T, p evidence.Portfolio) bulletsDoc {
	t.Helper()
	var buf strings.Builder
	if err := Bullets(&buf, p, BulletOptions{Top: -1, Format: "json"}); err != nil {
		t.Fatal(err)
	}
	var doc bulletsDoc
	if err := json.Unmarshal([]byte(buf.String()), &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// An incident's bullet names it and quotes what it came to from the
// closing note, linked as a result is: a hiring manager reads what was at
// stake ("about 1,800 card orders failed"), not how many comments it took.
func TestIncidentBulletNamesTheIncidentAndItsResult(t *testing.T) {
	p := outagePortfolio()
	want := "Led the response to “Checkout returning 500s for card payments” (about 1,800 card orders failed): " +
		"posted 3 incident updates, wrote 1 postmortem and filed 1 follow-up issue."
	if got := bulletLines(t, p, -1); !slices.Contains(got, want) {
		t.Fatalf("bullets %q\nlack %q", got, want)
	}
	var buf strings.Builder
	if err := Bullets(&buf, p, BulletOptions{Top: -1, Format: "json"}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Bullets []struct {
			Text   string        `json:"text"`
			Result *bulletResult `json:"result"`
		} `json:"bullets"`
	}
	if err := json.Unmarshal([]byte(buf.String()), &doc); err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(doc.Bullets, func(b struct {
		Text   string        `json:"text"`
		Result *bulletResult `json:"result"`
	}) bool {
		return b.Text == want
	})
	if i < 0 {
		t.Fatalf("the JSON bullets lack %q", want)
	}
	res := doc.Bullets[i].Result
	if res == nil || res.Text != "about 1,800 card orders failed" || res.Epic != outageBug.key ||
		res.From != resultFromComment || !strings.Contains(res.Link, "focusedCommentId=") {
		t.Errorf("the incident bullet's result = %+v, want the closing note's words, its issue and the comment's link", res)
	}
	var explained strings.Builder
	if err := Bullets(&explained, p, BulletOptions{Top: -1, Explain: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(explained.String(), want+"\n    the result: quoted from the Jira comment ") {
		t.Errorf("--explain does not say where the incident's result is quoted from:\n%s", explained.String())
	}
}

// An incident is named without its tracker's tag, and what it came to is
// whom it hurt, without the hours of a day the résumé does not give.
func TestIncidentNameAndResult(t *testing.T) {
	for _, tt := range []struct{ summary, want string }{
		{"INC: certificate expired on grafana", "certificate expired on grafana"},
		{"PROD: NEFT outward payments stuck in 'Pending' after batch 3", "NEFT outward payments stuck in 'Pending' after batch 3"},
		{"[SEV2] Checkout down", "Checkout down"},
		{"App closes when opening order history (Android, 5.2.0)", "App closes when opening order history"},
		{"Incident review template", "Incident review template"},
	} {
		if got := incidentName(tt.summary); got != tt.want {
			t.Errorf("incidentName(%q) = %q, want %q", tt.summary, got, tt.want)
		}
	}
	for _, tt := range []struct{ note, want string }{
		{"rollback done at 14:38, error rate back to baseline. about 1,800 card orders failed between 13:55 and 14:38. I'll write it up tomorrow", "about 1,800 card orders failed"},
		{"Update 3 PM: ACK received from RBI, all 4,312 payments credited status updated. Resolving the incident.", ""},
		{"Resolved at 12:25 UTC, 59 minutes after the first errors. Customer impact: 148 merchants.", "customer impact: 148 merchants"},
		{"All clear since 05:10 UTC, closing: 76 minutes of errors for 438 merchants.", "76 minutes of errors for 438 merchants"},
	} {
		in := initiative{outcome: initiativeOutcome{Text: tt.note}, hasOutcome: true}
		if got := incidentResult(in); got != tt.want {
			t.Errorf("incidentResult(%q) = %q, want %q", tt.note, got, tt.want)
		}
	}
}

// A brief's résumé bullets do not quote a decision the brief quoted above
// them as a proof, which `pmfolio bullets` on its own still quotes.
func TestTheBriefsBulletsDoNotQuoteAProofAgain(t *testing.T) {
	countEveryAct(t)
	p := outagePortfolio()
	const decision = "the vault's webhook instead of polling"
	var brief strings.Builder
	if err := Markdown(&brief, p, Options{}); err != nil {
		t.Fatal(err)
	}
	above, bullets, ok := strings.Cut(brief.String(), "## Résumé bullets")
	if !ok || !strings.Contains(above, decision) {
		t.Fatalf("the brief quotes no proof of the decision above its bullets: the test proves nothing\n%s", brief.String())
	}
	if strings.Contains(bullets, decision) {
		t.Errorf("the brief's bullets quote the decision again:\n%s", bullets)
	}
	if got := strings.Join(bulletLines(t, p, -1), "\n"); !strings.Contains(got, decision) {
		t.Errorf("pmfolio bullets no longer quotes the decision:\n%s", got)
	}
}

// When the closing note tells only the clean-up, whom the incident hit is
// read from the user's other words on it, the postmortem first when it says
// for how long too, and the bullet's result links to where it is written.
func TestIncidentImpactFromTheUsersOwnWords(t *testing.T) {
	note := &evidence.Evidence{Source: evidence.SourceComment, IssueKey: "CORE-2212",
		Excerpt: "Hi All, I am coordinating this. Impact: ~4,300 NEFT outward payments pending, customers see 'Pending' in net banking. Next update at 1 PM."}
	rca := &evidence.Evidence{Source: evidence.SourceIssue, IssueKey: "CORE-2213",
		Excerpt: "What happened: On 17-Sep NEFT outward batch 3 failed at 11:00 because the tablespace was full. 4,312 payments were delayed by ~3 hours.…"}
	cleanUp := &evidence.Evidence{Source: evidence.SourceComment, IssueKey: "CORE-2212",
		Excerpt: "Update 3 PM: ACK received from RBI, all 4,312 payments credited status updated. Resolving the incident."}
	for _, tt := range []struct {
		name  string
		items []*evidence.Evidence
		want  string
		from  *evidence.Evidence
	}{
		{"the postmortem says whom and how long", []*evidence.Evidence{note, rca, cleanUp}, "4,312 payments were delayed by ~3 hours", rca},
		{"the note that took charge says whom", []*evidence.Evidence{note, cleanUp}, "impact: ~4,300 NEFT outward payments pending", note},
		{"only the clean-up", []*evidence.Evidence{cleanUp}, "", nil},
	} {
		got, from := incidentImpact(initiative{items: tt.items})
		if got != tt.want || from != tt.from {
			t.Errorf("%s: incidentImpact = %q from %v, want %q from %v", tt.name, got, from, tt.want, tt.from)
		}
	}
}

// goNoGoItems are a release manager's go/no-go calls: a GO on one
// release, a NO-GO and its re-assessment's GO on another, a note that
// tells of a call rather than making one, a second call on the first
// release from another issue, a dry run, which is no call, and a no-go
// until something is done.
// fixVersion is the user's edit of an issue's release, as the rules
// describe it: "Fix Version: (none) → 2026.03".
// A plan into a release that went out without its issue is not claimed:
// "moved 4 issues from 4.13 to 4.14" of four issues still open after 4.14
// shipped gets "no" at the first question, "did they ship in 4.14?". A
// plan into a release still to come, or of an issue done, is claimed.
func TestThePlanningBulletLeavesOutPlansIntoAReleaseThatWentOutWithoutTheirIssue(t *testing.T) {
	countEveryAct(t)
	call := jiraItem(storyTO, evidence.SourceComment, "1", "2026-03-04T15:12:00Z", evidence.CatReleasePlanning, "comment.release", 0.7,
		"Go/No-Go for 4.13: GO. 0 sev-1 open.")
	// edit is the user's edit of is's fix version from → to, the issue
	// now in status and in release to, which has gone out or not.
	edit := func(is fixtureIssue, id, from, to, status string, released bool) evidence.Evidence {
		is.status, is.fixVersions = status, []string{to}
		e := fixVersion(is, id, from, to)
		if released {
			e.IssueReleasedVersions = []string{to}
		}
		return e
	}
	for _, tc := range []struct {
		name  string
		items []evidence.Evidence
		want  []string
	}{
		{"all moved issues still open after their release went out", []evidence.Evidence{call,
			edit(storyRetry, "2", "4.13", "4.14", "new", true), edit(checkoutBug, "3", "4.13", "4.14", "indeterminate", true)},
			[]string{"Made the go/no-go call on 1 release."}},
		{"one of them shipped in it", []evidence.Evidence{call,
			edit(storyRetry, "2", "4.13", "4.14", "done", true), edit(checkoutBug, "3", "4.13", "4.14", "new", true)},
			[]string{"Made the go/no-go call on 1 release and moved 1 issue from 4.13 to 4.14."}},
		{"their release still to come", []evidence.Evidence{call,
			edit(storyRetry, "2", "4.13", "4.14", "new", false), edit(checkoutBug, "3", "4.13", "4.14", "indeterminate", false)},
			[]string{"Made the go/no-go call on 1 release and moved 2 issues from 4.13 to 4.14."}},
		{"an issue planned into a release that went out without it", []evidence.Evidence{
			edit(storyTO, "1", "(none)", "2026.03", "done", true), edit(storyRefund, "2", "(none)", "2026.03", "new", true)},
			[]string{"Planned 1 issue into 1 release, with 1 teammate."}},
		{"no plan held", []evidence.Evidence{edit(storyRefund, "2", "(none)", "2026.03", "new", true)}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := portfolioOf(tc.items...)
			if got := bulletLines(t, p, -1); !slices.Equal(got, tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
			// Redacted, a release's name is replaced alike wherever it is.
			if got := bulletLines(t, Redact(p, []string{"4.14 = the next release", "2026.03 = the March release"}), -1); len(got) != len(tc.want) ||
				len(got) > 0 && strings.Contains(got[0], "moved") != strings.Contains(tc.want[0], "moved") {
				t.Errorf("redacted: got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func fixVersion(is fixtureIssue, id, from, to string) evidence.Evidence {
	return jiraItem(is, evidence.SourceChange, id, "2026-03-04T15:12:00Z", evidence.CatReleasePlanning, "change.fix-version", 0.85,
		"Fix Version: "+from+" → "+to)
}

func sprint(is fixtureIssue, id, from, to string) evidence.Evidence {
	return jiraItem(is, evidence.SourceChange, id, "2026-03-04T15:12:00Z", evidence.CatSprintPlanning, "change.sprint", 0.85,
		"Sprint: "+from+" → "+to)
}

func TestVersionAfter(t *testing.T) {
	for _, tt := range []struct {
		b, a string
		want bool
	}{
		{"4.14", "4.13", true},
		{"4.13", "4.14", false},
		{"payments-api 3.10.0", "payments-api 3.9.2", true},
		{"platform-2026.05", "platform-2026.04", true},
		{"4.13.1", "4.13", true},
		{"4.13", "4.13", false},
		{"mobile 5.1", "payments-api 3.9", false},
		{"4.14, 4.15", "4.13", false},
	} {
		if got := versionAfter(tt.b, tt.a); got != tt.want {
			t.Errorf("versionAfter(%q, %q) = %v, want %v", tt.b, tt.a, got, tt.want)
		}
	}
}

func goNoGoItems() []evidence.Evidence {
	call := func(is fixtureIssue, id, text string) evidence.Evidence {
		return jiraItem(is, evidence.SourceComment, id, "2026-03-04T15:12:00Z", evidence.CatReleasePlanning, "comment.release", 0.7, text)
	}
	return []evidence.Evidence{
		call(storyTO, "1", "Go/No-Go for 4.11: GO. All sev-1/sev-2 closed, 98.6% regression pass."),
		call(storyRetry, "2", "Go/No-Go for 4.12: NO-GO, two sev-2 open, we will re-assess on Thursday."),
		call(storyRetry, "3", "Go/No-Go for 4.12 (re-assessment): GO. Both sev-2 are closed and verified."),
		call(checkoutBug, "4", "Quick note: Go/No-Go was NO-GO first time due to two sev-2, went live a week later."),
		call(checkoutBug, "5", "Go/No-Go for 4.11 (hotfix): GO. Same release, one more fix on board."),
		call(checkoutBug, "6", "Check status: 2 sev-2 open. Go/No-Go dry run for 4.15: NO-GO. We will re-assess on the 15th."),
		call(checkoutAPI, "7", "Checked the runbook. No-go for payments-api 3.10.0 from my side until Jonas has signed it off."),
		call(checkoutAPI, "8", "No-go for platform-2026.06 from my side until the dry run passes on staging. Moving this to the next fix version."),
	}
}

func TestEveryBulletNumberCanBeRecomputed(t *testing.T) {
	for name, p := range map[string]evidence.Portfolio{
		"typical": typicalPortfolio(), "rich": richPortfolio(), "generated": generatedPortfolio(2000),
		"go/no-go calls": portfolioOf(goNoGoItems()...),
	} {
		t.Run(name, func(t *testing.T) {
			doc := readBulletsJSON(t, p)
			byID := make(map[string]evidence.Evidence)
			for _, e := range p.Evidence {
				byID[e.ID] = e
			}
			me := p.Sites[0].User
			for _, b := range doc.Bullets {
				stated := map[string]bool{}
				for _, n := range b.Numbers {
					stated[n.Text] = true
					if !strings.Contains(b.Text, n.Text) {
						t.Errorf("%q: number %q is not in the text", b.Text, n.Text)
					}
					if len(n.EvidenceIDs) != len(n.Links) || len(n.EvidenceIDs) == 0 && n.Value != 0 {
						t.Errorf("%q: %s has %d ids and %d links", b.Text, n.Counts, len(n.EvidenceIDs), len(n.Links))
					}
					distinct := map[string]bool{}
					var blocked []time.Duration
					for _, id := range n.EvidenceIDs {
						e, ok := byID[id]
						if !ok {
							t.Fatalf("%q: unknown evidence %s", b.Text, id)
						}
						key := e.SiteName + "/" + e.IssueKey
						switch n.Counts {
						case "comments", "created issues", "other items", "postmortems written", "follow-up issues filed",
							"incident tickets opened", "items recorded by hand (pmfolio evidence add)":
							distinct[e.ID] = true
						case "acts":
							distinct[actOf(e.ID, e.SiteName, string(e.Source), e.Excerpt, e.Manual)] = true
						case "issues", "issues that are epics":
							distinct[key] = true
						case "releases with a go/no-go call", "releases called no-go":
							for _, m := range regexp.MustCompile(`(?i)(?:go/no-go|(no-go)) for ([\w. -]+?)(?: \([^)]*\))?(?:: *(no-go|go)\b| from my side)`).FindAllStringSubmatch(e.Excerpt, -1) {
								if n.Counts == "releases with a go/no-go call" || m[1] != "" || strings.EqualFold(m[3], "no-go") {
									distinct[e.SiteName+"/"+m[2]] = true
								}
							}
						case "issues with an incident update":
							if e.Source == evidence.SourceComment {
								distinct[key] = true
							}
						case "done issues", "follow-up issues done":
							if e.IssueStatusCategory == "done" {
								distinct[key] = true
							}
						case "issues, and manual items without one":
							distinct[cmp.Or(e.IssueKey, e.ID)] = true
						case "epics, and manual items without one":
							if e.IssueType != "Epic" && e.IssueParent != "" {
								key = e.SiteName + "/" + e.IssueParent
							}
							distinct[cmp.Or(e.IssueKey, e.ID)+"|"+key] = true
						case "projects":
							distinct[e.SiteName+"/"+projectOf(&e)] = true
						case "teammates":
							if !e.IssueAssignee.Is(me) && e.IssueAssignee.DisplayName != me.DisplayName {
								distinct[e.SiteName+"/"+e.IssueAssignee.DisplayName] = true
							}
						case "issues of the epics", "teammates on the epics' issues":
							// The issues of an owned epic count whether or
							// not the user's evidence is on them.
							issues := []evidence.EpicIssue{{Key: e.IssueKey, Assignee: e.IssueAssignee, AssigneeActed: e.IssueAssigneeActed}}
							for _, ep := range p.Epics {
								if ep.SiteName == e.SiteName && (ep.Key == e.IssueKey || ep.Key == e.IssueParent) {
									for _, is := range ep.Issues {
										// Not one filed a week or more after the epic was done.
										if ep.StatusCategory != "done" || ep.Resolved == nil || is.Key == ep.Key || !is.Created.After(ep.Resolved.AddDate(0, 0, 7)) {
											issues = append(issues, is)
										}
									}
								}
							}
							for _, is := range issues {
								switch {
								case n.Counts == "issues of the epics":
									distinct[e.SiteName+"/"+is.Key] = true
								case is.Assignee.DisplayName != "" && !is.Assignee.Is(me) && is.Assignee.DisplayName != me.DisplayName:
									distinct[e.SiteName+"/"+is.Assignee.DisplayName] = true
								}
							}
						case "releases":
							for _, v := range e.IssueFixVersions {
								distinct[e.SiteName+"/"+v] = true
							}
						case "epics", "done epics":
							epic := e.IssueParent
							if e.IssueType == "Epic" {
								epic = e.IssueKey
							}
							distinct[epic] = true
						case "median time blocked":
							blocked = append(blocked, e.BlockedFor)
						case "blocks cleared":
							if e.BlockedFor > 0 {
								distinct[e.ID] = true
							}
						default:
							t.Errorf("%q: unknown count %q", b.Text, n.Counts)
						}
					}
					got := float64(len(distinct))
					if n.Counts == "epics, and manual items without one" {
						epics := map[string]bool{}
						for k := range distinct {
							epics[k[strings.Index(k, "|")+1:]] = true
						}
						got = float64(len(epics))
					}
					if n.Counts == "median time blocked" {
						slices.Sort(blocked)
						m := blocked[len(blocked)/2]
						if len(blocked)%2 == 0 {
							m = (blocked[len(blocked)/2-1] + m) / 2
						}
						if text, _ := roughDuration(m); text != n.Text {
							t.Errorf("%q: median recomputed as %s, stated %s", b.Text, text, n.Text)
						}
						continue
					}
					if got != n.Value || (len(n.Of) > 0 && float64(len(n.Of)) != n.Value) {
						t.Errorf("%q: %s recomputed as %v from its %d items, stated %v (of %q)", b.Text, n.Counts, got, len(n.EvidenceIDs), n.Value, n.Of)
					}
				}
				// Every number in the text is a stated one.
				text := regexp.MustCompile(`“[^”]*”`).ReplaceAllString(b.Text, "")
				for _, m := range regexp.MustCompile(`\d{1,3}(?:,\d{3})+|\d+(\.\d+)?( days| hours?)?`).FindAllString(text, -1) {
					if !stated[m] && !stated[strings.Fields(m)[0]] {
						t.Errorf("%q: %q is not among its traced numbers", b.Text, m)
					}
				}
			}
		})
	}
}

// --explain says, under each bullet, what each number counts: the things
// counted on one line, or each item on a line of its own with its issue, so
// a reader can check a number without reading a wall of ids.
func TestBulletsExplainEachNumberReadably(t *testing.T) {
	p := typicalPortfolio()
	var text strings.Builder
	if err := Bullets(&text, p, BulletOptions{Top: -1, Explain: true}); err != nil {
		t.Fatal(err)
	}
	doc := readBulletsJSON(t, p)
	out := text.String()
	for _, line := range strings.Split(out, "\n") {
		if strings.Count(line, "ev_") > 1 {
			t.Errorf("more than one item on a line: %q", line)
		}
	}
	for _, explained := range strings.Split(out, "\n- ") {
		seen := make(map[string]bool)
		for _, line := range strings.Split(explained, "\n") {
			if strings.HasPrefix(line, "    ") && !strings.HasPrefix(line, "      ") && seen[line] {
				t.Errorf("a bullet explains the same number twice: %q", line)
			}
			seen[line] = true
		}
	}
	for _, b := range doc.Bullets {
		at := strings.Index(out, "- "+b.Text+"\n")
		if at < 0 {
			t.Fatalf("bullet %q missing from:\n%s", b.Text, out)
		}
		under := out[at:]
		for _, n := range b.Numbers {
			// "1 project", "118 issues": the count in words, whatever
			// the number.
			word, _, _ := strings.Cut(n.Counts, " ")
			if word == countsItems {
				word = "items" // what acts are, to a reader
			}
			head := "    " + n.Text + " " + strings.TrimSuffix(strings.TrimSuffix(word, ","), "s")
			lines := regexp.MustCompile(`(?m)^`+regexp.QuoteMeta(head)+`[^:\n]*:.*$`).FindAllString(under, -1)
			if len(lines) == 0 {
				t.Errorf("%q: no line %q…", b.Text, head)
				continue
			}
			if len(n.Of) > 0 {
				list := ": " + strings.Join(n.Of, ", ") + " (from " + quantity(len(n.EvidenceIDs), "item", "items") + ")"
				if !slices.ContainsFunc(lines, func(l string) bool { return strings.HasSuffix(l, list) }) {
					t.Errorf("%q: %q does not list %v", b.Text, lines, n.Of)
				}
				continue
			}
			for _, id := range n.EvidenceIDs {
				if !strings.Contains(under, "      "+id) {
					t.Errorf("%q: %s does not list item %s", b.Text, head, id)
				}
			}
		}
	}
	if !strings.Contains(out, "pmfolio evidence show ID") {
		t.Error("no hint of how to look an item up")
	}
}

// --explain reads each count as a reader would say it.
func TestBulletNumbersAreCountedInWords(t *testing.T) {
	manual := &evidence.Evidence{Manual: true}
	onIssue := &evidence.Evidence{IssueKey: "PAY-1"}
	for _, tt := range []struct {
		n    bulletNumber
		want string
	}{
		{bulletNumber{Value: 1, Counts: countsProjects}, "project"},
		{bulletNumber{Value: 3, Counts: countsProjects}, "projects"},
		{bulletNumber{Value: 1, Counts: "issues that are epics"}, "issue that is an epic"},
		{bulletNumber{Value: 118, Counts: countsWork, evidence: []*evidence.Evidence{onIssue}}, "issues"},
		{bulletNumber{Value: 1, Counts: countsWork, evidence: []*evidence.Evidence{onIssue}}, "issue"},
		{bulletNumber{Value: 2, Counts: countsWork, evidence: []*evidence.Evidence{onIssue, manual}}, "issues, and manual items without one"},
		{bulletNumber{Value: 1, Counts: countsDoneEpics}, "done epic"},
		{bulletNumber{Value: 1, Counts: "issues with an incident update"}, "issue with an incident update"},
		{bulletNumber{Value: 2, Counts: "issues with an incident update"}, "issues with an incident update"},
		{bulletNumber{Value: 1, Counts: countsOutsideJira}, "item recorded by hand (pmfolio evidence add)"},
		{bulletNumber{Value: 1, Counts: "postmortems written"}, "postmortem written"},
		{bulletNumber{Value: 2, Counts: countsItems, EvidenceIDs: []string{"ev_1", "ev_2"}}, "items"},
		{bulletNumber{Value: 2, Counts: countsItems, EvidenceIDs: []string{"ev_1", "ev_2", "ev_3"}}, "items (the same words on several issues count once)"},
		{bulletNumber{Value: 1, Counts: "follow-up issues filed"}, "follow-up issue filed"},
		{bulletNumber{Value: 1, Counts: "releases called no-go"}, "release called no-go"},
		{bulletNumber{Value: 1, Counts: "releases with a go/no-go call"}, "release with a go/no-go call"},
		{bulletNumber{Value: 1, Counts: "follow-up issues done"}, "follow-up issue done"},
	} {
		if got := tt.n.counted(); got != tt.want {
			t.Errorf("%v %s: %q, want %q", tt.n.Value, tt.n.Counts, got, tt.want)
		}
	}
}

// Rewriting the goals of a colleague's epic is epic work, but not leading
// it: the brief, the headline and the bullets say the user shaped its
// goals, never that they owned or led it, however well it ended.
func TestAColleaguesEpicWhoseGoalsTheUserRewroteIsNotLed(t *testing.T) {
	p := typicalPortfolio()
	epicRefunds := fixtureIssue{"10120", "PAY-120", "Epic", "Self-service refunds", "", priya, "done", nil}
	p.Evidence = append(p.Evidence, jiraItem(epicRefunds, evidence.SourceChange, "58000", "2026-09-01T10:00:00Z",
		evidence.CatEpicOwnership, "change.epic-goals", 0.7,
		"Success metrics: 60% of refunds self-served in the first month; refund tickets down 25%."))
	for _, line := range bulletLines(t, p, -1) {
		if strings.Contains(line, "Self-service refunds") && strings.HasPrefix(line, "Led ") || strings.HasPrefix(line, "Owned 2 epics") {
			t.Errorf("a bullet claims the colleague's epic: %q", line)
		}
	}
	var md strings.Builder
	if err := Markdown(&md, p, Options{}); err != nil {
		t.Fatal(err)
	}
	doc := md.String()
	if !strings.Contains(doc, "I led “EU checkout reliability” in Payments,") {
		t.Errorf("the headline does not name the one initiative led:\n%s", doc)
	}
	_, refunds, ok := strings.Cut(doc, "Self-service refunds\n")
	if !ok {
		t.Fatalf("the brief does not show PAY-120:\n%s", doc)
	}
	refunds, _, _ = strings.Cut(refunds, "\n### ")
	if strings.Contains(refunds, "owned the epic") {
		t.Errorf("PAY-120 is said to be owned:\n%s", refunds)
	}
	// Stories sum an initiative up in the same words.
	r := newReport(p, Options{})
	for _, in := range r.initiatives {
		summary := r.initiativeSummary(in)
		switch in.epic.Key {
		case "PAY-120":
			if !strings.HasPrefix(summary, "I shaped the epic's goals") && !strings.Contains(summary, " shaped the epic's goals") || strings.Contains(summary, "owned") {
				t.Errorf("PAY-120's summary: %q, want the goals shaped, not the epic owned", summary)
			}
		case "PAY-101":
			if !strings.HasPrefix(summary, "I owned the epic") {
				t.Errorf("PAY-101's summary: %q, want the epic owned first", summary)
			}
		}
	}
}

// Where the work was is said once, by the first bullet it is true of: the
// same "across 3 projects" in every line is padding a reader skips.
func TestBulletsSayEachScopeOnce(t *testing.T) {
	countEveryAct(t)
	p := typicalPortfolio()
	var doc struct {
		Bullets []struct {
			Text    string
			Numbers []struct {
				Counts string
				Of     []string
			}
		}
	}
	var js strings.Builder
	if err := Bullets(&js, p, BulletOptions{Top: -1, Format: "json"}); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(js.String()), &doc); err != nil {
		t.Fatal(err)
	}
	said := map[string]string{}
	scopes := 0
	for _, b := range doc.Bullets {
		for _, n := range b.Numbers {
			if n.Counts != "projects" {
				continue
			}
			scopes++
			key := strings.Join(slices.Sorted(slices.Values(n.Of)), ",")
			if first, ok := said[key]; ok {
				t.Errorf("%q says the projects %s again, after %q", b.Text, key, first)
			}
			said[key] = b.Text
		}
	}
	if scopes == 0 {
		t.Errorf("no bullet says where the work was: %+v", doc.Bullets)
	}
}

// A user who only wrote goals and scope on epics they did not own is not
// said to have owned them: the bullet says they shaped them, as the
// headline does.
func TestEpicsWhoseGoalsTheUserOnlyShapedAreNotOwnedInTheBullets(t *testing.T) {
	p := typicalPortfolio()
	p.Evidence = slices.DeleteFunc(p.Evidence, func(e evidence.Evidence) bool { return e.Category == evidence.CatEpicOwnership })
	epicRefunds := fixtureIssue{"10120", "PAY-120", "Epic", "Self-service refunds", "", priya, "done", nil}
	p.Evidence = append(p.Evidence, jiraItem(epicRefunds, evidence.SourceComment, "58001", "2026-09-01T10:00:00Z",
		evidence.CatEpicOwnership, "comment.epic-goals", 0.65,
		"Goal of this epic, in one line: refunds without a support ticket. Success metric: 60% self-served."))
	var found bool
	for _, line := range bulletLines(t, p, -1) {
		if strings.HasPrefix(line, "Owned") || strings.HasPrefix(line, "Led") && !strings.HasPrefix(line, "Led the response to ") {
			t.Errorf("a bullet claims an epic the user only shaped: %q", line)
		}
		found = found || strings.HasPrefix(line, "Shaped the goals and scope of 1 epic")
	}
	if !found {
		t.Errorf("no bullet says the user shaped the epic: %q", bulletLines(t, p, -1))
	}
}

// A big site's counts are written as a résumé writes them: "posted 1,042
// stakeholder updates", not "1250"; the JSON keeps the number's value.
func TestBulletsGroupTheThousandsOfBigCounts(t *testing.T) {
	p := generatedPortfolio(12500)
	grouped := regexp.MustCompile(`\b\d{1,3}(?:,\d{3})+\b`)
	ungrouped := regexp.MustCompile(`\d{4,}`)
	lines := bulletLines(t, p, -1)
	found := false
	for _, line := range lines {
		text := regexp.MustCompile(`“[^”]*”`).ReplaceAllString(line, "")
		if ungrouped.MatchString(text) {
			t.Errorf("a count is not grouped: %q", line)
		}
		found = found || grouped.MatchString(text)
	}
	if !found {
		t.Errorf("no count of 1,000 or more in %q", lines)
	}
	for _, b := range readBulletsJSON(t, p).Bullets {
		for _, n := range b.Numbers {
			if v, err := strconv.ParseFloat(strings.ReplaceAll(n.Text, ",", ""), 64); err == nil && v != n.Value {
				t.Errorf("%q: number %q has the value %v", b.Text, n.Text, n.Value)
			}
		}
	}
	var md strings.Builder
	if err := Markdown(&md, p, Options{}); err != nil {
		t.Fatal(err)
	}
	head, _, _ := strings.Cut(md.String(), "\n## ")
	if !grouped.MatchString(head) {
		t.Errorf("the headline does not group its big counts:\n%s", head)
	}
}

// actOf is what tells one act from another as a reader of the JSON would
// recompute it: the words an item opens with, up to its first full stop,
// when there are five or more of them; else the item itself.
func actOf(id, site, source, excerpt string, manual bool) string {
	if source == string(evidence.SourceChange) || manual {
		return id
	}
	first := strings.Join(strings.Fields(excerpt), " ")
	for _, end := range []string{". ", "! ", "? "} {
		first, _, _ = strings.Cut(first, end)
	}
	if words := strings.Fields(strings.ToLower(first)); len(words) >= 5 {
		return site + "|" + strings.Join(words, " ")
	}
	return id
}

// Acceptance testing that sent the work back is said as such: a reader who
// opens a rejection behind "verified" stops trusting the rest. An issue
// reopened in words, and one reopened by a status change, are both sent
// back; a sign-off is not.
func TestBulletsSayWhatAcceptanceTestingSentBack(t *testing.T) {
	countEveryAct(t)
	p := typicalPortfolio()
	for i, tc := range []struct {
		source        evidence.Source
		rule, excerpt string
	}{
		{evidence.SourceComment, "comment.acceptance", "Reopening: AC 2 isn't met yet, the receipt still shows the old total."},
		{evidence.SourceChange, "change.reopen", "Status: Done → In Progress"},
		{evidence.SourceComment, "comment.acceptance", "Tried it end to end on staging: meets AC 1-3."},
	} {
		story := fixtureIssue{fmt.Sprintf("1190%d", i), fmt.Sprintf("PAY-19%d", i), "Story", "A delivered story", "", alex, "done", nil}
		p.Evidence = append(p.Evidence, jiraItem(story, tc.source, fmt.Sprintf("3000%d", i), fmt.Sprintf("2026-06-1%dT10:00:00Z", i),
			evidence.CatAcceptanceTesting, tc.rule, 0.8, tc.excerpt))
	}
	var js strings.Builder
	if err := Bullets(&js, p, BulletOptions{Top: -1, Format: "json"}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Bullets []struct {
			Text    string
			Numbers []struct {
				Value  float64
				Counts string
				Of     []string
			}
		}
	}
	if err := json.Unmarshal([]byte(js.String()), &doc); err != nil {
		t.Fatal(err)
	}
	for _, b := range doc.Bullets {
		if !strings.HasPrefix(b.Text, "Tested ") {
			continue
		}
		if want := "Tested 4 delivered issues from 2 teammates, sending 2 back with what failed."; b.Text != want {
			t.Errorf("got  %q\nwant %q", b.Text, want)
		}
		last := b.Numbers[len(b.Numbers)-1]
		if last.Counts != "issues sent back" || !slices.Equal(last.Of, []string{"PAY-190", "PAY-191"}) {
			t.Errorf("the number sent back counts %+v, want PAY-190 and PAY-191", last)
		}
		return
	}
	t.Errorf("no acceptance-testing bullet in:\n%s", js.String())
}

// --explain lists the blocks behind the median each with how long it had
// stood, shortest first, so a reader finds the median without Jira.
func TestBulletsExplainHowLongEachBlockHadStood(t *testing.T) {
	countEveryAct(t)
	p := evidence.Portfolio{GeneratedAt: clock, Sites: []evidence.Site{acme}, Period: yearToClock}
	typicalContext(&p)
	for i, d := range []time.Duration{40 * time.Hour, 3 * time.Hour, 5 * time.Hour} {
		story := fixtureIssue{fmt.Sprintf("1200%d", i), fmt.Sprintf("PAY-20%d", i), "Story", "A story", "PAY-101", priya, "indeterminate", nil}
		e := jiraItem(story, evidence.SourceChange, fmt.Sprintf("b%d", i), fmt.Sprintf("2026-03-1%dT10:00:00Z", i),
			evidence.CatUnblocking, "change.flag-removed", 0.8, "Flag removed")
		e.BlockedFor = d
		p.Evidence = append(p.Evidence, e)
	}
	var text strings.Builder
	if err := Bullets(&text, p, BulletOptions{Top: -1, Explain: true}); err != nil {
		t.Fatal(err)
	}
	out := text.String()
	if !strings.Contains(out, "- Unblocked 1 teammate on 3 issues; the 3 blocks I cleared had stood a median of 5 hours.\n") {
		t.Errorf("the unblocking bullet does not say over how many blocks its median is:\n%s", out)
	}
	stood := regexp.MustCompile(`(?m)^      ev_\S+  PAY-20\d  blocked (.+?)  http`).FindAllStringSubmatch(out, -1)
	var got []string
	for _, m := range stood {
		got = append(got, m[1])
	}
	if want := []string{"3 hours", "5 hours", "40 hours"}; !slices.Equal(got, want) {
		t.Errorf("--explain gives the blocks' durations as %q, want %q:\n%s", got, want, out)
	}
}

// The kind of work the user did most leads the bullets, even when another
// kind is rarer and better written: 27 delivered issues tested say more on
// a résumé than 2 stories written, which rarity (a portfolio's range, for
// its quotes) would put first.
func TestBulletsLeadWithTheWorkDoneMostNotTheRarest(t *testing.T) {
	countEveryAct(t)
	p := evidence.Portfolio{GeneratedAt: clock, Sites: []evidence.Site{acme}, Period: yearToClock}
	typicalContext(&p)
	for i := range 27 {
		story := fixtureIssue{fmt.Sprintf("140%02d", i), fmt.Sprintf("PAY-4%02d", i), "Story", "A delivered story", "", alex, "done", nil}
		p.Evidence = append(p.Evidence, jiraItem(story, evidence.SourceComment, fmt.Sprintf("41%02d", i), "2026-05-12T10:00:00Z",
			evidence.CatAcceptanceTesting, "comment.acceptance", 0.8, "Tried it on staging, meets the AC."))
	}
	for i, text := range []string{
		"As a store manager I want to see refunds by reason each week so that we fix the 3 causes behind most of them, because support answers 40 such tickets a week.",
		"As a cashier I want a partial refund from the order page so that a customer who returns 1 of 3 items is not refunded in full, instead of the manual credit note we use now.",
	} {
		story := fixtureIssue{fmt.Sprintf("1410%d", i), fmt.Sprintf("PAY-45%d", i), "Story", "A story I wrote", "", alex, "new", nil}
		p.Evidence = append(p.Evidence, jiraItem(story, evidence.SourceIssue, story.id, "2026-05-01T10:00:00Z",
			evidence.CatStoryWriting, "issue.story", 0.9, text))
	}
	lines := bulletLines(t, p, -1)
	if len(lines) < 2 || !strings.HasPrefix(lines[0], "Tested 27 ") {
		t.Errorf("the 27 issues tested do not lead the bullets:\n%s", strings.Join(lines, "\n"))
	}
}

// The judgment bullet names one decision the user wrote, with its reason,
// in their words: "recorded 3 product decisions" tells a hiring manager
// nothing of what they decided. Without one that says why, it keeps its
// counts.
func TestTheJudgmentBulletQuotesADecisionWithItsReason(t *testing.T) {
	countEveryAct(t)
	decision := func(is fixtureIssue, id, excerpt string) evidence.Evidence {
		return jiraItem(is, evidence.SourceComment, id, "2026-03-04T15:12:00Z", evidence.CatDecisionMaking, "comment.decision", 0.8, excerpt)
	}
	priority := jiraItem(storyFraud, evidence.SourceChange, "p1", "2026-03-04T15:12:00Z", evidence.CatPrioritization, "change.priority", 0.85, "Priority: Low → High")
	webhooks := decision(checkoutBug, "d1", "Decision: we retry webhooks for 24 hours, not 72, because merchants fix their endpoints within a day. Agreed with Priya Nair in the Monday sync.")
	for _, tc := range []struct {
		name  string
		items []evidence.Evidence
		want  string
	}{
		{"the decision's own sentence, without its label or where it was agreed", []evidence.Evidence{webhooks},
			"Recorded 1 product decision: “we retry webhooks for 24 hours, not 72, because merchants fix their endpoints within a day”."},
		{"the decisions first, as the quote is of them", []evidence.Evidence{webhooks, priority},
			"Recorded 1 product decision, “we retry webhooks for 24 hours, not 72, because merchants fix their endpoints within a day”, and prioritized 1 backlog item across 2 projects."},
		{"among several, with where they were", []evidence.Evidence{webhooks, decision(storyTO, "d2", "Decision: we ship the smaller scope first and revisit the rest next quarter.")},
			"Recorded 2 product decisions across 2 projects, among them “we retry webhooks for 24 hours, not 72, because merchants fix their endpoints within a day”."},
		{"one that says why over one that only names the alternative", []evidence.Evidence{
			decision(storyTO, "d1", "After talking it through with Priya Nair: we're going with one generic decline code for unknown issuer responses, not a guess at the nearest one. They are logged for review."),
			decision(storyRetry, "d2", "We're going with PgBouncer, not client-side failover: one change in the platform."),
		}, "Recorded 2 product decisions on 1 epic, among them “going with PgBouncer, not client-side failover: one change in the platform”."},
		{"a call on what ships over an engineering choice", []evidence.Evidence{
			decision(storyTO, "d1", "We're going with PgBouncer, not client-side failover: one change in the platform."),
			decision(storyRetry, "d2", "PAY vault can't tokenize Amex until their processor migration lands, so Amex stays out of v1. Jun thinks late Q3."),
		}, "Recorded 2 product decisions on 1 epic, among them “PAY vault can't tokenize Amex until their processor migration lands, so Amex stays out of v1”."},
		{"a decision said as taken over a call that needs its issue", []evidence.Evidence{
			decision(storyTO, "d1", "Decision: the Mobile team pilots first because they file the most environment tickets."),
			decision(storyRetry, "d2", "Closing the loop: we're going with in-place node pool upgrades, not new clusters."),
		}, "Recorded 2 product decisions on 1 epic, among them “going with in-place node pool upgrades, not new clusters”."},
		{"no quote with a word written as code", []evidence.Evidence{
			decision(storyTO, "d1", "Marco and I went through both options with Jun. going with the vault's token.created webhook instead of polling - polling would add up to 30s."),
			decision(storyRetry, "d2", "We keep retry_count at 3, not 5, because the gateway rate-limits us."),
		}, "Recorded 2 product decisions on 1 epic."},
		{"a decision without its reason is counted, not quoted", []evidence.Evidence{decision(storyTO, "d1", "Decision: we ship the smaller scope first and revisit the rest next quarter."), priority},
			"Prioritized 1 backlog item and recorded 1 product decision on 1 epic."},
		{"a field edit is no decision in the user's words", []evidence.Evidence{
			jiraItem(storyTO, evidence.SourceChange, "c1", "2026-03-04T15:12:00Z", evidence.CatDecisionMaking, "change.resolution", 0.7, "Resolution edited: Won't Do, because the vendor covers it, not us"),
		}, "Recorded 1 product decision on 1 epic."},
		{"a reason the cut would lose is no quote", []evidence.Evidence{decision(storyTO, "d1",
			"Decision: we keep the legacy refund flow running for every merchant on the old contract in all twelve markets until the new flow has run for a full quarter without a single failed refund, because finance needs the audit trail.")},
			"Recorded 1 product decision on 1 epic."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := portfolioOf(tc.items...)
			typicalContext(&p)
			got := bulletLines(t, p, -1)
			if len(got) != 1 || got[0] != tc.want {
				t.Fatalf("got  %q\nwant %q", got, tc.want)
			}
			if n := utf8.RuneCountInString(got[0]); n > maxBulletLength {
				t.Errorf("%d characters", n)
			}
		})
	}
}

// A quoted decision is never cut inside its reason: a bullet too long
// leaves out the other kinds' claims first, then quotes the next decision
// that fits whole, and only then cuts one where a clause ends. At the
// limit's edge (bullets of 195 to 205 characters), a bullet that fits is
// kept whole, and one a character over loses ", and prioritized…", not
// words of the quote.
func TestTheJudgmentBulletNeverCutsAQuoteInsideItsReason(t *testing.T) {
	countEveryAct(t)
	decision := func(is fixtureIssue, id, excerpt string) evidence.Evidence {
		return jiraItem(is, evidence.SourceComment, id, "2026-03-04T15:12:00Z", evidence.CatDecisionMaking, "comment.decision", 0.8, excerpt)
	}
	priority := jiraItem(storyFraud, evidence.SourceChange, "p1", "2026-03-04T15:12:00Z", evidence.CatPrioritization, "change.priority", 0.85, "Priority: Low → High")
	const withPriorities = "Recorded 1 product decision, “%s”, and prioritized 1 backlog item across 2 projects."
	// reasonOfLength is a decision with its reason, its last word padded
	// to make the bullet that quotes it with the priorities n characters.
	reasonOfLength := func(n int) string {
		reason := "we keep card retries on the server, not in the app, because a retry in the app charges twice at "
		pad := n - utf8.RuneCountInString(fmt.Sprintf(withPriorities, reason))
		return reason + strings.Repeat("x", pad)
	}
	for n := 195; n <= 205; n++ {
		t.Run(fmt.Sprintf("%d characters", n), func(t *testing.T) {
			quote := reasonOfLength(n)
			p := portfolioOf(decision(checkoutBug, "d1", "Decision: "+quote+"."), priority)
			typicalContext(&p)
			want := fmt.Sprintf(withPriorities, quote)
			if n > maxBulletLength {
				want = "Recorded 1 product decision across 2 projects: “" + quote + "”."
			}
			if got := bulletLines(t, p, -1); len(got) != 1 || got[0] != want {
				t.Errorf("got  %q\nwant %q", got, want)
			}
		})
	}
	long := "Decision: we keep card retries on the server, not in the app, because a retry in the app doubles the charge whenever the gateway answers late, which cost 14 merchants 2,300 EUR in refunds last quarter."
	for _, tc := range []struct {
		name  string
		items []evidence.Evidence
		want  string
	}{
		{"the next decision that fits whole", []evidence.Evidence{
			decision(checkoutBug, "d1", long),
			decision(storyTO, "d2", "We're going with PgBouncer, not client-side failover: one change in the platform."),
			priority,
		}, "Recorded 2 product decisions, among them “going with PgBouncer, not client-side failover: one change in the platform”, and prioritized 1 backlog item across 2 projects."},
		{"cut where a clause ends when no decision fits whole", []evidence.Evidence{decision(checkoutBug, "d1", long), priority},
			"Recorded 1 product decision across 2 projects: “we keep card retries on the server, not in the app, because a retry in the app doubles the charge whenever the gateway answers late…”."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := portfolioOf(tc.items...)
			typicalContext(&p)
			if got := bulletLines(t, p, -1); len(got) != 1 || got[0] != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

// A decision is cut only where a clause ends, and only when what is left
// is still the call with a reason or the option it beat.
func TestCutAtClause(t *testing.T) {
	for _, tc := range []struct {
		quote string
		room  int
		want  string
	}{
		{"going with PgBouncer in front of Patroni, not client-side failover: one change in the platform instead of one in every service", 100,
			"going with PgBouncer in front of Patroni, not client-side failover…"},
		{"we keep card retries on the server, not in the app, because a retry in the app doubles the charge whenever the gateway answers late, which cost 14 merchants 2,300 EUR in refunds last quarter", 150,
			"we keep card retries on the server, not in the app, because a retry in the app doubles the charge whenever the gateway answers late…"},
		{"we keep card retries on the server, not in the app, because a retry in the app doubles the charge whenever the gateway answers late, which cost 14 merchants 2,300 EUR in refunds last quarter", 100,
			"we keep card retries on the server, not in the app…"},
		// Its reason alone, without "Amex stays out of v1", is no call.
		{"PAY vault can't tokenize Amex until their processor migration lands, so Amex stays out of v1", 80, ""},
		// Without "because finance needs the audit trail" it gives no reason.
		{"we keep the legacy refund flow running for every merchant on the old contract until the new flow has run for a quarter, because finance needs the audit trail", 150, ""},
		{"P2, not P1: only old app versions show it", 20, ""}, // too short to say more than the count
	} {
		got, ok := cutAtClause(tc.quote, tc.room)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("cutAtClause(%q, %d) = %q, %v\nwant %q", tc.quote, tc.room, got, ok, tc.want)
		}
	}
}

// Of the decisions, the bullet quotes one on no initiative a result bullet
// ("Led “EU checkout reliability”: …") tells, so that its two lines do not
// tell one initiative; when all are on it, one of them.
func TestTheJudgmentBulletQuotesADecisionTheResultBulletsDoNotTell(t *testing.T) {
	countEveryAct(t)
	onTheInitiative := jiraItem(storyTO, evidence.SourceComment, "d1", "2026-05-01T10:00:00Z", evidence.CatDecisionMaking, "comment.decision-marked", 0.9,
		"Decision: we retry timed-out authorisations once on the server, not in the app, because an app retry can charge twice. Agreed with Priya Nair in the Monday sync.")
	elsewhere := jiraItem(checkoutBug, evidence.SourceComment, "d2", "2026-05-02T10:00:00Z", evidence.CatDecisionMaking, "comment.decision", 0.7,
		"We show Apple Pay only on Safari 17.2 and later, because older versions drop the payment sheet.")
	for _, tc := range []struct {
		name   string
		others []evidence.Evidence
		want   string
	}{
		{"one elsewhere", []evidence.Evidence{elsewhere}, "Safari 17.2 and later"},
		{"only on the initiative", nil, "we retry timed-out authorisations once on the server"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := typicalPortfolio()
			p.Epics[0].Outcome = "EU checkout timeouts fell from 2.1% to 0.3% in the first month."
			p.Evidence = append(append(p.Evidence, onTheInitiative), tc.others...)
			lines := bulletLines(t, p, -1)
			if !strings.HasPrefix(lines[0], "Led “EU checkout reliability”") {
				t.Fatalf("no result bullet leads: %q", lines)
			}
			judgment := bulletOpening(t, p, "Recorded ")
			if !strings.Contains(judgment, tc.want) {
				t.Errorf("judgment bullet %q\ndoes not quote %q", judgment, tc.want)
			}
		})
	}
}

// The quoted decision is linked to its Jira comment, as a quoted result
// is: in JSON, and under --explain, where a redacted one says which issue
// it is on.
func TestTheQuotedDecisionLinksToItsComment(t *testing.T) {
	countEveryAct(t)
	p := portfolioOf(jiraItem(checkoutBug, evidence.SourceComment, "20777", "2026-03-04T15:12:00Z", evidence.CatDecisionMaking, "comment.decision", 0.8,
		"Decision: we keep Apple Pay on Safari 17.2 and later only, because older versions drop the payment sheet."))
	typicalContext(&p)
	link := "https://acme.atlassian.net/browse/CHK-300?focusedCommentId=20777&page=com.atlassian.jira.plugin.system.issuetabpanels:comment-tabpanel#comment-20777"
	var js strings.Builder
	if err := Bullets(&js, p, BulletOptions{Format: "json"}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Bullets []struct {
			Text     string
			Decision *struct {
				Text       string
				EvidenceID string `json:"evidence_id"`
				Issue      string
				Link       string
			}
		}
	}
	if err := json.Unmarshal([]byte(js.String()), &doc); err != nil {
		t.Fatal(err)
	}
	d := doc.Bullets[0].Decision
	if d == nil || !strings.Contains(doc.Bullets[0].Text, "“"+d.Text+"”") || d.EvidenceID != p.Evidence[0].ID || d.Issue != "CHK-300" || d.Link != link {
		t.Errorf("decision %+v of %q, want CHK-300's comment %s", d, doc.Bullets[0].Text, link)
	}
	for _, tc := range []struct {
		name string
		p    evidence.Portfolio
		want string
	}{
		{"linked", p, "    the decision: quoted from the Jira comment " + link + "\n"},
		{"redacted", Redact(p, nil), "    the decision: quoted from a Jira comment on PROJ-"},
	} {
		var explained strings.Builder
		if err := Bullets(&explained, tc.p, BulletOptions{Explain: true}); err != nil {
			t.Fatal(err)
		}
		if got := explained.String(); !strings.Contains(got, tc.want) || tc.name == "redacted" && strings.Contains(got, "acme") {
			t.Errorf("%s --explain:\n%s\nwant %q", tc.name, got, tc.want)
		}
	}
}

func TestDecisionQuote(t *testing.T) {
	for _, tc := range []struct{ excerpt, want string }{
		{"Decision: saturation alerts page at 95%, not 80%; at 80% they open a ticket. We settled on that in Tuesday's ops review.",
			"saturation alerts page at 95%, not 80%; at 80% they open a ticket"},
		{"We agreed on a 99.9% SLO for checkout-gateway, not 99.95%: the extra nine needs a second region we don't have budget for.",
			"agreed on a 99.9% SLO for checkout-gateway, not 99.95%: the extra nine needs a second region we don't have budget for"},
		{"After talking it through with Jonas Becker: we're going with one generic 3DS code for unknown issuer responses, not a guess at the nearest one. They are logged for review.",
			"going with one generic 3DS code for unknown issuer responses, not a guess at the nearest one"},
		{"Marco and I went through both options with Jun. going with the vault's webhook instead of polling - polling would add up to 30s",
			"going with the vault's webhook instead of polling - polling would add up to 30s"},
		{"PAY vault can't tokenize Amex until their processor migration lands, so Amex stays out of v1. Jun thinks late Q3.",
			"PAY vault can't tokenize Amex until their processor migration lands, so Amex stays out of v1"},
		{"The export runs nightly until the migration lands, so support can answer SARs.", ""},
		{"Mei Chen, we keep the old metric name as an alias instead of renaming it in place.", "we keep the old metric name as an alias instead of renaming it in place"},
		{"P2, not P1: only old app versions show it.", "P2, not P1: only old app versions show it"},
		{"Decision: we keep the old endpoint until payments-api 3.10.0. Otherwise the mobile clients break.",
			"we keep the old endpoint until payments-api 3.10.0. Otherwise the mobile clients break"},
		{"Decision: the refund limit stays at 500 EUR, not 1,000, agreed with Priya in the Monday sync.", "the refund limit stays at 500 EUR, not 1,000"},
		{"We agreed to go with option B (a retry queue per merchant tier): one more day of work.", ""},
		{"Decision: no new dashboard for this, the checkout funnel covers it. Descoped the dashboard task.", ""},
		{"Decision: we keep the old flow because the new one…", ""},
	} {
		if got := decisionQuote(tc.excerpt); got != tc.want {
			t.Errorf("decisionQuote(%q)\n got  %q\n want %q", tc.excerpt, got, tc.want)
		}
	}
}

func TestCodeIdentifier(t *testing.T) {
	for _, tc := range []struct {
		text string
		code bool
	}{
		{"going with the vault's token.created webhook", true},
		{"we keep retry_count at 3", true},
		{"maxRetries stays at 3", true},
		{"only on iOS and macOS, e.g. Safari 17.2", false},
		{"moved 4 issues from 4.13 to 4.14", false},
		{"PgBouncer in front of Patroni, not dump/restore. Then we ship", false},
	} {
		if got := codeIdentifier.MatchString(tc.text); got != tc.code {
			t.Errorf("codeIdentifier in %q: %v, want %v", tc.text, got, tc.code)
		}
	}
}

// An incident bullet too long for a résumé first says its counts in
// fewer words; then it leaves out what tells least first: what the
// incident came to, then whether its follow-ups are done ("filed 3
// follow-up issues" alone leaves an open one unsaid), and only then the
// updates the user posted, which say they ran it.
func TestATooLongIncidentBulletKeepsTheUpdatesTheUserPosted(t *testing.T) {
	const (
		updates    = ": posted 3 incident updates, "
		terse      = ": posted 3 updates, "
		followUp   = "filed 1 follow-up issue"
		done       = ", done"
		longImpact = "about 1,800 card orders failed and 312 merchants saw their checkout page time out"
	)
	for _, tc := range []struct {
		name, summary, impact string
		want, lack            []string
	}{
		{"a bullet that fits says everything", outageBug.summary, "",
			[]string{updates, "(about 1,800 card orders failed)", followUp + done}, nil},
		{"a bullet a little too long says its counts in fewer words", outageBug.summary + " after PAY 4.13.0 went out", "",
			[]string{terse, "(about 1,800 card orders failed)", "filed 1 follow-up, done."}, []string{updates}},
		{"then what the incident came to, not whether its follow-ups are done", outageBug.summary, longImpact,
			[]string{updates, followUp + done}, []string{"about 1,800"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := outagePortfolio()
			for i, e := range p.Evidence {
				switch e.IssueKey {
				case outageBug.key:
					p.Evidence[i].IssueSummary = tc.summary
				case outageCanary.key:
					p.Evidence[i].IssueStatusCategory = "done"
				}
				if e.SourceID == "70038" && tc.impact != "" {
					p.Evidence[i].Excerpt = "rollback done at 14:38, error rate back to baseline. " + tc.impact + " between 13:55 and 14:38."
				}
			}
			got := bulletOpening(t, p, "Led the response to “"+tc.summary+"”")
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("%s\nlacks %q", got, w)
				}
			}
			for _, l := range tc.lack {
				if strings.Contains(got, l) {
					t.Errorf("%s\nstill says %q", got, l)
				}
			}
			if n := utf8.RuneCountInString(got); n > maxBulletLength {
				t.Errorf("%d characters: %s", n, got)
			}
		})
	}
}

// An epic's own description, which the model also reads as a story
// written, is the epic the user owned: Kestrel's "Wrote 2 stories and
// specs for 1 teammate" counted his epic CHK-1401 as a story written for
// someone else.
func TestAnEpicsOwnDescriptionIsNoStoryWritten(t *testing.T) {
	countEveryAct(t)
	const when = "2026-03-04T15:12:00Z"
	goal := "Card retries fail EU checkouts; the goal is fewer than 1% timeouts."
	p := portfolioOf(
		jiraItem(epicEU, evidence.SourceIssue, epicEU.id, when, evidence.CatEpicOwnership, "issue.epic", 0.9, goal),
		jiraItem(epicEU, evidence.SourceIssue, epicEU.id, when, evidence.CatStoryWriting, evidence.RuleTextModel, 0.9, goal),
		jiraItem(storyTO, evidence.SourceIssue, storyTO.id, when, evidence.CatStoryWriting, "issue.problem-statement", 0.8,
			"EU customers abandon when checkout times out."))
	if got, want := bulletOpening(t, p, "Wrote "), "Wrote 1 story or spec for 1 teammate."; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
