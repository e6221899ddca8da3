package jira

import (
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/markup"
)

// A v3 comment body (ADF) is kept for markup.PlainText to read, and
// Cloud's accountType reaches the domain user, so rules can tell automation
// from people.
func TestMapIssueKeepsADFAndAccountTypes(t *testing.T) {
	raw := []byte(`{"id":"10001","key":"OPS-1","fields":{
		"summary":"s","issuetype":{"name":"Story"},"project":{"key":"OPS"},
		"status":{"name":"To Do","statusCategory":{"key":"new"}},
		"reporter":{"accountId":"bot-1","displayName":"Automation for Jira","accountType":"app"},
		"comment":{"total":1,"comments":[{"id":"5","author":{"accountId":"me","displayName":"Me","accountType":"atlassian"},
			"created":"2026-03-04T15:12:00.000+0000",
			"body":{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"Decision: ship it."}]}]}}]}}}`)
	is, acts, err := mapIssue(raw, Fields{})
	if err != nil {
		t.Fatal(err)
	}
	if is.Reporter.AccountType != evidence.AccountTypeApp {
		t.Errorf("reporter account type = %q, want %q", is.Reporter.AccountType, evidence.AccountTypeApp)
	}
	var comment evidence.Activity
	for _, a := range acts {
		if a.Source == evidence.SourceComment {
			comment = a
		}
	}
	if comment.Author.AccountType != "atlassian" {
		t.Errorf("comment author account type = %q", comment.Author.AccountType)
	}
	if got := markup.PlainText(comment.Text); got != "Decision: ship it." {
		t.Errorf("PlainText(comment) = %q, want the ADF body's words", got)
	}
}

// A deactivated account (active:false) is said on the team issue's people:
// someone who left answers no question and finishes no issue. An account
// Jira says nothing of is taken as active.
func TestMapTeamIssueKnowsWhoLeft(t *testing.T) {
	raw := []byte(`{"id":"10001","key":"OPS-1","fields":{
		"summary":"s","issuetype":{"name":"Task"},"project":{"key":"OPS"},
		"status":{"name":"To Do","statusCategory":{"key":"new"}},
		"assignee":{"accountId":"lena","displayName":"Lena Novak","active":false},
		"reporter":{"accountId":"sam","displayName":"Sam"},
		"comment":{"total":1,"comments":[{"id":"5","author":{"accountId":"lena","displayName":"Lena Novak","active":false},
			"created":"2026-03-04T15:12:00.000+0000","body":"Is this still needed?"}]}}}`)
	ti, err := mapTeamIssue(raw, Fields{})
	if err != nil {
		t.Fatal(err)
	}
	if !ti.Assignee.Inactive || len(ti.Comments) != 1 || !ti.Comments[0].Author.Inactive || ti.Reporter.Inactive {
		t.Errorf("assignee %+v, comments %+v, reporter %+v: want Lena inactive and Sam not", ti.Assignee, ti.Comments, ti.Reporter)
	}
}

// A team issue's sprints keep their board, state and dates, in both the
// Cloud object form and the string form of older Data Center sites (whose
// unset dates read "<null>"), for `next` to weigh a plan against a pace;
// an id sent as a string is still read.
func TestMapTeamIssueReadsItsSprints(t *testing.T) {
	raw := []byte(`{"id":"10001","key":"OPS-1","fields":{
		"summary":"s","issuetype":{"name":"Story"},"project":{"key":"OPS"},
		"status":{"name":"To Do","statusCategory":{"key":"new"}},
		"customfield_10020":[
			{"id":"37","name":"OPS Sprint 7","state":"closed","boardId":12,"goal":"ship, then rest","startDate":"2026-10-05T08:00:00.000Z","endDate":"2026-10-19T08:00:00.000Z","completeDate":"2026-10-19T09:30:00.000Z"},
			"com.atlassian.greenhopper.service.sprint.Sprint@1a2b[id=38,rapidViewId=12,state=FUTURE,name=OPS Sprint 8,startDate=<null>,endDate=<null>,completeDate=<null>,activatedDate=<null>,sequence=38,goal=a, b]"]}}`)
	ti, err := mapTeamIssue(raw, Fields{Sprint: "customfield_10020"})
	if err != nil {
		t.Fatal(err)
	}
	if len(ti.SprintList) != 2 || ti.SprintState != "future" {
		t.Fatalf("sprints %+v, state %q: want two, the latest future", ti.SprintList, ti.SprintState)
	}
	closed, future := ti.SprintList[0], ti.SprintList[1]
	if closed.ID != 37 || closed.BoardID != 12 || closed.State != "closed" || closed.Start == nil ||
		!closed.Start.Equal(time.Date(2026, 10, 5, 8, 0, 0, 0, time.UTC)) || closed.Completed == nil {
		t.Errorf("cloud sprint read as %+v", closed)
	}
	if future.ID != 38 || future.BoardID != 12 || future.Name != "OPS Sprint 8" || future.State != "future" || future.Start != nil || future.Completed != nil {
		t.Errorf("data center sprint read as %+v", future)
	}
}
