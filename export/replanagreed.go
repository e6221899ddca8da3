package export

import (
	"github.com/pmfolio/pmfolio/evidence"
)

// replanAgreed is, of a note of the user's that moves a date or re-plans
// the work (slipIn: "3DS work slipped a week … new plan: 5% on Aug 25,
// …", "New ETA for this: 27 May, a week later than planned"), the answer
// another person gave it when it agrees: "Lena Fischer answered within
// the hour: “Sounds good. I'll let the CX team know about the account page
// change.”" A slip told alone reads as news nobody took; the answer says
// the people waiting on the work accepted the new date. Nothing when
// nobody answered, or the answer does not agree.
func (r *report) replanAgreed(e *evidence.Evidence) (evidence.Comment, bool) {
	if e.Source != evidence.SourceComment {
		return evidence.Comment{}, false
	}
	if _, replans := slipIn(evidence.OneLine(r.whole(e).Excerpt)); !replans {
		return evidence.Comment{}, false
	}
	reply, ok := r.answerOf(e)
	return reply, ok && assents(reply.Text)
}

// agreeingWords is an agreeing answer cut to its first sentence, the cut
// marked: "Sounds good. …". Beside a quote and what came of it, a brief's
// line has room for the agreement, not for all the answer says.
func agreeingWords(reply evidence.Comment) evidence.Comment {
	text := evidence.OneLine(reply.Text)
	if first := firstSentence(text); first != text {
		reply.Text = text[:len(first)+1] + evidence.SentencesLeftOut
	}
	return reply
}
