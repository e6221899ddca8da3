package export

import (
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/pmfolio/pmfolio/evidence"
)

// agreementSlipped is, of an item that says another party agreed to
// something ("vendor has agreed to follow from the next drop"), what the
// user wrote later on the issues of the same epic that says it did not
// hold: "on 30 Aug, in REL-418: “vendor drop for 4.13 came without
// rollback script, we had to push back”". An agreement quoted alone reads
// as kept; with its slip and what the user did about it, it reads as
// influence that had to be enforced. "" when nothing later says so.
func (v *view) agreementSlipped(e *evidence.Evidence) string {
	if !inOwnWords(e) || !agreedByOther(e.Excerpt) {
		return ""
	}
	ep, ok := v.epicOf(e)
	if !ok {
		return ""
	}
	later, line, ok := slipOf(e.IssueSummary+". "+e.Excerpt, e.OccurredAt, v.ownCommentsOnEpic(ep))
	if !ok {
		return ""
	}
	tag := "on " + later.At.UTC().Format("2 Jan")
	if later.key != e.IssueKey {
		tag += ", in " + later.key
	}
	return tag + ": “" + storyQuote(line, slipLineLength) + "”"
}

// slipLineLength is the longest later line an agreement's tag quotes.
const slipLineLength = 120

// keyedComment is a comment with the key of the issue it is on.
type keyedComment struct {
	key string
	evidence.Comment
}

// ownCommentsOnEpic is the user's own comments on an epic and the done
// issues under it: where a retro says how an agreement held.
func (v *view) ownCommentsOnEpic(ep evidence.Epic) []keyedComment {
	user := v.userOf(ep.SiteName)
	var comments []keyedComment
	for _, c := range ep.Comments {
		if isUser(c.Author, user) {
			comments = append(comments, keyedComment{ep.Key, c})
		}
	}
	for _, is := range ep.Issues {
		for _, c := range v.ownComments[issueRef{ep.SiteName, is.Key}] {
			comments = append(comments, keyedComment{is.Key, c})
		}
	}
	slices.SortStableFunc(comments, func(a, b keyedComment) int { return a.At.Compare(b.At) })
	return comments
}

// slipOf finds, of the comments written after an agreement, the first
// line that says the thing agreed to failed (slipMarker) and names it: a
// pair of words side by side in both it and what the agreement is about
// (its issue's summary and its words). A failure of something else on the
// same epic ("the SIT environment did not come up") is no slip of it.
func slipOf(about string, agreed time.Time, later []keyedComment) (keyedComment, string, bool) {
	named := wordPairs(about)
	for _, c := range later {
		if !c.At.After(agreed) {
			continue
		}
		for _, line := range linesOf(c.Text) {
			if !slipMarker.MatchString(line) {
				continue
			}
			said := withoutLineLabel(line)
			for pair := range wordPairs(said) {
				if named[pair] {
					return c, said, true
				}
			}
		}
	}
	return keyedComment{}, "", false
}

// linesOf splits a comment into what each of its lines, list items
// (which plain text joins with "; ") and sentences says.
func linesOf(text string) []string {
	var lines []string
	for _, line := range strings.Split(text, "\n") {
		for _, item := range strings.Split(line, "; ") {
			lines = append(lines, sentencesOf(strings.TrimLeft(strings.TrimSpace(item), "*-•· "))...)
		}
	}
	return lines
}

// withoutLineLabel is a line less the short label a retro opens it with:
// "What did not go well: vendor drop for 4.13 came without rollback
// script" says its point after the colon.
func withoutLineLabel(line string) string {
	label, rest, ok := strings.Cut(line, ": ")
	if !ok || len(strings.Fields(label)) > 5 || strings.TrimSpace(rest) == "" {
		return line
	}
	return strings.TrimSpace(rest)
}

// wordPairs are the pairs of words side by side in text, lowercased, where
// neither is a little word (littleWords): what names a thing ("vendor
// drop", "rollback script") rather than joins words.
func wordPairs(text string) map[[2]string]bool {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	pairs := make(map[[2]string]bool)
	for i := 1; i < len(words); i++ {
		if !littleWords[words[i-1]] && !littleWords[words[i]] && len(words[i-1]) > 2 && len(words[i]) > 2 {
			pairs[[2]string{words[i-1], words[i]}] = true
		}
	}
	return pairs
}

// agreedByOther reports whether text says someone other than the writer
// agreed to something: "vendor has agreed to follow from the next drop",
// "Payments agreed to own the retry", not "we agreed to" or "I've agreed
// to".
func agreedByOther(text string) bool {
	for _, m := range agreement.FindAllStringSubmatch(evidence.OneLine(text), -1) {
		switch strings.ToLower(m[1]) {
		case "i", "we", "ve":
		default:
			return true
		}
	}
	return false
}

var (
	// agreement finds an agreement and the word before it, its subject:
	// "vendor has agreed to".
	agreement = regexp.MustCompile(`(?i)\b(\w+)\s+(?:has\s+|have\s+|had\s+)?agreed\s+to\b`)
	// slipMarker finds what says a thing agreed to did not happen: "came
	// without rollback script", "we had to push back", "missed the drop".
	slipMarker = regexp.MustCompile(`(?i)\b(?:came|arrived|was sent|was shared|went out)\s+without\b|\bmissed\b|\bpush(?:ed)?\s+back\b|\bfailed\s+to\b|\bdid(?:\s+not|n['’]t)\s+(?:follow|send|share|come|deliver|happen)\b|\bnot\s+followed\b`)
)
