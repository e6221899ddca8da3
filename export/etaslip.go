package export

import "github.com/pmfolio/pmfolio/evidence"

// etaMissed is what a story told for a deadline says of the last date
// the user committed to for its work, when the work missed it: "The epic
// was done on 24 September, 41 days after 14 Aug, the date I gave on 27
// July." The full version notes as much after that quote ("— done 24
// Sep, 41 days after 14 Aug"), so a deadline story silent on it tells an
// interviewer holding both another story. ok is false when the user gave
// no such date, the last one held, or a re-plan came after it.
func (r *report) etaMissed(in initiative) (string, bool) {
	var last *evidence.Evidence
	var told promiseDone
	var committed bool
	for _, e := range in.items {
		if last != nil && !e.OccurredAt.After(last.OccurredAt) || !inOwnWords(e) {
			continue
		}
		text := evidence.OneLine(e.Excerpt)
		d, done := r.promiseDoneIn(e, text)
		if _, replans := slipIn(text); done || replans {
			// A later re-plan without a date Jira can judge ("new plan: 5%
			// on Aug 25, … 100% end of September") replaces the date too.
			last, told, committed = e, d, done
		}
	}
	if !committed || told.early >= 0 {
		return "", false
	}
	work := evidence.OneLine(told.done.Key)
	if in.isEpic(told.done.Key) {
		work = "The epic"
	}
	return work + " was done on " + told.done.Resolved.UTC().Format("2 January") + told.againstDate() +
		", the date I gave on " + last.OccurredAt.UTC().Format("2 January") + ".", true
}
