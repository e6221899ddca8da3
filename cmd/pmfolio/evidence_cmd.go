package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/rules"
	"github.com/pmfolio/pmfolio/evidence/sqlite"
	"github.com/pmfolio/pmfolio/export"
)

// curationCmd builds the commands of the `evidence` group, which all read
// the database and the categories in force the same way.
type curationCmd struct {
	g *globals
}

// evidenceOptions is what every evidence subcommand needs: where to write,
// the database, and the categories in force (the user's included).
type evidenceOptions struct {
	IO         IO
	DBPath     string
	Categories []evidence.Category
	RuleIDs    []string // the rules in force, the text model's among them
}

// options fills evidenceOptions from the flags, environment and config.
func (c curationCmd) options() (evidenceOptions, error) {
	cfg, err := c.g.config()
	if err != nil {
		return evidenceOptions{}, err
	}
	rs, err := c.g.ruleSet(cfg)
	if err != nil {
		return evidenceOptions{}, err
	}
	ids := []string{evidence.RuleTextModel}
	for _, r := range rs.Rules() {
		ids = append(ids, r.ID)
	}
	return evidenceOptions{IO: c.g.io, DBPath: c.g.dbPath(cfg), Categories: rs.Categories(), RuleIDs: ids}, nil
}

// storeOpener opens the database: sqlite.OpenReadOnly for commands that
// only read it, sqlite.OpenExisting for those that curate.
type storeOpener func(context.Context, string, ...sqlite.StoreOption) (*sqlite.Store, error)

// withStore runs fn with the store opened by open, closing it afterwards.
func (o evidenceOptions) withStore(ctx context.Context, open storeOpener, fn func(*sqlite.Store) error) error {
	store, err := open(ctx, o.DBPath, sqlite.WithCategories(o.Categories))
	if err != nil {
		return err
	}
	defer store.Close()
	return fn(store)
}

func newEvidenceCmd(g *globals) *cobra.Command {
	c := curationCmd{g: g}
	cmd := &cobra.Command{
		Use:   "evidence",
		Short: "List, inspect and curate your evidence items",
		Long: `evidence lists the items the classifier found and lets you curate them: exclude what
you would rather not show, add a note, file an item under another category, or add PM
work that happened outside Jira. Curation is yours: no sync or reclassify touches it.

IDs may be shortened to any unique prefix, with or without "ev_".`,
		Example: `  pmfolio evidence list --category unblocking --since 6m
  pmfolio evidence show ev_1f3a
  pmfolio evidence exclude ev_1f3a ev_77c0
  pmfolio evidence note ev_1f3a "Led the EU rollout comms with support and sales"
  pmfolio evidence add --date 2026-03-02 --category stakeholder-communication --description "Quarterly roadmap review with sales"`,
	}
	cmd.AddCommand(c.listCmd(), c.showCmd(), c.excludeCmd(true), c.excludeCmd(false), c.noteCmd(), c.recategorizeCmd(), c.addCmd(), c.deleteCmd())
	return cmd
}

// evidenceListOptions is everything runEvidenceList needs.
type evidenceListOptions struct {
	evidenceOptions
	Filter evidence.Filter
	Format string // table or json
	Limit  int    // the newest this many; 0: all
}

