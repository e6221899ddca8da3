package export

import (
	"regexp"
	"slices"
	"strings"

	"github.com/pmfolio/pmfolio/evidence"
)

// sprintNamed finds a sprint a note names ("OPS Sprint 49", "Sprint 49")
// and whether the note takes the issue out of it ("Taking this out of
// OPS Sprint 57").
var sprintNamed = regexp.MustCompile(`(?i:(\bout of\s+))?(?:\b([A-Z][A-Z0-9]+)\s+)?\b[Ss]print\s+(\d+)\b`)

// claimedSprint is the sprint a note of the user's puts its issue into or
// commits to it: the last sprint it names that it does not take the issue
// out of. "Planning note: OPS Sprint 49 … we commit to three items and
// this is one of them" claims Sprint 49; "Taking this out of OPS Sprint
// 57 … Back in the pool for OPS Sprint 58" claims 58.
func claimedSprint(text string) (sprintName, bool) {
	var claim sprintName
	found := false
	for _, m := range sprintNamed.FindAllStringSubmatch(text, -1) {
		if m[1] == "" {
			claim, found = sprintName{project: m[2], number: m[3]}, true
		}
	}
	return claim, found
}

// sprintName is a sprint as a note names it: its number, and the project
// key before it where the note gives one.
type sprintName struct {
	project, number string
}

// names reports whether a sprint of the Sprint field is the one a note
// names: "OPS Sprint 49" is "Sprint 49" and "OPS Sprint 49".
func (s sprintName) names(field string) bool {
	words := strings.Fields(field)
	n := len(words)
	if n < 2 || !strings.EqualFold(words[n-2], "sprint") || words[n-1] != s.number {
		return false
	}
	return s.project == "" || n >= 3 && strings.EqualFold(words[n-3], s.project)
}

// in reports whether any of the Sprint field's sprints is s.
func (s sprintName) in(field []string) bool {
	return slices.ContainsFunc(field, s.names)
}

// sprintClaimBroken reports whether an item of the user's words puts its
// issue into a sprint it names, or commits that sprint to it, and Jira
// says otherwise: the issue left that sprint before it was done
// ("Carrying this over to OPS Sprint 50" a week after "we commit to three
// items and this is one of them" of Sprint 49; a board's close that added
// the next sprint), or was never in it. Only an issue done in the sprint,
// or in it to its end with no sprint after, shows the claim held. An
// issue with no Sprint field at all says nothing either way.
func (v *view) sprintClaimBroken(e *evidence.Evidence) bool {
	if !inOwnWords(e) || e.Manual {
		return false
	}
	claim, ok := claimedSprint(e.Excerpt)
	if !ok {
		return false
	}
	is, ok := v.sprints[issueRef{e.SiteName, e.IssueKey}]
	if !ok {
		return false
	}
	ever := claim.in(is.Sprints)
	for _, c := range is.Changes {
		ever = ever || claim.in(c.From) || claim.in(c.To)
		if claim.carriedOver(c) && c.At.After(e.OccurredAt) && (e.IssueResolved == nil || c.At.Before(*e.IssueResolved)) {
			return true
		}
	}
	return !ever
}

// carriedOver reports whether a change of the Sprint field moved the
// issue on from sprint s: took it out, or put it into another sprint too,
// as a board does with unfinished work when it closes a sprint.
func (s sprintName) carriedOver(c evidence.SprintChange) bool {
	if !s.in(c.From) {
		return false
	}
	return !s.in(c.To) || slices.ContainsFunc(c.To, func(to string) bool { return !slices.Contains(c.From, to) })
}

// carriesOverWords, givesWhy and toldWho find a note that carries its
// issue over to a later sprint, says why, and whom it told: "Carrying
// this over to OPS Sprint 50; the checkout-gateway part took longer than
// the estimate. Told Chloé Dubois so nobody is surprised."
var (
	carriesOverWords = regexp.MustCompile(`(?i)\bcarr(?:y|ying|ied)\b.{0,20}\bover\b`)
	givesWhy         = regexp.MustCompile(`(?i)\bbecause\b|\btook longer\b|\bdue to\b|[;:]`)
	toldWho          = regexp.MustCompile(`(?i)\b(?:told|informed|let\s+\S+(?:\s+\S+)?\s+know)\b`)
)

// toldCarryOver reports whether an item is the user's note that carries
// its issue over, with why and whom it told: the honest account of a
// sprint the issue missed, which keeps its slot as an update does (see
// strengths.secondDecision).
func toldCarryOver(e *evidence.Evidence) bool {
	return e.Category == evidence.CatSprintPlanning && inOwnWords(e) &&
		carriesOverWords.MatchString(e.Excerpt) && givesWhy.MatchString(e.Excerpt) && toldWho.MatchString(e.Excerpt)
}
