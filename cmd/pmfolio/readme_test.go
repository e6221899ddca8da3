package main

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/pmfolio/pmfolio/evidence/next"
)

// TestReadmeListsEveryCommandsFlags reads README.md's table of flags: each
// command's row names every flag the command has, so the table cannot
// fall behind the code.
func TestReadmeListsEveryCommandsFlags(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, ok := strings.Cut(string(data), "| command | its flags |")
	if !ok {
		t.Fatal("README.md has no table of every command's flags")
	}
	table, _, _ = strings.Cut(table, "\n\n")
	rows := map[string]string{}
	for _, line := range strings.Split(table, "\n") {
		cells := strings.Split(line, " | ")
		if len(cells) < 2 {
			continue
		}
		for _, name := range regexp.MustCompile("`([a-z][a-z ]*?)(?: [A-Z]|`)").FindAllStringSubmatch(cells[0], -1) {
			rows[strings.TrimSpace(name[1])] = cells[1]
		}
	}
	var walk func(cmd *cobra.Command)
	walk = func(cmd *cobra.Command) {
		for _, sub := range cmd.Commands() {
			if sub.Hidden || sub.Name() == "help" || sub.Name() == "completion" {
				continue
			}
			if sub.HasSubCommands() {
				walk(sub)
				continue
			}
			path := strings.TrimPrefix(sub.CommandPath(), "pmfolio ")
			row, ok := rows[path]
			if !ok {
				t.Errorf("README.md's flag table has no row for %q", path)
				continue
			}
			sub.LocalNonPersistentFlags().VisitAll(func(f *pflag.Flag) {
				if f.Name != "help" && !strings.Contains(row, "--"+f.Name) && !(f.Shorthand != "" && strings.Contains(row, "-"+f.Shorthand+" ")) {
					t.Errorf("README.md's row for %q lacks --%s", path, f.Name)
				}
			})
		}
	}
	walk(newRootCmd(&globals{io: IO{Getenv: func(string) string { return "" }}}))
}

// helpWidth is the widest line of a command's Long help: it reads on an
// ordinary terminal without a line that runs on past the others.
const helpWidth = 90

// TestLongHelpIsWrappedForATerminal keeps every command's Long help within
// helpWidth columns (the root's exit codes and next's list of detectors
// ran to 118).
func TestLongHelpIsWrappedForATerminal(t *testing.T) {
	var walk func(cmd *cobra.Command)
	walk = func(cmd *cobra.Command) {
		for _, line := range strings.Split(cmd.Long, "\n") {
			if n := len([]rune(line)); n > helpWidth {
				t.Errorf("%s --help has a line of %d columns, more than %d:\n%s", cmd.CommandPath(), n, helpWidth, line)
			}
		}
		for _, sub := range cmd.Commands() {
			walk(sub)
		}
	}
	walk(newRootCmd(&globals{io: IO{Getenv: func(string) string { return "" }}}))
}

// TestNextHelpAndReadmeNameEveryDetector: a person learns what next looks
// for from its help and from README.md's row for it, so both name the work
// of every built-in detector (NEXT.md describes each in full).
func TestNextHelpAndReadmeNameEveryDetector(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, readme, _ := strings.Cut(string(data), "| `pmfolio next` |")
	readme, _, _ = strings.Cut(readme, "\n")
	help := strings.Join(strings.Fields(newNextCmd(&globals{}).Long), " ")
	// What each detector finds, as the help and as README.md say it.
	says := map[string][2]string{
		"story.no-acceptance-criteria": {"without acceptance criteria", "without acceptance criteria"},
		"story.no-estimate":            {"or an estimate", "or estimate"},
		"story.too-large":              {"too large to finish", "too large to finish"},
		"blocked.stale":                {"blocked issues nobody has chased", "stale blocked issues"},
		"blocked.unlinked":             {"blocks nobody linked", "blocks nobody linked"},
		"dependency.other-team":        {"another team that has not planned its blocker", "another team that has not planned its blocker"},
		"epic.no-progress-note":        {"progress note", "progress note"},
		"epic.no-success-metric":       {"success metric", "success metric"},
		"epic.done-no-outcome":         {"done epics with no result written down", "done epics with no result written down"},
		"question.unanswered":          {"questions nobody answered", "unanswered questions"},
		"incident.no-postmortem":       {"incidents without a postmortem", "incidents without a postmortem"},
		"incident.follow-up-stale":     {"incidents' follow-ups nobody followed up", "incidents' follow-ups nobody followed up"},
		"promise.overdue":              {"promises to take an issue up that were not kept", "promises to take an issue up that were not kept"},
		"promise.revisit-due":          {"closed issues you said to revisit once something happened that has", "closed issues you said to revisit once something happened that has"},
		"promise.broken":               {"dates you told someone that the plan has broken", "dates you told someone that the plan has broken"},
		"bug.untriaged":                {"untriaged bugs", "untriaged bugs"},
		"in-progress.unassigned":       {"work in progress nobody owns", "unowned or stalled work in progress"},
		"in-progress.stalled":          {"stopped moving", "unowned or stalled work in progress"},
		"in-progress.outside-sprint":   {"a closed sprint left behind", "a closed sprint left behind"},
		"in-progress.set-aside":        {"that someone set aside since", "in progress that someone set aside"},
		"sprint.overcommitted":         {"beyond what the team finishes", "beyond what the team finishes"},
		"duplicate.likely":             {"likely duplicates", "likely duplicates"},
		"duplicate.done":               {"open issues done as another", "open issues done as another"},
		"priority.top-unowned":         {"top-priority issues nobody owns or plans", "top-priority issues nobody owns or plans"},
		"sprint.unowned-priority":      {"urgent issues of the sprint nobody has taken in its last week", "urgent issues of the sprint nobody has taken in its last week"},
		"priority.assigned-stale":      {"or whose owner went quiet", "or whose owner went quiet"},
		"sprint.overdue":               {"sprints past their end nobody closed", "sprints past their end nobody closed"},
		"release.unowned-issues":       {"with unowned issues", "with unowned issues"},
		"release.missed":               {"issues a release shipped without", "issues a release shipped without"},
	}
	cfg, err := next.Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range cfg.Detectors {
		phrases, ok := says[d.ID]
		if !ok {
			t.Errorf("detector %s: say here what the help and README.md call the work it finds", d.ID)
			continue
		}
		if !strings.Contains(help, phrases[0]) {
			t.Errorf("next --help does not name what %s finds (%q)", d.ID, phrases[0])
		}
		if !strings.Contains(readme, phrases[1]) {
			t.Errorf("README.md's row for next does not name what %s finds (%q)", d.ID, phrases[1])
		}
	}
}

// The quick start on one's own Jira shows the commands of a first day:
// sync, export, and next, what the team needs of you.
func TestReadmeQuickStartRunsSyncExportAndNext(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, start, ok := strings.Cut(string(data), "## Use it on your own Jira")
	if !ok {
		t.Fatal("README.md has no section on using it on your own Jira")
	}
	_, block, _ := strings.Cut(start, "```sh\n")
	block, _, _ = strings.Cut(block, "```")
	for _, command := range []string{"pmfolio sync", "pmfolio export", "pmfolio next"} {
		if !regexp.MustCompile(`(?m)^` + command + `\b`).MatchString(block) {
			t.Errorf("README.md's quick start lacks %s:\n%s", command, block)
		}
	}
}
