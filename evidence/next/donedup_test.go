package next

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// filedAgain makes is the open story a release shipped without (4.14,
// released 43 days ago), filed 4 months ago, in no sprint.
func filedAgain(is *TeamIssue) {
	shipped := days(43)
	is.Summary, is.Created, is.Sprints, is.SprintState = "Show GST breakup on FD closure advice", days(120), nil, ""
	is.Releases = []Release{{Name: "4.14", Date: &shipped, Released: true}}
}

// doneAgain makes is the same work filed again for 4.14 and done there:
// closed as Fixed 59 days ago, its tester's verdict the last word.
func doneAgain(is *TeamIssue) {
	resolved := days(59)
	is.Summary, is.Created, is.Sprints, is.SprintState = "Show GST breakup on FD closure advice (4.14)", days(70), []string{"OPS Sprint 5"}, "closed"
	is.Status, is.StatusCategory, is.Resolution, is.Resolved = "Closed", "done", "Fixed", &resolved
	is.Comments = []evidence.Comment{comment(evidence.User{ID: "priya", DisplayName: "Priya"}, days(59), "Verified, GST breakup shown on closure advice as per business mock. Closing.")}
}

// An open issue whose work was filed again and done there is told as done
// (DC's CORE-2183, done as CORE-2201), and is neither a release's slipped
// issue nor anything else to plan.
func TestAnIssueDoneAsAnotherIsToldSo(t *testing.T) {
	cfg := builtin(t)
	tests := []struct {
		name  string
		edits []func(*TeamIssue)
		moves map[string][]StatusMove // the status moves sync read, by issue id
		want  []string                // "KEY detector: reason => action", all the findings; each whole with its action, else its start
		// category, when set, is what the first finding shows.
		category string
	}{
		{name: "filed again for the release and verified there: close it as a duplicate",
			edits: []func(*TeamIssue){filedAgain, doneAgain},
			want: []string{"OPS-1 duplicate.done: looks done as OPS-2, “Show GST breakup on FD closure advice (4.14)”, closed as Fixed on 20 Sep " +
				"(the last comment, by Priya on 20 Sep: “Verified, GST breakup shown on closure advice as per business mock. Closing.”) => " +
				"Check with Tomás that OPS-2 did what it asks, then close it as a duplicate of OPS-2 and link them"}},
		{name: "verified by you: close it, with no check with its developer",
			edits: []func(*TeamIssue){filedAgain, func(is *TeamIssue) {
				doneAgain(is)
				is.Comments[0].Author = me
			}},
			want: []string{"OPS-1 duplicate.done: looks done as OPS-2, “Show GST breakup on FD closure advice (4.14)”, closed as Fixed on 20 Sep " +
				"(the last comment, by you on 20 Sep: “Verified, GST breakup shown on closure advice as per business mock. Closing.”) => " +
				"You verified OPS-2 on 20 Sep: close OPS-1 as its duplicate and link them"}},
		{name: "closed by you, the last word another's: close it",
			edits: []func(*TeamIssue){filedAgain, doneAgain},
			moves: map[string][]StatusMove{"OPS-2": {{By: me, From: "In QA", To: "Closed", At: days(59)}}},
			want:  []string{"OPS-1 duplicate.done: looks done as OPS-2, “Show GST breakup on FD closure advice (4.14)”, closed as Fixed on 20 Sep (the last comment, by Priya on 20 Sep: “Verified, GST breakup shown on closure advice as per business mock. Closing.”) => You closed OPS-2 on 20 Sep: close OPS-1 as its duplicate and link them"}},
		{name: "closed by another after your move: check with its developer",
			edits: []func(*TeamIssue){filedAgain, doneAgain},
			moves: map[string][]StatusMove{"OPS-2": {{By: me, From: "To Do", To: "In QA", At: days(62)}}},
			want: []string{"OPS-1 duplicate.done: looks done as OPS-2, “Show GST breakup on FD closure advice (4.14)”, closed as Fixed on 20 Sep (the last comment, by Priya on 20 Sep: “Verified, GST breakup shown on closure advice as per business mock. Closing.”) => " +
				"Check with Tomás that OPS-2 did what it asks, then close it as a duplicate of OPS-2 and link them"}},
		{name: "filed by a colleague who asked for it, verified by you: tell them too (DC's CORE-2183)",
			edits: []func(*TeamIssue){func(is *TeamIssue) {
				filedAgain(is)
				is.Reporter = evidence.User{ID: "meenakshi", DisplayName: "Meenakshi Sundaram"}
			}, func(is *TeamIssue) {
				doneAgain(is)
				is.Comments[0].Author = me
			}},
			want: []string{"OPS-1 duplicate.done: looks done as OPS-2, “Show GST breakup on FD closure advice (4.14)”, closed as Fixed on 20 Sep (the last comment, by you on 20 Sep: “Verified, GST breakup shown on closure advice as per business mock. Closing.”) => " +
				"You verified OPS-2 on 20 Sep: close OPS-1 as its duplicate and link them, and tell Meenakshi Sundaram, who asked for it"}},
		{name: "filed by a colleague, checked with its developer: tell them too",
			edits: []func(*TeamIssue){func(is *TeamIssue) { filedAgain(is); is.Reporter = tomas }, doneAgain},
			want: []string{"OPS-1 duplicate.done: looks done as OPS-2, “Show GST breakup on FD closure advice (4.14)”, closed as Fixed on 20 Sep (the last comment, by Priya on 20 Sep: “Verified, GST breakup shown on closure advice as per business mock. Closing.”) => " +
				"Check with Tomás that OPS-2 did what it asks, then close it as a duplicate of OPS-2 and link them, and tell Tomás, who asked for it"}},
		{name: "filed by you, or by someone who left: nobody to tell",
			edits: []func(*TeamIssue){func(is *TeamIssue) { filedAgain(is); is.Reporter = me }, doneAgain, func(is *TeamIssue) {
				filedAgain(is)
				is.Summary, is.Reporter = "Show the TDS breakup on FD closure advice", lena
			}, func(is *TeamIssue) {
				doneAgain(is)
				is.Summary, is.Created = "Show the TDS breakup on FD closure advice (4.14)", days(69)
			}},
			want: []string{"OPS-1 duplicate.done: looks done as OPS-2, “Show GST breakup on FD closure advice (4.14)”, closed as Fixed on 20 Sep (the last comment, by Priya on 20 Sep: “Verified, GST breakup shown on closure advice as per business mock. Closing.”) => " +
				"Check with Tomás that OPS-2 did what it asks, then close it as a duplicate of OPS-2 and link them",
				"OPS-3 duplicate.done: looks done as OPS-4, “Show the TDS breakup on FD closure advice (4.14)”, closed as Fixed on 20 Sep (the last comment, by Priya on 20 Sep: “Verified, GST breakup shown on closure advice as per business mock. Closing.”) => " +
					"Check with Tomás that OPS-4 did what it asks, then close it as a duplicate of OPS-4 and link them"}},
		{name: "you promised the release it shipped without, done for the next, which its summary says is the one promised: find out, then tell, and say only what Jira records of the release (DC's CORE-2183)",
			edits: []func(*TeamIssue){promisedFor414, func(is *TeamIssue) {
				doneAgain(is)
				is.Comments[0].Author = me
				is.Releases = []Release{{Name: "4.15", Date: dayAt(-30)}}
			}},
			category: evidence.CatStakeholderComms,
			want: []string{"OPS-1 duplicate.done: you promised it for 4.14 on 31 Jul (“Suggest we take it in 4.14 on priority.”); OPS-1 is still open against 4.14, released 6 Oct; " +
				"looks done as OPS-2, “Show GST breakup on FD closure advice (4.14)”, closed as Fixed on 20 Sep (the last comment, by you on 20 Sep: “Verified, GST breakup shown on closure advice as per business mock. Closing.”) => " +
				"Check which release OPS-2, which you verified on 20 Sep, went out in (its summary says 4.14, its fix version is 4.15), and tell Meenakshi Sundaram, who was promised 4.14; then close OPS-1 as its duplicate and link them"}},
		{name: "promised for the release, not verified by you: check with its developer, then tell",
			edits: []func(*TeamIssue){promisedFor414, func(is *TeamIssue) {
				doneAgain(is)
				is.Releases = []Release{{Name: "4.15", Date: dayAt(-30)}}
			}},
			want: []string{"OPS-1 duplicate.done: you promised it for 4.14 on 31 Jul (“Suggest we take it in 4.14 on priority.”); OPS-1 is still open against 4.14, released 6 Oct; " +
				"looks done as OPS-2, “Show GST breakup on FD closure advice (4.14)”, closed as Fixed on 20 Sep (the last comment, by Priya on 20 Sep: “Verified, GST breakup shown on closure advice as per business mock. Closing.”) => " +
				"Check with Tomás that OPS-2 did what it asks and which release it went out in (its summary says 4.14, its fix version is 4.15); then tell Meenakshi Sundaram, who was promised 4.14; close OPS-1 as its duplicate and link them"}},
		{name: "done for the next release its summary names too: it ships there",
			edits: []func(*TeamIssue){promisedFor414, func(is *TeamIssue) {
				doneAgain(is)
				is.Comments[0].Author = me
				is.Summary = "Show GST breakup on FD closure advice (4.15)"
				is.Releases = []Release{{Name: "4.15", Date: dayAt(-30)}}
			}},
			want: []string{"OPS-1 duplicate.done: you promised it for 4.14 on 31 Jul (“Suggest we take it in 4.14 on priority.”), which was released on 6 Oct without it; " +
				"looks done as OPS-2, “Show GST breakup on FD closure advice (4.15)”, closed as Fixed on 20 Sep (the last comment, by you on 20 Sep: “Verified, GST breakup shown on closure advice as per business mock. Closing.”) => " +
				"Tell Meenakshi Sundaram that 4.14 went out on 6 Oct without it, and that it ships in 4.15 with OPS-2, which you verified on 20 Sep; then close OPS-1 as its duplicate and link them"}},
		{name: "only the one told named the release: theirs is quoted",
			edits: []func(*TeamIssue){func(is *TeamIssue) {
				promisedFor414(is)
				is.Comments = is.Comments[1:]
			}, func(is *TeamIssue) {
				doneAgain(is)
				is.Releases = []Release{{Name: "4.15", Date: dayAt(-30)}}
			}},
			want: []string{"OPS-1 duplicate.done: promised for 4.14 (Meenakshi Sundaram on 31 Jul: “Ok understood, 4.14 is fine. I will inform business.”); OPS-1 is still open against 4.14, released 6 Oct; "}},
		{name: "promised for the release the other went out in: the promise was kept",
			edits: []func(*TeamIssue){promisedFor414, func(is *TeamIssue) {
				doneAgain(is)
				is.Releases = []Release{{Name: "4.14", Date: dayAt(43), Released: true}}
			}},
			want: []string{"OPS-1 duplicate.done: looks done as OPS-2"}},
		{name: "a question that names the release promised nothing",
			edits: []func(*TeamIssue){func(is *TeamIssue) {
				filedAgain(is)
				is.Reporter = evidence.User{ID: "meenakshi", DisplayName: "Meenakshi Sundaram"}
				is.Comments = []evidence.Comment{comment(is.Reporter, days(110), "Can we take this in 4.14?")}
			}, doneAgain},
			want: []string{"OPS-1 duplicate.done: looks done as OPS-2"}},
		{name: "nothing else is asked of work that looks done: not its estimate in the sprint",
			edits: []func(*TeamIssue){func(is *TeamIssue) {
				filedAgain(is)
				is.Sprints, is.SprintState, is.StoryPoints = []string{"OPS Sprint 9"}, "active", nil
			}, doneAgain},
			want: []string{"OPS-1 duplicate.done: looks done as OPS-2"}},
		{name: "a release that shipped without four issues, one of them done as another, names the other three",
			edits: []func(*TeamIssue){filedAgain, doneAgain, slippedToo, slippedToo, slippedToo},
			want: []string{"OPS-1 duplicate.done: looks done as OPS-2",
				"OPS-3 release.missed: 4.14 was released on 6 Oct 2026 without 3 of its issues, still open (OPS-3, OPS-4 and OPS-5)"}},
		// Quiet, or a likeness of another kind.
		{name: "closed as Won't Do is not done",
			edits: []func(*TeamIssue){filedAgain, func(is *TeamIssue) { doneAgain(is); is.Resolution = "Won't Do" }},
			want:  []string{"OPS-1 release.missed: 4.14 was released on 6 Oct 2026 without it"}},
		{name: "closed as a duplicate is not done",
			edits: []func(*TeamIssue){filedAgain, func(is *TeamIssue) { doneAgain(is); is.Resolution = "Duplicate" }},
			want:  []string{"OPS-1 release.missed"}},
		{name: "closed long ago says nothing of now",
			edits: []func(*TeamIssue){filedAgain, func(is *TeamIssue) {
				doneAgain(is)
				resolved := days(100)
				is.Created, is.Resolved = days(110), &resolved
			}},
			want: []string{"OPS-1 release.missed"}},
		{name: "done before the open one was filed: the open one reports it again, a regression",
			edits: []func(*TeamIssue){filedAgain, func(is *TeamIssue) { doneAgain(is); is.Created = days(130) }},
			want:  []string{"OPS-1 release.missed"}},
		{name: "linked to each other, the team knows of both",
			edits: []func(*TeamIssue){func(is *TeamIssue) {
				filedAgain(is)
				is.Links = []evidence.IssueLink{{Description: "relates to", Direction: "outward", OtherKey: "OPS-2"}}
			}, doneAgain},
			want: []string{"OPS-1 release.missed"}},
		{name: "a sub-task done under the open one is part of it",
			edits: []func(*TeamIssue){filedAgain, func(is *TeamIssue) { doneAgain(is); is.ParentKey = "OPS-1" }},
			want:  []string{"OPS-1 release.missed"}},
		{name: "another version in the summary is other work",
			edits: []func(*TeamIssue){
				func(is *TeamIssue) { filedAgain(is); is.Summary = "Upgrade the reports database to Postgres 14" },
				func(is *TeamIssue) { doneAgain(is); is.Summary = "Upgrade the reports database to Postgres 15" }},
			want: []string{"OPS-1 release.missed"}},
		{name: "another environment in brackets is other work",
			edits: []func(*TeamIssue){
				func(is *TeamIssue) { filedAgain(is); is.Summary = "Rotate the ingress certificates (staging)" },
				func(is *TeamIssue) { doneAgain(is); is.Summary = "Rotate the ingress certificates (production)" }},
			want: []string{"OPS-1 release.missed"}},
		{name: "the later issue names the open one: it was built beside it, not instead of it (the demo's OPS-1273)",
			edits: []func(*TeamIssue){filedAgain, func(is *TeamIssue) {
				doneAgain(is)
				is.Comments = append([]evidence.Comment{comment(me, days(65), "Don't wait for the design review, reuse the pattern from OPS-1.")}, is.Comments...)
			}},
			want: []string{"OPS-1 release.missed"}},
		{name: "the open issue names the later one: the team knows of both",
			edits: []func(*TeamIssue){func(is *TeamIssue) {
				filedAgain(is)
				is.Description += "\n\nNot the same as OPS-2, which only covers the savings accounts."
			}, doneAgain},
			want: []string{"OPS-1 release.missed"}},
		{name: "one title, different acceptance criteria: two stories",
			edits: []func(*TeamIssue){func(is *TeamIssue) {
				filedAgain(is)
				is.Summary = "Keep a preview environment longer from the pull request"
				is.Description = "As a developer I want to extend my preview environment's lifetime with a PR comment.\n\nh3. Acceptance criteria\n" +
					"* A /preview keep 7d comment moves the deletion date by up to 7 days\n* Extended environments are marked on the cost dashboard\n" +
					"* The deletion date is shown on the pull request"
			}, func(is *TeamIssue) {
				doneAgain(is)
				is.Summary = "Keep a preview environment longer from the pull request"
				is.Description = "Oskar from sales flagged this on the 13th.\n\nh3. Acceptance criteria (refined)\n" +
					"* fraud-scorer keeps its current SLO during the rollout\n* the preview environments board shows the new numbers\n* On-call knows about it at the hand-over"
			}},
			want: []string{"OPS-1 release.missed"}},
		{name: "a word after it was closed says the work goes on: not done, whatever its status",
			edits: []func(*TeamIssue){filedAgain, func(is *TeamIssue) {
				doneAgain(is)
				is.Comments = append(is.Comments, comment(tomas, days(56), "Working on this now — should have something by 12:15 UTC."))
			}},
			want: []string{"OPS-1 release.missed"}},
		{name: "a thank-you after it was closed leaves it done",
			edits: []func(*TeamIssue){filedAgain, func(is *TeamIssue) {
				doneAgain(is)
				is.Comments = append(is.Comments, comment(tomas, days(56), "Thanks, confirmed in production."))
			}},
			want: []string{"OPS-1 duplicate.done: looks done as OPS-2, “Show GST breakup on FD closure advice (4.14)”, closed as Fixed on 20 Sep " +
				"(the last comment, by Tomás on 23 Sep: “Thanks, confirmed in production.”)"}},
		{name: "filed again bare, with nothing to compare but its title, is told",
			edits: []func(*TeamIssue){filedAgain, func(is *TeamIssue) { doneAgain(is); is.Description = "" }},
			want:  []string{"OPS-1 duplicate.done: looks done as OPS-2"}},
		{name: "another project's issue is another team's work",
			edits: []func(*TeamIssue){filedAgain, func(is *TeamIssue) { doneAgain(is); is.Key, is.Project = "PAY-2", "PAY" }},
			want:  []string{"OPS-1 release.missed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			issues := storiesEdited(tt.edits)
			var got []string
			ops := Detect(cfg, Team{Site: site, Issues: issues, Now: now, StatusMoves: tt.moves})
			for _, op := range ops {
				got = append(got, op.IssueKey+" "+op.Detector+": "+op.Reason+" => "+op.Action)
			}
			if tt.category != "" && len(ops) > 0 && ops[0].Category != tt.category {
				t.Errorf("it shows %s, want %s", ops[0].Category, tt.category)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("found\n%s\nwant %d findings: %q", strings.Join(got, "\n"), len(tt.want), tt.want)
			}
			for i, want := range tt.want {
				// With its action, a finding is wanted whole: nothing asked after it.
				if !strings.HasPrefix(got[i], want) || strings.Contains(want, " => ") && got[i] != want {
					t.Errorf("found %q, want it to start %q", got[i], want)
				}
			}
		})
	}
}

