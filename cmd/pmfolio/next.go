package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"gopkg.in/yaml.v3"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/next"
	"github.com/pmfolio/pmfolio/evidence/sqlite"
	evsync "github.com/pmfolio/pmfolio/evidence/sync"
	"github.com/pmfolio/pmfolio/export"
	"github.com/pmfolio/pmfolio/jira"
)

// The store and the Jira source take part in sync's team phase.
var (
	_ evsync.TeamSink   = (*sqlite.Store)(nil)
	_ evsync.TeamSource = (*jira.Source)(nil)
)

// nextTop is how many opportunities `next` shows without --all.
const nextTop = 10

// nextOptions is everything runNext needs; tests fill it directly.
type nextOptions struct {
	IO         IO
	DBPath     string
	Detectors  next.Config
	All        bool
	Limit      int // 0: nextTop; --all shows every one
	Format     string
	Category   string
	Competency string
	History    bool
	Site       string
}

func newNextCmd(g *globals) *cobra.Command {
	var opts nextOptions
	cmd := &cobra.Command{
		Use:   "next",
		Short: "PM work on your team's backlog that nobody is doing, ranked for you",
		Long: `next looks at your team's backlog (read by sync: the projects, board or JQL under
"team:" in the config file, else the projects you worked in over the last 90 days) for
PM work nobody is doing: stories in the sprint without acceptance criteria or an
estimate, blocked issues nobody has chased, epics without a progress note or a success
metric, resolved incidents without a postmortem, questions nobody answered, untriaged
bugs, work in progress nobody owns or that stopped moving, likely duplicates, and
releases due soon with unowned issues.

Each line says why it is there, what to do, which kind of PM work it shows, and links
to the issue. Work that blocks more of the team ranks higher, and so does work that
builds a competency your portfolio shows little of. When a later sync sees you did it
(your comment or change classifies as that kind of work), it is marked taken, and your
portfolio can say so: see --history. The detectors are described in NEXT.md; tune
them under "next:" in the config file.`,
		Example: `  pmfolio next
  pmfolio next --all --category unblocking
  pmfolio next --competency Communication --format markdown
  pmfolio next --history`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := g.config()
			if err != nil {
				return err
			}
			if opts.Detectors, err = nextConfig(cfg); err != nil {
				return err
			}
			switch opts.Format {
			case "table", "json", "markdown":
			default:
				return usageError("unknown --format %q: use table, json or markdown", opts.Format)
			}
			if opts.Category != "" {
				if _, ok := evidence.CategoryByID(opts.Category); !ok {
					return usageError("unknown category %q", opts.Category)
				}
			}
			if opts.Competency != "" {
				i := slices.IndexFunc(evidence.Competencies, func(c string) bool { return strings.EqualFold(c, opts.Competency) })
				if i < 0 {
					return usageError("unknown competency %q: use one of %s", opts.Competency, strings.Join(evidence.Competencies, ", "))
				}
				opts.Competency = evidence.Competencies[i]
			}
			if cmd.Flags().Changed("limit") && opts.Limit < 1 {
				return usageError("--limit %d: give 1 or more, or --all for every opportunity", opts.Limit)
			}
			opts.IO, opts.DBPath = g.io, g.dbPath(cfg)
			return runNext(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&opts.All, "all", false, "show every opportunity, not only the top 10")
	f.IntVar(&opts.Limit, "limit", 0, "show at most N opportunities (default 10)")
	f.StringVar(&opts.Format, "format", "table", "table, json or markdown")
	f.StringVar(&opts.Category, "category", "", "only work of this category (e.g. unblocking)")
	f.StringVar(&opts.Competency, "competency", "", "only work that builds this competency (e.g. Communication)")
	f.BoolVar(&opts.History, "history", false, "list what was suggested and what you then did")
	f.StringVar(&opts.Site, "site", "", "only this site of the config file")
	return cmd
}

// nextConfig is the detectors in force: next.yaml with the config file's
// next: overrides.
func nextConfig(cfg fileConfig) (next.Config, error) {
	var user []byte
	if !cfg.Next.IsZero() {
		b, err := yaml.Marshal(&cfg.Next)
		if err != nil {
			return next.Config{}, fmt.Errorf("read next: of the config file: %w", err)
		}
		user = b
	}
	c, err := next.Load(user)
	if err != nil {
		return c, &userError{Kind: kindConfig, Message: "config file: " + err.Error(), Err: err,
			Hint: "see NEXT.md for the detectors and their keys"}
	}
	return c, nil
}

// teamScopeOf is the team scope a site's sync reads: the site's own, else
// the config's, else the default (an empty scope).
func teamScopeOf(site siteConf, fallback *next.TeamScope) *next.TeamScope {
	switch {
	case site.Team != nil:
		return site.Team
	case fallback != nil:
		return fallback
	}
	return &next.TeamScope{}
}

// teamSummary is what sync's summary says of the team phase.
func teamSummary(t *evsync.TeamResult) string {
	if t == nil {
		return ""
	}
	if t.Scope.Empty() {
		return "\nteam backlog: no recent activity names your team yet; set team: in the config file"
	}
	what := strings.Join(t.Scope.Projects, ", ")
	if t.Scope.Board != 0 {
		what = strings.TrimPrefix(what+fmt.Sprintf(", board %d", t.Scope.Board), ", ")
	}
	if t.Scope.JQL != "" {
		what = strings.TrimPrefix(what+", your team JQL", ", ")
	}
	line := fmt.Sprintf("\nteam backlog: read %s of %s in %s, %.1f s (see pmfolio next)",
		plural(t.Issues, "issue"), what, plural(t.Requests, "request"), t.Duration.Round(100*time.Millisecond).Seconds())
	if t.Taken > 0 {
		line += fmt.Sprintf("\nyou took %s that pmfolio next suggested (pmfolio next --history)", plural(t.Taken, "task"))
	}
	return line
}

// findOpportunities detects and ranks the PM work on each site's stored
// team backlog, leaving out what the user already took.
func findOpportunities(ctx context.Context, store *sqlite.Store, cfg next.Config, site string, now time.Time) ([]next.Opportunity, error) {
	sites, err := store.Sites(ctx)
	if err != nil {
		return nil, err
	}
	taken := map[string]bool{}
	suggestions, err := store.Suggestions(ctx, site)
	if err != nil {
		return nil, err
	}
	for _, sg := range suggestions {
		if sg.TakenAt != nil {
			taken[sg.ID] = true
		}
	}
	var f evidence.Filter
	if site != "" {
		f.Site = &site
	}
	evs, err := store.Evidence(ctx, f)
	if err != nil {
		return nil, err
	}
	gaps := next.GapsOf(evs)
	var all []next.Opportunity
	for _, s := range sites {
		if site != "" && s.Name != site {
			continue
		}
		issues, err := store.TeamIssues(ctx, s.ID)
		if err != nil {
			return nil, err
		}
		for _, op := range next.Find(cfg, next.Team{Site: s, Issues: issues, Now: now}, gaps) {
			if !taken[op.ID] {
				all = append(all, op)
			}
		}
	}
	slices.SortStableFunc(all, func(a, b next.Opportunity) int {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		}
		return 0
	})
	return all, nil
}

