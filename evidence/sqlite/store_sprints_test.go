package sqlite

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// The portfolio carries, of each issue the evidence is on, the sprints it
// is in now and every change of its Sprint field by anyone, oldest first:
// a note that committed a sprint to an issue another person then moved to
// the next one is no commitment that held.
func TestPortfolioReadsTheSprintChangesOfEvidenceIssues(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	site := mustSite(t, s)
	t0 := time.Date(2026, 4, 9, 10, 0, 0, 0, time.UTC)
	committed := testRecord("30001", "OPS-1215", t0.Add(48*time.Hour),
		comment("801", testMe, t0, "Planning note: OPS Sprint 49 has less capacity, so we commit to three items and this is one of them."),
		change("h2", testOther, t0.Add(time.Hour), evidence.ChangeItem{Field: "Sprint", FromString: "", ToString: "OPS Sprint 49"}),
		change("h3", testOther, t0.Add(24*time.Hour), evidence.ChangeItem{Field: "Sprint", FromString: "OPS Sprint 49", ToString: "OPS Sprint 49, OPS Sprint 50"}))
	committed.Issue.Sprints = []string{"OPS Sprint 49", "OPS Sprint 50"}
	unplanned := testRecord("30002", "OPS-1216", t0, comment("802", testMe, t0, "looks good"))
	if _, err := savePage(ctx, s, site, []evidence.IssueRecord{committed, unplanned}, fakeClassify, t0.Add(72*time.Hour)); err != nil {
		t.Fatal(err)
	}
	p, err := s.Portfolio(ctx, evidence.Filter{}, storeNow)
	if err != nil {
		t.Fatal(err)
	}
	want := []evidence.IssueSprints{{SiteName: site.Name, Key: "OPS-1215", Sprints: []string{"OPS Sprint 49", "OPS Sprint 50"},
		Changes: []evidence.SprintChange{
			{At: t0.Add(time.Hour), To: []string{"OPS Sprint 49"}},
			{At: t0.Add(24 * time.Hour), From: []string{"OPS Sprint 49"}, To: []string{"OPS Sprint 49", "OPS Sprint 50"}},
		}}}
	if !reflect.DeepEqual(p.Sprints, want) {
		t.Errorf("sprints\n%+v\nwant\n%+v", p.Sprints, want)
	}
}
