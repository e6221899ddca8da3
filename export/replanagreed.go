package export

import (
	"regexp"
	"strings"

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
// line has room for the agreement, not for all the answer says; but for
// a second sentence that says what the one answering does about it
// ("I'll let the CX team know about the account page change."), which
// shows the news went on from them.
func agreeingWords(reply evidence.Comment) evidence.Comment {
	text := evidence.OneLine(reply.Text)
	first := firstSentence(text)
	if first == text {
		return reply
	}
	rest := strings.TrimSpace(text[len(first)+1:])
	if second := firstSentence(rest); takesAction.MatchString(second) {
		if second == rest {
			return reply
		}
		reply.Text = text[:len(text)-len(rest)+len(second)+1] + evidence.SentencesLeftOut
		return reply
	}
	reply.Text = text[:len(first)+1] + evidence.SentencesLeftOut
	return reply
}

// takesAction finds a sentence in which who wrote it says what they will
// do: "I'll let the CX team know", "We will update the FAQ".
var takesAction = regexp.MustCompile(`(?i)^(?:I|we)(?:'ll|’ll| will| am going to| are going to)\s`)
