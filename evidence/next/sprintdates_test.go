package next

import (
	"strings"
	"testing"

	"github.com/pmfolio/pmfolio/evidence"
)

// inSprint plans is into sp, in the state of sp.
func inSprint(is TeamIssue, sp Sprint) TeamIssue {
	is.Sprints, is.SprintState, is.SprintList = []string{sp.Name}, sp.State, []Sprint{sp}
	return is
}

// A sprint's dates, not only its state, say where work goes: a running
// sprint that ends within a working day is no place to move work into,
// and a story not started in it is to carry over or not (Kestrel's CHK
// Sprint 86, ending Monday 08:00 with Sprint 87 starting after it); a
// sprint past its end that nobody closed is told, once, and the other
// findings on its issues say so (Kaveri's CORE Sprint 55, due to end 29
// Nov, still open, and Sprint 56 never started).
func TestSprintDates(t *testing.T) {
	cfg := builtin(t)
	// ending ends Thu 19 Nov 07:36, within a working day; following
	// starts an hour later. overdue ended Wed 11 Nov; after it was due
	// to start then.
	ending, following := sprintOf(9, "active", 13.1, 14), sprintOf(10, "future", -0.95, 14)
	overdue, after := sprintAt(9, "active", 21), sprintAt(10, "future", 7)
	running, upcoming := sprintAt(9, "active", 9), sprintAt(10, "future", -5)
	leftBehind := func(running Sprint) TeamIssue {
		is := inSprint(story("OPS-1"), sprintAt(8, "closed", 30))
		is.Status, is.StatusCategory = "In Progress", "indeterminate"
		is.SprintList = []Sprint{sprintAt(8, "closed", 30)}
		return is
	}
	noCriteria := func(sp Sprint) TeamIssue {
		is := inSprint(story("OPS-3"), sp)
		is.Description = "We need X."
		return is
	}
	noPoints := func(sp Sprint) TeamIssue {
		is := inSprint(story("OPS-3"), sp)
		is.StoryPoints = nil
		return is
	}
	inProgress := func(key string, sp Sprint) TeamIssue {
		is := inSprint(story(key), sp)
		is.Status, is.StatusCategory = "In Progress", "indeterminate"
		return is
	}
	// asked is is with a question of Tomás's as its last word, a week old.
	asked := func(is TeamIssue, question string) TeamIssue {
		is.Comments = []evidence.Comment{comment(tomas, days(7), question)}
		return is
	}
	done := func(key string, sp Sprint) TeamIssue {
		is := inSprint(story(key), sp)
		is.Status, is.StatusCategory = "Done", "done"
		return is
	}
	tests := []struct {
		name     string
		issues   []TeamIssue
		detector string
		reason   string // "" for nothing from the detector
		action   string
	}{
		{name: "left in a closed sprint, the running one ends tomorrow: into the next",
			issues:   []TeamIssue{leftBehind(ending), inSprint(story("OPS-2"), ending), inSprint(story("OPS-4"), following)},
			detector: "in-progress.outside-sprint", reason: "left in the closed OPS Sprint 8",
			action: "Ask Tomás whether it is still being worked on: move it into OPS Sprint 10 (starts Thu 19 Nov, as OPS Sprint 9 ends), or back to the backlog"},
		{name: "left in a closed sprint, the running one has a week to go: into it",
			issues:   []TeamIssue{leftBehind(running), inSprint(story("OPS-2"), running), inSprint(story("OPS-4"), upcoming)},
			detector: "in-progress.outside-sprint", reason: "left in the closed OPS Sprint 8",
			action: "Ask Tomás whether it is still being worked on: move it into the running sprint (OPS Sprint 9), or back to the backlog"},
		{name: "no criteria, not started, on the sprint's last day: carry it over or not",
			issues:   []TeamIssue{noCriteria(ending), inSprint(story("OPS-4"), following)},
			detector: "story.no-acceptance-criteria", reason: "active sprint (OPS Sprint 9, ends Thu 19 Nov) story with no acceptance criteria",
			action: "OPS Sprint 9 ends Thu 19 Nov with it not started: decide whether it carries into OPS Sprint 10 (starts Thu 19 Nov) or goes back to the backlog; if it carries, write acceptance criteria (Given/When/Then or a checklist) and agree them with Tomás"},
		{name: "no estimate, not started, on the sprint's last day: carry it over or not",
			issues:   []TeamIssue{noPoints(ending), inSprint(story("OPS-4"), following)},
			detector: "story.no-estimate", reason: "active sprint (OPS Sprint 9, ends Thu 19 Nov) story with no estimate",
			action: "OPS Sprint 9 ends Thu 19 Nov with it not started: decide whether it carries into OPS Sprint 10 (starts Thu 19 Nov) or goes back to the backlog; if it carries, get it estimated"},
		{name: "no criteria with a week to go: as before",
			issues:   []TeamIssue{noCriteria(running), inSprint(story("OPS-4"), upcoming)},
			detector: "story.no-acceptance-criteria", reason: "active sprint (OPS Sprint 9) story with no acceptance criteria",
			action: "Write acceptance criteria (Given/When/Then or a checklist) and agree them with Tomás"},
		// Kestrel's CHK-1476: Lena Fischer, the PM, filed it; Marco Rossi builds it.
		{name: "no criteria on a story someone else filed: agreed with who filed it and who builds it",
			issues: []TeamIssue{func() TeamIssue {
				is := noCriteria(running)
				is.Reporter = jonas
				return is
			}(), inSprint(story("OPS-4"), upcoming)},
			detector: "story.no-acceptance-criteria", reason: "active sprint (OPS Sprint 9) story with no acceptance criteria",
			action: "Write acceptance criteria (Given/When/Then or a checklist) and agree them with Jonas, who filed it, and Tomás"},
		{name: "a sprint past its end nobody closed is told once, with what carries over",
			issues:   []TeamIssue{inProgress("OPS-2", overdue), inSprint(story("OPS-5"), overdue), done("OPS-6", overdue), inSprint(story("OPS-7"), after)},
			detector: "sprint.overdue", reason: "OPS Sprint 9 ended 11 Nov and is still open; OPS Sprint 10, due to start 11 Nov, has not started",
			action: "With the team, decide what carries over (OPS-2 and OPS-5), close OPS Sprint 9 and start OPS Sprint 10"},
		{name: "what carries over says which issues wait on an answer (Kaveri's CORE-2267)",
			issues: []TeamIssue{asked(inProgress("OPS-2", overdue), "Should the export keep refunds or only payments? The spec does not say."),
				inSprint(story("OPS-5"), overdue), inSprint(story("OPS-7"), after)},
			detector: "sprint.overdue", reason: "OPS Sprint 9 ended 11 Nov and is still open",
			action: "With the team, decide what carries over (OPS-2 and OPS-5; OPS-2 waits on an answer to Tomás's question), close OPS Sprint 9"},
		{name: "its stories say the sprint is overdue, not that it is the active one",
			issues:   []TeamIssue{noCriteria(overdue), inSprint(story("OPS-7"), after)},
			detector: "story.no-acceptance-criteria", reason: "active sprint (OPS Sprint 9, due to end 11 Nov, still open) story",
			action: "Write acceptance criteria"},
		{name: "the next sprint's stories say it has not started",
			issues:   []TeamIssue{inSprint(story("OPS-2"), overdue), noPoints(after)},
			detector: "story.no-estimate", reason: "next sprint (OPS Sprint 10, due to start 11 Nov, not started) story with no estimate",
			action: "Get it estimated"},
		// Quiet.
		{name: "a running sprint with days to go is not overdue",
			issues: []TeamIssue{inProgress("OPS-2", running)}, detector: "sprint.overdue"},
		{name: "a sprint that ended today is not overdue yet",
			issues: []TeamIssue{inProgress("OPS-2", sprintOf(9, "active", 14.2, 14))}, detector: "sprint.overdue"},
		{name: "a closed sprint is not overdue",
			issues: []TeamIssue{done("OPS-2", sprintAt(9, "closed", 21))}, detector: "sprint.overdue"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := detectedBy(t, cfg, tt.issues, tt.detector, tt.reason == "")
			if tt.reason == "" {
				return
			}
			if len(got) != 1 {
				t.Fatalf("found %d findings of %s, want 1: %+v", len(got), tt.detector, got)
			}
			if !strings.Contains(got[0].Reason, tt.reason) {
				t.Errorf("reason %q, want %q in it", got[0].Reason, tt.reason)
			}
			if !strings.HasPrefix(got[0].Action, tt.action) {
				t.Errorf("action %q, want it to start %q", got[0].Action, tt.action)
			}
		})
	}
}

// An overdue sprint's entry is about the sprint: the age of the issue it
// is listed under ("…has not started; open 3 weeks") is none of its
// reasons.
func TestAnOverdueSprintsWhyGivesNoIssuesAge(t *testing.T) {
	cfg := builtin(t)
	stalled := inSprint(story("OPS-2"), sprintAt(9, "active", 21))
	stalled.Status, stalled.StatusCategory, stalled.Created = "In Progress", "indeterminate", days(30)
	ranked := Find(cfg, Team{Site: site, Issues: []TeamIssue{stalled, inSprint(story("OPS-7"), sprintAt(10, "future", 7))}, Now: now}, nil)
	for _, s := range ranked {
		if s.Detector != "sprint.overdue" {
			continue
		}
		if why := strings.Join(s.Why, "; "); strings.Contains(why, "open ") {
			t.Errorf("why %q gives the issue's age", why)
		}
		return
	}
	t.Fatalf("no sprint.overdue entry in %+v", ranked)
}
