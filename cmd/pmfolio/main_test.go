package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/sqlite"
	"github.com/pmfolio/pmfolio/jira"
	"github.com/pmfolio/pmfolio/jira/jiratest"
)

var testNow = time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)

// cli runs one pmfolio command line in-process with the given environment.
type cli struct {
	env map[string]string
	now time.Time // the clock; testNow when zero
}

type result struct {
	code        int
	out, errOut string
}

func (c cli) run(t *testing.T, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	now := c.now
	if now.IsZero() {
		now = testNow
	}
	code := run(args, IO{
		In: strings.NewReader(""), Out: &out, ErrOut: &errOut,
		Getenv:  func(k string) string { return c.env[k] },
		Now:     func() time.Time { return now },
		Signals: make(chan os.Signal),
	})
	return result{code, out.String(), errOut.String()}
}

// isolatedEnv points HOME and the XDG directories into a temp dir so no
// test reads or writes the developer's own config or database.
func isolatedEnv(t *testing.T) map[string]string {
	dir := t.TempDir()
	return map[string]string{"HOME": dir, "XDG_CONFIG_HOME": filepath.Join(dir, "config"), "XDG_DATA_HOME": filepath.Join(dir, "data")}
}

func fakeSite(t *testing.T, deployment string, issues int, opts ...jiratest.Option) *jiratest.Server {
	t.Helper()
	site := jiratest.DemoSite(jiratest.DemoOptions{Deployment: deployment, Issues: issues, Seed: 3, Now: testNow})
	srv := jiratest.NewServer(site, opts...)
	t.Cleanup(srv.Close)
	return srv
}

func TestDemoWritesALinkedPortfolioInMostCategories(t *testing.T) {
	r := sharedDemoOf(t) // the demo as a user runs it, at testNow
	dir := r.dir
	summary := regexp.MustCompile(`(\d+) activities, (\d+) evidence items in (\d+) categories`).FindStringSubmatch(r.out)
	if summary == nil {
		t.Fatalf("demo output has no summary line:\n%s", r.out)
	}
	if !strings.Contains(r.out, filepath.Join(dir, "portfolio.md")) {
		t.Errorf("demo does not say where the portfolio is:\n%s", r.out)
	}
	md, err := os.ReadFile(filepath.Join(dir, "portfolio.md"))
	if err != nil {
		t.Fatal(err)
	}
	// The brief a hiring manager reads: at most 150 lines and two PDF
	// pages, with every proof quoted and linked to its record.
	if n := strings.Count(string(md), "\n"); n > 150 {
		t.Errorf("the brief has %d lines, want at most 150", n)
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "portfolio.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if pages := strings.Count(string(pdf), "/Type /Page\n"); !strings.HasPrefix(string(pdf), "%PDF-") || pages < 1 || pages > 2 {
		t.Errorf("the PDF brief has %d pages, want at most 2", pages)
	}
	// Its web page, printed from a browser, takes two pages too, on A4 as
	// on Letter (it took three of Letter).
	for _, size := range []string{"A4", "letter"} {
		if pages, ok := printedPages(t, filepath.Join(dir, "portfolio.html"), size); ok && pages > 2 {
			t.Errorf("the web page of the brief prints on %d pages of %s, want at most 2", pages, size)
		}
	}
	proofs := 0
	quoted := map[string]bool{}
	record := regexp.MustCompile(`\]\(http://127\.0\.0\.1:\d+/browse/[A-Z]+-\d+(\?focusedCommentId=(\d+)&page=com\.atlassian\.jira\.plugin\.system\.issuetabpanels:comment-tabpanel#comment-(\d+))?\)`)
	for _, line := range strings.Split(string(md), "\n") {
		if strings.HasPrefix(line, "- **") {
			proofs++
			if m := record.FindStringSubmatch(line); m == nil || m[2] != m[3] || !strings.Contains(line, "“") {
				t.Errorf("a proof without a quote and a link to its record: %s", line)
			}
			if quote, _, _ := strings.Cut(line, "”"); quoted[quote[strings.Index(quote, "“")+1:]] {
				t.Errorf("the brief quotes the same words twice: %s", line)
			} else {
				quoted[quote[strings.Index(quote, "“")+1:]] = true
			}
		}
	}
	if proofs < 6 {
		t.Errorf("the brief quotes %d proofs, want 2-3 for each of its initiatives", proofs)
	}
	// Her fifth initiative has no result: it gives its place to the
	// strongest of the 7 incidents her headline counts, and is named under
	// "Also led".
	if !strings.Contains(string(md), "\n## Incidents I coordinated\n") || !regexp.MustCompile(`### Also led\n\n- \[MOB-807\]`).Match(md) {
		t.Errorf("the brief tells MOB-807, which has no result, and none of her incidents:\n%s", md)
	}
	// The full version: at most 700 lines, none of them a field edit.
	env := isolatedEnv(t)
	env["PMFOLIO_DB"] = filepath.Join(dir, "pmfolio.db")
	c := cli{env: env}
	full := c.run(t, "export", "--full")
	if n := strings.Count(full.out, "\n"); full.code != 0 || n > 700 {
		t.Errorf("export --full: exit %d, %d lines, want at most 700", full.code, n)
	}
	for _, line := range strings.Split(full.out, "\n") {
		if strings.Contains(line, "→") {
			t.Errorf("export --full lists a field edit: %s", line)
		}
	}
	// Nothing is lost: the JSON export has every item the summary counts.
	var doc struct {
		Evidence []json.RawMessage `json:"evidence"`
	}
	if err := json.Unmarshal([]byte(c.run(t, "export", "--format", "json").out), &doc); err != nil || strconv.Itoa(len(doc.Evidence)) != summary[2] {
		t.Errorf("the JSON export has %d items, the summary says %s (%v)", len(doc.Evidence), summary[2], err)
	}
	// A second run in the same directory starts afresh: the same counts, not double.
	again := cli{env: isolatedEnv(t)}.run(t, "demo", "--dir", demoCopy(t))
	if again.code != 0 || !strings.Contains(again.out, summary[0]) {
		t.Errorf("second demo run: exit %d, want %q again\n%s%s", again.code, summary[0], again.out, again.errOut)
	}
}

