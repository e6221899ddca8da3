package next

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

var (
	// afterLaunch is a deferral's condition that waits on the work it was
	// cut from going out: "after launch", "once it ships".
	afterLaunch = regexp.MustCompile(`(?i)^\s*(?:after|once|when)\s+(?:the\s+)?(?:launch|release|go-?live|(?:it|this|that|we)\s+(?:ships?|launch(?:es)?|goes? live|(?:is|are) (?:out|live|released)))\b`)
	// afterVersion is a deferral's condition that names a release: "after
	// 5.4", "once 4.15 is out".
	afterVersion = regexp.MustCompile(`(?i)^\s*(?:after|once|when)\s+(?:v(?:ersion)?\s?)?(\d+(?:\.\d+)+)\b`)
	// periodPrefix opens the words DeferredTo gives of a period: "in
	// Q3", "next quarter".
	periodPrefix = regexp.MustCompile(`(?i)^(?:in|during|till|until|for)\s+`)
)

// revisitsDue: the user closed an issue (as Won't Do, Declined…) on their
// own word that puts it off to a condition ("we revisit after launch"),
// the data shows the condition met (yourRevisitDue), and nobody has
// written on the issue or touched it since it was closed.
func revisitsDue(_ Detector, t *Team) []finding {
	var out []finding
	for _, is := range t.Closed {
		if f, ok := t.yourRevisitDue(is); ok {
			out = append(out, f)
		}
	}
	return out
}

// yourRevisitDue is, of an issue the user closed within the hour of their
// own last word on it putting it off (evidence.DeferWords) to a condition,
// whether the data shows the condition met (revisitCame), and what to say.
func (t *Team) yourRevisitDue(is TeamIssue) (finding, bool) {
	c, ok := lastPersonComment(is)
	if !ok || !c.Author.Is(t.Site.User) || !is.Dropped() || is.Resolved == nil ||
		is.Resolved.Before(c.At) || is.Resolved.Sub(c.At) > time.Hour || is.Updated.After(is.Resolved.Add(time.Minute)) {
		return finding{}, false
	}
	for _, s := range ownSentences(c.Text) {
		at := evidence.DeferWords.FindStringIndex(s)
		if at == nil || strings.HasSuffix(s, "?") {
			continue
		}
		when, met, came, ok := t.revisitCame(is, s[at[1]:], c.At)
		if !ok {
			continue
		}
		tell := "say on it why"
		if to := t.askableFiler(is); to != "" {
			tell = "tell " + to
		}
		return finding{issue: is, yours: true, vars: map[string]string{"day": dayOf(c.At, t.Now),
			"promise": "“" + t.quote(strings.TrimRight(s, "."), c.Text, 100) + "”", "resolution": cmp.Or(is.Resolution, is.Status),
			"summary": is.Summary, "when": when, "met": met, "came": came, "tell": tell}}, true
	}
	return finding{}, false
}

// revisitCame reads the words after a deferral (cond) written at said as
// a condition and tells, only when the data shows it met, when the
// deferral waited for ("after launch"), what met it for the action
// ("5.3 shipped on 22 Sep") and for the reason (with the epic's name):
//   - "after launch", "once it ships": the epic the issue was cut from is
//     done since, and its issues' last release shipped after said (or,
//     with none, the epic's being done is the launch);
//   - "after 5.4": that version released after said;
//   - "in Q3", "next quarter", "in August": the period is over
//     (evidence.DeferredFrom tells a period from a day, which it is not).
func (t *Team) revisitCame(is TeamIssue, cond string, said time.Time) (when, met, came string, ok bool) {
	if afterLaunch.MatchString(cond) {
		epic, ok := t.closedIssue(is.ParentKey)
		if !ok || epic.Dropped() || epic.Resolved == nil || !epic.Resolved.After(said) {
			return "", "", "", false
		}
		when = strings.TrimSpace(afterLaunch.FindString(cond))
		r, shipped := t.lastRelease(epic.Key, is.Key, said)
		if !shipped {
			day := dayOf(*epic.Resolved, t.Now)
			return when, "its epic “" + epic.Summary + "” was done on " + day, "its epic “" + epic.Summary + "” was done on " + day, true
		}
		day := dayOf(*r.Date, t.Now)
		return when, r.Name + " shipped on " + day, "its epic “" + epic.Summary + "” shipped in " + r.Name + " on " + day + " and was done on " + dayOf(*epic.Resolved, t.Now), true
	}
	if m := afterVersion.FindStringSubmatch(cond); m != nil {
		r, ok := t.released(m[1])
		if !ok || !r.Date.After(said) {
			return "", "", "", false
		}
		met = r.Name + " shipped on " + dayOf(*r.Date, t.Now)
		return strings.TrimSpace(m[0]), met, met, true
	}
	words, by, ok := evidence.DeferredTo(cond, said, t.dayFirst())
	if !ok || !t.Now.After(by.Add(24*time.Hour)) {
		return "", "", "", false
	}
	if _, period := evidence.DeferredFrom(words, by); !period {
		return "", "", "", false
	}
	name := periodPrefix.ReplaceAllString(words, "")
	if strings.HasPrefix(strings.ToLower(name), "next ") {
		name = "the " + name
	}
	met = name + " ended on " + dayOf(by, t.Now)
	return words, met, met, true
}

// closedIssue is the issue of that key among the user's closed ones,
// else the team's.
func (t *Team) closedIssue(key string) (TeamIssue, bool) {
	if key == "" {
		return TeamIssue{}, false
	}
	if i := slices.IndexFunc(t.Closed, func(is TeamIssue) bool { return strings.EqualFold(is.Key, key) }); i >= 0 {
		return t.Closed[i], true
	}
	return t.issue(key)
}

// lastRelease is the latest released fix version, released after said and
// by now, of the issues under an epic but one (except), the user's closed
// ones and the team's.
func (t *Team) lastRelease(epic, except string, said time.Time) (Release, bool) {
	var last Release
	for _, is := range slices.Concat(t.Closed, t.Issues) {
		if !strings.EqualFold(is.ParentKey, epic) || strings.EqualFold(is.Key, except) {
			continue
		}
		for _, r := range is.Releases {
			if r.Released && r.Date != nil && r.Date.After(said) && !r.Date.After(t.Now) && (last.Date == nil || r.Date.After(*last.Date)) {
				last = r
			}
		}
	}
	return last, last.Date != nil
}

// released is the fix version of that name released by now, with its
// day, as any of the user's closed issues or the team's carries it.
func (t *Team) released(name string) (Release, bool) {
	for _, is := range slices.Concat(t.Closed, t.Issues) {
		for _, r := range is.Releases {
			if r.Released && r.Date != nil && !r.Date.After(t.Now) && strings.EqualFold(r.Name, name) {
				return r, true
			}
		}
	}
	return Release{}, false
}
