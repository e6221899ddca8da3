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

// ResolutionWindow is how long before or after an issue was resolved a
// comment of the person who worked on it can still say how it ended: an
// incident's "back to normal at 14:38" is posted first, and the issue
// resolved once the graphs have stayed flat for a while (a quarter of an
// hour, often more); or someone else resolves it, and the coordinator's
// summary ("Resolved at 01:14 UTC, 61 minutes after the first errors.
// Customer impact: 131 merchants.") follows within the hour. A comment
// from earlier than that is an update from while it ran, or the issue was
// resolved later by someone else, after more had happened. An epic's
// closing comment, which needs no more than a number, keeps the tighter
// closingWindow.
const ResolutionWindow = time.Hour

// AroundResolution returns the comments (oldest first) posted from
// ResolutionWindow before resolved to ResolutionWindow after it: those that
// can say how the issue ended. Without a resolution date, it is the last
// comment.
func AroundResolution(comments []Comment, resolved *time.Time) []Comment {
	if resolved == nil {
		if len(comments) == 0 {
			return nil
		}
		return comments[len(comments)-1:]
	}
	var around []Comment
	for _, c := range comments {
		if !c.At.Before(resolved.Add(-ResolutionWindow)) && !c.At.After(resolved.Add(ResolutionWindow)) {
			around = append(around, c)
		}
	}
	return around
}

// ClosingReport returns, of someone's comments on an issue they saw
// through (an incident they coordinated), oldest first, the newest one
// around its resolution (AroundResolution) that says how it ended
// (ReportsEndState) with a number (ReportsNumbers): "rollback done at
// 14:38, error rate back to baseline. about 1,800 card orders failed". A
// note after it ("I'll write it up tomorrow") does not hide it.
func ClosingReport(comments []Comment, resolved *time.Time) (Comment, bool) {
	around := AroundResolution(comments, resolved)
	for i := len(around) - 1; i >= 0; i-- {
		if ReportsEndState(around[i].Text) && ReportsNumbers(around[i].Text) {
			return around[i], true
		}
	}
	return Comment{}, false
}

var (
	// endState finds words that say something broken works again, that a
	// release is out, or that an issue is closed: "resolved", "back to
	// baseline", "all clear", "4.12 is live", "Resolving the incident".
	// "live" alone is no end ("go-live date of 22nd is holding"), nor is a
	// fix that is live ("Update: mitigation is live", while it runs), nor
	// "resolving" alone ("still resolving conflicts").
	endState = regexp.MustCompile(`(?i)\b(?:resolved|mitigated|recovered|restored|fixed|all clear|closing|closed|back to (?:normal|baseline)|(?:is|are|was|were) back (?:up|to normal|under)|no (?:more|further) errors|(?:\d+(?:\.\d+)+|release|version|build|it|we|we're|everything) (?:(?:is|are) (?:now )?|went |now )live|resolving (?:the|this) (?:incident|issue|ticket|outage))\b`)
	// notEnded are the words before an end state, in its clause, that say
	// it has not come yet: "not resolved", "once it is fixed", "partially
	// restored", "should be back to normal".
	notEnded = regexp.MustCompile(`(?i)\b(?:not|no|isn't|aren't|hasn't|haven't|wasn't|until|once|when|if|before|partially|partly|mostly|almost|nearly|will|should|would|expect|expected|hope|eta|yet)\b|n't\b`)
	// clauseBreak ends a clause of a comment.
	clauseBreak = regexp.MustCompile(`[.;:!?]\s|[.;!?]$|,\s|\n`)
)

// ReportsEndState reports whether text says that what was broken works
// again, or that the issue is closed, in a clause of its own that does
// not put it off ("not resolved yet", "once it is fixed") or ask it
// ("Resolved?").
func ReportsEndState(text string) bool {
	return reportsDone(text, endState.FindStringIndex)
}

// ReportsWentLive reports whether text says a release went out, as
// ReportsEndState says an end: "4.13 deployed successfully", "went live
// at 22:40", not "will be deployed on 22nd" nor "deployed to staging".
func ReportsWentLive(text string) bool {
	return reportsDone(text, func(clause string) []int {
		if notProduction.MatchString(clause) {
			return nil
		}
		return wentLive.FindStringIndex(clause)
	})
}

var (
	// wentLive finds words that say a release went out to its users.
	wentLive = regexp.MustCompile(`(?i)\b(?:deployed|released|went live|(?:\d+(?:\.\d+)+|release|version|build|it|we|we're|everything) (?:(?:is|are) (?:now )?|now )live)\b`)
	// notProduction names where a release goes before its users see it.
	notProduction = regexp.MustCompile(`(?i)\b(?:staging|uat|sit|pre-?prod|qa|test(?:ing)? env(?:ironment)?|canary|beta)\b`)
)

// reportsDone reports whether a clause of text, of its own and neither
// put off nor asked, has what find finds (its index, or nil).
func reportsDone(text string, find func(clause string) []int) bool {
	start := 0
	for _, cut := range append(clauseBreak.FindAllStringIndex(text, -1), []int{len(text), len(text)}) {
		clause := text[start:cut[0]]
		question := cut[0] < len(text) && text[cut[0]] == '?'
		start = cut[1]
		if question {
			continue
		}
		if at := find(clause); at != nil && !notEnded.MatchString(clause[:at[0]]) {
			return true
		}
	}
	return false
}
