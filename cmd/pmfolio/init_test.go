package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/pmfolio/pmfolio/jira/jiratest"
)

// runWith runs one command line with stdin and terminal settings of its own.
func runWith(t *testing.T, env map[string]string, stdin string, tty bool, secret string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	io := IO{In: strings.NewReader(stdin), Out: &out, ErrOut: &errOut, StdinTTY: tty,
		Getenv: func(k string) string { return env[k] }, Now: func() time.Time { return testNow }, Signals: make(chan os.Signal)}
	if secret != "" {
		io.ReadSecret = func() (string, error) { return secret, nil }
	}
	code := run(args, io)
	return result{code, out.String(), errOut.String()}
}

func readConfig(t *testing.T, path string) fileConfig {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("config mode = %04o, want 0600", info.Mode().Perm())
	}
	data, _ := os.ReadFile(path)
	var cfg fileConfig
	if err := yaml.Unmarshal(data, &cfg); err != nil {
		t.Fatal(err)
	}
	return cfg
}

func TestInitWithoutATerminalTakesFlagsAndStdin(t *testing.T) {
	srv := fakeSite(t, jiratest.DeploymentCloud, 3)
	env := isolatedEnv(t)
	cfgPath := filepath.Join(env["XDG_CONFIG_HOME"], "pmfolio", "config.yaml")

	// Missing pieces are asked for by flag, not by prompt.
	r := runWith(t, env, "", false, "", "init")
	if r.code != exitUsage || !strings.Contains(r.errOut, "--url") {
		t.Errorf("init with nothing: exit %d, %q", r.code, r.errOut)
	}
	r = runWith(t, env, "", false, "", "init", "--url", srv.URL())
	if r.code != exitUsage || !strings.Contains(r.errOut, "--email") {
		t.Errorf("cloud init without e-mail: exit %d, %q", r.code, r.errOut)
	}
	// A wrong token writes nothing.
	r = runWith(t, env, "wrong-token\n", false, "", "init", "--url", srv.URL(), "--email", jiratest.DemoEmail, "--token-stdin")
	if r.code != exitAuth {
		t.Errorf("wrong token: exit %d, %q", r.code, r.errOut)
	}
	if _, err := os.Stat(cfgPath); err == nil {
		t.Error("a refused init wrote the config file")
	}

	r = runWith(t, env, jiratest.DemoAPIToken+"\n", false, "", "init", "--url", srv.URL()+"/", "--email", jiratest.DemoEmail, "--token-stdin", "--name", "larkspur")
	if r.code != 0 || !strings.Contains(r.out, "as Maya Lindqvist") || !strings.Contains(r.out, "pmfolio sync") {
		t.Fatalf("init: exit %d\n%s%s", r.code, r.out, r.errOut)
	}
	cfg := readConfig(t, cfgPath)
	if len(cfg.Sites) != 1 || cfg.Sites[0] != (siteConf{Name: "larkspur", URL: srv.URL(), Email: jiratest.DemoEmail, APIToken: jiratest.DemoAPIToken}) {
		t.Errorf("config = %+v", cfg)
	}
	if strings.Contains(r.out+r.errOut, jiratest.DemoAPIToken) {
		t.Error("init printed the token")
	}
	// The saved config is enough for a sync.
	if s := (cli{env: env}).run(t, "sync", "--quiet"); s.code != 0 {
		t.Errorf("sync after init: %d %s", s.code, s.errOut)
	}
}

