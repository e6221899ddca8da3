package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/next"
	"github.com/pmfolio/pmfolio/evidence/sqlite"
	"github.com/pmfolio/pmfolio/jira"
	"github.com/pmfolio/pmfolio/jira/jiratest"
)

// storedIssues counts the issues of the database at path.
func storedIssues(t *testing.T, path string) int {
	t.Helper()
	store, err := sqlite.OpenReadOnly(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	counts, err := store.TableCounts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return counts["issues"]
}

// noFile fails the test when path exists.
func noFile(t *testing.T, path, why string) {
	t.Helper()
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("%s: %s exists (%v)", why, path, err)
	}
}

func TestSyncNamesTheFailingSiteOfSeveral(t *testing.T) {
	acme := fakeSite(t, jiratest.DeploymentCloud, 4)
	old := fakeSite(t, jiratest.DeploymentServer, 3, jiratest.WithContextPath("/jira"))
	env := isolatedEnv(t)
	cfgPath := filepath.Join(t.TempDir(), "config.yaml")
	db := filepath.Join(t.TempDir(), "p.db")
	env["PMFOLIO_CONFIG"], env["PMFOLIO_DB"] = cfgPath, db
	oldjob := "  - name: oldjob\n    url: " + old.URL() + "\n    pat: revoked-pat\n"
	// The failing Server site first: the Cloud site synced after it must
	// not lend the hint its own settings.
	cfg := "sites:\n" + oldjob +
		"  - name: acme\n    url: " + acme.URL() + "\n    email: " + jiratest.DemoEmail + "\n    api_token: " + jiratest.DemoAPIToken + "\n"
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"sync"}, {"sync", "--site", "oldjob"}, {"sync", "--quiet"}} {
		r := cli{env: env}.run(t, args...)
		line, hint, _ := strings.Cut(r.errOut, "\n")
		quiet := args[len(args)-1] == "--quiet"
		want := `pmfolio: site "oldjob": Jira refused the credentials (401)`
		if r.code != exitAuth || !quiet && line != want || quiet && !strings.HasPrefix(line, want+" (hint: ") {
			t.Errorf("%v: exit %d, %q; want exit 3 and a line naming site oldjob", args, r.code, r.errOut)
		}
		// Quiet, the fix is on the one line cron mails.
		if quiet {
			hint, _ = strings.CutPrefix(line, want)
		}
		if !strings.Contains(hint, "check pat: (or token_cmd:) of site oldjob in "+cfgPath) {
			t.Errorf("%v: hint %q, want oldjob's pat: named", args, hint)
		}
		if quiet && strings.Count(r.errOut, "\n") != 1 {
			t.Errorf("%v: a quiet sync's error has more than one line: %q", args, r.errOut)
		}
		if strings.Contains(r.out+r.errOut, "revoked-pat") || strings.Contains(r.out+r.errOut, jiratest.DemoAPIToken) {
			t.Errorf("%v: a secret in the output", args)
		}
		if args[len(args)-1] == "sync" && !strings.Contains(r.out, "synced 4 issues from acme") {
			t.Errorf("the other site's sync: %q", r.out)
		}
	}
	if n := storedIssues(t, db); n != 4 {
		t.Errorf("stored %d issues, want acme's 4", n)
	}

	// Two sites failing: each says so, in the file's order; the first's
	// failure gives the exit code.
	twoFailing := "sites:\n" + oldjob + "  - name: gone\n    url: http://127.0.0.1:1\n    pat: other-pat\n"
	if err := os.WriteFile(cfgPath, []byte(twoFailing), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, quiet := range []bool{false, true} {
		args := []string{"sync"}
		if quiet {
			args = append(args, "--quiet")
		}
		r := cli{env: env}.run(t, args...)
		var lines []string
		for _, l := range strings.Split(strings.TrimSpace(r.errOut), "\n") {
			if strings.HasPrefix(l, "pmfolio: ") {
				lines = append(lines, l)
			}
		}
		if r.code != exitAuth || len(lines) != 2 || !strings.HasPrefix(lines[0], `pmfolio: site "oldjob": Jira refused`) ||
			!strings.HasPrefix(lines[1], `pmfolio: site "gone": cannot reach Jira`) {
			t.Errorf("two failing sites, quiet %v: exit %d, %q; want exit 3 and a line for each", quiet, r.code, r.errOut)
		}
		if hints := strings.Count(r.errOut, "hint: "); hints != 2 || quiet && strings.Count(r.errOut, "\n") != 2 {
			t.Errorf("two failing sites, quiet %v: %d hints in %q", quiet, hints, r.errOut)
		}
	}

	// One site: the line is as it always was.
	if err := os.WriteFile(cfgPath, []byte("sites:\n"+oldjob), 0o600); err != nil {
		t.Fatal(err)
	}
	r := cli{env: env}.run(t, "sync")
	if r.code != exitAuth || !strings.HasPrefix(r.errOut, "pmfolio: Jira refused the credentials (401)\n") {
		t.Errorf("one site: exit %d, %q", r.code, r.errOut)
	}
}

