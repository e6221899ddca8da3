package export

import (
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
	// Mine says the user stated it with `pmfolio outcome`.
	Mine bool
}

// outcomeMarkers start the sentence that reports a result.
var outcomeMarkers = []string{"outcome:", "result:", "results:", "impact:"}

// outcomeOf returns the initiative's outcome: the user's own statement if
// they gave one, else what Jira records. A comment that says "Outcome:" or
// "Result:" reports it, newest first, from the marker on; failing that, the
// comment that closed a done epic reports it if it holds a number (a
// metric, a percentage, a date: "success metric met, pages down 52%").
// A closing comment without a number ("Done, closing") is not an outcome:
// it says the work ended, not what changed.
func outcomeOf(ep evidence.Epic) (initiativeOutcome, bool) {
	if text := strings.TrimSpace(ep.Outcome); text != "" {
		return initiativeOutcome{Text: text, Mine: true}, true
	}
	for i := len(ep.Comments) - 1; i >= 0; i-- {
		c := ep.Comments[i]
		lower := strings.ToLower(c.Text)
		for _, m := range outcomeMarkers {
			if at := strings.Index(lower, m); at >= 0 && (at == 0 || !unicode.IsLetter(rune(lower[at-1]))) {
				if text := strings.TrimSpace(c.Text[at+len(m):]); text != "" {
					return initiativeOutcome{Text: text, Comment: c}, true
				}
			}
		}
	}
	if ep.StatusCategory != "done" || len(ep.Comments) == 0 {
		return initiativeOutcome{}, false
	}
	closing := ep.Comments[len(ep.Comments)-1]
	if ep.Resolved != nil {
		// The comment written when it was resolved, or the first after.
		for _, c := range ep.Comments {
			if !c.At.Before(ep.Resolved.Add(-closingWindow)) {
				closing = c
				break
			}
		}
	}
	if strings.IndexFunc(closing.Text, unicode.IsDigit) < 0 {
		return initiativeOutcome{}, false
	}
	return initiativeOutcome{Text: strings.TrimSpace(closing.Text), Comment: closing}, true
}

// closingWindow is how long before the resolution a comment still counts
// as the closing one: people write the summary, then resolve.
const closingWindow = 10 * time.Minute
