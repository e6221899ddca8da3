package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/sqlite"
	evsync "github.com/pmfolio/pmfolio/evidence/sync"
	"github.com/pmfolio/pmfolio/jira"
)

// Exit codes of interface.md. Only errKinds below uses them: a command
// says what kind of failure it met, never which number to end on.
const (
	exitOK          = 0
	exitFailure     = 1
	exitUsage       = 2
	exitAuth        = 3
	exitUnreachable = 4
	exitLocked      = 5
	exitInterrupted = 130 // 128 + SIGINT, as shells report it
	exitTerminated  = 143 // 128 + SIGTERM
)

// errKind is what kind of failure an error is.
type errKind int

// The kinds of failure. Each has one row in errKinds.
const (
	kindOther       errKind = iota // anything unexpected
	kindUsage                      // the command line cannot work: unknown flag, bad date or format, missing argument
	kindNotFound                   // a name the user typed names nothing: evidence id, category, rule, site
	kindConfig                     // the config file or the rules file cannot be used
	kindAuth                       // Jira refused the credentials or the permission
	kindNetwork                    // Jira cannot be reached, or keeps failing after retries
	kindServerError                // Jira answered with a server error (5xx), also when retried
	kindThrottled                  // Jira still answered 429 after the waits it asked for
	kindLocked                     // another sync holds the database
	kindData                       // what is stored cannot serve the command (no database, a broken one)
	kindNotJira                    // Jira answered with something that is not its REST API
	kindRejected                   // Jira rejected the request itself (bad JQL, say)
	kindDeclined                   // the user answered no to a question
	kindInterrupted                // SIGINT (Ctrl-C)
	kindTerminated                 // SIGTERM
)

// errKinds is the one table that says, for each kind of failure, the exit
// code it ends on and the form of its one line ("%s" is the message).
var errKinds = [...]struct {
	code int
	form string
}{
	kindOther:       {exitFailure, "%s"},
	kindUsage:       {exitUsage, "%s"},
	kindNotFound:    {exitUsage, "%s"},
	kindConfig:      {exitUsage, "%s"},
	kindAuth:        {exitAuth, "%s"},
	kindNetwork:     {exitUnreachable, "cannot reach Jira: %s"},
	kindServerError: {exitUnreachable, "Jira answered with a server error: %s"},
	kindThrottled:   {exitUnreachable, "Jira is still rate-limiting: %s"},
	kindLocked:      {exitLocked, "%s"},
	kindData:        {exitFailure, "%s"},
	kindNotJira:     {exitFailure, "this does not look like Jira's REST API: %s"},
	kindRejected:    {exitFailure, "Jira rejected the request: %s"},
	kindDeclined:    {exitFailure, "%s"},
	kindInterrupted: {exitInterrupted, "interrupted"},
	kindTerminated:  {exitTerminated, "interrupted"},
}

// code is the exit code of the kind.
func (k errKind) code() int { return errKinds[k].code }

// userError is a failure of a known kind with the words to show.
type userError struct {
	Kind    errKind
	Message string
	Hint    string
	Err     error
	// Site is the config file's name of the site that failed, when the
	// line must say which (the file names several).
	Site string
	// Whole says Message is the whole line, which the kind's form would
	// garble: the kind only gives the exit code (doctor's summary).
	Whole bool
}

func (e *userError) Error() string { return e.Message }
func (e *userError) Unwrap() error { return e.Err }

// line is the one line the user reads, without the "pmfolio: " prefix.
func (e *userError) line() string {
	form := errKinds[e.Kind].form
	if e.Whole {
		form = "%s"
	}
	line := form
	if strings.Contains(form, "%s") {
		line = fmt.Sprintf(form, evidence.OneLine(e.Message))
	}
	if e.Site != "" {
		line = fmt.Sprintf("site %q: %s", e.Site, line)
	}
	return line
}

// siteError is the failure of one of the several sites of the config
// file: its line names the site, and its hint that site's settings.
type siteError struct {
	site       string // the config file's name of the site
	deployment string // evidence.DeploymentCloud or DeploymentServer
	err        error
}

func (e *siteError) Error() string { return fmt.Sprintf("site %q: %v", e.site, e.err) }
func (e *siteError) Unwrap() error { return e.err }