// A site whose token_cmd fails (under cron's PATH its password manager is
// not found) does not stop the other sites, and its failure is in
// sync.log, where doctor and schedule status read how the night went: not
// only in cron's mail, which many machines never deliver.
func TestASiteWhoseTokenCmdFailsIsLoggedAndTheOthersAreSynced(t *testing.T) {
	acme := fakeSite(t, jiratest.DeploymentCloud, 4)
	env := isolatedEnv(t)
	cfgPath := filepath.Join(t.TempDir(), "config.yaml")
	db := filepath.Join(t.TempDir(), "p.db")
	env["PMFOLIO_CONFIG"], env["PMFOLIO_DB"] = cfgPath, db
	locked := "  - name: locked\n    url: https://locked.atlassian.net\n    email: me@locked.example\n    token_cmd: exit 127\n"
	cfg := "sites:\n" + locked +
		"  - name: acme\n    url: " + acme.URL() + "\n    email: " + jiratest.DemoEmail + "\n    api_token: " + jiratest.DemoAPIToken + "\n"
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	r := cli{env: env}.run(t, "sync", "--quiet")
	if r.code != exitUsage || r.errOut != "pmfolio: site \"locked\": token_cmd of site \"locked\" in the config file failed: exit status 127"+
		" (hint: run the command yourself to see why; it must print the token and exit 0)\n" {
		t.Errorf("exit %d, %q; want exit 2 and one line naming site locked", r.code, r.errOut)
	}
	if n := storedIssues(t, db); n != 4 {
		t.Errorf("stored %d issues, want acme's 4", n)
	}
	logged, err := os.ReadFile(syncLogPath(db))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`(?m)^\S+ locked failed exit=2 .* error="token_cmd of site \\"locked\\" in the config file failed: exit status 127"$`,
		`(?m)^\S+ acme ok issues=4 `,
	} {
		if !regexp.MustCompile(want).Match(logged) {
			t.Errorf("sync.log lacks %s:\n%s", want, logged)
		}
	}

	// One site: the error is as it always was, and logged too.
	if err := os.WriteFile(cfgPath, []byte("sites:\n"+locked), 0o600); err != nil {
		t.Fatal(err)
	}
	r = cli{env: env}.run(t, "sync")
	if line, hint, _ := strings.Cut(r.errOut, "\n"); r.code != exitUsage || line != `pmfolio: token_cmd of site "locked" in the config file failed: exit status 127` || !strings.HasPrefix(hint, "hint: run the command yourself") {
		t.Errorf("one site: exit %d, %q", r.code, r.errOut)
	}
	if last, err := lastSyncLogLine(db); err != nil || !strings.Contains(last, " locked failed exit=2 ") {
		t.Errorf("sync.log's last line = %q, %v; want locked's failure", last, err)
	}
}