// slippedToo makes is another open story 4.14 shipped without.
func slippedToo(is *TeamIssue) {
	shipped := days(43)
	is.Summary = "Slipped story " + is.Key
	is.Created, is.Sprints, is.SprintState = days(100), nil, ""
	is.Releases = []Release{{Name: "4.14", Date: &shipped, Released: true}}
}

// With duplicate.done off, the issue is a release's slipped issue again.
func TestWithDuplicateDoneOffTheReleaseNamesTheIssueAgain(t *testing.T) {
	cfg, err := Load([]byte("detectors:\n  - id: duplicate.done\n    off: true\n"))
	if err != nil {
		t.Fatal(err)
	}
	issues := []TeamIssue{story("OPS-1"), story("OPS-2"), story("OPS-3"), story("OPS-4"), story("OPS-5")}
	for i, edit := range []func(*TeamIssue){filedAgain, doneAgain, slippedToo, slippedToo, slippedToo} {
		edit(&issues[i])
	}
	got := Detect(cfg, Team{Site: site, Issues: issues, Now: now})
	if len(got) != 1 || got[0].Detector != "release.missed" || got[0].IssueKey != "OPS-1" ||
		!slices.Equal(got[0].Related, []string{"OPS-3", "OPS-4", "OPS-5"}) {
		t.Errorf("found %+v, want OPS-1's release.missed for all four", got)
	}
}