func TestInitAtATerminalPromptsAndKeepsOtherSites(t *testing.T) {
	srv := fakeSite(t, jiratest.DeploymentServer, 3, jiratest.WithContextPath("/jira"))
	env := isolatedEnv(t)
	cfgPath := filepath.Join(t.TempDir(), "cfg", "config.yaml")
	env["PMFOLIO_CONFIG"] = cfgPath
	if err := os.MkdirAll(filepath.Dir(cfgPath), 0o700); err != nil {
		t.Fatal(err)
	}
	existing := "db: /data/pmfolio.db\nsites:\n  - name: acme\n    url: https://acme.atlassian.net\n    email: sam@acme.com\n"
	if err := os.WriteFile(cfgPath, []byte(existing), 0o600); err != nil {
		t.Fatal(err)
	}
	r := runWith(t, env, srv.URL()+"\n", true, jiratest.DemoPAT, "init")
	if r.code != 0 {
		t.Fatalf("init: exit %d\n%s%s", r.code, r.out, r.errOut)
	}
	for _, prompt := range []string{"Jira site URL", "Found Jira Server/Data Center", "personal access token", "(input hidden)"} {
		if !strings.Contains(r.errOut, prompt) {
			t.Errorf("prompts lack %q:\n%s", prompt, r.errOut)
		}
	}
	cfg := readConfig(t, cfgPath)
	if cfg.DB != "/data/pmfolio.db" || len(cfg.Sites) != 2 || cfg.Sites[0].Name != "acme" ||
		cfg.Sites[1] != (siteConf{Name: "127.0.0.1", URL: srv.URL(), PAT: jiratest.DemoPAT}) {
		t.Errorf("config = %+v", cfg)
	}
}

func TestInitWithTokenCmdStoresNoToken(t *testing.T) {
	srv := fakeSite(t, jiratest.DeploymentCloud, 2)
	env := isolatedEnv(t)
	cfgPath := filepath.Join(env["XDG_CONFIG_HOME"], "pmfolio", "config.yaml")
	r := runWith(t, env, "", false, "", "init", "--url", srv.URL(), "--email", jiratest.DemoEmail,
		"--token-cmd", "printf %s "+jiratest.DemoAPIToken)
	if r.code != 0 {
		t.Fatalf("init: exit %d %s", r.code, r.errOut)
	}
	data, _ := os.ReadFile(cfgPath)
	if !strings.Contains(string(data), "token_cmd:") || strings.Contains(string(data), "api_token") {
		t.Errorf("config with token_cmd:\n%s", data)
	}
}

func TestInitAsksAgainWithTheReasonAndHintsForTheSitesKind(t *testing.T) {
	srv := fakeSite(t, jiratest.DeploymentServer, 3)
	notJira := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("<html>intranet</html>"))
	}))
	t.Cleanup(notJira.Close)
	env := isolatedEnv(t)
	cfgPath := filepath.Join(env["XDG_CONFIG_HOME"], "pmfolio", "config.yaml")
	var out, errOut bytes.Buffer
	secrets := []string{"expired-pat", jiratest.DemoPAT}
	stdio := IO{In: strings.NewReader("ftp://jira\n" + notJira.URL + "\n" + srv.URL() + "\n"), Out: &out, ErrOut: &errOut, StdinTTY: true,
		Getenv: func(k string) string { return env[k] }, Now: func() time.Time { return testNow }, Signals: make(chan os.Signal),
		ReadSecret: func() (string, error) { s := secrets[0]; secrets = secrets[1:]; return s, nil }}
	if code := run([]string{"init"}, stdio); code != 0 {
		t.Fatalf("init: exit %d\n%s%s", code, out.String(), errOut.String())
	}
	prompts := errOut.String()
	for _, want := range []string{
		"is not an http(s) URL",                   // the scheme, refused before any request
		"this does not look like Jira's REST API", // the intranet page
		"Found Jira Server/Data Center",
		"Jira refused the credentials (401)",
		"takes a personal access token", // the hint names what this site takes
	} {
		if !strings.Contains(prompts, want) {
			t.Errorf("init's conversation lacks %q:\n%s", want, prompts)
		}
	}
	if strings.Count(prompts, "Jira site URL") != 3 || strings.Count(prompts, "(input hidden)") != 2 {
		t.Errorf("init did not ask again after each refused answer:\n%s", prompts)
	}
	for _, wrong := range []string{"API token", "JIRA_"} {
		if strings.Contains(prompts, wrong) {
			t.Errorf("a Data Center user typing a PAT is told about %q:\n%s", wrong, prompts)
		}
	}
	if cfg := readConfig(t, cfgPath); len(cfg.Sites) != 1 || cfg.Sites[0].PAT != jiratest.DemoPAT {
		t.Errorf("config = %+v", cfg)
	}
}

