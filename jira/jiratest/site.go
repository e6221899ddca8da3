// Package jiratest is a fake Jira for pmfolio's tests, benchmarks and demo:
// a deterministic generator of a realistic Jira site (DemoSite), two sites
// written by hand for people pmfolio was not written with (KestrelSite,
// KaveriSite), and an HTTP server (NewServer) that answers the REST v2
// endpoints pmfolio calls, in the JSON shapes Jira Cloud and Jira
// Server/Data Center really use.
//
// It imports nothing from pmfolio so that tests of package jira can use it.
package jiratest

import (
	"fmt"
	"slices"
	"strconv"
	"time"
)

// Deployment kinds a Site can imitate. They match the values pmfolio's
// configuration uses.
const (
	DeploymentCloud  = "cloud"
	DeploymentServer = "server"
)

// Credentials the fake server accepts unless told otherwise. They are
// obviously fake so nobody mistakes them for a leaked secret.
const (
	DemoEmail    = "maya.lindqvist@larkspur.example"
	DemoAPIToken = "ATATT-demo-not-a-real-token-0000"
	DemoPAT      = "NDk2-demo-not-a-real-pat-0000"
)

// User is a Jira account. Cloud identifies people by AccountID; Server by
// Key (stable across renames) and Name (the login).
type User struct {
	AccountID   string // Cloud only
	AccountType string // Cloud only: "atlassian" for people, "app" for automation
	Name        string // Server only: login name
	Key         string // Server only: differs from Name for accounts created since Jira 8
	Email       string // empty when the account hides it (Cloud privacy setting)
	DisplayName string
	TimeZone    string
	Active      bool
}

// Project is one Jira project with its board's sprints, its versions and
// components.
type Project struct {
	ID         string
	Key        string
	Name       string
	Lead       *User
	BoardID    int
	Components []*Component
	Versions   []*Version // oldest first
	Sprints    []*Sprint  // oldest first, two weeks each
	lastNumber int        // the highest issue number handed out
}

// Component is a project component.
type Component struct {
	ID   string
	Name string
}

// Version is a fix version (release) of a project.
type Version struct {
	ID          string
	Name        string
	Released    bool
	ReleaseDate time.Time
}

// Sprint is a Scrum sprint of a project's board.
type Sprint struct {
	ID       int
	Name     string
	State    string // "closed", "active" or "future"
	BoardID  int
	Goal     string
	Start    time.Time
	End      time.Time
	Complete time.Time // zero unless closed
	Sequence int
}

// IssueType is a Jira issue type. HierarchyLevel is 1 for epics, 0 for
// standard types, -1 for sub-tasks (Cloud reports it; Server does not).
type IssueType struct {
	ID             string
	Name           string
	Subtask        bool
	HierarchyLevel int
}

// StatusCategory is one of Jira's three fixed status categories.
type StatusCategory struct {
	ID        int
	Key       string // "new", "indeterminate" or "done"
	ColorName string
	Name      string
}

// Status is a workflow status.
type Status struct {
	ID       string
	Name     string
	Category *StatusCategory
}

// Priority is an issue priority.
type Priority struct {
	ID   string
	Name string
}

// Resolution is how a resolved issue ended.
type Resolution struct {
	ID          string
	Name        string
	Description string
}

// LinkType is an issue link type, e.g. Blocks with "blocks"/"is blocked by".
type LinkType struct {
	ID      string
	Name    string
	Inward  string
	Outward string
}

// Link joins two issues: From <Type.Outward> To, so From shows it as an
// outwardIssue and To as an inwardIssue ("To is blocked by From").
type Link struct {
	ID   string
	Type *LinkType
	From *Issue
	To   *Issue
}

// Comment is an issue comment; Body is wiki markup.
type Comment struct {
	ID           string
	Author       *User
	UpdateAuthor *User
	Body         string
	Created      time.Time
	Updated      time.Time
}

// HistoryItem is one field change inside a changelog history. Field is the
// display name Jira records ("status", "Sprint", "Story Points"…); FieldID is
// sent on Cloud only, as Jira does.
type HistoryItem struct {
	Field      string
	FieldType  string // "jira" or "custom"
	FieldID    string
	From       string // empty renders as null
	FromString string // empty renders as null
	To         string
	ToString   string
}

// History is one changelog entry: everything one person changed at once.
type History struct {
	ID      string
	Author  *User
	Created time.Time
	Items   []HistoryItem
}

// Worklog is one work log entry.
type Worklog struct {
	ID               string
	Author           *User
	Comment          string
	Started          time.Time
	Created          time.Time
	Updated          time.Time
	TimeSpentSeconds int
}

