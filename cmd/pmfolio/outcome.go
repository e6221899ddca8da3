package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/sqlite"
)

// outcomeOptions is everything the outcome commands need.
type outcomeOptions struct {
	IO     IO
	DBPath string
	Site   string // narrows the key to one site; empty: the only site that has it
	Key    string
	Text   string
}

func newOutcomeCmd(g *globals) *cobra.Command {
	var site string
	options := func(args []string) (outcomeOptions, error) {
		cfg, err := g.config()
		if err != nil {
			return outcomeOptions{}, err
		}
		opts := outcomeOptions{IO: g.io, DBPath: g.dbPath(cfg), Site: site}
		if len(args) > 0 {
			opts.Key = args[0]
		}
		if len(args) > 1 {
			opts.Text = args[1]
		}
		return opts, nil
	}
	cmd := &cobra.Command{
		Use:   "outcome ISSUE-KEY TEXT",
		Short: "Record what an initiative achieved, in your words",
		Long: `outcome attaches your own statement of an initiative's result to its epic (or an
issue others sit under): what changed for users or the business, with a number where you
have one. The brief's Outcome line, the stories' Result and the headline use it before
anything Jira records. It is curation: no sync, full sync or reclassify removes it;
setting it again replaces it. On an issue that is no initiative (an incident you led),
it is the Result of that issue's interview story, when 'stories' tells one.

Without one, exports take the outcome from Jira where it is written: a comment with an
"Outcome:" or "Result:" line, or the comment that closed a done epic if it holds a number.
'export' and 'stories' list on standard error the initiatives they show without any.`,
		Example: `  pmfolio outcome OPS-1181 "Pages per on-call week fell from 41 to 17 in six weeks; no incident missed."
  pmfolio outcome list
  pmfolio outcome remove OPS-1181`,
		Args: usageArgs(cobra.ExactArgs(2)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if strings.TrimSpace(args[1]) == "" {
				return usageError("the outcome text is empty")
			}
			opts, err := options(args)
			if err != nil {
				return err
			}
			return runOutcomeSet(cmd.Context(), opts)
		},
	}
	cmd.PersistentFlags().StringVar(&site, "site", "", "the site of the issue, when the key is on more than one")
	list := &cobra.Command{
		Use:   "list",
		Short: "List the outcomes you recorded",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts, err := options(args)
			if err != nil {
				return err
			}
			return runOutcomeList(cmd.Context(), opts)
		},
	}
	remove := &cobra.Command{
		Use:   "remove ISSUE-KEY",
		Short: "Remove the outcome you recorded for an issue",
		Args:  usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts, err := options(args)
			if err != nil {
				return err
			}
			return runOutcomeRemove(cmd.Context(), opts)
		},
	}
	cmd.AddCommand(list, remove)
	return cmd
}

// withOutcomeStore runs fn with the database opened by open.
func withOutcomeStore(ctx context.Context, opts outcomeOptions, open storeOpener, fn func(*sqlite.Store) error) error {
	store, err := open(ctx, opts.DBPath)
	if err != nil {
		return err
	}
	defer store.Close()
	if opts.Site != "" {
		if err := checkSynced(ctx, store, opts.Site); err != nil {
			return err
		}
	}
	return fn(store)
}

// runOutcomeSet records the outcome and says what was recorded.
func runOutcomeSet(ctx context.Context, opts outcomeOptions) error {
	return withOutcomeStore(ctx, opts, sqlite.OpenExisting, func(store *sqlite.Store) error {
		o, err := store.SetOutcome(ctx, opts.Site, opts.Key, opts.Text)
		if err != nil {
			return issueError(err, opts.Key)
		}
		fmt.Fprintf(opts.IO.Out, "Recorded the outcome of %s (%s): %s\n", o.IssueKey, evidence.OneLine(o.Site), evidence.OneLine(o.Text))
		// Exports tell outcomes of initiatives: one recorded on a story is
		// kept and shown nowhere, which the user should know now.
		initiative, parent, err := store.IsInitiative(ctx, o.Site, o.IssueKey)
		if err != nil || initiative {
			return err
		}
		fmt.Fprintf(opts.IO.ErrOut, "note: %s is no epic and no issue sits under it, so only 'pmfolio stories' shows this outcome, when it tells the issue", evidence.OneLine(o.IssueKey))
		if parent != "" {
			fmt.Fprintf(opts.IO.ErrOut, "; record it on %s, the initiative it belongs to: pmfolio outcome %s \"…\"", evidence.OneLine(parent), evidence.OneLine(parent))
		}
		fmt.Fprintln(opts.IO.ErrOut)
		return nil
	})
}

// runOutcomeList prints the recorded outcomes, one a line: key, site, text.
func runOutcomeList(ctx context.Context, opts outcomeOptions) error {
	return withOutcomeStore(ctx, opts, sqlite.OpenReadOnly, func(store *sqlite.Store) error {
		all, err := store.Outcomes(ctx)
		if err != nil {
			return err
		}
		if len(all) == 0 {
			fmt.Fprintln(opts.IO.Out, `No outcomes recorded. Add one: pmfolio outcome ISSUE-KEY "what changed, with a number"`)
		}
		for _, o := range all {
			fmt.Fprintf(opts.IO.Out, "%s\t%s\t%s\n", evidence.OneLine(o.IssueKey), evidence.OneLine(o.Site), evidence.OneLine(o.Text))
		}
		return nil
	})
}

// runOutcomeRemove deletes the outcome of one issue.
func runOutcomeRemove(ctx context.Context, opts outcomeOptions) error {
	return withOutcomeStore(ctx, opts, sqlite.OpenExisting, func(store *sqlite.Store) error {
		removed, err := store.RemoveOutcome(ctx, opts.Site, opts.Key)
		if err != nil {
			return issueError(err, opts.Key)
		}
		key := strings.ToUpper(opts.Key)
		if !removed {
			return &userError{Kind: kindNotFound, Message: key + " has no outcome of yours", Hint: "'pmfolio outcome list' shows them"}
		}
		fmt.Fprintf(opts.IO.Out, "Removed the outcome of %s.\n", key)
		return nil
	})
}

// issueError turns a store's "no such issue" into an error a user can act on.
func issueError(err error, key string) error {
	switch {
	case errors.Is(err, sqlite.ErrNoIssue):
		return &userError{Kind: kindNotFound, Message: fmt.Sprintf("no synced issue %s", strings.ToUpper(key)), Err: err,
			Hint: "check the key, or run 'pmfolio sync' if the issue is new"}
	case errors.Is(err, sqlite.ErrAmbiguousIssue):
		return &userError{Kind: kindUsage, Message: fmt.Sprintf("%s is on more than one site", strings.ToUpper(key)), Err: err,
			Hint: "name the site with --site"}
	}
	return err
}
