// Package sync is pmfolio's sync use case: read a site page by page from a
// Source, classify, commit each page with the cursor to a Sink, and log the
// run. It knows neither HTTP nor SQL: jira/ implements Source and
// evidence/sqlite implements Sink.
package sync

import (
	"context"
	"errors"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/next"
)

// CursorOverlap is re-read before the cursor on each incremental sync: JQL
// compares `updated` at minute resolution and clocks drift. Upserts make the
// re-read harmless.
const CursorOverlap = 15 * time.Minute

// FirstSyncFloor bounds the first sync's selection (Cloud refuses unbounded
// queries); no Jira activity is older.
var FirstSyncFloor = time.Date(2002, 1, 1, 0, 0, 0, 0, time.UTC)

// Source is a Jira site read as its user.
type Source interface {
	// Identify says which site this is and who the user is (the Site has no
	// store id yet).
	Identify(ctx context.Context) (evidence.Site, error)
	// Selection is the query of the issues the user touched that were
	// updated since the given time, oldest first; userJQL, when set,
	// replaces the default selection of the user's issues.
	Selection(userJQL string, since time.Time) string
	// Pages runs a selection and calls fn with each page in order, stopping
	// at fn's first error.
	Pages(ctx context.Context, selection string, opts PagesOptions, fn func(Page) error) error
	// Deleted returns the ids of those issues that the site confirms were
	// deleted, as opposed to hidden from the user.
	Deleted(ctx context.Context, issues []evidence.Issue) ([]string, error)
	// Requests is the number of requests sent so far.
	Requests() int
}

// PagesOptions tune Source.Pages.
type PagesOptions struct {
	// WantTotal asks for the number of issues to come when that costs a
	// request.
	WantTotal bool
	// Stored, when set, holds the issues stored already that the selection
	// may find, by id, with their `updated`: when the selection finds only
	// those, unchanged, the source need fetch nothing (the overlap an
	// incremental sync re-reads).
	Stored map[string]time.Time
}

// Sink is a store that commits a page at a time.
type Sink interface {
	// LockSync takes the store's sync lock without waiting (an error
	// wrapping evidence.ErrLocked when another sync holds it).
	LockSync() (unlock func() error, err error)
	EnsureSite(ctx context.Context, site evidence.Site) (evidence.Site, error)
	SyncCursor(ctx context.Context, siteID int64) (cursor time.Time, ok bool, err error)
	// StoredSince returns the stored issues of a site updated at or after
	// a time, by id, with their `updated`.
	StoredSince(ctx context.Context, siteID int64, since time.Time) (map[string]time.Time, error)
	// SavePage commits a page's issues, their activities and evidence (the
	// records' Evidence, see Classify), and the cursor (when not zero) in
	// one transaction.
	SavePage(ctx context.Context, site evidence.Site, records []evidence.IssueRecord, cursor time.Time) (PageResult, error)
	StoredIssues(ctx context.Context, siteID int64) ([]evidence.Issue, error)
	RemoveIssues(ctx context.Context, siteID int64, issueIDs []string) (int, error)
	RecordSyncRun(ctx context.Context, run SyncRun) error
}

// Options says what one sync does.
type Options struct {
	SiteName string    // the site's short name; derived from the URL when empty
	Full     bool      // ignore the cursor and re-pull everything
	Since    time.Time // fetch only issues updated since; zero: since the cursor
	JQL      string    // replaces the default selection
	DryRun   bool      // fetch and count, store nothing
	Classify evidence.ClassifyFunc
	// Progress is told after each page how many issues were fetched and the
	// total (-1 when Jira does not say).
	Progress func(fetched, total int)
	// PageProgress is told after each committed page how many pages are
	// done and how many the search is expected to take (-1: unknown).
	PageProgress func(done, expected int)
	// TeamProgress is told, when the team phase starts and after each of
	// its pages, how many team issues it has read.
	TeamProgress func(issues int)
	// Stop, when closed, ends the sync after the page being fetched is
	// committed: Ctrl-C keeps the work already done.
	Stop <-chan struct{}
	Now  func() time.Time
	// Team, when set, adds the team phase after the user's pages (see
	// syncTeam); an empty scope means the user's recent projects.
	Team *next.TeamScope
	// Prepare, when set, runs under the sync lock before anything is
	// fetched (not on a dry run): the command logs there that the sync
	// started, which a sync refused at the lock must not, and brings the
	// stored evidence to the rules in force, so that no page is stored
	// beside evidence of other rules. Its error fails the sync.
	Prepare func(ctx context.Context) error
}

