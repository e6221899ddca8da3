package next

import (
	"math"
	"slices"
	"strconv"
	"testing"

	"github.com/pmfolio/pmfolio/evidence"
)

// Work is listed higher for a competency only when the portfolio shows it
// far less than its strongest (under gapShare of it, or of all the
// competency can reach, kindCap for each of its kinds): a near tie is no
// gap, and a list that raises nearly everything says nothing (the demo
// raised four competencies of five; a real portfolio 6 issues against 7).
func TestOnlyACompetencyFarBelowTheStrongestIsAGap(t *testing.T) {
	cfg := builtin(t)
	is := story("OPS-1")
	team := Team{Site: site, Issues: []TeamIssue{is}, Now: now}
	// scored is a suggestion of category (of competency) ranked with the
	// portfolio's weight of that competency and of its strongest.
	scored := func(category, competency string, have, strongest int) Opportunity {
		op := Opportunity{Detector: "story.no-estimate", Category: category, IssueID: is.ID, IssueKey: is.Key}
		gaps := Gaps{competency: have, "Ownership and bias to action": strongest}
		return Rank(cfg, team, []Opportunity{op}, gaps)[0]
	}
	grooming := func(have, strongest int) Opportunity {
		return scored("backlog-grooming", "Organization", have, strongest)
	}
	base := grooming(10, 10).Score
	tests := []struct {
		name            string
		category        string
		competency      string
		have, strongest int
		gap             bool
	}{
		{name: "the strongest itself", have: 10, strongest: 10},
		{name: "6 against 7 is a near tie", have: 6, strongest: 7},
		{name: "exactly 60% is not below it", have: 9, strongest: 15},
		{name: "just under 60% is a gap", have: 8, strongest: 15, gap: true},
		{name: "3 against 7 is a gap", have: 3, strongest: 7, gap: true},
		{name: "none at all is the widest gap", have: 0, strongest: 2, gap: true},
		// Working across teams has one kind of work: five issues of it
		// are all it can show against fifteen of three kinds.
		{name: "a competency of one kind at its reach is no gap", category: "cross-team-coordination",
			competency: "Working across teams", have: 5, strongest: 15},
		{name: "a competency of one kind far below its reach is a gap", category: "cross-team-coordination",
			competency: "Working across teams", have: 2, strongest: 15, gap: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			op, unlifted := grooming(tt.have, tt.strongest), base
			if tt.category != "" {
				op = scored(tt.category, tt.competency, tt.have, tt.strongest)
				unlifted = scored(tt.category, tt.competency, tt.strongest, tt.strongest).Score
			}
			if (op.Gap != "") != tt.gap {
				t.Errorf("gap %q, want a gap: %v", op.Gap, tt.gap)
			}
			if lifted := op.Score > unlifted; lifted != tt.gap {
				t.Errorf("scores %v against %v without a gap: want it raised only for a gap", op.Score, unlifted)
			}
		})
	}
	// Below 60%, a gap weighs as it always did: gap × (1 − share).
	for have, lift := range map[int]float64{0: 1, 3: 0.7, 5: 0.5} {
		if got, want := grooming(have, 10).Score, base*(1+cfg.Ranking.Gap*lift); math.Abs(got-want) > 0.01 {
			t.Errorf("%d against 10 score %v, want %v", have, got, want)
		}
	}
}

// A competency weighs its kinds of work, each up to kindCap issues: a
// QA lead's 21 acceptance-testing closes, each in its own words, are one
// routine, and do not make Product judgment outweigh release planning,
// stakeholder updates and sprint planning together (Kaveri).
func TestOneRoutineDoesNotSaturateACompetency(t *testing.T) {
	ev := func(category string, n int) []evidence.Evidence {
		var out []evidence.Evidence
		for i := range n {
			key := category + "-" + strconv.Itoa(i)
			out = append(out, evidence.Evidence{Category: category, SiteName: "acme", IssueKey: key,
				Source: evidence.SourceComment, Excerpt: "Verified " + key + " in SIT. Closing."})
		}
		return out
	}
	tests := []struct {
		name string
		evs  [][]evidence.Evidence
		want map[string]int
	}{
		{name: "one routine on 21 issues counts kindCap",
			evs:  [][]evidence.Evidence{ev("acceptance-testing", 21)},
			want: map[string]int{"Product judgment": kindCap}},
		{name: "a kind of work under the cap counts each issue",
			evs:  [][]evidence.Evidence{ev("prioritization", 3)},
			want: map[string]int{"Product judgment": 3}},
		{name: "kinds of work add up past one routine",
			evs:  [][]evidence.Evidence{ev("acceptance-testing", 21), ev("prioritization", 3), ev("release-planning", 14), ev("sprint-planning", 4)},
			want: map[string]int{"Product judgment": kindCap + 3, "Organization": kindCap + 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := GapsOf(slices.Concat(tt.evs...))
			for comp, want := range tt.want {
				if got[comp] != want {
					t.Errorf("%s: %d, want %d (%v)", comp, got[comp], want, got)
				}
			}
		})
	}
}

