package export

import "github.com/pmfolio/pmfolio/evidence"

// askedPushback ranks an item as evidence of pushing back (pushback) only
// where there was a request to say no to: a no to a person by name is
// one, a no said to nobody only on an issue another person filed. Demo's
// "No-go for platform-2026.06 from my side until the dry run passes" was
// on OPS-1236, which the user filed and put into platform-2026.06
// herself: no one asked, so an interviewer hears her change her own plan.
func (r *report) askedPushback(e *evidence.Evidence) int {
	rank := pushback(e)
	if rank < 4 && !r.filedByAnother(e) {
		return 0
	}
	return rank
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