func TestSyncWithAWrongTokenExits3WithOneLineAndNoSecret(t *testing.T) {
	srv := fakeSite(t, jiratest.DeploymentCloud, 5)
	env := isolatedEnv(t)
	env["JIRA_URL"], env["JIRA_EMAIL"], env["JIRA_API_TOKEN"] = srv.URL(), jiratest.DemoEmail, "expired-token-123"
	r := cli{env: env}.run(t, "sync")
	if r.code != exitAuth {
		t.Fatalf("exit %d, want %d; stderr:\n%s", r.code, exitAuth, r.errOut)
	}
	lines := strings.Split(strings.TrimRight(r.errOut, "\n"), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "pmfolio: Jira refused the credentials (401)") || !strings.HasPrefix(lines[1], "hint: ") {
		t.Errorf("stderr = %q, want one error line and one hint", r.errOut)
	}
	if strings.Contains(r.errOut+r.out, "expired-token-123") {
		t.Error("the token appears in the output")
	}
}

func TestSyncAgainstServerWithPATQuietPrintsNothing(t *testing.T) {
	srv := fakeSite(t, jiratest.DeploymentServer, 20, jiratest.WithContextPath("/jira"))
	env := isolatedEnv(t)
	env["JIRA_URL"], env["JIRA_PAT"] = srv.URL(), jiratest.DemoPAT
	r := cli{env: env}.run(t, "sync", "--quiet")
	if r.code != 0 || r.out != "" || r.errOut != "" {
		t.Fatalf("quiet sync: exit %d, out %q, err %q", r.code, r.out, r.errOut)
	}
	r = cli{env: env}.run(t, "sync")
	if r.code != 0 || !regexp.MustCompile(`^synced \d+ issues? from 127\.0\.0\.1, \d+ new activities, 0 new evidence items in \d+ requests, [\d.]+ s\n(team backlog: read [^\n]+\n)?$`).MatchString(r.out) {
		t.Errorf("sync summary: exit %d, %q %q", r.code, r.out, r.errOut)
	}
	if _, err := os.Stat(filepath.Join(env["XDG_DATA_HOME"], "pmfolio", "pmfolio.db")); err != nil {
		t.Errorf("database not at the XDG default: %v", err)
	}
}

func TestExitCodesForBadUsage(t *testing.T) {
	env := isolatedEnv(t)
	cases := []struct {
		name string
		env  map[string]string
		args []string
		code int
		want string
	}{
		{"unknown flag", env, []string{"sync", "--bogus"}, exitUsage, "unknown flag"},
		{"unknown command", env, []string{"synk"}, exitUsage, "unknown command"},
		{"bad date", env, []string{"export", "--since", "last tuesday"}, exitUsage, "is not a date"},
		{"no credentials", env, []string{"sync"}, exitUsage, "no Jira site"},
		{"half credentials", map[string]string{"HOME": env["HOME"], "JIRA_URL": "https://acme.atlassian.net", "JIRA_EMAIL": "a@b.c"},
			[]string{"sync"}, exitUsage, "JIRA_API_TOKEN is not"},
		{"unknown export format", env, []string{"export", "--format", "docx"}, exitUsage, "unknown format"},
		{"export before any sync", env, []string{"export"}, exitFailure, "no database"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := cli{env: c.env}.run(t, c.args...)
			if r.code != c.code || !strings.HasPrefix(r.errOut, "pmfolio: ") || !strings.Contains(r.errOut, c.want) {
				t.Errorf("exit %d, stderr %q; want exit %d mentioning %q", r.code, r.errOut, c.code, c.want)
			}
		})
	}
}

func TestSyncWhileAnotherHoldsTheLockExits5(t *testing.T) {
	srv := fakeSite(t, jiratest.DeploymentCloud, 3)
	env := isolatedEnv(t)
	db := filepath.Join(t.TempDir(), "p.db")
	env["JIRA_URL"], env["JIRA_EMAIL"], env["JIRA_API_TOKEN"], env["PMFOLIO_DB"] = srv.URL(), jiratest.DemoEmail, jiratest.DemoAPIToken, db
	lock, err := sqlite.LockForSync(db)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Unlock()
	if r := (cli{env: env}).run(t, "sync", "--quiet"); r.code != exitLocked {
		t.Errorf("exit %d, want %d: %s", r.code, exitLocked, r.errOut)
	}
}

func TestUnreachableJiraExits4(t *testing.T) {
	srv := fakeSite(t, jiratest.DeploymentCloud, 1)
	url := srv.URL()
	srv.Close() // nothing listens there any more
	var out, errOut bytes.Buffer
	io := IO{Out: &out, ErrOut: &errOut, Now: time.Now, Signals: make(chan os.Signal)}
	_, err := runSync(context.Background(), syncOptions{
		IO:          io,
		Sites:       []siteConf{{Name: "gone", URL: url, Email: jiratest.DemoEmail, APIToken: jiratest.DemoAPIToken}},
		DBPath:      filepath.Join(t.TempDir(), "p.db"),
		JiraOptions: []jira.Option{jira.WithSleep(func(ctx context.Context, d time.Duration) error { return nil })},
	})
	if code := report(&errOut, err, hintContext{}, false); code != exitUnreachable {
		t.Errorf("exit %d, want %d: %s", code, exitUnreachable, errOut.String())
	}
}

