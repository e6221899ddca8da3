package next

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/pmfolio/pmfolio/evidence"
)

// capa makes is the corrective action DC's RCA left (CORE-2216): filed
// with the RCA 11 weeks ago, linked to it, Tomás's, in no sprint, with no
// word since.
func capa(is *TeamIssue) {
	is.Type, is.Summary, is.Description = "Task", "Page on-call on NEFT batch failure", "CAPA from OPS-2."
	is.Created, is.Updated, is.Sprints, is.SprintState = days(80), days(80), nil, ""
	is.Links = []evidence.IssueLink{{Type: "Relates", Direction: "outward", Description: "relates to", OtherKey: "OPS-2", OtherStatusCategory: "done"}}
}

// rca makes is the root cause analysis of an incident, done.
func rca(is *TeamIssue) {
	resolved := days(79)
	is.Type, is.Summary, is.Description = "Task", "RCA: NEFT outward batch 3 failure on 17-Sep", "h3. Root cause\nA data copy job filled the tablespace."
	is.Created, is.Status, is.StatusCategory, is.Resolution, is.Resolved = days(80), "Closed", "done", "Done", &resolved
	is.Sprints, is.SprintState = nil, ""
}

// crashBug makes is a crash support filed as a Bug, resolved the day it
// was filed, 81 days ago: an incident by its words alone.
func crashBug(is *TeamIssue) {
	resolved := days(81)
	is.Type, is.Summary, is.Description = "Bug", "App closes when opening order history", "Lots of tickets since this morning."
	is.Created, is.Status, is.StatusCategory, is.Resolution, is.Resolved = days(81), "Done", "done", "Done", &resolved
	is.Sprints, is.SprintState = nil, ""
}

