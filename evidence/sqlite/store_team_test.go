package sqlite

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
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
