package next

import (
	"strings"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// goLiveBlocker makes is Kaveri's CORE-2210: a High defect Rohit has, in
// no sprint and with no fix version, that you said on 15 Sep cannot go
// live; nothing since. The team's next release goes live in a month.
func goLiveBlocker(is *TeamIssue) {
	is.Type, is.Priority, is.Status, is.StatusCategory = "Defect", "High", "Open", "new"
	is.Assignee, is.Created, is.Updated = evidence.User{ID: "rohit", DisplayName: "Rohit Sharma"}, days(100), days(64)
	is.Sprints, is.SprintState, is.StoryPoints, is.Description = nil, "", nil, "Hindi SMS template truncates after 70 chars."
	is.Comments = []evidence.Comment{{Author: me, At: days(64),
		Text: "Raising to High as this is a regulatory point (RBI audit observation). Cannot go live with this."}}
}

// A High or Highest issue someone has, that no sprint and no fix version
// plans and nobody has touched for weeks, slips past priority.top-unowned
// (it needs nobody assigned): raised, of its assignee, with the next
// release, when you said it blocks going live, or always at the top
// priority; and above a low-stakes triage.
func TestAHighIssueNobodyTouchedThatBlocksGoLive(t *testing.T) {
	cfg := builtin(t)
	release := func(key string) TeamIssue {
		is := story(key)
		date := now.AddDate(0, 0, 31)
		is.Releases = []Release{{Name: "4.15", Date: &date}}
		return is
	}
	const ifSo = "Ask Rohit Sharma whether it is being fixed for 4.15 (goes live Sat 19 Dec): if so, set the fix version and plan it into a sprint; if not, "
	tests := []struct {
		name    string
		edit    func(*TeamIssue)
		verdict *evidence.Comment // a go/no-go call on the release's other issue
		reason  string            // "" for nothing from the detector
		action  string
	}{
		{name: "High, you said it cannot go live", edit: goLiveBlocker,
			reason: "High priority, assigned to Rohit Sharma, with no fix version, no sprint and no word for 9 weeks; you wrote on 15 Sep: “Raising to High as this is a regulatory point (RBI audit observation). Cannot go live with this.”",
			action: ifSo + "ask whoever signs off 4.15 whether it goes live without it, and record the answer on it"},
		{name: "you make the release's go/no-go calls", edit: goLiveBlocker,
			verdict: &evidence.Comment{Author: me, At: days(10), Text: "*Go/No-Go dry run for 4.15:* {color:red}NO-GO{color}. We will re-assess on 15th."},
			action:  ifSo + "it is your call at 4.15's go/no-go: decide whether it goes live without it, and record the decision on it"},
		{name: "a teammate makes them", edit: goLiveBlocker,
			verdict: &evidence.Comment{Author: tomas, At: days(10), Text: "Go/No-Go for 4.15: GO, pending the DR drill."},
			action:  ifSo + "ask Tomás, who makes 4.15's go/no-go call, whether it goes live without it, and record the answer on it"},
		{name: "a go/no-go only scheduled is no call", edit: goLiveBlocker,
			verdict: &evidence.Comment{Author: tomas, At: days(10), Text: "Go/No-Go scheduled for 20th 4 PM."},
			action:  ifSo + "ask whoever signs off 4.15 whether it goes live without it, and record the answer on it"},
		{name: "else whoever filed it", edit: func(is *TeamIssue) { goLiveBlocker(is); is.Reporter = evidence.User{ID: "meena", DisplayName: "Meena"} },
			action: ifSo + "ask Meena, who filed it, whether they accept the risk of 4.15 going live without it, and record the answer on it"},
		{name: "Highest needs no word of yours", edit: func(is *TeamIssue) { goLiveBlocker(is); is.Priority, is.Comments = "Highest", nil },
			reason: "Highest priority, assigned to Rohit Sharma, with no fix version, no sprint and no word for 9 weeks"},
		// Quiet: no flood.
		{name: "High without your word is the team's call", edit: func(is *TeamIssue) { goLiveBlocker(is); is.Comments = nil }},
		{name: "Medium", edit: func(is *TeamIssue) { goLiveBlocker(is); is.Priority = "Medium" }},
		{name: "it has a fix version", edit: func(is *TeamIssue) { goLiveBlocker(is); is.FixVersions = []string{"4.15"} }},
		{name: "a sprint plans it", edit: func(is *TeamIssue) {
			goLiveBlocker(is)
			is.Sprints, is.SprintState = []string{"OPS Sprint 9"}, "active"
		}},
		{name: "someone wrote on it lately", edit: func(is *TeamIssue) {
			goLiveBlocker(is)
			is.Comments = append(is.Comments, evidence.Comment{Author: tomas, At: days(3), Text: "Fix is in review."})
			is.Updated = days(3)
		}},
		{name: "nobody has it: priority.top-unowned's", edit: func(is *TeamIssue) {
			goLiveBlocker(is)
			is.Priority, is.Assignee = "Highest", evidence.User{}
		}},
		{name: "done", edit: func(is *TeamIssue) { goLiveBlocker(is); is.Status, is.StatusCategory = "Done", "done" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			is := story("CORE-2210")
			is.Project = "CORE"
			tt.edit(&is)
			other := release("CORE-2265")
			other.Project, other.FixVersions = "CORE", []string{"4.15"}
			if tt.verdict != nil {
				other.Comments = []evidence.Comment{*tt.verdict}
			}
			got := detectedBy(t, cfg, []TeamIssue{is, other}, "priority.assigned-stale", tt.reason == "" && tt.action == "")
			if tt.reason == "" && tt.action == "" {
				return
			}
			if len(got) != 1 {
				t.Fatalf("found %+v, want one finding", got)
			}
			if tt.reason != "" && got[0].Reason != tt.reason {
				t.Errorf("reason %q\nwant   %q", got[0].Reason, tt.reason)
			}
			if tt.action != "" && got[0].Action != tt.action {
				t.Errorf("action %q\nwant   %q", got[0].Action, tt.action)
			}
		})
	}
	// It ranks above the triage of a Medium bug nobody set a priority on.
	blocker, triage := story("CORE-2210"), story("CORE-2268")
	goLiveBlocker(&blocker)
	triage.Type, triage.Priority, triage.Created, triage.Sprints, triage.SprintState = "Bug", "", days(20), nil, ""
	ranked := Find(cfg, Team{Site: site, Issues: []TeamIssue{triage, blocker}, Now: now}, nil)
	var order []string
	for _, op := range ranked {
		order = append(order, op.IssueKey+" "+op.Detector)
	}
	if len(order) < 2 || order[0] != "CORE-2210 priority.assigned-stale" {
		t.Errorf("ranked %q, want CORE-2210's first", strings.Join(order, "; "))
	}
}

// A fix for a release is due by its code freeze, as the team's comments on
// the release's tracking issue give it (Kaveri's REL-423: "Code freeze
// for 4.15 is on 1st Dec", then "Revised code freeze is 3rd Dec"): the
// newest word wins, and the action names it beside the go-live. Another
// release's freeze, one passed, a day without its month, a bot's: none.
func TestACodeFreezeIsTheDateAFixForTheReleaseIsDueBy(t *testing.T) {
	cfg := builtin(t)
	const goesLive = "goes live Sat 19 Dec"
	tests := []struct {
		name     string
		comments []evidence.Comment
		named    bool   // the comments are on an issue 4.15 is no fix version of
		freeze   string // "" for none
	}{
		{name: "the freeze given on the tracking issue",
			comments: []evidence.Comment{comment(tomas, days(2), "Code freeze for 4.15 is on 1st Dec. Kindly ensure all stories are merged by 30th EOD.")},
			freeze:   "Tue 1 Dec"},
		{name: "the revision wins, after the old date it quotes", comments: []evidence.Comment{
			comment(me, days(4), "Code freeze for 4.15 is on 1st Dec."),
			comment(me, days(2), "*Status:* {color:red}*AT RISK*{color}\n{quote}Code freeze on 1st Dec{quote}\n3 stories are not yet merged. Revised code freeze is 3rd Dec, go-live on 19th is unchanged as of now."),
		}, freeze: "Thu 3 Dec"},
		{name: "the newest word wins, not the latest date", comments: []evidence.Comment{
			comment(me, days(4), "Code freeze: Dec 3"),
			comment(me, days(2), "Code freeze moves to 30th Nov, the vendor drop is early."),
		}, freeze: "Mon 30 Nov"},
		{name: "a comment elsewhere that names the release", named: true,
			comments: []evidence.Comment{comment(tomas, days(2), "FYI code freeze for 4.15 is on 1st Dec")}, freeze: "Tue 1 Dec"},
		{name: "a comment elsewhere that names no release", named: true,
			comments: []evidence.Comment{comment(tomas, days(2), "Code freeze is on 1st Dec")}},
		{name: "another release's freeze",
			comments: []evidence.Comment{comment(tomas, days(2), "Code freeze for 4.16 is on 1st Dec")}},
		{name: "a freeze passed already",
			comments: []evidence.Comment{comment(tomas, days(20), "Code freeze for 4.15 is on 10th Nov")}},
		{name: "a day without its month",
			comments: []evidence.Comment{comment(tomas, days(2), "Code freeze was on 1st and regression is already 60% done")}},
		{name: "a bot's", comments: []evidence.Comment{comment(bot, days(2), "Code freeze for 4.15 is on 1st Dec")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			is := story("CORE-2210")
			is.Project = "CORE"
			goLiveBlocker(&is)
			tracking := story("REL-423")
			live := now.AddDate(0, 0, 31)
			tracking.Project, tracking.FixVersions, tracking.Releases = "REL", []string{"4.15"}, []Release{{Name: "4.15", Date: &live}}
			tracking.Comments = tt.comments
			other := story("CORE-2265")
			other.Project, other.FixVersions, other.Releases = "CORE", []string{"4.15"}, tracking.Releases
			if tt.named {
				tracking.FixVersions, tracking.Releases = nil, nil
			}
			got := detectedBy(t, cfg, []TeamIssue{is, tracking, other}, "priority.assigned-stale", false)
			if len(got) != 1 {
				t.Fatalf("found %+v, want one finding", got)
			}
			want := "(" + goesLive + ")"
			if tt.freeze != "" {
				want = "(code freeze " + tt.freeze + ", " + goesLive + ")"
			}
			if !strings.Contains(got[0].Action, "being fixed for 4.15 "+want+":") {
				t.Errorf("action %q, want it to say %q", got[0].Action, want)
			}
		})
	}
}

// An issue is weighed by the nearest date it affects: a code freeze in a
// week presses as a release in a week does, and a date passed a month ago
// (the release a duplicate was promised for) presses no more; its age
// weighs its wait.
func TestAnIssueIsWeighedByTheNearestDateItAffects(t *testing.T) {
	cfg := builtin(t)
	is := story("CORE-2264")
	is.Status, is.StatusCategory = "In Progress", "indeterminate"
	live := now.AddDate(0, 0, 25)
	is.FixVersions, is.Releases = []string{"4.15"}, []Release{{Name: "4.15", Date: &live}}
	tracking := story("REL-423")
	tracking.FixVersions, tracking.Releases = is.FixVersions, is.Releases
	op := Opportunity{Detector: "in-progress.stalled", Category: "sprint-planning", IssueID: is.ID, IssueKey: is.Key}
	rank := func(op Opportunity, freeze string) Opportunity {
		tracking.Comments = nil
		if freeze != "" {
			tracking.Comments = []evidence.Comment{comment(me, days(1), freeze)}
		}
		return Rank(cfg, Team{Site: site, Issues: []TeamIssue{is, tracking}, Now: now}, []Opportunity{op}, nil)[0]
	}
	base := rank(op, "")
	frozen := rank(op, "Code freeze for 4.15 is on 23rd Nov")
	if frozen.Score != base.Score+cfg.Ranking.ActiveSprint {
		t.Errorf("with a code freeze in 5 days, score %v, want %v", frozen.Score, base.Score+cfg.Ranking.ActiveSprint)
	}
	if got, want := strings.Join(frozen.Why, "; "), "fix version 4.15 due 13 Dec, code freeze 23 Nov"; !strings.HasPrefix(got, want) {
		t.Errorf("why %q, want it to start %q", got, want)
	}
	for _, tt := range []struct {
		name string
		due  *time.Time
		lift float64
	}{
		{name: "due in 5 days", due: dayAt(-5), lift: cfg.Ranking.ActiveSprint},
		{name: "due 3 days ago", due: dayAt(3), lift: cfg.Ranking.ActiveSprint},
		{name: "due a month ago", due: dayAt(34)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			due := op
			due.Detector, due.Due = "duplicate.done", tt.due
			undated := due
			undated.Due = nil
			if got, want := rank(due, "").Score, rank(undated, "").Score+tt.lift; got != want {
				t.Errorf("score %v, want %v", got, want)
			}
		})
	}
}
