package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pmfolio/pmfolio/evidence"
)

// Names of what `schedule` installs.
const (
	scheduleUnit   = "pmfolio-sync"
	cronMarker     = "# pmfolio nightly sync"
	scheduleAtHelp = "time of day for the nightly sync, HH:MM in local time"
)

// scheduleOptions is everything the schedule commands need. Run and
// HasSystemd stand between pmfolio and the system so tests can replace them.
type scheduleOptions struct {
	IO      IO
	Yes     bool
	At      string   // "HH:MM"
	Command []string // the sync command line to run nightly
	UnitDir string   // where systemd user units live
	DBPath  string
	Run     func(ctx context.Context, stdin string, name string, args ...string) (string, error)
	Systemd func(ctx context.Context) bool
	HasCfg  bool // a config file exists: cron and systemd see no environment variables
	// EnvSite is the first config site that leaves a credential to the
	// environment, and EnvVar the variable it comes from: the job would
	// not see it.
	EnvSite, EnvVar string
	// TempDir is where `go run` and `go test` build binaries that vanish.
	TempDir string
	// User is the login name, for loginctl.
	User     string
	prompter *prompter
}

func newScheduleCmd(g *globals) *cobra.Command {
	opts := scheduleOptions{At: "02:30"}
	prepare := func() (scheduleOptions, error) {
		o := opts
		o.IO = g.io
		cfgPath := configPath(g.configFlag, g.io.Getenv)
		cfg, err := g.config()
		if err != nil {
			return o, err
		}
		_, statErr := os.Stat(cfgPath)
		o.HasCfg = statErr == nil
		for _, site := range cfg.Sites {
			if v := site.fromEnvironment(); v != "" && o.EnvVar == "" {
				o.EnvSite, o.EnvVar = site.Name, v
			}
		}
		o.DBPath = g.dbPath(cfg)
		exe, err := os.Executable()
		if err != nil {
			return o, fmt.Errorf("find the pmfolio binary: %w", err)
		}
		// Absolute paths: the job runs with another working directory.
		dbAbs, _ := filepath.Abs(o.DBPath)
		cfgAbs, _ := filepath.Abs(cfgPath)
		o.Command = []string{exe, "--db", dbAbs}
		if o.HasCfg {
			o.Command = append(o.Command, "--config", cfgAbs)
		}
		o.Command = append(o.Command, "sync", "--quiet")
		o.UnitDir = filepath.Join(configHome(g.io.Getenv), "systemd", "user")
		o.Run, o.Systemd = runSystemCommand, systemdAvailable
		o.TempDir, o.User = os.TempDir(), g.io.Getenv("USER")
		return o, nil
	}
	cmd := &cobra.Command{
		Use:   "schedule",
		Short: "Set up, remove or check a quiet nightly sync",
		Long: `schedule installs a nightly 'pmfolio sync --quiet': as a systemd user timer where systemd
runs your session, else as a crontab line. It shows what it will write and asks first
(--yes for scripts). The job cannot see your shell's environment variables, so it needs
the config file that 'pmfolio init' writes. Each run logs its start and its end in
sync.log beside the database; 'pmfolio doctor' and 'schedule status' show the last line,
and say when a sync started and never ended (it was killed, or the machine stopped).`,
		Example: `  pmfolio schedule install
  pmfolio schedule install --at 06:45 --yes
  pmfolio schedule status
  pmfolio schedule remove`,
	}
	install := &cobra.Command{
		Use:   "install",
		Short: "Install the nightly sync (systemd user timer, else crontab)",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			o, err := prepare()
			if err != nil {
				return err
			}
			return runScheduleInstall(cmd.Context(), o)
		},
	}
	install.Flags().StringVar(&opts.At, "at", opts.At, scheduleAtHelp)
	install.Flags().BoolVarP(&opts.Yes, "yes", "y", false, "do not ask before installing")
	remove := &cobra.Command{
		Use:   "remove",
		Short: "Remove the nightly sync",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			o, err := prepare()
			if err != nil {
				return err
			}
			return runScheduleRemove(cmd.Context(), o)
		},
	}
	status := &cobra.Command{
		Use:   "status",
		Short: "Say whether the nightly sync is installed and how its last run went",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			o, err := prepare()
			if err != nil {
				return err
			}
			return runScheduleStatus(cmd.Context(), o)
		},
	}
	cmd.AddCommand(install, remove, status)
	return cmd
}

