//go:build race

package jiratest

// raceEnabled relaxes timing checks: the race detector slows generation
// several times over.
const raceEnabled = true
