package export

import (
	"regexp"
	"strings"

	"github.com/pmfolio/pmfolio/evidence"
)

// initiativeOutcome is what an initiative achieved, as a reader should see
// it: the user's own statement, or the comment in Jira that reports it.
type initiativeOutcome struct {
	Text string
	// Comment is the Jira comment the text comes from; zero for the user's
	// own statement.
	Comment evidence.Comment
	// Epic is the epic it was stated on: of an initiative in phases, the
	// latest phase with an outcome.
	Epic evidence.Epic
	// Mine says the user stated it with `pmfolio outcome`.
	Mine bool
}

// phaseOutcome is what one phase of an initiative achieved.
type phaseOutcome struct {
	outcome initiativeOutcome
	phase   int
}

// outcomeOf returns the initiative's outcome: the user's own statement if
// they gave one, else what Jira records (evidence.RecordedOutcome).
func outcomeOf(ep evidence.Epic) (initiativeOutcome, bool) {
	if o, ok := ownOutcome(ep); ok {
		return o, true
	}
	c, text, ok := evidence.RecordedOutcome(ep.Comments, ep.StatusCategory == "done", ep.Resolved)
	if !ok {
		return initiativeOutcome{}, false
	}
	return initiativeOutcome{Text: text, Comment: c, Epic: ep}, true
}

// ownOutcome is the user's own statement of an initiative's outcome, if
// they gave one.
func ownOutcome(ep evidence.Epic) (initiativeOutcome, bool) {
	if text := strings.TrimSpace(ep.Outcome); text != "" {
		return initiativeOutcome{Text: text, Mine: true, Epic: ep}, true
	}
	return initiativeOutcome{}, false
}

// issueOutcome is what the user's work on an issue on no epic achieved:
// their own statement of it (`pmfolio outcome` on the issue, ep), else
// as they wrote it on the issues it tells (items, oldest first): the
// newest comment of theirs that says "Outcome:" or "Result:" (not
// "Impact:", which on such an issue is the damage), else their last
// comment on the issue itself (of items, those on it: lead) if it closes
// the issue, done now, with a number ("All clear since 23:24 UTC, closing"). The portfolio has neither
// the others' comments on such an issue nor when Jira resolved it, so a
// comment that only came last ("Update: errors at 12%", before someone
// else closed the incident) is not taken for one that says how it ended,
// and nor is a follow-up's own closing.
func issueOutcome(ep evidence.Epic, items, lead []*evidence.Evidence) (initiativeOutcome, bool) {
	if o, ok := ownOutcome(ep); ok {
		return o, true
	}
	for i := len(items) - 1; i >= 0; i-- {
		if e := items[i]; e.Source == evidence.SourceComment {
			if text, ok := evidence.MarkedOutcome(e.Excerpt, false); ok {
				return commentOutcome(e, text), true
			}
		}
	}
	for i := len(lead) - 1; i >= 0; i-- {
		if e := lead[i]; e.Source == evidence.SourceComment {
			if e.IssueStatusCategory != evidence.StatusCategoryEnd || !closingWords.MatchString(e.Excerpt) || !evidence.ReportsNumbers(e.Excerpt) {
				break
			}
			return commentOutcome(e, strings.TrimSpace(e.Excerpt)), true
		}
	}
	return initiativeOutcome{}, false
}

// closingWords open a comment that says how an issue ended.
var closingWords = regexp.MustCompile(`(?i)^\W{0,3}(?:resolved|fixed|mitigated|recovered|restored|closing|closed|all clear|back to normal)\b`)

// commentOutcome is text, from the user's comment e, as an outcome.
func commentOutcome(e *evidence.Evidence, text string) initiativeOutcome {
	return initiativeOutcome{
		Text:    text,
		Comment: evidence.Comment{ID: e.SourceID, At: e.OccurredAt, Text: e.Excerpt},
		Epic:    evidence.Epic{SiteName: e.SiteName, Key: e.IssueKey, Summary: e.IssueSummary, URL: e.IssueURL},
	}
}
