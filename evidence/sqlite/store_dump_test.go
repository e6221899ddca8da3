package sqlite

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
	evsync "github.com/pmfolio/pmfolio/evidence/sync"
)

func TestDumpIsTheSameForTheSameDataWrittenInAnotherOrderAtAnotherTime(t *testing.T) {
	ctx := context.Background()
	at := storeNow.Add(-48 * time.Hour)
	pages := [][]evidence.IssueRecord{
		{testRecord("10001", "PAY-1", at, comment("c1", testMe, at, "Update: rollout at 50%.\x00 الحالة"))},
		{testRecord("10002", "PAY-2", at.Add(time.Hour), comment("c2", testOther, at, "ok"), comment("c3", testMe, at, "Decision: ship it"))},
	}
	write := func(clock time.Time, order []int) string {
		s, err := Open(ctx, filepath.Join(t.TempDir(), "pmfolio.db"), WithClock(func() time.Time { return clock }))
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		site := mustSite(t, s)
		for _, i := range order {
			if _, err := savePage(ctx, s, site, pages[i], fakeClassify, pages[i][0].Issue.Updated); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.RecordSyncRun(ctx, evsync.SyncRun{SiteID: site.ID, Started: clock, Finished: clock, Result: "ok"}); err != nil {
			t.Fatal(err)
		}
		d, err := s.Dump(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	first := write(storeNow, []int{0, 1})
	second := write(storeNow.Add(time.Hour), []int{1, 0})
	if first != second {
		t.Errorf("dumps differ:\n%s\n---\n%s", first, second)
	}
	for _, want := range []string{"## activities\n", "## evidence\n", "## issues\n", "## sites\n", "## sync_state\n",
		`body="Update: rollout at 50%.\x00 الحالة"`, `cursor="` + formatTime(at.Add(time.Hour)) + `"`} {
		if !strings.Contains(first, want) {
			t.Errorf("dump lacks %q:\n%s", want, first)
		}
	}
	for _, stamp := range []string{"synced_at", "created_at", "sync_runs", "migrations", `"id":"10001"`} {
		if strings.Contains(first, stamp) {
			t.Errorf("dump holds %q, which says when rows were written (or raw JSON in full)", stamp)
		}
	}
}

func TestRemoveIssuesTakesActivitiesAndEvidenceAndKeepsCuration(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	site := mustSite(t, s)
	at := storeNow.Add(-time.Hour)
	page := []evidence.IssueRecord{
		testRecord("10001", "PAY-1", at, comment("c1", testMe, at, "Update: done")),
		testRecord("10002", "PAY-2", at, comment("c2", testMe, at, "Update: next week")),
	}
	if _, err := savePage(ctx, s, site, page, fakeClassify, at); err != nil {
		t.Fatal(err)
	}
	gone := evidence.EvidenceID(site.Key(), "10001", evidence.SourceComment, "c1", evidence.CatStakeholderComms)
	if err := s.SetNote(ctx, gone, "the launch"); err != nil {
		t.Fatal(err)
	}
	n, err := s.RemoveIssues(ctx, site.ID, []string{"10001", "99999"})
	if err != nil || n != 1 {
		t.Fatalf("removed %d, %v; want 1", n, err)
	}
	stored, err := s.StoredIssues(ctx, site.ID)
	if err != nil || len(stored) != 1 || (stored[0].ID != "10002" || stored[0].Key != "PAY-2" || stored[0].Project != "PAY") {
		t.Errorf("stored issues = %+v, %v", stored, err)
	}
	counts, err := s.TableCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if counts["activities"] != 2 || counts["evidence"] != 2 || counts["curation"] != 1 {
		t.Errorf("after removal: %v; want the other issue's 2 activities and 2 evidence, and the curation kept", counts)
	}
	// The issue comes back (access restored, say): so does its curation.
	if _, err := savePage(ctx, s, site, page[:1], fakeClassify, at); err != nil {
		t.Fatal(err)
	}
	ev, err := s.EvidenceByID(ctx, gone)
	if err != nil || ev.Note != "the launch" {
		t.Errorf("evidence of the returning issue = %+v, %v; want its note back", ev, err)
	}
}
