package evidence

import (
	"time"
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
	Issue
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
	Comments     []Comment `json:"comments,omitempty"`
	CommentTotal int       `json:"comment_total,omitempty"`
}

// Release is a fix version with its date.
type Release struct {
	Name     string     `json:"name"`
	Date     *time.Time `json:"date,omitempty"`
	Released bool       `json:"released,omitempty"`
}

// LastComment is the newest comment, if any.
func (ti TeamIssue) LastComment() (Comment, bool) {
	if len(ti.Comments) == 0 {
		return Comment{}, false
	}
	last := ti.Comments[0]
	for _, c := range ti.Comments[1:] {
		if !c.At.Before(last.At) {
			last = c
		}
	}
	return last, true
}

// Blocks lists the keys of the issues this one blocks ("blocks" links).
func (is Issue) Blocks() []string {
	var keys []string
	for _, l := range is.Links {
		if l.Direction == "outward" && equalsAnyFold(l.Description, []string{"blocks"}) {
			keys = append(keys, l.OtherKey)
		}
	}
	return keys
}

// TeamWork is what the portfolio can claim from suggestions the user took:
// "picked up N unowned PM tasks that were blocking the team". Each item
// links to the user's own evidence; others' issues appear only as a key and
// its link.
type TeamWork struct {
	SiteName    string    `json:"site"`
	IssueKey    string    `json:"issue_key"`
	IssueURL    string    `json:"issue_url"`
	Detector    string    `json:"detector"`
	Category    string    `json:"category"`
	SuggestedAt time.Time `json:"suggested_at"`
	TakenAt     time.Time `json:"taken_at"`
	EvidenceID  string    `json:"evidence_id"`
}
