package export

import (
	"bufio"
	"fmt"

	"github.com/pmfolio/pmfolio/evidence"
)

// The claim `pmfolio next` makes possible: PM tasks nobody owned that were
// blocking the team, which the user picked up when suggested. Each links to
// the user's own evidence; others' issues appear only as a key and its link.
// It is data here, one line of text (TeamWorkClaim) a renderer may show, and
// a sentence of the brief's headline (writeTeamWork).

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
	if len(p.TeamWork) == 0 {
		return ""
	}
	return "P" + teamWorkPhrase(len(p.TeamWork))[1:] + "."
}

// teamWorkPhrase says what n team tasks picked up show, in lowercase.
func teamWorkPhrase(n int) string {
	if n == 1 {
		return "picked up 1 unowned PM task that was blocking the team"
	}
	return fmt.Sprintf("picked up %d unowned PM tasks that were blocking the team", n)
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

// teamWorkLinks is how many of the team tasks the brief's headline links.
const teamWorkLinks = 5

// writeTeamWork ends the brief's headline with the team work the user
// picked up, each named and linked by the user's own record of doing it: "I also
// picked up 3 unowned PM tasks that were blocking the team (PAY-12,
// OPS-7, OPS-9)."
func writeTeamWork(w *bufio.Writer, r *report) {
	if len(r.teamWork) == 0 {
		return
	}
	w.WriteString(" I also " + teamWorkPhrase(len(r.teamWork)) + " (")
	byID := make(map[string]*evidence.Evidence, len(r.items))
	for _, e := range r.items {
		byID[e.ID] = e
	}
	for i, tw := range r.teamWork[:min(len(r.teamWork), teamWorkLinks)] {
		if i > 0 {
			w.WriteString(", ")
		}
		// The link is to the user's own record: the suggested issue, or
		// the one they did the work on (the postmortem an incident lacked).
		key, url := tw.IssueKey, tw.IssueURL
		if e := byID[tw.EvidenceID]; e != nil {
			key, url = e.IssueKey, e.RecordURL()
		}
		writeIssueLink(w, key, url)
	}
	if more := len(r.teamWork) - teamWorkLinks; more > 0 {
		fmt.Fprintf(w, " and %d more in the JSON export", more)
	}
	w.WriteString(").")
}
