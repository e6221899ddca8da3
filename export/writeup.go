package export

import (
	"bufio"
	"regexp"
	"slices"

	"github.com/pmfolio/pmfolio/evidence"
)

// writeUpPromised finds a promise of an incident's write-up, from the day
// it names when that comes first: "I'll write up what happened tomorrow
// and file the follow-ups", "tomorrow I'll write what happened", "RCA will
// be shared by Friday", "Postmortem to follow".
var writeUpPromised = regexp.MustCompile(`(?i)(?:\b(?:tomorrow|tonight|(?:on|by) (?:mon|tue|wed|thu|fri)[a-z]*),?\s+)?(?:\b(?:i|we)(?:['’]ll| will)\s+(?:write|do|share|send|publish|put together)\b[^.;!?]*?\b(?:what happened|post-?mortem|rca|write-?up|root cause|incident report)\b|\b(?:post-?mortem|rca|write-?up|incident report)\s+(?:will be (?:shared|written|published|sent|up)|to follow)\b)`)

// writeUpIn is where, in the sentences of a quote, a promise of a
// write-up (writeUpPromised) starts.
func writeUpIn(sentences []string) (sentence, at int, ok bool) {
	for i, s := range sentences {
		if m := writeUpPromised.FindStringIndex(s); m != nil {
			return i, m[0], true
		}
	}
	return 0, 0, false
}

// writeUpMissedIn is where, in the sentences of an item's words, a
// promise of a write-up starts that the user never kept: no postmortem of
// theirs on the issue came after it (writeUpOf).
func (v *view) writeUpMissedIn(e *evidence.Evidence, sentences []string) (sentence, at int, ok bool) {
	sentence, at, ok = writeUpIn(sentences)
	return sentence, at, ok && v.writeUpOf(e) == nil
}

// writeUpOf is the first postmortem the user filed on an item's issue
// after the item, one that names the issue (issueKeysNamed); nil when
// there is none.
func (v *view) writeUpOf(e *evidence.Evidence) *evidence.Evidence {
	postmortem := postmortemsIn(v.items)
	i := slices.IndexFunc(v.items, func(o *evidence.Evidence) bool {
		return o.Source == evidence.SourceIssue && o.SiteName == e.SiteName && o.IssueKey != e.IssueKey &&
			o.OccurredAt.After(e.OccurredAt) && postmortem(o) && slices.Contains(issueKeysNamed(o), e.IssueKey)
	})
	if i < 0 {
		return nil
	}
	return v.items[i]
}

// incidentOutcome is an incident's Outcome as the brief quotes it: up to
// its last fact, a write-up it promises left out whether kept or not
// ("…about 1,800 card orders failed between 13:55 and 14:38 …", not
// "… I'll write up what happened tomorrow"), as are the promises the
// user did not keep (quotable); and the postmortem that kept the
// promise, nil when none did or none was promised.
func (r *report) incidentOutcome(o initiativeOutcome) (text string, writeUp *evidence.Evidence) {
	e := &evidence.Evidence{
		SiteName: o.Epic.SiteName, IssueKey: o.Epic.Key, Source: evidence.SourceComment,
		SourceID: o.Comment.ID, Excerpt: o.Text, OccurredAt: o.Comment.At,
	}
	text, _ = r.withoutPromises(e, func(_ *evidence.Evidence, sentences []string) (int, int, bool) { return writeUpIn(sentences) })
	if _, _, promised := writeUpIn(sentencesOf(evidence.OneLine(o.Text))); promised {
		writeUp = r.writeUpOf(e)
	}
	return text, writeUp
}

// writeWriteUpKept writes, after an incident's Outcome, the postmortem
// that kept the write-up it promised and what came of the follow-ups:
// " — postmortem CHK-1416 written the next day; 1 of the 2 follow-ups
// is done". A manager's question of "I'll write up what happened" is
// whether they did, and Jira records it.
func writeWriteUpKept(w *bufio.Writer, in initiative, o initiativeOutcome, writeUp *evidence.Evidence) {
	w.WriteString(" — postmortem ")
	writeIssueLink(w, evidence.OneLine(writeUp.IssueKey), writeUp.IssueURL)
	w.WriteString(" written " + answeredWhen(o.Comment.At, writeUp.OccurredAt))
	postmortem := postmortemsIn(in.items)
	followUp := func(e *evidence.Evidence) bool { return e.Source == evidence.SourceIssue && !postmortem(e) }
	if _, n := in.followUps(followUp); n > 0 {
		_, done := in.followUps(func(e *evidence.Evidence) bool {
			return followUp(e) && e.IssueStatusCategory == evidence.StatusCategoryEnd
		})
		w.WriteString("; " + doneOf(done, n, "follow-up", "follow-ups"))
	}
}
