package next

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Opportunity is one piece of PM work on the team's backlog that nobody is
// doing, found by a detector: why it is there, what to do, and which kind of
// PM work doing it would show.
type Opportunity struct {
	ID       string   `json:"id"` // stable for (site, detector, issue)
	Detector string   `json:"detector"`
	SiteID   int64    `json:"-"`
	SiteName string   `json:"site"`
	IssueID  string   `json:"-"`
	IssueKey string   `json:"issue_key"`
	IssueURL string   `json:"issue_url"`
	Summary  string   `json:"summary"`
	Category string   `json:"category"`
	Reason   string   `json:"reason"`
	Action   string   `json:"action"`
	Related  []string `json:"related,omitempty"` // other issue keys involved, e.g. the duplicate
	// YourWord says that the reason tells the user's own word or plan on
	// the issue: a comment of theirs it quotes ("you wrote on 27 May …"),
	// the fix version their change set ("you set it to 4.14 on 28 Jul"),
	// the release they promised it for ("you promised it for 4.14").
	// Ranking weighs whether that word is still their last (Rank).
	YourWord bool `json:"-"`
	// Settled is Action once whether the issue is still wanted at all is
	// settled: without the question Action opens with after months
	// without a word ("Ask Aisha Bello whether it is still needed: if so,
	// …; if not, close it and say why"), for an entry whose first
	// suggestion asks it already. "" when Action asks nothing first.
	Settled string `json:"-"`
	// Due is when the work is due, where a date says so (a release's, or
	// the end of the sprint an urgent issue nobody has taken is in).
	Due *time.Time `json:"due,omitempty"`
	// Score ranks opportunities; Why lists what raised it, for the reader,
	// and Gap names the competency it builds when that raised it: one the
	// portfolio shows far less of than its strongest (a list says so once).
	Score float64  `json:"score,omitempty"` // 0 in --history, which keeps no rank
	Why   []string `json:"why,omitempty"`
	Gap   string   `json:"gap,omitempty"`
}

// OpportunityID is the stable id of a detector's finding on one issue of a
// site.
func OpportunityID(siteKey, detector, issueID string) string {
	h := sha256.New()
	for _, part := range []string{siteKey, detector, issueID} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return "op_" + hex.EncodeToString(h.Sum(nil))[:16]
}

// Suggestion is an opportunity that `pmfolio next` showed the user, and
// whether they then took it: their own activity on the issue, after it was
// suggested, classified as the suggested category.
type Suggestion struct {
	Opportunity
	SuggestedAt time.Time  `json:"suggested_at"`
	LastShownAt time.Time  `json:"last_shown_at"`
	TakenAt     *time.Time `json:"taken_at,omitempty"`
	// EvidenceID is the user's own evidence item that took it.
	EvidenceID string `json:"evidence_id,omitempty"`
	// NoLongerApplies says that the detectors, run now, no longer find it
	// (someone else did the work, or the issue changed): not taken, not open.
	NoLongerApplies bool `json:"no_longer_applies,omitempty"`
}
