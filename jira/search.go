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
	"sync"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
	evsync "github.com/pmfolio/pmfolio/evidence/sync"
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
	// JQL is the selection, oldest first (ORDER BY updated ASC), as
	// selectionJQL builds it; windows add their bounds to it.
	JQL string
	// TimeZone is the one JQL reads dates in (the user's); nil: UTC.
	TimeZone *time.Location
	// Fields are the site's custom field ids. LoadFields, when set, finds
	// them instead, only once the search has found something, so that a
	// sync with nothing new costs no field list.
	Fields     Fields
	LoadFields func(context.Context) (Fields, error)
	// WantTotal asks Cloud, whose search no longer says how many issues it
	// will return, for an approximate count when the plan did not learn it
	// (one more request).
	WantTotal bool
	// Stored are issues stored already, by id, with their `updated`: when
	// the probe finds only those, unchanged, there is nothing to fetch.
	Stored map[string]time.Time
}

// probeMax is the most issues a Cloud probe asks for in one page: Jira
// Cloud returns up to 5,000 when only a few small fields are named.
const probeMax = 5000

// searchWindow is one part of a search that is paged on its own: a range
// of `updated` (Cloud, whose token paging is sequential within one JQL) or
// a run of startAt pages (Server).
type searchWindow struct {
	jql     string // Cloud: the selection bounded to the window
	startAt int    // Server: where the window starts
	onePage bool   // Server: the window is one page; the last one reads to the end
}

// searchPlan is a search split into windows, in the order their pages are
// delivered.
type searchPlan struct {
	windows  []searchWindow
	total    int // issues expected; -1 when unknown
	pageSize int // what a page holds, as far as the plan knows
	// seen are the issues the probe saw, with their `updated`; complete
	// when that is all the search will find.
	seen     []probed
	complete bool
}

// probed is an issue as a probe sees it.
type probed struct {
	id      string
	updated time.Time
}

// unchanged reports whether the search finds only issues stored already
// as they are: then it has nothing to fetch.
func (p searchPlan) unchanged(stored map[string]time.Time) bool {
	if !p.complete || stored == nil {
		return false
	}
	for _, is := range p.seen {
		at, ok := stored[is.id]
		if !ok || !at.Equal(is.updated) {
			return false
		}
	}
	return true
}

// Search runs a query and calls fn with each completed page, in Jira's
// order (oldest `updated` first). Cloud uses GET /rest/api/2/search/jql with
// nextPageToken (the endpoint of go-jira's SearchV2JQL; pmfolio decodes it
// itself to keep each issue's raw JSON and the totals of its embedded
// pages); Server/DC uses /rest/api/2/search with startAt.
//
// A cheap first request plans the search (plan): on Cloud it reads the
// `updated` times of the selected issues and splits their range into as
// many windows as requests may be in flight, each token-paged on its own; on
// Server it reads the total and every page is fetched on its own. Pages of
// all windows are fetched and completed concurrently (the client's limiter
// bounds the requests in flight), but fn sees them one at a time and in
// order, so a sync commits a prefix of the search and its cursor never
// passes a page that is not stored. At most a few pages wait for fn: a
// window may run ahead of the one being delivered only while fewer than
// pagesAhead pages wait in all.
//
// When fn fails or a page cannot be fetched, the pages before it have been
// handed to fn; the fetching stops and Search returns once it has.
func (c *Client) Search(ctx context.Context, q SearchQuery, fn func(evsync.Page) error) error {
	plan, err := c.plan(ctx, q)
	if err != nil {
		return fmt.Errorf("search issues: %w", explainGone(err))
	}
	if len(plan.windows) == 0 || plan.unchanged(q.Stored) {
		return nil
	}
	if q.LoadFields != nil {
		if q.Fields, err = q.LoadFields(ctx); err != nil {
			return err
		}
	}
	if plan.total < 0 && q.WantTotal && q.Deployment == evidence.DeploymentCloud {
		// A progress bar is not worth failing a sync for: no count, no total.
		if n, err := c.CountIssues(ctx, q.Deployment, q.JQL); err == nil {
			plan.total = n
		}
	}
	return c.runPlan(ctx, q, plan, fn)
}

