package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
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
	// onDeployment is told the site's deployment once known, for hints.
	onDeployment func(string)
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
			opts.onDeployment = func(d string) { g.hints.deployment = d }
			g.hints.url = "the URL given to --url"
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

// initTries is how many answers init takes to one question before it gives
// up with the reason the last one was refused.
const initTries = 3

// refuse tells the person at the terminal why an answer did not work, in
// the words the error would end the command with.
func (p *prompter) refuse(err error, hc hintContext) {
	ue := explain(err, hc)
	fmt.Fprintf(p.io.ErrOut, "  %s\n", ue.line())
	if ue.Hint != "" {
		fmt.Fprintf(p.io.ErrOut, "  hint: %s\n", evidence.OneLine(ue.Hint))
	}
}

// askUntil asks until check accepts the answer, saying why each refused
// answer is wrong; after initTries answers it ends with the last reason.
func (p *prompter) askUntil(question string, check func(string) error) (string, error) {
	for try := 1; ; try++ {
		answer, err := p.ask(question)
		if err != nil {
			return "", err
		}
		err = check(answer)
		if err == nil {
			return answer, nil
		}
		if try == initTries {
			return "", err
		}
		p.refuse(err, hintContext{})
	}
}

// siteURL reads a typed site URL (to init, in the config file or in
// JIRA_URL): a bare host gets https://, only http(s) URLs are taken, the
// scheme and host are lower-cased, a query or fragment is dropped, and the
// address of a Jira page copied from the browser (an issue, a board) is cut
// back to its site's.
func siteURL(typed string) (string, error) {
	u := strings.TrimSpace(typed)
	if u == "" {
		return "", usageError("the site's URL is needed, e.g. https://acme.atlassian.net")
	}
	if !strings.Contains(u, "://") {
		u = "https://" + u
	}
	parsed, err := url.Parse(u)
	if err != nil || (parsed.Scheme != "https" && parsed.Scheme != "http") || parsed.Host == "" || parsed.User != nil {
		return "", usageError("%q is not an http(s) URL like https://acme.atlassian.net", typed)
	}
	// One site, however it is written: "HTTPS://Acme.atlassian.net/?x"
	// stored beside https://acme.atlassian.net would count its work twice.
	parsed.Scheme, parsed.Host = strings.ToLower(parsed.Scheme), strings.ToLower(parsed.Host)
	parsed.RawQuery, parsed.Fragment, parsed.RawPath, parsed.ForceQuery = "", "", "", false
	parsed.Path = sitePath(parsed.Path, isCloudURL(u))
	return strings.TrimRight(parsed.String(), "/"), nil
}

// pagePaths start the paths of Jira's web pages and API, which follow the
// site's own path (a Server's context path, such as /jira) in an address
// copied from the browser.
var pagePaths = []string{"/browse/", "/secure/", "/projects/", "/issues/", "/plugins/", "/servicedesk/", "/rest/", "/login.jsp"}

// sitePath is the site's own part of a URL's path: what comes before a
// page's path. On Jira Cloud every page is under /jira/ ("/jira/software/
// projects/OPS/boards/1") and a site has no path of its own.
func sitePath(path string, cloud bool) string {
	if cloud && (path == "/jira" || strings.HasPrefix(path, "/jira/")) {
		return ""
	}
	cut := len(path)
	for _, p := range pagePaths {
		if i := strings.Index(path+"/", p); i >= 0 && i < cut {
			cut = i
		}
	}
	return path[:cut]
}

