package next

import (
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/pmfolio/pmfolio/evidence"
)

// Gaps is how much of each competency (taxonomy.md) the user's portfolio
// shows, the input of the gap factor: its kinds of work (categories), each
// counted by its issues up to kindCap (GapsOf).
type Gaps map[string]int

// kindCap is how many issues of one kind of work (a category) count
// towards its competency: past it, more of the same (a QA lead's 21
// acceptance-testing closes) shows more of that one routine, not more of
// the competency, and would make it look saturated and every other a gap.
const kindCap = 5

// GapsOf weighs a portfolio's competencies: each of its categories counts
// its issues (each once, however many items it holds; an item of work
// outside Jira, with no issue, as one), up to kindCap. Issues whose work in
// a category is word for word the same (8 tickets closed with “Retested in
// SIT, working fine now. Closing.”) count once: a routine done many times
// is one thing the user does.
func GapsOf(evs []evidence.Evidence) Gaps {
	type work struct{ category, site, key string }
	words := map[work]map[string]bool{}
	kinds := map[string]int{} // issues by category
	for _, ev := range evs {
		if _, ok := evidence.CategoryByID(ev.Category); !ok {
			continue
		}
		if ev.IssueKey == "" {
			kinds[ev.Category]++
			continue
		}
		w := work{ev.Category, ev.SiteName, ev.IssueKey}
		if words[w] == nil {
			words[w] = map[string]bool{}
		}
		// What repeats is what the user wrote on someone's issue: a change
		// (a status move, a sprint set) is no words, and an issue they
		// filed is its own work, whatever its description repeats
		// ("CAPA from CORE-2213." on three follow-ups).
		if ev.Source == evidence.SourceComment || ev.Source == evidence.SourceWorklog {
			words[w][sameWords(ev.Excerpt)] = true
		}
	}
	counted := map[[2]string]bool{} // category and the words of an issue's work
	for w, said := range words {
		same := [2]string{w.category, strings.Join(slices.Sorted(maps.Keys(said)), "\n")}
		// Work with no comment of the user's is nobody's routine: each
		// issue is one.
		if counted[same] && same[1] != "" {
			continue
		}
		counted[same] = true
		kinds[w.category]++
	}
	g := Gaps{}
	for _, c := range evidence.Competencies {
		g[c] = 0
	}
	for id, n := range kinds {
		c, _ := evidence.CategoryByID(id)
		g[c.Competency] += min(n, kindCap)
	}
	return g
}

// sameWords is the words of a text as a routine repeats them: lower case,
// without punctuation ("Retested in SIT, working fine now. Closing." and
// "Retested in SIT - working fine now, closing" are one). Numbers stay:
// "Release notes for 4.11 published" and "… 4.12 …" are two releases.
func sameWords(text string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " ")
}

// reachOf is the most a competency can weigh against the strongest one,
// most: kindCap for each of its kinds of work. Working across teams has one
// kind, so five issues of it are all it can show, however much more of its
// four kinds Organization shows: no gap.
func reachOf(competency string, most int) int {
	kinds := 0
	for _, c := range evidence.Categories {
		if c.Competency == competency {
			kinds++
		}
	}
	return max(1, min(most, kinds*kindCap))
}

// gapShare is the share of its strongest competency's issues below which
// the portfolio shows a competency little enough for work that builds it
// to be listed higher: 6 issues against 7, or 140 against 184, is no gap a
// reader of the portfolio would see (a month of work moves the counts that
// much), and a list that raises nearly everything says nothing; under
// 60%, the difference shows on the page. Below it the lift is what it
// always was, gap × (1 − share): a real gap weighs as before, only near
// ties lose a lift that said nothing.
const gapShare = 0.6