func TestSyncSaysJiraAnsweredWithAServerErrorAndThatItIsRetrying(t *testing.T) {
	for _, c := range []struct {
		name        string
		tty, quiet  bool
		wantNotices int
	}{
		{"on a terminal", true, false, 1},
		{"quiet on a terminal", true, true, 0},
		{"not a terminal", false, false, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			srv := fakeSite(t, jiratest.DeploymentCloud, 5)
			srv.Inject(func(*http.Request) *jiratest.Fault { return &jiratest.Fault{Status: http.StatusInternalServerError} })
			stdio, out, errOut := bufferIO()
			stdio.IsTTY = c.tty
			var waits []time.Duration
			db := filepath.Join(t.TempDir(), "p.db")
			_, err := runSync(context.Background(), syncOptions{
				IO: stdio, DBPath: db, Quiet: c.quiet,
				Sites: []siteConf{{URL: srv.URL(), Email: jiratest.DemoEmail, APIToken: jiratest.DemoAPIToken}},
				JiraOptions: []jira.Option{jira.WithSleep(func(ctx context.Context, d time.Duration) error {
					waits = append(waits, d)
					return ctx.Err()
				})},
			})
			notices := strings.Count(errOut.String(), "pmfolio: Jira answered 500 (a server error); trying again")
			if notices != c.wantNotices {
				t.Errorf("stderr while retrying: %q; want %d notice", errOut, c.wantNotices)
			}
			// The retries are the default policy's: six tries, five waits.
			if n := srv.Requests(); n != jira.DefaultRetryPolicy.MaxAttempts || len(waits) != n-1 {
				t.Errorf("%d requests, %d waits; want %d tries", n, len(waits), jira.DefaultRetryPolicy.MaxAttempts)
			}
			errOut.Reset()
			code := report(errOut, err, hintContext{deployment: evidence.DeploymentCloud}, false)
			line, hint, _ := strings.Cut(errOut.String(), "\n")
			if code != exitUnreachable || !strings.HasPrefix(line, "pmfolio: Jira answered with a server error: ") ||
				!strings.Contains(line, "answered 500") || !strings.Contains(hint, "try again later") {
				t.Errorf("exit %d, %q; want exit 4 and a line saying Jira answered with a server error", code, errOut)
			}
			if out.Len() != 0 {
				t.Errorf("stdout: %q", out)
			}
		})
	}
}