// runInit completes the options (prompting when it may), checks them
// against Jira and saves the site in the config file. At a terminal a
// refused answer (a URL that is not Jira, a token Jira refuses) is asked
// again with the reason.
func runInit(ctx context.Context, opts initOptions) error {
	// A config file init could not write back is said before any question.
	if _, _, err := readConfigForEdit(opts.ConfigPath); err != nil {
		return err
	}
	interactive := opts.IO.StdinTTY && opts.IO.ReadSecret != nil && !opts.TokenStdin
	p := &prompter{io: opts.IO, reader: bufio.NewReader(opts.IO.In)}
	// A wrong URL should be said at once, not after the retries a sync
	// makes for a flaky network.
	jopts := append([]jira.Option{jira.WithRetryPolicy(jira.RetryPolicy{MaxAttempts: 2})}, opts.JiraOptions...)
	if opts.Transport != nil {
		jopts = append(jopts, jira.WithHTTPTransport(opts.Transport))
	}
	info, err := initProbe(ctx, &opts, p, interactive, jopts)
	if err != nil {
		return err
	}
	if opts.onDeployment != nil {
		opts.onDeployment(info.Deployment)
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
			site.Email, err = p.askUntil("E-mail of your Atlassian account: ", func(a string) error {
				if !strings.Contains(a, "@") {
					return usageError("%q is not an e-mail address: Jira Cloud signs you in with your Atlassian account's e-mail", a)
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		if site.Email == "" {
			return usageError("Jira Cloud needs --email: the e-mail of your Atlassian account")
		}
	}
	var me jira.Me
	var client *jira.Client
	for try := 1; ; try++ {
		secret, source, err := initSecret(ctx, opts, p, interactive, info.Deployment, &site)
		if err != nil {
			return err
		}
		if info.Deployment == evidence.DeploymentCloud {
			site.APIToken = secret
		} else {
			site.PAT = secret
		}
		if client, err = jira.New(site.jiraConfig(), jopts...); err != nil {
			return err
		}
		me, err = client.Myself(ctx)
		if err == nil {
			break
		}
		err = initAuthError(err, info.Deployment, site, source)
		if source != "prompt" || try == initTries {
			return err
		}
		p.refuse(err, hintContext{deployment: info.Deployment})
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
	named := site.Name != ""
	if !named {
		site.Name = evidence.SiteNameFromURL(client.SiteURL(info))
	}
	saved, replaced, err := saveSite(ctx, opts.ConfigPath, site, named)
	if err != nil {
		return err
	}
	site.Name = saved
	if replaced != nil {
		fmt.Fprintf(opts.IO.Out, "Replaced the saved site %q (%s) with this one.\n", replaced.Name, replaced.URL)
	}
	fmt.Fprintf(opts.IO.Out, "Signed in to %s as %s. Saved site %q to %s (readable by you only).\n\nNext:\n"+
		"  pmfolio sync                     # pull your activity (the first run reads everything)\n"+
		"  pmfolio export -o portfolio.md   # your portfolio\n"+
		"  pmfolio schedule install         # a quiet nightly sync\n",
		site.Name, me.User.DisplayName, site.Name, opts.ConfigPath)
	return nil
}

// initProbe finds out what the site is, asking for its URL again at a
// terminal when the answer is not a Jira site. A URL given as a flag is
// not asked again: the flag is what the user meant.
func initProbe(ctx context.Context, opts *initOptions, p *prompter, interactive bool, jopts []jira.Option) (jira.ServerInfo, error) {
	fromFlag := opts.URL != ""
	for try := 1; ; try++ {
		var err error
		if !fromFlag {
			if !interactive {
				return jira.ServerInfo{}, usageError("init needs --url when it cannot ask (standard input is not a terminal)")
			}
			if opts.URL, err = p.askUntil("Jira site URL (e.g. https://acme.atlassian.net): ", func(a string) error {
				_, err := siteURL(a)
				return err
			}); err != nil {
				return jira.ServerInfo{}, err
			}
		}
		if opts.URL, err = siteURL(opts.URL); err != nil {
			return jira.ServerInfo{}, err
		}
		info, err := jira.Probe(ctx, opts.URL, jopts...)
		if err == nil || fromFlag || errors.Is(err, context.Canceled) || try == initTries {
			return info, err
		}
		p.refuse(err, hintContext{url: "the URL"})
	}
}

// initAuthError words a refusal of the credentials init was given, with a
// hint about where they came from and what this kind of site takes.
func initAuthError(err error, deployment string, site siteConf, source string) error {
	var je *jira.Error
	if !errors.As(err, &je) || je.Kind != jira.KindAuth || je.Status == 403 {
		return err
	}
	ue := explain(err, hintContext{deployment: deployment})
	from := map[string]string{"prompt": "the token you typed", "stdin": "the token on standard input",
		"token_cmd": "the token --token-cmd printed", "JIRA_API_TOKEN": "JIRA_API_TOKEN", "JIRA_PAT": "JIRA_PAT"}[source]
	if deployment == evidence.DeploymentServer {
		ue.Hint = "Jira Server/Data Center takes a personal access token (your avatar → Profile → Personal Access Tokens); " +
			"check " + from + ": it may have expired or been revoked"
	} else {
		ue.Hint = "Jira Cloud takes an API token of the account " + site.Email +
			" (create one at https://id.atlassian.com/manage-profile/security/api-tokens); check " + from + " and the e-mail"
	}
	return &userError{Kind: ue.Kind, Message: ue.Message, Hint: ue.Hint, Err: err}
}

// initSecret finds the token or PAT: from token_cmd, standard input, the
// environment, or a prompt without echo; source says which.
func initSecret(ctx context.Context, opts initOptions, p *prompter, interactive bool, deployment string, site *siteConf) (secret, source string, err error) {
	envVar, what := "JIRA_API_TOKEN", "API token (create one at https://id.atlassian.com/manage-profile/security/api-tokens)"
	if deployment == evidence.DeploymentServer {
		envVar, what = "JIRA_PAT", "personal access token (your avatar → Profile → Personal Access Tokens)"
	}
	switch {
	case site.TokenCmd != "":
		if err := site.runTokenCmd(ctx, "--token-cmd"); err != nil {
			return "", "", err
		}
		return site.APIToken + site.PAT, "token_cmd", nil
	case opts.TokenStdin:
		line, err := p.reader.ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return "", "", fmt.Errorf("read token from standard input: %w", err)
		}
		if strings.TrimSpace(line) == "" {
			return "", "", usageError("--token-stdin: standard input held no token")
		}
		return strings.TrimSpace(line), "stdin", nil
	case opts.IO.Getenv(envVar) != "":
		return opts.IO.Getenv(envVar), envVar, nil
	case interactive:
		for try := 1; ; try++ {
			secret, err := p.secret("Your " + what + " (input hidden): ")
			if err != nil {
				return "", "", err
			}
			if secret != "" {
				return secret, "prompt", nil
			}
			if try == initTries {
				return "", "", usageError("no token given")
			}
			fmt.Fprintln(p.io.ErrOut, "  nothing was typed; paste the token, then press Enter")
		}
	}
	return "", "", usageError("init needs the %s: use --token-stdin, --token-cmd or %s", what, envVar)
}

// readConfigForEdit reads the config file init is to change, refusing one
// it could not read back (broken YAML, an unknown key): init says so
// before it asks for anything. A missing file is nil data.
func readConfigForEdit(path string) ([]byte, fileConfig, error) {
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fileConfig{}, nil
	case err != nil:
		return nil, fileConfig{}, cannotRead("config file", path, err)
	}
	cfg, err := parseConfig(path, data)
	if err != nil {
		var ue *userError
		if errors.As(err, &ue) && ue.Hint == "" {
			ue.Hint = "fix it or move it aside, then run 'pmfolio init' again"
		}
		return nil, cfg, err
	}
	return data, cfg, nil
}

// saveSite adds the site to the config file, or replaces the site with the
// same URL (keeping its name unless the user chose one), or the site with
// the same name when the user chose it, and writes the file with mode 0600
// in a directory only the user can enter. The rest of the file, comments
// included, stays as the user wrote it. A second site on the same host
// whose name was only derived from the host gets a name of its own rather
// than replacing the first. It returns the name the site was saved under
// and what it replaced, if anything.
func saveSite(ctx context.Context, path string, site siteConf, named bool) (saved string, replaced *siteConf, err error) {
	data, cfg, err := readConfigForEdit(path)
	if err != nil {
		return "", nil, err
	}
	at := -1
	for i, s := range cfg.Sites {
		if strings.TrimRight(s.URL, "/") == site.URL {
			at = i
			if !named && s.Name != "" {
				site.Name = s.Name // a new token is no reason to rename the site
			}
			break
		}
	}
	if at < 0 {
		for i, s := range cfg.Sites {
			if s.Name == site.Name {
				if named {
					at = i
				} else {
					site.Name = freeSiteName(cfg.Sites, site.Name)
				}
				break
			}
		}
	}
	if at >= 0 {
		replaced = &cfg.Sites[at]
		if site.Team == nil {
			site.Team = cfg.Sites[at].Team // init without a terminal asks none
		}
	}
	out, err := withSite(data, site, at)
	if err != nil {
		return "", nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return "", nil, fmt.Errorf("create config directory: %w", err)
	}
	return site.Name, replaced, writeFileAtomic(ctx, path, 0o600, func(w io.Writer) error {
		_, err := w.Write(out)
		return err
	})
}

// withSite is the config file data with site in place of its site number
// at (from 0), or added when at is -1. It edits the YAML's nodes rather
// than writing the config anew, so that the user's comments and order stay.
func withSite(data []byte, site siteConf, at int) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err // parseConfig read it: cannot happen
	}
	if doc.Kind == 0 {
		doc = yaml.Node{Kind: yaml.DocumentNode,
			HeadComment: "# pmfolio configuration, written by `pmfolio init`. Holds secrets: keep it mode 0600."}
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		doc.Content = []*yaml.Node{{Kind: yaml.MappingNode, Tag: "!!map"}}
	}
	root := doc.Content[0]
	sites := mappingValue(root, "sites")
	if sites == nil {
		sites = &yaml.Node{}
		root.Content = append(root.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "sites"}, sites)
	}
	if sites.Kind != yaml.SequenceNode { // "sites:" with nothing after it
		*sites = yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", HeadComment: sites.HeadComment, LineComment: sites.LineComment}
	}
	node := &yaml.Node{}
	if err := node.Encode(site); err != nil {
		return nil, err
	}
	if at >= 0 {
		keepComments(sites.Content[at], node)
		sites.Content[at] = node
	} else {
		sites.Content = append(sites.Content, node)
	}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	return b.Bytes(), enc.Close()
}

// mappingValue is the value of key in a YAML mapping, or nil.
func mappingValue(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// keepComments gives the mapping to the comments of the one it replaces,
// its own and those of each key both have.
func keepComments(from, to *yaml.Node) {
	to.HeadComment, to.LineComment, to.FootComment = from.HeadComment, from.LineComment, from.FootComment
	for i := 0; i+1 < len(to.Content); i += 2 {
		for j := 0; j+1 < len(from.Content); j += 2 {
			if from.Content[j].Value != to.Content[i].Value {
				continue
			}
			for k := range 2 {
				f, t := from.Content[j+k], to.Content[i+k]
				t.HeadComment, t.LineComment, t.FootComment = f.HeadComment, f.LineComment, f.FootComment
			}
		}
	}
}

// freeSiteName is name with the first suffix -2, -3, … no saved site has.
func freeSiteName(sites []siteConf, name string) string {
	taken := map[string]bool{}
	for _, s := range sites {
		taken[s.Name] = true
	}
	for n := 2; ; n++ {
		if candidate := fmt.Sprintf("%s-%d", name, n); !taken[candidate] {
			return candidate
		}
	}
}
