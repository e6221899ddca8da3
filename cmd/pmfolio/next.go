package main

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"gopkg.in/yaml.v3"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/next"
	"github.com/pmfolio/pmfolio/evidence/rules"
	"github.com/pmfolio/pmfolio/evidence/sqlite"
	evsync "github.com/pmfolio/pmfolio/evidence/sync"
	"github.com/pmfolio/pmfolio/export"
	"github.com/pmfolio/pmfolio/jira"
	"github.com/pmfolio/pmfolio/jira/jiratest"
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
	// Command is the command line that shows these suggestions again, for
	// "N more: … --all"; "" for pmfolio next.
	Command string
	// Unfiltered is Command without --category and --competency, for "N
	// issues without it" when they leave nothing; "" for pmfolio next.
	Unfiltered string
}

// nextCommand is the command line of a next command without --limit and
// --format: what shows the same suggestions, from the same database and
// config file, so that it can be copied. Without filters, it leaves out
// --category and --competency, and keeps the rest.
func nextCommand(cmd *cobra.Command, filters bool) string {
	line := "pmfolio"
	for _, name := range []string{"db", "config"} {
		if f := cmd.Flags().Lookup(name); f != nil && f.Changed {
			line += " --" + name + " " + shellQuote(f.Value.String())
		}
	}
	line += " next"
	for _, name := range []string{"category", "competency", "site"} {
		if name != "site" && !filters {
			continue
		}
		if f := cmd.Flags().Lookup(name); f != nil && f.Changed {
			line += " --" + name + " " + shellQuote(f.Value.String())
		}
	}
	return line
}

