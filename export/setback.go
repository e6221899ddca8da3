package export

import (
	"regexp"
	"slices"
	"strings"

	"github.com/pmfolio/pmfolio/evidence"
)

// failureQuestion is the question a story leads with when it tells a
// setback of the user's own and what they changed after it.
const failureQuestion = "a time you failed"

// failureWords are words of a question about failing: "a time you
// failed", "a failure", "a mistake you made", "when something went wrong".
var failureWords = regexp.MustCompile(`(?i)\bfail(?:ed|ure|ing)?\b|\bmistakes?\b|\bwent wrong\b|\bsetbacks?\b`)

// asksAboutFailure reports whether a question asks about failing.
func asksAboutFailure(question string) bool { return failureWords.MatchString(question) }

// failureAnswer finds the story that answers a question about failing:
// an incident on a release the user planned, whose postmortem they wrote
// (what broke, for whom, what changed), else a release the user called
// no-go and then took live. Any other story is a success story, and a
// success told to "a time you failed" reads as evasion: ok is false then.
func (r *report) failureAnswer(tiers ...[]initiative) (a answer, ok bool) {
	broke := slices.DeleteFunc(slices.Concat(tiers...), func(in initiative) bool { return !r.ownReleaseBroke(in) })
	if in, ok := strongestBy(r.weightOf(evidence.CatIncidentCoord), false, broke); ok {
		return answer{in: in, found: true, question: failureQuestion}, true
	}
	noGo := r.noGoThenLive()
	if in, ok := strongestBy(r.weightRanked(noGo, 1), false, tiers...); ok {
		return answer{in: in, found: true, question: failureQuestion, focus: noGo}, true
	}
	return answer{}, false
}

// ownReleaseBroke reports whether an initiative is an incident that a
// release the user planned caused, by the release its summary names ("App
// closes when opening order history (Android, 5.2.0)", of a user who moved
// issues into 5.2), and whose postmortem the user wrote: an incident of
// someone else's release ("PAY 4.13.0 dropped the brand field") is one
// they handled, not one they failed at.
func (r *report) ownReleaseBroke(in initiative) bool {
	if !in.isIncident() {
		return false
	}
	postmortem := postmortemsIn(r.items)
	if !slices.ContainsFunc(in.items, func(e *evidence.Evidence) bool { return e.Source == evidence.SourceIssue && postmortem(e) }) {
		return false
	}
	for _, release := range releaseNamed.FindAllString(in.epic.Summary, -1) {
		if slices.ContainsFunc(r.items, func(e *evidence.Evidence) bool {
			return e.SiteName == in.epic.SiteName && e.Category == evidence.CatReleasePlanning &&
				slices.ContainsFunc(releaseNamed.FindAllString(e.Excerpt, -1), func(planned string) bool { return sameRelease(release, planned) })
		}) {
			return true
		}
	}
	return false
}

// releaseNamed finds a release's version: "5.2.0", "4.12".
var releaseNamed = regexp.MustCompile(`\b\d+\.\d+(?:\.\d+)*\b`)

// sameRelease reports whether two versions name one release, one a patch
// of the other's: "5.2" and "5.2.0", not "4.1" and "4.14".
func sameRelease(a, b string) bool {
	return a == b || strings.HasPrefix(a, b+".") || strings.HasPrefix(b, a+".")
}

// noGoThenLive ranks an item 1 when it is the user's no-go for a release
// that they later called go ("Go/No-Go for 4.12: NO-GO, two sev-2 open",
// then "Go/No-Go for 4.12 (re-assessment): GO"): a setback they called,
// and recovered from. A no-go not yet followed by a go ("dry run for
// 4.15: NO-GO") tells no recovery, and ranks 0.
func (r *report) noGoThenLive() storyFocus {
	return func(e *evidence.Evidence) int {
		if !inOwnWords(e) {
			return 0
		}
		for _, release := range goNoGoReleases(e.Excerpt, true) {
			if slices.ContainsFunc(r.items, func(o *evidence.Evidence) bool {
				return o.SiteName == e.SiteName && o.OccurredAt.After(e.OccurredAt) &&
					slices.Contains(goNoGoReleases(o.Excerpt, false), release) && !slices.Contains(goNoGoReleases(o.Excerpt, true), release)
			}) {
				return 1
			}
		}
		return 0
	}
}
