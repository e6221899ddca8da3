package next

import (
	"testing"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/rules"
)

// change is the user's own change of one field, a month after the issue
// was filed: what doing a suggestion leaves in Jira.
func change(items ...evidence.ChangeItem) evidence.Activity {
	return evidence.Activity{IssueID: "OPS-1", Source: evidence.SourceChange, SourceID: "1", Author: me, At: days(0), Items: items}
}

// What a suggestion shows ("shows: Backlog grooming") is what pmfolio
// credits once the user has done it: the category the classification
// rules give the change its action asks for. A user picks work by the
// competency it builds, and finds it filed under that one afterwards.
func TestASuggestionShowsWhatDoingItIsCreditedAs(t *testing.T) {
	cfg := builtin(t)
	bug := func(is *TeamIssue) {
		is.Type, is.Summary, is.Reporter, is.Creator = "Bug", "Page for ingress-nginx goes to the platform queue", tomas, tomas
		is.Assignee, is.Sprints, is.SprintState, is.Created = evidence.User{}, nil, "", days(30)
	}
	setAside := func(priority string) func(*TeamIssue) {
		return func(is *TeamIssue) {
			is.Status, is.StatusCategory, is.Priority, is.Reporter = "In Progress", "indeterminate", priority, tomas
			is.Comments = []evidence.Comment{comment(jonas, days(2), "Parking this until the audit is done.")}
			is.Updated = days(2)
		}
	}
	component := evidence.ChangeItem{Field: "Component", FieldID: "components", FieldType: "jira", ToString: "alerting"}
	priority := evidence.ChangeItem{Field: "priority", FieldID: "priority", FieldType: "jira", FromString: "Highest", ToString: "Low"}
	outOfSprint := evidence.ChangeItem{Field: "Sprint", FieldID: "customfield_10020", FieldType: "custom", FromString: "OPS Sprint 9"}
	tests := []struct {
		name     string
		edits    []func(*TeamIssue)
		detector string
		done     evidence.Activity // what doing it leaves; zero: the rules credit no one change of it
		want     string
	}{
		{name: "a bug with a priority lacks only its component: setting it is backlog grooming",
			edits:    []func(*TeamIssue){func(is *TeamIssue) { bug(is); is.Priority, is.Components = "High", nil }, func(*TeamIssue) {}},
			detector: "bug.untriaged", done: change(component), want: "backlog-grooming"},
		{name: "a bug with no priority is prioritization, its component or not",
			edits:    []func(*TeamIssue){func(is *TeamIssue) { bug(is); is.Priority = "" }, func(*TeamIssue) {}},
			detector: "bug.untriaged", done: change(evidence.ChangeItem{Field: "priority", FieldID: "priority", FieldType: "jira", ToString: "High"}),
			want: "prioritization"},
		{name: "a bug with neither is prioritization first",
			edits:    []func(*TeamIssue){func(is *TeamIssue) { bug(is); is.Priority, is.Components = "", nil }, func(*TeamIssue) {}},
			detector: "bug.untriaged", done: change(evidence.ChangeItem{Field: "priority", FieldID: "priority", FieldType: "jira", ToString: "High"}),
			want: "prioritization"},
		{name: "work set aside at a high priority: lowering it is prioritization",
			edits: []func(*TeamIssue){setAside("Highest")}, detector: "in-progress.set-aside", done: change(priority), want: "prioritization"},
		{name: "work set aside at Medium in the running sprint: moving it out is sprint planning",
			edits: []func(*TeamIssue){setAside("Medium")}, detector: "in-progress.set-aside", done: change(outOfSprint), want: "sprint-planning"},
		// The portfolio counts an incident's follow-ups done in its bullet
		// ("filed 2 follow-up issues, 1 of them done"), whatever one change
		// of them the rules credit.
		{name: "an incident's follow-up nobody followed up: getting it planned is incident coordination",
			edits:    []func(*TeamIssue){func(is *TeamIssue) { capa(is); is.Reporter = jonas }, rca, func(*TeamIssue) {}},
			detector: "incident.follow-up-stale", want: "incident-coordination"},
		{name: "work left in a closed sprint that its assignee says is deployed: checking it and closing it is acceptance testing",
			edits: []func(*TeamIssue){func(is *TeamIssue) {
				is.Status, is.StatusCategory, is.SprintState, is.Sprints = "In Review", "indeterminate", "closed", []string{"OPS Sprint 8"}
				is.Comments = []evidence.Comment{comment(tomas, days(2), "Deployed to production, dashboards look normal.")}
			}, func(*TeamIssue) {}},
			detector: "in-progress.outside-sprint", want: "acceptance-testing",
			done: change(evidence.ChangeItem{Field: "status", FieldID: "status", FieldType: "jira", FromString: "In Review", ToString: "Done"})},
		{name: "a release missed by work blocked on access: getting the access is unblocking",
			edits: []func(*TeamIssue){func(is *TeamIssue) {
				slipped(is)
				is.Flagged = true
				is.Comments = []evidence.Comment{comment(tomas, days(3), "Blocked on access to the checkout-gateway admin API since the 2nd.")}
			}}, detector: "release.missed", want: "unblocking",
			done: evidence.Activity{IssueID: "OPS-1", Source: evidence.SourceComment, SourceID: "2", Author: me, At: days(0),
				Text: "Got you access to the checkout-gateway admin API, that should unblock you."}},
		// Reassigning an issue is no PM evidence to the rules, and closing
		// it counts by its resolution: the suggestion says what the work
		// is, refining the backlog, not the unblocking its detector asks
		// of a teammate who is there.
		{name: "a question from a teammate who left is for reassigning or closing: backlog grooming",
			edits: []func(*TeamIssue){func(is *TeamIssue) {
				is.Assignee, is.SprintState, is.Sprints = lena, "", nil
				is.Comments = []evidence.Comment{comment(lena, days(150), "Is this still needed after the migration?")}
			}}, detector: "question.unanswered", want: "backlog-grooming"},
		{name: "stalled work whose assignee left is for reassigning or closing: backlog grooming",
			edits: []func(*TeamIssue){func(is *TeamIssue) {
				is.Status, is.StatusCategory, is.Created, is.Updated, is.Assignee = "In Progress", "indeterminate", days(30), days(21), lena
			}}, detector: "in-progress.stalled", want: "backlog-grooming"},
		{name: "a promise from a teammate who left is for reassigning or closing: backlog grooming",
			edits: []func(*TeamIssue){func(is *TeamIssue) {
				is.Assignee, is.SprintState, is.Sprints = evidence.User{}, "", nil
				is.Comments = []evidence.Comment{comment(lena, days(40), "Will pick this up next sprint.")}
			}}, detector: "promise.overdue", want: "backlog-grooming"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			issues := storiesEdited(tt.edits)
			got := detectedBy(t, cfg, issues, tt.detector, false)
			if len(got) != 1 || got[0].IssueKey != "OPS-1" {
				t.Fatalf("found %+v, want one finding on OPS-1", got)
			}
			if got[0].Category != tt.want {
				t.Errorf("%q shows %s, want %s", got[0].Action, got[0].Category, tt.want)
			}
			if tt.done.Source == "" {
				return
			}
			credited := map[string]bool{}
			for _, ev := range rules.Classify(tt.done, issues[0].Issue, me) {
				credited[ev.Category] = true
			}
			if !credited[got[0].Category] {
				t.Errorf("doing %q is credited as %v, not as the %s it shows", got[0].Action, credited, got[0].Category)
			}
		})
	}
}
