package export

import (
	"regexp"
	"strings"

	"github.com/pmfolio/pmfolio/evidence"
)

// headsUpAgreed is, of words of the user's addressed to a person by
// name ("Nadia - the new payment step goes live on Nov 3 … the banner
// will sit under the order summary"), that person's answer when it
// agrees: "Nadia Haddad answered within the hour: “Thanks for flagging,
// under the summary works for us.”" Quoted alone, a heads-up reads as a
// date nobody can check; the answer of the person it was for says it
// landed. Words that only name them ("Marco and I went through both
// options") were no heads-up to them. Nothing when they did not answer,
// or did not agree.
func (r *report) headsUpAgreed(e *evidence.Evidence) resultPart {
	reply, ok := r.answerOf(e)
	first, _, _ := strings.Cut(evidence.OneLine(reply.Author.DisplayName), " ")
	if !ok || first == "" || !assents(reply.Text) ||
		!regexp.MustCompile(`(?:^|[.;!?]\s+)`+regexp.QuoteMeta(first)+`\s*[,:–—-]`).MatchString(r.whole(e).Excerpt) {
		return resultPart{}
	}
	return answerPart(e, reply)
}

// answerPart is an answer to what the user said (answered), as a part of
// what followed, linked to the answer.
func answerPart(said *evidence.Evidence, reply evidence.Comment) resultPart {
	return resultPart{
		text:   answered(said, reply),
		source: "Jira comment, " + dateOnly(reply.At.UTC()),
		link:   evidence.CommentURL(said.IssueURL, reply.ID),
	}
}
