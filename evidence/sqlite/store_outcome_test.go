package sqlite

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/markup"
)

func TestOutcomeIsCurationThatSurvivesResyncAndReclassify(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	site := mustSite(t, s)
	t0 := time.Date(2026, 3, 4, 15, 0, 0, 0, time.UTC)
	epic := testRecord("20000", "PAY-1", t0, comment("801", testOther, t0.Add(time.Hour), "Closing: p99 down from 900 ms to 250 ms."))
	epic.Issue.Type, epic.Issue.Summary, epic.Issue.StatusCategory = "Epic", "Faster checkout", "done"
	epic.Issue.Description = "h3. Goal\nCheckout p99 under *300 ms*."
	if _, err := savePage(ctx, s, site, []evidence.IssueRecord{epic}, fakeClassify, t0); err != nil {
		t.Fatal(err)
	}

	if _, err := s.SetOutcome(ctx, "", "PAY-404", "x"); !errors.Is(err, ErrNoIssue) {
		t.Errorf("outcome of an unknown issue: %v, want ErrNoIssue", err)
	}
	got, err := s.SetOutcome(ctx, "", "pay-1", "  Checkout p99 fell from 900 ms to 250 ms; abandonment down 8%.  ")
	if err != nil || got.IssueKey != "PAY-1" || got.Site != "acme" || got.Text != "Checkout p99 fell from 900 ms to 250 ms; abandonment down 8%." {
		t.Fatalf("set outcome = %+v, %v", got, err)
	}
	check := func(when string) {
		t.Helper()
		p, err := s.Portfolio(ctx, evidence.Filter{}, storeNow)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Epics) != 1 {
			t.Fatalf("%s: epics = %+v", when, p.Epics)
		}
		ep := p.Epics[0]
		if ep.Outcome != got.Text || ep.Goal != "Goal: Checkout p99 under 300 ms." || ep.StatusCategory != "done" {
			t.Errorf("%s: epic = %+v", when, ep)
		}
		if len(ep.Comments) != 1 || ep.Comments[0].ID != "801" || ep.Comments[0].Author.DisplayName != testOther.DisplayName {
			t.Errorf("%s: comments = %+v", when, ep.Comments)
		}
		list, err := s.Outcomes(ctx)
		if err != nil || len(list) != 1 || list[0] != got {
			t.Errorf("%s: outcomes = %+v, %v", when, list, err)
		}
	}
	check("after setting it")
	if p, err := s.Portfolio(ctx, evidence.Filter{}, storeNow); err != nil || len(p.IssueOutcomes) != 0 {
		t.Errorf("an epic's outcome is also told as an issue's: %+v, %v", p.IssueOutcomes, err)
	}
	if _, err := savePage(ctx, s, site, []evidence.IssueRecord{epic}, fakeClassify, t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	check("after a re-sync")
	if _, err := s.ReclassifyReported(ctx, Classifier{Classify: fakeClassify, Categories: evidence.Categories}); err != nil {
		t.Fatal(err)
	}
	check("after reclassify")

	if removed, err := s.RemoveOutcome(ctx, "", "PAY-1"); err != nil || !removed {
		t.Fatalf("remove = %v, %v", removed, err)
	}
	p, _ := s.Portfolio(ctx, evidence.Filter{}, storeNow)
	if ep := p.Epics[0]; ep.Outcome != "" || len(ep.Comments) != 1 || ep.Comments[0].ID != "801" {
		t.Errorf("without the user's outcome: %+v; want no outcome of the user's and the closing comment kept", ep)
	}
	if removed, err := s.RemoveOutcome(ctx, "", "PAY-1"); err != nil || removed {
		t.Errorf("second remove = %v, %v", removed, err)
	}
}

