package export

import (
	"fmt"
	"slices"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// etaMissed is what a story's Result says of the last date the user
// committed to for its work, when the work missed it: "The epic was done
// on 24 September, 41 days after 14 Aug, the date I gave on 27 July." The
// full version notes as much after that quote ("— done 24 Sep, 41 days
// after 14 Aug"), so a story silent on it tells an interviewer holding
// both another story. Where the date the epic's goal set held all the same,
// it says so, and the two dates read together: "…, the date I gave on 27
// July, but six days before 30 September, the date the goal set." ok is
// false when the user gave no such date, the last one held, or a re-plan
// came after it.
func (r *report) etaMissed(in initiative) (string, bool) {
	last, told, ok := r.missedETA(in)
	if !ok {
		return "", false
	}
	work := evidence.OneLine(told.done.Key)
	if in.isEpic(told.done.Key) {
		work = "The epic"
	}
	return work + " was done on " + told.done.Resolved.UTC().Format("2 January") + told.againstDate() +
		", the date I gave on " + last.OccurredAt.UTC().Format("2 January") + goalDateHeld(in, told.done.Resolved) + ".", true
}

// noteMissedETA tells the user, on the side, of an initiative the brief
// shows whose epic missed the last date they gave for it (missedETA):
// "date missed: OPS-1212 (SLOs for customer-facing services): you gave
// 27 May on 20 May; done 20 Aug; no new date posted. …". On the brief a
// bare "85 days after 27 May" reads as a slip nobody was told of, and
// the note that gave the date has no room there; the stories tell it in
// full (etaMissed), and the user comes prepared for the question.
// Nothing when the user gave the epic no such date, or the date missed
// was of an issue of it.
func (r *report) noteMissedETA(in initiative) {
	last, told, ok := r.missedETA(in)
	if !ok || !in.isEpic(told.done.Key) {
		return
	}
	line := fmt.Sprintf("date missed: %s (%s): you gave %s on %s; done %s%s; no new date posted. Expect the question; add the context to that note: pmfolio evidence note %s \"why it moved\"",
		evidence.OneLine(in.epic.Key), shortTitle(in.title), told.words, last.OccurredAt.UTC().Format("2 Jan"),
		told.done.Resolved.UTC().Format("2 Jan"), goalDateHeld(in, told.done.Resolved), last.ID)
	if !slices.Contains(r.lintLines, line) {
		r.lintLines = append(r.lintLines, line)
	}
}

// missedETA is the last note of the user's that gave a date for the work
// of in, or re-planned it, and what Jira shows of that date (etaMissed),
// when the work missed it.
func (r *report) missedETA(in initiative) (*evidence.Evidence, promiseDone, bool) {
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
		return nil, promiseDone{}, false
	}
	return last, told, true
}

// goalDateHeld is, of work done on done, how far before the date its
// epic's goal set (goalDue) it was: ", but six days before 30 September,
// the date the goal set"; "" when the goal sets none or the work missed it.
func goalDateHeld(in initiative, done time.Time) string {
	words, due, ok := goalDue(in.epic)
	days := int(dayOnly(due).Sub(dayOnly(done.UTC())).Hours() / 24)
	if !ok || days < 0 {
		return ""
	}
	if days == 0 {
		return ", but on " + dateAsGoalSays(in.epic.Goal, words) + ", the date the goal set"
	}
	return ", but " + daysSpan(days) + " before " + dateAsGoalSays(in.epic.Goal, words) + ", the date the goal set"
}

// missedETAFirst is the focus of a story told for a deadline (focus, of
// its release planning) with the note etaMissed tells in its Result
// ranked first: "New ETA for this: 14 Aug …" answers "and did you make
// the date?" before its Result does, where "Targeting platform-2026.08.
// Cut-off is Monday 24 Aug" of work done on 4 August answers nothing.
func (r *report) missedETAFirst(in initiative, focus storyFocus) storyFocus {
	eta, _, missed := r.missedETA(in)
	if !missed {
		return focus
	}
	return func(e *evidence.Evidence) int {
		if e == eta {
			return 2
		}
		return focus(e)
	}
}

// withMissedETA is a story's actions (picked) with the note among them
// whose date its Result tells missed (etaMissed): "85 days after 27 May,
// the date I gave on 20 May" sends the reader looking for a 20 May note.
// When all slots are taken it takes that of the weakest action, of those
// the question the story is told for does not need (focus; nil for none),
// one that backs no question of its own first ("Carrying this over to OPS
// Sprint 50" before "Sorted out with Mei Chen: … no need to wait").
func (r *report) withMissedETA(in initiative, picked []*evidence.Evidence, focus storyFocus) []*evidence.Evidence {
	eta, _, missed := r.missedETA(in)
	if !missed || slices.Contains(picked, eta) {
		return picked
	}
	if len(picked) < storyActions {
		return append(slices.Clone(picked), eta)
	}
	weakest := -1
	weaker := func(a, b *evidence.Evidence) bool {
		backsA, backsB := backsQuestion(a.Category, a.Source == evidence.SourceIssue, a.Excerpt), backsQuestion(b.Category, b.Source == evidence.SourceIssue, b.Excerpt)
		return !backsA && backsB || backsA == backsB && r.strengths.of(a) < r.strengths.of(b)
	}
	for i, e := range picked {
		if (focus == nil || focus(e) <= 0) && (weakest < 0 || weaker(e, picked[weakest])) {
			weakest = i
		}
	}
	if weakest < 0 {
		return append(slices.Clone(picked), eta)
	}
	return append(slices.Delete(slices.Clone(picked), weakest, weakest+1), eta)
}

// leftMissed says the user gave a date for the work of in that it missed,
// and no later note of theirs gave another (missedETA): its story does
// not answer "a time you kept stakeholders aligned", whatever its
// updates say.
func (r *report) leftMissed(in initiative) bool {
	_, _, missed := r.missedETA(in)
	return missed
}