func TestDryRunCreatesNoDatabase(t *testing.T) {
	srv := fakeSite(t, jiratest.DeploymentCloud, 6)
	env := isolatedEnv(t)
	db := filepath.Join(t.TempDir(), "new", "p.db")
	env["JIRA_URL"], env["JIRA_EMAIL"], env["JIRA_API_TOKEN"], env["PMFOLIO_DB"] = srv.URL(), jiratest.DemoEmail, jiratest.DemoAPIToken, db
	r := cli{env: env}.run(t, "sync", "--dry-run")
	if r.code != 0 || !strings.HasPrefix(r.out, "dry run on 127.0.0.1: 6 issues with ") {
		t.Fatalf("dry run: exit %d, %q %q", r.code, r.out, r.errOut)
	}
	noFile(t, filepath.Dir(db), "a dry run on a new path")

	// On a database that exists, a dry run reads and stores nothing either.
	if r := (cli{env: env}).run(t, "sync", "--quiet"); r.code != 0 {
		t.Fatalf("sync: %s", r.errOut)
	}
	srv.Update(func(s *jiratest.Site) {
		if _, err := s.CreateIssue(s.Issues()[0].Key, "Runbook for the new ingress", "", testNow.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
	})
	if r := (cli{env: env}).run(t, "sync", "--dry-run"); r.code != 0 || !strings.HasPrefix(r.out, "dry run on 127.0.0.1: 7 issues") {
		t.Errorf("dry run on a synced database: exit %d, %q %q", r.code, r.out, r.errOut)
	}
	if n := storedIssues(t, db); n != 6 {
		t.Errorf("stored %d issues after the dry run, want the 6 of the sync", n)
	}
}

func TestQuietDryRunIsAUsageError(t *testing.T) {
	env := isolatedEnv(t)
	env["PMFOLIO_DB"] = filepath.Join(t.TempDir(), "p.db")
	r := cli{env: env}.run(t, "sync", "--quiet", "--dry-run")
	if r.code != exitUsage || r.out != "" ||
		!regexp.MustCompile(`^pmfolio: --quiet and --dry-run do not go together[^\n]*\nhint: drop --quiet[^\n]*\n$`).MatchString(r.errOut) {
		t.Errorf("exit %d, out %q, err %q; want exit 2, one line and a hint", r.code, r.out, r.errOut)
	}
	noFile(t, env["PMFOLIO_DB"], "a refused command")
}

func TestFirstSyncThatFailsLeavesNoDatabase(t *testing.T) {
	for _, c := range []struct {
		name  string
		fault func(srv *jiratest.Server)
		code  int
	}{
		{"Jira unreachable", func(srv *jiratest.Server) { srv.Close() }, exitUnreachable},
		{"credentials refused", nil, exitAuth},
		// The site is stored by then, but none of the user's work.
		{"search refused", func(srv *jiratest.Server) {
			srv.Inject(func(r *http.Request) *jiratest.Fault {
				if strings.Contains(r.URL.Path, "/search") {
					return &jiratest.Fault{Status: http.StatusBadRequest, Body: `{"errorMessages":["The JQL is wrong."]}`}
				}
				return nil
			})
		}, exitFailure},
	} {
		t.Run(c.name, func(t *testing.T) {
			srv := fakeSite(t, jiratest.DeploymentCloud, 6)
			env := isolatedEnv(t)
			db := filepath.Join(t.TempDir(), "p.db")
			env["JIRA_URL"], env["JIRA_EMAIL"], env["JIRA_API_TOKEN"], env["PMFOLIO_DB"] = srv.URL(), jiratest.DemoEmail, "revoked", db
			if c.fault != nil {
				env["JIRA_API_TOKEN"] = jiratest.DemoAPIToken
				c.fault(srv)
			}
			if r := (cli{env: env}).run(t, "sync"); r.code != c.code {
				t.Fatalf("exit %d, %q; want %d", r.code, r.errOut, c.code)
			}
			for _, suffix := range []string{"", "-wal", "-shm", ".lock"} {
				noFile(t, db+suffix, "a first sync that stored nothing")
			}
			if r := (cli{env: env}).run(t, "doctor"); !strings.Contains(r.out, "none yet at "+db) {
				t.Errorf("doctor after the failed sync:\n%s", r.out)
			}
		})
	}

	// A database that was there before stays, whatever the sync did.
	srv := fakeSite(t, jiratest.DeploymentCloud, 6)
	env := isolatedEnv(t)
	db := filepath.Join(t.TempDir(), "p.db")
	env["JIRA_URL"], env["JIRA_EMAIL"], env["JIRA_API_TOKEN"], env["PMFOLIO_DB"] = srv.URL(), jiratest.DemoEmail, jiratest.DemoAPIToken, db
	if r := (cli{env: env}).run(t, "evidence", "add", "--category", "stakeholder-communication", "--date", "2026-10-01", "--description", "Ran the quarterly review"); r.code != 0 {
		t.Fatalf("evidence add: %s", r.errOut)
	}
	srv.Close()
	if r := (cli{env: env}).run(t, "sync"); r.code != exitUnreachable {
		t.Fatalf("exit %d, %q", r.code, r.errOut)
	}
	if _, err := os.Stat(db); err != nil {
		t.Errorf("the database of work added by hand is gone after a failed sync: %v", err)
	}
}

// When Jira refuses the team phase (a team: project the account may not
// browse) after the user's own pages are all stored, the sync says it
// stored them and that the team's backlog was refused, with a hint about
// team:, not the credentials hint of a refused sync; the exit code stays
// that of the refusal.
func TestARefusedTeamReadSaysTheOwnSyncIsStoredAndWhatToChange(t *testing.T) {
	srv := fakeSite(t, jiratest.DeploymentCloud, 10)
	srv.Inject(func(r *http.Request) *jiratest.Fault {
		if strings.HasSuffix(r.URL.Path, "/search/jql") && strings.Contains(r.URL.Query().Get("jql"), "project IN") {
			return &jiratest.Fault{Status: http.StatusForbidden}
		}
		return nil
	})
	var out, errOut strings.Builder
	db := filepath.Join(t.TempDir(), "p.db")
	_, err := runSync(context.Background(), syncOptions{
		IO:     IO{Out: &out, ErrOut: &errOut, Now: func() time.Time { return testNow }, Signals: make(chan os.Signal)},
		Sites:  []siteConf{{URL: srv.URL(), Email: jiratest.DemoEmail, APIToken: jiratest.DemoAPIToken}},
		DBPath: db, Team: &next.TeamScope{Projects: []string{"OPS"}},
	})
	if err == nil {
		t.Fatal("the team read was refused, and the sync says nothing")
	}
	code := report(&errOut, err, hintContext{deployment: evidence.DeploymentCloud}, false)
	if !regexp.MustCompile(`^synced 10 issues from 127\.0\.0\.1, \d+ new activities`).MatchString(out.String()) || strings.Contains(out.String(), "team backlog") {
		t.Errorf("stdout %q; want the own sync's summary alone", out.String())
	}
	if code != exitAuth || !strings.HasPrefix(errOut.String(), "pmfolio: team backlog: Jira refused the credentials (403)") ||
		!strings.Contains(errOut.String(), "hint: your own activity is synced") || !strings.Contains(errOut.String(), "team:") {
		t.Errorf("exit %d, stderr %q", code, errOut.String())
	}
	if n := storedIssues(t, db); n != 10 {
		t.Errorf("%d issues stored, want 10", n)
	}
}

// A Jira that gives no answer is retried for minutes (each try waits a
// minute for it): a sync on a terminal says so once, as it does for a
// server error, rather than staying silent before its first page.
func TestSyncOnATerminalSaysJiraGivesNoAnswerAndThatItIsRetrying(t *testing.T) {
	srv := fakeSite(t, jiratest.DeploymentCloud, 5)
	srv.Inject(func(*http.Request) *jiratest.Fault { return &jiratest.Fault{Delay: time.Minute} })
	stdio, _, errOut := bufferIO()
	stdio.IsTTY = true
	_, err := runSync(context.Background(), syncOptions{
		IO: stdio, DBPath: filepath.Join(t.TempDir(), "p.db"),
		Sites: []siteConf{{URL: srv.URL(), Email: jiratest.DemoEmail, APIToken: jiratest.DemoAPIToken}},
		JiraOptions: []jira.Option{jira.WithRequestTimeout(100 * time.Millisecond),
			jira.WithSleep(func(ctx context.Context, d time.Duration) error { return ctx.Err() })},
	})
	if n := strings.Count(errOut.String(), "pmfolio: Jira gave no complete answer; trying again"); n != 1 {
		t.Errorf("stderr while retrying: %q; want 1 notice", errOut)
	}
	if code := exitCode(err, hintContext{}); code != exitUnreachable {
		t.Errorf("exit %d, want %d", code, exitUnreachable)
	}
}

// On a terminal the bar goes on to the team's backlog once the user's own
// pages are in: it does not stand full while the team phase reads.
func TestSyncProgressGoesOnToTheTeamsBacklog(t *testing.T) {
	srv, env := teamSite(t)
	stdio, _, errOut := bufferIO()
	stdio.IsTTY = true
	_, err := runSync(context.Background(), syncOptions{IO: stdio, DBPath: env["PMFOLIO_DB"],
		Sites: []siteConf{{URL: srv.URL(), Email: jiratest.DemoEmail, APIToken: jiratest.DemoAPIToken}}})
	if err != nil {
		t.Fatal(err)
	}
	got := errOut.String()
	pages, team := strings.LastIndex(got, " pages"), strings.Index(got, ": reading the team's backlog, 0 issues")
	if pages < 0 || team < pages || !regexp.MustCompile(`reading the team's backlog, [1-9]\d* issues`).MatchString(got) {
		t.Errorf("progress on a terminal, want pages and then the team's backlog counted:\n%q", got)
	}
}

// Environment variables come before the config file (interface.md): a
// token rotated in the environment is used for the site JIRA_URL names,
// however its URL is written, and never sent to another site; a JIRA_URL
// the config file does not name is said to be unused.
func TestTheEnvironmentComesBeforeTheConfigFileForTheSiteItNames(t *testing.T) {
	acme := fakeSite(t, jiratest.DeploymentCloud, 4)
	env := isolatedEnv(t)
	cfgPath := filepath.Join(t.TempDir(), "config.yaml")
	env["PMFOLIO_CONFIG"], env["PMFOLIO_DB"] = cfgPath, filepath.Join(t.TempDir(), "p.db")
	cfg := "sites:\n  - name: acme\n    url: " + acme.URL() + "\n    email: " + jiratest.DemoEmail + "\n    api_token: revoked-token\n"
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := (cli{env: env}).run(t, "sync", "--quiet"); r.code != exitAuth {
		t.Fatalf("sync with the file's revoked token: exit %d: %s", r.code, r.errOut)
	}
	env["JIRA_URL"], env["JIRA_API_TOKEN"] = acme.URL()+"/", jiratest.DemoAPIToken
	if r := (cli{env: env}).run(t, "sync"); r.code != 0 || r.errOut != "" {
		t.Errorf("sync with a rotated JIRA_API_TOKEN for the site JIRA_URL names: exit %d: %s", r.code, r.errOut)
	}
	env["JIRA_URL"] = "https://other.atlassian.net/?x=1"
	r := cli{env: env}.run(t, "sync")
	if r.code != exitAuth || !strings.Contains(r.errOut, "note: JIRA_URL (https://other.atlassian.net) is not used: the config file "+cfgPath) {
		t.Errorf("sync with a JIRA_URL the file does not name: exit %d, %q; want the file's site (its revoked token) and a note", r.code, r.errOut)
	}
	if r := (cli{env: env}).run(t, "sync", "--quiet"); strings.Contains(r.errOut, "note:") {
		t.Errorf("a quiet sync printed a note: %q", r.errOut)
	}
	if r := (cli{env: env}).run(t, "doctor"); !regexp.MustCompile(`(?m)^warn  environment\s+JIRA_URL \(https://other\.atlassian\.net\) is not used`).MatchString(r.out) {
		t.Errorf("doctor does not warn of the unused JIRA_URL:\n%s", r.out)
	}
}

// A --jql Jira rejects is bad usage (exit 2), with its fix; the sync
// stores nothing of it.
func TestAJQLJiraRejectsIsBadUsage(t *testing.T) {
	srv := fakeSite(t, jiratest.DeploymentCloud, 4)
	env := isolatedEnv(t)
	env["JIRA_URL"], env["JIRA_EMAIL"], env["JIRA_API_TOKEN"] = srv.URL(), jiratest.DemoEmail, jiratest.DemoAPIToken
	env["PMFOLIO_DB"] = filepath.Join(t.TempDir(), "p.db")
	// Jira Cloud's answer to a field that does not exist.
	srv.Inject(func(r *http.Request) *jiratest.Fault {
		if !strings.Contains(r.URL.Path, "/search") {
			return nil
		}
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body)) // for the search itself
		if strings.Contains(r.URL.Query().Get("jql")+string(body), "projct") {
			return &jiratest.Fault{Status: http.StatusBadRequest,
				Body: `{"errorMessages":["Field 'projct' does not exist or you do not have permission to view it."],"errors":{}}`}
		}
		return nil
	})
	r := cli{env: env}.run(t, "sync", "--jql", "projct = OPS")
	if r.code != exitUsage || !strings.Contains(r.errOut, "\nhint: check --jql in Jira's issue search first") {
		t.Errorf("exit %d, %q; want %d and a hint to check --jql", r.code, r.errOut, exitUsage)
	}
}

