package main

import (
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
	evsync "github.com/pmfolio/pmfolio/evidence/sync"
	"github.com/pmfolio/pmfolio/jira/jiratest"
)

// syncedServerSite is the environment of a user of a Data Center site of 8
// issues who has synced it once.
func syncedServerSite(t *testing.T) (*jiratest.Server, map[string]string) {
	t.Helper()
	srv := fakeSite(t, jiratest.DeploymentServer, 8, jiratest.WithContextPath("/jira"))
	env := isolatedEnv(t)
	env["JIRA_URL"], env["JIRA_PAT"] = srv.URL(), jiratest.DemoPAT
	env["PMFOLIO_DB"] = filepath.Join(t.TempDir(), "p.db")
	if r := (cli{env: env}).run(t, "sync", "--quiet"); r.code != 0 {
		t.Fatalf("sync: %s", r.errOut)
	}
	return srv, env
}

func TestDoctorWithGoodCredentialsChecksEverything(t *testing.T) {
	_, env := syncedServerSite(t)
	r := cli{env: env}.run(t, "doctor")
	if r.code != 0 {
		t.Fatalf("doctor: exit %d\n%s%s", r.code, r.out, r.errOut)
	}
	for _, want := range []string{
		`(?m)^ok    config\s+no config file; using JIRA_URL`,
		`(?m)^ok    127\.0\.0\.1: reachable\s+Jira Server/Data Center 9\.12\.15 at http://127\.0\.0\.1:\d+/jira$`,
		`(?m)^ok    127\.0\.0\.1: credentials\s+signed in as Maya Lindqvist$`,
		`(?m)^ok    127\.0\.0\.1: selection\s+finds about 8 issues$`,
		`(?m)^ok    127\.0\.0\.1: custom fields\s+found Sprint, Story Points, Epic Link, Flagged$`,
		`(?m)^ok    rules\s+built-in$`,
		`(?m)^ok    database\s+.*integrity ok, 8 issues, \d+ evidence items$`,
		`(?m)^ok    evidence\s+classified by the rules in force$`,
		`(?m)^ok    127\.0\.0\.1: last sync\s+ok just now: 8 issues`,
		`(?m)^note  sync\.log\s+2026-11-22T10:00:00Z 127\.0\.0\.1 ok issues=8`,
	} {
		if !regexp.MustCompile(want).MatchString(r.out) {
			t.Errorf("doctor output lacks %s:\n%s", want, r.out)
		}
	}
}

// Other rules than those the evidence comes from are a warning with its
// fix; a broken rules file is a failure of the configuration.
func TestDoctorChecksTheRulesAndWhetherTheEvidenceComesFromThem(t *testing.T) {
	_, env := syncedServerSite(t)
	other := filepath.Join(t.TempDir(), "rules.yaml")
	writeFile(t, other, "model: off\n")
	r := cli{env: env}.run(t, "--rules", other, "doctor")
	for _, want := range []string{
		`(?m)^ok    rules\s+built-in, with .*rules\.yaml; text model off$`,
		`(?m)^warn  evidence\s+classified by other rules than those in force \(a new pmfolio or rules file\)\n\s+fix: run 'pmfolio reclassify' \(the next sync does it too\)$`,
	} {
		if r.code != 0 || !regexp.MustCompile(want).MatchString(r.out) {
			t.Errorf("doctor with other rules: exit %d, output lacks %s:\n%s", r.code, want, r.out)
		}
	}
	broken := filepath.Join(t.TempDir(), "broken.yaml")
	writeFile(t, broken, "rules:\n  - id: change.nope\n    disabled: true\n")
	r = cli{env: env}.run(t, "--rules", broken, "doctor")
	if r.code != exitUsage || !regexp.MustCompile(`(?m)^FAIL  rules\s+.*rules file is broken: .*\n\s+fix: run 'pmfolio rules check `).MatchString(r.out) {
		t.Errorf("doctor with a broken rules file: exit %d\n%s%s", r.code, r.out, r.errOut)
	}
}

