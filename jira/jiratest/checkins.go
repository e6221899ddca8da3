package jiratest

import (
	"regexp"
	"strconv"
	"time"
)

// storiesDone is the progress a status note reports, as the phrase books
// write it: "4 of 9 stories done", maybe with ", the rest are in review".
var storiesDone = regexp.MustCompile(`\b(\d+) of (\d+) stories done(, the rest are in review)?`)

// countCheckIns makes every "n of m stories done" tell the truth about the
// epic it is written on, or under: m its issues filed by then, n those of
// them resolved by then. The phrase books pick the numbers at random, and a
// reader who follows the link to an epic of eight issues should not find
// "4 of 9 stories done" there. No randomness is drawn, so the rest of the
// site stays as it was.
func (g *generator) countCheckIns() {
	children := make(map[*Issue][]*Issue)
	for _, is := range g.site.issues {
		if is.Parent != nil {
			children[is.Parent] = append(children[is.Parent], is)
		}
	}
	for _, is := range g.site.issues {
		epic := is.epic()
		for _, c := range is.Comments {
			if !storiesDone.MatchString(c.Body) {
				continue
			}
			filed, done := progressAt(children[epic], c.Created)
			rest := storiesDone.FindStringSubmatch(c.Body)[3] != ""
			for _, note := range progressNotes(filed, done, rest) {
				if body := storiesDone.ReplaceAllLiteralString(c.Body, note); !g.said[body] {
					c.Body = body
					break
				}
			}
			g.said[c.Body] = true
		}
	}
}

// progressAt counts the issues filed before t and those resolved before t.
func progressAt(issues []*Issue, t time.Time) (filed, done int) {
	for _, is := range issues {
		if !is.Created.Before(t) {
			continue
		}
		filed++
		if !is.Resolved.IsZero() && is.Resolved.Before(t) {
			done++
		}
	}
	return filed, done
}

// progressNotes say how far an epic's issues are, in place of a phrase
// book's "n of m stories done", the likeliest first; rest is whether the
// note went on with ", the rest are in review", which it keeps only where
// there is a rest. A note on an issue under no epic has no count to give,
// and says in one of a few ways that the work is in review, so that no two
// notes on the site read the same.
func progressNotes(filed, done int, rest bool) []string {
	n := strconv.Itoa(filed)
	switch {
	case filed == 0:
		return []string{"the work is in review", "the code is done and in review", "the change is in review", "all of it is in review now"}
	case filed == 1 && done == 1:
		return []string{"the one story is done"}
	case filed == 1:
		return []string{"the one story is not done yet"}
	case done == filed && rest:
		return []string{"all " + n + " stories done, the rollout is next"}
	case done == filed:
		return []string{"all " + n + " stories done"}
	case done == 0 && rest:
		return []string{"none of the " + n + " stories done yet, the first are in review"}
	case done == 0:
		return []string{"none of the " + n + " stories done yet"}
	case rest:
		return []string{strconv.Itoa(done) + " of " + n + " stories done, the rest are in review"}
	}
	return []string{strconv.Itoa(done) + " of " + n + " stories done"}
}
