package next

import (
	"strings"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// deferredOnLaunch makes dropped (OPS-2, "Dark mode for the new payment
// screen", filed by Tomás) a story under the epic OPS-1 that the user
// closed as Won't Do a minute after "we revisit after launch", 120 days
// ago; the epic was done 40 days ago, and its child OPS-3 shipped in 5.3
// 70 days ago: the Pitanga site's MOB-887.
func deferredOnLaunch(epicIs, dropped, shipped *TeamIssue) {
	said := days(120)
	closed, done, release := said.Add(time.Minute), days(40), days(70)
	epicIs.Type, epicIs.Summary, epicIs.Status, epicIs.StatusCategory, epicIs.Resolution, epicIs.Resolved = "Epic", "Checkout that doesn't crash", "Done", "done", "Done", &done
	dropped.Summary, dropped.Reporter, dropped.Assignee, dropped.ParentKey, dropped.Created = "Dark mode for the new payment screen", tomas, evidence.User{}, "OPS-1", days(150)
	dropped.Status, dropped.StatusCategory, dropped.Resolution, dropped.Resolved, dropped.Updated = "Done", "done", "Won't Do", &closed, closed
	dropped.Comments = []evidence.Comment{comment(tomas, days(121), "if we do dark mode now it's +1 week"),
		comment(me, said, "ok let's ship without dark mode, we revisit after launch. the crashes are what's hurting us")}
	shipped.ParentKey, shipped.Status, shipped.StatusCategory, shipped.Resolution, shipped.Resolved = "OPS-1", "Done", "done", "Done", &release
	shipped.Releases = []Release{{Name: "5.3", Date: &release, Released: true}}
}

// The user's own deferral of an issue they closed, on a condition the
// data shows met, with nobody back on it since, asks them to reopen it or
// tell whoever filed it; a condition the data does not show met asks
// nothing.
func TestYourDeferralOnAConditionNowMetIsRaised(t *testing.T) {
	cfg := builtin(t)
	tests := []struct {
		name           string
		edit           func(epic, dropped, shipped *TeamIssue)
		reason, action string // "" for nothing from the detector
	}{
		{name: "after launch, the epic's last release shipped",
			reason: "you wrote on 21 Jul “ok let's ship without dark mode, we revisit after launch” and closed it as Won't Do; its epic “Checkout that doesn't crash” shipped in 5.3 on 9 Sep and was done on 9 Oct, with no word on it since",
			action: "You said on 21 Jul you'd revisit “Dark mode for the new payment screen” after launch; 5.3 shipped on 9 Sep and nobody has: reopen it or tell Tomás it stays closed"},
		{name: "after launch, the epic done with no release", edit: func(_, _, shipped *TeamIssue) { shipped.Releases = nil },
			action: "You said on 21 Jul you'd revisit “Dark mode for the new payment screen” after launch; its epic “Checkout that doesn't crash” was done on 9 Oct and nobody has"},
		{name: "once it ships", edit: func(_, dropped, _ *TeamIssue) {
			dropped.Comments[1].Text = "Dropping it for now, we'll revisit once it ships"
		}, action: "You said on 21 Jul you'd revisit “Dark mode for the new payment screen” once it ships; 5.3 shipped on 9 Sep"},
		{name: "after a version that shipped", edit: func(_, dropped, _ *TeamIssue) {
			dropped.ParentKey, dropped.Comments[1].Text = "", "not for this release, we revisit after 5.3"
		}, action: "You said on 21 Jul you'd revisit “Dark mode for the new payment screen” after 5.3; 5.3 shipped on 9 Sep and nobody has"},
		{name: "in a quarter that is over", edit: func(_, dropped, _ *TeamIssue) {
			dropped.Comments[1].Text = "talked to Tomás, we'll drop it for now and revisit in Q3"
		}, reason: "you wrote on 21 Jul “talked to Tomás, we'll drop it for now and revisit in Q3” and closed it as Won't Do; Q3 ended on 30 Sep",
			action: "You said on 21 Jul you'd revisit “Dark mode for the new payment screen” in Q3; Q3 ended on 30 Sep and nobody has"},
		{name: "filed by the user", edit: func(_, dropped, _ *TeamIssue) { dropped.Reporter = me },
			action: "You said on 21 Jul you'd revisit “Dark mode for the new payment screen” after launch; 5.3 shipped on 9 Sep and nobody has: reopen it or say on it why it stays closed"},
		// Quiet.
		{name: "the epic not done", edit: func(epic, _, _ *TeamIssue) {
			epic.Status, epic.StatusCategory, epic.Resolution, epic.Resolved = "In Progress", "indeterminate", "", nil
		}},
		{name: "the epic dropped", edit: func(epic, _, _ *TeamIssue) { epic.Resolution = "Won't Do" }},
		{name: "no epic to launch", edit: func(_, dropped, _ *TeamIssue) { dropped.ParentKey = "" }},
		{name: "a version not released", edit: func(_, dropped, _ *TeamIssue) {
			dropped.Comments[1].Text = "not for this release, we revisit after 5.4"
		}},
		{name: "a quarter not over", edit: func(_, dropped, _ *TeamIssue) {
			dropped.Comments[1].Text = "we'll drop it for now and revisit in Q1 2027"
		}},
		{name: "no condition", edit: func(_, dropped, _ *TeamIssue) { dropped.Comments[1].Text = "ok let's ship without dark mode" }},
		{name: "closed as done", edit: func(_, dropped, _ *TeamIssue) { dropped.Resolution = "Done" }},
		{name: "closed days after the word", edit: func(_, dropped, _ *TeamIssue) {
			later := days(110)
			dropped.Resolved, dropped.Updated = &later, later
		}},
		{name: "someone wrote since", edit: func(_, dropped, _ *TeamIssue) {
			dropped.Comments = append(dropped.Comments, comment(tomas, days(20), "launch is out, can we pick this up?"))
		}},
		{name: "touched since it was closed", edit: func(_, dropped, _ *TeamIssue) { dropped.Updated = days(20) }},
		{name: "a teammate's deferral", edit: func(_, dropped, _ *TeamIssue) { dropped.Comments[1].Author = jonas }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			epicIs, dropped, shipped := story("OPS-1"), story("OPS-2"), story("OPS-3")
			deferredOnLaunch(&epicIs, &dropped, &shipped)
			if tt.edit != nil {
				tt.edit(&epicIs, &dropped, &shipped)
			}
			var found []Opportunity
			for _, op := range Detect(cfg, Team{Site: site, Now: now, Closed: []TeamIssue{epicIs, dropped, shipped}}) {
				if op.Detector == "promise.revisit-due" {
					found = append(found, op)
				}
			}
			switch {
			case tt.action == "" && len(found) > 0:
				t.Errorf("found %q, want nothing", found[0].Action)
			case tt.action != "" && (len(found) != 1 || !strings.HasPrefix(found[0].Reason, tt.reason) || !strings.HasPrefix(found[0].Action, tt.action)):
				t.Errorf("found %+v, want one with %q => %q", found, tt.reason, tt.action)
			case len(found) == 1 && (found[0].IssueKey != "OPS-2" || found[0].Category != evidence.CatStakeholderComms || !found[0].YourWord):
				t.Errorf("found %s on %s (your word %v), want stakeholder communication on OPS-2, your word", found[0].Category, found[0].IssueKey, found[0].YourWord)
			}
		})
	}
}
