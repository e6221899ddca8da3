package export

import (
	"slices"

	"github.com/pmfolio/pmfolio/evidence"
)

// releaseMade says, of an ask of the user's that names a release ("to
// make 5.2 (store submission 21/07) we'd need this on staging by 03/07"),
// that the work of the initiative planned into that release went out in
// it: "MOB-882 went out in 5.2, released on 28 July." Jira gives the day
// (IssueReleaseDates); an issue done after it, or not done, went out in
// no such release, and says nothing. The day is the release's, not the
// date the ask gave, which is often another (a store submission, a
// staging date): the sentence compares the two in no way. ok is false
// when no issue of the initiative went out in a release the ask names.
func releaseMade(in initiative, ask *evidence.Evidence) (string, bool) {
	text := evidence.OneLine(ask.Excerpt)
	for _, version := range releasesOf(in.items) {
		if !evidence.NamesVersion(text, version) {
			continue
		}
		var keys []string
		var day string
		for _, e := range in.items {
			released, ok := e.IssueReleaseDates[version]
			if ok && !doneAfter(e, released) && !slices.Contains(keys, evidence.OneLine(e.IssueKey)) {
				keys = append(keys, evidence.OneLine(e.IssueKey))
				day = released.Format("2 January")
			}
		}
		if len(keys) > 0 {
			return evidence.JoinAnd(keys) + " went out in " + evidence.OneLine(version) + ", released on " + day + ".", true
		}
	}
	return "", false
}

// releasesOf is the releases Jira gives a day for of items' issues, by
// name, sorted.
func releasesOf(items []*evidence.Evidence) []string {
	var names []string
	for _, e := range items {
		for version := range e.IssueReleaseDates {
			if !slices.Contains(names, version) {
				names = append(names, version)
			}
		}
	}
	slices.Sort(names)
	return names
}
