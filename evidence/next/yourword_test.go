package next

import (
	"strings"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// lapsed is a story in no sprint that the user put off to August on 20
// May, to Tomás, who filed it, with no word since.
func lapsed(key string) TeamIssue {
	is := story(key)
	is.Sprints, is.SprintState, is.Created, is.Reporter = nil, "", days(200), tomas
	is.Comments = []evidence.Comment{comment(me, time.Date(2026, 5, 20, 9, 0, 0, 0, time.UTC), "Saved cards first, so moving this to the backlog - Tomás, happy to look at it in August")}
	return is
}

// slippedBeforeFreeze is a story the user put into 4.14, which shipped without it on
// 24 Oct; 4.15's code freeze, on its tracking issue, is Thu 26 Nov.
func slippedBeforeFreeze(key string) (TeamIssue, TeamIssue) {
	is := story(key)
	is.Sprints, is.SprintState, is.Created = nil, "", days(200)
	shipped := time.Date(2026, 10, 24, 0, 0, 0, 0, time.UTC)
	is.FixVersions, is.Releases = []string{"4.14"}, []Release{{Name: "4.14", Date: &shipped, Released: true}}
	due := time.Date(2026, 12, 19, 0, 0, 0, 0, time.UTC)
	tracking := story("OPS-50")
	tracking.FixVersions, tracking.Releases = []string{"4.15"}, []Release{{Name: "4.15", Date: &due}}
	tracking.Comments = []evidence.Comment{comment(tomas, days(5), "Code freeze for 4.15 is on 26th Nov")}
	return is, tracking
}

func TestYourOwnCommitmentIsNotListedLowerAndComesBeforeHygiene(t *testing.T) {
	cfg := builtin(t)
	noCriteria := story("OPS-2")
	noCriteria.Description = "As a dev I want X."
	theirs := lapsed("OPS-1")
	theirs.Comments[0].Author = tomas
	theirs.Comments[0].Text = "Will pick this up next sprint."
	missed, tracking := slippedBeforeFreeze("OPS-1")
	tests := []struct {
		name    string
		issues  []TeamIssue
		yours   map[string][]VersionSet
		first   bool   // whether OPS-1 comes before the story with no criteria
		why, do string // what OPS-1's why and action say ("" for nothing asked)
	}{
		{name: "your promise to a named person let lapse", issues: []TeamIssue{noCriteria, lapsed("OPS-1")}, first: true, why: "you wrote on 20 May"},
		{name: "a fix version you set that a release shipped without", issues: []TeamIssue{noCriteria, missed, tracking},
			yours: map[string][]VersionSet{"OPS-1": {{Version: "4.14", At: days(120)}}}, first: true,
			why: "you set it to 4.14 on 21 Jul; the 4.15 code freeze is Thu 26 Nov", do: "; decide before the 4.15 code freeze on Thu 26 Nov"},
		// A teammate's promise, or a version someone else set, is their
		// silence: listed lower, after the criteria.
		{name: "a teammate's promise", issues: []TeamIssue{noCriteria, theirs}, why: "listed lower"},
		{name: "a fix version someone else set", issues: []TeamIssue{noCriteria, missed, tracking}, why: "listed lower", do: "; decide before the 4.15 code freeze"},
	}
	for _, tt := range tests {
		ranked := Find(cfg, Team{Site: site, Issues: tt.issues, Now: now, YourVersions: tt.yours}, Gaps{})
		at := map[string]int{}
		for i, op := range ranked {
			if _, ok := at[op.IssueKey]; !ok {
				at[op.IssueKey] = i
			}
		}
		first, ok := at["OPS-1"]
		if !ok {
			t.Errorf("%s: ranked %+v, want a suggestion on OPS-1", tt.name, ranked)
			continue
		}
		if got := first < at["OPS-2"]; got != tt.first {
			t.Errorf("%s: OPS-1 before the story with no criteria: %v, want %v", tt.name, got, tt.first)
		}
		op := ranked[first]
		if why := op.Reason + "; " + strings.Join(op.Why, "; "); !strings.Contains(why, tt.why) || tt.first && strings.Contains(why, "listed lower") {
			t.Errorf("%s: why %q, want %q and, of your own word, no silence", tt.name, why, tt.why)
		}
		if !strings.Contains(op.Action, tt.do) {
			t.Errorf("%s: action %q, want %q", tt.name, op.Action, tt.do)
		}
	}
}

// Each detector whose reason tells the user's own word or plan on the
// issue (their comment quoted, the fix version their change set, the
// release they promised it for) says so to the ranking, which weighs that
// word by whether it is still their last; the same finding on a
// teammate's word does not, whatever its quote says.
func TestADetectorTellingYourOwnWordSaysSo(t *testing.T) {
	cfg := builtin(t)
	ranked := "Ranked this to the top of the backlog. If we only get one thing done this month, it should be this."
	topUnowned := func(by evidence.User, text string) func(*TeamIssue) {
		return func(is *TeamIssue) {
			is.Priority, is.Assignee, is.SprintState, is.Sprints, is.Created = "Highest", evidence.User{}, "", nil, days(60)
			is.Comments = []evidence.Comment{comment(by, days(43), text)}
		}
	}
	yourVersion := map[string][]VersionSet{"OPS-1": {{Version: "payments 3.8", At: days(50)}}}
	tests := []struct {
		name     string
		detector string
		edits    []func(*TeamIssue)
		yours    map[string][]VersionSet
		want     bool // OPS-1's Opportunity.YourWord
	}{
		{name: "your promise let lapse", detector: "promise.overdue", want: true,
			edits: []func(*TeamIssue){func(is *TeamIssue) { *is = lapsed(is.Key) }}},
		{name: "a teammate's promise that quotes you", detector: "promise.overdue",
			edits: []func(*TeamIssue){func(is *TeamIssue) {
				*is = lapsed(is.Key)
				is.Comments[0].Author, is.Comments[0].Text = tomas, "Will pick this up next sprint, as you wrote."
			}}},
		{name: "a fix version you set", detector: "release.missed", want: true,
			edits: []func(*TeamIssue){slipped}, yours: yourVersion},
		{name: "a fix version someone else set", detector: "release.missed", edits: []func(*TeamIssue){slipped}},
		{name: "one of a release's slipped issues you set", detector: "release.missed", want: true,
			edits: []func(*TeamIssue){slipped, slipped, slipped, slipped},
			yours: map[string][]VersionSet{"OPS-2": {{Version: "payments 3.8", At: days(50)}}}},
		{name: "your word that it cannot go live", detector: "priority.assigned-stale", want: true,
			edits: []func(*TeamIssue){goLiveBlocker}},
		{name: "Highest, with no word of yours", detector: "priority.assigned-stale",
			edits: []func(*TeamIssue){func(is *TeamIssue) { goLiveBlocker(is); is.Priority, is.Comments = "Highest", nil }}},
		{name: "your word on why it matters", detector: "priority.top-unowned", want: true,
			edits: []func(*TeamIssue){topUnowned(me, ranked)}},
		{name: "a teammate's word on why it matters", detector: "priority.top-unowned",
			edits: []func(*TeamIssue){topUnowned(tomas, ranked)}},
		{name: "the release you promised it for", detector: "duplicate.done", want: true,
			edits: []func(*TeamIssue){promisedFor414, func(is *TeamIssue) { doneAgain(is); is.Releases = []Release{{Name: "4.15", Date: dayAt(-30)}} }}},
		{name: "the release a teammate promised it for", detector: "duplicate.done",
			edits: []func(*TeamIssue){func(is *TeamIssue) { promisedFor414(is); is.Comments = is.Comments[1:] },
				func(is *TeamIssue) { doneAgain(is); is.Releases = []Release{{Name: "4.15", Date: dayAt(-30)}} }}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var found []Opportunity
			for _, op := range Detect(cfg, Team{Site: site, Issues: storiesEdited(tt.edits), Now: now, YourVersions: tt.yours}) {
				if op.Detector == tt.detector && op.IssueKey == "OPS-1" {
					found = append(found, op)
				}
			}
			if len(found) != 1 {
				t.Fatalf("found %+v, want one %s suggestion on OPS-1", found, tt.detector)
			}
			if found[0].YourWord != tt.want {
				t.Errorf("reason %q: your own word %v, want %v", found[0].Reason, found[0].YourWord, tt.want)
			}
		})
	}
}