func (c curationCmd) listCmd() *cobra.Command {
	var (
		opts                                evidenceListOptions
		category, issue, since, until, rule string
	)
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List evidence items, newest last",
		Example: `  pmfolio evidence list
  pmfolio evidence list --category prioritization --issue PAY-142 --all
  pmfolio evidence list --category decision-making --rule model
  pmfolio evidence list --format json | jq '.[].excerpt'`,
		Args:              usageArgs(cobra.NoArgs),
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.Filter.Since, opts.Filter.Until, err = dateRange(since, until, c.g.io.Now()); err != nil {
				return err
			}
			if category != "" {
				opts.Filter.Category = &category
			}
			if issue != "" {
				opts.Filter.IssueKey = &issue // any case: pay-142 finds PAY-142
			}
			if rule != "" {
				opts.Filter.Rule = &rule
			}
			if opts.evidenceOptions, err = c.options(); err != nil {
				return err
			}
			return runEvidenceList(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&category, "category", "", "only this category (e.g. unblocking)")
	f.StringVar(&issue, "issue", "", "only evidence on this issue key (e.g. PAY-142)")
	f.StringVar(&rule, "rule", "", "only what this rule made, or rules whose id starts with it and a dot (model: the text model's claims, to review)")
	f.StringVar(&since, "since", "", "only from this date (YYYY-MM-DD or 30d, 12w, 6m, 1y)")
	f.StringVar(&until, "until", "", "only up to and including this date")
	f.BoolVar(&opts.Filter.IncludeExcluded, "all", false, "include the items you excluded")
	f.StringVar(&opts.Format, "format", "table", "table or json")
	f.IntVar(&opts.Limit, "limit", 0, "only the newest N items (0: all)")
	cmd.RegisterFlagCompletionFunc("category", c.completeCategories)
	cmd.RegisterFlagCompletionFunc("format", completeWords("table", "json"))
	cmd.RegisterFlagCompletionFunc("rule", func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		ids, directive := c.g.completeRuleIDs(cmd, args, toComplete)
		if strings.HasPrefix(evidence.RuleTextModel, toComplete) {
			ids = append(ids, evidence.RuleTextModel+"\tthe text model's claims")
		}
		return ids, directive
	})
	return cmd
}

// runEvidenceList prints the items the filter keeps, as a table or JSON.
func runEvidenceList(ctx context.Context, opts evidenceListOptions) error {
	if opts.Format != "table" && opts.Format != "json" {
		return usageError("unknown format %q: use table or json", opts.Format)
	}
	if opts.Limit < 0 {
		return usageError("--limit must be 0 (all) or more")
	}
	if opts.Filter.Category != nil {
		if err := checkCategory(opts.Categories, *opts.Filter.Category); err != nil {
			return err
		}
	}
	return opts.withStore(ctx, sqlite.OpenReadOnly, func(store *sqlite.Store) error {
		items, err := store.Evidence(ctx, opts.Filter)
		if err != nil {
			return err
		}
		if opts.Limit > 0 && len(items) > opts.Limit {
			items = items[len(items)-opts.Limit:] // newest last, so the newest are at the end
		}
		var all []evidence.Evidence // every stored item, read when the filter keeps none
		if len(items) == 0 {
			if all, err = store.Evidence(ctx, evidence.Filter{IncludeExcluded: true}); err != nil {
				return err
			}
			if err := opts.checkNamesSomething(ctx, store, all); err != nil {
				return err
			}
		}
		if opts.Format == "json" {
			return export.EvidenceList(opts.IO.Out, items)
		}
		if len(items) == 0 {
			_, err := fmt.Fprintln(opts.IO.Out, whyNoEvidence(all, opts.Filter))
			return err
		}
		return writeEvidenceTable(opts.IO.Out, items, opts.Filter.IncludeExcluded)
	})
}

// checkNamesSomething refuses a --rule or --issue that names nothing: no
// rule in force or behind a stored item (itself, or its id's start before
// a dot), no stored issue or item on one. A name that names something
// with no evidence is no error: the list says so. all is every stored item.
func (opts evidenceListOptions) checkNamesSomething(ctx context.Context, store *sqlite.Store, all []evidence.Evidence) error {
	f := opts.Filter
	if f.Rule != nil {
		known := slices.Clone(opts.RuleIDs)
		for _, ev := range all {
			known = append(known, ev.Rule)
		}
		names := func(id string) bool { return id == *f.Rule || strings.HasPrefix(id, *f.Rule+".") }
		if !slices.ContainsFunc(known, names) {
			return &userError{Kind: kindUsage, Message: fmt.Sprintf("no rule %q%s", *f.Rule, rules.Suggest(*f.Rule, opts.RuleIDs)),
				Hint: "'pmfolio rules list' lists the rules in force; model lists the text model's claims"}
		}
	}
	if f.IssueKey != nil {
		onIssue := func(ev evidence.Evidence) bool { return strings.EqualFold(ev.IssueKey, *f.IssueKey) }
		stored, err := store.HasIssueKey(ctx, *f.IssueKey)
		if err != nil {
			return err
		}
		if !stored && !slices.ContainsFunc(all, onIssue) {
			return &userError{Kind: kindUsage, Message: fmt.Sprintf("no issue %s in the database", *f.IssueKey),
				Hint: "give an issue key as Jira shows it (PAY-142); 'pmfolio sync' reads issues changed since the last sync"}
		}
	}
	return nil
}