// plan learns enough about a search to split it, in one request (more for
// Cloud selections of over 5,000 issues). No window means nothing to fetch.
func (c *Client) plan(ctx context.Context, q SearchQuery) (searchPlan, error) {
	if q.Deployment != evidence.DeploymentCloud {
		// Server: the total and the page size Jira grants, from a page of
		// ids and updated times.
		query := url.Values{"jql": {q.JQL}, "maxResults": {strconv.Itoa(c.pageSize)}, "fields": {"updated"}}
		var page struct {
			MaxResults int          `json:"maxResults"`
			Total      int          `json:"total"`
			Issues     []probeIssue `json:"issues"`
		}
		if err := c.get(ctx, "rest/api/2/search?"+query.Encode(), &page); err != nil {
			return searchPlan{}, err
		}
		size := page.MaxResults
		if size <= 0 || size > c.pageSize {
			size = c.pageSize
		}
		plan := searchPlan{total: page.Total, pageSize: size, complete: len(page.Issues) >= page.Total}
		for _, is := range page.Issues {
			plan.seen = append(plan.seen, probed{id: is.ID, updated: is.Fields.Updated.Time})
		}
		if c.concurrency == 1 && page.Total > 0 {
			// One request at a time: one window, paged as a serial client.
			plan.windows = []searchWindow{{}}
			return plan, nil
		}
		for start := 0; start < page.Total; start += size {
			plan.windows = append(plan.windows, searchWindow{startAt: start, onePage: start+size < page.Total})
		}
		return plan, nil
	}
	seen, complete, err := c.probeUpdated(ctx, q.JQL)
	if err != nil {
		return searchPlan{}, err
	}
	plan := searchPlan{total: -1, pageSize: c.pageSize, seen: seen, complete: complete}
	if complete {
		if len(seen) == 0 {
			return plan, nil
		}
		plan.total = len(seen)
	}
	times := make([]time.Time, len(seen))
	for i, is := range seen {
		times[i] = is.updated
	}
	for _, b := range windowBounds(times, c.pageSize, c.concurrency) {
		plan.windows = append(plan.windows, searchWindow{jql: boundedJQL(q.JQL, b.from, b.to, q.TimeZone)})
	}
	return plan, nil
}

// probeUpdated reads the `updated` time of each issue a Cloud search
// selects, oldest first, asking only for that field so that a page holds
// thousands. complete is false when it stopped early: Jira granted small
// pages (then the rest is left to the last window rather than paid for
// here), or over 50,000 issues.
func (c *Client) probeUpdated(ctx context.Context, jql string) (issues []probed, complete bool, err error) {
	query := url.Values{"jql": {jql}, "maxResults": {strconv.Itoa(probeMax)}, "fields": {"updated"}}
	seen := map[string]bool{}
	for range 10 {
		var page struct {
			Issues        []probeIssue `json:"issues"`
			NextPageToken string       `json:"nextPageToken"`
			IsLast        bool         `json:"isLast"`
		}
		if err := c.get(ctx, "rest/api/2/search/jql?"+query.Encode(), &page); err != nil {
			return nil, false, err
		}
		for _, is := range page.Issues {
			issues = append(issues, probed{id: is.ID, updated: is.Fields.Updated.Time})
		}
		if len(page.Issues) == 0 || page.IsLast || page.NextPageToken == "" || seen[page.NextPageToken] {
			return issues, true, nil
		}
		if len(page.Issues) < 1000 {
			return issues, false, nil
		}
		seen[page.NextPageToken] = true
		query.Set("nextPageToken", page.NextPageToken)
	}
	return issues, false, nil
}

// probeIssue is an issue of a probe's answer: its id and `updated`.
type probeIssue struct {
	ID     string `json:"id"`
	Fields struct {
		Updated jiraTime `json:"updated"`
	} `json:"fields"`
}

