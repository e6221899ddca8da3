package evidence

import (
	"time"
)

// Blocks lists the keys of the issues this one blocks ("blocks" links).
func (is Issue) Blocks() []string {
	var keys []string
	for _, l := range is.Links {
		if l.Direction == "outward" && EqualsAnyFold(l.Description, []string{"blocks"}) {
			keys = append(keys, l.OtherKey)
		}
	}
	return keys
}

// TeamWork is what the portfolio can claim from suggestions the user took:
// "picked up N unowned PM tasks that were blocking the team". Each item
// links to the user's own evidence; others' issues appear only as a key and
// its link.
type TeamWork struct {
	SiteName    string    `json:"site"`
	IssueKey    string    `json:"issue_key"`
	IssueURL    string    `json:"issue_url"`
	Detector    string    `json:"detector"`
	Category    string    `json:"category"`
	SuggestedAt time.Time `json:"suggested_at"`
	TakenAt     time.Time `json:"taken_at"`
	EvidenceID  string    `json:"evidence_id"`
}
