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
// as they wrote it: the newest comment of theirs that says "Outcome:" or
// "Result:" (not "Impact:", which on such an issue is the damage), on the
// issues it tells (items, oldest first) or on the issue itself, else, on
// the issue itself, done now, the comment of theirs that says how it ended
// with a number, posted in the hour before Jira resolved it
// (evidence.ClosingReport: "rollback done at 14:38, error rate back to
// baseline. about 1,800 card orders failed"). Its comments are the
// user's own on it (ep.Comments, which the store gives of a done issue,
// whether or not they are evidence: "4.12 is live. Zero rollback.") and
// those of lead, the items on it. The portfolio has only the user's
// comments on such an issue, so an update that only came last ("Update:
// errors at 12%", before someone else closed the incident) is not taken
// for one that says how it ended, and nor is a follow-up's own closing. A
// postmortem is no result either: what it reports is what went wrong, and
// the story tells it among the actions.
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
	comments := ownCommentsOn(ep, lead)
	for i := len(comments) - 1; i >= 0; i-- {
		if text, ok := evidence.MarkedOutcome(comments[i].Text, false); ok {
			return issueCommentOutcome(ep, comments[i], text), true, ""
		}
	}
	if len(lead) == 0 || lead[0].IssueStatusCategory != evidence.StatusCategoryEnd {
		// Of an issue not done yet, the portfolio reads only the comments
		// that are evidence.
		return initiativeOutcome{}, false, "it is not done yet, and no comment of yours on " + onItsIssues(ep, items) + " that is evidence says “Outcome: …”"
	}
	why := "no comment of yours on it says “Outcome: …”"
	resolved := lead[0].IssueResolved
	if c, ok := evidence.ClosingReport(comments, resolved); ok {
		return issueCommentOutcome(ep, c, strings.TrimSpace(c.Text)), true, ""
	}
	around := evidence.AroundResolution(comments, resolved)
	ended := slices.ContainsFunc(around, func(c evidence.Comment) bool { return evidence.ReportsEndState(c.Text) })
	switch {
	case resolved == nil && len(around) == 0:
		why += ", and you did not comment on it"
	case resolved == nil && ended:
		why += ", and your last comment on it says how it ended but with no number"
	case resolved == nil:
		why += ", and your last comment on it does not say how it ended with a number"
	case len(around) == 0:
		why += ", and you did not comment on it in the hour before or after it was resolved"
	case ended:
		why += ", and your comments in the hour before or after it was resolved say how it ended but with no number"
	default:
		why += ", and none of your comments in the hour before or after it was resolved says how it ended with a number"
	}
	return initiativeOutcome{}, false, why
}

// ownCommentsOn is the user's comments on an issue on no epic, oldest
// first: those the store read (ep.Comments) and those of its items (lead),
// each once.
func ownCommentsOn(ep evidence.Epic, lead []*evidence.Evidence) []evidence.Comment {
	comments := slices.Clone(ep.Comments)
	seen := make(map[string]bool, len(comments))
	for _, c := range comments {
		seen[c.ID] = true
	}
	for _, e := range lead {
		// One comment can be several items (an update that is also a
		// decision): it is one comment.
		if e.Source == evidence.SourceComment && !seen[e.SourceID] {
			seen[e.SourceID] = true
			comments = append(comments, evidence.Comment{ID: e.SourceID, At: e.OccurredAt, Text: e.Excerpt})
		}
	}
	slices.SortStableFunc(comments, func(a, b evidence.Comment) int { return a.At.Compare(b.At) })
	return comments
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

// issueCommentOutcome is text, from the user's comment c on the issue
// ep, as an outcome.
func issueCommentOutcome(ep evidence.Epic, c evidence.Comment, text string) initiativeOutcome {
	return initiativeOutcome{Text: text, Comment: c, Epic: evidence.Epic{SiteName: ep.SiteName, Key: ep.Key, Summary: ep.Summary, URL: ep.URL}}
}

// commentOutcome is text, from the user's comment e, as an outcome.
func commentOutcome(e *evidence.Evidence, text string) initiativeOutcome {
	return initiativeOutcome{
		Text:    text,
		Comment: evidence.Comment{ID: e.SourceID, At: e.OccurredAt, Text: e.Excerpt},
		Epic:    evidence.Epic{SiteName: e.SiteName, Key: e.IssueKey, Summary: e.IssueSummary, URL: e.IssueURL},
	}
}