func TestExportJSONFollowsTheSchema(t *testing.T) {
	dir := demoCopy(t, "--issues", "40")
	env := isolatedEnv(t)
	out := filepath.Join(dir, "p.json")
	r := cli{env: env}.run(t, "--db", filepath.Join(dir, "pmfolio.db"), "export", "--format", "json", "--since", "6m", "-o", out)
	if r.code != 0 {
		t.Fatalf("export: %s", r.errOut)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		SchemaVersion int `json:"schema_version"`
		Period        struct{ Since, Until string }
		Evidence      []struct {
			IssueURL   string    `json:"issue_url"`
			OccurredAt time.Time `json:"occurred_at"`
			Rule       string
		}
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.SchemaVersion != 1 || doc.Period.Since != "2026-05-22" || doc.Period.Until != "2026-11-22" || len(doc.Evidence) == 0 {
		t.Errorf("export = version %d, period %+v, %d items", doc.SchemaVersion, doc.Period, len(doc.Evidence))
	}
	for _, ev := range doc.Evidence {
		if ev.OccurredAt.Before(time.Date(2026, 5, 22, 0, 0, 0, 0, time.UTC)) || !strings.Contains(ev.IssueURL, "/browse/") || ev.Rule == "" {
			t.Errorf("item outside the period or without link and rule: %+v", ev)
		}
	}
}

func TestVersionPrints(t *testing.T) {
	r := cli{env: isolatedEnv(t)}.run(t, "version")
	if r.code != 0 || !strings.HasPrefix(r.out, "pmfolio ") {
		t.Errorf("version: %d %q", r.code, r.out)
	}
}

func TestParseDate(t *testing.T) {
	cases := []struct {
		in, want string
		ok       bool
	}{
		{"2025-01-31", "2025-01-31", true},
		{"30d", "2026-10-23", true},
		{"12w", "2026-08-30", true},
		{"6m", "2026-05-22", true},
		{"1y", "2025-11-22", true},
		{"2025-02-30", "", false},
		{"-3d", "", false},
		{"3x", "", false},
		{"", "", false},
	}
	for _, c := range cases {
		got, err := parseDate(c.in, testNow)
		if (err == nil) != c.ok || (c.ok && got.Format("2006-01-02") != c.want) {
			t.Errorf("parseDate(%q) = %v, %v; want %s ok=%v", c.in, got, err, c.want, c.ok)
		}
	}
}

// The README tells a newcomer the demo is the same all week, so that what
// they read on Monday is there on Friday: a demo run on the first and on
// the last hour of a week (from Sunday 10:00 UTC) writes the same
// portfolio, and a week later another one. Its next, read on either day,
// has a sprint's story waiting on another team's unplanned work
// (dependency.other-team), not only the blocks gone quiet that take it
// from an issue whose last note is three days old; and the demo's next is
// the same on Saturday as on Monday.
func TestDemoIsTheSameSiteAllWeek(t *testing.T) {
	portfolio := func(at time.Time) string {
		dir := t.TempDir()
		r := (cli{env: isolatedEnv(t), now: at}).run(t, "demo", "--dir", dir)
		if r.code != 0 {
			t.Fatalf("demo at %s: exit %d: %s", at, r.code, r.errOut)
		}
		md, err := os.ReadFile(filepath.Join(dir, "portfolio.md"))
		if err != nil {
			t.Fatal(err)
		}
		env := isolatedEnv(t)
		env["PMFOLIO_DB"] = filepath.Join(dir, "pmfolio.db")
		detectors := map[string]bool{}
		for _, op := range decodeNext(t, cli{env: env, now: at}.run(t, "next", "--all", "--format", "json")).Opportunities {
			detectors[op.Detector] = true
		}
		if !detectors["dependency.other-team"] {
			t.Errorf("the demo's next --all on %s shows no dependency.other-team: %v", at.Format("Mon 2 Jan 15:04"), detectors)
		}
		// The demo's own next, and next --all after it, read the backlog
		// as of the site's week: the same entries, at the same ages, all
		// week, and as many as the demo said there were.
		_, demoNext, _ := strings.Cut(r.out, "pmfolio next):\n")
		demoNext, _, _ = strings.Cut(demoNext, "\nPortfolio: ")
		all := cli{env: env, now: at}.run(t, "next", "--all")
		top, more, _ := strings.Cut(demoNext[strings.Index(demoNext, " 1. "):], "\n\n")
		m := regexp.MustCompile(`^(\d+) more issues`).FindStringSubmatch(more)
		if m == nil || strconv.Itoa(strings.Count(all.out, "\n    link: ")-3) != m[1] || !strings.Contains(all.out, top) {
			t.Errorf("next --all after the demo on %s does not list what the demo's next said:\n%s\nnext --all:\n%s", at.Format("Mon 2 Jan"), demoNext, all.out)
		}
		md = append(md, demoNext...)
		md = regexp.MustCompile(`127\.0\.0\.1:\d+`).ReplaceAll(md, []byte("127.0.0.1:PORT"))
		md = []byte(strings.ReplaceAll(string(md), dir, "DIR"))
		return string(md) // its footer's date is the demo's sync, the same all week
	}
	weekStart := testNow.Add(3 * 7 * 24 * time.Hour) // a Sunday, 10:00 UTC
	monday := portfolio(weekStart.Add(time.Hour))
	if saturday := portfolio(weekStart.Add(7*24*time.Hour - time.Hour)); saturday != monday {
		t.Errorf("the demo's portfolio changed within a week: %d bytes on Monday, %d on Saturday", len(monday), len(saturday))
	}
	if portfolio(weekStart.Add(7*24*time.Hour+time.Hour)) == monday {
		t.Error("a week later the demo wrote the same portfolio: its site does not follow the calendar at all")
	}
}

func TestDemoNeverDeletesARealDatabase(t *testing.T) {
	srv := fakeSite(t, jiratest.DeploymentCloud, 3)
	dir := t.TempDir()
	env := isolatedEnv(t)
	env["JIRA_URL"], env["JIRA_EMAIL"], env["JIRA_API_TOKEN"] = srv.URL(), jiratest.DemoEmail, jiratest.DemoAPIToken
	db := filepath.Join(dir, "pmfolio.db")
	if r := (cli{env: env}).run(t, "--db", db, "sync", "--quiet"); r.code != 0 {
		t.Fatalf("sync: %s", r.errOut)
	}
	r := cli{env: env}.run(t, "demo", "--dir", dir)
	if r.code != exitUsage || !strings.Contains(r.errOut, "holds real Jira data") {
		t.Errorf("demo over a real database: exit %d, %q", r.code, r.errOut)
	}
	if _, err := os.Stat(db); err != nil {
		t.Errorf("the real database is gone: %v", err)
	}
}

// syncSignalled runs sync with args on a site of 30 issues in pages of 10,
// sending sig while the first page is fetched.
func syncSignalled(t *testing.T, sig os.Signal, args ...string) (env map[string]string, code int, out, errOut bytes.Buffer) {
	t.Helper()
	srv := fakeSite(t, jiratest.DeploymentCloud, 30, jiratest.WithPageCap(10))
	env = isolatedEnv(t)
	env["JIRA_URL"], env["JIRA_EMAIL"], env["JIRA_API_TOKEN"] = srv.URL(), jiratest.DemoEmail, jiratest.DemoAPIToken
	signals := make(chan os.Signal, 1)
	var once sync.Once
	srv.Inject(func(r *http.Request) *jiratest.Fault {
		if strings.HasSuffix(r.URL.Path, "/search/jql") {
			once.Do(func() { signals <- sig })
		}
		return nil
	})
	code = run(append([]string{"sync"}, args...), IO{Out: &out, ErrOut: &errOut, Now: func() time.Time { return testNow },
		Getenv: func(k string) string { return env[k] }, Signals: signals})
	return env, code, out, errOut
}

func TestInterruptStopsSyncAfterTheCurrentPageAndKeepsIt(t *testing.T) {
	env, code, out, errOut := syncSignalled(t, os.Interrupt) // Ctrl-C arrives while the first page is fetched
	if code != exitInterrupted || !strings.Contains(out.String(), "synced 10 issues") || !strings.Contains(out.String(), "stopped early") {
		t.Fatalf("exit %d\nout: %s\nerr: %s", code, out.String(), errOut.String())
	}
	if !strings.HasPrefix(errOut.String(), "pmfolio: stopping after the current page") || !strings.HasSuffix(errOut.String(), "\npmfolio: interrupted\n") {
		t.Errorf("stderr does not say it stops, then that it was interrupted: %q", errOut.String())
	}
	r := cli{env: env}.run(t, "sync")
	if r.code != 0 || !strings.Contains(r.out, "synced 2") {
		t.Errorf("resumed sync: exit %d, %q", r.code, r.out)
	}
}

func TestDryRunCountsButStoresNothing(t *testing.T) {
	srv := fakeSite(t, jiratest.DeploymentCloud, 12)
	env := isolatedEnv(t)
	env["JIRA_URL"], env["JIRA_EMAIL"], env["JIRA_API_TOKEN"] = srv.URL(), jiratest.DemoEmail, jiratest.DemoAPIToken
	env["PMFOLIO_DB"] = filepath.Join(t.TempDir(), "p.db")
	r := cli{env: env}.run(t, "sync", "--dry-run")
	if r.code != 0 || !regexp.MustCompile(`^dry run on 127\.0\.0\.1: 12 issues with \d+ activities of yours; nothing stored`).MatchString(r.out) {
		t.Fatalf("dry run: exit %d, %q %q", r.code, r.out, r.errOut)
	}
	store, err := sqlite.Open(context.Background(), env["PMFOLIO_DB"])
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	counts, err := store.TableCounts(context.Background())
	if err != nil || counts["issues"]+counts["sites"] != 0 {
		t.Errorf("dry run stored rows: %v %v", counts, err)
	}
}

func TestConfigFileSitesAndPermissions(t *testing.T) {
	acme := fakeSite(t, jiratest.DeploymentCloud, 4)
	old := fakeSite(t, jiratest.DeploymentServer, 3, jiratest.WithContextPath("/jira"))
	env := isolatedEnv(t)
	cfgPath := filepath.Join(t.TempDir(), "config.yaml")
	env["PMFOLIO_CONFIG"] = cfgPath
	env["JIRA_API_TOKEN"] = jiratest.DemoAPIToken // the Cloud token stays out of the file
	cfg := "sites:\n" +
		"  - name: acme\n    url: " + acme.URL() + "\n    email: " + jiratest.DemoEmail + "\n" +
		"  - name: oldjob\n    url: " + old.URL() + "\n    pat: " + jiratest.DemoPAT + "\n"
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	r := cli{env: env}.run(t, "sync")
	if r.code != exitUsage || !strings.Contains(r.errOut, "others can read it") || !strings.Contains(r.errOut, "chmod 600 "+cfgPath) {
		t.Fatalf("world-readable config with a token: exit %d, %q", r.code, r.errOut)
	}
	if err := os.Chmod(cfgPath, 0o600); err != nil {
		t.Fatal(err)
	}
	r = cli{env: env}.run(t, "sync")
	if r.code != 0 || !strings.Contains(r.out, "from acme") || !strings.Contains(r.out, "from oldjob") {
		t.Fatalf("sync of both sites: exit %d\n%s%s", r.code, r.out, r.errOut)
	}
	r = cli{env: env}.run(t, "sync", "--site", "oldjob")
	if r.code != 0 || strings.Contains(r.out, "from acme") || !strings.Contains(r.out, "from oldjob") {
		t.Errorf("sync --site oldjob: exit %d\n%s%s", r.code, r.out, r.errOut)
	}
	if r := (cli{env: env}).run(t, "sync", "--site", "nope"); r.code != exitUsage {
		t.Errorf("unknown site: exit %d, %q", r.code, r.errOut)
	}
	if strings.Contains(r.out+r.errOut, jiratest.DemoPAT) {
		t.Error("the PAT appears in the output")
	}
}

func TestSyncAgainstSomethingThatIsNotJiraSaysSo(t *testing.T) {
	notJira := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body>Welcome to the intranet</body></html>"))
	}))
	t.Cleanup(notJira.Close)
	env := isolatedEnv(t)
	env["JIRA_URL"], env["JIRA_PAT"] = notJira.URL+"/wiki", "a-pat"
	r := cli{env: env}.run(t, "sync")
	if r.code != exitFailure || !strings.Contains(r.errOut, "does not look like Jira") || !strings.Contains(r.errOut, "hint: check JIRA_URL") {
		t.Errorf("exit %d, %q", r.code, r.errOut)
	}
	if strings.Contains(r.errOut, "a-pat") {
		t.Error("the PAT appears in the error")
	}
}