// whyNoEvidence says why a filter found nothing among all the stored
// items: nothing stored yet, only excluded items, or a filter that leaves
// nothing out of what there is.
func whyNoEvidence(all []evidence.Evidence, f evidence.Filter) string {
	if len(all) == 0 {
		return "No evidence yet: run 'pmfolio sync' to read your Jira activity, or record work done elsewhere with 'pmfolio evidence add'."
	}
	var narrowed []string
	if f.Category != nil {
		narrowed = append(narrowed, "category "+*f.Category)
	}
	if f.IssueKey != nil {
		narrowed = append(narrowed, "issue "+*f.IssueKey)
	}
	if f.Rule != nil {
		narrowed = append(narrowed, "rule "+*f.Rule)
	}
	if f.Since != nil || f.Until != nil {
		first, last := all[0].OccurredAt.Format("2006-01-02"), all[len(all)-1].OccurredAt.Format("2006-01-02")
		narrowed = append(narrowed, fmt.Sprintf("the dates asked for (evidence runs from %s to %s)", first, last))
	}
	if len(narrowed) == 0 {
		return fmt.Sprintf("No evidence shown: all %s are excluded ('--all' lists them).", plural(len(all), "item"))
	}
	return fmt.Sprintf("No evidence matches %s, out of %s stored.", strings.Join(narrowed, " and "), plural(len(all), "item"))
}

// writeEvidenceTable prints a header, then one line per item: id, date,
// category, issue and the start of the excerpt; excluded items are marked.
func writeEvidenceTable(w io.Writer, items []evidence.Evidence, markExcluded bool) error {
	if _, err := fmt.Fprintf(w, "%-23s  %-10s  %-25s  %-10s  %s\n", "ID", "DATE", "CATEGORY", "ISSUE", "EXCERPT"); err != nil {
		return err
	}
	for _, ev := range items {
		mark := ""
		if markExcluded && ev.Excluded {
			mark = " (excluded)"
		}
		where := ev.IssueKey
		if ev.Manual {
			where = "manual"
		}
		if _, err := fmt.Fprintf(w, "%-23s  %s  %-25s  %-10s  %s%s\n", ev.ID, ev.OccurredAt.Format("2006-01-02"),
			evidence.OneLine(ev.Category), evidence.OneLine(where), evidence.Shorten(evidence.OneLine(ev.Excerpt), 60), mark); err != nil {
			return err
		}
	}
	return nil
}

// evidenceShowOptions is everything runEvidenceShow needs.
type evidenceShowOptions struct {
	evidenceOptions
	ID string // as typed: a unique prefix will do
}

func (c curationCmd) showCmd() *cobra.Command {
	return &cobra.Command{
		Use:               "show ID",
		Short:             "Show one item: its rule, confidence, excerpt, note and link",
		Example:           `  pmfolio evidence show ev_1f3a`,
		Args:              usageArgs(cobra.ExactArgs(1)),
		ValidArgsFunction: c.completeIDs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts := evidenceShowOptions{ID: args[0]}
			var err error
			if opts.evidenceOptions, err = c.options(); err != nil {
				return err
			}
			return runEvidenceShow(cmd.Context(), opts)
		},
	}
}

