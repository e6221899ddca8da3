package next

import (
	"slices"
	"strings"
	"testing"

	"github.com/pmfolio/pmfolio/evidence"
)

func TestSetsAsideReadsADecisionAgainstTheWork(t *testing.T) {
	tests := []struct {
		text, did string // did "" for none
	}{
		{"Deprioritising this for the rest of the quarter: it affects 2% of devices.", "deprioritised it"},
		{"Deprioritised. Other work on the list matters more.", "deprioritised it"},
		{"This has been deprioritised by the product council.", "deprioritised it"},
		{"Parking this for now, behind the audit work. Not dropping it, just not this month.", "parked it"},
		{"Parking this below the e-prescription work.", "parked it"},
		{"Putting this on hold until Legal has drafted the policy.", "put it on hold"},
		{"On hold until the vendor ships 4.2.", "put it on hold"},
		{"Not doing this one: under 1% of users ever open it. Won't Do.", "decided against it"},
		{"We're not doing this quarter's version of it.", ""},
		{"Not doing this quarter, maybe in Q2.", "decided against it"},
		{"Closing as won't fix, the old client is gone.", "decided against it"},
		{"Dropping this: the sidecars cost more than our traffic needs.", "decided against it"},
		{"This can wait until next quarter.", "said it can wait"},
		{"No longer urgent: the customer has a workaround.", "said it can wait"},
		{"It's not a priority any more, the partner left.", "said it can wait"},
		// A short wait, a wait on other work, or about something else.
		{"It can wait until tomorrow morning.", ""},
		{"This can wait until the migration is done.", ""},
		{"The workaround is no longer needed once this ships.", ""},
		{"The alert is not urgent anymore.", ""},
		// Nothing decided, or decided about other work.
		{"Should we deprioritise this?", ""},
		{"Is this on hold?", ""},
		{"Not dropping it, just later.", ""},
		{"Rather than parking this, let's split it.", ""},
		{"If the vendor slips again, we park this.", ""},
		{"We deprioritised the dashboard work so that this can go ahead.", ""},
		{"This won't fix the flaky test on its own, it needs the retry too.", ""},
		{"The release is on hold until Monday; this goes on.", ""},
		{"> Deprioritising this for now.\nI disagree: it pages us weekly.", ""},
		{"On this this afternoon, starting with the alert rule names.", ""},
	}
	for _, tt := range tests {
		if got := setsAside(tt.text); got != tt.did {
			t.Errorf("setsAside(%q) = %q, want %q", tt.text, got, tt.did)
		}
	}
}

// leftBehind makes is Tomás's issue in progress, left in the closed OPS
// Sprint 8, at Highest, with his word of 23 working days ago that the work
// goes on; the team's next issue (story's default) is in the running one.
func leftBehind(is *TeamIssue) {
	is.Status, is.StatusCategory, is.SprintState, is.Sprints, is.Priority = "In Progress", "indeterminate", "closed", []string{"OPS Sprint 8"}, "Highest"
	is.Comments = []evidence.Comment{comment(tomas, days(3), "On this this afternoon, starting with the alert rule names.")}
	is.Updated = days(3)
}

