package sqlite

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/next"
)

// The default team is the projects the user works in steadily over the
// window, counted from their own activities: the issues and the weeks
// their work spans. One comment on another team's ticket, or a week's burst
// on a few of its tickets, does not make it the user's team; months of
// work alongside another team do; and work before the window counts for
// nothing.
func TestActiveProjectsAreWhereTheUserWorksSteadily(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	site := mustSite(t, s)
	since := storeNow.Add(-90 * 24 * time.Hour)
	week := 7 * 24 * time.Hour
	issues := map[string]int{}
	var page []evidence.IssueRecord
	// add files an issue of the project the user changed at a time, and
	// commented on as often as said.
	add := func(project string, at time.Time, comments int) {
		issues[project]++
		id := fmt.Sprintf("%s%d", project, issues[project])
		var said []evidence.Activity
		for c := range comments {
			said = append(said, comment(fmt.Sprintf("c%s-%d", id, c), testMe, at.Add(time.Duration(c+1)*time.Hour), "Done on my side."))
		}
		rec := testRecord(id, fmt.Sprintf("%s-%d", project, issues[project]), at, said...)
		rec.Issue.Project = project
		page = append(page, rec)
	}
	for i := range 10 { // the team's own work, every week
		add("CHK", since.Add(time.Duration(i)*week+24*time.Hour), 2)
	}
	add("GROW", storeNow.Add(-6*week), 0) // a heads-up on marketing's ticket
	for i := range 4 {                    // a launch week on the support team's tickets
		add("HELP", storeNow.Add(-3*week+time.Duration(i)*time.Hour), 1)
	}
	for i := range 4 { // months alongside the payments team
		add("PAY", since.Add(time.Duration(3*i+1)*week), 0)
	}
	for i := range 6 { // last year's team
		add("OLD", since.Add(-time.Duration(i+1)*week), 3)
	}
	if _, err := savePage(ctx, s, site, page, fakeClassify, storeNow); err != nil {
		t.Fatal(err)
	}
	got, err := s.ActiveProjects(ctx, site.ID, since)
	if want := []string{"CHK", "PAY"}; err != nil || !slices.Equal(got, want) {
		t.Errorf("ActiveProjects = %v, %v; want %v", got, err, want)
	}
}

// A team backlog is read once a sync has saved a page of it, even an empty
// one: a backlog with nothing open was read.
func TestTeamReadSaysWhetherASyncReadTheBacklog(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	site := mustSite(t, s)
	if read, err := s.TeamRead(ctx, site.ID); err != nil || read {
		t.Fatalf("before any read: %v, %v", read, err)
	}
	if err := s.SaveTeamPage(ctx, site.ID, "scope", nil, storeNow); err != nil {
		t.Fatal(err)
	}
	if read, err := s.TeamRead(ctx, site.ID); err != nil || !read {
		t.Errorf("after an empty read: %v, %v", read, err)
	}
}