// runEvidenceShow prints one item in full.
func runEvidenceShow(ctx context.Context, opts evidenceShowOptions) error {
	return opts.withStore(ctx, sqlite.OpenReadOnly, func(store *sqlite.Store) error {
		id, err := resolveID(ctx, store, opts.ID)
		if err != nil {
			return err
		}
		ev, err := store.EvidenceByID(ctx, id)
		if err != nil {
			return err
		}
		return writeEvidenceDetail(opts.IO.Out, ev)
	})
}

func writeEvidenceDetail(w io.Writer, ev evidence.Evidence) error {
	var b strings.Builder
	// Each value on one line, with what a terminal would obey taken out:
	// Jira's summaries and comments are anyone's to write.
	line := func(label, format string, args ...any) {
		fmt.Fprintf(&b, "%-12s %s\n", label, evidence.OneLine(fmt.Sprintf(format, args...)))
	}
	line("id:", "%s", ev.ID)
	line("date:", "%s", ev.OccurredAt.UTC().Format(time.RFC3339))
	category := ev.Category
	if ev.MachineCategory != "" {
		category += fmt.Sprintf(" (re-categorised by you; the classifier said %s)", ev.MachineCategory)
	}
	line("category:", "%s", category)
	if ev.Manual {
		line("source:", "added by you")
	} else {
		line("issue:", "%s %s", ev.IssueKey, ev.IssueSummary)
		line("source:", "%s %s on %s", ev.Source, ev.SourceID, ev.SiteName)
		line("rule:", "%s (confidence %.2f)", ev.Rule, ev.Confidence)
		if ev.Why != "" {
			line("why:", "%s", ev.Why)
		}
	}
	if ev.IssueURL != "" {
		line("link:", "%s", ev.RecordURL())
	}
	line("excerpt:", "%s", ev.Excerpt)
	if ev.Note != "" {
		line("note:", "%s", ev.Note)
	}
	if ev.Excluded {
		line("excluded:", "yes (pmfolio evidence include %s)", ev.ID)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// evidenceExcludeOptions is everything runEvidenceExclude needs.
type evidenceExcludeOptions struct {
	evidenceOptions
	IDs     []string // as typed
	Exclude bool     // false: include again
}

func (c curationCmd) excludeCmd(exclude bool) *cobra.Command {
	use, short := "include ID...", "Show excluded items in exports again"
	if exclude {
		use, short = "exclude ID...", "Leave items out of every export"
	}
	return &cobra.Command{
		Use:               use,
		Short:             short,
		Example:           "  pmfolio evidence " + strings.Fields(use)[0] + " ev_1f3a ev_77c0",
		Args:              usageArgs(cobra.MinimumNArgs(1)),
		ValidArgsFunction: c.completeIDs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts := evidenceExcludeOptions{IDs: args, Exclude: exclude}
			var err error
			if opts.evidenceOptions, err = c.options(); err != nil {
				return err
			}
			return runEvidenceExclude(cmd.Context(), opts)
		},
	}
}

// runEvidenceExclude excludes or includes items; every id is resolved
// first, so a typo changes nothing.
func runEvidenceExclude(ctx context.Context, opts evidenceExcludeOptions) error {
	verb := "included"
	if opts.Exclude {
		verb = "excluded"
	}
	return opts.withStore(ctx, sqlite.OpenExisting, func(store *sqlite.Store) error {
		ids, err := resolveIDs(ctx, store, opts.IDs)
		if err != nil {
			return err
		}
		changed, already := 0, 0
		for _, id := range ids {
			ev, err := store.EvidenceByID(ctx, id)
			if err != nil {
				return err
			}
			if ev.Excluded == opts.Exclude {
				already++
				continue
			}
			if err := store.SetExcluded(ctx, id, opts.Exclude); err != nil {
				return err
			}
			changed++
		}
		// An item typed that was already so changes nothing: saying it
		// was changed would hide a wrong id.
		was, state := "was", "shown"
		if already > 1 {
			was = "were"
		}
		if opts.Exclude {
			state = "excluded"
		}
		switch {
		case already == 0:
			fmt.Fprintf(opts.IO.Out, "%s %s\n", verb, plural(changed, "item"))
		case changed == 0:
			fmt.Fprintf(opts.IO.Out, "nothing to do: %s %s already %s\n", plural(already, "item"), was, state)
		default:
			fmt.Fprintf(opts.IO.Out, "%s %s; %d %s already %s\n", verb, plural(changed, "item"), already, was, state)
		}
		return nil
	})
}

// evidenceNoteOptions is everything runEvidenceNote needs.
type evidenceNoteOptions struct {
	evidenceOptions
	ID   string
	Text string // empty removes the note
}

func (c curationCmd) noteCmd() *cobra.Command {
	return &cobra.Command{
		Use:               "note ID TEXT",
		Short:             "Attach your own note to an item (an empty text removes it)",
		Example:           `  pmfolio evidence note ev_1f3a "Outcome: refunds went from 3 days to same-day"`,
		Args:              usageArgs(cobra.MinimumNArgs(2)),
		ValidArgsFunction: c.completeIDs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts := evidenceNoteOptions{ID: args[0], Text: strings.Join(args[1:], " ")}
			var err error
			if opts.evidenceOptions, err = c.options(); err != nil {
				return err
			}
			return runEvidenceNote(cmd.Context(), opts)
		},
	}
}