func TestInitOfASecondSiteOnTheSameHostKeepsTheFirstAndSaysWhatItReplaces(t *testing.T) {
	first, second := fakeSite(t, jiratest.DeploymentServer, 2), fakeSite(t, jiratest.DeploymentServer, 2)
	env := isolatedEnv(t)
	env["JIRA_PAT"] = jiratest.DemoPAT
	cfgPath := filepath.Join(env["XDG_CONFIG_HOME"], "pmfolio", "config.yaml")
	for _, site := range []struct{ url, name string }{{first.URL(), "127.0.0.1"}, {second.URL(), "127.0.0.1-2"}} {
		r := runWith(t, env, "", false, "", "init", "--url", site.url)
		if r.code != 0 || strings.Contains(r.out, "Replaced") {
			t.Fatalf("init %s: exit %d %q %q", site.url, r.code, r.out, r.errOut)
		}
		// The name it says is the one --site takes.
		if want := `Saved site "` + site.name + `"`; !strings.Contains(r.out, want) {
			t.Errorf("init %s says %q, want %q", site.url, r.out, want)
		}
	}
	cfg := readConfig(t, cfgPath)
	if len(cfg.Sites) != 2 || cfg.Sites[0].Name != "127.0.0.1" || cfg.Sites[1].Name != "127.0.0.1-2" || cfg.Sites[1].URL != second.URL() {
		t.Errorf("two sites on one host: %+v", cfg.Sites)
	}
	r := runWith(t, env, "", false, "", "init", "--url", second.URL(), "--name", "legacy")
	if r.code != 0 || !strings.Contains(r.out, `Replaced the saved site "127.0.0.1-2" (`+second.URL()+`) with this one.`) {
		t.Errorf("init of a saved URL: exit %d %q", r.code, r.out)
	}
	if cfg := readConfig(t, cfgPath); len(cfg.Sites) != 2 || cfg.Sites[1].Name != "legacy" {
		t.Errorf("after replacing: %+v", cfg.Sites)
	}
}

// Credentials never cross a network in clear: init, sync and doctor refuse
// a plain http site on another computer before sending anything, saying
// to use https. (Loopback stays open: the demo and tests listen there.)
func TestPlainHTTPToAnotherComputerIsRefusedEverywhere(t *testing.T) {
	const site = "http://192.0.2.2:18080"
	env := isolatedEnv(t)
	env["JIRA_URL"], env["JIRA_EMAIL"], env["JIRA_API_TOKEN"] = site, "me@example.com", "secret-token"
	for _, args := range [][]string{
		{"init", "--url", site, "--email", "me@example.com", "--token-stdin"},
		{"sync"},
		{"doctor"},
	} {
		r := runWith(t, env, "secret-token\n", false, "", args...)
		if r.code != exitUsage || !strings.Contains(r.errOut+r.out, "never sends credentials over plain http") ||
			!strings.Contains(r.errOut+r.out, "use https://192.0.2.2:18080") {
			t.Errorf("%s: exit %d\n%s%s", args[0], r.code, r.out, r.errOut)
		}
		if strings.Contains(r.errOut+r.out, "secret-token") {
			t.Errorf("%s printed the token", args[0])
		}
	}
	if _, err := os.Stat(filepath.Join(env["XDG_CONFIG_HOME"], "pmfolio", "config.yaml")); err == nil {
		t.Error("a refused init wrote the config file")
	}
}

