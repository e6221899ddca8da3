package export

import (
	"cmp"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// tally is what a set of evidence items adds up to, counted from the data
// alone: every number a bullet, story or initiative states comes from here.
type tally struct {
	items int
	// issues are the distinct issues behind the items; done are those
	// whose status is in Jira's "done" category now.
	issues, done int
	projects     int
	// teammates are the distinct assignees of those issues the user
	// worked alongside (workedAlongside): the people the work was for or
	// with.
	teammates int
	// releases are the distinct fix versions of those issues.
	releases int
	// epics are the distinct initiatives of the portfolio the items belong to.
	epics int
	// sources counts the items by where they come from: comments the user
	// wrote, issues they created, changes they made.
	sources map[evidence.Source]int
	// blocked are how long the blocks the user cleared had lasted, where
	// the store could measure it.
	blocked []time.Duration
}

// tally counts items. Counting is by site and key throughout: two Jira
// sites can both have a PAY-142 or a release "2026.03".
func (v *view) tally(items []*evidence.Evidence) tally {
	type siteValue struct{ site, value string }
	var (
		t         = tally{items: len(items), sources: make(map[evidence.Source]int)}
		issues    = make(map[siteValue]bool)
		projects  = make(map[siteValue]bool)
		teammates = make(map[siteValue]bool)
		releases  = make(map[siteValue]bool)
		epics     = make(map[siteValue]bool)
	)
	for _, e := range items {
		t.sources[e.Source]++
		if e.BlockedFor > 0 {
			t.blocked = append(t.blocked, e.BlockedFor)
		}
		if e.IssueKey == "" {
			continue
		}
		issue := siteValue{e.SiteName, e.IssueKey}
		if !issues[issue] {
			issues[issue] = true
			if e.IssueStatusCategory == "done" {
				t.done++
			}
			for _, r := range e.IssueFixVersions {
				releases[siteValue{e.SiteName, r}] = true
			}
		}
		projects[siteValue{e.SiteName, projectOf(e)}] = true
		if a := e.IssueAssignee; workedAlongside(a, e.IssueAssigneeActed, v.userOf(e.SiteName)) {
			teammates[siteValue{e.SiteName, cmp.Or(a.ID, a.DisplayName)}] = true
		}
		if epic, ok := v.epicOf(e); ok {
			epics[siteValue{epic.SiteName, epic.Key}] = true
		}
	}
	t.issues, t.projects, t.teammates, t.releases, t.epics =
		len(issues), len(projects), len(teammates), len(releases), len(epics)
	return t
}

// workedAlongside reports whether the assignee of an issue is a teammate
// the user worked alongside: a person other than the user who did
// something on it (acted: filed it, commented, changed a field, logged
// work). Rohit, assigned CORE-2183 and silent on it while Kaveri said no
// to its requester, was not. Every count of teammates asks this.
func workedAlongside(assignee evidence.User, acted bool, user evidence.User) bool {
	return (assignee.DisplayName != "" || assignee.ID != "") && acted && !isUser(assignee, user)
}

// isUser reports whether an assignee is the portfolio's user: by account,
// or, in a redacted portfolio where accounts have no ids, by name.
func isUser(a, user evidence.User) bool {
	if a.ID != "" || user.ID != "" {
		return a.Is(user)
	}
	return a.DisplayName != "" && a.DisplayName == user.DisplayName
}

// userOf returns the account whose activity a site's evidence is.
func (v *view) userOf(site string) evidence.User {
	for _, s := range v.sites {
		if s.Name == site {
			return s.User
		}
	}
	return evidence.User{}
}

// epicOf returns the initiative of the portfolio an item belongs to: its
// issue is the epic, or the epic is its parent.
func (v *view) epicOf(e *evidence.Evidence) (evidence.Epic, bool) {
	if e.IssueKey == "" || len(v.epics) == 0 {
		return evidence.Epic{}, false
	}
	if v.epicIndex == nil {
		v.epicIndex = make(map[issueRef]int, len(v.epics))
		for i, ep := range v.epics {
			v.epicIndex[issueRef{ep.SiteName, ep.Key}] = i
		}
	}
	key := e.IssueParent
	if e.IssueType == "Epic" || key == "" {
		key = e.IssueKey
	}
	if i, ok := v.epicIndex[issueRef{e.SiteName, key}]; ok {
		return v.epics[i], true
	}
	return evidence.Epic{}, false
}