// configHome is $XDG_CONFIG_HOME, else ~/.config.
func configHome(getenv func(string) string) string {
	if d := getenv("XDG_CONFIG_HOME"); d != "" {
		return d
	}
	return filepath.Join(homeDir(getenv), ".config")
}

func runSystemCommand(ctx context.Context, stdin, name string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Stdin = strings.NewReader(stdin)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// systemdAvailable reports whether a systemd user manager runs this session.
func systemdAvailable(ctx context.Context) bool {
	_, err := runSystemCommand(ctx, "", "systemctl", "--user", "show-environment")
	return err == nil
}

var clockTime = regexp.MustCompile(`^([01]?\d|2[0-3]):([0-5]\d)$`)

// shellJoin quotes a command line for a crontab or an ExecStart line.
func shellJoin(args []string) string {
	quoted := make([]string, len(args))
	for i, a := range args {
		quoted[i] = shellQuote(a)
	}
	return strings.Join(quoted, " ")
}

// systemdEscaper keeps a command line as written in an ExecStart line:
// systemd reads %h, %u, … as specifiers and $HOME, ${HOME} as variables,
// inside quotes too.
var systemdEscaper = strings.NewReplacer("%", "%%", "$", "$$")

func (o scheduleOptions) units() (service, timer string) {
	service = fmt.Sprintf(`[Unit]
Description=pmfolio: sync your Jira activity
Documentation=https://github.com/pmfolio/pmfolio

[Service]
Type=oneshot
ExecStart=%s
`, systemdEscaper.Replace(shellJoin(o.Command)))
	timer = fmt.Sprintf(`[Unit]
Description=pmfolio: nightly sync of your Jira activity

[Timer]
OnCalendar=*-*-* %s:00
RandomizedDelaySec=15m
Persistent=true

[Install]
WantedBy=timers.target
`, o.At)
	return service, timer
}

func (o scheduleOptions) cronLine() string {
	m := clockTime.FindStringSubmatch(o.At)
	hour, _ := strconv.Atoi(m[1])
	minute, _ := strconv.Atoi(m[2])
	// cron turns an unescaped % into a newline, even between quotes.
	return fmt.Sprintf("%d %d * * * %s %s", minute, hour, strings.ReplaceAll(shellJoin(o.Command), "%", `\%`), cronMarker)
}

// confirm shows what will be written and asks, unless --yes.
func (o scheduleOptions) confirm(what string) error {
	fmt.Fprintln(o.IO.ErrOut, what)
	if o.Yes {
		return nil
	}
	if !o.IO.StdinTTY {
		return usageError("schedule install asks before it writes; add --yes to install without asking")
	}
	p := o.prompter
	if p == nil {
		p = &prompter{io: o.IO, reader: bufio.NewReader(o.IO.In)}
	}
	answer, err := p.ask("Install this? [y/N] ")
	if err != nil {
		return err
	}
	if a := strings.ToLower(answer); a != "y" && a != "yes" {
		return &userError{Kind: kindDeclined, Message: "nothing installed"}
	}
	return nil
}

func runScheduleInstall(ctx context.Context, o scheduleOptions) error {
	if !clockTime.MatchString(o.At) {
		return usageError("--at %q is not a time like 02:30", o.At)
	}
	if !o.HasCfg {
		return &userError{Kind: kindUsage, Message: "the nightly sync would not see your JIRA_* environment variables",
			Hint: "run 'pmfolio init' first: it saves the site in a config file the job can read"}
	}
	if o.EnvVar != "" {
		return &userError{Kind: kindUsage, Message: fmt.Sprintf("the nightly sync would not see %s, which site %q of the config file takes from your environment", o.EnvVar, o.EnvSite),
			Hint: "put the token in the config file ('pmfolio init' saves it there) or give the site a token_cmd: that prints it, e.g. token_cmd: pass show jira"}
	}
	if temporaryBinary(o.Command[0], o.TempDir) {
		return &userError{Kind: kindUsage, Message: fmt.Sprintf("%s is in a temporary folder (where go run builds) that may be cleaned before tonight", o.Command[0]),
			Hint: "install pmfolio first: go install github.com/pmfolio/pmfolio/cmd/pmfolio@latest, then run 'pmfolio schedule install'"}
	}
	if o.Systemd(ctx) {
		service, timer := o.units()
		servicePath := filepath.Join(o.UnitDir, scheduleUnit+".service")
		timerPath := filepath.Join(o.UnitDir, scheduleUnit+".timer")
		if err := o.confirm(fmt.Sprintf("pmfolio will write %s:\n\n%s\nand %s:\n\n%s\nthen run: systemctl --user enable --now %s.timer",
			servicePath, service, timerPath, timer, scheduleUnit)); err != nil {
			return err
		}
		if err := os.MkdirAll(o.UnitDir, 0o755); err != nil {
			return fmt.Errorf("create %s: %w", o.UnitDir, err)
		}
		for path, body := range map[string]string{servicePath: service, timerPath: timer} {
			if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
				return fmt.Errorf("write %s: %w", path, err)
			}
		}
		for _, args := range [][]string{{"--user", "daemon-reload"}, {"--user", "enable", "--now", scheduleUnit + ".timer"}} {
			if out, err := o.Run(ctx, "", "systemctl", args...); err != nil {
				return fmt.Errorf("systemctl %s: %v: %s", strings.Join(args, " "), err, evidence.OneLine(out))
			}
		}
		fmt.Fprintf(o.IO.Out, "Installed: a systemd user timer runs pmfolio sync every night at %s.\n", o.At)
		fmt.Fprintln(o.IO.Out, o.lingerAdvice(ctx))
		return nil
	}
	current, err := o.crontab(ctx)
	if err != nil {
		return err
	}
	line := o.cronLine()
	if err := o.confirm("pmfolio will add this line to your crontab:\n\n  " + line + "\n"); err != nil {
		return err
	}
	if err := o.writeCrontab(ctx, append(withoutMarker(current), line)); err != nil {
		return err
	}
	fmt.Fprintf(o.IO.Out, "Installed: cron runs pmfolio sync every night at %s.\n", o.At)
	return nil
}

