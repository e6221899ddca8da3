package sqlite

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/next"
)

// A quote names whom the user mentioned from everyone the store has seen on
// the site, whichever page or phase of a sync stored them: the first page
// quotes people the issue it holds never names, who appear only on a later
// page or in the team's backlog. Anyone unseen, and automation, stays
// "[colleague]", and no account id reaches a reader.
func TestQuotesNameMentionsFromEveryoneTheStoreHasSeen(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	site := mustSite(t, s)
	var (
		chloeOld = evidence.User{ID: "5a6b7c8d", DisplayName: "Chloe D"}
		chloe    = evidence.User{ID: "5a6b7c8d", DisplayName: "Chloé Dubois"}
		rita     = evidence.User{ID: "712020:rita", DisplayName: "Rita Alves"}
		john     = evidence.User{ID: "JIRAUSER10100", Name: "jsmith", DisplayName: "John Smith"}
		bot      = evidence.User{ID: "557058:bot", DisplayName: "Deploy Helper", AccountType: evidence.AccountTypeApp}
		tom      = evidence.User{ID: "712020:tom", DisplayName: "Tomás Herrera"}
		priya    = evidence.User{ID: "712020:priya", DisplayName: "Priya Nair"}
	)
	tests := []struct {
		name, mention, want string
	}{
		{"the author of a comment on a later page", "[~accountid:5a6b7c8d]", "Chloé Dubois"},
		{"the reporter of an issue on a later page", "[~accountid:712020:rita]", "Rita Alves"},
		{"a Server user by login name", "[~jsmith]", "John Smith"},
		{"the assignee of a team issue", "[~accountid:712020:tom]", "Tomás Herrera"},
		{"the author of a comment on a team issue", "[~accountid:712020:priya]", "Priya Nair"},
		{"the user", "[~accountid:" + testMe.ID + "]", "Sam Rivera"},
		{"automation", "[~accountid:557058:bot]", "[colleague]"},
		{"someone the store has never seen", "[~accountid:712020:nobody]", "[colleague]"},
	}
	var comments []evidence.Activity
	for i, tt := range tests {
		comments = append(comments, comment(fmt.Sprint("c", i), testMe, storeNow.AddDate(0, -1, 0), "Thanks "+tt.mention+" for the numbers."))
	}
	first := testRecord("10001", "PAY-1", storeNow.AddDate(0, -1, 0), comments...)
	later := testRecord("10002", "PAY-2", storeNow.AddDate(0, 0, -7),
		comment("c-old", chloeOld, storeNow.AddDate(0, -2, 0), "Old news."),
		comment("c-new", chloe, storeNow.AddDate(0, 0, -7), "Looks good."),
		comment("c-bot", bot, storeNow.AddDate(0, 0, -7), "Deployed."))
	later.Issue.Reporter, later.Issue.Assignee = rita, john
	for _, rec := range []evidence.IssueRecord{first, later} {
		if _, err := savePage(ctx, s, site, []evidence.IssueRecord{rec}, fakeClassify, rec.Issue.Updated); err != nil {
			t.Fatal(err)
		}
	}
	team := next.TeamIssue{Issue: evidence.Issue{ID: "20001", Key: "OPS-1", Project: "OPS", Summary: "Rotate keys", Assignee: tom, Updated: storeNow},
		Comments: []evidence.Comment{{ID: "9", At: storeNow, Author: priya, Text: "On it."}}}
	if err := s.SaveTeamPage(ctx, site.ID, "scope", []next.TeamIssue{team}, storeNow); err != nil {
		t.Fatal(err)
	}

	p, err := s.Portfolio(ctx, evidence.Filter{}, storeNow)
	if err != nil {
		t.Fatal(err)
	}
	excerpts := map[string]string{}
	for _, ev := range p.Evidence {
		excerpts[ev.SourceID] = ev.Excerpt
	}
	for i, tt := range tests {
		if got, want := excerpts[fmt.Sprint("c", i)], "Thanks "+tt.want+" for the numbers."; got != want {
			t.Errorf("%s: excerpt %q, want %q", tt.name, got, want)
		}
	}
	// Redaction replaces every name of People, so it must hold each name a
	// quote may show.
	for _, name := range []string{"Chloé Dubois", "Rita Alves", "John Smith", "Tomás Herrera", "Priya Nair"} {
		if !slices.Contains(p.People, name) {
			t.Errorf("People %q lack %q, whom a quote names", p.People, name)
		}
	}
}
