package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// statusRecord is an issue of the user's colleague with one status change
// of the user's at a time.
func statusRecord(n int, at time.Time) evidence.IssueRecord {
	id := fmt.Sprint(20000 + n)
	rec := testRecord(id, fmt.Sprintf("PAY-%d", n), at)
	rec.Activities = []evidence.Activity{{IssueID: id, Source: evidence.SourceChange, SourceID: "s" + id, Author: testMe, At: at,
		Items: []evidence.ChangeItem{{Field: "status", FieldID: "status", FromString: "In Review", ToString: "Done"}}}}
	return rec
}

// A run of the user's status changes under two minutes apart across five
// issues or more is a bulk edit and none of it is evidence, even when the
// run is read across pages and reaches past the minutes around the
// changes of the page that completes it. Runs of four issues, and changes
// on their own, stay evidence.
func TestStoreDropsTheEvidenceOfBulkStatusChangesAcrossPages(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	site := mustSite(t, s)
	t0 := time.Date(2026, 3, 4, 15, 0, 0, 0, time.UTC)
	var pages [2][]evidence.IssueRecord
	// A bulk edit of seven issues, 90 seconds apart, its first four on the
	// first page: the second page's changes reach the first page's only
	// by widening the minutes around them.
	for i := range 7 {
		pages[min(i/4, 1)] = append(pages[min(i/4, 1)], statusRecord(i, t0.Add(time.Duration(i)*90*time.Second)))
	}
	// Four issues within minutes of each other, and one change alone.
	for i := range 4 {
		pages[1] = append(pages[1], statusRecord(10+i, t0.Add(3*time.Hour+time.Duration(i)*time.Minute)))
	}
	pages[0] = append(pages[0], statusRecord(20, t0.Add(-time.Hour)))
	for i, page := range pages {
		if _, err := savePage(ctx, s, site, page, fakeClassify, t0.Add(time.Duration(i)*time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	evs, err := s.Evidence(ctx, evidence.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, ev := range evs {
		keys = append(keys, ev.IssueKey)
	}
	sort.Strings(keys)
	want := []string{"PAY-10", "PAY-11", "PAY-12", "PAY-13", "PAY-20"}
	if fmt.Sprint(keys) != fmt.Sprint(want) {
		t.Errorf("evidence on %v, want %v (no part of the bulk edit of PAY-0 to PAY-6)", keys, want)
	}
	// Reclassifying finds the same bulk edit in the whole site.
	if _, err := s.reclassify(ctx, fakeClassify, ""); err != nil {
		t.Fatal(err)
	}
	if evs, err = s.Evidence(ctx, evidence.Filter{}); err != nil || len(evs) != len(want) {
		t.Errorf("after reclassify: %d evidence items (%v), want %d", len(evs), err, len(want))
	}
}

// The user's status changes around a time are read from the index of the
// user's activities by time (a partial index, of is_mine = 1), not by a
// scan of every activity of the site.
func TestStatusChangesAreReadThroughTheIndexOfTheUsersActivities(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	site := mustSite(t, s)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	var plan []string
	prepare := func(ctx context.Context, query string) (*sql.Stmt, error) {
		rows, err := tx.QueryContext(ctx, "EXPLAIN QUERY PLAN "+query, 0, "a", "b", site.ID)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				return nil, err
			}
			plan = append(plan, detail)
		}
		return tx.PrepareContext(ctx, query)
	}
	if _, err := statusChangesInSpans(ctx, prepare, site.ID, []timeSpan{{time.Now(), time.Now()}}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(plan, "\n"), "SEARCH a USING INDEX activities_mine_by_time") {
		t.Errorf("the status changes are not read through activities_mine_by_time:\n%s", strings.Join(plan, "\n"))
	}
}
