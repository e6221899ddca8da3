// Command pmfolio turns a person's own Jira activity into an interview-ready
// portfolio of product-management work.
package main

import (
	"fmt"
	"os"
	"runtime/debug"
	_ "time/tzdata" // JQL dates use the user's Jira time zone, on any system

	"golang.org/x/term"
)

func main() {
	width, _, err := term.GetSize(int(os.Stdout.Fd()))
	if err != nil {
		width = 0
	}
	var restoreTerminal func()
	if state, err := term.GetState(int(os.Stdin.Fd())); err == nil {
		restoreTerminal = func() { term.Restore(int(os.Stdin.Fd()), state) }
	}
	os.Exit(run(os.Args[1:], IO{
		Width:    width,
		In:       os.Stdin,
		Out:      os.Stdout,
		ErrOut:   os.Stderr,
		IsTTY:    term.IsTerminal(int(os.Stderr.Fd())),
		OutTTY:   term.IsTerminal(int(os.Stdout.Fd())),
		StdinTTY: term.IsTerminal(int(os.Stdin.Fd())),
		ReadSecret: func() (string, error) {
			secret, err := term.ReadPassword(int(os.Stdin.Fd()))
			fmt.Fprintln(os.Stderr) // the Enter the user typed was not echoed
			return string(secret), err
		},
		RestoreTerminal: restoreTerminal,
		Getenv:          os.Getenv,
		Exit:            os.Exit,
		SetMemoryLimit:  debug.SetMemoryLimit,
	}))
}