// Issue is one Jira issue with everything Jira would return for it. Tests may
// change any field inside Server.Update; Touch or the Site mutators keep
// Updated in step.
type Issue struct {
	ID          string
	Key         string
	Project     *Project
	Type        *IssueType
	Summary     string
	Description string // wiki markup; empty renders as null
	Status      *Status
	Priority    *Priority
	Resolution  *Resolution // nil while unresolved
	Resolved    time.Time   // zero while unresolved
	Labels      []string
	Components  []*Component
	FixVersions []*Version
	Sprints     []*Sprint
	StoryPoints *float64
	Parent      *Issue // the epic: `parent` on Cloud, Epic Link on Server
	EpicName    string // Server epics only
	// AcceptanceCriteria is the "Acceptance Criteria" text field, when the
	// site has one (FieldIDs.AcceptanceCriteria).
	AcceptanceCriteria string
	Rank               string // LexoRank value
	Flagged            bool
	Links              []*Link
	Reporter           *User
	Creator            *User
	Assignee           *User
	Created            time.Time
	Updated            time.Time
	Comments           []*Comment // oldest first
	Histories          []*History // oldest first
	Worklogs           []*Worklog // oldest first
	// PreviousKeys are the keys the issue had before moving project; Jira
	// still resolves them.
	PreviousKeys []string
}

// FieldIDs are the custom field ids of a site. They differ between the Cloud
// and Server demo sites on purpose: a client must look them up through
// GET /rest/api/2/field, never hard-code them.
type FieldIDs struct {
	Sprint      string
	StoryPoints string
	Rank        string
	Flagged     string
	EpicLink    string // Server only; Cloud uses the parent field
	EpicName    string // Server only
	// AcceptanceCriteria is a text field some teams keep criteria in; the
	// demo's team backlog has it (team.go).
	AcceptanceCriteria string
}

// Site is a whole fake Jira site: its accounts, projects, custom fields and
// issues. Read it freely; change it only through Server.Update once a server
// serves it.
type Site struct {
	Deployment string
	Title      string
	// Now is the site's clock: serverInfo's serverTime, and the end of the
	// demo data's year.
	Now      time.Time
	Me       *User   // the account the demo credentials log in as
	Bot      *User   // the automation account
	Users    []*User // everyone, Me and Bot included
	Projects []*Project
	FieldIDs FieldIDs

	fields []*fieldDef
	issues []*Issue // in id order
	byID   map[string]*Issue
	byKey  map[string]*Issue // current and previous keys

	lastIssueID   int
	lastCommentID int
	lastHistoryID int
	lastWorklogID int
	lastLinkID    int

	noBrowse map[*Project]bool // projects Me may no longer browse

	plants []TeamPlant // the demo team backlog's planted cases (team.go)
}

// Fixed Jira vocabularies shared by both deployments.
var (
	categoryToDo       = &StatusCategory{ID: 2, Key: "new", ColorName: "blue-gray", Name: "To Do"}
	categoryInProgress = &StatusCategory{ID: 4, Key: "indeterminate", ColorName: "yellow", Name: "In Progress"}
	categoryDone       = &StatusCategory{ID: 3, Key: "done", ColorName: "green", Name: "Done"}

	statusToDo       = &Status{ID: "10000", Name: "To Do", Category: categoryToDo}
	statusInProgress = &Status{ID: "3", Name: "In Progress", Category: categoryInProgress}
	statusInReview   = &Status{ID: "10002", Name: "In Review", Category: categoryInProgress}
	statusBlocked    = &Status{ID: "10003", Name: "Blocked", Category: categoryInProgress}
	statusDone       = &Status{ID: "10001", Name: "Done", Category: categoryDone}

	priorityHighest = &Priority{ID: "1", Name: "Highest"}
	priorityHigh    = &Priority{ID: "2", Name: "High"}
	priorityMedium  = &Priority{ID: "3", Name: "Medium"}
	priorityLow     = &Priority{ID: "4", Name: "Low"}
	priorityLowest  = &Priority{ID: "5", Name: "Lowest"}
	priorities      = []*Priority{priorityHighest, priorityHigh, priorityMedium, priorityLow, priorityLowest}

	resolutionDone      = &Resolution{ID: "10000", Name: "Done", Description: "Work has been completed on this issue."}
	resolutionWontDo    = &Resolution{ID: "10001", Name: "Won't Do", Description: "This issue won't be actioned."}
	resolutionDuplicate = &Resolution{ID: "10002", Name: "Duplicate", Description: "The problem is a duplicate of an existing issue."}

	typeEpic  = &IssueType{ID: "10000", Name: "Epic", HierarchyLevel: 1}
	typeStory = &IssueType{ID: "10001", Name: "Story"}
	typeTask  = &IssueType{ID: "10002", Name: "Task"}
	typeBug   = &IssueType{ID: "10004", Name: "Bug"}

	linkBlocks    = &LinkType{ID: "10000", Name: "Blocks", Inward: "is blocked by", Outward: "blocks"}
	linkDuplicate = &LinkType{ID: "10002", Name: "Duplicate", Inward: "is duplicated by", Outward: "duplicates"}
	linkRelates   = &LinkType{ID: "10003", Name: "Relates", Inward: "relates to", Outward: "relates to"}
)

