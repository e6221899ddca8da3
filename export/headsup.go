package export

import (
	"regexp"
	"strings"
	"unicode/utf8"

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
		!opensWithName(r.whole(e).Excerpt, first) {
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

// sentenceBreak ends a sentence or clause before the next opens.
var sentenceBreak = regexp.MustCompile(`[.;!?]\s+`)

// opensWithName reports whether text, or one of its sentences, opens by
// addressing a person by name: the name, then a comma, colon or dash
// ("Nadia - the new payment step goes live on Nov 3").
func opensWithName(text, name string) bool {
	if addresses(text, name) {
		return true
	}
	for _, at := range sentenceBreak.FindAllStringIndex(text, -1) {
		if addresses(text[at[1]:], name) {
			return true
		}
	}
	return false
}

// addresses reports whether words open with name, then a comma, colon or
// dash, after any spaces.
func addresses(words, name string) bool {
	rest, ok := strings.CutPrefix(words, name)
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, " \t\n\f\r"))
	return ok && strings.ContainsRune(",:–—-", r)
}
