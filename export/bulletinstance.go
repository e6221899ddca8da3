package export

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// habitCount is the smallest count a counting bullet may lead with:
// about one act a fortnight over the months a record spans. Below it a
// count reads as a handful ("Posted 5 stakeholder updates") that invites
// "which five?", and one of them, with what came of it, says more. A
// variable so that tests of how a count is phrased can count a handful.
var habitCount = 20.0

// consequenceNeeded says a count leads its bullet only with what came of
// the acts it counts (habitual). A variable so that tests of how a count
// is phrased can phrase one without.
var consequenceNeeded = true

// counting reports whether a theme's bullet is a count of acts, which
// must show a habit (habitCount) and what came of it: not the epics or
// incidents bullets, which name what they count. A category of the user's
// own counts as a built-in one does: "Ran 3 discovery interviews" invites
// "which three?" however the rules file names them.
func counting(th bulletTheme) bool {
	switch th.categories[0] {
	case evidence.CatEpicOwnership, evidence.CatIncidentCoord:
		return false
	}
	return true
}

// habitual reports whether the number a bullet leads with is a habit's
// and the bullet states what came of the acts it counts: a result, a
// decision quoted with its reason, or a consequence from the data
// (clause.consequence). "Posted 56 stakeholder updates on 46 issues"
// reads as activity, not impact: one of them, with the answer it got,
// says more.
func habitual(kept clause) bool {
	return len(kept.numbers) > 0 && kept.numbers[0].Value >= habitCount &&
		(kept.result != nil || kept.decision != nil || kept.consequence || !consequenceNeeded)
}

// instanceBullet is, instead of a count that is not habitual, the one act of
// items that shows what came of it: a no-go call and the release it held
// back (noGoBullet), else the strongest words of the user's another person
// agreed to (agreedBullet). told are the acts another bullet tells, which
// it leaves; it adds the one it tells. ok is false when no act has either.
func (r *report) instanceBullet(items []*evidence.Evidence, told map[activityRef]bool) (bullet, bool) {
	for _, s := range r.strengths.strongestFirst(items) {
		if b, ok := r.noGoBullet(s.item); ok && !told[recordOf(s.item)] {
			told[recordOf(s.item)] = true
			return b, true
		}
	}
	for _, s := range r.strengths.strongestFirst(items) {
		e := s.item
		if told[recordOf(e)] || len(goNoGoReleases(e.Excerpt, false)) > 0 || r.isAnOutcome(e) {
			continue
		}
		if b, ok := r.agreedBullet(e); ok {
			told[recordOf(e)] = true
			return b, true
		}
	}
	return bullet{}, false
}

// isAnOutcome reports whether e is the comment an initiative's Outcome
// is quoted from: its result, not an update on the way to it.
func (r *report) isAnOutcome(e *evidence.Evidence) bool {
	for _, in := range r.initiatives {
		if in.isOutcomeComment(e) {
			return true
		}
	}
	return false
}

// agreedBullet tells words of the user's that another person answered
// agreeing (assents): "Flagged “the new payment step goes live on Nov 3
// and the sidebar gets narrower, so the banner will sit under the order
// summary instead of next to it”: Nadia Haddad agreed within the hour."
// The first sentence is quoted, without who it is addressed to; the
// answer's words follow where the line has room. An answer that only
// takes note (assentVerb) is told as such, and only with what came of
// the words: "Harpreet Kaur acknowledged it within the hour; go-live held
// on 22 August".
func (r *report) agreedBullet(e *evidence.Evidence) (bullet, bool) {
	if e.Source != evidence.SourceComment || !inOwnWords(e) {
		return bullet{}, false
	}
	reply, ok := r.answerOf(e)
	if !ok || !assents(reply.Text) || votes.MatchString(reply.Text) || len(strings.Fields(evidence.QuoteBody(evidence.OneLine(reply.Text)))) < minAgreeingWords {
		return bullet{}, false
	}
	quote := instanceQuote(r.whole(e))
	if quote == "" || !hasGrounds(e) || r.stillOpenLongAfter(e) {
		return bullet{}, false
	}
	verb := assentVerb(reply.Text)
	who := evidence.OneLine(reply.Author.DisplayName) + " " + verb + " " + answeredWhen(e.OccurredAt, reply.At)
	words := strings.TrimRight(storyQuote(evidence.QuoteBody(evidence.OneLine(reply.Text)), outcomeLength), " .")
	res := &bulletResult{Text: words, Epic: e.IssueKey, From: resultFromComment, Link: evidence.CommentURL(e.IssueURL, reply.ID)}
	held := r.dateHeld(e)
	forms := []string{": " + who + ", “" + words + "”" + held, ": " + who + held}
	if verb != "agreed" {
		// A note taken ("Noted Priya, thanks …") says only that the words
		// landed: the line tells what came of them, or nothing.
		if held == "" {
			return bullet{}, false
		}
		forms = forms[1:]
	}
	for _, form := range forms {
		if c := said(instanceVerb(e) + " “" + quote + "”" + form); fits(c) {
			c.result = res
			line, _ := fitBullet([]clause{c})
			return bullet{text: line, strength: r.strengths.of(e), categories: []string{e.Category}, numbers: []bulletNumber{}, result: res, quotes: e}, true
		}
	}
	return bullet{}, false
}

