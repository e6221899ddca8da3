package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"net/http"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/rules"
	"github.com/pmfolio/pmfolio/evidence/sqlite"
	"github.com/pmfolio/pmfolio/jira"
)

// doctorOptions is everything runDoctor needs.
type doctorOptions struct {
	IO          IO
	ConfigPath  string
	ConfigFlag  bool // the path was asked for explicitly
	DBPath      string
	Getenv      func(string) string
	Transport   http.RoundTripper
	JiraOptions []jira.Option
	// Rules loads the rules in force (nil: the built-in ones).
	Rules func() (*rules.RuleSet, error)
}

func newDoctorCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "doctor",
		Short: "Check the configuration, credentials, Jira and the database, with a fix for each problem",
		Long: `doctor checks, one line each: the config file and its permissions, the credentials,
that each Jira site is reachable and what it is, that the selection of your issues finds
some, which custom fields were found, the rules in force, the database's integrity and
whether its evidence comes from those rules, and the last sync. Every
failed check says how to fix it. The exit code is that of the first failure.`,
		Example: `  pmfolio doctor`,
		Args:    usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := configPath(g.configFlag, g.io.Getenv)
			cfg, _ := loadConfig(path, false) // doctor reports a bad config itself
			return runDoctor(cmd.Context(), doctorOptions{
				IO: g.io, ConfigPath: path, ConfigFlag: g.configFlag != "" || g.io.Getenv("PMFOLIO_CONFIG") != "",
				DBPath: g.dbPath(cfg), Getenv: g.io.Getenv,
				Rules: func() (*rules.RuleSet, error) { return g.ruleSet(cfg) },
			})
		},
	}
}

// checkResult is one line of the doctor's report.
type checkResult struct {
	name string
	ok   bool
	// warn marks a failed check of something pmfolio can do without
	// (an optional endpoint): shown, but the doctor's verdict stays ok.
	warn bool
	// note marks a fact shown beside the checks (the last line of
	// sync.log), not a check: it is neither ok nor failed. Under a FAIL for
	// a killed sync, its start line shown as "ok" would contradict it.
	note   bool
	detail string
	fix    string
	kind   errKind // the kind of failure, which decides the exit code
}

// doctor collects check results and prints each as it comes.
type doctor struct {
	io      IO
	failure *checkResult
	// configFile is the config file the sites come from, for hints;
	// empty when the JIRA_* variables describe the site.
	configFile string
}

func (d *doctor) report(c checkResult) {
	state := "ok  "
	switch {
	case c.note:
		state = "note"
	case c.ok:
	case c.warn:
		state = "warn"
	default:
		state = "FAIL"
		if d.failure == nil {
			d.failure = &c
		}
	}
	fmt.Fprintf(d.io.Out, "%s  %-18s %s\n", state, c.name, evidence.OneLine(c.detail))
	if !c.ok && c.fix != "" {
		fmt.Fprintf(d.io.Out, "      %-18s fix: %s\n", "", evidence.OneLine(c.fix))
	}
}

func (d *doctor) fail(name string, err error, deployment string) {
	d.failSite(name, err, hintContext{deployment: deployment, configFile: d.configFile})
}

// failSite reports a failed check of one site, with hints naming it.
func (d *doctor) failSite(name string, err error, hc hintContext) {
	ue := explain(err, hc)
	d.report(checkResult{name: name, detail: ue.line(), fix: ue.Hint, kind: ue.Kind})
}

func runDoctor(ctx context.Context, opts doctorOptions) error {
	d := &doctor{io: opts.IO}
	cfg, configOK := d.checkConfig(opts)
	if configOK {
		if len(cfg.Sites) > 0 {
			d.configFile = opts.ConfigPath
		}
		if unused, fix := envIgnored(cfg, opts.ConfigPath, opts.Getenv); unused != "" {
			d.report(checkResult{name: "environment", warn: true, detail: unused, fix: fix})
		}
		sites, err := sitesToSync(ctx, cfg, "", opts.Getenv)
		if err != nil {
			d.fail("credentials", err, "")
		} else {
			for _, site := range sites {
				d.checkSite(ctx, opts, site)
			}
		}
	}
	rs := d.checkRules(opts)
	d.checkDatabase(ctx, opts.DBPath, rs, configuredSites(cfg))
	if d.failure != nil {
		return &userError{Kind: d.failure.kind, Message: fmt.Sprintf("doctor found a problem: %s", d.failure.name), Whole: true}
	}
	return nil
}