// storiesEdited are the stories OPS-1, OPS-2… (story), each changed by its
// edit.
func storiesEdited(edits []func(*TeamIssue)) []TeamIssue {
	var issues []TeamIssue
	for i, edit := range edits {
		is := story("OPS-" + string(rune('1'+i)))
		edit(&is)
		issues = append(issues, is)
	}
	return issues
}

// A word posted after an issue was closed that says its work goes on
// keeps it from looking done; a thank-you or a check does not.
func TestAWordAfterClosingThatSaysWorkGoesOn(t *testing.T) {
	tests := []struct {
		text string
		on   bool
	}{
		{"Working on this now — should have something by 12:15 UTC.", true},
		{"Still seeing it on iOS 18, reopening.", true},
		{"Not quite done: the export is empty for NOK.", true},
		{"I'll push the last part tomorrow.", true},
		{"Picking this up again for the payouts part.", true},
		{"Thanks, confirmed in production.", false},
		{"Verified, GST breakup shown on closure advice as per business mock.", false},
		{"Released in 4.14.", false},
	}
	for _, tt := range tests {
		resolved := days(10)
		is := story("OPS-2")
		is.Resolved = &resolved
		is.Comments = []evidence.Comment{comment(tomas, days(9), tt.text)}
		if got := goesOnAfterClosing(is); got != tt.on {
			t.Errorf("goesOnAfterClosing(%q) = %v, want %v", tt.text, got, tt.on)
		}
		// The same word before it was closed is how the work went.
		is.Comments = []evidence.Comment{comment(tomas, days(11), tt.text)}
		if goesOnAfterClosing(is) {
			t.Errorf("goesOnAfterClosing(%q) before it was closed = true", tt.text)
		}
	}
}

