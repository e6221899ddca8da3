package main

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/next"
	"github.com/pmfolio/pmfolio/evidence/rules"
	"github.com/pmfolio/pmfolio/jira"
)

// fileConfig is the config file (interface.md): written by `pmfolio init`,
// readable by hand.
type fileConfig struct {
	DB    string     `yaml:"db,omitempty"`
	Rules string     `yaml:"rules,omitempty"` // a user rules file, as --rules
	Sites []siteConf `yaml:"sites"`
	// Team names the team's work for `pmfolio next` (projects, board or
	// jql); Next tunes its detectors (next.yaml's format). See NEXT.md.
	Team *next.TeamScope `yaml:"team,omitempty"`
	Next yaml.Node       `yaml:"next,omitempty"`

	// Concurrency is the most requests a sync keeps in flight, as sync's
	// --concurrency (0: jira.DefaultConcurrency).
	Concurrency int `yaml:"concurrency,omitempty"`
}

// siteConf is one Jira site of the config file.
type siteConf struct {
	Name     string `yaml:"name"`
	URL      string `yaml:"url"`
	Email    string `yaml:"email,omitempty"`
	APIToken string `yaml:"api_token,omitempty"`
	PAT      string `yaml:"pat,omitempty"`
	// TokenCmd prints the API token (with email) or PAT (without), so the
	// secret can live in a password manager: `token_cmd: pass show jira`.
	TokenCmd string `yaml:"token_cmd,omitempty"`
	// Team overrides the config's team: for this site.
	Team *next.TeamScope `yaml:"team,omitempty"`

	// credentialsErr says why the site's credentials cannot be had
	// (eachSiteToSync); the sync fails the site without asking Jira.
	credentialsErr error
}

func (s siteConf) jiraConfig() jira.Config {
	return jira.Config{BaseURL: s.URL, Email: s.Email, APIToken: s.APIToken, PAT: s.PAT}
}

func (s siteConf) deployment() string {
	if s.PAT != "" {
		return evidence.DeploymentServer
	}
	return evidence.DeploymentCloud
}

// isCloudURL reports whether a site URL is Jira Cloud's: a site under
// atlassian.net, or Atlassian's API gateway.
func isCloudURL(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	host := strings.ToLower(u.Hostname())
	return strings.HasSuffix(host, ".atlassian.net") || host == "api.atlassian.com"
}

// configPath is where the config file is: --config, $PMFOLIO_CONFIG,
// $XDG_CONFIG_HOME/pmfolio/config.yaml, else ~/.config/pmfolio/config.yaml.
func configPath(flag string, getenv func(string) string) string {
	switch {
	case flag != "":
		return flag
	case getenv("PMFOLIO_CONFIG") != "":
		return getenv("PMFOLIO_CONFIG")
	case getenv("XDG_CONFIG_HOME") != "":
		return filepath.Join(getenv("XDG_CONFIG_HOME"), "pmfolio", "config.yaml")
	}
	return filepath.Join(homeDir(getenv), ".config", "pmfolio", "config.yaml")
}

// dbPath is where the database is: --db, $PMFOLIO_DB, the config file's
// db, $XDG_DATA_HOME/pmfolio/pmfolio.db, else ~/.local/share/pmfolio/pmfolio.db.
func dbPath(flag string, getenv func(string) string, cfg fileConfig) string {
	switch {
	case flag != "":
		return flag
	case getenv("PMFOLIO_DB") != "":
		return getenv("PMFOLIO_DB")
	case cfg.DB != "":
		return cfg.DB
	case getenv("XDG_DATA_HOME") != "":
		return filepath.Join(getenv("XDG_DATA_HOME"), "pmfolio", "pmfolio.db")
	}
	return filepath.Join(homeDir(getenv), ".local", "share", "pmfolio", "pmfolio.db")
}

func homeDir(getenv func(string) string) string {
	if h := getenv("HOME"); h != "" {
		return h
	}
	h, _ := os.UserHomeDir()
	return h
}

