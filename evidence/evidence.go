// Package evidence is pmfolio's domain, at the centre of every other package:
// Jira issues and the activities a user performed on them, the PM-work
// categories, evidence items and the portfolio they make, and the predicates
// ("blocked", "done", "someone else's") every package shares.
//
// It imports no SQL, HTTP or YAML and nothing of ours: evidence/sqlite,
// evidence/rules, evidence/sync, jira/ and export/ speak in these types.
package evidence

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strings"
	"time"
)

// User is a Jira account. On Jira Cloud ID is the accountId; on Server/Data
// Center it is the user key (stable across renames), falling back to the name.
type User struct {
	ID          string `json:"id"`
	Name        string `json:"name,omitempty"` // Server/DC login name; empty on Cloud
	DisplayName string `json:"display_name"`
	// AccountType is Jira Cloud's accountType: "atlassian" for people, "app"
	// (AccountTypeApp) for automation and integrations; empty on Server.
	AccountType string `json:"account_type,omitempty"`
	// Inactive is Jira's active:false: a deactivated account, someone who
	// left. Nobody can answer for them.
	Inactive bool `json:"inactive,omitempty"`
}

// Is reports whether u and other are the same account.
func (u User) Is(other User) bool {
	if u.ID == "" || other.ID == "" {
		return false
	}
	return u.ID == other.ID
}

// Deployment kinds of a Jira site.
const (
	DeploymentCloud  = "cloud"
	DeploymentServer = "server" // Server and Data Center
)

// Site is one Jira site as seen by one user: the pair (URL, account) owns
// every stored row, so one database can hold evidence from several employers.
type Site struct {
	ID         int64  // store-assigned
	Name       string // short name shown in exports, e.g. "acme"
	URL        string // base URL without trailing slash, may include a context path
	Deployment string // DeploymentCloud or DeploymentServer
	User       User   // the account whose activity this site's evidence describes
}

// Key identifies the site and account in stable ids: the same Jira site read
// as another user is another site.
func (s Site) Key() string {
	return strings.TrimRight(s.URL, "/") + "|" + s.User.ID
}

// SameSiteURL says two site URLs name the same site: the scheme and host
// compared without case, the path without a trailing slash, a query or a
// fragment left out.
func SameSiteURL(a, b string) bool {
	ua, errA := url.Parse(a)
	ub, errB := url.Parse(b)
	if errA != nil || errB != nil {
		return a == b
	}
	return strings.EqualFold(ua.Scheme, ub.Scheme) && strings.EqualFold(ua.Host, ub.Host) &&
		strings.TrimRight(ua.Path, "/") == strings.TrimRight(ub.Path, "/")
}

// SiteNameFromURL derives a short site name from its host: "acme" for
// https://acme.atlassian.net, "jira.example.com" for a self-hosted site.
func SiteNameFromURL(u string) string {
	host := u
	if i := strings.Index(host, "://"); i >= 0 {
		host = host[i+3:]
	}
	if i := strings.IndexAny(host, "/:"); i >= 0 {
		host = host[:i]
	}
	if name, ok := strings.CutSuffix(host, ".atlassian.net"); ok {
		return name
	}
	return host
}

// IssueURL is the browser link of an issue key on this site.
func (s Site) IssueURL(key string) string {
	return strings.TrimRight(s.URL, "/") + "/browse/" + key
}

// IssueLink is one link between an issue and another.
type IssueLink struct {
	Type         string `json:"type"`        // link type name, e.g. "Blocks"
	Direction    string `json:"direction"`   // "inward" or "outward"
	Description  string `json:"description"` // e.g. "is blocked by"
	OtherKey     string `json:"other_key"`
	OtherProject string `json:"other_project"`
	// OtherStatusCategory is the other issue's status category (new,
	// indeterminate, done) as Jira sent it with the link, when it did: it
	// is as old as the read of this issue, which a change of the other
	// issue does not touch.
	OtherStatusCategory string `json:"other_status_category,omitempty"`
}

