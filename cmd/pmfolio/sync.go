package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/next"
	"github.com/pmfolio/pmfolio/evidence/rules"
	"github.com/pmfolio/pmfolio/evidence/sqlite"
	evsync "github.com/pmfolio/pmfolio/evidence/sync"
	"github.com/pmfolio/pmfolio/jira"
)

// syncOptions is everything runSync needs; tests fill it directly.
type syncOptions struct {
	IO        IO
	Sites     []siteConf
	DBPath    string
	Full      bool
	Since     *time.Time
	JQL       string
	Quiet     bool
	DryRun    bool
	Transport http.RoundTripper // nil: the network
	Rules     *rules.RuleSet    // nil: the built-in rules
	// JiraOptions tune the client (tests make retries instant).
	JiraOptions []jira.Option
	// onDeployment is told each site's deployment once known, for error hints.
	onDeployment func(string)
	// Stop, once closed, asks the sync to stop after the current page.
	Stop <-chan struct{}
	// Team is the config's team scope for sites that name none (nil: the
	// projects the user worked in steadily lately).
	Team *next.TeamScope

	// Concurrency is the most requests in flight per site (0: the default).
	Concurrency int
	// NameSites makes a site's error line say which site failed: the config
	// file names several.
	NameSites bool
}

// syncMemoryLimit is the soft limit of a sync's Go heap, unless GOMEMLIMIT
// sets one. Most of the heap is the pages fetched ahead of the commits,
// some 50 MB at four requests in flight, and the collector would let it
// grow to twice that before collecting, past the 150 MB a sync may take
// (BENCHMARKS.md); near the limit it collects sooner instead.
const syncMemoryLimit = 100 << 20

func newSyncCmd(g *globals) *cobra.Command {
	var (
		opts        syncOptions
		since, site string
	)
	cmd := &cobra.Command{
		Use:   "sync",
		Short: "Pull your Jira activity since the last sync into the database",
		Long: `sync asks Jira for the issues you created, changed, commented on or logged work on,
stores them whole, and classifies your activity into PM-work evidence. The first sync
reads everything; later ones read what changed since, so a nightly run is cheap.

Credentials come from the config file or from JIRA_URL with JIRA_EMAIL and
JIRA_API_TOKEN (Jira Cloud) or JIRA_PAT (Server/Data Center). Work is committed page
by page: Ctrl-C stops after the current page and keeps it.`,
		Example: `  JIRA_URL=https://acme.atlassian.net JIRA_EMAIL=sam@acme.com JIRA_API_TOKEN=… pmfolio sync
  pmfolio sync --since 2025-01-01
  pmfolio sync --quiet          # for cron: prints nothing unless it fails
  pmfolio sync --jql 'project = PAY'`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) (err error) {
			if opts.Quiet && opts.DryRun {
				// --quiet promises no output on success, and a dry run's
				// report is all it does: one of the two would be broken.
				return &userError{Kind: kindUsage, Message: "--quiet and --dry-run do not go together: a dry run only prints its report",
					Hint: "drop --quiet to see what a sync would fetch, or --dry-run to sync"}
			}
			g.quiet = opts.Quiet
			if g.io.SetMemoryLimit != nil && g.io.Getenv("GOMEMLIMIT") == "" {
				defer g.io.SetMemoryLimit(g.io.SetMemoryLimit(syncMemoryLimit))
			}
			cfg, err := g.config()
			// A nightly sync that cannot start (a config file others can
			// read, a url: that is no URL) says so in sync.log, where the
			// nightly syncs that did start write how they went.
			started := false
			defer func() {
				if err != nil && !started && !opts.DryRun {
					appendSyncRefused(g.dbPath(cfg), g.io.Now(), err)
				}
			}()
			if err != nil {
				return err
			}
			if opts.Sites, err = eachSiteToSync(cmd.Context(), cfg, site, g.io.Getenv); err != nil {
				return err
			}
			if unused, fix := envIgnored(cfg, g.hints.configFile, g.io.Getenv); unused != "" && !opts.Quiet {
				fmt.Fprintf(g.io.ErrOut, "note: %s; %s\n", unused, fix)
			}
			if since != "" {
				t, err := parseDate(since, g.io.Now())
				if err != nil {
					return err
				}
				if t.After(g.io.Now()) {
					// A typo'd year would sync nothing and exit 0.
					return usageError("--since %s is in the future: give a date before today, or 30d, 12w, 6m, 1y", since)
				}
				opts.Since = &t
			}
			if opts.Rules, err = g.ruleSet(cfg); err != nil {
				return err
			}
			if !cmd.Flags().Changed("concurrency") {
				opts.Concurrency = cfg.Concurrency // 0: the default
			}
			if opts.Concurrency < 0 || (cmd.Flags().Changed("concurrency") && opts.Concurrency < 1) {
				return usageError("--concurrency (or concurrency: in the config file) must be 1 or more, not %d", opts.Concurrency)
			}
			opts.IO, opts.DBPath = g.io, g.dbPath(cfg)
			g.hints.jql = opts.JQL != ""
			opts.onDeployment = func(d string) { g.hints.deployment = d }
			opts.Stop = g.interrupts.stopGracefully()
			opts.Team = cfg.Team
			opts.NameSites = len(cfg.Sites) > 1
			started = true
			_, err = runSync(cmd.Context(), opts)
			return err
		},
	}
	f := cmd.Flags()
	f.BoolVar(&opts.Full, "full", false, "re-pull everything, and remove stored issues Jira says were deleted")
	f.StringVar(&since, "since", "", "fetch only issues updated since this date (YYYY-MM-DD or 30d, 12w, 6m, 1y)")
	f.StringVar(&opts.JQL, "jql", "", "replace the default selection of your issues with this JQL")
	f.BoolVar(&opts.Quiet, "quiet", false, "print nothing on success (for cron); not with --dry-run")
	f.BoolVar(&opts.DryRun, "dry-run", false, "fetch and count, but store nothing (and create no database)")
	f.StringVar(&site, "site", "", "sync only the config file's site with this name")
	f.IntVar(&opts.Concurrency, "concurrency", jira.DefaultConcurrency,
		"most requests in flight at once; Jira's rate limits lower it for a while (config: concurrency)")
	return cmd
}

