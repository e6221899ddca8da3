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

// The comment a bulk transition posts on every issue it moves is part of
// the bulk edit, as is the same comment posted on five issues or more
// within minutes with no status change, even across pages: neither is
// evidence. A Won't Do with its reason on one issue, a later comment on
// an issue the bulk edit moved, and the same comment on four issues stay.
func TestStoreDropsTheCommentsOfABulkEditAcrossPages(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	site := mustSite(t, s)
	t0 := time.Date(2026, 3, 4, 15, 0, 0, 0, time.UTC)
	withComment := func(rec evidence.IssueRecord, id string, at time.Time, text string) evidence.IssueRecord {
		c := comment(id, testMe, at, text)
		c.IssueID = rec.Issue.ID
		rec.Activities = append(rec.Activities, c)
		return rec
	}
	var pages [2][]evidence.IssueRecord
	// A bulk close of seven issues, a comment a second before each status
	// change (each naming its issue: the status change ties them), its
	// first four on the first page; the first issue is commented on again
	// three hours later.
	for i := range 7 {
		at := t0.Add(time.Duration(i) * 4 * time.Second)
		rec := withComment(statusRecord(i, at.Add(time.Second)), fmt.Sprint("bulk", i), at,
			fmt.Sprintf("Won't do PAY-%d: no activity for six months, reopen if still needed.", i))
		if i == 0 {
			rec = withComment(rec, "later0", t0.Add(3*time.Hour), "Reopening: the bank still needs this for the audit.")
		}
		pages[min(i/4, 1)] = append(pages[min(i/4, 1)], rec)
	}
	// A Won't Do with its reason, alone.
	pages[1] = append(pages[1], withComment(statusRecord(20, t0.Add(-2*time.Hour)), "wont20", t0.Add(-2*time.Hour-30*time.Second),
		"Won't do: the regulator dropped the requirement."))
	// The same comment on six issues a minute apart with no status change,
	// across both pages, and on four issues only.
	for i := range 6 {
		rec := withComment(testRecord(fmt.Sprint(30000+i), fmt.Sprintf("PAY-%d", 30+i), t0.Add(-5*time.Hour)), fmt.Sprint("same", i),
			t0.Add(5*time.Hour+time.Duration(i)*time.Minute), "Descoped from 4.14 as agreed in the release call.")
		rec.Activities = rec.Activities[1:]
		pages[i%2] = append(pages[i%2], rec)
	}
	for i := range 4 {
		rec := withComment(testRecord(fmt.Sprint(30010+i), fmt.Sprintf("PAY-%d", 40+i), t0.Add(-5*time.Hour)), fmt.Sprint("four", i),
			t0.Add(7*time.Hour+time.Duration(i)*time.Minute), "Moved to 4.15: not ready for the 4.14 freeze.")
		rec.Activities = rec.Activities[1:]
		pages[0] = append(pages[0], rec)
	}
	for i, page := range pages {
		if _, err := savePage(ctx, s, site, page, fakeClassify, t0.Add(time.Duration(i)*time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	want := "[PAY-0 comment later0 PAY-20 change s20020 PAY-20 comment wont20 PAY-40 comment four0 PAY-41 comment four1 PAY-42 comment four2 PAY-43 comment four3]"
	got := func() string {
		evs, err := s.Evidence(ctx, evidence.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		var keys []string
		for _, ev := range evs {
			keys = append(keys, ev.IssueKey+" "+string(ev.Source)+" "+ev.SourceID)
		}
		sort.Strings(keys)
		return fmt.Sprint(keys)
	}
	if g := got(); g != want {
		t.Errorf("evidence of\n%s\nwant\n%s", g, want)
	}
	// Reclassifying finds the same bulk edits in the whole site.
	if _, err := s.reclassify(ctx, fakeClassify, ""); err != nil {
		t.Fatal(err)
	}
	if g := got(); g != want {
		t.Errorf("after reclassify: evidence of\n%s\nwant\n%s", g, want)
	}
}
