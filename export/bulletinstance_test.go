package export

import (
	"strings"
	"testing"

	"github.com/pmfolio/pmfolio/evidence"
)

// A handful of acts is no habit to count: a bullet tells the one another
// person answered, or the no-go and what it bought, or nothing.
func TestABulletTellsOneActWhereACountIsNoHabit(t *testing.T) {
	const heads = "Nadia - the new payment step goes live on Nov 3 and the sidebar gets narrower, so the banner will sit under the order summary instead of next to it."
	update := func(is fixtureIssue, id, when string) evidence.Evidence {
		return jiraItem(is, evidence.SourceComment, id, when, evidence.CatStakeholderComms, "comment.status-update", 0.8, heads)
	}
	reply := func(is fixtureIssue, to, text string) evidence.Reply {
		return evidence.Reply{SiteName: "acme", Key: is.key, To: to,
			Comment: evidence.Comment{ID: "9" + to, At: at("2026-10-22T16:30:00Z"), Author: priya, Text: text}}
	}
	noGo := jiraItem(storyRetry, evidence.SourceComment, "71", "2026-05-14T10:00:00Z", evidence.CatReleasePlanning, "comment.release", 0.8,
		"Go/No-Go for 4.12: NO-GO, two sev-2 open (CORE-1, CORE-2), we will re-assess on Thursday.")
	releaseNotes := []evidence.IssueComments{{SiteName: "acme", Key: storyRetry.key, Comments: []evidence.Comment{
		{ID: "71", At: at("2026-05-14T10:00:00Z"), Author: me, Text: noGo.Excerpt},
		{ID: "72", At: at("2026-05-21T10:00:00Z"), Author: me, Text: "Go/No-Go for 4.12: GO, regression re-run 99.1% pass."},
		{ID: "73", At: at("2026-05-23T22:00:00Z"), Author: me, Text: "4.12 is live. Zero rollback. Thanks everyone."}}}}
	for _, tt := range []struct {
		name    string
		items   []evidence.Evidence
		replies []evidence.Reply
		notes   []evidence.IssueComments
		want    string // the bullet after the opening one; "" for none
	}{
		{"updates one of which another person agreed to, in words",
			[]evidence.Evidence{update(storyTO, "61", "2026-10-22T16:00:00Z"), update(checkoutBug, "62", "2026-10-01T16:00:00Z")},
			[]evidence.Reply{reply(storyTO, "61", "Thanks for flagging, under the summary works for us.")}, nil,
			"Flagged “the new payment step goes live on Nov 3 and the sidebar gets narrower, so the banner will sit under the order summary instead of next to it”: Priya Nair agreed within the hour."},
		{"updates nobody answered",
			[]evidence.Evidence{update(storyTO, "61", "2026-10-22T16:00:00Z"), update(checkoutBug, "62", "2026-10-01T16:00:00Z")}, nil, nil, ""},
		{"an update answered with a bare +1",
			[]evidence.Evidence{update(storyTO, "61", "2026-10-22T16:00:00Z")},
			[]evidence.Reply{reply(storyTO, "61", "+1")}, nil, ""},
		{"words agreed to on an issue still open a quarter later",
			[]evidence.Evidence{update(storyRefund, "61", "2026-05-22T16:00:00Z")},
			[]evidence.Reply{reply(storyRefund, "61", "Thanks for flagging, under the summary works for us.")}, nil, ""},
		{"a no-go call, the go after it and the release live",
			[]evidence.Evidence{noGo}, nil, releaseNotes,
			"Called no-go on 4.12 on 14 May: “two sev-2 open (CORE-1, CORE-2)”; went on 21 May after “regression re-run 99.1% pass”, and on 23 May: “4.12 is live. Zero rollback”."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := portfolioOf(tt.items...)
			p.Replies, p.OwnComments = tt.replies, tt.notes
			got := bulletLines(t, p, -1)
			var want []string
			if tt.want != "" {
				want = []string{tt.want}
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("got  %q\nwant %q", got, want)
			}
		})
	}
}

// An epic still in progress that the user has left for over four weeks
// is no bullet: "Also owned “EU checkout reliability”" draws "how's it
// going?", and the answer is that it stalled.
func TestAStalledEpicIsNoBullet(t *testing.T) {
	stalled := typicalPortfolio() // PAY-101 in progress, last touched in the spring
	if got := bulletOpening(t, stalled, "Owned "); got != "" {
		t.Errorf("a stalled epic is a bullet: %q", got)
	}
	touched := typicalPortfolio()
	touched.Evidence = append(touched.Evidence, jiraItem(epicEU, evidence.SourceComment, "10999", "2026-11-10T09:00:00Z",
		evidence.CatEpicOwnership, "comment.epic-update", 0.8, "Moved the retry story to the next sprint; the goal stays at 0.5% by Q1."))
	if got := bulletOpening(t, touched, "Owned "); !strings.HasPrefix(got, "Owned 1 epic, “EU checkout reliability”") {
		t.Errorf("an epic the user touched this month is no bullet: %q", got)
	}
}