// MyAccount returns a copy of the account the demo credentials log in as.
func (s *Site) MyAccount() User { return *s.Me }

// IssueCount is the number of issues on the site.
func (s *Site) IssueCount() int { return len(s.issues) }

// Issues returns the site's issues in id order. The slice is a copy; the
// issues are not.
func (s *Site) Issues() []*Issue { return slices.Clone(s.issues) }

// Issue finds an issue by numeric id, current key or a key it had before a
// move; nil if there is none.
func (s *Site) Issue(idOrKey string) *Issue {
	if is, ok := s.byID[idOrKey]; ok {
		return is
	}
	return s.byKey[idOrKey]
}

// Project finds a project by key; nil if there is none.
func (s *Site) Project(key string) *Project {
	for _, p := range s.Projects {
		if p.Key == key {
			return p
		}
	}
	return nil
}

// Touch sets the issue's updated time, as any edit in Jira does.
func (s *Site) Touch(issueKey string, at time.Time) error {
	is, err := s.lookupIssue(issueKey)
	if err != nil {
		return err
	}
	is.Updated = at
	return nil
}

// AddComment adds a comment by Me (authorIsMe) or by the first colleague of
// the issue's project, bumps the issue's updated time and returns the new
// comment's id.
func (s *Site) AddComment(issueKey string, authorIsMe bool, body string, at time.Time) (string, error) {
	is, err := s.lookupIssue(issueKey)
	if err != nil {
		return "", err
	}
	author := s.Me
	if !authorIsMe {
		author = s.colleagueIn(is.Project)
	}
	c := &Comment{ID: s.nextCommentID(), Author: author, UpdateAuthor: author, Body: body, Created: at, Updated: at}
	is.Comments = append(is.Comments, c)
	is.Updated = at
	return c.ID, nil
}

// CreateIssue creates a Task reported by Me in the project of relatesTo
// (an issue key), linked to it ("relates to"), and returns its key: the
// postmortem or follow-up a user files about another issue.
func (s *Site) CreateIssue(relatesTo, summary, description string, at time.Time) (string, error) {
	other, err := s.lookupIssue(relatesTo)
	if err != nil {
		return "", err
	}
	is := &Issue{ID: s.nextIssueID(), Key: other.Project.nextKey(), Project: other.Project, Type: typeTask, Summary: summary,
		Description: description, Status: statusToDo, Priority: priorityMedium, Rank: other.Rank + "0",
		Reporter: s.Me, Creator: s.Me, Created: at, Updated: at}
	l := &Link{ID: s.nextLinkID(), Type: linkRelates, From: is, To: other}
	is.Links, other.Links = append(is.Links, l), append(other.Links, l)
	other.Updated = at
	s.addIssue(is)
	return is.Key, nil
}

// EditComment replaces a comment's body, as its author, and bumps both the
// comment's and the issue's updated time.
func (s *Site) EditComment(issueKey, commentID, body string, at time.Time) error {
	is, err := s.lookupIssue(issueKey)
	if err != nil {
		return err
	}
	for _, c := range is.Comments {
		if c.ID == commentID {
			c.Body, c.Updated, c.UpdateAuthor = body, at, c.Author
			is.Updated = at
			return nil
		}
	}
	return fmt.Errorf("issue %s has no comment %s", issueKey, commentID)
}

// DeleteComment removes a comment and bumps the issue's updated time. Jira
// keeps no trace of a deleted comment, which is what a sync must cope with.
// The issue gets a new Comments slice, so a caller ranging over the old one
// can delete as it goes.
func (s *Site) DeleteComment(issueKey, commentID string, at time.Time) error {
	is, err := s.lookupIssue(issueKey)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(is.Comments, func(c *Comment) bool { return c.ID == commentID })
	if i < 0 {
		return fmt.Errorf("issue %s has no comment %s", issueKey, commentID)
	}
	is.Comments = slices.Concat(is.Comments[:i], is.Comments[i+1:])
	is.Updated = at
	return nil
}

