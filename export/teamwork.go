package export

import (
	"fmt"

	"github.com/pmfolio/pmfolio/evidence"
)

// The claim `pmfolio next` makes possible: PM tasks nobody owned that were
// blocking the team, which the user picked up when suggested. Each links to
// the user's own evidence; others' issues appear only as a key and its link.
// It is data here, and one line of text (TeamWorkClaim) a renderer may show.

// jsonTeamWork is the team_work object of the JSON export (added fields of
// schema version 1; absent when there is nothing to claim).
type jsonTeamWork struct {
	Claim string             `json:"claim"`
	Count int                `json:"count"`
	Items []jsonTeamWorkItem `json:"items"`
}

type jsonTeamWorkItem struct {
	Site        string `json:"site"`
	IssueKey    string `json:"issue_key"`
	IssueURL    string `json:"issue_url"`
	Detector    string `json:"detector"`
	Category    string `json:"category"`
	SuggestedAt string `json:"suggested_at"`
	TakenAt     string `json:"taken_at"`
	EvidenceID  string `json:"evidence_id"` // the user's own evidence item, in "evidence"
}

// TeamWorkClaim is the portfolio's sentence about the team work the user
// picked up, or "" when there is none.
func TeamWorkClaim(p evidence.Portfolio) string {
	n := len(p.TeamWork)
	switch n {
	case 0:
		return ""
	case 1:
		return "Picked up 1 unowned PM task that was blocking the team."
	}
	return fmt.Sprintf("Picked up %d unowned PM tasks that were blocking the team.", n)
}

func teamWorkJSON(p evidence.Portfolio) *jsonTeamWork {
	if len(p.TeamWork) == 0 {
		return nil
	}
	tw := &jsonTeamWork{Claim: TeamWorkClaim(p), Count: len(p.TeamWork), Items: make([]jsonTeamWorkItem, 0, len(p.TeamWork))}
	for _, w := range p.TeamWork {
		tw.Items = append(tw.Items, jsonTeamWorkItem{Site: w.SiteName, IssueKey: w.IssueKey, IssueURL: w.IssueURL,
			Detector: w.Detector, Category: w.Category, SuggestedAt: timestamp(w.SuggestedAt), TakenAt: timestamp(w.TakenAt),
			EvidenceID: w.EvidenceID})
	}
	return tw
}
