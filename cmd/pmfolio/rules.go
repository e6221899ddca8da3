package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/rules"
)

func newRulesCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List, show and check the classification rules",
		Long: `A rule says which of your Jira activities count as evidence of one kind of PM work.
The built-in rules are a rules file like any other; yours (--rules FILE, or rules: in the
config file) can add categories and rules, change a built-in rule by giving its id again
with the keys to change, or switch one off with "disabled: true".

  pmfolio rules list           every rule in force, with where it comes from
  pmfolio rules show ID        one rule as YAML, what it matches and the patterns it uses
  pmfolio rules check FILE     every problem of a rules file, as FILE:LINE: problem

After changing the file, 'pmfolio reclassify' applies it to what is stored.`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newRulesListCmd(g), newRulesShowCmd(g), newRulesCheckCmd(g))
	return cmd
}

// rulesInForce reads the config and the rule set it and the flags name.
func (g *globals) rulesInForce() (*rules.RuleSet, error) {
	cfg, err := g.config()
	if err != nil {
		return nil, err
	}
	return g.ruleSet(cfg)
}

// rulesOptions is everything the rules commands need.
type rulesOptions struct {
	IO     IO
	Rules  *rules.RuleSet // the rules in force
	Format string         // list: table or json
	ID     string         // show: the rule's id
}

func newRulesListCmd(g *globals) *cobra.Command {
	var opts rulesOptions
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the rules in force: id, category, confidence, source and origin",
		Long: `list prints every rule in the order rules are tried, with its category, confidence,
the kind of activity it reads (issue you created, change, comment, worklog) and where it
comes from: built-in, user (added by your rules file), overridden (built-in, changed by
your file) or disabled (switched off by your file).`,
		Example: `  pmfolio rules list
  pmfolio --rules my-rules.yaml rules list --format json`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			opts.IO = g.io
			if opts.Rules, err = g.rulesInForce(); err != nil {
				return err
			}
			return runRulesList(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "table", "table or json")
	cmd.RegisterFlagCompletionFunc("format", completeWords("table", "json"))
	return cmd
}

// runRulesList prints the rules in force as a table or JSON.
func runRulesList(opts rulesOptions) error {
	switch opts.Format {
	case "json":
		return writeRulesJSON(opts.IO.Out, opts.Rules.Rules())
	case "table":
		writeRulesTable(opts.IO.Out, opts.Rules.Rules())
		return nil
	}
	return usageError("unknown format %q: use table or json", opts.Format)
}

func writeRulesTable(w io.Writer, rules []rules.RuleInfo) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tCATEGORY\tCONFIDENCE\tSOURCE\tORIGIN")
	for _, r := range rules {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", evidence.OneLine(r.ID), evidence.OneLine(r.Category), strconv.FormatFloat(r.Confidence, 'f', 2, 64),
			sourceNames(r.Sources), r.Origin)
	}
	tw.Flush()
}

func sourceNames(sources []evidence.Source) string {
	names := make([]string, len(sources))
	for i, s := range sources {
		names[i] = string(s)
	}
	return strings.Join(names, ",")
}

// ruleJSON is one rule of `rules list --format json`.
type ruleJSON struct {
	ID         string            `json:"id"`
	Category   string            `json:"category"`
	Confidence float64           `json:"confidence"`
	Sources    []evidence.Source `json:"sources"`
	Origin     string            `json:"origin"`
	File       string            `json:"file"`
	Line       int               `json:"line"`
}

func writeRulesJSON(w io.Writer, rules []rules.RuleInfo) error {
	out := make([]ruleJSON, len(rules))
	for i, r := range rules {
		out[i] = ruleJSON{ID: r.ID, Category: r.Category, Confidence: r.Confidence, Sources: r.Sources,
			Origin: string(r.Origin), File: r.File, Line: r.Line}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func newRulesShowCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "show ID",
		Short: "Show one rule as YAML, what it matches and the patterns it uses",
		Long: `show prints a rule as it is in force, in the rules file format (for an overridden rule,
the built-in one with your keys applied), a sentence saying what it matches, and the text
patterns it uses. Copy it into your rules file to change it. "rules show model.text"
says what the text model is, whether it is on, and what each category's claims need.`,
		Example: `  pmfolio rules show comment.decision`,
		Args:    usageArgs(cobra.ExactArgs(1)),
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			ids, directive := g.completeRuleIDs(cmd, args, toComplete)
			if strings.HasPrefix(evidence.RuleTextModel, toComplete) {
				ids = append(ids, evidence.RuleTextModel+"\tthe text model")
			}
			return ids, directive
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts := rulesOptions{IO: g.io, ID: args[0]}
			var err error
			if opts.Rules, err = g.rulesInForce(); err != nil {
				return err
			}
			return runRulesShow(opts)
		},
	}
}