func TestStatsJSONCountsTheUsersOwnActivitiesBySource(t *testing.T) {
	env := isolatedEnv(t)
	db := filepath.Join(demoCopy(t, "--issues", "30"), "pmfolio.db")
	r := cli{env: env}.run(t, "--db", db, "stats", "--format", "json")
	if r.code != 0 {
		t.Fatalf("stats: %s", r.errOut)
	}
	var doc struct {
		Activities map[string]int            `json:"activities"`
		Evidence   map[string]int            `json:"evidence"`
		Months     map[string]map[string]int `json:"months"`
		Model      map[string]int            `json:"model"`
	}
	dec := json.NewDecoder(strings.NewReader(r.out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	// Count the same thing straight from the database, independently.
	store, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	for _, src := range []evidence.Source{evidence.SourceIssue, evidence.SourceChange, evidence.SourceComment, evidence.SourceWorklog} {
		acts, err := store.Activities(context.Background(), src)
		if err != nil {
			t.Fatal(err)
		}
		if doc.Activities[string(src)] != len(acts) {
			t.Errorf("stats says %d %s activities, the database holds %d", doc.Activities[string(src)], src, len(acts))
		}
	}
	total, inMonths := 0, 0
	for _, n := range doc.Evidence {
		total += n
	}
	for _, cats := range doc.Months {
		for _, n := range cats {
			inMonths += n
		}
	}
	if total == 0 || total != inMonths {
		t.Errorf("evidence total %d, by month %d", total, inMonths)
	}
	// Of the evidence, what the text model claimed, counted independently.
	evs, err := store.Evidence(context.Background(), evidence.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	byModel := map[string]int{}
	for _, ev := range evs {
		if ev.Rule == evidence.RuleTextModel {
			byModel[ev.Category]++
		}
	}
	for cat, n := range doc.Model {
		if n != byModel[cat] || n > doc.Evidence[cat] {
			t.Errorf("stats says the model claimed %d %s items, the database holds %d of %d", n, cat, byModel[cat], doc.Evidence[cat])
		}
	}
	if len(byModel) > 0 && len(doc.Model) == 0 {
		t.Errorf("stats JSON counts no model claims; the database holds %v", byModel)
	}
	table := cli{env: env}.run(t, "--db", db, "stats")
	if table.code != 0 || !strings.HasPrefix(table.out, "Your activities: ") || !strings.Contains(table.out, "stakeholder-communication") {
		t.Errorf("stats table:\n%s%s", table.out, table.errOut)
	}
}

func TestQuietSyncFailsWithOneLineAndEveryRunIsLogged(t *testing.T) {
	srv := fakeSite(t, jiratest.DeploymentCloud, 6)
	env := isolatedEnv(t)
	db := filepath.Join(t.TempDir(), "p.db")
	env["JIRA_URL"], env["JIRA_EMAIL"], env["JIRA_API_TOKEN"], env["PMFOLIO_DB"] = srv.URL(), jiratest.DemoEmail, jiratest.DemoAPIToken, db
	if r := (cli{env: env}).run(t, "sync", "--quiet"); r.code != 0 || r.out+r.errOut != "" {
		t.Fatalf("good quiet sync: %d %q %q", r.code, r.out, r.errOut)
	}
	bad := map[string]string{}
	for k, v := range env {
		bad[k] = v
	}
	bad["JIRA_API_TOKEN"] = "revoked-token"
	r := cli{env: bad}.run(t, "sync", "--quiet")
	if r.code != exitAuth || r.out != "" || strings.Count(r.errOut, "\n") != 1 || !strings.HasPrefix(r.errOut, "pmfolio: ") {
		t.Errorf("failing quiet sync: exit %d, out %q, err %q; want exit 3 and one stderr line", r.code, r.out, r.errOut)
	}
	lock, err := sqlite.LockForSync(db)
	if err != nil {
		t.Fatal(err)
	}
	if r := (cli{env: env}).run(t, "sync", "--quiet"); r.code != exitLocked {
		t.Errorf("locked: exit %d", r.code)
	}
	lock.Unlock()
	if r := (cli{env: env}).run(t, "sync", "--dry-run"); r.code != 0 {
		t.Errorf("dry run: exit %d %s", r.code, r.errOut)
	}

	// Each sync that ran logged its start, with the pid its end carries;
	// the one refused at the lock never started, and a dry run stores
	// nothing, not even a line.
	log, err := os.ReadFile(filepath.Join(filepath.Dir(db), "sync.log"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(log)), "\n")
	pid := strconv.Itoa(os.Getpid())
	want := []*regexp.Regexp{
		regexp.MustCompile(`^2026-11-22T10:00:00Z 127\.0\.0\.1 started pid=` + pid + `$`),
		regexp.MustCompile(`^2026-11-22T10:00:00Z 127\.0\.0\.1 ok issues=6 new_activities=\d+ new_evidence=\d+ requests=\d+ duration=\d+\.\ds pid=` + pid + `$`),
		regexp.MustCompile(`^2026-11-22T10:00:00Z 127\.0\.0\.1 started pid=` + pid + `$`),
		regexp.MustCompile(`^2026-11-22T10:00:00Z 127\.0\.0\.1 failed exit=3 issues=0 .* pid=` + pid + ` error="Jira refused the credentials \(401\)"$`),
		regexp.MustCompile(`^2026-11-22T10:00:00Z 127\.0\.0\.1 failed exit=5 .* error="another pmfolio sync is running on this database"$`),
	}
	if len(lines) != len(want) {
		t.Fatalf("sync.log has %d lines, want %d:\n%s", len(lines), len(want), log)
	}
	for i, re := range want {
		if !re.MatchString(lines[i]) {
			t.Errorf("sync.log line %d = %q, want %s", i+1, lines[i], re)
		}
	}
	if strings.Contains(string(log), "revoked-token") {
		t.Error("the token reached the sync log")
	}
}

func TestTokenCmdKeepsTheSecretOutOfTheConfigFile(t *testing.T) {
	srv := fakeSite(t, jiratest.DeploymentCloud, 4)
	env := isolatedEnv(t)
	cfgPath := filepath.Join(t.TempDir(), "config.yaml")
	env["PMFOLIO_CONFIG"] = cfgPath
	write := func(tokenCmd string) {
		cfg := "sites:\n  - name: acme\n    url: " + srv.URL() + "\n    email: " + jiratest.DemoEmail + "\n    token_cmd: " + tokenCmd + "\n"
		// No token in the file, so it may be world-readable.
		if err := os.WriteFile(cfgPath, []byte(cfg), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("printf %s " + jiratest.DemoAPIToken)
	if r := (cli{env: env}).run(t, "sync"); r.code != 0 || !strings.Contains(r.out, "synced 4 issues from acme") {
		t.Fatalf("sync with token_cmd: exit %d\n%s%s", r.code, r.out, r.errOut)
	}
	write("'echo not-a-secret-value; exit 3'")
	r := cli{env: env}.run(t, "sync")
	if r.code != exitUsage || !strings.Contains(r.errOut, `token_cmd of site "acme" in the config file failed`) || strings.Contains(r.errOut, "not-a-secret-value") {
		t.Errorf("failing token_cmd: exit %d, %q", r.code, r.errOut)
	}
}

func TestVersionFlagAndHelpSayWhatScriptsNeed(t *testing.T) {
	c := cli{env: isolatedEnv(t)}
	v := c.run(t, "--version")
	if v.code != 0 || !regexp.MustCompile(`^pmfolio \S+ \(commit \S+, go[\d.]+`).MatchString(v.out) || v.out != c.run(t, "version").out {
		t.Errorf("--version: exit %d %q", v.code, v.out)
	}
	h := c.run(t, "--help")
	for _, want := range []string{"130 interrupted", "143 stopped by SIGTERM", "5 another sync holds the database"} {
		if !strings.Contains(strings.Join(strings.Fields(h.out), " "), want) {
			t.Errorf("--help does not say %q", want)
		}
	}
}

// A mistyped subcommand fails with exit 2, as a mistyped command does: a
// cron line or a script must not pass a typo for success. Completion
// offers every command's formats and next's categories (interface.md).
func TestTyposFailAndCompletionOffersFormats(t *testing.T) {
	c := cli{env: isolatedEnv(t)}
	for _, typo := range [][]string{{"evidence", "lst"}, {"schedule", "frob"}, {"completion", "tcsh"}, {"rules", "frob"}} {
		if r := c.run(t, typo...); r.code != exitUsage || !strings.Contains(r.errOut, `unknown command "`+typo[1]+`"`) {
			t.Errorf("%q: exit %d, %q", typo, r.code, r.errOut)
		}
	}
	if r := c.run(t, "evidence"); r.code != 0 || !strings.Contains(r.out, "Available Commands") {
		t.Errorf("evidence alone: exit %d, want its help", r.code)
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"export", "--format", ""}, "pdf\n"},
		{[]string{"bullets", "--format", ""}, "text\n"},
		{[]string{"stories", "--format", "j"}, "json\n"},
		{[]string{"next", "--format", ""}, "markdown\n"},
		{[]string{"next", "--category", "unbl"}, "unblocking\n"},
	} {
		if r := c.run(t, append([]string{"__complete"}, tt.args...)...); !strings.Contains(r.out, tt.want) {
			t.Errorf("completing %q gave %q, want %q", tt.args, r.out, tt.want)
		}
	}
}

// Each message says what happened in the user's terms: which arguments a
// command takes, what a flag wants, that a date is in the future, that a
// site is unknown, that a note was removed rather than noted.
func TestMessagesSayWhatHappened(t *testing.T) {
	c, _ := withDemo(t)
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"outcome", "PAY-1"}, exitUsage, "usage: pmfolio outcome ISSUE-KEY TEXT [flags] (accepts 2 arguments, received 1)"},
		{[]string{"evidence", "show"}, exitUsage, "(accepts 1 argument, received 0)"},
		{[]string{"bullets", "--top", "abc"}, exitUsage, `--top takes a number, not "abc"`},
		{[]string{"next", "--all=maybe"}, exitUsage, `--all takes true or false, not "maybe"`},
		{[]string{"bullets", "--since", "2030-01-01"}, exitUsage, "--since 2030-01-01 is in the future"},
		{[]string{"outcome", "OPS-1", "Pages fell from 40 to 16", "--site", "nope"}, exitUsage, `no synced site named "nope"`},
	} {
		r := c.run(t, tt.args...)
		if r.code != tt.code || !strings.Contains(r.errOut, tt.want) || strings.Contains(r.errOut, "strconv") {
			t.Errorf("%q: exit %d, %q; want %d and %q", tt.args, r.code, r.errOut, tt.code, tt.want)
		}
	}
	// Curation changes the database: a demo of its own.
	c = cli{env: demoDB(t)}
	list := c.run(t, "evidence", "list", "--format", "json", "--limit", "1")
	var items []struct{ ID string }
	if err := json.Unmarshal([]byte(list.out), &items); err != nil || len(items) != 1 {
		t.Fatalf("evidence list: %v %q", err, list.out)
	}
	if r := c.run(t, "evidence", "note", items[0].ID, "I ran the comms"); r.code != 0 || !strings.HasPrefix(r.out, "noted ") {
		t.Errorf("note: exit %d, %q", r.code, r.out)
	}
	if r := c.run(t, "evidence", "note", items[0].ID, " "); r.code != 0 || !strings.HasPrefix(r.out, "removed the note of ") {
		t.Errorf("empty note: exit %d, %q", r.code, r.out)
	}
}

