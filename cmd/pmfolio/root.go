package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"regexp"
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
	// Width is the terminal's width in columns when Out is one, else 0.
	Width int
	// StdinTTY says a person can answer prompts on In.
	StdinTTY bool
	// ReadSecret reads a line from the terminal without echoing it.
	ReadSecret func() (string, error)
	// RestoreTerminal puts the terminal back as it was when pmfolio
	// started, for a Ctrl-C that ends the process in the middle of
	// ReadSecret, which turned echo off; nil: nothing to restore.
	RestoreTerminal func()
	Getenv          func(string) string
	Now             func() time.Time
	// Signals delivers interrupts; nil means the process's own (Ctrl-C).
	Signals <-chan os.Signal
	// Exit ends the process at once, for a second Ctrl-C; nil (tests)
	// makes the command return instead.
	Exit func(code int)
	// SetMemoryLimit is the process's debug.SetMemoryLimit, which sync
	// uses to bound its heap; nil (tests, whose process holds the fake
	// sites too) leaves the limit alone.
	SetMemoryLimit func(limit int64) int64
}

// globals are the flags every command takes.
type globals struct {
	io         IO
	dbFlag     string
	configFlag string
	rulesFlag  string
	// hints is what error hints depend on, filled in as it becomes known.
	hints hintContext
	// quiet is set by commands run with --quiet: errors then get one line.
	quiet bool
	// interrupts watches Ctrl-C and SIGTERM for the command.
	interrupts *interrupts
}

// config reads the config file the flags and environment point at.
func (g *globals) config() (fileConfig, error) {
	explicit := g.configFlag != "" || g.io.Getenv("PMFOLIO_CONFIG") != ""
	path := configPath(g.configFlag, g.io.Getenv)
	cfg, err := loadConfig(path, explicit)
	if err == nil && len(cfg.Sites) > 0 {
		g.hints.configFile = path
		if len(cfg.Sites) == 1 {
			g.hints.site = cfg.Sites[0].Name
		}
	}
	return cfg, err
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
	out := &lossWriter{w: stdio.Out}
	stdio.Out = out
	g := &globals{io: stdio}
	root := newRootCmd(g)
	root.SetArgs(args)
	root.SetIn(stdio.In)
	root.SetOut(stdio.Out)
	root.SetErr(stdio.ErrOut)
	interrupts, ctx := watchInterrupts(context.Background(), stdio)
	g.interrupts = interrupts
	if stdio.RestoreTerminal != nil {
		atExit(ctx, stdio.RestoreTerminal) // never done: any exit mid-command restores it
	}
	err := root.ExecuteContext(ctx)
	interrupts.release()
	if err == nil {
		err = out.err // output lost (a full disk) is no success, whatever the command checked
	}
	if err != nil && strings.HasPrefix(err.Error(), "unknown command") {
		err = &userError{Kind: kindUsage, Message: err.Error(), Hint: "run 'pmfolio --help' to see the commands"}
	}
	if stopped := interrupts.err(); stopped != nil {
		// Whatever the command made of it, a stop by signal ends as one:
		// scripts and shells read 130 or 143.
		err = stopped
	}
	return report(stdio.ErrOut, err, g.hints, g.quiet)
}

// lossWriter is standard output that remembers its first failed write.
type lossWriter struct {
	w   io.Writer
	err error
}

func (l *lossWriter) Write(p []byte) (int, error) {
	n, err := l.w.Write(p)
	if err != nil && l.err == nil {
		l.err = err
	}
	return n, err
}

// usageArgs makes a positional-argument check fail with the usage exit code.
func usageArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			msg := err.Error()
			if !strings.HasPrefix(msg, "unknown command") {
				// Cobra's "accepts 2 arg(s), received 1", with the usage
				// line that says which two.
				msg = "usage: " + cmd.UseLine() + " (" + argCount.ReplaceAllStringFunc(msg, func(n string) string {
					return plural(int(n[0]-'0'), "argument")
				}) + ")"
			}
			return &userError{Kind: kindUsage, Message: msg, Hint: "run '" + cmd.CommandPath() + " --help' for usage"}
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

