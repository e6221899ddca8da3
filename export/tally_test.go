package export

import (
	"testing"

	"github.com/pmfolio/pmfolio/evidence"
)

// A teammate is an assignee, other than the user, who did something on
// the issue: Rohit, assigned CORE-2183 and silent on it, was not working
// alongside Kaveri. Stories, the brief and the bullets all count so.
func TestTallyCountsAsTeammatesTheAssigneesWhoActed(t *testing.T) {
	p := typicalPortfolio()
	me := p.Sites[0].User
	for _, tt := range []struct {
		name     string
		assignee evidence.User
		acted    bool
		want     int
	}{
		{"an assignee who acted", alex, true, 1},
		{"an assignee who never acted", alex, false, 0},
		{"the user", me, true, 0},
		{"nobody", evidence.User{}, true, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := jiraItem(bugRefundMail, evidence.SourceComment, "90002", "2026-05-29T09:00:00Z",
				evidence.CatDecisionMaking, "comment.decision", 0.85, "Decision: we make the send idempotent.")
			e.IssueAssignee, e.IssueAssigneeActed = tt.assignee, tt.acted
			r := newReport(p, Options{})
			if got := r.tally([]*evidence.Evidence{&e}).teammates; got != tt.want {
				t.Errorf("teammates = %d, want %d", got, tt.want)
			}
			if got := r.count([]*evidence.Evidence{&e}, countsTeammates).Value; int(got) != tt.want {
				t.Errorf("bullets count %v teammates, want %d", got, tt.want)
			}
		})
	}
}