// The latest word on the issue wins: a decision against the work, by the
// user or anyone, after its assignee's "on it" is not ignored for the
// assignee's word (the demo's MOB-837).
func TestTheLatestWordThatSetsWorkAsideWins(t *testing.T) {
	cfg := builtin(t)
	priya := evidence.User{ID: "priya", DisplayName: "Priya"}
	tests := []struct {
		name   string
		edit   func(*TeamIssue)
		want   []string // "detector: reason => action" parts of the issue's findings, in detector order
		absent []string // detectors that must stay quiet
	}{
		{name: "you deprioritised it after the assignee's word: lower it, move it back, tell them",
			edit: func(is *TeamIssue) {
				leftBehind(is)
				is.Comments = append(is.Comments, comment(me, days(1), "Deprioritising this for the rest of the quarter: it affects 2% of devices, and other work on the list matters more."))
				is.Updated = days(1)
			},
			want: []string{"in-progress.set-aside: you deprioritised it on 17 Nov (“Deprioritising this for the rest of the quarter: it affects 2% of devices, and…”), " +
				"but it is still Highest and in progress with Tomás => Lower its priority, move it back to To Do, and tell Tomás"},
			absent: []string{"in-progress.outside-sprint"}},
		{name: "changed after the decision: ask the assignee first whether the work goes on",
			edit: func(is *TeamIssue) {
				leftBehind(is)
				is.Comments = append(is.Comments, comment(priya, days(2), "Parking this until the audit is done."))
				is.Updated = days(1)
			},
			want: []string{"in-progress.set-aside: Priya parked it on 16 Nov (“Parking this until the audit is done.”), but it is still Highest and in progress with Tomás => " +
				"Ask Tomás whether the work goes on after all (it changed on 17 Nov, after Priya's comment): if not, lower its priority and move it back to To Do; " +
				"if it goes on, say in a comment why it now beats Priya's 16 Nov call"},
			absent: []string{"in-progress.outside-sprint"}},
		{name: "the assignee's own decision at Medium: only the board to put right",
			edit: func(is *TeamIssue) {
				leftBehind(is)
				is.Priority = "Medium"
				is.Comments = append(is.Comments, comment(tomas, days(1), "Putting this on hold until the freeze ends."))
				is.Updated = days(1)
			},
			want:   []string{"in-progress.set-aside: Tomás put it on hold on 17 Nov (“Putting this on hold until the freeze ends.”), but it is still in progress with Tomás => Move it back to To Do"},
			absent: []string{"in-progress.outside-sprint"}},
		{name: "in the running sprint: out of the sprint too, and not a stalled issue to chase",
			edit: func(is *TeamIssue) {
				is.Status, is.StatusCategory, is.Priority = "In Progress", "indeterminate", "High"
				is.Comments = []evidence.Comment{comment(priya, days(12), "Not doing this one after all: the partner pulled out.")}
				is.Updated = days(12)
			},
			want:   []string{"in-progress.set-aside: Priya decided against it on 6 Nov (“Not doing this one after all: the partner pulled out.”), but it is still High and in progress with Tomás => Lower its priority, move it back to To Do and out of the running sprint, and tell Tomás"},
			absent: []string{"in-progress.stalled"}},
		// Quiet: the latest word takes the work up again, or decides nothing.
		{name: "the assignee's word after the decision says the work goes on",
			edit: func(is *TeamIssue) {
				leftBehind(is)
				is.Comments = []evidence.Comment{comment(me, days(4), "Deprioritising this for now."), comment(tomas, days(2), "Picked it up again: the customer escalated.")}
				is.Updated = days(2)
			},
			want:   []string{"in-progress.outside-sprint: in progress but left in the closed OPS Sprint 8: the running sprint's board does not show it => Move it into the running sprint (OPS Sprint 9) so its board shows it: Tomás wrote on 16 Nov"},
			absent: []string{"in-progress.set-aside"}},
		{name: "a question whether to park it decides nothing",
			edit: func(is *TeamIssue) {
				leftBehind(is)
				is.Comments = append(is.Comments, comment(me, days(1), "Should we park this until the audit is done?"))
				is.Updated = days(1)
			},
			absent: []string{"in-progress.set-aside"}},
		{name: "on hold in an On Hold status is a block the issue shows, not work going on",
			edit: func(is *TeamIssue) {
				is.Status, is.StatusCategory = "On Hold", "indeterminate"
				is.Comments = []evidence.Comment{comment(tomas, days(1), "On hold till DC-DR link upgrade is done.")}
			},
			absent: []string{"in-progress.set-aside"}},
		{name: "a decision on an issue not in progress is not this detector's",
			edit: func(is *TeamIssue) {
				is.Comments = []evidence.Comment{comment(me, days(1), "Deprioritising this for the rest of the quarter.")}
			},
			absent: []string{"in-progress.set-aside"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			is := story("OPS-1")
			tt.edit(&is)
			got := Detect(cfg, Team{Site: site, Issues: []TeamIssue{is, story("OPS-2")}, Now: now})
			var said []string
			for _, op := range got {
				if op.IssueKey == "OPS-1" {
					said = append(said, op.Detector+": "+op.Reason+" => "+op.Action)
					for _, quiet := range tt.absent {
						if op.Detector == quiet {
							t.Errorf("%s spoke: %s", quiet, op.Reason+" => "+op.Action)
						}
					}
				}
			}
			for _, want := range tt.want {
				found := false
				for _, s := range said {
					found = found || strings.HasPrefix(s, want)
				}
				if !found {
					t.Errorf("want a finding starting %q, got:\n%s", want, strings.Join(said, "\n"))
				}
			}
		})
	}
}

// builtin is the built-in detectors, as Load reads them.
func builtin(t testing.TB) Config {
	t.Helper()
	cfg, err := Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// Work set aside and then moved on says who moved it, and where, and asks
// for why it now beats that call (the demo's MOB-837: "Ravi Shankar moved
// it back to In Progress on 4 Dec"), not "it changed on 4 Dec".
func TestWorkMovedOnAfterItWasSetAsideSaysWhoMovedIt(t *testing.T) {
	cfg := builtin(t)
	is := story("OPS-1")
	leftBehind(&is)
	is.Comments = append(is.Comments, comment(me, days(3), "Deprioritising this for the rest of the quarter."))
	is.Updated = days(1)
	moves := []StatusMove{
		{By: tomas, From: "To Do", To: "In Progress", At: days(20)},
		{By: tomas, From: "In Progress", To: "In Review", At: days(5)},
		{By: tomas, From: "In Review", To: "In Progress", At: days(1)},
	}
	byOther := slices.Clone(moves)
	byOther[2].By = evidence.User{ID: "priya", DisplayName: "Priya"}
	for _, tt := range []struct {
		moves []StatusMove
		want  string
	}{
		{moves, "Ask Tomás, who moved it back to In Progress on 17 Nov, whether the work goes on after all: if not, lower its priority and " +
			"move it back to To Do; if it goes on, say in a comment why it now beats your 15 Nov call"},
		{byOther, "Ask Tomás whether the work goes on after all (Priya moved it back to In Progress on 17 Nov): if not, lower its priority and " +
			"move it back to To Do; if it goes on, say in a comment why it now beats your 15 Nov call"},
	} {
		team := Team{Site: site, Issues: []TeamIssue{is, story("OPS-2")}, Now: now, StatusMoves: map[string][]StatusMove{"OPS-1": tt.moves}}
		var got []string
		for _, op := range Detect(cfg, team) {
			if op.Detector == "in-progress.set-aside" {
				got = append(got, op.Action)
			}
		}
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("actions %q, want\n%q", got, tt.want)
		}
	}
}
