package jira

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/next"
)

// teamFields are the system fields the team-backlog detectors read: no
// changelog, no worklogs, the comments the search embeds. Reading the
// team's backlog costs one request per page, and one more per issue with
// more comments than the search embeds (latestComments).
var teamFields = []string{
	"summary", "description", "issuetype", "project", "status", "priority", "resolution", "resolutiondate",
	"labels", "components", "fixVersions", "assignee", "reporter", "creator", "created", "updated",
	"issuelinks", "parent", "comment", "watches",
}

// TeamSelection is the JQL of the team's issues: on a first read (since
// zero) the open ones and those resolved within next.TeamReadDays,
// after that every one updated since the cursor, done or not, so that an
// issue closed meanwhile stops being suggested. A board is read through
// its saved filter (two requests).
func (s *Source) TeamSelection(ctx context.Context, scope next.TeamScope, since time.Time) (string, error) {
	var parts []string
	if len(scope.Projects) > 0 {
		// In key order: the selection is what the team cursor is kept
		// under, and the projects a user worked in lately come by how
		// much she did in each, which changes from one night to the next
		// without the team changing.
		keys := make([]string, len(scope.Projects))
		for i, p := range scope.Projects {
			keys[i] = `"` + jqlEscape(strings.TrimSpace(p)) + `"`
		}
		slices.Sort(keys)
		parts = append(parts, "project IN ("+strings.Join(keys, ", ")+")")
	}
	if scope.Board != 0 {
		jql, err := s.client.boardJQL(ctx, scope.Board)
		if err != nil {
			return "", err
		}
		parts = append(parts, "("+jql+")")
	}
	if jql := strings.TrimSpace(orderBy.ReplaceAllString(scope.JQL, "")); jql != "" {
		parts = append(parts, "("+jql+")")
	}
	if len(parts) == 0 {
		return "", errors.New("team scope names no project, board or JQL")
	}
	selection := "(" + strings.Join(parts, " OR ") + ")"
	if since.IsZero() {
		// The open issues, and those resolved lately: an incident's
		// postmortem is due after it is resolved, and what the last
		// sprints finished is what the next one is planned against.
		return fmt.Sprintf(`%s AND (statusCategory != Done OR resolved >= -%dd) ORDER BY updated ASC`, selection, next.TeamReadDays), nil
	}
	loc := s.me.TimeZone
	if loc == nil {
		loc = time.UTC
	}
	return fmt.Sprintf(`%s AND updated >= "%s" ORDER BY updated ASC`, selection, since.In(loc).Format("2006-01-02 15:04")), nil
}

// boardJQL is the JQL of a board's saved filter (Jira Software's agile
// API), without its ORDER BY.
func (c *Client) boardJQL(ctx context.Context, board int) (string, error) {
	var conf struct {
		Filter struct {
			ID string `json:"id"`
		} `json:"filter"`
	}
	if err := c.get(ctx, "rest/agile/1.0/board/"+strconv.Itoa(board)+"/configuration", &conf); err != nil {
		return "", fmt.Errorf("read board %d: %w", board, err)
	}
	var filter struct {
		JQL string `json:"jql"`
	}
	if err := c.get(ctx, "rest/api/2/filter/"+url.PathEscape(conf.Filter.ID), &filter); err != nil {
		return "", fmt.Errorf("read the filter of board %d: %w", board, err)
	}
	jql := strings.TrimSpace(orderBy.ReplaceAllString(filter.JQL, ""))
	if jql == "" {
		return "", fmt.Errorf("board %d has an empty filter", board)
	}
	return jql, nil
}

// TeamPages runs a team selection and calls fn with each page of mapped
// team issues and the newest `updated` on it, in Jira's order.
func (s *Source) TeamPages(ctx context.Context, selection string, fn func(issues []next.TeamIssue, newest time.Time) error) error {
	c, fields := s.client, s.fields
	query := url.Values{}
	query.Set("jql", selection)
	query.Set("maxResults", strconv.Itoa(c.pageSize))
	names := append([]string(nil), teamFields...)
	for _, id := range append(fields.ids(), fields.AcceptanceCriteria) {
		if id != "" {
			names = append(names, id)
		}
	}
	query.Set("fields", strings.Join(names, ","))
	cloud := s.info.Deployment == evidence.DeploymentCloud
	startAt, seenTokens := 0, map[string]bool{}
	for {
		path := "rest/api/2/search"
		if cloud {
			path = "rest/api/2/search/jql"
		} else {
			query.Set("startAt", strconv.Itoa(startAt))
		}
		var page searchPage
		if err := c.get(ctx, path+"?"+query.Encode(), &page); err != nil {
			return fmt.Errorf("search the team's issues: %w", explainGone(err))
		}
		if len(page.Issues) == 0 {
			return nil
		}
		issues := make([]next.TeamIssue, 0, len(page.Issues))
		var newest time.Time
		for _, raw := range page.Issues {
			ti, err := mapTeamIssue(raw, fields)
			if err != nil {
				return &Error{Kind: KindProtocol, Err: fmt.Errorf("search returned a team issue pmfolio cannot read: %v", err)}
			}
			if ti.CommentTotal > len(ti.Comments) {
				// The search embeds the oldest comments; the detectors
				// need the newest (who spoke last, and when).
				if ti.Comments, err = c.latestComments(ctx, ti.ID, ti.CommentTotal); err != nil {
					return fmt.Errorf("read the latest comments of %s: %w", ti.Key, err)
				}
			}
			if ti.Updated.After(newest) {
				newest = ti.Updated
			}
			issues = append(issues, ti)
		}
		if err := fn(issues, newest); err != nil {
			return err
		}
		if cloud {
			if page.IsLast || page.NextPageToken == "" || seenTokens[page.NextPageToken] {
				return nil
			}
			seenTokens[page.NextPageToken] = true
			query.Set("nextPageToken", page.NextPageToken)
			continue
		}
		startAt = page.StartAt + len(page.Issues)
		if startAt >= page.Total {
			return nil
		}
	}
}

