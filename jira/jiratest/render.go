package jiratest

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// jiraTimeLayout is how Jira's REST API writes timestamps.
const jiraTimeLayout = "2006-01-02T15:04:05.000-0700"

// Jira renders times in the zone of the requesting user (Cloud) or of the
// server (Server). The two demo sites use different offsets so a client that
// drops the offset gets visibly wrong answers. Fixed zones keep responses
// byte-identical on machines with different tz databases.
var (
	cloudZone  = time.FixedZone("CET", 1*60*60)
	serverZone = time.FixedZone("EST", -5*60*60)
)

// renderer turns the site's model into Jira's JSON shapes for one request.
// It caches each user's JSON because the same few accounts appear thousands
// of times in a page of changelogs.
type renderer struct {
	site  *Site
	base  string // base URL including the context path
	users map[*User]json.RawMessage
}

func newRenderer(site *Site, base string) *renderer {
	return &renderer{site: site, base: base, users: make(map[*User]json.RawMessage)}
}

func (r *renderer) cloud() bool { return r.site.Deployment == DeploymentCloud }

func (r *renderer) time(t time.Time) string {
	if r.cloud() {
		return t.In(cloudZone).Format(jiraTimeLayout)
	}
	return t.In(serverZone).Format(jiraTimeLayout)
}

// timeOrNil is for optional timestamps such as resolutiondate.
func (r *renderer) timeOrNil(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return r.time(t)
}

type userJSON struct {
	Self         string `json:"self"`
	AccountID    string `json:"accountId,omitempty"`
	Name         string `json:"name,omitempty"`
	Key          string `json:"key,omitempty"`
	EmailAddress string `json:"emailAddress,omitempty"`
	DisplayName  string `json:"displayName"`
	Active       bool   `json:"active"`
	TimeZone     string `json:"timeZone"`
	AccountType  string `json:"accountType,omitempty"`
}

// user renders an account, or null for nil (an unassigned issue).
func (r *renderer) user(u *User) json.RawMessage {
	if u == nil {
		return json.RawMessage("null")
	}
	if b, ok := r.users[u]; ok {
		return b
	}
	j := userJSON{EmailAddress: u.Email, DisplayName: u.DisplayName, Active: u.Active, TimeZone: u.TimeZone}
	if r.cloud() {
		j.Self = r.base + "/rest/api/2/user?accountId=" + url.QueryEscape(u.AccountID)
		j.AccountID, j.AccountType = u.AccountID, u.AccountType
	} else {
		j.Self = r.base + "/rest/api/2/user?username=" + url.QueryEscape(u.Name)
		j.Name, j.Key = u.Name, u.Key
	}
	b, _ := json.Marshal(j) // a struct of strings and bools cannot fail
	r.users[u] = b
	return b
}

type historyItemJSON struct {
	Field      string  `json:"field"`
	FieldType  string  `json:"fieldtype"`
	FieldID    string  `json:"fieldId,omitempty"`
	From       *string `json:"from"`
	FromString *string `json:"fromString"`
	To         *string `json:"to"`
	ToString   *string `json:"toString"`
}

type historyJSON struct {
	ID      string            `json:"id"`
	Author  json.RawMessage   `json:"author"`
	Created string            `json:"created"`
	Items   []historyItemJSON `json:"items"`
}

func nullIfEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func (r *renderer) history(h *History) historyJSON {
	items := make([]historyItemJSON, len(h.Items))
	for i, it := range h.Items {
		items[i] = historyItemJSON{
			Field: it.Field, FieldType: it.FieldType,
			From: nullIfEmpty(it.From), FromString: nullIfEmpty(it.FromString),
			To: nullIfEmpty(it.To), ToString: nullIfEmpty(it.ToString),
		}
		if r.cloud() {
			items[i].FieldID = it.FieldID
		}
	}
	return historyJSON{ID: h.ID, Author: r.user(h.Author), Created: r.time(h.Created), Items: items}
}

func (r *renderer) histories(hs []*History) []historyJSON {
	out := make([]historyJSON, len(hs))
	for i, h := range hs {
		out[i] = r.history(h)
	}
	return out
}

