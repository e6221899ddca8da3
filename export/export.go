// Package export writes a Portfolio for people (Markdown, a self-contained
// HTML page, résumé bullets, interview stories) and for programs (JSON,
// schema version 1 of interface.md), and redacts a portfolio so that any
// of them can be shown without an employer's details.
//
// Exports only read the portfolio. Every text that came from Jira (issue
// summaries, excerpts, display names) and every text the user typed (notes)
// is untrusted: the Markdown writer escapes it so that it can never become a
// link, an image, HTML or a heading, and the HTML page is that Markdown
// rendered without raw HTML, under a policy that runs no script.
//
// All numbers come from the evidence, counted the same way in every
// format, and every list is sorted, so that an export is byte-stable.
package export

import (
	"slices"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// view is what every export format needs from a portfolio, computed once:
// the items ordered as the contract says, grouped by category, with the
// period made concrete. New Markdown sections (competencies, highlights,
// epics, a timeline) read it rather than re-deriving their own counts, so all
// parts of one export agree with each other and with the JSON summary.
type view struct {
	generatedAt time.Time
	// syncedAt is when the last complete sync finished; zero if none did.
	syncedAt time.Time
	sites    []evidence.Site
	since    time.Time
	until    time.Time
	// items are the included evidence, ordered by OccurredAt then ID. They
	// point into the caller's portfolio, which exports only read: copying
	// tens of thousands of large structs would cost more than the export.
	items []*evidence.Evidence
	// groups are the categories with evidence: the built-in ones in
	// taxonomy order, then the user's own ordered by id.
	groups []group
	// taxonomy is every category the evidence may carry, with or without
	// evidence, for the competency table and its gaps.
	taxonomy []evidence.Category
	projects []evidence.Project
	epics    []evidence.Epic
	// issueOutcomes are the user's outcomes of issues that are no epic.
	issueOutcomes []evidence.IssueOutcome
	// ownComments are the user's comments on issues that are no epic:
	// done, or answered on (see evidence.Portfolio.OwnComments).
	ownComments map[issueRef][]evidence.Comment
	// replies are the first answers others gave to the user's comments that
	// are evidence, by the comment they answer.
	replies map[commentRef]evidence.Comment
	// wholeComments are the user's comments that are evidence, whole, where
	// their excerpt was cut; and, by an empty id, the descriptions of their
	// incident work issues (see evidence.Portfolio.WholeComments).
	wholeComments map[commentRef]string
	// othersDescriptions are the descriptions of other people's issues the
	// user's cross-team notes are on (see
	// evidence.Portfolio.OthersDescriptions).
	othersDescriptions map[issueRef]evidence.Comment
	// doneIssues are the issues the evidence is on or names, resolved with
	// their work done.
	doneIssues map[issueRef]evidence.DoneIssue
	// namedIssues are the issues the evidence names by key and is not on.
	namedIssues map[issueRef]evidence.NamedIssue
	// sprints are the Sprint fields of the issues the evidence is on.
	sprints map[issueRef]evidence.IssueSprints
	// teamWork are the suggestions of `pmfolio next` the user took.
	teamWork []evidence.TeamWork
	// epicIndex finds an epic by site and key; built on first use.
	epicIndex map[issueRef]int
	// claims are the items of each Jira record, of those one record is
	// evidence of several kinds of work; built on first use.
	claims map[activityRef][]*evidence.Evidence
}

// group is the evidence of one category.
type group struct {
	category evidence.Category
	items    []*evidence.Evidence // ordered by OccurredAt then ID
	// issues is the number of distinct Jira issues behind the items; manual
	// items without an issue add nothing to it.
	issues int
}

func newView(p evidence.Portfolio) *view {
	items := make([]*evidence.Evidence, 0, len(p.Evidence))
	for i := range p.Evidence {
		// The store already leaves excluded items out; an item the user
		// excluded must never be published, so check again here.
		if !p.Evidence[i].Excluded {
			items = append(items, &p.Evidence[i])
		}
	}
	slices.SortFunc(items, evidence.ByOccurrence)

	v := &view{
		generatedAt: p.GeneratedAt,
		syncedAt:    p.SyncedAt,
		sites:       p.Sites,
		items:       items,
		taxonomy:    p.Categories,
		projects:    p.Projects,
		epics:       p.Epics,
		teamWork:    p.TeamWork,

		issueOutcomes: p.IssueOutcomes,
		ownComments:   make(map[issueRef][]evidence.Comment, len(p.OwnComments)),
		replies:       make(map[commentRef]evidence.Comment, len(p.Replies)),
		wholeComments: make(map[commentRef]string, len(p.WholeComments)),

		othersDescriptions: make(map[issueRef]evidence.Comment, len(p.OthersDescriptions)),
		doneIssues:         make(map[issueRef]evidence.DoneIssue, len(p.DoneIssues)),
		namedIssues:        make(map[issueRef]evidence.NamedIssue, len(p.NamedIssues)),
		sprints:            make(map[issueRef]evidence.IssueSprints, len(p.Sprints)),
	}
	for _, whole := range p.WholeComments {
		for _, c := range whole.Comments {
			v.wholeComments[commentRef{issueRef{whole.SiteName, whole.Key}, c.ID}] = c.Text
		}
	}
	for _, d := range p.OthersDescriptions {
		for _, c := range d.Comments {
			v.othersDescriptions[issueRef{d.SiteName, d.Key}] = c
		}
	}
	for _, re := range p.Replies {
		v.replies[commentRef{issueRef{re.SiteName, re.Key}, re.To}] = re.Comment
	}
	for _, done := range p.DoneIssues {
		v.doneIssues[issueRef{done.SiteName, done.Key}] = done
	}
	for _, is := range p.NamedIssues {
		v.namedIssues[issueRef{is.SiteName, is.Key}] = is
	}
	for _, is := range p.Sprints {
		v.sprints[issueRef{is.SiteName, is.Key}] = is
	}
	for _, own := range p.OwnComments {
		v.ownComments[issueRef{own.SiteName, own.Key}] = own.Comments
	}
	if len(v.taxonomy) == 0 {
		v.taxonomy = evidence.Categories
	}
	v.since, v.until = coveredPeriod(p, items)
	v.groups = groupByCategory(items, v.taxonomy)
	return v
}

// coveredPeriod returns the period to print. A zero end means the caller did
// not bound the export ("everything stored"); the contract still needs a
// date, so it becomes the earliest item (or the generation day) for since
// and the generation time for until.
func coveredPeriod(p evidence.Portfolio, items []*evidence.Evidence) (since, until time.Time) {
	since, until = p.Period.Since, p.Period.Until
	if since.IsZero() {
		since = p.GeneratedAt.UTC()
		if len(items) > 0 {
			since = items[0].OccurredAt.UTC()
		}
	}
	if until.IsZero() {
		until = p.GeneratedAt.UTC()
	}
	return since, until
}

// asOf is the last day the export covers, said so a reader knows what
// it is: "2026-11-27 (last sync)" when Jira was last read that day.
func (v *view) asOf() string {
	if !v.syncedAt.IsZero() && v.until.Equal(v.syncedAt.UTC()) {
		return dateOnly(v.until) + " (last sync)"
	}
	return dateOnly(v.until)
}

// groupByCategory splits ordered items by category, keeping their order.
func groupByCategory(items []*evidence.Evidence, taxonomy []evidence.Category) []group {
	byID := make(map[string]*group)
	var userIDs []string
	for _, e := range items {
		g, ok := byID[e.Category]
		if !ok {
			c, builtin := evidence.CategoryByID(e.Category)
			if !builtin {
				// A category from the user's rules file: its title and
				// competency are known if the portfolio lists it, else
				// the id is its title too.
				c = evidence.Category{ID: e.Category, Title: e.Category}
				if i := slices.IndexFunc(taxonomy, func(t evidence.Category) bool { return t.ID == e.Category }); i >= 0 && taxonomy[i].Title != "" {
					c = taxonomy[i]
				}
				userIDs = append(userIDs, e.Category)
			}
			g = &group{category: c}
			byID[e.Category] = g
		}
		g.items = append(g.items, e)
	}

	groups := make([]group, 0, len(byID))
	for _, c := range evidence.Categories {
		if g, ok := byID[c.ID]; ok {
			groups = append(groups, *g)
		}
	}
	slices.Sort(userIDs)
	for _, id := range userIDs {
		groups = append(groups, *byID[id])
	}
	for i := range groups {
		groups[i].issues = distinctIssues(groups[i].items)
	}
	return groups
}

// issueRef identifies an issue across sites: two employers' Jira sites can
// both have a PAY-142.
type issueRef struct{ site, key string }

// commentRef is one comment of an issue, by its Jira id.
type commentRef struct {
	issueRef
	id string
}

// distinctIssues counts the distinct issues behind items. The key read from the
// store is the issue's current key, so an issue that moved project is still
// one issue.
func distinctIssues(items []*evidence.Evidence) int {
	seen := make(map[issueRef]struct{})
	for _, e := range items {
		if e.IssueKey != "" {
			seen[issueRef{e.SiteName, e.IssueKey}] = struct{}{}
		}
	}
	return len(seen)
}

// dateOnly formats t as the calendar day it falls on in its own location,
// which for period bounds is the day the user asked for.
func dateOnly(t time.Time) string {
	return t.Format(time.DateOnly)
}

// timestamp formats t as RFC 3339 in UTC, to the second, as the JSON
// contract shows it.
func timestamp(t time.Time) string {
	return t.UTC().Format(time.RFC3339)
}