// With both JIRA_PAT and JIRA_EMAIL / JIRA_API_TOKEN in the environment, a
// Jira Cloud URL gets the e-mail and API token (Cloud takes no personal
// access token); any other URL keeps the PAT.
func TestBothTokensSetPickWhatTheSiteTakes(t *testing.T) {
	env := map[string]string{"JIRA_EMAIL": "sam@acme.com", "JIRA_API_TOKEN": "api-token", "JIRA_PAT": "pat"}
	for url, wantServer := range map[string]bool{
		"https://acme.atlassian.net":                false,
		"https://api.atlassian.com/ex/jira/1234abc": false,
		"https://jira.acme.example/jira":            true,
	} {
		env["JIRA_URL"] = url
		sites, err := sitesToSync(context.Background(), fileConfig{}, "", func(k string) string { return env[k] })
		if err != nil || len(sites) != 1 {
			t.Fatalf("%s: %v %v", url, sites, err)
		}
		if got := sites[0].deployment() == evidence.DeploymentServer; got != wantServer {
			t.Errorf("%s: server credentials %v, want %v", url, got, wantServer)
		}
	}
}

// A site is one site however its URL is written: typed once in capitals,
// pasted once from the browser with a query or an issue's page, it was
// stored twice, and every bullet counted its work twice. Links keep to the
// site's own address, never the query.
func TestASiteWrittenAnotherWayIsTheSameSite(t *testing.T) {
	srv := fakeSite(t, jiratest.DeploymentCloud, 8)
	env := isolatedEnv(t)
	env["JIRA_EMAIL"], env["JIRA_API_TOKEN"], env["PMFOLIO_DB"] = jiratest.DemoEmail, jiratest.DemoAPIToken, filepath.Join(t.TempDir(), "p.db")
	host := strings.TrimPrefix(srv.URL(), "http://")
	var first string
	for i, written := range []string{srv.URL(), "HTTP://" + host,
		srv.URL() + "/?atlOrigin=eyJpIjoi", srv.URL() + "/browse/OPS-1181#comment-1", srv.URL() + "/"} {
		env["JIRA_URL"] = written
		if r := (cli{env: env}).run(t, "sync", "--quiet"); r.code != 0 {
			t.Fatalf("sync with JIRA_URL=%s: exit %d: %s", written, r.code, r.errOut)
		}
		stats := cli{env: env}.run(t, "stats").out
		if i == 0 {
			first = stats
		} else if stats != first {
			t.Errorf("after a sync with JIRA_URL=%s the database holds more:\n%s\nwant\n%s", written, stats, first)
		}
	}
	export := cli{env: env}.run(t, "export", "--full").out
	if strings.Contains(export, "atlOrigin") || strings.Contains(export, "#comment-1/") || !strings.Contains(export, srv.URL()+"/browse/") {
		t.Errorf("the export's links are not the site's own:\n%.600s", export)
	}
}

