package evidence_test

import (
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

func TestRecordedOutcome(t *testing.T) {
	t0 := time.Date(2026, 6, 1, 10, 0, 0, 0, time.UTC)
	resolved := t0.Add(time.Hour)
	c := func(id string, at time.Time, text string) evidence.Comment {
		return evidence.Comment{ID: id, At: at, Text: text}
	}
	tests := []struct {
		name     string
		comments []evidence.Comment
		done     bool
		resolved *time.Time
		want     string
		fromID   string
	}{
		{"an Outcome: line in any comment, from the marker on",
			[]evidence.Comment{c("1", t0, "Closing. Outcome: p99 down to 250 ms."), c("2", resolved, "thanks all")}, false, nil,
			"p99 down to 250 ms.", "1"},
		{"Result: counts too, newest first",
			[]evidence.Comment{c("1", t0, "Result: old"), c("2", resolved, "Result: new")}, false, nil,
			"new", "2"},
		{"Impact: is an epic's result",
			[]evidence.Comment{c("1", t0, "Impact: support tickets about refunds down by a third.")}, true, &resolved,
			"support tickets about refunds down by a third.", "1"},
		{"a closing comment with a number on a done epic",
			[]evidence.Comment{c("1", t0, "Update: 3 of 5 done"), c("2", resolved, "Closing the epic: pages/week down 52%.")}, true, &resolved,
			"Closing the epic: pages/week down 52%.", "2"},
		{"a closing comment without a number is not an outcome",
			[]evidence.Comment{c("1", t0, "Update: 3 of 5 done"), c("2", resolved, "Done, closing.")}, true, &resolved,
			"", ""},
		{"a comment from months before the epic closed is not its closing comment",
			[]evidence.Comment{c("1", t0.AddDate(0, -4, 0), "Dashboards show 3 of 8 services; the rest by June.")}, true, &resolved,
			"", ""},
		{"a pull request's or an issue's number measures nothing",
			[]evidence.Comment{c("1", resolved, "Reviewed PR #487 and PAY-3438: LGTM, closing.")}, true, &resolved,
			"", ""},
		{"a decision posted minutes before the closing comment is not the outcome",
			[]evidence.Comment{
				c("1", resolved.Add(-8*time.Minute), "Decision: saturation alerts page at 95%, not 80%."),
				c("2", resolved.Add(-time.Minute), "Closing the epic: everything in scope has shipped.")}, true, &resolved,
			"", ""},
		{"the last comment before the resolution closes it",
			[]evidence.Comment{
				c("1", resolved.Add(-8*time.Minute), "Update: 3 of 5 done"),
				c("2", resolved.Add(-time.Minute), "Closing the epic: pages/week down 52%."),
				c("3", resolved.Add(time.Hour), "Thanks all, 2 beers on me.")}, true, &resolved,
			"Closing the epic: pages/week down 52%.", "2"},
		{"the first comment after the resolution closes it",
			[]evidence.Comment{c("1", t0, "Update: 3 of 5 done"), c("2", resolved.Add(2*time.Hour), "Closed: 8 of 8 services have SLOs, see OPS-12.")}, true, &resolved,
			"Closed: 8 of 8 services have SLOs, see OPS-12.", "2"},
		{"without a resolution date, the last comment closes it",
			[]evidence.Comment{c("1", t0, "Update: 3 of 5 done"), c("2", resolved, "All 5 teams migrated, closing.")}, true, nil,
			"All 5 teams migrated, closing.", "2"},
		{"an open epic's last update is not an outcome",
			[]evidence.Comment{c("1", t0, "Update: 3 of 5 done")}, false, nil,
			"", ""},
		{"'resultat:' inside a word is not a marker",
			[]evidence.Comment{c("1", t0, "noresult: x")}, false, nil,
			"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			from, got, ok := evidence.RecordedOutcome(tt.comments, tt.done, tt.resolved)
			if ok != (tt.want != "") || got != tt.want || from.ID != tt.fromID {
				t.Errorf("RecordedOutcome = %q from comment %q, %v; want %q from comment %q", got, from.ID, ok, tt.want, tt.fromID)
			}
		})
	}
}

// "Impact:" reports a result only where it means what the work achieved.
func TestMarkedOutcome(t *testing.T) {
	for _, tt := range []struct {
		text       string
		withImpact bool
		want       string
	}{
		{"Outcome: refunds in a day", false, "refunds in a day"},
		{"Results: 3 of 3 regions", false, "3 of 3 regions"},
		{"Impact: ~13% of requests failing", false, ""},
		{"Impact: pages down 40%", true, "pages down 40%"},
		{"Result:   ", true, ""},
		{"noresult: x", true, ""},
	} {
		if got, ok := evidence.MarkedOutcome(tt.text, tt.withImpact); got != tt.want || ok != (tt.want != "") {
			t.Errorf("MarkedOutcome(%q, %v) = %q, %v; want %q", tt.text, tt.withImpact, got, ok, tt.want)
		}
	}
}