// runEvidenceNote sets or removes an item's note.
func runEvidenceNote(ctx context.Context, opts evidenceNoteOptions) error {
	return opts.withStore(ctx, sqlite.OpenExisting, func(store *sqlite.Store) error {
		id, err := resolveID(ctx, store, opts.ID)
		if err != nil {
			return err
		}
		text := strings.TrimSpace(opts.Text)
		if err := store.SetNote(ctx, id, text); err != nil {
			return err
		}
		if text == "" {
			fmt.Fprintf(opts.IO.Out, "removed the note of %s\n", id)
			return nil
		}
		fmt.Fprintf(opts.IO.Out, "noted %s\n", id)
		return nil
	})
}

// evidenceRecategorizeOptions is everything runEvidenceRecategorize needs.
type evidenceRecategorizeOptions struct {
	evidenceOptions
	ID       string
	Category string
}

func (c curationCmd) recategorizeCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "recategorize ID CATEGORY",
		Short: "File an item under another category",
		Example: `  pmfolio evidence recategorize ev_1f3a decision-making
  pmfolio evidence recategorize ev_1f3a stakeholder-communication   # back to what the classifier said`,
		Args: usageArgs(cobra.ExactArgs(2)),
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			if len(args) == 1 {
				return c.completeCategories(cmd, args, toComplete)
			}
			return c.completeIDs(cmd, args, toComplete)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts := evidenceRecategorizeOptions{ID: args[0], Category: args[1]}
			var err error
			if opts.evidenceOptions, err = c.options(); err != nil {
				return err
			}
			return runEvidenceRecategorize(cmd.Context(), opts)
		},
	}
}

// runEvidenceRecategorize files an item under a category in force.
func runEvidenceRecategorize(ctx context.Context, opts evidenceRecategorizeOptions) error {
	if err := checkCategory(opts.Categories, opts.Category); err != nil {
		return err
	}
	return opts.withStore(ctx, sqlite.OpenExisting, func(store *sqlite.Store) error {
		id, err := resolveID(ctx, store, opts.ID)
		if err != nil {
			return err
		}
		if err := store.Recategorize(ctx, id, opts.Category); err != nil {
			return err
		}
		fmt.Fprintf(opts.IO.Out, "%s is now %s\n", id, opts.Category)
		return nil
	})
}

// evidenceAddOptions is everything runEvidenceAdd needs.
type evidenceAddOptions struct {
	evidenceOptions
	Date        string // as typed: YYYY-MM-DD or 3d
	Category    string
	Description string
	Link        string
}