// A SIGTERM (systemd stopping the job, cron's timeout) stops a quiet sync
// after its page with the one line of its end: nobody is there to press
// Ctrl-C again.
func TestSIGTERMStopsAQuietSyncInOneLine(t *testing.T) {
	_, code, out, errOut := syncSignalled(t, syscall.SIGTERM, "--quiet")
	if code != exitTerminated || out.String() != "" || errOut.String() != "pmfolio: interrupted\n" {
		t.Errorf("exit %d, want %d\nout: %q\nerr: %q", code, exitTerminated, out.String(), errOut.String())
	}
}

// The demo's PAY-3426 waits on OPS-1290, which the team works on (in
// progress, planned into the next sprint by the user "as this one has
// someone waiting on it"), while nobody has written on PAY-3426 itself
// since March: Mei Chen, who filed it, has heard nothing, and telling her
// where it stands is what nobody does. Asking whether she still wants it
// (review 15) or chasing the busy blocker for a date (review 14) was not.
func TestDemoTellsWhoWaitsBehindAWorkedBlockerWhereItStands(t *testing.T) {
	dir := demoCopy(t)
	env := isolatedEnv(t)
	env["PMFOLIO_DB"] = filepath.Join(dir, "pmfolio.db")
	all := cli{env: env, now: testNow}.run(t, "next", "--all").out
	entry := entryOf(all, "PAY-3426")
	checkShows(t, []shown{
		{"next tells whoever filed it where its worked blocker stands", entry, "Tell Mei Chen where it stands: its blocker OPS-1290 is In Progress with"},
		{"next tells the blocked issue's own silence", entry, "with no comment on this issue for"},
		{"next shows telling her as stakeholder communication", entry, "shows: Stakeholder communication"},
	})
	checkHides(t, []shown{
		{"next asks whether work someone is doing is still wanted", entry, "still wanted"},
		{"next chases a worked blocker for a date", entry, "for a date"},
	})
}