// loadConfig reads the config file; a missing file is an empty config when
// the path was not asked for explicitly.
func loadConfig(path string, explicit bool) (fileConfig, error) {
	var cfg fileConfig
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) && !explicit {
		return cfg, nil
	}
	data, readErr := os.ReadFile(path)
	if err = cmp.Or(err, readErr); err != nil {
		ue := cannotRead("config file", path, err)
		ue.Hint = "check the --config path or $PMFOLIO_CONFIG"
		return cfg, ue
	}
	if cfg, err = parseConfig(path, data); err != nil {
		return cfg, err
	}
	for _, s := range cfg.Sites {
		if (s.APIToken != "" || s.PAT != "") && info.Mode().Perm()&0o077 != 0 {
			return cfg, &userError{Kind: kindConfig,
				Message: fmt.Sprintf("config file %s holds a token but others can read it (mode %04o)", path, info.Mode().Perm()),
				Hint:    fmt.Sprintf("run: chmod 600 %s", path)}
		}
	}
	return cfg, nil
}

// fromEnvironment is the environment variable a credential of the site
// comes from, which the file leaves out (sitesToSync), or "".
func (s siteConf) fromEnvironment() string {
	switch {
	case s.APIToken == "" && s.PAT == "" && s.TokenCmd == "" && s.Email != "":
		return "JIRA_API_TOKEN"
	case s.APIToken == "" && s.PAT == "" && s.TokenCmd == "":
		return "JIRA_PAT"
	case s.APIToken != "" && s.Email == "":
		return "JIRA_EMAIL"
	}
	return ""
}

// parseConfig reads the config file's YAML: every key must be one pmfolio
// knows, so that a mistyped one (a token under "api_tokn") is not
// silently ignored; every site needs a URL and a name of its own.
func parseConfig(path string, data []byte) (fileConfig, error) {
	var cfg fileConfig
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&cfg); err != nil && !errors.Is(err, io.EOF) { // io.EOF: an empty file
		var te *yaml.TypeError
		if errors.As(err, &te) && len(te.Errors) > 0 {
			ue := unknownKey(te.Errors[0])
			ue.Message, ue.Err = fmt.Sprintf("config file %s, %s", path, ue.Message), err
			return cfg, ue
		}
		return cfg, &userError{Kind: kindConfig, Message: fmt.Sprintf("config file %s is not valid YAML: %v", path, evidence.OneLine(err.Error())), Err: err}
	}
	named := map[string]int{}
	for i, s := range cfg.Sites {
		if s.URL == "" {
			return cfg, &userError{Kind: kindConfig, Message: fmt.Sprintf("config file %s: site %d has no url", path, i+1)}
		}
		if first, ok := named[s.Name]; ok && s.Name != "" {
			return cfg, &userError{Kind: kindConfig,
				Message: fmt.Sprintf("config file %s: sites %d and %d are both named %q", path, first+1, i+1, s.Name),
				Hint:    "give each site a name of its own: --site and the database tell them apart by it"}
		}
		named[s.Name] = i
	}
	return cfg, nil
}

// unknownField is yaml.v3's words for a key no field takes.
var unknownField = regexp.MustCompile(`^line (\d+): field (.+) not found in type (\S+)$`)

// configKeys are the keys of each type of the config file, by the name
// yaml.v3 gives the type.
var configKeys = map[string][]string{}

func init() {
	for _, v := range []any{fileConfig{}, siteConf{}, next.TeamScope{}} {
		t := reflect.TypeOf(v)
		for i := range t.NumField() {
			if key, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); key != "" && key != "-" {
				configKeys[t.String()] = append(configKeys[t.String()], key)
			}
		}
	}
}

// unknownKey words yaml.v3's complaint about a key as the user's mistake,
// with the key they probably meant and those the place takes.
func unknownKey(problem string) *userError {
	m := unknownField.FindStringSubmatch(problem)
	if m == nil {
		return &userError{Kind: kindConfig, Message: problem}
	}
	known := configKeys[m[3]]
	return &userError{Kind: kindConfig, Message: fmt.Sprintf("line %s: unknown key %q%s", m[1], m[2], rules.Suggest(m[2], known)),
		Hint: "the keys there are " + strings.Join(known, ", ") + " (README.md, \"Config file\")"}
}

// sitesToSync are the sites of the config file, narrowed by --site; with no
// config file, the one site the environment variables describe. Tokens
// left out of the file come from the environment or from token_cmd. It
// fails at the first site whose credentials cannot be had.
func sitesToSync(ctx context.Context, cfg fileConfig, only string, getenv func(string) string) ([]siteConf, error) {
	sites, err := eachSiteToSync(ctx, cfg, only, getenv)
	if err != nil {
		return nil, err
	}
	for _, site := range sites {
		if site.credentialsErr != nil {
			return nil, site.credentialsErr
		}
	}
	return sites, nil
}