type commentJSON struct {
	Self         string          `json:"self"`
	ID           string          `json:"id"`
	Author       json.RawMessage `json:"author"`
	Body         string          `json:"body"`
	UpdateAuthor json.RawMessage `json:"updateAuthor"`
	Created      string          `json:"created"`
	Updated      string          `json:"updated"`
	JSDPublic    *bool           `json:"jsdPublic,omitempty"` // Cloud only
}

func (r *renderer) comments(is *Issue, cs []*Comment) []commentJSON {
	out := make([]commentJSON, len(cs))
	public := true
	for i, c := range cs {
		out[i] = commentJSON{
			Self:   r.base + "/rest/api/2/issue/" + is.ID + "/comment/" + c.ID,
			ID:     c.ID,
			Author: r.user(c.Author), Body: c.Body, UpdateAuthor: r.user(c.UpdateAuthor),
			Created: r.time(c.Created), Updated: r.time(c.Updated),
		}
		if r.cloud() {
			out[i].JSDPublic = &public
		}
	}
	return out
}

type worklogJSON struct {
	Self             string          `json:"self"`
	Author           json.RawMessage `json:"author"`
	UpdateAuthor     json.RawMessage `json:"updateAuthor"`
	Comment          string          `json:"comment"`
	Created          string          `json:"created"`
	Updated          string          `json:"updated"`
	Started          string          `json:"started"`
	TimeSpent        string          `json:"timeSpent"`
	TimeSpentSeconds int             `json:"timeSpentSeconds"`
	ID               string          `json:"id"`
	IssueID          string          `json:"issueId"`
}

func (r *renderer) worklogs(is *Issue, ws []*Worklog) []worklogJSON {
	out := make([]worklogJSON, len(ws))
	for i, w := range ws {
		out[i] = worklogJSON{
			Self:   r.base + "/rest/api/2/issue/" + is.ID + "/worklog/" + w.ID,
			Author: r.user(w.Author), UpdateAuthor: r.user(w.Author), Comment: w.Comment,
			Created: r.time(w.Created), Updated: r.time(w.Updated), Started: r.time(w.Started),
			TimeSpent: jiraDuration(w.TimeSpentSeconds), TimeSpentSeconds: w.TimeSpentSeconds,
			ID: w.ID, IssueID: is.ID,
		}
	}
	return out
}

// jiraDuration writes seconds the way Jira shows time spent: "1d 2h 30m"
// with 8-hour days.
func jiraDuration(seconds int) string {
	minutes := seconds / 60
	days, hours, mins := minutes/(8*60), minutes/60%8, minutes%60
	var parts []string
	if days > 0 {
		parts = append(parts, strconv.Itoa(days)+"d")
	}
	if hours > 0 {
		parts = append(parts, strconv.Itoa(hours)+"h")
	}
	if mins > 0 || len(parts) == 0 {
		parts = append(parts, strconv.Itoa(mins)+"m")
	}
	return strings.Join(parts, " ")
}

// page is the {startAt,maxResults,total,…} envelope Jira wraps around
// embedded comments, worklogs and changelogs.
func page(startAt, returned, total int) map[string]any {
	return map[string]any{"startAt": startAt, "maxResults": returned, "total": total}
}

func (r *renderer) statusCategory(c *StatusCategory) map[string]any {
	return map[string]any{
		"self": r.base + "/rest/api/2/statuscategory/" + strconv.Itoa(c.ID),
		"id":   c.ID, "key": c.Key, "colorName": c.ColorName, "name": c.Name,
	}
}

func (r *renderer) status(s *Status) map[string]any {
	return map[string]any{
		"self":           r.base + "/rest/api/2/status/" + s.ID,
		"description":    "",
		"iconUrl":        r.base + "/images/icons/statuses/generic.png",
		"name":           s.Name,
		"id":             s.ID,
		"statusCategory": r.statusCategory(s.Category),
	}
}

func (r *renderer) priority(p *Priority) map[string]any {
	if p == nil {
		return nil // a team's untriaged issue: Jira sends null
	}
	return map[string]any{
		"self":    r.base + "/rest/api/2/priority/" + p.ID,
		"iconUrl": r.base + "/images/icons/priorities/" + strings.ToLower(p.Name) + ".svg",
		"name":    p.Name, "id": p.ID,
	}
}