// An outcome of an issue that is no epic (an incident the user led) reaches
// the portfolio as an issue's, for the stories to tell.
func TestAnIssuesOutcomeReachesThePortfolio(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	site := mustSite(t, s)
	t0 := time.Date(2026, 3, 4, 15, 0, 0, 0, time.UTC)
	incident := testRecord("20001", "OPS-7", t0)
	incident.Issue.Type, incident.Issue.Summary = "Incident", "Webhooks delayed"
	if _, err := savePage(ctx, s, site, []evidence.IssueRecord{incident}, fakeClassify, t0); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetOutcome(ctx, "", "OPS-7", "Detection down from 40 minutes to 5."); err != nil {
		t.Fatal(err)
	}
	p, err := s.Portfolio(ctx, evidence.Filter{}, storeNow)
	want := []evidence.IssueOutcome{{SiteName: "acme", Key: "OPS-7", Text: "Detection down from 40 minutes to 5."}}
	if err != nil || !slices.Equal(p.IssueOutcomes, want) || len(p.Epics) != 0 {
		t.Errorf("issue outcomes = %+v, epics %+v, %v; want %+v", p.IssueOutcomes, p.Epics, err, want)
	}
}

// A comment of the user's they excluded from the portfolio is not read as
// an epic's comment either, so no export quotes it as the initiative's
// outcome; a colleague's comment, which is no evidence, still is.
func TestAnExcludedCommentIsNoEpicComment(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	site := mustSite(t, s)
	t0 := time.Date(2026, 3, 4, 15, 0, 0, 0, time.UTC)
	epic := testRecord("20000", "PAY-1", t0,
		comment("801", testMe, t0.Add(time.Hour), "Closing: p99 down from 900 ms to 250 ms."),
		comment("802", testOther, t0.Add(2*time.Hour), "Outcome: abandonment down 8%."))
	epic.Issue.Type, epic.Issue.Summary, epic.Issue.StatusCategory = "Epic", "Faster checkout", "done"
	if _, err := savePage(ctx, s, site, []evidence.IssueRecord{epic}, fakeClassify, t0); err != nil {
		t.Fatal(err)
	}
	comments := func() []string {
		t.Helper()
		p, err := s.Portfolio(ctx, evidence.Filter{}, storeNow)
		if err != nil || len(p.Epics) != 1 {
			t.Fatalf("portfolio: %+v, %v", p.Epics, err)
		}
		var ids []string
		for _, c := range p.Epics[0].Comments {
			ids = append(ids, c.ID)
		}
		return ids
	}
	if got := comments(); !slices.Equal(got, []string{"801", "802"}) {
		t.Fatalf("before excluding: comments %v", got)
	}
	items, err := s.Evidence(ctx, evidence.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range items {
		if ev.Source == evidence.SourceComment && ev.SourceID == "801" {
			if err := s.SetExcluded(ctx, ev.ID, true); err != nil {
				t.Fatal(err)
			}
		}
	}
	if got := comments(); !slices.Equal(got, []string{"802"}) {
		t.Errorf("after excluding the user's comment: comments %v, want the colleague's alone", got)
	}
}

// An epic's comments, which exports quote as its outcome, name whom they
// mention as evidence excerpts do (nameMentions): "Thanks Anil Kulkarni",
// never "Thanks @user" nor an account id.
func TestEpicCommentsNameMentions(t *testing.T) {
	t0 := time.Date(2026, 3, 4, 15, 0, 0, 0, time.UTC)
	anil := evidence.User{ID: "JIRAUSER11022", Name: "akulkarni", DisplayName: "Anil Kulkarni"}
	meena := evidence.User{ID: "JIRAUSER11023", Name: "msundaram", DisplayName: "Meena Sundaram"}
	chloe := evidence.User{ID: "5a6b7c8d", DisplayName: "Chloé Dubois"}
	tests := []struct {
		name, body, want string
	}{
		{"Server mentions by login name, one after another",
			"Thanks [~akulkarni], [~msundaram] and [~JIRAUSER11022] for the support.",
			"Thanks Anil Kulkarni, Meena Sundaram and Anil Kulkarni for the support."},
		{"a Cloud account id", "Outcome: pages down 52%, thanks [~accountid:5a6b7c8d]", "Outcome: pages down 52%, thanks Chloé Dubois"},
		{"someone the store has never seen", "Closing, thanks [~nobody].", "Closing, thanks [colleague]."},
		{"no mention", "Closing: p99 down to 250 ms.", "Closing: p99 down to 250 ms."},
	}
	var comments []evidence.Activity
	for i, tt := range tests {
		comments = append(comments, comment(fmt.Sprint(900+i), testOther, t0.Add(time.Duration(i)*time.Hour), tt.body))
	}
	epic := testRecord("20000", "PAY-1", t0, comments...)
	epic.Issue.Type, epic.Issue.Summary, epic.Issue.StatusCategory = "Epic", "Faster checkout", "done"
	epic.Issue.Reporter, epic.Issue.Assignee = anil, meena
	other := testRecord("20001", "PAY-2", t0, comment("999", chloe, t0, "Looks good."))
	p := savedPortfolio(t, []evidence.IssueRecord{epic, other}, fakeClassify, t0)
	if len(p.Epics) != 1 || len(p.Epics[0].Comments) != len(tests) {
		t.Fatalf("portfolio: %+v", p.Epics)
	}
	for i, tt := range tests {
		if got := p.Epics[0].Comments[i].Text; got != tt.want {
			t.Errorf("%s: comment %q, want %q", tt.name, got, tt.want)
		}
	}
	for _, name := range []string{"Anil Kulkarni", "Meena Sundaram", "Chloé Dubois"} {
		if !slices.Contains(p.People, name) {
			t.Errorf("People %q lack %q, whom an outcome names", p.People, name)
		}
	}
}

// The user's comments on a done issue on no epic are read whether or not
// a rule took them for evidence, since the one that says how it ended
// ("4.12 is live. Zero rollback.") often is none; an issue not done yet
// is read only where someone answered the user on it (Pitanga's "banner
// is showing on 5.4, 61% of active users already on it" came after
// Pedro's "ok, 24th then"), and others' comments never are.
func TestOwnCommentsOfDoneIssuesOnNoEpic(t *testing.T) {
	t0 := time.Date(2026, 5, 24, 4, 0, 0, 0, time.UTC)
	done := testRecord("30001", "REL-420", t0,
		comment("701", testMe, t0, "Go/No-Go for 4.12: GO."),
		comment("702", testOther, t0.Add(5*time.Minute), "Agreed."),
		comment("703", testMe, t0.Add(10*time.Minute), "4.12 is live, thanks [~accountid:"+testOther.ID+"]."))
	done.Issue.StatusCategory = "done"
	open := testRecord("30002", "REL-421", t0, comment("711", testMe, t0, "Go/No-Go for 4.13: NO-GO."))
	open.Issue.StatusCategory = "indeterminate"
	answered := testRecord("30003", "MKT-96", t0,
		comment("721", testMe, t0, "Pedro, we should launch the campaign on the 24th, not the 20th"),
		comment("722", testOther, t0.Add(time.Hour), "ok, 24th then"),
		comment("723", testMe, t0.Add(48*time.Hour), "banner is showing on 5.4, 61% of active users already on it"))
	answered.Issue.StatusCategory = "new"
	// The closing comment is no evidence.
	classify := func(a evidence.Activity, is evidence.Issue, me evidence.User) []evidence.Evidence {
		if a.SourceID == "703" || a.SourceID == "723" {
			return nil
		}
		return fakeClassify(a, is, me)
	}
	got := commentLines(savedPortfolio(t, []evidence.IssueRecord{done, open, answered}, classify, t0).OwnComments, " ")
	want := []string{"MKT-96 721 Pedro, we should launch the campaign on the 24th, not the 20th",
		"MKT-96 723 banner is showing on 5.4, 61% of active users already on it",
		"REL-420 701 Go/No-Go for 4.12: GO.", "REL-420 703 4.12 is live, thanks " + testOther.DisplayName + "."}
	if !slices.Equal(got, want) {
		t.Errorf("own comments %q, want %q", got, want)
	}
}

// An epic's issues reach the portfolio whether or not the user has
// evidence on them: an owner's initiative is as big as its epic.
func TestAnEpicsIssuesReachThePortfolio(t *testing.T) {
	t0 := time.Date(2026, 3, 4, 15, 0, 0, 0, time.UTC)
	epic := testRecord("20000", "PAY-1", t0)
	epic.Issue.Type, epic.Issue.Assignee = "Epic", testMe
	child := func(id, key, parent string, assignee evidence.User) evidence.IssueRecord {
		rec := testRecord(id, key, t0)
		rec.Issue.ParentKey, rec.Issue.Assignee = parent, assignee
		return rec
	}
	withEvidence := child("20002", "PAY-2", "PAY-1", testOther)
	withoutEvidence := child("20003", "PAY-3", "PAY-1", evidence.User{})
	withoutEvidence.Activities = nil
	withoutEvidence.Issue.Created = t0.Add(48 * time.Hour)
	anotherEpics := child("20004", "PAY-4", "PAY-9", testOther)
	anotherEpics.Activities = nil
	onNoEpic := child("20005", "PAY-5", "", testOther)
	p := savedPortfolio(t, []evidence.IssueRecord{epic, withEvidence, withoutEvidence, anotherEpics, onNoEpic}, fakeClassify, t0)
	if len(p.Epics) != 1 {
		t.Fatalf("portfolio epics = %+v", p.Epics)
	}
	filed := t0.Add(-time.Hour) // testRecord's
	want := []evidence.EpicIssue{{Key: "PAY-1", Assignee: testMe, Created: filed}, {Key: "PAY-2", Assignee: testOther, Created: filed},
		{Key: "PAY-3", Created: t0.Add(48 * time.Hour)}}
	if got := p.Epics[0].Issues; !slices.EqualFunc(got, want, func(a, b evidence.EpicIssue) bool {
		return a.Key == b.Key && a.Assignee.ID == b.Assignee.ID && a.Assignee.DisplayName == b.Assignee.DisplayName && a.Created.Equal(b.Created)
	}) {
		t.Errorf("the epic's issues = %+v, want %+v", got, want)
	}
}

// An epic's issues, the epic's own among them, say when they were resolved
// and whether they were dropped (Won't Do, or moved to Cancelled), so that
// an update calling the work late is weighed only against work done.
func TestAnEpicsIssuesTellHowTheyEnded(t *testing.T) {
	t0 := time.Date(2026, 3, 4, 15, 0, 0, 0, time.UTC)
	ended := func(rec *evidence.IssueRecord, status, resolution string, day int) {
		at := time.Date(2026, 3, day, 12, 0, 0, 0, time.UTC)
		rec.Issue.Status, rec.Issue.StatusCategory, rec.Issue.Resolution, rec.Issue.Resolved = status, "done", resolution, &at
	}
	epic := testRecord("20000", "PAY-1", t0)
	epic.Issue.Type = "Epic"
	ended(&epic, "Done", "Done", 20)
	child := func(id, key string) evidence.IssueRecord {
		rec := testRecord(id, key, t0)
		rec.Issue.ParentKey = "PAY-1"
		return rec
	}
	done, wontDo, cancelled, open := child("20002", "PAY-2"), child("20003", "PAY-3"), child("20004", "PAY-4"), child("20005", "PAY-5")
	ended(&done, "Done", "Done", 10)
	ended(&wontDo, "Closed", "Won't Do", 12)
	ended(&cancelled, "Cancelled", "", 14)
	open.Issue.Status, open.Issue.StatusCategory = "In Progress", "indeterminate"
	p := savedPortfolio(t, []evidence.IssueRecord{epic, done, wontDo, cancelled, open}, fakeClassify, t0)
	if len(p.Epics) != 1 {
		t.Fatalf("portfolio epics = %+v", p.Epics)
	}
	var got []string
	for _, is := range p.Epics[0].Issues {
		end := "open"
		if is.Resolved != nil {
			end = "resolved " + is.Resolved.UTC().Format(time.DateOnly)
		}
		got = append(got, fmt.Sprintf("%s %s dropped=%t", is.Key, end, is.Dropped))
	}
	want := []string{"PAY-1 resolved 2026-03-20 dropped=false", "PAY-2 resolved 2026-03-10 dropped=false",
		"PAY-3 resolved 2026-03-12 dropped=true", "PAY-4 resolved 2026-03-14 dropped=true", "PAY-5 open dropped=false"}
	if !slices.Equal(got, want) {
		t.Errorf("the epic's issues ended %q, want %q", got, want)
	}
}

// The issues a quote names by key reach the portfolio when they are done,
// whether or not the user has evidence on them: a date the user gave for
// one ("CHK-1419 tracks it") is kept or not by when it was resolved. Each
// one the user has no evidence on reaches it too, done or not, with what
// it is and its status: whether work a call put off is still to do.
func TestNamedIssuesReachThePortfolio(t *testing.T) {
	t0 := time.Date(2026, 9, 4, 10, 0, 0, 0, time.UTC)
	resolved := time.Date(2026, 11, 12, 16, 0, 0, 0, time.UTC)
	quoted := testRecord("40001", "PAY-822", t0,
		comment("901", testMe, t0, "should be off v1 by Nov 14. CHK-1419 tracks it, CHK-1420 and CHK-1421 were the other options"))
	named := func(id, key, resolution string) evidence.IssueRecord {
		r := testRecord(id, key, resolved)
		r.Activities = nil
		r.Issue.Status, r.Issue.StatusCategory, r.Issue.Resolution, r.Issue.Resolved = "Done", "done", resolution, &resolved
		return r
	}
	open := testRecord("40004", "CHK-1421", t0)
	open.Activities = nil
	open.Issue.Status, open.Issue.StatusCategory = "To Do", evidence.StatusNew
	records := []evidence.IssueRecord{quoted, named("40002", "CHK-1419", "Done"), named("40003", "CHK-1420", "Won't Do"), open,
		named("40005", "CHK-1499", "Done")} // named by no quote
	p := savedPortfolio(t, records, fakeClassify, t0)
	want := []evidence.DoneIssue{{SiteName: "acme", Key: "CHK-1419", URL: "https://acme.atlassian.net/browse/CHK-1419", Resolved: resolved}}
	if !slices.Equal(p.DoneIssues, want) {
		t.Errorf("done issues = %+v, want %+v", p.DoneIssues, want)
	}
	var got []string
	for _, is := range p.NamedIssues {
		got = append(got, fmt.Sprintf("%s %s %s (%s) %s", is.SiteName, is.Key, is.URL, is.Summary, is.StatusCategory))
	}
	wantNamed := []string{"acme CHK-1419 https://acme.atlassian.net/browse/CHK-1419 (Checkout times out for CHK-1419) done",
		"acme CHK-1420 https://acme.atlassian.net/browse/CHK-1420 (Checkout times out for CHK-1420) done",
		"acme CHK-1421 https://acme.atlassian.net/browse/CHK-1421 (Checkout times out for CHK-1421) new"}
	if !slices.Equal(got, wantNamed) {
		t.Errorf("named issues =\n%q\nwant\n%q", got, wantNamed)
	}
}

// Each of the user's comments that is evidence brings the first answer
// another person gave it, with the people it mentions named: how the no
// or the update was taken. A second answer, an answer by automation, an
// answer to a comment that is no evidence, and an answer the user's own
// later comment came between are not brought.
func TestRepliesAreTheFirstAnswersToTheUsersEvidence(t *testing.T) {
	t0 := time.Date(2026, 8, 5, 9, 30, 0, 0, time.UTC)
	bot := evidence.User{ID: "557058:bot", DisplayName: "Automation for Jira", AccountType: evidence.AccountTypeApp}
	rec := testRecord("30001", "CORE-2183", t0,
		comment("801", testMe, t0, "Sorry Lee, we cannot take this into 4.13 at this stage."),
		comment("802", testOther, t0.Add(45*time.Minute), "Ok understood [~accountid:"+testMe.ID+"], 4.14 is fine."),
		comment("803", testOther, t0.Add(50*time.Minute), "I will inform business."),
		comment("804", testMe, t0.Add(48*time.Hour), "Moved to 4.14."),
		comment("805", bot, t0.Add(49*time.Hour), "Fix version changed by a rule."),
		comment("806", testMe, t0.Add(72*time.Hour), "not evidence"),
		comment("807", testOther, t0.Add(73*time.Hour), "thanks"))
	classify := func(a evidence.Activity, is evidence.Issue, me evidence.User) []evidence.Evidence {
		if a.SourceID == "806" {
			return nil
		}
		return fakeClassify(a, is, me)
	}
	var got []string
	for _, re := range savedPortfolio(t, []evidence.IssueRecord{rec}, classify, t0).Replies {
		got = append(got, re.Key+" "+re.To+" ← "+re.Comment.ID+" "+re.Comment.Author.DisplayName+": "+re.Comment.Text)
	}
	want := []string{"CORE-2183 801 ← 802 Lee Park: Ok understood Sam Rivera, 4.14 is fine."}
	if !slices.Equal(got, want) {
		t.Errorf("replies %q, want %q", got, want)
	}
}

// The description of an issue the user filed as incident work (a
// postmortem) whose excerpt the classifier cut comes whole, with no id of
// a comment: a failure story quotes its root cause, after the impact the
// cut keeps. A description of other work does not come.
func TestWholeCommentsHoldAPostmortemsDescription(t *testing.T) {
	t0 := time.Date(2026, 8, 13, 9, 30, 0, 0, time.UTC)
	description := "What happened: PAY 4.13.0 dropped the brand field from the tokenize response, checkout-api threw on the missing field. " +
		strings.Repeat("43 minutes, ~1,800 failed card orders. ", 5) + "Why it got through: no contract test between checkout and PAY."
	filed := func(id string) evidence.Activity {
		return evidence.Activity{IssueID: id, Source: evidence.SourceIssue, SourceID: id, Author: testMe, At: t0, Text: description}
	}
	postmortem, story := testRecord("30019", "CHK-1416", t0), testRecord("30020", "CHK-1420", t0)
	postmortem.Activities = append(postmortem.Activities, filed("30019"))
	story.Activities = append(story.Activities, filed("30020"))
	classify := func(a evidence.Activity, is evidence.Issue, me evidence.User) []evidence.Evidence {
		ev := fakeClassify(a, is, me)
		for i := range ev {
			ev[i].Excerpt = markup.Excerpt(ev[i].Excerpt)
			if is.Key == "CHK-1416" && a.Source == evidence.SourceIssue {
				ev[i].Category = evidence.CatIncidentCoord
			}
		}
		return ev
	}
	got := commentLines(savedPortfolio(t, []evidence.IssueRecord{postmortem, story}, classify, t0).WholeComments, "|")
	want := []string{"CHK-1416 |" + description}
	if !slices.Equal(got, want) {
		t.Errorf("whole comments %q, want %q", got, want)
	}
}

// A comment of the user's whose excerpt the classifier cut comes whole,
// with the people it mentions named; one quoted whole does not come again.
func TestWholeCommentsAreTheCutOnes(t *testing.T) {
	t0 := time.Date(2026, 8, 5, 9, 30, 0, 0, time.UTC)
	long := "Sorry [~accountid:" + testOther.ID + "], we cannot take this into 4.13 at this stage. " + strings.Repeat("Regression is already 60% done. ", 10) + "We will miss the 22nd."
	rec := testRecord("30001", "CORE-2183", t0,
		comment("801", testMe, t0, long),
		comment("802", testMe, t0.Add(time.Hour), "Moved to 4.14."))
	classify := func(a evidence.Activity, is evidence.Issue, me evidence.User) []evidence.Evidence {
		ev := fakeClassify(a, is, me)
		for i := range ev {
			ev[i].Excerpt = markup.Excerpt(ev[i].Excerpt)
		}
		return ev
	}
	got := commentLines(savedPortfolio(t, []evidence.IssueRecord{rec}, classify, t0).WholeComments, " ")
	want := []string{"CORE-2183 801 " + strings.Replace(long, "[~accountid:"+testOther.ID+"]", testOther.DisplayName, 1)}
	if !slices.Equal(got, want) {
		t.Errorf("whole comments %q, want %q", got, want)
	}
}

// The description another person wrote of an issue the user's
// cross-team comment is on comes, by its author, with no id of a
// comment: the date that team set ("v1 charges goes away on Nov 30.") is
// what the user's date to them answers. The description of an issue the
// user filed, or of one their comment there is no cross-team note on,
// does not come.
func TestOthersDescriptionsAreOfTheirIssuesTheUserCoordinatedOn(t *testing.T) {
	t0 := time.Date(2026, 9, 1, 10, 0, 0, 0, time.UTC)
	filed := func(id string, by evidence.User, text string) evidence.Activity {
		return evidence.Activity{IssueID: id, Source: evidence.SourceIssue, SourceID: id, Author: by, At: t0, Text: text}
	}
	theirs := testRecord("30017", "PAY-822", t0, filed("30017", testOther, "v1 charges goes away on Nov 30."),
		comment("70047", testMe, t0.Add(72*time.Hour), "should be off v1 by Nov 14. CHK-1419 tracks it"))
	mine := testRecord("30018", "PAY-823", t0, filed("30018", testMe, "Move refunds off v1 by Nov 14."),
		comment("70049", testMe, t0.Add(72*time.Hour), "Payments agreed."))
	notCoordinated := testRecord("30019", "PAY-824", t0, filed("30019", testOther, "Retire v0 by Oct 1."),
		comment("70050", testMe, t0.Add(72*time.Hour), "Looked at it."))
	classify := func(a evidence.Activity, is evidence.Issue, me evidence.User) []evidence.Evidence {
		ev := fakeClassify(a, is, me)
		for i := range ev {
			if a.Source == evidence.SourceComment && is.Key != "PAY-824" {
				ev[i].Category = evidence.CatCrossTeam
			}
		}
		return ev
	}
	var got []string
	for _, is := range savedPortfolio(t, []evidence.IssueRecord{theirs, mine, notCoordinated}, classify, t0).OthersDescriptions {
		for _, c := range is.Comments {
			got = append(got, is.Key+" "+c.ID+"|"+c.Author.DisplayName+" "+c.At.Format(time.DateOnly)+": "+c.Text)
		}
	}
	want := []string{"PAY-822 |" + testOther.DisplayName + " 2026-09-01: v1 charges goes away on Nov 30."}
	if !slices.Equal(got, want) {
		t.Errorf("others' descriptions %q, want %q", got, want)
	}
}

// savedPortfolio saves records as one page of a new store's site, as
// classify classifies them, and reads the portfolio back.
func savedPortfolio(t *testing.T, records []evidence.IssueRecord, classify evidence.ClassifyFunc, cursor time.Time) evidence.Portfolio {
	t.Helper()
	ctx := context.Background()
	s := mustOpenStore(t)
	if _, err := savePage(ctx, s, mustSite(t, s), records, classify, cursor); err != nil {
		t.Fatal(err)
	}
	p, err := s.Portfolio(ctx, evidence.Filter{}, storeNow)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// commentLines are the issues' comments, one a line: the issue's key, the
// comment's id, sep and its text.
func commentLines(issues []evidence.IssueComments, sep string) []string {
	var lines []string
	for _, is := range issues {
		for _, c := range is.Comments {
			lines = append(lines, is.Key+" "+c.ID+sep+c.Text)
		}
	}
	return lines
}