// eachSiteToSync is sitesToSync for the sync itself: a site of the config
// file whose credentials cannot be had (a token_cmd that fails under cron's
// PATH, say) comes back with the reason in credentialsErr, so that the
// others are synced and its failure is logged like any other.
func eachSiteToSync(ctx context.Context, cfg fileConfig, only string, getenv func(string) string) ([]siteConf, error) {
	sites, fromFile := slices.Clone(cfg.Sites), len(cfg.Sites) > 0
	if !fromFile {
		// No name: sync names the site after its own URL, which differs
		// from JIRA_URL behind Atlassian's API gateway.
		sites = []siteConf{{URL: getenv("JIRA_URL"), Email: getenv("JIRA_EMAIL"), APIToken: getenv("JIRA_API_TOKEN"), PAT: getenv("JIRA_PAT")}}
	}
	if only != "" {
		// Picked before any credential is looked for: another site's
		// missing token or failing token_cmd is no reason to refuse this
		// one, nor to run that site's command.
		if !fromFile {
			return nil, &userError{Kind: kindNotFound, Message: fmt.Sprintf("--site %s names a site of the config file, and there is no config file", only),
				Hint: "drop --site (JIRA_URL names the one site), or save the site under that name with 'pmfolio init --name " + only + "'"}
		}
		at := slices.IndexFunc(sites, func(s siteConf) bool { return s.Name == only })
		if at < 0 {
			return nil, &userError{Kind: kindNotFound, Message: fmt.Sprintf("no site named %q in the config file", only)}
		}
		sites = []siteConf{sites[at]}
	}
	// Environment variables fill in credentials the file leaves out, so a
	// token can live in the environment rather than on disk; for the site
	// JIRA_URL names, they come before the file's (a rotated token set in
	// the environment is the one used). Never for another site: one
	// employer's token is not sent to another's Jira.
	envSite := envNamedSite(sites, fromFile, getenv)
	for i := range sites {
		if i == envSite {
			if pat := getenv("JIRA_PAT"); pat != "" {
				sites[i].PAT, sites[i].APIToken, sites[i].TokenCmd = pat, "", ""
			} else if token := getenv("JIRA_API_TOKEN"); token != "" {
				sites[i].APIToken, sites[i].PAT, sites[i].TokenCmd = token, "", ""
				sites[i].Email = cmp.Or(getenv("JIRA_EMAIL"), sites[i].Email)
			}
		}
		if sites[i].URL != "" {
			canonical, err := siteURL(sites[i].URL)
			if err != nil {
				setting := "JIRA_URL"
				if fromFile {
					setting = fmt.Sprintf("url: of site %q in the config file", cmp.Or(sites[i].Name, sites[i].URL))
				}
				err := &userError{Kind: kindConfig, Message: fmt.Sprintf("%s %q is not an http(s) URL", setting, sites[i].URL),
					Hint: "give the address you open Jira at, e.g. https://acme.atlassian.net or https://jira.example.com/jira"}
				if !fromFile {
					return nil, err
				}
				sites[i].credentialsErr = err
				continue
			}
			sites[i].URL = canonical
		}
		if sites[i].Email == "" {
			sites[i].Email = getenv("JIRA_EMAIL")
		}
		if sites[i].APIToken == "" && sites[i].PAT == "" && sites[i].TokenCmd != "" {
			if err := sites[i].runTokenCmd(ctx, fmt.Sprintf("token_cmd of site %q in the config file", cmp.Or(sites[i].Name, sites[i].URL))); err != nil {
				sites[i].credentialsErr = err
				continue
			}
		}
		if sites[i].APIToken == "" && sites[i].PAT == "" {
			sites[i].APIToken, sites[i].PAT = getenv("JIRA_API_TOKEN"), getenv("JIRA_PAT")
		}
		// With both kinds of token about (an engineer with a Cloud and a
		// Server site), Jira Cloud takes only the e-mail and API token.
		if sites[i].PAT != "" && sites[i].APIToken != "" && sites[i].Email != "" && isCloudURL(sites[i].URL) {
			sites[i].PAT = ""
		}
		if fromFile {
			if err := sites[i].missingCredentials(); err != nil {
				sites[i].credentialsErr = err
				continue
			}
		}
		if err := sites[i].jiraConfig().Validate(); err != nil {
			err := &userError{Kind: kindConfig, Message: err.Error(),
				Hint: "see README.md, \"Use it on your own Jira\", or run with --config pointing at a config file"}
			if !fromFile {
				return nil, err
			}
			sites[i].credentialsErr = err
		}
	}
	return sites, nil
}