// The demo's OPS-1290 carries the user's word to Hana from security ("it
// goes live on the 26th" at the tests' clock); ten minutes after the user
// put it ahead of OPS-1183, Sam O'Connor moved it to a sprint that starts
// after that date (review 35, finding 7). Telling Hana is what a PM does
// first.
func TestDemoTellsWhomItPromisedADateThePlanBroke(t *testing.T) {
	dir := demoCopy(t)
	env := isolatedEnv(t)
	env["PMFOLIO_DB"] = filepath.Join(dir, "pmfolio.db")
	entry := entryOf(cli{env: env, now: testNow}.run(t, "next", "--all").out, "OPS-1290")
	checkShows(t, []shown{
		{"next asks to tell Hana before the date", entry, "do: Tell Hana before "},
		{"next quotes the promise", entry, "why: you told Hana on "},
		{"next says who moved it after the user's call", entry, "Sam O'Connor moved it to OPS Sprint "},
		{"next names the call it overturned", entry, " after you put it ahead of OPS-1183"},
		{"next shows telling her as stakeholder communication", entry, "shows: Stakeholder communication"},
	})
}

// The demo's deadline story is OPS-1232, whose outcome says all clusters
// were upgraded "20 days before the 1.28 end of support on 30 September"
// (the date its goal names), not OPS-1181, which has no date to be measured against (review 26 #4). Its data story
// marks the call made on a number, "every on-call shift loses about half
// a day to it", and no longer quotes "ETA 27 Feb" of work done a month
// later (review 26 #8).
//
// Asked about conflicting priorities, it tells OPS-1181, where she moved
// OPS-1193 above OPS-1191, which she had ranked to the top herself, not
// OPS-1212, whose "P2, not P1" she undid the next day ("put it in OPS
// Sprint 48, I've made room"); told unasked, OPS-1212 shows the ETA it
// missed (review 31 F3).
func TestDemoStoriesAnswerDeadlineDataAndConflictQuestions(t *testing.T) {
	dir := demoCopy(t)
	env := isolatedEnv(t)
	env["PMFOLIO_DB"] = filepath.Join(dir, "pmfolio.db")
	deadline := cli{env: env, now: testNow}.run(t, "stories", "--question", "a time you delivered against a deadline").out
	data := cli{env: env, now: testNow}.run(t, "stories", "--question", "a time you used data to make a decision").out
	conflict := cli{env: env, now: testNow}.run(t, "stories", "--question", "Tell me about a time you handled conflicting priorities").out
	all := cli{env: env, now: testNow}.run(t, "stories").out
	exported := cli{env: env, now: testNow}.run(t, "export")
	brief, err := os.ReadFile(filepath.Join(dir, "portfolio.md"))
	if err != nil {
		t.Fatal(err)
	}
	checkShows(t, []shown{
		// The brief's Outcome says "success metrics met" of an epic done
		// 85 days after the ETA she gave: the brief has no room for the
		// note that gave it, so she is told on the side to come prepared
		// (review 35 finding 1).
		{"the brief's OPS-1212 Outcome is not its quote alone", string(brief), "Closing the epic: success metrics met.” ([Jira comment, 2026-08-06](http://127.0.0.1:"},
		{"the user is not told of the ETA OPS-1212 missed", exported.errOut, "date missed: OPS-1212 (SLOs for customer-facing services): you gave 13 May on 6 May; done 6 Aug; no new date posted. Expect the question"},
		{"the user is not told the upgrade missed its ETA inside the end of support", exported.errOut, "date missed: OPS-1232 (Kubernetes 1.30 upgrade): you gave 31 Jul on 13 Jul; done 10 Sep, but 20 days before 30 September, the date the goal set; no new date posted."},
		{"the conflict story is not the re-ranking", conflict, "“Moving this above OPS-1191: every on-call shift loses about half a day to it; the other one can wait a few days."},
		{"the conflict story does not show the priority it moved below", conflict, "(Document the on-call hand-over checklist): “Ranked this to the top of the backlog."},
		{"OPS-1212 hides the ETA it missed", all, "The epic was done on 6 August, 85 days after 13 May, the date I gave on 6 May."},
		{"the deadline story is not the upgrade kept before end of support", deadline, "Kubernetes 1.30 upgrade"},
		{"the deadline story does not end on the date met", deadline, "20 days before the 1.28 end of support on 30 September"},
		{"the data story does not mark its call made on a number", data,
			"**The data behind the call.** Prioritized [OPS-1193]"},
		// The Result tells the ETA the upgrade missed: the reader meets it
		// among the actions, read with the end of support it was inside
		// of (review 31 F4).
		{"the ETA the Result tells is not among the actions", deadline, "“New ETA for this: 31 Jul, a week later than planned, because the staging cluster needed new node images first."},
		{"the Result does not read the missed ETA against the end of support", deadline, "The epic was done on 10 September, 41 days after 31 Jul, the date I gave on 13 July, but 20 days before 30 September, the date the goal set."},
	})
	checkHides(t, []shown{
		{"the brief tells a date missed without the note that gave it", string(brief), "the date I gave"},
		{"the conflict story is a priority call reversed the next day", conflict, "P2, not P1"},
		{"the data story quotes an ETA missed by a month", data, "Next, moving the last teams off the shared queue. ETA"},
		// OPS-1251 was done on 4 August: its cut-off never mattered (review 31 F4).
		{"the deadline story quotes a cut-off of work done weeks before it", deadline, "Cut-off is Monday 24 Aug"},
	})
}

