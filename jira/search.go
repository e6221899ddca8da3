package jira

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/pmfolio/pmfolio/evidence"
)

// searchFields are the system fields pmfolio reads; Cloud's search returns
// only ids unless fields are named.
var searchFields = []string{
	"summary", "description", "issuetype", "project", "status", "priority", "resolution", "resolutiondate",
	"labels", "components", "fixVersions", "reporter", "creator", "assignee", "created", "updated",
	"issuelinks", "parent", "comment", "worklog",
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

// SearchQuery says what Search runs.
type SearchQuery struct {
	Deployment string
	JQL        string
	Fields     Fields
	// WantTotal asks Cloud, whose search no longer says how many issues it
	// will return, for an approximate count first (one more request).
	WantTotal bool
}

// Search runs a query and calls fn with each completed page, in Jira's
// order. Cloud uses GET /rest/api/2/search/jql with nextPageToken (the
// endpoint of go-jira's SearchV2JQL; pmfolio decodes it itself to keep each
// issue's raw JSON and the totals of its embedded pages); Server/DC uses
// /rest/api/2/search.
//
// The next page is fetched and completed while fn handles the current one
// (a sync stores it meanwhile), so the network and the database work at
// once; at most one page waits. When fn fails, the page being fetched is
// dropped and Search returns fn's error once that fetch has stopped.
func (c *Client) Search(ctx context.Context, q SearchQuery, fn func(evidence.Page) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type fetched struct {
		page evidence.Page
		err  error
	}
	pages := make(chan fetched, 1)
	go func() {
		defer close(pages)
		err := c.fetchPages(ctx, q, func(p evidence.Page) bool {
			select {
			case pages <- fetched{page: p}:
				return true
			case <-ctx.Done():
				return false
			}
		})
		if err != nil {
			select {
			case pages <- fetched{err: err}:
			case <-ctx.Done():
			}
		}
	}()
	for f := range pages {
		if f.err == nil {
			f.err = fn(f.page)
		}
		if f.err != nil {
			cancel()
			for range pages { // wait for the fetch to stop
			}
			return f.err
		}
	}
	return nil
}

// fetchPages fetches and completes the pages of a search in order and
// hands each to send, until the last page, an error, or send says stop.
func (c *Client) fetchPages(ctx context.Context, q SearchQuery, send func(evidence.Page) bool) error {
	deployment, fields := q.Deployment, q.Fields
	total := -1
	if q.WantTotal && deployment == evidence.DeploymentCloud {
		// A progress bar is not worth failing a sync for: no count, no total.
		if n, err := c.CountIssues(ctx, deployment, q.JQL); err == nil {
			total = n
		}
	}
	query := url.Values{}
	query.Set("jql", q.JQL)
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
		out := evidence.Page{Total: total}
		if deployment != evidence.DeploymentCloud {
			out.Total = page.Total
		}
		records, err := c.completePage(ctx, deployment, page.Issues, fields)
		if err != nil {
			return err
		}
		for _, rec := range records {
			if rec.Issue.Updated.After(out.Newest) {
				out.Newest = rec.Issue.Updated
			}
		}
		out.Records = records
		fetched += len(page.Issues)
		out.Fetched = fetched
		if !send(out) {
			return nil
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

// CountIssues says how many issues jql selects: Cloud's approximate count,
// or Server's total from an empty page.
func (c *Client) CountIssues(ctx context.Context, deployment, jql string) (int, error) {
	if deployment == evidence.DeploymentCloud {
		req, err := c.api.NewRequestWithContext(ctx, http.MethodPost, "rest/api/2/search/approximate-count", map[string]string{"jql": jql})
		if err != nil {
			return 0, &Error{Kind: KindConfig, Err: err}
		}
		var body struct {
			Count *int `json:"count"`
		}
		resp, err := c.api.Do(req, &body)
		if err != nil {
			return 0, fmt.Errorf("count issues: %w", c.classify(resp, err))
		}
		if body.Count == nil {
			return 0, &Error{Kind: KindProtocol, Err: errors.New("count issues: no count in the answer")}
		}
		return *body.Count, nil
	}
	q := url.Values{"jql": {jql}, "maxResults": {"0"}, "fields": {"id"}}
	var page searchPage
	if err := c.get(ctx, "rest/api/2/search?"+q.Encode(), &page); err != nil {
		return 0, fmt.Errorf("count issues: %w", err)
	}
	return page.Total, nil
}

// explainGone turns Cloud's 410 for the removed /search into advice.
func explainGone(err error) error {
	var jerr *Error
	if errors.As(err, &jerr) && jerr.Kind == KindGone {
		jerr.Message = "this Jira removed the old search API; pmfolio detects Cloud from /rest/api/2/serverInfo, so check that JIRA_URL is the site's own URL"
	}
	return err
}

// changelogCut reports whether the search page holds only part of the
// issue's changelog.
func changelogCut(api *apiIssue) bool {
	return api.Changelog.Total > len(api.Changelog.Histories)
}

// completePage fetches what a search page left out of its issues (older
// histories, comments and worklogs beyond the embedded pages), puts them
// into each issue's raw JSON and maps it. Each issue is decoded once; what
// is fetched for it is decoded on its own. On Cloud the cut changelogs of
// the whole page come in one bulk request rather than one per issue.
func (c *Client) completePage(ctx context.Context, deployment string, raws []json.RawMessage, fields Fields) ([]evidence.IssueRecord, error) {
	apis := make([]apiIssue, len(raws))
	customs := make([]map[string]json.RawMessage, len(raws))
	var cut []string
	for i, raw := range raws {
		var err error
		if apis[i], customs[i], err = decodeIssue(raw, fields); err != nil {
			return nil, &Error{Kind: KindProtocol, Err: fmt.Errorf("search returned an issue pmfolio cannot read: %v", err)}
		}
		if changelogCut(&apis[i]) {
			cut = append(cut, apis[i].ID)
		}
	}
	var bulk map[string][]json.RawMessage
	if deployment == evidence.DeploymentCloud && len(cut) > 0 {
		var err error
		bulk, err = c.bulkChangelogs(ctx, cut)
		var jerr *Error
		if errors.As(err, &jerr) && jerr.Kind == KindNotFound {
			bulk, err = nil, nil // a site without the bulk endpoint: page issue by issue
		}
		if err != nil {
			return nil, fmt.Errorf("fetch changelogs: %w", err)
		}
	}
	records := make([]evidence.IssueRecord, len(raws))
	for i, raw := range raws {
		api := &apis[i]
		histories, ok := bulk[api.ID]
		if !ok && changelogCut(api) {
			var err error
			if histories, err = c.fullChangelog(ctx, deployment, api.ID); err != nil {
				return nil, fmt.Errorf("fetch changelog of %s: %w", api.Key, err)
			}
		}
		rec, err := c.completeIssue(ctx, raw, api, customs[i], histories, fields)
		if err != nil {
			return nil, err
		}
		records[i] = rec
	}
	return records, nil
}

// completeIssue puts the whole changelog (when histories is not nil) and the
// comments and worklogs the search page cut into one issue, its decoded
// form and its raw JSON, and maps it.
func (c *Client) completeIssue(ctx context.Context, raw json.RawMessage, api *apiIssue, custom map[string]json.RawMessage, histories []json.RawMessage, fields Fields) (evidence.IssueRecord, error) {
	top, inFields := map[string]any{}, map[string]any{}
	if histories != nil {
		top["changelog"] = completePage("histories", histories)
		if err := decodeEach(histories, &api.Changelog.Histories); err != nil {
			return evidence.IssueRecord{}, &Error{Kind: KindProtocol, Err: fmt.Errorf("changelog of %s: %w", api.Key, err)}
		}
		api.Changelog.Total = len(histories)
	}
	if cm := api.Fields.Comment; cm != nil && cm.Total > len(cm.Comments) {
		comments, err := c.pageAll(ctx, "rest/api/2/issue/"+api.ID+"/comment", url.Values{"orderBy": {"created"}}, "comments")
		if err != nil {
			return evidence.IssueRecord{}, fmt.Errorf("fetch comments of %s: %w", api.Key, err)
		}
		inFields["comment"] = completePage("comments", comments)
		if err := decodeEach(comments, &cm.Comments); err != nil {
			return evidence.IssueRecord{}, &Error{Kind: KindProtocol, Err: fmt.Errorf("comments of %s: %w", api.Key, err)}
		}
		cm.Total = len(comments)
	}
	if wl := api.Fields.Worklog; wl != nil && wl.Total > len(wl.Worklogs) {
		worklogs, err := c.pageAll(ctx, "rest/api/2/issue/"+api.ID+"/worklog", nil, "worklogs")
		if err != nil {
			return evidence.IssueRecord{}, fmt.Errorf("fetch worklogs of %s: %w", api.Key, err)
		}
		inFields["worklog"] = completePage("worklogs", worklogs)
		if err := decodeEach(worklogs, &wl.Worklogs); err != nil {
			return evidence.IssueRecord{}, &Error{Kind: KindProtocol, Err: fmt.Errorf("worklogs of %s: %w", api.Key, err)}
		}
		wl.Total = len(worklogs)
	}
	if len(top)+len(inFields) > 0 {
		completed, err := replaceInRaw(raw, top, inFields)
		if err != nil {
			return evidence.IssueRecord{}, fmt.Errorf("complete %s: %w", api.Key, err)
		}
		raw = completed
	}
	is, acts := mapDecoded(*api, custom, fields)
	return evidence.IssueRecord{Issue: is, Raw: raw, Activities: acts}, nil
}

// decodeEach decodes a list of raw items into *dst, replacing it.
func decodeEach[T any](raws []json.RawMessage, dst *[]T) error {
	out := make([]T, len(raws))
	for i, raw := range raws {
		if err := json.Unmarshal(raw, &out[i]); err != nil {
			return err
		}
	}
	*dst = out
	return nil
}

// bulkChangelogs reads the whole changelogs of many Cloud issues through
// POST /changelog/bulkfetch, token paged. Issues Jira leaves out of the
// answer are absent from the map, and the caller pages them one by one.
func (c *Client) bulkChangelogs(ctx context.Context, issueIDs []string) (map[string][]json.RawMessage, error) {
	out := map[string][]json.RawMessage{}
	request := struct {
		IssueIDsOrKeys []string `json:"issueIdsOrKeys"`
		MaxResults     int      `json:"maxResults"`
		NextPageToken  string   `json:"nextPageToken,omitempty"`
	}{IssueIDsOrKeys: issueIDs, MaxResults: 1000}
	seen := map[string]bool{}
	for {
		req, err := c.api.NewRequestWithContext(ctx, http.MethodPost, "rest/api/2/changelog/bulkfetch", request)
		if err != nil {
			return nil, &Error{Kind: KindConfig, Err: err}
		}
		var page struct {
			IssueChangeLogs []struct {
				IssueID         string            `json:"issueId"`
				ChangeHistories []json.RawMessage `json:"changeHistories"`
			} `json:"issueChangeLogs"`
			NextPageToken string `json:"nextPageToken"`
		}
		resp, err := c.api.Do(req, &page)
		if err != nil {
			return nil, c.classify(resp, err)
		}
		for _, log := range page.IssueChangeLogs {
			out[log.IssueID] = append(out[log.IssueID], log.ChangeHistories...)
		}
		if page.NextPageToken == "" || seen[page.NextPageToken] || len(page.IssueChangeLogs) == 0 {
			return out, nil
		}
		seen[page.NextPageToken] = true
		request.NextPageToken = page.NextPageToken
	}
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

// pageAll reads a startAt-paged list to its end. Items are told apart by
// id: a list that changes while it is paged (a comment added or deleted
// between two requests) may repeat an item across pages, and a page that
// brings nothing new ends the paging rather than asking for it forever.
func (c *Client) pageAll(ctx context.Context, path string, extra url.Values, listKey string) ([]json.RawMessage, error) {
	var all []json.RawMessage
	seen := map[string]bool{}
	startAt := 0
	for {
		q := url.Values{}
		for k, v := range extra {
			q[k] = v
		}
		q.Set("startAt", strconv.Itoa(startAt))
		q.Set("maxResults", "100")
		var page map[string]json.RawMessage
		if err := c.get(ctx, path+"?"+q.Encode(), &page); err != nil {
			return nil, err
		}
		var items []struct {
			ID string `json:"id"`
		}
		var raws []json.RawMessage
		if json.Unmarshal(page[listKey], &raws) != nil || json.Unmarshal(page[listKey], &items) != nil {
			return nil, &Error{Kind: KindProtocol, Err: fmt.Errorf("%s: no %q list in the answer", path, listKey)}
		}
		total := -1
		if err := json.Unmarshal(page["total"], &total); err != nil {
			total = -1
		}
		added := 0
		for i, it := range items {
			if it.ID != "" && seen[it.ID] {
				continue
			}
			seen[it.ID] = true
			all = append(all, raws[i])
			added++
		}
		startAt += len(items)
		if added == 0 || (total >= 0 && startAt >= total) || (total < 0 && isLastPage(page)) {
			return all, nil
		}
	}
}

func isLastPage(page map[string]json.RawMessage) bool {
	var last bool
	return json.Unmarshal(page["isLast"], &last) != nil || last
}
