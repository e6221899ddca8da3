package export

import (
	"regexp"
	"strings"
	"time"
	"unicode"

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

// outcomeMarkers start the sentence that reports a result. On an issue on
// no epic "Impact:" is left out: in an incident's update or a bug it is
// the damage ("Impact: ~13% of requests failing"), not what the work
// achieved.
var (
	outcomeMarkers      = []string{"outcome:", "result:", "results:", "impact:"}
	issueOutcomeMarkers = outcomeMarkers[:3]
)

// phaseOutcome is what one phase of an initiative achieved.
type phaseOutcome struct {
	outcome initiativeOutcome
	phase   int
}

// outcomeOf returns the initiative's outcome: the user's own statement if
// they gave one, else what Jira records. A comment that says "Outcome:" or
// "Result:" reports it, newest first, from the marker on; failing that, the
// comment that closed a done epic reports it if it holds a number (a
// metric, a percentage, a date: "success metric met, pages down 52%").
// A closing comment without a number ("Done, closing") is not an outcome:
// it says the work ended, not what changed.
func outcomeOf(ep evidence.Epic) (initiativeOutcome, bool) {
	if o, ok := ownOutcome(ep); ok {
		return o, true
	}
	for i := len(ep.Comments) - 1; i >= 0; i-- {
		if text, ok := markedOutcome(ep.Comments[i].Text, outcomeMarkers); ok {
			return initiativeOutcome{Text: text, Comment: ep.Comments[i], Epic: ep}, true
		}
	}
	if ep.StatusCategory != "done" || len(ep.Comments) == 0 {
		return initiativeOutcome{}, false
	}
	closing, ok := closingComment(ep)
	if !ok || !reportsNumbers(closing.Text) {
		return initiativeOutcome{}, false
	}
	return initiativeOutcome{Text: strings.TrimSpace(closing.Text), Comment: closing, Epic: ep}, true
}

// ownOutcome is the user's own statement of an initiative's outcome, if
// they gave one.
func ownOutcome(ep evidence.Epic) (initiativeOutcome, bool) {
	if text := strings.TrimSpace(ep.Outcome); text != "" {
		return initiativeOutcome{Text: text, Mine: true, Epic: ep}, true
	}
	return initiativeOutcome{}, false
}

// markedOutcome returns what a comment reports after one of markers
// ("Outcome:", "Result:"), if it reports one.
func markedOutcome(comment string, markers []string) (string, bool) {
	lower := strings.ToLower(comment)
	for _, m := range markers {
		if at := strings.Index(lower, m); at >= 0 && (at == 0 || !unicode.IsLetter(rune(lower[at-1]))) {
			if text := strings.TrimSpace(comment[at+len(m):]); text != "" {
				return text, true
			}
		}
	}
	return "", false
}

// issueOutcome is what the user's work on an issue on no epic achieved:
// their own statement of it (`pmfolio outcome` on the issue, ep), else
// as they wrote it on the issues it tells (items, oldest first): the
// newest comment of theirs that says "Outcome:" or "Result:"
// (issueOutcomeMarkers), else their last comment on the issue itself (of
// items, those on it: lead) if it closes the issue, done now, with a
// number ("All clear since 23:24 UTC, closing"). The portfolio has neither
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
			if text, ok := markedOutcome(e.Excerpt, issueOutcomeMarkers); ok {
				return commentOutcome(e, text), true
			}
		}
	}
	for i := len(lead) - 1; i >= 0; i-- {
		if e := lead[i]; e.Source == evidence.SourceComment {
			if e.IssueStatusCategory != evidence.StatusCategoryEnd || !closingWords.MatchString(e.Excerpt) || !reportsNumbers(e.Excerpt) {
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

// closingComment is the comment a person wrote when the epic was resolved:
// the last one within closingWindow before it, else the first after;
// without a resolution date, the last comment. A comment from months
// before the epic closed (a code review, a question) says nothing of how it
// ended, and nor does one posted minutes before the closing one ("Decision:
// alerts page at 95%", then "Closing the epic: everything shipped").
func closingComment(ep evidence.Epic) (evidence.Comment, bool) {
	if ep.Resolved == nil {
		last := ep.Comments[len(ep.Comments)-1]
		return last, !last.Author.LooksLikeAutomation()
	}
	var closing evidence.Comment
	found := false
	for _, c := range ep.Comments {
		if c.At.Before(ep.Resolved.Add(-closingWindow)) || c.Author.LooksLikeAutomation() {
			continue
		}
		if c.At.After(*ep.Resolved) {
			if found {
				break
			}
			return c, true
		}
		closing, found = c, true
	}
	return closing, found
}

// reportsNumbers reports whether text holds a number that could measure a
// result (a metric, a percentage, a date), not only the number of a pull
// request, an issue or a link.
func reportsNumbers(text string) bool {
	return strings.IndexFunc(notResultNumbers.ReplaceAllString(text, " "), unicode.IsDigit) >= 0
}

// notResultNumbers are the numbers that name things rather than measure
// them: "#487", "PR 487", "PAY-3438", links.
var notResultNumbers = regexp.MustCompile(`(?i)https?://\S+|#\d+|\b(?:PR|MR|pull request)\s*\d+|\b[A-Z][A-Z0-9_]+-\d+\b`)

// closingWindow is how long before the resolution a comment still counts
// as the closing one: people write the summary, then resolve.
const closingWindow = 10 * time.Minute
