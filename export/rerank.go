package export

import (
	"regexp"
	"slices"

	"github.com/pmfolio/pmfolio/evidence"
)

var (
	// movesAbove finds a priority call that sets its item above another
	// it names: "Moving this above OPS-1191", "putting this above the
	// onboarding copy", "more important than the mobile-bff upgrade",
	// "either this or MOB-810. I'd pick this one". "It goes below the
	// latency SLOs" lowers its own item, and "P2, not P1" names no other.
	movesAbove = regexp.MustCompile(`(?i)\b(?:above|ahead of|more important than)\s+(?:the\s+[\w'-]+|[A-Z][A-Z0-9]*-\d+)|\beither this or [A-Z][A-Z0-9]*-\d+`)
	// movedAboveKey is the key of the issue a call sets its item above.
	movedAboveKey = regexp.MustCompile(`(?i:\b(?:above|ahead of|more important than|either this or)\s+)([A-Z][A-Z0-9]*-\d+)\b`)
	// lowersPriority finds words that set an item's priority down: "P2,
	// not P1", "Nice-to-have for now", "Deprioritising this", "Parking
	// this for now", "It goes below …".
	lowersPriority = regexp.MustCompile(`(?i)\bnot P[01]\b|\bnice-to-have\b|\bdeprioriti[sz]|\b(?:dropping|lowering) the priority\b|\bparking (?:this|it)\b|\bgoes (?:below|behind)\b`)
	// raisesPriority finds words that set an item's priority up or pull
	// it into work: "Raising priority", "Moving it up", "to the top of
	// the backlog", "put it in OPS Sprint 48, I've made room".
	raisesPriority = regexp.MustCompile(`(?i)\braising\b|\bmoving (?:it|this) up\b|\bto the top of\b|\bprioriti[sz]ing it now\b|\bmust-have\b|\bmade room\b|\bI'd pick this\b`)
)

// priorityMove is which way the user's words move their item's
// priority: -1 down (lowersPriority), 1 up (raisesPriority, movesAbove),
// 0 neither.
func priorityMove(text string) int {
	switch {
	case lowersPriority.MatchString(text):
		return -1
	case raisesPriority.MatchString(text) || movesAbove.MatchString(text):
		return 1
	}
	return 0
}

// reversedLater reports whether the user's own later words on the same
// issue move its priority the other way: "P2, not P1: … I'll look at it
// again after the weekly risk review" and, the next day, "put it in OPS
// Sprint 48, I've made room". Told as a priority call, it is the one an
// interviewer's first click shows undone.
func (r *report) reversedLater(e *evidence.Evidence) bool {
	move := priorityMove(evidence.OneLine(e.Excerpt))
	return move != 0 && slices.ContainsFunc(r.items, func(o *evidence.Evidence) bool {
		return o.SiteName == e.SiteName && o.IssueKey == e.IssueKey && inOwnWords(o) && o.OccurredAt.After(e.OccurredAt) &&
			priorityMove(evidence.OneLine(o.Excerpt)) == -move
	})
}

// rankedEarlier is the user's own call, before e, that raised the issue e
// sets its item above ("Ranked this to the top of the backlog" on
// OPS-1191, before "Moving this above OPS-1191"), or nil: two priorities
// both the user's, one re-ranked over the other, are the conflict the
// question asks about.
func (r *report) rankedEarlier(e *evidence.Evidence) *evidence.Evidence {
	m := movedAboveKey.FindStringSubmatch(evidence.OneLine(e.Excerpt))
	if m == nil {
		return nil
	}
	var last *evidence.Evidence
	for _, o := range r.items {
		if o.SiteName == e.SiteName && o.IssueKey == m[1] && inOwnWords(o) && o.Category == evidence.CatPrioritization &&
			o.OccurredAt.Before(e.OccurredAt) && priorityMove(evidence.OneLine(o.Excerpt)) > 0 {
			last = o
		}
	}
	return last
}

// priorityCalls ranks the items a story told for conflicting priorities
// quotes: 3 for a call in the user's words that sets its item above one
// they had raised themselves (rankedEarlier), 2 for one that sets it
// above another item it names (movesAbove) in words not pasted on other
// issues too (pastedOn), 1 for any other priority
// item, 0 for one the user's later words reversed (reversedLater) or
// another kind of work.
func (r *report) priorityCalls(e *evidence.Evidence) int {
	text := evidence.OneLine(e.Excerpt)
	switch {
	case e.Category != evidence.CatPrioritization || r.reversedLater(e):
		return 0
	case !inOwnWords(e) || priorityMove(text) < 0 || !movesAbove.MatchString(text) || r.pastedOn(e) >= pastedIssues:
		return 1
	case r.rankedEarlier(e) != nil:
		return 3
	}
	return 2
}

// rerankAnswer answers a question about conflicting priorities (q is its
// standard question) with the story whose user set one item above
// another by name, of their own earlier priority first (priorityCalls):
// "Moving this above OPS-1191: every on-call shift loses about half a day
// to it", after ranking OPS-1191 to the top, tells two priorities and the
// call between them, where "P2, not P1", reversed the next day, tells
// neither.
func (r *report) rerankAnswer(q string, tiers ...[]initiative) (answer, bool) {
	for _, rank := range []int{3, 2} {
		if in, ok := strongestBy(r.weightRanked(r.priorityCalls, rank), false, tiers...); ok {
			return answer{in: in, found: true, question: q, focus: r.priorityCalls}, true
		}
	}
	return answer{}, false
}

// cutsScope finds sprint scope cut to fit: a scope call (scopeCall), "if
// we drop the dashboard polish", "Taking this out of OPS Sprint 41",
// "leave rating for later", "we're at 27 points … Moving this to OPS
// Sprint 57".
var cutsScope = regexp.MustCompile(scopeCall.String() +
	`|(?i)\b(?:take|taking|took|pull|pulling|pulled|move|moving|moved) (?:this|it) out of\b|\bif we drop\b|\bleave\b[^.;]{0,60}\bfor later\b|\bover-?committed\b|\bcapacity\b[^;]*\bmoving (?:this|it) to\b`)