// minAgreeingWords is the fewest words an agreeing answer has for a
// bullet to tell the act it answers: "+1", "ok" or "👍" is a nod that
// shows nobody acted on what the user said.
const minAgreeingWords = 3

// votes is an answer that opens by voting for the issue: "+1, hit this
// three times this week while on call" backs the bug, not the status
// update above it.
var votes = regexp.MustCompile(`^\W*\+1\b`)

// instanceQuote is what a bullet quotes of the user's words: of a
// decision its call with its reason (decisionQuote: "going with the
// vault's token.created webhook instead of polling - polling would add up
// to 30s …", not "Marco and I went through both options with Jun"), else
// its first sentence without whom it addresses.
func instanceQuote(e *evidence.Evidence) string {
	switch e.Category {
	case evidence.CatDecisionMaking, evidence.CatPrioritization:
		return datedDays(decisionQuote(e.Excerpt), e.OccurredAt)
	}
	return strings.TrimRight(firstSentence(withoutAddress(evidence.QuoteBody(evidence.OneLine(e.Excerpt)))), " .")
}

// stillOpenLong is how long after words of the user's their issue may
// stay open before a bullet leaves them: a quarter. "Amex stays out of
// v1" on an issue still To Do seven months on draws "so did Amex ship?",
// and the honest answer is no.
const stillOpenLong = 13 * 7 * 24 * time.Hour

// stillOpenLongAfter reports whether e's issue is still not done
// stillOpenLong after e.
func (r *report) stillOpenLongAfter(e *evidence.Evidence) bool {
	return e.IssueKey != "" && e.IssueStatusCategory != evidence.StatusCategoryEnd && r.generatedAt.Sub(e.OccurredAt) > stillOpenLong
}

// stalledAfter is how long an initiative still in progress may go
// without a word or edit of the user's before a bullet leaves it: "Also
// owned 1 epic, “Pix Parcelado”" whose last word was seven weeks ago
// draws "how's it going?", and the answer is that it stalled.
const stalledAfter = 4 * 7 * 24 * time.Hour

// stalled reports whether in is not done and the user has done nothing on
// it for stalledAfter.
func (r *report) stalled(in initiative) bool {
	return in.status() != evidence.StatusCategoryEnd && len(in.items) > 0 &&
		r.generatedAt.Sub(in.items[len(in.items)-1].OccurredAt) > stalledAfter
}

// instanceVerb is what the user did with words of a category, as a
// résumé line opens: a heads-up is flagged, a plan proposed.
func instanceVerb(e *evidence.Evidence) string {
	switch e.Category {
	case evidence.CatStakeholderComms:
		return "flagged"
	case evidence.CatDecisionMaking, evidence.CatPrioritization:
		return "decided"
	}
	return "proposed"
}

// addressedTo is how words open when said to someone before what they
// say: "Nadia - ", "Hi All, ", "Kindly note ", "quick heads-up for
// support: ".
var addressedTo = regexp.MustCompile(`(?i)^(?:(?:hi|hello|dear)\s+[^,:]{1,30}[,:]\s*|[\p{Lu}][\p{L}]+(?:\s+[\p{Lu}][\p{L}]+)?\s*[-–—,:]\s+|kindly note(?: that)?\s+|fyi[,:]?\s+|(?:quick\s+)?heads[- ]up(?: for [^:,]{1,30})?[:,]\s*)+`)

// withoutAddress is text without whom it opens by addressing
// (addressedTo).
func withoutAddress(text string) string {
	return strings.TrimSpace(addressedTo.ReplaceAllString(text, ""))
}

