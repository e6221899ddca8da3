package export

import (
	"regexp"
	"strings"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// plansRelease finds words that plan an issue into a release, the name
// of which follows them: "Release notes for platform-2026.06:", "P1
// because it blocks platform-2026.06", "targeting 4.14".
var plansRelease = regexp.MustCompile(`(?i)\b(?:release notes? for|block(?:s|ing)|target(?:s|ing|ed for)?|planned for|slated for)\s+(?:the\s+)?`)

// releasePlanMissed reports whether an item of the user's words plans its
// issue into a release (plansRelease) that went out without it: Jira
// gives the day the release went out (IssueReleaseDates), and the issue
// was resolved after that day or is still not done. "Release notes for
// platform-2026.06: "Clusters run Kubernetes 1.30"" of an issue done on
// 20 July, three weeks after platform-2026.06 went out on 30 June, tells
// a release that never held what the note says. A release Jira gives no
// day for says nothing either way. The words are the whole comment's, as
// a story tells it (whole).
func (v *view) releasePlanMissed(e *evidence.Evidence) bool {
	if !inOwnWords(e) || len(e.IssueReleaseDates) == 0 {
		return false
	}
	text := evidence.OneLine(v.whole(e).Excerpt)
	for _, at := range plansRelease.FindAllStringIndex(text, -1) {
		words := strings.Fields(text[at[1]:])
		if len(words) == 0 {
			continue
		}
		named := strings.TrimRight(words[0], `.,;:!?)"'”’`)
		for version, day := range e.IssueReleaseDates {
			if strings.EqualFold(named, version) || sameRelease(named, version) {
				return doneAfter(e, day)
			}
		}
	}
	return false
}

// doneAfter reports whether an item's issue was resolved after a day, or
// is still not done. An issue done with no resolution date says nothing.
func doneAfter(e *evidence.Evidence, day time.Time) bool {
	if e.IssueResolved == nil {
		return e.IssueStatusCategory != evidence.StatusCategoryEnd
	}
	return dayOnly(e.IssueResolved.UTC()).After(day)
}