func (c curationCmd) addCmd() *cobra.Command {
	var opts evidenceAddOptions
	cmd := &cobra.Command{
		Use:   "add",
		Short: "Record PM work that happened outside Jira",
		Long: `add records PM work Jira never saw (a workshop you ran, a roadmap review, a customer
interview) with its date, category and a description, and optionally a link to proof.
It appears in exports beside the Jira evidence, marked as added by you.`,
		Example: `  pmfolio evidence add --date 2026-03-02 --category stakeholder-communication \
      --description "Ran the quarterly roadmap review with sales and support" --link https://docs.example.com/q2`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.evidenceOptions, err = c.options(); err != nil {
				return err
			}
			return runEvidenceAdd(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Date, "date", "", "when it happened (YYYY-MM-DD, or 3d for three days ago)")
	f.StringVar(&opts.Category, "category", "", "its category (e.g. stakeholder-communication)")
	f.StringVar(&opts.Description, "description", "", "what you did, in a sentence")
	f.StringVar(&opts.Link, "link", "", "a link to proof (optional)")
	cmd.RegisterFlagCompletionFunc("category", c.completeCategories)
	return cmd
}

// runEvidenceAdd records a manual item.
func runEvidenceAdd(ctx context.Context, opts evidenceAddOptions) error {
	if opts.Date == "" || opts.Category == "" || strings.TrimSpace(opts.Description) == "" {
		return usageError("add needs --date, --category and --description")
	}
	at, err := parseDate(opts.Date, opts.IO.Now())
	if err != nil {
		return err
	}
	// Evidence is of work done: a date after today is a typo.
	if now := opts.IO.Now(); at.After(now) {
		return usageError("--date %s is in the future: record work once it has happened (today is %s)", opts.Date, now.Format(time.DateOnly))
	}
	if err := checkCategory(opts.Categories, opts.Category); err != nil {
		return err
	}
	if opts.Link != "" && !strings.HasPrefix(opts.Link, "https://") && !strings.HasPrefix(opts.Link, "http://") {
		return usageError("--link %q is not an http(s) URL", opts.Link)
	}
	// Work done outside Jira can be recorded from day one: the first
	// manual item creates the database a later sync fills.
	store, err := sqlite.Open(ctx, opts.DBPath, sqlite.WithCategories(opts.Categories))
	if err != nil {
		return err
	}
	defer store.Close()
	ev, err := store.AddManual(ctx, sqlite.ManualEntry{At: at, Category: opts.Category, Description: opts.Description, Link: opts.Link})
	if err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.Out, "added %s\n", ev.ID)
	return nil
}

// evidenceDeleteOptions is everything runEvidenceDelete needs.
type evidenceDeleteOptions struct {
	evidenceOptions
	IDs []string // as typed
}

func (c curationCmd) deleteCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "delete ID...",
		Short: "Delete items you added with 'evidence add'",
		Long: `delete removes items you recorded with 'pmfolio evidence add', with their notes. Items the
classifier found from Jira cannot be deleted (the next sync would find them again):
'pmfolio evidence exclude' leaves them out of every export instead.`,
		Example:           `  pmfolio evidence delete ev_m3c1`,
		Args:              usageArgs(cobra.MinimumNArgs(1)),
		ValidArgsFunction: c.completeIDs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts := evidenceDeleteOptions{IDs: args}
			var err error
			if opts.evidenceOptions, err = c.options(); err != nil {
				return err
			}
			return runEvidenceDelete(cmd.Context(), opts)
		},
	}
}