// promisedFor414 is filedAgain, filed by Meenakshi, with your word that it
// goes into 4.14 and hers that agrees to it, before 4.14 shipped without it.
func promisedFor414(is *TeamIssue) {
	filedAgain(is)
	is.Reporter = evidence.User{ID: "meenakshi", DisplayName: "Meenakshi Sundaram"}
	is.Comments = []evidence.Comment{
		comment(me, days(110.2), "Sorry, we cannot take this into 4.13 at this stage. Suggest we take it in 4.14 on priority."),
		comment(is.Reporter, days(110), "Ok understood, 4.14 is fine. I will inform business."),
	}
}

// A release promised and shipped without the issue is late, not
// forgotten: its months of silence do not list it lower.
func TestABrokenReleasePromiseIsLateNotForgotten(t *testing.T) {
	open, done := story("OPS-1"), story("OPS-2")
	promisedFor414(&open)
	doneAgain(&done)
	done.Releases = []Release{{Name: "4.15", Date: dayAt(-30)}}
	for _, op := range Find(builtin(t), Team{Site: site, Issues: []TeamIssue{open, done}, Now: now}, nil) {
		if op.Detector != "duplicate.done" {
			continue
		}
		if why := strings.Join(op.Why, "; "); strings.Contains(why, "listed lower") {
			t.Errorf("why %q, want it not listed lower", why)
		}
		return
	}
	t.Error("found no duplicate.done")
}

// dayAt is days(n) for a field that wants a pointer.
func dayAt(n float64) *time.Time {
	at := days(n)
	return &at
}
