package sync

import (
	"context"
	"time"

	"github.com/pmfolio/pmfolio/evidence/next"
)

// TeamActivityWindow is how far back the user's own activity names their
// team's projects when the config does not: those they worked in steadily
// over it (next.TeamProjects).
const TeamActivityWindow = 90 * 24 * time.Hour

// TeamRereadAfter is how old the last complete team read may be before an
// incremental sync reads the team's backlog from the start again: only a
// complete read learns which issues Jira deleted or moved away, so that a
// nightly sync stops suggesting them within a week. It costs a request per
// 50 open issues, once a week.
const TeamRereadAfter = 7 * 24 * time.Hour

// TeamSource is a Source that can also read the team's backlog for
// `pmfolio next`: only the fields the detectors need, no changelogs.
type TeamSource interface {
	// TeamSelection is the query of the team's issues: the open ones when
	// since is zero, else every one updated since then.
	TeamSelection(ctx context.Context, scope next.TeamScope, since time.Time) (string, error)
	// TeamPages runs it and calls fn with each page and its newest update.
	TeamPages(ctx context.Context, selection string, fn func(issues []next.TeamIssue, newest time.Time) error) error
}

// TeamSink is a Sink that keeps the team's backlog as context (never
// evidence) and the suggestions `next` made.
type TeamSink interface {
	// ActiveProjects are the projects the user worked in steadily since a
	// time (next.TeamProjects), most active first.
	ActiveProjects(ctx context.Context, siteID int64, since time.Time) ([]string, error)
	// TeamCursor is the newest update of the team's issues read so far for
	// the selection named by scopeKey; ok is false when that scope was never
	// read (or another was).
	TeamCursor(ctx context.Context, siteID int64, scopeKey string) (cursor time.Time, ok bool, err error)
	// SaveTeamPage stores a page of team issues and moves the cursor, in one
	// transaction.
	SaveTeamPage(ctx context.Context, siteID int64, scopeKey string, issues []next.TeamIssue, cursor time.Time) error
	// KeepTeamIssues removes the stored team issues whose ids are not in
	// keep, and says how many it removed.
	KeepTeamIssues(ctx context.Context, siteID int64, keep map[string]bool) (int, error)
	// TeamReadOlderThan reports whether the last complete team read is
	// older than d.
	TeamReadOlderThan(ctx context.Context, siteID int64, d time.Duration) (bool, error)
	// MarkTaken marks the suggestions the user has since acted on in the
	// suggested way, and says how many it marked.
	MarkTaken(ctx context.Context, siteID int64, now time.Time) (int, error)
}

// TeamResult says what the team phase of a sync did.
type TeamResult struct {
	Scope    next.TeamScope // the scope read, the default resolved
	Issues   int            // team issues read
	Requests int
	Duration time.Duration
	Taken    int // suggestions newly marked taken
}

// TeamError is a failure of the team phase, after the user's own pages
// were all committed: what failed is the read for `pmfolio next`, not the
// user's evidence.
type TeamError struct{ Err error }

func (e *TeamError) Error() string { return "team backlog: " + e.Err.Error() }
func (e *TeamError) Unwrap() error { return e.Err }

// syncTeam is the team phase, after the user's own pages: it reads the
// team's open (first time, and a week after the last such read) or updated
// (since its own cursor) issues, then
// marks suggestions the user has acted on. Without a scope in the options
// it does nothing; an empty scope means the projects the user worked in
// steadily over the last 90 days.
func syncTeam(ctx context.Context, src Source, sink Sink, opts Options, res *Result) error {
	tsrc, okSrc := src.(TeamSource)
	tsink, okSink := sink.(TeamSink)
	if opts.Team == nil || opts.Team.Off || !okSrc || !okSink || res.Site.ID == 0 {
		return nil
	}
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	start, before := now(), src.Requests()
	team := &TeamResult{Scope: *opts.Team}
	res.Team = team
	defer func() { team.Requests, team.Duration = src.Requests()-before, now().Sub(start) }()
	if team.Scope.Empty() {
		projects, err := tsink.ActiveProjects(ctx, res.Site.ID, now().Add(-TeamActivityWindow))
		if err != nil {
			return err
		}
		if len(projects) == 0 {
			return nil // nothing done lately: no team to read yet
		}
		team.Scope.Projects = projects
	}
	scopeKey, err := tsrc.TeamSelection(ctx, team.Scope, time.Time{})
	if err != nil {
		return &TeamError{Err: err}
	}
	since := time.Time{}
	if !opts.Full {
		cursor, ok, err := tsink.TeamCursor(ctx, res.Site.ID, scopeKey)
		if err != nil {
			return err
		}
		if ok {
			since = cursor.Add(-CursorOverlap)
			stale, err := tsink.TeamReadOlderThan(ctx, res.Site.ID, TeamRereadAfter)
			if err != nil {
				return err
			}
			if stale {
				since = time.Time{}
			}
		}
	}
	selection := scopeKey
	if !since.IsZero() {
		if selection, err = tsrc.TeamSelection(ctx, team.Scope, since); err != nil {
			return &TeamError{Err: err}
		}
	}
	progress := opts.TeamProgress
	if progress == nil {
		progress = func(int) {}
	}
	progress(0)
	// A complete read (the first, a full sync's, a new scope's, or a
	// week after the last complete one) returns
	// every issue the team's backlog holds: what it does not return is
	// gone from it (deleted, moved away, resolved long ago), and `next`
	// must not suggest work on it. An incremental read cannot tell.
	var seen map[string]bool
	if since.IsZero() {
		seen = map[string]bool{}
	}
	err = tsrc.TeamPages(ctx, selection, func(issues []next.TeamIssue, newest time.Time) error {
		team.Issues += len(issues)
		for _, ti := range issues {
			if seen != nil {
				seen[ti.ID] = true
			}
		}
		if err := tsink.SaveTeamPage(ctx, res.Site.ID, scopeKey, issues, newest); err != nil {
			return err
		}
		progress(team.Issues)
		return nil
	})
	if err != nil {
		return &TeamError{Err: err}
	}
	if seen != nil {
		if _, err := tsink.KeepTeamIssues(ctx, res.Site.ID, seen); err != nil {
			return err
		}
	}
	team.Taken, err = tsink.MarkTaken(ctx, res.Site.ID, now())
	return err
}
