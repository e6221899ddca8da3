package jira

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// cursorOverlap is re-read before the cursor on each incremental sync: JQL
// compares `updated` at minute resolution and clocks drift. Upserts make the
// re-read harmless.
const cursorOverlap = 15 * time.Minute

// firstSyncFloor bounds the first sync's JQL (Cloud refuses unbounded
// queries); no Jira activity is older.
var firstSyncFloor = time.Date(2002, 1, 1, 0, 0, 0, 0, time.UTC)

// SyncOptions says what one sync does.
type SyncOptions struct {
	SiteName string    // the site's short name; derived from the URL when empty
	Full     bool      // ignore the cursor and re-pull everything
	Since    time.Time // fetch only issues updated since; zero: since the cursor
	JQL      string    // replaces the default selection
	DryRun   bool      // fetch and count, store nothing
	Classify evidence.ClassifyFunc
	// Progress is told after each page how many issues were fetched and the
	// total (-1 when Jira does not say).
	Progress func(fetched, total int)
	// Stop, when closed, ends the sync after the page being fetched is
	// committed: Ctrl-C keeps the work already done.
	Stop <-chan struct{}
	Now  func() time.Time
}

// SyncResult says what a sync did.
type SyncResult struct {
	Site          evidence.Site
	Issues        int
	NewActivities int // the user's activities not stored before
	Activities    int // dry run only: the user's activities fetched
	NewEvidence   int
	Requests      int
	Duration      time.Duration
	Stopped       bool // ended early by opts.Stop
	UsedJQL       string
	Removed       int // stored issues a full sync found deleted in Jira, and removed (see Sync)
}

// errStopped ends a search early when the user asked to stop.
var errStopped = errors.New("sync stopped")

// Sync pulls the user's activity from the client's site into the store,
// page by page: each page's issues, activities, evidence and the cursor are
// committed in one transaction, so a sync killed at any moment resumes where
// it stopped. Only one sync may run on a database at a time.
//
// Jira keeps no trace of a deleted issue, so an incremental sync cannot
// notice one. A full sync of the default selection (no JQL, no since) that
// completes also removes the stored issues it did not see that Jira confirms
// are gone (see removeDeleted).
func Sync(ctx context.Context, c *Client, store *evidence.Store, opts SyncOptions) (SyncResult, error) {
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	classify := opts.Classify
	if classify == nil {
		classify = evidence.Classify
	}
	start := now()
	lock, err := evidence.LockForSync(store.Path())
	if err != nil {
		return SyncResult{}, err
	}
	defer lock.Unlock()

	res := SyncResult{}
	err = syncSite(ctx, c, store, opts, classify, &res)
	res.Requests = c.Requests()
	res.Duration = now().Sub(start)
	if res.Site.ID != 0 && !opts.DryRun {
		run := evidence.SyncRun{SiteID: res.Site.ID, Started: start, Finished: now(), Result: "ok",
			Issues: res.Issues, NewActivities: res.NewActivities, NewEvidence: res.NewEvidence, Requests: res.Requests}
		switch {
		case err != nil:
			run.Result, run.Error = "failed", err.Error()
		case res.Stopped:
			run.Result = "interrupted"
		}
		// The log is best effort and must not hide the sync's own error; it
		// gets its own short context so a cancelled sync is still logged.
		logCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		logErr := store.RecordSyncRun(logCtx, run)
		cancel()
		if err == nil && logErr != nil {
			err = logErr
		}
	}
	return res, err
}

