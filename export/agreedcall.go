package export

import (
	"bufio"
	"fmt"
	"regexp"
	"slices"

	"github.com/pmfolio/pmfolio/evidence"
)

// agreedCall is, of a call of the user's said to a person by name with
// its reason or a number (declinedIn: "if the banner is important for BF
// we should launch the campaign on the 24th, not the 20th"), what
// followed when that person agreed to it: their answer ("Pedro Santos
// answered within the hour: “ok, 24th then.”") and what the user wrote
// later with a number on the same issue (laterMeasured). A call another
// team agreed to is influence a reader can check, which a heads-up nobody
// had to agree to is not; failing that, what became of the release the
// no held (releaseHeld). ok is false when nobody agreed.
func (r *report) agreedCall(e *evidence.Evidence) (d declined, followed []resultPart, ok bool) {
	// The answer first: most comments have none, and it is a map's look-up
	// where declinedIn runs a dozen expressions.
	if reply, answered := r.answerOf(e); !answered || !assents(reply.Text) {
		return declined{}, nil, false
	}
	d, ok = r.declinedAnswered(r.whole(e))
	answer := r.agreedTo(e)
	if !ok || !hasGrounds(e) || answer.text == "" {
		return declined{}, nil, false
	}
	followed = []resultPart{answer}
	if later, ok := r.laterMeasured([]*evidence.Evidence{e}, e); ok {
		later.text = nextSentence(followed) + later.text
		followed = append(followed, later)
	}
	// What became of the release the no held, as a story of the no tells
	// it; one result only: the brief has room for the answer and one
	// clause after it. What became of the issue itself ("CORE-2183 was
	// left open") the user is told on the side (noteReleasedWithout).
	if held := r.releaseHeld(e); held != "" && len(followed) == 1 {
		followed = append(followed, resultPart{text: nextSentence(followed) + held})
	}
	return d, followed, true
}

// noteReleasedWithout tells the user, on the side, what the stories of a
// no the brief quotes tell of its issue (releasedWithout): "The change
// itself was done as CORE-2201 …; CORE-2183 was left open. Jira files
// CORE-2201 under 4.15, not the 4.14 its summary names." On the brief it
// is an audit note that ends the item on the interviewer's question; the
// user comes prepared for it.
func (r *report) noteReleasedWithout(e *evidence.Evidence) {
	said := r.releasedWithout(e)
	if said == "" {
		return
	}
	line := fmt.Sprintf("data check: %s (%s): the brief quotes your no without what Jira shows of the issue, which the stories tell: “%s” Expect the question.",
		evidence.OneLine(e.IssueKey), shortTitle(evidence.OneLine(e.IssueSummary)), said)
	if !slices.Contains(r.lintLines, line) {
		r.lintLines = append(r.lintLines, line)
	}
}

// hasGrounds reports whether an item gives a reason or a number: "around
// 30% usually update in the first week", "not the 20th".
func hasGrounds(e *evidence.Evidence) bool {
	said := whatItSays(e.Excerpt)
	return givesReason.MatchString(said) || hasFigure(said)
}

// assents reports whether an answer opens by agreeing ("ok, 24th then",
// "Ok understood, 4.14 is fine", "Agreed."), or after its thanks says the
// plan works for them ("Thanks for flagging, under the summary works for
// us."), and takes nothing back after ("ok but the TV slot is booked",
// "that no longer works for us").
func assents(answer string) bool {
	answer = evidence.OneLine(answer)
	opens := assentWords.MatchString(answer) || worksForThem.MatchString(answer) && !negated.MatchString(answer)
	return opens && !objection.MatchString(answer)
}

// assentVerb is what a résumé line says a person did with words of the
// user's they answered assenting (assents): "agreed" when the answer
// accepts or acts on them ("ok, 24th then", "under the summary works for
// us", "perfect, adding it to the macro"), "acknowledged it" when it only
// takes note ("Noted Priya, thanks for informing in advance"): a note
// taken is no agreement, and the quote beside it would say so.
func assentVerb(answer string) string {
	answer = evidence.OneLine(answer)
	if acknowledges.MatchString(answer) && !accepts.MatchString(answer) {
		return "acknowledged it"
	}
	return "agreed"
}

var (
	// acknowledges opens an answer that takes note, after its thanks if
	// any: "Noted Priya, …", "Understood.".
	acknowledges = regexp.MustCompile(`(?i)^\W*(?:thanks?(?: you)?(?: for [^,.!]+)?[,.!]\s*)?(?:noted|understood)\b`)
	// accepts finds, in an answer that takes note, words that accept or
	// act too: "Understood, will do", "Noted, 4.14 is fine".
	accepts = regexp.MustCompile(`(?i)\b(?:ok(?:ay)?|agreed?|sure|yes|fine|perfect|works|go ahead|will do|sounds good|makes sense)\b`)
	// assentWords are the words an answer that agrees opens with, after
	// its thanks if any.
	assentWords = regexp.MustCompile(`(?i)^\W*(?:thanks?(?: you)?(?: for [^,.!]+)?[,.!]\s*)?(?:ok(?:ay)?|agreed|sure|yes|yep|understood|noted|fine|perfect|great|sounds good|makes sense|works for (?:me|us)|deal|\+1)(?:\W|$)`)
	// worksForThem says, in an answer's first sentence, that a plan works
	// for whoever answers: "under the summary works for us".
	worksForThem = regexp.MustCompile(`(?i)^[^.!?]*\b(?:works|is fine|sounds good) (?:for|with|by) (?:me|us)\b`)
	// negated finds a no in a plan said to work: "that no longer works
	// for us".
	negated = regexp.MustCompile(`(?i)\b(?:not|no longer|never)\b|n['’]t\b`)
	// objection finds what takes an agreement back: "ok but …".
	objection = regexp.MustCompile(`(?i)\b(?:but|however|although|though)\b`)
)

// writeResultPart writes a part of what followed the user's words, its
// web addresses and source as links.
func writeResultPart(w *bufio.Writer, part resultPart) {
	writeEscapedLinks(w, part.text)
	if part.source != "" {
		w.WriteString(" (")
		writeIssueLink(w, part.source, part.link)
		w.WriteString(")")
	}
}
