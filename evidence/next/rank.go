package next

import (
	"fmt"
	"math"
	"sort"

	"github.com/pmfolio/pmfolio/evidence"
)

// Gaps is how much evidence the user's portfolio holds per competency
// (taxonomy.md), the input of the gap factor.
type Gaps map[string]int

// GapsOf counts a portfolio's evidence by competency.
func GapsOf(evs []evidence.Evidence) Gaps {
	g := Gaps{}
	for _, c := range evidence.Competencies {
		g[c] = 0
	}
	for _, ev := range evs {
		if c, ok := evidence.CategoryByID(ev.Category); ok {
			g[c.Competency]++
		}
	}
	return g
}

// Rank scores each opportunity by how much it blocks the team (the
// detector's weight, the open issues blocked behind it, how near its sprint
// is, its age and its watchers) and raises those that build a competency
// the portfolio shows little of. It fills Score and Why and returns them
// best first; ties keep the issue order.
func Rank(cfg Config, t Team, opps []Opportunity, gaps Gaps) []Opportunity {
	byID := map[string]TeamIssue{}
	open := map[string]bool{}
	for _, is := range t.Issues {
		byID[is.ID] = is
		open[is.Key] = !is.Done()
	}
	most, strongest := 0, ""
	for comp, n := range gaps {
		if n > most || n == most && comp < strongest {
			most, strongest = n, comp
		}
	}
	w := cfg.Ranking
	out := make([]Opportunity, len(opps))
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
		switch is.SprintState {
		case "active":
			score += w.ActiveSprint
			why = append(why, "in the running sprint")
		case "future":
			score += w.NextSprint
			why = append(why, "in the next sprint")
		}
		silent := t.Now.Sub(lastWord(is))
		if weeks := t.Now.Sub(is.Created).Hours() / (24 * 7); weeks >= 1 && !is.Created.IsZero() && silent < abandonedAfter {
			score += math.Min(w.AgePerWeek*weeks, 2)
			why = append(why, fmt.Sprintf("open %d %s", int(weeks), plural(int(weeks), "week")))
		}
		// Months without a word: the team has moved on from it, so it
		// presses less than work that is alive, however old it is.
		if silent >= abandonedAfter && !is.Created.IsZero() {
			score /= 2
			weeks := int(silent.Hours() / (24 * 7))
			why = append(why, fmt.Sprintf("nobody has written on it for %d weeks", weeks))
		}
		if is.Watchers > 1 {
			score += math.Min(w.Watcher*float64(is.Watchers-1), 1.5)
			why = append(why, fmt.Sprintf("%d watchers", is.Watchers))
		}
		if cat, ok := evidence.CategoryByID(op.Category); ok && most > 0 {
			have := gaps[cat.Competency]
			share := float64(have) / float64(most)
			if lift := w.Gap * (1 - share); lift > 0.05 {
				score *= 1 + lift
				why = append(why, fmt.Sprintf("builds %s, which your portfolio shows less of (%d %s, against %d in %s)",
					cat.Competency, have, plural(have, "item"), most, strongest))
			}
		}
		op.Score = math.Round(score*100) / 100
		op.Why = why
		out[i] = op
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return out
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