func (r *renderer) issueType(t *IssueType) map[string]any {
	m := map[string]any{
		"self":        r.base + "/rest/api/2/issuetype/" + t.ID,
		"id":          t.ID,
		"description": issueTypeDescriptions[t.Name],
		"name":        t.Name,
		"subtask":     t.Subtask,
	}
	if r.cloud() {
		m["hierarchyLevel"] = t.HierarchyLevel
	}
	return m
}

var issueTypeDescriptions = map[string]string{
	"Epic":  "A big user story that needs to be broken down.",
	"Story": "Functionality or a feature expressed as a user goal.",
	"Task":  "A small, distinct piece of work.",
	"Bug":   "A problem or error.",
}

func (r *renderer) project(p *Project) map[string]any {
	m := map[string]any{
		"self": r.base + "/rest/api/2/project/" + p.ID,
		"id":   p.ID, "key": p.Key, "name": p.Name,
		"projectTypeKey": "software",
	}
	if r.cloud() {
		m["simplified"] = false
	}
	return m
}

// issueRef is how Jira shows another issue inside links and parent: a
// handful of fields only.
func (r *renderer) issueRef(is *Issue) map[string]any {
	return map[string]any{
		"id":   is.ID,
		"key":  is.Key,
		"self": r.base + "/rest/api/2/issue/" + is.ID,
		"fields": map[string]any{
			"summary":   is.Summary,
			"status":    r.status(is.Status),
			"priority":  r.priority(is.Priority),
			"issuetype": r.issueType(is.Type),
		},
	}
}

func (r *renderer) links(is *Issue) []any {
	out := make([]any, 0, len(is.Links))
	for _, l := range is.Links {
		m := map[string]any{
			"id":   l.ID,
			"self": r.base + "/rest/api/2/issueLink/" + l.ID,
			"type": map[string]any{
				"id": l.Type.ID, "name": l.Type.Name, "inward": l.Type.Inward, "outward": l.Type.Outward,
				"self": r.base + "/rest/api/2/issueLinkType/" + l.Type.ID,
			},
		}
		if l.From == is {
			m["outwardIssue"] = r.issueRef(l.To)
		} else {
			m["inwardIssue"] = r.issueRef(l.From)
		}
		out = append(out, m)
	}
	return out
}

func (r *renderer) sprints(ss []*Sprint) any {
	if len(ss) == 0 {
		return nil
	}
	out := make([]any, len(ss))
	for i, s := range ss {
		if r.cloud() {
			m := map[string]any{
				"id": s.ID, "name": s.Name, "state": s.State, "boardId": s.BoardID, "goal": s.Goal,
				"startDate": s.Start.UTC().Format("2006-01-02T15:04:05.000Z"),
				"endDate":   s.End.UTC().Format("2006-01-02T15:04:05.000Z"),
			}
			if !s.Complete.IsZero() {
				m["completeDate"] = s.Complete.UTC().Format("2006-01-02T15:04:05.000Z")
			}
			out[i] = m
		} else {
			out[i] = serverSprintString(s)
		}
	}
	return out
}

// serverSprintString is the toString() of GreenHopper's Sprint object, which
// older Jira Server returns as the Sprint field's value. The goal comes last
// and may contain commas, as real goals do.
func serverSprintString(s *Sprint) string {
	h := fnv.New32a()
	fmt.Fprint(h, s.ID)
	orNull := func(t time.Time) string {
		if t.IsZero() {
			return "<null>"
		}
		return t.In(serverZone).Format("2006-01-02T15:04:05.000-07:00")
	}
	goal := s.Goal
	if goal == "" {
		goal = "<null>"
	}
	activated := s.Start
	if s.State == "future" {
		activated = time.Time{}
	}
	return fmt.Sprintf("com.atlassian.greenhopper.service.sprint.Sprint@%x[id=%d,rapidViewId=%d,state=%s,name=%s,startDate=%s,endDate=%s,completeDate=%s,activatedDate=%s,sequence=%d,goal=%s]",
		h.Sum32(), s.ID, s.BoardID, strings.ToUpper(s.State), s.Name,
		orNull(s.Start), orNull(s.End), orNull(s.Complete), orNull(activated), s.Sequence, goal)
}