// runSync syncs each site into the database and prints a summary per site.
// A failing site does not stop the others; the first error is returned.
//
// A dry run creates no database; one that exists it only locks. A sync
// that created the database and failed before storing anything removes it
// again, so that no empty database passes for a synced one.
func runSync(ctx context.Context, opts syncOptions) ([]evsync.Result, error) {
	if opts.Rules == nil {
		opts.Rules = rules.BuiltinRules()
	}
	created, err := newDatabase(opts.DBPath)
	if err != nil {
		return nil, err
	}
	if opts.DryRun && created != nil {
		return syncSites(ctx, nil, opts)
	}
	store, err := sqlite.Open(ctx, opts.DBPath)
	if err != nil {
		return nil, err
	}
	results, err := syncSites(ctx, store, opts)
	if err != nil && created != nil && !errors.Is(err, evidence.ErrLocked) {
		// Best effort: the sync's own error is the one to report.
		created.removeIfUnused(ctx, store)
	}
	store.Close() // again, if removeIfUnused closed it, does no harm
	return results, err
}

// syncSites syncs each site of opts into store (nil: a dry run on no
// database).
func syncSites(ctx context.Context, store *sqlite.Store, opts syncOptions) ([]evsync.Result, error) {
	stop := opts.Stop
	var (
		results []evsync.Result
		failed  siteErrors
	)
	for _, site := range opts.Sites {
		if opts.onDeployment != nil {
			opts.onDeployment(site.deployment())
		}
		var (
			res evsync.Result
			err = site.credentialsErr
		)
		if err == nil {
			res, err = syncOneSite(ctx, store, site, opts, stop)
		}
		if !opts.DryRun {
			if logErr := appendSyncLog(opts.DBPath, opts.IO.Now(), site, res, err); logErr != nil && err == nil {
				err = logErr
			}
		}
		if err != nil {
			if errors.Is(err, evidence.ErrLocked) || errors.Is(err, context.Canceled) {
				return results, err
			}
			if opts.NameSites {
				deployment := res.Site.Deployment
				if deployment == "" {
					deployment = site.deployment()
				}
				err = &siteError{site: siteLabel(site), deployment: deployment, err: err}
			}
			failed = append(failed, err)
			continue
		}
		results = append(results, res)
		if res.Stopped {
			break
		}
	}
	switch len(failed) {
	case 0:
		return results, nil
	case 1:
		return results, failed[0]
	}
	return results, failed
}

// reclassifyIfChanged rebuilds the stored evidence when it comes from other
// rules than those in force (a new pmfolio, an edited rules file), before
// the sync stores anything beside it (evsync.Options.Prepare, under the
// sync lock): the portfolio never mixes two classifications, and a nightly
// sync after an upgrade brings the evidence up to date on its own.
func reclassifyIfChanged(ctx context.Context, store *sqlite.Store, opts syncOptions) error {
	rep, changed, err := store.ReclassifyIfChanged(ctx, classifierOf(opts.Rules))
	if err != nil || !changed || opts.Quiet {
		return err
	}
	fmt.Fprintf(opts.IO.Out, "the rules changed since your evidence was classified (a new pmfolio or rules file): reclassified it, %s (was %d)\n",
		plural(rep.After, "evidence item"), rep.Before)
	return nil
}

