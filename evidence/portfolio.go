package evidence

import "time"

// Period is the span of time a portfolio covers. The store always fills
// both ends: Since is the filter's start or the first item's time, Until the
// filter's last instant or the time the portfolio was made, but no later
// than what the data is as of: the last complete sync (or the latest item,
// if one recorded by hand is later).
type Period struct {
	Since time.Time
	Until time.Time
}

// Project is a Jira project some evidence belongs to.
type Project struct {
	SiteName string
	Key      string
	Name     string
}

// Epic is an initiative some evidence belongs to (the item is the epic or a
// child of it).
type Epic struct {
	SiteName string
	Key      string
	Summary  string
	URL      string
	// Goal is the epic's description as plain text: the problem, goal and
	// success metrics as its author wrote them.
	Goal           string
	Status         string // the status name, e.g. "Done"
	StatusCategory string // "new", "indeterminate" or "done"
	Resolution     string
	Resolved       *time.Time
	// Comments are the epic's comments by anyone, oldest first, as plain
	// text: the place Jira records how an initiative ended.
	Comments []Comment
	// Outcome is the user's own statement of the initiative's result
	// (`pmfolio outcome`), empty when they gave none.
	Outcome string
	// Issues are the epic and the issues under it that the store holds
	// (by parent or Epic Link), whoever's they are: how big the
	// initiative was, beyond the issues the user's evidence is on.
	Issues []EpicIssue
}

// EpicIssue is one issue of an epic, with whom it is assigned to and when
// it was filed (an issue filed under an epic long after it was resolved
// is no part of what the initiative did).
type EpicIssue struct {
	Key      string
	Assignee User
	// AssigneeActed is as Evidence.IssueAssigneeActed.
	AssigneeActed bool
	Created       time.Time
	// Summary, Resolved and Dropped say what the issue was and how it
	// ended: an update that calls work late which the epic's issues show
	// done before it is one Jira contradicts (export's slipContradicted).
	Summary  string
	Resolved *time.Time // nil while the issue is open
	Dropped  bool       // resolved without its work done (Issue.Dropped)
}

// IssueOutcome is the user's statement of what the work on one issue
// achieved.
type IssueOutcome struct {
	SiteName string
	Key      string
	Text     string
}

// IssueComments are the user's own comments on one issue, oldest first.
type IssueComments struct {
	SiteName string
	Key      string
	Comments []Comment
}

// Reply is the answer another person gave to one of the user's comments
// that is evidence (markup.WithReplies): "Ok understood, 4.14 is fine. I
// will inform business." from the colleague the user said no to is how
// the no went.
type Reply struct {
	SiteName string
	Key      string
	To       string // the id of the user's comment it answers
	Comment  Comment
}

// ReplyWindow is how long after someone's comment a comment that does not
// mention them may still answer it (a Reply, markup.WithReplies; a
// sponsor's reply to the user's words in an export): weeks later it is
// news of its own.
const ReplyWindow = 7 * 24 * time.Hour

// DoneIssue is an issue resolved with its work done, not dropped (Won't
// Do, Duplicate…), and when.
type DoneIssue struct {
	SiteName string
	Key      string
	URL      string
	Resolved time.Time
}

// NamedIssue is an issue the evidence names by key in its excerpts that
// none of it is on ("MOB-934 can wait a sprint"), someone else's, as last
// synced: what it is and whether it is still to do. Whether and when its
// work was done is in DoneIssues.
type NamedIssue struct {
	SiteName       string
	Key            string
	URL            string
	Summary        string
	StatusCategory string // "new", "indeterminate" or "done"
}

// IssueSprints is the Sprint field of one issue: the sprints it is in
// now and every change of the field, by anyone, oldest first.
type IssueSprints struct {
	SiteName string
	Key      string
	Sprints  []string
	Changes  []SprintChange
}

// SprintChange is one change of an issue's Sprint field: the sprints it
// was in before and after.
type SprintChange struct {
	At       time.Time
	From, To []string
}

// Comment is one comment on an issue.
type Comment struct {
	ID     string    `json:"id"` // Jira's comment id
	At     time.Time `json:"at"`
	Author User      `json:"author"`
	Text   string    `json:"text"` // plain text
}

// Portfolio is everything an export needs, read from the store at once.
// Exports read it; they never write.
type Portfolio struct {
	GeneratedAt time.Time
	// SyncedAt is when the newest complete sync of Sites finished; zero if
	// none has.
	SyncedAt time.Time
	Sites    []Site
	Period   Period
	// Evidence holds the items that are not excluded, with curation applied,
	// ordered by OccurredAt then ID.
	Evidence []Evidence
	// Categories are those the evidence may carry: the built-in ones in
	// taxonomy order, then any the user defined.
	Categories []Category
	// Projects are the projects of the evidence's issues, by site and key.
	Projects []Project
	// Epics are the stored epics the evidence belongs to, by site and key.
	Epics []Epic
	// IssueOutcomes are the user's own statements (`pmfolio outcome`) of
	// what their work on an issue that is none of Epics achieved: an
	// incident they led, a thread they settled. The stories tell them.
	IssueOutcomes []IssueOutcome
	// OwnComments are the user's own comments, as plain text, on each
	// done issue of Evidence that is none of Epics, by site and key: where they
	// wrote how the work on it ended ("4.12 is live. Zero rollback."),
	// whether or not a rule took the comment for evidence; and on an
	// issue not done yet where someone answered them (Replies): what they
	// wrote after the exchange; and on each done issue under one of Epics:
	// a retro that says whether an agreement quoted on the epic held.
	OwnComments []IssueComments
	// WholeComments are the user's comments that are evidence, whole,
	// where the excerpt of the evidence cut them, by site and key; and,
	// with no ID, the description of an issue the user filed as incident
	// work (a postmortem) that the excerpt cut.
	WholeComments []IssueComments
	// OthersDescriptions are the descriptions, as comments with no ID, of
	// the issues another person filed that the user's cross-team comments
	// that are evidence are on, by site and key: the date the other team
	// set ("v1 charges goes away on Nov 30.") is what the user's date to
	// them answers.
	OthersDescriptions []IssueComments
	// Replies are the first answer by another person to each of the
	// user's comments that are evidence, where someone answered, by site,
	// key and comment.
	Replies []Reply
	// DoneIssues are the issues, of those the evidence is on or names by
	// key in its excerpts ("CHK-1419 tracks it"), that are resolved with
	// their work done, by site and key: whether the work the user gave a
	// date for was done by that date.
	DoneIssues []DoneIssue
	// NamedIssues are the issues, of those the evidence names by key in
	// its excerpts, that none of it is on and the store holds, by site and
	// key: whether work a call of the user's put off ("MOB-934 can wait a
	// sprint") is still to do.
	NamedIssues []NamedIssue
	// Sprints are the Sprint fields of the issues the evidence is on that
	// were ever in a sprint, by site and key: whether a note that put an
	// issue into a sprint ("we commit to three items and this is one of
	// them") held, or the issue left that sprint.
	Sprints []IssueSprints
	// People are the display names of everyone seen on the sites' issues,
	// the user included, sorted; redaction replaces them.
	People []string
	// TeamWork are the suggestions of `pmfolio next` the user took, each
	// backed by an item of Evidence: "picked up N unowned PM tasks that
	// were blocking the team".
	TeamWork []TeamWork
	// Redacted says names, keys and sites have been replaced by
	// placeholders (export.Redact), so a document should not present the
	// placeholders as a byline.
	Redacted bool
}