func syncSite(ctx context.Context, c *Client, store *evidence.Store, opts SyncOptions, classify evidence.ClassifyFunc, res *SyncResult) error {
	info, err := c.ServerInfo(ctx)
	if err != nil {
		return err
	}
	me, err := c.Myself(ctx)
	if err != nil {
		return err
	}
	site := evidence.Site{Name: opts.SiteName, URL: c.SiteURL(info), Deployment: info.Deployment, User: me.User}
	if site.Name == "" {
		site.Name = evidence.SiteNameFromURL(site.URL)
	}
	if !opts.DryRun {
		if site, err = store.EnsureSite(ctx, site); err != nil {
			return err
		}
	}
	res.Site = site
	fields, err := c.Fields(ctx)
	if err != nil {
		return err
	}

	bound, advanceCursor := firstSyncFloor, opts.JQL == ""
	if site.ID != 0 && !opts.Full {
		cursor, ok, err := store.SyncCursor(ctx, site.ID)
		if err != nil {
			return err
		}
		if ok {
			bound = cursor.Add(-cursorOverlap)
		}
	}
	if !opts.Since.IsZero() {
		// A later --since than the cursor would leave a gap the cursor
		// claims was read, so only an earlier one may move it.
		advanceCursor = advanceCursor && !opts.Since.After(bound)
		bound = opts.Since
	}
	res.UsedJQL = selectionJQL(info.Deployment, me, opts.JQL, bound)

	// Only a full read of the default selection tells what Jira no longer
	// has; a narrower one leaves out what it did not ask for.
	var seen map[string]bool
	if opts.Full && opts.JQL == "" && opts.Since.IsZero() && !opts.DryRun {
		seen = map[string]bool{}
	}
	query := SearchQuery{Deployment: info.Deployment, JQL: res.UsedJQL, Fields: fields, WantTotal: opts.Progress != nil}
	err = c.Search(ctx, query, func(p Page) error {
		res.Issues += len(p.Records)
		for _, rec := range p.Records {
			if seen != nil {
				seen[rec.Issue.ID] = true
			}
		}
		if opts.DryRun {
			for _, rec := range p.Records {
				for _, a := range rec.Activities {
					if a.Author.Is(me.User) {
						res.Activities++
					}
				}
			}
		} else {
			cursor := p.Newest
			if !advanceCursor {
				cursor = time.Time{}
			}
			saved, err := store.SavePage(ctx, site, p.Records, classify, cursor)
			if err != nil {
				return err
			}
			res.NewActivities += saved.NewActivities
			res.NewEvidence += saved.NewEvidence
		}
		if opts.Progress != nil {
			opts.Progress(p.Fetched, p.Total)
		}
		select {
		case <-opts.Stop:
			return errStopped
		default:
			return nil
		}
	})
	if errors.Is(err, errStopped) {
		res.Stopped = true
		return nil
	}
	if err != nil || seen == nil {
		return err
	}
	res.Removed, err = removeDeleted(ctx, c, store, site, seen)
	return err
}

// removeDeleted removes the site's stored issues that a complete read of
// the default selection did not return and that Jira confirms are deleted:
// the issue answers 404 while its project still answers. Jira gives the
// same 404 for an issue the user may no longer see, so one whose project
// answers 404 too (access to it was taken away) is kept, as is one that
// exists but is no longer selected (say, no longer watched): the work it
// records still happened. Curation is keyed by evidence id and is kept.
// It costs one request per issue not seen, and one per project of those
// found missing.
func removeDeleted(ctx context.Context, c *Client, store *evidence.Store, site evidence.Site, seen map[string]bool) (int, error) {
	stored, err := store.StoredIssues(ctx, site.ID)
	if err != nil {
		return 0, err
	}
	projectVisible := map[string]bool{}
	var gone []string
	for _, is := range stored {
		if seen[is.ID] {
			continue
		}
		exists, err := c.exists(ctx, "rest/api/2/issue/"+url.PathEscape(is.ID)+"?fields=id")
		if err != nil {
			return 0, fmt.Errorf("check whether %s was deleted: %w", is.Key, err)
		}
		if exists {
			continue
		}
		visible, checked := projectVisible[is.Project]
		if !checked {
			if visible, err = c.exists(ctx, "rest/api/2/project/"+url.PathEscape(is.Project)); err != nil {
				return 0, fmt.Errorf("check project %s: %w", is.Project, err)
			}
			projectVisible[is.Project] = visible
		}
		if visible {
			gone = append(gone, is.ID)
		}
	}
	if len(gone) == 0 {
		return 0, nil
	}
	return store.RemoveIssues(ctx, site.ID, gone)
}

// DefaultSelection is the JQL a first sync runs: the user's issues of the
// deployment, bounded as Cloud requires.
func DefaultSelection(deployment string, me Me) string {
	return selectionJQL(deployment, me, "", firstSyncFloor)
}

var orderBy = regexp.MustCompile(`(?is)\s+order\s+by\s+.*$`)

// selectionJQL builds the search: the user's JQL or the default selection
// of the deployment, bounded by `updated >= since` in the user's Jira time
// zone (JQL reads dates in it), oldest first so the cursor only moves
// forward.
func selectionJQL(deployment string, me Me, userJQL string, since time.Time) string {
	loc := me.TimeZone
	if loc == nil {
		loc = time.UTC
	}
	local := since.In(loc)
	selection := strings.TrimSpace(orderBy.ReplaceAllString(userJQL, ""))
	if selection == "" {
		if deployment == evidence.DeploymentCloud {
			// updatedBy finds issues the user created, changed or commented on.
			selection = fmt.Sprintf(`issuekey IN updatedBy("%s", "%s")`, jqlEscape(me.User.ID), local.Format("2006-01-02"))
		} else {
			selection = `reporter = currentUser() OR creator = currentUser() OR assignee WAS currentUser() OR ` +
				`status CHANGED BY currentUser() OR watcher = currentUser() OR worklogAuthor = currentUser()`
		}
	}
	return fmt.Sprintf(`(%s) AND updated >= "%s" ORDER BY updated ASC`, selection, local.Format("2006-01-02 15:04"))
}

func jqlEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s)
}
