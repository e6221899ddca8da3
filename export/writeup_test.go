package export

import (
	"slices"
	"strings"
	"testing"

	"github.com/pmfolio/pmfolio/evidence"
)

// An incident's Outcome ends on its last fact: a write-up it promises is
// left out, and where the user kept the promise the line says so from
// Jira, with what came of the follow-ups; one never kept is only cut.
func TestAnIncidentOutcomeEndsOnItsLastFact(t *testing.T) {
	const facts = "Rollback done at 14:38, error rate back to baseline. about 1,800 card orders failed between 13:55 and 14:38."
	const kept = "— postmortem [OPS-91](https://acme.atlassian.net/browse/OPS-91) written the next day; the follow-up is not done yet"
	for _, tc := range []struct {
		name, said string
		filed      bool // the user filed the write-up, OPS-91, the next day
		quote      string
		note       bool
	}{
		{"a write-up promised for tomorrow, filed", facts + " I'll write up what happened tomorrow and file the follow-ups", true,
			facts + " …", true},
		{"a write-up promised, the day first", facts + " tomorrow I'll write what happened and open the follow-ups", true,
			facts + " …", true},
		{"an RCA promised in the passive", facts + " RCA will be shared by Friday in OPS ticket.", true,
			facts + " …", true},
		{"a write-up promised, never filed", facts + " I'll write up what happened tomorrow.", false,
			facts + " …", false},
		{"no write-up promised", facts, true, facts, false},
		{"a postmortem to follow, filed", facts + " Postmortem to follow.", true,
			facts + " …", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := outagePortfolio()
			for i, e := range p.Evidence {
				if e.SourceID == "70038" {
					p.Evidence[i].Excerpt = tc.said
				}
			}
			if !tc.filed {
				p.Evidence = slices.DeleteFunc(p.Evidence, func(e evidence.Evidence) bool { return e.IssueKey == outageWriteUp.key })
			}
			var brief strings.Builder
			if err := Markdown(&brief, p, Options{}); err != nil {
				t.Fatal(err)
			}
			var line string
			for _, l := range strings.Split(brief.String(), "\n") {
				if strings.HasPrefix(l, "**Outcome.**") && strings.Contains(l, "OPS-90") {
					line = l
				}
			}
			if want := "**Outcome.** “" + tc.quote + "”"; !strings.HasPrefix(line, want) {
				t.Errorf("the Outcome reads\n%s\nwant it to open\n%s", line, want)
			}
			if got := strings.HasSuffix(line, ") "+kept); got != tc.note {
				t.Errorf("the Outcome reads\n%s\nsays the write-up kept: %v, want %v", line, got, tc.note)
			}
		})
	}
}