// Result says what a sync did.
type Result struct {
	Site          evidence.Site
	Issues        int
	NewActivities int // the user's activities not stored before
	Activities    int // dry run only: the user's activities fetched
	NewEvidence   int
	Requests      int
	Duration      time.Duration
	Stopped       bool // ended early by opts.Stop
	UsedJQL       string
	Removed       int         // stored issues a full sync found deleted in Jira, and removed (see Run)
	Team          *TeamResult // the team phase, when it ran
}

// errStopped ends a search early when the user asked to stop.
var errStopped = errors.New("sync stopped")

// Run pulls the user's activity from src into sink, page by page: each
// page's issues, activities, evidence and the cursor are committed in one
// transaction, so a sync killed at any moment resumes where it stopped. Only
// one sync may run on a store at a time. A dry run, which stores nothing,
// may have no sink (nil): it then reads as on a database that holds nothing.
//
// Jira keeps no trace of a deleted issue, so an incremental sync cannot
// notice one. A full sync of the default selection (no JQL, no since) that
// completes also removes the stored issues it did not see that the source
// confirms are gone.
func Run(ctx context.Context, src Source, sink Sink, opts Options) (Result, error) {
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	if opts.Classify == nil {
		return Result{}, errors.New("sync: no classifier")
	}
	start := now()
	switch {
	case sink != nil:
		unlock, err := sink.LockSync()
		if err != nil {
			return Result{}, err
		}
		defer unlock()
	case !opts.DryRun:
		return Result{}, errors.New("sync: nowhere to store")
	}

	var err error
	res := Result{}
	if opts.Prepare != nil && !opts.DryRun {
		err = opts.Prepare(ctx)
	}
	if err == nil {
		err = syncSite(ctx, src, sink, opts, &res)
	}
	if err == nil && !res.Stopped && !opts.DryRun {
		err = syncTeam(ctx, src, sink, opts, &res)
	}
	res.Requests = src.Requests()
	res.Duration = now().Sub(start)
	if res.Site.ID != 0 && !opts.DryRun {
		run := SyncRun{SiteID: res.Site.ID, Started: start, Finished: now(), Result: "ok",
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
		logErr := sink.RecordSyncRun(logCtx, run)
		cancel()
		if err == nil && logErr != nil {
			err = logErr
		}
	}
	return res, err
}

func syncSite(ctx context.Context, src Source, sink Sink, opts Options, res *Result) error {
	site, err := src.Identify(ctx)
	if err != nil {
		return err
	}
	if opts.SiteName != "" {
		site.Name = opts.SiteName
	}
	if site.Name == "" {
		site.Name = evidence.SiteNameFromURL(site.URL)
	}
	if !opts.DryRun {
		if site, err = sink.EnsureSite(ctx, site); err != nil {
			return err
		}
	}
	res.Site = site

	bound, advanceCursor := FirstSyncFloor, opts.JQL == ""
	if site.ID != 0 && !opts.Full {
		cursor, ok, err := sink.SyncCursor(ctx, site.ID)
		if err != nil {
			return err
		}
		if ok {
			bound = cursor.Add(-CursorOverlap)
		}
	}
	if !opts.Since.IsZero() {
		// A later --since than the cursor would leave a gap the cursor
		// claims was read, so only an earlier one may move it.
		advanceCursor = advanceCursor && !opts.Since.After(bound)
		bound = opts.Since
	}
	res.UsedJQL = src.Selection(opts.JQL, bound)

	// Only a full read of the default selection tells what Jira no longer
	// has; a narrower one leaves out what it did not ask for.
	var seen map[string]bool
	if opts.Full && opts.JQL == "" && opts.Since.IsZero() && !opts.DryRun {
		seen = map[string]bool{}
	}
	popts := PagesOptions{WantTotal: opts.Progress != nil || opts.PageProgress != nil}
	if site.ID != 0 && !opts.Full && bound.After(FirstSyncFloor) {
		// An incremental sync: what it re-reads may all be stored already.
		// A full one re-reads what is stored whatever its bound: that is
		// what it is for (a change Jira made without moving `updated`).
		if popts.Stored, err = sink.StoredSince(ctx, site.ID, bound.Add(-time.Minute)); err != nil {
			return err
		}
	}
	cursorOf := func(p Page) time.Time {
		if !advanceCursor {
			return time.Time{}
		}
		return p.Newest
	}
	var w *pageWriter
	if !opts.DryRun {
		w = startPageWriter(ctx, sink, site, opts)
	}
	err = src.Pages(ctx, res.UsedJQL, popts, func(p Page) error {
		res.Issues += len(p.Records)
		for _, rec := range p.Records {
			if seen != nil {
				seen[rec.Issue.ID] = true
			}
		}
		if opts.DryRun {
			for _, rec := range p.Records {
				for _, a := range rec.Activities {
					if a.Mine(rec.Issue, site.User) {
						res.Activities++
					}
				}
			}
			reportProgress(opts, p)
		} else {
			// Classified here while the page before is being committed.
			p.Records = Classify(site, p.Records, opts.Classify)
			if err := w.write(p, cursorOf(p)); err != nil {
				return err
			}
		}
		select {
		case <-opts.Stop:
			return errStopped
		default:
			return nil
		}
	})
	if w != nil {
		// The pages handed over are committed before the sync ends, stops or
		// reports a failure of a later page; a failure to commit comes first.
		// A writer stopped by the user stops the sync even after its last page.
		saved, werr := w.finish()
		res.NewActivities += saved.NewActivities
		res.NewEvidence += saved.NewEvidence
		if werr != nil {
			err = werr
		}
	}
	if errors.Is(err, errStopped) {
		res.Stopped = true
		return nil
	}
	if err != nil || seen == nil {
		return err
	}
	res.Removed, err = removeDeleted(ctx, src, sink, site, seen)
	return err
}

// reportProgress tells the options' progress functions about a page done.
func reportProgress(opts Options, p Page) {
	if opts.Progress != nil {
		opts.Progress(p.Fetched, p.Total)
	}
	if opts.PageProgress != nil {
		opts.PageProgress(p.Page, p.Pages)
	}
}

// pageWriter commits pages to the sink in its own goroutine, one at a
// time and in the order given, so that the next page is classified while
// the one before is committed. Like a sync without it, it stops once a
// page is committed after opts.Stop is closed.
type pageWriter struct {
	pages chan pageToWrite
	ended chan struct{} // closed when it takes no more pages: a commit failed (err), or the user stopped it
	done  chan struct{} // closed when the goroutine has returned
	saved PageResult    // what the committed pages changed
	err   error
}

type pageToWrite struct {
	page   Page
	cursor time.Time
}

func startPageWriter(ctx context.Context, sink Sink, site evidence.Site, opts Options) *pageWriter {
	w := &pageWriter{pages: make(chan pageToWrite), ended: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(w.done)
		defer close(w.ended)
		for pw := range w.pages {
			saved, err := sink.SavePage(ctx, site, pw.page.Records, pw.cursor)
			if err != nil {
				w.err = err
				return
			}
			w.saved.NewActivities += saved.NewActivities
			w.saved.NewEvidence += saved.NewEvidence
			reportProgress(opts, pw.page)
			select {
			case <-opts.Stop:
				w.err = errStopped
				return
			default:
			}
		}
	}()
	return w
}

// write hands a page to the writer once it has taken the one before. It
// fails, and the page is not stored, when the writer took its last page:
// an earlier page's commit failed, or the user stopped the sync.
func (w *pageWriter) write(p Page, cursor time.Time) error {
	select {
	case w.pages <- pageToWrite{p, cursor}:
		return nil
	case <-w.ended:
		return w.err
	}
}

// finish waits for the pages handed over to be committed, and says what
// they changed and why the writer ended early (errStopped, or the first
// failed commit's error), if it did.
func (w *pageWriter) finish() (PageResult, error) {
	close(w.pages)
	<-w.done
	return w.saved, w.err
}

// removeDeleted removes the site's stored issues that a complete read of
// the default selection did not return and that the source confirms are
// deleted. Curation is keyed by evidence id and is kept.
func removeDeleted(ctx context.Context, src Source, sink Sink, site evidence.Site, seen map[string]bool) (int, error) {
	stored, err := sink.StoredIssues(ctx, site.ID)
	if err != nil {
		return 0, err
	}
	var unseen []evidence.Issue
	for _, is := range stored {
		if !seen[is.ID] {
			unseen = append(unseen, is)
		}
	}
	if len(unseen) == 0 {
		return 0, nil
	}
	gone, err := src.Deleted(ctx, unseen)
	if err != nil || len(gone) == 0 {
		return 0, err
	}
	return sink.RemoveIssues(ctx, site.ID, gone)
}
