package main

import (
	"bytes"
	"encoding/json"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/jira/jiratest"
)

// syncEnv is the environment of an in-process sync of srv into db.
func syncEnv(t *testing.T, srv *jiratest.Server, db string) map[string]string {
	env := isolatedEnv(t)
	env["JIRA_URL"], env["JIRA_EMAIL"], env["JIRA_API_TOKEN"], env["PMFOLIO_DB"] = srv.URL(), jiratest.DemoEmail, jiratest.DemoAPIToken, db
	return env
}

// holdSearch makes srv hold its n-th search request until release is
// called; held is closed when it arrives. Cleanup releases it, so a failed
// test does not leave the server waiting for its handler.
func holdSearch(t *testing.T, srv *jiratest.Server, n int) (held <-chan struct{}, release func()) {
	heldCh, releaseCh := make(chan struct{}), make(chan struct{})
	var once sync.Once
	release = func() { once.Do(func() { close(releaseCh) }) }
	t.Cleanup(release)
	var mu sync.Mutex
	searches := 0
	srv.Inject(func(r *http.Request) *jiratest.Fault {
		if !strings.HasSuffix(r.URL.Path, "/search/jql") {
			return nil
		}
		mu.Lock()
		searches++
		this := searches
		mu.Unlock()
		if this == n {
			close(heldCh)
			<-releaseCh
		}
		return nil
	})
	return heldCh, release
}

func TestTwoSyncsAtOnceTheSecondExits5AtOnce(t *testing.T) {
	srv := fakeSite(t, jiratest.DeploymentCloud, 30, jiratest.WithPageCap(10))
	env := syncEnv(t, srv, filepath.Join(t.TempDir(), "p.db"))
	held, release := holdSearch(t, srv, 2)
	first := make(chan result, 1)
	go func() {
		var out, errOut bytes.Buffer
		code := run([]string{"sync"}, IO{Out: &out, ErrOut: &errOut, Now: func() time.Time { return testNow },
			Getenv: func(k string) string { return env[k] }, Signals: make(chan os.Signal)})
		first <- result{code, out.String(), errOut.String()}
	}()
	<-held // the first sync holds the lock and waits for its second page
	before := srv.Requests()
	// The second sync returns while the first is still held: it did not
	// wait for the lock.
	second := cli{env: env}.run(t, "sync")
	if second.code != exitLocked || second.errOut != "pmfolio: another pmfolio sync is running on this database\nhint: wait for it to finish; cron runs should be at least a few minutes apart\n" {
		t.Errorf("second sync: exit %d, %q; want exit %d with one line and a hint", second.code, second.errOut, exitLocked)
	}
	if n := srv.Requests() - before; n != 0 {
		t.Errorf("the locked-out sync sent %d requests", n)
	}
	select {
	case r := <-first:
		t.Fatalf("the first sync ended while its page was held: %+v", r)
	default:
	}
	release()
	if r := <-first; r.code != 0 || !strings.HasPrefix(r.out, "synced 30 issues") {
		t.Errorf("first sync: exit %d, %q %q", r.code, r.out, r.errOut)
	}
}

// exportedItems is what a JSON export says about its evidence.
type exportedItems struct {
	Evidence []struct {
		ID       string `json:"id"`
		IssueKey string `json:"issue_key"`
	} `json:"evidence"`
}

