package next

import (
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// waitedOnCall makes call (OPS-2) the user's priority call of 60 days
// ago that put waited (OPS-1, "Onboarding carousel new copy", filed by
// Tomás) off a sprint, and ranks waited lower a minute later: the Pitanga
// site's MOB-896 and MOB-898. waited is still To Do, unassigned, in no
// sprint, untouched since.
func waitedOnCall(waited, call *TeamIssue) map[string][]time.Time {
	waited.Summary, waited.Reporter, waited.Assignee, waited.Created = "Onboarding carousel new copy", tomas, evidence.User{}, days(70)
	waited.Sprints, waited.SprintState, waited.SprintList, waited.Updated = nil, "", nil, days(60).Add(time.Minute)
	call.Summary, call.Status, call.StatusCategory = "Push notification when the order leaves the store", "Done", "done"
	call.Comments = []evidence.Comment{comment(me, days(60), "putting this above the onboarding copy. 'where is my order' is 22% of support tickets, the carousel can wait a sprint")}
	return map[string][]time.Time{waited.ID: {days(60).Add(time.Minute)}}
}

// Work the user's own priority call elsewhere made wait for a time now
// passed, with nothing done on it since, is a word to whoever filed it,
// as the user's own put-off on it is (the Pitanga site's MOB-898).
func TestWorkYourCallMadeWaitIsToldWhereItStands(t *testing.T) {
	cfg := builtin(t)
	tests := []struct {
		name           string
		edit           func(waited, call *TeamIssue, ranked map[string][]time.Time)
		reason, action string // "" for nothing from the detector
	}{
		{name: "ranked lower with the call, a sprint long passed",
			reason: "you wrote on OPS-2 on 19 Sep “'where is my order' is 22% of support tickets, the carousel can wait a sprint”, and 8 weeks later it is still To Do, in no sprint, with no word since",
			action: "Tell Tomás where the carousel stands: you said on 19 Sep it could wait a sprint, and 8 weeks have passed; plan it into a sprint, or close it and say why"},
		{name: "named by key, not ranked", edit: func(_, call *TeamIssue, ranked map[string][]time.Time) {
			delete(ranked, "OPS-1")
			call.Comments[0].Text = "putting this above OPS-1, it can wait a sprint"
		}, reason: "you wrote on OPS-2 on 19 Sep “putting this above OPS-1, it can wait a sprint”", action: "Tell Tomás where “Onboarding carousel new copy” stands: you said on 19 Sep it could wait a sprint, and 8 weeks have passed"},
		{name: "addressed to someone by name", edit: func(_, call *TeamIssue, _ map[string][]time.Time) {
			call.Assignee = jonas
			call.Comments[0].Text = "putting this above the onboarding copy. Jonas, the carousel can wait a sprint"
		}, reason: "you wrote on OPS-2", action: "Tell Jonas where the carousel stands"},
		{name: "a wait till the next sprint, of the rest", edit: func(_, call *TeamIssue, _ map[string][]time.Time) {
			call.Comments[0].Text = "putting this above OPS-1. the rest can wait till next sprint"
		}, reason: "you wrote on OPS-2", action: "Tell Tomás where “Onboarding carousel new copy” stands: you said on 19 Sep it could wait till next sprint, and 8 weeks have passed"},
		// Quiet.
		{name: "neither named nor ranked lower", edit: func(_, _ *TeamIssue, ranked map[string][]time.Time) { delete(ranked, "OPS-1") }},
		{name: "ranked lower, but no word of its summary", edit: func(_, call *TeamIssue, _ map[string][]time.Time) {
			call.Comments[0].Text = "putting this first, the rest can wait a sprint"
		}},
		{name: "ranked lower a day apart from the call", edit: func(_, _ *TeamIssue, ranked map[string][]time.Time) {
			ranked["OPS-1"] = []time.Time{days(59)}
		}},
		{name: "the sprint has not passed", edit: func(waited, call *TeamIssue, ranked map[string][]time.Time) {
			call.Comments[0].At, waited.Updated, ranked["OPS-1"] = days(10), days(10), []time.Time{days(10)}
		}},
		{name: "touched since", edit: func(waited, _ *TeamIssue, _ map[string][]time.Time) { waited.Updated = days(30) }},
		{name: "a wait on a condition", edit: func(_, call *TeamIssue, _ map[string][]time.Time) {
			call.Comments[0].Text = "if the push goes first, the carousel can wait a sprint"
		}},
		{name: "a teammate's call", edit: func(_, call *TeamIssue, _ map[string][]time.Time) { call.Comments[0].Author = tomas }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			waited, call := story("OPS-1"), story("OPS-2")
			ranked := waitedOnCall(&waited, &call)
			if tt.edit != nil {
				tt.edit(&waited, &call, ranked)
			}
			found := checkOverdue(t, cfg, Team{Site: site, Issues: []TeamIssue{waited, call}, Now: now, RankedLower: ranked}, tt.reason, tt.action)
			if tt.reason != "" && len(found) == 1 && (found[0].Category != evidence.CatStakeholderComms || found[0].IssueKey != "OPS-1") {
				t.Errorf("found %s on %s, want stakeholder communication on OPS-1", found[0].Category, found[0].IssueKey)
			}
		})
	}
}