func (d *doctor) checkConfig(opts doctorOptions) (fileConfig, bool) {
	info, statErr := os.Stat(opts.ConfigPath)
	if errors.Is(statErr, fs.ErrNotExist) && !opts.ConfigFlag {
		if opts.Getenv("JIRA_URL") == "" {
			d.report(checkResult{name: "config", detail: "no config file at " + opts.ConfigPath + " and no JIRA_URL",
				fix: "run 'pmfolio init'", kind: kindConfig})
			return fileConfig{}, false
		}
		d.report(checkResult{name: "config", ok: true, detail: "no config file; using JIRA_URL and the JIRA_* variables"})
		return fileConfig{}, true
	}
	cfg, err := loadConfig(opts.ConfigPath, true)
	if err != nil {
		d.fail("config", err, "")
		return cfg, false
	}
	d.report(checkResult{name: "config", ok: true, detail: fmt.Sprintf("%s (mode %04o, %s)", opts.ConfigPath,
		info.Mode().Perm(), plural(len(cfg.Sites), "site"))})
	return cfg, true
}

// checkSite checks one site: reachable, what it is, credentials, the
// selection and the custom fields.
func (d *doctor) checkSite(ctx context.Context, opts doctorOptions, site siteConf) {
	label := site.Name
	if label == "" {
		label = evidence.SiteNameFromURL(site.URL)
	}
	jopts := append([]jira.Option{jira.WithRetryPolicy(jira.RetryPolicy{MaxAttempts: 1})}, opts.JiraOptions...)
	if opts.Transport != nil {
		jopts = append(jopts, jira.WithHTTPTransport(opts.Transport))
	}
	info, err := jira.Probe(ctx, site.URL, jopts...)
	if err != nil {
		d.failSite(label+": reachable", err, hintContext{deployment: site.deployment(), configFile: d.configFile, site: site.Name})
		return
	}
	kind := "Jira Cloud"
	if info.Deployment == evidence.DeploymentServer {
		kind = "Jira Server/Data Center " + info.Version
	}
	d.report(checkResult{name: label + ": reachable", ok: true, detail: kind + " at " + site.URL})

	client, err := jira.New(site.jiraConfig(), jopts...)
	if err != nil {
		d.failSite(label+": credentials", err, hintContext{deployment: info.Deployment, configFile: d.configFile, site: site.Name})
		return
	}
	me, err := client.Myself(ctx)
	if err != nil {
		d.failSite(label+": credentials", err, hintContext{deployment: info.Deployment, configFile: d.configFile, site: site.Name})
		return
	}
	d.report(checkResult{name: label + ": credentials", ok: true, detail: "signed in as " + me.User.DisplayName})

	n, err := client.CountIssues(ctx, info.Deployment, jira.DefaultSelection(info.Deployment, me))
	switch {
	case err != nil:
		d.failSite(label+": selection", err, hintContext{deployment: info.Deployment, configFile: d.configFile, site: site.Name})
	case n == 0:
		d.report(checkResult{name: label + ": selection", detail: "your selection finds no issues",
			fix: "check that this account is the one you work with, and that it can browse your projects", kind: kindData})
	default:
		d.report(checkResult{name: label + ": selection", ok: true, detail: fmt.Sprintf("finds about %s", plural(n, "issue"))})
	}

	fields, err := client.Fields(ctx)
	if err != nil {
		// Sync reads without the custom fields: their absence hides some
		// work (sprints, estimates) but stops nothing.
		ue := explain(err, hintContext{deployment: info.Deployment, configFile: d.configFile, site: site.Name})
		d.report(checkResult{name: label + ": custom fields", warn: true, detail: "cannot list the fields (" + ue.line() + ")",
			fix: "sync works without them, but sprint and estimate work cannot be seen; ask a Jira admin whether /rest/api/2/field is blocked"})
		return
	}
	d.report(checkResult{name: label + ": custom fields", ok: true, detail: describeFields(fields, info.Deployment)})
}

// describeFields says which Jira Software fields were found; a site without
// them is fine, but its sprint and estimate work cannot be seen.
func describeFields(f jira.Fields, deployment string) string {
	var found, missing []string
	add := func(ok bool, name string) {
		if ok {
			found = append(found, name)
		} else {
			missing = append(missing, name)
		}
	}
	add(f.Sprint != "", "Sprint")
	add(len(f.StoryPoints) > 0, "Story Points")
	if deployment == evidence.DeploymentServer {
		add(f.EpicLink != "", "Epic Link")
	}
	add(f.Flagged != "", "Flagged")
	text := "found " + strings.Join(found, ", ")
	if len(found) == 0 {
		text = "no Jira Software fields found"
	}
	if len(missing) > 0 {
		text += "; not on this site: " + strings.Join(missing, ", ") + " (that work cannot be seen)"
	}
	return text
}

