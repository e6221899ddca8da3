package export

import (
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

func TestSprintClaimBrokenGivesWayOnlyWhereJiraSaysTheIssueLeft(t *testing.T) {
	noted := time.Date(2026, 4, 9, 10, 0, 0, 0, time.UTC)
	later := func(days int) time.Time { return noted.AddDate(0, 0, days) }
	resolved := later(10)
	const commit = "Planning note: OPS Sprint 49 has less capacity because Aisha is on call that week, so we commit to three items and this is one of them."
	tests := []struct {
		name     string
		excerpt  string
		resolved *time.Time
		sprints  *evidence.IssueSprints
		broken   bool
	}{
		{"done in the sprint", commit, &resolved,
			&evidence.IssueSprints{Sprints: []string{"OPS Sprint 49"}, Changes: []evidence.SprintChange{{At: noted.Add(-time.Minute), To: []string{"OPS Sprint 49"}}}}, false},
		{"carried over by a move", commit, &resolved,
			&evidence.IssueSprints{Sprints: []string{"OPS Sprint 50"}, Changes: []evidence.SprintChange{
				{At: noted.Add(-time.Minute), To: []string{"OPS Sprint 49"}}, {At: later(5), From: []string{"OPS Sprint 49"}, To: []string{"OPS Sprint 50"}}}}, true},
		{"carried over by the board's close", commit, &resolved,
			&evidence.IssueSprints{Sprints: []string{"OPS Sprint 49", "OPS Sprint 50"}, Changes: []evidence.SprintChange{
				{At: later(5), From: []string{"OPS Sprint 49"}, To: []string{"OPS Sprint 49", "OPS Sprint 50"}}}}, true},
		{"stayed in it to its end", commit, nil,
			&evidence.IssueSprints{Sprints: []string{"OPS Sprint 49"}}, false},
		{"moved on only after it was done", commit, &resolved,
			&evidence.IssueSprints{Sprints: []string{"OPS Sprint 50"}, Changes: []evidence.SprintChange{
				{At: later(12), From: []string{"OPS Sprint 49"}, To: []string{"OPS Sprint 50"}}}}, false},
		{"never in it", commit, &resolved,
			&evidence.IssueSprints{Sprints: []string{"OPS Sprint 48"}}, true},
		{"no Sprint field says nothing", commit, &resolved, nil, false},
		{"taken out of a sprint is no claim of it", "Taking this out of OPS Sprint 49: we over-committed.", &resolved,
			&evidence.IssueSprints{Sprints: []string{"OPS Sprint 50"}, Changes: []evidence.SprintChange{
				{At: later(1), From: []string{"OPS Sprint 49"}, To: []string{"OPS Sprint 50"}}}}, false},
		{"a carry-over claims the sprint it goes to", "Carrying this over to OPS Sprint 50; it took longer than the estimate.", &resolved,
			&evidence.IssueSprints{Sprints: []string{"OPS Sprint 50"}, Changes: []evidence.SprintChange{
				{At: noted.Add(time.Minute), From: []string{"OPS Sprint 49"}, To: []string{"OPS Sprint 50"}}}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := evidence.Portfolio{Evidence: []evidence.Evidence{{ID: "1", Source: evidence.SourceComment, SourceID: "20453",
				Category: evidence.CatSprintPlanning, SiteName: "demo", IssueKey: "OPS-1215", OccurredAt: noted,
				Excerpt: tt.excerpt, IssueResolved: tt.resolved}}}
			if tt.sprints != nil {
				is := *tt.sprints
				is.SiteName, is.Key = "demo", "OPS-1215"
				p.Sprints = []evidence.IssueSprints{is}
			}
			v := newView(p)
			if got := v.sprintClaimBroken(v.items[0]); got != tt.broken {
				t.Errorf("sprintClaimBroken(%q) = %v, want %v", tt.excerpt, got, tt.broken)
			}
		})
	}
}

func TestToldCarryOverNeedsWhyAndWhom(t *testing.T) {
	tests := []struct {
		excerpt string
		want    bool
	}{
		{"Carrying this over to OPS Sprint 50; the checkout-gateway part took longer than the estimate. Told Chloé Dubois so nobody is surprised.", true},
		{"Carrying this over to OPS Sprint 50.", false},
		{"Carrying this over to OPS Sprint 50; the checkout-gateway part took longer than the estimate.", false},
		{"Planning note: OPS Sprint 49 has less capacity, so we commit to three items. Told the team.", false},
	}
	for _, tt := range tests {
		e := &evidence.Evidence{Source: evidence.SourceComment, Category: evidence.CatSprintPlanning, Excerpt: tt.excerpt}
		if got := toldCarryOver(e); got != tt.want {
			t.Errorf("toldCarryOver(%q) = %v, want %v", tt.excerpt, got, tt.want)
		}
	}
}
