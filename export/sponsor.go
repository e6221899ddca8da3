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
func (r *report) handedOver(in initiative) (sponsorQuote, bool) {
	if in.onNoEpic {
		return sponsorQuote{}, false
	}
	first := in.epics()[0]
	user := r.userOf(first.SiteName)
	at, ok := proposedAt(in, first, user)
	if !ok {
		return sponsorQuote{}, false
	}
	reply, ok := sponsorReply(first, user, at, handsOver)
	return sponsorQuote{says: handsOver, epic: first, reply: reply, said: at}, ok
}

// recognised is another person's answer to the user's comment that
// reports the initiative's outcome, when it praises the result or says
// what comes of it: "Anand Kulkarni answered the same day: “Well done
// Priya and team. Will present this in the quarterly ops review.”"
// Nothing for an outcome the user stated with `pmfolio outcome`, which
// nobody answered in Jira.
func (r *report) recognised(in initiative) (sponsorQuote, bool) {
	o := in.outcome
	if in.onNoEpic || !in.hasOutcome || o.Mine || o.Comment.ID == "" {
		return sponsorQuote{}, false
	}
	user := r.userOf(o.Epic.SiteName)
	if !isUser(o.Comment.Author, user) {
		return sponsorQuote{}, false
	}
	reply, ok := sponsorReply(o.Epic, user, o.Comment.At, recognises)
	return sponsorQuote{says: recognises, epic: o.Epic, reply: reply, said: o.Comment.At}, ok
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

// sponsorQuote is a sponsor's reply (handedOver, recognised) on an
// initiative's epic to what the user said there at said.
type sponsorQuote struct {
	says  sponsorWords
	epic  evidence.Epic
	reply evidence.Comment
	said  time.Time
}

// jsonSponsorQuote is a sponsor's reply as the JSON export and
// `pmfolio stories --format json` give it (added fields of schema
// version 1): kind is "handover" or "recognition", text the reply in
// one line without what it quotes, url the Jira comment ("" redacted).
type jsonSponsorQuote struct {
	Kind   string `json:"kind"`
	Author string `json:"author"`
	Date   string `json:"date"`
	Text   string `json:"text"`
	URL    string `json:"url"`
}

// part tells the reply in one line, linked to it: "Anand Kulkarni
// answered my proposal the same day: “…”", or "… answered the same day:
// “…”" of the result it praises.
func (q sponsorQuote) part() resultPart {
	verb := " answered my proposal "
	if q.says == recognises {
		verb = " answered "
	}
	return resultPart{
		text: evidence.OneLine(q.reply.Author.DisplayName) + verb + answeredWhen(q.said, q.reply.At) + ": “" +
			storyQuote(q.text(), sponsorQuoteLength) + "”",
		source: "Jira comment, " + dateOnly(q.reply.At.UTC()),
		link:   q.url(),
	}
}

// json is the reply as the JSON outputs give it.
func (q sponsorQuote) json() jsonSponsorQuote {
	kind := "handover"
	if q.says == recognises {
		kind = "recognition"
	}
	return jsonSponsorQuote{Kind: kind, Author: evidence.OneLine(q.reply.Author.DisplayName), Date: dateOnly(q.reply.At.UTC()),
		Text: q.text(), URL: linkableURL(q.url())}
}

func (q sponsorQuote) text() string { return evidence.QuoteBody(evidence.OneLine(q.reply.Text)) }

func (q sponsorQuote) url() string { return evidence.CommentURL(q.epic.URL, q.reply.ID) }

// sponsorQuotes are the replies of sponsors on an initiative, the one
// that handed it over first, for the JSON outputs: [] when none did.
func (r *report) sponsorQuotes(in initiative) []jsonSponsorQuote {
	quotes := []jsonSponsorQuote{}
	for _, find := range []func(initiative) (sponsorQuote, bool){r.handedOver, r.recognised} {
		if q, ok := find(in); ok {
			quotes = append(quotes, q.json())
		}
	}
	return quotes
}
