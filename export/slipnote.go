package export

import (
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/pmfolio/pmfolio/evidence"
)

// slipWords finds where an update calls the work before it late, or still
// under way: "the saturation warnings will take longer than planned",
// "… will take a few more days", "… is at risk", "… slipped", "… is half
// done". onWorkWords finds where it names the work after: "Tomás is on the
// last big piece, the saturation warnings", "now on the routing rules".
var (
	slipWords   = regexp.MustCompile(`(?i)\b(?:will|is going to|are going to)\s+take\s+(?:longer|(?:a\s+)?(?:few|couple(?:\s+of)?|\w+)\s+more\s+(?:days|weeks))\b|\b(?:is|are)\s+(?:now\s+|still\s+)?(?:at\s+risk|running\s+late|late|delayed|behind|under\s+way|half\s+done|in\s+review)\b|\bslipp?(?:ed|s|ing)\b`)
	onWorkWords = regexp.MustCompile(`(?i)\b(?:on the last (?:big\s+)?piece,|now on|in progress,)\s*`)
	// finishedWords finds where an update calls the work after it done:
	// "finished the hand-over checklist, now on …", "shipped the routing
	// rules".
	finishedWords = regexp.MustCompile(`(?i)\b(?:finished|shipped|completed)\s+`)
)

// slipContradicted reports whether an update of the user's calls work late,
// or under way, that the epic's own issues show done before the update
// was written, or calls work finished that they show was not:
// "the saturation warnings will take longer than planned" two months
// after "Alert on kafka saturation before it pages" was done invites the
// one question Jira answers against the user.
func (v *view) slipContradicted(e *evidence.Evidence) bool {
	if !inOwnWords(e) || e.Manual {
		return false
	}
	ep, ok := v.epicOf(e)
	if !ok {
		return false
	}
	text := evidence.OneLine(e.Excerpt)
	for _, at := range slipWords.FindAllStringIndex(text, -1) {
		if namesDoneIssue(ep, subjectBefore(text[:at[0]]), e.OccurredAt) {
			return true
		}
	}
	for _, at := range onWorkWords.FindAllStringIndex(text, -1) {
		if namesDoneIssue(ep, subjectAfter(text[at[1]:]), e.OccurredAt) {
			return true
		}
	}
	for _, at := range finishedWords.FindAllStringIndex(text, -1) {
		if namesUndoneIssue(ep, subjectAfter(text[at[1]:]), e.OccurredAt) {
			return true
		}
	}
	return false
}

// clauseMarks end the words a phrase is about: "finished the hand-over
// checklist, now on …" is about the checklist.
const clauseMarks = ".!?:;,\n"

// subjectBefore is the words a phrase follows in its clause, after any
// label: "Update: the saturation warnings" gives "the saturation
// warnings".
func subjectBefore(before string) string {
	if at := strings.LastIndexAny(before, clauseMarks); at >= 0 {
		before = before[at+1:]
	}
	return before
}

// subjectAfter is the words a phrase names up to the end of their
// clause: "the saturation warnings. Next check-in…" gives "the
// saturation warnings".
func subjectAfter(after string) string {
	if at := strings.IndexAny(after, clauseMarks); at >= 0 {
		after = after[:at]
	}
	return after
}

// subjectIssues says of the issues of the epic a subject names, as they
// were at a moment: whether one was done then, one open, or one not filed
// yet. Only the subject's distinctive words count: not little words, not
// the epic's own title's, not those most of its issues' summaries share,
// and not those no issue's summary has (a subject's "warnings" of the
// issue "Alert on kafka saturation" tells nothing of which issue it is).
// An issue is named when its summary has every one left, and none is when
// none is left.
func subjectIssues(ep evidence.Epic, subject string, at time.Time) (done, open, unfiled bool) {
	type child struct {
		issue evidence.EpicIssue
		words map[string]bool
	}
	var children []child
	seen := map[string]int{}
	for _, is := range ep.Issues {
		if is.Key == ep.Key {
			continue
		}
		words := summaryWordSet(is.Summary)
		children = append(children, child{is, words})
		for w := range words {
			seen[w]++
		}
	}
	title := summaryWordSet(ep.Summary)
	var distinctive []string
	for w := range summaryWordSet(subject) {
		if !title[w] && seen[w] > 0 && 2*seen[w] <= len(children) {
			distinctive = append(distinctive, w)
		}
	}
	if len(distinctive) == 0 {
		return false, false, false
	}
	for _, c := range children {
		if !hasAll(c.words, distinctive) {
			continue
		}
		resolvedBefore := c.issue.Resolved != nil && c.issue.Resolved.Before(at)
		done = done || resolvedBefore && !c.issue.Dropped
		open = open || c.issue.Created.Before(at) && !resolvedBefore
		unfiled = unfiled || !c.issue.Created.Before(at)
	}
	return done, open, unfiled
}

// namesDoneIssue reports whether a subject names an issue of the epic
// done before at, and none open then as well.
func namesDoneIssue(ep evidence.Epic, subject string, at time.Time) bool {
	done, open, _ := subjectIssues(ep, subject, at)
	return done && !open
}

// namesUndoneIssue reports whether a subject names an issue of the epic
// open at at, or filed after it, and none done by then.
func namesUndoneIssue(ep evidence.Epic, subject string, at time.Time) bool {
	done, open, unfiled := subjectIssues(ep, subject, at)
	return (open || unfiled) && !done
}

// summaryWordSet is the set of a text's words that are not little words,
// lowercase, a plural's s cut: "warnings" meets "warning".
func summaryWordSet(text string) map[string]bool {
	words := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if !littleWords[w] {
			words[singular(w)] = true
		}
	}
	return words
}

// singular cuts a plural's s: "warnings", "alerts".
func singular(w string) string {
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		return w[:len(w)-1]
	}
	return w
}

// hasAll reports whether a set holds every one of words.
func hasAll(set map[string]bool, words []string) bool {
	for _, w := range words {
		if !set[w] {
			return false
		}
	}
	return true
}