// runEvidenceDelete deletes manual items; every id is checked first, so a
// typo or an item from Jira deletes nothing.
func runEvidenceDelete(ctx context.Context, opts evidenceDeleteOptions) error {
	return opts.withStore(ctx, sqlite.OpenExisting, func(store *sqlite.Store) error {
		ids, err := resolveIDs(ctx, store, opts.IDs)
		if err != nil {
			return err
		}
		for _, id := range ids {
			ev, err := store.EvidenceByID(ctx, id)
			if err != nil {
				return err
			}
			if !ev.Manual {
				return &userError{Kind: kindUsage, Message: fmt.Sprintf("%s was found in Jira (%s), not added by you; only your own items can be deleted", id, ev.IssueKey),
					Hint: "'pmfolio evidence exclude " + id + "' leaves it out of every export"}
			}
		}
		for _, id := range ids {
			if err := store.DeleteManual(ctx, id); err != nil {
				return err
			}
		}
		fmt.Fprintf(opts.IO.Out, "deleted %s\n", plural(len(ids), "item"))
		return nil
	})
}

// completeWords completes a flag from a fixed list, such as its formats.
func completeWords(words ...string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		var out []string
		for _, w := range words {
			if strings.HasPrefix(w, toComplete) {
				out = append(out, w)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// resolveID turns a typed id into a full one, with errors a user can act on.
func resolveID(ctx context.Context, store *sqlite.Store, typed string) (string, error) {
	id, err := store.ResolveEvidenceID(ctx, typed)
	switch {
	case errors.Is(err, sqlite.ErrNoEvidence):
		return "", &userError{Kind: kindNotFound, Message: fmt.Sprintf("no evidence item %q", typed),
			Hint: "'pmfolio evidence list --all' shows every id"}
	case errors.Is(err, sqlite.ErrAmbiguousID):
		return "", &userError{Kind: kindNotFound, Message: fmt.Sprintf("%q matches more than one evidence item", typed),
			Hint: "type more of the id"}
	}
	return id, err
}

// resolveIDs resolves every typed id before anything changes.
func resolveIDs(ctx context.Context, store *sqlite.Store, typed []string) ([]string, error) {
	ids := make([]string, 0, len(typed))
	for _, t := range typed {
		id, err := resolveID(ctx, store, t)
		if err != nil {
			return nil, err
		}
		// The same item typed twice (in full and shortened, say) is one
		// item: counted once, and never deleted twice.
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids, nil
}

// categories are those in force: the built-in ones and any the user's
// rules file defines.
func (c curationCmd) categories() ([]evidence.Category, error) {
	cfg, err := c.g.config()
	if err != nil {
		return nil, err
	}
	rs, err := c.g.ruleSet(cfg)
	if err != nil {
		return nil, err
	}
	return rs.Categories(), nil
}

// checkCategory accepts the id of one of the categories in force.
func checkCategory(cats []evidence.Category, id string) error {
	ids := make([]string, 0, len(cats))
	for _, cat := range cats {
		if cat.ID == id {
			return nil
		}
		ids = append(ids, cat.ID)
	}
	return &userError{Kind: kindNotFound, Message: fmt.Sprintf("unknown category %q", id),
		Hint: "categories: " + strings.Join(ids, ", ")}
}

// completeCategories completes category ids for shells.
func (c curationCmd) completeCategories(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	cats, err := c.categories()
	if err != nil {
		cats = evidence.Categories
	}
	var out []string
	for _, cat := range cats {
		if strings.HasPrefix(cat.ID, toComplete) {
			out = append(out, cat.ID+"\t"+cat.Title)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeIDs completes evidence ids from the database, with the start of
// each excerpt as its description.
func (c curationCmd) completeIDs(cmd *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	var out []string
	opts, err := c.options()
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	opts.withStore(cmd.Context(), sqlite.OpenReadOnly, func(store *sqlite.Store) error {
		items, err := store.Evidence(cmd.Context(), evidence.Filter{IncludeExcluded: true})
		for _, ev := range items {
			if strings.HasPrefix(ev.ID, toComplete) || strings.HasPrefix(strings.TrimPrefix(ev.ID, "ev_"), toComplete) {
				out = append(out, ev.ID+"\t"+evidence.Shorten(evidence.OneLine(ev.IssueKey+" "+ev.Excerpt), 50))
			}
		}
		return err
	})
	return out, cobra.ShellCompDirectiveNoFileComp
}