// TestExportDuringASyncSeesWholePagesOnly exports again and again while a
// sync commits 20 pages, and at every page boundary: each export must list
// exactly the evidence of the first k pages for some k, as SQLite's
// snapshot isolation promises, never part of a page.
func TestExportDuringASyncSeesWholePagesOnly(t *testing.T) {
	t.Parallel()
	const issues, pageCap = 200, 10
	srv := fakeSite(t, jiratest.DeploymentCloud, issues, jiratest.WithPageCap(pageCap))

	// The evidence of each page, from an undisturbed sync of the same site.
	refDB := filepath.Join(t.TempDir(), "ref.db")
	if r := (cli{env: syncEnv(t, srv, refDB)}).run(t, "sync", "--quiet"); r.code != 0 {
		t.Fatalf("reference sync: %s", r.errOut)
	}
	ref := exportEvidenceOf(t, refDB)
	if ref == nil {
		t.Fatal("no export of the reference database")
	}
	pageOf := pagesOfIssues(t, srv, pageCap)
	refByPage := map[int][]string{}
	for _, ev := range ref.Evidence {
		p, ok := pageOf[ev.IssueKey]
		if !ok {
			t.Fatalf("evidence on %s, an issue the site does not have", ev.IssueKey)
		}
		refByPage[p] = append(refByPage[p], ev.ID)
	}

	db := filepath.Join(t.TempDir(), "p.db")
	env := syncEnv(t, srv, db)
	var (
		mu       sync.Mutex
		exports  int
		done     = make(chan struct{})
		exported = make(chan struct{}, 1)
	)
	// Each search page after the first waits for an export, so exports
	// also happen at every page boundary. The exports never stop while the
	// sync runs; the timeout only keeps a broken test from hanging, and is
	// long because an export under the race detector on a loaded machine
	// takes seconds (at one second, most pages went ahead unobserved).
	srv.Inject(func(r *http.Request) *jiratest.Fault {
		if strings.HasSuffix(r.URL.Path, "/search/jql") && r.URL.Query().Get("nextPageToken") != "" {
			select {
			case <-exported:
			case <-time.After(15 * time.Second):
			}
		}
		return nil
	})
	go func() {
		defer close(done)
		// One request in flight: every search page but the first waits for
		// an export. With four, each window's first page went unwaited, and
		// on a loaded machine most exports saw none or all of the pages.
		if r := (cli{env: env}).run(t, "sync", "--quiet", "--concurrency", "1"); r.code != 0 {
			t.Errorf("sync: exit %d: %s", r.code, r.errOut)
		}
	}()
	partial := 0
	for finished := false; !finished; {
		select {
		case <-done:
			finished = true
		default:
		}
		got := exportEvidenceOf(t, db)
		if got == nil {
			continue // the sync has not created the database yet
		}
		pages := -1
		var ids []string
		for _, ev := range got.Evidence {
			pages = max(pages, pageOf[ev.IssueKey])
			ids = append(ids, ev.ID)
		}
		var want []string
		for p := 0; p <= pages; p++ {
			want = append(want, refByPage[p]...)
		}
		slices.Sort(ids)
		slices.Sort(want)
		if !slices.Equal(ids, want) {
			t.Fatalf("an export during the sync lists %d evidence items up to page %d; the first %d pages hold %d", len(ids), pages+1, pages+1, len(want))
		}
		if pages >= 0 && pages < issues/pageCap-1 {
			partial++
		}
		mu.Lock()
		exports++
		mu.Unlock()
		select {
		case exported <- struct{}{}:
		default:
		}
	}
	t.Logf("%d of %d exports saw the sync half done", partial, exports)
	if partial < 5 {
		t.Errorf("only %d of %d exports saw the sync half done; the test proves little", partial, exports)
	}
	if final := exportEvidenceOf(t, db); len(final.Evidence) != len(ref.Evidence) {
		t.Errorf("after the sync the export lists %d items, want %d", len(final.Evidence), len(ref.Evidence))
	}
}

// exportEvidenceOf runs `pmfolio export --format json` on db in-process; nil
// when there is no database yet.
func exportEvidenceOf(t *testing.T, db string) *exportedItems {
	t.Helper()
	if _, err := os.Stat(db); err != nil {
		return nil
	}
	r := cli{env: isolatedEnv(t)}.run(t, "--db", db, "export", "--format", "json")
	if r.code != 0 && strings.HasPrefix(r.errOut, "pmfolio: no database at") {
		return nil // the sync is still creating it
	}
	if r.code != 0 {
		t.Fatalf("export: exit %d: %s", r.code, r.errOut)
	}
	var doc exportedItems
	if err := json.Unmarshal([]byte(r.out), &doc); err != nil {
		t.Fatalf("export: %v", err)
	}
	return &doc
}

// pagesOfIssues maps each issue key of the site to the search page (from
// 0) a first sync reads it on: oldest updated first, ties by id.
func pagesOfIssues(t *testing.T, srv *jiratest.Server, pageCap int) map[string]int {
	t.Helper()
	var issues []*jiratest.Issue
	srv.Update(func(s *jiratest.Site) { issues = s.Issues() })
	slices.SortStableFunc(issues, func(a, b *jiratest.Issue) int { return a.Updated.Compare(b.Updated) })
	pages := map[string]int{}
	for i, is := range issues {
		pages[is.Key] = i / pageCap
	}
	return pages
}

// A sync bounds its heap with a soft memory limit for as long as it runs,
// and then gives the process its limit back; GOMEMLIMIT, when set, is the
// user's and is left alone.
func TestSyncSetsASoftMemoryLimitUnlessGOMEMLIMITIsSet(t *testing.T) {
	srv := fakeSite(t, jiratest.DeploymentCloud, 5)
	for _, gomemlimit := range []string{"", "1GiB"} {
		env := syncEnv(t, srv, filepath.Join(t.TempDir(), "p.db"))
		env["GOMEMLIMIT"] = gomemlimit
		var limits []int64
		limit := int64(math.MaxInt64)
		var out, errOut bytes.Buffer
		code := run([]string{"sync"}, IO{Out: &out, ErrOut: &errOut, Now: func() time.Time { return testNow },
			Getenv: func(k string) string { return env[k] }, Signals: make(chan os.Signal),
			SetMemoryLimit: func(l int64) int64 {
				limits = append(limits, l)
				before := limit
				limit = l
				return before
			}})
		if code != 0 {
			t.Fatalf("sync exit %d: %s", code, errOut.String())
		}
		want := []int64{syncMemoryLimit, math.MaxInt64}
		if gomemlimit != "" {
			want = nil
		}
		if !reflect.DeepEqual(limits, want) {
			t.Errorf("GOMEMLIMIT=%q: memory limits set %v, want %v", gomemlimit, limits, want)
		}
	}
}