// ProjectOfKey returns the project key of an issue key ("PAY" of "PAY-12"),
// or "" when key is not one.
func ProjectOfKey(key string) string {
	i := strings.LastIndexByte(key, '-')
	if i <= 0 || i == len(key)-1 {
		return ""
	}
	for _, c := range key[i+1:] {
		if c < '0' || c > '9' {
			return ""
		}
	}
	return key[:i]
}

// Issue is the part of a Jira issue that classification and exports need.
// The whole JSON Jira returned is stored beside it, so nothing is lost.
type Issue struct {
	ID             string      `json:"id"` // numeric id; stable when the issue moves project
	Key            string      `json:"key"`
	Project        string      `json:"project"` // project key
	ProjectName    string      `json:"project_name"`
	Type           string      `json:"type"` // "Story", "Epic", "Bug", ...
	Summary        string      `json:"summary"`
	Description    string      `json:"description,omitempty"` // wiki markup as Jira gave it
	Status         string      `json:"status"`
	StatusCategory string      `json:"status_category"` // "new", "indeterminate" or "done"
	Priority       string      `json:"priority,omitempty"`
	Resolution     string      `json:"resolution,omitempty"`
	Labels         []string    `json:"labels,omitempty"`
	Components     []string    `json:"components,omitempty"`
	FixVersions    []string    `json:"fix_versions,omitempty"`
	Sprints        []string    `json:"sprints,omitempty"`
	StoryPoints    *float64    `json:"story_points,omitempty"`
	ParentKey      string      `json:"parent_key,omitempty"` // parent or Epic Link
	Flagged        bool        `json:"flagged,omitempty"`
	Links          []IssueLink `json:"links,omitempty"`
	Reporter       User        `json:"reporter"`
	Creator        User        `json:"creator"`
	Assignee       User        `json:"assignee"`
	Created        time.Time   `json:"created"`
	Updated        time.Time   `json:"updated"`
	Resolved       *time.Time  `json:"resolved,omitempty"`
}

// CreatedBy reports whether u reported or created the issue.
func (is Issue) CreatedBy(u User) bool {
	return is.Reporter.Is(u) || is.Creator.Is(u)
}

// Source says what kind of Jira record an activity is.
type Source string

// Sources of activities and evidence (taxonomy.md).
const (
	SourceIssue   Source = "issue"   // the user created the issue
	SourceChange  Source = "change"  // one changelog history
	SourceComment Source = "comment" // one comment
	SourceWorklog Source = "worklog" // one worklog entry
	SourceManual  Source = "manual"  // evidence the user added by hand
)

// ChangeItem is one field change inside a changelog history.
type ChangeItem struct {
	Field      string `json:"field"`              // display name, e.g. "Story Points", "priority"
	FieldID    string `json:"field_id,omitempty"` // e.g. "customfield_10016"; Jira omits it on old Server
	FieldType  string `json:"field_type"`         // "jira" or "custom"
	From       string `json:"from,omitempty"`
	FromString string `json:"from_string,omitempty"`
	To         string `json:"to,omitempty"`
	ToString   string `json:"to_string,omitempty"`
	// Jira sends a value that is not there as JSON null, which is not the
	// empty string of a field cleared to ""; these keep the difference.
	FromNull       bool `json:"from_null,omitempty"`
	FromStringNull bool `json:"from_string_null,omitempty"`
	ToNull         bool `json:"to_null,omitempty"`
	ToStringNull   bool `json:"to_string_null,omitempty"`
}