// MoveIssue moves an issue to another project, as the destination project's
// lead: the issue keeps its id, gets the next key of that project, loses its
// components and fix versions (they belong to the old project), and records
// the move in its changelog. The old key keeps resolving to the issue. It
// returns the new key.
func (s *Site) MoveIssue(oldKey, newProjectKey string, at time.Time) (string, error) {
	is, err := s.lookupIssue(oldKey)
	if err != nil {
		return "", err
	}
	dest := s.Project(newProjectKey)
	if dest == nil {
		return "", fmt.Errorf("no project %s", newProjectKey)
	}
	if dest == is.Project {
		return is.Key, nil
	}
	from := is.Project
	newKey := dest.nextKey()
	s.addHistory(is, dest.Lead, at,
		HistoryItem{Field: "project", FieldType: "jira", FieldID: "project", From: from.ID, FromString: from.Name, To: dest.ID, ToString: dest.Name},
		HistoryItem{Field: "Key", FieldType: "jira", FieldID: "key", FromString: is.Key, ToString: newKey},
	)
	is.PreviousKeys = append(is.PreviousKeys, is.Key)
	is.Key, is.Project = newKey, dest
	is.Components, is.FixVersions = nil, nil
	s.byKey[newKey] = is
	is.Updated = at
	return newKey, nil
}

// DeleteIssue deletes an issue as Jira does: it is gone from searches and
// every endpoint (its id and all its keys answer 404), other issues' links
// to it go, and issues under it (an epic's children) lose their parent.
// Nothing records the deletion, and no other issue's updated time moves, so
// an incremental sync cannot see it happen.
func (s *Site) DeleteIssue(key string) error {
	is, err := s.lookupIssue(key)
	if err != nil {
		return err
	}
	s.issues = slices.DeleteFunc(slices.Clone(s.issues), func(other *Issue) bool { return other == is })
	delete(s.byID, is.ID)
	for k, other := range s.byKey {
		if other == is {
			delete(s.byKey, k)
		}
	}
	for _, other := range s.issues {
		other.Links = slices.DeleteFunc(slices.Clone(other.Links), func(l *Link) bool { return l.From == is || l.To == is })
		if other.Parent == is {
			other.Parent = nil
		}
	}
	return nil
}

// SetProjectAccess grants or revokes Me's permission to browse a project.
// Without it the project's issues are missing from searches, and the project
// and its issues answer 404 as deleted ones do, though nothing is deleted.
func (s *Site) SetProjectAccess(projectKey string, browse bool) error {
	p := s.Project(projectKey)
	if p == nil {
		return fmt.Errorf("no project %s", projectKey)
	}
	if s.noBrowse == nil {
		s.noBrowse = map[*Project]bool{}
	}
	s.noBrowse[p] = !browse
	return nil
}

// visible reports whether Me may see the issue (nil: no such issue).
func (s *Site) visible(is *Issue) bool { return is != nil && !s.noBrowse[is.Project] }

func (s *Site) lookupIssue(key string) (*Issue, error) {
	is := s.Issue(key)
	if is == nil {
		return nil, fmt.Errorf("no issue %s", key)
	}
	return is, nil
}

// colleagueIn is the account that speaks for "someone else" in a project:
// its lead, unless that is Me.
func (s *Site) colleagueIn(p *Project) *User {
	if p.Lead != s.Me {
		return p.Lead
	}
	for _, u := range s.Users {
		if u != s.Me && u != s.Bot && u.Active {
			return u
		}
	}
	return s.Me
}

func (s *Site) addIssue(is *Issue) {
	s.issues = append(s.issues, is)
	s.byID[is.ID] = is
	s.byKey[is.Key] = is
}

func (s *Site) addHistory(is *Issue, author *User, at time.Time, items ...HistoryItem) {
	is.Histories = append(is.Histories, &History{ID: s.nextHistoryID(), Author: author, Created: at, Items: items})
}

func (s *Site) nextIssueID() string   { s.lastIssueID++; return strconv.Itoa(s.lastIssueID) }
func (s *Site) nextCommentID() string { s.lastCommentID++; return strconv.Itoa(s.lastCommentID) }
func (s *Site) nextHistoryID() string { s.lastHistoryID++; return strconv.Itoa(s.lastHistoryID) }
func (s *Site) nextWorklogID() string { s.lastWorklogID++; return strconv.Itoa(s.lastWorklogID) }
func (s *Site) nextLinkID() string    { s.lastLinkID++; return strconv.Itoa(s.lastLinkID) }

func (p *Project) nextKey() string {
	p.lastNumber++
	return p.Key + "-" + strconv.Itoa(p.lastNumber)
}