// noGoBullet tells a no-go call of the user's with its reason, the go
// that followed on the same issue with its figure, and the user's note
// that the release went live: "Called no-go on 4.12 on 14 May: “two sev-2
// open (CORE-2181, CORE-2182)”; went on 21 May after “regression re-run
// 99.1% pass”, and on 23 May: “4.12 is live. Zero rollback.”" A release
// manager's judgment is the no, its reason and what it bought; "made the
// go/no-go call on 4 releases" showed none of them.
func (r *report) noGoBullet(e *evidence.Evidence) (bullet, bool) {
	if e.Source != evidence.SourceComment {
		return bullet{}, false
	}
	text := evidence.OneLine(r.whole(e).Excerpt)
	m := goNoGoCall.FindStringSubmatchIndex(text)
	if m == nil || strings.EqualFold(text[m[4]:m[5]], "go") {
		return bullet{}, false
	}
	release := goNoGoReleases(text[m[0]:m[1]], true)[0]
	reason := firstClause(text[m[1]:])
	var goAt time.Time
	var figure string
	for _, c := range r.ownComments[issueRef{e.SiteName, e.IssueKey}] {
		said := evidence.OneLine(c.Text)
		if g := goNoGoCall.FindStringSubmatchIndex(said); c.At.After(e.OccurredAt) && g != nil && strings.EqualFold(said[g[4]:g[5]], "go") &&
			slices.Contains(goNoGoReleases(said, false), release) {
			goAt = c.At
			for _, clause := range goCallClause.Split(said[g[1]:], -1) {
				if figure == "" && hasFigure(clause) {
					figure = strings.TrimRight(clause, " .")
				}
			}
			break
		}
	}
	note, wentOut := r.liveNoteAfter(e.SiteName, e.IssueKey, goAt)
	if reason == "" || goAt.IsZero() || !wentOut {
		return bullet{}, false
	}
	goDay, liveDay, live := goAt.UTC().Format("2 January"), note.At.UTC().Format("2 January"), strings.TrimRight(liveSentences(evidence.OneLine(note.Text)), ".")
	after := ""
	if figure != "" {
		after = " after “" + figure + "”"
	}
	c := said("called no-go on " + release + " on " + e.OccurredAt.UTC().Format("2 January") + ": “" + reason + "”; went on " + goDay + after +
		", and on " + liveDay + ": “" + live + "”")
	if !fits(c) {
		return bullet{}, false
	}
	line, _ := fitBullet([]clause{c})
	return bullet{text: line, strength: r.strengths.of(e), categories: []string{evidence.CatReleasePlanning}, numbers: []bulletNumber{}, quotes: e}, true
}

// liveNoteAfter is the user's first note on an issue after a time that
// its release went live (wentLive).
func (r *report) liveNoteAfter(site, key string, after time.Time) (evidence.Comment, bool) {
	for _, c := range r.ownComments[issueRef{site, key}] {
		if c.At.After(after) && wentLive.MatchString(evidence.OneLine(c.Text)) {
			return c, true
		}
	}
	return evidence.Comment{}, false
}

// holdingDay finds the day a slip note says a date still holds on: "Go-live
// date of 22nd is still holding".
var holdingDay = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)\b[^.]{0,30}\bhold`)

// dateHeld is, of a note that slips work but says a later date still
// holds, that the release went live on that day by the user's own note
// after it: "; go-live held on 22 August". A slip told without it leaves
// "so did you go live late?" open. "" when the note names no such day or
// no note shows it kept.
func (r *report) dateHeld(e *evidence.Evidence) string {
	m := holdingDay.FindStringSubmatch(evidence.OneLine(r.whole(e).Excerpt))
	if m == nil {
		return ""
	}
	note, ok := r.liveNoteAfter(e.SiteName, e.IssueKey, e.OccurredAt)
	if !ok || strconv.Itoa(note.At.UTC().Day()) != strings.TrimLeft(m[1], "0") {
		return ""
	}
	return "; go-live held on " + note.At.UTC().Format("2 January")
}

// goCallClause ends a clause of a go call, a sentence's end too: "GO for
// 4.12, regression re-run 99.1% pass." has its figure in the second.
var goCallClause = regexp.MustCompile(`[,.;]\s+`)

// thanksOpening opens the thanks a went-live note ends on.
var thanksOpening = regexp.MustCompile(`(?i)^thanks?\b`)

// wentLive is a note that a release went live: "4.12 is live. Zero
// rollback."
var wentLive = regexp.MustCompile(`(?i)\b(?:is|went|gone) live\b|\bdeployed successfully\b`)

// liveSentences are a went-live note's sentences up to its thanks:
// "4.12 is live. Zero rollback. PVT passed." of "… Thanks everyone for
// the late night support."
func liveSentences(text string) string {
	var kept []string
	for _, s := range sentencesOf(text) {
		if thanksOpening.MatchString(s) || len(kept) == 2 {
			break
		}
		kept = append(kept, s)
	}
	return strings.Join(kept, " ")
}

// firstClause is what follows a call up to where its reason ends: "two
// sev-2 open (CORE-2181, CORE-2182)" of ", two sev-2 open (CORE-2181,
// CORE-2182), we will re-assess on Thursday." A comma inside brackets
// does not end it.
func firstClause(text string) string {
	text = strings.TrimLeft(text, " ,.:;-–—")
	depth := 0
	for i, ch := range text {
		switch {
		case ch == '(':
			depth++
		case ch == ')':
			depth--
		case depth == 0 && strings.ContainsRune(",.;", ch):
			return strings.TrimSpace(text[:i])
		}
	}
	return strings.TrimSpace(text)
}