// Rank scores each opportunity by how much it blocks the team (the
// detector's weight, the open issues blocked behind it, how near its sprint
// is, its age and its watchers) and raises those that build a competency
// the portfolio shows little of (under gapShare of its strongest). It
// fills Score and Why and returns them best first; ties keep the issue
// order.
func Rank(cfg Config, t Team, opps []Opportunity, gaps Gaps) []Opportunity {
	byID := map[string]TeamIssue{}
	open := map[string]bool{}
	for _, is := range t.Issues {
		byID[is.ID] = is
		open[is.Key] = !is.Done()
	}
	// A suggestion on an issue the user filed outside the team's read, or
	// closed, is weighed by that issue too; nothing of the team's waits on
	// it.
	for _, is := range slices.Concat(t.Yours, t.Closed) {
		if _, ok := byID[is.ID]; !ok {
			byID[is.ID] = is
		}
	}
	most, strongest := 0, ""
	for comp, n := range gaps {
		if n > most || n == most && comp < strongest {
			most, strongest = n, comp
		}
	}
	w := cfg.Ranking
	out := make([]Opportunity, len(opps))
	var lifted []int                       // the releases missed whose version the user set
	var yourWord []int                     // the suggestions on the user's own commitments
	unlifted := make([]float64, len(opps)) // each score before the competency lift
	urgent := make([]bool, len(opps))
	broken := t.brokenPromisesOf(opps, byID)
	for i, op := range opps {
		d, _ := cfg.Detector(op.Detector)
		is := byID[op.IssueID]
		score := d.Weight
		var why []string
		blocked := 0
		for _, k := range is.Blocks() {
			if open[k] {
				blocked++
			}
		}
		if blocked > 0 {
			score += w.BlockedBehind * float64(min(blocked, 3))
			why = append(why, fmt.Sprintf("%d open %s blocked behind it", blocked, plural(blocked, "issue")))
		}
		// What the detector's reason already says, why does not repeat: the
		// sprint ("active sprint (OPS Sprint 65) story with no estimate"),
		// the issue's age ("bug open for 3 weeks with no component"),
		// where work stalled ("in the active sprint (OPS Sprint 65)").
		saysSprint := strings.Contains(d.Reason, "{sprint}") || strings.Contains(d.Reason, "{where}")
		saysAge := strings.Contains(d.Reason, "open for {age}")
		switch is.SprintState {
		case "active":
			score += w.ActiveSprint
			if !saysSprint {
				why = append(why, "in the running sprint")
			}
		case "future":
			score += w.NextSprint
			if !saysSprint {
				why = append(why, "in the next sprint")
			}
		}
		// A stale High issue someone has is raised for its silence. Work
		// past the date it was due (a release promised and shipped without
		// it) is late, not forgotten: someone waits on it.
		// So is the user's own commitment, their last word on it: the
		// silence after it is theirs to break.
		late := op.Due != nil && op.Due.Before(t.Now)
		// A dated promise to a named person that the plan broke is the
		// user's word too, and theirs to put right first.
		_, promised := broken[is.ID]
		committed := t.yourCommitmentLast(op, is) || promised
		faded := fadedSilence(&t, is) && op.Detector != "priority.assigned-stale" && !late && !committed
		// A resolved issue is not open: its reason says how long ago it
		// was resolved.
		// An epic lives for months by design: its age presses nothing.
		epic := strings.EqualFold(is.Type, "Epic")
		if weeks := t.Now.Sub(is.Created).Hours() / (24 * 7); weeks >= 1 && !is.Created.IsZero() && !faded && !is.Done() && !epic {
			score += math.Min(w.AgePerWeek*weeks, 2)
			// An overdue sprint is about the sprint: the age of the issue
			// that stands for it ("…has not started; open 3 weeks") is
			// none of its reasons.
			// Nor does the age of one whose reason tells the silence
			// after the user's own word ("6 months later … with no word
			// since").
			if !saysAge && op.Detector != "sprint.overdue" && !(committed && longSilenceTold.MatchString(op.Reason)) {
				// In the words of the reasons' ages: "open 3 months",
				// not "open 13 weeks" beside a reason's "3 months".
				why = append(why, "open "+age(is.Created, t.Now))
			}
		}
		if faded {
			score /= 2
			// Say what the silence did to the entry's place, in words no
			// reader takes for Jira's own "Ranked lower", an edit of the
			// backlog's order; and how long only when the entry does not
			// say it already ("no word for 4 months").
			note := "listed lower: nobody has written on it for over 12 weeks"
			if longSilenceTold.MatchString(op.Reason) || longSilenceTold.MatchString(op.Action) {
				note = "listed lower for its silence"
			}
			why = append(why, note)
		}
		// An issue the user filed is an ask of their own: said, so that a
		// reader finds their own year-old item for what it is.
		if is.Reporter.Is(t.Site.User) || is.Creator.Is(t.Site.User) {
			why = append(why, "you filed it")
		}
		// Jira makes the reporter and the assignee watchers: only others
		// say that more people wait on the issue.
		if is.Watchers > 2 {
			score += math.Min(w.Watcher*float64(is.Watchers-2), 1.5)
			why = append(why, fmt.Sprintf("%d watchers", is.Watchers))
		}
		// Work on an issue whose fix version is due soon is due with it:
		// said, and weighed as a release's own date is. A release's own
		// suggestions say their version already.
		due := op.Due
		if r, ok := releaseDueSoon(is, t.Now); ok && due == nil && !strings.HasPrefix(op.Detector, "release.") && op.Detector != "sprint.overcommitted" {
			due = r.Date
			when := "due " + dayOf(*r.Date, t.Now)
			if r.Date.Before(t.Now) {
				when = "was due " + dayOf(*r.Date, t.Now)
			} else if freeze, ok := t.codeFreeze(r); ok {
				// Its code freeze comes first: the date the work must
				// be merged by.
				due = &freeze
				when += ", code freeze " + dayOf(freeze, t.Now)
			}
			why = append([]string{"fix version " + r.Name + " " + when}, why...)
		}
		// A release that shipped without an issue the user set its fix
		// version to is their own plan gone wrong: theirs to put right
		// before one someone else made. The reason says so. The lift
		// (yourVersionsFirst) orders the releases missed among themselves,
		// and puts no clean-up of a shipped release over other work.
		yours := op.Detector == "release.missed" && t.yourMissedVersionAmong(is, op.Related)
		// A date long passed presses no more: what was due then (a
		// release a duplicate was promised for, a month ago) was missed
		// already, and the work's age weighs its wait.
		if due != nil && t.Now.Sub(*due) <= releaseSoon {
			switch days := due.Sub(t.Now).Hours() / 24; {
			case days <= 7:
				score += w.ActiveSprint
			case days <= 14:
				score += w.NextSprint
			}
		}
		unlifted[i], urgent[i] = score, t.urgentUnowned(op, is)
		if cat, ok := evidence.CategoryByID(op.Category); ok && most > 0 {
			have := gaps[cat.Competency]
			if share := float64(have) / float64(reachOf(cat.Competency, most)); share < gapShare && w.Gap > 0 {
				score *= 1 + w.Gap*(1-share)
				op.Gap = cat.Competency
			}
		}
		op.Score = math.Round(score*100) / 100
		op.Why = why
		out[i] = op
		if yours {
			lifted = append(lifted, i)
		}
		if committed {
			yourWord = append(yourWord, i)
		}
	}
	yourVersionsFirst(out, lifted, w.YourVersion)
	commitmentsOverHygiene(out, yourWord)
	chasesLead(out)
	leadOver(out, "release.missed", "bug.untriaged")
	urgentKept(out, unlifted, urgent)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return toldFirst(out, broken)
}

