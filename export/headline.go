package export

import (
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

// claimCount applies a category's count unit to its items. A manual item
// with no issue is one piece of work the user vouches for, so it counts
// once in every unit; items count as acts (sameAct), so that a decision
// posted on three issues is one decision recorded.
func claimCount(c evidence.Category, items []*evidence.Evidence) int {
	if c.Count == evidence.CountItems {
		acts := make(map[string]bool)
		for _, e := range items {
			acts[e.SiteName+"\x00"+sameAct(e)] = true
		}
		return len(acts)
	}
	seen := make(map[issueRef]struct{})
	unattached := 0
	for _, e := range items {
		if e.IssueKey == "" {
			unattached++
			continue
		}
		key := e.IssueKey
		if c.Count == evidence.CountEpics && e.IssueType != "Epic" && e.IssueParent != "" {
			key = e.IssueParent
		}
		seen[issueRef{e.SiteName, key}] = struct{}{}
	}
	return len(seen) + unattached
}

// incidentUpdates are the comments among items posted on incidents (see
// incidentsAmong), and the incidents the user recorded by hand: what
// makes the issues they are on incidents the user helped coordinate. The
// postmortems and follow-ups the user filed are issues of their own, and
// a status update on an ordinary ticket makes it no incident; counting
// either as one would inflate the count.
func incidentUpdates(items []*evidence.Evidence) []*evidence.Evidence {
	return updatesOn(items, incidentsAmong(items))
}

// updatesOn is incidentUpdates for incidents already worked out.
func updatesOn(items []*evidence.Evidence, incidents map[issueRef]bool) []*evidence.Evidence {
	var updates []*evidence.Evidence
	for _, e := range items {
		switch {
		case e.Source == evidence.SourceManual && e.IssueKey == "":
			// Work outside Jira the user vouches for counts once.
			updates = append(updates, e)
		case e.Source == evidence.SourceComment && incidents[issueRef{e.SiteName, e.IssueKey}]:
			updates = append(updates, e)
		}
	}
	return updates
}

// headline is the first-person sentence that opens a non-empty portfolio,
// e.g. "Between November 2025 and November 2026 I wrote 41 stories and specs,
// groomed 130 backlog items and posted 52 stakeholder updates across 3
// projects." It returns plain text: the caller escapes it, since user
// category ids come from a rules file.
func headline(v *view) string {
	text, _ := headlineClaims(v, "")
	return text
}

// headlineClaims is headline with the claims it makes, the claim of the
// category lead first when there is one ("" for none): the work the
// document goes on to tell opens its headline.
func headlineClaims(v *view, lead string) (string, []countedClaim) {
	claims := leadFirst(countedClaims(v.groups, false), lead)
	claims = namedSingles(claims[:min(len(claims), headlineCategories)])

	var b strings.Builder
	b.WriteString(periodPhrase(v))
	b.WriteString(" I ")
	b.WriteString(evidence.JoinAnd(phrasesOf(claims)))
	b.WriteString(scopePhrase(v.items))
	b.WriteString(".")
	return b.String(), claims
}

// leadFirst moves the claim of category lead, if any, to the front.
func leadFirst(claims []countedClaim, lead string) []countedClaim {
	if i := slices.IndexFunc(claims, func(c countedClaim) bool { return c.category == lead }); i > 0 {
		c := claims[i]
		claims = slices.Insert(slices.Delete(claims, i, i+1), 0, c)
	}
	return claims
}

// epicOwnedClaim is the epic-ownership claim inside one initiative.
const epicOwnedClaim = "owned the epic"

// epicClaim says what the epic-ownership items of g show, n of their epics
// in all: owning the epics the user owned (see ownsEpic), or, when they
// owned none, shaping the goals of the others, which is not leading them.
func epicClaim(g group, n int, oneEpic bool) (string, int) {
	owned := claimCount(g.category, slices.DeleteFunc(slices.Clone(g.items), func(e *evidence.Evidence) bool { return !ownsEpic(e) }))
	switch {
	case oneEpic && owned > 0:
		return epicOwnedClaim, n
	case oneEpic:
		return "shaped the epic's goals", n
	case owned > 0:
		return g.category.Claim(owned), owned
	}
	return "shaped the goals of " + quantity(n, "epic", "epics"), n
}

// countedClaim is one claim of the headline: what the user did in one
// category, and how many.
type countedClaim struct {
	phrase   string // "recorded 72 product decisions"
	category string
	n        int // claimCount of items
	// judgment marks what a PM hiring manager reads for besides
	// initiatives: decisions, updates, incidents led, go/no-go calls.
	judgment bool
	// items are the evidence the claim counts: the category's, but for
	// incidents (see incidentUpdates).
	items []*evidence.Evidence
	// named is the claim naming its one item (singleName), "" for none.
	named string
}

// countedClaims says what the user did in groups as claims ("wrote 2 user
// stories", "posted 1 stakeholder update"), biggest count first, ties in
// taxonomy order. Inside one initiative (oneEpic) the epic-ownership claim
// is about that epic, so it says so.
func countedClaims(groups []group, oneEpic bool) []countedClaim {
	all := make([]countedClaim, 0, len(groups))
	for _, g := range groups {
		items := g.items
		if g.category.ID == evidence.CatIncidentCoord {
			// "led the response to 4 incidents" counts incidents, not the
			// postmortems and follow-ups filed after them, nor tickets that
			// only got a status update: the bullet counts them so too.
			items = incidentUpdates(items)
		}
		n := claimCount(g.category, items)
		phrase := g.category.Claim(n)
		judgment := slices.Contains([]string{evidence.CatDecisionMaking, evidence.CatStakeholderComms, evidence.CatIncidentCoord}, g.category.ID)
		if g.category.ID == evidence.CatIncidentCoord && n == 0 {
			// No update on an issue that is an incident: what the user did
			// is on the issues themselves, as the bullet says it.
			items = g.items
			n = claimCount(g.category, items)
			phrase = "coordinated incidents on " + quantity(n, "issue", "issues")
		}
		if g.category.ID == evidence.CatEpicOwnership {
			phrase, n = epicClaim(g, n, oneEpic)
		}
		if g.category.ID == evidence.CatReleasePlanning {
			// What the bullet leads with: "made the go/no-go call on 4
			// releases", not "planned 14 issues into releases" of a
			// release manager's own release tickets. (A count tells sites
			// apart by itself; the report only names them, for --explain.)
			claims, numbers, _ := (&report{view: &view{}}).releaseClaims(items)
			phrase, n = claims[0], int(numbers[0].Value)
			judgment = numbers[0].Counts == countsGoNoGo
		}
		all = append(all, countedClaim{phrase, g.category.ID, n, judgment, items, singleName(g.category, phrase, items)})
	}
	// Stable, so equal counts keep taxonomy order.
	slices.SortStableFunc(all, func(a, b countedClaim) int { return b.n - a.n })
	return all
}

// namedSingles names the one incident or decision a claim counts instead
// of counting it (see singleName). A count of 1 in an opening sentence
// reads as thin, and the item is a strong one the brief goes on to tell.
func namedSingles(claims []countedClaim) []countedClaim {
	for i, c := range claims {
		if c.named != "" {
			claims[i].phrase = c.named
		}
	}
	return claims
}

// singleName is the claim that names the one incident or decision of a
// category's claim of 1 (phrase): "led the response to “Checkout
// returning 500s for card payments”", "recorded the decision on “Dark
// mode for the new payment screen”". It is "" for other kinds, for a
// claim of incidents on issues that are none (which names no incident),
// and for an item on no issue.
func singleName(c evidence.Category, phrase string, items []*evidence.Evidence) string {
	if len(items) == 0 || phrase != c.Claim(1) {
		return ""
	}
	summary := evidence.OneLine(items[0].IssueSummary)
	switch {
	case summary == "":
		return ""
	case c.ID == evidence.CatIncidentCoord:
		return "led the response to “" + incidentName(summary) + "”"
	case c.ID == evidence.CatDecisionMaking:
		return "recorded the decision on “" + shortTitle(summary) + "”"
	}
	return ""
}

// claimPhrases are the phrases of countedClaims.
func claimPhrases(groups []group, oneEpic bool) []string {
	return phrasesOf(countedClaims(groups, oneEpic))
}

func phrasesOf(claims []countedClaim) []string {
	phrases := make([]string, len(claims))
	for i, c := range claims {
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
// evidence spans, or nothing when it is in one project or none: "in 1
// project" tells a reader nothing.
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
	case len(projects) < 2:
		return ""
	case len(sites) > 1:
		return " across " + strconv.Itoa(len(projects)) + " projects on " + strconv.Itoa(len(sites)) + " Jira sites"
	default:
		return " across " + strconv.Itoa(len(projects)) + " projects"
	}
}

// projectOf returns the project of an item's issue. The store fills
// IssueProject; an issue key is its current project key, a hyphen and a
// number ("PAY-142", redacted "PROJ-A-12"), so that serves when it is
// missing.
func projectOf(e *evidence.Evidence) string {
	if e.IssueProject != "" {
		return e.IssueProject
	}
	if i := strings.LastIndexByte(e.IssueKey, '-'); i > 0 {
		return e.IssueKey[:i]
	}
	return e.IssueKey
}
