package next

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pmfolio/pmfolio/evidence"
)

// slipped makes is an open story payments 3.8 shipped without 41 days
// ago, filed 60 days ago, in no sprint.
func slipped(is *TeamIssue) {
	shipped := days(41)
	is.Created, is.Sprints, is.SprintState = days(60), nil, ""
	is.Releases = []Release{{Name: "payments 3.8", Date: &shipped, Released: true}}
}

// A release that shipped without an issue whose fix version the user's
// own change set says so: it is their plan that slipped, which is why
// putting it right is theirs (the demo's PAY-3452, set by Maya).
func TestAMissedReleaseYouSetSaysSo(t *testing.T) {
	cfg := builtin(t)
	tests := []struct {
		name  string
		edits []func(*TeamIssue)
		yours map[string][]VersionSet
		want  []string // the release.missed reasons, in order
	}{
		{name: "you set the version it missed",
			edits: []func(*TeamIssue){slipped},
			yours: map[string][]VersionSet{"OPS-1": {{Version: "payments 3.8", At: days(50)}}},
			want:  []string{"payments 3.8 was released on 8 Oct 2026 without it; you set it to payments 3.8 on 29 Sep"}},
		{name: "set twice, the latest is when",
			edits: []func(*TeamIssue){slipped},
			yours: map[string][]VersionSet{"OPS-1": {{Version: "Payments 3.8", At: days(55)}, {Version: "payments 3.8", At: days(45)}}},
			want:  []string{"payments 3.8 was released on 8 Oct 2026 without it; you set it to payments 3.8 on 4 Oct"}},
		{name: "you set another version, someone else this one",
			edits: []func(*TeamIssue){slipped},
			yours: map[string][]VersionSet{"OPS-1": {{Version: "payments 3.7", At: days(58)}}},
			want:  []string{"payments 3.8 was released on 8 Oct 2026 without it"}},
		{name: "a version set by mistake that you set says so too",
			edits: []func(*TeamIssue){func(is *TeamIssue) { slipped(is); is.Created = days(30) }},
			yours: map[string][]VersionSet{"OPS-1": {{Version: "payments 3.8", At: days(29)}}},
			want:  []string{"payments 3.8 was released on 8 Oct 2026 before it was filed; you set it to payments 3.8 on 20 Oct"}},
		{name: "a release's slipped issues name those you set",
			edits: []func(*TeamIssue){slipped, slipped, slipped, slipped},
			yours: map[string][]VersionSet{"OPS-2": {{Version: "payments 3.8", At: days(50)}}, "OPS-4": {{Version: "payments 3.8", At: days(50)}}},
			want:  []string{"payments 3.8 was released on 8 Oct 2026 without 4 of its issues, still open (OPS-1, OPS-2, OPS-3 and OPS-4); you set it on OPS-2 and OPS-4"}},
		{name: "set on each of them, it says so, not their keys again",
			edits: []func(*TeamIssue){slipped, slipped, slipped, slipped},
			yours: map[string][]VersionSet{"OPS-1": {{Version: "payments 3.8", At: days(50)}}, "OPS-2": {{Version: "payments 3.8", At: days(50)}},
				"OPS-3": {{Version: "payments 3.8", At: days(50)}}, "OPS-4": {{Version: "payments 3.8", At: days(50)}}},
			want: []string{"payments 3.8 was released on 8 Oct 2026 without 4 of its issues, still open (OPS-1, OPS-2, OPS-3 and OPS-4); you set it on all of them"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, op := range Detect(cfg, Team{Site: site, Issues: storiesEdited(tt.edits), Now: now, YourVersions: tt.yours}) {
				if op.Detector == "release.missed" {
					got = append(got, op.Reason)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("found\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// Of two issues a release shipped without, the one whose version the
// user set is listed first: their own plan is theirs to put right before
// one someone else made.
func TestAMissedReleaseYouSetIsListedFirst(t *testing.T) {
	cfg := builtin(t)
	issues := storiesEdited([]func(*TeamIssue){slipped, slipped})
	yours := map[string][]VersionSet{"OPS-2": {{Version: "payments 3.8", At: days(50)}}}
	var order []string
	for _, op := range Find(cfg, Team{Site: site, Issues: issues, Now: now, YourVersions: yours}, nil) {
		order = append(order, op.IssueKey)
	}
	if strings.Join(order, " ") != "OPS-2 OPS-1" {
		t.Errorf("listed %v, want OPS-2, whose version you set, first", order)
	}
}

// A release missed months ago asks first whether the work is still wanted,
// as one either/or with whoever decides where it goes (the demo's
// PAY-3442), not "close it if not" and then "move it".
func TestAReleaseMissedMonthsAgoIsOneEitherOr(t *testing.T) {
	cfg := builtin(t)
	is := story("OPS-1")
	slipped(&is)
	shipped := days(150)
	is.Created, is.Releases[0].Date, is.Assignee, is.Reporter = days(200), &shipped, tomas, jonas
	unowned := is
	unowned.Assignee = evidence.User{}
	for _, tt := range []struct {
		is   TeamIssue
		want string
	}{
		{is, "Ask Tomás whether it is still wanted 5 months after the release: if so, move it to the next release or take the version off, " +
			"and say in a comment why it slipped; if not, close it and say why"},
		{unowned, "Ask Jonas, who filed it, whether it is still wanted 5 months after the release: if so, move it to the next release or " +
			"take the version off, and say in a comment why it slipped; if not, close it and say why"},
	} {
		got := detectedBy(t, cfg, []TeamIssue{tt.is}, "release.missed", false)
		if len(got) != 1 || got[0].Action != tt.want {
			t.Errorf("found %+v, want the action\n%q", got, tt.want)
		}
	}
}

// Your own version on a release that shipped two months ago orders the
// releases missed among themselves; it does not lift their clean-up over a
// teammate's question that waits on an answer (the demo's OPS-1318 below
// OPS-1270, PAY-3452 and two more of them, against "is listed higher").
func TestAQuestionStaysAboveAStaleFixVersionYouSet(t *testing.T) {
	cfg := builtin(t)
	question := story("OPS-1")
	question.Sprints, question.SprintState, question.Created = nil, "", days(12)
	question.Comments = []evidence.Comment{comment(tomas, days(6), "Do we keep application logs for 30 or 90 days? I need to size the bucket.")}
	bug := story("OPS-2")
	slipped(&bug)
	shipped := days(49)
	bug.Type, bug.Components, bug.Created, bug.Releases[0].Date = "Bug", nil, days(84), &shipped
	bug.Reporter = evidence.User{ID: "aisha", DisplayName: "Aisha"}
	bug.Comments = []evidence.Comment{comment(tomas, days(30), "Seen again on the nightly preview.")}
	yours := map[string][]VersionSet{"OPS-2": {{Version: "payments 3.8", At: days(64)}}}
	gaps := Gaps{"Organization": 20, "Ownership and bias to action": 7, "Communication": 10, "Working across teams": 5}
	var order []string
	for _, op := range Find(cfg, Team{Site: site, Issues: []TeamIssue{bug, question}, Now: now, YourVersions: yours}, gaps) {
		order = append(order, op.IssueKey+" "+op.Detector)
	}
	if len(order) == 0 || order[0] != "OPS-1 question.unanswered" {
		t.Errorf("listed %q, want the teammate's question first", order)
	}
	// A release of last week, in the running sprint, that weighs just
	// under the question stays under it (the demo's PAY-3458).
	fresh := bug
	shippedLately := days(6)
	fresh.Created, fresh.Releases[0].Date, fresh.Sprints, fresh.SprintState = days(16), &shippedLately, []string{"OPS Sprint 9"}, "active"
	fresh.Comments = nil
	yours = map[string][]VersionSet{"OPS-2": {{Version: "payments 3.8", At: days(10)}}}
	order = nil
	for _, op := range Find(cfg, Team{Site: site, Issues: []TeamIssue{fresh, question}, Now: now, YourVersions: yours}, gaps) {
		order = append(order, op.IssueKey+" "+op.Detector+" "+fmt.Sprint(op.Score))
	}
	if len(order) < 2 || !strings.HasPrefix(order[0], "OPS-1 question.unanswered") {
		t.Errorf("listed %q, want the teammate's question first", order)
	}
}

// A release shipped without an issue nobody has, whose version you set,
// is yours to move: the action says what to do, not "Agree with OPS's
// lead" (the demo's OPS-1272); months on, yours to decide whether it is
// still wanted.
func TestAMissedReleaseYouSetWithNobodyOnItIsYoursToMove(t *testing.T) {
	cfg := builtin(t)
	is := story("OPS-1")
	slipped(&is)
	is.Assignee = evidence.User{}
	yours := map[string][]VersionSet{"OPS-1": {{Version: "payments 3.8", At: days(50)}}}
	old := is
	shipped := days(150)
	old.Created, old.Releases = days(200), []Release{{Name: "payments 3.8", Date: &shipped, Released: true}}
	for _, tt := range []struct {
		is   TeamIssue
		want string
	}{
		{is, "Move it to the next release or take the version off, and say in a comment why it slipped"},
		{old, "Decide whether it is still wanted 5 months after the release: if so, move it to the next release or take the version off, " +
			"and say in a comment why it slipped; if not, close it and say why"},
	} {
		var got []string
		for _, op := range Detect(cfg, Team{Site: site, Issues: []TeamIssue{tt.is}, Now: now, YourVersions: yours}) {
			if op.Detector == "release.missed" {
				got = append(got, op.Action)
			}
		}
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("actions %q, want\n%q", got, tt.want)
		}
	}
}

// An issue a release shipped without that is marked blocked, whose
// assignee said on what, leads with what it waits on (the demo's
// PAY-3458: "Blocked on access to the checkout-gateway admin API since
// the 2nd"): that is why it slipped, and what the user can do today.
// Unmarked, or with a word that names nothing, it reads as before.
func TestAMissedReleaseBlockedLeadsWithWhatItWaitsOn(t *testing.T) {
	cfg := builtin(t)
	access := "(flag) Flag added\n\nBlocked on access to the checkout-gateway admin API since the 2nd."
	replan := "Agree with Tomás: move it to the next release or take the version off, and say in a comment why it slipped"
	tests := []struct {
		name     string
		edit     func(*TeamIssue)
		action   string
		category string
	}{
		{name: "flagged, its assignee blocked on access",
			edit: func(is *TeamIssue) {
				is.Flagged, is.Comments = true, []evidence.Comment{comment(tomas, days(3), access)}
			},
			action: "Tomás wrote on 15 Nov that it is blocked on access to the checkout-gateway admin API: get that access granted or find who can grant it, " +
				"then move it to the next release or take the version off",
			category: "unblocking"},
		{name: "in a blocked status, waiting on a thing",
			edit: func(is *TeamIssue) {
				is.Status, is.StatusCategory = "Blocked", "indeterminate"
				is.Comments = []evidence.Comment{comment(tomas, days(3), "Waiting on the firewall change, then it can go.")}
			},
			action:   "Tomás wrote on 15 Nov that it is blocked on the firewall change: find out when it will be ready and chase it, then move it to the next release or take the version off",
			category: "unblocking"},
		{name: "not marked blocked: unchanged",
			edit:   func(is *TeamIssue) { is.Comments = []evidence.Comment{comment(tomas, days(3), access)} },
			action: replan, category: "release-planning"},
		{name: "flagged, a word that names nothing waited on: unchanged",
			edit: func(is *TeamIssue) {
				is.Flagged, is.Comments = true, []evidence.Comment{comment(tomas, days(3), "Flagging this, will explain at standup.")}
			},
			action: replan, category: "release-planning"},
		{name: "flagged, someone else said what it waits on",
			edit: func(is *TeamIssue) {
				is.Flagged, is.Comments = true, []evidence.Comment{comment(jonas, days(3), access)}
			},
			action: "Jonas wrote on 15 Nov that it is blocked on access to the checkout-gateway admin API: get that access granted or find who can grant it, " +
				"then move it to the next release or take the version off",
			category: "unblocking"},
		{name: "flagged, a later word that says nothing of what it waits on does not unsay it",
			edit: func(is *TeamIssue) {
				is.Flagged = true
				is.Comments = []evidence.Comment{comment(tomas, days(5), access), comment(jonas, days(3), "Any news here? The release notes need it.")}
			},
			action: "Tomás wrote on 13 Nov that it is blocked on access to the checkout-gateway admin API: get that access granted or find who can grant it, " +
				"then move it to the next release or take the version off",
			category: "unblocking"},
		{name: "flagged, a later word on what it waited on: unchanged",
			edit: func(is *TeamIssue) {
				is.Flagged = true
				is.Comments = []evidence.Comment{comment(tomas, days(5), access), comment(jonas, days(3), "Admin API access was granted this morning.")}
			},
			action: replan, category: "release-planning"},
		{name: "flagged, missed months ago: still the one either/or",
			edit: func(is *TeamIssue) {
				shipped := days(150)
				is.Created, is.Releases[0].Date = days(200), &shipped
				is.Flagged, is.Comments = true, []evidence.Comment{comment(tomas, days(3), access)}
			},
			action: "Ask Tomás whether it is still wanted 5 months after the release: if so, move it to the next release or take the version off, " +
				"and say in a comment why it slipped; if not, close it and say why",
			category: "release-planning"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			is := story("OPS-1")
			slipped(&is)
			tt.edit(&is)
			got := detectedBy(t, cfg, []TeamIssue{is}, "release.missed", false)
			if len(got) != 1 || got[0].Action != tt.action || got[0].Category != tt.category {
				t.Errorf("found %+v, want the action\n%q\nshowing %s", got, tt.action, tt.category)
			}
		})
	}
}