// yourVersionsFirst lifts the releases missed whose version the user set
// (lifted, indices into opps) by up to lift, to order the releases missed
// among themselves: never up to a suggestion of another kind that was
// above it, nor past one it tied, so that no clean-up of a shipped release
// goes over a teammate's question or the user's own priorities for it
// (the demo's PAY-3458 stays below OPS-1317's question).
func yourVersionsFirst(opps []Opportunity, lifted []int, lift float64) {
	for _, i := range lifted {
		base := opps[i].Score
		ceiling := base + lift
		for _, op := range opps {
			if op.Detector == "release.missed" || op.Score < base {
				continue
			}
			// A hundredth under the next suggestion of another kind, or
			// no lift at all over one it ties.
			ceiling = min(ceiling, max(base, op.Score-0.01))
		}
		opps[i].Score = math.Round(ceiling*100) / 100
	}
}

// urgentUnowned reports whether a suggestion is on an issue nobody has
// taken in the running sprint that cannot wait for the sprint's end: at
// the team's top priority, or one a teammate says costs customers ("22
// tickets now"). Whoever acts as the team's PM finds it an owner first.
func (t *Team) urgentUnowned(op Opportunity, is TeamIssue) bool {
	if op.Detector != "sprint.unowned-priority" {
		return false
	}
	_, costly := t.costNamed(is)
	return t.topPriority(is.Priority) || costly
}

