package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A config file is read whole or refused: a mistyped key (a token under
// "api_tokn", which would also skip the 0600 check) or two sites of one
// name is one line naming the file and the line, never silently ignored,
// while every documented key (README.md, NEXT.md) is taken.
func TestConfigFileKeysAreAllKnownAndSiteNamesUnique(t *testing.T) {
	documented := "db: /tmp/pmfolio.db\nrules: /tmp/rules.yaml\nconcurrency: 2\n" +
		"team:\n  projects: [OPS, PAY]\n  board: 12\n  jql: 'project = PAY'\n  off: false\n" +
		"next:\n  detectors:\n    - id: blocked.stale\n      days: 5\n  ranking:\n    gap: 2\n" +
		"sites:\n  - name: acme\n    url: https://acme.atlassian.net\n    email: me@example.com\n    api_token: secret-token\n" +
		"    team:\n      projects: [OPS]\n" +
		"  - name: oldjob\n    url: https://jira.oldjob.example/jira\n    pat: secret-pat\n" +
		"  - name: pass\n    url: https://pass.atlassian.net\n    email: me@example.com\n    token_cmd: pass show jira\n"
	for _, tt := range []struct {
		name, yaml string
		mode       os.FileMode
		want       string // in the error; "" for none
	}{
		{"every documented key", documented, 0o600, ""},
		{"a mistyped site key", "sites:\n  - name: acme\n    url: https://acme.atlassian.net\n    emial: me@example.com\n",
			0o600, `line 4: unknown key "emial" (did you mean "email"?)`},
		{"a token under a mistyped key, readable by others",
			"sites:\n  - name: acme\n    url: https://acme.atlassian.net\n    email: me@example.com\n    api_tokn: secret-token\n",
			0o644, `line 5: unknown key "api_tokn" (did you mean "api_token"?)`},
		{"a mistyped top-level key", "site:\n  - name: acme\n", 0o600, `line 1: unknown key "site" (did you mean "sites"?)`},
		{"a mistyped team key", "team:\n  projets: [OPS]\n", 0o600, `line 2: unknown key "projets" (did you mean "projects"?)`},
		{"two sites of one name",
			"sites:\n  - name: acme\n    url: https://acme.atlassian.net\n  - name: acme\n    url: https://other.atlassian.net\n",
			0o600, `sites 1 and 2 are both named "acme"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "config.yaml")
			if err := os.WriteFile(path, []byte(tt.yaml), tt.mode); err != nil {
				t.Fatal(err)
			}
			_, err := loadConfig(path, true)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("loadConfig = %v, want it taken", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), "config file "+path+", "+tt.want) &&
				!strings.Contains(err.Error(), "config file "+path+": "+tt.want)):
				t.Errorf("loadConfig = %v, want an error naming %s and %s", err, path, tt.want)
			case err != nil && exitCode(err, hintContext{}) != exitUsage:
				t.Errorf("loadConfig = %v: exit %d, want %d", err, exitCode(err, hintContext{}), exitUsage)
			case err != nil && strings.Contains(err.Error(), "secret"):
				t.Errorf("the error holds the token: %v", err)
			}
		})
	}
}

// A typo under next: is one line that names it and what was meant, and a
// hint that lists what there is: no flag that does not exist, and no Go
// type ("field dayz not found in type next.Detector").
func TestNextTuningTyposSayWhatWasMeant(t *testing.T) {
	for _, tc := range []struct {
		name, yaml, want string
	}{
		{"a detector", "next:\n  detectors:\n    - id: blocked.stal\n      days: 5\n",
			"pmfolio: config file: next detectors: unknown detector \"blocked.stal\" (did you mean \"blocked.stale\"?)\nhint: the detectors there are: story.no-acceptance-criteria, "},
		{"a detector's key", "next:\n  detectors:\n    - id: blocked.stale\n      dayz: 5\n",
			"pmfolio: config file: next detector blocked.stale: unknown key \"dayz\" (did you mean \"days\"?)\nhint: the keys there are: id, category, weight, days, "},
		{"a ranking key", "next:\n  ranking:\n    gapp: 2\n",
			"pmfolio: config file: next ranking: unknown key \"gapp\" (did you mean \"gap\"?)\nhint: the keys there are: blocked-behind, "},
	} {
		env := isolatedEnv(t)
		path := filepath.Join(t.TempDir(), "config.yaml")
		if err := os.WriteFile(path, []byte(tc.yaml), 0o600); err != nil {
			t.Fatal(err)
		}
		r := cli{env: env}.run(t, "--config", path, "next")
		if r.code != exitUsage || !strings.HasPrefix(r.errOut, tc.want) || strings.Contains(r.errOut, "--detectors") || strings.Count(r.errOut, "\n") != 2 {
			t.Errorf("%s: exit %d, stderr %q; want exit %d and %q…", tc.name, r.code, r.errOut, exitUsage, tc.want)
		}
	}
}

// A site of the config file that lacks a credential is told in the
// file's keys, never as a JIRA_* variable the user did not set; and
// --site picks its site before any credential is looked for, so another
// site's missing token or failing token_cmd does not stop it.
func TestSitesToSyncSaysWhatASiteOfTheFileLacksAndOnlyForTheSitePicked(t *testing.T) {
	cfg := fileConfig{Sites: []siteConf{
		{Name: "good", URL: "https://jira.example.com/jira", PAT: "a-pat"},
		{Name: "email-only", URL: "https://acme.atlassian.net", Email: "me@acme.com"},
		{Name: "nothing", URL: "https://old.atlassian.net"},
		{Name: "locked", URL: "https://locked.atlassian.net", Email: "me@acme.com", TokenCmd: "exit 1"},
	}}
	noEnv := func(string) string { return "" }
	for _, tt := range []struct {
		site string
		env  map[string]string
		want string // in the error; "" for none
	}{
		{"good", nil, ""},
		{"email-only", nil, `site "email-only" in the config file has an email: but no api_token: or token_cmd:, and JIRA_API_TOKEN is not set`},
		{"email-only", map[string]string{"JIRA_API_TOKEN": "t"}, ""},
		{"nothing", nil, `site "nothing" in the config file has no credentials`},
		{"nothing", map[string]string{"JIRA_PAT": "p"}, ""},
		{"locked", nil, `token_cmd of site "locked" in the config file failed`},
	} {
		getenv := noEnv
		if tt.env != nil {
			getenv = func(k string) string { return tt.env[k] }
		}
		sites, err := sitesToSync(context.Background(), cfg, tt.site, getenv)
		switch {
		case tt.want == "" && (err != nil || len(sites) != 1 || sites[0].Name != tt.site):
			t.Errorf("--site %s %v: %v, %v; want that site alone", tt.site, tt.env, sites, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("--site %s %v: %v; want an error with %q", tt.site, tt.env, err, tt.want)
		case err != nil && strings.Contains(err.Error(), "JIRA_EMAIL is set"):
			t.Errorf("--site %s: %v names a variable the user did not set", tt.site, err)
		}
		if err != nil && exitCode(err, hintContext{}) != exitUsage {
			t.Errorf("--site %s: exit %d, want %d", tt.site, exitCode(err, hintContext{}), exitUsage)
		}
	}
}

// A token_cmd that waits for input nobody gives (a password manager's
// prompt in a cron job) ends with one line saying so, not a sync that
// hangs for ever.
func TestATokenCmdThatNeverAnswersIsStopped(t *testing.T) {
	defer func(d time.Duration) { tokenCmdTimeout = d }(tokenCmdTimeout)
	tokenCmdTimeout = 300 * time.Millisecond
	cfg := fileConfig{Sites: []siteConf{{Name: "pass", URL: "https://acme.atlassian.net", Email: "me@acme.com", TokenCmd: "sleep 30; echo secret"}}}
	start := time.Now()
	_, err := sitesToSync(context.Background(), cfg, "", func(string) string { return "" })
	if err == nil || !strings.Contains(err.Error(), `token_cmd of site "pass" in the config file gave no token within 300ms`) || exitCode(err, hintContext{}) != exitUsage {
		t.Fatalf("a token_cmd that never answers: %v", err)
	}
	if waited := time.Since(start); waited > 10*time.Second {
		t.Errorf("stopped after %v", waited)
	}
}
