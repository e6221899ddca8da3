package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/sqlite"
	"github.com/pmfolio/pmfolio/export"
)

// redactFlag is --redact[=FILE]: off, on, or on with a file of terms.
// pflag shows a flag of type "bool" without a value and accepts it bare,
// which is the point: `--redact` alone must work, and `--redact=FILE`
// adds terms. "true" and "false" keep their bool meaning.
type redactFlag struct {
	on   bool
	file string
}

func (r *redactFlag) String() string {
	switch {
	case r.file != "":
		return r.file
	case r.on:
		return "true"
	}
	return "false"
}

func (r *redactFlag) Set(value string) error {
	switch value {
	case "true":
		r.on, r.file = true, ""
	case "false":
		r.on, r.file = false, ""
	case "":
		return fmt.Errorf("--redact=FILE needs a file name")
	default:
		r.on, r.file = true, value
	}
	return nil
}

func (r *redactFlag) Type() string { return "bool" }

// redaction is what a command is asked to hide.
type redaction struct {
	On    bool
	Terms []string // from the --redact file, besides what is always redacted
}

// portfolioFlags are the flags of every command that writes the portfolio
// in some form: the period and redaction.
type portfolioFlags struct {
	since, until, site string
	redact             redactFlag
}

func (pf *portfolioFlags) register(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&pf.since, "since", "", "only evidence from this date (YYYY-MM-DD or 30d, 12w, 6m, 1y)")
	f.StringVar(&pf.until, "until", "", "only evidence up to and including this date")
	f.StringVar(&pf.site, "site", "", "only the evidence of the synced site with this name (default: all sites)")
	f.Var(&pf.redact, "redact", "replace people, projects, issue keys, sites, e-mail addresses and URLs with placeholders; "+
		"--redact=FILE also replaces each term listed in FILE (one per line, # for comments)")
	f.Lookup("redact").NoOptDefVal = "true"
}

// args rejects positional arguments, and explains the likely cause of one
// after --redact: its file must be joined with "=".
func (pf *portfolioFlags) args(cmd *cobra.Command, args []string) error {
	if len(args) > 0 && pf.redact.on && pf.redact.file == "" {
		return &userError{Kind: kindUsage, Message: fmt.Sprintf("unexpected argument %q", args[0]),
			Hint: "give --redact its file with '=': --redact=" + args[0]}
	}
	return usageArgs(cobra.NoArgs)(cmd, args)
}

// portfolioInput is what a command that writes the portfolio reads and
// how it hides it.
type portfolioInput struct {
	IO     IO
	DBPath string
	Filter evidence.Filter
	Redact redaction
	// Categories are those of the rules in force, the user's included;
	// nil means the built-in ones.
	Categories []evidence.Category
	// Classifier is the identity of the rules in force (rules.RuleSet.Identity);
	// when the stored evidence comes from others, a note says how to
	// bring it up to date. Empty: no note.
	Classifier string
	// Inputs are the files besides the database that the command reads
	// (config, rules and redaction terms): -o refuses to replace one.
	Inputs []string
}

// input turns the flags, the environment and the config into a
// portfolioInput, reading the terms file; a bad date or an unreadable file
// is a usage error.
func (pf *portfolioFlags) input(g *globals) (portfolioInput, error) {
	in := portfolioInput{IO: g.io, Redact: redaction{On: pf.redact.on}}
	from, to, err := dateRange(pf.since, pf.until, g.io.Now())
	if err != nil {
		return in, err
	}
	in.Filter.Since, in.Filter.Until = from, to
	if pf.site != "" {
		in.Filter.Site = &pf.site
	}
	if pf.redact.file != "" {
		if in.Redact.Terms, err = readRedactTerms(pf.redact.file); err != nil {
			return in, err
		}
	}
	cfg, err := g.config()
	if err != nil {
		return in, err
	}
	rules, err := g.ruleSet(cfg)
	if err != nil {
		return in, err
	}
	in.DBPath, in.Categories, in.Classifier = g.dbPath(cfg), rules.Categories(), rules.Identity()
	in.Inputs = []string{configPath(g.configFlag, g.io.Getenv), g.rulesPath(cfg), pf.redact.file}
	return in, nil
}

// checkTop checks a --top value.
func checkTop(top int) error {
	if top < 1 {
		return usageError("--top must be at least 1")
	}
	return nil
}

// readRedactTerms reads a redaction file: one term per line, blank lines
// and lines starting with # ignored.
func readRedactTerms(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &userError{Kind: kindUsage, Message: fmt.Sprintf("cannot read the redaction terms: %v", err), Err: err,
			Hint: "--redact=FILE names a text file with one term to hide per line"}
	}
	var terms []string
	for line := range strings.Lines(strings.TrimPrefix(string(data), "\uFEFF")) {
		if term := strings.TrimSpace(line); term != "" && !strings.HasPrefix(term, "#") {
			terms = append(terms, term)
		}
	}
	return terms, nil
}

// checkSynced refuses a --site that names no synced site, rather than
// writing an empty portfolio as if the user had done nothing there.
func checkSynced(ctx context.Context, store *sqlite.Store, name string) error {
	sites, err := store.Sites(ctx)
	if err != nil {
		return err
	}
	var names []string
	for _, s := range sites {
		if s.Name == name {
			return nil
		}
		names = append(names, s.Name)
	}
	hint := "no site has been synced yet: run 'pmfolio sync'"
	if len(names) > 0 {
		hint = "synced sites: " + strings.Join(names, ", ")
	}
	return &userError{Kind: kindNotFound, Message: fmt.Sprintf("no synced site named %q", name), Hint: hint}
}

// write reads the portfolio and writes it with write, redacted if asked,
// to the file output (atomically) or, when output is empty, to IO.Out.
func (in portfolioInput) write(ctx context.Context, output string, write func(io.Writer, evidence.Portfolio) error) error {
	if output != "" {
		if err := refuseToReplace(output, append(databaseFiles(in.DBPath), in.Inputs...)); err != nil {
			return err
		}
	}
	store, err := sqlite.OpenReadOnly(ctx, in.DBPath, sqlite.WithCategories(in.Categories))
	if err != nil {
		return err
	}
	defer store.Close()
	if in.Filter.Site != nil {
		if err := checkSynced(ctx, store, *in.Filter.Site); err != nil {
			return err
		}
	}
	p, err := store.Portfolio(ctx, in.Filter, in.IO.Now())
	if err != nil {
		return err
	}
	if in.Classifier != "" {
		if other, err := store.ClassifiedOtherwise(ctx, in.Classifier); err != nil {
			return err
		} else if other {
			fmt.Fprintln(in.IO.ErrOut, "note: your evidence was classified by other rules than those in force (a new pmfolio or rules file); run pmfolio reclassify to bring it up to date (the next sync does it too)")
		}
	}
	render := write
	if in.Redact.On {
		render = func(w io.Writer, p evidence.Portfolio) error {
			return export.WriteRedacted(w, p, in.Redact.Terms, write)
		}
	}
	if output == "" {
		return render(in.IO.Out, p)
	}
	return writeFileAtomic(ctx, output, 0o644, func(w io.Writer) error { return render(w, p) })
}