// urgentKept keeps what Rank adds after a suggestion's own weight (the
// competency lift, and a chase taking its issue's best score) from
// carrying it past an urgent suggestion (urgent, by index) it was below:
// a gap in the portfolio orders the rest of the work, never a live
// top-priority bug nobody has behind a story's question. Those it would
// carry past stay under it, a hundredth apart, in the order they had, and
// never under their own unlifted score (unlifted, by index).
func urgentKept(opps []Opportunity, unlifted []float64, urgent []bool) {
	var ceilings []float64
	for i, op := range opps {
		if urgent[i] {
			ceilings = append(ceilings, op.Score)
		}
	}
	ceilingOf := func(i int) (float64, bool) {
		c, found := 0.0, false
		for _, u := range ceilings {
			if u > unlifted[i] && (!found || u < c) {
				c, found = u, true
			}
		}
		return c, found && !urgent[i] && opps[i].Score >= c
	}
	var over []int
	for i := range opps {
		if _, ok := ceilingOf(i); ok {
			over = append(over, i)
		}
	}
	sort.SliceStable(over, func(a, b int) bool { return opps[over[a]].Score > opps[over[b]].Score })
	under := map[float64]float64{} // by ceiling, the last score given under it
	for _, i := range over {
		c, _ := ceilingOf(i)
		s := c - 0.01
		if last, ok := under[c]; ok {
			s = min(s, last-0.01)
		}
		opps[i].Score = math.Round(max(unlifted[i], s)*100) / 100
		under[c] = opps[i].Score
	}
}

// chasesBlock are the detectors whose suggestion moves a block: chasing
// a blocker, finding what a mark waits on, agreeing a date with another
// team.
var chasesBlock = map[string]bool{"blocked.stale": true, "blocked.unlinked": true, "dependency.other-team": true}

// chasesLead raises a block's chase to the top of the suggestions on its
// issue: a story waiting on another team is not unblocked by writing its
// criteria, however much a competency gap raises those. The issue's entry
// keeps its place: the chase takes its best suggestion's score, a
// hundredth more so that it comes first.
func chasesLead(opps []Opportunity) {
	others := map[string]float64{} // by issue, the best score of a suggestion that chases nothing
	for _, op := range opps {
		if k := op.SiteName + "\x00" + op.IssueKey; !chasesBlock[op.Detector] {
			others[k] = max(others[k], op.Score)
		}
	}
	for i, op := range opps {
		if best, ok := others[op.SiteName+"\x00"+op.IssueKey]; ok && chasesBlock[op.Detector] && best >= op.Score {
			opps[i].Score = math.Round((best+0.01)*100) / 100
		}
	}
}

// releaseSoon is how near an unreleased fix version's date makes the
// work on its issues press: a release a month out has its scope settled.
const releaseSoon = 28 * 24 * time.Hour