func runScheduleRemove(ctx context.Context, o scheduleOptions) error {
	removed := false
	timerPath := filepath.Join(o.UnitDir, scheduleUnit+".timer")
	if _, err := os.Stat(timerPath); err == nil {
		if o.Systemd(ctx) {
			o.Run(ctx, "", "systemctl", "--user", "disable", "--now", scheduleUnit+".timer")
		}
		for _, ext := range []string{".timer", ".service"} {
			if err := os.Remove(filepath.Join(o.UnitDir, scheduleUnit+ext)); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		}
		if o.Systemd(ctx) {
			o.Run(ctx, "", "systemctl", "--user", "daemon-reload")
		}
		removed = true
	}
	current, err := o.crontab(ctx)
	if execErr := (*exec.Error)(nil); errors.As(err, &execErr) {
		// No cron here: nothing was installed in one to remove.
		current, err = nil, nil
	}
	if err != nil {
		return err
	}
	if kept := withoutMarker(current); len(kept) != len(current) {
		if err := o.writeCrontab(ctx, kept); err != nil {
			return err
		}
		removed = true
	}
	if !removed {
		fmt.Fprintln(o.IO.Out, "No nightly sync was installed.")
		return nil
	}
	fmt.Fprintln(o.IO.Out, "Removed the nightly sync.")
	return nil
}

