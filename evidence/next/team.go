package next

import (
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// TeamScope names the team's work that `pmfolio next` looks at: project
// keys, a board, or a JQL query. With none of them, sync uses the projects
// the user was active in over the last 90 days.
type TeamScope struct {
	Projects []string `yaml:"projects,omitempty" json:"projects,omitempty"`
	Board    int      `yaml:"board,omitempty" json:"board,omitempty"`
	JQL      string   `yaml:"jql,omitempty" json:"jql,omitempty"`
	// Off turns the team phase of sync off.
	Off bool `yaml:"off,omitempty" json:"off,omitempty"`
}

// Empty reports whether the scope names nothing, so the default applies.
func (t TeamScope) Empty() bool { return len(t.Projects) == 0 && t.Board == 0 && t.JQL == "" }

// TeamIssue is an issue of the user's team, read for `pmfolio next`: only
// the fields the detectors need. It is context, never evidence, and never
// leaves the machine except as a linked key.
type TeamIssue struct {
	evidence.Issue
	// SprintState is the state of the issue's latest sprint: "active",
	// "future", "closed", or "" when it is in no sprint.
	SprintState string `json:"sprint_state,omitempty"`
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
