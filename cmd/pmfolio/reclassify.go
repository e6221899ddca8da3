package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/pmfolio/pmfolio/evidence/rules"
	"github.com/pmfolio/pmfolio/evidence/sqlite"
)

// reclassifyOptions is everything runReclassify needs.
type reclassifyOptions struct {
	IO     IO
	DBPath string
	Rules  *rules.RuleSet
}

func newReclassifyCmd(g *globals) *cobra.Command {
	var opts reclassifyOptions
	cmd := &cobra.Command{
		Use:   "reclassify",
		Short: "Re-run classification over the stored Jira data with the current rules",
		Long: `reclassify rebuilds your evidence from the issues, changes and comments already in the
database, with the rules in force: the built-in ones and your rules file (--rules, or
rules: in the config file). It never talks to Jira, so it is the way to try a rule: edit
the file, reclassify, look at the export.

It prints what changed, per category. Your curation (exclusions, notes, categories you
chose) is kept by evidence id and never touched: an item a rule no longer finds keeps its
curation, which applies again if a rule finds it later. A rules file with a problem is
refused and nothing changes.`,
		Example: `  pmfolio reclassify
  pmfolio --rules my-rules.yaml reclassify && pmfolio export -o portfolio.md`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := g.config()
			if err != nil {
				return err
			}
			if opts.Rules, err = g.ruleSet(cfg); err != nil {
				return err
			}
			opts.IO, opts.DBPath = g.io, g.dbPath(cfg)
			return runReclassify(cmd.Context(), opts)
		},
	}
	return cmd
}

// runReclassify rebuilds the evidence under the sync lock, so that it never
// runs beside a sync writing the same rows, and reports what changed.
func runReclassify(ctx context.Context, opts reclassifyOptions) error {
	store, err := sqlite.OpenExisting(ctx, opts.DBPath)
	if err != nil {
		return err
	}
	defer store.Close()
	lock, err := sqlite.LockForSync(store.Path())
	if err != nil {
		return err
	}
	defer lock.Unlock()
	rep, err := store.ReclassifyReported(ctx, classifierOf(opts.Rules))
	if err != nil {
		return err
	}
	writeReclassifyReport(opts.IO.Out, rep, opts.Rules)
	return nil
}

// writeReclassifyReport prints what a reclassification changed.
func writeReclassifyReport(w io.Writer, rep sqlite.ReclassifyReport, rules *rules.RuleSet) {
	with := "the built-in rules"
	if f := rules.UserFile(); f != "" {
		with += " and " + f
	}
	fmt.Fprintf(w, "reclassified with %s: %s, was %d\n", with, plural(rep.After, "evidence item"), rep.Before)
	changed := false
	for _, c := range rep.Categories {
		changed = changed || c.Added > 0 || c.Removed > 0
	}
	if changed {
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "CATEGORY\tBEFORE\tAFTER\tADDED\tREMOVED")
		for _, c := range rep.Categories {
			if c.Added > 0 || c.Removed > 0 {
				fmt.Fprintf(tw, "%s\t%d\t%d\t+%d\t-%d\n", c.Category, c.Before, c.After, c.Added, c.Removed)
			}
		}
		tw.Flush()
	} else {
		fmt.Fprintln(w, "no evidence added or removed")
	}
	if rep.Reworded > 0 {
		fmt.Fprintf(w, "%s kept with another rule, confidence or excerpt\n", plural(rep.Reworded, "item"))
	}
	switch {
	case rep.Curated == 0:
	case rep.Orphaned == 0:
		fmt.Fprintf(w, "curation untouched: %s\n", plural(rep.Curated, "curated item"))
	default:
		fmt.Fprintf(w, "curation untouched: %s, %d of them not found now (kept; they apply again if a rule finds them)\n",
			plural(rep.Curated, "curated item"), rep.Orphaned)
	}
}
