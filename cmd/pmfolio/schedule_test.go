package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"
)

// fakeSystem stands in for systemctl and crontab.
type fakeSystem struct {
	systemd bool
	linger  string // loginctl's answer for maya: yes or no
	crontab string // "" with noCrontab: the user has none
	calls   []string
}

func (f *fakeSystem) run(_ context.Context, stdin, name string, args ...string) (string, error) {
	call := strings.Join(append([]string{name}, args...), " ")
	f.calls = append(f.calls, call)
	switch call {
	case "crontab -l":
		if f.crontab == "" {
			return "no crontab for maya\n", &exec.ExitError{}
		}
		return f.crontab, nil
	case "crontab -":
		f.crontab = stdin
	case "loginctl show-user maya --property=Linger --value":
		return f.linger + "\n", nil
	}
	return "", nil
}

func scheduleFixture(t *testing.T, sys *fakeSystem, stdin string, tty, yes bool) (scheduleOptions, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	var out, errOut bytes.Buffer
	dir := t.TempDir()
	return scheduleOptions{
		IO:      IO{In: strings.NewReader(stdin), Out: &out, ErrOut: &errOut, StdinTTY: tty},
		Yes:     yes,
		At:      "02:30",
		Command: []string{"/usr/local/bin/pmfolio", "--db", "/home/maya/my data/pmfolio.db", "sync", "--quiet"},
		UnitDir: filepath.Join(dir, "systemd", "user"),
		DBPath:  filepath.Join(dir, "pmfolio.db"),
		Run:     sys.run,
		Systemd: func(context.Context) bool { return sys.systemd },
		HasCfg:  true,
	}, &out, &errOut
}

func TestScheduleInstallsASystemdTimerAfterAsking(t *testing.T) {
	sys := &fakeSystem{systemd: true}
	o, out, errOut := scheduleFixture(t, sys, "y\n", true, false)
	if err := runScheduleInstall(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errOut.String(), "pmfolio-sync.timer") || !strings.Contains(errOut.String(), "Install this? [y/N]") {
		t.Errorf("did not show and ask first:\n%s", errOut.String())
	}
	service, _ := os.ReadFile(filepath.Join(o.UnitDir, "pmfolio-sync.service"))
	timer, _ := os.ReadFile(filepath.Join(o.UnitDir, "pmfolio-sync.timer"))
	if !strings.Contains(string(service), "ExecStart=/usr/local/bin/pmfolio --db '/home/maya/my data/pmfolio.db' sync --quiet\n") ||
		!strings.Contains(string(timer), "OnCalendar=*-*-* 02:30:00\n") || !strings.Contains(string(timer), "Persistent=true") {
		t.Errorf("units:\n%s\n%s", service, timer)
	}
	if got := strings.Join(sys.calls, "; "); got != "systemctl --user daemon-reload; systemctl --user enable --now pmfolio-sync.timer; loginctl show-user $USER --property=Linger --value" {
		t.Errorf("calls = %s", got)
	}
	if !strings.Contains(out.String(), "every night at 02:30") {
		t.Errorf("out = %q", out.String())
	}

	status, sout, _ := scheduleFixture(t, sys, "", false, false)
	status.UnitDir = o.UnitDir
	if err := runScheduleStatus(context.Background(), status); err != nil || !strings.Contains(sout.String(), "systemd user timer") {
		t.Errorf("status: %v %q", err, sout.String())
	}
	if err := runScheduleRemove(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(o.UnitDir, "pmfolio-sync.timer")); err == nil {
		t.Error("remove left the timer")
	}
}

