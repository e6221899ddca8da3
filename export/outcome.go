package export

import (
	"slices"
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
// "Impact:", which on such an issue is the damage), else, on the issue
// itself (of items, those on it: lead), done now, the comment of theirs
// that says how it ended with a number, posted in the hour before Jira
// resolved it (evidence.ClosingReport: "rollback done at 14:38, error
// rate back to baseline. about 1,800 card orders failed"). The portfolio
// has only the user's comments on such an issue, so an update that only
// came last ("Update: errors at 12%", before someone else closed the
// incident) is not taken for one that says how it ended, and nor is a
// follow-up's own closing. A postmortem is no result either: what it
// reports is what went wrong, and the story tells it among the actions.
//
// Without an outcome it returns why, as the lint says it (see
// missingOutcome): the reason must hold of every issue it is said of.
func issueOutcome(ep evidence.Epic, items, lead []*evidence.Evidence) (initiativeOutcome, bool, string) {
	if o, ok := ownOutcome(ep); ok {
		return o, true, ""
	}
	for i := len(items) - 1; i >= 0; i-- {
		if e := items[i]; e.Source == evidence.SourceComment {
			if text, ok := evidence.MarkedOutcome(e.Excerpt, false); ok {
				return commentOutcome(e, text), true, ""
			}
		}
	}
	var comments []evidence.Comment
	byID := make(map[string]*evidence.Evidence)
	for _, e := range lead {
		// One comment can be several items (an update that is also a
		// decision): it is one comment.
		if e.Source == evidence.SourceComment && byID[e.SourceID] == nil {
			byID[e.SourceID] = e
			comments = append(comments, evidence.Comment{ID: e.SourceID, At: e.OccurredAt, Text: e.Excerpt})
		}
	}
	why := "no comment of yours on " + onItsIssues(ep, items) + " says “Outcome: …”"
	if len(lead) == 0 || lead[0].IssueStatusCategory != evidence.StatusCategoryEnd {
		return initiativeOutcome{}, false, why + ", and it is not done yet"
	}
	resolved := lead[0].IssueResolved
	if c, ok := evidence.ClosingReport(comments, resolved); ok {
		return commentOutcome(byID[c.ID], strings.TrimSpace(c.Text)), true, ""
	}
	around := evidence.AroundResolution(comments, resolved)
	switch {
	case resolved == nil && len(around) == 0:
		why += ", and you did not comment on it"
	case resolved == nil:
		why += ", and your last comment on it does not say how it ended with a number"
	case len(around) == 0:
		why += ", and you did not comment on it in the hour before it was resolved"
	default:
		why += ", and none of your comments in the hour before it was resolved says how it ended with a number"
	}
	return initiativeOutcome{}, false, why
}

// onItsIssues names the issues of an issue initiative a reader would
// look for a comment on: "it", or with its postmortems and follow-ups,
// "it or its follow-ups".
func onItsIssues(ep evidence.Epic, items []*evidence.Evidence) string {
	if slices.ContainsFunc(items, func(e *evidence.Evidence) bool { return e.IssueKey != ep.Key }) {
		return "it or its follow-ups"
	}
	return "it"
}

// commentOutcome is text, from the user's comment e, as an outcome.
func commentOutcome(e *evidence.Evidence, text string) initiativeOutcome {
	return initiativeOutcome{
		Text:    text,
		Comment: evidence.Comment{ID: e.SourceID, At: e.OccurredAt, Text: e.Excerpt},
		Epic:    evidence.Epic{SiteName: e.SiteName, Key: e.IssueKey, Summary: e.IssueSummary, URL: e.IssueURL},
	}
}
