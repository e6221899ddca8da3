package sqlite

import (
	"context"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/next"
)

// A suggestion is taken by the user's work of its category after it, on
// the suggested issue or on an issue of theirs that points at it: a child
// (parent) or a linked issue (the postmortem filed for an incident). Work
// elsewhere, or before the suggestion, takes nothing.
func TestMarkTakenFindsWorkOnChildAndLinkedIssues(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	site := mustSite(t, s)
	suggested := storeNow.Add(-24 * time.Hour)
	var opps []next.Opportunity
	for _, o := range []struct{ id, key, category string }{
		{"1", "PAY-1", evidence.CatStakeholderComms}, // an epic: work under it takes it
		{"2", "PAY-2", evidence.CatPrioritization},   // an incident: work on a linked issue takes it
		{"3", "PAY-3", evidence.CatStakeholderComms}, // nothing points at it
	} {
		opps = append(opps, next.Opportunity{ID: "op_" + o.id, Detector: "test", SiteID: site.ID, IssueID: o.id, IssueKey: o.key, Category: o.category})
	}
	if err := s.RecordSuggestions(ctx, opps, suggested); err != nil {
		t.Fatal(err)
	}
	after := suggested.Add(time.Hour)
	child := testRecord("10", "PAY-10", after, comment("c10", testMe, after, "Update: half the stores are live."))
	child.Issue.ParentKey = "PAY-1"
	linked := testRecord("11", "PAY-11", after) // the user's priority change
	linked.Issue.Links = []evidence.IssueLink{{Type: "Relates", Direction: "outward", Description: "relates to", OtherKey: "PAY-2"}}
	elsewhere := testRecord("12", "PAY-12", after, comment("c12", testMe, after, "Update: nothing to do with PAY-3."))
	before := testRecord("13", "PAY-13", suggested.Add(-time.Hour), comment("c13", testMe, suggested.Add(-time.Hour), "Update: early."))
	before.Issue.ParentKey = "PAY-3"
	if _, err := savePage(ctx, s, site, []evidence.IssueRecord{child, linked, elsewhere, before}, fakeClassify, after); err != nil {
		t.Fatal(err)
	}
	if n, err := s.MarkTaken(ctx, site.ID, storeNow); err != nil || n != 2 {
		t.Fatalf("MarkTaken = %d, %v; want 2", n, err)
	}
	suggestions, err := s.Suggestions(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, sg := range suggestions {
		taken := sg.TakenAt != nil
		if want := sg.IssueKey != "PAY-3"; taken != want {
			t.Errorf("%s taken = %v, want %v (evidence %q)", sg.IssueKey, taken, want, sg.EvidenceID)
		}
	}
}
