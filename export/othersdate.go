package export

import (
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// othersDateLength is the longest sentence of another team's description
// a story quotes for the date it sets: a date set in a paragraph is the
// paragraph's, which a story cannot quote in passing.
const othersDateLength = 160

// othersDate is the date another person set in the description of an
// issue they filed that the user coordinated on (see
// evidence.Portfolio.OthersDescriptions): the sentence that sets it, as
// written ("v1 charges goes away on Nov 30."), its date words, the day
// they give, and who wrote it.
type othersDate struct {
	said, words string
	due         time.Time
	by          evidence.User
}

// othersDateOn is the date another person's description of issue key set
// (othersDate): the stakes of the date the user gave that team. ok is
// false when the description is the user's or gives no date that reads
// as one day, in a short sentence.
func (v *view) othersDateOn(site, key string) (othersDate, bool) {
	d, ok := v.othersDescriptions[issueRef{site, key}]
	if !ok {
		return othersDate{}, false
	}
	for _, sentence := range sentencesOf(evidence.OneLine(d.Text)) {
		if words, due, ok := dateEitherWay(sentence, d.At); ok && len(sentence) <= othersDateLength {
			return othersDate{said: sentence, words: words, due: due, by: d.Author}, true
		}
	}
	return othersDate{}, false
}

// othersDateHeld is, of work done on done for a date the user gave on
// another person's issue (said), how far before the date that person set
// there it was: ", and 18 days before Nov 30, the date Jun Park set"; ""
// when they set none or the work missed it.
func (v *view) othersDateHeld(said *evidence.Evidence, done time.Time) string {
	set, ok := v.othersDateOn(said.SiteName, said.IssueKey)
	days := int(dayOnly(set.due).Sub(dayOnly(done.UTC())).Hours() / 24)
	if !ok || days < 0 {
		return ""
	}
	when := "on "
	if days > 0 {
		when = daysSpan(days) + " before "
	}
	return ", and " + when + dateAsGoalSays(set.said, set.words) + ", the date " + evidence.OneLine(set.by.DisplayName) + " set"
}
