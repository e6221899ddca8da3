package main

import (
	"context"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"
)

// IO is everything a command reads from or writes to the outside, so tests
// drive commands with buffers.
type IO struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	IsTTY  bool // ErrOut is a terminal: progress bars may be drawn there
	// OutTTY says Out is a terminal: output for people may use its graphics.
	OutTTY bool
	// StdinTTY says a person can answer prompts on In.
	StdinTTY bool
	// ReadSecret reads a line from the terminal without echoing it.
	ReadSecret func() (string, error)
	Getenv     func(string) string
	Now        func() time.Time
	// Signals delivers interrupts; nil means the process's own (Ctrl-C).
	Signals <-chan os.Signal
}

// globals are the flags every command takes.
type globals struct {
	io         IO
	dbFlag     string
	configFlag string
	rulesFlag  string
	// deployment of the site being talked to, once known, for error hints.
	deployment string
	// quiet is set by commands run with --quiet: errors then get one line.
	quiet bool
}

// config reads the config file the flags and environment point at.
func (g *globals) config() (fileConfig, error) {
	explicit := g.configFlag != "" || g.io.Getenv("PMFOLIO_CONFIG") != ""
	return loadConfig(configPath(g.configFlag, g.io.Getenv), explicit)
}

// rulesPath is the user rules file the flag or the config names, if any.
func (g *globals) rulesPath(cfg fileConfig) string {
	if g.rulesFlag != "" {
		return g.rulesFlag
	}
	return cfg.Rules
}

// dbPath is the database the flags, environment and config point at.
func (g *globals) dbPath(cfg fileConfig) string {
	return dbPath(g.dbFlag, g.io.Getenv, cfg)
}

// run executes one command line and returns the process's exit code. It is
// the only place that turns errors into exit codes.
func run(args []string, stdio IO) int {
	if stdio.Now == nil {
		stdio.Now = time.Now
	}
	if stdio.Getenv == nil {
		stdio.Getenv = func(string) string { return "" }
	}
	if stdio.Signals == nil {
		ch := make(chan os.Signal, 2)
		signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
		defer signal.Stop(ch)
		stdio.Signals = ch
	}
	g := &globals{io: stdio}
	root := newRootCmd(g)
	root.SetArgs(args)
	root.SetIn(stdio.In)
	root.SetOut(stdio.Out)
	root.SetErr(stdio.ErrOut)
	err := root.ExecuteContext(context.Background())
	if err != nil && strings.HasPrefix(err.Error(), "unknown command") {
		err = &userError{Code: exitUsage, Message: err.Error(), Hint: "run 'pmfolio --help' to see the commands"}
	}
	return report(stdio.ErrOut, err, g.deployment, g.quiet)
}

// usageArgs makes a positional-argument check fail with the usage exit code.
func usageArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return &userError{Code: exitUsage, Message: err.Error(), Hint: "run '" + cmd.CommandPath() + " --help' for usage"}
		}
		return nil
	}
}

func newRootCmd(g *globals) *cobra.Command {
	root := &cobra.Command{
		Use:   "pmfolio",
		Short: "Turn your own Jira activity into a product-management portfolio",
		Long: `pmfolio pulls the stories, epics, comments and changes you made in Jira, classifies
the product-management work among them (grooming, stakeholder updates, unblocking, …),
keeps it in a local SQLite database, and exports a portfolio with a link to the proof
behind every claim.

Try it on the built-in sample site first:  pmfolio demo`,
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return &userError{Code: exitUsage, Message: err.Error(), Hint: "run '" + cmd.CommandPath() + " --help' for usage"}
	})
	root.PersistentFlags().StringVar(&g.dbFlag, "db", "", "path of the SQLite database (default $PMFOLIO_DB, else ~/.local/share/pmfolio/pmfolio.db)")
	root.PersistentFlags().StringVar(&g.rulesFlag, "rules", "", "a rules file that adds, overrides or disables classification rules (default: the config file's rules)")
	root.PersistentFlags().StringVar(&g.configFlag, "config", "", "path of the config file (default $PMFOLIO_CONFIG, else ~/.config/pmfolio/config.yaml)")
	root.AddCommand(newSyncCmd(g), newExportCmd(g), newBulletsCmd(g), newStoriesCmd(g), newStatsCmd(g), newEvidenceCmd(g), newInitCmd(g), newDoctorCmd(g), newScheduleCmd(g), newReclassifyCmd(g), newRulesCmd(g), newDemoCmd(g), newNextCmd(g), newVersionCmd(g))
	return root
}