// Mistakes a cron line can carry are refused with what to do, not synced
// into nothing with exit 0.
func TestSyncRefusesAFutureSinceAndASiteWithoutAConfigFile(t *testing.T) {
	srv := fakeSite(t, jiratest.DeploymentCloud, 4)
	env := isolatedEnv(t)
	env["JIRA_URL"], env["JIRA_EMAIL"], env["JIRA_API_TOKEN"] = srv.URL(), jiratest.DemoEmail, jiratest.DemoAPIToken
	env["PMFOLIO_DB"] = filepath.Join(t.TempDir(), "p.db")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"sync", "--since", "2099-01-01"}, "pmfolio: --since 2099-01-01 is in the future"},
		{[]string{"sync", "--site", "acme"}, "pmfolio: --site acme names a site of the config file, and there is no config file\nhint: drop --site"},
	} {
		if r := (cli{env: env}).run(t, tc.args...); r.code != exitUsage || !strings.HasPrefix(r.errOut, tc.want) {
			t.Errorf("%v: exit %d, %q; want %d and %q", tc.args, r.code, r.errOut, exitUsage, tc.want)
		}
	}
	noFile(t, env["PMFOLIO_DB"], "a refused sync")
	noFile(t, syncLogPath(env["PMFOLIO_DB"]), "a refused first sync")
}