Try it on the built-in sample site first:  pmfolio demo

Ctrl-C stops any command (sync finishes the page it is saving; Ctrl-C again stops at
once); the database is left as it was or fully updated.

Exit codes: 0 success, 1 any other failure, 2 bad usage (unknown flag, bad date,
unknown category or id, a bad config or rules file), 3 Jira refused the credentials
or permission, 4 Jira unreachable or still failing after retries, 5 another sync
holds the database, 130 interrupted by Ctrl-C (SIGINT), 143 stopped by SIGTERM.`,
		SilenceErrors: true,
		SilenceUsage:  true,
		Version:       buildVersion(),
	}
	root.SetVersionTemplate(versionLine() + "\n")
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return &userError{Kind: kindUsage, Message: flagErrorMessage(err), Hint: "run '" + cmd.CommandPath() + " --help' for usage"}
	})
	root.PersistentFlags().StringVar(&g.dbFlag, "db", "", "path of the SQLite database (default $PMFOLIO_DB, else ~/.local/share/pmfolio/pmfolio.db)")
	root.PersistentFlags().StringVar(&g.rulesFlag, "rules", "", "a rules file that adds, overrides or disables classification rules (default: the config file's rules)")
	root.PersistentFlags().StringVar(&g.configFlag, "config", "", "path of the config file (default $PMFOLIO_CONFIG, else ~/.config/pmfolio/config.yaml)")
	root.AddCommand(newSyncCmd(g), newExportCmd(g), newBulletsCmd(g), newStoriesCmd(g), newOutcomeCmd(g), newStatsCmd(g), newEvidenceCmd(g), newInitCmd(g), newDoctorCmd(g), newScheduleCmd(g), newReclassifyCmd(g), newRulesCmd(g), newDemoCmd(g), newNextCmd(g), newVersionCmd(g))
	root.InitDefaultCompletionCmd()
	refuseUnknownSubcommands(root)
	return root
}

// argCount is a count in Cobra's argument errors: "1 arg(s)".
var argCount = regexp.MustCompile(`\b\d arg\(s\)`)

// badFlagValue is pflag's error for a value its type cannot parse, which
// ends in Go's own words ("strconv.ParseInt: parsing \"abc\": invalid
// syntax").
var badFlagValue = regexp.MustCompile(`^invalid argument "(.*)" for "(.*?)" flag: strconv\.Parse(Int|Uint|Float|Bool)`)

// flagErrorMessage says what a flag wants in the user's terms.
func flagErrorMessage(err error) string {
	m := badFlagValue.FindStringSubmatch(err.Error())
	if m == nil {
		return err.Error()
	}
	flag, value := strings.TrimPrefix(m[2], "-o, "), m[1]
	if i := strings.LastIndex(flag, ", "); i >= 0 {
		flag = flag[i+2:] // "-o, --output": the long name
	}
	if m[3] == "Bool" {
		return fmt.Sprintf("%s takes true or false, not %q", flag, value)
	}
	return fmt.Sprintf("%s takes a number, not %q", flag, value)
}

// refuseUnknownSubcommands makes every command that only groups others
// ("evidence", "schedule", "completion") print its help when given none,
// and refuse a word that is none of them with exit 2: Cobra would print
// the help and succeed, so a script's typo would pass for success.
func refuseUnknownSubcommands(cmd *cobra.Command) {
	for _, sub := range cmd.Commands() {
		refuseUnknownSubcommands(sub)
	}
	if cmd.HasParent() && cmd.HasSubCommands() && cmd.Run == nil && cmd.RunE == nil {
		cmd.Args = usageArgs(cobra.NoArgs)
		cmd.RunE = func(cmd *cobra.Command, _ []string) error { return cmd.Help() }
	}
}