// runNext prints the ranked opportunities (and records them as suggested),
// or with History what was suggested and taken.
func runNext(ctx context.Context, opts nextOptions) error {
	store, err := openExistingStore(ctx, opts.DBPath)
	if err != nil {
		return err
	}
	defer store.Close()
	if opts.Site != "" {
		if err := checkSynced(ctx, store, opts.Site); err != nil {
			return err
		}
	}
	if opts.History {
		suggestions, err := store.Suggestions(ctx, opts.Site)
		if err != nil {
			return err
		}
		return writeHistory(opts.IO.Out, opts.Format, suggestions)
	}
	opps, err := findOpportunities(ctx, store, opts.Detectors, opts.Site, opts.IO.Now())
	if err != nil {
		return err
	}
	opps = slices.DeleteFunc(opps, func(op next.Opportunity) bool {
		cat, _ := evidence.CategoryByID(op.Category)
		return opts.Category != "" && op.Category != opts.Category || opts.Competency != "" && cat.Competency != opts.Competency
	})
	total := len(opps)
	limit := opts.Limit
	if limit <= 0 {
		limit = nextTop
	}
	if !opts.All && len(opps) > limit {
		opps = opps[:limit]
	}
	if err := store.RecordSuggestions(ctx, opps, opts.IO.Now()); err != nil {
		return err
	}
	return writeOpportunities(opts.IO, opts.Format, opps, total)
}

// writeOpportunities renders opportunities in a format.
func writeOpportunities(stdio IO, format string, opps []next.Opportunity, total int) error {
	w := stdio.Out
	switch format {
	case "json":
		if opps == nil {
			opps = []next.Opportunity{}
		}
		return writeJSONValue(w, map[string]any{"opportunities": opps, "total": total})
	case "markdown":
		fmt.Fprintln(w, "# PM work your team needs")
		fmt.Fprintln(w)
		if len(opps) == 0 {
			fmt.Fprintln(w, nothingToDo)
			return nil
		}
		md := export.MarkdownText
		for i, entry := range byIssue(opps) {
			op := entry[0]
			fmt.Fprintf(w, "%d. **[%s](%s)**: %s.\n", i+1, md(op.IssueKey), op.IssueURL, md(op.Action))
			fmt.Fprintf(w, "   - Why: %s.\n", md(strings.Join(append([]string{op.Reason}, op.Why...), "; ")))
			for _, also := range entry[1:] {
				fmt.Fprintf(w, "   - Also: %s (%s).\n", md(also.Action), md(also.Reason))
			}
			fmt.Fprintf(w, "   - Shows: %s.\n", md(strings.Join(showsOf(entry), ", ")))
		}
		if more := moreLine(total, len(opps), "`pmfolio next --all`"); more != "" {
			fmt.Fprintf(w, "\n%s\n", more)
		}
	default:
		if len(opps) == 0 {
			fmt.Fprintln(w, nothingToDo)
			return nil
		}
		bold, dim, reset := "", "", ""
		if stdio.OutTTY {
			bold, dim, reset = "\x1b[1m", "\x1b[2m", "\x1b[0m"
		}
		for i, entry := range byIssue(opps) {
			op := entry[0]
			fmt.Fprintf(w, "%s%2d. %s%s  %s\n", bold, i+1, op.IssueKey, reset, op.Action)
			fmt.Fprintf(w, "    why:   %s\n", strings.Join(append([]string{op.Reason}, op.Why...), "; "))
			for _, also := range entry[1:] {
				fmt.Fprintf(w, "    also:  %s — %s\n", also.Action, also.Reason)
			}
			fmt.Fprintf(w, "    shows: %s  %s%s%s\n", strings.Join(showsOf(entry), ", "), dim, op.IssueURL, reset)
		}
		if more := moreLine(total, len(opps), "pmfolio next --all"); more != "" {
			fmt.Fprintf(w, "\n%s\n", more)
		}
	}
	return nil
}