// An incident's follow-up nobody followed up is found, named with what it
// follows up (DC's CORE-2216, the demo's OPS-1188); other quiet issues
// that look like follow-ups are not.
func TestAnIncidentsFollowUpLeftAloneIsFound(t *testing.T) {
	cfg := builtin(t)
	tests := []struct {
		name           string
		edits          []func(*TeamIssue)
		reason, action string // "" for nothing from the detector
	}{
		{name: "a corrective action linked to the RCA, silent since it was filed", edits: []func(*TeamIssue){capa, rca, func(*TeamIssue) {}},
			reason: "follow-up of OPS-2 (“RCA: NEFT outward batch 3 failure on 17-Sep”), open for 11 weeks with no word since it was filed",
			action: "Ask Tomás for a date, and plan it into a sprint: it is what keeps the incident from happening again. If it is no longer needed, close it and say why"},
		{name: "a follow-up that says so, of a postmortem the team's read does not hold",
			edits: []func(*TeamIssue){func(is *TeamIssue) {
				is.Type, is.Summary, is.Labels = "Task", "Follow-up: require review for pool size changes", []string{"follow-up", "observability"}
				is.Description = "From the postmortem PAY-1186 of PAY-3416: require review for pool size changes."
				is.Created, is.Updated, is.Sprints, is.SprintState, is.Assignee = days(340), days(300), nil, "", evidence.User{}
				is.Comments = []evidence.Comment{comment(tomas, days(300), "Not sure about the estimate, it feels bigger than 3 points.")}
			}, func(*TeamIssue) {}}, // a team of sprints
			reason: "follow-up of PAY-1186, open for 11 months with no word for 10 months",
			action: "Ask the team whether it is still needed to keep the incident from happening again: if so, find it an owner and a date and plan it into a sprint; if not, close it and say why"},
		{name: "months without a word, with an owner: one either/or with them, not a question and then an order",
			edits: []func(*TeamIssue){
				func(is *TeamIssue) { capa(is); is.Created, is.Updated = days(300), days(300) },
				func(is *TeamIssue) { rca(is); is.Created = days(301) },
				func(*TeamIssue) {}}, // a team of sprints
			reason: "follow-up of OPS-2 (“RCA: NEFT outward batch 3 failure on 17-Sep”), open for 10 months with no word since it was filed",
			action: "Ask Tomás whether it is still needed to keep the incident from happening again: if so, get a date and plan it into a sprint; if not, close it and say why"},
		{name: "a team without sprints is asked for a date", edits: []func(*TeamIssue){capa, rca},
			reason: "follow-up of OPS-2", action: "Ask Tomás for a date: it is what keeps the incident from happening again."},
		{name: "an action filed from an incident, under it", edits: []func(*TeamIssue){
			func(is *TeamIssue) {
				capa(is)
				is.Links, is.ParentKey, is.Description = nil, "OPS-2", "Alert when the batch fails."
			},
			func(is *TeamIssue) { rca(is); incident(is); is.Created = days(81) }},
			reason: "follow-up of OPS-2 (“INC: card payments failing for EU merchants”)"},
		// An incident run on a Bug (the Pitanga site's MOB-888): its
		// follow-up says which crash, and when.
		{name: "from the crash on a day, linked to the bug it came from", edits: []func(*TeamIssue){
			func(is *TeamIssue) {
				capa(is)
				is.Description = "From the mobile crash on 30/07: send a tombstone instead of null."
			},
			crashBug},
			reason: "follow-up of OPS-2 (“App closes when opening order history”), open for 11 weeks"},
		{name: "from the day's crash, linked to the bug it came from", edits: []func(*TeamIssue){
			func(is *TeamIssue) { capa(is); is.Description = "From the 30/07 crash." },
			crashBug},
			reason: "follow-up of OPS-2 (“App closes when opening order history”)"},
		// Quiet.
		{name: "a bug's follow-up that names no incident's day is no incident's", edits: []func(*TeamIssue){
			func(is *TeamIssue) {
				capa(is)
				is.Description = "From the crash reporter: group the stack traces by screen."
			},
			crashBug}},
		{name: "a bug's follow-up is no incident's", edits: []func(*TeamIssue){
			func(is *TeamIssue) { capa(is); is.Description = "Also clear the cache on logout." },
			crashBug}},
		{name: "a word this month is the follow-up followed up", edits: []func(*TeamIssue){
			func(is *TeamIssue) {
				capa(is)
				is.Comments = []evidence.Comment{comment(tomas, days(20), "Alert rule drafted, reviewing with the DBAs.")}
			}, rca}},
		{name: "planned into the running sprint", edits: []func(*TeamIssue){
			func(is *TeamIssue) { capa(is); is.Sprints, is.SprintState = []string{"OPS Sprint 9"}, "active" }, rca}},
		{name: "done", edits: []func(*TeamIssue){
			func(is *TeamIssue) { capa(is); is.Status, is.StatusCategory = "Done", "done" }, rca}},
		{name: "an older issue linked to the incident is no action it left", edits: []func(*TeamIssue){
			func(is *TeamIssue) {
				capa(is)
				is.Created, is.Updated, is.Description = days(200), days(200), "The batch has no alert."
			}, rca}},
		{name: "a follow-up of a meeting is no incident's", edits: []func(*TeamIssue){func(is *TeamIssue) {
			is.Summary, is.Labels, is.Description = "Follow-up: send the planning notes to finance", []string{"follow-up"}, "From Tuesday's planning."
			is.Created, is.Updated, is.Sprints, is.SprintState = days(80), days(80), nil, ""
		}}},
		{name: "linked to an ordinary done task", edits: []func(*TeamIssue){
			func(is *TeamIssue) { capa(is); is.Description = "Alert when the batch fails." },
			func(is *TeamIssue) { rca(is); is.Summary, is.Description = "Rotate the batch credentials", "" }}},
		{name: "the postmortem itself is incident.no-postmortem's world, not a follow-up", edits: []func(*TeamIssue){
			func(is *TeamIssue) {
				rca(is)
				is.Status, is.StatusCategory, is.Resolved = "To Do", "new", nil
				is.Updated = days(80)
			}}},
		{name: "yours is yours", edits: []func(*TeamIssue){func(is *TeamIssue) { capa(is); is.Assignee = me }, rca}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			issues := storiesEdited(tt.edits)
			var found []Opportunity
			for _, op := range Detect(cfg, Team{Site: site, Issues: issues, Now: now}) {
				if op.Detector == "incident.follow-up-stale" {
					found = append(found, op)
				}
			}
			switch {
			case tt.reason == "" && len(found) > 0:
				t.Errorf("found %q, want nothing", found[0].Reason)
			case tt.reason != "" && (len(found) != 1 || found[0].IssueKey != "OPS-1" || !strings.HasPrefix(found[0].Reason, tt.reason) ||
				!strings.HasPrefix(found[0].Action, tt.action)):
				t.Errorf("found %+v, want OPS-1's with %q => %q", found, tt.reason, tt.action)
			}
		})
	}
}

