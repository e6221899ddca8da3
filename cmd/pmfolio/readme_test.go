package main

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
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
