package rules

import (
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

func TestFieldChangedBy(t *testing.T) {
	tests := []struct {
		name string
		f    field
		it   evidence.ChangeItem
		want bool
	}{
		{"system field by id on Cloud", fieldPriority, evidence.ChangeItem{Field: "priority", FieldID: "priority", FieldType: "jira"}, true},
		{"system field by name on old Server", fieldPriority, evidence.ChangeItem{Field: "priority", FieldType: "jira"}, true},
		{"system field name is case-insensitive", fieldFixVersion, evidence.ChangeItem{Field: "fix version", FieldType: "jira"}, true},
		{"another system field with a similar name is not it", fieldFixVersion, evidence.ChangeItem{Field: "Version", FieldID: "versions", FieldType: "jira"}, false},
		{"system id decides over the name", fieldStatus, evidence.ChangeItem{Field: "status", FieldID: "resolution", FieldType: "jira"}, false},
		{"story points under any custom field id", fieldStoryPoints, evidence.ChangeItem{Field: "Story Points", FieldID: "customfield_10002", FieldType: "custom"}, true},
		{"story point estimate of team-managed projects", fieldStoryPoints, evidence.ChangeItem{Field: "Story point estimate", FieldID: "customfield_10016", FieldType: "custom"}, true},
		{"sprint under another custom field id", fieldSprint, evidence.ChangeItem{Field: "Sprint", FieldID: "customfield_10104", FieldType: "custom"}, true},
		{"epic link is a parent change", fieldParent, evidence.ChangeItem{Field: "Epic Link", FieldID: "customfield_10014", FieldType: "custom"}, true},
		{"parent system field is a parent change", fieldParent, evidence.ChangeItem{Field: "Parent", FieldID: "parent", FieldType: "jira"}, true},
		{"IssueParentAssociation is a parent change", fieldParent, evidence.ChangeItem{Field: "IssueParentAssociation", FieldType: "jira"}, true},
		{"flagged by name", fieldFlagged, evidence.ChangeItem{Field: "Flagged", FieldID: "customfield_10021", FieldType: "custom"}, true},
		{"rank by name", fieldRank, evidence.ChangeItem{Field: "Rank", FieldID: "customfield_10019", FieldType: "custom"}, true},
		{"link by name", fieldLink, evidence.ChangeItem{Field: "Link", FieldType: "jira"}, true},
		{"other custom field is not sprint", fieldSprint, evidence.ChangeItem{Field: "Team", FieldID: "customfield_10001", FieldType: "custom"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.f.changedBy(tt.it); got != tt.want {
				t.Errorf("%s.changedBy(%+v) = %v, want %v", tt.f.label, tt.it, got, tt.want)
			}
		})
	}
}

func TestFieldDescribe(t *testing.T) {
	tests := []struct {
		name string
		f    field
		it   evidence.ChangeItem
		want string
		rest []evidence.ChangeItem // the history's other items
	}{
		{"system field gets its label", fieldPriority, sysItem("priority", "Medium", "High"), "Priority: Medium → High", nil},
		{"custom field keeps the site's name", fieldStoryPoints, customItem("Story Points", "customfield_10002", "3", "5"), "Story Points: 3 → 5", nil},
		{"empty value is (none)", fieldSprint, customItem("Sprint", "customfield_10020", "", "OPS Sprint 14"), "Sprint: (none) → OPS Sprint 14", nil},
		{"raw value when there is no display value", fieldParent, evidence.ChangeItem{Field: "Parent", FieldID: "parent", FieldType: "jira", To: "OPS-7"}, "Parent: (none) → OPS-7", nil},
		{"time is shown in hours and minutes", fieldOriginalEstimate, sysItem("timeoriginalestimate", "3600", "28800"), "Original Estimate: 1h → 8h", nil},
		{"rank has only a new value", fieldRank, evidence.ChangeItem{Field: "Rank", FieldType: "custom", ToString: "Ranked lower"}, "Rank: Ranked lower", nil},
		{"long values are shortened", fieldSummary, sysItem("summary", "Cart", "Keep the cart of returning shoppers for seven days after their last visit, across devices"), "Summary: Cart → Keep the cart of returning shoppers for seven days after…", nil},
		{"a release moved is one change, not a removal", fieldFixVersion, evidence.ChangeItem{Field: "Fix Version", FieldID: "fixVersions", FieldType: "jira", From: "10090", FromString: "4.13"},
			"Fix Version: 4.13 → 4.14", []evidence.ChangeItem{{Field: "Fix Version", FieldID: "fixVersions", FieldType: "jira", To: "10100", ToString: "4.14"}}},
		{"a sprint moved is one change", fieldSprint, customItem("Sprint", "customfield_10020", "OPS Sprint 13", ""),
			"Sprint: OPS Sprint 13 → OPS Sprint 14", []evidence.ChangeItem{customItem("Sprint", "customfield_10020", "", "OPS Sprint 14")}},
		{"labels added and removed together", fieldLabels, sysItem("labels", "", "uat"),
			"Labels: release-blocker → uat, sit", []evidence.ChangeItem{sysItem("labels", "", "sit"), sysItem("labels", "release-blocker", "")}},
		{"a link added reads as Jira's issue page words it", fieldLink, evidence.ChangeItem{Field: "Link", FieldType: "jira", To: "PAY-821", ToString: "This issue is blocked by PAY-821"},
			"Linked: is blocked by PAY-821", nil},
		{"a link removed", fieldLink, evidence.ChangeItem{Field: "Link", FieldType: "jira", From: "PAY-821", FromString: "This issue is blocked by PAY-821"},
			"Unlinked: is blocked by PAY-821", nil},
		{"links added and removed in one history", fieldLink, evidence.ChangeItem{Field: "Link", FieldType: "jira", To: "OPS-2", ToString: "This issue relates to OPS-2"},
			"Linked: relates to OPS-2, blocks OPS-9; Unlinked: is blocked by OPS-1", []evidence.ChangeItem{
				{Field: "Link", FieldType: "jira", To: "OPS-9", ToString: "This issue blocks OPS-9"},
				{Field: "Link", FieldType: "jira", From: "OPS-1", FromString: "This issue is blocked by OPS-1"}}},
		{"a link with no words keeps its key", fieldLink, evidence.ChangeItem{Field: "Link", FieldType: "jira", To: "PAY-821"}, "Linked: PAY-821", nil},
		{"other fields of the history are not mixed in", fieldFixVersion, evidence.ChangeItem{Field: "Fix Version", FieldID: "fixVersions", FieldType: "jira", From: "10090", FromString: "4.13"},
			"Fix Version: 4.13 → (none)", []evidence.ChangeItem{sysItem("components", "", "Payments"), sysItem("priority", "Medium", "High")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.f.describe(tt.it, append([]evidence.ChangeItem{tt.it}, tt.rest...)); got != tt.want {
				t.Errorf("describe = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFormatSeconds(t *testing.T) {
	for secs, want := range map[int]string{0: "0m", 900: "15m", 3600: "1h", 5400: "1h 30m", 86400: "24h"} {
		if got := formatSeconds(secs); got != want {
			t.Errorf("formatSeconds(%d) = %q, want %q", secs, got, want)
		}
	}
}

func TestChangedRegion(t *testing.T) {
	tests := []struct {
		name, before, after, want string
	}{
		{"typo fix is one word", "Keep teh cart.", "Keep the cart.", "the"},
		{"appended text", "Save the cart.", "Save the cart. Keep it a week.", "Keep it a week."},
		{"appended words do not take the word before", "Dark mode colours", "Dark mode colours (iOS app)", "(iOS app)"},
		{"a word rewritten at the end is whole", "Keep it a week", "Keep it a weekend", "weekend"},
		{"inserted and rewritten words", "Keep the cart.", "Keep the whole cart today.", "whole cart today."},
		{"deletion adds nothing", "Keep the whole cart.", "Keep the cart.", ""},
		{"new text from nothing", "", "Brand new", "Brand new"},
		{"unchanged", "same", "same", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := changedRegion(tt.before, tt.after); got != tt.want {
				t.Errorf("changedRegion(%q, %q) = %q, want %q", tt.before, tt.after, got, tt.want)
			}
		})
	}
}

func TestProjectOfKey(t *testing.T) {
	for key, want := range map[string]string{"PAY-12": "PAY", "MY_PROJ-7": "MY_PROJ", "A1-B2-3": "A1-B2", "PAY": "", "PAY-": "", "-12": "", "PAY-x1": ""} {
		if got := evidence.ProjectOfKey(key); got != want {
			t.Errorf("evidence.ProjectOfKey(%q) = %q, want %q", key, got, want)
		}
	}
}

func TestIssueGuards(t *testing.T) {
	me, lee := evidence.User{ID: "me"}, evidence.User{ID: "lee"}
	tests := []struct {
		name                                             string
		is                                               evidence.Issue
		someoneElses, createdByOther, notMine, ownsIssue bool
	}{
		{"own ticket", evidence.Issue{Reporter: me, Creator: me, Assignee: me}, false, false, false, true},
		{"written by me, built by Lee", evidence.Issue{Reporter: me, Creator: me, Assignee: lee}, true, false, true, true},
		{"written by Lee, assigned to me", evidence.Issue{Reporter: lee, Creator: lee, Assignee: me}, true, true, false, true},
		{"Lee's unassigned backlog item", evidence.Issue{Reporter: lee, Creator: lee}, true, true, true, false},
		{"reported by me, created by a bot", evidence.Issue{Reporter: me, Creator: evidence.User{ID: "bot"}}, false, false, true, true},
		{"no people known", evidence.Issue{}, false, false, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &subject{a: evidence.Activity{}, is: tt.is, me: me}
			if got := someoneElses(s); got != tt.someoneElses {
				t.Errorf("someoneElses = %v, want %v", got, tt.someoneElses)
			}
			if got := createdByOther(s); got != tt.createdByOther {
				t.Errorf("createdByOther = %v, want %v", got, tt.createdByOther)
			}
			if got := notAssignedToMe(s); got != tt.notMine {
				t.Errorf("notAssignedToMe = %v, want %v", got, tt.notMine)
			}
			if got := ownsIssue(s); got != tt.ownsIssue {
				t.Errorf("ownsIssue = %v, want %v", got, tt.ownsIssue)
			}
		})
	}
}

func TestItemChecks(t *testing.T) {
	s := &subject{a: evidence.Activity{}, is: evidence.Issue{Key: "OPS-1", Project: "OPS"}}
	tests := []struct {
		name  string
		check itemCheck
		it    evidence.ChangeItem
		want  bool
	}{
		{"to value matches case-insensitively", toValue("Done"), sysItem("status", "In Review", "DONE"), true},
		{"to value differs", toValue("Done"), sysItem("status", "To Do", "In Progress"), false},
		{"from value matches", fromValue("Blocked", "On Hold"), sysItem("status", "On Hold", "To Do"), true},
		{"not to value", notToValue("Done"), sysItem("status", "Blocked", "Done"), false},
		{"cleared flag", cleared, evidence.ChangeItem{From: "[10019]", FromString: "Impediment"}, true},
		{"set flag is not cleared", cleared, evidence.ChangeItem{To: "[10019]", ToString: "Impediment"}, false},
		{"split link added", linkAdded("split to"), linkItem("", "", "OPS-9", "This issue split to OPS-9"), true},
		{"relates link is not a split", linkAdded("split to"), linkItem("", "", "OPS-9", "This issue relates to OPS-9"), false},
		{"blocker link removed", linkRemoved("is blocked by"), linkItem("OPS-9", "This issue is blocked by OPS-9", "", ""), true},
		{"blocks link removed is not a blocker removed", linkRemoved("is blocked by"), linkItem("OPS-9", "This issue blocks OPS-9", "", ""), false},
		{"link to another project", linkToOtherProject, linkItem("", "", "PAY-7", "This issue relates to PAY-7"), true},
		{"link in the same project", linkToOtherProject, linkItem("", "", "OPS-7", "This issue relates to OPS-7"), false},
		{"removed link is not a new one", linkToOtherProject, linkItem("PAY-7", "This issue relates to PAY-7", "", ""), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.check(s, tt.it); got != tt.want {
				t.Errorf("check(%+v) = %v, want %v", tt.it, got, tt.want)
			}
		})
	}
}

func TestEditedText(t *testing.T) {
	acAdded := mustPattern(`\bacceptance criteria\b`)
	tests := []struct {
		name          string
		p             *textPattern
		before, after string
		want          string // "" when it does not match
	}{
		{"typo fix is not an edit", nil, "Keep teh cart.", "Keep the cart.", ""},
		{"added sentence is an edit", nil, "Cart.", "Cart. Keep it for a week.", "Description edited: Keep it for a week."},
		{"deleted text is not an edit", nil, "Cart. Keep it for a week.", "Cart.", ""},
		{"added criteria match their pattern", acAdded, "Cart.", "Cart.\nh3. Acceptance criteria\n* kept 7 days", "Description edited: Acceptance criteria: kept 7 days."},
		{"a mention in the added text stays a mention for the store to name", nil, "Cart.", "Cart. [~accountid:557058:aaaa] signs off the copy.",
			"Description edited: [~557058:aaaa] signs off the copy."},
		{"criteria already there are not added", acAdded, "Cart.\nh3. Acceptance criteria\n* kept 7 days", "Cart.\nh3. Acceptance criteria\n* kept 7 days\n* survives logout", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &subject{a: evidence.Activity{Items: []evidence.ChangeItem{sysItem("description", tt.before, tt.after)}}}
			got, ok := editedText([]field{fieldDescription, fieldSummary}, tt.p, 3)(s)
			if ok != (tt.want != "") || got != tt.want {
				t.Errorf("editedText = %q, %v; want %q", got, ok, tt.want)
			}
		})
	}
}

func TestWithoutAndNoChangeOf(t *testing.T) {
	drag := &subject{a: evidence.Activity{Items: []evidence.ChangeItem{sysItem("status", "To Do", "In Progress"), {Field: "Rank", FieldType: "custom"}}}}
	if without(fieldStatus)(drag) {
		t.Error("without(status) holds for a history that changes status")
	}
	if !without(fieldSprint)(drag) {
		t.Error("without(sprint) fails for a history that leaves sprint alone")
	}
	dupe := &subject{a: evidence.Activity{Items: []evidence.ChangeItem{sysItem("resolution", "", "Duplicate")}}}
	if noChangeOf(fieldResolution, toValue("Done"))(dupe) {
		t.Error("noChangeOf(resolution to Done) holds for a Duplicate resolution")
	}
	if !noChangeOf(fieldResolution, toValue("Done"))(drag) {
		t.Error("noChangeOf(resolution) fails for a history without resolution")
	}
}

func TestResolvedWithin(t *testing.T) {
	resolved := time.Date(2026, 3, 4, 15, 12, 0, 0, time.UTC)
	is := evidence.Issue{Resolution: "Won't Do", Resolved: &resolved}
	g := resolvedWithin(time.Minute, "Won't Do")
	for _, tt := range []struct {
		at   time.Time
		want bool
	}{
		{resolved.Add(20 * time.Second), true},
		{resolved.Add(-30 * time.Second), true},
		{resolved.Add(2 * time.Hour), false},
	} {
		if got := g(&subject{a: evidence.Activity{At: tt.at}, is: is}); got != tt.want {
			t.Errorf("resolvedWithin at %v = %v, want %v", tt.at, got, tt.want)
		}
	}
	if g(&subject{a: evidence.Activity{At: resolved}, is: evidence.Issue{Resolution: "Done", Resolved: &resolved}}) {
		t.Error("resolvedWithin holds for another resolution")
	}
}

func TestNamesOtherTeam(t *testing.T) {
	tests := []struct {
		sentence string
		want     bool
	}{
		{"Handing this off to the payments team.", true},
		{"Can the Platform team take this?", true},
		{"Another team owns the queue.", true},
		{"Both teams agreed.", true},
		{"Handing this over to our team's on-call.", false},
		{"The team will pick it up.", false},
		{"My teammate will pick it up.", false},
		{"No team mentioned here.", false},
	}
	for _, tt := range tests {
		if got := namesOtherTeam(tt.sentence); got != tt.want {
			t.Errorf("namesOtherTeam(%q) = %v, want %v", tt.sentence, got, tt.want)
		}
	}
}

func TestHasWord(t *testing.T) {
	words := []string{"you", "you're", "over-committed"}
	for sentence, want := range map[string]bool{
		"You can proceed.":                  true,
		"you're unblocked":                  true,
		"YOU'RE good to go":                 true,
		"we over-committed again":           true,
		"Your access is sorted.":            false, // "your" is not "you"
		"Thank-you notes":                   false, // part of a longer word
		"yours truly":                       false,
		"Nothing here":                      false,
		"":                                  false,
		"ends with you":                     true,
		"(you)":                             true,
		"quoted 'you' still counts as word": true,
	} {
		if got := hasWord(sentence, words); got != want {
			t.Errorf("hasWord(%q) = %v, want %v", sentence, got, want)
		}
	}
}

func TestSentenceFilters(t *testing.T) {
	tests := []struct {
		name     string
		filter   func(string) bool
		sentence string
		want     bool
	}{
		{"unblocking about code counts when it speaks to the person", unblockSentence, "Payments merged the change, you can continue.", true},
		{"unblocking about code counts when it mentions the person", unblockSentence, "@user merged the fix in PR #3, carry on.", true},
		{"merged alone is code talk", unblockSentence, "Merged the change.", false},
		{"unblocking yourself is not unblocking", unblockSentence, "Unblocked myself by mocking the API.", false},
		{"a negated clearance is not unblocking", unblockSentence, "@user that doesn't unblock you yet.", false},
		{"no need to wait is not a negated clearance", unblockSentence, "@user no need to wait, access is sorted.", true},
		{"checking criteria is not writing them", notVerification, "Checked against the acceptance criteria: 1 ok 2 ok.", false},
		{"writing criteria", notVerification, "Proposed acceptance criteria: the cart survives logout.", true},
		{"the board moving issues is not planning", sprintSentence, "Carried over automatically to the next sprint.", false},
		{"carrying over is planning", sprintSentence, "Carrying this over to the next sprint.", true},
		{"a hedge is not a decision", ownDecision, "Going with the defaults for now, maybe not later.", false},
		{"a priority queue is code", notRunPriority, "SMS messages go by priority queue, reminders have lower priority than the cancellation confirmations.", false},
		{"log levels are code", notRunPriority, "Deprioritised the checksum debug lines to TRACE.", false},
		{"backlog priority", notRunPriority, "This is more important than the search work: billing waits on it.", true},
		{"an ETA the product computes is no status", notDevNotice, "ETA error at tram stops down from 9 to 4 min in shadow.", false},
		{"a notice to developers is no stakeholder update", notDevNotice, "heads up devs: the llm_logs table gets a TTL index tonight.", false},
		{"an HTTP status is no status update", notDevNotice, "Status: 502 from the gateway on POST /v3/orders.", false},
		{"an ETA for people", notDevNotice, "ETA for the refund fix is Thursday, support can tell customers.", true},
		{"a dependency's release notes plan nothing", notDependencyRelease, "pgx 5.5 -> 5.6, release notes say nothing breaking.", false},
		{"a bumped library plans nothing", notDependencyRelease, "Bumped pgx 5.5 -> 5.6 in go.mod.", false},
		{"a go/no-go check in a script plans nothing", notDependencyRelease, "The go/no-go check in the deploy script now waits for the canary.", false},
		{"moving an issue to a later version is planning", notDependencyRelease, "Bumped this to 4.3, the export isn't ready.", true},
		{"release notes for people", notDependencyRelease, "Release note line for the changelog: referral links show your reward.", true},
		{"a release cut-off", notDependencyRelease, "Cut-off for 4.2 is Friday, the export moves to 4.3.", true},
		{"a decision", ownDecision, "We are going with Stripe, not Adyen.", true},
		{"a decision the writer took part in, with others", ownDecision, "Marketing and I decided: campaign email on the 14th.", true},
		{"we have now agreed", ownDecision, "We have now agreed to ship without the CSV export.", true},
		{"someone else's decision, by name", ownDecision, "Hamid decided: no fee for pros, the customer pays.", false},
		{"someone else's decision, past their title", ownDecision, "Ahmed (billing PO) decided: yes, a separate line.", false},
		{"a decision passed on", ownDecision, "FYI per Deirdre the Welsh journey is descoped from phase 1.", false},
		{"a no-go someone else called", ownDecision, "No-go for the 4.12 release from CAB: the change window clashes.", false},
		{"a no-go passed on from a mention", ownDecision, "Go/No-Go for 4.12: NO-GO per @user, a sev-1 is open.", false},
		{"a no-go of the writer's own side", ownDecision, "No-go for v3.2 from my side until the dry run passes.", true},
		{"a decision passed on, lowercase", ownDecision, "per raj we're going with the deliverect integration, not our own.", false},
		{"the writer's own meeting is no relay", ownDecision, "As per our meeting with the directors, we agreed to make it a skill.", true},
		{"a decision tree decides nothing", ownDecision, "decision tree baseline: 71% agreement, keeping it as a fallback.", false},
		{"leadership descoped it", ownDecision, "Leadership descoped the upsell from the seat map work.", false},
		{"descoped, by the writer", ownDecision, "Vehicle and package detection descoped from June.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.filter(tt.sentence); got != tt.want {
				t.Errorf("filter(%q) = %v, want %v", tt.sentence, got, tt.want)
			}
		})
	}
}

func TestNotCodeTalk(t *testing.T) {
	if allocs := testing.AllocsPerRun(100, func() { notCodeTalk("Out of scope for this pull request, see the code review.") }); allocs != 0 {
		t.Errorf("notCodeTalk allocated %v times, want 0", allocs)
	}
	for sentence, want := range map[string]bool{
		"Out of scope for this PR.":               false,
		"Fixed in #123, see the diff.":            false,
		"We rebased and merged it.":               false,
		"Out of scope for v1, agreed with legal.": true,
		"The release branch is cut on Friday.":    true,
		"Sent for code review yesterday.":         false,
		"Refactoring the cart module first.":      false,
		"Pull requests are welcome.":              false,
		"The code is reviewed by legal.":          true,
		"The merger plan is ready.":               true,
		"Committed the fix to main.":              false,
		"See the last commit on the branch.":      false,
		"We commit to two items this sprint.":     true,
		"The team committed to 30 points.":        true,
		"We over-committed, moving this out.":     true,
	} {
		if got := notCodeTalk(sentence); got != want {
			t.Errorf("notCodeTalk(%q) = %v, want %v", sentence, got, want)
		}
	}
}