// timeBounds is a window of `updated`: [from, to), a zero time unbounded.
type timeBounds struct{ from, to time.Time }

// windowBounds splits the sorted times of the issues a search selects into
// at most n windows of about equal numbers of pages, each but the last
// holding a whole number of pages where it can, so that splitting costs
// few extra pages. JQL compares `updated` to the minute, so a bound is a
// whole minute and issues of one minute stay in one window. The first
// window is open below and the last open above: what the probe did not see
// or what changes meanwhile still falls in one of them.
func windowBounds(times []time.Time, pageSize, n int) []timeBounds {
	pages := (len(times) + pageSize - 1) / pageSize
	n = max(1, min(n, pages))
	perWindow := (pages + n - 1) / n
	var cuts []time.Time
	for k := 1; k < n; k++ {
		i := k * perWindow * pageSize
		// The first issue from i on that starts a new minute.
		for i < len(times) && i > 0 && times[i].Truncate(time.Minute).Equal(times[i-1].Truncate(time.Minute)) {
			i++
		}
		if i >= len(times) {
			break
		}
		cut := times[i].Truncate(time.Minute)
		if len(cuts) > 0 && !cut.After(cuts[len(cuts)-1]) {
			continue
		}
		cuts = append(cuts, cut)
	}
	out := make([]timeBounds, 0, len(cuts)+1)
	var from time.Time
	for _, cut := range cuts {
		out = append(out, timeBounds{from: from, to: cut})
		from = cut
	}
	return append(out, timeBounds{from: from})
}

// boundedJQL narrows a selection, which ends in its ORDER BY, to a window.
func boundedJQL(jql string, from, to time.Time, loc *time.Location) string {
	if from.IsZero() && to.IsZero() {
		return jql
	}
	if loc == nil {
		loc = time.UTC
	}
	order := orderBy.FindString(jql)
	out := "(" + strings.TrimSpace(strings.TrimSuffix(jql, order)) + ")"
	if !from.IsZero() {
		out += fmt.Sprintf(` AND updated >= "%s"`, from.In(loc).Format("2006-01-02 15:04"))
	}
	if !to.IsZero() {
		out += fmt.Sprintf(` AND updated < "%s"`, to.In(loc).Format("2006-01-02 15:04"))
	}
	if order == "" {
		order = " ORDER BY updated ASC"
	}
	return out + order
}

// pageFuture is a page being fetched and completed; done closes when page
// or err is set.
type pageFuture struct {
	done chan struct{}
	page evsync.Page
	err  error
}

// pageGate bounds the pages fetched and not yet handed to fn. The window
// being delivered (head) may always have ahead of its own pages under way,
// so that it never waits for windows behind it; the others may add a page
// only while fewer than budget wait in all.
type pageGate struct {
	mu          sync.Mutex
	cond        *sync.Cond
	head        int
	waiting     int   // pages fetched or being fetched, not yet delivered
	perWindow   []int // the same, by window
	budget      int
	ahead       int
	interrupted bool
}

// admit waits until window w may fetch another page; false when the
// search is being abandoned.
func (g *pageGate) admit(w int) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	for !g.interrupted && g.waiting >= g.budget && !(w == g.head && g.perWindow[w] < g.ahead) {
		g.cond.Wait()
	}
	if g.interrupted {
		return false
	}
	g.waiting++
	g.perWindow[w]++
	return true
}

// delivered says a page of window w was handed to fn (or dropped).
func (g *pageGate) delivered(w int) {
	g.mu.Lock()
	g.waiting--
	g.perWindow[w]--
	g.mu.Unlock()
	g.cond.Broadcast()
}

func (g *pageGate) setHead(w int) {
	g.mu.Lock()
	g.head = w
	g.mu.Unlock()
	g.cond.Broadcast()
}

func (g *pageGate) interrupt() {
	g.mu.Lock()
	g.interrupted = true
	g.mu.Unlock()
	g.cond.Broadcast()
}