func TestDoctorWithBadCredentialsSaysHowToFixThem(t *testing.T) {
	srv := fakeSite(t, jiratest.DeploymentCloud, 3)
	env := isolatedEnv(t)
	cfgPath := filepath.Join(t.TempDir(), "config.yaml")
	env["PMFOLIO_CONFIG"] = cfgPath
	cfg := "sites:\n  - name: acme\n    url: " + srv.URL() + "\n    email: " + jiratest.DemoEmail + "\n    api_token: expired-token\n"
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	r := cli{env: env}.run(t, "doctor")
	if r.code != exitAuth {
		t.Errorf("doctor exit %d, want %d", r.code, exitAuth)
	}
	for _, want := range []string{
		`(?m)^ok    config\s+.*config\.yaml \(mode 0600, 1 site\)$`,
		`(?m)^ok    acme: reachable\s+Jira Cloud at `,
		`(?m)^FAIL  acme: credentials\s+Jira refused the credentials \(401\)`,
		`(?m)^\s+fix: check email: and api_token: \(or token_cmd:\) of site acme in .*config\.yaml`,
		`(?m)^ok    database\s+none yet at `,
	} {
		if !regexp.MustCompile(want).MatchString(r.out) {
			t.Errorf("doctor output lacks %s:\n%s", want, r.out)
		}
	}
	if strings.Contains(r.out+r.errOut, "expired-token") {
		t.Error("doctor printed the token")
	}

	// A token in a file others can read is a failure with the chmod fix.
	os.Chmod(cfgPath, 0o644)
	r = cli{env: env}.run(t, "doctor")
	if r.code != exitUsage || !regexp.MustCompile(`(?m)^FAIL  config\s+.*others can read it`).MatchString(r.out) ||
		!strings.Contains(r.out, "fix: run: chmod 600 "+cfgPath) {
		t.Errorf("doctor on a readable config: exit %d\n%s", r.code, r.out)
	}
}

func TestDoctorTellsTheTruthAboutAFailedSyncAndOnlyWarnsOfOptionalEndpoints(t *testing.T) {
	srv, env := syncedServerSite(t)
	c := cli{env: env}
	bad := cli{env: maps.Clone(env)}
	bad.env["JIRA_PAT"] = "revoked"
	if r := bad.run(t, "sync", "--quiet"); r.code != exitAuth {
		t.Fatalf("sync with a revoked PAT: exit %d %s", r.code, r.errOut)
	}
	srv.Inject(func(r *http.Request) *jiratest.Fault {
		if strings.HasSuffix(r.URL.Path, "/field") {
			return &jiratest.Fault{Status: http.StatusNotFound}
		}
		return nil
	})
	r := c.run(t, "doctor")
	for _, want := range []string{
		`(?m)^FAIL  127\.0\.0\.1: last sync\s+failed just now: Jira refused the credentials \(401\)`,
		`(?m)^warn  127\.0\.0\.1: custom fields\s+cannot list the fields`,
	} {
		if !regexp.MustCompile(want).MatchString(r.out) {
			t.Errorf("doctor output lacks %s:\n%s", want, r.out)
		}
	}
	if r.code != exitFailure || !strings.Contains(r.errOut, "doctor found a problem: 127.0.0.1: last sync") {
		t.Errorf("doctor: exit %d, %q; want 1 for the failed sync, not for the optional endpoint", r.code, r.errOut)
	}
}

// After a week of nightly syncs refused by Jira, doctor says when the last
// complete one finished: what the renewed token has to catch up on.
func TestDoctorSaysWhenTheLastCompleteSyncWasAfterAWeekOfFailures(t *testing.T) {
	_, env := syncedServerSite(t)
	week := 7 * 24 * time.Hour
	bad := cli{env: maps.Clone(env), now: testNow.Add(week)}
	bad.env["JIRA_PAT"] = "revoked"
	if r := bad.run(t, "sync", "--quiet"); r.code != exitAuth {
		t.Fatalf("sync with a revoked PAT: exit %d %s", r.code, r.errOut)
	}
	r := cli{env: env, now: testNow.Add(week + time.Hour)}.run(t, "doctor")
	want := `(?m)^FAIL  127\.0\.0\.1: last sync\s+failed 1 hour ago: Jira refused the credentials \(401\)[^\n]*; last complete sync 7 days ago$`
	if !regexp.MustCompile(want).MatchString(r.out) {
		t.Errorf("doctor output lacks %s:\n%s", want, r.out)
	}
}

// A nightly sync that stopped running (the machine slept for two weeks,
// cron lost its line) leaves no failure behind: doctor warns of the age of
// the last sync instead of calling it ok.
func TestDoctorWarnsWhenNothingHasSyncedForAWeek(t *testing.T) {
	_, env := syncedServerSite(t)
	for _, tt := range []struct {
		after time.Duration
		want  string
	}{
		{2 * 24 * time.Hour, `(?m)^ok    127\.0\.0\.1: last sync\s+ok 2 days ago`},
		{14 * 24 * time.Hour, `(?m)^warn  127\.0\.0\.1: last sync\s+ok 14 days ago: .*\n\s+fix: nothing has synced since: run 'pmfolio sync'`},
	} {
		r := cli{env: env, now: testNow.Add(tt.after)}.run(t, "doctor")
		if !regexp.MustCompile(tt.want).MatchString(r.out) || r.code != 0 {
			t.Errorf("doctor %v after the last sync: exit %d, want 0 and %s:\n%s", tt.after, r.code, tt.want, r.out)
		}
	}
}

