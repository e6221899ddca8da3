package export

import (
	"slices"

	"github.com/pmfolio/pmfolio/evidence"
)

// rerankDone is what Jira shows of the re-ranking a story tells, a call
// among its actions (picked) that set its item above one the user had
// raised before (rankedEarlier, among them too): when each of the two was
// done after the call, by its last resolution, so a reopened issue by
// when it was done again. "OPS-1193 was done two days later, on 13
// February; OPS-1191 on 16 February, five days after I moved it down."
// It answers the interviewer's "you had put OPS-1191 first: what became
// of it?", which the epic's outcome does not. "" when no such pair is
// among picked, or neither was done after the call.
func (r *report) rerankDone(picked []*evidence.Evidence) string {
	i := slices.IndexFunc(picked, func(e *evidence.Evidence) bool {
		earlier := r.rankedEarlier(e)
		return earlier != nil && slices.Contains(picked, earlier)
	})
	if i < 0 {
		return ""
	}
	call := picked[i]
	said := ""
	if done, days, ok := r.doneAfter(call, call.IssueKey); ok {
		when := answeredWhen(call.OccurredAt, done.Resolved) // "the same day", "the next day", "on 13 February"
		if days > 1 {
			when = daysSpan(days) + " later, " + when
		}
		said = evidence.OneLine(call.IssueKey) + " was done " + when
	}
	lowered := r.rankedEarlier(call).IssueKey
	if done, days, ok := r.doneAfter(call, lowered); ok {
		after := "the day I moved it down"
		if days > 0 {
			after = daysSpan(days) + " after I moved it down"
		}
		if said == "" {
			said = evidence.OneLine(lowered) + " was done"
		} else {
			said += "; " + evidence.OneLine(lowered)
		}
		said += " on " + done.Resolved.UTC().Format("2 January") + ", " + after
	}
	if said == "" {
		return ""
	}
	return said + "."
}

// doneAfter is how an issue of the call's site was done (doneIssues) and
// how many days after the day of the call; ok is false when it is not
// done, or was done before the call.
func (r *report) doneAfter(call *evidence.Evidence, key string) (evidence.DoneIssue, int, bool) {
	done, ok := r.doneIssues[issueRef{call.SiteName, key}]
	if !ok || done.Resolved.Before(call.OccurredAt) {
		return evidence.DoneIssue{}, 0, false
	}
	return done, int(dayResolved(done).Sub(dayOnly(call.OccurredAt.UTC())).Hours() / 24), true
}