// siteErrors are the failures of several of the config file's sites, in
// the file's order: each gets its own line, and the first the exit code.
type siteErrors []error

func (e siteErrors) Error() string   { return errors.Join(e...).Error() }
func (e siteErrors) Unwrap() []error { return e }

func usageError(format string, args ...any) error {
	return &userError{Kind: kindUsage, Message: fmt.Sprintf(format, args...)}
}

// hintContext is what the hints of an error depend on: the kind of Jira
// and where the credentials came from, so a hint names what the user has.
type hintContext struct {
	// deployment of the site being talked to, once known.
	deployment string
	// configFile is the config file the site came from; empty when the
	// JIRA_* environment variables describe it.
	configFile string
	// site is the config file's name for the site.
	site string
	// url names where the site's URL came from, when neither the config
	// file nor JIRA_URL (init: the URL typed or given).
	url string
	// jql says the selection is the user's own --jql.
	jql bool
}

// report prints err as one "pmfolio: …" line plus a hint line, and returns
// the exit code for it. Cron mail under --quiet gets one line, the hint at
// its end.
func report(w io.Writer, err error, hc hintContext, quiet bool) int {
	if err == nil {
		return exitOK
	}
	if sites := (siteErrors)(nil); errors.As(err, &sites) {
		code := exitOK
		for _, err := range sites {
			if c := report(w, err, hc, quiet); code == exitOK {
				code = c
			}
		}
		return code
	}
	ue := explain(err, hc)
	switch {
	case ue.Hint == "":
		fmt.Fprintf(w, "pmfolio: %s\n", ue.line())
	case quiet:
		// One line for cron's mail, and still the fix: "chmod 600 …".
		fmt.Fprintf(w, "pmfolio: %s (hint: %s)\n", ue.line(), evidence.OneLine(ue.Hint))
	default:
		fmt.Fprintf(w, "pmfolio: %s\nhint: %s\n", ue.line(), evidence.OneLine(ue.Hint))
	}
	return ue.Kind.code()
}

// jiraKinds says which kind of failure each kind of Jira error is.
var jiraKinds = map[jira.Kind]errKind{
	jira.KindAuth:        kindAuth,
	jira.KindUnreachable: kindNetwork,
	jira.KindConfig:      kindUsage,
	jira.KindNotFound:    kindNotJira,
	jira.KindProtocol:    kindNotJira,
	jira.KindGone:        kindNotJira,
	jira.KindRequest:     kindRejected,
}

// explain gives any error its kind and words: the one place that knows
// which failure is which kind.
func explain(err error, hc hintContext) *userError {
	var se *siteError
	if errors.As(err, &se) {
		hc.site, hc.deployment = se.site, se.deployment
		named := *explain(se.err, hc) // a copy: se.err may be a shared *userError
		named.Site = se.site
		return &named
	}
	var ue *userError
	if errors.As(err, &ue) {
		return ue
	}
	var team *evsync.TeamError
	if errors.As(err, &team) {
		return explainTeam(team, hc)
	}
	var refusal *sqlite.Refusal
	if errors.As(err, &refusal) {
		return explainRefusal(refusal)
	}
	if errors.Is(err, evidence.ErrLocked) {
		return &userError{Kind: kindLocked, Message: "another pmfolio sync is running on this database", Err: err,
			Hint: "wait for it to finish; cron runs should be at least a few minutes apart"}
	}
	if errors.Is(err, context.Canceled) {
		return &userError{Kind: kindInterrupted, Err: err}
	}
	if sqlite.DiskFull(err) {
		// Each page is committed whole or not at all: what was stored
		// before the disk filled up is kept, and the next sync goes on.
		return &userError{Kind: kindOther, Message: "the disk that holds the database is full", Err: err,
			Hint: "free some space on the disk that holds the database (df -h shows it), then run the command again; a sync keeps every page it stored and continues from there"}
	}
	var je *jira.Error
	if errors.As(err, &je) {
		kind, ok := jiraKinds[je.Kind]
		if !ok {
			kind = kindOther
		}
		out := &userError{Kind: kind, Message: err.Error(), Err: err}
		switch kind {
		case kindAuth:
			out.Message = fmt.Sprintf("Jira refused the credentials (%d)", je.Status)
			if je.Message != "" {
				out.Message += ": " + je.Message
			}
			out.Hint = authHint(je.Status, hc)
			if je.Status == http.StatusUnauthorized && je.Deployment != "" && hc.deployment != "" && je.Deployment != hc.deployment {
				out.Hint = tokenKindHint(je.Deployment, hc)
			}
		case kindNetwork:
			// Jira answered, so the network reached it: say what it answered.
			switch {
			case je.Status >= 500:
				out.Kind = kindServerError
				out.Hint = "the site failed on its side, not your network or settings: try again later; " +
					"if it goes on, check the site's status page or tell its administrators"
			case je.Status == http.StatusTooManyRequests:
				out.Kind = kindThrottled
				out.Hint = "try again later; 'pmfolio sync --concurrency 1' (concurrency: 1 in the config file) asks for less at once"
			default:
				out.Hint = "check " + urlSetting(hc) + ", your network or VPN; if Jira is rate-limiting or down, try again later"
			}
		case kindNotJira:
			out.Hint = "check " + urlSetting(hc) + ": it must be the site's base URL, including a context path such as /jira if the site has one"
		case kindRejected:
			out.Hint = "if you passed --jql, check it in Jira's issue search first"
			if hc.jql {
				// The user's own query: bad usage, not a failure of pmfolio's.
				out.Kind, out.Hint = kindUsage, "check --jql in Jira's issue search first; it must select issues, without ORDER BY"
			}
		}
		return out
	}
	return &userError{Kind: kindOther, Message: err.Error(), Err: err}
}

