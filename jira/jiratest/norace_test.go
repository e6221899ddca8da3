//go:build !race

package jiratest

// raceEnabled tells timing checks that the race detector is slowing
// everything down.
const raceEnabled = false