func syncOneSite(ctx context.Context, store *sqlite.Store, site siteConf, opts syncOptions, stop <-chan struct{}) (evsync.Result, error) {
	jopts := []jira.Option{jira.WithClock(opts.IO.Now)}
	if opts.Concurrency > 0 {
		jopts = append(jopts, jira.WithConcurrency(opts.Concurrency))
	}
	if opts.IO.IsTTY && !opts.Quiet {
		jopts = append(jopts, jira.WithRetryNotice(retryNotice(opts, site)))
	}
	jopts = append(jopts, opts.JiraOptions...)
	if opts.Transport != nil {
		jopts = append(jopts, jira.WithHTTPTransport(opts.Transport))
	}
	client, err := jira.New(site.jiraConfig(), jopts...)
	if err != nil {
		return evsync.Result{}, err
	}
	var bar *progressBar
	if opts.IO.IsTTY && !opts.Quiet {
		bar = &progressBar{w: opts.IO.ErrOut, label: "syncing " + siteLabel(site), now: opts.IO.Now}
		defer bar.done()
	}
	sopts := evsync.Options{SiteName: site.Name, Full: opts.Full, JQL: opts.JQL, DryRun: opts.DryRun,
		Classify: opts.Rules.Classify, Stop: stop, Now: opts.IO.Now}
	if opts.Since != nil {
		sopts.Since = *opts.Since
	}
	sopts.Team = teamScopeOf(site, opts.Team)
	sopts.Prepare = func(ctx context.Context) error {
		if err := appendSyncStart(opts.DBPath, opts.IO.Now(), site); err != nil {
			return err
		}
		return reclassifyIfChanged(ctx, store, opts)
	}
	if bar != nil {
		sopts.PageProgress, sopts.TeamProgress = bar.pages, bar.team
	}
	var sink evsync.Sink
	if store != nil {
		sink = store
	}
	res, err := evsync.Run(ctx, jira.NewSource(client), sink, sopts)
	if bar != nil {
		bar.done()
	}
	if team := (*evsync.TeamError)(nil); errors.As(err, &team) && !opts.Quiet {
		// The user's own pages are all stored: say so before the error.
		fmt.Fprintln(opts.IO.Out, syncSummary(withoutTeam(res), opts.DryRun))
	}
	if err != nil {
		return res, err
	}
	if !opts.Quiet {
		fmt.Fprintln(opts.IO.Out, syncSummary(res, opts.DryRun))
	}
	return res, nil
}

// siteLabel names a site for the person reading: the config file's name,
// else the one its URL gives.
func siteLabel(site siteConf) string {
	if site.Name != "" {
		return site.Name
	}
	return evidence.SiteNameFromURL(site.URL)
}

// retryNotice says on the terminal, once per site, that Jira answered with
// a server error, or gave no complete answer (a request times out after a
// minute), and the sync is trying again: the retries take a minute to a
// few, which would otherwise pass in silence. Rate limits are not news:
// the sync slows down for them and says so in its time left.
func retryNotice(opts syncOptions, site siteConf) func(jira.Retry) {
	var once sync.Once
	return func(r jira.Retry) {
		if r.Status != 0 && r.Status < 500 {
			return
		}
		once.Do(func() {
			which := ""
			if opts.NameSites {
				which = fmt.Sprintf("site %q: ", siteLabel(site))
			}
			what, how := fmt.Sprintf("Jira answered %d (a server error)", r.Status), "a minute or two"
			if r.Status == 0 {
				what, how = "Jira gave no complete answer", "a few minutes"
			}
			// \r and erase: the line may start where a progress bar is drawn.
			fmt.Fprintf(opts.IO.ErrOut, "\r\033[Kpmfolio: %s%s; trying again for %s (Ctrl-C stops)\n", which, what, how)
		})
	}
}

// withoutTeam is a sync's result without its team phase: the requests
// and time of the user's own sync.
func withoutTeam(r evsync.Result) evsync.Result {
	if t := r.Team; t != nil {
		r.Requests, r.Duration, r.Team = r.Requests-t.Requests, r.Duration-t.Duration, nil
	}
	return r
}

// syncSummary is the one paragraph a sync prints.
func syncSummary(r evsync.Result, dryRun bool) string {
	took := r.Duration.Round(100 * time.Millisecond).Seconds()
	name := r.Site.Name
	if dryRun {
		return fmt.Sprintf("dry run on %s: %s with %s of yours; nothing stored (%s, %.1f s)",
			name, plural(r.Issues, "issue"), plural(r.Activities, "activity"), plural(r.Requests, "request"), took)
	}
	// The team phase's line tells its own requests and time: this one
	// tells the rest, so the two add up to what Jira saw.
	own := withoutTeam(r)
	line := fmt.Sprintf("synced %s from %s, %s, %s in %s, %.1f s",
		plural(r.Issues, "issue"), name, plural(r.NewActivities, "new activity"), plural(r.NewEvidence, "new evidence item"),
		plural(own.Requests, "request"), own.Duration.Round(100*time.Millisecond).Seconds())
	line += teamSummary(r.Team)
	if r.Removed > 0 {
		line += fmt.Sprintf("\nremoved %s that Jira says no longer exist (your notes and exclusions are kept)", plural(r.Removed, "issue"))
	}
	if r.Stopped {
		line += "\nstopped early; what was fetched is saved. Run pmfolio sync again to continue."
	}
	return line
}

// plural writes "1 issue", "2 issues", "3 activities".
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, noun)
	}
	switch {
	case len(noun) > 1 && noun[len(noun)-1] == 'y' && !strings.ContainsRune("aeiou", rune(noun[len(noun)-2])):
		// activity, category; but day, key
		return fmt.Sprintf("%d %sies", n, noun[:len(noun)-1])
	default:
		return fmt.Sprintf("%d %ss", n, noun)
	}
}