// explainTeam words a failure of the team phase as that, not as the
// sync's: the user's own pages were all stored, and what Jira refused is
// the team's backlog, which the config file's team: names.
func explainTeam(team *evsync.TeamError, hc hintContext) *userError {
	out := *explain(team.Err, hc) // a copy: team.Err may be a shared *userError
	out.Message, out.Err = "team backlog: "+out.Message, team
	var je *jira.Error
	if out.Kind == kindAuth && errors.As(team.Err, &je) && je.Status == http.StatusForbidden {
		out.Hint = "your own activity is synced; the account may not browse a project of your team: " +
			"change team: in the config file, or switch the team phase off with team: {off: true} (NEXT.md)"
	}
	return &out
}

// explainRefusal says why the database cannot be used and what to do,
// which differs with the reason. Each leaves the file as it was.
func explainRefusal(r *sqlite.Refusal) *userError {
	ue := &userError{Kind: kindData, Err: r}
	switch {
	case errors.Is(r, sqlite.ErrNoDatabase):
		ue.Message = fmt.Sprintf("no database at %s yet", r.Path)
		ue.Hint = "run 'pmfolio sync' first, or 'pmfolio demo' to try the sample site"
	case errors.Is(r, sqlite.ErrFolder):
		ue.Message = fmt.Sprintf("the database path %s is a folder, not a file", r.Path)
		ue.Hint = fmt.Sprintf("point --db (or PMFOLIO_DB, or db: in the config file) at a file, e.g. %s", filepath.Join(r.Path, "pmfolio.db"))
	case errors.Is(r, sqlite.ErrNotPmfolio):
		ue.Message = fmt.Sprintf("%s is not a pmfolio database", r.Path)
		if r.Detail != "" {
			ue.Message += fmt.Sprintf(" (it holds other tables: %s)", r.Detail)
		}
		ue.Hint = "pmfolio leaves it alone: point --db (or PMFOLIO_DB, or db: in the config file) at pmfolio's database, or at a path with no file yet"
	case errors.Is(r, sqlite.ErrNewer):
		ue.Message = fmt.Sprintf("the database at %s was made by a newer pmfolio (it has migration %s)", r.Path, r.Detail)
		ue.Hint = "upgrade pmfolio: go install github.com/pmfolio/pmfolio/cmd/pmfolio@latest"
	case errors.Is(r, sqlite.ErrOlder):
		ue.Message = fmt.Sprintf("the database at %s was made by an older pmfolio and needs upgrading first", r.Path)
		ue.Hint = "run 'pmfolio reclassify' (no network) or 'pmfolio sync' to upgrade it; commands that only read never change it"
	case errors.Is(r, sqlite.ErrReadOnly):
		ue.Message = fmt.Sprintf("the database at %s cannot be written: the file or its folder is read-only", r.Path)
		// The log files SQLite left beside a read-only database take its
		// mode: made writable alone, the database is still refused.
		files := []string{r.Path}
		for _, suffix := range []string{"-wal", "-shm"} {
			if _, err := os.Lstat(r.Path + suffix); err == nil {
				files = append(files, r.Path+suffix)
			}
		}
		ue.Hint = fmt.Sprintf("run: chmod u+w %s %s (commands that only read it, such as export and stats, work as it is)",
			strings.Join(files, " "), filepath.Dir(r.Path))
	default:
		ue.Message = r.Error()
	}
	return ue
}

