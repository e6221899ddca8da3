package next

import (
	"strings"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// promisedStory is a story with no acceptance criteria in the next
// sprint, OPS Sprint 10, which starts Mon 30 Nov; on Fri 13 Nov the user
// wrote on it what they had told someone.
func promisedStory(told string) TeamIssue {
	is := story("OPS-1")
	is.Description, is.SprintState, is.Sprints = "As a dev I want X.", "future", []string{"OPS Sprint 10"}
	start, end := time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC), time.Date(2026, 12, 14, 7, 0, 0, 0, time.UTC)
	is.SprintList = []Sprint{{ID: 10, Name: "OPS Sprint 10", State: "future", Start: &start, End: &end}}
	is.Comments = []evidence.Comment{comment(me, days(5), told)}
	return is
}

func TestABrokenDatedPromiseIsToldFirst(t *testing.T) {
	cfg := builtin(t)
	noCriteria := story("OPS-2")
	noCriteria.Description = "As a dev I want X."
	sam := evidence.User{ID: "sam", DisplayName: "Sam O'Connor"}
	chloe := evidence.User{ID: "chloe", DisplayName: "Chloé Dubois"}
	hana := "Hana from security asked where this is: it goes live on the 25th. I'll keep you posted here."
	call := comment(me, days(1), "Went through OPS Sprint 9 before planning: this one goes ahead of OPS-9, it has someone waiting on it.")
	moved := map[string][]SprintMove{"OPS-1": {{By: sam, From: "OPS Sprint 9", To: "OPS Sprint 10", At: days(1).Add(10 * time.Minute)}}}

	overruled := promisedStory(hana)
	overruled.Comments = append(overruled.Comments, call)
	passed := promisedStory("Hana from security asked where this is: it goes live on the 16th.")
	passed.SprintState, passed.SprintList = "active", nil
	mentioned := promisedStory("[~chloe] asked where this is: it goes live on the 25th.")
	mentioned.Reporter = chloe
	nobody := promisedStory("It goes live on the 25th.")
	inTime := promisedStory("Hana from security asked where this is: it goes live on the 2nd.")
	alone := promisedStory(hana)
	alone.Description = story("OPS-1").Description
	theirs := promisedStory(hana)
	theirs.Comments[0].Author = tomas
	tests := []struct {
		name  string
		is    TeamIssue
		moves map[string][]SprintMove
		why   string // what OPS-1's reason says first ("" for no promise)
		do    string // how its action starts
	}{
		{name: "planned into a sprint that starts after the date, moved there soon after your call", is: overruled, moves: moved,
			why: "you told Hana on 13 Nov “it goes live on the 25th”, but Sam O'Connor moved it to OPS Sprint 10 (starts Mon 30 Nov) 10 minutes after you put it ahead of OPS-9; ",
			do:  "Tell Hana before Wed 25 Nov that it will not make the 25th, and give a new date; then write acceptance criteria"},
		{name: "planned into a sprint that starts after the date", is: promisedStory(hana),
			why: "you told Hana on 13 Nov “it goes live on the 25th”, but it is planned into OPS Sprint 10, which starts Mon 30 Nov; ",
			do:  "Tell Hana before Wed 25 Nov"},
		{name: "the date passed with the work open", is: passed,
			why: "you told Hana on 13 Nov “it goes live on the 16th”, and the 16th has passed with it To Do; ",
			do:  "Tell Hana it missed the 16th, and give a new date; then write acceptance criteria"},
		{name: "nothing else to do on it: told on its own", is: alone,
			why: "you told Hana on 13 Nov “it goes live on the 25th”, but it is planned into OPS Sprint 10, which starts Mon 30 Nov",
			do:  "Tell Hana before Wed 25 Nov that it will not make the 25th, and give a new date"},
		{name: "a person mentioned is named", is: mentioned,
			why: "you told Chloé Dubois on 13 Nov “it goes live on the 25th”", do: "Tell Chloé Dubois before Wed 25 Nov"},
		// No person named, a date the plan still meets, or a teammate's
		// word: nobody waits on the user's.
		{name: "a date told to nobody", is: nobody, do: "Write acceptance criteria"},
		{name: "a sprint that starts before the date", is: inTime, do: "Write acceptance criteria"},
		{name: "a teammate's promise", is: theirs, do: "Write acceptance criteria"},
	}
	for _, tt := range tests {
		ranked := Find(cfg, Team{Site: site, Issues: []TeamIssue{noCriteria, tt.is}, Now: now, SprintMoves: tt.moves}, Gaps{})
		if len(ranked) == 0 || ranked[0].IssueKey != "OPS-1" && tt.why != "" {
			t.Errorf("%s: ranked %+v, want OPS-1 first, before the other story with no criteria", tt.name, ranked)
			continue
		}
		for _, op := range ranked {
			if op.IssueKey != "OPS-1" {
				continue
			}
			if tt.why != "" && !strings.HasPrefix(op.Reason, tt.why) || tt.why == "" && strings.Contains(op.Reason, "you told") {
				t.Errorf("%s: reason %q, want it to start %q", tt.name, op.Reason, tt.why)
			}
			if !strings.HasPrefix(op.Action, tt.do) {
				t.Errorf("%s: action %q, want it to start %q", tt.name, op.Action, tt.do)
			}
			break
		}
	}
}
