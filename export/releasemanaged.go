package export

import (
	"regexp"
	"slices"

	"github.com/pmfolio/pmfolio/evidence"
)

// managedRelease is a release the user managed: its version and the
// issue of theirs that Jira assigns them for it.
type managedRelease struct {
	version string
	issue   *evidence.Evidence
}

// releaseManaged is the release an incident came from when the user
// managed it and wrote a postmortem that says what let it happen
// (postmortemWithCause): a version its summary names, or a sentence of
// the user's own words on it or of their postmortem names with its cause
// ("root cause identified, … failed due to tablespace full on the NEFT
// schema after 4.14 pre-prod data copy job"), whose release issue Jira
// assigns to the user (managesRelease). A version named only as the fix
// ("5.2.1 out today") is none, nor a release the user only planned work
// into (see ownReleaseBroke). nil when there is none.
func (r *report) releaseManaged(in initiative) *managedRelease {
	if !in.isIncident() || r.postmortemWithCause(in) == nil {
		return nil
	}
	postmortem := postmortemsIn(r.items)
	named := releaseNamed.FindAllString(in.epic.Summary, -1)
	for _, e := range in.items {
		if e.IssueKey != in.epic.Key && !postmortem(e) {
			continue // a follow-up names the release a fix goes into
		}
		for _, sentence := range sentencesOf(evidence.OneLine(r.whole(e).Excerpt)) {
			if causeNamed.MatchString(sentence) {
				named = append(named, releaseNamed.FindAllString(sentence, -1)...)
			}
		}
	}
	for _, version := range named {
		if issue := r.managesRelease(in, version); issue != nil {
			return &managedRelease{version: version, issue: issue}
		}
	}
	return nil
}

// managesRelease is the user's release issue for a version that Jira
// assigns to them ("Release 4.14 - readiness, Go/No-Go and deployment"),
// filed before their first word on an incident: the release was theirs
// when it broke. nil when none is.
func (r *report) managesRelease(in initiative, version string) *evidence.Evidence {
	user := r.userOf(in.epic.SiteName)
	i := slices.IndexFunc(r.items, func(e *evidence.Evidence) bool {
		return e.SiteName == in.epic.SiteName && e.Category == evidence.CatReleasePlanning && isUser(e.IssueAssignee, user) &&
			releaseWord.MatchString(e.IssueSummary) && evidence.NamesVersion(e.IssueSummary, version) &&
			e.IssueCreated.Before(in.items[0].OccurredAt)
	})
	if i < 0 {
		return nil
	}
	return r.items[i]
}

// causeNamed finds a sentence that says what caused an incident: "root
// cause identified, …", "failed due to …", "broke after 4.14 went out
// because …".
var causeNamed = regexp.MustCompile(`(?i)\b(?:root cause|caused by|because|due to|introduced|broke)\b`)

// releaseWord finds a release issue's word for it: "Release 4.14 -
// readiness, Go/No-Go and deployment".
var releaseWord = regexp.MustCompile(`(?i)\brelease\b`)
