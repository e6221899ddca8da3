package next

import (
	"strings"
	"testing"

	"github.com/pmfolio/pmfolio/evidence"
)

// oldBug makes is the demo's OPS-1183: a High bug with no component,
// filed a year ago, nobody on it, its last word 11 months old.
func oldBug(is *TeamIssue) {
	is.Type, is.Priority, is.Components, is.Assignee = "Bug", "High", nil, evidence.User{}
	is.Summary, is.Created, is.Sprints, is.SprintState = "argo-cd pods stay Pending on the 1.30 staging nodes", days(365), nil, ""
	is.Comments = []evidence.Comment{comment(me, days(330), "Aiming this at the December release.")}
}

// A bug untriaged for months is asked first whether it still happens, as
// an old top-priority issue or a long-missed release is asked whether it
// is still wanted; a bug with a word lately, or a young one, is not.
func TestAnOldUntriagedBugIsAskedWhetherItStillHappens(t *testing.T) {
	cfg := builtin(t)
	tests := []struct {
		name   string
		edit   func(*TeamIssue)
		action string
	}{
		{name: "a year open, 11 months silent", edit: oldBug,
			action: "Ask the team whether it still happens (at High, nobody on it, no word for 11 months): if so, plan it into a sprint with an owner and set the component; if not, close it and say why"},
		{name: "silent since it was filed, someone's, no priority", edit: func(is *TeamIssue) {
			oldBug(is)
			is.Priority, is.Assignee, is.Comments, is.Created = "", tomas, nil, days(100)
		}, action: "Ask Tomás whether it still happens (no word since it was filed): if so, set the priority and component and say in a comment why it gets that priority; if not, close it and say why"},
		{name: "nobody on it, filed by a teammate: whoever filed it knows whether it still happens", edit: func(is *TeamIssue) {
			oldBug(is)
			is.Reporter = tomas
		}, action: "Ask Tomás, who filed it, whether it still happens (at High, nobody on it, no word for 11 months): if so, plan it into a sprint with an owner and set the component; if not, close it and say why"},
		{name: "a Medium bug that still happens wants its component, not a sprint", edit: func(is *TeamIssue) {
			oldBug(is)
			is.Priority = "Medium"
		}, action: "Ask the team whether it still happens (at Medium, nobody on it, no word for 11 months): if so, set the component; if not, close it and say why"},
		{name: "a word lately says it is alive", edit: func(is *TeamIssue) {
			oldBug(is)
			is.Comments = append(is.Comments, comment(tomas, days(14), "Hit it again on the new nodes."))
		}, action: "Triage it: set the component"},
		{name: "a young bug is triaged, not questioned", edit: func(is *TeamIssue) { oldBug(is); is.Created, is.Comments = days(30), nil },
			action: "Triage it: set the component"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			is := story("OPS-1")
			tt.edit(&is)
			got := detectedBy(t, cfg, []TeamIssue{is, story("OPS-2")}, "bug.untriaged", false)
			if len(got) != 1 || got[0].Action != tt.action {
				t.Errorf("found %+v, want the action %q", got, tt.action)
			}
		})
	}
}

// On a bug a release shipped without, re-planning it leads its entry, and
// its missing component follows, however much a competency gap raises
// the triage (the demo's OPS-1270).
func TestASlippedBugsReleaseLeadsItsTriage(t *testing.T) {
	cfg := builtin(t)
	bug := story("OPS-1")
	oldBug(&bug)
	shipped := days(49)
	bug.Created, bug.Comments, bug.Releases = days(85), nil, []Release{{Name: "platform-2026.09", Date: &shipped, Released: true}}
	// The portfolio shows no product judgment: prioritization's gap lifts
	// the triage by all of its weight.
	gaps := Gaps{"Organization": 100, "Product judgment": 0}
	var order []string
	for _, op := range Find(cfg, Team{Site: site, Issues: []TeamIssue{bug, story("OPS-2")}, Now: now}, gaps) {
		if op.IssueKey == "OPS-1" {
			order = append(order, op.Detector)
		}
	}
	if strings.Join(order, " ") != "release.missed bug.untriaged" {
		t.Errorf("suggestions on the bug in order %q, want release.missed first", order)
	}
}