// runPlan fetches the windows of a plan concurrently and hands their pages
// to fn in order.
func (c *Client) runPlan(ctx context.Context, q SearchQuery, plan searchPlan, fn func(evsync.Page) error) error {
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	// ahead: pages of one window being completed at once. One at a time
	// on a client that sends one request at a time, which then asks for
	// the next page only once the last is complete, as a serial client.
	ahead := max(1, c.concurrency-1)
	gate := &pageGate{perWindow: make([]int, len(plan.windows)), budget: 4 * c.concurrency, ahead: ahead}
	gate.cond = sync.NewCond(&gate.mu)
	defer func() {
		cancel()
		gate.interrupt()
		wg.Wait()
	}()
	changelogs := newChangelogBatcher(ctx, c, &wg)
	query := url.Values{}
	query.Set("maxResults", strconv.Itoa(plan.pageSize))
	query.Set("fields", strings.Join(append(append([]string(nil), searchFields...), q.Fields.ids()...), ","))
	query.Set("expand", "changelog")

	queues := make([]chan *pageFuture, len(plan.windows))
	for w := range plan.windows {
		queues[w] = make(chan *pageFuture, gate.budget+ahead+1)
	}
	// Windows start in order, so the first pages are asked for first.
	wg.Add(1)
	go func() {
		defer wg.Done()
		for w, win := range plan.windows {
			if ctx.Err() != nil {
				for _, q := range queues[w:] {
					close(q)
				}
				return
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer close(queues[w])
				c.pageWindow(ctx, q, win, w, query, gate, queues[w], &wg, changelogs)
			}()
		}
	}()

	fetched, delivered, largest := 0, 0, 0
	for w := range plan.windows {
		gate.setHead(w)
		for f := range queues[w] {
			select {
			case <-f.done:
			default:
				// The sync waits for this page: its changelogs must not
				// wait for a batch to fill.
				changelogs.await(f)
				select {
				case <-f.done:
				case <-ctx.Done():
					return ctx.Err()
				}
				changelogs.await(nil)
			}
			if f.err != nil {
				return f.err
			}
			if len(f.page.Records) == 0 {
				gate.delivered(w) // a window's empty last page
				continue
			}
			p := f.page
			fetched += len(p.Records)
			delivered++
			largest = max(largest, len(p.Records))
			p.Fetched, p.Total, p.Page, p.Pages = fetched, plan.total, delivered, -1
			if plan.total >= 0 && largest > 0 {
				p.Pages = delivered + (max(0, plan.total-fetched)+largest-1)/largest
			}
			if err := fn(p); err != nil {
				return err
			}
			gate.delivered(w)
		}
	}
	return nil
}

// pageWindow pages one window: each search page is put in the window's
// queue at once and completed (its cut changelogs, comments and worklogs
// fetched) in its own goroutine while the next page is searched.
func (c *Client) pageWindow(ctx context.Context, q SearchQuery, win searchWindow, w int, base url.Values, gate *pageGate, queue chan<- *pageFuture, wg *sync.WaitGroup, changelogs *changelogBatcher) {
	query := url.Values{}
	for k, v := range base {
		query[k] = v
	}
	path := "rest/api/2/search"
	if q.Deployment == evidence.DeploymentCloud {
		path = "rest/api/2/search/jql"
		query.Set("jql", win.jql)
	} else {
		query.Set("jql", q.JQL)
	}
	completing := make(chan struct{}, gate.ahead)
	seenTokens := map[string]bool{}
	startAt := win.startAt
	for {
		select {
		case completing <- struct{}{}:
		case <-ctx.Done():
			return
		}
		if !gate.admit(w) {
			return
		}
		f := &pageFuture{done: make(chan struct{})}
		queue <- f
		if q.Deployment != evidence.DeploymentCloud {
			query.Set("startAt", strconv.Itoa(startAt))
		}
		page, err := c.getSearchPage(ctx, path+"?"+query.Encode())
		if err != nil {
			f.err = fmt.Errorf("search issues: %w", explainGone(err))
			close(f.done)
			return
		}
		if len(page.Issues) == 0 {
			close(f.done) // an empty page: nothing to store, and the window's end
			return
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-completing }()
			f.page, f.err = c.completeSearchPage(ctx, q, page.Issues, changelogs.forPage(f))
			close(f.done)
		}()
		if q.Deployment == evidence.DeploymentCloud {
			// isLast alone is not trusted: stop on a missing or repeated token too.
			if page.IsLast || page.NextPageToken == "" || seenTokens[page.NextPageToken] {
				return
			}
			seenTokens[page.NextPageToken] = true
			query.Set("nextPageToken", page.NextPageToken)
			continue
		}
		startAt = page.StartAt + len(page.Issues)
		if win.onePage || startAt >= page.Total {
			return
		}
	}
}

