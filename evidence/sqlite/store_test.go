package sqlite

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"testing/fstest"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
	evsync "github.com/pmfolio/pmfolio/evidence/sync"
)

var storeNow = time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)

func mustOpenStore(tb testing.TB) *Store {
	tb.Helper()
	s, err := Open(context.Background(), filepath.Join(tb.TempDir(), "sub", "pmfolio.db"),
		WithClock(func() time.Time { return storeNow }))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

var (
	testMe    = evidence.User{ID: "5b10ac8d82e05b22cc7d4ef5", DisplayName: "Sam Rivera"}
	testOther = evidence.User{ID: "557058:aaaa", DisplayName: "Lee Park"}
)

func mustSite(tb testing.TB, s *Store) evidence.Site {
	tb.Helper()
	site, err := s.EnsureSite(context.Background(), evidence.Site{URL: "https://acme.atlassian.net/", Deployment: evidence.DeploymentCloud, User: testMe})
	if err != nil {
		tb.Fatal(err)
	}
	return site
}

// fakeClassify claims every comment by the user as stakeholder communication
// and every change as prioritisation, so store tests do not depend on rules.
func fakeClassify(a evidence.Activity, is evidence.Issue, me evidence.User) []evidence.Evidence {
	if !a.Author.Is(me) {
		return nil
	}
	cat := evidence.CatPrioritization
	if a.Source == evidence.SourceComment {
		cat = evidence.CatStakeholderComms
	}
	return []evidence.Evidence{{IssueID: a.IssueID, Source: a.Source, SourceID: a.SourceID, OccurredAt: a.At,
		Category: cat, Rule: "test." + string(a.Source), Confidence: 0.8, Excerpt: a.Text}}
}

// savePage classifies a page as a sync does (evsync.Classify) and commits it.
func savePage(ctx context.Context, s *Store, site evidence.Site, records []evidence.IssueRecord, classify evidence.ClassifyFunc, cursor time.Time) (evsync.PageResult, error) {
	return s.SavePage(ctx, site, evsync.Classify(site, records, classify), cursor)
}

func testRecord(id, key string, updated time.Time, comments ...evidence.Activity) evidence.IssueRecord {
	is := evidence.Issue{ID: id, Key: key, Project: "PAY", Summary: "Checkout times out for " + key, Type: "Story",
		Reporter: testOther, Created: updated.Add(-time.Hour), Updated: updated}
	acts := []evidence.Activity{{IssueID: id, Source: evidence.SourceChange, SourceID: "h" + id, Author: testMe, At: updated,
		Items: []evidence.ChangeItem{{Field: "priority", FieldID: "priority", FromString: "Medium", ToString: "High"}}}}
	for _, c := range comments {
		c.IssueID = id
		acts = append(acts, c)
	}
	return evidence.IssueRecord{Issue: is, Raw: []byte(`{"id":"` + id + `","key":"` + key + `","fields":{"x":null}}`), Activities: acts}
}

func comment(id string, author evidence.User, at time.Time, text string) evidence.Activity {
	return evidence.Activity{Source: evidence.SourceComment, SourceID: id, Author: author, At: at, Text: text}
}

// change is a change history by author at a time, of its items.
func change(id string, author evidence.User, at time.Time, items ...evidence.ChangeItem) evidence.Activity {
	return evidence.Activity{Source: evidence.SourceChange, SourceID: id, Author: author, At: at, Items: items}
}

func TestStoreMigratesEmptyAndExistingDatabase(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "pmfolio.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	first, err := s.Migrations(ctx)
	if err != nil || len(first) == 0 || first[0] != "0001_init.sql" {
		t.Fatalf("migrations on an empty database = %v, %v", first, err)
	}
	site, err := s.EnsureSite(ctx, evidence.Site{URL: "https://acme.atlassian.net", User: testMe})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	// Reopening an existing database applies nothing twice and keeps the data.
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen existing database: %v", err)
	}
	defer s.Close()
	again, _ := s.Migrations(ctx)
	if !reflect.DeepEqual(first, again) {
		t.Errorf("migrations after reopen = %v, want %v", again, first)
	}
	sites, err := s.Sites(ctx)
	if err != nil || len(sites) != 1 || sites[0].ID != site.ID || sites[0].Name != "acme" {
		t.Errorf("sites after reopen = %+v, %v", sites, err)
	}
	var fk, mode string
	if err := s.db.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk); err != nil || fk != "1" {
		t.Errorf("foreign_keys = %q, %v", fk, err)
	}
	if err := s.db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v", mode, err)
	}
}

