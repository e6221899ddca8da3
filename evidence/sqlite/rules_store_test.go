package sqlite

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/rules"
)

// storedRules lists "ISSUE-ID/rule" of the stored machine evidence.
func storedRules(t *testing.T, s *Store) []string {
	t.Helper()
	evs, err := s.Evidence(context.Background(), evidence.Filter{IncludeExcluded: true})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, ev := range evs {
		out = append(out, ev.IssueID+"/"+ev.Rule)
	}
	slices.Sort(out)
	return out
}

// A sync and a reclassify see the same context: the question a comment
// answers, and whether its asker is an automation account (an app account
// whose name does not say so).
func TestSyncAndReclassifyGiveAnswersTheSameContext(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	site := mustSite(t, s)
	t0 := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)
	helper := evidence.User{ID: "557058:f581", DisplayName: "Release Helper", AccountType: evidence.AccountTypeApp}
	person := testRecord("10001", "PAY-1", t0,
		comment("501", testOther, t0.Add(time.Minute), "Is it ok to skip the canary for this release?"),
		comment("502", testMe, t0.Add(2*time.Minute), "Yes, it's config only, you can skip it."))
	bot := testRecord("10002", "PAY-2", t0,
		comment("601", helper, t0.Add(time.Minute), "Is it ok to close this issue? No activity for 30 days."),
		comment("602", testMe, t0.Add(2*time.Minute), "No, keep it open, you can't close it yet."))
	rules := rules.BuiltinRules()
	if _, err := savePage(ctx, s, site, []evidence.IssueRecord{person, bot}, rules.Classify, t0); err != nil {
		t.Fatal(err)
	}
	want := []string{"10001/change.priority", "10001/comment.answer", "10002/change.priority"}
	if got := storedRules(t, s); !slices.Equal(got, want) {
		t.Errorf("after sync: %v, want %v", got, want)
	}
	if _, err := s.reclassify(ctx, rules.Classify, ""); err != nil {
		t.Fatal(err)
	}
	if got := storedRules(t, s); !slices.Equal(got, want) {
		t.Errorf("after reclassify: %v, want %v", got, want)
	}
}

func TestReclassifyReportedCountsChangesAndLeavesCurationAlone(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	site := mustSite(t, s)
	t0 := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)
	rec := testRecord("10001", "PAY-1", t0,
		comment("501", testMe, t0.Add(time.Minute), "We decided: option B, because it survives device changes."))
	if _, err := savePage(ctx, s, site, []evidence.IssueRecord{rec}, rules.Classify, t0); err != nil {
		t.Fatal(err)
	}
	evs, _ := s.Evidence(ctx, evidence.Filter{})
	var prio, decision string
	for _, ev := range evs {
		switch ev.Rule {
		case "change.priority":
			prio = ev.ID
		case "comment.decision":
			decision = ev.ID
		}
	}
	if prio == "" || decision == "" {
		t.Fatalf("evidence = %v", storedRules(t, s))
	}
	if err := s.SetNote(ctx, prio, "the escalation from Acme"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetExcluded(ctx, decision, true); err != nil {
		t.Fatal(err)
	}

	off, err := rules.LoadRules("rules.yaml", []byte("rules:\n  - id: change.priority\n    disabled: true\n  - id: comment.decision\n    confidence: 0.6\n"))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := s.ReclassifyReported(ctx, Classifier{Classify: off.Classify, Categories: off.Categories()})
	if err != nil {
		t.Fatal(err)
	}
	want := ReclassifyReport{Before: 2, After: 1, Reworded: 1, Curated: 2, Orphaned: 1, Categories: []CategoryChange{
		{Category: evidence.CatPrioritization, Before: 1, After: 0, Removed: 1},
		{Category: evidence.CatDecisionMaking, Before: 1, After: 1},
	}}
	if !slices.Equal(rep.Categories, want.Categories) || rep.Before != want.Before || rep.After != want.After ||
		rep.Reworded != want.Reworded || rep.Curated != want.Curated || rep.Orphaned != want.Orphaned {
		t.Errorf("report = %+v\nwant     %+v", rep, want)
	}

	// Back to the built-in rules: the note is there again, the exclusion stayed.
	if _, err := s.ReclassifyReported(ctx, Classifier{Classify: rules.Classify, Categories: evidence.Categories}); err != nil {
		t.Fatal(err)
	}
	got, err := s.EvidenceByID(ctx, prio)
	if err != nil || got.Note != "the escalation from Acme" {
		t.Errorf("the note after two reclassifications: %+v, %v", got, err)
	}
	if got, err := s.EvidenceByID(ctx, decision); err != nil || !got.Excluded {
		t.Errorf("the exclusion after two reclassifications: %+v, %v", got, err)
	}
}

func TestPortfolioOffersTheUsersCategories(t *testing.T) {
	ctx := context.Background()
	rs, err := rules.LoadRules("rules.yaml", []byte("categories:\n  - id: customer-research\n    title: Customer research\n"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(ctx, t.TempDir()+"/pmfolio.db", WithCategories(rs.Categories()))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p, err := s.Portfolio(ctx, evidence.Filter{}, storeNow)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Categories) != len(evidence.Categories)+1 || p.Categories[len(evidence.Categories)].ID != "customer-research" {
		t.Errorf("portfolio categories = %v", p.Categories)
	}
	plain := mustOpenStore(t)
	if p, _ := plain.Portfolio(ctx, evidence.Filter{}, storeNow); len(p.Categories) != len(evidence.Categories) {
		t.Errorf("without WithCategories: %d categories", len(p.Categories))
	}
}

// The store remembers which classification its evidence comes from: an
// empty store only records it, a store whose evidence has no record (older
// than the record) or another one is rebuilt, and the same one again is
// left alone.
func TestReclassifyIfChangedRebuildsOnlyForOtherRules(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	site := mustSite(t, s)
	builtin := rules.BuiltinRules()
	off, err := rules.LoadRules("off.yaml", []byte("rules:\n  - id: change.priority\n    disabled: true\n"))
	if err != nil {
		t.Fatal(err)
	}
	if builtin.Identity() == "" || builtin.Identity() == off.Identity() {
		t.Fatalf("identities %q and %q do not tell the rule sets apart", builtin.Identity(), off.Identity())
	}
	as := func(rs *rules.RuleSet) Classifier {
		return Classifier{Classify: rs.Classify, Identity: rs.Identity(), Categories: rs.Categories()}
	}
	step := func(what string, rs *rules.RuleSet, wantChanged bool, wantRules []string) {
		t.Helper()
		_, changed, err := s.ReclassifyIfChanged(ctx, as(rs))
		if err != nil || changed != wantChanged {
			t.Fatalf("%s: changed %v, %v; want %v", what, changed, err, wantChanged)
		}
		if got, _ := s.ClassifiedWith(ctx); got != rs.Identity() {
			t.Errorf("%s: classified with %q, want %q", what, got, rs.Identity())
		}
		if got := storedRules(t, s); !slices.Equal(got, wantRules) {
			t.Errorf("%s: evidence %v, want %v", what, got, wantRules)
		}
	}
	step("an empty store", builtin, false, nil)

	t0 := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)
	// Stored with the built-in rules by a pmfolio that kept no record.
	if _, err := savePage(ctx, s, site, []evidence.IssueRecord{testRecord("10001", "PAY-1", t0)}, builtin.Classify, t0); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, `DELETE FROM classifier`); err != nil {
		t.Fatal(err)
	}
	step("evidence without a record", off, true, nil)
	step("the same rules again", off, false, nil)
	step("the built-in rules back", builtin, true, []string{"10001/change.priority"})
}
