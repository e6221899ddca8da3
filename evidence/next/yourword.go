package next

import (
	"math"
	"regexp"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/markup"
)

// commitWords commit the user to something in their own comment: "happy
// to look at it in August", "I'll keep you posted", "Ranked this to the
// top of the backlog".
var commitWords = regexp.MustCompile(`(?i)\b(?:happy|glad) to\b|\b(?:i|we)(?:['’]ll| will)\b|\btop of the backlog\b`)

// yourCommitmentLast reports whether a suggestion tells the user's own
// commitment on its issue (Opportunity.YourWord), and that commitment is the
// user's latest: their newest comment promises, puts the issue off to a
// time or says why it comes first (a teammate's later "seen this again
// today" presses it more, it does not take it over), or, of a release
// that shipped without it, their change set the fix version and nobody
// else has written since; or their call on another issue made it wait.
// Silence after it is theirs to break: it makes the issue more pressing,
// not less.
func (t *Team) yourCommitmentLast(op Opportunity, is TeamIssue) bool {
	if t.Site.User.ID == "" || !op.YourWord {
		return false
	}
	if op.Detector == "release.missed" {
		set, ok := t.yourMissedVersion(is)
		c, commented := lastPersonComment(is)
		return ok && (!commented || c.Author.Is(t.Site.User) || c.At.Before(set.At))
	}
	c, ok := lastCommentBy(is, t.Site.User)
	if !ok {
		// A wait the user called on another issue (yourWaitPassed): nothing
		// on this one has changed since.
		return op.Detector == "promise.overdue"
	}
	if AsksQuestion(c.Text) {
		return false
	}
	plain := markup.PlainText(c.Text)
	return commitWords.MatchString(plain) || evidence.DeferWords.MatchString(plain) || t.yourWordOnWhy(is) != ""
}

// hygiene are the detectors of a story's missing fields: the user's own
// commitment nobody has heard more of comes before them.
var hygiene = map[string]bool{"story.no-acceptance-criteria": true, "story.no-estimate": true}

// commitmentsOverHygiene lifts the suggestions on the user's own
// commitments (committed, indices into opps) a hundredth over the best
// estimate or acceptance-criteria suggestion they were below: a promise
// to a named person let lapse costs the user's word, a missing estimate
// costs a refinement.
func commitmentsOverHygiene(opps []Opportunity, committed []int) {
	best := math.Inf(-1)
	for _, op := range opps {
		if hygiene[op.Detector] {
			best = max(best, op.Score)
		}
	}
	for _, i := range committed {
		if opps[i].Score <= best {
			opps[i].Score = math.Round((best+0.01)*100) / 100
		}
	}
}

// freezeSoon is how near the next release's code freeze makes
// re-planning work that missed a release press: within two working weeks,
// where it goes is decided by it.
const freezeSoon = 10

// nextFreezeSoon is a project's next release (nextRelease) and its code
// freeze, as the team's comments give it (codeFreeze), when that is within
// freezeSoon working days. A release with no freeze written down is not
// told by its date alone: the next one due may be a hotfix that takes no
// slipped work.
func (t *Team) nextFreezeSoon(project string) (Release, time.Time, bool) {
	r, ok := t.nextRelease(project)
	if !ok {
		return Release{}, time.Time{}, false
	}
	freeze, ok := t.codeFreeze(r)
	return r, freeze, ok && workingDays(t.Now, freeze) <= freezeSoon
}
