package next

import (
	"strings"
	"testing"

	"github.com/pmfolio/pmfolio/evidence"
)

// goLiveBlocker makes is Kaveri's CORE-2210: a High defect Rohit has, in
// no sprint and with no fix version, that you said on 15 Sep cannot go
// live; nothing since. The team's next release goes live in a month.
func goLiveBlocker(is *TeamIssue) {
	is.Type, is.Priority, is.Status, is.StatusCategory = "Defect", "High", "Open", "new"
	is.Assignee, is.Created, is.Updated = evidence.User{ID: "rohit", DisplayName: "Rohit Sharma"}, days(100), days(64)
	is.Sprints, is.SprintState, is.StoryPoints, is.Description = nil, "", nil, "Hindi SMS template truncates after 70 chars."
	is.Comments = []evidence.Comment{{Author: me, At: days(64),
		Text: "Raising to High as this is a regulatory point (RBI audit observation). Cannot go live with this."}}
}

// A High or Highest issue someone has, that no sprint and no fix version
// plans and nobody has touched for weeks, slips past priority.top-unowned
// (it needs nobody assigned): raised, of its assignee, with the next
// release, when you said it blocks going live, or always at the top
// priority; and above a low-stakes triage.
func TestAHighIssueNobodyTouchedThatBlocksGoLive(t *testing.T) {
	cfg := builtin(t)
	release := func(key string) TeamIssue {
		is := story(key)
		date := now.AddDate(0, 0, 31)
		is.Releases = []Release{{Name: "4.15", Date: &date}}
		return is
	}
	const ifSo = "Ask Rohit Sharma whether it is being fixed for 4.15 (goes live Sat 19 Dec): if so, set the fix version and plan it into a sprint; if not, "
	tests := []struct {
		name    string
		edit    func(*TeamIssue)
		verdict *evidence.Comment // a go/no-go call on the release's other issue
		reason  string            // "" for nothing from the detector
		action  string
	}{
		{name: "High, you said it cannot go live", edit: goLiveBlocker,
			reason: "High priority, assigned to Rohit Sharma, with no fix version, no sprint and no word for 9 weeks; you wrote on 15 Sep: “Raising to High as this is a regulatory point (RBI audit observation). Cannot go live with this.”",
			action: ifSo + "ask whoever signs off 4.15 whether it goes live without it, and record the answer on it"},
		{name: "you make the release's go/no-go calls", edit: goLiveBlocker,
			verdict: &evidence.Comment{Author: me, At: days(10), Text: "*Go/No-Go dry run for 4.15:* {color:red}NO-GO{color}. We will re-assess on 15th."},
			action:  ifSo + "it is your call at 4.15's go/no-go: decide whether it goes live without it, and record the decision on it"},
		{name: "a teammate makes them", edit: goLiveBlocker,
			verdict: &evidence.Comment{Author: tomas, At: days(10), Text: "Go/No-Go for 4.15: GO, pending the DR drill."},
			action:  ifSo + "ask Tomás, who makes 4.15's go/no-go call, whether it goes live without it, and record the answer on it"},
		{name: "a go/no-go only scheduled is no call", edit: goLiveBlocker,
			verdict: &evidence.Comment{Author: tomas, At: days(10), Text: "Go/No-Go scheduled for 20th 4 PM."},
			action:  ifSo + "ask whoever signs off 4.15 whether it goes live without it, and record the answer on it"},
		{name: "else whoever filed it", edit: func(is *TeamIssue) { goLiveBlocker(is); is.Reporter = evidence.User{ID: "meena", DisplayName: "Meena"} },
			action: ifSo + "ask Meena, who filed it, whether they accept the risk of 4.15 going live without it, and record the answer on it"},
		{name: "Highest needs no word of yours", edit: func(is *TeamIssue) { goLiveBlocker(is); is.Priority, is.Comments = "Highest", nil },
			reason: "Highest priority, assigned to Rohit Sharma, with no fix version, no sprint and no word for 9 weeks"},
		// Quiet: no flood.
		{name: "High without your word is the team's call", edit: func(is *TeamIssue) { goLiveBlocker(is); is.Comments = nil }},
		{name: "Medium", edit: func(is *TeamIssue) { goLiveBlocker(is); is.Priority = "Medium" }},
		{name: "it has a fix version", edit: func(is *TeamIssue) { goLiveBlocker(is); is.FixVersions = []string{"4.15"} }},
		{name: "a sprint plans it", edit: func(is *TeamIssue) {
			goLiveBlocker(is)
			is.Sprints, is.SprintState = []string{"OPS Sprint 9"}, "active"
		}},
		{name: "someone wrote on it lately", edit: func(is *TeamIssue) {
			goLiveBlocker(is)
			is.Comments = append(is.Comments, evidence.Comment{Author: tomas, At: days(3), Text: "Fix is in review."})
			is.Updated = days(3)
		}},
		{name: "nobody has it: priority.top-unowned's", edit: func(is *TeamIssue) {
			goLiveBlocker(is)
			is.Priority, is.Assignee = "Highest", evidence.User{}
		}},
		{name: "done", edit: func(is *TeamIssue) { goLiveBlocker(is); is.Status, is.StatusCategory = "Done", "done" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			is := story("CORE-2210")
			is.Project = "CORE"
			tt.edit(&is)
			other := release("CORE-2265")
			other.Project, other.FixVersions = "CORE", []string{"4.15"}
			if tt.verdict != nil {
				other.Comments = []evidence.Comment{*tt.verdict}
			}
			got := detectedBy(t, cfg, []TeamIssue{is, other}, "priority.assigned-stale", tt.reason == "" && tt.action == "")
			if tt.reason == "" && tt.action == "" {
				return
			}
			if len(got) != 1 {
				t.Fatalf("found %+v, want one finding", got)
			}
			if tt.reason != "" && got[0].Reason != tt.reason {
				t.Errorf("reason %q\nwant   %q", got[0].Reason, tt.reason)
			}
			if tt.action != "" && got[0].Action != tt.action {
				t.Errorf("action %q\nwant   %q", got[0].Action, tt.action)
			}
		})
	}
	// It ranks above the triage of a Medium bug nobody set a priority on.
	blocker, triage := story("CORE-2210"), story("CORE-2268")
	goLiveBlocker(&blocker)
	triage.Type, triage.Priority, triage.Created, triage.Sprints, triage.SprintState = "Bug", "", days(20), nil, ""
	ranked := Find(cfg, Team{Site: site, Issues: []TeamIssue{triage, blocker}, Now: now}, nil)
	var order []string
	for _, op := range ranked {
		order = append(order, op.IssueKey+" "+op.Detector)
	}
	if len(order) < 2 || order[0] != "CORE-2210 priority.assigned-stale" {
		t.Errorf("ranked %q, want CORE-2210's first", strings.Join(order, "; "))
	}
}
