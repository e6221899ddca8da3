package evidence

import (
	"regexp"
	"strings"
	"time"
	"unicode"
)

// What Jira records of how an initiative ended: the portfolio quotes it as
// the initiative's outcome, and `pmfolio next` asks for one where a done
// epic has none. Both read it the same way, here.

// outcomeMarkers start the sentence that reports a result; the last,
// "Impact:", only where withImpact says so (MarkedOutcome).
var outcomeMarkers = []string{"outcome:", "result:", "results:", "impact:"}

// MarkedOutcome returns what text reports after a marker that opens a
// result ("Outcome:", "Result:", "Results:"), if it reports one. withImpact
// reads "Impact:" as one too: in an epic's comment it is what the work
// achieved, while in an incident's update or a bug it is the damage
// ("Impact: ~13% of requests failing"), and in a description the impact
// hoped for.
func MarkedOutcome(text string, withImpact bool) (string, bool) {
	markers := outcomeMarkers
	if !withImpact {
		markers = markers[:len(markers)-1]
	}
	lower := strings.ToLower(text)
	for _, m := range markers {
		if at := strings.Index(lower, m); at >= 0 && (at == 0 || !unicode.IsLetter(rune(lower[at-1]))) {
			if result := strings.TrimSpace(text[at+len(m):]); result != "" {
				return result, true
			}
		}
	}
	return "", false
}

// RecordedOutcome returns the comment that records what an epic achieved
// and the result it states. A comment that says "Outcome:", "Result:" or
// "Impact:" reports it, newest first, from the marker on; failing that, the
// comment that closed a done epic reports it if it holds a number (a
// metric, a percentage, a date: "success metric met, pages down 52%"). A
// closing comment without a number ("Done, closing") is not an outcome: it
// says the work ended, not what changed. Comments are plain text, oldest
// first; resolved is when Jira resolved the epic, nil when it does not say.
func RecordedOutcome(comments []Comment, done bool, resolved *time.Time) (Comment, string, bool) {
	for i := len(comments) - 1; i >= 0; i-- {
		if result, ok := MarkedOutcome(comments[i].Text, true); ok {
			return comments[i], result, true
		}
	}
	if !done || len(comments) == 0 {
		return Comment{}, "", false
	}
	closing, ok := closingComment(comments, resolved)
	if !ok || !ReportsNumbers(closing.Text) {
		return Comment{}, "", false
	}
	return closing, strings.TrimSpace(closing.Text), true
}

// closingComment is the comment a person wrote when the epic was resolved:
// the last one within closingWindow before it, else the first after;
// without a resolution date, the last comment. A comment from months
// before the epic closed (a code review, a question) says nothing of how it
// ended, and nor does one posted minutes before the closing one ("Decision:
// alerts page at 95%", then "Closing the epic: everything shipped").
func closingComment(comments []Comment, resolved *time.Time) (Comment, bool) {
	if resolved == nil {
		last := comments[len(comments)-1]
		return last, !last.Author.LooksLikeAutomation()
	}
	var closing Comment
	found := false
	for _, c := range comments {
		if c.At.Before(resolved.Add(-closingWindow)) || c.Author.LooksLikeAutomation() {
			continue
		}
		if c.At.After(*resolved) {
			if found {
				break
			}
			return c, true
		}
		closing, found = c, true
	}
	return closing, found
}

// closingWindow is how long before the resolution a comment still counts
// as the closing one: people write the summary, then resolve.
const closingWindow = 10 * time.Minute

// ReportsNumbers reports whether text holds a number that could measure a
// result (a metric, a percentage, a date), not only the number of a pull
// request, an issue or a link.
func ReportsNumbers(text string) bool {
	return strings.IndexFunc(notResultNumbers.ReplaceAllString(text, " "), unicode.IsDigit) >= 0
}

// notResultNumbers are the numbers that name things rather than measure
// them: "#487", "PR 487", "PAY-3438", links.
var notResultNumbers = regexp.MustCompile(`(?i)https?://\S+|#\d+|\b(?:PR|MR|pull request)\s*\d+|\b[A-Z][A-Z0-9_]+-\d+\b`)
