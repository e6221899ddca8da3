package export

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// headlineCategories is how many categories the headline names; the others
// are in the summary table right below it, and a longer sentence stops being
// something a person would say in an interview.
const headlineCategories = 4

// countUnit is what the headline counts for a category.
type countUnit int

const (
	// countItems counts evidence items: each one is a separate act (an
	// update posted, a decision recorded), so counting them is honest.
	countItems countUnit = iota
	// countIssues counts distinct issues: several items on one issue (the
	// estimate and the acceptance criteria of one story) are still one
	// story groomed, and saying more would overclaim.
	countIssues
	// countEpics counts distinct epics: epic-ownership evidence sits on the
	// epic itself or on its children, and all of it is one initiative.
	countEpics
)

// claim is how the headline counts one category and says it in words.
type claim struct {
	unit countUnit
	one  string // the phrase for a count of one
	many string // the phrase for any other count, with %d for it
}

// claims says, per built-in category, what the headline counts and how.
// Story writing counts issues rather than items: a story is an issue, and a
// rule that also credits a later rewrite of its description must not make
// one story two.
var claims = map[string]claim{
	evidence.CatStoryWriting:      {countIssues, "wrote 1 user story", "wrote %d user stories"},
	evidence.CatBacklogGrooming:   {countIssues, "groomed 1 backlog item", "groomed %d backlog items"},
	evidence.CatPrioritization:    {countIssues, "prioritized 1 backlog item", "prioritized %d backlog items"},
	evidence.CatSprintPlanning:    {countIssues, "shaped sprint scope for 1 issue", "shaped sprint scope for %d issues"},
	evidence.CatReleasePlanning:   {countIssues, "planned 1 issue into a release", "planned %d issues into releases"},
	evidence.CatStakeholderComms:  {countItems, "posted 1 stakeholder update", "posted %d stakeholder updates"},
	evidence.CatUnblocking:        {countIssues, "unblocked 1 teammate's issue", "unblocked %d teammates' issues"},
	evidence.CatCrossTeam:         {countIssues, "coordinated 1 issue across teams", "coordinated %d issues across teams"},
	evidence.CatDecisionMaking:    {countItems, "recorded 1 product decision", "recorded %d product decisions"},
	evidence.CatEpicOwnership:     {countEpics, "owned 1 epic", "owned %d epics"},
	evidence.CatAcceptanceTesting: {countIssues, "verified 1 delivered issue", "verified %d delivered issues"},
	evidence.CatIncidentCoord:     {countIssues, "led the response to 1 incident", "led the response to %d incidents"},
}

// claimFor returns the claim of a category. The user's own categories have
// no wording of their own, so they count items under their id.
func claimFor(c evidence.Category) claim {
	if cl, ok := claims[c.ID]; ok {
		return cl
	}
	return claim{countItems, "recorded 1 " + c.ID + " item", "recorded %d " + strings.ReplaceAll(c.ID, "%", "%%") + " items"}
}

// phrase says n in the claim's words, singular or plural.
func (cl claim) phrase(n int) string {
	if n == 1 {
		return cl.one
	}
	return fmt.Sprintf(cl.many, n)
}

// count applies the claim's unit to a category's items. A manual item with
// no issue is one piece of work the user vouches for, so it counts once in
// every unit.
func (cl claim) count(items []*evidence.Evidence) int {
	if cl.unit == countItems {
		return len(items)
	}
	seen := make(map[issueRef]struct{})
	unattached := 0
	for _, e := range items {
		if e.IssueKey == "" {
			unattached++
			continue
		}
		key := e.IssueKey
		if cl.unit == countEpics && e.IssueType != "Epic" && e.IssueParent != "" {
			key = e.IssueParent
		}
		seen[issueRef{e.SiteName, key}] = struct{}{}
	}
	return len(seen) + unattached
}