// Running init again to replace a token keeps the site's name (the
// database knows the site by it) and every comment of the file, and says
// it replaced the site.
func TestReInitReplacesTheTokenKeepingTheNameAndComments(t *testing.T) {
	srv := fakeSite(t, jiratest.DeploymentCloud, 2)
	env := isolatedEnv(t)
	cfgPath := filepath.Join(env["XDG_CONFIG_HOME"], "pmfolio", "config.yaml")
	if err := os.MkdirAll(filepath.Dir(cfgPath), 0o700); err != nil {
		t.Fatal(err)
	}
	existing := "# my Jira sites\ndb: /data/pmfolio.db # on the backed-up disk\nsites:\n" +
		"  # the day job\n  - name: acme # short for the team\n    url: " + srv.URL() + "\n" +
		"    email: " + jiratest.DemoEmail + "\n    api_token: expired-token\n    team:\n      projects: [OPS]\n" +
		"  - name: oldjob\n    url: https://jira.oldjob.example/jira\n    pat: old-pat # never used\n"
	if err := os.WriteFile(cfgPath, []byte(existing), 0o600); err != nil {
		t.Fatal(err)
	}
	r := runWith(t, env, jiratest.DemoAPIToken+"\n", false, "", "init", "--url", srv.URL(), "--email", jiratest.DemoEmail, "--token-stdin")
	if r.code != 0 || !strings.Contains(r.out, `Replaced the saved site "acme"`) || !strings.Contains(r.out, `Saved site "acme"`) {
		t.Fatalf("re-init: exit %d\n%s%s", r.code, r.out, r.errOut)
	}
	cfg := readConfig(t, cfgPath)
	if len(cfg.Sites) != 2 || cfg.Sites[0].Name != "acme" || cfg.Sites[0].APIToken != jiratest.DemoAPIToken ||
		cfg.Sites[0].Team == nil || cfg.Sites[1].PAT != "old-pat" || cfg.DB != "/data/pmfolio.db" {
		t.Errorf("config after re-init: %+v", cfg)
	}
	data, _ := os.ReadFile(cfgPath)
	for _, comment := range []string{"# my Jira sites", "# on the backed-up disk", "# the day job", "# short for the team", "# never used"} {
		if !strings.Contains(string(data), comment) {
			t.Errorf("re-init dropped the comment %q:\n%s", comment, data)
		}
	}
}

// init reads the config file it is to change before it asks for anything:
// a file it could not write back is said first, and no token is asked for
// or sent to Jira.
func TestInitRefusesABrokenConfigBeforeAskingForTheToken(t *testing.T) {
	srv := fakeSite(t, jiratest.DeploymentServer, 2)
	for _, tt := range []struct{ config, want string }{
		{"sites: [\n", "is not valid YAML"},
		{"sites:\n  - name: acme\n    url: https://acme.atlassian.net\n    emial: me@example.com\n", `line 4: unknown key "emial"`},
	} {
		env := isolatedEnv(t)
		cfgPath := filepath.Join(t.TempDir(), "config.yaml")
		env["PMFOLIO_CONFIG"] = cfgPath
		if err := os.WriteFile(cfgPath, []byte(tt.config), 0o600); err != nil {
			t.Fatal(err)
		}
		r := runWith(t, env, srv.URL()+"\n", true, jiratest.DemoPAT, "init")
		if r.code != exitUsage || !strings.Contains(r.errOut, tt.want) || strings.Contains(r.errOut, "Jira site URL") || srv.Requests() != 0 {
			t.Errorf("init with a config file holding %q: exit %d, %d requests\n%s", tt.config, r.code, srv.Requests(), r.errOut)
		}
		if data, _ := os.ReadFile(cfgPath); string(data) != tt.config {
			t.Errorf("init changed the broken config file:\n%s", data)
		}
	}
}

