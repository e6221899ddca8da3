package main

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3";
// otherwise the module version that `go install …@v1.2.3` records is used.
var version = ""

func newVersionCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print pmfolio's version",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runVersion(g.io)
		},
	}
}

// runVersion prints the version line.
func runVersion(stdio IO) error {
	_, err := fmt.Fprintln(stdio.Out, versionLine())
	return err
}

// versionLine is what `pmfolio version` and `pmfolio --version` print: the
// version, the commit it was built from, Go's version and the platform.
func versionLine() string {
	return fmt.Sprintf("pmfolio %s (commit %s, %s, %s/%s)", buildVersion(), buildCommit(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

// commit is set at build time with -ldflags "-X main.commit=…"; otherwise
// the VCS revision Go records in the binary is used.
var commit = ""

// buildCommit is the short commit the binary was built from, marked
// "-dirty" when the tree had changes, or "unknown".
func buildCommit() string {
	if commit != "" {
		return commit
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	rev, dirty := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "unknown"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "-dirty"
	}
	return rev
}

func buildVersion() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}