// runRulesShow prints one rule of those in force, or what the text model
// is: evidence show names it as the rule of its claims.
func runRulesShow(opts rulesOptions) error {
	if opts.ID == evidence.RuleTextModel {
		writeTextModel(opts.IO.Out, opts.Rules)
		return nil
	}
	r, ok := opts.Rules.Rule(opts.ID)
	if !ok {
		return &userError{Kind: kindNotFound, Message: fmt.Sprintf("no rule %q", opts.ID), Hint: "run 'pmfolio rules list' to see the ids"}
	}
	writeRule(opts.IO.Out, opts.Rules, r)
	return nil
}

// writeTextModel says what the text model claims, whether it is on, and
// the probability each category's claims need.
func writeTextModel(w io.Writer, rs *rules.RuleSet) {
	m := rs.Model()
	state := "on; \"model: off\" in a rules file turns it off"
	if m == nil {
		state = "off (\"model: off\" in " + evidence.OneLine(rs.UserFile()) + ")"
	}
	fmt.Fprintf(w, "# %s: the text model, built-in, %s\n", evidence.RuleTextModel, state)
	fmt.Fprintln(w, "# Where no rule claims what you wrote (a comment, a description), it claims the category")
	fmt.Fprintln(w, "# it finds likely enough, and it withholds a rule's claim on your writing when nothing but")
	fmt.Fprintln(w, "# the rule's trigger words says it is that work. 'pmfolio evidence show ID' gives a claim's")
	fmt.Fprintln(w, "# probability and the words that weighed most; 'pmfolio evidence list --rule model' lists them.")
	if m == nil {
		return
	}
	fmt.Fprintln(w, "# The probability a claim needs, per category:")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for i, c := range m.Categories {
		if i < len(m.Thresholds) {
			fmt.Fprintf(tw, "#   %s\t%.2f\n", c, m.Thresholds[i])
		}
	}
	tw.Flush()
}

func writeRule(w io.Writer, rs *rules.RuleSet, r rules.RuleInfo) {
	fmt.Fprintf(w, "# %s: %s, %s line %d\n", evidence.OneLine(r.ID), r.Origin, evidence.OneLine(r.File), r.Line)
	fmt.Fprintf(w, "# %s\n", evidence.OneLine(r.Description))
	io.WriteString(w, r.YAML)
	if len(r.Patterns) == 0 {
		return
	}
	fmt.Fprintln(w, "\n# The patterns it uses:")
	fmt.Fprintln(w, "patterns:")
	for _, name := range r.Patterns {
		text, file, ok := rs.PatternYAML(name)
		if !ok {
			continue
		}
		fmt.Fprintf(w, "  # from %s\n", file)
		for _, line := range strings.SplitAfter(strings.TrimRight(text, "\n"), "\n") {
			io.WriteString(w, "  "+line)
		}
		fmt.Fprintln(w)
	}
}

func newRulesCheckCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "check FILE",
		Short: "Check a rules file and report each problem as FILE:LINE: problem",
		Long: `check reads a rules file the way sync, reclassify and export would, and prints every
problem it finds with its line: an unknown matcher or category, a regular expression that
does not compile, a duplicate rule id, a missing field. It exits with code 2 when the file
is broken; those commands refuse a broken file rather than run without some of its rules.`,
		Example: `  pmfolio rules check ~/.config/pmfolio/rules.yaml`,
		Args:    usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runRulesCheck(g.io, args[0])
		},
	}
}

func runRulesCheck(stdio IO, path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return cannotRead("rules file", path, err)
	}
	probs := rules.CheckRules(path, data)
	for _, p := range probs {
		fmt.Fprintln(stdio.Out, p)
	}
	if len(probs) > 0 {
		return &userError{Kind: kindConfig, Message: fmt.Sprintf("%s is broken: %s", path, plural(len(probs), "problem")),
			Hint: "sync, reclassify and export refuse this file until it is fixed"}
	}
	rs, err := rules.LoadRules(path, data)
	if err != nil {
		return err
	}
	counts := map[rules.RuleOrigin]int{}
	for _, r := range rs.Rules() {
		counts[r.Origin]++
	}
	cats := len(rs.Categories()) - len(evidence.Categories)
	fmt.Fprintf(stdio.Out, "%s: ok; %s added, %d overridden, %d disabled, %s added\n", path,
		plural(counts[rules.OriginUser], "rule"), counts[rules.OriginOverridden], counts[rules.OriginDisabled],
		plural(cats, "category"))
	return nil
}

// completeRuleIDs completes the ids of the rules in force for shells, with
// each rule's category as its description.
func (g *globals) completeRuleIDs(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	rs, err := g.rulesInForce()
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var ids []string
	for _, r := range rs.Rules() {
		if strings.HasPrefix(r.ID, toComplete) {
			ids = append(ids, r.ID+"\t"+r.Category)
		}
	}
	return ids, cobra.ShellCompDirectiveNoFileComp
}
