package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/sqlite"
	"github.com/pmfolio/pmfolio/jira/jiratest"
)

// demoSiteName names the sample site in the database and exports.
const demoSiteName = "demo"

// demoBullets is how many résumé bullets the demo prints: a taste; the
// command prints more.
const demoBullets = 3

// demoOptions is everything runDemo needs.
type demoOptions struct {
	IO     IO
	Dir    string // where the database and portfolio go; empty: a new temporary directory
	Issues int
	Seed   int64
}

func newDemoCmd(g *globals) *cobra.Command {
	opts := demoOptions{Issues: 200, Seed: 1}
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Run the whole pipeline against a built-in sample Jira site",
		Long: `demo starts a sample Jira Cloud site on 127.0.0.1 (an SRE who has become her team's
unofficial product manager, three projects, about 200 issues), syncs it with the same
code and credential checks a real sync uses (her team's backlog too), classifies the
activity, writes portfolio.md, portfolio.html and portfolio.pdf, and prints the top
résumé bullets and the PM work her team needs next. Nothing leaves your machine. Run
again with the same --dir, it starts the demo database afresh.`,
		Example: `  pmfolio demo
  pmfolio demo --dir ./demo && pmfolio --db ./demo/pmfolio.db export --format json`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.IO = g.io
			return runDemo(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Dir, "dir", "", "directory for the demo database and portfolio (default: a new temporary directory)")
	cmd.Flags().IntVar(&opts.Issues, "issues", opts.Issues, "number of issues on the sample site")
	return cmd
}

// runDemo serves the sample site on loopback and runs sync and export
// against it through the same functions the real commands call.
func runDemo(ctx context.Context, opts demoOptions) error {
	if opts.Issues < 1 {
		return usageError("--issues must be at least 1")
	}
	dir := opts.Dir
	if dir == "" {
		var err error
		if dir, err = os.MkdirTemp("", "pmfolio-demo-"); err != nil {
			return fmt.Errorf("create demo directory: %w", err)
		}
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create demo directory: %w", err)
	}
	// The site is made for the week's start (DemoWeekOf), and read as of
	// then: its team backlog is planted with ages ("asked on Thursday
	// afternoon: one working day ago") that on Saturday's clock would be
	// six working days, and next would chase what was meant to be fresh.
	asOf, started, wall := jiratest.DemoWeekOf(opts.IO.Now()), opts.IO.Now(), opts.IO.Now
	opts.IO.Now = func() time.Time { return asOf.Add(wall().Sub(started)) }
	site := jiratest.DemoSite(jiratest.DemoOptions{
		Deployment: jiratest.DeploymentCloud, Issues: opts.Issues, Seed: opts.Seed, Now: asOf,
		TeamBacklog: true, TeamIssues: demoTeamIssues,
	})
	srv := jiratest.NewServer(site)
	defer srv.Close()

	dbPath := filepath.Join(dir, "pmfolio.db")
	if err := removeOldDemoDatabase(ctx, dbPath); err != nil {
		return err
	}
	out := opts.IO.Out
	fmt.Fprintf(out, "Sample Jira Cloud site as of %s, running at %s\n", asOf.Format("Monday 2 January 2006 15:04 MST"), srv.URL())
	results, err := runSync(ctx, syncOptions{
		IO:     opts.IO,
		Sites:  []siteConf{{Name: demoSiteName, URL: srv.URL(), Email: jiratest.DemoEmail, APIToken: jiratest.DemoAPIToken}},
		DBPath: dbPath,
	})
	if err != nil {
		return err
	}
	if len(results) == 0 || results[0].Stopped {
		return nil
	}
	portfolio := filepath.Join(dir, "portfolio.md")
	page := filepath.Join(dir, "portfolio.html")
	pdf := filepath.Join(dir, "portfolio.pdf")
	in := portfolioInput{IO: opts.IO, DBPath: dbPath}
	quiet := in
	quiet.IO.ErrOut = io.Discard // the outcome lint is said once, by the first export
	for _, o := range []exportOptions{
		{portfolioInput: in, Format: "markdown", Output: portfolio},
		{portfolioInput: quiet, Format: "html", Output: page},
		{portfolioInput: quiet, Format: "pdf", Output: pdf},
	} {
		if err := runExport(ctx, o); err != nil {
			return err
		}
	}
	summary, err := demoSummary(ctx, dbPath, results[0].Site.User.DisplayName)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "%s\n\nTop résumé bullets (pmfolio bullets):\n", summary)
	if err := runBullets(ctx, bulletsOptions{portfolioInput: in, Top: demoBullets}); err != nil {
		return err
	}
	if err := demoNext(ctx, opts.IO, dbPath); err != nil {
		return err
	}
	fmt.Fprintf(out, "\nPortfolio: %s (two-page brief; add --full for every item)\nPDF:       %s\nWeb page:  %s\nDatabase:  %s\n",
		portfolio, pdf, page, dbPath)
	fmt.Fprintf(out, "Next: pmfolio --db %s export --format json\n", shellQuote(dbPath))
	fmt.Fprintf(out, "      pmfolio --db %s stories\n", shellQuote(dbPath))
	fmt.Fprintf(out, "      pmfolio --db %s next --all\n", shellQuote(dbPath))
	return nil
}

// removeOldDemoDatabase deletes the database an earlier demo left in the
// directory: each demo serves its site on a new port, which is a new site to
// the store, so reusing the database would count everything twice. A
// database that holds anything but demo sites is refused, never deleted.
func removeOldDemoDatabase(ctx context.Context, dbPath string) error {
	if _, err := os.Stat(dbPath); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	store, err := sqlite.Open(ctx, dbPath)
	if err != nil {
		return err
	}
	sites, err := store.Sites(ctx)
	store.Close()
	if err != nil {
		return err
	}
	for _, s := range sites {
		if !isDemoSite(s) {
			return &userError{Kind: kindUsage, Message: fmt.Sprintf("%s holds real Jira data, not an earlier demo", dbPath),
				Hint: "give pmfolio demo another --dir"}
		}
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := os.Remove(dbPath + suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("remove the earlier demo database: %w", err)
		}
	}
	return nil
}

// isDemoSite says a stored site is one the demo served.
func isDemoSite(s evidence.Site) bool {
	return s.Name == demoSiteName && strings.HasPrefix(s.URL, "http://127.0.0.1:")
}

// demoSummary is the line that tells what the demo found, e.g. "412
// activities, 187 evidence items in 11 categories".
func demoSummary(ctx context.Context, dbPath, who string) (string, error) {
	store, err := sqlite.Open(ctx, dbPath)
	if err != nil {
		return "", err
	}
	defer store.Close()
	st, err := store.Stats(ctx, "")
	if err != nil {
		return "", err
	}
	activities, items := 0, 0
	for _, n := range st.Activities {
		activities += n
	}
	for _, n := range st.Evidence {
		items += n
	}
	return fmt.Sprintf("%s: %s, %s in %s", who, plural(activities, "activity"),
		plural(items, "evidence item"), plural(len(st.Evidence), "category")), nil
}

// shellQuote quotes a path for copy-pasting into a shell when it needs it.
func shellQuote(s string) string {
	if strings.ContainsAny(s, " \t'\"$`\\!*?[]{}()<>|&;#~") {
		return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
	}
	return s
}
