package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"gopkg.in/yaml.v3"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/jira"
)

// initOptions is everything runInit needs; flags fill it, prompts complete
// it when a person is at the terminal.
type initOptions struct {
	IO          IO
	ConfigPath  string
	Name        string
	URL         string
	Email       string
	TokenCmd    string
	TokenStdin  bool // read the token or PAT from standard input
	Transport   http.RoundTripper
	JiraOptions []jira.Option
}

func newInitCmd(g *globals) *cobra.Command {
	var opts initOptions
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Set up pmfolio for your Jira site and check the credentials",
		Long: `init asks for your Jira site's URL, finds out whether it is Jira Cloud or Server/Data
Center, asks for the matching credentials (an e-mail and API token, or a personal access
token; typed without echo), checks them against Jira, and saves them in the config file
with mode 0600. Run it again to add another site or to replace a token.

Without a terminal it asks nothing: give --url, and --email for Cloud, and the token
through --token-stdin, --token-cmd, or JIRA_API_TOKEN / JIRA_PAT.`,
		Example: `  pmfolio init
  printf '%s' "$TOKEN" | pmfolio init --url https://acme.atlassian.net --email sam@acme.com --token-stdin
  pmfolio init --url https://jira.example.com/jira --token-cmd 'pass show jira/pat'`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.IO = g.io
			opts.ConfigPath = configPath(g.configFlag, g.io.Getenv)
			return runInit(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.URL, "url", "", "your Jira site's URL, e.g. https://acme.atlassian.net")
	f.StringVar(&opts.Email, "email", "", "Jira Cloud: your Atlassian account's e-mail")
	f.BoolVar(&opts.TokenStdin, "token-stdin", false, "read the API token or PAT from standard input")
	f.StringVar(&opts.TokenCmd, "token-cmd", "", "a command that prints the token, e.g. 'pass show jira' (the token is then not stored)")
	f.StringVar(&opts.Name, "name", "", "a short name for the site (default: from its URL)")
	return cmd
}

// prompter asks questions on the terminal, one line each.
type prompter struct {
	io     IO
	reader *bufio.Reader
}

func (p *prompter) ask(question string) (string, error) {
	fmt.Fprint(p.io.ErrOut, question)
	line, err := p.reader.ReadString('\n')
	if err != nil && !(errors.Is(err, io.EOF) && line != "") {
		return "", fmt.Errorf("read answer: %w", err)
	}
	return strings.TrimSpace(line), nil
}

func (p *prompter) secret(question string) (string, error) {
	fmt.Fprint(p.io.ErrOut, question)
	s, err := p.io.ReadSecret()
	if err != nil {
		return "", fmt.Errorf("read secret: %w", err)
	}
	return strings.TrimSpace(s), nil
}

