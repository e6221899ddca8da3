package rules

import (
	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/markup"
)

// The classifier is a rule set (rules.go) compiled from data: the built-in
// rules file, evidence/rules/builtin.yaml, and optionally a user's file in
// the same format. This file holds what a compiled rule is; the matchers it
// is built from are in classify_match.go, their rules-file form in
// rules_conditions.go.

// rule is one compiled classification rule: evidence of category, with
// confidence, for an activity of one of sources for which when holds and
// match finds something. Where unless holds, the rule rules its category
// out of the activity instead: no later rule and not the text model claims
// it. A zero cond always holds; a zero unless never does.
type rule struct {
	id         string
	category   string
	sources    sourceSet
	confidence float64
	when       cond
	unless     cond
	match      cond
	// quoteOpening quotes the text from its start rather than around the
	// match: a story reads from its problem, not from its acceptance
	// criteria at the end.
	quoteOpening bool
	// unvetoed: the text model never withholds this rule's claim (its
	// conditions say more than the words: a chase, on the blocker).
	unvetoed bool
}

func hasCategory(evs []evidence.Evidence, category string) bool {
	for _, e := range evs {
		if e.Category == category {
			return true
		}
	}
	return false
}

// defaultExcerpt is the excerpt of a rule whose match gives none: the
// created issue's description or summary, the change's first item, the
// comment's or worklog's text.
func defaultExcerpt(s *subject) string {
	switch s.a.Source {
	case evidence.SourceIssue:
		return issueExcerpt(s)
	case evidence.SourceChange:
		if len(s.a.Items) > 0 {
			it := s.a.Items[0]
			return lookupField(it.Field).describe(it, s.a.Items)
		}
	default:
		if t := s.plain(); t.text != "" {
			return markup.Excerpt(t.text)
		}
	}
	return string(s.a.Source) + " " + s.a.SourceID
}