func runScheduleStatus(ctx context.Context, o scheduleOptions) error {
	installed := "not installed ('pmfolio schedule install' sets it up)"
	if _, err := os.Stat(filepath.Join(o.UnitDir, scheduleUnit+".timer")); err == nil {
		installed = "installed as the systemd user timer " + scheduleUnit + ".timer"
	} else if current, err := o.crontab(ctx); err == nil && len(withoutMarker(current)) != len(current) {
		installed = "installed in your crontab"
	}
	fmt.Fprintf(o.IO.Out, "Nightly sync: %s\n", installed)
	if strings.Contains(installed, "systemd") {
		fmt.Fprintf(o.IO.Out, "Logged out:   %s\n", o.lingerAdvice(ctx))
	}
	line, err := lastSyncLogLine(o.DBPath)
	if err != nil {
		return err
	}
	if line == "" {
		line = "none yet"
	}
	fmt.Fprintf(o.IO.Out, "Last run:     %s\n", line)
	logged, err := syncLogBySite(o.DBPath)
	if err != nil {
		return err
	}
	for _, name := range slices.Sorted(maps.Keys(logged)) {
		if entry := logged[name]; entry.unfinished {
			fmt.Fprintf(o.IO.Out, "              %s: %s\n", name, entry.unfinishedText(o.IO.Now()))
		}
	}
	return nil
}

// crontab reads the user's crontab lines; none is an empty crontab.
func (o scheduleOptions) crontab(ctx context.Context) ([]string, error) {
	out, err := o.Run(ctx, "", "crontab", "-l")
	if err != nil {
		if strings.Contains(out, "no crontab") {
			return nil, nil
		}
		var execErr *exec.Error
		if errors.As(err, &execErr) {
			return nil, &userError{Kind: kindOther, Message: "neither systemd nor cron is available here",
				Hint: "run 'pmfolio sync --quiet' from your own scheduler", Err: execErr}
		}
		return nil, fmt.Errorf("crontab -l: %v: %s", err, evidence.OneLine(out))
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		if l != "" {
			lines = append(lines, l)
		}
	}
	return lines, nil
}

func (o scheduleOptions) writeCrontab(ctx context.Context, lines []string) error {
	body := strings.Join(lines, "\n")
	if body != "" {
		body += "\n"
	}
	if out, err := o.Run(ctx, body, "crontab", "-"); err != nil {
		return fmt.Errorf("crontab -: %v: %s", err, evidence.OneLine(out))
	}
	return nil
}

// withoutMarker drops pmfolio's own crontab lines.
func withoutMarker(lines []string) []string {
	var kept []string
	for _, l := range lines {
		if !strings.HasSuffix(strings.TrimSpace(l), cronMarker) {
			kept = append(kept, l)
		}
	}
	return kept
}

// temporaryBinary reports whether exe is a binary `go run` or `go test`
// built in a temporary directory: a timer pointing at it would fail once
// the directory is cleaned.
func temporaryBinary(exe, tempDir string) bool {
	if strings.Contains(exe, string(filepath.Separator)+"go-build") {
		return true
	}
	if tempDir == "" {
		return false
	}
	rel, err := filepath.Rel(tempDir, exe)
	return err == nil && !strings.HasPrefix(rel, "..")
}

// lingerAdvice says whether the systemd user timer runs while the user is
// logged out: only with lingering on, which loginctl reports.
func (o scheduleOptions) lingerAdvice(ctx context.Context) string {
	user := o.User
	if user == "" {
		user = "$USER"
	}
	out, _ := o.Run(ctx, "", "loginctl", "show-user", user, "--property=Linger", "--value")
	switch strings.TrimSpace(out) {
	case "yes":
		return "lingering is on, so the timer also runs while you are logged out."
	case "no":
		return "a user timer runs only while you are logged in; to run it while logged out too: loginctl enable-linger " + user
	}
	return "could not ask loginctl about lingering; a user timer runs while logged out only after: loginctl enable-linger " + user
}