// runInit completes the options (prompting when it may), checks them
// against Jira and saves the site in the config file.
func runInit(ctx context.Context, opts initOptions) error {
	interactive := opts.IO.StdinTTY && opts.IO.ReadSecret != nil && !opts.TokenStdin
	p := &prompter{io: opts.IO, reader: bufio.NewReader(opts.IO.In)}
	var err error
	if opts.URL == "" {
		if !interactive {
			return usageError("init needs --url when it cannot ask (standard input is not a terminal)")
		}
		if opts.URL, err = p.ask("Jira site URL (e.g. https://acme.atlassian.net): "); err != nil {
			return err
		}
	}
	opts.URL = strings.TrimRight(strings.TrimSpace(opts.URL), "/")
	jopts := opts.JiraOptions
	if opts.Transport != nil {
		jopts = append(jopts, jira.WithHTTPTransport(opts.Transport))
	}
	info, err := jira.Probe(ctx, opts.URL, jopts...)
	if err != nil {
		return err
	}
	kind := "Jira Cloud"
	if info.Deployment == evidence.DeploymentServer {
		kind = "Jira Server/Data Center " + info.Version
	}
	fmt.Fprintf(opts.IO.ErrOut, "Found %s at %s.\n", kind, opts.URL)

	site := siteConf{Name: opts.Name, URL: opts.URL, TokenCmd: opts.TokenCmd}
	if info.Deployment == evidence.DeploymentCloud {
		site.Email = opts.Email
		if site.Email == "" && interactive {
			if site.Email, err = p.ask("E-mail of your Atlassian account: "); err != nil {
				return err
			}
		}
		if site.Email == "" {
			return usageError("Jira Cloud needs --email: the e-mail of your Atlassian account")
		}
	}
	secret, err := initSecret(ctx, opts, p, interactive, info.Deployment, &site)
	if err != nil {
		return err
	}
	if info.Deployment == evidence.DeploymentCloud {
		site.APIToken = secret
	} else {
		site.PAT = secret
	}

	client, err := jira.New(site.jiraConfig(), jopts...)
	if err != nil {
		return err
	}
	me, err := client.Myself(ctx)
	if err != nil {
		return err
	}
	if site.Name == "" {
		site.Name = evidence.SiteNameFromURL(client.SiteURL(info))
	}
	if site.TokenCmd != "" {
		site.APIToken, site.PAT = "", "" // the command gives it each time; keep it off disk
	}
	if interactive { // the team whose backlog `pmfolio next` reads (next.go)
		keys, err := p.ask("Your team's Jira project keys, comma-separated (Enter: the projects you worked in lately): ")
		if err != nil && !errors.Is(err, io.EOF) {
			return err
		}
		site.Team = teamFromKeys(keys)
	}
	if err := saveSite(opts.ConfigPath, site); err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.Out, "Signed in to %s as %s. Saved site %q to %s (readable by you only).\n\nNext:\n"+
		"  pmfolio sync                     # pull your activity (the first run reads everything)\n"+
		"  pmfolio export -o portfolio.md   # your portfolio\n"+
		"  pmfolio schedule install         # a quiet nightly sync\n",
		site.Name, me.User.DisplayName, site.Name, opts.ConfigPath)
	return nil
}

// initSecret finds the token or PAT: from token_cmd, standard input, the
// environment, or a prompt without echo.
func initSecret(ctx context.Context, opts initOptions, p *prompter, interactive bool, deployment string, site *siteConf) (string, error) {
	envVar, what := "JIRA_API_TOKEN", "API token (create one at https://id.atlassian.com/manage-profile/security/api-tokens)"
	if deployment == evidence.DeploymentServer {
		envVar, what = "JIRA_PAT", "personal access token (your avatar → Profile → Personal Access Tokens)"
	}
	switch {
	case site.TokenCmd != "":
		if err := site.runTokenCmd(ctx); err != nil {
			return "", err
		}
		return site.APIToken + site.PAT, nil
	case opts.TokenStdin:
		line, err := p.reader.ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return "", fmt.Errorf("read token from standard input: %w", err)
		}
		if strings.TrimSpace(line) == "" {
			return "", usageError("--token-stdin: standard input held no token")
		}
		return strings.TrimSpace(line), nil
	case opts.IO.Getenv(envVar) != "":
		return opts.IO.Getenv(envVar), nil
	case interactive:
		secret, err := p.secret("Your " + what + " (input hidden): ")
		if err != nil {
			return "", err
		}
		if secret == "" {
			return "", usageError("no token given")
		}
		return secret, nil
	}
	return "", usageError("init needs the %s: use --token-stdin, --token-cmd or %s", what, envVar)
}

// saveSite adds the site to the config file, or replaces the site with the
// same name or URL, keeping everything else, and writes the file with mode
// 0600 in a directory only the user can enter.
func saveSite(path string, site siteConf) error {
	var cfg fileConfig
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return fmt.Errorf("read config file: %w", err)
	default:
		if err := yaml.Unmarshal(data, &cfg); err != nil {
			return &userError{Code: exitUsage, Message: fmt.Sprintf("config file %s is not valid YAML; fix or move it first", path)}
		}
	}
	replaced := false
	for i, s := range cfg.Sites {
		if s.Name == site.Name || strings.TrimRight(s.URL, "/") == site.URL {
			cfg.Sites[i], replaced = site, true
			break
		}
	}
	if !replaced {
		cfg.Sites = append(cfg.Sites, site)
	}
	out, err := yaml.Marshal(cfg)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("create config directory: %w", err)
	}
	header := []byte("# pmfolio configuration, written by `pmfolio init`. Holds secrets: keep it mode 0600.\n")
	return writeFileAtomic(path, 0o600, func(w io.Writer) error {
		if _, err := w.Write(header); err != nil {
			return err
		}
		_, err := w.Write(out)
		return err
	})
}
