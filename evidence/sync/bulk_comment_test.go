package sync_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
	evsync "github.com/pmfolio/pmfolio/evidence/sync"
	"github.com/pmfolio/pmfolio/jira"
	"github.com/pmfolio/pmfolio/jira/jiratest"
)

// A bulk close of 30 colleagues' stale issues as Won't Do, with the comment
// Jira posts on each of them, read ten issues a page: no comment of it is
// a decision (nor any status change), though each is written at the moment
// of a Won't Do. A Won't Do with its reason on one issue stays a decision.
func TestABulkCloseWithACommentIsNoDecisionAcrossPages(t *testing.T) {
	f := newSyncFixture(t, jiratest.DeploymentServer, 200)
	var done *jiratest.Status
	var theirs []*jiratest.Issue
	for _, is := range f.site.Issues() {
		if is.Status.Category != nil && is.Status.Category.Key == "done" && done == nil {
			done = is.Status
		}
		if is.Reporter.Key != f.site.Me.Key && (is.Assignee == nil || is.Assignee.Key != f.site.Me.Key) {
			theirs = append(theirs, is)
		}
	}
	if done == nil || len(theirs) < 31 {
		t.Fatalf("the demo site has %d colleagues' issues and Done %v", len(theirs), done)
	}
	wontDo := &jiratest.Resolution{ID: "10001", Name: "Won't Do"}
	closeAsWontDo := func(is *jiratest.Issue, n int, at time.Time, reason string) {
		if _, err := f.site.AddComment(is.Key, true, reason, at); err != nil {
			t.Fatal(err)
		}
		at = at.Add(time.Second)
		is.Histories = append(is.Histories, &jiratest.History{ID: fmt.Sprint(9000000 + n), Author: f.site.Me, Created: at,
			Items: []jiratest.HistoryItem{
				{Field: "resolution", FieldType: "jira", To: wontDo.ID, ToString: wontDo.Name},
				{Field: "status", FieldType: "jira", From: is.Status.ID, FromString: is.Status.Name, To: done.ID, ToString: done.Name}}})
		is.Status, is.Resolution, is.Resolved, is.Updated = done, wontDo, at, at
	}
	bulkAt := syncNow.Add(-30 * 24 * time.Hour)
	bulk := map[string]bool{}
	for i, is := range theirs[:30] {
		closeAsWontDo(is, i, bulkAt.Add(time.Duration(i)*4*time.Second),
			"Closing as part of backlog cleanup, no activity for more than 6 months. Please reopen if still required.")
		bulk[is.Key] = true
	}
	single := theirs[30]
	closeAsWontDo(single, 30, bulkAt.Add(-3*24*time.Hour),
		"Not doing this: the regulator dropped the requirement in the March circular, so there is nothing left to build.")

	c, err := jira.New(f.cfg, jira.WithPageSize(10))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := runSync(context.Background(), c, f.store, evsync.Options{Now: func() time.Time { return syncNow }}); err != nil {
		t.Fatal(err)
	}
	evs, err := f.store.Evidence(context.Background(), evidence.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var singleDecision bool
	for _, ev := range evs {
		if bulk[ev.IssueKey] && ev.OccurredAt.After(bulkAt.Add(-time.Minute)) {
			t.Errorf("%s %s %s: %s by %s from the bulk close: %q", ev.IssueKey, ev.Source, ev.SourceID, ev.Category, ev.Rule, ev.Excerpt)
		}
		singleDecision = singleDecision || ev.IssueKey == single.Key && ev.Category == evidence.CatDecisionMaking
	}
	if !singleDecision {
		t.Errorf("%s, a Won't Do with its reason on one issue, is no decision", single.Key)
	}
}
