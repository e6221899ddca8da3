package export

import (
	"slices"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// portfolioOf is a portfolio over yearToClock holding items.
func portfolioOf(items ...evidence.Evidence) evidence.Portfolio {
	return evidence.Portfolio{GeneratedAt: clock, Sites: []evidence.Site{acme}, Period: yearToClock, Evidence: items}
}

func TestHeadline(t *testing.T) {
	const when = "2026-03-04T15:12:00Z"
	story := func(is fixtureIssue) evidence.Evidence {
		return jiraItem(is, evidence.SourceIssue, is.id, when, evidence.CatStoryWriting, "issue.user-story", 0.9, "")
	}
	on := func(is fixtureIssue, category, sourceID string) evidence.Evidence {
		return jiraItem(is, evidence.SourceChange, sourceID, when, category, "change.x", 0.8, "")
	}
	manual := evidence.Evidence{ID: "ev_m", Source: evidence.SourceManual, OccurredAt: at(when),
		Category: evidence.CatIncidentCoord, Manual: true}
	otherSite := on(storyTO, evidence.CatBacklogGrooming, "9")
	otherSite.SiteName = "globex"

	tests := []struct {
		name      string
		portfolio evidence.Portfolio
		want      string
	}{
		{
			"one story is singular, in one project",
			portfolioOf(story(storyTO)),
			"Between November 2025 and November 2026 I wrote 1 story or spec.",
		},
		{
			"two stories are plural",
			portfolioOf(story(storyTO), story(storyRetry)),
			"Between November 2025 and November 2026 I wrote 2 stories and specs.",
		},
		{
			"grooming counts distinct issues, updates count items",
			portfolioOf(
				on(storyTO, evidence.CatBacklogGrooming, "1"), on(storyTO, evidence.CatBacklogGrooming, "2"),
				on(storyTO, evidence.CatStakeholderComms, "3"), on(storyTO, evidence.CatStakeholderComms, "4")),
			"Between November 2025 and November 2026 I posted 2 stakeholder updates and groomed 1 backlog item.",
		},
		{
			"an update posted on two issues in the same words is one update",
			portfolioOf(
				jiraItem(storyTO, evidence.SourceComment, "1", when, evidence.CatStakeholderComms, "comment.status-update", 0.75,
					"Heads-up for support: the refund fix goes live on Thursday. I'll post again once it's deployed."),
				jiraItem(storyRetry, evidence.SourceComment, "2", when, evidence.CatStakeholderComms, "comment.status-update", 0.75,
					"Heads-up for support: the refund fix goes live on Thursday. Same note as on PAY-142."),
				jiraItem(storyRetry, evidence.SourceComment, "3", when, evidence.CatStakeholderComms, "comment.status-update", 0.75,
					"Update for support: the refund fix is live, tickets can be closed.")),
			"Between November 2025 and November 2026 I posted 2 stakeholder updates.",
		},
		{
			"unblocking one issue twice is one issue for a teammate",
			portfolioOf(on(checkoutAPI, evidence.CatUnblocking, "1"), on(checkoutAPI, evidence.CatUnblocking, "2")),
			"Between November 2025 and November 2026 I unblocked 1 issue for a teammate.",
		},
		{
			"work on an epic and its children is one epic",
			portfolioOf(on(epicEU, evidence.CatEpicOwnership, "1"), on(storyTO, evidence.CatEpicOwnership, "2"),
				on(storyRetry, evidence.CatEpicOwnership, "3")),
			"Between November 2025 and November 2026 I owned 1 epic.",
		},
		{
			"a manual item without an issue counts once and has no project",
			portfolioOf(manual),
			"Between November 2025 and November 2026 I led the response to 1 incident.",
		},
		{
			"an incident is the incident, not its postmortem or a ticket with a status update",
			portfolioOf(
				jiraItem(incident, evidence.SourceComment, "1", when, evidence.CatIncidentCoord, "comment.incident", 0.8, "Update: mitigated."),
				jiraItem(incident, evidence.SourceComment, "2", when, evidence.CatIncidentCoord, "comment.incident", 0.8, "Resolved."),
				jiraItem(postmortem, evidence.SourceIssue, postmortem.id, when, evidence.CatIncidentCoord, "issue.postmortem", 0.9, "Postmortem."),
				jiraItem(storyTO, evidence.SourceComment, "3", when, evidence.CatIncidentCoord, "model.text", 0.7, "Weekly update: on track.")),
			"Between November 2025 and November 2026 I led the response to “EU checkout error rate above 10%” across 2 projects.",
		},
		{
			"an outage filed as a bug is the incident its write-up and follow-up are linked to, and one incident",
			portfolioOf(
				linkedTo(jiraItem(outageBug, evidence.SourceComment, "1", when, evidence.CatIncidentCoord, "model.text", 0.8, "looking, rolling back PAY."), "OPS-91", "PAY-190"),
				linkedTo(jiraItem(outageBug, evidence.SourceComment, "2", when, evidence.CatIncidentCoord, "model.text", 0.8, "rollback done, error rate back to baseline."), "OPS-91", "PAY-190"),
				linkedTo(jiraItem(outageWriteUp, evidence.SourceIssue, outageWriteUp.id, when, evidence.CatIncidentCoord, "model.text", 0.8, "What happened."), "OPS-90"),
				linkedTo(jiraItem(outageCanary, evidence.SourceIssue, outageCanary.id, when, evidence.CatIncidentCoord, "model.text", 0.8, "Follow-up."), "OPS-90")),
			"Between November 2025 and November 2026 I led the response to “Checkout returning 500s for card payments” across 2 projects.",
		},
		{
			"one decision is named by its issue, not counted",
			portfolioOf(on(storyRetry, evidence.CatDecisionMaking, "1")),
			"Between November 2025 and November 2026 I recorded the decision on “Retry card authorisation on gateway timeout”.",
		},
		{
			"two decisions are counted",
			portfolioOf(on(storyRetry, evidence.CatDecisionMaking, "1"), on(storyTO, evidence.CatDecisionMaking, "2")),
			"Between November 2025 and November 2026 I recorded 2 product decisions.",
		},
		{
			"updates on tickets that are no incident are told as such",
			portfolioOf(jiraItem(storyTO, evidence.SourceComment, "3", when, evidence.CatIncidentCoord, "model.text", 0.7, "Weekly update: on track.")),
			"Between November 2025 and November 2026 I coordinated incidents on 1 issue.",
		},
		{
			"the same key on two sites is two issues",
			portfolioOf(on(storyTO, evidence.CatBacklogGrooming, "1"), otherSite),
			"Between November 2025 and November 2026 I groomed 2 backlog items across 2 projects on 2 Jira sites.",
		},
		{
			"a user category counts items under its id",
			portfolioOf(on(storyTO, "customer-research", "1"), on(storyTO, "customer-research", "2")),
			"Between November 2025 and November 2026 I recorded 2 customer-research items.",
		},
		{
			"four biggest categories first, ties in taxonomy order",
			typicalPortfolio(),
			"Between November 2025 and November 2026 I prioritized 3 backlog items, wrote 2 stories and specs, " +
				"groomed 2 backlog items and posted 2 stakeholder updates across 3 projects.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := headline(newView(tt.portfolio)); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestPeriodPhrase(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name         string
		since, until time.Time
		want         string
	}{
		{"one month", day(2026, 3, 1), day(2026, 3, 31), "In March 2026"},
		{"one year", day(2026, 3, 1), day(2026, 11, 22), "Between March and November 2026"},
		{"across years", day(2025, 11, 22), day(2026, 11, 22), "Between November 2025 and November 2026"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := periodPhrase(&view{since: tt.since, until: tt.until}); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestUnboundedPeriod(t *testing.T) {
	p := typicalPortfolio()
	p.Period = evidence.Period{}
	v := newView(p)
	if got, want := dateOnly(v.since), "2025-12-02"; got != want {
		t.Errorf("since = %s, want the earliest item's day %s", got, want)
	}
	if got, want := dateOnly(v.until), "2026-11-22"; got != want {
		t.Errorf("until = %s, want the generation day %s", got, want)
	}
}

// The brief's "Along the way I …" counts judgment and communication
// before other kinds of work, however few: "recorded 1 product decision"
// tells a hiring manager more than "wrote 5 stories and specs".
func TestTheHeadlineCountsJudgmentBeforeOtherWork(t *testing.T) {
	// written is n comments of a category, each on an issue of its own.
	written := func(category string, n int) []*evidence.Evidence {
		items := make([]*evidence.Evidence, n)
		for i := range items {
			key := category + "-" + string(rune('1'+i))
			items[i] = &evidence.Evidence{ID: key, SiteName: "acme", IssueKey: key, Source: evidence.SourceComment, SourceID: key, Category: category}
		}
		return items
	}
	cases := []struct {
		name  string
		items [][]*evidence.Evidence
		want  []string
	}{
		{"one decision outranks five stories", [][]*evidence.Evidence{
			written(evidence.CatStoryWriting, 5), written(evidence.CatStakeholderComms, 2), written(evidence.CatDecisionMaking, 1), written(evidence.CatAcceptanceTesting, 3)},
			[]string{"posted 2 stakeholder updates", "recorded 1 product decision", "wrote 5 stories and specs"}},
		{"without judgment, the biggest count first", [][]*evidence.Evidence{
			written(evidence.CatStoryWriting, 2), written(evidence.CatAcceptanceTesting, 3)},
			[]string{"tested 3 delivered issues", "wrote 2 stories and specs"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var items []*evidence.Evidence
			for _, of := range c.items {
				items = append(items, of...)
			}
			got := phrasesOf(writtenClaims(groupByCategory(items, evidence.Categories), ""))
			if !slices.Equal(got, c.want) {
				t.Errorf("the headline counts %q, want %q", got, c.want)
			}
		})
	}
}
