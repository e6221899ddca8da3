package evidence_test

import (
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

func TestBlockedAndDone(t *testing.T) {
	resolved := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name          string
		is            evidence.Issue
		blocked, done bool
	}{
		{"in progress is neither", evidence.Issue{Status: "In Progress", StatusCategory: evidence.StatusInProgress}, false, false},
		{"flagged is blocked", evidence.Issue{Status: "In Progress", Flagged: true}, true, false},
		{"a Blocked status, any case", evidence.Issue{Status: "BLOCKED"}, true, false},
		{"on hold", evidence.Issue{Status: "On Hold"}, true, false},
		{"a blocked label", evidence.Issue{Status: "To Do", Labels: []string{"frontend", "Waiting-For-Info"}}, true, false},
		{"an is-blocked-by link", evidence.Issue{Status: "To Do", Links: []evidence.IssueLink{{Type: "Blocks", Description: "is blocked by", OtherKey: "PAY-1"}}}, true, false},
		{"a blocks link is the other way round", evidence.Issue{Status: "To Do", Links: []evidence.IssueLink{{Type: "Blocks", Description: "blocks", OtherKey: "PAY-1"}}}, false, false},
		{"done by category", evidence.Issue{Status: "Shipped", StatusCategory: evidence.StatusCategoryEnd, Flagged: true}, false, true},
		{"done by resolution", evidence.Issue{Status: "Blocked", Resolved: &resolved}, false, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.is.Blocked(); got != c.blocked {
				t.Errorf("Blocked() = %v, want %v", got, c.blocked)
			}
			if got := c.is.Done(); got != c.done {
				t.Errorf("Done() = %v, want %v", got, c.done)
			}
		})
	}
}