func TestScheduleFallsBackToCrontabKeepingOtherLines(t *testing.T) {
	sys := &fakeSystem{crontab: "MAILTO=maya@example.com\n0 9 * * 1 /usr/bin/backup\n"}
	o, _, _ := scheduleFixture(t, sys, "", false, true)
	o.At = "06:05"
	if err := runScheduleInstall(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	want := "MAILTO=maya@example.com\n0 9 * * 1 /usr/bin/backup\n" +
		"5 6 * * * /usr/local/bin/pmfolio --db '/home/maya/my data/pmfolio.db' sync --quiet # pmfolio nightly sync\n"
	if sys.crontab != want {
		t.Errorf("crontab =\n%s\nwant\n%s", sys.crontab, want)
	}
	// Installing twice keeps one line.
	if err := runScheduleInstall(context.Background(), o); err != nil || strings.Count(sys.crontab, cronMarker) != 1 {
		t.Errorf("second install: %v\n%s", err, sys.crontab)
	}
	if err := runScheduleRemove(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	if sys.crontab != "MAILTO=maya@example.com\n0 9 * * 1 /usr/bin/backup\n" {
		t.Errorf("after remove: %q", sys.crontab)
	}
}

func TestScheduleRefusesWhatCannotWork(t *testing.T) {
	sys := &fakeSystem{}
	o, _, _ := scheduleFixture(t, sys, "", false, false)
	if err := runScheduleInstall(context.Background(), o); err == nil || !strings.Contains(err.Error(), "asks before it writes") {
		t.Errorf("no terminal, no --yes: %v", err)
	}
	o.Yes, o.HasCfg = true, false
	if err := runScheduleInstall(context.Background(), o); err == nil || !strings.Contains(explain(err, hintContext{}).Hint, "pmfolio init") {
		t.Errorf("no config file: %v", err)
	}
	o.HasCfg, o.At = true, "25:00"
	if err := runScheduleInstall(context.Background(), o); err == nil {
		t.Error("accepted --at 25:00")
	}
	o.At, o.Yes, o.IO.StdinTTY, o.IO.In = "02:30", false, true, strings.NewReader("n\n")
	if err := runScheduleInstall(context.Background(), o); err == nil || sys.crontab != "" {
		t.Errorf("answered no: %v, crontab %q", err, sys.crontab)
	}
}

func TestScheduleRefusesAGoRunBinaryAndExplainsLingering(t *testing.T) {
	sys := &fakeSystem{systemd: true, linger: "no"}
	o, out, _ := scheduleFixture(t, sys, "", false, true)
	o.TempDir, o.User = "/tmp", "maya"
	tmpExe := o
	tmpExe.Command = append([]string{"/tmp/go-build2211/b001/exe/pmfolio"}, o.Command[1:]...)
	err := runScheduleInstall(context.Background(), tmpExe)
	if ue := explain(err, hintContext{}); err == nil || ue.Kind != kindUsage || !strings.Contains(ue.Hint, "go install github.com/pmfolio/pmfolio/cmd/pmfolio@latest") {
		t.Errorf("install from go run: %v", err)
	}
	if _, statErr := os.Stat(filepath.Join(o.UnitDir, "pmfolio-sync.timer")); statErr == nil {
		t.Error("a timer was written for a temporary binary")
	}
	if err := runScheduleInstall(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "runs only while you are logged in; to run it while logged out too: loginctl enable-linger maya") {
		t.Errorf("no word about lingering:\n%s", out)
	}
	out.Reset()
	sys.linger = "yes"
	if err := runScheduleStatus(context.Background(), o); err != nil || !strings.Contains(out.String(), "Logged out:   lingering is on") {
		t.Errorf("status: %v\n%s", err, out)
	}
}

// Where neither systemd nor cron exists, install says so, and remove and
// status agree that nothing is installed (remove failed while status said
// "not installed").
func TestScheduleWithoutAnySchedulerHasNothingToRemove(t *testing.T) {
	sys := &fakeSystem{}
	o, out, _ := scheduleFixture(t, sys, "", false, true)
	o.Run = func(_ context.Context, _, name string, _ ...string) (string, error) {
		return "", &exec.Error{Name: name, Err: exec.ErrNotFound}
	}
	if err := runScheduleInstall(context.Background(), o); err == nil || !strings.Contains(err.Error(), "neither systemd nor cron") {
		t.Errorf("install without a scheduler: %v", err)
	}
	if err := runScheduleRemove(context.Background(), o); err != nil || !strings.Contains(out.String(), "No nightly sync was installed.") {
		t.Errorf("remove without a scheduler: %v, %q", err, out.String())
	}
}

// A % or $ in the database or config path reaches sync as written: cron
// would cut the line at a %, and systemd would read %h as the home folder
// and $HOME as a variable (the single quotes keep a shell from it).
func TestScheduleEscapesPercentForCronAndSystemd(t *testing.T) {
	for _, tt := range []struct {
		systemd bool
		want    string
	}{
		{false, `5 6 * * * /usr/local/bin/pmfolio --db '/home/maya/100\% data/pm\%\%h$HOME.db' sync --quiet ` + cronMarker},
		{true, `ExecStart=/usr/local/bin/pmfolio --db '/home/maya/100%% data/pm%%%%h$$HOME.db' sync --quiet` + "\n"},
	} {
		sys := &fakeSystem{systemd: tt.systemd}
		o, _, _ := scheduleFixture(t, sys, "", false, true)
		o.At, o.Command[2] = "06:05", "/home/maya/100% data/pm%%h$HOME.db"
		if err := runScheduleInstall(context.Background(), o); err != nil {
			t.Fatal(err)
		}
		got := sys.crontab
		if tt.systemd {
			service, _ := os.ReadFile(filepath.Join(o.UnitDir, "pmfolio-sync.service"))
			got = string(service)
		}
		if !strings.Contains(got, tt.want) {
			t.Errorf("wrote\n%s\nwant it to hold\n%s", got, tt.want)
		}
	}
}

// A config site whose token comes from JIRA_API_TOKEN (or JIRA_PAT) in the
// shell would fail every night: the job does not see the shell's
// environment. Install says what to do instead of installing it.
func TestScheduleRefusesASiteWhoseTokenIsOnlyInTheEnvironment(t *testing.T) {
	for _, tt := range []struct {
		site siteConf
		want string // in the error; "" installs
	}{
		{siteConf{Name: "acme", URL: "https://acme.atlassian.net", Email: "maya@acme.com"}, `would not see JIRA_API_TOKEN, which site "acme"`},
		{siteConf{Name: "dc", URL: "https://jira.example.com"}, `would not see JIRA_PAT, which site "dc"`},
		{siteConf{Name: "acme", URL: "https://acme.atlassian.net", APIToken: "t"}, `would not see JIRA_EMAIL`},
		{siteConf{Name: "acme", URL: "https://acme.atlassian.net", Email: "maya@acme.com", TokenCmd: "pass show jira"}, ""},
		{siteConf{Name: "dc", URL: "https://jira.example.com", PAT: "p"}, ""},
	} {
		dir := t.TempDir()
		config := filepath.Join(dir, "config.yaml")
		body, _ := yaml.Marshal(fileConfig{Sites: []siteConf{tt.site}})
		if err := os.WriteFile(config, body, 0o600); err != nil {
			t.Fatal(err)
		}
		env := isolatedEnv(t)
		env["JIRA_API_TOKEN"], env["JIRA_PAT"], env["JIRA_EMAIL"] = "from-the-shell", "from-the-shell", "maya@acme.com"
		r := cli{env: env}.run(t, "--config", config, "--db", filepath.Join(dir, "p.db"), "schedule", "install", "--yes")
		if tt.want == "" {
			if strings.Contains(r.errOut, "would not see") {
				t.Errorf("%+v: refused: %s", tt.site, r.errOut)
			}
			continue
		}
		if r.code != exitUsage || !strings.Contains(r.errOut, tt.want) || !strings.Contains(r.errOut, "token_cmd") {
			t.Errorf("%+v: exit %d, stderr %q; want 2 and %q with how to fix it", tt.site, r.code, r.errOut, tt.want)
		}
	}
}

// Below the last line of sync.log, schedule status says that a sync
// logged its start and nothing more.
func TestScheduleStatusSaysASyncDidNotFinish(t *testing.T) {
	o, out, _ := scheduleFixture(t, &fakeSystem{}, "", false, false)
	o.IO.Now = func() time.Time { return testNow }
	writeFile(t, syncLogPath(o.DBPath), "2026-11-21T02:00:00Z acme ok issues=3 duration=9.0s pid=6\n2026-11-22T02:00:00Z acme started pid=7\n")
	if err := runScheduleStatus(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	want := "Last run:     2026-11-22T02:00:00Z acme started pid=7\n" +
		"              acme: started at 2026-11-22 02:00 (8 hours ago) and did not finish (killed, or the machine stopped); the next sync resumes where it stopped\n"
	if !strings.HasSuffix(out.String(), want) {
		t.Errorf("status:\n%s\nwant it to end with:\n%s", out, want)
	}
}
