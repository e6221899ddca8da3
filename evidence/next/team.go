package next

import (
	"slices"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// TeamScope names the team's work that `pmfolio next` looks at: project
// keys, a board, or a JQL query. With none of them, sync uses the projects
// the user worked in steadily over the last 90 days (TeamProjects).
type TeamScope struct {
	Projects []string `yaml:"projects,omitempty" json:"projects,omitempty"`
	Board    int      `yaml:"board,omitempty" json:"board,omitempty"`
	JQL      string   `yaml:"jql,omitempty" json:"jql,omitempty"`
	// Off turns the team phase of sync off.
	Off bool `yaml:"off,omitempty" json:"off,omitempty"`
}

// Empty reports whether the scope names nothing, so the default applies.
func (t TeamScope) Empty() bool { return len(t.Projects) == 0 && t.Board == 0 && t.JQL == "" }

// ProjectActivity is how much of the user's own recent work (issues filed,
// changes, comments, worklogs) was in one project: what TeamProjects weighs
// to tell the user's team from the other teams they help.
type ProjectActivity struct {
	Project string
	Actions int // the user's activities in it
	Issues  int // the issues those were on
	Weeks   int // the weeks of the window with any of them
}

// What makes a project the team's when the config names none: work in it
// on several issues, over several weeks, and a fair share of all the
// user's work. A comment on another team's ticket, a heads-up, or a week
// helping with someone's launch is cross-team work, not their team: its
// backlog's gaps are that team's to fill, and `next` would rank a
// marketing page's acceptance criteria beside the user's own sprint.
const (
	teamMinWeeks  = 3
	teamMinIssues = 3
	teamMinShare  = 0.02
)

// TeamProjects are the projects the user works in steadily, in the order
// given (most active first): the default team scope. A project counts
// when the user's work in it spans teamMinIssues issues or more, in
// teamMinWeeks weeks or more, and teamMinShare of all they did. When no
// project does (a new job, a quiet quarter), the steadiest one is the
// team's: most weeks, then most work.
func TeamProjects(acts []ProjectActivity) []string {
	total := 0
	for _, a := range acts {
		total += a.Actions
	}
	var out []string
	for _, a := range acts {
		if a.Weeks >= teamMinWeeks && a.Issues >= teamMinIssues && float64(a.Actions) >= teamMinShare*float64(total) {
			out = append(out, a.Project)
		}
	}
	if len(out) > 0 || len(acts) == 0 {
		return out
	}
	steadiest := slices.MaxFunc(acts, func(a, b ProjectActivity) int {
		if a.Weeks != b.Weeks {
			return a.Weeks - b.Weeks
		}
		return a.Actions - b.Actions
	})
	return []string{steadiest.Project}
}

// TeamIssue is an issue of the user's team, read for `pmfolio next`: only
// the fields the detectors need. It is context, never evidence, and never
// leaves the machine except as a linked key.
type TeamIssue struct {
	evidence.Issue
	// SprintState is the state of the issue's latest sprint: "active",
	// "future", "closed", or "" when it is in no sprint.
	SprintState string `json:"sprint_state,omitempty"`
	// SprintList are the sprints the issue was planned into, with their
	// boards and dates: what sprint.overcommitted weighs a sprint's plan
	// against.
	SprintList []Sprint `json:"sprint_list,omitempty"`
	// AcceptanceCriteria is the text of an "Acceptance Criteria" custom
	// field, where the site has one.
	AcceptanceCriteria string    `json:"acceptance_criteria,omitempty"`
	Watchers           int       `json:"watchers,omitempty"`
	Releases           []Release `json:"releases,omitempty"` // the fix versions, with their dates
	// Comments are those the search embedded, oldest first; CommentTotal is
	// how many the issue has.
	Comments     []evidence.Comment `json:"comments,omitempty"`
	CommentTotal int                `json:"comment_total,omitempty"`
}

// Sprint is one sprint of a board, as an issue's Sprint field gives it.
type Sprint struct {
	ID      int    `json:"id"`
	Name    string `json:"name"`
	State   string `json:"state"` // "active", "future" or "closed"
	BoardID int    `json:"board_id,omitempty"`
	// Start and End are the planned dates (none for a future sprint not
	// yet scheduled); Completed is when the sprint was closed.
	Start     *time.Time `json:"start,omitempty"`
	End       *time.Time `json:"end,omitempty"`
	Completed *time.Time `json:"completed,omitempty"`
}

// VersionSet is a fix version the user's own change put on an issue, and
// when: what the team's read, which holds no changelog, does not know.
type VersionSet struct {
	Version string
	At      time.Time
}

// StatusMove is a change of an issue's status, by whom and when: read from
// the synced changelogs of the issues the user worked on, as the team's
// read holds none.
type StatusMove struct {
	By       evidence.User
	From, To string
	At       time.Time
}

// SprintMove is a change of an issue's Sprint field, by whom and when:
// From and To list the sprints before and after, as Jira writes them
// ("OPS Sprint 63, OPS Sprint 65"), the last the one it is planned into.
type SprintMove struct {
	By       evidence.User
	From, To string
	At       time.Time
}

// Release is a fix version with its date.
type Release struct {
	Name     string     `json:"name"`
	Date     *time.Time `json:"date,omitempty"`
	Released bool       `json:"released,omitempty"`
}

// LastComment is the newest comment, if any.
func (ti TeamIssue) LastComment() (evidence.Comment, bool) {
	if len(ti.Comments) == 0 {
		return evidence.Comment{}, false
	}
	last := ti.Comments[0]
	for _, c := range ti.Comments[1:] {
		if !c.At.Before(last.At) {
			last = c
		}
	}
	return last, true
}
