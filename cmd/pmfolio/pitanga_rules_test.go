package main

import (
	"strings"
	"testing"

	"github.com/pmfolio/pmfolio/evidence"
)

// Ana ran a production crash on a Bug support filed (MOB-888): she paused
// the rollout and said how many it hit, promised support her next note by
// the clock, said when it was over and how many it hit, wrote up what
// happened and why (MOB-889) and filed the follow-ups "From the … crash on
// 30/07" (MOB-890, PLAT-1532). None of it says "incident" or "postmortem";
// all of it is incident coordination. She also sent a colleague's story
// back with a reason (acceptance testing) and answered what the app should
// do for a user who chose "don't substitute" (unblocking). And the link she
// made the wrong way round and put right a minute later is one link.
func TestMobileEngineerOnCloudRanAnIncidentOnABug(t *testing.T) {
	t.Parallel()
	view := viewPitanga(t)
	claimed := func(key, category, words string) bool {
		for _, ev := range view.evidence {
			if ev.IssueKey == key && ev.Category == category && strings.Contains(ev.Excerpt, words) {
				return true
			}
		}
		return false
	}
	for _, want := range []struct{ key, category, words string }{
		{"MOB-888", evidence.CatIncidentCoord, "I paused the staged rollout of 5.2.0"},
		{"MOB-888", evidence.CatIncidentCoord, "I'll write here again at 17h"},
		{"MOB-888", evidence.CatIncidentCoord, "~3,100 users hit it"},
		{"MOB-889", evidence.CatIncidentCoord, "5.2.0 crashed on Android"},
		{"MOB-890", evidence.CatIncidentCoord, "From the 30/07 crash."},
		{"PLAT-1532", evidence.CatIncidentCoord, "From the mobile crash on 30/07"},
		{"MOB-895", evidence.CatAcceptanceTesting, "moving back, the coupon disappears"},
		{"MOB-892", evidence.CatUnblocking, "respect what they chose last time"},
	} {
		if !claimed(want.key, want.category, want.words) {
			t.Errorf("%s: no %s evidence reads %q", want.key, want.category, want.words)
		}
	}
	// The write-up and the follow-ups are incident work, not also stories.
	for _, ev := range view.evidence {
		if ev.Category == evidence.CatStoryWriting && (ev.IssueKey == "MOB-889" || ev.IssueKey == "MOB-890" || ev.IssueKey == "PLAT-1532") {
			t.Errorf("%s is claimed as story writing besides incident coordination: %q", ev.IssueKey, ev.Excerpt)
		}
	}
	// Her code review, own-ticket notes and ordinary bug fixes stay unclaimed.
	for _, ev := range view.evidence {
		if ev.Category != evidence.CatIncidentCoord {
			continue
		}
		switch ev.IssueKey {
		case "MOB-888", "MOB-889", "MOB-890", "PLAT-1532":
		default:
			t.Errorf("%s is claimed as incident coordination: %q", ev.IssueKey, ev.Excerpt)
		}
	}
	var links []string
	for _, ev := range view.evidence {
		if ev.IssueKey == "MOB-882" && ev.Category == evidence.CatCrossTeam {
			links = append(links, ev.Excerpt)
		}
	}
	if len(links) != 1 || links[0] != "Linked: is blocked by PLAT-1531" {
		t.Errorf("MOB-882's cross-team evidence = %q, want only the link she kept, \"Linked: is blocked by PLAT-1531\"", links)
	}
}

// Ana's progress notes on her two epics (MOB-881, MOB-931) say where the
// parts stand and what comes next without "progress" or "remaining", and
// her result on MOB-881 measures the crash rate against June's: progress
// notes are stakeholder communication, the measured result is epic
// ownership and, thanked to everyone, stakeholder communication too. Her
// own tickets' notes ("released in 5.2, storage complaints gone from
// reviews") are neither.
func TestMobileEngineerOnCloudToldHerEpicsProgressAndResult(t *testing.T) {
	t.Parallel()
	view := viewPitanga(t)
	claimed := func(key, category, rule, words string) bool {
		for _, ev := range view.evidence {
			if ev.IssueKey == key && ev.Category == category && ev.Rule == rule && strings.Contains(ev.Excerpt, words) {
				return true
			}
		}
		return false
	}
	for _, want := range []struct{ key, category, rule, words string }{
		{"MOB-881", evidence.CatStakeholderComms, "comment.epic-state", "where we are: cart restore is done"},
		{"MOB-881", evidence.CatStakeholderComms, "comment.epic-state", "5.3 has the SDK v4 and the Pix kill switch"},
		{"MOB-931", evidence.CatStakeholderComms, "comment.epic-state", "provider contract signed"},
		{"MOB-881", evidence.CatStakeholderComms, "comment.epic-result-update", "(was 97.9% when we started in June)"},
		{"MOB-881", evidence.CatEpicOwnership, "comment.epic-result", "(was 97.9% when we started in June)"},
	} {
		if !claimed(want.key, want.category, want.rule, want.words) {
			t.Errorf("%s: no %s evidence of %s reads %q", want.key, want.category, want.rule, want.words)
		}
	}
	for _, ev := range view.evidence {
		switch ev.Rule {
		case "comment.epic-state", "comment.epic-result-update", "comment.epic-result":
			if ev.IssueKey != "MOB-881" && ev.IssueKey != "MOB-931" {
				t.Errorf("%s is claimed by %s: %q", ev.IssueKey, ev.Rule, ev.Excerpt)
			}
		}
	}
}