// A token of the kind the site does not take gets a hint that says so, by
// what the site says of itself, not "check JIRA_PAT: it may have expired".
func TestATokenOfTheWrongKindIsSaidToBeOne(t *testing.T) {
	cloud := fakeSite(t, jiratest.DeploymentCloud, 2)
	server := fakeSite(t, jiratest.DeploymentServer, 2, jiratest.WithContextPath("/jira"))
	for _, tc := range []struct {
		name string
		env  map[string]string
		hint string
	}{
		{"a PAT on Cloud", map[string]string{"JIRA_URL": cloud.URL(), "JIRA_PAT": jiratest.DemoPAT},
			"hint: this site is Jira Cloud, which takes your account's e-mail and an API token, not a personal access token: set JIRA_EMAIL and JIRA_API_TOKEN and unset JIRA_PAT"},
		{"an API token on Data Center", map[string]string{"JIRA_URL": server.URL(), "JIRA_EMAIL": jiratest.DemoEmail, "JIRA_API_TOKEN": jiratest.DemoAPIToken},
			"hint: this site is Jira Server/Data Center, which takes a personal access token"},
	} {
		env := isolatedEnv(t)
		maps.Copy(env, tc.env)
		env["PMFOLIO_DB"] = filepath.Join(t.TempDir(), "p.db")
		if r := (cli{env: env}).run(t, "sync"); r.code != exitAuth || !strings.Contains(r.errOut, tc.hint) {
			t.Errorf("%s: exit %d, %q; want %d and %q", tc.name, r.code, r.errOut, exitAuth, tc.hint)
		}
	}
}