// A token command that fails is named as the user gave it: --token-cmd to
// init, the token_cmd of a named site in the config file to sync.
func TestAFailingTokenCommandIsNamedWhereItWasGiven(t *testing.T) {
	srv := fakeSite(t, jiratest.DeploymentCloud, 2)
	env := isolatedEnv(t)
	r := runWith(t, env, "", false, "", "init", "--url", srv.URL(), "--email", jiratest.DemoEmail, "--token-cmd", "exit 1")
	if r.code != exitUsage || !strings.Contains(r.errOut, "\npmfolio: --token-cmd failed: exit status 1\n") || strings.Contains(r.errOut, "config file") {
		t.Errorf("init --token-cmd 'exit 1': exit %d, %q", r.code, r.errOut)
	}
	cfgPath := filepath.Join(t.TempDir(), "config.yaml")
	env["PMFOLIO_CONFIG"] = cfgPath
	writeFile(t, cfgPath, "sites:\n  - name: acme\n    url: "+srv.URL()+"\n    email: "+jiratest.DemoEmail+"\n    token_cmd: exit 1\n")
	r = runWith(t, env, "", false, "", "sync")
	if r.code != exitUsage || !strings.HasPrefix(r.errOut, `pmfolio: token_cmd of site "acme" in the config file failed: exit status 1`) {
		t.Errorf("sync with a failing token_cmd: exit %d, %q", r.code, r.errOut)
	}
}

// A saved site without a name (sync names it after its URL) gets that
// name on re-init, not an empty one.
func TestReInitOfAnUnnamedSiteNamesItAfterItsURL(t *testing.T) {
	srv := fakeSite(t, jiratest.DeploymentServer, 2)
	env := isolatedEnv(t)
	cfgPath := filepath.Join(t.TempDir(), "config.yaml")
	env["PMFOLIO_CONFIG"] = cfgPath
	writeFile(t, cfgPath, "sites:\n  - url: "+srv.URL()+"\n    pat: expired-pat\n")
	r := runWith(t, env, jiratest.DemoPAT+"\n", false, "", "init", "--url", srv.URL(), "--token-stdin")
	if cfg := readConfig(t, cfgPath); r.code != 0 || len(cfg.Sites) != 1 || cfg.Sites[0].Name != "127.0.0.1" || cfg.Sites[0].PAT != jiratest.DemoPAT {
		t.Errorf("re-init of an unnamed site: exit %d, %+v\n%s", r.code, cfg.Sites, r.errOut)
	}
}

// An address copied from the browser while on a Jira page is the site's:
// the page's path, query and fragment go, a Server's context path stays.
func TestSiteURLCutsAPagesAddressBackToTheSite(t *testing.T) {
	for typed, want := range map[string]string{
		"acme.atlassian.net":          "https://acme.atlassian.net",
		"https://acme.atlassian.net/": "https://acme.atlassian.net",
		"https://acme.atlassian.net/browse/OPS-1?focusedCommentId=2#comment-2": "https://acme.atlassian.net",
		"https://acme.atlassian.net/jira/software/projects/OPS/boards/1":       "https://acme.atlassian.net",
		"https://acme.atlassian.net/jira/your-work":                            "https://acme.atlassian.net",
		"https://jira.example.com/jira/browse/OPS-1":                           "https://jira.example.com/jira",
		"https://jira.example.com/jira/secure/RapidBoard.jspa?rapidView=3":     "https://jira.example.com/jira",
		"https://jira.example.com/jira":                                        "https://jira.example.com/jira",
		"https://jira.example.com/issues/?jql=project%20%3D%20OPS":             "https://jira.example.com",
		"http://127.0.0.1:8080/ctx/projects/OPS/issues/OPS-1":                  "http://127.0.0.1:8080/ctx",
		"https://api.atlassian.com/ex/jira/0d3c-cloud-id":                      "https://api.atlassian.com/ex/jira/0d3c-cloud-id",
		"HTTPS://Acme.Atlassian.NET/?atlOrigin=eyJpIjoi":                       "https://acme.atlassian.net",
		"https://Jira.Example.com/Jira#/projects":                              "https://jira.example.com/Jira",
	} {
		if got, err := siteURL(typed); err != nil || got != want {
			t.Errorf("siteURL(%q) = %q, %v; want %q", typed, got, err, want)
		}
	}
}
