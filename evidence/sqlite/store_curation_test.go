package sqlite

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

func TestCurationIsAppliedOnReadAndSurvivesResyncAndReclassify(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	site := mustSite(t, s)
	t0 := time.Date(2026, 3, 4, 15, 0, 0, 0, time.UTC)
	rec := testRecord("10001", "PAY-1", t0, comment("501", testMe, t0, "Update: fine"))
	if _, err := savePage(ctx, s, site, []evidence.IssueRecord{rec}, fakeClassify, t0); err != nil {
		t.Fatal(err)
	}
	items, _ := s.Evidence(ctx, evidence.Filter{})
	change, update := items[0].ID, items[1].ID

	full, err := s.ResolveEvidenceID(ctx, update[:9])
	if err != nil || full != update {
		t.Fatalf("resolve %q = %q, %v", update[:9], full, err)
	}
	if _, err := s.ResolveEvidenceID(ctx, "ev_"); !errors.Is(err, ErrAmbiguousID) {
		t.Errorf("resolve of a prefix of everything = %v, want ambiguous", err)
	}
	if _, err := s.ResolveEvidenceID(ctx, "ev_zzz"); !errors.Is(err, ErrNoEvidence) {
		t.Errorf("resolve of nothing = %v", err)
	}

	if err := s.SetExcluded(ctx, change, true); err != nil {
		t.Fatal(err)
	}
	if err := s.SetNote(ctx, update, "Led the EU rollout comms"); err != nil {
		t.Fatal(err)
	}
	if err := s.Recategorize(ctx, update, evidence.CatIncidentCoord); err != nil {
		t.Fatal(err)
	}
	manual, err := s.AddManual(ctx, ManualEntry{At: t0.Add(24 * time.Hour), Category: evidence.CatStakeholderComms,
		Description: "Ran the quarterly roadmap review with sales", Link: "https://docs.example.com/roadmap"})
	if err != nil {
		t.Fatal(err)
	}
	check := func(when string) {
		t.Helper()
		visible, err := s.Evidence(ctx, evidence.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(visible) != 2 || visible[0].ID != update || visible[1].ID != manual.ID {
			t.Fatalf("%s: visible = %+v", when, visible)
		}
		u := visible[0]
		if u.Category != evidence.CatIncidentCoord || u.MachineCategory != evidence.CatStakeholderComms || u.Note != "Led the EU rollout comms" {
			t.Errorf("%s: curated item = %+v", when, u)
		}
		m := visible[1]
		if !m.Manual || m.Source != evidence.SourceManual || m.Excerpt != "Ran the quarterly roadmap review with sales" ||
			m.IssueURL != "https://docs.example.com/roadmap" || m.Category != evidence.CatStakeholderComms {
			t.Errorf("%s: manual item = %+v", when, m)
		}
		all, _ := s.Evidence(ctx, evidence.Filter{IncludeExcluded: true})
		if len(all) != 3 || !all[0].Excluded {
			t.Errorf("%s: with excluded = %+v", when, all)
		}
		cat := evidence.CatIncidentCoord
		if got, _ := s.Evidence(ctx, evidence.Filter{Category: &cat}); len(got) != 1 || got[0].ID != update {
			t.Errorf("%s: category filter sees %+v, want the re-categorised item", when, got)
		}
	}
	check("after curation")
	if _, err := savePage(ctx, s, site, []evidence.IssueRecord{rec}, fakeClassify, t0); err != nil {
		t.Fatal(err)
	}
	check("after a re-sync")
	if _, err := s.reclassify(ctx, fakeClassify, ""); err != nil {
		t.Fatal(err)
	}
	check("after reclassify")

	// Filing an item back under its machine category undoes the change;
	// including it again undoes the exclusion.
	if err := s.Recategorize(ctx, update, evidence.CatStakeholderComms); err != nil {
		t.Fatal(err)
	}
	if err := s.SetExcluded(ctx, change, false); err != nil {
		t.Fatal(err)
	}
	visible, _ := s.Evidence(ctx, evidence.Filter{})
	if len(visible) != 3 || visible[1].Category != evidence.CatStakeholderComms || visible[1].MachineCategory != "" {
		t.Errorf("after undoing: %+v", visible)
	}
	if err := s.SetNote(ctx, "ev_nope", "x"); !errors.Is(err, ErrNoEvidence) {
		t.Errorf("note on an unknown id = %v", err)
	}
	if err := s.Recategorize(ctx, "ev_nope", evidence.CatStakeholderComms); !errors.Is(err, ErrNoEvidence) {
		t.Errorf("recategorize unknown = %v", err)
	}
}

func TestDeleteManualRemovesOnlyTheUsersOwnItemAndItsNote(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	site := mustSite(t, s)
	t0 := time.Date(2026, 3, 4, 15, 0, 0, 0, time.UTC)
	rec := testRecord("10001", "PAY-1", t0, comment("501", testMe, t0, "Update: fine"))
	if _, err := savePage(ctx, s, site, []evidence.IssueRecord{rec}, fakeClassify, t0); err != nil {
		t.Fatal(err)
	}
	machine, _ := s.Evidence(ctx, evidence.Filter{})
	manual, err := s.AddManual(ctx, ManualEntry{At: t0, Category: evidence.CatStakeholderComms, Description: "Roadmap review"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetNote(ctx, manual.ID, "with sales"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteManual(ctx, machine[0].ID); !errors.Is(err, ErrNotManual) {
		t.Errorf("delete of the classifier's item = %v, want ErrNotManual", err)
	}
	if err := s.DeleteManual(ctx, "ev_mnothere"); !errors.Is(err, ErrNoEvidence) {
		t.Errorf("delete of nothing = %v, want ErrNoEvidence", err)
	}
	if err := s.DeleteManual(ctx, manual.ID); err != nil {
		t.Fatal(err)
	}
	after, _ := s.Evidence(ctx, evidence.Filter{IncludeExcluded: true})
	if len(after) != len(machine) {
		t.Errorf("after delete: %d items, want the %d the classifier found", len(after), len(machine))
	}
	var notes int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM curation WHERE evidence_id = ?`, manual.ID).Scan(&notes); err != nil || notes != 0 {
		t.Errorf("curation of the deleted item left behind: %d rows, %v", notes, err)
	}
}

func TestIssueKeyFilterIgnoresCase(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	site := mustSite(t, s)
	t0 := time.Date(2026, 3, 4, 15, 0, 0, 0, time.UTC)
	rec := testRecord("10001", "PAY-1", t0, comment("501", testMe, t0, "Update: fine"))
	if _, err := savePage(ctx, s, site, []evidence.IssueRecord{rec}, fakeClassify, t0); err != nil {
		t.Fatal(err)
	}
	key := "pay-1"
	items, err := s.Evidence(ctx, evidence.Filter{IssueKey: &key})
	if err != nil || len(items) == 0 || items[0].IssueKey != "PAY-1" {
		t.Errorf("--issue pay-1 found %d items, %v", len(items), err)
	}
}