// Activity is one thing someone did on an issue: created it, changed it,
// commented on it or logged work. Activities of other people are kept as
// context; only the site user's become evidence.
type Activity struct {
	IssueID  string       `json:"issue_id"`
	Source   Source       `json:"source"`
	SourceID string       `json:"source_id"` // Jira id of the issue, history, comment or worklog
	Author   User         `json:"author"`
	At       time.Time    `json:"at"`
	Text     string       `json:"text,omitempty"` // comment or worklog body, issue description
	Items    []ChangeItem `json:"items,omitempty"`
	// InReplyTo is the comment by someone else that this comment answers
	// (see markup.WithReplies): context for rules, set before classifying, never
	// stored.
	InReplyTo *Activity `json:"-"`
}

// Evidence is one claim of PM work, backed by one activity (or, for manual
// evidence, by the user's own word).
type Evidence struct {
	ID         string    `json:"id"`
	SiteID     int64     `json:"-"`
	IssueID    string    `json:"-"`
	Source     Source    `json:"source"`
	SourceID   string    `json:"source_id"`
	OccurredAt time.Time `json:"occurred_at"`
	Category   string    `json:"category"`
	Rule       string    `json:"rule"`
	Confidence float64   `json:"confidence"`
	Excerpt    string    `json:"excerpt"`
	// Why says, for a claim of the text model, its probability and the
	// words that weighed most; rules explain themselves by their id.
	Why string `json:"why,omitempty"`

	// Filled when read from the store; the classifier leaves them empty.
	SiteName        string `json:"site"`
	IssueKey        string `json:"issue_key"`
	IssueURL        string `json:"issue_url"`
	IssueSummary    string `json:"issue_summary"`
	IssueType       string `json:"-"`
	IssueProject    string `json:"-"`
	IssueParent     string `json:"-"`
	Manual          bool   `json:"manual"`
	Note            string `json:"note"`
	Excluded        bool   `json:"-"`
	MachineCategory string `json:"-"` // the classifier's category when the user re-categorised it

	// The issue as it is now, filled when read from the store, for exports
	// that count the people and releases behind the work and say what has
	// been delivered.
	IssueAssignee User `json:"-"`
	// IssueAssigneeActed says whether the assignee did anything on the
	// issue (filed it, commented, changed a field, logged work): one who
	// never did is no teammate the user worked alongside.
	IssueAssigneeActed bool `json:"-"`
	// IssueReporter and IssueCreated say who asked for the issue and when:
	// a request the user said no to was someone's.
	IssueReporter       User      `json:"-"`
	IssueCreated        time.Time `json:"-"`
	IssueStatusCategory string    `json:"-"` // "new", "indeterminate" or "done"
	IssueFixVersions    []string  `json:"-"`
	// IssueReleasedVersions are those of IssueFixVersions that Jira marks
	// released: an open issue whose version went out was released
	// without, and planning it into that version is no plan that held.
	IssueReleasedVersions []string `json:"-"`
	// IssueReleaseDates are the days Jira gives IssueReleasedVersions as
	// released on, by name (midnight UTC), where it gives one: a note
	// that planned the issue into a release held only if the issue was
	// done by then.
	IssueReleaseDates map[string]time.Time `json:"-"`
	// IssueLabels say, with its type and summary, whether the issue is an
	// incident (IsIncident).
	IssueLabels []string `json:"-"`
	// IssueLinks are the keys of the issues the issue is linked to, in
	// either direction: a postmortem or a follow-up is often tied to its
	// incident only by a link, not by the words on it.
	IssueLinks []string `json:"-"`
	// IssueResolved is when Jira resolved the issue, nil when it is not
	// resolved: the comment that says how an incident ended was posted
	// shortly before.
	IssueResolved *time.Time `json:"-"`
	// BlockedFor is, for a change that cleared a block (a flag removed, an
	// issue moved out of Blocked), how long the block had lasted; zero
	// when unknown.
	BlockedFor time.Duration `json:"-"`
}

// commentAnchor is the part of a Jira link that opens an issue at one
// comment, focused and highlighted, in Cloud, Server and Data Center.
const commentAnchor = "&page=com.atlassian.jira.plugin.system.issuetabpanels:comment-tabpanel#comment-"

