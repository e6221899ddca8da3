package rules

import (
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// An issue is the user's when they reported it or created it: an import or
// an automation creates issues for their reporter, and people create some
// on behalf of others (taxonomy.md, source issue).
func TestAnIssueTheUserReportedOrCreatedIsTheirs(t *testing.T) {
	me := evidence.User{ID: "me", DisplayName: "Sam Rivera"}
	lee := evidence.User{ID: "lee", DisplayName: "Lee Park"}
	bot := evidence.User{ID: "app", DisplayName: "Automation for Jira", AccountType: evidence.AccountTypeApp}
	story := "As a support lead I want refunds over 500 EUR to need a second approval so that one mistake cannot cost a month of margin.\n\n" +
		"Acceptance criteria:\n* refunds over 500 EUR wait for a second approver\n* the approver is notified by e-mail"
	cases := []struct {
		name              string
		reporter, creator evidence.User
		author            evidence.User // the activity's author, as jira/ maps it: the creator
		want              bool
	}{
		{"created by an import for the user", me, bot, bot, true},
		{"created by the user for a teammate", lee, me, me, true},
		{"a teammate's own story", lee, lee, lee, false},
		{"created by automation for a teammate", lee, bot, bot, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			is := evidence.Issue{ID: "10001", Key: "PAY-1", Project: "PAY", Type: "Story", Summary: "Second approval for large refunds",
				Description: story, Status: "To Do", StatusCategory: evidence.StatusNew, Reporter: c.reporter, Creator: c.creator, Assignee: lee}
			a := evidence.Activity{IssueID: is.ID, Source: evidence.SourceIssue, SourceID: is.ID, Author: c.author,
				At: time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC), Text: story}
			got := false
			for _, ev := range Classify(a, is, me) {
				got = got || ev.Category == evidence.CatStoryWriting
			}
			if got != c.want {
				t.Errorf("story-writing claimed = %v, want %v", got, c.want)
			}
		})
	}
}