// The fix versions the user's own changes set are read from their
// changelogs, by issue, oldest first: on Cloud by the field's id, on old
// Server by its name. Someone else's change, and a version taken off, set
// nothing of the user's.
func TestYourVersionsAreTheFixVersionsYourChangesSet(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	site := mustSite(t, s)
	t0 := storeNow.Add(-30 * 24 * time.Hour)
	cloud := func(from, to string) evidence.ChangeItem {
		return evidence.ChangeItem{Field: "Fix Version", FieldID: "fixVersions", FieldType: "jira", FromString: from, ToString: to}
	}
	rec := testRecord("10001", "PAY-1", t0,
		change("v1", testMe, t0.Add(time.Hour), cloud("", "payments-api 3.14.0")),
		change("v2", testOther, t0.Add(2*time.Hour), cloud("", "payments-api 3.15.0")),
		change("v3", testMe, t0.Add(3*time.Hour), cloud("payments-api 3.14.0", "")),
		change("v4", testMe, t0.Add(4*time.Hour), evidence.ChangeItem{Field: "Fix Version/s", FieldType: "jira", ToString: "payments-api 3.16.0"},
			evidence.ChangeItem{Field: "priority", FieldID: "priority", ToString: "High"}))
	other := testRecord("10002", "PAY-2", t0, change("v5", testMe, t0.Add(time.Hour), evidence.ChangeItem{Field: "Component", FieldID: "components", ToString: "fix version tool"}))
	if _, err := savePage(ctx, s, site, []evidence.IssueRecord{rec, other}, fakeClassify, storeNow); err != nil {
		t.Fatal(err)
	}
	got, err := s.YourVersions(ctx, site.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{"10001": {"payments-api 3.14.0 " + t0.Add(time.Hour).Format(time.RFC3339), "payments-api 3.16.0 " + t0.Add(4*time.Hour).Format(time.RFC3339)}}
	gotText := map[string][]string{}
	for id, sets := range got {
		for _, v := range sets {
			gotText[id] = append(gotText[id], v.Version+" "+v.At.UTC().Format(time.RFC3339))
		}
	}
	if fmt.Sprint(gotText) != fmt.Sprint(want) {
		t.Errorf("YourVersions = %v, want %v", gotText, want)
	}
}

// StatusMoves are the status changes in the synced changelogs, by anyone,
// by issue, oldest first: who moved an issue on is what `next` asks about.
func TestStatusMovesAreEveryonesStatusChanges(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	site := mustSite(t, s)
	t0 := storeNow.Add(-30 * 24 * time.Hour)
	status := func(from, to string) evidence.ChangeItem {
		return evidence.ChangeItem{Field: "status", FieldID: "status", FieldType: "jira", FromString: from, ToString: to}
	}
	rec := testRecord("10001", "MOB-1", t0,
		change("s1", testOther, t0.Add(time.Hour), status("In Progress", "In Review")),
		change("s2", testMe, t0.Add(2*time.Hour), evidence.ChangeItem{Field: "priority", FieldID: "priority", ToString: "Status quo"}),
		change("s3", testOther, t0.Add(3*time.Hour), evidence.ChangeItem{Field: "Status", FieldType: "jira", FromString: "In Review", ToString: "In Progress"}))
	if _, err := savePage(ctx, s, site, []evidence.IssueRecord{rec}, fakeClassify, storeNow); err != nil {
		t.Fatal(err)
	}
	got, err := s.StatusMoves(ctx, site.ID)
	if err != nil {
		t.Fatal(err)
	}
	var text []string
	for _, m := range got["10001"] {
		text = append(text, m.By.DisplayName+": "+m.From+" -> "+m.To+" "+m.At.UTC().Format(time.RFC3339))
	}
	want := []string{testOther.DisplayName + ": In Progress -> In Review " + t0.Add(time.Hour).Format(time.RFC3339),
		testOther.DisplayName + ": In Review -> In Progress " + t0.Add(3*time.Hour).Format(time.RFC3339)}
	if fmt.Sprint(text) != fmt.Sprint(want) || len(got) != 1 {
		t.Errorf("StatusMoves = %v, want %v", text, want)
	}
}

// SprintMoves are the Sprint field changes in the synced changelogs, by
// anyone, by issue, oldest first: who moved an issue to a later sprint is
// what `next` tells after the user's priority call.
func TestSprintMovesAreEveryonesSprintChanges(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	site := mustSite(t, s)
	t0 := storeNow.Add(-30 * 24 * time.Hour)
	rec := testRecord("10001", "OPS-1", t0,
		change("p1", testOther, t0.Add(time.Hour), evidence.ChangeItem{Field: "Sprint", FieldID: "customfield_10020", FieldType: "custom",
			FromString: "OPS Sprint 63", ToString: "OPS Sprint 63, OPS Sprint 65"}),
		change("p2", testMe, t0.Add(2*time.Hour), evidence.ChangeItem{Field: "labels", FieldID: "labels", ToString: "sprint-goal"}),
		change("p3", testMe, t0.Add(3*time.Hour), evidence.ChangeItem{Field: "sprint", FieldType: "custom", FromString: "OPS Sprint 65", ToString: "OPS Sprint 66"}))
	if _, err := savePage(ctx, s, site, []evidence.IssueRecord{rec}, fakeClassify, storeNow); err != nil {
		t.Fatal(err)
	}
	got, err := s.SprintMoves(ctx, site.ID)
	if err != nil {
		t.Fatal(err)
	}
	var text []string
	for _, m := range got["10001"] {
		text = append(text, m.By.DisplayName+": "+m.From+" -> "+m.To+" "+m.At.UTC().Format(time.RFC3339))
	}
	want := []string{testOther.DisplayName + ": OPS Sprint 63 -> OPS Sprint 63, OPS Sprint 65 " + t0.Add(time.Hour).Format(time.RFC3339),
		testMe.DisplayName + ": OPS Sprint 65 -> OPS Sprint 66 " + t0.Add(3*time.Hour).Format(time.RFC3339)}
	if fmt.Sprint(text) != fmt.Sprint(want) || len(got) != 1 {
		t.Errorf("SprintMoves = %v, want %v", text, want)
	}
}

// YourIssues are the open issues the user filed that the team's read does
// not hold, with everyone's comments, oldest first, and the issues of the
// user's sync they link to: where `next` finds a follow-up of the user's
// incident filed in another team's project (the Dev site's PAY-823).
func TestYourIssuesAreTheOpenIssuesYouFiledOutsideTheTeam(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	site := mustSite(t, s)
	t0 := storeNow.Add(-100 * 24 * time.Hour)
	filed := func(rec evidence.IssueRecord, status string) evidence.IssueRecord {
		rec.Issue.Reporter, rec.Issue.Creator, rec.Issue.Status, rec.Issue.StatusCategory = testMe, testMe, status, evidence.StatusNew
		if status == "Done" {
			rec.Issue.StatusCategory = evidence.StatusCategoryEnd
		}
		return rec
	}
	incident := testRecord("10001", "CHK-1415", t0)
	incident.Issue.Project, incident.Issue.StatusCategory = "CHK", evidence.StatusCategoryEnd
	followUp := filed(testRecord("10002", "PAY-823", t0.Add(24*time.Hour),
		comment("c2", testOther, t0.Add(8*24*time.Hour), "Will pick this up next sprint"),
		comment("c1", testMe, t0.Add(2*24*time.Hour), "Felix, can you own this?")), "To Do")
	followUp.Issue.Links = []evidence.IssueLink{{Type: "Relates", Direction: "outward", OtherKey: "CHK-1415"}}
	done := filed(testRecord("10003", "PAY-824", t0), "Done")
	others := testRecord("10004", "PAY-825", t0)
	team := filed(testRecord("10005", "CHK-1500", t0), "To Do")
	if _, err := savePage(ctx, s, site, []evidence.IssueRecord{incident, followUp, done, others, team}, fakeClassify, storeNow); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveTeamPage(ctx, site.ID, "CHK", []next.TeamIssue{{Issue: team.Issue}}, storeNow); err != nil {
		t.Fatal(err)
	}
	got, err := s.YourIssues(ctx, site)
	if err != nil {
		t.Fatal(err)
	}
	var text []string
	for _, is := range got {
		line := is.Key
		for _, c := range is.Comments {
			line += " / " + c.Author.DisplayName + ": " + c.Text
		}
		text = append(text, line)
	}
	want := []string{"PAY-823 / Sam Rivera: Felix, can you own this? / Lee Park: Will pick this up next sprint", "CHK-1415"}
	if fmt.Sprint(text) != fmt.Sprint(want) || got[0].CommentTotal != 2 {
		t.Errorf("YourIssues = %q, want %q", text, want)
	}
}

// YourClosedIssues are every done issue of the user's sync, old ones and
// those the team's read holds too, with the fix versions Jira gave as
// released, and their days, and every stored comment: an open issue, and
// a version not released, are not among them.
func TestYourClosedIssuesAreTheDoneOnesWithTheirReleases(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	site := mustSite(t, s)
	t0 := storeNow.Add(-200 * 24 * time.Hour)
	closed := func(rec evidence.IssueRecord, versions ...string) evidence.IssueRecord {
		rec.Issue.Status, rec.Issue.StatusCategory, rec.Issue.FixVersions = "Done", evidence.StatusCategoryEnd, versions
		return rec
	}
	dropped := closed(testRecord("10001", "MOB-887", t0,
		comment("c1", testOther, t0.Add(-2*time.Hour), "if we do dark mode now it's +1 week"),
		comment("c2", testMe, t0.Add(-time.Hour), "ok let's ship without dark mode, we revisit after launch")))
	shipped := closed(testRecord("10002", "MOB-883", t0), "5.3", "5.5")
	shipped.Raw = []byte(`{"id":"10002","key":"MOB-883","fields":{"fixVersions":[{"name":"5.3","released":true,"releaseDate":"2026-09-22"},{"name":"5.5","released":false,"releaseDate":"2026-12-15"}]}}`)
	open := testRecord("10003", "MOB-936", t0)
	if _, err := savePage(ctx, s, site, []evidence.IssueRecord{dropped, shipped, open}, fakeClassify, storeNow); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveTeamPage(ctx, site.ID, "MOB", []next.TeamIssue{{Issue: shipped.Issue}}, storeNow); err != nil {
		t.Fatal(err)
	}
	got, err := s.YourClosedIssues(ctx, site.ID)
	if err != nil {
		t.Fatal(err)
	}
	var text []string
	for _, is := range got {
		line := is.Key
		for _, r := range is.Releases {
			line += fmt.Sprintf(" [%s %s %v]", r.Name, r.Date.Format(time.DateOnly), r.Released)
		}
		for _, c := range is.Comments {
			line += " / " + c.Author.DisplayName + ": " + c.Text
		}
		text = append(text, line)
	}
	want := []string{"MOB-883 [5.3 2026-09-22 true]", "MOB-887 / Lee Park: if we do dark mode now it's +1 week / Sam Rivera: ok let's ship without dark mode, we revisit after launch"}
	if fmt.Sprint(text) != fmt.Sprint(want) {
		t.Errorf("YourClosedIssues = %q, want %q", text, want)
	}
}