func TestStoreAppliesANewMigrationToAnExistingDatabaseOnce(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	site := mustSite(t, s)
	first, err := fs.ReadFile(migrationFiles, "migrations/0001_init.sql")
	if err != nil {
		t.Fatal(err)
	}
	applied, _ := s.Migrations(ctx)
	next := fstest.MapFS{
		"migrations/0001_init.sql": {Data: first},
		"migrations/9000_test.sql": {Data: []byte(`ALTER TABLE sites ADD COLUMN note TEXT NOT NULL DEFAULT 'kept';`)},
	}
	for range 2 { // the second run must find nothing to do
		if err := s.migrate(ctx, next); err != nil {
			t.Fatal(err)
		}
	}
	names, _ := s.Migrations(ctx)
	if !reflect.DeepEqual(names, append(applied, "9000_test.sql")) {
		t.Errorf("migrations = %v", names)
	}
	var note string
	if err := s.db.QueryRowContext(ctx, `SELECT note FROM sites WHERE id = ?`, site.ID).Scan(&note); err != nil || note != "kept" {
		t.Errorf("existing row after migration: %q, %v", note, err)
	}

	// A failing migration is rolled back whole and not recorded.
	broken := fstest.MapFS{"migrations/0003_broken.sql": {Data: []byte(`CREATE TABLE half (x INT); SELECT nope FROM nowhere;`)}}
	if err := s.migrate(ctx, broken); err == nil {
		t.Fatal("a broken migration was accepted")
	}
	var tables int
	s.db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE name = 'half'`).Scan(&tables)
	if names, _ := s.Migrations(ctx); len(names) != len(applied)+1 || tables != 0 {
		t.Errorf("after a failed migration: %v recorded, %d half-made tables", names, tables)
	}
}

func TestStoreRoundTripsAPageAndItsEvidence(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	site := mustSite(t, s)
	t0 := time.Date(2026, 3, 4, 15, 12, 0, 0, time.UTC)
	rec := testRecord("10001", "PAY-142", t0,
		comment("501", testMe, t0.Add(time.Minute), "Update: mitigation is live in eu-west."),
		comment("502", testOther, t0.Add(2*time.Minute), "thanks!"))

	res, err := savePage(ctx, s, site, []evidence.IssueRecord{rec}, fakeClassify, t0)
	if err != nil {
		t.Fatal(err)
	}
	if want := (evsync.PageResult{Issues: 1, NewActivities: 2, NewEvidence: 2}); res != want {
		t.Errorf("first save = %+v, want %+v", res, want)
	}
	items, err := s.Evidence(ctx, evidence.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 2 {
		t.Fatalf("evidence = %d items, want 2: %+v", len(items), items)
	}
	ev := items[1]
	if ev.Category != evidence.CatStakeholderComms || ev.IssueKey != "PAY-142" || ev.SiteName != "acme" ||
		ev.IssueURL != "https://acme.atlassian.net/browse/PAY-142" || ev.IssueSummary != "Checkout times out for PAY-142" ||
		ev.Excerpt != "Update: mitigation is live in eu-west." || !ev.OccurredAt.Equal(t0.Add(time.Minute)) ||
		ev.ID != evidence.EvidenceID(site.Key(), "10001", evidence.SourceComment, "501", evidence.CatStakeholderComms) {
		t.Errorf("evidence read back = %+v", ev)
	}
	cursor, ok, err := s.SyncCursor(ctx, site.ID)
	if err != nil || !ok || !cursor.Equal(t0) {
		t.Errorf("cursor = %v %v %v, want %v", cursor, ok, err, t0)
	}
	var raw string
	if err := s.db.QueryRowContext(ctx, `SELECT raw FROM issues WHERE issue_id = '10001'`).Scan(&raw); err != nil || raw != string(rec.Raw) {
		t.Errorf("raw JSON = %q, %v; want it kept whole", raw, err)
	}

	// Saving the same page again adds nothing and keeps the same ids.
	res, err = savePage(ctx, s, site, []evidence.IssueRecord{rec}, fakeClassify, t0)
	if err != nil {
		t.Fatal(err)
	}
	if want := (evsync.PageResult{Issues: 1}); res != want {
		t.Errorf("second save = %+v, want %+v", res, want)
	}
	again, _ := s.Evidence(ctx, evidence.Filter{})
	if len(again) != 2 || again[0].ID != items[0].ID || again[1].ID != items[1].ID {
		t.Errorf("ids changed on re-save: %+v", again)
	}
}

func TestStoreMovedIssueAndDeletedCommentAreReflected(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	site := mustSite(t, s)
	t0 := time.Date(2026, 3, 4, 15, 0, 0, 0, time.UTC)
	_, err := savePage(ctx, s, site, []evidence.IssueRecord{testRecord("10001", "PAY-142", t0,
		comment("501", testMe, t0, "Update: one"), comment("503", testMe, t0, "Update: two"))}, fakeClassify, t0)
	if err != nil {
		t.Fatal(err)
	}
	// The issue moved to OPS (new key, same id) and comment 503 was deleted.
	moved := testRecord("10001", "OPS-7", t0.Add(time.Hour), comment("501", testMe, t0, "Update: one, edited"))
	if _, err := savePage(ctx, s, site, []evidence.IssueRecord{moved}, fakeClassify, t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	var issues int
	s.db.QueryRowContext(ctx, `SELECT count(*) FROM issues`).Scan(&issues)
	if issues != 1 {
		t.Errorf("issues after move = %d, want 1 (updated, not duplicated)", issues)
	}
	items, _ := s.Evidence(ctx, evidence.Filter{})
	if len(items) != 2 {
		t.Fatalf("evidence after delete = %d, want 2: %+v", len(items), items)
	}
	for _, ev := range items {
		if ev.IssueKey != "OPS-7" || ev.SourceID == "503" {
			t.Errorf("stale evidence after move/delete: %+v", ev)
		}
		if ev.Source == evidence.SourceComment && ev.Excerpt != "Update: one, edited" {
			t.Errorf("edited comment not reflected: %q", ev.Excerpt)
		}
	}
}

func TestStoreFailedPageLeavesDatabaseAsItWas(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	site := mustSite(t, s)
	t0 := time.Date(2026, 3, 4, 15, 0, 0, 0, time.UTC)
	good := testRecord("10001", "PAY-1", t0, comment("501", testMe, t0, "Update: fine"))
	if _, err := savePage(ctx, s, site, []evidence.IssueRecord{good}, fakeClassify, t0); err != nil {
		t.Fatal(err)
	}
	// The second issue of this page carries two activities with one key:
	// the insert fails, and nothing of the page may remain.
	bad := testRecord("10002", "PAY-2", t0.Add(time.Hour), comment("601", testMe, t0, "a"), comment("601", testMe, t0, "b"))
	_, err := savePage(ctx, s, site, []evidence.IssueRecord{testRecord("10003", "PAY-3", t0.Add(time.Hour)), bad}, fakeClassify, t0.Add(time.Hour))
	if err == nil {
		t.Fatal("SavePage accepted a page with a duplicate activity")
	}
	var issues int
	s.db.QueryRowContext(ctx, `SELECT count(*) FROM issues`).Scan(&issues)
	cursor, _, _ := s.SyncCursor(ctx, site.ID)
	if issues != 1 || !cursor.Equal(t0) {
		t.Errorf("after a failed page: %d issues, cursor %v; want 1 issue and cursor %v", issues, cursor, t0)
	}
	// The connection pages are written through takes the next page.
	if _, err := savePage(ctx, s, site, []evidence.IssueRecord{testRecord("10003", "PAY-3", t0.Add(time.Hour))}, fakeClassify, t0.Add(time.Hour)); err != nil {
		t.Fatalf("the page after a failed one: %v", err)
	}
	s.db.QueryRowContext(ctx, `SELECT count(*) FROM issues`).Scan(&issues)
	if cursor, _, _ = s.SyncCursor(ctx, site.ID); issues != 2 || !cursor.Equal(t0.Add(time.Hour)) {
		t.Errorf("after the next page: %d issues, cursor %v; want 2 and %v", issues, cursor, t0.Add(time.Hour))
	}
}

func TestStoreCurationSurvivesReclassify(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	site := mustSite(t, s)
	t0 := time.Date(2026, 3, 4, 15, 0, 0, 0, time.UTC)
	rec := testRecord("10001", "PAY-1", t0, comment("501", testMe, t0, "Update: fine"))
	if _, err := savePage(ctx, s, site, []evidence.IssueRecord{rec}, fakeClassify, t0); err != nil {
		t.Fatal(err)
	}
	items, _ := s.Evidence(ctx, evidence.Filter{})
	excluded := items[0].ID
	if _, err := s.db.ExecContext(ctx, `INSERT INTO curation (evidence_id, excluded, updated_at) VALUES (?, 1, ?)`,
		excluded, formatTime(storeNow)); err != nil {
		t.Fatal(err)
	}
	n, err := s.reclassify(ctx, fakeClassify, "")
	if err != nil || n != 2 {
		t.Fatalf("reclassify = %d, %v; want 2", n, err)
	}
	visible, _ := s.Evidence(ctx, evidence.Filter{})
	all, _ := s.Evidence(ctx, evidence.Filter{IncludeExcluded: true})
	if len(visible) != 1 || visible[0].ID == excluded || len(all) != 2 {
		t.Errorf("after reclassify: visible %+v, all %d; the exclusion must hold", visible, len(all))
	}

	// A rule change that drops a category drops its evidence, and nothing else.
	onlyComments := func(a evidence.Activity, is evidence.Issue, me evidence.User) []evidence.Evidence {
		if a.Source != evidence.SourceComment {
			return nil
		}
		return fakeClassify(a, is, me)
	}
	if n, err := s.reclassify(ctx, onlyComments, ""); err != nil || n != 1 {
		t.Fatalf("reclassify with fewer rules = %d, %v; want 1", n, err)
	}
	var curated int
	s.db.QueryRowContext(ctx, `SELECT count(*) FROM curation`).Scan(&curated)
	if curated != 1 {
		t.Errorf("curation rows = %d, want 1: reclassify must never touch curation", curated)
	}
}

func TestStorePortfolioAndStats(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	site := mustSite(t, s)
	t0 := time.Date(2026, 3, 4, 15, 0, 0, 0, time.UTC)
	t1 := time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC)
	_, err := savePage(ctx, s, site, []evidence.IssueRecord{
		testRecord("10001", "PAY-1", t0, comment("501", testMe, t0, "Update: one")),
		testRecord("10002", "PAY-2", t1, comment("502", testOther, t1, "not mine")),
	}, fakeClassify, t1)
	if err != nil {
		t.Fatal(err)
	}
	since := time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
	p, err := s.Portfolio(ctx, evidence.Filter{Since: &since}, storeNow)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Evidence) != 1 || p.Evidence[0].IssueKey != "PAY-2" || !p.Period.Since.Equal(since) ||
		!p.Period.Until.Equal(storeNow) || len(p.Sites) != 1 {
		t.Errorf("portfolio since April = %+v", p)
	}
	st, err := s.Stats(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	wantActs := map[evidence.Source]int{evidence.SourceIssue: 0, evidence.SourceChange: 2, evidence.SourceComment: 1, evidence.SourceWorklog: 0}
	if !reflect.DeepEqual(st.Activities, wantActs) {
		t.Errorf("activities = %v, want %v (only the user's own)", st.Activities, wantActs)
	}
	if st.Evidence[evidence.CatPrioritization] != 2 || st.Evidence[evidence.CatStakeholderComms] != 1 || st.Months["2026-03"][evidence.CatStakeholderComms] != 1 {
		t.Errorf("stats = %+v", st)
	}
}

func TestSyncLockIsExclusiveAndSaysWhetherASyncIsRunning(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pmfolio.db")
	running := func(want bool) {
		t.Helper()
		if got, err := SyncRunning(path); got != want || err != nil {
			t.Fatalf("SyncRunning = %v, %v; want %v", got, err, want)
		}
	}
	running(false) // no lock file yet
	if _, err := os.Stat(path + ".lock"); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("SyncRunning created the lock file: %v", err)
	}
	first, err := LockForSync(path)
	if err != nil {
		t.Fatal(err)
	}
	running(true)
	if _, err := LockForSync(path); !errors.Is(err, evidence.ErrLocked) {
		t.Fatalf("second lock = %v, want evidence.ErrLocked", err)
	}
	if err := first.Unlock(); err != nil {
		t.Fatal(err)
	}
	running(false)
	again, err := LockForSync(path)
	if err != nil {
		t.Fatalf("lock after unlock: %v", err)
	}
	again.Unlock()
}

func TestStorePortfolioNamesProjectsEpicsAndPeople(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	site := mustSite(t, s)
	t0 := time.Date(2026, 3, 4, 15, 0, 0, 0, time.UTC)
	epic := testRecord("20000", "PAY-1", t0)
	epic.Issue.Type, epic.Issue.Summary, epic.Issue.ProjectName = "Epic", "Faster checkout", "Payments"
	child := testRecord("20001", "PAY-2", t0, comment("701", testOther, t0, "question?"))
	child.Issue.ParentKey, child.Issue.ProjectName = "PAY-1", "Payments"
	child.Issue.Assignee = evidence.User{ID: "x", DisplayName: "Ana Silva"}
	if _, err := savePage(ctx, s, site, []evidence.IssueRecord{epic, child}, fakeClassify, t0); err != nil {
		t.Fatal(err)
	}
	p, err := s.Portfolio(ctx, evidence.Filter{}, storeNow)
	if err != nil {
		t.Fatal(err)
	}
	wantProjects := []evidence.Project{{SiteName: "acme", Key: "PAY", Name: "Payments"}}
	wantEpics := []evidence.Epic{{SiteName: "acme", Key: "PAY-1", Summary: "Faster checkout", URL: "https://acme.atlassian.net/browse/PAY-1",
		Issues: []evidence.EpicIssue{{Key: "PAY-1", Created: epic.Issue.Created, Summary: "Faster checkout"},
			{Key: "PAY-2", Assignee: child.Issue.Assignee, Created: child.Issue.Created, Summary: child.Issue.Summary}}}}
	wantPeople := []string{"Ana Silva", "Lee Park", "Sam Rivera"}
	if !reflect.DeepEqual(p.Projects, wantProjects) || !reflect.DeepEqual(p.Epics, wantEpics) || !reflect.DeepEqual(p.People, wantPeople) {
		t.Errorf("projects %+v\nepics %+v\npeople %q", p.Projects, p.Epics, p.People)
	}
	if len(p.Categories) != 12 || p.Categories[0].ID != evidence.CatStoryWriting {
		t.Errorf("categories = %d, first %+v", len(p.Categories), p.Categories)
	}
}

// An item carries the links and the resolution of its issue: a postmortem
// is often tied to its incident only by a link, and an incident's closing
// comment is read against when it was resolved.
func TestStoreReadsTheLinksAndResolutionOfAnItemsIssue(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	site := mustSite(t, s)
	t0 := time.Date(2026, 8, 12, 14, 0, 0, 0, time.UTC)
	resolved := t0.Add(time.Hour)
	incident := testRecord("30001", "PAY-1", t0, comment("801", testMe, t0, "rollback done"))
	incident.Issue.Resolved = &resolved
	incident.Issue.Links = []evidence.IssueLink{
		{Type: "Relates", Direction: "inward", Description: "relates to", OtherKey: "PAY-2", OtherProject: "PAY"},
		{Type: "Relates", Direction: "inward", Description: "relates to", OtherKey: "OPS-7", OtherProject: "OPS"},
	}
	plain := testRecord("30002", "PAY-3", t0, comment("802", testMe, t0, "looking"))
	if _, err := savePage(ctx, s, site, []evidence.IssueRecord{incident, plain}, fakeClassify, t0); err != nil {
		t.Fatal(err)
	}
	items, err := s.Evidence(ctx, evidence.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range items {
		switch ev.IssueKey {
		case "PAY-1":
			if !reflect.DeepEqual(ev.IssueLinks, []string{"PAY-2", "OPS-7"}) || ev.IssueResolved == nil || !ev.IssueResolved.Equal(resolved) {
				t.Errorf("%s %s: links %q, resolved %v; want [PAY-2 OPS-7], %v", ev.IssueKey, ev.Source, ev.IssueLinks, ev.IssueResolved, resolved)
			}
		default:
			if ev.IssueLinks != nil || ev.IssueResolved != nil {
				t.Errorf("%s %s: links %q, resolved %v; want none", ev.IssueKey, ev.Source, ev.IssueLinks, ev.IssueResolved)
			}
		}
	}
	if len(items) != 4 {
		t.Errorf("%d items, want 4", len(items))
	}
}

// An item carries who filed its issue and when: a request the user said
// no to was someone's, and a story says whose.
func TestStoreReadsWhoFiledAnItemsIssue(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	site := mustSite(t, s)
	t0 := time.Date(2026, 5, 27, 10, 0, 0, 0, time.UTC)
	request := testRecord("30001", "CHK-27", t0, comment("801", testMe, t0, "moving this to the backlog"))
	request.Issue.Reporter = evidence.User{ID: "n1", DisplayName: "Nadia Haddad"}
	request.Issue.Created = t0.Add(-48 * time.Hour)
	if _, err := savePage(ctx, s, site, []evidence.IssueRecord{request}, fakeClassify, t0); err != nil {
		t.Fatal(err)
	}
	items, err := s.Evidence(ctx, evidence.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(items) == 0 {
		t.Fatal("no items")
	}
	for _, ev := range items {
		if ev.IssueReporter != request.Issue.Reporter || !ev.IssueCreated.Equal(request.Issue.Created) {
			t.Errorf("%s %s: filed by %+v on %v, want %+v on %v", ev.IssueKey, ev.Source, ev.IssueReporter, ev.IssueCreated, request.Issue.Reporter, request.Issue.Created)
		}
	}
}

// An item says whether its issue's assignee did anything on it: an
// assignee who never commented or changed a field is not someone the user
// worked alongside.
func TestStoreReadsWhetherAnItemsAssigneeActed(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	site := mustSite(t, s)
	t0 := time.Date(2026, 8, 5, 9, 30, 0, 0, time.UTC)
	rohit := evidence.User{ID: "r1", DisplayName: "Rohit Sharma"}
	idle := testRecord("30001", "CORE-2183", t0, comment("801", testMe, t0, "we cannot take this into 4.13"))
	idle.Issue.Assignee = rohit
	busy := testRecord("30002", "CORE-2184", t0, comment("802", testMe, t0, "looks good"), comment("803", rohit, t0.Add(time.Hour), "fixed in 4.13"))
	busy.Issue.Assignee = rohit
	if _, err := savePage(ctx, s, site, []evidence.IssueRecord{idle, busy}, fakeClassify, t0); err != nil {
		t.Fatal(err)
	}
	items, err := s.Evidence(ctx, evidence.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, ev := range items {
		seen[ev.IssueKey] = true
		if want := ev.IssueKey == "CORE-2184"; ev.IssueAssigneeActed != want {
			t.Errorf("%s %s: assignee acted = %v, want %v", ev.IssueKey, ev.Source, ev.IssueAssigneeActed, want)
		}
	}
	if !seen["CORE-2183"] || !seen["CORE-2184"] {
		t.Errorf("items of %v, want both issues", seen)
	}
}

// An item carries which of its issue's fix versions Jira marks released,
// read from the issue as Jira sent it: a plan into a release that went
// out without the issue is no plan that held.
func TestStoreReadsWhichFixVersionsOfAnItemsIssueAreReleased(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	site := mustSite(t, s)
	t0 := time.Date(2026, 8, 12, 14, 0, 0, 0, time.UTC)
	moved := testRecord("30001", "CORE-2184", t0)
	moved.Issue.FixVersions = []string{"4.13", "4.14", "4.15"}
	moved.Raw = []byte(`{"id":"30001","key":"CORE-2184","fields":{"fixVersions":[{"name":"4.13","released":true},` +
		`{"name":"4.14","releaseDate":"2026-10-24","released":true},{"name":"4.15","releaseDate":"2026-12-19","released":false}]}}`)
	planned := testRecord("30002", "CORE-2190", t0)
	planned.Issue.FixVersions = []string{"4.15"}
	planned.Raw = []byte(`{"id":"30002","key":"CORE-2190","fields":{"fixVersions":[{"name":"4.15","released":false}]}}`)
	none := testRecord("30003", "CORE-2191", t0)
	if _, err := savePage(ctx, s, site, []evidence.IssueRecord{moved, planned, none}, fakeClassify, t0); err != nil {
		t.Fatal(err)
	}
	items, err := s.Evidence(ctx, evidence.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{"CORE-2184": {"4.13", "4.14"}, "CORE-2190": {}, "CORE-2191": nil}
	// Only a released version's date is the day it went out (not 4.15's);
	// 4.13 has none.
	wantDays := map[string]map[string]time.Time{"CORE-2184": {"4.14": time.Date(2026, 10, 24, 0, 0, 0, 0, time.UTC)}}
	for _, ev := range items {
		if !reflect.DeepEqual(ev.IssueReleasedVersions, want[ev.IssueKey]) {
			t.Errorf("%s: released versions %#v, want %#v", ev.IssueKey, ev.IssueReleasedVersions, want[ev.IssueKey])
		}
		if !reflect.DeepEqual(ev.IssueReleaseDates, wantDays[ev.IssueKey]) {
			t.Errorf("%s: release dates %v, want %v", ev.IssueKey, ev.IssueReleaseDates, wantDays[ev.IssueKey])
		}
	}
	if len(items) != 3 {
		t.Errorf("%d items, want 3", len(items))
	}
}

func TestStoreMeasuresHowLongAClearedBlockLasted(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	site := mustSite(t, s)
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	change := func(id string, author evidence.User, at time.Time, items ...evidence.ChangeItem) evidence.Activity {
		return evidence.Activity{IssueID: "30001", Source: evidence.SourceChange, SourceID: id, Author: author, At: at, Items: items}
	}
	flag := evidence.ChangeItem{Field: "Flagged", FieldType: "custom", ToString: "Impediment"}
	unflag := evidence.ChangeItem{Field: "Flagged", FieldType: "custom", FromString: "Impediment"}
	rec := evidence.IssueRecord{Issue: evidence.Issue{ID: "30001", Key: "PAY-9", Project: "PAY", Updated: t0.Add(96 * time.Hour)}, Raw: []byte(`{}`),
		Activities: []evidence.Activity{
			change("1", testOther, t0, flag),
			change("2", testOther, t0.Add(2*time.Hour), unflag), // someone else cleared the first block
			change("3", testOther, t0.Add(24*time.Hour), flag),  // a second block
			change("4", testMe, t0.Add(24*time.Hour+30*time.Minute), evidence.ChangeItem{Field: "priority", ToString: "High"}),
			change("5", testMe, t0.Add(60*time.Hour), unflag), // the user clears it after 36 hours
			change("6", testMe, t0.Add(96*time.Hour), evidence.ChangeItem{Field: "status", FieldID: "status", FromString: "On Hold", ToString: "In Progress"}),
		}}
	classify := func(a evidence.Activity, is evidence.Issue, me evidence.User) []evidence.Evidence {
		if !a.Author.Is(me) || a.SourceID == "4" {
			return nil
		}
		return []evidence.Evidence{{IssueID: a.IssueID, Source: a.Source, SourceID: a.SourceID, OccurredAt: a.At, Category: evidence.CatUnblocking, Rule: "test", Confidence: 1}}
	}
	if _, err := savePage(ctx, s, site, []evidence.IssueRecord{rec}, classify, t0); err != nil {
		t.Fatal(err)
	}
	items, err := s.Evidence(ctx, evidence.Filter{})
	if err != nil || len(items) != 2 {
		t.Fatalf("evidence = %+v, %v", items, err)
	}
	if items[0].BlockedFor != 36*time.Hour {
		t.Errorf("cleared flag: blocked for %v, want 36h (from the second flag, not the first)", items[0].BlockedFor)
	}
	if items[1].BlockedFor != 0 {
		t.Errorf("out of On Hold with no recorded start: %v, want unknown (0)", items[1].BlockedFor)
	}
}

// Rows are inserted in statements of a few sizes, which add up to the
// rows, so that a page prepares no statement a page before prepared.
func TestChunkSizesAddUpInPowersOfTwo(t *testing.T) {
	for n, want := range map[int][]int{0: nil, 1: {1}, 255: {128, 64, 32, 16, 8, 4, 2, 1}, 256: {256}, 300: {256, 32, 8, 4}, 600: {256, 256, 64, 16, 8}} {
		if got := chunkSizes(n, 256); !reflect.DeepEqual(got, want) {
			t.Errorf("chunkSizes(%d, 256) = %v, want %v", n, got, want)
		}
	}
}

// A site stored under one spelling of its URL is the same site under
// another (a database made before URLs were read one way): one row, its
// stored URL kept, since its evidence ids derive from it.
func TestEnsureSiteTakesAnotherSpellingForTheStoredSite(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "pmfolio.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	first, err := s.EnsureSite(ctx, evidence.Site{URL: "https://Acme.atlassian.net", User: testMe})
	if err != nil {
		t.Fatal(err)
	}
	for _, written := range []string{"https://acme.atlassian.net/", "HTTPS://ACME.atlassian.net?atlOrigin=x"} {
		again, err := s.EnsureSite(ctx, evidence.Site{URL: written, User: testMe})
		if err != nil || again.ID != first.ID || again.URL != "https://Acme.atlassian.net" {
			t.Errorf("EnsureSite(%s) = %d %s, %v; want site %d under its stored URL", written, again.ID, again.URL, err, first.ID)
		}
	}
	other, err := s.EnsureSite(ctx, evidence.Site{URL: "https://acme.atlassian.net/jira", User: testMe})
	if err != nil || other.ID == first.ID {
		t.Errorf("another path is another site: %d, %v", other.ID, err)
	}
	if sites, _ := s.Sites(ctx); len(sites) != 2 {
		t.Errorf("%d sites stored, want 2", len(sites))
	}
}

// The portfolio is as of the last complete sync, not of the day it is
// made: Jira was not read after it, so a month table or a stories header
// that ran to today would claim days nobody looked at. A sync that failed
// later does not move it; work recorded by hand after it does; --until
// earlier than it still bounds the period.
func TestPortfolioEndsOnTheLastCompleteSync(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	site := mustSite(t, s)
	t0 := time.Date(2026, 3, 4, 15, 0, 0, 0, time.UTC)
	if _, err := savePage(ctx, s, site, []evidence.IssueRecord{
		testRecord("10001", "PAY-1", t0, comment("501", testMe, t0, "Update: one")),
	}, fakeClassify, t0); err != nil {
		t.Fatal(err)
	}
	until := func(f evidence.Filter) time.Time {
		t.Helper()
		p, err := s.Portfolio(ctx, f, storeNow)
		if err != nil {
			t.Fatal(err)
		}
		return p.Period.Until
	}
	if got := until(evidence.Filter{}); !got.Equal(storeNow) {
		t.Errorf("never synced: the period ends %v, want the day it is made (%v)", got, storeNow)
	}
	synced := time.Date(2026, 11, 14, 6, 0, 0, 0, time.UTC)
	for _, run := range []evsync.SyncRun{
		{SiteID: site.ID, Started: synced.Add(-time.Minute), Finished: synced, Result: "ok"},
		{SiteID: site.ID, Started: synced.Add(72 * time.Hour), Finished: synced.Add(73 * time.Hour), Result: "failed", Error: "boom"},
	} {
		if err := s.RecordSyncRun(ctx, run); err != nil {
			t.Fatal(err)
		}
	}
	if got := until(evidence.Filter{}); !got.Equal(synced) {
		t.Errorf("the period ends %v, want the last complete sync %v", got, synced)
	}
	june := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	if got := until(evidence.Filter{Until: &june}); !got.Equal(june.Add(-time.Nanosecond)) {
		t.Errorf("--until 2026-06-01: the period ends %v", got)
	}
	byHand := synced.Add(48 * time.Hour)
	if _, err := s.AddManual(ctx, ManualEntry{At: byHand, Category: evidence.CatStakeholderComms, Description: "Roadmap review"}); err != nil {
		t.Fatal(err)
	}
	if got := until(evidence.Filter{}); !got.Equal(byHand) {
		t.Errorf("with work recorded by hand after the sync the period ends %v, want %v", got, byHand)
	}
}