// exitCode is the exit code err ends a command with.
func exitCode(err error, hc hintContext) int {
	if err == nil {
		return exitOK
	}
	return explain(err, hc).Kind.code()
}

// urlSetting names where the user set the site's URL.
func urlSetting(hc hintContext) string {
	if hc.url != "" {
		return hc.url
	}
	if hc.configFile != "" {
		return "url: of " + hc.siteWords() + " in " + hc.configFile
	}
	return "JIRA_URL"
}

// siteWords names the site for a hint.
func (hc hintContext) siteWords() string {
	if hc.site != "" {
		return "site " + hc.site
	}
	return "the site"
}

// authHint says what to check when Jira refuses the credentials, naming
// the settings the user actually has: the config file or the JIRA_*
// variables, an API token on Cloud or a personal access token on Server
// and Data Center.
// tokenKindHint says that the site, deployment by what it says of itself,
// takes another kind of token than the one given: a personal access token
// sent to Jira Cloud, an e-mail and API token to Data Center.
func tokenKindHint(deployment string, hc hintContext) string {
	if deployment == evidence.DeploymentCloud {
		if hc.configFile != "" {
			return fmt.Sprintf("this site is Jira Cloud, which takes your account's e-mail and an API token, not a personal access token: "+
				"give email: and api_token: (or token_cmd:) for %s in %s; 'pmfolio init' asks for them", hc.siteWords(), hc.configFile)
		}
		return "this site is Jira Cloud, which takes your account's e-mail and an API token, not a personal access token: " +
			"set JIRA_EMAIL and JIRA_API_TOKEN and unset JIRA_PAT"
	}
	if hc.configFile != "" {
		return fmt.Sprintf("this site is Jira Server/Data Center, which takes a personal access token (Profile → Personal Access Tokens), "+
			"not an e-mail and API token: give pat: for %s in %s; 'pmfolio init' asks for it", hc.siteWords(), hc.configFile)
	}
	return "this site is Jira Server/Data Center, which takes a personal access token (Profile → Personal Access Tokens), " +
		"not an e-mail and API token: set JIRA_PAT"
}

func authHint(status int, hc hintContext) string {
	if status == 403 {
		return "the account lacks permission: it needs Browse Projects on the projects you worked in"
	}
	site := hc.siteWords()
	switch {
	case hc.deployment == evidence.DeploymentServer && hc.configFile != "":
		return fmt.Sprintf("check pat: (or token_cmd:) of %s in %s: personal access tokens expire or get revoked "+
			"(Profile → Personal Access Tokens); 'pmfolio init' replaces it", site, hc.configFile)
	case hc.deployment == evidence.DeploymentServer:
		return "check JIRA_PAT: personal access tokens expire or get revoked (Profile → Personal Access Tokens)"
	case hc.deployment == evidence.DeploymentCloud && hc.configFile != "":
		return fmt.Sprintf("check email: and api_token: (or token_cmd:) of %s in %s: the e-mail of your Atlassian account "+
			"and an API token that has not expired; 'pmfolio init' replaces them", site, hc.configFile)
	case hc.deployment == evidence.DeploymentCloud:
		return "check JIRA_EMAIL (your Atlassian account's e-mail) and JIRA_API_TOKEN (it may have expired); " +
			"a scoped token only works with JIRA_URL=https://api.atlassian.com/ex/jira/<cloudId>"
	}
	return "Jira Cloud takes your account's e-mail with an API token; Server and Data Center take a personal access token: check the one your site uses"
}