// checkDatabase checks the database's integrity and the last sync.
// checkRules reports the rules in force and returns them; nil when the
// user's rules file is broken.
func (d *doctor) checkRules(opts doctorOptions) *rules.RuleSet {
	rs := rules.BuiltinRules()
	if opts.Rules != nil {
		var err error
		if rs, err = opts.Rules(); err != nil {
			d.fail("rules", err, "")
			return nil
		}
	}
	detail := "built-in"
	if f := rs.UserFile(); f != "" {
		detail += ", with " + f
	}
	if rs.Model() == nil {
		detail += "; text model off"
	}
	d.report(checkResult{name: "rules", ok: true, detail: detail})
	return rs
}

// configuredSites are the names sync logs the config file's sites under;
// nil without a config file, whose one site JIRA_URL names in the
// environment of whichever job ran the sync (cron's may differ from this
// shell's).
func configuredSites(cfg fileConfig) map[string]bool {
	if len(cfg.Sites) == 0 {
		return nil
	}
	names := map[string]bool{}
	for _, s := range cfg.Sites {
		names[siteLabel(s)] = true
	}
	return names
}

// checkDatabase checks the database and, when the rules in force are
// known (rs), that its evidence comes from them, and the last sync of each
// stored site and of each configured one sync.log names.
func (d *doctor) checkDatabase(ctx context.Context, path string, rs *rules.RuleSet, configured map[string]bool) {
	store, err := sqlite.OpenReadOnly(ctx, path)
	var refusal *sqlite.Refusal
	switch {
	case errors.Is(err, sqlite.ErrNoDatabase):
		d.report(checkResult{name: "database", ok: true, detail: "none yet at " + path + "; 'pmfolio sync' creates it"})
		return
	case errors.Is(err, sqlite.ErrOlder):
		ue := explain(err, hintContext{})
		d.report(checkResult{name: "database", warn: true, detail: ue.line(), fix: ue.Hint})
		return
	case errors.As(err, &refusal):
		d.fail("database", err, "")
		return
	case err != nil:
		d.report(checkResult{name: "database", detail: err.Error(), fix: databaseFix, kind: kindData})
		return
	}
	// Read-only opening reads what sync could not write: say so now.
	if w, err := sqlite.OpenExisting(ctx, path); err == nil {
		w.Close()
	} else if errors.Is(err, sqlite.ErrReadOnly) {
		d.fail("database", err, "")
	}
	defer store.Close()
	if err := store.IntegrityCheck(ctx); err != nil {
		d.report(checkResult{name: "database", detail: err.Error(),
			fix: databaseFix, kind: kindData})
		return
	}
	counts, err := store.TableCounts(ctx)
	if err != nil {
		d.fail("database", err, "")
		return
	}
	d.report(checkResult{name: "database", ok: true, detail: fmt.Sprintf("%s: integrity ok, %s, %s", path,
		plural(counts["issues"], "issue"), plural(counts["evidence"], "evidence item"))})
	if rs != nil {
		switch other, err := store.ClassifiedOtherwise(ctx, rs.Identity()); {
		case err != nil:
			d.fail("evidence", err, "")
		case other:
			d.report(checkResult{name: "evidence", warn: true,
				detail: "classified by other rules than those in force (a new pmfolio or rules file)",
				fix:    "run 'pmfolio reclassify' (the next sync does it too)"})
		default:
			d.report(checkResult{name: "evidence", ok: true, detail: "classified by the rules in force"})
		}
	}

	sites, err := store.Sites(ctx)
	if err != nil {
		d.fail("last sync", err, "")
		return
	}
	logged, err := syncLogBySite(path)
	if err != nil {
		d.fail("sync.log", err, "")
	}
	for _, site := range sites {
		run, ok, err := store.LastSyncRun(ctx, site.ID)
		var lastOK time.Time
		if err == nil {
			lastOK, _, err = store.LastCompleteSync(ctx, site.ID)
		}
		// A sync that failed before it reached the database (Jira refused
		// the token, say) is only in sync.log: the newer word is the truth.
		entry, inLog := logged[site.Name]
		delete(logged, site.Name)
		switch {
		case err != nil:
			d.fail(site.Name+": last sync", err, "")
		case inLog && entry.unfinished && (!ok || !entry.at.Before(run.Finished)):
			d.reportUnfinished(site.Name, entry, lastOK)
		case inLog && entry.failed && (!ok || !entry.at.Before(run.Finished)):
			d.reportLoggedFailure(site.Name, entry, lastOK)
		case !ok:
			d.report(checkResult{name: site.Name + ": last sync", ok: true, detail: "never"})
		case run.Result == "failed":
			d.report(checkResult{name: site.Name + ": last sync", detail: fmt.Sprintf("failed %s: %s%s", ago(run.Finished, d.io.Now()), run.Error, d.lastComplete(lastOK)),
				fix: "run 'pmfolio sync' to see the error and its hint", kind: kindData})
		default:
			c := checkResult{name: site.Name + ": last sync", ok: true, detail: fmt.Sprintf("%s %s: %s, %s, %s",
				run.Result, ago(run.Finished, d.io.Now()), plural(run.Issues, "issue"), plural(run.NewEvidence, "new evidence item"),
				plural(run.Requests, "request"))}
			if d.io.Now().Sub(run.Finished) > staleSync {
				// A nightly sync that stopped running (the machine slept,
				// cron lost its line, the job is killed every night) leaves
				// no failure behind: only the age of the last run tells.
				c.ok, c.warn = false, true
				c.fix = "nothing has synced since: run 'pmfolio sync'; 'pmfolio schedule status' says whether a nightly sync is installed"
			}
			d.report(c)
		}
	}
	// A site logged that is neither stored nor in the config file any
	// more (a name mistyped once, then put right) has nothing left to
	// check.
	for _, name := range slices.Sorted(maps.Keys(logged)) {
		if name == refusedSync || configured != nil && !configured[name] {
			continue
		}
		switch entry := logged[name]; {
		case entry.unfinished:
			d.reportUnfinished(name, entry, time.Time{})
		case entry.failed:
			d.reportLoggedFailure(name, entry, time.Time{})
		}
	}
	if line, err := lastSyncLogLine(path); err == nil && line != "" {
		d.report(checkResult{name: "sync.log", note: true, detail: line})
	}
}