// teamCommentPage is how many of an issue's newest comments the team
// phase reads when the search embedded only the oldest.
const teamCommentPage = 50

// latestComments reads the newest comments of an issue with total
// comments, oldest first: one request.
func (c *Client) latestComments(ctx context.Context, issueID string, total int) ([]evidence.Comment, error) {
	q := url.Values{"orderBy": {"created"}, "startAt": {strconv.Itoa(max(0, total-teamCommentPage))},
		"maxResults": {strconv.Itoa(teamCommentPage)}}
	var page struct {
		Comments []apiComment `json:"comments"`
	}
	if err := c.get(ctx, "rest/api/2/issue/"+url.PathEscape(issueID)+"/comment?"+q.Encode(), &page); err != nil {
		return nil, err
	}
	out := make([]evidence.Comment, 0, len(page.Comments))
	for _, cm := range page.Comments {
		out = append(out, teamComment(cm))
	}
	return out, nil
}

// teamComment maps a comment of a team issue.
func teamComment(c apiComment) evidence.Comment {
	return evidence.Comment{ID: c.ID, Author: c.Author.domain(), At: c.Created.Time, Text: string(c.Body)}
}

// teamExtras are the fields of a team issue that the user's issues do not
// need: sprint states, release dates, watchers, the criteria field.
type teamExtras struct {
	Fields struct {
		FixVersions []struct {
			Name        string `json:"name"`
			Released    bool   `json:"released"`
			ReleaseDate string `json:"releaseDate"`
		} `json:"fixVersions"`
		Watches *struct {
			WatchCount int `json:"watchCount"`
		} `json:"watches"`
	} `json:"fields"`
}

// flexInt is a number Jira sends as a JSON number or, on some versions, a
// string; anything else reads as 0 rather than losing the sprint.
type flexInt int

func (n *flexInt) UnmarshalJSON(b []byte) error {
	v, _ := strconv.Atoi(strings.Trim(string(b), `"`))
	*n = flexInt(v)
	return nil
}

// teamSprint reads one value of a Sprint field: an object on Cloud and
// newer Data Center, the string form of older Data Center sites.
func teamSprint(v json.RawMessage) (next.Sprint, bool) {
	var obj struct {
		ID       flexInt `json:"id"`
		Name     string  `json:"name"`
		State    string  `json:"state"`
		BoardID  flexInt `json:"boardId"`
		Start    string  `json:"startDate"`
		End      string  `json:"endDate"`
		Complete string  `json:"completeDate"`
	}
	if json.Unmarshal(v, &obj) != nil || obj.Name == "" {
		var s string
		if json.Unmarshal(v, &s) != nil || !strings.Contains(s, "name=") {
			return next.Sprint{}, false
		}
		id, _ := strconv.Atoi(sprintInString(s, "id"))
		board, _ := strconv.Atoi(sprintInString(s, "rapidViewId"))
		obj.ID, obj.Name, obj.State, obj.BoardID = flexInt(id), sprintInString(s, "name"), sprintInString(s, "state"), flexInt(board)
		obj.Start, obj.End, obj.Complete = sprintInString(s, "startDate"), sprintInString(s, "endDate"), sprintInString(s, "completeDate")
	}
	at := func(s string) *time.Time {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			return nil
		}
		return &t
	}
	return next.Sprint{ID: int(obj.ID), Name: obj.Name, State: strings.ToLower(obj.State), BoardID: int(obj.BoardID),
		Start: at(obj.Start), End: at(obj.End), Completed: at(obj.Complete)}, true
}

// mapTeamIssue maps one issue of a team search.
func mapTeamIssue(raw json.RawMessage, fields Fields) (next.TeamIssue, error) {
	api, custom, err := decodeIssue(raw, append(fields.ids(), fields.AcceptanceCriteria))
	if err != nil {
		return next.TeamIssue{}, err
	}
	is, _ := mapDecoded(api, custom, fields)
	ti := next.TeamIssue{Issue: is}
	var extras teamExtras
	if err := json.Unmarshal(raw, &extras); err != nil {
		return ti, err
	}
	for _, v := range extras.Fields.FixVersions {
		r := next.Release{Name: v.Name, Released: v.Released}
		if d, err := time.Parse("2006-01-02", v.ReleaseDate); err == nil {
			r.Date = &d
		}
		ti.Releases = append(ti.Releases, r)
	}
	if w := extras.Fields.Watches; w != nil {
		ti.Watchers = w.WatchCount
	}
	if fields.Sprint != "" {
		// The running sprint matters most, then the next; a closed one
		// means the issue was carried out of it.
		var sprints []json.RawMessage
		if json.Unmarshal(custom[fields.Sprint], &sprints) == nil {
			rank := map[string]int{"closed": 1, "future": 2, "active": 3}
			for _, v := range sprints {
				sp, ok := teamSprint(v)
				if !ok {
					continue
				}
				ti.SprintList = append(ti.SprintList, sp)
				if rank[sp.State] > rank[ti.SprintState] {
					ti.SprintState = sp.State
				}
			}
		}
	}
	if fields.AcceptanceCriteria != "" {
		var text jiraText
		if json.Unmarshal(custom[fields.AcceptanceCriteria], &text) == nil {
			ti.AcceptanceCriteria = string(text)
		}
	}
	if cm := api.Fields.Comment; cm != nil {
		ti.CommentTotal = cm.Total
		for _, c := range cm.Comments {
			ti.Comments = append(ti.Comments, teamComment(c))
		}
	}
	return ti, nil
}
