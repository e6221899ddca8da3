package jiratest

import (
	"strconv"
	"time"
)

// siteBuilder writes a site by hand, one thing a person does in Jira at a
// time, for the sites that try pmfolio on Jira data it was not written with
// (KestrelSite, KaveriSite). Unlike DemoSite, nothing is drawn at random:
// every issue, comment and change is spelled out where the site is built.
// Each change is recorded in its issue's history as Jira records it, and
// moves the issue's updated time.
type siteBuilder struct {
	site         *Site
	emailDomain  string  // of every account's e-mail address
	timeZone     string  // of every account
	open         *Status // the status a new issue starts in
	sprints      map[*Project][]*Sprint
	lastSprintID int
	ranks        int
}

// newSiteBuilder starts building site, whose deployment, title, clock, field
// ids and first ids are set.
func newSiteBuilder(site *Site, emailDomain, timeZone string, open *Status, lastSprintID int) *siteBuilder {
	site.byID, site.byKey = map[string]*Issue{}, map[string]*Issue{}
	return &siteBuilder{site: site, emailDomain: emailDomain, timeZone: timeZone, open: open,
		sprints: map[*Project][]*Sprint{}, lastSprintID: lastSprintID}
}

// done finishes the site: its custom fields follow its deployment and ids.
func (b *siteBuilder) done() *Site {
	b.site.fields = buildFieldDefs(b.site.Deployment, b.site.FieldIDs)
	return b.site
}

// user adds an active account. Cloud names it by its accountID, Server by
// its login (name) and key: the login for accounts older than Jira 8,
// JIRAUSER… for newer ones.
func (b *siteBuilder) user(accountID, name, key, display string) *User {
	u := &User{AccountID: accountID, Name: name, Key: key, Email: name + "@" + b.emailDomain, DisplayName: display, TimeZone: b.timeZone, Active: true}
	if accountID != "" {
		u.AccountType = "atlassian"
	}
	b.site.Users = append(b.site.Users, u)
	return u
}

// userRef is how a changelog names a user: accountId on Cloud, key on Server.
func (b *siteBuilder) userRef(u *User) string {
	if b.site.Deployment == DeploymentCloud {
		return u.AccountID
	}
	return u.Key
}

// addSprints gives p's board two-week sprints from first until four weeks
// past the site's clock, numbered from number on, each closed, active or
// future as of the clock.
func (b *siteBuilder) addSprints(p *Project, first time.Time, number int) {
	now := b.site.Now
	for n, at := number, first; at.Before(now.AddDate(0, 0, 28)); n, at = n+1, at.AddDate(0, 0, 14) {
		b.lastSprintID++
		sp := &Sprint{ID: b.lastSprintID, Name: p.Key + " Sprint " + strconv.Itoa(n), BoardID: p.BoardID, Start: at, End: at.AddDate(0, 0, 14).Add(-time.Hour), Sequence: b.lastSprintID}
		switch {
		case sp.End.Before(now):
			sp.State, sp.Complete = "closed", sp.End.Add(10*time.Minute)
		case sp.Start.After(now):
			sp.State = "future"
		default:
			sp.State = "active"
		}
		b.sprints[p] = append(b.sprints[p], sp)
	}
}

// sprintAt is p's sprint running at t, else its last one.
func (b *siteBuilder) sprintAt(p *Project, t time.Time) *Sprint {
	for _, s := range b.sprints[p] {
		if !t.Before(s.Start) && t.Before(s.End) {
			return s
		}
	}
	return b.sprints[p][len(b.sprints[p])-1]
}

// nextSprint is the sprint after p's running one.
func (b *siteBuilder) nextSprint(p *Project) *Sprint {
	active := b.sprintAt(p, b.site.Now)
	for i, sp := range b.sprints[p] {
		if sp == active && i+1 < len(b.sprints[p]) {
			return b.sprints[p][i+1]
		}
	}
	return nil
}

// ago is the minute the given number of days before the site's clock.
func (b *siteBuilder) ago(days float64) time.Time {
	return b.site.Now.Add(-time.Duration(days * 24 * float64(time.Hour))).Truncate(time.Minute)
}

// issue files an issue, ranked below every earlier one.
func (b *siteBuilder) issue(p *Project, typ *IssueType, summary, desc string, reporter, assignee *User, created time.Time) *Issue {
	b.ranks++
	is := &Issue{ID: b.site.nextIssueID(), Key: p.nextKey(), Project: p, Type: typ, Summary: summary, Description: desc,
		Status: b.open, Priority: priorityMedium, Rank: "0|i00" + leftPad(strconv.Itoa(b.ranks), 4) + ":",
		Reporter: reporter, Creator: reporter, Assignee: assignee, Created: created, Updated: created}
	b.site.addIssue(is)
	return is
}

func (b *siteBuilder) touch(is *Issue, at time.Time) {
	if at.After(is.Updated) {
		is.Updated = at
	}
}

func (b *siteBuilder) comment(is *Issue, author *User, at time.Time, body string) {
	c := &Comment{ID: b.site.nextCommentID(), Author: author, UpdateAuthor: author, Body: body, Created: at, Updated: at}
	is.Comments = append(is.Comments, c)
	b.touch(is, at)
}

func (b *siteBuilder) worklog(is *Issue, author *User, at time.Time, secs int, comment string) {
	w := &Worklog{ID: b.site.nextWorklogID(), Author: author, Comment: comment, Started: at, Created: at, Updated: at, TimeSpentSeconds: secs}
	is.Worklogs = append(is.Worklogs, w)
	b.touch(is, at)
}

// history records one change of the issue's fields.
func (b *siteBuilder) history(is *Issue, author *User, at time.Time, items ...HistoryItem) {
	b.site.addHistory(is, author, at, items...)
	b.touch(is, at)
}