func TestSomeoneElsesAndAutomation(t *testing.T) {
	me := evidence.User{ID: "me", DisplayName: "Sam Rivera"}
	lee := evidence.User{ID: "lee", DisplayName: "Lee Park"}
	bot := evidence.User{ID: "app", DisplayName: "Automation for Jira", AccountType: evidence.AccountTypeApp}
	svc := evidence.User{ID: "JIRAUSER1", Name: "svc-deploy", DisplayName: "Deploy"}
	for _, u := range []evidence.User{bot, svc, {ID: "x", DisplayName: "dependabot[bot]"}} {
		if !u.LooksLikeAutomation() {
			t.Errorf("%+v does not look like automation", u)
		}
	}
	for _, u := range []evidence.User{me, lee, {ID: "y", DisplayName: "Abbot Jones"}} {
		if u.LooksLikeAutomation() {
			t.Errorf("%+v looks like automation", u)
		}
	}
	auto := evidence.User.LooksLikeAutomation
	cases := []struct {
		name string
		is   evidence.Issue
		want bool
	}{
		{"assigned to a teammate", evidence.Issue{Reporter: me, Creator: me, Assignee: lee}, true},
		{"reported by a teammate, unassigned", evidence.Issue{Reporter: lee, Creator: lee}, true},
		{"mine", evidence.Issue{Reporter: me, Creator: me, Assignee: me}, false},
		{"opened by an alert bot, assigned to me", evidence.Issue{Reporter: bot, Creator: bot, Assignee: me}, false},
		{"imported by a bot, reported by me", evidence.Issue{Reporter: me, Creator: bot}, false},
	}
	for _, c := range cases {
		if got := c.is.SomeoneElses(me, auto); got != c.want {
			t.Errorf("%s: SomeoneElses = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestChangesBlock(t *testing.T) {
	cases := []struct {
		name           string
		it             evidence.ChangeItem
		starts, clears bool
	}{
		{"flag set", evidence.ChangeItem{Field: "Flagged", FieldType: "custom", ToString: "Impediment"}, true, false},
		{"flag removed", evidence.ChangeItem{Field: "Flagged", FieldType: "custom", FromString: "Impediment"}, false, true},
		{"into Blocked", evidence.ChangeItem{Field: "status", FieldID: "status", FromString: "In Progress", ToString: "Blocked"}, true, false},
		{"out of On Hold", evidence.ChangeItem{Field: "status", FieldID: "status", FromString: "On Hold", ToString: "In Progress"}, false, true},
		{"from one blocked status to another", evidence.ChangeItem{Field: "status", FromString: "Blocked", ToString: "On Hold"}, true, false},
		{"an ordinary move", evidence.ChangeItem{Field: "status", FromString: "To Do", ToString: "In Progress"}, false, false},
		{"another field", evidence.ChangeItem{Field: "labels", ToString: "blocked"}, false, false},
	}
	for _, c := range cases {
		if starts, clears := c.it.ChangesBlock(); starts != c.starts || clears != c.clears {
			t.Errorf("%s: starts %v clears %v, want %v %v", c.name, starts, clears, c.starts, c.clears)
		}
	}
}

func TestHasSuccessMetric(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"h3. Success metrics\n* checkout conversion back to last quarter's", true},
		{"Goal: faster checkout.\n\nKPIs:\n- conversion", true},
		{"How we'll know: support stops asking.", true},
		{"Cut pages per on-call week from ~40 to under 20.", true},
		{"Webhook tickets down 50% and delivery within 24 hours.", true},
		{"Zero lost confirmations in a month of telemetry.", true},
		{"p95 latency < 300 ms", true},
		{"Goal: make checkout faster. Scope: the cart and the payment page.", false},
		{"Upgrade every cluster to Kubernetes 1.30. ETA 15 Jun, in 2 sprints.", false},
		{"Why now: two of the last 6 incidents came back to this.", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := evidence.HasSuccessMetric(tt.text); got != tt.want {
			t.Errorf("HasSuccessMetric(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestIsIncident(t *testing.T) {
	cases := []struct {
		name, issueType, summary string
		labels                   []string
		want                     bool
	}{
		{"an Incident issue", "Incident", "EU checkout error rate above 10%", nil, true},
		{"a bug whose summary opens with INC", "Bug", "INC: certificate expired on grafana", nil, true},
		{"a SEV2 summary", "Task", "SEV2 - payments latency", nil, true},
		{"a bug labelled incident", "Bug", "Checkout down for EU cards", []string{"customer-impact", "Incident"}, true},
		{"a follow-up filed after an incident", "Task", "Follow-up: alert on pool saturation", []string{"follow-up"}, false},
		{"a postmortem", "Task", "Postmortem: INC checkout failures", nil, false},
		{"a ticket that mentions incidents", "Task", "Delete the alerts nobody acted on", nil, false},
		{"a word that starts with inc", "Story", "Increase the pool size", nil, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := evidence.IsIncident(c.issueType, c.summary, c.labels); got != c.want {
				t.Errorf("IsIncident(%q, %q, %q) = %v, want %v", c.issueType, c.summary, c.labels, got, c.want)
			}
		})
	}
}

func TestSuccessMetricQuotesWhatItsHeadingSays(t *testing.T) {
	for _, tt := range []struct{ name, text, want string }{
		{"a heading and its list", "h3. Goal\nEvery service reads its secrets from Vault.\n\nh3. Success metrics\n* No secret in a repository\n* Any secret rotated in under an hour\n\nh3. Scope\nAll services",
			"* No secret in a repository\n* Any secret rotated in under an hour"},
		{"a label and its line", "*Success metric:* p95 under 300 ms\n*Owner:* Sam", "p95 under 300 ms"},
		{"the next heading ends it", "h3. KPIs\nh3. Scope\nAll services", ""},
		{"exit criteria", "h3. Objective\nEvery release goes live only after a readiness check.\n\nh3. Exit criteria\n* Zero rollbacks for 3 releases\n* Go/No-Go call under 30 minutes",
			"* Zero rollbacks for 3 releases\n* Go/No-Go call under 30 minutes"},
		{"a sentence that opens with a label is no heading", "Metrics dashboards are slow to load.\nCheckout takes 3 seconds.", ""},
		{"a target in passing is no heading", "Bring checkout p95 under 300 ms.", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := evidence.SuccessMetric(tt.text); got != tt.want {
				t.Errorf("SuccessMetric = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDroppedIsClosedWithoutTheWork(t *testing.T) {
	resolved := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		resolution, status string
		want               bool
	}{
		{"Done", "Done", false},
		{"Fixed", "Closed", false},
		{"Won't Do", "Done", true},
		{"Won’t Fix", "Closed", true},
		{"Cancelled", "Done", true},
		{"Duplicate", "Closed", true},
		{"Done", "Canceled", true},
		{"Obsolete", "Resolved", true},
		{"", "Declined", true},
	} {
		is := evidence.Issue{Resolution: tt.resolution, Status: tt.status, StatusCategory: evidence.StatusCategoryEnd, Resolved: &resolved}
		if got := is.Dropped(); got != tt.want {
			t.Errorf("%s/%s: Dropped() = %v, want %v", tt.resolution, tt.status, got, tt.want)
		}
	}
	if open := (evidence.Issue{Status: "Cancelled"}); open.Dropped() {
		t.Error("an open issue is dropped")
	}
}
