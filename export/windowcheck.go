package export

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// firstWindow finds the window a result is counted over from a release
// on: "first two weeks", "first 30 days", "first month".
var firstWindow = regexp.MustCompile(`(?i)\bfirst (?:(a|one|two|three|four|\d{1,3}) )?(day|week|month)s?\b`)

// noteWindowUnelapsed tells the user, on the side, of an Outcome that
// counts a result over a window from a release it names that had not
// ended when they wrote it: "production defects in first two weeks came
// down from 11 (4.10 + 4.11) to 3 (4.13 + 4.14)", written on 3 Nov, when
// 4.14 went out on 24 Oct. The quote stays as written, it is theirs; an
// interviewer who checks the dates asks how two weeks had passed, and
// the user comes prepared. Only of a release Jira gives a day for.
func (r *report) noteWindowUnelapsed(in initiative) {
	o := in.outcome
	if !in.hasOutcome || o.Mine || o.Comment.At.IsZero() {
		return
	}
	text := evidence.OneLine(o.Text)
	window := firstWindow.FindStringSubmatch(text)
	if window == nil {
		return
	}
	release, day, ok := r.lastReleaseNamed(text)
	if !ok {
		return
	}
	ended := windowEnd(day, window[1], window[2])
	written := dayOnly(o.Comment.At.UTC())
	if !written.Before(ended) {
		return
	}
	whose, writer := "your", "you"
	if !isUser(o.Comment.Author, r.userOf(in.epic.SiteName)) {
		writer = evidence.OneLine(o.Comment.Author.DisplayName)
		whose = "the"
	}
	line := fmt.Sprintf("window check: %s (%s): %s outcome counts %s's %s; %s went out on %s, so they ended %s, and %s wrote it on %s. Expect the question.",
		evidence.OneLine(in.epic.Key), shortTitle(in.title), whose, release, strings.ToLower(window[0]), release, day.Format("2 Jan"), ended.Format("2 Jan"), writer, written.Format("2 Jan"))
	if !slices.Contains(r.lintLines, line) {
		r.lintLines = append(r.lintLines, line)
	}
}

// lastReleaseNamed is, of the releases text names that Jira gives a day
// for (IssueReleaseDates of any item), the one that went out last: a
// window counted over several releases has ended only when the last
// one's has.
func (r *report) lastReleaseNamed(text string) (string, time.Time, bool) {
	var name string
	var last time.Time
	for _, e := range r.items {
		for version, day := range e.IssueReleaseDates {
			if (day.After(last) || day.Equal(last) && version > name) && evidence.NamesVersion(text, version) {
				name, last = version, day
			}
		}
	}
	return name, last, name != ""
}

// windowEnd is the day a window counted from a release day ends: "two"
// "week" from 24 Oct is 7 Nov. A window without a count is one unit
// ("first month").
func windowEnd(day time.Time, count, unit string) time.Time {
	if count == "" {
		count = "one"
	}
	n := spanDays(count, unit) // weeks in days, months as counted
	if strings.EqualFold(unit, "month") {
		return day.AddDate(0, n, 0)
	}
	return day.AddDate(0, 0, n)
}