// nothingToDo is what next says when it finds nothing.
const nothingToDo = "Nothing on your team's backlog needs PM work right now (or sync has not read it yet: run pmfolio sync)."

// byIssue groups suggestions into one entry an issue, at the rank of its
// best suggestion: criteria and an estimate for the same story are one
// refinement.
func byIssue(opps []next.Opportunity) [][]next.Opportunity {
	var entries [][]next.Opportunity
	at := map[string]int{}
	for _, op := range opps {
		key := op.SiteName + "\x00" + op.IssueKey
		if i, ok := at[key]; ok {
			entries[i] = append(entries[i], op)
			continue
		}
		at[key] = len(entries)
		entries = append(entries, []next.Opportunity{op})
	}
	return entries
}

// showsOf names, once each, the categories an entry's suggestions show.
func showsOf(entry []next.Opportunity) []string {
	var shows []string
	for _, op := range entry {
		cat, _ := evidence.CategoryByID(op.Category)
		if show := fmt.Sprintf("%s (%s)", cat.Title, cat.Competency); !slices.Contains(shows, show) {
			shows = append(shows, show)
		}
	}
	return shows
}

// moreLine says how many more suggestions command shows; "" for none.
func moreLine(total, shown int, command string) string {
	switch more := total - shown; {
	case more <= 0:
		return ""
	case more == 1:
		return "1 more suggestion: " + command
	default:
		return fmt.Sprintf("%d more suggestions: %s", more, command)
	}
}

// writeHistory renders what was suggested and what the user then did.
func writeHistory(w io.Writer, format string, suggestions []next.Suggestion) error {
	if format == "json" {
		if suggestions == nil {
			suggestions = []next.Suggestion{}
		}
		taken := 0
		for _, sg := range suggestions {
			if sg.TakenAt != nil {
				taken++
			}
		}
		return writeJSONValue(w, map[string]any{"suggestions": suggestions, "taken": taken})
	}
	if len(suggestions) == 0 {
		fmt.Fprintln(w, "pmfolio next has suggested nothing yet.")
		return nil
	}
	taken := 0
	for _, sg := range suggestions {
		status := "open"
		if sg.TakenAt != nil {
			taken++
			status = "taken " + sg.TakenAt.UTC().Format("2006-01-02") + " (" + sg.EvidenceID + ")"
		}
		if format == "markdown" {
			fmt.Fprintf(w, "- %s [%s](%s): %s. %s, %s.\n", sg.SuggestedAt.UTC().Format("2006-01-02"), sg.IssueKey, sg.IssueURL, sg.Action, sg.Category, status)
			continue
		}
		fmt.Fprintf(w, "%s  %-10s %-28s %-26s %s\n", sg.SuggestedAt.UTC().Format("2006-01-02"), sg.IssueKey, sg.Detector, sg.Category, status)
	}
	fmt.Fprintf(w, "\n%d suggested, %d taken\n", len(suggestions), taken)
	return nil
}

func writeJSONValue(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// demoTeamIssues is how many ordinary issues the demo's team backlog holds
// besides the planted ones.
const demoTeamIssues = 40

// demoNext prints the demo's top three opportunities.
func demoNext(ctx context.Context, stdio IO, dbPath string) error {
	cfg, err := next.Load(nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdio.Out, "\nPM work your team needs next (pmfolio next):\n")
	return runNext(ctx, nextOptions{IO: stdio, DBPath: dbPath, Detectors: cfg, Limit: 3, Format: "table"})
}

// teamFromKeys reads "OPS, pay" as a team scope of project keys; nil for
// none, so the default applies.
func teamFromKeys(keys string) *next.TeamScope {
	var projects []string
	for _, k := range strings.FieldsFunc(keys, func(r rune) bool { return r == ',' || r == ' ' }) {
		projects = append(projects, strings.ToUpper(k))
	}
	if len(projects) == 0 {
		return nil
	}
	return &next.TeamScope{Projects: projects}
}