// status moves the issue to a status, setting or clearing the resolution in
// the same change, as Jira's workflows do.
func (b *siteBuilder) status(is *Issue, author *User, at time.Time, to *Status, res *Resolution) {
	var items []HistoryItem
	if res != nil && is.Resolution == nil {
		items = append(items, HistoryItem{Field: "resolution", FieldType: "jira", FieldID: "resolution", To: res.ID, ToString: res.Name})
		is.Resolution, is.Resolved = res, at
	}
	if res == nil && is.Resolution != nil {
		items = append(items, HistoryItem{Field: "resolution", FieldType: "jira", FieldID: "resolution", From: is.Resolution.ID, FromString: is.Resolution.Name})
		is.Resolution, is.Resolved = nil, time.Time{}
	}
	items = append(items, HistoryItem{Field: "status", FieldType: "jira", FieldID: "status", From: is.Status.ID, FromString: is.Status.Name, To: to.ID, ToString: to.Name})
	is.Status = to
	b.history(is, author, at, items...)
}

func (b *siteBuilder) assign(is *Issue, author, to *User, at time.Time) {
	var from, fromName string
	if is.Assignee != nil {
		from, fromName = b.userRef(is.Assignee), is.Assignee.DisplayName
	}
	b.history(is, author, at, HistoryItem{Field: "assignee", FieldType: "jira", FieldID: "assignee", From: from, FromString: fromName, To: b.userRef(to), ToString: to.DisplayName})
	is.Assignee = to
}

func (b *siteBuilder) sprint(is *Issue, author *User, at time.Time, ss ...*Sprint) {
	fromIDs, fromNames := sprintIDs(is.Sprints)
	toIDs, toNames := sprintIDs(ss)
	is.Sprints = ss
	b.history(is, author, at, HistoryItem{Field: "Sprint", FieldType: "custom", FieldID: b.site.FieldIDs.Sprint, From: fromIDs, FromString: fromNames, To: toIDs, ToString: toNames})
}

func (b *siteBuilder) priority(is *Issue, author *User, at time.Time, p *Priority) {
	b.history(is, author, at, HistoryItem{Field: "priority", FieldType: "jira", FieldID: "priority", From: is.Priority.ID, FromString: is.Priority.Name, To: p.ID, ToString: p.Name})
	is.Priority = p
}

// rank records a drag on the board; the issue's rank itself stays.
func (b *siteBuilder) rank(is *Issue, author *User, at time.Time, higher bool) {
	to := "Ranked lower"
	if higher {
		to = "Ranked higher"
	}
	b.history(is, author, at, HistoryItem{Field: "Rank", FieldType: "custom", FieldID: b.site.FieldIDs.Rank, ToString: to})
}

// flag sets or clears the Impediment flag.
func (b *siteBuilder) flag(is *Issue, author *User, at time.Time, on bool) {
	item := HistoryItem{Field: "Flagged", FieldType: "custom", FieldID: b.site.FieldIDs.Flagged}
	if on {
		item.To, item.ToString = "["+impedimentOptionID(b.site.Deployment)+"]", "Impediment"
	} else {
		item.From, item.FromString = "["+impedimentOptionID(b.site.Deployment)+"]", "Impediment"
	}
	is.Flagged = on
	b.history(is, author, at, item)
}

// fixVersion moves the issue to release v.
func (b *siteBuilder) fixVersion(is *Issue, author *User, at time.Time, v *Version) {
	var items []HistoryItem
	if len(is.FixVersions) > 0 {
		old := is.FixVersions[len(is.FixVersions)-1]
		items = append(items, HistoryItem{Field: "Fix Version", FieldType: "jira", FieldID: "fixVersions", From: old.ID, FromString: old.Name})
	}
	items = append(items, HistoryItem{Field: "Fix Version", FieldType: "jira", FieldID: "fixVersions", To: v.ID, ToString: v.Name})
	is.FixVersions = []*Version{v}
	b.history(is, author, at, items...)
}

// addLink links from to to with no change recorded: someone linked them
// outside the user's sight.
func (b *siteBuilder) addLink(from *Issue, typ *LinkType, to *Issue) {
	l := &Link{ID: b.site.nextLinkID(), Type: typ, From: from, To: to}
	from.Links = append(from.Links, l)
	to.Links = append(to.Links, l)
}

// link links from to to, recorded on from.
func (b *siteBuilder) link(from *Issue, typ *LinkType, to *Issue, author *User, at time.Time) {
	b.addLink(from, typ, to)
	b.history(from, author, at, HistoryItem{Field: "Link", FieldType: "jira", FieldID: "issuelinks", To: to.Key, ToString: "This issue " + typ.Outward + " " + to.Key})
}

// parent puts the issue under an epic: the Parent field on Cloud, the Epic
// Link custom field on Server.
func (b *siteBuilder) parent(is, epic *Issue, author *User, at time.Time) {
	is.Parent = epic
	if b.site.Deployment == DeploymentCloud {
		b.history(is, author, at, HistoryItem{Field: "Parent", FieldType: "jira", FieldID: "parent", To: epic.ID, ToString: epic.Key})
		return
	}
	b.history(is, author, at, HistoryItem{Field: "Epic Link", FieldType: "custom", FieldID: b.site.FieldIDs.EpicLink, To: epic.ID, ToString: epic.Key})
}

// epicChild is an issue of an epic as a site spells it out: what it is, who
// works on it from when and for how many days, and what they post on it
// (nothing when empty).
type epicChild struct {
	typ           *IssueType
	summary, desc string
	who           *User
	start         time.Time
	days          int
	note          string
}

// points is a story point estimate.
func points(v float64) *float64 { return &v }