// The competency lift orders the rest of the work, never an urgent issue
// nobody has in the running sprint behind a question or a chase: a
// top-priority bug, or one a teammate says costs customers (Pitanga's
// MOB-928, Highest, "22 tickets now", was third behind two Medium stories
// the lift raised). Work that weighs more of itself stays above it, and
// what the lift raised keeps its order under it.
func TestTheGapLiftsNothingPastAnUrgentIssueNobodyHas(t *testing.T) {
	cfg := builtin(t)
	// Organization is the strongest; Ownership and bias to action, which
	// unblocking builds, is the widest gap.
	gaps := Gaps{"Organization": 20, "Ownership and bias to action": 0}
	bug := story("OPS-1")
	urgentInSprint(&bug)
	bug.Created = days(5)
	today := now
	unowned := Opportunity{Detector: "sprint.unowned-priority", Category: "sprint-planning", IssueID: bug.ID, IssueKey: bug.Key, Due: &today}
	asked, chased := story("OPS-2"), story("OPS-3")
	question := Opportunity{Detector: "question.unanswered", Category: "unblocking", IssueID: asked.ID, IssueKey: asked.Key}
	chase := Opportunity{Detector: "blocked.stale", Category: "unblocking", IssueID: chased.ID, IssueKey: chased.Key}
	blocking := func(is *TeamIssue) {
		for _, k := range []string{"OPS-7", "OPS-8", "OPS-9"} {
			is.Links = append(is.Links, evidence.IssueLink{Direction: "outward", Description: "blocks", OtherKey: k})
		}
	}
	tests := []struct {
		name  string
		edit  func(bug, chased *TeamIssue)
		order []string // issue keys, best first
	}{
		{name: "a Highest bug nobody has stays above the lifted question and chase",
			order: []string{"OPS-1", "OPS-3", "OPS-2"}},
		{name: "so does a High bug whose cost a teammate names", edit: func(bug, _ *TeamIssue) {
			bug.Priority = "High"
			bug.Comments = []evidence.Comment{comment(tomas, days(2), "22 tickets now")}
		}, order: []string{"OPS-1", "OPS-3", "OPS-2"}},
		{name: "a High bug with no cost named is work the lift may pass", edit: func(bug, _ *TeamIssue) { bug.Priority = "High" },
			order: []string{"OPS-3", "OPS-2", "OPS-1"}},
		{name: "a chase that weighs more of itself (three issues behind it) stays above it", edit: func(_, chased *TeamIssue) { blocking(chased) },
			order: []string{"OPS-3", "OPS-1", "OPS-2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, c := bug, chased
			b.Comments, c.Links = slices.Clone(bug.Comments), nil
			if tt.edit != nil {
				tt.edit(&b, &c)
			}
			team := Team{Site: site, Issues: []TeamIssue{b, asked, c, story("OPS-7"), story("OPS-8"), story("OPS-9")}, Now: now}
			ranked := Rank(cfg, team, []Opportunity{question, chase, unowned}, gaps)
			var got []string
			for _, op := range ranked {
				got = append(got, op.IssueKey)
			}
			if !slices.Equal(got, tt.order) {
				t.Errorf("order %v, want %v (%+v)", got, tt.order, ranked)
			}
			for _, op := range ranked {
				if op.Detector != unowned.Detector && op.Gap == "" {
					t.Errorf("%s lost its gap: %+v", op.IssueKey, op)
				}
			}
		})
	}
}