func TestPromiseInReadsAPromiseToTakeTheIssueUpSoon(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Will pick this up next sprint.", "Will pick this up next sprint."},
		{"Sure, I'll take this next week. Ping me if it gets worse.", "Sure, I'll take this next week."},
		{"Picking it up tomorrow", "Picking it up tomorrow"},
		{"I will look at it on Monday.", "I will look at it on Monday."},
		// A version number ends no sentence.
		{"Will pick this up with v2.4 next sprint.", "Will pick this up with v2.4 next sprint."},
		// An offer, a condition, someone else's, nobody's, a question,
		// a report of progress.
		{"I can take this next sprint if nobody else does.", ""},
		{"Will pick this up after OPS-1187 — probably Friday.", ""},
		{"Sam will pick this up next sprint.", ""},
		{"Nobody will pick this up next sprint.", ""},
		{"Will you pick this up next sprint?", ""},
		{"halfway, PR next week", ""},
		{"Will pick this up.", ""},
		{"> Will pick this up next sprint.\nDid you?", ""},
	}
	for _, tt := range tests {
		if got := promiseIn(tt.text); got != tt.want {
			t.Errorf("promiseIn(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// felixPromised makes is a task in no sprint, not started, whose assignee
// Felix wrote 15 weeks ago that he would pick it up next sprint, his last
// word on it (the Dev site's PAY-823).
func felixPromised(is *TeamIssue) {
	felix := evidence.User{ID: "felix", DisplayName: "Felix"}
	is.Type, is.Summary, is.Assignee, is.Created = "Task", "Canary check for tokenize response schema", felix, days(110)
	is.Sprints, is.SprintState = nil, ""
	is.Comments = []evidence.Comment{comment(me, days(106), "Can someone own this? The tokenize schema broke twice."),
		comment(felix, days(105), "Will pick this up next sprint.")}
}

// A teammate's promise to take an issue up soon, long past and not kept,
// is found, naming who promised and when, in their words.
func TestAPromiseNotKeptIsFound(t *testing.T) {
	cfg := builtin(t)
	tests := []struct {
		name           string
		edit           func(*TeamIssue)
		reason, action string // "" for nothing from the detector
	}{
		{name: "next sprint, 15 weeks ago, still To Do in no sprint", edit: felixPromised,
			reason: "Felix wrote on 5 Aug “Will pick this up next sprint.”, and 3 months later it is still To Do, in no sprint",
			action: "Ask Felix whether it is still needed after 3 months without a word: if so, get a date and plan it into a sprint, or find it another owner; if not, close it and say why"},
		{name: "nobody assigned, a month since a promise for next week", edit: func(is *TeamIssue) {
			felixPromised(is)
			is.Assignee, is.Comments[1].Text, is.Comments[1].At = evidence.User{}, "Sure, I'll take this next week.", days(35)
		}, reason: "Felix wrote on 14 Oct “Sure, I'll take this next week.”, and 5 weeks later", action: "Ask Felix whether it still comes"},
		{name: "a promiser who left is told as gone", edit: func(is *TeamIssue) {
			felixPromised(is)
			is.Comments[1].Author.Inactive, is.Assignee.Inactive = true, true
		}, reason: "Felix wrote on 5 Aug", action: "Felix has left: reassign it or close it"},
		// Quiet.
		{name: "a promise of last week is not overdue", edit: func(is *TeamIssue) { felixPromised(is); is.Comments[1].At = days(7) }},
		{name: "started", edit: func(is *TeamIssue) { felixPromised(is); is.Status, is.StatusCategory = "In Progress", "indeterminate" }},
		{name: "planned into the running sprint", edit: func(is *TeamIssue) {
			felixPromised(is)
			is.Sprints, is.SprintState = []string{"OPS Sprint 9"}, "active"
		}},
		{name: "he spoke again since", edit: func(is *TeamIssue) {
			felixPromised(is)
			is.Comments = append(is.Comments, comment(is.Assignee, days(60), "Slipped: the freeze took the sprint. Back in January."))
		}},
		{name: "someone else has it now", edit: func(is *TeamIssue) { felixPromised(is); is.Assignee = tomas }},
		{name: "your own promise is yours to keep", edit: func(is *TeamIssue) {
			felixPromised(is)
			is.Assignee, is.Comments[1].Author = evidence.User{}, me
		}},
		{name: "an offer on a condition is no promise", edit: func(is *TeamIssue) {
			felixPromised(is)
			is.Comments[1].Text = "I can take this next sprint if nobody else does."
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			is := story("OPS-1")
			tt.edit(&is)
			checkOverdue(t, cfg, Team{Site: site, Issues: []TeamIssue{is, story("OPS-2")}, Now: now}, tt.reason, tt.action)
		})
	}
}

// checkOverdue checks that promise.overdue finds one suggestion for the
// team whose reason and action start as given, or none for reason "",
// and returns what it found.
func checkOverdue(t *testing.T, cfg Config, team Team, reason, action string) []Opportunity {
	t.Helper()
	var found []Opportunity
	for _, op := range Detect(cfg, team) {
		if op.Detector == "promise.overdue" {
			found = append(found, op)
		}
	}
	switch {
	case reason == "" && len(found) > 0:
		t.Errorf("found %q, want nothing", found[0].Reason)
	case reason != "" && (len(found) != 1 || !strings.HasPrefix(found[0].Reason, reason) || !strings.HasPrefix(found[0].Action, action)):
		t.Errorf("found %+v, want one with %q => %q", found, reason, action)
	}
	return found
}

// youPromisedByDate makes is a story Tomás filed and asked Maya (the
// user) to write up, which she promised on 21 Oct to do by 14/11: still
// To Do, unassigned, in no sprint, with no word since.
func youPromisedByDate(is *TeamIssue) {
	is.Summary, is.Reporter, is.Assignee, is.Created = "Ask for location permission later", tomas, evidence.User{}, days(40)
	is.Description, is.Status, is.StatusCategory = "Asking for location on the first screen makes 30% of people deny it.", "To Do", "new"
	is.Sprints, is.SprintState, is.SprintList, is.Updated = nil, "", nil, days(28)
	is.Comments = []evidence.Comment{comment(tomas, days(28.1), "@Maya can you write this one properly? design has the screens"),
		comment(me, days(28), "sim, I'll write it up with the acceptance bits by 14/11")}
}

// The user's own promise to do something by a date that has passed, with
// nothing done since, is theirs to keep or to put off out loud (the
// Pitanga site's MOB-933); the date is read day first where it can only
// be.
func TestYourPromiseToDoSomethingByADateIsFound(t *testing.T) {
	cfg := builtin(t)
	tests := []struct {
		name           string
		edit           func(*TeamIssue)
		reason, action string // "" for nothing from the detector
		category       string // "" for the detector's own
	}{
		{name: "write it up by 14/11, still unwritten: writing the story", edit: youPromisedByDate,
			reason: "you wrote on 21 Oct “sim, I'll write it up with the acceptance bits by 14/11”, and 4 weeks later it is still To Do, in no sprint, with no word since",
			action: "Write it up with the acceptance bits, or tell Tomás a new date: “by 14/11” has passed", category: evidence.CatStoryWriting},
		{name: "a promise that says you", edit: func(is *TeamIssue) {
			youPromisedByDate(is)
			is.Comments[1].Text = "Tomás, I'll send you the numbers by the 30th."
			is.Comments[0].At, is.Comments[1].At, is.Updated = days(51), days(50), days(50)
		}, reason: "you wrote on 29 Sep “Tomás, I'll send you the numbers by the 30th.”",
			action: "Do what you promised Tomás, or give them a new date: “by the 30th” has passed"},
		{name: "write it up by Friday, weeks ago", edit: func(is *TeamIssue) {
			youPromisedByDate(is)
			is.Comments[1].Text = "sim, I'll write it up with the acceptance bits by Friday"
		}, reason: "you wrote on 21 Oct “sim, I'll write it up with the acceptance bits by Friday”",
			action: "Write it up with the acceptance bits, or tell Tomás a new date: “by Friday” has passed", category: evidence.CatStoryWriting},
		// Quiet.
		{name: "the date is still ahead", edit: func(is *TeamIssue) { youPromisedByDate(is); is.Comments[1].Text = "I'll write it up by 20/11" }},
		{name: "the weekday is still ahead", edit: func(is *TeamIssue) {
			youPromisedByDate(is)
			is.Comments[1].At, is.Updated = days(1), days(1)
			is.Comments[0].At = days(1.1)
			is.Comments[1].Text = "I'll write it up by next Friday"
		}},
		{name: "the story was edited since", edit: func(is *TeamIssue) { youPromisedByDate(is); is.Updated = days(5) }},
		{name: "its criteria are written", edit: func(is *TeamIssue) {
			youPromisedByDate(is)
			is.Description += "\n\nAcceptance criteria:\n- the permission is asked on the map screen"
		}},
		{name: "someone wrote since", edit: func(is *TeamIssue) {
			youPromisedByDate(is)
			is.Comments = append(is.Comments, comment(tomas, days(3), "thanks, looks good"))
		}},
		{name: "a date it happens on is no promise to do it by", edit: func(is *TeamIssue) {
			youPromisedByDate(is)
			is.Comments[1].Text = "I'll be off on 14/11"
		}},
		{name: "a promise on a condition", edit: func(is *TeamIssue) {
			youPromisedByDate(is)
			is.Comments[1].Text = "I'll write it up by 14/11 if design sends the screens"
		}},
		{name: "a teammate's promise by a date is theirs", edit: func(is *TeamIssue) {
			youPromisedByDate(is)
			is.Comments[1].Author = tomas
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			is := story("OPS-1")
			tt.edit(&is)
			found := detectedBy(t, cfg, []TeamIssue{is}, "promise.overdue", false)
			switch {
			case tt.reason == "" && len(found) > 0:
				t.Errorf("found %q, want nothing", found[0].Reason)
			case tt.reason != "" && (len(found) != 1 || !strings.HasPrefix(found[0].Reason, tt.reason) || found[0].Action != tt.action):
				t.Errorf("found %+v, want one with %q => %q", found, tt.reason, tt.action)
			case tt.reason != "" && found[0].Category != cmp.Or(tt.category, evidence.CatSprintPlanning):
				t.Errorf("shows %s, want %s", found[0].Category, cmp.Or(tt.category, evidence.CatSprintPlanning))
			}
		})
	}
}

// An incident's follow-up a release shipped without is one talk with its
// assignee: the date, the sprint and the version to move it to, and, after
// months without a word, whether it is still needed, asked once as one
// either/or (the demo's OPS-1188), not "close it if not" and then "plan
// it" and then "move its version". Both suggestions say that one action,
// each with its own reason and category.
func TestAFollowUpAReleaseShippedWithoutIsOneTalk(t *testing.T) {
	cfg := builtin(t)
	missed := func(is *TeamIssue) {
		shipped := days(60)
		is.Releases = []Release{{Name: "platform-2026.01", Date: &shipped, Released: true}}
	}
	stale := func(is *TeamIssue) {
		capa(is)
		missed(is)
		is.Created, is.Updated = days(300), days(300)
	}
	oldRCA := func(is *TeamIssue) { rca(is); is.Created = days(301) }
	tests := []struct {
		name    string
		edits   []func(*TeamIssue)
		actions []string // of incident.follow-up-stale, then of release.missed
	}{
		{name: "months without a word: one either/or with the assignee",
			edits: []func(*TeamIssue){stale, oldRCA, func(*TeamIssue) {}},
			actions: []string{"Ask Tomás whether it is still needed to keep the incident from happening again: if so, get a date, plan it into a sprint " +
				"and move its fix version off platform-2026.01; if not, close it and say why"}},
		{name: "a word lately: the date, the sprint and the version together",
			edits: []func(*TeamIssue){func(is *TeamIssue) { capa(is); missed(is) }, rca, func(*TeamIssue) {}},
			actions: []string{"Ask Tomás for a date, plan it into a sprint and move its fix version off platform-2026.01: it is what keeps " +
				"the incident from happening again. If it is no longer needed, close it and say why"}},
		{name: "nobody on it: the team for an owner, whoever filed it for the release, two talks",
			edits: []func(*TeamIssue){func(is *TeamIssue) { stale(is); is.Assignee, is.Reporter = evidence.User{}, jonas }, oldRCA, func(*TeamIssue) {}},
			actions: []string{"Ask the team whether it is still needed to keep the incident from happening again: if so, find it an owner and a date " +
				"and plan it into a sprint; if not, close it and say why",
				"Agree with Jonas, who filed it: move it to the next release"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, id := range []string{"incident.follow-up-stale", "release.missed"} {
				found := detectedBy(t, cfg, storiesEdited(tt.edits), id, false)
				if len(found) != 1 || found[0].IssueKey != "OPS-1" {
					t.Fatalf("%s found %+v, want one on OPS-1", id, found)
				}
				got = append(got, found[0].Action)
			}
			want := tt.actions
			if len(want) == 1 {
				want = []string{want[0], want[0]}
			}
			for i := range got {
				if !strings.HasPrefix(got[i], want[i]) {
					t.Errorf("action\n%q\nwant it to start\n%q", got[i], want[i])
				}
			}
		})
	}
}

// Whom an action would ask whether old work is still wanted may have asked
// it already, of the user or the thread, with nobody answering: the
// action answers them, as the user's to decide, with the offer to take it
// the thread holds (the demo's OPS-1188), and never asks them back their
// own question. Every either/or that asks it does so.
func TestAStillWantedQuestionWaitingForAnAnswerIsAnswered(t *testing.T) {
	cfg := builtin(t)
	asked := func(u evidence.User, at float64, also ...evidence.Comment) func(*TeamIssue) {
		return func(is *TeamIssue) {
			is.Comments = append([]evidence.Comment{comment(u, days(at), "Is this still needed after the ledger-service migration? I thought OPS-1187 covered it.")}, also...)
		}
	}
	followUp := func(edits ...func(*TeamIssue)) []func(*TeamIssue) {
		return []func(*TeamIssue){func(is *TeamIssue) {
			capa(is)
			shipped := days(60)
			is.Releases = []Release{{Name: "platform-2026.01", Date: &shipped, Released: true}}
			is.Created, is.Updated, is.Reporter = days(300), days(290), me
			for _, edit := range edits {
				edit(is)
			}
		}, func(is *TeamIssue) { rca(is); is.Created = days(301) }, func(*TeamIssue) {}}
	}
	silentBlock := func(edits ...func(*TeamIssue)) []func(*TeamIssue) {
		return []func(*TeamIssue){func(is *TeamIssue) {
			is.Flagged, is.Created, is.SprintState, is.Sprints = true, days(300), "closed", []string{"OPS Sprint 2"}
			for _, edit := range edits {
				edit(is)
			}
		}}
	}
	tests := []struct {
		name     string
		edits    []func(*TeamIssue)
		detector string
		action   string // how the action starts
	}{
		{name: "the assignee asked and offered to take what they have: answer them",
			edits:    followUp(asked(tomas, 295, comment(tomas, days(290), "I can take this after OPS-1187 if nobody else does."))),
			detector: "incident.follow-up-stale",
			action: "Answer Tomás's question of 27 Jan (“Is this still needed after the ledger-service migration? I thought OPS-1187 covered it.”): " +
				"if it is still needed, get a date, plan it into a sprint and move its fix version off platform-2026.01; " +
				"if not, close it and say why"},
		{name: "nobody has it, and who asked offered to take it: answer them, with the offer",
			edits: followUp(asked(tomas, 295, comment(tomas, days(290), "I can take this after OPS-1187 if nobody else does.")),
				func(is *TeamIssue) { is.Assignee = evidence.User{} }),
			detector: "incident.follow-up-stale",
			action: "Answer Tomás's question of 27 Jan (“Is this still needed after the ledger-service migration? I thought OPS-1187 covered it.”) " +
				"and offer of 1 Feb to take it: if it is still needed, "},
		{name: "the release the follow-up missed says the same one answer",
			edits:    followUp(asked(tomas, 295, comment(tomas, days(290), "I can take this after OPS-1187 if nobody else does."))),
			detector: "release.missed", action: "Answer Tomás's question of 27 Jan"},
		{name: "an offer by someone else is named with who made it",
			edits:    followUp(asked(tomas, 295, comment(jonas, days(290), "Happy to pick it up if it is still wanted."))),
			detector: "incident.follow-up-stale", action: "Answer Tomás's question of 27 Jan (“Is this still needed after the ledger-service migration? " +
				"I thought OPS-1187 covered it.”) (Jonas offered on 1 Feb to take it): if it is still needed, "},
		{name: "a block silent for months whose assignee asked: answer them",
			edits:    silentBlock(asked(tomas, 140)),
			detector: "blocked.unlinked", action: "Answer Tomás's question of 1 Jul (“Is this still needed after the ledger-service migration? " +
				"I thought OPS-1187 covered it.”): if it is still wanted, link the issue that blocks it"},
		{name: "a top priority nobody owns, whose filer asked: answer them",
			edits: []func(*TeamIssue){func(is *TeamIssue) {
				is.Priority, is.Assignee, is.Reporter, is.SprintState, is.Sprints, is.Created = "Highest", evidence.User{}, jonas, "", nil, days(300)
				is.Comments = []evidence.Comment{comment(jonas, days(200), "Do we still need this now that the vendor fixed it?")}
			}},
			detector: "priority.top-unowned", action: "Answer Jonas's question of 2 May (“Do we still need this now that the vendor fixed it?”): if it is still wanted, plan it"},
		{name: "a release missed of your issue nobody has, where a teammate asked: answer them, not decide alone",
			edits: []func(*TeamIssue){func(is *TeamIssue) {
				shipped := days(150)
				is.Releases = []Release{{Name: "platform-2026.06", Date: &shipped, Released: true}}
				is.Assignee, is.Reporter, is.SprintState, is.Sprints, is.Created = evidence.User{}, me, "", nil, days(200)
				asked(tomas, 140)(is)
			}},
			detector: "release.missed", action: "Answer Tomás's question of 1 Jul"},
		// Asked as before.
		{name: "the question was answered: ask as before",
			edits:    silentBlock(asked(tomas, 140, comment(me, days(130), "Yes: the audit asks for it."))),
			detector: "blocked.unlinked", action: "Ask Tomás whether it is still wanted"},
		{name: "someone other than whom it asks asked: ask as before",
			edits:    silentBlock(asked(jonas, 140)),
			detector: "blocked.unlinked", action: "Ask Tomás whether it is still wanted"},
		{name: "automation's question asks nobody",
			edits: silentBlock(func(is *TeamIssue) {
				is.Comments = []evidence.Comment{comment(bot, days(140), "This issue has had no activity for 30 days. Is this still needed?")}
			}),
			detector: "blocked.unlinked", action: "Ask Tomás whether it is still wanted"},
		{name: "your own question is yours to chase",
			edits:    followUp(asked(me, 295)),
			detector: "incident.follow-up-stale", action: "Ask Tomás whether it is still needed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			found := detectedBy(t, cfg, storiesEdited(tt.edits), tt.detector, false)
			if len(found) != 1 || found[0].IssueKey != "OPS-1" {
				t.Fatalf("found %+v, want one on OPS-1", found)
			}
			if !strings.HasPrefix(found[0].Action, tt.action) {
				t.Errorf("action\n%q\nwant it to start\n%q", found[0].Action, tt.action)
			}
		})
	}
}

// yourPayFollowUp is the Dev site's PAY-823: a follow-up the user filed in
// another team's project the day after their incident CHK-1415, linked to
// it, saying so in words that name no key; Felix, its assignee, wrote 15
// weeks ago that he would pick it up next sprint, his last word.
func yourPayFollowUp() (followUp, incident TeamIssue) {
	felix := evidence.User{ID: "felix", DisplayName: "Felix"}
	resolved := days(111)
	incident = TeamIssue{Issue: evidence.Issue{ID: "30018", Key: "CHK-1415", Project: "CHK", Type: "Bug",
		Summary: "Checkout returning 500s for card payments", Status: "Done", StatusCategory: "done", Resolution: "Done",
		Assignee: me, Created: days(111), Updated: days(111), Resolved: &resolved}}
	followUp = TeamIssue{Issue: evidence.Issue{ID: "30021", Key: "PAY-823", Project: "PAY", Type: "Task",
		Summary:     "Canary check for tokenize response schema",
		Description: "Follow-up from CHK incident on 12 Aug: PAY deploys should fail canary if the tokenize response shape changes.",
		Status:      "To Do", StatusCategory: "new", Priority: "Medium", Reporter: me, Creator: me, Assignee: felix,
		Links:   []evidence.IssueLink{{Type: "Relates", Direction: "outward", Description: "relates to", OtherKey: "CHK-1415", OtherProject: "CHK", OtherStatusCategory: "done"}},
		Created: days(110), Updated: days(105)},
		Comments: []evidence.Comment{comment(felix, days(105), "Will pick this up next sprint")}, CommentTotal: 1}
	return followUp, incident
}

// A follow-up the user filed of their incident, in another team's project
// the team's read does not hold (Team.Yours), is chased with its assignee
// like the team's own, once, quoting the promise they left on it; one
// done, not the user's, or given a date still ahead is not.
func TestYourFollowUpInAnotherTeamsProjectIsFound(t *testing.T) {
	cfg := builtin(t)
	tests := []struct {
		name           string
		edit           func(yours, team *[]TeamIssue)
		reason, action string // "" for nothing from the detector
		key            string // the issue found, when not PAY-823
	}{
		{name: "filed by you in another team's project, its assignee's promise overdue", edit: func(*[]TeamIssue, *[]TeamIssue) {},
			reason: "follow-up of CHK-1415 (“Checkout returning 500s for card payments”), open for 4 months with no word for 3 months",
			action: "Felix wrote on 5 Aug “Will pick this up next sprint”, and it is still To Do: ask them for a date, and post it on CHK-1415: it is what keeps the incident from happening again. If it is no longer needed, close it and say why"},
		{name: "with no promise, months of silence ask whether it is still needed", edit: func(yours, _ *[]TeamIssue) {
			(*yours)[0].Comments[0].Text = "Looks like a config change on our side."
		}, reason: "follow-up of CHK-1415", action: "Ask Felix whether it is still needed to keep the incident from happening again: if so, get a date and post it on CHK-1415; if not, close it and say why"},
		{name: "nobody's in the other team's backlog: who answered for that team there is asked, and quoted", edit: func(yours, _ *[]TeamIssue) {
			(*yours)[0].Assignee, (*yours)[0].Comments[0].Text = evidence.User{}, "in the backlog, not this quarter probably"
		}, reason: "follow-up of CHK-1415 (“Checkout returning 500s for card payments”), open for 4 months with no word for 3 months (the last, Felix's of 5 Aug: “in the backlog, not this quarter probably”)",
			action: "Ask Felix whether it is still needed to keep the incident from happening again: if so, find it an owner and a date and post it on CHK-1415; if not, close it and say why"},
		{name: "nobody's in the other team's backlog, and nobody of it wrote: its lead is asked", edit: func(yours, _ *[]TeamIssue) {
			(*yours)[0].Assignee, (*yours)[0].Comments = evidence.User{}, nil
		}, reason: "follow-up of CHK-1415", action: "Ask the PAY project's lead whether it is still needed to keep the incident from happening again: if so, find it an owner and a date and post it on CHK-1415; if not, close it and say why"},
		{name: "also a team issue, it is told once", edit: func(yours, team *[]TeamIssue) {
			*team = append(*team, (*yours)[0])
		}, reason: "follow-up of CHK-1415", action: "Felix wrote on 5 Aug"},
		{name: "a follow-up whose key the team's read holds under its new key is told once", edit: func(yours, team *[]TeamIssue) {
			moved := (*yours)[0]
			moved.Key, moved.Project = "CHK-1500", "CHK"
			*team = append(*team, moved)
		}, reason: "follow-up of CHK-1415", action: "Felix wrote on 5 Aug", key: "CHK-1500"},
		// Quiet.
		{name: "done", edit: func(yours, _ *[]TeamIssue) { (*yours)[0].Status, (*yours)[0].StatusCategory = "Done", "done" }},
		{name: "filed by someone else", edit: func(yours, _ *[]TeamIssue) {
			(*yours)[0].Reporter, (*yours)[0].Creator = tomas, tomas
		}},
		{name: "yours to do", edit: func(yours, _ *[]TeamIssue) { (*yours)[0].Assignee = me }},
		{name: "a date given that has not passed", edit: func(yours, _ *[]TeamIssue) {
			(*yours)[0].Comments[0].Text = "Planned for our January sprint, done by 20 Jan."
		}},
		{name: "a word this month", edit: func(yours, _ *[]TeamIssue) {
			(*yours)[0].Comments[0].At = days(10)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			followUp, chk := yourPayFollowUp()
			yours, team := []TeamIssue{followUp, chk}, []TeamIssue{story("OPS-1")}
			tt.edit(&yours, &team)
			var found []Opportunity
			for _, op := range Detect(cfg, Team{Site: site, Issues: team, Yours: yours, Now: now}) {
				if op.Detector == "incident.follow-up-stale" || op.Detector == "promise.overdue" {
					found = append(found, op)
				}
			}
			switch {
			case tt.reason == "" && len(found) > 0:
				t.Errorf("found %q, want nothing", found[0].Reason)
			case tt.reason != "" && (len(found) != 1 || found[0].IssueKey != cmp.Or(tt.key, "PAY-823") || found[0].Detector != "incident.follow-up-stale" ||
				!strings.HasPrefix(found[0].Reason, tt.reason) || !strings.HasPrefix(found[0].Action, tt.action)):
				t.Errorf("found %+v, want %s's with %q => %q", found, cmp.Or(tt.key, "PAY-823"), tt.reason, tt.action)
			}
		})
	}
}

// Your follow-up in another team's project is ranked as an issue of its
// own: that you filed it, and its months of silence.
func TestYourFollowUpInAnotherTeamsProjectIsRankedByItself(t *testing.T) {
	followUp, chk := yourPayFollowUp()
	for _, op := range Find(builtin(t), Team{Site: site, Issues: []TeamIssue{story("OPS-1")}, Yours: []TeamIssue{followUp, chk}, Now: now}, nil) {
		if op.IssueKey == "PAY-823" {
			if !slices.Contains(op.Why, "you filed it") || !slices.ContainsFunc(op.Why, func(why string) bool { return strings.HasPrefix(why, "listed lower") }) {
				t.Errorf("PAY-823 ranked %q, want \"you filed it\" and listed lower for its silence", op.Why)
			}
			return
		}
	}
	t.Error("PAY-823 not found")
}

// Your follow-up outside the team's backlog is read after the team's
// issues, but ranked by its own score among them: a list cut to its top
// entries keeps it above the team's lesser work, not after all of it.
func TestYourFollowUpOutsideTheTeamsBacklogIsNotCutForComingLast(t *testing.T) {
	followUp, chk := yourPayFollowUp()
	followUp.Created, followUp.Updated = days(60), days(50)
	followUp.Comments = []evidence.Comment{comment(followUp.Assignee, days(50), "Looks like a config change on our side.")}
	var team []TeamIssue
	for i := range 12 {
		bug, planned := story(fmt.Sprintf("OPS-%d", i+1)), story(fmt.Sprintf("OPS-%d", i+101))
		bug.Type, bug.Components, bug.Sprints, bug.SprintState, bug.Created = "Bug", nil, nil, "", days(20)
		team = append(team, bug, planned)
	}
	ranked := Find(builtin(t), Team{Site: site, Issues: team, Yours: []TeamIssue{followUp, chk}, Now: now}, nil)
	if len(ranked) != 13 || ranked[0].IssueKey != "PAY-823" {
		var order []string
		for _, op := range ranked {
			order = append(order, fmt.Sprintf("%s %s %.2f", op.IssueKey, op.Detector, op.Score))
		}
		t.Errorf("ranked %q, want PAY-823's follow-up first of 13", order)
	}
}

// A blocker in another team's project that the team's read does not hold
// is chased with whoever answered for that project on an issue the user
// filed there, by name, where "the PAY project's lead" left the user to
// find out; a teammate who wrote there is not that project's voice.
func TestABlockerInAnotherTeamsProjectNamesWhoAnsweredForIt(t *testing.T) {
	blocked := story("OPS-1")
	blocked.Status, blocked.StatusCategory = "Blocked", "indeterminate"
	blocked.Links = []evidence.IssueLink{{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "PAY-7", OtherProject: "PAY"}}
	blocked.Comments = []evidence.Comment{comment(tomas, days(6), "Waiting on PAY-7.")}
	for _, tt := range []struct {
		name, author, want string
	}{
		{"someone of that project answered on your issue there", "jonas", "Chase the blocker PAY-7: pmfolio cannot see it, so ask Jonas (PAY) who has it and for a date"},
		{"only a teammate wrote there", "tomas", "Chase the blocker PAY-7: pmfolio cannot see it, so ask the PAY project's lead who has it and for a date"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			followUp, _ := yourPayFollowUp()
			who := map[string]evidence.User{"jonas": jonas, "tomas": tomas}[tt.author]
			followUp.Comments = []evidence.Comment{comment(who, days(20), "in our backlog")}
			var actions []string
			for _, op := range Detect(builtin(t), Team{Site: site, Issues: []TeamIssue{blocked}, Yours: []TeamIssue{followUp}, Now: now}) {
				if op.Detector == "blocked.stale" {
					actions = append(actions, op.Action)
				}
			}
			if len(actions) != 1 || !strings.HasPrefix(actions[0], tt.want) {
				t.Errorf("blocked.stale actions %q, want one starting %q", actions, tt.want)
			}
		})
	}
}
