package export

import (
	"slices"
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

// An epic's Outcome is its result, told as its result: the comment it is
// quoted from is no stakeholder update for a bullet to tell as "Flagged
// “…”", even when another person agreed to it.
func TestAnOutcomeIsNoUpdateABulletTells(t *testing.T) {
	epic := fixtureIssue{"10900", "OPS-900", "Epic", "Saved cards for returning customers", "", dana, "done", nil}
	const closing = "Outcome: returning-customer conversion up from 2.1% to 2.6% over the first two weeks, because the saved card skips the 3DS step."
	resolved := at("2026-09-30T10:00:00Z")
	for _, tt := range []struct {
		name    string
		outcome bool // whether the comment is the epic's Outcome
		want    string
	}{
		{"the epic's Outcome", true, ""},
		{"the same words as an update on a story", false,
			"Flagged “returning-customer conversion up from 2.1% to 2.6% over the first two weeks, because the saved card skips the 3DS step”: Priya Nair agreed within the hour."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			on := storyTO
			if tt.outcome {
				on = epic
			}
			p := portfolioOf(jiraItem(on, evidence.SourceComment, "81", "2026-09-30T10:00:00Z", evidence.CatStakeholderComms, "comment.status-update", 0.8, closing))
			p.Epics = []evidence.Epic{{SiteName: "acme", Key: epic.key, Summary: epic.summary, URL: acme.IssueURL(epic.key),
				Status: "Done", StatusCategory: "done", Resolution: "Done", Resolved: &resolved,
				Comments: []evidence.Comment{{ID: "81", At: resolved, Author: me, Text: closing}}}}
			p.Replies = []evidence.Reply{{SiteName: "acme", Key: on.key, To: "81",
				Comment: evidence.Comment{ID: "82", At: at("2026-09-30T10:20:00Z"), Author: priya, Text: "Great result, thanks for the update."}}}
			var flagged []string
			for _, line := range bulletLines(t, p, -1) {
				if strings.HasPrefix(line, "Flagged ") {
					flagged = append(flagged, line)
				}
			}
			if got := strings.Join(flagged, "\n"); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// A slip note that says the go-live date still holds is told with that
// it held, when a later note of the user's says the release went live
// that day: "so did you go live late?" is answered on the line. Without
// such a note the bullet claims nothing of the go-live. An answer that
// only takes note ("Noted, thanks …") is said as acknowledged, not
// agreed, and tells nothing without what came of the slip.
func TestASlipBulletSaysTheGoLiveHeld(t *testing.T) {
	const slip = "Hi All, Kindly note the UAT sign-off is delayed by 2 days, revised date 14th. Go-live date of 22nd is still holding."
	const flagged = "Flagged “the UAT sign-off is delayed by 2 days, revised date 14th”: Priya Nair "
	const noted, works = "Noted, thanks for informing in advance.", "Ok, the 14th works for us."
	live := func(day string) []evidence.Comment {
		return []evidence.Comment{{ID: "93", At: at("2026-08-" + day + "T21:00:00Z"), Author: me, Text: "4.14 is live. Zero rollback."}}
	}
	for _, tt := range []struct {
		name, answer string
		notes        []evidence.Comment // the user's later notes on the issue
		want         string
	}{
		{"noted, and live on the day the note said holds", noted, live("22"),
			flagged + "acknowledged it within the hour; go-live held on 22 August."},
		{"agreed, and live on the day the note said holds", works, live("22"),
			flagged + "agreed within the hour, “Ok, the 14th works for us”; go-live held on 22 August."},
		{"agreed, with no note that it went live", works, nil,
			flagged + "agreed within the hour, “Ok, the 14th works for us”."},
		{"agreed, and live on another day", works, live("25"),
			flagged + "agreed within the hour, “Ok, the 14th works for us”."},
		{"agreed, and a later note that says nothing of going live", works,
			[]evidence.Comment{{ID: "93", At: at("2026-08-22T21:00:00Z"), Author: me, Text: "UAT signed off by the business."}},
			flagged + "agreed within the hour, “Ok, the 14th works for us”."},
		{"noted, with no note that it went live", noted, nil, ""},
		{"noted, and live on another day", noted, live("25"), ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := portfolioOf(jiraItem(storyTO, evidence.SourceComment, "91", "2026-08-12T09:00:00Z", evidence.CatStakeholderComms, "comment.status-update", 0.8, slip))
			p.Replies = []evidence.Reply{{SiteName: "acme", Key: storyTO.key, To: "91",
				Comment: evidence.Comment{ID: "92", At: at("2026-08-12T09:30:00Z"), Author: priya, Text: tt.answer}}}
			p.OwnComments = []evidence.IssueComments{{SiteName: "acme", Key: storyTO.key,
				Comments: append([]evidence.Comment{{ID: "91", At: at("2026-08-12T09:00:00Z"), Author: me, Text: slip}}, tt.notes...)}}
			if got := strings.Join(bulletLines(t, p, -1), "\n"); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// A résumé line says "agreed" only of an answer that accepts or acts on
// what it answers; one that only takes note acknowledged it.
func TestAnAnswerThatOnlyTakesNoteIsNoAgreement(t *testing.T) {
	for _, tt := range []struct{ answer, want string }{
		{"Noted Priya, thanks for informing in advance", "acknowledged it"},
		{"Understood.", "acknowledged it"},
		{"Thanks for the update, noted.", "acknowledged it"},
		{"Noted, 4.14 is fine.", "agreed"},
		{"Understood, will do.", "agreed"},
		{"Ok understood, 4.14 is fine.", "agreed"},
		{"Thanks for flagging, under the summary works for us.", "agreed"},
		{"perfect, adding it to the macro", "agreed"},
		{"ok, 24th then. thanks for the warning", "agreed"},
	} {
		if got := assentVerb(tt.answer); got != tt.want {
			t.Errorf("assentVerb(%q) = %q, want %q", tt.answer, got, tt.want)
		}
	}
}

// A habit's count leads its bullet only with what came of the acts it
// counts: "Posted 56 stakeholder updates on 46 issues" reads as activity.
// Without it the bullet tells one act with what came of it, or is not
// written; a category of the user's own is counted the same way.
func TestAHabitsCountLeadsOnlyWithWhatCameOfIt(t *testing.T) {
	was := habitCount
	habitCount = 2
	t.Cleanup(func() { habitCount = was })
	const heads = "Nadia - the new payment step goes live on Nov 3 and the sidebar gets narrower, so the banner will sit under the order summary instead of next to it."
	update := func(is fixtureIssue, id string) evidence.Evidence {
		words := heads
		if id != "61" { // the same words on two issues are one update
			words = "Status: 3 of 5 stories done; ETA for the EU rollout is 30 June."
		}
		return jiraItem(is, evidence.SourceComment, id, "2026-10-22T16:00:00Z", evidence.CatStakeholderComms, "comment.status-update", 0.8, words)
	}
	reply := func(text string) []evidence.Reply {
		return []evidence.Reply{{SiteName: "acme", Key: storyTO.key, To: "61",
			Comment: evidence.Comment{ID: "961", At: at("2026-10-22T16:30:00Z"), Author: priya, Text: text}}}
	}
	tested := func(is fixtureIssue, id, excerpt string) evidence.Evidence {
		return jiraItem(is, evidence.SourceComment, id, "2026-06-10T10:00:00Z", evidence.CatAcceptanceTesting, "comment.acceptance", 0.8, excerpt)
	}
	research := func(is fixtureIssue, id string) evidence.Evidence {
		return jiraItem(is, evidence.SourceComment, id, "2026-08-19T15:00:00Z", "customer-research", "user.interview-notes", 0.6,
			"Interviewed 5 merchants about retry visibility on "+is.key+"; 4 want it in the dashboard.")
	}
	for _, tt := range []struct {
		name    string
		items   []evidence.Evidence
		replies []evidence.Reply
		want    string // every bullet; "" for none
	}{
		{"updates one of which another person agreed to",
			[]evidence.Evidence{update(storyTO, "61"), update(checkoutBug, "62")}, reply("Thanks for flagging, under the summary works for us."),
			"Flagged “the new payment step goes live on Nov 3 and the sidebar gets narrower, so the banner will sit under the order summary instead of next to it”: Priya Nair agreed within the hour."},
		{"updates nobody agreed to",
			[]evidence.Evidence{update(storyTO, "61"), update(checkoutBug, "62")}, nil, ""},
		{"an update answered by a vote for the issue",
			[]evidence.Evidence{update(storyTO, "61"), update(checkoutBug, "62")}, reply("+1, hit this three times this week while on call."), ""},
		{"testing that sent work back",
			[]evidence.Evidence{tested(storyTO, "71", "Reopening: AC 2 isn't met yet, the receipt still shows the old total."),
				tested(checkoutBug, "72", "Tried it end to end on staging: meets AC 1-3.")}, nil,
			"Tested 2 delivered issues from 2 people across 2 projects, sending 1 back with what failed."},
		{"a category of the user's own",
			[]evidence.Evidence{research(storyTO, "81"), research(checkoutBug, "82")}, nil, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := portfolioOf(tt.items...)
			p.Replies = tt.replies
			if got := strings.Join(bulletLines(t, p, -1), "\n"); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// The brief's bullets leave out one that quotes words of the user's the
// brief quoted above them, with none from below in its place: a reader
// would read the same quote twice on one page. `pmfolio bullets` keeps it.
func TestTheBriefsBulletsDoNotQuoteWordsShownAbove(t *testing.T) {
	const flagged = "the new payment step goes live on Nov 3"
	p := portfolioOf(jiraItem(storyTO, evidence.SourceComment, "61", "2026-10-22T16:00:00Z", evidence.CatStakeholderComms, "comment.status-update", 0.8,
		"Nadia - "+flagged+" and the sidebar gets narrower, so the banner will sit under the order summary instead of next to it."))
	p.Replies = []evidence.Reply{{SiteName: "acme", Key: storyTO.key, To: "61",
		Comment: evidence.Comment{ID: "961", At: at("2026-10-22T16:30:00Z"), Author: priya, Text: "Thanks for flagging, under the summary works for us."}}}
	if got := strings.Join(bulletLines(t, p, -1), "\n"); !strings.Contains(got, flagged) {
		t.Fatalf("pmfolio bullets do not quote the flag: the test proves nothing\n%s", got)
	}
	var brief strings.Builder
	if err := Markdown(&brief, p, Options{}); err != nil {
		t.Fatal(err)
	}
	above, bullets, ok := strings.Cut(brief.String(), "## Résumé bullets")
	if !ok || !strings.Contains(above, flagged) {
		t.Fatalf("the brief quotes no proof of the flag above its bullets: the test proves nothing\n%s", brief.String())
	}
	if strings.Contains(bullets, flagged) {
		t.Errorf("the brief's bullets quote the flag again:\n%s", bullets)
	}
}

// A tested bullet counts the deliveries the user checked: closing, with
// no word, an issue they filed themselves (a defect of the vendor's) is
// not testing a delivery, and closing it with a comment that says what
// held is. Whose deliveries they were is said honestly: assignees across
// projects are people, another project's maybe a vendor's, not teammates.
func TestATestedBulletCountsWhatTheUserChecked(t *testing.T) {
	was := habitCount
	habitCount = 2
	t.Cleanup(func() { habitCount = was })
	vendor := evidence.User{ID: "5c0ffee0000000000000a0v1", DisplayName: "Lakshmi Venkataraman"}
	filed := fixtureIssue{"40097", "CSW-97", "Task", "Rollback script missing in drop 3", "", vendor, "done", nil}
	closed := jiraItem(filed, evidence.SourceChange, "97", "2026-08-09T09:00:00Z", evidence.CatAcceptanceTesting, "change.accept", 0.8, "Status: Open → Closed")
	tested := []evidence.Evidence{
		jiraItem(storyTO, evidence.SourceComment, "71", "2026-06-10T10:00:00Z", evidence.CatAcceptanceTesting, "comment.acceptance", 0.8,
			"Reopening: AC 2 isn't met yet, the receipt still shows the old total."),
		jiraItem(storyRefund, evidence.SourceComment, "72", "2026-06-11T10:00:00Z", evidence.CatAcceptanceTesting, "comment.acceptance", 0.8,
			"Tried it end to end on staging: meets AC 1-3."),
	}
	const said = "Everything under 'Done when' holds, thanks."
	for _, tt := range []struct {
		name     string
		reporter evidence.User
		words    []evidence.Comment // the user's comments on the closed issue
		want     string
	}{
		{"a bare close of an issue the user filed", me, nil,
			"Tested 2 delivered issues from 2 teammates, sending 1 back with what failed."},
		{"a bare close a day after the user's last word", me,
			[]evidence.Comment{{ID: "96", At: at("2026-08-08T09:05:00Z"), Author: me, Text: "Every drop needs a rollback script."}},
			"Tested 2 delivered issues from 2 teammates, sending 1 back with what failed."},
		{"a close of an issue the user filed, with what held", me,
			[]evidence.Comment{{ID: "96", At: at("2026-08-09T08:59:00Z"), Author: me, Text: said}},
			"Tested 3 delivered issues from 3 people across 2 projects, sending 1 back with what failed."},
		{"a bare close of an issue another person filed", priya, nil,
			"Tested 3 delivered issues from 3 people across 2 projects, sending 1 back with what failed."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			item := closed
			item.IssueReporter = tt.reporter
			p := portfolioOf(append(slices.Clone(tested), item)...)
			if tt.words != nil {
				p.OwnComments = []evidence.IssueComments{{SiteName: "acme", Key: filed.key, Comments: tt.words}}
			}
			if got := strings.Join(bulletLines(t, p, -1), "\n"); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}
