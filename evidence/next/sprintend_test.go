package next

import (
	"cmp"
	"strings"
	"testing"

	"github.com/pmfolio/pmfolio/evidence"
)

// urgentInSprint makes is a Highest bug in the running OPS Sprint 9,
// which started 9 days ago and ends on Monday 23 Nov: nobody has it,
// nobody started it, nobody has written on it for a month.
func urgentInSprint(is *TeamIssue) {
	is.Type, is.Priority, is.Assignee, is.Created = "Bug", "Highest", evidence.User{}, days(30)
	is.Summary = "Build cache misses after every base image update"
	is.SprintList = []Sprint{sprintAt(9, "active", 9)}
}

// A sprint is not an owner: an urgent issue planned into the running
// sprint that nobody has taken near its end is found (the demo's
// OPS-1338), and ranks near the top.
func TestAnUrgentIssueNobodyTookNearTheSprintsEnd(t *testing.T) {
	cfg := builtin(t)
	tests := []struct {
		name   string
		edit   func(*TeamIssue)
		reason string // "" for nothing from the detector
		action string // "" for the last week's
	}{
		{name: "Highest bug nobody took, the sprint ends Monday", edit: urgentInSprint,
			reason: "Highest priority bug in the running sprint (OPS Sprint 9, ends Mon 23 Nov), not started and with nobody on it"},
		{name: "High is urgent too", edit: func(is *TeamIssue) { urgentInSprint(is); is.Type, is.Priority = "Story", "High" },
			reason: "High priority story in the running sprint (OPS Sprint 9, ends Mon 23 Nov)"},
		{name: "a sprint past its end and not yet closed", edit: func(is *TeamIssue) {
			urgentInSprint(is)
			is.SprintList = []Sprint{sprintAt(9, "active", 16)}
		}, reason: "(OPS Sprint 9, was due to end Mon 16 Nov)"},
		// The top priority does not wait for the sprint's last week (the
		// Pitanga site's MOB-928).
		{name: "Highest with seven working days to go, nobody on it for days", edit: func(is *TeamIssue) {
			urgentInSprint(is)
			is.SprintList = []Sprint{sprintAt(9, "active", 4)}
		}, reason: "Highest priority bug in the running sprint (OPS Sprint 9, ends Sat 28 Nov), not started and with nobody on it",
			action: "Find it an owner at stand-up today"},
		{name: "what it costs is quoted, and whoever said it is told", edit: func(is *TeamIssue) {
			urgentInSprint(is)
			is.Created, is.SprintList = days(5), []Sprint{sprintAt(9, "active", 4)}
			is.Comments = []evidence.Comment{
				{Author: evidence.User{ID: "mariana", DisplayName: "Mariana Rocha"}, At: days(3), Text: "14 support tickets this week"},
				{Author: tomas, At: days(2), Text: "22 tickets now"},
				{Author: site.User, At: days(1), Text: "100 users asked me"},
			}
		}, reason: "not started and with nobody on it; Tomás wrote on 16 Nov: “22 tickets now”",
			action: "Find it an owner at stand-up today, and tell Tomás who has it"},
		{name: "a comment that says no cost is not quoted", edit: func(is *TeamIssue) {
			urgentInSprint(is)
			is.SprintList = []Sprint{sprintAt(9, "active", 4)}
			is.Comments = []evidence.Comment{{Author: tomas, At: days(2), Text: "any news?"}}
		}, reason: "not started and with nobody on it", action: "Find it an owner at stand-up today"},
		// Quiet.
		{name: "Medium is not urgent", edit: func(is *TeamIssue) { urgentInSprint(is); is.Priority = "Medium" }},
		{name: "Major is Jira Server's default, not urgent", edit: func(is *TeamIssue) { urgentInSprint(is); is.Priority = "Major" }},
		{name: "someone has it", edit: func(is *TeamIssue) { urgentInSprint(is); is.Assignee = tomas }},
		{name: "someone started it", edit: func(is *TeamIssue) {
			urgentInSprint(is)
			is.Status, is.StatusCategory = "In Progress", "indeterminate"
		}},
		{name: "High with seven working days to go: the team still pulls its work", edit: func(is *TeamIssue) {
			urgentInSprint(is)
			is.Priority, is.SprintList = "High", []Sprint{sprintAt(9, "active", 4)}
		}},
		{name: "Highest put into the sprint a working day ago: stand-up has not met yet", edit: func(is *TeamIssue) {
			urgentInSprint(is)
			is.Created, is.SprintList = days(1), []Sprint{sprintAt(9, "active", 4)}
		}},
		{name: "planned into the next sprint, not the running one", edit: func(is *TeamIssue) {
			urgentInSprint(is)
			is.SprintState, is.SprintList = "future", []Sprint{sprintAt(10, "future", -5)}
		}},
		{name: "a sprint without dates says nothing of its end", edit: func(is *TeamIssue) { urgentInSprint(is); is.SprintList = nil }},
		{name: "an epic is planned by its children", edit: func(is *TeamIssue) { urgentInSprint(is); is.Type = "Epic" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			is := story("OPS-1")
			tt.edit(&is)
			var found []Opportunity
			for _, op := range Detect(cfg, Team{Site: site, Issues: []TeamIssue{is}, Now: now}) {
				if op.Detector == "priority.top-unowned" {
					t.Errorf("priority.top-unowned spoke of a sprint's issue: %s", op.Reason)
				}
				if op.Detector == "sprint.unowned-priority" {
					found = append(found, op)
				}
			}
			switch {
			case tt.reason == "" && len(found) > 0:
				t.Errorf("found %q, want nothing", found[0].Reason)
			case tt.reason != "" && (len(found) != 1 || !strings.Contains(found[0].Reason, tt.reason)):
				t.Errorf("found %+v, want one finding with %q", found, tt.reason)
			case tt.reason != "" && found[0].Action != cmp.Or(tt.action, "Find it an owner at stand-up, or move it out of OPS Sprint 9 and say why"):
				t.Errorf("action %q", found[0].Action)
			case tt.reason != "" && strings.HasSuffix(found[0].Reason, "nobody on it") != !strings.Contains(tt.reason, "wrote"):
				t.Errorf("reason %q, want %q", found[0].Reason, tt.reason)
			}
		})
	}
}

// Due when its sprint ends, it ranks above the grooming of the same
// sprint, and why does not say the sprint its reason says.
func TestAnUrgentIssueNobodyTookRanksNearTheTop(t *testing.T) {
	cfg := builtin(t)
	urgent, groom := story("OPS-1"), story("OPS-2")
	urgentInSprint(&urgent)
	groom.Description, groom.StoryPoints = "We need X.", nil
	got := Find(cfg, Team{Site: site, Issues: []TeamIssue{groom, urgent}, Now: now}, nil)
	if len(got) == 0 || got[0].Detector != "sprint.unowned-priority" {
		t.Fatalf("ranked %+v, want sprint.unowned-priority first", got)
	}
	if strings.Contains(strings.Join(got[0].Why, "; "), "running sprint") {
		t.Errorf("why repeats the sprint: %q", got[0].Why)
	}
}
