package export

import (
	"slices"
	"strings"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// sponsorQuoteLength is the longest reply of a sponsor quoted: one line.
const sponsorQuoteLength = 160

// handedOver is another person's answer to the user's proposal of an
// initiative (filing its epic, or their first comment on it) that hands
// it to them or commits support: "Anand Kulkarni answered my proposal the
// same day: “Good initiative Priya. Please take this forward, I will
// support from my side with the business teams.”" A manager handing over
// the initiative is the strongest proof the user owned it. Nothing when
// nobody did.
func (r *report) handedOver(in initiative) resultPart {
	if in.onNoEpic {
		return resultPart{}
	}
	first := in.epics()[0]
	user := r.userOf(first.SiteName)
	at, ok := proposedAt(in, first, user)
	if !ok {
		return resultPart{}
	}
	reply, ok := sponsorReply(first, user, at, handsOver)
	if !ok {
		return resultPart{}
	}
	return sponsorPart(first, reply, at, " answered my proposal ")
}

// recognised is another person's answer to the user's comment that
// reports the initiative's outcome, when it praises the result or says
// what comes of it: "Anand Kulkarni answered the same day: “Well done
// Priya and team. Will present this in the quarterly ops review.”"
// Nothing for an outcome the user stated with `pmfolio outcome`, which
// nobody answered in Jira.
func (r *report) recognised(in initiative) resultPart {
	o := in.outcome
	if in.onNoEpic || !in.hasOutcome || o.Mine || o.Comment.ID == "" {
		return resultPart{}
	}
	user := r.userOf(o.Epic.SiteName)
	if !isUser(o.Comment.Author, user) {
		return resultPart{}
	}
	reply, ok := sponsorReply(o.Epic, user, o.Comment.At, recognises)
	if !ok {
		return resultPart{}
	}
	return sponsorPart(o.Epic, reply, o.Comment.At, " answered ")
}

// proposedAt is when the user first put the initiative forward: filed
// its epic (an item of theirs on the epic's own issue), else their first
// comment on it.
func proposedAt(in initiative, ep evidence.Epic, user evidence.User) (time.Time, bool) {
	for _, e := range in.items {
		if e.IssueKey == ep.Key && e.Source == evidence.SourceIssue && !e.Manual {
			return e.OccurredAt, true
		}
	}
	for _, c := range ep.Comments {
		if isUser(c.Author, user) {
			return c.At, true
		}
	}
	return time.Time{}, false
}

// sponsorReply is the comment on ep by someone other than the user that
// answers what the user said at said (within evidence.ReplyWindow,
// before the user wrote again) with words of kind want (sponsorSays). Of
// several, one by someone none of the epic's issues is assigned to comes
// first, who more likely leads than works on it; then the earliest.
func sponsorReply(ep evidence.Epic, user evidence.User, said time.Time, want sponsorWords) (evidence.Comment, bool) {
	first, _, _ := strings.Cut(evidence.OneLine(user.DisplayName), " ")
	var replies []evidence.Comment
	for _, c := range ep.Comments {
		switch {
		case !c.At.After(said):
			continue
		case c.At.Sub(said) > evidence.ReplyWindow || isUser(c.Author, user):
			return pickSponsor(ep, replies)
		case sponsorSays(c.Text, first, want):
			replies = append(replies, c)
		}
	}
	return pickSponsor(ep, replies)
}

// pickSponsor is, of replies oldest first, the first by someone none of
// the epic's issues is assigned to, else the first.
func pickSponsor(ep evidence.Epic, replies []evidence.Comment) (evidence.Comment, bool) {
	if len(replies) == 0 {
		return evidence.Comment{}, false
	}
	assigned := func(c evidence.Comment) bool {
		return slices.ContainsFunc(ep.Issues, func(is evidence.EpicIssue) bool { return is.Assignee.ID != "" && c.Author.Is(is.Assignee) })
	}
	if i := slices.IndexFunc(replies, func(c evidence.Comment) bool { return !assigned(c) }); i >= 0 {
		return replies[i], true
	}
	return replies[0], true
}

// sponsorPart tells a sponsor's reply to what the user said at said, in
// one line, linked to the reply.
func sponsorPart(ep evidence.Epic, reply evidence.Comment, said time.Time, verb string) resultPart {
	return resultPart{
		text: evidence.OneLine(reply.Author.DisplayName) + verb + answeredWhen(said, reply.At) + ": “" +
			storyQuote(evidence.QuoteBody(evidence.OneLine(reply.Text)), sponsorQuoteLength) + "”",
		source: "Jira comment, " + dateOnly(reply.At.UTC()),
		link:   evidence.CommentURL(ep.URL, reply.ID),
	}
}