// ago says how long before now t was, roughly.
func ago(t, now time.Time) string {
	d := now.Sub(t)
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return plural(int(d.Minutes()), "minute") + " ago"
	case d < 48*time.Hour:
		return plural(int(d.Hours()), "hour") + " ago"
	}
	return plural(int(d.Hours()/24), "day") + " ago"
}

// databaseFix is the fix of a database pmfolio cannot read: a sync remakes
// what came from Jira, not the user's curation, outcomes and items added
// by hand, which only the old file or a backup holds.
const databaseFix = "restore a backup, or move the file aside and run 'pmfolio sync --full' (your exclusions, notes, outcomes and items added by hand live in it: keep the old file)"

// staleSync is how old the last sync may be before doctor warns that
// nothing syncs: a week, a nightly job's seven missed runs.
const staleSync = 7 * 24 * time.Hour

// reportLoggedFailure reports a site's last sync as failed, from sync.log;
// lastOK is when its last complete sync finished (zero: none, or unknown).
func (d *doctor) reportLoggedFailure(name string, entry syncLogEntry, lastOK time.Time) {
	d.report(checkResult{name: name + ": last sync", detail: fmt.Sprintf("failed %s: %s%s", ago(entry.at, d.io.Now()), entry.error, d.lastComplete(lastOK)),
		fix: "run 'pmfolio sync' to see the error and its hint", kind: kindData})
}

// reportUnfinished reports a site's last sync as one that logged its start
// and no end (see syncLogBySite): fine while it runs, a failure once it is
// known to have died; lastOK is as for reportLoggedFailure.
func (d *doctor) reportUnfinished(name string, entry syncLogEntry, lastOK time.Time) {
	c := checkResult{name: name + ": last sync", ok: entry.running, detail: entry.unfinishedText(d.io.Now()) + d.lastComplete(lastOK)}
	if !entry.running {
		c.fix, c.kind = "run 'pmfolio sync' to finish its work; if syncs keep dying, the system log says why (an out-of-memory kill, a time limit on the job)", kindData
	}
	d.report(c)
}

// lastComplete says, after a failed sync, how long ago the last complete
// one finished: a nightly job may have failed every night since.
func (d *doctor) lastComplete(at time.Time) string {
	if at.IsZero() {
		return ""
	}
	return "; last complete sync " + ago(at, d.io.Now())
}