// envNamedSite is the index of the config file's site that JIRA_URL names,
// or -1.
func envNamedSite(sites []siteConf, fromFile bool, getenv func(string) string) int {
	env := getenv("JIRA_URL")
	if !fromFile || env == "" {
		return -1
	}
	if canonical, err := siteURL(env); err == nil {
		env = canonical
	}
	return slices.IndexFunc(sites, func(s siteConf) bool {
		u, err := siteURL(s.URL)
		return err == nil && evidence.SameSiteURL(u, env)
	})
}

// envIgnored says when JIRA_URL is set but names none of the config file's
// sites (the file is used, and JIRA_URL with its credentials is not), and
// what to do; "" when it is not so.
func envIgnored(cfg fileConfig, configFile string, getenv func(string) string) (unused, fix string) {
	if len(cfg.Sites) == 0 || getenv("JIRA_URL") == "" || envNamedSite(cfg.Sites, true, getenv) >= 0 {
		return "", ""
	}
	env, err := siteURL(getenv("JIRA_URL"))
	if err != nil {
		env = "JIRA_URL"
	}
	return fmt.Sprintf("JIRA_URL (%s) is not used: the config file %s names the sites to sync", env, configFile),
		fmt.Sprintf("add it there with 'pmfolio init --url %s', or unset JIRA_URL", env)
}

// missingCredentials says, in the config file's keys and the variables
// that fill them in, what a site of the file lacks; jira.Config.Validate
// words the same for a site the JIRA_* variables alone describe.
func (s siteConf) missingCredentials() error {
	name := cmp.Or(s.Name, s.URL)
	hint := "'pmfolio init --url " + s.URL + "' asks for them, checks them and saves them in the config file"
	switch {
	case s.PAT != "", s.Email != "" && s.APIToken != "":
		return nil
	case s.Email != "":
		return &userError{Kind: kindConfig, Hint: hint,
			Message: fmt.Sprintf("site %q in the config file has an email: but no api_token: or token_cmd:, and JIRA_API_TOKEN is not set", name)}
	case s.APIToken != "":
		return &userError{Kind: kindConfig, Hint: hint,
			Message: fmt.Sprintf("site %q in the config file has an API token but no email: (Jira Cloud needs both), and JIRA_EMAIL is not set", name)}
	}
	return &userError{Kind: kindConfig, Hint: hint,
		Message: fmt.Sprintf("site %q in the config file has no credentials: give email: with api_token: (Jira Cloud) or pat: (Server/Data Center), or token_cmd:; or set JIRA_EMAIL with JIRA_API_TOKEN, or JIRA_PAT", name)}
}

// tokenCmdTimeout is how long a token_cmd may take: time enough to type a
// passphrase at a prompt, and a bound for a cron job whose password
// manager waits for one nobody will type.
var tokenCmdTimeout = 2 * time.Minute

// runTokenCmd runs the site's token_cmd through the shell and takes its
// output as the secret; source names where the command came from. Neither
// the command, which may hold a secret, nor its output appears in an error.
func (s *siteConf) runTokenCmd(ctx context.Context, source string) error {
	shell, flag := "sh", "-c"
	if runtime.GOOS == "windows" {
		shell, flag = "cmd", "/C"
	}
	ctx, cancel := context.WithTimeout(ctx, tokenCmdTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, shell, flag, s.TokenCmd)
	cmd.Stderr = os.Stderr // a password manager may prompt there
	// A child the shell started (gpg behind pass) may hold the output open
	// after the shell is killed: stop waiting for it soon after.
	cmd.WaitDelay = time.Second
	out, err := cmd.Output()
	if ctx.Err() == context.DeadlineExceeded {
		return &userError{Kind: kindConfig, Message: fmt.Sprintf("%s gave no token within %v", source, tokenCmdTimeout),
			Hint: "run the command yourself: it must print the token without waiting for input (in a cron job, unlock your password manager's agent first, or put the token in the file)"}
	}
	if err != nil {
		return &userError{Kind: kindConfig, Message: fmt.Sprintf("%s failed: %v", source, err),
			Hint: "run the command yourself to see why; it must print the token and exit 0"}
	}
	secret := strings.TrimSpace(string(out))
	if secret == "" {
		return &userError{Kind: kindConfig, Message: fmt.Sprintf("%s printed nothing", source),
			Hint: "run the command yourself: it must print the token"}
	}
	if s.Email != "" {
		s.APIToken = secret
	} else {
		s.PAT = secret
	}
	return nil
}