func (r *renderer) flagged(is *Issue) any {
	if !is.Flagged {
		return nil
	}
	id := impedimentOptionID(r.site.Deployment)
	return []any{map[string]any{"self": r.base + "/rest/api/2/customFieldOption/" + id, "value": "Impediment", "id": id}}
}

// impedimentOptionID is the id of the Flagged field's only option,
// "Impediment", which differs per site like every custom field option.
func impedimentOptionID(deployment string) string {
	if deployment == DeploymentCloud {
		return "10019"
	}
	return "10300"
}

func (r *renderer) versions(vs []*Version) []any {
	out := make([]any, len(vs))
	for i, v := range vs {
		out[i] = map[string]any{
			"self": r.base + "/rest/api/2/version/" + v.ID, "id": v.ID, "description": "",
			"name": v.Name, "archived": false, "released": v.Released,
			"releaseDate": v.ReleaseDate.Format("2006-01-02"),
		}
	}
	return out
}

func (r *renderer) components(cs []*Component) []any {
	out := make([]any, len(cs))
	for i, c := range cs {
		out[i] = map[string]any{"self": r.base + "/rest/api/2/component/" + c.ID, "id": c.ID, "name": c.Name}
	}
	return out
}

// embeddedComments is the comment field: the first commentCap comments and
// the total, so a client knows to fetch the rest.
func (r *renderer) embeddedComments(is *Issue, commentCap int) map[string]any {
	shown := is.Comments[:min(commentCap, len(is.Comments))]
	m := page(0, len(shown), len(is.Comments))
	m["comments"] = r.comments(is, shown)
	if r.cloud() {
		m["self"] = r.base + "/rest/api/2/issue/" + is.ID + "/comment"
	}
	return m
}

func (r *renderer) embeddedWorklogs(is *Issue, worklogCap int) map[string]any {
	shown := is.Worklogs[:min(worklogCap, len(is.Worklogs))]
	m := page(0, len(shown), len(is.Worklogs))
	m["worklogs"] = r.worklogs(is, shown)
	return m
}

// embeddedChangelog is the changelog expansion: the newest changelogCap
// histories, oldest first, and the total.
func (r *renderer) embeddedChangelog(is *Issue, changelogCap int) map[string]any {
	shown := is.Histories[max(0, len(is.Histories)-changelogCap):]
	m := page(0, len(shown), len(is.Histories))
	m["histories"] = r.histories(shown)
	return m
}

func timeSpent(is *Issue) any {
	if len(is.Worklogs) == 0 {
		return nil
	}
	total := 0
	for _, w := range is.Worklogs {
		total += w.TimeSpentSeconds
	}
	return total
}

func (r *renderer) issueSelf(is *Issue) string { return r.base + "/rest/api/2/issue/" + is.ID }

// issueExpand is the list of expansions Jira advertises on every issue.
func (r *renderer) issueExpand() string {
	if r.cloud() {
		return "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations"
	}
	return "operations,versionedRepresentations,editmeta,changelog,renderedFields"
}

// caps bound what an issue embeds.
type caps struct {
	changelog, comments, worklogs int
}

// issue renders one issue with the selected fields and, if asked, its
// changelog (changelogCap < 0 means all of it).
func (r *renderer) issue(is *Issue, sel fieldSelection, withChangelog bool, c caps) map[string]any {
	m := map[string]any{
		"expand": r.issueExpand(),
		"id":     is.ID,
		"self":   r.issueSelf(is),
		"key":    is.Key,
	}
	fields := map[string]any{}
	for _, f := range r.site.fieldDefs() {
		if f.value == nil || !sel.wants(f) {
			continue
		}
		if v, ok := f.value(r, is, c); ok {
			fields[f.id] = v
		}
	}
	if len(fields) > 0 {
		m["fields"] = fields
	}
	if withChangelog {
		if c.changelog < 0 {
			c.changelog = len(is.Histories)
		}
		m["changelog"] = r.embeddedChangelog(is, c.changelog)
	}
	return m
}