// CommentURL links a comment of an issue, or "" without the issue's URL.
func CommentURL(issueURL, commentID string) string {
	if issueURL == "" || commentID == "" {
		return issueURL
	}
	id := url.QueryEscape(commentID)
	return issueURL + "?focusedCommentId=" + id + commentAnchor + id
}

// RecordURL is the link that shows the item's record itself: the comment
// for a comment, the issue otherwise, the user's own link for manual
// evidence.
func (e *Evidence) RecordURL() string {
	if e.Source == SourceComment {
		return CommentURL(e.IssueURL, e.SourceID)
	}
	return e.IssueURL
}

// RuleTextModel is the rule id of the claims of the text model
// (evidence/rules/model.go): what no rule claimed, found in what the user
// wrote.
const RuleTextModel = "model.text"

// ByOccurrence orders evidence as portfolios show it: by when it happened,
// then by what does not depend on the site's address, which the ids hash,
// so that the kinds of work one comment shows come in the same order
// whatever port or host a site was synced from; the id last.
func ByOccurrence(a, b *Evidence) int {
	return cmp.Or(a.OccurredAt.Compare(b.OccurredAt), strings.Compare(a.SiteName, b.SiteName), strings.Compare(string(a.Source), string(b.Source)),
		strings.Compare(a.SourceID, b.SourceID), strings.Compare(a.Category, b.Category), strings.Compare(a.ID, b.ID))
}

// EvidenceID is the stable id of the evidence for one (site, issue, source,
// source id, category): the same claim keeps its id across syncs and
// reclassifications, which is what curation is keyed by.
func EvidenceID(siteKey, issueID string, source Source, sourceID, category string) string {
	h := sha256.New()
	for _, part := range []string{siteKey, issueID, string(source), sourceID, category} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return "ev_" + hex.EncodeToString(h.Sum(nil))[:20]
}

// AccountTypeApp is Jira Cloud's accountType of automation and integration
// accounts ("Automation for Jira", apps); people are "atlassian" and
// service-desk customers "customer". Server and Data Center have no account
// types.
const AccountTypeApp = "app"

// ClassifyFunc turns one activity into the evidence it supports; Classify is
// the built-in one. A sync runs it over each page before the store commits
// the page's activities and their evidence in one transaction; reclassify
// runs it over the stored activities.
type ClassifyFunc func(a Activity, is Issue, me User) []Evidence

// IssueRecord is one fetched issue ready to store: the mapped issue, the JSON
// Jira returned for it and every activity on it, whoever did it.
type IssueRecord struct {
	Issue      Issue
	Raw        []byte
	Activities []Activity
	// Evidence is what the classifier found in the user's activities, with
	// ids, each id once; the sync fills it before the page is stored, and
	// the store replaces the issue's evidence with it.
	Evidence []Evidence
}

// Filter narrows what is read. Nil fields do not filter.
type Filter struct {
	Since    *time.Time // inclusive
	Until    *time.Time // exclusive: the instant after the last one wanted
	Category *string    // the category after curation
	// Rule keeps what a rule made: its id, or the start of ids up to a
	// dot ("model" for model.text, "comment" for every comment.* rule).
	Rule     *string
	IssueKey *string
	ID       *string // one evidence item, machine or manual
	Site     *string // site name
	// IncludeExcluded also returns the items the user excluded.
	IncludeExcluded bool
}

// Keeps applies the filters that depend on curation.
func (f Filter) Keeps(ev Evidence) bool {
	if ev.Excluded && !f.IncludeExcluded || f.ID != nil && *f.ID != ev.ID {
		return false
	}
	if f.Rule != nil && ev.Rule != *f.Rule && !strings.HasPrefix(ev.Rule, *f.Rule+".") {
		return false
	}
	return f.Category == nil || *f.Category == ev.Category
}
