package export

import (
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// An update that calls work late, or under way, which the epic's own
// issues show done before it was written, or calls work finished that was
// not, is a claim Jira contradicts: its slot goes to another item.
func TestAnUpdateJiraContradictsIsDoubted(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 4, d, 9, 0, 0, 0, time.UTC) }
	resolved := func(d int) *time.Time { at := day(d); return &at }
	epic := evidence.Epic{SiteName: "acme", Key: "OPS-1", Summary: "On-call health: halve pages per week", Issues: []evidence.EpicIssue{
		{Key: "OPS-1", Summary: "On-call health: halve pages per week", Created: day(1)},
		{Key: "OPS-2", Summary: "Alert on kafka saturation before it pages", Created: day(1), Resolved: resolved(3)},
		{Key: "OPS-3", Summary: "Delete the alerts nobody acted on", Created: day(1), Resolved: resolved(4)},
		{Key: "OPS-4", Summary: "Route vault alerts to the owning team", Created: day(1)},
		{Key: "OPS-5", Summary: "Weekly report of alerts nobody acted on", Created: day(1), Resolved: resolved(5)},
		{Key: "OPS-6", Summary: "Document the on-call hand-over checklist", Created: day(2), Resolved: resolved(20)},
		{Key: "OPS-7", Summary: "Dashboard of pages per team", Created: day(1), Resolved: resolved(5), Dropped: true},
	}}
	for _, c := range []struct {
		name, text string
		doubted    bool
	}{
		{"late, of a done issue", "Update: the saturation warnings will take longer than planned. Risk: Sam is on call.", true},
		{"under way, of a done issue", "Tomás is on the last big piece, the saturation warnings. Next check-in Tuesday.", true},
		{"finished, of an open issue", "Quick status: finished the hand-over checklist, now on the vault routing.", true},
		{"late, of an open issue", "Update: the vault routing will take a few more days.", false},
		{"finished, of a done issue", "Quick status: finished the saturation alerts.", false},
		{"late, of words most issues share", "Update: the alerts will take longer than planned.", false},
		{"late, of no issue's words", "Update: this slipped a few days because of on-call.", false},
		{"late, of a dropped issue", "Update: the dashboard is at risk.", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := &evidence.Evidence{SiteName: "acme", IssueKey: "OPS-1", IssueType: "Epic", Source: evidence.SourceComment,
				Category: evidence.CatStakeholderComms, Excerpt: c.text, OccurredAt: day(10)}
			v := &view{epics: []evidence.Epic{epic}}
			if got := v.slipContradicted(e); got != c.doubted {
				t.Errorf("%q: contradicted = %v, want %v", c.text, got, c.doubted)
			}
		})
	}
}