// completeSearchPage completes the issues of one search page and maps them.
func (c *Client) completeSearchPage(ctx context.Context, q SearchQuery, issues []json.RawMessage, changelogs bulkFetcher) (evsync.Page, error) {
	records, err := c.completePage(ctx, q.Deployment, issues, q.Fields, changelogs)
	if err != nil {
		return evsync.Page{}, err
	}
	out := evsync.Page{Records: records}
	for _, rec := range records {
		if rec.Issue.Updated.After(out.Newest) {
			out.Newest = rec.Issue.Updated
		}
	}
	return out, nil
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
// the whole page come in a bulk request, which pages completed at the same
// time share (changelogBatcher), rather than one request per issue.
func (c *Client) completePage(ctx context.Context, deployment string, raws []json.RawMessage, fields Fields, changelogs bulkFetcher) ([]evidence.IssueRecord, error) {
	apis := make([]apiIssue, len(raws))
	customs := make([]map[string]json.RawMessage, len(raws))
	var cut []string
	cutHistories := 0
	customIDs := fields.ids()
	for i, raw := range raws {
		var err error
		if apis[i], customs[i], err = decodeIssue(raw, customIDs); err != nil {
			return nil, &Error{Kind: KindProtocol, Err: fmt.Errorf("search returned an issue pmfolio cannot read: %v", err)}
		}
		if changelogCut(&apis[i]) {
			cut = append(cut, apis[i].ID)
			cutHistories += apis[i].Changelog.Total
		}
	}
	records := make([]evidence.IssueRecord, len(raws))
	// An issue's threads and its changelog may be fetched at once, so each
	// has its own error.
	errs := make([]error, len(raws))
	threadErrs := make([]error, len(raws))
	thread := make([]threads, len(raws))
	histories := make([][]json.RawMessage, len(raws))
	// A client of one request at a time keeps Jira's order: the bulk
	// changelogs, then issue by issue. Otherwise the comments and worklogs
	// the page cut are fetched at once, each issue in its own goroutine,
	// while the cut changelogs are: the client's limiter, not this
	// function, bounds the requests in flight.
	serial := c.concurrency == 1
	var wg sync.WaitGroup
	inParallel := func(i int, fetch func(i int)) {
		if serial {
			fetch(i)
			return
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			fetch(i)
		}()
	}
	fetchThreads := func(i int) { thread[i], threadErrs[i] = c.fetchThreads(ctx, &apis[i]) }
	if !serial {
		for i := range raws {
			if threadsCut(&apis[i]) {
				inParallel(i, fetchThreads)
			}
		}
	}
	var bulk map[string][]json.RawMessage
	if deployment == evidence.DeploymentCloud && len(cut) > 0 {
		var err error
		bulk, err = changelogs(ctx, cut, cutHistories)
		var jerr *Error
		if errors.As(err, &jerr) && jerr.Kind == KindNotFound {
			bulk, err = nil, nil // a site without the bulk endpoint: page issue by issue
		}
		if err != nil {
			wg.Wait()
			return nil, fmt.Errorf("fetch changelogs: %w", err)
		}
	}
	for i := range raws {
		api := &apis[i]
		var ok bool
		if histories[i], ok = bulk[api.ID]; ok || !changelogCut(api) {
			if serial && threadsCut(api) {
				fetchThreads(i)
			}
			continue
		}
		inParallel(i, func(i int) {
			var err error
			if histories[i], err = c.fullChangelog(ctx, deployment, api.ID); err != nil {
				errs[i] = fmt.Errorf("fetch changelog of %s: %w", api.Key, err)
				return
			}
			if serial && threadsCut(api) {
				fetchThreads(i)
			}
		})
	}
	wg.Wait()
	for i := range raws {
		for _, err := range []error{errs[i], threadErrs[i]} {
			if err != nil {
				return nil, err
			}
		}
		var err error
		if records[i], err = completeIssue(raws[i], &apis[i], customs[i], histories[i], thread[i], fields); err != nil {
			return nil, err
		}
	}
	return records, nil
}

// threadsCut reports whether the search page holds only part of an
// issue's comments or worklogs.
func threadsCut(api *apiIssue) bool {
	cm, wl := api.Fields.Comment, api.Fields.Worklog
	return (cm != nil && cm.Total > len(cm.Comments)) || (wl != nil && wl.Total > len(wl.Worklogs))
}

// threads are the whole comments and worklogs of an issue whose search
// page held only part of them (fetchThreads), each nil when it held all.
type threads struct{ comments, worklogs []json.RawMessage }

// fetchThreads reads the comments and worklogs the search page cut.
func (c *Client) fetchThreads(ctx context.Context, api *apiIssue) (threads, error) {
	var t threads
	if cm := api.Fields.Comment; cm != nil && cm.Total > len(cm.Comments) {
		comments, err := c.pageAll(ctx, "rest/api/2/issue/"+api.ID+"/comment", url.Values{"orderBy": {"created"}}, "comments")
		if err != nil {
			return t, fmt.Errorf("fetch comments of %s: %w", api.Key, err)
		}
		t.comments = comments
	}
	if wl := api.Fields.Worklog; wl != nil && wl.Total > len(wl.Worklogs) {
		worklogs, err := c.pageAll(ctx, "rest/api/2/issue/"+api.ID+"/worklog", nil, "worklogs")
		if err != nil {
			return t, fmt.Errorf("fetch worklogs of %s: %w", api.Key, err)
		}
		t.worklogs = worklogs
	}
	return t, nil
}

// completeIssue puts the whole changelog (when histories is not nil) and the
// comments and worklogs the search page cut (fetched into t) into one
// issue, its decoded form and its raw JSON, and maps it.
func completeIssue(raw json.RawMessage, api *apiIssue, custom map[string]json.RawMessage, histories []json.RawMessage, t threads, fields Fields) (evidence.IssueRecord, error) {
	top, inFields := map[string]any{}, map[string]any{}
	if histories != nil {
		top["changelog"] = completePage("histories", histories)
		if err := decodeEach(histories, &api.Changelog.Histories); err != nil {
			return evidence.IssueRecord{}, &Error{Kind: KindProtocol, Err: fmt.Errorf("changelog of %s: %w", api.Key, err)}
		}
		api.Changelog.Total = len(histories)
	}
	if cm := api.Fields.Comment; cm != nil && cm.Total > len(cm.Comments) {
		inFields["comment"] = completePage("comments", t.comments)
		if err := decodeEach(t.comments, &cm.Comments); err != nil {
			return evidence.IssueRecord{}, &Error{Kind: KindProtocol, Err: fmt.Errorf("comments of %s: %w", api.Key, err)}
		}
		cm.Total = len(t.comments)
	}
	if wl := api.Fields.Worklog; wl != nil && wl.Total > len(wl.Worklogs) {
		inFields["worklog"] = completePage("worklogs", t.worklogs)
		if err := decodeEach(t.worklogs, &wl.Worklogs); err != nil {
			return evidence.IssueRecord{}, &Error{Kind: KindProtocol, Err: fmt.Errorf("worklogs of %s: %w", api.Key, err)}
		}
		wl.Total = len(t.worklogs)
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
