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