// Asked about conflicting priorities and about data at once, the demo's
// user gets two stories, not OPS-1181 twice (review 33 N8): the re-ranking
// "Moving this above OPS-1191" answers the first, and OPS-1248, opened on
// the downtime its calls set out to cut ("about 4 minutes of write
// downtime"), the second.
func TestDemoStoriesAskedTogetherAreDistinct(t *testing.T) {
	dir := demoCopy(t)
	env := isolatedEnv(t)
	env["PMFOLIO_DB"] = filepath.Join(dir, "pmfolio.db")
	both := strings.Split(cli{env: env, now: testNow}.run(t, "stories", "--question", "Tell me about a time you handled conflicting priorities",
		"--question", "Tell me about a time you used data to make a decision").out, "\n## ")
	if len(both) != 3 {
		t.Fatalf("want the two questions each under its heading, got %d parts:\n%s", len(both)-1, strings.Join(both, "\n## "))
	}
	conflict, data := both[1], both[2]
	checkShows(t, []shown{
		{"the conflict story is not headed by its question", conflict, "1. Tell me about a time you handled conflicting priorities\n\n### [OPS-1181]"},
		{"the conflict story is not the re-ranking", conflict, "“Moving this above OPS-1191: every on-call shift loses about half a day to it"},
		{"the data story is not a story of its own", data, "2. Tell me about a time you used data to make a decision\n\n### [OPS-1248]"},
		{"the data story does not lead with the data question", data, "_Answers:_ a time you used data to make a decision"},
		{"the data story does not open on the number its calls rest on", data, "Why now: The last primary failure cost us about 4 minutes of write downtime"},
	})
	checkHides(t, []shown{{"the data story is the conflict story again", data, "OPS-1181"}})
}

// Asked how she pushed back and how she said no, the demo's user has two
// stories of a no to someone else's request: each question gets its own,
// without a note, and in JSON an answer each. Her close of Jonas's
// metrics ticket because "nobody has asked for it since the 28th", which
// he had ranked up a week before, is neither. (One story told for two
// questions, with what to lead with the second time, is the Kestrel
// site's: see TestBackendEngineerOnCloudGetsAPortfolioHeCanDefend.)
func TestDemoStoriesAskedTogetherAnswerEachQuestion(t *testing.T) {
	dir := demoCopy(t)
	env := isolatedEnv(t)
	env["PMFOLIO_DB"] = filepath.Join(dir, "pmfolio.db")
	run := func(args ...string) string {
		return cli{env: env, now: testNow}.run(t, append([]string{"stories"}, args...)...).out
	}
	asked := strings.Split(run("--question", "Tell me about a time you pushed back", "--question", "Tell me about a time you said no to a stakeholder"), "\n## ")
	if len(asked) != 3 {
		t.Fatalf("want the two questions each under its heading, got %d parts:\n%s", len(asked)-1, strings.Join(asked, "\n## "))
	}
	checkShows(t, []shown{
		{"the first question is not under its heading", asked[1], "1. Tell me about a time you pushed back\n"},
		{"the second question is not under its heading", asked[2], "2. Tell me about a time you said no to a stakeholder\n"},
		{"the first no story is not the one on MOB-838", asked[1], "### [MOB-829]"},
		{"the second no story is not the one on PAY-3432", asked[2], "### [PAY-3414]"},
	})
	checkHides(t, []shown{
		{"a story of its own says it is told twice", asked[1] + asked[2], "Same story"},
		{"a stale ticket's close is told as a no", asked[1] + asked[2], "nobody has asked for it"},
	})
	var answers struct {
		Answers []struct {
			Question string `json:"question"`
			Note     string `json:"note"`
			Stories  []struct {
				Epic struct{ Key string } `json:"epic"`
			} `json:"stories"`
		} `json:"answers"`
	}
	if err := json.Unmarshal([]byte(run("--format", "json", "--question", "a time you pushed back", "--question", "a time you said no")), &answers); err != nil {
		t.Fatal(err)
	}
	if len(answers.Answers) != 2 || answers.Answers[1].Question != "a time you said no" || answers.Answers[1].Note != "" ||
		len(answers.Answers[0].Stories) != 1 || answers.Answers[0].Stories[0].Epic.Key != "MOB-829" ||
		len(answers.Answers[1].Stories) != 1 || answers.Answers[1].Stories[0].Epic.Key != "PAY-3414" {
		t.Errorf("JSON: want an answer a question, the first MOB-829 and the second PAY-3414, got %+v", answers.Answers)
	}
}

// Asked when she failed, the demo's user is told an incident of her own
// team (OPS) whose postmortem she wrote, quoted by its root cause rather
// than its impact, and not her strongest success with a note (review 28
// #7); an incident of another team's project (PAY) is not hers.
func TestDemoTellsAFailureByTheRootCauseSheWrote(t *testing.T) {
	dir := demoCopy(t)
	env := isolatedEnv(t)
	env["PMFOLIO_DB"] = filepath.Join(dir, "pmfolio.db")
	failed := cli{env: env, now: testNow}.run(t, "stories", "--question", "Tell me about a time you failed").out
	checkShows(t, []shown{
		{"the failure story is not an incident of her team's", failed, "_Answers:_ a time you failed ·"},
		{"the postmortem is not quoted by its root cause", failed,
			"(Postmortem: certificate expired on vault): “… Root cause: A certificate on vault expired because its renewal job had been failing silently for 5 weeks. …”"},
		{"the result does not say which follow-ups were done", failed, "What followed, as Jira shows it: its postmortem OPS-1277 and its follow-ups OPS-1279 and OPS-1280 are done."},
		// Coordinating the response alone answers with a time someone
		// else failed.
		{"the task does not say the failure was her team's", failed,
			"**Task.** My part: coordinating the response when things broke. What let it happen was on my own team's side, and my postmortem says what."},
	})
	checkHides(t, []shown{
		{"the failure story is her strongest success, with a note", failed, "_Note from pmfolio:_"},
		{"the failure story is another team's incident", failed, "(PAY-"},
	})
}