// A sync refused because another was running never ran: doctor reports
// the last sync that did, not "failed: another pmfolio sync is running".
func TestDoctorDoesNotCountASyncRefusedAtTheLock(t *testing.T) {
	srv, env := syncedServerSite(t)
	c := cli{env: env}
	site := siteConf{URL: srv.URL(), PAT: jiratest.DemoPAT}
	if err := appendSyncLog(env["PMFOLIO_DB"], time.Now().Add(time.Minute), site, evsync.Result{}, evidence.ErrLocked); err != nil {
		t.Fatal(err)
	}
	r := c.run(t, "doctor")
	if !regexp.MustCompile(`(?m)^ok    127\.0\.0\.1: last sync\s+ok just now`).MatchString(r.out) || r.code != 0 || strings.Contains(r.out, "FAIL") {
		t.Errorf("doctor after a sync refused at the lock:\n%s", r.out)
	}
}

// Doctor's last line names the check that failed and ends with its kind's
// exit code, without the kind's own words in front ("cannot reach Jira:
// doctor found a problem: …" read as if doctor could not reach Jira).
func TestDoctorsLastLineIsItsOwnWhateverTheFailure(t *testing.T) {
	for _, tt := range []struct {
		name  string
		fault *jiratest.Fault
		code  int
	}{
		{"Jira unreachable", nil, exitUnreachable},
		{"a login page", &jiratest.Fault{Status: http.StatusOK, Body: "<html>Log in</html>"}, exitFailure},
	} {
		t.Run(tt.name, func(t *testing.T) {
			srv := fakeSite(t, jiratest.DeploymentCloud, 3)
			url := srv.URL()
			if tt.fault == nil {
				srv.Close()
			} else {
				srv.Inject(func(r *http.Request) *jiratest.Fault { return tt.fault })
			}
			env := isolatedEnv(t)
			env["JIRA_URL"], env["JIRA_EMAIL"], env["JIRA_API_TOKEN"] = url, jiratest.DemoEmail, jiratest.DemoAPIToken
			r := cli{env: env}.run(t, "doctor")
			if r.code != tt.code || !regexp.MustCompile(`^pmfolio: doctor found a problem: 127\.0\.0\.1: reachable\n$`).MatchString(r.errOut) {
				t.Errorf("doctor: exit %d, stderr %q; want exit %d and 'pmfolio: doctor found a problem: 127.0.0.1: reachable'", r.code, r.errOut, tt.code)
			}
		})
	}
}

// A nightly sync that could not start (a config file others can read) is
// in sync.log, where a cron user looks, and the line says what to fix;
// doctor reports the config file itself. A site mistyped once and put
// right in the config file is no failure of doctor's for ever after.
func TestANightlySyncThatCannotStartIsLoggedAndAMistypedSiteIsForgotten(t *testing.T) {
	srv := fakeSite(t, jiratest.DeploymentServer, 8, jiratest.WithContextPath("/jira"))
	env := isolatedEnv(t)
	cfgPath := filepath.Join(t.TempDir(), "config.yaml")
	env["PMFOLIO_CONFIG"], env["PMFOLIO_DB"] = cfgPath, filepath.Join(t.TempDir(), "p.db")
	write := func(name, pat string, mode os.FileMode) {
		t.Helper()
		if err := os.WriteFile(cfgPath, []byte("sites:\n  - name: "+name+"\n    url: "+srv.URL()+"\n    pat: "+pat+"\n"), mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(cfgPath, mode); err != nil {
			t.Fatal(err)
		}
	}
	write("acmee", "revoked", 0o600)
	if r := (cli{env: env}).run(t, "sync", "--quiet"); r.code != exitAuth {
		t.Fatalf("sync with a revoked token: exit %d: %s", r.code, r.errOut)
	}
	write("acme", jiratest.DemoPAT, 0o600)
	if r := (cli{env: env}).run(t, "sync", "--quiet"); r.code != 0 {
		t.Fatalf("sync: exit %d: %s", r.code, r.errOut)
	}
	if r := (cli{env: env}).run(t, "doctor"); r.code != 0 || strings.Contains(r.out, "acmee") {
		t.Errorf("doctor after the name was put right: exit %d\n%s%s", r.code, r.out, r.errOut)
	}

	write("acme", jiratest.DemoPAT, 0o644)
	if r := (cli{env: env}).run(t, "sync", "--quiet"); r.code != exitUsage {
		t.Fatalf("sync with a config file others can read: exit %d: %s", r.code, r.errOut)
	}
	log, err := os.ReadFile(filepath.Join(filepath.Dir(env["PMFOLIO_DB"]), "sync.log"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(log)), "\n")
	if last := lines[len(lines)-1]; !regexp.MustCompile(`^\S+ - failed exit=2 pid=\d+ error=".*others can read it`).MatchString(last) {
		t.Errorf("sync.log's last line after a sync that could not start: %q", last)
	}
	r := cli{env: env}.run(t, "doctor")
	if r.code != exitUsage || strings.Contains(r.out, "-: last sync") {
		t.Errorf("doctor: exit %d, want %d, the config file's failure and no site named -:\n%s", r.code, exitUsage, r.out)
	}
}
