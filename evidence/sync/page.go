package sync

import (
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// Page is one page of a sync's search: its issues ready to store, and where
// the search stands.
type Page struct {
	Records []evidence.IssueRecord
	Newest  time.Time // the newest `updated` on the page
	Fetched int       // issues fetched so far, this page included
	Total   int       // issues the search will return, or -1 when Jira does not say (Cloud)
	Page    int       // pages handed out so far, this one included
	Pages   int       // pages the search is expected to take in all, or -1 when unknown
}

// PageResult counts what one committed page changed.
type PageResult struct {
	Issues        int
	NewActivities int // the site user's activities not stored before
	NewEvidence   int // evidence ids not stored before
}

// SyncRun is one line of the sync log.
type SyncRun struct {
	SiteID        int64
	Started       time.Time
	Finished      time.Time
	Result        string // "ok", "interrupted" or "failed"
	Issues        int
	NewActivities int
	NewEvidence   int
	Requests      int
	Error         string // one line, never a secret
}