func newNextCmd(g *globals) *cobra.Command {
	var opts nextOptions
	cmd := &cobra.Command{
		Use:   "next",
		Short: "PM work on your team's backlog that nobody is doing, ranked for you",
		Long: `next looks at your team's backlog (read by sync: the projects, board or JQL under
"team:" in the config file, else the projects you worked in steadily over the last 90
days) for PM work nobody is doing: stories in the sprint without acceptance criteria or
an estimate, or too large to finish in it, blocked issues nobody has chased and blocks
nobody linked, sprint work waiting on another team that has not planned its blocker,
epics without a progress note or a success metric, done epics with no result written
down, resolved incidents without a postmortem, incidents' follow-ups nobody followed
up, promises to take an issue up that were not kept, closed issues you said to revisit
once something happened that has, dates you told someone that the plan has broken,
questions nobody answered, untriaged bugs, top-priority issues nobody owns or plans
or whose owner went quiet, urgent issues of the sprint nobody has taken in
its last week, sprints past their end nobody closed, work in progress nobody owns, that
stopped moving, that a closed sprint left behind or that someone set aside since, a next
sprint planned beyond what the team finishes, likely duplicates, open issues done as
another, releases due soon with unowned issues, and open issues a release shipped
without.

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
				opts.Category = strings.ToLower(opts.Category)
				if err := checkCategory(evidence.Categories, opts.Category); err != nil {
					return err
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
			if cmd.Flags().Changed("limit") && opts.All {
				return usageError("--all and --limit contradict each other: give one")
			}
			opts.IO, opts.DBPath = g.io, g.dbPath(cfg)
			opts.Command, opts.Unfiltered = nextCommand(cmd, true), nextCommand(cmd, false)
			return runNext(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&opts.All, "all", false, "show every opportunity, not only the top 10")
	f.IntVar(&opts.Limit, "limit", 0, "show at most N opportunities (default 10); with --history, the latest N suggestions")
	f.StringVar(&opts.Format, "format", "table", "table, json or markdown")
	f.StringVar(&opts.Category, "category", "", "only work of this category (e.g. unblocking)")
	f.StringVar(&opts.Competency, "competency", "", "only work that builds this competency (e.g. Communication)")
	f.BoolVar(&opts.History, "history", false, "list what was suggested and what you then did (--category, --competency and --limit apply)")
	f.StringVar(&opts.Site, "site", "", "only this site of the config file")
	cmd.RegisterFlagCompletionFunc("format", completeWords("table", "json", "markdown"))
	ids := make([]string, len(evidence.Categories))
	for i, c := range evidence.Categories {
		ids[i] = c.ID
	}
	cmd.RegisterFlagCompletionFunc("category", completeWords(ids...))
	cmd.RegisterFlagCompletionFunc("competency", completeWords(evidence.Competencies...))
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
	var unknown *next.UnknownError
	switch {
	case errors.As(err, &unknown):
		return c, &userError{Kind: kindConfig, Message: "config file: " + err.Error() + rules.Suggest(unknown.Name, unknown.Known), Err: err,
			Hint: fmt.Sprintf("the %ss there are: %s (NEXT.md)", unknown.What, strings.Join(unknown.Known, ", "))}
	case err != nil:
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
func findOpportunities(ctx context.Context, store *sqlite.Store, cfg next.Config, site string, now time.Time) ([]next.Opportunity, next.Gaps, error) {
	sites, err := store.Sites(ctx)
	if err != nil {
		return nil, nil, err
	}
	taken := map[string]bool{}
	suggestions, err := store.Suggestions(ctx, site)
	if err != nil {
		return nil, nil, err
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
		return nil, nil, err
	}
	gaps := next.GapsOf(evs)
	yourComments, err := store.Activities(ctx, evidence.SourceComment)
	if err != nil {
		return nil, nil, err
	}
	var all []next.Opportunity
	for _, s := range sites {
		if site != "" && s.Name != site {
			continue
		}
		issues, err := store.TeamIssues(ctx, s.ID)
		if err != nil {
			return nil, nil, err
		}
		// The open issues the user filed outside the team's read: a
		// follow-up of their incident in another team's project. Before
		// sync has read the team's backlog there is no outside to it, and
		// next says what to run instead.
		read, err := store.TeamRead(ctx, s.ID)
		if err != nil {
			return nil, nil, err
		}
		var yours []next.TeamIssue
		if read {
			if yours, err = store.YourIssues(ctx, s); err != nil {
				return nil, nil, err
			}
		}
		// People the team's issues mention but do not name are named as
		// the user's own evidence names them.
		names, err := store.Names(ctx, s.ID, next.Mentioned(append(slices.Clip(issues), yours...)))
		if err != nil {
			return nil, nil, err
		}
		people, err := store.People(ctx)
		if err != nil {
			return nil, nil, err
		}
		// The team's read holds no changelog: the fix versions the user
		// set are read from their own.
		versions, err := store.YourVersions(ctx, s.ID)
		if err != nil {
			return nil, nil, err
		}
		// Who moved an issue, and where, likewise.
		moves, err := store.StatusMoves(ctx, s.ID)
		if err != nil {
			return nil, nil, err
		}
		sprintMoves, err := store.SprintMoves(ctx, s.ID)
		if err != nil {
			return nil, nil, err
		}
		rankedLower, err := store.YourRankedLower(ctx, s.ID)
		if err != nil {
			return nil, nil, err
		}
		// What the user closed for a later time, and what that time waits on.
		closed, err := store.YourClosedIssues(ctx, s.ID)
		if err != nil {
			return nil, nil, err
		}
		// Whom the user names, writing of another project, answers for it.
		stored, err := store.StoredIssues(ctx, s.ID)
		if err != nil {
			return nil, nil, err
		}
		synced := withComments(stored, yourComments)
		for _, op := range next.Find(cfg, next.Team{Site: s, Issues: issues, Yours: yours, Synced: synced, Now: now, Names: names, People: people, YourVersions: versions, StatusMoves: moves, SprintMoves: sprintMoves, RankedLower: rankedLower, Closed: closed}, gaps) {
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
	return all, gaps, nil
}

// withComments are a site's synced issues, each with the comments of
// those given that were made on it (the user's own: the store keeps no
// one else's but on the issues next.Team.Yours holds).
func withComments(issues []evidence.Issue, comments []evidence.Activity) []next.TeamIssue {
	at := make(map[string]int, len(issues))
	out := make([]next.TeamIssue, len(issues))
	for i, is := range issues {
		out[i].Issue, at[is.ID] = is, i
	}
	for _, c := range comments {
		if i, ok := at[c.IssueID]; ok {
			out[i].Comments = append(out[i].Comments, evidence.Comment{ID: c.SourceID, Author: c.Author, At: c.At, Text: c.Text})
		}
	}
	return out
}

// backlogClock is the time next reads the team's backlog at: now, or for
// the demo's database, whose site was made for the start of the week
// (jiratest.DemoWeekOf) and is read as of then, that time, so that `next
// --all` after a demo gives the ages the demo's own next gave.
func backlogClock(ctx context.Context, store *sqlite.Store, now time.Time) (time.Time, error) {
	sites, err := store.Sites(ctx)
	if err != nil {
		return time.Time{}, err
	}
	if len(sites) > 0 && !slices.ContainsFunc(sites, func(s evidence.Site) bool { return !isDemoSite(s) }) {
		return jiratest.DemoWeekOf(now), nil
	}
	return now, nil
}

// runNext prints the ranked opportunities (and records them as suggested),
// or with History what was suggested and taken.
func runNext(ctx context.Context, opts nextOptions) error {
	store, err := sqlite.OpenReadOnly(ctx, opts.DBPath)
	if err != nil {
		return err
	}
	defer store.Close()
	if opts.Site != "" {
		if err := checkSynced(ctx, store, opts.Site); err != nil {
			return err
		}
	}
	now, err := backlogClock(ctx, store, opts.IO.Now())
	if err != nil {
		return err
	}
	opps, gaps, err := findOpportunities(ctx, store, opts.Detectors, opts.Site, now)
	if err != nil {
		return err
	}
	pending, err := store.TeamReadsPending(ctx)
	if err != nil {
		return err
	}
	if slices.ContainsFunc(pending, func(name string) bool { return opts.Site == "" || name == opts.Site }) {
		fmt.Fprintln(opts.IO.ErrOut, "note: this pmfolio reads your team's backlog more fully than the one that last read it; run pmfolio sync to read it again (until then, suggestions come from the old read)")
	}
	if opts.History {
		return showHistory(ctx, store, opts, opps)
	}
	unfiltered := len(byIssue(opps))
	opps = slices.DeleteFunc(opps, func(op next.Opportunity) bool { return !opts.wants(op.Category) })
	// A line is an issue, with all its suggestions: --limit counts lines.
	entries := byIssue(opps)
	list := nextList{entries: entries, total: len(entries), gaps: gaps, command: cmp.Or(opts.Command, "pmfolio next"),
		unfiltered: cmp.Or(opts.Unfiltered, "pmfolio next")}
	if len(entries) == 0 && unfiltered > 0 {
		list.elsewhere = unfiltered
	}
	if unfiltered == 0 {
		if list.empty, err = emptyBacklog(ctx, store, opts.Site); err != nil {
			return err
		}
	}
	limit := cmp.Or(opts.Limit, nextTop)
	if !opts.All && len(entries) > limit {
		list.entries = entries[:limit]
	}
	var shown []next.Opportunity
	for _, e := range list.entries {
		shown = append(shown, e...)
	}
	if err := recordSuggestions(ctx, opts.DBPath, shown, now); err != nil {
		return err
	}
	return writeOpportunities(opts.IO, opts.Format, list)
}

// wants reports whether work of a category passes --category and
// --competency.
func (opts nextOptions) wants(category string) bool {
	cat, _ := evidence.CategoryByID(category)
	return (opts.Category == "" || category == opts.Category) && (opts.Competency == "" || cat.Competency == opts.Competency)
}

// showHistory prints what was suggested, of --category and --competency,
// the latest --limit of it: taken, still open, or no longer found by the
// detectors now (current).
func showHistory(ctx context.Context, store *sqlite.Store, opts nextOptions, current []next.Opportunity) error {
	suggestions, err := store.Suggestions(ctx, opts.Site)
	if err != nil {
		return err
	}
	found := map[string]bool{}
	for _, op := range current {
		found[op.ID] = true
	}
	for i := range suggestions {
		suggestions[i].NoLongerApplies = suggestions[i].TakenAt == nil && !found[suggestions[i].ID]
	}
	suggestions = slices.DeleteFunc(suggestions, func(sg next.Suggestion) bool { return !opts.wants(sg.Category) })
	if opts.Limit > 0 && len(suggestions) > opts.Limit {
		suggestions = suggestions[len(suggestions)-opts.Limit:]
	}
	return writeHistory(opts.IO.Out, opts.Format, suggestions)
}

// recordSuggestions keeps what next showed, for --history, in the database
// at path, which next otherwise only reads: a database the user may not
// write is still read, only without the record.
func recordSuggestions(ctx context.Context, path string, shown []next.Opportunity, now time.Time) error {
	store, err := sqlite.OpenExisting(ctx, path)
	if errors.Is(err, sqlite.ErrReadOnly) {
		return nil
	}
	if err != nil {
		return err
	}
	defer store.Close()
	return store.RecordSuggestions(ctx, shown, now)
}

// nextList is what next shows: the entries (one an issue, its suggestions
// best first), how many there are in all, the portfolio's evidence per
// competency, and the command that lists them all.
type nextList struct {
	entries [][]next.Opportunity
	total   int
	gaps    next.Gaps
	command string
	// elsewhere counts the entries a filter left out when it left none.
	elsewhere int
	// unfiltered is the command that lists those: command without the
	// filters.
	unfiltered string
	// empty says why there is nothing at all (emptyBacklog).
	empty string
}

// nextWidth is the widest line of next's table, wrapped by words; a
// narrower terminal narrows it.
const nextWidth = 100

// writeOpportunities renders opportunities in a format.
func writeOpportunities(stdio IO, format string, list nextList) error {
	w := stdio.Out
	if format == "json" {
		opps := []next.Opportunity{}
		for _, e := range list.entries {
			opps = append(opps, e...)
		}
		return writeJSONValue(w, map[string]any{"opportunities": opps, "shown": len(list.entries), "total": list.total})
	}
	md := format == "markdown"
	if md {
		fmt.Fprint(w, "# PM work your team needs\n\n")
	}
	if len(list.entries) == 0 {
		line := cmp.Or(list.empty, nothingToDo)
		if list.elsewhere > 0 {
			command := cmp.Or(list.unfiltered, "pmfolio next")
			if md {
				command = "`" + command + "`"
			}
			line = fmt.Sprintf("Nothing on your team's backlog fits that filter right now; %s without it: %s",
				plural(list.elsewhere, "issue"), command)
		}
		fmt.Fprintln(w, line)
		return nil
	}
	if gap := gapLine(list); gap != "" {
		if md {
			gap = export.MarkdownText(gap)
		} else {
			gap = strings.Join(wrapWords(gap, tableWidth(stdio)), "\n")
		}
		fmt.Fprintf(w, "%s\n\n", gap)
	}
	if md {
		writeNextMarkdown(w, list)
	} else {
		writeNextTable(stdio, list)
	}
	more := list.command + " --all"
	if md {
		more = "`" + more + "`"
	}
	if line := moreLine(list.total, len(list.entries), more); line != "" {
		fmt.Fprintf(w, "\n%s\n", line)
	}
	return nil
}

// gapLine says, once, which competencies raised the rank of the entries
// shown: those the portfolio shows far less of than its strongest one
// (next.Rank's gapShare), never a near tie, and only of an entry in the
// top half of the list, where the order shows the lift; one listed lower
// than work of the strongest would make the line say what the list does
// not (JSON still gives each suggestion's gap). No counts: a competency is
// weighed by its kinds of work (next.GapsOf), not the issues its table
// shows.
func gapLine(list nextList) string {
	var comps []string
	for _, e := range list.entries[:(len(list.entries)+1)/2] {
		for _, op := range e {
			if op.Gap != "" && !slices.Contains(comps, op.Gap) {
				comps = append(comps, op.Gap)
			}
		}
	}
	if len(comps) == 0 {
		return ""
	}
	strongest, most := "", -1
	for _, c := range evidence.Competencies {
		if n := list.gaps[c]; n > most {
			strongest, most = c, n
		}
	}
	slices.SortStableFunc(comps, func(a, b string) int { return cmp.Compare(list.gaps[a], list.gaps[b]) })
	// "Listed", not "Ranked": Jira's changelog says "Ranked higher" of
	// an edit of the backlog's order, and this list edits nothing. The
	// lift never carries work past what is more pressing (next.Rank), so
	// the line says so: a first entry of another competency would
	// otherwise read as the line's claim broken.
	return fmt.Sprintf("Work that builds %s is listed higher, after more pressing work: your portfolio shows far less of it than %s.", joinOr(comps), strongest)
}

// joinOr joins "a", "a or b", "a, b or c".
func joinOr(parts []string) string {
	if len(parts) < 2 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " or " + parts[len(parts)-1]
}

func writeNextMarkdown(w io.Writer, list nextList) {
	md := export.MarkdownText
	for i, entry := range list.entries {
		op := entry[0]
		why, alsos := entryLines(entry)
		fmt.Fprintf(w, "%d. **[%s](%s) %s**: %s.\n", i+1, md(op.IssueKey), op.IssueURL, md(op.Summary), md(op.Action))
		fmt.Fprintf(w, "   - Why: %s.\n", md(why))
		for _, also := range alsos {
			fmt.Fprintf(w, "   - Also: %s.\n", md(also))
		}
		fmt.Fprintf(w, "   - Shows: %s.\n", md(strings.Join(showsOf(entry), ", ")))
	}
}

// tableWidth is the width next's table wraps to: nextWidth, or less where
// COLUMNS says so (as for ls, it wins over the terminal's width, and it
// is all a pipe has to go by), or the terminal is narrower.
func tableWidth(stdio IO) int {
	if stdio.Getenv != nil {
		if n, err := strconv.Atoi(stdio.Getenv("COLUMNS")); err == nil && n > 0 {
			return min(nextWidth, n)
		}
	}
	if stdio.Width > 0 {
		return min(nextWidth, stdio.Width)
	}
	return nextWidth
}

// writeNextTable writes each entry as a numbered block: the issue and its
// summary, then what to do, why, what else, what it shows and its link,
// each wrapped by words under its label.
func writeNextTable(stdio IO, list nextList) {
	w := stdio.Out
	width := tableWidth(stdio)
	bold, dim, reset := "", "", ""
	// NO_COLOR (no-color.org) turns the styling off too.
	if stdio.OutTTY && (stdio.Getenv == nil || stdio.Getenv("NO_COLOR") == "") {
		bold, dim, reset = "\x1b[1m", "\x1b[2m", "\x1b[0m"
	}
	const indent = "    "
	labelled := func(label, text string) {
		for i, line := range wrapWords(text, width-len(indent)-7) {
			if i == 0 {
				fmt.Fprintf(w, "%s%-7s%s\n", indent, label, line)
			} else {
				fmt.Fprintf(w, "%s%7s%s\n", indent, "", line)
			}
		}
	}
	for i, entry := range list.entries {
		op := entry[0]
		head := fmt.Sprintf("%2d. %s  ", i+1, op.IssueKey)
		for j, line := range wrapWords(op.Summary, width-len(head)) {
			if j == 0 {
				fmt.Fprintf(w, "%s%s%s%s\n", bold, head, line, reset)
			} else {
				fmt.Fprintf(w, "%s%s%s%s\n", bold, strings.Repeat(" ", len(head)), line, reset)
			}
		}
		why, alsos := entryLines(entry)
		labelled("do:", op.Action)
		labelled("why:", why)
		for _, also := range alsos {
			labelled("also:", also)
		}
		labelled("shows:", strings.Join(showsOf(entry), ", "))
		fmt.Fprintf(w, "%s%-7s%s%s%s\n", indent, "link:", dim, evidence.OneLine(op.IssueURL), reset)
	}
}

// entryLines are an entry's why (the first suggestion's reason, then what
// raised its rank) and its further suggestions ("also:"). A further
// suggestion whose action is the first's (one talk settles both: an
// incident's follow-up and the release that shipped without it) is not
// said again: its reason joins the why.
func entryLines(entry []next.Opportunity) (why string, alsos []string) {
	first := entry[0]
	reasons := []string{first.Reason}
	for _, also := range entry[1:] {
		switch {
		case also.Action != first.Action:
			alsos = append(alsos, alsoLine(first, also))
		case !slices.Contains(reasons, also.Reason):
			reasons = append(reasons, also.Reason)
		}
	}
	return strings.Join(append(reasons, first.Why...), "; "), alsos
}

// alsoLine is a further suggestion on an entry's issue with its reason:
// "Get it estimated (story with no estimate)"; a reason with brackets of
// its own ("active sprint (OPS Sprint 65) story…") is not bracketed again.
// Where the entry's first suggestion already asks whether the issue is
// still wanted (or still needed, or still happens), the further one does
// not ask it again: it says what to do once that is settled.
func alsoLine(first, op next.Opportunity) string {
	action := op.Action
	if first.Settled != "" && op.Settled != "" {
		action = op.Settled
	}
	if strings.ContainsAny(op.Reason, "()") {
		return action + ": " + op.Reason
	}
	return action + " (" + op.Reason + ")"
}

// wrapWords breaks text into lines of at most width runes, at spaces; a
// word longer than the width gets a line of its own.
func wrapWords(text string, width int) []string {
	var lines []string
	line := ""
	// One line first: what a terminal would obey is Jira text anyone writes.
	for _, word := range strings.Fields(evidence.OneLine(text)) {
		switch {
		case line == "":
			line = word
		case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) <= width:
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
	}
	return append(lines, line)
}

// nothingToDo is what next says when it finds nothing.
const nothingToDo = "Nothing on your team's backlog needs PM work right now (or sync has not read it yet: run pmfolio sync)."

// emptyBacklog says why next finds nothing on the sites it reads (site,
// or all): sync has not read a team backlog yet, and running it is what
// to do; or it has, and what it read (the projects, and how many issues)
// needs no PM work.
func emptyBacklog(ctx context.Context, store *sqlite.Store, site string) (string, error) {
	sites, err := store.Sites(ctx)
	if err != nil {
		return "", err
	}
	anyRead, issues := false, 0
	var projects []string
	for _, s := range sites {
		if site != "" && s.Name != site {
			continue
		}
		read, err := store.TeamRead(ctx, s.ID)
		if err != nil {
			return "", err
		}
		team, err := store.TeamIssues(ctx, s.ID)
		if err != nil {
			return "", err
		}
		anyRead = anyRead || read
		issues += len(team)
		for _, is := range team {
			if !slices.Contains(projects, is.Project) {
				projects = append(projects, is.Project)
			}
		}
	}
	switch {
	case !anyRead:
		return "Sync has not read your team's backlog yet: run pmfolio sync (it reads the projects you worked in " +
			"steadily; if it says no recent activity names your team, set team: in the config file).", nil
	case issues == 0:
		return "Nothing on your team's backlog needs PM work right now: sync read it and found no open issues.", nil
	}
	slices.Sort(projects)
	return fmt.Sprintf("Nothing on your team's backlog needs PM work right now: sync read %s of %s.",
		plural(issues, "issue"), evidence.JoinAnd(projects)), nil
}

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

// moreLine says how many more entries (issues, each with its
// suggestions) command shows; "" for none.
func moreLine(total, shown int, command string) string {
	if more := total - shown; more > 0 {
		return plural(more, "more issue") + ": " + command
	}
	return ""
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
	taken, gone := 0, 0
	for _, sg := range suggestions {
		status := "open"
		switch {
		case sg.TakenAt != nil:
			taken++
			status = "taken " + sg.TakenAt.UTC().Format("2006-01-02") + " (" + sg.EvidenceID + ")"
		case sg.NoLongerApplies:
			gone++
			status = "no longer applies"
		}
		if format == "markdown" {
			md := export.MarkdownText
			fmt.Fprintf(w, "- %s [%s](%s): %s. %s, %s.\n", sg.SuggestedAt.UTC().Format("2006-01-02"), md(sg.IssueKey), sg.IssueURL, md(sg.Action), sg.Category, md(status))
			continue
		}
		fmt.Fprintf(w, "%s  %-10s %-28s %-26s %s\n", sg.SuggestedAt.UTC().Format("2006-01-02"), evidence.OneLine(sg.IssueKey), sg.Detector, sg.Category, status)
	}
	line := fmt.Sprintf("%d suggested, %d taken", len(suggestions), taken)
	switch {
	case gone == 1:
		line += ", 1 no longer applies"
	case gone > 1:
		line += fmt.Sprintf(", %d no longer apply", gone)
	}
	fmt.Fprintln(w, "\n"+line)
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
	return runNext(ctx, nextOptions{IO: stdio, DBPath: dbPath, Detectors: cfg, Limit: 3, Format: "table",
		Command: "pmfolio --db " + shellQuote(dbPath) + " next"})
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