// headline is the first-person sentence that opens a non-empty portfolio,
// e.g. "Between November 2025 and November 2026 I wrote 41 user stories,
// groomed 130 backlog items and posted 52 stakeholder updates across 3
// projects." It returns plain text: the caller escapes it, since user
// category ids come from a rules file.
func headline(v *view) string {
	phrases := claimPhrases(v.groups, false)
	phrases = phrases[:min(len(phrases), headlineCategories)]

	var b strings.Builder
	b.WriteString(periodPhrase(v))
	b.WriteString(" I ")
	b.WriteString(joinAnd(phrases))
	b.WriteString(scopePhrase(v.items))
	b.WriteString(".")
	return b.String()
}

// epicOwnedClaim is the epic-ownership claim inside one initiative.
const epicOwnedClaim = "owned the epic"

// claimPhrases says what the user did in groups as claims ("wrote 2 user
// stories", "posted 1 stakeholder update"), biggest count first, ties in
// taxonomy order. Inside one initiative (oneEpic) the epic-ownership claim
// is about that epic, so it says so.
func claimPhrases(groups []group, oneEpic bool) []string {
	type counted struct {
		phrase string
		n      int
	}
	all := make([]counted, 0, len(groups))
	for _, g := range groups {
		cl := claimFor(g.category)
		n := cl.count(g.items)
		phrase := cl.phrase(n)
		if oneEpic && g.category.ID == evidence.CatEpicOwnership {
			phrase = epicOwnedClaim
		}
		all = append(all, counted{phrase, n})
	}
	// Stable, so equal counts keep taxonomy order.
	slices.SortStableFunc(all, func(a, b counted) int { return b.n - a.n })
	phrases := make([]string, len(all))
	for i, c := range all {
		phrases[i] = c.phrase
	}
	return phrases
}

// periodPhrase names the period by months, which is how people say it.
func periodPhrase(v *view) string {
	return spanPhrase(v.since, v.until)
}

// spanPhrase names the months from since to until: "In March 2026",
// "Between March and November 2026".
func spanPhrase(since, until time.Time) string {
	switch {
	case since.Year() == until.Year() && since.Month() == until.Month():
		return "In " + until.Format("January 2006")
	case since.Year() == until.Year():
		return "Between " + since.Format("January") + " and " + until.Format("January 2006")
	default:
		return "Between " + since.Format("January 2006") + " and " + until.Format("January 2006")
	}
}

// scopePhrase says how many projects (and sites, when more than one) the
// evidence spans, or nothing when no item has an issue.
func scopePhrase(items []*evidence.Evidence) string {
	projects := make(map[issueRef]struct{})
	sites := make(map[string]struct{})
	for _, e := range items {
		if e.IssueKey == "" {
			continue
		}
		projects[issueRef{e.SiteName, projectOf(e)}] = struct{}{}
		sites[e.SiteName] = struct{}{}
	}
	switch {
	case len(projects) == 0:
		return ""
	case len(projects) == 1:
		return " in 1 project"
	case len(sites) > 1:
		return " across " + strconv.Itoa(len(projects)) + " projects on " + strconv.Itoa(len(sites)) + " Jira sites"
	default:
		return " across " + strconv.Itoa(len(projects)) + " projects"
	}
}

// projectOf returns the project of an item's issue. The store fills
// IssueProject; an issue key always starts with its current project key, so
// that serves when it is missing.
func projectOf(e *evidence.Evidence) string {
	if e.IssueProject != "" {
		return e.IssueProject
	}
	project, _, _ := strings.Cut(e.IssueKey, "-")
	return project
}

// joinAnd joins phrases as English does: "a", "a and b", "a, b and c".
func joinAnd(phrases []string) string {
	if len(phrases) < 2 {
		return strings.Join(phrases, "")
	}
	return strings.Join(phrases[:len(phrases)-1], ", ") + " and " + phrases[len(phrases)-1]
}

// lowerFirst lowers the first letter of a phrase that starts a sentence
// elsewhere ("In March 2026") for use inside one.
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