// An incident's end is reported a while before the status is clicked:
// the comment that says how it ended is the newest of the hour before the
// resolution that says so with a number.
func TestClosingReport(t *testing.T) {
	resolved := time.Date(2026, 8, 12, 15, 0, 0, 0, time.UTC)
	c := func(id string, before time.Duration, text string) evidence.Comment {
		return evidence.Comment{ID: id, At: resolved.Add(-before), Text: text}
	}
	const ended = "rollback done at 14:38, error rate back to baseline. about 1,800 card orders failed between 13:55 and 14:38."
	tests := []struct {
		name     string
		comments []evidence.Comment
		resolved *time.Time
		wantID   string
	}{
		{"the end reported 16 minutes before the resolution",
			[]evidence.Comment{c("1", 54*time.Minute, "looking. started right after PAY 4.13.0 went out at 13:50"), c("2", 16*time.Minute, ended)}, &resolved, "2"},
		{"a note after it does not hide it",
			[]evidence.Comment{c("1", 16*time.Minute, ended), c("2", 5*time.Minute, "I'll write up what happened tomorrow")}, &resolved, "1"},
		{"the summary posted just after the resolution",
			[]evidence.Comment{c("1", -3*time.Minute, "All clear: 0 errors since 14:38, 1,800 orders failed in all.")}, &resolved, "1"},
		{"the summary posted 24 minutes after someone else resolved it",
			[]evidence.Comment{c("1", -24*time.Minute, "Resolved at 01:14 UTC, 61 minutes after the first errors. Customer impact: 131 merchants.")}, &resolved, "1"},
		{"a report from more than an hour after is a retrospective, not how it ended",
			[]evidence.Comment{c("1", -2*time.Hour, "Resolved at 01:14 UTC, 61 minutes after the first errors. Customer impact: 131 merchants.")}, &resolved, ""},
		{"an update from more than an hour before says how it ran, not how it ended",
			[]evidence.Comment{c("1", 3*time.Hour, "Mitigated at 12:10: error rate at 0.2%.")}, &resolved, ""},
		{"an update in the hour before that says it is not over",
			[]evidence.Comment{c("1", 20*time.Minute, "Update: not resolved yet, errors at 12%, next update 15:30.")}, &resolved, ""},
		{"an end without a number says it ended, not what it cost or changed",
			[]evidence.Comment{c("1", 10*time.Minute, "All clear, closing.")}, &resolved, ""},
		{"without a resolution date, the last comment",
			[]evidence.Comment{c("1", 16*time.Minute, ended), c("2", 5*time.Minute, "thanks all")}, nil, ""},
		{"without a resolution date, the last comment if it reports the end",
			[]evidence.Comment{c("1", 16*time.Minute, "Update: errors at 12%"), c("2", 5*time.Minute, ended)}, nil, "2"},
		{"no comments", nil, &resolved, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := evidence.ClosingReport(tt.comments, tt.resolved)
			if ok != (tt.wantID != "") || got.ID != tt.wantID {
				t.Errorf("ClosingReport = comment %q, %v; want %q", got.ID, ok, tt.wantID)
			}
		})
	}
}

func TestReportsWentLive(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"4.13 deployed successfully. PVT done.", true},
		{"4.14 deployed. PVT passed.", true},
		{"Released to all stores at 22:40, no rollback", true},
		{"4.12 is live. Zero rollback.", true},
		{"we went live at 06:10", true},
		{"Deployment on 22nd.", false},
		{"will be deployed on 22nd", false},
		{"not deployed yet, waiting for the CAB", false},
		{"deployed to staging, UAT starts Monday", false},
		{"deployed on pre-prod for the dry run", false},
		{"Deployed?", false},
		{"Update: mitigation is live. Impact: 3,100 merchants, 40 minutes.", false},
		{"Go-live date of 22nd is still holding as of now", false},
	} {
		if got := evidence.ReportsWentLive(tt.text); got != tt.want {
			t.Errorf("ReportsWentLive(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestReportsEndState(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"rollback done at 14:38, error rate back to baseline. about 1,800 card orders failed", true},
		{"Resolved: the queue was empty at 16:05.", true},
		{"All clear since 23:24 UTC, closing", true},
		{"Payments are back to normal after the rollback", true},
		{"mitigated at 14:20; 2% of checkouts failed for 25 minutes", true},
		{"Update: errors at 12%, PAY rolling back", false},
		{"not resolved yet, errors at 12%", false},
		{"We'll close this once it is fixed in PAY 4.13.1", false},
		{"partially restored: EU back, US at 40% errors", false},
		{"Resolved? Errors are still at 5%", false},
		{"ETA for a fix is 16:00", false},
		{"should be back to normal by 15:00", false},
		{"4.12 is live. Zero rollback. PVT passed.", true},
		{"4.13 went live on Saturday, no rollback", true},
		{"ACK received from RBI, all 4,312 payments credited. Resolving the incident.", true},
		{"4.15 is not live yet, code freeze moved to 3rd Dec", false},
		{"Go-live date of 22nd is still holding as of now", false},
		{"it will be live on 19th", false},
		{"still resolving merge conflicts on 4.15", false},
		{"not resolving the incident until the 3 PM ACK", false},
		{"Is 4.12 live?", false},
		{"The release is now live, 0 rollbacks", true},
		{"Update: mitigation is live. Impact: 3,100 merchants, 40 minutes.", false},
	} {
		if got := evidence.ReportsEndState(tt.text); got != tt.want {
			t.Errorf("ReportsEndState(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
