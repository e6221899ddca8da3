package export

import (
	"maps"
	"slices"

	"github.com/pmfolio/pmfolio/evidence"
)

// releasesMade says, of words of the user's that name releases (an ask
// "to make 5.2 (store submission 21/07) we'd need this on staging by
// 03/07", a plan "moving to 5.3. the cart restore still goes in 5.2"),
// that the work of the initiative planned into each went out in it, one
// sentence a release, by name: "MOB-882 went out in 5.2, released on 28
// July." Jira gives the day (IssueReleaseDates); an issue done after it,
// or not done, went out in no such release, and says nothing. The day is
// the release's, not a date the words gave, which is often another (a
// store submission, a staging date): the sentence compares the two in no
// way. It is empty when no issue of the initiative went out in a release
// the words name.
func releasesMade(in initiative, words *evidence.Evidence) map[string]string {
	text := evidence.OneLine(words.Excerpt)
	made := make(map[string]string)
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
			made[version] = evidence.JoinAnd(keys) + " went out in " + evidence.OneLine(version) + ", released on " + day + "."
		}
	}
	return made
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

// releasesKept is what releasesMade says of each release plans name, in
// the order the plans name them, each release once: an ask for 5.2 and a
// plan "moving to 5.3. the cart restore still goes in 5.2" tell 5.2, then
// 5.3. A work planned into a release that went out with it is a date
// kept that Jira records, where the goal's own date has no figure.
func releasesKept(in initiative, plans []*evidence.Evidence) []string {
	var said []string
	told := make(map[string]bool)
	for _, plan := range plans {
		made := releasesMade(in, plan)
		for _, version := range slices.Sorted(maps.Keys(made)) {
			if !told[version] {
				told[version] = true
				said = append(said, made[version])
			}
		}
	}
	return said
}
