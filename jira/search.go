package jira

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// searchFields are the system fields pmfolio reads; Cloud's search returns
// only ids unless fields are named.
var searchFields = []string{
	"summary", "description", "issuetype", "project", "status", "priority", "resolution", "resolutiondate",
	"labels", "components", "fixVersions", "reporter", "creator", "assignee", "created", "updated",
	"issuelinks", "parent", "comment", "worklog",
}

// Page is one search page with every issue completed (all histories,
// comments and worklogs) and mapped.
type Page struct {
	Records []evidence.IssueRecord
	Newest  time.Time // the newest `updated` on the page
	Fetched int       // issues fetched so far, this page included
	Total   int       // issues the search will return, or -1 when Jira does not say (Cloud)
}

// searchPage is both search response shapes: Cloud's token-paged
// /search/jql and Server's startAt-paged /search.
type searchPage struct {
	Issues        []json.RawMessage `json:"issues"`
	NextPageToken string            `json:"nextPageToken"`
	IsLast        bool              `json:"isLast"`
	StartAt       int               `json:"startAt"`
	Total         int               `json:"total"`
}

// Search runs jql and calls fn with each completed page, in Jira's order.
// Cloud uses GET /rest/api/2/search/jql with nextPageToken (the endpoint of
// go-jira's SearchV2JQL; pmfolio decodes it itself to keep each issue's raw
// JSON and the totals of its embedded pages); Server/DC uses /rest/api/2/search.
func (c *Client) Search(ctx context.Context, deployment, jql string, fields Fields, fn func(Page) error) error {
	query := url.Values{}
	query.Set("jql", jql)
	query.Set("maxResults", strconv.Itoa(c.pageSize))
	query.Set("fields", strings.Join(append(append([]string(nil), searchFields...), fields.ids()...), ","))
	query.Set("expand", "changelog")

	fetched, startAt := 0, 0
	seenTokens := map[string]bool{}
	for {
		path := "rest/api/2/search"
		if deployment == evidence.DeploymentCloud {
			path = "rest/api/2/search/jql"
		} else {
			query.Set("startAt", strconv.Itoa(startAt))
		}
		var page searchPage
		if err := c.get(ctx, path+"?"+query.Encode(), &page); err != nil {
			return fmt.Errorf("search issues: %w", explainGone(err))
		}
		if len(page.Issues) == 0 {
			return nil
		}
		out := Page{Total: -1}
		if deployment != evidence.DeploymentCloud {
			out.Total = page.Total
		}
		for _, raw := range page.Issues {
			rec, err := c.completeIssue(ctx, deployment, raw, fields)
			if err != nil {
				return err
			}
			if rec.Issue.Updated.After(out.Newest) {
				out.Newest = rec.Issue.Updated
			}
			out.Records = append(out.Records, rec)
		}
		fetched += len(page.Issues)
		out.Fetched = fetched
		if err := fn(out); err != nil {
			return err
		}
		if deployment == evidence.DeploymentCloud {
			// isLast alone is not trusted: stop on a missing or repeated token too.
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

// explainGone turns Cloud's 410 for the removed /search into advice.
func explainGone(err error) error {
	var jerr *Error
	if errors.As(err, &jerr) && jerr.Kind == KindGone {
		jerr.Message = "this Jira removed the old search API; pmfolio detects Cloud from /rest/api/2/serverInfo, so check that JIRA_URL is the site's own URL"
	}
	return err
}

// embeddedPage is the start of a changelog, comment or worklog list as a
// search result embeds it.
type embeddedPage struct {
	Total     int               `json:"total"`
	Histories []json.RawMessage `json:"histories"`
	Comments  []json.RawMessage `json:"comments"`
	Worklogs  []json.RawMessage `json:"worklogs"`
}

// completeIssue fetches what the search page left out of one issue (older
// histories, comments, worklogs beyond the embedded page), puts them into
// its raw JSON and maps it.
func (c *Client) completeIssue(ctx context.Context, deployment string, raw json.RawMessage, fields Fields) (evidence.IssueRecord, error) {
	var peek struct {
		ID        string        `json:"id"`
		Key       string        `json:"key"`
		Changelog *embeddedPage `json:"changelog"`
		Fields    struct {
			Comment *embeddedPage `json:"comment"`
			Worklog *embeddedPage `json:"worklog"`
		} `json:"fields"`
	}
	if err := json.Unmarshal(raw, &peek); err != nil || peek.ID == "" {
		return evidence.IssueRecord{}, &Error{Kind: KindProtocol, Err: fmt.Errorf("search returned an issue that is not valid JSON: %v", err)}
	}
	top, inFields := map[string]any{}, map[string]any{}
	if cl := peek.Changelog; cl != nil && cl.Total > len(cl.Histories) {
		histories, err := c.fullChangelog(ctx, deployment, peek.ID)
		if err != nil {
			return evidence.IssueRecord{}, fmt.Errorf("fetch changelog of %s: %w", peek.Key, err)
		}
		top["changelog"] = completePage("histories", histories)
	}
	if cm := peek.Fields.Comment; cm != nil && cm.Total > len(cm.Comments) {
		comments, err := c.pageAll(ctx, "rest/api/2/issue/"+peek.ID+"/comment", url.Values{"orderBy": {"created"}}, "comments")
		if err != nil {
			return evidence.IssueRecord{}, fmt.Errorf("fetch comments of %s: %w", peek.Key, err)
		}
		inFields["comment"] = completePage("comments", comments)
	}
	if wl := peek.Fields.Worklog; wl != nil && wl.Total > len(wl.Worklogs) {
		worklogs, err := c.pageAll(ctx, "rest/api/2/issue/"+peek.ID+"/worklog", nil, "worklogs")
		if err != nil {
			return evidence.IssueRecord{}, fmt.Errorf("fetch worklogs of %s: %w", peek.Key, err)
		}
		inFields["worklog"] = completePage("worklogs", worklogs)
	}
	if len(top)+len(inFields) > 0 {
		completed, err := replaceInRaw(raw, top, inFields)
		if err != nil {
			return evidence.IssueRecord{}, fmt.Errorf("complete %s: %w", peek.Key, err)
		}
		raw = completed
	}
	is, acts, err := mapIssue(raw, fields)
	if err != nil {
		return evidence.IssueRecord{}, &Error{Kind: KindProtocol, Err: fmt.Errorf("issue %s: %w", peek.Key, err)}
	}
	return evidence.IssueRecord{Issue: is, Raw: raw, Activities: acts}, nil
}

// completePage wraps a whole list in the shape of an embedded page that
// holds everything.
func completePage(listKey string, items []json.RawMessage) map[string]any {
	if items == nil {
		items = []json.RawMessage{}
	}
	return map[string]any{"startAt": 0, "maxResults": len(items), "total": len(items), listKey: items}
}

// fullChangelog reads every history of an issue: Cloud pages
// /issue/{id}/changelog; Data Center has no such endpoint but returns the
// whole changelog on a single-issue GET.
func (c *Client) fullChangelog(ctx context.Context, deployment, issueID string) ([]json.RawMessage, error) {
	if deployment == evidence.DeploymentCloud {
		return c.pageAll(ctx, "rest/api/2/issue/"+issueID+"/changelog", nil, "values")
	}
	var issue struct {
		Changelog struct {
			Histories []json.RawMessage `json:"histories"`
		} `json:"changelog"`
	}
	if err := c.get(ctx, "rest/api/2/issue/"+issueID+"?expand=changelog&fields=created", &issue); err != nil {
		return nil, err
	}
	return issue.Changelog.Histories, nil
}

// pageAll reads a startAt-paged list to its end.
func (c *Client) pageAll(ctx context.Context, path string, extra url.Values, listKey string) ([]json.RawMessage, error) {
	var all []json.RawMessage
	for {
		q := url.Values{}
		for k, v := range extra {
			q[k] = v
		}
		q.Set("startAt", strconv.Itoa(len(all)))
		q.Set("maxResults", "100")
		var page map[string]json.RawMessage
		if err := c.get(ctx, path+"?"+q.Encode(), &page); err != nil {
			return nil, err
		}
		var items []json.RawMessage
		var total int
		if err := json.Unmarshal(page[listKey], &items); err != nil {
			return nil, &Error{Kind: KindProtocol, Err: fmt.Errorf("%s: no %q list in the answer", path, listKey)}
		}
		if err := json.Unmarshal(page["total"], &total); err != nil {
			total = -1
		}
		all = append(all, items...)
		if len(items) == 0 || (total >= 0 && len(all) >= total) || (total < 0 && isLastPage(page)) {
			return all, nil
		}
	}
}

func isLastPage(page map[string]json.RawMessage) bool {
	var last bool
	return json.Unmarshal(page["isLast"], &last) != nil || last
}