// releaseDueSoon is an open issue's unreleased fix version due within
// releaseSoon, or overdue by less (one overdue longer is a version nobody
// keeps), the earliest of them.
func releaseDueSoon(is TeamIssue, now time.Time) (Release, bool) {
	var soonest Release
	found := false
	for _, r := range is.Releases {
		if r.Released || r.Date == nil || r.Date.Sub(now) > releaseSoon || now.Sub(*r.Date) > releaseSoon || is.Done() {
			continue
		}
		if !found || r.Date.Before(*soonest.Date) {
			soonest, found = r, true
		}
	}
	return soonest, found
}

// yourMissedVersionAmong reports whether the user's own change set the
// fix version a release shipped an issue without, of is or of the issues
// related to it (a release's other slipped issues).
func (t *Team) yourMissedVersionAmong(is TeamIssue, related []string) bool {
	if _, ok := t.yourMissedVersion(is); ok {
		return true
	}
	for _, key := range related {
		if other, known := t.issue(key); known {
			if _, ok := t.yourMissedVersion(other); ok {
				return true
			}
		}
	}
	return false
}

// longSilenceTold is how an entry's reason or action says, in age's words,
// that nobody has written on the issue for abandonedAfter or more: "no
// word for 4 months", "no comment for 12 weeks", "no word since it was
// filed", "after 7 months without a word", "asked … 4 months ago and
// nobody answered", "6 months later it is still To Do, …, with no word
// since".
var longSilenceTold = regexp.MustCompile(`\bno (?:word|comment)(?: on this issue)? (?:for (?:\d+ months|12 weeks)|since(?: it was filed)?)\b|\b(?:\d+ months|12 weeks) (?:without a word|ago and nobody answered)\b`)

// fadedSilence reports whether the team has moved on from an issue, which
// nobody has written on for abandonedAfter: months without a word press less
// than work that is alive, however old. An issue in the running or next
// sprint is alive whatever its comments say, and so is an epic, which
// lives in its children (and whose silence is what a missing progress
// note is about). A blocked issue is as silent as its chain of blockers: a
// teammate's word on its blocker is the block being chased; your own, or a
// blocker filed lately, says nothing of whether the team still wants it.
func fadedSilence(t *Team, is TeamIssue) bool {
	return (t.Now.Sub(t.lastTeamWordOnChain(is)) >= abandonedAfter || silentItself(t, is)) && !is.Created.IsZero() && !alive(is)
}

// silentItself reports whether nobody has written on an issue itself for
// abandonedAfter while it is in no sprint: a live blocker is the blocker's
// team at work, not a sign that anyone still wants the issue behind it.
func silentItself(t *Team, is TeamIssue) bool {
	return t.Now.Sub(lastWord(is)) >= abandonedAfter && !alive(is)
}

// alive reports whether an issue lives whatever its comments say: planned
// into the running or next sprint, or an epic, which lives in its children.
func alive(is TeamIssue) bool {
	return is.SprintState == "active" || is.SprintState == "future" || strings.EqualFold(is.Type, "Epic")
}

// Find detects and ranks in one go: what `pmfolio next` shows.
func Find(cfg Config, t Team, gaps Gaps) []Opportunity {
	return Rank(cfg, t, Detect(cfg, t), gaps)
}

func plural(n int, noun string) string {
	if n == 1 {
		return noun
	}
	return noun + "s"
}

// leadOver raises a detector's suggestion above another's on the same
// issue, as chasesLead raises a block's chase: a bug a release shipped
// without is re-planned first (where it goes, and whether it is still
// wanted), and its missing component is part of that, however much a
// competency gap raises the triage. The entry keeps its place.
func leadOver(opps []Opportunity, leader, under string) {
	best := map[string]float64{} // by issue, the score of its suggestion from under
	for _, op := range opps {
		if op.Detector == under {
			best[op.SiteName+"\x00"+op.IssueKey] = op.Score
		}
	}
	for i, op := range opps {
		if s, ok := best[op.SiteName+"\x00"+op.IssueKey]; ok && op.Detector == leader && s >= op.Score {
			opps[i].Score = math.Round((s+0.01)*100) / 100
		}
	}
}
