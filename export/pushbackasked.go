package export

import (
	"regexp"

	"github.com/pmfolio/pmfolio/evidence"
)

// askedPushback ranks an item as evidence of pushing back (pushback) only
// where there was a request to say no to: a no to a person by name is
// one, a no said to nobody only on an issue another person filed. Demo's
// "No-go for platform-2026.06 from my side until the dry run passes" was
// on OPS-1236, which the user filed and put into platform-2026.06
// herself: no one asked, so an interviewer hears her change her own plan.
//
// A Won't Do whose only grounds are that nobody asked for it is a stale
// ticket closed, no request refused, unless whoever filed it answered:
// demo's "Closing as Won't Do: nobody has asked for it since the 28th" on
// the metrics Jonas Becker filed on 2 November, ranked up on 26 November
// and never answered, had an interviewer ask "didn't Jonas ask?", which
// the story could not answer.
func (r *report) askedPushback(e *evidence.Evidence) int {
	rank := pushback(e)
	if rank < 4 && !r.filedByAnother(e) || rank == 2 && r.closedStale(e) {
		return 0
	}
	return rank
}

// nobodyAsked finds grounds that say only that nobody wants the work:
// "nobody has asked for it since the 28th", "no one needs this".
var nobodyAsked = regexp.MustCompile(`(?i)\b(?:nobody|no one|no-one)\b(?:\s+\w+){0,2}?\s+(?:asked|asks|needs|needed|wants|wanted|uses|used|requested)\b`)

// closedStale reports whether a no said to nobody gives as its grounds
// only that nobody asked for the work (nobodyAsked), and whoever filed
// the issue never answered it.
func (r *report) closedStale(e *evidence.Evidence) bool {
	if !nobodyAsked.MatchString(evidence.OneLine(e.Excerpt)) {
		return false
	}
	reply, ok := r.answerOf(e)
	return !ok || !isUser(reply.Author, e.IssueReporter)
}

// filedByAnother reports whether a person other than the user filed the
// issue of an item: the request was theirs.
func (r *report) filedByAnother(e *evidence.Evidence) bool {
	reporter := e.IssueReporter
	return (reporter.ID != "" || reporter.DisplayName != "") && !isUser(reporter, r.userOf(e.SiteName))
}

// requestShown says, of a no said to nobody (askedPushback 2 or 3) on an
// issue another person filed, whose request it declined: ", filed by
// Jonas Becker on 2 November". A story that tells it as pushing back
// shows the request, which the no alone does not.
func (r *report) requestShown(e *evidence.Evidence) string {
	if rank := r.askedPushback(e); rank < 2 || rank > 3 || e.IssueCreated.IsZero() {
		return ""
	}
	return filedBy(e)
}

// filedBy says who filed an item's issue and when: ", filed by Nadia
// Haddad on 25 May".
func filedBy(e *evidence.Evidence) string {
	return ", filed by " + evidence.OneLine(e.IssueReporter.DisplayName) + " on " + e.IssueCreated.UTC().Format("2 January")
}
